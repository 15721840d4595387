package spec

import (
	"sort"
	"strings"

	"github.com/specgen/specgen/generator/model"
	"github.com/specgen/specgen/specrt/protocol/ident"
)

// The HTTP bindings beyond the JSON body: where a member travels
// (location, payload), the host prefix of an operation and its labels.
// Everything the client and the mock cannot carry out is refused here or in
// checkBindings (wire.go), so that no binding is dropped at run time.

// locations are the values of a member's location key.
var locations = []string{model.LocHeader, model.LocHeaders, model.LocQuery, model.LocStatusCode, model.LocURI}

// memberLocation reads the location keys and binding flags of a member.
func (r *resolver) memberLocation(rm *rawMember, m *model.Member) {
	m.HostLabel = rm.hostLabel != nil
	m.JSONValue = rm.jsonValue != nil
	if rm.jsonValue != nil && rm.location.v != model.LocHeader {
		r.errorf(rm.jsonValue, "jsonValue applies only to members with location: header")
	}
	if !rm.location.ok() {
		if rm.locationName.ok() {
			r.errorf(rm.locationName.n, "locationName needs location")
		}
		return
	}
	switch loc := rm.location.v; {
	case !contains(locations, loc):
		if sg := suggest(loc, locations); sg != "" {
			r.errorf(rm.location.n, "unknown location %q, did you mean %q?", loc, sg)
		} else {
			r.errorf(rm.location.n, "location must be header, headers, query, statusCode or uri, found %q", loc)
		}
	case loc == model.LocStatusCode && rm.locationName.ok():
		r.errorf(rm.locationName.n, "a statusCode member takes no locationName: it is the response's status")
	case loc == model.LocQuery || loc == model.LocStatusCode || loc == model.LocHeaders:
		// A query map has no name (checkBindings checks the pairing); a
		// headers map without one takes every header (Smithy's
		// httpPrefixHeaders with an empty prefix).
	case !rm.locationName.ok():
		r.errorf(rm.location.n, "location needs locationName")
	}
	if !r.httpBindings() {
		r.errorf(rm.location.n, "location applies only to %s services", protocolsWhere(httpBindings))
	}
}

// payloads marks the member each structure's payload key names: it is the
// whole body of the request or response.
func (r *resolver) payloads() {
	for _, sh := range r.raw.shapes {
		s := r.shapes[sh.name.v]
		if s == nil || !sh.payload.ok() || s.Kind != model.Structure {
			if s != nil && s.Kind != "" {
				r.appliesTo(sh, "payload", s.Kind == model.Structure, "structure")
			}
			continue
		}
		if !r.httpBindings() {
			r.errorf(sh.payload.n, "payload applies only to %s services", protocolsWhere(httpBindings))
			continue
		}
		var names []string
		var found *model.Member
		var raw *rawMember
		for i, m := range s.Members {
			names = append(names, m.Name)
			if m.Name == sh.payload.v {
				found, raw = m, sh.members[i]
			}
		}
		switch {
		case found == nil:
			msg := "payload names member " + quote(sh.payload.v) + ", which " + sh.name.v + " does not have"
			if sg := suggest(sh.payload.v, names); sg != "" {
				msg += ", did you mean " + quote(sg) + "?"
			}
			r.errorf(sh.payload.n, "%s", msg)
		case raw.location.ok():
			r.errorf(sh.payload.n, "payload member %s already travels in the %s; a payload is the whole body", found.Name, raw.location.v)
		default:
			found.Location = model.LocPayload
			for _, m := range s.Members {
				if m.Location == "" && m.Shape != nil {
					r.errorf(sh.payload.n, "%s has payload %s, so its member %s has no place on the wire: bind it to a header, the path or the query, or leave payload out", sh.name.v, found.Name, m.Name)
				}
			}
		}
	}
}

// checkPayload reports a payload member the client and the mock cannot
// carry: only a structure or a document (its JSON), a blob (raw bytes) or a
// string or enum (text) can be a whole body, and only of an operation's
// input or output.
func (r *resolver) checkPayload(sh *rawShape, s *model.Shape, m *model.Member, role string) {
	at := sh.payload.n
	switch {
	case role == "error":
		r.errorf(at, "payload applies to operation inputs and outputs; an error's body is its JSON members")
	case m.Shape.Kind != model.Structure && m.Shape.Kind != model.Document && m.Shape.Kind != model.Blob && m.Shape.Kind != model.String:
		r.errorf(at, "payload member %s of %s must be a structure, a document, a blob or a string, not %s", m.Name, s.Name, describeKind(m.Shape))
	}
}

