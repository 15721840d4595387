package spec

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/specgen/specgen/generator/model"
)

// Every name a spec gives that ends up in a URL, a header, a SigV4 scope, a
// Go identifier or a comment is checked here against what that place may
// hold. A value that passed unchecked would not fail at generation but at
// run time, or worse, work: endpointPrefix "attacker.example/#" sends signed
// requests to another host.

// checkWireNames reports every service, operation, shape and member name
// that its place on the wire or in the generated code cannot hold.
func (r *resolver) checkWireNames() {
	s := r.raw.service
	if v := s.endpointPrefix; v.ok() && !isHostPrefix(v.v) {
		r.errorf(v.n, "endpointPrefix %q must be a host name prefix: DNS labels of letters, digits and hyphens, separated by dots", v.v)
	}
	if v := s.signingName; v.ok() && !isHostPrefix(v.v) {
		r.errorf(v.n, "signingName %q must be DNS labels of letters, digits and hyphens, separated by dots, as SigV4 scopes use", v.v)
	}
	if v := s.targetPrefix; v.ok() && !isTargetPrefix(v.v) {
		r.errorf(v.n, "targetPrefix %q must start with a letter and hold only letters, digits, '_', '.' and '-': it is sent in the X-Amz-Target header", v.v)
	}
	for _, v := range []struct {
		s   str
		key string
	}{{s.title, "title"}, {s.apiVersion, "apiVersion"}} {
		if v.s.ok() && !isPrintableLine(v.s.v) {
			r.errorf(v.s.n, "%s %q must be one line of printable characters", v.key, v.s.v)
		}
	}
	if v := s.name; v.ok() && reservedPackageName(v.v) {
		r.errorf(v.n, "service name %q is a name the generated code uses for something else (a Go built-in, an imported package or a variable); choose another", v.v)
	}
	// The registry of mocks (golang.RegistryPackage) has this directory.
	if v := s.name; v.ok() && v.v == "mocks" {
		r.errorf(v.n, "service name %q is the package that lists every generated mock; choose another", v.v)
	}
	for _, ro := range r.raw.operations {
		switch name := ro.name.v; {
		case isIdentifier(name) && !isASCIIIdentifier(name):
			r.errorf(ro.name.n, "operation name %q must be ASCII letters, digits and underscores: it is sent in the X-Amz-Target header", name)
		case reservedClientMethods[name]:
			r.errorf(ro.name.n, "operation name %q clashes with the %s method every generated Client has; choose another", name, name)
		}
	}
	for _, sh := range r.raw.shapes {
		if sh.err != nil {
			code, n := sh.name.v, sh.name.n
			if sh.err.code.ok() {
				code, n = sh.err.code.v, sh.err.code.n
			}
			if !isErrorCode(code) {
				r.errorf(n, "error code %q must start with a letter and hold only letters, digits, '_', '.' and '-', as the error codes on the wire do", code)
			}
		}
		for _, e := range sh.enum {
			if e.value.ok() && !isPrintableLine(e.value.v) {
				r.errorf(e.value.n, "enum value %q must be printable characters, without line breaks", e.value.v)
			}
		}
		for _, rm := range sh.members {
			if !isWireName(rm.name.v) {
				r.errorf(rm.name.n, "member name %q must hold only letters, digits, '_', '-', '$' and '@': it is a JSON key, a struct tag and a path in mock templates", rm.name.v)
			}
			r.checkLocationName(rm, sh.payload.ok())
		}
	}
}

// checkLocationName checks the header, path label or query parameter name of
// a member against what its place may hold.
//
// A structure with a payload may bind a member to Content-Type: the
// payload's media type, sent in place of the default (RestJsonTestPayloadBlob).
func (r *resolver) checkLocationName(rm *rawMember, hasPayload bool) {
	v := rm.locationName
	if !v.ok() {
		return
	}
	switch rm.location.v {
	case "header":
		switch {
		case !isToken(v.v):
			r.errorf(v.n, "header name %q must be an RFC 7230 token: letters, digits and !#$%%&'*+-.^_`|~", v.v)
		case hasPayload && strings.EqualFold(v.v, "Content-Type"):
		case reservedHeaders[strings.ToLower(v.v)]:
			r.errorf(v.n, "header %s is set by the client itself (routing, signing or the body); a member cannot be bound to it", v.v)
		case strings.EqualFold(v.v, "X-Amzn-ErrorType"):
			r.errorf(v.n, "header X-Amzn-ErrorType carries the error code of a response; a member cannot be bound to it")
		}
	case "headers":
		r.checkHeaderPrefix(v) // binding.go
	case "uri":
		if !isLabel(v.v) {
			r.errorf(v.n, "path label %q must be letters, digits and underscores", v.v)
		}
	case "query":
		if !isUnreserved(v.v) {
			r.errorf(v.n, "query parameter name %q must be RFC 3986 unreserved characters: letters, digits, '-', '.', '_' and '~'", v.v)
		}
	}
}

