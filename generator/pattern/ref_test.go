package pattern

// A reference matcher for the differential tests, built on package regexp
// and written independently of the parser: a textual translation from ECMA
// syntax to RE2 syntax, which refuses whatever it does not know how to
// translate faithfully.

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ECMA \s as the inside of an RE2 class, and its complement.
const (
	reSpace    = `\t-\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}`
	reNotSpace = `\x00-\x08\x0e-\x1f!-\x{9f}\x{a1}-\x{167f}\x{1681}-\x{1fff}\x{200b}-\x{2027}\x{202a}-\x{202e}\x{2030}-\x{205e}\x{2060}-\x{2fff}\x{3001}-\x{fefe}\x{ff00}-\x{10ffff}`
	reDot      = `[^\n\r\x{2028}\x{2029}]`
)

// translate rewrites an ECMA pattern without lookaheads into RE2 syntax.
func translate(src string) (string, bool) {
	var out strings.Builder
	var groups []int // out offsets of open groups
	last := -1       // out offset where the last atom starts
	inClass := false
	classStart := 0
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRuneInString(src[i:])
		if r == utf8.RuneError && n == 1 {
			return "", false
		}
		if inClass {
			switch {
			case r == ']' && i > classStart:
				out.WriteByte(']')
				inClass = false
				i++
			case r == '[' || strings.HasPrefix(src[i:], "&&"):
				return "", false
			case r == '\\':
				esc, m, ok := translateEscape(src[i:], true)
				if !ok {
					return "", false
				}
				out.WriteString(esc)
				i += m
			default:
				out.WriteString(src[i : i+n])
				i += n
			}
			continue
		}
		switch r {
		case '[':
			last = out.Len()
			out.WriteByte('[')
			i++
			if strings.HasPrefix(src[i:], "^") {
				out.WriteByte('^')
				i++
			}
			inClass, classStart = true, i
		case '.':
			last = out.Len()
			out.WriteString(reDot)
			i++
		case '\\':
			esc, m, ok := translateEscape(src[i:], false)
			if !ok {
				return "", false
			}
			last = out.Len()
			out.WriteString(esc)
			i += m
		case '(':
			switch {
			case strings.HasPrefix(src[i:], "(?:"):
				groups = append(groups, out.Len())
				out.WriteString("(?:")
				i += 3
			case strings.HasPrefix(src[i:], "(?"):
				return "", false
			default:
				groups = append(groups, out.Len())
				out.WriteString("(")
				i++
			}
		case ')':
			if len(groups) == 0 {
				return "", false
			}
			last = groups[len(groups)-1]
			groups = groups[:len(groups)-1]
			out.WriteByte(')')
			i++
		case '{':
			j := strings.IndexByte(src[i:], '}')
			if j < 0 || last < 0 {
				return "", false
			}
			lo, hi, ok := parseCounts(src[i+1 : i+j])
			if !ok {
				return "", false
			}
			i += j + 1
			atom := out.String()[last:]
			s := out.String()[:last]
			out.Reset()
			out.WriteString(s)
			switch {
			case hi < 0:
				// RE2 refuses counts over 1000: x{a,} = x{1000}...x{rest,}
				for ; lo > 1000; lo -= 1000 {
					fmt.Fprintf(&out, "(?:%s){1000}", atom)
				}
				fmt.Fprintf(&out, "(?:%s){%d,}", atom, lo)
			case hi > 1000:
				// x{a,b} = x{a1,b1}x{a2,b2}... with each count at most 1000.
				for hi > 0 {
					h := min(hi, 1000)
					l := min(lo, h)
					fmt.Fprintf(&out, "(?:%s){%d,%d}", atom, l, h)
					lo, hi = lo-l, hi-h
				}
			default:
				fmt.Fprintf(&out, "(?:%s){%d,%s}", atom, lo, countStr(hi))
			}
			last = -1
		case '*', '+', '?':
			if last < 0 && r != '?' {
				return "", false
			}
			out.WriteRune(r)
			i++
			if r != '?' || last >= 0 {
				last = -1
			}
		case '|':
			last = -1
			out.WriteByte('|')
			i++
		case '^', '$':
			last = -1
			out.WriteRune(r)
			i++
		case '}', ']':
			last = out.Len()
			out.WriteByte('\\')
			out.WriteRune(r)
			i++
		default:
			last = out.Len()
			out.WriteString(regexp.QuoteMeta(src[i : i+n]))
			i += n
		}
	}
	if inClass || len(groups) > 0 {
		return "", false
	}
	return out.String(), true
}

