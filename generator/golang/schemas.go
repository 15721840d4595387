package golang

import (
	"cmp"
	"fmt"
	"sort"

	"github.com/dave/jennifer/jen"

	"github.com/specgen/specgen/generator/model"
	"github.com/specgen/specgen/specrt/protocol/ident"
)

// JSONWirePath is the import path of the JSON body codec.
const JSONWirePath = RuntimePath + "/jsonwire"

// SchemaPath is the import path of the shape data every body codec reads.
const SchemaPath = RuntimePath + "/schema"

// jw names an identifier of the JSON body codec.
func jw(name string) *jen.Statement { return jen.Qual(JSONWirePath, name) }

// sc names an identifier of package schema.
func sc(name string) *jen.Statement { return jen.Qual(SchemaPath, name) }

// emitSchemas writes schemas.go: every structure, list and map a request
// or response body can hold, described as data to the body codecs (wire
// names, field offsets, timestamp formats, XML and query traits) through
// specrt/schema; the protocol's codec encodes and decodes them.
// The descriptions are package variables the compiler lays out statically;
// references that close a cycle (recursive shapes) are set in init, since
// package variables may not refer to each other in a loop.
func emitSchemas(p *Package) *jen.File {
	shapes := bodyShapes(p)
	if len(shapes) == 0 {
		return nil
	}
	f := newFile(p)
	back := backEdges(shapes)
	roots := xmlRoots(p)
	var defs []jen.Code
	var links []jen.Code
	for _, s := range shapes {
		d := jen.Dict{jen.Id("Kind"): sc(schemaKind(s))}
		switch s.Kind {
		case model.Structure:
			d[jen.Id("Type")] = jen.Parens(jen.Op("*").Id(s.GoName)).Call(jen.Nil())
			var members []jen.Code
			i := 0
			for _, m := range s.Members {
				if m.Location != "" {
					continue
				}
				// One line per member: keyed fields, in a fixed order.
				fields := []jen.Code{field("Name", jen.Lit(m.Name))}
				if alt := messageAlias(s, m); alt != "" {
					fields = append(fields, field("Alias", jen.Lit(alt)))
				}
				fields = append(fields, field("Offset", jen.Qual("unsafe", "Offsetof").Call(jen.Id(s.GoName).Values().Dot(m.GoName))))
				if back[edge{s, m.Shape, i}] {
					links = append(links, jen.Id(s.SchemaVar).Dot("Members").Index(jen.Lit(i)).Dot("Shape").Op("=").Add(shapeRef(m.Shape, m.TimestampFormat)))
				} else {
					fields = append(fields, field("Shape", shapeRef(m.Shape, m.TimestampFormat)))
				}
				if x := xmlMember(m.XML); x != nil {
					fields = append(fields, field("XML", x))
				}
				members = append(members, jen.Values(fields...))
				i++
			}
			if len(members) > 0 {
				d[jen.Id("Members")] = jen.Index().Add(sc("Member")).Custom(jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}, members...)
			}
		case model.List, model.Map:
			elem := s.Member
			if s.Kind == model.Map {
				elem = s.Value
			}
			d[jen.Id("Type")] = jen.Parens(jen.Op("*").Add(goType(s))).Call(jen.Nil())
			if back[edge{s, elem, 0}] {
				links = append(links, jen.Id(s.SchemaVar).Dot("Elem").Op("=").Add(shapeRef(elem, elem.TimestampFormat)))
			} else {
				// An element has no member of its own: a timestamp takes
				// its shape's format.
				d[jen.Id("Elem")] = shapeRef(elem, elem.TimestampFormat)
			}
		}
		if x := xmlShape(s, roots[s]); x != nil {
			d[jen.Id("XML")] = x
		}
		defs = append(defs, jen.Id(s.SchemaVar).Op("=").Add(sc("Shape")).Values(d))
	}
	f.Comment("The shapes of the request and response bodies, described to the body codecs.")
	f.Var().Defs(defs...)
	f.Line()
	if named := namedPayloads(p); len(named) > 0 {
		f.Comment("The structure payloads that name the body's element themselves, in place of their shapes'.")
		f.Var().Defs(named...)
		f.Line()
	}
	if len(links) > 0 {
		f.Comment("init closes the cycles of the recursive shapes.")
		f.Func().Id("init").Params().Block(links...)
		f.Line()
	}
	emitWireShape(f, p)
	return f
}

// namedPayloads are the variables of the inputs' structure payload
// members that name the body's element themselves: their shape's schema
// under that element (schema.Shape.Named), which the client encodes them
// with.
func namedPayloads(p *Package) []jen.Code {
	var defs []jen.Code
	seen := map[*model.Member]bool{}
	for _, op := range p.Operations {
		if pm := op.Input.PayloadMember(); pm != nil && pm.PayloadSchemaVar != "" && !seen[pm] {
			seen[pm] = true
			defs = append(defs, jen.Id(pm.PayloadSchemaVar).Op("=").Id(pm.Shape.SchemaVar).Dot("Named").Call(jen.Lit(pm.XML.Name)))
		}
	}
	return defs
}

