// Package tmpl is the template language of the mock blocks of a spec: the
// values of outputs, errors and defaults whose strings hold expressions in
// braces. It is its own package, importing no net/http, so that the
// generator can check a spec's templates without building the mock's HTTP
// stack and the SDK's signer.
package tmpl

import (
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
)

// A Template is a JSON-compatible value whose strings may contain
// expressions in braces, expanded when an output or error is built:
//
//	{region} {account} {partition}   the server's configured values
//	{uuid}                           a random UUID version 4
//	{now}                            the current time, epoch seconds
//	{random:0-9a-z:17}               17 characters drawn from the class
//	{input.a.b} {output.a.b}         a value of the request or of the output built so far
//	{existing.a.b}                   a value of the stored item a conflict is about
//	{state.a.b}                      a value kept with that item beside its output
//	{resource.a.b}                   in an operation bound to a resource, its description
//	{message}                        the problem, in validation and serialization errors
//	{subject}                        what an error is about: the identifier naming no
//	                                 resource (notFound), the name taken (conflict), the
//	                                 resource still holding others (hasChildren), the
//	                                 member left out (missingParameter)
//	{arnName:input.a}                the name an ARN ends with (the last segment of its
//	                                 resource, after the last '/' or ':'); a value that
//	                                 is no ARN is yielded as it is, so that a member
//	                                 taking a name or an ARN yields the name either way
//	{input.a|input.b|"text"|80}      the first alternative that yields a value; an
//	                                 alternative may be a JSON literal (a quoted
//	                                 string, a number, true or false)
//
// A string that is exactly one expression yields the value itself, keeping
// its JSON type (a number, a map, a whole structure), and an expression that
// finds nothing yields no value, so the member is left out. Inside a longer
// string a value is rendered as text, and nothing renders as "". "{{" and
// "}}" stand for literal braces.
type Template struct {
	literal any        // a non-string literal, or a string without expressions
	parts   []tmplPart // set for strings with expressions
	single  bool       // the string is exactly one expression
	size    int        // a guess of the rendered length, to size the buffer
	list    []*Template
	object  []objField
}

type objField struct {
	key string
	val *Template
}

type tmplPart struct {
	text string
	expr *expr // nil for literal text
}

type exprKind uint8

const (
	exprRegion exprKind = iota
	exprAccount
	exprPartition
	exprUUID
	exprNow
	exprRandom
	exprInput
	exprOutput
	exprExisting
	exprState
	exprResource
	exprParent
	exprMessage
	exprSubject
	exprLiteral
	exprARNName
)

type expr struct {
	kind  exprKind
	path  []string // input, output, existing, state
	class []byte   // random
	n     int      // random
	value any      // literal
	arg   *expr    // the argument of a function (arnName)
	next  *expr    // the alternative used when this one yields nothing
}

// Compile parses v. It fails on unknown expressions, so that a bad
// spec is caught when the mock is built, not when a request arrives.
func Compile(v any) (*Template, error) {
	switch v := v.(type) {
	case string:
		return compileString(v)
	case []any:
		t := &Template{list: []*Template{}}
		for i, e := range v {
			et, err := Compile(e)
			if err != nil {
				return nil, fmt.Errorf("[%d]: %w", i, err)
			}
			t.list = append(t.list, et)
		}
		return t, nil
	case map[string]any:
		t := &Template{object: []objField{}}
		for _, k := range slices.Sorted(maps.Keys(v)) {
			et, err := Compile(v[k])
			if err != nil {
				return nil, fmt.Errorf("%s: %w", k, err)
			}
			t.object = append(t.object, objField{k, et})
		}
		return t, nil
	case nil, bool, float64, int, int64, int32, json.Number:
		return &Template{literal: v}, nil
	}
	return nil, fmt.Errorf("unsupported template value of type %T", v)
}