func countStr(h int) string {
	if h < 0 {
		return ""
	}
	return strconv.Itoa(h)
}

func parseCounts(s string) (lo, hi int, ok bool) {
	a, b, comma := strings.Cut(s, ",")
	lo, err := strconv.Atoi(a)
	if err != nil || lo > 100000 || strings.HasPrefix(a, "+") {
		return 0, 0, false
	}
	if !comma {
		return lo, lo, true
	}
	if b == "" {
		return lo, -1, true
	}
	hi, err = strconv.Atoi(b)
	if err != nil || hi < lo || hi > 100000 || strings.HasPrefix(b, "+") {
		return 0, 0, false
	}
	return lo, hi, true
}

// translateEscape translates the escape at the start of s, returning the RE2
// text and the bytes of s consumed.
func translateEscape(s string, inClass bool) (string, int, bool) {
	if len(s) < 2 {
		return "", 0, false
	}
	c := s[1]
	switch c {
	case 'd', 'D', 'w', 'W':
		return s[:2], 2, true
	case 's':
		if inClass {
			return reSpace, 2, true
		}
		return "[" + reSpace + "]", 2, true
	case 'S':
		if inClass {
			return reNotSpace, 2, true
		}
		return "[" + reNotSpace + "]", 2, true
	case 'p', 'P':
		j := strings.IndexByte(s, '}')
		if len(s) < 3 || s[2] != '{' || j < 0 {
			return "", 0, false
		}
		name := s[3:j]
		if strings.ContainsAny(name, "=^ ") || name == "Any" {
			return "", 0, false
		}
		return s[:j+1], j + 1, true
	case 't', 'n', 'r', 'f', 'v':
		return s[:2], 2, true
	case '0':
		if len(s) > 2 && '0' <= s[2] && s[2] <= '9' {
			return "", 0, false
		}
		return `\x00`, 2, true
	case 'x':
		if len(s) < 4 {
			return "", 0, false
		}
		if _, err := strconv.ParseUint(s[2:4], 16, 8); err != nil {
			return "", 0, false
		}
		return `\x{` + s[2:4] + `}`, 4, true
	case 'u':
		if len(s) >= 3 && s[2] == '{' {
			j := strings.IndexByte(s, '}')
			if j < 0 {
				return "", 0, false
			}
			v, err := strconv.ParseUint(s[3:j], 16, 32)
			if err != nil || v > 0x10ffff || 0xd800 <= v && v <= 0xdfff {
				return "", 0, false
			}
			return fmt.Sprintf(`\x{%x}`, v), j + 1, true
		}
		if len(s) < 6 {
			return "", 0, false
		}
		v, err := strconv.ParseUint(s[2:6], 16, 32)
		if err != nil || 0xd800 <= v && v <= 0xdfff {
			return "", 0, false
		}
		return fmt.Sprintf(`\x{%x}`, v), 6, true
	}
	if c < utf8.RuneSelf && c >= 0x20 && c != 0x7f && !isWordByte(c) {
		return `\` + string(c), 2, true
	}
	return "", 0, false
}

// reference matches like the pattern, by regexp: leading lookaheads are
// split off textually and checked at position 0 of the value.
type reference struct {
	main  *regexp.Regexp
	looks []refLook
}

type refLook struct {
	re  *regexp.Regexp
	neg bool
}

func (r *reference) match(s string) bool {
	for _, l := range r.looks {
		if l.re.MatchString(s) == l.neg {
			return false
		}
	}
	return r.main.MatchString(s)
}

// newReference builds the reference for src; ok is false if the translation
// or RE2 refuses it.
func newReference(src string) (*reference, bool) {
	rest := strings.TrimPrefix(src, "^")
	ref := &reference{}
	for strings.HasPrefix(rest, "(?=") || strings.HasPrefix(rest, "(?!") {
		end, ok := groupEnd(rest)
		if !ok {
			return nil, false
		}
		body := strings.TrimPrefix(rest[3:end], "^")
		tr, ok := translate(body)
		if !ok {
			return nil, false
		}
		re, err := regexp.Compile(`^(?:` + tr + `)`)
		if err != nil {
			return nil, false
		}
		ref.looks = append(ref.looks, refLook{re, rest[2] == '!'})
		rest = rest[end+1:]
	}
	tr, ok := translate(rest)
	if !ok {
		return nil, false
	}
	re, err := regexp.Compile(`^(?:` + tr + `)$`)
	if err != nil {
		return nil, false
	}
	ref.main = re
	return ref, true
}

// groupEnd returns the index of the ')' closing the group that s starts with.
func groupEnd(s string) (int, bool) {
	depth := 0
	inClass := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\':
			i++
		case inClass:
			if c == ']' {
				inClass = false
			}
		case c == '[':
			inClass = true
		case c == '(':
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return i, true
			}
		}
	}
	return 0, false
}

// Strings for the differential tests.

// alphabetOf returns code points that exercise d: members of every class
// (both ends and a random one), and a few fixed awkward ones.
func alphabetOf(d *DFA, rng *rand.Rand) []rune {
	out := []rune{'a', 'Z', '0', '-', ' ', '\n', '\r', 0, 0x7f, 0x80, 0xe9, 0xa0, 0x2028, 0x2029, 0xfeff, 0xfffd, 0x1f600, 0x10ffff}
	for _, set := range d.sets {
		for k := 0; k < 3 && k < len(set); k++ {
			r := set[rng.IntN(len(set))]
			out = append(out, r.lo, r.hi, r.lo+rune(rng.Int64N(int64(r.hi-r.lo)+1)))
		}
	}
	return dropSurrogates(out)
}

func dropSurrogates(rs []rune) []rune {
	out := rs[:0]
	for _, r := range rs {
		if r < 0xd800 || r > 0xdfff {
			out = append(out, r)
		}
	}
	return out
}

// randomRune returns a random member of set, never a surrogate.
func randomRune(set runeSet, rng *rand.Rand) rune {
	for {
		r := set[rng.IntN(len(set))]
		c := r.lo + rune(rng.Int64N(int64(r.hi-r.lo)+1))
		if rng.IntN(4) == 0 {
			c = r.lo
		}
		if c < 0xd800 || c > 0xdfff {
			return c
		}
	}
}

// distances returns, for each state of d, the length of the shortest path
// to an accepting state.
func distances(d *DFA) []int {
	n := d.NumStates()
	pred := make([][]int, n)
	dist := make([]int, n)
	var queue []int
	for s := 0; s < n; s++ {
		dist[s] = -1
		if d.accept[s] {
			dist[s] = 0
			queue = append(queue, s)
		}
		for c := 0; c < d.k; c++ {
			if t := d.trans[s*d.k+c]; t >= 0 {
				pred[t] = append(pred[t], s)
			}
		}
	}
	for len(queue) > 0 {
		t := queue[0]
		queue = queue[1:]
		for _, s := range pred[t] {
			if dist[s] < 0 {
				dist[s] = dist[t] + 1
				queue = append(queue, s)
			}
		}
	}
	return dist
}

// acceptedSample walks d at random to an accepting state; ok is false if
// the language is empty. dist is distances(d).
func acceptedSample(d *DFA, dist []int, rng *rand.Rand, maxLen int) (string, bool) {
	if d.NumStates() == 0 {
		return "", false
	}
	if d.maxLen >= 0 {
		return sampleOfLength(d, rng, d.minLen+rng.IntN(min(d.maxLen-d.minLen, maxLen)+1))
	}
	var b strings.Builder
	st := 0
	for steps := 0; ; steps++ {
		if d.accept[st] && (steps >= maxLen || rng.IntN(8) == 0) {
			return b.String(), true
		}
		var opts []int
		for c := 0; c < d.k; c++ {
			t := d.trans[st*d.k+c]
			if t < 0 {
				continue
			}
			if steps >= maxLen && dist[t] >= dist[st] {
				continue // head for acceptance
			}
			opts = append(opts, c)
		}
		if len(opts) == 0 { // a live state without successors accepts
			return b.String(), true
		}
		c := opts[rng.IntN(len(opts))]
		b.WriteRune(randomRune(d.sets[c], rng))
		st = int(d.trans[st*d.k+c])
	}
}

// sampleOfLength walks d at random to an accepting state in exactly n
// steps, for automata under a length check; ok is false if there is no way.
func sampleOfLength(d *DFA, rng *rand.Rand, n int) (string, bool) {
	// can[r][s]: s reaches acceptance in exactly r steps.
	can := make([][]bool, n+1)
	can[0] = slices.Clone(d.accept)
	for r := 1; r <= n; r++ {
		can[r] = make([]bool, d.NumStates())
		for s := range can[r] {
			for c := 0; c < d.k && !can[r][s]; c++ {
				t := d.trans[s*d.k+c]
				can[r][s] = t >= 0 && can[r-1][t]
			}
		}
	}
	if !can[n][0] {
		return "", false
	}
	var b strings.Builder
	st := 0
	for r := n; r > 0; r-- {
		var opts []int
		for c := 0; c < d.k; c++ {
			if t := d.trans[st*d.k+c]; t >= 0 && can[r-1][t] {
				opts = append(opts, c)
			}
		}
		c := opts[rng.IntN(len(opts))]
		b.WriteRune(randomRune(d.sets[c], rng))
		st = int(d.trans[st*d.k+c])
	}
	return b.String(), true
}

// testStrings returns strings to compare matchers on: accepted samples,
// their mutations and random strings over the pattern's alphabet.
func testStrings(d *DFA, rng *rand.Rand, n int) []string {
	alpha := alphabetOf(d, rng)
	dist := distances(d)
	out := []string{"", "\xff", "a\xc3", "\xed\xa0\x80"}
	for i := 0; i < n; i++ {
		maxLen := rng.IntN(24)
		if i%10 == 9 {
			maxLen = rng.IntN(1200)
		}
		if s, ok := acceptedSample(d, dist, rng, maxLen); ok {
			out = append(out, s)
			out = append(out, mutate(s, alpha, rng), mutate(mutate(s, alpha, rng), alpha, rng))
		}
		var b strings.Builder
		for j := rng.IntN(12); j > 0; j-- {
			b.WriteRune(alpha[rng.IntN(len(alpha))])
		}
		out = append(out, b.String())
	}
	return out
}

func mutate(s string, alpha []rune, rng *rand.Rand) string {
	rs := []rune(s)
	pick := func() rune { return alpha[rng.IntN(len(alpha))] }
	switch k := rng.IntN(6); {
	case len(rs) == 0 || k == 0:
		at := rng.IntN(len(rs) + 1)
		rs = append(rs[:at], append([]rune{pick()}, rs[at:]...)...)
	case k == 1:
		at := rng.IntN(len(rs))
		rs = append(rs[:at], rs[at+1:]...)
	case k == 2:
		rs[rng.IntN(len(rs))] = pick()
	case k == 3:
		rs = rs[:rng.IntN(len(rs))]
	case k == 4:
		at := rng.IntN(len(rs))
		rs = append(rs[:at:at], append([]rune{rs[at]}, rs[at:]...)...)
	default:
		return s + "\xff"
	}
	return string(rs)
}
