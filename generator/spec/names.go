package spec

import (
	"go/token"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/specgen/specgen/generator/model"
)

// initialisms are the words Go spells in capitals (Effective Go, go lint).
var initialisms = map[string]bool{
	"ACL": true, "API": true, "ARN": true, "AWS": true, "CPU": true, "DNS": true,
	"ECR": true, "HTTP": true, "HTTPS": true, "IAM": true, "ID": true, "IP": true,
	"JSON": true, "KMS": true, "SSL": true, "TLS": true, "TTL": true, "URI": true,
	"URL": true, "UUID": true, "VPC": true,
}

// words splits an identifier-like name into words at case changes and at any character that is not a letter or digit:
// "certificateArn" → certificate Arn, "VPCId" → VPC Id, "AWS_IAM" → AWS IAM.
func words(s string) []string {
	var out []string
	rs := []rune(s)
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			out = append(out, string(rs[start:end]))
		}
		start = -1
	}
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		prev := rs[i-1]
		switch {
		case unicode.IsUpper(r) && unicode.IsLower(prev):
			flush(i)
			start = i
		case unicode.IsUpper(r) && unicode.IsUpper(prev) && i+1 < len(rs) && unicode.IsLower(rs[i+1]):
			// "VPCId": the I of Id starts a word.
			flush(i)
			start = i
		}
	}
	flush(len(rs))
	return out
}

// exportedName turns a wire or shape name into an exported Go identifier,
// keeping the name's own word breaks and spelling initialisms in capitals:
// clientToken → ClientToken, certificateArn → CertificateARN, Ids → IDs.
func exportedName(s string) string {
	var b strings.Builder
	for _, w := range words(s) {
		up := strings.ToUpper(w)
		switch {
		case initialisms[up]:
			b.WriteString(up)
		case strings.HasSuffix(up, "S") && initialisms[up[:len(up)-1]] && len(w) > 2:
			b.WriteString(up[:len(up)-1] + "s")
		default:
			r := []rune(w)
			r[0] = unicode.ToUpper(r[0])
			b.WriteString(string(r))
		}
	}
	out := b.String()
	if out == "" || !unicode.IsLetter([]rune(out)[0]) {
		out = "X" + out
	}
	return out
}

// enumConstName is the Go constant name for an enum value: the type name and
// the value's words, each capitalised once (AWS_IAM → AuthTypeAwsIam, in the
// style of the AWS SDK for Go v2, which keeps constants readable for values
// that are all capitals).
func enumConstName(typeName, value string) string {
	var b strings.Builder
	b.WriteString(typeName)
	ws := words(value)
	for _, w := range ws {
		r := []rune(strings.ToLower(w))
		r[0] = unicode.ToUpper(r[0])
		b.WriteString(string(r))
	}
	if len(ws) == 0 {
		b.WriteString("Empty")
	}
	return b.String()
}

// isIdentifier reports whether s can be a Go identifier.
func isIdentifier(s string) bool { return token.IsIdentifier(s) }

// namespace hands out the unexported package-level names of a generated
// package. Emitters never derive a helper's name themselves: they read the
// one decided here, so two shapes that spell the same derived name
// (serviceName and ServiceName) get validateServiceName and
// validateServiceName2 rather than two declarations of one function. Names
// are claimed in a fixed order (fixed names, operations by name, shapes by
// name, patterns), so the outcome is the same on every run.
type namespace map[string]bool

// claim returns want, or want with the smallest numeric suffix that is
// still free, and marks it taken.
func (ns namespace) claim(want string) string {
	name := want
	for i := 2; ns[name]; i++ {
		name = want + strconv.Itoa(i)
	}
	ns[name] = true
	return name
}

// packageHelpers are the unexported package-level names every generated
// package declares.
var packageHelpers = []string{"service", "newError"}

// nameHelpers decides the names of the unexported functions and variables
// of the generated package: each operation's description, binders and
// decoder, each structure's, list's and map's codec schema, each other
// shape's validator and each pattern's matcher.
func (r *resolver) nameHelpers() {
	ns := namespace{}
	for _, n := range packageHelpers {
		ns.claim(n)
	}
	for _, op := range r.svc.Operations {
		op.VarName = ns.claim("op" + op.Name)
		op.RequestBinder = ns.claim("bind" + op.Name + "Request")
		op.ResponseBinder = ns.claim("bind" + op.Name + "Response")
		op.ResponseDecoder = ns.claim("decode" + op.Name + "Response")
	}
	for _, s := range r.svc.Shapes {
		switch {
		case s.Kind == model.Structure && s.GoName != "":
			s.SchemaVar = ns.claim("schema" + s.GoName)
		case s.Kind != model.Structure && s.Kind != "":
			name := s.GoName
			if name == "" {
				name = strings.ToUpper(s.Name[:1]) + s.Name[1:]
			}
			s.ValidateFunc = ns.claim("validate" + name)
			if s.Kind == model.List || s.Kind == model.Map {
				s.SchemaVar = ns.claim("schema" + name)
			}
		}
	}
	// The client encodes the payloads of inputs; it reads a response's
	// whatever its element, and the mock names its own (mockrt.Binding).
	for _, op := range r.svc.Operations {
		if s := op.Input; s != nil && s.GoName != "" {
			if pm := s.PayloadMember(); pm != nil && pm.XML != nil && pm.XML.Name != "" && pm.PayloadSchemaVar == "" {
				pm.PayloadSchemaVar = ns.claim("schema" + s.GoName + pm.GoName)
			}
		}
	}
	for _, p := range r.svc.Patterns {
		p.FuncName = ns.claim(p.FuncName)
	}
	sort.Slice(r.svc.Patterns, func(i, j int) bool { return r.svc.Patterns[i].FuncName < r.svc.Patterns[j].FuncName })
}