func compileString(s string) (*Template, error) {
	var parts []tmplPart
	var text strings.Builder
	hasExpr := false
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "{{"):
			text.WriteByte('{')
			i += 2
		case strings.HasPrefix(s[i:], "}}"):
			text.WriteByte('}')
			i += 2
		case s[i] == '{':
			end := strings.IndexByte(s[i:], '}')
			if end < 0 {
				return nil, fmt.Errorf("unclosed { in %q", s)
			}
			e, err := parseExpr(s[i+1 : i+end])
			if err != nil {
				return nil, err
			}
			if text.Len() > 0 {
				parts = append(parts, tmplPart{text: text.String()})
				text.Reset()
			}
			parts = append(parts, tmplPart{expr: e})
			hasExpr = true
			i += end + 1
		default:
			text.WriteByte(s[i])
			i++
		}
	}
	if !hasExpr {
		return &Template{literal: text.String()}, nil
	}
	if text.Len() > 0 {
		parts = append(parts, tmplPart{text: text.String()})
	}
	size := 0
	for _, p := range parts {
		size += len(p.text)
		if p.expr != nil {
			size += 24
			if p.expr.kind == exprRandom {
				size += p.expr.n - 24
			}
		}
	}
	return &Template{parts: parts, single: len(parts) == 1, size: size}, nil
}

// parseExpr parses the text between braces: alternatives separated by |.
func parseExpr(s string) (*expr, error) {
	var first, last *expr
	for alt := range strings.SplitSeq(s, "|") {
		e, err := parseAlt(strings.TrimSpace(alt))
		if err != nil {
			return nil, err
		}
		if first == nil {
			first = e
		} else {
			last.next = e
		}
		last = e
	}
	return first, nil
}

func parseAlt(s string) (*expr, error) {
	if s != "" && (s[0] == '"' || s[0] == '-' || (s[0] >= '0' && s[0] <= '9') || s == "true" || s == "false") {
		dec := json.NewDecoder(strings.NewReader(s))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil || dec.More() {
			return nil, fmt.Errorf("{%s}: not a JSON literal", s)
		}
		return &expr{kind: exprLiteral, value: v}, nil
	}
	switch s {
	case "region":
		return &expr{kind: exprRegion}, nil
	case "account":
		return &expr{kind: exprAccount}, nil
	case "partition":
		return &expr{kind: exprPartition}, nil
	case "uuid":
		return &expr{kind: exprUUID}, nil
	case "now":
		return &expr{kind: exprNow}, nil
	case "message":
		return &expr{kind: exprMessage}, nil
	case "subject":
		return &expr{kind: exprSubject}, nil
	}
	if rest, ok := strings.CutPrefix(s, "arnName:"); ok {
		arg, err := parseAlt(strings.TrimSpace(rest))
		if err != nil {
			return nil, err
		}
		return &expr{kind: exprARNName, arg: arg}, nil
	}
	if rest, ok := strings.CutPrefix(s, "random:"); ok {
		cls, num, ok := strings.Cut(rest, ":")
		n, err := strconv.Atoi(num)
		if !ok || err != nil || n <= 0 || n > 1024 {
			return nil, fmt.Errorf("{%s}: want {random:CLASS:N} with 0 < N <= 1024", s)
		}
		class, err := expandClass(cls)
		if err != nil {
			return nil, fmt.Errorf("{%s}: %w", s, err)
		}
		return &expr{kind: exprRandom, class: class, n: n}, nil
	}
	for _, p := range []struct {
		prefix string
		kind   exprKind
	}{{"input.", exprInput}, {"output.", exprOutput}, {"existing.", exprExisting}, {"state.", exprState}, {"resource.", exprResource}, {"parent.", exprParent}} {
		if rest, ok := strings.CutPrefix(s, p.prefix); ok && rest != "" {
			return &expr{kind: p.kind, path: strings.Split(rest, ".")}, nil
		}
	}
	return nil, fmt.Errorf("unknown expression {%s}", s)
}

