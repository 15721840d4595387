package spec

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/specgen/specgen/generator/model"
	"github.com/specgen/specgen/generator/pattern"
)

// The traits of imported service models (issue 9): deprecation, unions,
// documents, timestamp formats, unenforced patterns, error retry traits,
// operation traits and paginators. Waiters are in waiters.go. Their keys are
// in the tables of keys.go; the loader hands each of them to the functions
// below (its default cases), so that reading them stays in one place.

var timestampFormats = []string{model.EpochSecondsFormat, model.ISO8601Format, model.HTTPDateFormat}

type rawDeprecation struct {
	n   *yaml.Node
	msg string
	on  bool
}

type rawOpTraits struct {
	deprecated           rawDeprecation
	readonly, idempotent bool
	requestCompression   bool
	checksumRequired     bool
	paginator            *yaml.Node
	resultWrapper        str // xml.go
}

type rawShapeTraits struct {
	union           bool
	deprecated      rawDeprecation
	timestampFormat str
	// unenforced is true for patternEnforced: false; unenforcedN is the key.
	unenforced  bool
	unenforcedN *yaml.Node
	xml         *rawXMLShape // xml.go
}

type rawMemberTraits struct {
	deprecated      rawDeprecation
	timestampFormat str
	xml             *rawXMLMember // xml.go
}

type rawErrorTraits struct {
	retryable, throttling bool
	queryCode             str
}

// deprecation reads `deprecated: true` or `deprecated: "use X instead"`.
func (l *loader) deprecation(n *yaml.Node) rawDeprecation {
	n = deref(n)
	if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
		return rawDeprecation{n: n, on: n.Value == "true"}
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" && strings.TrimSpace(n.Value) != "" {
		return rawDeprecation{n: n, on: true, msg: strings.TrimSpace(n.Value)}
	}
	l.errorf(n, "deprecated must be true, false or a message, found %s", kindName(n))
	return rawDeprecation{}
}

func (d rawDeprecation) model() *model.Deprecation {
	if !d.on {
		return nil
	}
	return &model.Deprecation{Message: d.msg}
}

func (l *loader) operationTrait(op *rawOperation, p pair) {
	switch p.k.Value {
	case "deprecated":
		op.traits.deprecated = l.deprecation(p.v)
	case "readonly":
		op.traits.readonly = l.boolean(p.v, "readonly")
	case "idempotent":
		op.traits.idempotent = l.boolean(p.v, "idempotent")
	case "paginator":
		op.traits.paginator = p.v
	case "requestCompression":
		op.traits.requestCompression = l.boolean(p.v, "requestCompression")
	case "checksumRequired":
		op.traits.checksumRequired = l.boolean(p.v, "checksumRequired")
	case "resultWrapper":
		op.traits.resultWrapper = l.str(p.v, "resultWrapper")
	}
}

func (l *loader) shapeTrait(sh *rawShape, p pair) {
	switch p.k.Value {
	case "union":
		sh.traits.union = l.boolean(p.v, "union")
	case "deprecated":
		sh.traits.deprecated = l.deprecation(p.v)
	case "timestampFormat":
		sh.traits.timestampFormat = l.timestampFormat(p.v)
	case "patternEnforced":
		sh.traits.unenforced = !l.boolean(p.v, "patternEnforced")
		sh.traits.unenforcedN = p.k
	case "xml":
		sh.traits.xml = l.parseXMLShape(p.v)
	}
}

func (l *loader) memberTrait(m *rawMember, p pair) {
	switch p.k.Value {
	case "deprecated":
		m.traits.deprecated = l.deprecation(p.v)
	case "timestampFormat":
		m.traits.timestampFormat = l.timestampFormat(p.v)
	case "xml":
		m.traits.xml = l.parseXMLMember(p.v)
	}
}

func (l *loader) errorTrait(e *rawError, p pair) {
	switch p.k.Value {
	case "retryable":
		e.traits.retryable = l.boolean(p.v, "retryable")
	case "throttling":
		e.traits.throttling = l.boolean(p.v, "throttling")
	case "queryCode":
		e.traits.queryCode = l.str(p.v, "queryCode")
		if c := e.traits.queryCode; c.ok() && !isErrorCode(c.v) {
			l.errorf(c.n, "queryCode %q must start with a letter and hold letters, digits, '_', '.' and '-'", c.v)
		}
	}
}

func (l *loader) timestampFormat(n *yaml.Node) str {
	v := l.str(n, "timestampFormat")
	if v.ok() && !contains(timestampFormats, v.v) {
		if sg := suggest(v.v, timestampFormats); sg != "" {
			l.errorf(v.n, "unknown timestampFormat %q, did you mean %q?", v.v, sg)
		} else {
			l.errorf(v.n, "unknown timestampFormat %q (want %s)", v.v, strings.Join(timestampFormats, ", "))
		}
		return str{}
	}
	return v
}

