package importer

import (
	"strconv"
	"strings"
)

// Templates of the ids and ARNs the mock gives inferred resources, read off
// the patterns the model gives their members: an id `tg-[0-9a-z]{17}` is
// drawn as `tg-{random:0-9a-z:17}`, and an ARN
// `arn:[a-z0-9\-]+:vpc-lattice:[a-zA-Z0-9\-]+:\d{12}:targetgroup/tg-[0-9a-z]{17}`
// is built as `arn:{partition}:vpc-lattice:{region}:{account}:targetgroup/{output.id}`.
// Only patterns made of literal text and counted character classes are
// read; anything else (alternatives, groups, unbounded repeats) gives no
// template, and the importer's default stands.

// patternPiece is a literal or a counted class of a simple pattern.
type patternPiece struct {
	lit   string
	class string // a template class such as 0-9a-z; empty for a literal
	n     int
}

// simplePattern splits p into literals and counted classes; ok is false
// when it holds anything else.
func simplePattern(p string) (pieces []patternPiece, ok bool) {
	p = strings.TrimSuffix(strings.TrimPrefix(p, "^"), "$")
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			pieces = append(pieces, patternPiece{lit: lit.String()})
			lit.Reset()
		}
	}
	for i := 0; i < len(p); {
		c := p[i]
		switch {
		case c == '[' || c == '\\' && i+1 < len(p) && p[i+1] == 'd':
			var class string
			if c == '[' {
				end := strings.IndexByte(p[i:], ']')
				if end < 0 {
					return nil, false
				}
				class = strings.ReplaceAll(p[i+1:i+end], `\-`, "-")
				i += end + 1
			} else {
				class = "0-9"
				i += 2
			}
			if class == "" || strings.ContainsAny(class, `^\:{}|[`) {
				return nil, false
			}
			n, width, ok := count(p[i:])
			if !ok {
				return nil, false
			}
			i += width
			flush()
			pieces = append(pieces, patternPiece{class: class, n: n})
		case c == '\\' && i+1 < len(p) && strings.IndexByte(`.-/_:`, p[i+1]) >= 0:
			lit.WriteByte(p[i+1])
			i += 2
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-/_:", c) >= 0:
			lit.WriteByte(c)
			i++
		default:
			return nil, false
		}
	}
	flush()
	return pieces, true
}

// count reads a repeat count ({17} or {3,40}) at the start of s: the number
// of characters a template draws (the least, at least one) and the count's
// width.
func count(s string) (n, width int, ok bool) {
	if !strings.HasPrefix(s, "{") {
		return 0, 0, false
	}
	end := strings.IndexByte(s, '}')
	if end < 0 {
		return 0, 0, false
	}
	lo, _, _ := strings.Cut(s[1:end], ",")
	n, err := strconv.Atoi(lo)
	if err != nil || n > 64 {
		return 0, 0, false
	}
	return max(n, 1), end + 1, true
}

// firstSimple is the first alternative of p that is simple, its groups
// taken off: an identifier member taking an id or an ARN,
// ((snsa-[0-9a-z]{17})|(arn:...)), gives snsa-[0-9a-z]{17}. p itself when
// it has no alternatives.
func firstSimple(p string) string {
	p = strings.TrimSuffix(strings.TrimPrefix(p, "^"), "$")
	for strings.HasPrefix(p, "(") && strings.HasSuffix(p, ")") && wraps(p) {
		p = p[1 : len(p)-1]
	}
	depth, start := 0, 0
	var alts []string
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			depth--
		case '|':
			if depth == 0 {
				alts = append(alts, p[start:i])
				start = i + 1
			}
		}
	}
	alts = append(alts, p[start:])
	if len(alts) == 1 {
		return p
	}
	for _, a := range alts {
		a = firstSimple(a)
		if _, ok := simplePattern(a); ok {
			return a
		}
	}
	return ""
}

// wraps tells whether the parenthesis opening p closes at its end.
func wraps(p string) bool {
	depth := 0
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return i == len(p)-1
			}
		}
	}
	return false
}

// idTemplate is a template drawing a value of pattern p; "" when p is not
// simple or draws nothing random.
func idTemplate(p string) string {
	pieces, ok := simplePattern(firstSimple(p))
	if !ok {
		return ""
	}
	var b strings.Builder
	random := false
	for _, pc := range pieces {
		if pc.class == "" {
			b.WriteString(pc.lit)
			continue
		}
		random = true
		b.WriteString("{random:" + pc.class + ":" + strconv.Itoa(pc.n) + "}")
	}
	if !random {
		return ""
	}
	return b.String()
}

// arnFromPattern is the ARN template pattern p describes, its resource
// part built from the description members whose own patterns appear in it
// (members maps a member's pattern to its wire name, the id's first); ""
// when p is not an ARN pattern of that form.
func arnFromPattern(p string, members [][2]string) string {
	p = strings.TrimSuffix(strings.TrimPrefix(p, "^"), "$")
	parts := strings.SplitN(p, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" || strings.ContainsAny(parts[2], `[\(`) {
		return ""
	}
	res := parts[5]
	var b strings.Builder
	for res != "" {
		matched := false
		for _, m := range members {
			pat := firstSimple(m[0])
			if pat != "" && strings.HasPrefix(res, pat) {
				b.WriteString("{output." + m[1] + "}")
				res = res[len(pat):]
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		c := res[0]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-/_:", c) >= 0) {
			return ""
		}
		b.WriteByte(c)
		res = res[1:]
	}
	if !strings.Contains(b.String(), "{output.") {
		return ""
	}
	return "arn:{partition}:" + parts[2] + ":{region}:{account}:" + b.String()
}