// expandClass turns "0-9a-z_" into the bytes it stands for (ASCII only).
func expandClass(c string) ([]byte, error) {
	var out []byte
	for i := 0; i < len(c); i++ {
		if c[i] > 0x7e || c[i] < 0x21 {
			return nil, fmt.Errorf("character class %q: only printable ASCII", c)
		}
		if i+2 < len(c) && c[i+1] == '-' {
			lo, hi := c[i], c[i+2]
			if lo > hi {
				return nil, fmt.Errorf("character class %q: bad range %c-%c", c, lo, hi)
			}
			for b := lo; b <= hi; b++ {
				out = append(out, b)
			}
			i += 2
			continue
		}
		out = append(out, c[i])
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("empty character class")
	}
	return out, nil
}

// Env is what expressions are evaluated against.
type Env struct {
	Region, Account, Partition string
	Now                        time.Time
	Message                    string
	// Subject is what an error is about (see {subject}).
	Subject                 string
	Input, Output, Existing map[string]any
	State                   map[string]any // the state kept with Existing
	// Resource is, in an operation bound to a resource, the description of
	// the resource it acts on (or, in a conflict, collides with).
	Resource map[string]any
	// Parent is, in a create of a resource with a parent, the parent's
	// description (a subnet's, for an instance launched in it).
	Parent map[string]any
}

// MissingValue is the type of Missing.
type MissingValue struct{}

// Missing is what an expression that found nothing yields, and what Eval
// yields for it; a member whose value is Missing is left out.
var Missing = MissingValue{}

// Eval expands t against e.
func (t *Template) Eval(e *Env) any {
	switch {
	case t.list != nil:
		out := make([]any, 0, len(t.list))
		for _, et := range t.list {
			if v := et.Eval(e); v != Missing {
				out = append(out, v)
			}
		}
		return out
	case t.object != nil:
		out := make(map[string]any, len(t.object))
		for _, f := range t.object {
			if v := f.val.Eval(e); v != Missing {
				out[f.key] = v
			}
		}
		return out
	case t.parts == nil:
		return t.literal
	case t.single:
		return t.parts[0].expr.eval(e)
	}
	var b strings.Builder
	b.Grow(t.size)
	for _, p := range t.parts {
		if p.expr == nil {
			b.WriteString(p.text)
			continue
		}
		p.expr.write(&b, e)
	}
	return b.String()
}

// write renders the expression as text into b; the generated values
// (random characters, UUIDs) go straight into b, without a string of their
// own.
func (x *expr) write(b *strings.Builder, e *Env) {
	if x.next == nil {
		switch x.kind {
		case exprRandom:
			for range x.n {
				b.WriteByte(x.class[rand.IntN(len(x.class))])
			}
			return
		case exprRegion:
			b.WriteString(e.Region)
			return
		case exprAccount:
			b.WriteString(e.Account)
			return
		case exprPartition:
			b.WriteString(e.Partition)
			return
		}
	}
	WriteText(b, x.eval(e))
}

// WriteText renders v as text into b: strings as they are, numbers and
// booleans in their JSON form, nothing for Missing or nil, other values as
// JSON.
func WriteText(b *strings.Builder, v any) {
	switch v := v.(type) {
	case MissingValue, nil:
	case string:
		b.WriteString(v)
	case json.Number:
		b.WriteString(v.String())
	case float64:
		b.WriteString(strconv.FormatFloat(v, 'f', -1, 64))
	case bool:
		b.WriteString(strconv.FormatBool(v))
	default:
		data, _ := json.Marshal(v)
		b.Write(data)
	}
}

func (x *expr) eval(e *Env) any {
	v := x.eval1(e)
	if (v == Missing || v == nil) && x.next != nil {
		return x.next.eval(e)
	}
	return v
}

