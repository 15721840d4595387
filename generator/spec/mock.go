package spec

import (
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/specgen/specgen/generator/model"
	"github.com/specgen/specgen/specrt/mockrt/tmpl"
)

// The mock blocks: how the generated mock server behaves. The loader keeps
// their YAML nodes (rawService.mock, rawOperation.mock); this file checks
// them against the shapes and fills model.ServiceMock and
// model.OperationMock. Templates are checked with the mock run time's own
// parser, so a template the mock would refuse is a spec error.

// mocks resolves every mock block; it runs after operations().
func (r *resolver) mocks() {
	r.svc.Mock = &model.ServiceMock{}
	if n := r.raw.service.mock; n != nil {
		r.serviceMock(n)
	}
	for _, ro := range r.raw.operations {
		if ro.mock == nil {
			continue
		}
		var op *model.Operation
		for _, o := range r.svc.Operations {
			if o.Name == ro.name.v {
				op = o
			}
		}
		if op == nil || op.Input == nil || op.Output == nil {
			continue // its problems are reported already
		}
		op.Mock = r.operationMock(op, ro.mock)
	}
}

func (r *resolver) serviceMock(n *yaml.Node) {
	m := r.svc.Mock
	for _, p := range r.mapping(n, "service mock", serviceMockKeys) {
		switch p.k.Value {
		case "validationError":
			if r.svc.ValidationError == nil {
				continue // reported with validationError
			}
			e := &model.MockError{Shape: r.svc.ValidationError}
			for _, q := range r.mapping(p.v, "mock validationError", validationKeys) {
				switch q.k.Value {
				case "members":
					e.Members = r.mockFields(q.v, e.Shape, "member", scope{})
				case "fieldList":
					v := r.str(q.v, "fieldList")
					if s := r.memberPath(e.Shape, v, "fieldList"); s != nil && s.Kind != model.List {
						r.errorf(v.n, "fieldList %s must be a list member, it is %s", v.v, s.Kind)
					}
					e.FieldList = v.v
				}
			}
			m.ValidationError = e
		case "serializationError":
			m.SerializationError = r.mockError(p.v, "serializationError", scope{})
		case "throttlingError":
			m.ThrottlingError = r.mockError(p.v, "throttlingError", scope{})
		case "missingParameter":
			m.MissingParameter = r.mockError(p.v, "missingParameter", scope{})
		}
	}
}

// scope is what templates of a block may refer to.
type scope struct {
	op            *model.Operation // {resource.*}: the description of the resource op acts on
	input, output *model.Shape
	existing      bool     // {existing.*}: the output of a stored item
	defined       []string // output paths defined so far, for {output.*}
	state         []string // the names of the state kept with an item, for {state.*}
}

func (r *resolver) mockError(n *yaml.Node, what string, sc scope) *model.MockError {
	e := &model.MockError{}
	var members *yaml.Node
	pairs := r.mapping(n, "mock "+what, mockErrorKeys)
	for _, p := range pairs {
		switch p.k.Value {
		case "code":
			e.Code = r.errorCode(r.str(p.v, "code"), what)
		case "error":
			v := r.str(p.v, "error")
			if s := r.ref(v, what+" error"); s != nil {
				if r.byName[s.Name] == nil || r.byName[s.Name].err == nil {
					r.errorf(v.n, "%s has no error trait", v.v)
				} else {
					e.Shape = s
				}
			}
		case "members":
			members = p.v
		}
	}
	if e.Shape != nil && hasKey(pairs, "code") {
		r.errorf(n, "mock %s: give an error shape (error) or a code, not both", what)
	}
	if members != nil {
		if e.Shape == nil {
			// A generic error has one member, its message.
			e.Members = r.mockFields(members, &model.Shape{Kind: model.Structure, Members: []*model.Member{{Name: "message", Shape: r.builtins["string"]}}}, "member", sc)
		} else {
			e.Members = r.mockFields(members, e.Shape, "member", sc)
		}
	}
	return e
}