// emitWireShape writes WireShape, through which the generated mock (another
// package) finds the shapes of the operations' inputs and outputs.
func emitWireShape(f *jen.File, p *Package) {
	if len(p.Operations) == 0 {
		return
	}
	seen := map[*model.Shape]bool{}
	var cases []jen.Code
	for _, op := range p.Operations {
		shapes := []*model.Shape{op.Input, op.Output}
		for _, io := range []*model.Shape{op.Input, op.Output} {
			if pm := io.PayloadMember(); pm != nil && pm.Shape.Kind == model.Structure {
				shapes = append(shapes, pm.Shape)
			}
		}
		for _, s := range shapes {
			if seen[s] || s.SchemaVar == "" {
				continue
			}
			seen[s] = true
			cases = append(cases, jen.Case(jen.Op("*").Id(s.GoName)).Block(jen.Return(jen.Op("&").Id(s.SchemaVar))))
		}
	}
	es := errorShapes(p)
	sort.Slice(es, func(i, j int) bool { return es[i].GoName < es[j].GoName })
	for _, s := range es {
		if !seen[s] && s.SchemaVar != "" {
			seen[s] = true
			cases = append(cases, jen.Case(jen.Op("*").Id(s.GoName)).Block(jen.Return(jen.Op("&").Id(s.SchemaVar))))
		}
	}
	f.Add(commentLines(comment("WireShape describes the type of v, a pointer to an operation's input or output, to a structure payload or to an error, to the body codecs; nil for any other value. The generated mock decodes requests and encodes responses and error bodies with it.")))
	f.Func().Id("WireShape").Params(jen.Id("v").Any()).Op("*").Add(sc("Shape")).Block(
		jen.Switch(jen.Id("v").Assert(jen.Type())).Block(cases...),
		jen.Return(jen.Nil()),
	)
}

// field is a keyed field of a composite literal.
func field(name string, v jen.Code) jen.Code { return jen.Id(name).Op(":").Add(v) }

// schemaKind names the schema kind of a structure, list or map shape.
func schemaKind(s *model.Shape) string {
	switch s.Kind {
	case model.List:
		return "KindList"
	case model.Map:
		return "KindMap"
	}
	return "KindStruct"
}

// scalarSchemas name the shared schema shapes of the scalar kinds. A
// timestamp without a format is schema.Timestamp: each protocol applies
// its default (epoch seconds in JSON, RFC 3339 in XML and query keys).
var scalarSchemas = map[model.Kind]string{
	model.String: "String", model.Integer: "Int32", model.Long: "Int64", model.Float: "Float32",
	model.Double: "Float64", model.Boolean: "Bool", model.Timestamp: "Timestamp", model.Blob: "Blob",
	model.Document: "Document",
}

// shapeRef is the expression of the schema shape of s: its schema
// variable, or a shared scalar shape; a timestamp takes its member's
// format (the protocol's default when none is given).
func shapeRef(s *model.Shape, format string) *jen.Statement {
	switch {
	case s.SchemaVar != "":
		return jen.Op("&").Id(s.SchemaVar)
	case s.IsEnum():
		return jen.Op("&").Add(sc("Enum"))
	case s.Kind == model.Timestamp && format == model.ISO8601Format:
		return jen.Op("&").Add(sc("ISO8601"))
	case s.Kind == model.Timestamp && format == model.HTTPDateFormat:
		return jen.Op("&").Add(sc("HTTPDate"))
	case s.Kind == model.Timestamp && format == model.EpochSecondsFormat:
		return jen.Op("&").Add(sc("EpochSeconds"))
	}
	name, ok := scalarSchemas[s.Kind]
	if !ok {
		panic(fmt.Sprintf("golang: no codec shape for kind %s", s.Kind))
	}
	return jen.Op("&").Add(sc(name))
}

// bodyShapes are the structures, lists and maps that a request or response
// body can hold: inputs and outputs (their body and payload members), the
// errors, and everything inside them, sorted by schema name.
func bodyShapes(p *Package) []*model.Shape {
	seen := map[*model.Shape]bool{}
	var walk func(s *model.Shape)
	walk = func(s *model.Shape) {
		if s == nil || seen[s] || s.SchemaVar == "" {
			return
		}
		seen[s] = true
		walk(s.Member)
		walk(s.Value)
		for _, m := range s.Members {
			if m.Location == "" || m.Location == model.LocPayload {
				walk(m.Shape)
			}
		}
	}
	for _, op := range p.Operations {
		walk(op.Input)
		walk(op.Output)
	}
	for _, e := range errorShapes(p) {
		walk(e)
	}
	var out []*model.Shape
	for s := range seen {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].SchemaVar < out[j].SchemaVar })
	return out
}