// Exported methods and fields the emitters give a structure besides its
// members: a member may not take one of these names as its field.
var (
	inputMethods     = []string{"Validate"}
	redactionMethods = []string{"String", "Format", "LogValue"}
	errorMethods     = []string{"Error", "ErrorCode", "ErrorMessage", "ErrorFault", "HTTPStatusCode", "ErrorMetadata", "Metadata", "UnmarshalJSON", "RetryableError", "ThrottlingError", "ErrorQueryCode"}
)

// generatedNames lists the names golang's emitters declare on the Go type of
// structure s, from the same facts they decide by.
func generatedNames(s *model.Shape) []string {
	if s.Error != nil {
		return errorMethods
	}
	var out []string
	if s.IsInput {
		out = append(out, inputMethods...)
	}
	if s.HoldsSensitive {
		out = append(out, redactionMethods...)
	}
	return out
}

// nameFields settles the clash of a member's Go name with a method of its
// type. A derived name gets a trailing underscore (validate → Validate_), as
// protoc-gen-go does, because imported models are full of members called
// Format or Error; a goName the spec chose is reported instead, since the
// spec asked for exactly that name.
func (r *resolver) nameFields() {
	for _, s := range r.svc.Shapes {
		if s.Kind != model.Structure {
			continue
		}
		reserved := map[string]bool{}
		for _, n := range generatedNames(s) {
			reserved[n] = true
		}
		taken := map[string]bool{}
		for _, m := range s.Members {
			taken[m.GoName] = true
		}
		for i, m := range s.Members {
			if !reserved[m.GoName] {
				continue
			}
			if rm := r.byName[s.Name].members[i]; rm.goName.ok() {
				r.errorf(rm.goName.n, "goName %s of member %s clashes with the generated %s of %s; choose another", m.GoName, m.Name, m.GoName, s.Name)
				continue
			}
			name := m.GoName + "_"
			for reserved[name] || taken[name] {
				name += "_"
			}
			taken[name] = true
			m.GoName = name
		}
	}
}

// markSensitive decides HoldsSensitive for every shape, to a fixed point so
// that cycles through structures, lists and maps are followed without
// recursion.
func (r *resolver) markSensitive() {
	for changed := true; changed; {
		changed = false
		for _, s := range r.svc.Shapes {
			if s.HoldsSensitive {
				continue
			}
			h := s.Sensitive
			for _, c := range []*model.Shape{s.Member, s.Key, s.Value} {
				h = h || (c != nil && c.HoldsSensitive)
			}
			for _, m := range s.Members {
				h = h || (m.Shape != nil && (m.Shape.HoldsSensitive || m.Shape.Sensitive))
			}
			if h {
				s.HoldsSensitive = true
				changed = true
			}
		}
	}
}

// checkCollectionCycles reports lists and maps that contain themselves with
// no structure in between (LoopList: {type: list, member: LoopList}). Lists
// and maps are inlined as Go slices and maps, which cannot spell such a
// type, and every walk that expands them would never end; recursion through
// a structure, as AWS models have it, is supported.
func (r *resolver) checkCollectionCycles() {
	next := func(s *model.Shape) *model.Shape {
		var c *model.Shape
		switch s.Kind {
		case model.List:
			c = s.Member
		case model.Map:
			c = s.Value
		}
		if c != nil && (c.Kind == model.List || c.Kind == model.Map) {
			return c
		}
		return nil
	}
	reported := map[*model.Shape]bool{}
	for _, sh := range r.raw.shapes {
		s := r.shapes[sh.name.v]
		if s == nil || reported[s] {
			continue
		}
		// Each shape has at most one collection successor, so the walk is a
		// path; it is a cycle when it comes back to s.
		var path []string
		seen := map[*model.Shape]bool{}
		for c := s; c != nil && !seen[c]; c = next(c) {
			seen[c] = true
			path = append(path, c.Name)
			if n := next(c); n == s {
				for cs := range seen {
					reported[cs] = true
				}
				r.errorf(sh.name.n, "%s %s contains itself (%s → %s) with no structure in between; recursion must go through a structure", s.Kind, s.Name, strings.Join(path, " → "), s.Name)
				break
			}
		}
	}
}
