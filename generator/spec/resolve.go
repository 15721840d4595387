package spec

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/specgen/specgen/generator/model"
	"github.com/specgen/specgen/generator/pattern"
	"github.com/specgen/specgen/specrt/protocol/ident"
)

var kinds = []string{"structure", "list", "map", "string", "integer", "long", "float", "double", "boolean", "timestamp", "blob", "document"}

// builtinShapes are the unconstrained shapes a reference may name directly.
var builtinShapes = []string{"string", "integer", "long", "float", "double", "boolean", "timestamp", "blob"}

// reservedGoNames are identifiers that generated packages declare themselves,
// so no shape may take them.
var reservedGoNames = []string{"Client", "New", "Options", "API", "Error", "WireShape"}

// resolver turns a raw file into a model.
type resolver struct {
	*loader
	raw      *rawFile
	defaults []func() // checks of member defaults, run once every shape is filled
	byName   map[string]*rawShape
	shapes   map[string]*model.Shape
	builtins map[string]*model.Shape
	svc      *model.Service
	unknown  []unknownRef // references to undefined shapes, reported in reportRefs
	// synthetic are the empty inputs and outputs of operations that name
	// none (traits.go).
	synthetic []*model.Shape
	// The resources block (resources.go): each resource's description
	// shape, the {resource.*} references of mock blocks and the checks that
	// wait for every resource to be read.
	resDesc  map[*model.Resource]*model.Shape
	resRefs  []resourceRef
	resLater []func(map[string]*model.Resource)
	// storeless are mock blocks that keep unique items or tokens without
	// a store of their own: only a resource's create may.
	storeless []storeless
}

func resolve(l *loader, raw *rawFile) *model.Service {
	r := &resolver{
		loader:   l,
		raw:      raw,
		byName:   map[string]*rawShape{},
		shapes:   map[string]*model.Shape{},
		builtins: map[string]*model.Shape{},
		resDesc:  map[*model.Resource]*model.Shape{},
	}
	for _, b := range builtinShapes {
		r.builtins[b] = &model.Shape{Name: b, Builtin: true, Kind: model.Kind(b)}
	}
	r.svc = &model.Service{Pos: l.pos(raw.root)}
	r.service()
	r.declareShapes()
	for _, sh := range raw.shapes {
		if s := r.shapes[sh.name.v]; s != nil {
			r.fillShape(sh, s)
		}
	}
	r.payloads()           // binding.go
	r.checkPatternBudget() // patterns.go
	for _, check := range r.defaults {
		check()
	}
	r.rules()  // rules.go; needs every member and its default
	r.unions() // traits.go
	r.checkCollectionCycles()
	r.operations()
	r.paginators()      // traits.go
	r.waiters()         // waiters.go
	r.mocks()           // mock.go
	r.resources()       // resources.go; before requiredOutputs, which fills mock outputs
	r.requiredOutputs() // mockdefaults.go
	r.markUse()
	r.markSensitive()
	r.nameTypes()
	r.namePaginators() // traits.go
	r.nameFields()
	r.collectPatterns()
	r.nameHelpers()
	r.checkErrorUse()
	r.checkBindings()  // wire.go
	r.hostPrefixes()   // binding.go
	r.checkWireNames() // wire.go
	r.checkExamples()
	return r.svc
}

