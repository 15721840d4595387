package spec

import (
	"bytes"
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/specgen/specgen/generator/model"
	"github.com/specgen/specgen/generator/pattern"
)

// The raw spec: what the YAML says, with positions, before references are
// followed. Strings carry their node so that later checks can point at them.

type str struct {
	v string
	n *yaml.Node
}

func (s str) ok() bool { return s.n != nil }

type rawFile struct {
	path       string
	service    rawService
	operations []*rawOperation
	shapes     []*rawShape
	resources  *yaml.Node // checked by resources.go
	root       *yaml.Node
	waiters    *yaml.Node // traits.go
}

type rawService struct {
	n                                                         *yaml.Node
	name, title, doc, apiVersion, protocol                    str
	targetPrefix, signingName, endpointPrefix, validationErrN str
	serviceID, xmlNamespace                                   str
	queryCompatible                                           bool
	protocols                                                 []str
	mock                                                      *yaml.Node
}

type rawOperation struct {
	name          str
	n             *yaml.Node
	doc           str
	method, path  str
	status        int64
	statusN       *yaml.Node
	input, output str
	errors        []str
	examples      []*rawExample
	mock          *yaml.Node
	httpN         *yaml.Node
	hasStatus     bool
	traits        rawOpTraits // traits.go
	hostPrefix    str         // binding.go
}

type rawExample struct {
	n             *yaml.Node
	title, doc    str
	input, output *yaml.Node
	conforms      bool
}

type rawShape struct {
	name      str
	n         *yaml.Node
	typ       str
	doc       str
	sensitive bool
	enum      []*rawEnum
	enumN     *yaml.Node
	length    *rawBounds
	rng       *rawBounds
	pattern   str
	member    str
	key       str
	value     str
	members   []*rawMember
	membersN  *yaml.Node
	err       *rawError
	payload   str                   // binding.go
	rules     *yaml.Node            // checked by rules.go
	keys      map[string]*yaml.Node // the keys present, for "applies to" checks
	traits    rawShapeTraits        // traits.go
}

type rawEnum struct {
	value, name, doc str
	n                *yaml.Node
}

type rawBounds struct {
	n        *yaml.Node
	min, max *float64
	minN     *yaml.Node
	maxN     *yaml.Node
}

type rawMember struct {
	name                   str
	n                      *yaml.Node
	shape, doc, goName     str
	location, locationName str
	required, idempotency  bool
	def                    *yaml.Node
	traits                 rawMemberTraits // traits.go
	hostLabel, jsonValue   *yaml.Node      // binding.go: the key, when true
}

type rawError struct {
	n      *yaml.Node
	code   str
	status int64
	fault  str
	traits rawErrorTraits // traits.go
}

// loader walks one file's YAML tree and collects problems.
type loader struct {
	file     string
	diags    Diagnostics
	meant    map[*yaml.Node]map[string]bool // see noteMeant in diag.go
	patterns *specPatterns                  // patterns.go
	files    map[*yaml.Node]string          // the nodes an overlay brought, and its file
}

func (l *loader) errorf(n *yaml.Node, format string, args ...any) {
	l.diags = append(l.diags, Diagnostic{Pos: l.pos(n), Msg: fmt.Sprintf(format, args...)})
}

func (l *loader) pos(n *yaml.Node) model.Pos {
	if n == nil {
		return model.Pos{File: l.file, Line: 1, Col: 1}
	}
	file := l.file
	if f, ok := l.files[n]; ok {
		file = f
	}
	return model.Pos{File: file, Line: n.Line, Col: n.Column}
}

type pair struct{ k, v *yaml.Node }