// edge is a reference from one schema to another: the i-th body member of a
// structure, or the element (i = 0) of a list or map.
type edge struct {
	from, to *model.Shape
	i        int
}

// backEdges are the references that close a cycle, found by a depth-first
// walk in the order of shapes: without them the references form no loop,
// so the rest can be static initializers.
func backEdges(shapes []*model.Shape) map[edge]bool {
	const (
		unseen = iota
		open
		done
	)
	state := map[*model.Shape]int{}
	back := map[edge]bool{}
	var visit func(s *model.Shape)
	follow := func(e edge) {
		if e.to == nil || e.to.SchemaVar == "" {
			return
		}
		switch state[e.to] {
		case open:
			back[e] = true
		case unseen:
			visit(e.to)
		}
	}
	visit = func(s *model.Shape) {
		state[s] = open
		switch s.Kind {
		case model.Structure:
			i := 0
			for _, m := range s.Members {
				if m.Location != "" {
					continue
				}
				follow(edge{s, m.Shape, i})
				i++
			}
		case model.List:
			follow(edge{s, s.Member, 0})
		case model.Map:
			follow(edge{s, s.Value, 0})
		}
		state[s] = done
	}
	for _, s := range shapes {
		if state[s] == unseen {
			visit(s)
		}
	}
	return back
}

// xmlRoots are the structures whose element is a whole restXml body (an
// operation's input or output with members in the body, a structure
// payload): their schemas name the element. Empty for a service that does
// not speak restXml, whose bodies have no root element to name.
func xmlRoots(p *Package) map[*model.Shape]bool {
	roots := map[*model.Shape]bool{}
	if !p.Speaks(ident.RestXML) {
		return roots
	}
	for _, op := range p.Operations {
		for _, io := range []*model.Shape{op.Input, op.Output} {
			switch pm := io.PayloadMember(); {
			case pm != nil && pm.Shape.Kind == model.Structure:
				roots[pm.Shape] = true
			case pm == nil && hasBodyMembers(io):
				roots[io] = true
			}
		}
	}
	return roots
}

// xmlShape is the schema.XMLShape of s, or nil when the defaults apply,
// as they do in every JSON and CBOR service. A root structure names its
// element: the xml name, else the spec's shape name.
func xmlShape(s *model.Shape, root bool) jen.Code {
	x := s.XML
	if x == nil {
		x = &model.XMLShape{}
	}
	var fields []jen.Code
	if root {
		fields = append(fields, field("Name", jen.Lit(cmp.Or(x.Name, s.Name))))
	}
	switch s.Kind {
	case model.Structure:
		fields = addNS(fields, "NS", x.NS)
	case model.List:
		fields = addName(fields, "ElemName", x.MemberName)
		fields = addNS(fields, "ElemNS", x.MemberNS)
	case model.Map:
		fields = addName(fields, "KeyName", x.KeyName)
		fields = addName(fields, "ValueName", x.ValueName)
		fields = addNS(fields, "KeyNS", x.KeyNS)
		fields = addNS(fields, "ValueNS", x.ValueNS)
	}
	if len(fields) == 0 {
		return nil
	}
	return jen.Op("&").Add(sc("XMLShape")).Values(fields...)
}

// xmlMember is the schema.XMLMember of a member's traits, or nil.
func xmlMember(x *model.XMLMember) jen.Code {
	if x == nil {
		return nil
	}
	var fields []jen.Code
	if x.Attribute {
		fields = append(fields, field("Attr", jen.True()))
	}
	if x.Flattened {
		fields = append(fields, field("Flat", jen.True()))
	}
	fields = addNS(fields, "NS", x.NS)
	fields = addName(fields, "QueryName", x.QueryName)
	return jen.Op("&").Add(sc("XMLMember")).Values(fields...)
}

// addName appends the keyed field key: name unless name is empty.
func addName(fields []jen.Code, key, name string) []jen.Code {
	if name == "" {
		return fields
	}
	return append(fields, field(key, jen.Lit(name)))
}

// addNS appends the keyed field key: &schema.XMLNamespace{...} unless ns
// is nil.
func addNS(fields []jen.Code, key string, ns *model.XMLNamespace) []jen.Code {
	if ns == nil {
		return fields
	}
	var v []jen.Code
	if ns.Prefix != "" {
		v = append(v, field("Prefix", jen.Lit(ns.Prefix)))
	}
	v = append(v, field("URI", jen.Lit(ns.URI)))
	return append(fields, field(key, jen.Op("&").Add(sc("XMLNamespace")).Values(v...)))
}