func (r *resolver) service() {
	s := r.raw.service
	if s.n == nil {
		return
	}
	need := func(v str, key string) {
		if !v.ok() && !r.isMeant(s.n, key) {
			r.errorf(s.n, "service is missing required key %q", key)
		}
	}
	need(s.name, "name")
	need(s.title, "title")
	need(s.apiVersion, "apiVersion")
	need(s.protocol, "protocol")
	need(s.signingName, "signingName")
	need(s.endpointPrefix, "endpointPrefix")
	need(s.validationErrN, "validationError")
	svc := r.svc
	svc.Package, svc.Title, svc.Doc = s.name.v, s.title.v, s.doc.v
	svc.APIVersion, svc.TargetPrefix = s.apiVersion.v, s.targetPrefix.v
	svc.SigningName, svc.EndpointPrefix = s.signingName.v, s.endpointPrefix.v
	svc.ServiceID = s.serviceID.v
	svc.XMLNamespace = s.xmlNamespace.v
	svc.QueryCompatible = s.queryCompatible
	listed := false
	seen := map[string]bool{}
	for _, p := range s.protocols {
		// The generated mock answers each of them: a name the run time
		// does not know would stop it from starting.
		if _, err := ident.Lookup(p.v); err != nil {
			if sg := suggest(p.v, ident.Names()); sg != "" {
				r.errorf(p.n, "unknown protocol %q in protocols, did you mean %q?", p.v, sg)
			} else {
				r.errorf(p.n, "protocols: %v", err)
			}
		}
		if seen[p.v] {
			r.errorf(p.n, "protocol %s is listed twice", p.v)
		}
		seen[p.v] = true
		svc.Protocols = append(svc.Protocols, p.v)
		listed = listed || p.v == s.protocol.v
	}
	if len(s.protocols) > 0 && s.protocol.ok() && !listed {
		r.errorf(s.protocol.n, "protocol %s is not one of the service's protocols %v", s.protocol.v, svc.Protocols)
	}
	if s.name.ok() {
		if want := packageFromFile(r.file); s.name.v != want {
			r.errorf(s.name.n, "service name %q must match the file name %q", s.name.v, want)
		} else if !isIdentifier(s.name.v) || strings.ToLower(s.name.v) != s.name.v {
			r.errorf(s.name.n, "service name %q must be a lower-case Go package name", s.name.v)
		}
	}
	if s.protocol.ok() {
		p, err := ident.Lookup(s.protocol.v)
		switch {
		case err == nil:
			svc.Protocol = p
		case suggest(s.protocol.v, ident.Names()) != "":
			r.errorf(s.protocol.n, "unknown protocol %q, did you mean %q?", s.protocol.v, suggest(s.protocol.v, ident.Names()))
		default:
			r.errorf(s.protocol.n, "%v", err)
		}
		if p != nil && p.Targeted && !s.targetPrefix.ok() {
			r.errorf(s.protocol.n, "protocol %s needs service.targetPrefix", p.Name)
		}
		if p != nil && !p.Targeted && s.targetPrefix.ok() {
			r.errorf(s.targetPrefix.n, "targetPrefix applies only to %s services", protocolsWhere(func(p *ident.Identity) bool { return p.Targeted }))
		}
	}
	if s.xmlNamespace.ok() {
		r.unreadXML(s.xmlNamespace.n, "xmlNamespace") // xml.go
	}
}

func (r *resolver) declareShapes() {
	for _, sh := range r.raw.shapes {
		name := sh.name
		switch {
		case contains(builtinShapes, name.v):
			r.errorf(name.n, "shape name %q is a built-in shape; choose another name", name.v)
			continue
		case !isASCIIIdentifier(name.v):
			r.errorf(name.n, "shape name %q must be an identifier (letters, digits and underscores)", name.v)
			continue
		}
		s := &model.Shape{Pos: r.pos(name.n), Name: name.v, Doc: sh.doc.v, Sensitive: sh.sensitive}
		r.byName[name.v] = sh
		r.shapes[name.v] = s
		if !sh.typ.ok() {
			continue
		}
		if !contains(kinds, sh.typ.v) {
			if sg := suggest(sh.typ.v, kinds); sg != "" {
				r.errorf(sh.typ.n, "unknown shape type %q, did you mean %q?", sh.typ.v, sg)
			} else {
				r.errorf(sh.typ.n, "unknown shape type %q (want one of %s)", sh.typ.v, strings.Join(kinds, ", "))
			}
			continue
		}
		s.Kind = model.Kind(sh.typ.v)
	}
}

// ref resolves a shape reference, reporting a dangling one with a suggestion.
func (r *resolver) ref(v str, what string) *model.Shape {
	if !v.ok() {
		return nil
	}
	if b := r.builtins[v.v]; b != nil {
		return b
	}
	if s := r.shapes[v.v]; s != nil {
		return s
	}
	r.unknown = append(r.unknown, unknownRef{v, what})
	return nil
}

