package pattern

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A runeRange is the closed interval [lo, hi] of code points.
type runeRange struct{ lo, hi rune }

// A runeSet is a set of code points: sorted, disjoint, non-adjacent ranges.
type runeSet []runeRange

// anySet is every code point.
var anySet = runeSet{{0, unicode.MaxRune}}

func single(r rune) runeSet { return runeSet{{r, r}} }

// normalize sorts and merges ranges.
func normalize(rs []runeRange) runeSet {
	if len(rs) == 0 {
		return nil
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].lo < rs[j].lo })
	out := runeSet{rs[0]}
	for _, r := range rs[1:] {
		last := &out[len(out)-1]
		if r.lo <= last.hi+1 {
			if r.hi > last.hi {
				last.hi = r.hi
			}
			continue
		}
		out = append(out, r)
	}
	return out
}

func (s runeSet) union(t runeSet) runeSet {
	rs := make([]runeRange, 0, len(s)+len(t))
	rs = append(rs, s...)
	rs = append(rs, t...)
	return normalize(rs)
}

// negate returns the complement over [0, unicode.MaxRune].
func (s runeSet) negate() runeSet {
	var out runeSet
	next := rune(0)
	for _, r := range s {
		if r.lo > next {
			out = append(out, runeRange{next, r.lo - 1})
		}
		next = r.hi + 1
	}
	if next <= unicode.MaxRune {
		out = append(out, runeRange{next, unicode.MaxRune})
	}
	return out
}

func (s runeSet) intersect(t runeSet) runeSet {
	var out runeSet
	i, j := 0, 0
	for i < len(s) && j < len(t) {
		lo, hi := max(s[i].lo, t[j].lo), min(s[i].hi, t[j].hi)
		if lo <= hi {
			out = append(out, runeRange{lo, hi})
		}
		if s[i].hi < t[j].hi {
			i++
		} else {
			j++
		}
	}
	return out
}

func (s runeSet) contains(r rune) bool {
	i := sort.Search(len(s), func(i int) bool { return s[i].hi >= r })
	return i < len(s) && s[i].lo <= r
}

func (s runeSet) key() string {
	var b strings.Builder
	for _, r := range s {
		b.WriteString(strconv.Itoa(int(r.lo)))
		b.WriteByte('-')
		b.WriteString(strconv.Itoa(int(r.hi)))
		b.WriteByte(',')
	}
	return b.String()
}

func fromTable(t *unicode.RangeTable) runeSet {
	var rs []runeRange
	for _, r := range t.R16 {
		if r.Stride == 1 {
			rs = append(rs, runeRange{rune(r.Lo), rune(r.Hi)})
			continue
		}
		for c := rune(r.Lo); c <= rune(r.Hi); c += rune(r.Stride) {
			rs = append(rs, runeRange{c, c})
		}
	}
	for _, r := range t.R32 {
		if r.Stride == 1 {
			rs = append(rs, runeRange{rune(r.Lo), rune(r.Hi)})
			continue
		}
		for c := rune(r.Lo); c <= rune(r.Hi); c += rune(r.Stride) {
			rs = append(rs, runeRange{c, c})
		}
	}
	return normalize(rs)
}

// ECMA-262 character class escapes (without the u and i flags, which is how
// AWS patterns behave: \d and \w are ASCII only).
var (
	digitSet = runeSet{{'0', '9'}}
	wordSet  = runeSet{{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}}
	// spaceSet is ECMA WhiteSpace plus LineTerminator: TAB, LF, VT, FF, CR,
	// SPACE, NBSP, the other Zs code points, LS, PS and ZWNBSP.
	spaceSet = normalize([]runeRange{
		{'\t', '\r'}, {' ', ' '}, {0xa0, 0xa0}, {0x1680, 0x1680},
		{0x2000, 0x200a}, {0x2028, 0x2029}, {0x202f, 0x202f},
		{0x205f, 0x205f}, {0x3000, 0x3000}, {0xfeff, 0xfeff},
	})
	// dotSet is what . matches: anything but a LineTerminator.
	dotSet = runeSet{{'\n', '\n'}, {'\r', '\r'}, {0x2028, 0x2029}}.negate()
)

// formatRune writes r as it would appear inside a character class.
func formatRune(b *strings.Builder, r rune) {
	switch {
	case r == '\t':
		b.WriteString(`\t`)
	case r == '\n':
		b.WriteString(`\n`)
	case r == '\r':
		b.WriteString(`\r`)
	case r == '\f':
		b.WriteString(`\f`)
	case r == '\v':
		b.WriteString(`\v`)
	case strings.ContainsRune(`\]^-[`, r):
		b.WriteByte('\\')
		b.WriteRune(r)
	case r < 0x20 || r == 0x7f:
		b.WriteString(`\x`)
		b.WriteString(hex2(int(r)))
	case r < utf8.RuneSelf:
		b.WriteRune(r)
	case r <= 0xffff:
		b.WriteString(`\u`)
		b.WriteString(hexN(int(r), 4))
	default:
		b.WriteString(`\u{`)
		b.WriteString(strconv.FormatInt(int64(r), 16))
		b.WriteString(`}`)
	}
}

func hex2(v int) string { return hexN(v, 2) }

func hexN(v, n int) string {
	s := strconv.FormatInt(int64(v), 16)
	for len(s) < n {
		s = "0" + s
	}
	return s
}

// describe renders s as a character class, listing at most limit ranges.
func (s runeSet) describe(limit int) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, r := range s {
		if i == limit {
			break
		}
		formatRune(&b, r.lo)
		if r.hi > r.lo {
			if r.hi > r.lo+1 {
				b.WriteByte('-')
			}
			formatRune(&b, r.hi)
		}
	}
	b.WriteByte(']')
	if len(s) > limit {
		fmt.Fprintf(&b, " and %d more ranges", len(s)-limit)
	}
	return b.String()
}
