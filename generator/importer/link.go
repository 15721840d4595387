package importer

import (
	"strconv"
	"strings"
)

// link checks what the model's shapes refer to: every reference lands on a
// shape of a kind that can stand there, so that the spec written from the
// model loads, and a broken model is refused here with its JSON path rather
// than later with a line of YAML the user never wrote.
func (r *reader) link(m *botoModel) {
	ref := func(path, name string) *botoShape {
		if name == "" {
			return nil
		}
		s, ok := m.shapes[name]
		if !ok {
			r.errorf(path, "refers to shape %q, which the model does not define", name)
		}
		return s
	}
	for _, name := range m.shapeNames {
		s := m.shapes[name]
		switch s.typ {
		case "byte", "short", "bigInteger", "bigDecimal", "character":
			r.errorf(sub(s.path, "type"), "shape type %q is not supported yet", s.typ)
		}
		if s.typ != "structure" {
			for _, k := range []struct {
				set  bool
				what string
			}{{len(s.members) > 0, "members"}, {len(s.required) > 0, "required"}, {s.union, "union"},
				{s.document, "document"}, {s.exception || s.errStatus != "" || s.errCode != "", "exception"},
				{s.payload != "", "payload"}} {
				if k.set {
					r.errorf(sub(s.path, k.what), "only a structure can have %s (the shape is a %s)", k.what, s.typ)
				}
			}
		}
		if len(s.enum) > 0 && s.typ != "string" {
			r.errorf(sub(s.path, "enum"), "only a string can have enum values (the shape is a %s)", s.typ)
		}
		if s.pattern != "" && s.typ != "string" {
			r.errorf(sub(s.path, "pattern"), "only a string can have a pattern (the shape is a %s)", s.typ)
		}
		if (s.min != "" || s.max != "") && !contains([]string{"string", "blob", "list", "map", "integer", "long", "float", "double"}, s.typ) {
			r.errorf(s.path, "a %s cannot have min or max", s.typ)
		}
		if s.timestampFormat != "" && s.typ != "timestamp" {
			r.errorf(sub(s.path, "timestampFormat"), "only a timestamp can have a format (the shape is a %s)", s.typ)
		}
		switch s.typ {
		case "structure":
			if s.document && len(s.members) > 0 {
				r.errorf(sub(s.path, "document"), "a document cannot have members")
			}
			var names []string
			for _, mb := range s.members {
				names = append(names, mb.name)
				t := ref(sub(mb.path, "shape"), mb.shape)
				if t != nil {
					r.checkLocation(mb, t, m)
				}
				if mb.timestampFormat != "" && t != nil && t.typ != "timestamp" {
					r.errorf(sub(mb.path, "timestampFormat"), "only a timestamp member can have a format (%s is a %s)", t.name, t.typ)
				}
			}
			for _, req := range s.required {
				if !contains(names, req) {
					r.errorf(sub(s.path, "required"), "names %q, which is not a member", req)
				}
			}
			if s.payload != "" && !contains(names, s.payload) {
				r.errorf(sub(s.path, "payload"), "names %q, which is not a member", s.payload)
			}
		case "list":
			if s.member == "" {
				r.errorf(s.path, "missing key \"member\"")
			}
			ref(sub(sub(s.path, "member"), "shape"), s.member)
		case "map":
			if s.key == "" || s.value == "" {
				r.errorf(s.path, "missing key \"key\" or \"value\"")
			}
			if k := ref(sub(sub(s.path, "key"), "shape"), s.key); k != nil && k.typ != "string" {
				r.errorf(sub(sub(s.path, "key"), "shape"), "map keys must be strings, %s is a %s", k.name, k.typ)
			}
			ref(sub(sub(s.path, "value"), "shape"), s.value)
		}
	}
	for _, op := range m.operations {
		for _, io := range []struct{ key, name string }{{"input", op.input}, {"output", op.output}} {
			if s := ref(sub(sub(op.path, io.key), "shape"), io.name); s != nil && s.typ != "structure" {
				r.errorf(sub(sub(op.path, io.key), "shape"), "%s must be a structure, found a %s", io.name, s.typ)
			}
		}
		for i, e := range op.errors {
			p := sub(sub(sub(op.path, "errors"), strconv.Itoa(i)), "shape")
			if s := ref(p, e); s != nil && s.typ != "structure" {
				r.errorf(p, "error %s must be a structure, found a %s", e, s.typ)
			}
		}
	}
	r.checkCycles(m)
}