// appliesTo reports keys that make no sense for the shape's kind.
func (r *resolver) appliesTo(sh *rawShape, key string, ok bool, kinds string) {
	if n := sh.keys[key]; n != nil && !ok {
		r.errorf(n, "%s applies only to %s shapes, not %s", key, kinds, sh.typ.v)
	}
}

func (r *resolver) fillShape(sh *rawShape, s *model.Shape) {
	k := s.Kind
	if k == "" {
		return
	}
	r.appliesTo(sh, "enum", k == model.String, "string")
	r.appliesTo(sh, "pattern", k == model.String, "string")
	r.appliesTo(sh, "length", k == model.String || k == model.Blob || k == model.List || k == model.Map, "string, blob, list and map")
	r.appliesTo(sh, "range", k.IsNumber(), "integer, long, float and double")
	r.appliesTo(sh, "member", k == model.List, "list")
	r.appliesTo(sh, "key", k == model.Map, "map")
	r.appliesTo(sh, "value", k == model.Map, "map")
	r.appliesTo(sh, "members", k == model.Structure, "structure")
	r.appliesTo(sh, "error", k == model.Structure, "structure")

	if sh.length != nil && sh.keys["length"] != nil && (k == model.String || k == model.Blob || k == model.List || k == model.Map) {
		s.Length = r.bounds(sh.length, "length", 0, math.MaxInt32)
	}
	if sh.rng != nil && k.IsNumber() {
		lo, hi := -math.MaxFloat64, math.MaxFloat64
		switch k {
		case model.Integer:
			lo, hi = math.MinInt32, math.MaxInt32
		case model.Long:
			lo, hi = math.MinInt64, math.MaxInt64
		}
		s.Range = r.bounds(sh.rng, "range", lo, hi)
		if b := s.Range; b != nil && (k == model.Integer || k == model.Long) {
			for _, v := range []*float64{b.Min, b.Max} {
				if v != nil && *v != math.Trunc(*v) {
					r.errorf(sh.rng.n, "range of a %s shape must use whole numbers", k)
				}
			}
		}
	}
	if sh.pattern.ok() && k == model.String && sh.patternEnforced() {
		if d := r.compilePattern(sh.pattern); d != nil {
			s.Pattern = &model.Pattern{Source: sh.pattern.v, DFA: d}
		}
	}
	if k == model.String && sh.enumN != nil {
		r.enum(sh, s)
	}
	switch k {
	case model.List:
		if !sh.member.ok() && sh.keys["member"] == nil {
			r.errorf(sh.name.n, "list shape %s needs a member", sh.name.v)
		}
		s.Member = r.ref(sh.member, "list member")
	case model.Map:
		s.Key = r.builtins["string"]
		if sh.key.ok() {
			if key := r.ref(sh.key, "map key"); key != nil {
				if key.Kind != model.String && key.Kind != "" {
					r.errorf(sh.key.n, "map key %s must be a string shape, not %s", sh.key.v, key.Kind)
				}
				s.Key = key
			}
		}
		if !sh.value.ok() && sh.keys["value"] == nil {
			r.errorf(sh.name.n, "map shape %s needs a value", sh.name.v)
		}
		s.Value = r.ref(sh.value, "map value")
	case model.Structure:
		r.members(sh, s)
		if sh.err != nil {
			e := &model.ErrorInfo{Code: sh.name.v, Status: int(sh.err.status), Fault: sh.err.fault.v}
			if sh.err.code.ok() {
				e.Code = sh.err.code.v
			}
			if e.Fault == "" {
				e.Fault = "client"
			}
			if e.Status == 0 {
				e.Status = 400
				if e.Fault == "server" {
					e.Status = 500
				}
			}
			s.Error = e
		}
	}
	r.shapeTraits(sh, s) // traits.go
}