// shapeTraits resolves the traits of a shape once fillShape has filled it.
func (r *resolver) shapeTraits(sh *rawShape, s *model.Shape) {
	t := sh.traits
	k := s.Kind
	r.appliesTo(sh, "union", k == model.Structure, "structure")
	r.appliesTo(sh, "timestampFormat", k == model.Timestamp, "timestamp")
	r.appliesTo(sh, "patternEnforced", k == model.String, "string")
	s.Deprecated = t.deprecated.model()
	r.xmlShape(sh, s) // xml.go
	if k == model.Timestamp {
		s.TimestampFormat = t.timestampFormat.v
	}
	if t.union && k == model.Structure {
		s.Union = true
		switch {
		case sh.err != nil:
			r.errorf(sh.keys["union"], "error shape %s cannot be a union", sh.name.v)
		case len(sh.members) == 0:
			r.errorf(sh.keys["union"], "union %s has no members", sh.name.v)
		}
		for _, m := range sh.members {
			if m.required {
				r.errorf(m.name.n, "member %s of union %s cannot be required: exactly one member is set", m.name.v, sh.name.v)
			}
		}
	}
	if sh.err != nil && s.Error != nil {
		et := sh.err.traits
		s.Error.Retryable = et.retryable || et.throttling
		s.Error.Throttling = et.throttling
		s.Error.QueryCode = et.queryCode.v
	}
	if t.unenforcedN != nil && k == model.String {
		switch {
		case !t.unenforced:
			// patternEnforced: true is the default; nothing to do.
		case !sh.pattern.ok():
			r.errorf(t.unenforcedN, "patternEnforced: false on %s, which has no pattern", sh.name.v)
		default:
			s.UnenforcedPattern = sh.pattern.v
			if _, err := pattern.Compile(sh.pattern.v); err != nil {
				r.warnf(t.unenforcedN, "pattern of %s is not enforced: %s", sh.name.v, patternReason(err))
			} else {
				r.warnf(t.unenforcedN, "pattern of %s is not enforced, although it compiles; remove patternEnforced: false to enforce it", sh.name.v)
			}
		}
	}
}

// patternReason is the compiler's reason for refusing a pattern.
func patternReason(err error) string {
	var pe *pattern.Error
	if errors.As(err, &pe) {
		return pe.Msg
	}
	return err.Error()
}

// patternEnforced reports whether the pattern of sh is compiled and checked.
func (sh *rawShape) patternEnforced() bool { return !sh.traits.unenforced }

// memberTraitsOf resolves the traits of a member. A member's timestamp
// format defaults to its shape's, known once every shape is filled.
func (r *resolver) memberTraitsOf(rm *rawMember, m *model.Member) {
	m.Deprecated = rm.traits.deprecated.model()
	f := rm.traits.timestampFormat
	r.defaults = append(r.defaults, func() {
		if m.Shape == nil || m.Shape.Kind == "" {
			return
		}
		r.xmlMember(rm, m) // xml.go
		if m.Shape.Kind != model.Timestamp {
			if f.ok() {
				r.errorf(f.n, "timestampFormat applies only to timestamp members, not %s", m.Shape.Kind)
			}
			return
		}
		m.TimestampFormat = m.Shape.TimestampFormat
		if f.ok() {
			m.TimestampFormat = f.v
		}
		// The bindings put timestamps in headers as HTTP dates and in
		// paths and queries as RFC 3339 (the restJson1 defaults); a single
		// timestamp may take another format (model.BoundTimeFormat), the
		// elements of a list may not.
		if want, bound := locationTimeFormats[m.Location]; bound && m.Shape != nil && m.Shape.Kind != model.Timestamp &&
			m.TimestampFormat != "" && m.TimestampFormat != want {
			at := rm.name.n
			if f.ok() {
				at = f.n
			}
			r.errorf(at, "member %s travels in the %s as %s; timestampFormat %s is not supported there", rm.name.v, m.Location, want, m.TimestampFormat)
		}
	})
}

// locationTimeFormats are the timestamp formats the HTTP bindings use.
var locationTimeFormats = map[string]string{"header": model.HTTPDateFormat, "query": model.ISO8601Format, "uri": model.ISO8601Format}

// operationTraits resolves the traits of an operation, but its paginator,
// which needs every operation's input and output (paginators).
func (r *resolver) operationTraits(ro *rawOperation, op *model.Operation) {
	op.Deprecated = ro.traits.deprecated.model()
	op.ReadOnly, op.Idempotent = ro.traits.readonly, ro.traits.idempotent
	op.RequestCompression = ro.traits.requestCompression
	op.ChecksumRequired = ro.traits.checksumRequired
	r.resultWrapper(ro, op) // xml.go
}