// checkLocated reports a member bound outside the body that the client and
// the mock cannot carry out in its place; role is "input", "output" or
// "error".
func (r *resolver) checkLocated(rm *rawMember, s *model.Shape, m *model.Member, role string) {
	at := rm.location.n
	t := m.Shape
	switch {
	case m.Location == model.LocStatusCode && role != "output":
		r.errorf(at, "location statusCode applies only to members of an operation output: a request has no status, and an error's is its own")
	case m.Location == model.LocStatusCode && t.Kind != model.Integer:
		r.errorf(at, "statusCode member %s of %s must be an integer, not %s", m.Name, s.Name, describeKind(t))
	case m.Location == model.LocStatusCode:
	case role == "error" && (m.Location == model.LocHeaders || m.JSONValue):
		r.errorf(at, "member %s of %s: errors carry single headers only, not header maps or JSON values", m.Name, s.Name)
		return
	case m.Location == model.LocHeaders && (t.Kind != model.Map || t.Value.Kind != model.String):
		r.errorf(at, "headers member %s of %s must be a map of strings (each entry one header named %s<key>), not %s", m.Name, s.Name, m.LocationName, describeKind(t))
	case m.Location == model.LocHeaders:
	case role != "input" && m.Location != model.LocHeader:
		r.errorf(at, "location %s applies only to members of an operation input; members of an %s can travel in headers only", m.Location, role)
	case role != "input" && !readsHeader(t) && (t.Kind != model.List || !readsHeader(t.Member)):
		r.errorf(at, "member %s of %s cannot be read from a header: responses carry only strings, enums, numbers, booleans, timestamps and lists of them there, not %s", m.Name, s.Name, describeKind(t))
	case m.Location == model.LocURI && !bindsScalar(t):
		r.errorf(at, "member %s of %s cannot be a path label: labels carry only strings, enums, numbers, booleans and timestamps, not %s", m.Name, s.Name, describeKind(t))
	case m.IsQueryMap() && m.LocationName != "":
		r.errorf(rm.locationName.n, "query map %s of %s takes no locationName: each entry is a parameter named by its key", m.Name, s.Name)
	case m.IsQueryMap() && t.Value.Kind != model.String && (t.Value.Kind != model.List || t.Value.Member.Kind != model.String):
		r.errorf(at, "query map %s of %s must map to strings or lists of strings, not %s", m.Name, s.Name, describeKind(t.Value))
	case m.IsQueryMap():
	case m.Location == model.LocQuery && m.LocationName == "":
		r.errorf(at, "query member %s of %s needs locationName (only a map, one parameter per entry, goes without)", m.Name, s.Name)
	case !bindsScalar(t) && (t.Kind != model.List || !bindsScalar(t.Member)):
		r.errorf(at, "member %s of %s cannot travel in the %s: only strings, enums, numbers, booleans and timestamps, and lists of them, can, not %s", m.Name, s.Name, m.Location, describeKind(t))
	case t.Kind == model.List && t.Member.Kind == model.Timestamp && t.Member.TimestampFormat != "" &&
		t.Member.TimestampFormat != locationTimeFormats[m.Location]:
		r.errorf(at, "member %s of %s is a list of timestamps in the %s, which travel as %s there; their timestampFormat %s is not supported", m.Name, s.Name, m.Location, locationTimeFormats[m.Location], t.Member.TimestampFormat)
	}
	if m.JSONValue && m.Location == model.LocHeader && (t.Kind != model.String || t.IsEnum()) {
		r.errorf(rm.jsonValue, "jsonValue member %s of %s must be a string holding JSON, not %s", m.Name, s.Name, describeKind(t))
	}
}

// checkHeaderPrefix reports a headers map prefix that is not the start of
// a header name, or that headers the client sets itself would match: the
// map would send or read them as its entries.
func (r *resolver) checkHeaderPrefix(v str) {
	if !isToken(v.v) {
		r.errorf(v.n, "header prefix %q must be an RFC 7230 token: letters, digits and !#$%%&'*+-.^_`|~", v.v)
		return
	}
	var clash []string
	for h := range reservedHeaders {
		if strings.HasPrefix(h, strings.ToLower(v.v)) {
			clash = append(clash, h)
		}
	}
	if len(clash) > 0 {
		sort.Strings(clash)
		r.errorf(v.n, "header prefix %q matches %s, which the client sets itself; choose a longer prefix", v.v, strings.Join(clash, ", "))
	}
}