func (r *resolver) operationMock(op *model.Operation, n *yaml.Node) *model.OperationMock {
	m := &model.OperationMock{}
	sc := scope{op: op, input: op.Input, output: op.Output}
	var conflict, mismatch, quota, output, state *yaml.Node
	for _, p := range r.mapping(n, "mock of "+op.Name, operationMockKeys) {
		switch p.k.Value {
		case "resource":
			v := r.str(p.v, "resource")
			m.Resource = v.v
		case "unique":
			for _, u := range r.sequence(p.v, "unique") {
				v := r.str(u, "unique member")
				if strings.Contains(v.v, "{") {
					r.uniqueTemplate(v, scope{input: op.Input})
				} else if s := r.memberPath(op.Input, v, "unique member"); s != nil && !isScalar(s) {
					r.errorf(v.n, "unique member %s must be a scalar, it is %s", v.v, s.Kind)
				}
				m.Unique = append(m.Unique, v.v)
			}
		case "conflict":
			conflict = p.v
		case "idempotencyMismatch":
			mismatch = p.v
		case "quotaExceeded":
			quota = p.v
		case "output":
			output = p.v
		case "state":
			state = p.v
		case "example":
			if ex, ok := decodeAny(p.v).(map[string]any); ok {
				m.Example = ex
			} else {
				r.errorf(p.v, "mock example of %s must be a mapping (the input)", op.Name)
			}
		}
	}
	if output != nil {
		m.Output = r.mockFields(output, op.Output, "output member", sc)
	}
	sc.existing = true
	for _, f := range m.Output {
		sc.defined = append(sc.defined, f.Path)
	}
	if state != nil {
		m.State = r.stateFields(state, sc)
	}
	for _, f := range m.State {
		sc.state = append(sc.state, f.Path)
	}
	if quota != nil {
		m.QuotaExceeded = r.mockError(quota, "quotaExceeded", scope{op: op, input: op.Input, output: op.Output})
	} else if m.Resource != "" {
		m.QuotaExceeded = r.quotaError(op, n)
	}
	if conflict != nil {
		m.Conflict = r.mockError(conflict, "conflict", sc)
	}
	if mismatch != nil {
		m.IdempotencyMismatch = r.mockError(mismatch, "idempotencyMismatch", sc)
	}
	if (len(m.Unique) > 0 || conflict != nil || mismatch != nil || quota != nil || state != nil) && m.Resource == "" {
		// Unless a resource's create keeps them (checked with the
		// resources block).
		r.storeless = append(r.storeless, storeless{op, n})
	}
	return m
}

// uniqueTemplate checks a unique entry written as a template of the input
// ({arnName:input.cluster}): it may refer to input members only.
func (r *resolver) uniqueTemplate(v str, sc scope) {
	refs, err := tmpl.Refs(v.v)
	if err != nil {
		r.errorf(v.n, "unique %s: %v", v.v, err)
		return
	}
	if len(refs) == 0 {
		r.errorf(v.n, "unique %s refers to no input member: every item would collide", v.v)
	}
	for _, ref := range refs {
		r.checkRef(ref, v.n, sc)
	}
}

// stateFields reads the state block: names (without dots) of templates of
// the input and the output, kept with the item.
func (r *resolver) stateFields(n *yaml.Node, sc scope) []*model.MockField {
	var out []*model.MockField
	for _, p := range r.mapping(n, "states", nil) {
		if p.k.Value == "" || strings.Contains(p.k.Value, ".") {
			r.errorf(p.k, "state name %q must be a name without dots", p.k.Value)
			continue
		}
		v := decodeAny(p.v)
		refs, err := tmpl.Refs(v)
		if err != nil {
			r.errorf(p.v, "%s: %v", p.k.Value, err)
			continue
		}
		for _, ref := range refs {
			r.checkRef(ref, p.v, scope{input: sc.input, output: sc.output, defined: sc.defined})
		}
		out = append(out, &model.MockField{Path: p.k.Value, Value: v})
	}
	return out
}

// quotaCodes are the error codes, most specific first, by which an
// operation's declared errors name the answer to a full store when the
// mock block does not name one with quotaExceeded.
var quotaCodes = []string{"ServiceQuotaExceededException", "LimitExceededException", "ResourceLimitExceeded", "ResourceLimitExceededException"}

// quotaError finds the operation's quota error among the errors it
// declares, its message member set to {message}; a spec that declares none
// must say which error stands for it.
func (r *resolver) quotaError(op *model.Operation, n *yaml.Node) *model.MockError {
	if me := declaredQuotaError(op); me != nil {
		return me
	}
	r.errorf(n, "mock of %s stores items but %s declares no quota error (%s); name the error a full store answers with quotaExceeded", op.Name, op.Name, strings.Join(quotaCodes, ", "))
	return nil
}

func isScalar(s *model.Shape) bool {
	return s.Kind != model.Structure && s.Kind != model.List && s.Kind != model.Map
}