// unions gives every union the oneOf rule over all its members, first of
// its rules, so that Validate checks that exactly one is set with the rule
// machinery every oneOf uses.
func (r *resolver) unions() {
	for _, sh := range r.raw.shapes {
		s := r.shapes[sh.name.v]
		if s == nil || !s.Union || len(s.Members) == 0 || s.Error != nil {
			continue
		}
		rule := &model.Rule{Pos: r.pos(sh.keys["union"]), Kind: model.OneOf, Members: append([]*model.Member(nil), s.Members...)}
		s.Rules = append([]*model.Rule{rule}, s.Rules...)
	}
}

// emptyStructure is the input or output of an operation that names none:
// an empty structure, so that every operation has both.
func (r *resolver) emptyStructure(op *model.Operation, goName string) *model.Shape {
	s := &model.Shape{Pos: op.Pos, Name: goName, Kind: model.Structure, GoName: goName}
	r.synthetic = append(r.synthetic, s)
	return s
}

// paginators resolves the operations' paginators against their inputs and
// outputs.
func (r *resolver) paginators() {
	byName := map[string]*model.Operation{}
	for _, op := range r.svc.Operations {
		byName[op.Name] = op
	}
	for _, ro := range r.raw.operations {
		if ro.traits.paginator == nil {
			continue
		}
		if op := byName[ro.name.v]; op != nil && op.Input != nil && op.Output != nil {
			if op.Paginator = r.paginator(op, ro.traits.paginator); op.Paginator != nil {
				op.Paginator.GoName = op.Name + "Paginator"
				op.Paginator.NewFunc = "New" + op.Name + "Paginator"
			}
		}
	}
}

func (r *resolver) paginator(op *model.Operation, n *yaml.Node) *model.Paginator {
	pg := &model.Paginator{}
	before := len(r.diags)
	var in, out []str
	have := map[string]bool{}
	for _, p := range r.mapping(n, "paginator of "+op.Name, paginatorKeys) {
		have[p.k.Value] = true
		switch p.k.Value {
		case "inputToken":
			in = r.strings(p.v, "inputToken")
			for _, v := range in {
				if m := r.tokenPath(op.Input, v, op.Name+" input", "inputToken"); m != nil {
					if len(m) > 1 {
						r.errorf(v.n, "inputToken %q must be a member of the input, not a path", v.v)
						continue
					}
					r.wantToken(m, v, "inputToken")
					pg.InputTokens = append(pg.InputTokens, m.Last())
				}
			}
		case "outputToken":
			out = r.strings(p.v, "outputToken")
			for _, v := range out {
				if m := r.tokenPath(op.Output, v, op.Name+" output", "outputToken"); m != nil {
					r.wantToken(m, v, "outputToken")
					pg.OutputTokens = append(pg.OutputTokens, m)
				}
			}
		case "limitKey":
			v := r.str(p.v, "limitKey")
			if m := r.tokenPath(op.Input, v, op.Name+" input", "limitKey"); m != nil {
				if len(m) > 1 {
					r.errorf(v.n, "limitKey %q must be a member of the input, not a path", v.v)
				} else {
					// Route 53 takes its page size as a string.
					r.wantKind(m, v, "limitKey", model.Integer, model.Long, model.String)
					pg.LimitKey = m.Last()
				}
			}
		case "resultKey":
			for _, v := range r.strings(p.v, "resultKey") {
				if m := r.tokenPath(op.Output, v, op.Name+" output", "resultKey"); m != nil {
					r.wantKind(m, v, "resultKey", model.List, model.Map)
					pg.ResultKeys = append(pg.ResultKeys, m)
				}
			}
		case "moreResults":
			v := r.str(p.v, "moreResults")
			if m := r.tokenPath(op.Output, v, op.Name+" output", "moreResults"); m != nil {
				r.wantKind(m, v, "moreResults", model.Boolean)
				pg.MoreResults = m
			}
		case "nonAggregateKeys":
			for _, v := range r.strings(p.v, "nonAggregateKeys") {
				if m := r.tokenPath(op.Output, v, op.Name+" output", "nonAggregateKeys"); m != nil {
					pg.NonAggregateKeys = append(pg.NonAggregateKeys, m)
				}
			}
		}
	}
	for _, k := range []string{"inputToken", "outputToken"} {
		if !have[k] && deref(n).Kind == yaml.MappingNode && !r.isMeant(n, k) {
			r.errorf(n, "paginator of %s is missing required key %q", op.Name, k)
		}
	}
	if len(in) != len(out) && have["inputToken"] && have["outputToken"] {
		r.errorf(n, "paginator of %s has %d input tokens but %d output tokens; they are set pairwise", op.Name, len(in), len(out))
	} else if len(pg.InputTokens) == len(pg.OutputTokens) {
		for i, tin := range pg.InputTokens {
			tout := pg.OutputTokens[i].Last()
			if tin.Shape != nil && tout.Shape != nil && (tin.Shape.IsEnum() || tout.Shape.IsEnum()) && tin.Shape != tout.Shape {
				r.errorf(in[i].n, "inputToken %q is %s but outputToken %q is %s: an enum token is copied from a token of the same enum", in[i].v, describeToken(tin.Shape), out[i].v, describeToken(tout.Shape))
			}
		}
	}
	if len(r.diags) > before {
		return nil
	}
	return pg
}

