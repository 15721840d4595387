package pattern

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Error is a problem in a pattern, at byte offset Offset of the source.
type Error struct {
	Offset int
	Msg    string
}

func (e *Error) Error() string { return fmt.Sprintf("pattern offset %d: %s", e.Offset, e.Msg) }

type kind uint8

const (
	kEmpty  kind = iota // the empty string
	kSet                // one code point of set
	kConcat             // subs in sequence
	kAlt                // any of subs
	kRepeat             // subs[0], min to max times (max < 0: unbounded)
	kBegin              // ^
	kEnd                // $
	kLook               // (?=subs[0]) or, if neg, (?!subs[0])
)

type node struct {
	kind     kind
	pos      int // byte offset in the source, for errors
	set      runeSet
	subs     []*node
	min, max int
	neg      bool
	asserts  bool // the subtree holds ^, $ or a lookahead (set by markAsserts)
}

var emptyNode = &node{kind: kEmpty}

const (
	maxDepth  = 1000   // nesting of groups
	maxRepeat = 100000 // largest {n,m} count accepted by the parser
)

type parser struct {
	src    string
	pos    int
	depth  int
	tables map[string]runeSet // Unicode tables used, by identifier in package unicode
}

func (p *parser) errf(off int, format string, args ...any) *Error {
	return &Error{Offset: off, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) more() bool { return p.pos < len(p.src) }

func (p *parser) peek() byte {
	if p.pos < len(p.src) {
		return p.src[p.pos]
	}
	return 0
}

func (p *parser) hasPrefix(s string) bool { return strings.HasPrefix(p.src[p.pos:], s) }

// parse parses src into a tree. Anchors and lookaheads are kept as nodes;
// checking where they are is the compiler's job.
func parse(src string) (*node, map[string]runeSet, error) {
	p := &parser{src: src, tables: map[string]runeSet{}}
	n, err := p.parseAlt()
	if err != nil {
		return nil, nil, err
	}
	if p.more() { // only a ')' stops parseAlt early
		return nil, nil, p.errf(p.pos, "unmatched )")
	}
	return n, p.tables, nil
}

func (p *parser) parseAlt() (*node, error) {
	start := p.pos
	var alts []*node
	for {
		n, err := p.parseConcat()
		if err != nil {
			return nil, err
		}
		alts = append(alts, n)
		if p.peek() != '|' {
			break
		}
		p.pos++
	}
	if len(alts) == 1 {
		return alts[0], nil
	}
	return &node{kind: kAlt, pos: start, subs: alts}, nil
}

func (p *parser) parseConcat() (*node, error) {
	start := p.pos
	var items []*node
	for p.more() && p.peek() != '|' && p.peek() != ')' {
		n, err := p.parseAtom()
		if err != nil {
			return nil, err
		}
		if n, err = p.parseQuantifier(n); err != nil {
			return nil, err
		}
		items = append(items, n)
	}
	switch len(items) {
	case 0:
		return &node{kind: kEmpty, pos: start}, nil
	case 1:
		return items[0], nil
	}
	return &node{kind: kConcat, pos: start, subs: items}, nil
}

func (p *parser) parseAtom() (*node, error) {
	start := p.pos
	r, size := utf8.DecodeRuneInString(p.src[p.pos:])
	if r == utf8.RuneError && size == 1 {
		return nil, p.errf(start, "invalid UTF-8")
	}
	switch r {
	case '(':
		return p.parseGroup()
	case '[':
		return p.parseClass()
	case '.':
		p.pos++
		return &node{kind: kSet, pos: start, set: dotSet}, nil
	case '^':
		p.pos++
		return &node{kind: kBegin, pos: start}, nil
	case '$':
		p.pos++
		return &node{kind: kEnd, pos: start}, nil
	case '*', '+', '?':
		return nil, p.errf(start, "nothing to repeat before %c", r)
	case '{':
		if _, _, ok, _ := p.scanBraces(); ok {
			return nil, p.errf(start, "nothing to repeat before {")
		}
		return nil, p.errf(start, `unescaped {: write \{ for a literal {`)
	case '\\':
		set, _, err := p.parseEscape(false)
		if err != nil {
			return nil, err
		}
		return &node{kind: kSet, pos: start, set: set}, nil
	}
	p.pos += size
	return &node{kind: kSet, pos: start, set: single(r)}, nil
}

func (p *parser) parseGroup() (*node, error) {
	start := p.pos
	p.pos++ // (
	p.depth++
	if p.depth > maxDepth {
		return nil, p.errf(start, "groups nested more than %d deep", maxDepth)
	}
	defer func() { p.depth-- }()
	look, neg := false, false
	switch {
	case p.hasPrefix("?:"):
		p.pos += 2
	case p.hasPrefix("?="):
		p.pos += 2
		look = true
	case p.hasPrefix("?!"):
		p.pos += 2
		look, neg = true, true
	case p.hasPrefix("?<=") || p.hasPrefix("?<!"):
		return nil, p.errf(start, "lookbehind is not supported")
	case p.hasPrefix("?<"):
		// A named group: (?<name>...). The name plays no part in matching.
		p.pos += 2
		i := p.pos
		for i < len(p.src) && (isWordByte(p.src[i]) || p.src[i] == '$') {
			i++
		}
		if i == p.pos || i >= len(p.src) || p.src[i] != '>' || isDigit(p.src[p.pos]) {
			return nil, p.errf(start, "malformed group name")
		}
		p.pos = i + 1
	case p.hasPrefix("?"):
		return nil, p.errf(start, "unsupported group syntax (?%s", firstRune(p.src[p.pos+1:]))
	}
	inner, err := p.parseAlt()
	if err != nil {
		return nil, err
	}
	if p.peek() != ')' {
		return nil, p.errf(start, "missing )")
	}
	p.pos++
	if look {
		return &node{kind: kLook, pos: start, subs: []*node{inner}, neg: neg}, nil
	}
	return inner, nil
}

func firstRune(s string) string {
	if s == "" {
		return ""
	}
	_, n := utf8.DecodeRuneInString(s)
	return s[:n]
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isWordByte(c byte) bool {
	return isDigit(c) || c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// scanBraces reads {n}, {n,} or {n,m} at p.pos without consuming it. ok is
// false if the text there is not a quantifier; err reports counts too large
// or out of order.
func (p *parser) scanBraces() (lo, hi int, ok bool, err error) {
	s := p.src[p.pos:]
	if len(s) == 0 || s[0] != '{' {
		return 0, 0, false, nil
	}
	i := 1
	num := func() (int, bool) {
		j := i
		v := 0
		for i < len(s) && isDigit(s[i]) {
			if v <= maxRepeat {
				v = v*10 + int(s[i]-'0')
			}
			i++
		}
		return v, i > j
	}
	lo, okLo := num()
	if !okLo {
		return 0, 0, false, nil
	}
	hi = lo
	if i < len(s) && s[i] == ',' {
		i++
		var okHi bool
		if hi, okHi = num(); !okHi {
			hi = -1
		}
	}
	if i >= len(s) || s[i] != '}' {
		return 0, 0, false, nil
	}
	if lo > maxRepeat || hi > maxRepeat {
		return 0, 0, true, p.errf(p.pos, "repeat count larger than %d", maxRepeat)
	}
	if hi >= 0 && hi < lo {
		return 0, 0, true, p.errf(p.pos, "numbers out of order in {%d,%d}", lo, hi)
	}
	p.pos += i + 1
	return lo, hi, true, nil
}

func (p *parser) parseQuantifier(atom *node) (*node, error) {
	if !p.more() {
		return atom, nil
	}
	start := p.pos
	var lo, hi int
	switch p.peek() {
	case '*':
		lo, hi = 0, -1
		p.pos++
	case '+':
		lo, hi = 1, -1
		p.pos++
	case '?':
		lo, hi = 0, 1
		p.pos++
	case '{':
		var ok bool
		var err error
		if lo, hi, ok, err = p.scanBraces(); err != nil {
			return nil, err
		}
		if !ok {
			return nil, p.errf(start, `unescaped {: write \{ for a literal {`)
		}
	default:
		return atom, nil
	}
	switch atom.kind {
	case kBegin, kEnd, kLook:
		return nil, p.errf(start, "an assertion cannot be repeated")
	}
	if p.peek() == '?' { // lazy: same language
		p.pos++
	}
	switch p.peek() {
	case '*', '?', '{':
		return nil, p.errf(p.pos, "nested quantifier")
	case '+':
		return nil, p.errf(p.pos, "nested or possessive quantifier is not supported")
	}
	return &node{kind: kRepeat, pos: start, subs: []*node{atom}, min: lo, max: hi}, nil
}

func (p *parser) parseClass() (*node, error) {
	start := p.pos
	p.pos++ // [
	neg := false
	if p.peek() == '^' {
		neg = true
		p.pos++
	}
	if p.peek() == ']' {
		return nil, p.errf(start, `empty character class: write \] for a literal ]`)
	}
	var rs []runeRange
	for {
		if !p.more() {
			return nil, p.errf(start, "missing ]")
		}
		if p.peek() == ']' {
			p.pos++
			break
		}
		loPos := p.pos
		lo, loClass, err := p.classAtom()
		if err != nil {
			return nil, err
		}
		if loClass != nil {
			// A class escape cannot start a range; a '-' after it is a
			// literal '-', read by the next iteration.
			rs = append(rs, loClass...)
			continue
		}
		if p.peek() == '-' && p.pos+1 < len(p.src) && p.src[p.pos+1] != ']' {
			p.pos++
			hi, hiClass, err := p.classAtom()
			if err != nil {
				return nil, err
			}
			if hiClass != nil {
				return nil, p.errf(loPos, "a class escape cannot end a range")
			}
			if hi < lo {
				return nil, p.errf(loPos, "range out of order in character class")
			}
			rs = append(rs, runeRange{lo, hi})
			continue
		}
		rs = append(rs, runeRange{lo, lo})
	}
	set := normalize(rs)
	if neg {
		set = set.negate()
	}
	return &node{kind: kSet, pos: start, set: set}, nil
}

// classAtom reads one code point, or a class escape (class != nil), inside [].
func (p *parser) classAtom() (r rune, class runeSet, err error) {
	switch {
	case p.peek() == '[':
		return 0, nil, p.errf(p.pos, `nested [ in a character class: write \[ for a literal [`)
	case p.hasPrefix("&&"):
		return 0, nil, p.errf(p.pos, `&& in a character class is ambiguous (Java reads an intersection): write \&`)
	case p.peek() == '\\':
		set, isClass, err := p.parseEscape(true)
		if err != nil {
			return 0, nil, err
		}
		if isClass {
			return 0, set, nil
		}
		return set[0].lo, nil, nil
	}
	r, size := utf8.DecodeRuneInString(p.src[p.pos:])
	if r == utf8.RuneError && size == 1 {
		return 0, nil, p.errf(p.pos, "invalid UTF-8")
	}
	p.pos += size
	return r, nil, nil
}

// parseEscape reads an escape at p.pos (a backslash). It returns the set it
// stands for, and whether that is a class escape rather than one code point.
func (p *parser) parseEscape(inClass bool) (set runeSet, isClass bool, err error) {
	start := p.pos
	p.pos++ // backslash
	if !p.more() {
		return nil, false, p.errf(start, "trailing backslash")
	}
	c := p.src[p.pos]
	p.pos++
	lit := func(r rune) (runeSet, bool, error) { return single(r), false, nil }
	switch c {
	case 'd':
		return digitSet, true, nil
	case 'D':
		return digitSet.negate(), true, nil
	case 'w':
		return wordSet, true, nil
	case 'W':
		return wordSet.negate(), true, nil
	case 's':
		return spaceSet, true, nil
	case 'S':
		return spaceSet.negate(), true, nil
	case 'p', 'P':
		set, err := p.parseProperty(start)
		if err != nil {
			return nil, false, err
		}
		if c == 'P' {
			set = set.negate()
		}
		return set, true, nil
	case 't':
		return lit('\t')
	case 'n':
		return lit('\n')
	case 'r':
		return lit('\r')
	case 'f':
		return lit('\f')
	case 'v':
		return lit('\v')
	case '0':
		if isDigit(p.peek()) {
			return nil, false, p.errf(start, "octal escapes are not supported: write \\xHH")
		}
		return lit(0)
	case 'x':
		v, ok := p.hexDigits(2)
		if !ok {
			return nil, false, p.errf(start, `\x needs two hex digits`)
		}
		return lit(rune(v))
	case 'u':
		r, err := p.parseU(start)
		if err != nil {
			return nil, false, err
		}
		return lit(r)
	case 'c':
		if l := p.peek(); 'a' <= l && l <= 'z' || 'A' <= l && l <= 'Z' {
			p.pos++
			return lit(rune(l % 32))
		}
		return nil, false, p.errf(start, `\c needs a letter`)
	case 'b', 'B':
		if inClass {
			return nil, false, p.errf(start, `\b in a character class is ambiguous: write \x08 for a backspace`)
		}
		return nil, false, p.errf(start, "word boundary assertions are not supported")
	case 'k':
		return nil, false, p.errf(start, "backreferences are not supported")
	}
	switch {
	case '1' <= c && c <= '9':
		return nil, false, p.errf(start, "backreferences are not supported")
	case c < utf8.RuneSelf && c >= 0x20 && c != 0x7f && !isWordByte(c):
		return lit(rune(c)) // identity escape of punctuation
	}
	p.pos = start + 1
	return nil, false, p.errf(start, "unknown escape \\%s", firstRune(p.src[p.pos:]))
}

func (p *parser) hexDigits(n int) (int, bool) {
	if p.pos+n > len(p.src) {
		return 0, false
	}
	v := 0
	for i := 0; i < n; i++ {
		d, ok := hexVal(p.src[p.pos+i])
		if !ok {
			return 0, false
		}
		v = v*16 + d
	}
	p.pos += n
	return v, true
}

func hexVal(c byte) (int, bool) {
	switch {
	case isDigit(c):
		return int(c - '0'), true
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10, true
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10, true
	}
	return 0, false
}

// parseU reads what follows \u: HHHH, a surrogate pair \uHHHH\uHHHH, or {H...}.
func (p *parser) parseU(start int) (rune, error) {
	if p.peek() == '{' {
		p.pos++
		v, n := 0, 0
		for p.more() && p.peek() != '}' {
			d, ok := hexVal(p.peek())
			if !ok {
				return 0, p.errf(start, `malformed \u{...} escape`)
			}
			if v <= unicode.MaxRune {
				v = v*16 + d
			}
			n++
			p.pos++
		}
		if !p.more() || n == 0 {
			return 0, p.errf(start, `malformed \u{...} escape`)
		}
		p.pos++
		if v > unicode.MaxRune {
			return 0, p.errf(start, "code point out of range")
		}
		if 0xd800 <= v && v <= 0xdfff {
			return 0, p.errf(start, "a surrogate code point never occurs in a Go string")
		}
		return rune(v), nil
	}
	v, ok := p.hexDigits(4)
	if !ok {
		return 0, p.errf(start, `\u needs four hex digits`)
	}
	if 0xd800 <= v && v <= 0xdbff && p.hasPrefix(`\u`) {
		save := p.pos
		p.pos += 2
		if lo, ok := p.hexDigits(4); ok && 0xdc00 <= lo && lo <= 0xdfff {
			return rune(0x10000 + (v-0xd800)<<10 + (lo - 0xdc00)), nil
		}
		p.pos = save
	}
	if 0xd800 <= v && v <= 0xdfff {
		return 0, p.errf(start, "a lone surrogate never occurs in a Go string")
	}
	return rune(v), nil
}

// Java's POSIX character classes, which are ASCII only.
var javaPOSIX = map[string]runeSet{
	"Lower":  {{'a', 'z'}},
	"Upper":  {{'A', 'Z'}},
	"ASCII":  {{0, 0x7f}},
	"Alpha":  {{'A', 'Z'}, {'a', 'z'}},
	"Digit":  {{'0', '9'}},
	"Alnum":  {{'0', '9'}, {'A', 'Z'}, {'a', 'z'}},
	"Punct":  {{'!', '/'}, {':', '@'}, {'[', '`'}, {'{', '~'}},
	"Graph":  {{'!', '~'}},
	"Print":  {{' ', '~'}},
	"Blank":  {{'\t', '\t'}, {' ', ' '}},
	"Cntrl":  {{0, 0x1f}, {0x7f, 0x7f}},
	"XDigit": {{'0', '9'}, {'A', 'F'}, {'a', 'f'}},
	"Space":  {{'\t', '\r'}, {' ', ' '}},
}

// parseProperty reads {Name} after \p or \P.
func (p *parser) parseProperty(start int) (runeSet, error) {
	if p.peek() != '{' {
		return nil, p.errf(start, `\p needs a {name}`)
	}
	end := strings.IndexByte(p.src[p.pos:], '}')
	if end < 0 {
		return nil, p.errf(start, `missing } in \p{...}`)
	}
	name := p.src[p.pos+1 : p.pos+end]
	p.pos += end + 1
	cats, scripts := true, true
	for _, pre := range []string{"General_Category=", "gc="} {
		if n, ok := strings.CutPrefix(name, pre); ok {
			name, scripts = n, false
		}
	}
	for _, pre := range []string{"Script=", "sc="} {
		if n, ok := strings.CutPrefix(name, pre); ok {
			name, cats = n, false
		}
	}
	if cats && scripts {
		if set, ok := javaPOSIX[name]; ok {
			return set, nil
		}
		if name == "Any" {
			return anySet, nil
		}
	}
	lookup := func(name string) (string, *unicode.RangeTable) {
		if cats {
			if a, ok := unicode.CategoryAliases[name]; ok {
				name = a
			}
			if t, ok := unicode.Categories[name]; ok {
				return name, t
			}
		}
		if scripts {
			if t, ok := unicode.Scripts[name]; ok {
				return name, t
			}
		}
		return "", nil
	}
	id, t := lookup(name)
	if t == nil && cats && scripts {
		if n, ok := strings.CutPrefix(name, "Is"); ok { // Java: \p{IsLatin}, \p{IsL}
			id, t = lookup(n)
		}
	}
	if t == nil {
		return nil, p.errf(start, "unknown Unicode property %q", name)
	}
	set, ok := p.tables[id]
	if !ok {
		set = fromTable(t)
		p.tables[id] = set
	}
	return set, nil
}