// mapping checks that n is a mapping whose keys are all in allowed (and none
// repeated) and returns its pairs in order; unknown keys are reported with a
// suggestion. A nil allowed accepts any key.
func (l *loader) mapping(n *yaml.Node, what string, allowed []string) []pair {
	n = deref(n)
	if n.Kind != yaml.MappingNode {
		l.errorf(n, "%s must be a mapping, found %s", what, kindName(n))
		return nil
	}
	seen := map[string]bool{}
	var out []pair
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			l.errorf(k, "%s keys must be plain strings", what)
			continue
		}
		if seen[k.Value] {
			l.errorf(k, "duplicate key %q in %s", k.Value, what)
			continue
		}
		seen[k.Value] = true
		if allowed != nil && !contains(allowed, k.Value) {
			if s := suggest(k.Value, allowed); s != "" {
				l.noteMeant(n, s)
				l.errorf(k, "unknown key %q in %s, did you mean %q?", k.Value, what, s)
			} else {
				l.errorf(k, "unknown key %q in %s (allowed: %s)", k.Value, what, strings.Join(allowed, ", "))
			}
			continue
		}
		out = append(out, pair{k, v})
	}
	return out
}

func deref(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "nothing"
		case "!!int", "!!float", "!!bool":
			return n.Value // quoted, 500 would read as the string "500"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "something else"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (l *loader) str(n *yaml.Node, what string) str {
	n = deref(n)
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		l.errorf(n, "%s must be a string, found %s", what, kindName(n))
		return str{}
	}
	return str{v: n.Value, n: n}
}

func (l *loader) boolean(n *yaml.Node, what string) bool {
	n = deref(n)
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		l.errorf(n, "%s must be true or false, found %s", what, kindName(n))
		return false
	}
	return n.Value == "true"
}

func (l *loader) integer(n *yaml.Node, what string) (int64, bool) {
	n = deref(n)
	if n.Kind == yaml.ScalarNode && n.Tag == "!!int" {
		if v, err := strconv.ParseInt(n.Value, 0, 64); err == nil {
			return v, true
		}
	}
	l.errorf(n, "%s must be a whole number, found %s", what, kindName(n))
	return 0, false
}

func (l *loader) number(n *yaml.Node, what string) (float64, bool) {
	n = deref(n)
	if n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float") {
		var v float64
		if err := n.Decode(&v); err == nil && !math.IsNaN(v) && !math.IsInf(v, 0) {
			return v, true
		}
	}
	l.errorf(n, "%s must be a number, found %s", what, kindName(n))
	return 0, false
}

// LoadFile reads, checks and resolves one spec file, with its overlays
// when it is an imported spec (see ReadWithOverlays).
func LoadFile(path string) (*model.Service, error) {
	spec, overlays, err := ReadWithOverlays(path)
	if err != nil {
		return nil, err
	}
	svc, ds := CheckOverlaid(spec, overlays)
	if ds.Errors() > 0 {
		return nil, ds
	}
	return svc, nil
}

// Load checks and resolves the spec in data; name is the file name used in
// diagnostics and must be <package>.yaml. It returns Diagnostics as the error
// when the spec has problems; warnings alone are dropped (Check returns them).
func Load(name string, data []byte) (*model.Service, error) {
	svc, ds := Check(name, data)
	if ds.Errors() > 0 {
		return nil, ds
	}
	return svc, nil
}

// Check is Load that also returns warnings. It returns every problem found,
// sorted by position, and a model only when none of them is an error.
func Check(name string, data []byte) (*model.Service, Diagnostics) {
	return check(name, data, pattern.DefaultLimits)
}

// check is Check with the limits on what the spec's patterns cost together.
func check(name string, data []byte, limits pattern.Limits) (*model.Service, Diagnostics) {
	return checkOverlaid(Source{Name: name, Data: data}, nil, limits)
}

// checkOverlaid is CheckOverlaid with the limits on the patterns.
func checkOverlaid(spec Source, overlays []Source, limits pattern.Limits) (*model.Service, Diagnostics) {
	l := &loader{file: spec.Name, patterns: newSpecPatterns(limits)}
	raw := l.parse(spec.Data, overlays)
	var svc *model.Service
	if raw != nil {
		svc = resolve(l, raw)
	}
	l.diags.sort()
	if l.diags.Errors() > 0 {
		return nil, l.diags
	}
	return svc, l.diags
}