func (r *resolver) bounds(b *rawBounds, what string, lo, hi float64) *model.Bounds {
	out := &model.Bounds{Min: b.min, Max: b.max}
	for _, e := range []struct {
		v *float64
		n *yaml.Node
	}{{b.min, b.minN}, {b.max, b.maxN}} {
		if e.v != nil && (*e.v < lo || *e.v > hi) {
			r.errorf(e.n, "%s bound %s is out of range (%s to %s)", what, num(*e.v), num(lo), num(hi))
		}
	}
	if b.min != nil && b.max != nil && *b.min > *b.max {
		r.errorf(b.minN, "%s min %s is greater than max %s", what, num(*b.min), num(*b.max))
	}
	if b.min == nil && b.max == nil {
		// A bound that was given but is not a number is reported already.
		if n := deref(b.n); n.Kind == yaml.MappingNode && len(n.Content) == 0 {
			r.errorf(b.n, "%s needs min, max or both", what)
		}
		return nil
	}
	return out
}

func (r *resolver) enum(sh *rawShape, s *model.Shape) {
	if len(sh.enum) == 0 {
		r.errorf(sh.enumN, "enum of %s lists no values", sh.name.v)
		return
	}
	seen := map[string]bool{}
	for _, e := range sh.enum {
		if !e.value.ok() {
			continue
		}
		if seen[e.value.v] {
			r.errorf(e.value.n, "enum value %q is listed twice", e.value.v)
			continue
		}
		seen[e.value.v] = true
		ev := &model.EnumValue{Value: e.value.v, Doc: e.doc.v}
		if e.name.ok() {
			if !isIdentifier(e.name.v) {
				r.errorf(e.name.n, "enum name %q must be a Go identifier", e.name.v)
			}
			ev.GoName = e.name.v // prefixed by the type name in nameTypes
		}
		s.Enum = append(s.Enum, ev)
		r.checkStringValue(s, e.value.v, e.value.n, "enum value")
	}
}

// patternError reports a pattern that cannot be compiled at the offending
// character when the pattern sits on one line, else at the pattern.
func (r *resolver) patternError(p str, err error) {
	var pe *pattern.Error
	if !errors.As(err, &pe) {
		r.errorf(p.n, "pattern cannot be enforced: %v", err)
		return
	}
	pos := r.pos(p.n)
	if p.n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 && !strings.Contains(p.v, "\n") {
		pos.Col += pe.Offset
		if p.n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) != 0 {
			pos.Col++
		}
	}
	r.diags = append(r.diags, Diagnostic{Pos: pos, Msg: "pattern cannot be enforced: " + pe.Msg})
}

// checkStringValue reports a literal value (an enum value or a default) that
// breaks its own shape's length or pattern.
func (r *resolver) checkStringValue(s *model.Shape, v string, n *yaml.Node, what string) {
	if b := s.Length; b != nil {
		c := float64(utf8.RuneCountInString(v))
		if (b.Min != nil && c < *b.Min) || (b.Max != nil && c > *b.Max) {
			r.errorf(n, "%s %q breaks the length of shape %s", what, v, s.Name)
		}
	}
	if s.Pattern != nil && !s.Pattern.DFA.Match(v) {
		r.errorf(n, "%s %q does not match the pattern of shape %s", what, v, s.Name)
	}
}

func (r *resolver) members(sh *rawShape, s *model.Shape) {
	goNames := map[string]*rawMember{}
	wire := map[string]bool{}
	for _, rm := range sh.members {
		m := &model.Member{
			Pos:              r.pos(rm.name.n),
			Name:             rm.name.v,
			Doc:              rm.doc.v,
			Required:         rm.required,
			IdempotencyToken: rm.idempotency,
			Location:         rm.location.v,
			LocationName:     rm.locationName.v,
		}
		m.Shape = r.ref(rm.shape, "member "+rm.name.v)
		m.GoName = exportedName(rm.name.v)
		if rm.goName.ok() {
			m.GoName = rm.goName.v
			if !isIdentifier(m.GoName) || !isExported(m.GoName) {
				r.errorf(rm.goName.n, "goName %q must be an exported Go identifier", m.GoName)
			}
		}
		if prev := goNames[m.GoName]; prev != nil {
			r.errorf(rm.name.n, "members %s and %s of %s both become Go field %s; set goName on one of them", prev.name.v, rm.name.v, sh.name.v, m.GoName)
		} else {
			goNames[m.GoName] = rm
		}
		wireName := rm.name.v
		if rm.locationName.ok() {
			wireName = rm.location.v + ":" + rm.locationName.v
		}
		if wire[wireName] {
			r.errorf(rm.name.n, "two members of %s use the wire name %q", sh.name.v, wireName)
		}
		wire[wireName] = true
		r.memberTraits(rm, m)
		r.memberTraitsOf(rm, m) // traits.go
		s.Members = append(s.Members, m)
	}
}