// checkLocation checks that a member bound to a part of the HTTP message
// has a shape that part can carry.
func (r *reader) checkLocation(mb *botoMember, t *botoShape, m *botoModel) {
	scalar := contains([]string{"string", "integer", "long", "float", "double", "boolean", "timestamp"}, t.typ)
	elem := func(name string) *botoShape { return m.shapes[name] }
	// An element the model does not define is reported on its own; it
	// does not make the location wrong too.
	isScalar := func(s *botoShape) bool {
		return s == nil || contains([]string{"string", "integer", "long", "float", "double", "boolean", "timestamp"}, s.typ)
	}
	p := sub(mb.path, "location")
	switch mb.location {
	case "":
		return
	case "uri":
		if !scalar {
			r.errorf(p, "a URI label must be a string, number, boolean or timestamp, %s is a %s", t.name, t.typ)
		}
	case "header":
		if !scalar && !(t.typ == "list" && isScalar(elem(t.member))) {
			r.errorf(p, "a header must be a scalar or a list of scalars, %s is a %s", t.name, t.typ)
		}
	case "querystring":
		ok := scalar || t.typ == "list" && isScalar(elem(t.member))
		if t.typ == "map" {
			v := elem(t.value)
			ok = v == nil || v.typ == "string" || v.typ == "list" && isScalar(elem(v.member))
		}
		if !ok {
			r.errorf(p, "a query parameter must be a scalar, a list of scalars or a map of strings or of lists of strings, %s is a %s", t.name, t.typ)
		}
	case "headers":
		if v := elem(t.value); t.typ != "map" || v != nil && v.typ != "string" {
			r.errorf(p, "a headers prefix must be a map of strings, %s is a %s", t.name, t.typ)
		}
	case "statusCode":
		if t.typ != "integer" {
			r.errorf(p, "the status code member must be an integer, %s is a %s", t.name, t.typ)
		}
	}
	// A query map's entries are parameters of their own: it has no name.
	// A headers map with no name takes every header (Smithy's
	// httpPrefixHeaders with an empty prefix).
	named := mb.location != "statusCode" && mb.location != "headers" && !(mb.location == "querystring" && t.typ == "map")
	if named && mb.locationName == "" {
		r.errorf(mb.path, "a member with location %q needs a locationName", mb.location)
	}
}

// checkCycles refuses lists and maps that contain themselves without a
// structure in between (A is a list of B, B is a list of A): no Go type
// spells that, while a structure in the loop is fine (a pointer breaks it).
func (r *reader) checkCycles(m *botoModel) {
	const (
		unseen = iota
		active
		done
	)
	state := map[string]int{}
	var stack []string
	var visit func(name string)
	visit = func(name string) {
		s := m.shapes[name]
		if s == nil || (s.typ != "list" && s.typ != "map") {
			return
		}
		switch state[name] {
		case done:
			return
		case active:
			i := len(stack) - 1
			for stack[i] != name {
				i--
			}
			loop := append(append([]string(nil), stack[i:]...), name)
			r.errorf(s.path, "refers to itself through lists and maps only (%s); no Go type can hold that", strings.Join(loop, " -> "))
			return
		}
		state[name] = active
		stack = append(stack, name)
		for _, next := range []string{s.member, s.value} {
			if next != "" {
				visit(next)
			}
		}
		stack = stack[:len(stack)-1]
		state[name] = done
	}
	for _, name := range m.shapeNames {
		visit(name)
	}
}