func (l *loader) parse(data []byte, overlays []Source) *rawFile {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		l.diags = append(l.diags, Diagnostic{Pos: yamlErrorPos(l.file, data, err), Msg: yamlErrorMsg(err)})
		return nil
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		l.errorf(nil, "empty spec: expected keys service, operations and shapes")
		return nil
	}
	root := doc.Content[0]
	merged := true
	for _, o := range overlays {
		merged = l.overlay(root, o) && merged
	}
	if !merged {
		return nil
	}
	f := &rawFile{path: l.file, root: root}
	have := map[string]bool{}
	for _, p := range l.mapping(root, "the spec", topKeys) {
		have[p.k.Value] = true
		switch p.k.Value {
		case "service":
			f.service = l.parseService(p.v)
		case "operations":
			for _, op := range l.mapping(p.v, "operations", nil) {
				f.operations = append(f.operations, l.parseOperation(op.k, op.v))
			}
		case "shapes":
			for _, sh := range l.mapping(p.v, "shapes", nil) {
				f.shapes = append(f.shapes, l.parseShape(sh.k, sh.v))
			}
		case "waiters":
			f.waiters = p.v
		case "resources":
			f.resources = p.v
		}
	}
	for _, k := range topSet.keys {
		if k.required && !have[k.name] && deref(root).Kind == yaml.MappingNode && !l.isMeant(root, k.name) {
			l.errorf(root, "missing required key %q", k.name)
		}
	}
	return f
}

// yamlErrorPos finds the line a yaml.v3 syntax error is about. yaml.v3
// names the line where the enclosing block starts (a bad indent on line 48
// comes as "line 43: did not find expected key"), so the position is the
// first line at which a prefix of the document fails with the same error:
// the parser stops at the first mistake, so every longer prefix fails the
// same way, and a binary search finds it in a few parses.
func yamlErrorPos(file string, data []byte, err error) model.Pos {
	lines := bytes.SplitAfter(data, []byte("\n"))
	fails := func(k int) bool {
		var n yaml.Node
		e := yaml.Unmarshal(bytes.Join(lines[:k], nil), &n)
		return e != nil && e.Error() == err.Error()
	}
	lo, hi := 1, len(lines)
	if !fails(hi) {
		return model.Pos{File: file, Line: yamlErrorLine(err), Col: 1}
	}
	for lo < hi {
		if mid := (lo + hi) / 2; fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	text := lines[lo-1]
	col := len(text) - len(bytes.TrimLeft(text, " \t")) + 1
	if len(bytes.TrimSpace(text)) == 0 {
		col = 1
	}
	return model.Pos{File: file, Line: lo, Col: col}
}

// yamlErrorLine digs the line out of a yaml.v3 syntax error ("yaml: line 7:
// ..."), or returns 1.
func yamlErrorLine(err error) int {
	msg := err.Error()
	if i := strings.Index(msg, "line "); i >= 0 {
		rest := msg[i+5:]
		j := 0
		for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
			j++
		}
		if n, e := strconv.Atoi(rest[:j]); e == nil {
			return n
		}
	}
	return 1
}

func yamlErrorMsg(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if i := strings.Index(msg, "line "); i == 0 {
		if j := strings.Index(msg, ": "); j >= 0 {
			msg = msg[j+2:]
		}
	}
	return "invalid YAML: " + msg
}

func (l *loader) parseService(n *yaml.Node) rawService {
	s := rawService{n: n}
	for _, p := range l.mapping(n, "service", serviceKeys) {
		switch p.k.Value {
		case "name":
			s.name = l.str(p.v, "service name")
		case "title":
			s.title = l.str(p.v, "title")
		case "doc":
			s.doc = l.str(p.v, "doc")
		case "apiVersion":
			s.apiVersion = l.str(p.v, "apiVersion")
		case "protocol":
			s.protocol = l.str(p.v, "protocol")
		case "protocols":
			s.protocols = l.strList(p.v, "protocols")
		case "serviceId":
			s.serviceID = l.str(p.v, "serviceId")
		case "xmlNamespace":
			s.xmlNamespace = l.str(p.v, "xmlNamespace")
			if v := s.xmlNamespace; v.ok() && v.v == "" {
				l.errorf(v.n, "xmlNamespace must not be empty")
			}
		case "awsQueryCompatible":
			s.queryCompatible = l.boolean(p.v, "awsQueryCompatible")
		case "targetPrefix":
			s.targetPrefix = l.str(p.v, "targetPrefix")
		case "signingName":
			s.signingName = l.str(p.v, "signingName")
		case "endpointPrefix":
			s.endpointPrefix = l.str(p.v, "endpointPrefix")
		case "validationError":
			s.validationErrN = l.str(p.v, "validationError")
		case "mock":
			s.mock = p.v
		}
	}
	return s
}