func isExported(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r >= 'A' && r <= 'Z'
}

func (r *resolver) memberTraits(rm *rawMember, m *model.Member) {
	if rm.idempotency && m.Shape != nil && m.Shape.Kind != model.String && m.Shape.Kind != "" {
		r.errorf(rm.name.n, "idempotencyToken member %s must be a string, not %s", rm.name.v, m.Shape.Kind)
	}
	if rm.idempotency && m.Shape != nil {
		// Enum values are filled with their shape, so look once all are.
		r.defaults = append(r.defaults, func() {
			if m.Shape.IsEnum() {
				r.errorf(rm.name.n, "idempotencyToken member %s cannot be the enum %s: the client fills it with a random UUID", rm.name.v, m.Shape.Name)
			}
		})
	}
	r.memberLocation(rm, m) // binding.go
	if rm.def != nil && m.Shape != nil {
		r.defaults = append(r.defaults, func() { m.Default = r.defaultValue(rm, m.Shape) })
	}
}

// defaultValue checks a member's documented default against its shape and
// returns it typed for the shape.
func (r *resolver) defaultValue(rm *rawMember, s *model.Shape) any {
	n := rm.def
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		r.errorf(n, "default of %s must be a scalar, found %s", rm.name.v, kindName(n))
		return nil
	}
	switch s.Kind {
	case model.String:
		if n.Tag != "!!str" {
			r.errorf(n, "default of %s must be a string (quote it), found %s", rm.name.v, n.Value)
			return nil
		}
		if s.IsEnum() {
			found := false
			for _, e := range s.Enum {
				found = found || e.Value == n.Value
			}
			if !found {
				r.errorf(n, "default %q of %s is not a value of enum %s", n.Value, rm.name.v, s.Name)
			}
		}
		r.checkStringValue(s, n.Value, n, "default")
		return n.Value
	case model.Integer, model.Long:
		v, ok := r.integer(n, "default of "+rm.name.v)
		if ok && s.Range != nil && ((s.Range.Min != nil && float64(v) < *s.Range.Min) || (s.Range.Max != nil && float64(v) > *s.Range.Max)) {
			r.errorf(n, "default %d of %s is outside the range of shape %s", v, rm.name.v, s.Name)
		}
		return v
	case model.Float, model.Double:
		v, _ := r.number(n, "default of "+rm.name.v)
		return v
	case model.Boolean:
		return r.boolean(n, "default of "+rm.name.v)
	}
	if s.Kind != "" { // a shape without a valid type is reported already
		r.errorf(n, "a default applies only to string, number and boolean members, not %s", s.Kind)
	}
	return nil
}