// reservedClientMethods are the methods of every generated Client besides
// its operations.
var reservedClientMethods = map[string]bool{"Options": true}

// reservedHeaders are the headers the client sets for every request, in
// lower case: a member bound to one would be overwritten or would break the
// signature.
var reservedHeaders = map[string]bool{
	"authorization": true, "host": true, "content-length": true, "content-type": true,
	"x-amz-date": true, "x-amz-target": true, "x-amz-security-token": true, "x-amz-content-sha256": true,
}

// packageLocals are the names generated code gives its imports, its local
// variables and the mock's package-level variables in files that import the
// service's package (the mock and the example): a package of that name would
// be shadowed there.
var packageLocals = []string{
	"specrt", "mockrt", "smithy", "context", "fmt", "http", "httptest", "json", "slog", "strconv",
	"base64", "math", "time", "testing", "main",
	"s", "t", "e", "h", "v", "r", "p", "n", "k", "i", "d", "b", "c",
	"in", "out", "ctx", "fn", "opts", "err", "srv", "client", "cp", "at", "from", "ok",
	"data", "wire", "plain", "st", "verb", "code", "hooks", "service",
}

// reservedPackageName reports whether a package may not be called name: a
// Go built-in would be shadowed in every file that imports it.
func reservedPackageName(name string) bool {
	if predeclared[name] {
		return true
	}
	for _, n := range packageLocals {
		if n == name {
			return true
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isASCIIDigit(c byte) bool  { return c >= '0' && c <= '9' }

// onlyASCII reports whether s is not empty and every byte is a letter, a
// digit or one of extra.
func onlyASCII(s, extra string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isASCIILetter(c) && !isASCIIDigit(c) && strings.IndexByte(extra, c) < 0 {
			return false
		}
	}
	return true
}

// isASCIIIdentifier reports whether s is a Go identifier spelled in ASCII.
func isASCIIIdentifier(s string) bool {
	return onlyASCII(s, "_") && !isASCIIDigit(s[0]) && isIdentifier(s)
}

// isHostPrefix reports whether s is one or more DNS labels separated by
// dots: letters, digits and inner hyphens, at most 63 bytes each.
func isHostPrefix(s string) bool {
	for _, l := range strings.Split(s, ".") {
		if len(l) > 63 || !onlyASCII(l, "-") || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
	}
	return true
}

func isTargetPrefix(s string) bool { return onlyASCII(s, "_.-") && isASCIILetter(s[0]) }
func isErrorCode(s string) bool    { return onlyASCII(s, "_.-") && isASCIILetter(s[0]) }
func isWireName(s string) bool     { return onlyASCII(s, "_-$@") }
func isLabel(s string) bool        { return onlyASCII(s, "_") }
func isUnreserved(s string) bool   { return onlyASCII(s, "-._~") }

// isToken reports whether s is an RFC 7230 token, the syntax of a header
// name.
func isToken(s string) bool { return onlyASCII(s, "!#$%&'*+-.^_`|~") }

// isPrintableLine reports whether s is valid UTF-8 without control
// characters (line breaks included).
func isPrintableLine(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, c := range s {
		if unicode.IsControl(c) || c == '\u2028' || c == '\u2029' {
			return false
		}
	}
	return true
}

// pathLabels parses the labels of a restJson1 path: each {name} or, in the
// last segment, {name+}, must be a whole segment. It returns the labels in
// order and a description of the first problem.
func pathLabels(path string) (labels []string, problem string) {
	p, query, hasQuery := strings.Cut(path, "?")
	if hasQuery && !onlyASCII(strings.NewReplacer("=", "a", "&", "a").Replace(query), "-._~") {
		return nil, "its literal query string must be name=value pairs of RFC 3986 unreserved characters"
	}
	segs := strings.Split(strings.TrimPrefix(p, "/"), "/")
	seen := map[string]bool{}
	for i, seg := range segs {
		if !strings.ContainsAny(seg, "{}") {
			if seg != "" && !onlyASCII(seg, "-._~!$&'()*+,;=:@") {
				return nil, "segment " + quote(seg) + " holds a character a path may not (only letters, digits and -._~!$&'()*+,;=:@)"
			}
			continue
		}
		if seg[0] != '{' || seg[len(seg)-1] != '}' || strings.Count(seg, "{") != 1 || strings.Count(seg, "}") != 1 {
			return nil, "label " + quote(seg) + " must be a whole segment, {name} or {name+}"
		}
		name := seg[1 : len(seg)-1]
		if strings.HasSuffix(name, "+") {
			if i != len(segs)-1 {
				return nil, "greedy label " + quote(seg) + " must be the last segment"
			}
			name = strings.TrimSuffix(name, "+")
		}
		if !isLabel(name) {
			return nil, "label " + quote(seg) + " must be letters, digits and underscores"
		}
		if seen[name] {
			return nil, "label {" + name + "} appears twice"
		}
		seen[name] = true
		labels = append(labels, name)
	}
	return labels, ""
}

func quote(s string) string { return `"` + s + `"` }

// checkBindings reports HTTP bindings the client and the mock cannot carry
// out, so that nothing is silently dropped: a path label no member fills, a
// uri member whose label is not in the path, a location on a member of a
// structure that is not an operation's input, output or error, and a value
// that cannot travel in its location.
func (r *resolver) checkBindings() {
	top := map[*model.Shape]string{} // the structures whose members bind
	for _, op := range r.svc.Operations {
		if op.Input != nil {
			top[op.Input] = "input"
		}
		if op.Output != nil {
			top[op.Output] = "output"
		}
	}
	for _, s := range r.svc.Shapes {
		if s.Error != nil {
			top[s] = "error"
		}
	}
	for _, ro := range r.raw.operations {
		var op *model.Operation
		for _, o := range r.svc.Operations {
			if o.Name == ro.name.v {
				op = o
			}
		}
		if op == nil || r.svc.Protocol == nil || !r.svc.Protocol.HTTPBindings || !strings.HasPrefix(op.Path, "/") {
			continue
		}
		labels, problem := pathLabels(op.Path)
		if problem != "" {
			r.errorf(ro.httpN, "http path %q: %s", op.Path, problem)
			continue
		}
		if op.Input == nil {
			continue
		}
		r.checkQueryMaps(op) // binding.go
		bound := map[string]bool{}
		for i, m := range op.Input.Members {
			if m.Location != "uri" {
				continue
			}
			bound[m.LocationName] = true
			rm := r.byName[op.Input.Name].members[i]
			if !contains(labels, m.LocationName) {
				r.errorf(rm.locationName.n, "member %s is bound to path label {%s}, which the path %s of %s does not have", m.Name, m.LocationName, op.Path, op.Name)
			}
			if !m.Required {
				r.errorf(rm.name.n, "member %s is bound to path label {%s}, so it must be required: a request without it cannot be routed", m.Name, m.LocationName)
			}
		}
		for _, l := range labels {
			if !bound[l] {
				r.errorf(ro.httpN, "path label {%s} of %s is bound by no member of %s; add a member with location: uri, locationName: %s", l, op.Name, op.Input.Name, l)
			}
		}
	}
	for _, sh := range r.raw.shapes {
		s := r.shapes[sh.name.v]
		if s == nil || !s.IsInput && !s.IsOutput {
			continue // unused: nothing is generated for it
		}
		for i, m := range s.Members {
			if m.Location == "" || m.Shape == nil || m.Shape.Kind == "" {
				continue
			}
			rm := sh.members[i]
			role, ok := top[s]
			switch {
			case !ok && m.Location == model.LocPayload:
				r.errorf(sh.payload.n, "%s has a payload, but it is not an operation's input or output, where bindings apply", s.Name)
			case !ok:
				r.errorf(rm.location.n, "member %s of %s has location %s, but %s is not an operation's input, output or error, where bindings apply", m.Name, s.Name, m.Location, s.Name)
			case m.Location == model.LocPayload:
				r.checkPayload(sh, s, m, role) // binding.go
			default:
				r.checkLocated(rm, s, m, role) // binding.go
			}
		}
	}
}

// bindsScalar reports whether a value of s can be a path label, a query
// parameter or a request header.
func bindsScalar(s *model.Shape) bool {
	switch s.Kind {
	case model.String, model.Integer, model.Long, model.Float, model.Double, model.Boolean, model.Timestamp:
		return true
	}
	return false
}

// readsHeader reports whether the client reads a response header into a
// value of s.
func readsHeader(s *model.Shape) bool {
	switch s.Kind {
	case model.String, model.Integer, model.Long, model.Float, model.Double, model.Boolean, model.Timestamp:
		return true
	}
	return false
}

func describeKind(s *model.Shape) string {
	switch {
	case s.Kind == model.List && s.Member != nil:
		return "a list of " + string(s.Member.Kind)
	case s.Kind == model.Map && s.Value != nil:
		return "a map of " + string(s.Value.Kind)
	case s.Kind == model.Integer:
		return "an integer"
	}
	return "a " + string(s.Kind)
}