// checkQueryMaps reports an input with two query maps: which one a
// parameter belongs to could not be told on receipt.
func (r *resolver) checkQueryMaps(op *model.Operation) {
	var first *model.Member
	for i, m := range op.Input.Members {
		if !m.IsQueryMap() {
			continue
		}
		if first != nil {
			rm := r.byName[op.Input.Name].members[i]
			r.errorf(rm.location.n, "%s has two query maps, %s and %s; a parameter could not be told to belong to one", op.Input.Name, first.Name, m.Name)
		}
		first = m
	}
}

// hostPrefixes resolves the hostPrefix of each operation and checks its
// labels against the input members marked hostLabel.
func (r *resolver) hostPrefixes() {
	labelled := map[*model.Member]bool{} // hostLabel members some prefix uses
	for _, ro := range r.raw.operations {
		op := r.operation(ro.name.v)
		if op == nil || op.Input == nil || !ro.hostPrefix.ok() {
			continue
		}
		labels, problem := hostPrefixLabels(ro.hostPrefix.v)
		if problem != "" {
			r.errorf(ro.hostPrefix.n, "hostPrefix %q: %s", ro.hostPrefix.v, problem)
			continue
		}
		op.HostPrefix = ro.hostPrefix.v
		for _, l := range labels {
			var m *model.Member
			for _, im := range op.Input.Members {
				if im.Name == l && im.HostLabel {
					m = im
				}
			}
			if m == nil {
				r.errorf(ro.hostPrefix.n, "hostPrefix label {%s} of %s is bound by no member of %s; mark the member %s with hostLabel: true", l, op.Name, op.Input.Name, l)
				continue
			}
			labelled[m] = true
		}
	}
	for _, sh := range r.raw.shapes {
		s := r.shapes[sh.name.v]
		if s == nil {
			continue
		}
		for i, m := range s.Members {
			rm := sh.members[i]
			if rm.hostLabel == nil || m.Shape == nil || m.Shape.Kind == "" {
				continue
			}
			switch {
			case m.Shape.Kind != model.String || m.Shape.IsEnum() || !m.Required:
				r.errorf(rm.hostLabel, "hostLabel member %s of %s must be a required string: it becomes part of the host name", m.Name, s.Name)
			case !labelled[m]:
				r.errorf(rm.hostLabel, "member %s of %s is marked hostLabel, but no operation's hostPrefix has the label {%s}", m.Name, s.Name, m.Name)
			}
		}
	}
}

// operation returns the resolved operation named name, or nil.
func (r *resolver) operation(name string) *model.Operation {
	for _, o := range r.svc.Operations {
		if o.Name == name {
			return o
		}
	}
	return nil
}

// hostPrefixLabels parses a hostPrefix ("data-", "{Name}.") and returns its
// labels in order, or a description of its problem: with each label
// standing for a host label, the prefix followed by a host must be a host
// name.
func hostPrefixLabels(prefix string) (labels []string, problem string) {
	var b strings.Builder
	for rest := prefix; rest != ""; {
		i := strings.IndexAny(rest, "{}")
		if i < 0 {
			b.WriteString(rest)
			break
		}
		j := strings.IndexByte(rest[i:], '}')
		if rest[i] == '}' || j < 0 {
			return nil, "braces must enclose a label, {Name}"
		}
		name := rest[i+1 : i+j]
		if !isASCIIIdentifier(name) {
			return nil, "label {" + name + "} must be a member name of letters, digits and underscores"
		}
		labels = append(labels, name)
		b.WriteString(rest[:i])
		b.WriteString("x")
		rest = rest[i+j+1:]
	}
	if !isHostPrefix(b.String() + "x") {
		return nil, "must be letters, digits, hyphens, dots and {labels} that a host name can start with"
	}
	return labels, ""
}

// httpBindings reports whether the spec's protocol lets members travel
// outside the body. An unknown protocol, reported already, does not.
func (r *resolver) httpBindings() bool {
	p, err := ident.Lookup(r.raw.service.protocol.v)
	return err == nil && httpBindings(p)
}

func httpBindings(p *ident.Identity) bool { return p.HTTPBindings }

// protocolsWhere names the protocols with a trait, for an error message:
// "a", "a or b", "a, b or c".
func protocolsWhere(trait func(*ident.Identity) bool) string {
	var names []string
	for _, p := range ident.All() {
		if trait(p) {
			names = append(names, p.Name)
		}
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