func (r *resolver) operations() {
	// The methods are spelled out rather than taken from net/http, which
	// the generator does not otherwise need (see TestGeneratorNeedsNoHTTPStack).
	var validHTTP = map[string]bool{"GET": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true, "HEAD": true}
	for _, ro := range r.raw.operations {
		op := &model.Operation{Pos: r.pos(ro.name.n), Name: ro.name.v, Doc: ro.doc.v,
			Method: ro.method.v, Path: ro.path.v, Status: int(ro.status)}
		if !isIdentifier(op.Name) || !isExported(op.Name) {
			r.errorf(ro.name.n, "operation name %q must be an exported Go identifier", op.Name)
		}
		r.operationTraits(ro, op) // traits.go
		if ro.httpN == nil && !r.isMeant(ro.n, "http") {
			r.errorf(ro.name.n, "operation %s is missing required key \"http\"", op.Name)
		} else {
			if !ro.method.ok() || !validHTTP[op.Method] {
				r.errorf(ro.httpN, "http method must be one of GET, POST, PUT, PATCH, DELETE, HEAD, found %q", op.Method)
			}
			if !strings.HasPrefix(op.Path, "/") {
				r.errorf(ro.httpN, "http path must start with /, found %q", op.Path)
			}
			if !ro.hasStatus || op.Status < 200 || op.Status > 299 {
				r.errorf(ro.httpN, "http status must be a success status (200-299), found %d", op.Status)
			}
			if p := r.svc.Protocol; p != nil && !p.HTTPBindings && (op.Method != "POST" || op.Path != "/" || op.Status != 200) {
				r.errorf(ro.httpN, "operations of %s services are always POST / answered with 200", p.Name)
			}
		}
		for _, io := range []struct {
			v    str
			key  string
			dst  **model.Shape
			name string
		}{{ro.input, "input", &op.Input, op.Name + "Input"}, {ro.output, "output", &op.Output, op.Name + "Output"}} {
			if !io.v.ok() {
				if !r.isMeant(ro.n, io.key) {
					*io.dst = r.emptyStructure(op, io.name)
					op.NoInput = op.NoInput || io.key == "input"
				}
				continue
			}
			s := r.ref(io.v, io.key)
			if s == nil {
				continue
			}
			if s.Kind != model.Structure {
				if s.Kind == "" {
					continue // its type is reported already
				}
				r.errorf(io.v.n, "%s of %s must be a structure shape, %s is %s", io.key, op.Name, io.v.v, s.Kind)
				continue
			}
			if s.GoName != "" {
				r.errorf(io.v.n, "shape %s is already the %s; each operation needs its own input and output shapes", io.v.v, s.GoName)
				continue
			}
			s.GoName = io.name
			*io.dst = s
		}
		for _, e := range ro.errors {
			s := r.ref(e, "error")
			if s == nil {
				continue
			}
			if s.Kind != model.Structure || r.byName[s.Name] == nil || r.byName[s.Name].err == nil {
				r.errorf(e.n, "%s is listed as an error but has no error trait", e.v)
				continue
			}
			op.Errors = append(op.Errors, s)
		}
		for _, ex := range ro.examples {
			op.Examples = append(op.Examples, &model.Example{
				Title: ex.title.v, Doc: ex.doc.v, Conforms: ex.conforms,
				Input: decodeAny(ex.input), Output: decodeAny(ex.output),
			})
		}
		r.svc.Operations = append(r.svc.Operations, op)
	}
	sort.Slice(r.svc.Operations, func(i, j int) bool { return r.svc.Operations[i].Name < r.svc.Operations[j].Name })
	if len(r.raw.operations) == 0 && r.raw.root != nil {
		r.errorf(r.raw.root, "the spec defines no operations")
	}
	if v := r.raw.service.validationErrN; v.ok() {
		if s := r.ref(v, "validationError"); s != nil {
			if r.byName[s.Name] == nil || r.byName[s.Name].err == nil {
				r.errorf(v.n, "validationError %s has no error trait", v.v)
			} else {
				r.svc.ValidationError = s
			}
		}
	}
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func decodeAny(n *yaml.Node) any {
	if n == nil {
		return nil
	}
	var v any
	if err := n.Decode(&v); err != nil {
		return nil
	}
	return v
}

// markUse walks every operation's input, output and errors, marking shapes
// as input (they get validators) or output, and reports shapes nothing uses.
func (r *resolver) markUse() {
	used := map[*model.Shape]bool{}
	var walk func(s *model.Shape, input bool)
	walk = func(s *model.Shape, input bool) {
		if s == nil || s.Builtin {
			return
		}
		if (input && s.IsInput) || (!input && s.IsOutput) {
			return
		}
		used[s] = true
		if input {
			s.IsInput = true
		} else {
			s.IsOutput = true
		}
		walk(s.Member, input)
		walk(s.Key, input)
		walk(s.Value, input)
		for _, m := range s.Members {
			walk(m.Shape, input)
		}
	}
	for _, op := range r.svc.Operations {
		walk(op.Input, true)
		walk(op.Output, false)
		for _, e := range op.Errors {
			walk(e, false)
		}
	}
	walk(r.svc.ValidationError, false)
	var unused []*rawShape
	for _, sh := range r.raw.shapes {
		s := r.shapes[sh.name.v]
		if s == nil {
			continue
		}
		if !used[s] && s.Kind != "" {
			unused = append(unused, sh)
			continue
		}
		r.svc.Shapes = append(r.svc.Shapes, s)
	}
	r.svc.Shapes = append(r.svc.Shapes, r.synthetic...)
	r.reportRefs(unused) // unknown.go
	sort.Slice(r.svc.Shapes, func(i, j int) bool { return r.svc.Shapes[i].Name < r.svc.Shapes[j].Name })
}

// nameTypes decides the Go names of structures, enums and enum constants, and
// reports any two that clash.
func (r *resolver) nameTypes() {
	taken := map[string]string{}
	for _, n := range reservedGoNames {
		taken[n] = "a name the generated package declares"
	}
	claim := func(name, owner string, pos model.Pos) {
		if prev, ok := taken[name]; ok {
			r.diags = append(r.diags, Diagnostic{Pos: pos, Msg: fmt.Sprintf("Go name %s of %s clashes with %s", name, owner, prev)})
			return
		}
		taken[name] = owner
	}
	for _, s := range r.svc.Shapes {
		if s.Kind == model.Structure && s.GoName == "" {
			s.GoName = exportedName(s.Name)
		}
		if s.IsEnum() {
			s.GoName = exportedName(s.Name)
		}
		if s.GoName != "" {
			claim(s.GoName, "shape "+s.Name, s.Pos)
		}
	}
	for _, s := range r.svc.Shapes {
		for _, e := range s.Enum {
			if e.GoName != "" {
				e.GoName = s.GoName + e.GoName
			} else {
				e.GoName = enumConstName(s.GoName, e.Value)
			}
			claim(e.GoName, fmt.Sprintf("enum value %q of %s", e.Value, s.Name), s.Pos)
		}
	}
}

// checkErrorUse reports error shapes used where the emitters expect a plain
// structure: as an operation's input or output, a member, a list element or
// a map value. Error types are declared with their methods in errors.go and
// have neither validation nor the other structures' JSON methods.
func (r *resolver) checkErrorUse() {
	isErr := func(s *model.Shape) bool { return s != nil && s.Error != nil }
	for _, ro := range r.raw.operations {
		for _, io := range []struct {
			v   str
			key string
		}{{ro.input, "input"}, {ro.output, "output"}} {
			if s := r.shapes[io.v.v]; io.v.ok() && isErr(s) {
				r.errorf(io.v.n, "%s of %s is the error shape %s; use a plain structure", io.key, ro.name.v, io.v.v)
			}
		}
	}
	for _, sh := range r.raw.shapes {
		s := r.shapes[sh.name.v]
		if s == nil || !s.IsInput && !s.IsOutput {
			continue // unused: nothing is generated for it
		}
		switch {
		case isErr(s.Member):
			r.errorf(sh.member.n, "list %s holds the error shape %s; errors can only be listed in an operation's errors", s.Name, s.Member.Name)
		case isErr(s.Value):
			r.errorf(sh.value.n, "map %s holds the error shape %s; errors can only be listed in an operation's errors", s.Name, s.Value.Name)
		}
		for i, m := range s.Members {
			if isErr(m.Shape) {
				r.errorf(sh.members[i].shape.n, "member %s of %s is the error shape %s; errors can only be listed in an operation's errors", m.Name, s.Name, m.Shape.Name)
			}
		}
	}
}

// collectPatterns gives each distinct pattern one matcher function, named
// after the first shape (by name) that uses it.
func (r *resolver) collectPatterns() {
	bySource := map[string]*model.Pattern{}
	for _, s := range r.svc.Shapes {
		if s.Pattern == nil {
			continue
		}
		if p, ok := bySource[s.Pattern.Source]; ok {
			s.Pattern = p
			continue
		}
		s.Pattern.FuncName = "match" + exportedName(s.Name)
		bySource[s.Pattern.Source] = s.Pattern
		r.svc.Patterns = append(r.svc.Patterns, s.Pattern) // named and sorted by nameHelpers
	}
}