// mockFields reads a mapping of member path to template, checking each path
// against shape and each template's references against the scope.
func (r *resolver) mockFields(n *yaml.Node, shape *model.Shape, what string, sc scope) []*model.MockField {
	var out []*model.MockField
	for _, p := range r.mapping(n, what+"s", nil) {
		path := str{p.k.Value, p.k}
		target := r.memberPath(shape, path, what)
		v := decodeAny(p.v)
		refs, err := tmpl.Refs(v)
		if err != nil {
			r.errorf(p.v, "%s: %v", path.v, err)
			sc.defined = append(sc.defined, path.v) // reported once, not again by its users
			continue
		}
		for _, ref := range refs {
			r.checkRef(ref, p.v, sc)
		}
		if target != nil {
			if s, ok := v.(string); ok && tmpl.IsLiteral(v) && target.Kind == model.String {
				if target.IsEnum() && !enumHas(target, s) {
					r.errorf(p.v, "%q is not a value of enum %s", s, target.Name)
				}
				r.checkStringValue(target, s, p.v, "mock value")
			}
		}
		out = append(out, &model.MockField{Path: path.v, Value: v})
		sc.defined = append(sc.defined, path.v)
	}
	return out
}

func enumHas(s *model.Shape, v string) bool {
	for _, e := range s.Enum {
		if e.Value == v {
			return true
		}
	}
	return false
}

// checkRef checks one {input.*}, {output.*} or {existing.*} reference.
func (r *resolver) checkRef(ref string, n *yaml.Node, sc scope) {
	kind, path, _ := strings.Cut(ref, ".")
	switch {
	case kind == "input" && sc.input != nil:
		r.memberPath(sc.input, str{path, n}, "{"+ref+"}")
	case kind == "output" && sc.output != nil:
		r.memberPath(sc.output, str{path, n}, "{"+ref+"}")
		if !contains(sc.defined, path) {
			r.errorf(n, "{%s} refers to an output member not produced before it", ref)
		}
	case kind == "existing" && sc.existing:
		r.memberPath(sc.output, str{path, n}, "{"+ref+"}")
	case kind == "resource" && sc.op != nil:
		r.resRefs = append(r.resRefs, resourceRef{op: sc.op, path: path, n: n})
	case kind == "state" && sc.existing:
		if !contains(sc.state, path) {
			if sg := suggest(path, sc.state); sg != "" {
				r.errorf(n, "{%s}: the mock keeps no state %q, did you mean %q?", ref, path, sg)
			} else {
				r.errorf(n, "{%s}: the mock keeps no state %q", ref, path)
			}
		}
	default:
		r.errorf(n, "{%s} cannot be used here", ref)
	}
}

// memberPath follows a dotted path of member names (and map keys) from
// shape s and returns the shape it ends at, reporting a wrong step.
func (r *resolver) memberPath(s *model.Shape, path str, what string) *model.Shape {
	cur := s
	where := what
	if strings.Contains(path.v, ".") || !strings.HasPrefix(what, "{") {
		where = fmt.Sprintf("%s %q", what, path.v)
	}
	for _, seg := range strings.Split(path.v, ".") {
		switch cur.Kind {
		case model.Structure:
			var next *model.Shape
			var names []string
			for _, m := range cur.Members {
				names = append(names, m.Name)
				if m.Name == seg {
					next = m.Shape
				}
			}
			if next == nil {
				if sg := suggest(seg, names); sg != "" {
					r.errorf(path.n, "%s: %s has no member %q, did you mean %q?", where, shapeLabel(cur), seg, sg)
				} else {
					r.errorf(path.n, "%s: %s has no member %q", where, shapeLabel(cur), seg)
				}
				return nil
			}
			cur = next
		case model.Map:
			cur = cur.Value
		case model.List:
			// An element by its index (deployments.0.runningCount).
			if _, err := strconv.Atoi(seg); err != nil {
				r.errorf(path.n, "%s: %s is a list: give an element's index, not %q", where, shapeLabel(cur), seg)
				return nil
			}
			cur = cur.Member
		default:
			r.errorf(path.n, "%s: %s is a %s and has no members", where, shapeLabel(cur), cur.Kind)
			return nil
		}
		if cur == nil {
			return nil
		}
	}
	return cur
}

func shapeLabel(s *model.Shape) string {
	if s.GoName != "" {
		return s.GoName
	}
	if s.Name != "" {
		return s.Name
	}
	return "the error"
}