func (l *loader) parseOperation(k, n *yaml.Node) *rawOperation {
	op := &rawOperation{name: str{k.Value, k}, n: n}
	for _, p := range l.mapping(n, "operation "+k.Value, operationKeys) {
		switch p.k.Value {
		case "doc":
			op.doc = l.str(p.v, "doc")
		case "http":
			op.httpN = p.k
			for _, h := range l.mapping(p.v, "http", httpKeys) {
				switch h.k.Value {
				case "method":
					op.method = l.str(h.v, "method")
				case "path":
					op.path = l.str(h.v, "path")
				case "status":
					op.status, op.hasStatus = l.integer(h.v, "status")
					op.statusN = h.v
				}
			}
		case "input":
			op.input = l.str(p.v, "input")
		case "output":
			op.output = l.str(p.v, "output")
		case "errors":
			for _, e := range l.sequence(p.v, "errors") {
				op.errors = append(op.errors, l.str(e, "error name"))
			}
		case "examples":
			for _, e := range l.sequence(p.v, "examples") {
				op.examples = append(op.examples, l.parseExample(e))
			}
		case "mock":
			op.mock = p.v
		case "hostPrefix":
			op.hostPrefix = l.str(p.v, "hostPrefix")
		default:
			l.operationTrait(op, p)
		}
	}
	return op
}

func (l *loader) sequence(n *yaml.Node, what string) []*yaml.Node {
	n = deref(n)
	if n.Kind != yaml.SequenceNode {
		l.errorf(n, "%s must be a list, found %s", what, kindName(n))
		return nil
	}
	return n.Content
}

// strList reads a sequence of strings.
func (l *loader) strList(n *yaml.Node, what string) []str {
	var out []str
	for _, e := range l.sequence(n, what) {
		out = append(out, l.str(e, what+" item"))
	}
	return out
}

func (l *loader) parseExample(n *yaml.Node) *rawExample {
	ex := &rawExample{n: n, conforms: true}
	for _, p := range l.mapping(n, "example", exampleKeys) {
		switch p.k.Value {
		case "title":
			ex.title = l.str(p.v, "title")
		case "doc":
			ex.doc = l.str(p.v, "doc")
		case "input":
			ex.input = p.v
		case "output":
			ex.output = p.v
		case "conforms":
			ex.conforms = l.boolean(p.v, "conforms")
		}
	}
	if !ex.title.ok() && !l.isMeant(n, "title") {
		l.errorf(n, "example is missing required key \"title\"")
	}
	return ex
}

func (l *loader) parseShape(k, n *yaml.Node) *rawShape {
	sh := &rawShape{name: str{k.Value, k}, n: n, keys: map[string]*yaml.Node{}}
	for _, p := range l.mapping(n, "shape "+k.Value, shapeKeys) {
		sh.keys[p.k.Value] = p.k
		switch p.k.Value {
		case "type":
			sh.typ = l.str(p.v, "type")
		case "doc":
			sh.doc = l.str(p.v, "doc")
		case "sensitive":
			sh.sensitive = l.boolean(p.v, "sensitive")
		case "enum":
			sh.enumN = p.k
			for _, e := range l.sequence(p.v, "enum") {
				sh.enum = append(sh.enum, l.parseEnum(e))
			}
		case "length":
			sh.length = l.parseBounds(p.v, "length", true)
		case "range":
			sh.rng = l.parseBounds(p.v, "range", false)
		case "pattern":
			sh.pattern = l.str(p.v, "pattern")
		case "member":
			sh.member = l.str(p.v, "member")
		case "key":
			sh.key = l.str(p.v, "key")
		case "value":
			sh.value = l.str(p.v, "value")
		case "members":
			sh.membersN = p.k
			for _, m := range l.mapping(p.v, "members of "+k.Value, nil) {
				sh.members = append(sh.members, l.parseMember(m.k, m.v))
			}
		case "error":
			sh.err = l.parseError(p.v)
		case "rules":
			sh.rules = p.v
		case "payload":
			sh.payload = l.str(p.v, "payload")
		default:
			l.shapeTrait(sh, p)
		}
	}
	if !sh.typ.ok() && deref(n).Kind == yaml.MappingNode && !l.isMeant(n, "type") {
		l.errorf(k, "shape %s is missing required key \"type\"", k.Value)
	}
	return sh
}