func (x *expr) eval1(e *Env) any {
	switch x.kind {
	case exprLiteral:
		return x.value
	case exprRegion:
		return e.Region
	case exprAccount:
		return e.Account
	case exprPartition:
		return e.Partition
	case exprUUID:
		return NewUUID()
	case exprNow:
		return json.Number(strconv.FormatFloat(float64(e.Now.UnixMilli())/1000, 'f', -1, 64))
	case exprMessage:
		return e.Message
	case exprSubject:
		return e.Subject
	case exprRandom:
		b := make([]byte, x.n)
		for i := range b {
			b[i] = x.class[rand.IntN(len(x.class))]
		}
		return string(b)
	case exprInput:
		return Lookup(e.Input, x.path)
	case exprOutput:
		return Lookup(e.Output, x.path)
	case exprExisting:
		return Lookup(e.Existing, x.path)
	case exprState:
		return Lookup(e.State, x.path)
	case exprResource:
		return Lookup(e.Resource, x.path)
	case exprParent:
		return Lookup(e.Parent, x.path)
	case exprARNName:
		v := x.arg.eval1(e)
		if s, ok := v.(string); ok {
			return arnName(s)
		}
		return v
	}
	return Missing
}

// arnName returns the name an ARN ends with, "default" for
// arn:aws:ecs:us-east-1:123456789012:cluster/default, and s itself when s is
// not an ARN. The resource part is what follows the fifth colon; its last
// segment ends it, after a '/' or a ':'.
func arnName(s string) string {
	if !strings.HasPrefix(s, "arn:") {
		return s
	}
	rest := s
	for range 5 {
		i := strings.IndexByte(rest, ':')
		if i < 0 {
			return s // too few parts to be an ARN
		}
		rest = rest[i+1:]
	}
	if i := strings.LastIndexAny(rest, "/:"); i >= 0 {
		rest = rest[i+1:]
	}
	return rest
}

// Lookup finds the value at path in a decoded JSON object; Missing when
// there is none or it is null.
func Lookup(m map[string]any, path []string) any {
	var cur any = m
	for _, p := range path {
		obj, ok := cur.(map[string]any)
		if !ok {
			return Missing
		}
		if cur, ok = obj[p]; !ok || cur == nil {
			return Missing
		}
	}
	return cur
}

// NewUUID returns a random UUID version 4 in its canonical text form.
func NewUUID() string {
	var u [16]byte
	hi, lo := rand.Uint64(), rand.Uint64()
	for i := range 8 {
		u[i] = byte(hi >> (8 * i))
		u[8+i] = byte(lo >> (8 * i))
	}
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	const hexdig = "0123456789abcdef"
	var b [36]byte
	j := 0
	for i, c := range u {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			b[j] = '-'
			j++
		}
		b[j], b[j+1] = hexdig[c>>4], hexdig[c&0xf]
		j += 2
	}
	return string(b[:])
}

// Refs checks the template v and returns the member references in
// it, as written ("input.name", "output.id", "existing.id", "state.id"), in
// order, so that the generator can check them against the shapes when it
// loads a spec.
func Refs(v any) ([]string, error) {
	t, err := Compile(v)
	if err != nil {
		return nil, err
	}
	var refs []string
	var walk func(t *Template)
	walk = func(t *Template) {
		for _, e := range t.list {
			walk(e)
		}
		for _, f := range t.object {
			walk(f.val)
		}
		for _, p := range t.parts {
			for x := p.expr; x != nil; x = x.next {
				arg := x
				if x.arg != nil {
					arg = x.arg
				}
				prefix := map[exprKind]string{exprInput: "input.", exprOutput: "output.", exprExisting: "existing.", exprState: "state.", exprResource: "resource.", exprParent: "parent."}[arg.kind]
				if prefix != "" {
					refs = append(refs, prefix+strings.Join(arg.path, "."))
				}
			}
		}
	}
	walk(t)
	return refs, nil
}

// Input returns the template that yields the input member at path, as
// {input.a.b} does, for a path that is not written as a template.
func Input(path []string) *Template {
	return &Template{parts: []tmplPart{{expr: &expr{kind: exprInput, path: path}}}, single: true}
}

// IsLiteral reports whether the template v is a plain value, without
// expressions.
func IsLiteral(v any) bool {
	t, err := Compile(v)
	return err == nil && t.parts == nil && t.list == nil && t.object == nil
}