// strings reads a string or a list of strings.
func (r *resolver) strings(n *yaml.Node, what string) []str {
	if d := deref(n); d.Kind == yaml.SequenceNode {
		var out []str
		for _, e := range d.Content {
			if v := r.str(e, what); v.ok() {
				out = append(out, v)
			}
		}
		if len(out) == 0 {
			r.errorf(n, "%s lists nothing", what)
		}
		return out
	}
	if v := r.str(n, what); v.ok() {
		return []str{v}
	}
	return nil
}

// tokenPath follows a dotted path of wire names from structure s; it
// reports a step that names no member (with a suggestion) or that goes
// through something other than a structure.
func (r *resolver) tokenPath(s *model.Shape, v str, where, what string) model.MemberPath {
	if !v.ok() {
		return nil
	}
	var path model.MemberPath
	for i, name := range strings.Split(v.v, ".") {
		if s == nil || s.Kind != model.Structure {
			r.errorf(v.n, "%s %q goes through %s, which is not a structure", what, v.v, path.Last().Name)
			return nil
		}
		var found *model.Member
		var names []string
		for _, m := range s.Members {
			names = append(names, m.Name)
			if m.Name == name {
				found = m
			}
		}
		if found == nil {
			at := where
			if i > 0 {
				at = s.Name
			}
			if sg := suggest(name, names); sg != "" {
				r.errorf(v.n, "%s %q: %s has no member %q, did you mean %q?", what, v.v, at, name, sg)
			} else {
				r.errorf(v.n, "%s %q: %s has no member %q", what, v.v, at, name)
			}
			return nil
		}
		path = append(path, found)
		s = found.Shape
	}
	return path
}

// namePaginators reports a paginator whose Go names clash with a type or
// constant of the package; it runs once nameTypes has named them.
func (r *resolver) namePaginators() {
	taken := map[string]string{}
	for _, n := range reservedGoNames {
		taken[n] = "a name the generated package declares"
	}
	for _, s := range r.svc.Shapes {
		if s.GoName != "" {
			taken[s.GoName] = "shape " + s.Name
		}
		for _, e := range s.Enum {
			taken[e.GoName] = fmt.Sprintf("enum value %q of %s", e.Value, s.Name)
		}
	}
	for _, op := range r.svc.Operations {
		if op.Paginator == nil {
			continue
		}
		for _, n := range []string{op.Paginator.GoName, op.Paginator.NewFunc} {
			if prev, ok := taken[n]; ok {
				r.diags = append(r.diags, Diagnostic{Pos: op.Pos, Msg: fmt.Sprintf("Go name %s of the paginator of %s clashes with %s", n, op.Name, prev)})
			}
			taken[n] = "the paginator of " + op.Name
		}
	}
}

// wantToken reports a token that is neither a string nor an enum (Route
// 53's StartRecordType pages by record type).
func (r *resolver) wantToken(p model.MemberPath, v str, what string) {
	if s := p.Last().Shape; s != nil && s.IsEnum() {
		return
	}
	r.wantKind(p, v, what, model.String)
}

// describeToken names a token's type in messages.
func describeToken(s *model.Shape) string {
	if s.IsEnum() {
		return "the enum " + s.Name
	}
	return "a string"
}

// wantKind reports a path whose member is none of the kinds (an enum is
// not a string here: tokens are copied as *string).
func (r *resolver) wantKind(p model.MemberPath, v str, what string, kinds ...model.Kind) {
	s := p.Last().Shape
	if s == nil || s.Kind == "" {
		return
	}
	if s.IsEnum() {
		r.errorf(v.n, "%s %q must not be an enum member", what, v.v)
		return
	}
	for _, k := range kinds {
		if s.Kind == k {
			return
		}
	}
	var want []string
	for _, k := range kinds {
		want = append(want, string(k))
	}
	r.errorf(v.n, "%s %q must be a %s member, not %s", what, v.v, strings.Join(want, " or "), s.Kind)
}

// sortWaiters keeps the model's order deterministic.
func sortWaiters(ws []*model.Waiter) {
	sort.Slice(ws, func(i, j int) bool { return ws[i].Name < ws[j].Name })
}