func (l *loader) parseEnum(n *yaml.Node) *rawEnum {
	n = deref(n)
	if n.Kind == yaml.ScalarNode {
		return &rawEnum{value: l.str(n, "enum value"), n: n}
	}
	e := &rawEnum{n: n}
	for _, p := range l.mapping(n, "enum value", enumKeys) {
		switch p.k.Value {
		case "value":
			e.value = l.str(p.v, "enum value")
		case "name":
			e.name = l.str(p.v, "enum name")
		case "doc":
			e.doc = l.str(p.v, "doc")
		}
	}
	if !e.value.ok() && n.Kind == yaml.MappingNode && !l.isMeant(n, "value") {
		l.errorf(n, "enum entry is missing required key \"value\"")
	}
	return e
}

func (l *loader) parseBounds(n *yaml.Node, what string, whole bool) *rawBounds {
	b := &rawBounds{n: n}
	for _, p := range l.mapping(n, what, boundsKeys) {
		var v float64
		var ok bool
		if whole {
			var i int64
			i, ok = l.integer(p.v, what+" "+p.k.Value)
			v = float64(i)
		} else {
			v, ok = l.number(p.v, what+" "+p.k.Value)
		}
		if !ok {
			continue
		}
		if p.k.Value == "min" {
			b.min, b.minN = &v, p.v
		} else {
			b.max, b.maxN = &v, p.v
		}
	}
	return b
}

func (l *loader) parseMember(k, n *yaml.Node) *rawMember {
	m := &rawMember{name: str{k.Value, k}, n: n}
	if d := deref(n); d.Kind == yaml.ScalarNode {
		m.shape = l.str(d, "member shape")
		return m
	}
	for _, p := range l.mapping(n, "member "+k.Value, memberKeys) {
		switch p.k.Value {
		case "shape":
			m.shape = l.str(p.v, "shape")
		case "doc":
			m.doc = l.str(p.v, "doc")
		case "required":
			m.required = l.boolean(p.v, "required")
		case "default":
			m.def = deref(p.v)
		case "idempotencyToken":
			m.idempotency = l.boolean(p.v, "idempotencyToken")
		case "goName":
			m.goName = l.str(p.v, "goName")
		case "location":
			m.location = l.str(p.v, "location")
		case "locationName":
			m.locationName = l.str(p.v, "locationName")
		case "hostLabel":
			if l.boolean(p.v, "hostLabel") {
				m.hostLabel = p.k
			}
		case "jsonValue":
			if l.boolean(p.v, "jsonValue") {
				m.jsonValue = p.k
			}
		default:
			l.memberTrait(m, p)
		}
	}
	if !m.shape.ok() && deref(n).Kind == yaml.MappingNode && !l.isMeant(n, "shape") {
		l.errorf(k, "member %s is missing required key \"shape\"", k.Value)
	}
	return m
}

func (l *loader) parseError(n *yaml.Node) *rawError {
	e := &rawError{n: n}
	for _, p := range l.mapping(n, "error", errorKeys) {
		switch p.k.Value {
		case "code":
			e.code = l.str(p.v, "code")
		case "status":
			if v, ok := l.integer(p.v, "status"); ok {
				if v < 400 || v > 599 {
					l.errorf(p.v, "error status %d is not an HTTP error status (400-599)", v)
				}
				e.status = v
			}
		case "fault":
			e.fault = l.str(p.v, "fault")
			if e.fault.ok() && e.fault.v != "client" && e.fault.v != "server" {
				l.errorf(p.v, "fault must be \"client\" or \"server\", found %q", e.fault.v)
			}
		default:
			l.errorTrait(e, p)
		}
	}
	return e
}

// packageFromFile is the package name a spec file must declare.
func packageFromFile(path string) string {
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}
