package specrt

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Rule names the kind of constraint a value broke.
type Rule string

// The rules a generated validator checks.
const (
	RuleRequired Rule = "required"
	RuleLength   Rule = "length"
	RuleRange    Rule = "range"
	RulePattern  Rule = "pattern"
	RuleEnum     Rule = "enum"

	// The rules that span members, named as in the spec (see rules.go).
	RuleOneOf        Rule = "oneOf"
	RuleAtMostOneOf  Rule = "atMostOneOf"
	RuleUniqueBy     Rule = "uniqueBy"
	RuleRequiredWhen Rule = "requiredWhen"
	RuleOnlyWhen     Rule = "onlyWhen"
)

// Path is the location of a value inside an input, in wire names. Generated
// validators build paths on the stack as they descend, so a valid input costs
// no allocation; a path is rendered to text only when a problem is reported.
// The zero Path is the root.
type Path struct {
	parent *Path
	name   string // member name or map key
	index  int
	kind   pathKind
	redact bool // values at and below this path are sensitive
}

type pathKind uint8

const (
	pathRoot pathKind = iota
	pathMember
	pathIndex
	pathKey
	pathRedactedKey
)

// Member returns the path of the member name of the value at p.
func (p *Path) Member(name string) Path {
	return Path{parent: p, name: name, kind: pathMember, redact: p.redact}
}

// Index returns the path of element i of the list at p.
func (p *Path) Index(i int) Path { return Path{parent: p, index: i, kind: pathIndex, redact: p.redact} }

// Key returns the path of the value stored under key in the map at p.
func (p *Path) Key(key string) Path {
	return Path{parent: p, name: key, kind: pathKey, redact: p.redact}
}

// RedactedKey is Key for a map whose keys are sensitive: the key is rendered
// as [*] and the value is withheld.
func (p *Path) RedactedKey() Path { return Path{parent: p, kind: pathRedactedKey, redact: true} }

// Redacted returns p marked sensitive: problems reported at or below it
// never show the offending value.
func (p Path) Redacted() Path {
	p.redact = true
	return p
}

// String renders the path as it appears in error messages:
// SourceConfiguration.ImageRepository.ImageIdentifier, secrets[0].valueFrom,
// tags["env"].
func (p Path) String() string {
	var b strings.Builder
	p.write(&b)
	return b.String()
}

func (p *Path) write(b *strings.Builder) {
	if p == nil || p.kind == pathRoot {
		return
	}
	p.parent.write(b)
	switch p.kind {
	case pathMember:
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(p.name)
	case pathIndex:
		b.WriteByte('[')
		b.WriteString(strconv.Itoa(p.index))
		b.WriteByte(']')
	case pathKey:
		b.WriteByte('[')
		b.WriteString(strconv.Quote(p.name))
		b.WriteByte(']')
	case pathRedactedKey:
		b.WriteString("[*]")
	}
}

// FieldError is one constraint that one value broke.
type FieldError struct {
	// Path locates the value in wire names; empty for the input itself.
	Path string
	// Rule is the kind of constraint.
	Rule Rule
	// Message says what the constraint is and, where it helps, what was found
	// instead ("length must be between 3 and 40 characters, got 45").
	Message string
	// Value is the offending value, or empty when it is sensitive or absent.
	Value string
	// Sensitive is true when the value was withheld because the member is
	// marked sensitive.
	Sensitive bool
}

// maxShownValue is how many characters of an offending value an error shows.
const maxShownValue = 64

// Error renders the problem as "path: message (value)".
func (e FieldError) Error() string {
	var b strings.Builder
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Message)
	switch {
	case e.Sensitive:
		b.WriteString(" (value is sensitive)")
	case e.Value != "" && e.Rule == RuleRange:
		// Only numbers have ranges; quoted, 500 would read as a string.
		b.WriteString(" (value ")
		b.WriteString(truncate(e.Value, maxShownValue))
		b.WriteString(")")
	case e.Value != "":
		b.WriteString(" (value ")
		b.WriteString(strconv.Quote(truncate(e.Value, maxShownValue)))
		b.WriteString(")")
	}
	return b.String()
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i, count := 0, 0
	for i = range s {
		if count == n {
			break
		}
		count++
	}
	return s[:i] + "…"
}

// ValidationError is returned by generated Validate methods. It lists every
// problem found in one pass, in the order the validator met them.
type ValidationError struct {
	Fields []FieldError
}

// Error renders all problems, separated by semicolons.
func (e *ValidationError) Error() string {
	var b strings.Builder
	if len(e.Fields) == 1 {
		b.WriteString("validation failed: ")
	} else {
		fmt.Fprintf(&b, "validation failed with %d problems: ", len(e.Fields))
	}
	for i, f := range e.Fields {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(f.Error())
	}
	return b.String()
}

// Report collects problems while a generated validator walks an input. Its
// zero value is ready to use and allocates nothing until a problem is added.
type Report struct {
	fields []FieldError
}

// Err returns nil when no problem was reported, and a *ValidationError
// otherwise.
func (r *Report) Err() error {
	if len(r.fields) == 0 {
		return nil
	}
	return &ValidationError{Fields: r.fields}
}

// Missing reports that the required member name of the structure at p is not
// set.
func (r *Report) Missing(p Path, name string) {
	r.fields = append(r.fields, FieldError{
		Path:    p.Member(name).String(),
		Rule:    RuleRequired,
		Message: "is required",
	})
}

// Add reports that value, at p, breaks rule; format and args make the
// message. The value is withheld when p is sensitive.
func (r *Report) Add(p Path, rule Rule, value string, format string, args ...any) {
	fe := FieldError{
		Path:    p.String(),
		Rule:    rule,
		Message: fmt.Sprintf(format, args...),
		Value:   value,
	}
	if p.redact {
		fe.Value, fe.Sensitive = "", true
	}
	r.fields = append(r.fields, fe)
}

// Len returns how many problems have been reported so far.
func (r *Report) Len() int { return len(r.fields) }

// SortFrom sorts the problems reported since Len returned from by path.
// Validators call it after walking a map, whose iteration order is random,
// so that the report is the same from run to run.
func (r *Report) SortFrom(from int) {
	if len(r.fields)-from < 2 {
		return
	}
	tail := r.fields[from:]
	sort.SliceStable(tail, func(i, j int) bool { return tail[i].Path < tail[j].Path })
}

// FormatInt renders an integer value for a report.
func FormatInt(v int64) string { return strconv.FormatInt(v, 10) }

// FormatFloat renders a floating-point value for a report.
func FormatFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// CharsWithin reports whether s has between min and max code points, and
// how many it has when it does not. Validators call it for length
// constraints; it counts code points only when the byte length leaves the
// answer open (a string of n bytes has between n/4 and n code points), so
// the common short ASCII value costs no counting.
func CharsWithin(s string, min, max int) (n int, ok bool) {
	if n = len(s); n <= max && (n >= 4*min || (min <= 1 && n >= min)) {
		return n, true
	}
	n = utf8.RuneCountInString(s)
	return n, n >= min && n <= max
}
