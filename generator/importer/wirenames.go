package importer

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// A model's companion files name members as the model does (EC2's
// "Reservations"), while a spec keys members by their wire names
// ("reservationSet"): where the two differ, which is common in the XML and
// query protocols, the importer rewrites the paths and values it carries
// over. Anything it cannot follow is left as written.

// memberNamed returns the member of structure s of the given model name.
func memberNamed(s *botoShape, name string) *botoMember {
	if s == nil || s.typ != "structure" {
		return nil
	}
	for _, mb := range s.members {
		if mb.name == name {
			return mb
		}
	}
	return nil
}

// elemShape is the shape a projection of s goes through: a list's member,
// a map's value; s itself otherwise.
func (t *translator) elemShape(s *botoShape) *botoShape {
	switch {
	case s == nil:
		return nil
	case s.typ == "list":
		return t.m.shapes[s.member]
	case s.typ == "map":
		return t.m.shapes[s.value]
	}
	return s
}

// wireKeys renames the keys of an example value (jsonNode's YAML) from the
// structure shape's member names to their wire names, at every depth.
func (t *translator) wireKeys(s *botoShape, n *yaml.Node) {
	if s == nil || n == nil {
		return
	}
	switch {
	case n.Kind == yaml.SequenceNode && s.typ == "list":
		for _, e := range n.Content {
			t.wireKeys(t.m.shapes[s.member], e)
		}
	case n.Kind == yaml.MappingNode && s.typ == "map":
		for i := 1; i < len(n.Content); i += 2 {
			t.wireKeys(t.m.shapes[s.value], n.Content[i])
		}
	case n.Kind == yaml.MappingNode && s.typ == "structure":
		for i := 0; i+1 < len(n.Content); i += 2 {
			if mb := memberNamed(s, n.Content[i].Value); mb != nil {
				n.Content[i].Value = wireName(mb)
				t.wireKeys(t.m.shapes[mb.shape], n.Content[i+1])
			}
		}
	}
}

// wireJMESPath rewrites the field names of a waiter's JMESPath expression,
// evaluated on the structure shape, into wire names. It follows the forms
// waiters use: dotted fields, projections ([], [*], [0]), filters
// ([?cond], whose fields name the elements' members), function calls and
// comparisons, literals in backquotes and quotes left alone.
func (t *translator) wireJMESPath(shape, expr string) string {
	root := t.m.shapes[shape]
	var b strings.Builder
	// frames hold the shape that an expression starting afresh is
	// evaluated on: the output, or a filter's element.
	frames := []*botoShape{root}
	cur := root   // the shape of what the expression has reached
	fresh := true // the next field starts an expression
	for i := 0; i < len(expr); {
		c := expr[i]
		switch {
		case c == '`' || c == '\'' || c == '"':
			j := i + 1
			for j < len(expr) && expr[j] != c {
				if expr[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j+1, len(expr))
			b.WriteString(expr[i:j])
			i = j
			fresh = false
		case isIdentStart(c):
			j := i + 1
			for j < len(expr) && isIdentPart(expr[j]) {
				j++
			}
			word := expr[i:j]
			i = j
			if i < len(expr) && expr[i] == '(' {
				b.WriteString(word) // a function: its arguments start afresh
				continue
			}
			from := cur
			if fresh {
				from = frames[len(frames)-1]
			}
			if mb := memberNamed(from, word); mb != nil {
				word = wireName(mb)
				cur = t.m.shapes[mb.shape]
			} else {
				cur = nil
			}
			b.WriteString(word)
			fresh = false
		case c == '.':
			b.WriteByte(c)
			i++
			fresh = false
		case c == '[':
			j := i + 1
			if j < len(expr) && expr[j] == '?' {
				b.WriteString("[?")
				i += 2
				frames = append(frames, t.elemShape(cur))
				fresh = true
				continue
			}
			k := strings.IndexByte(expr[i:], ']')
			if k < 0 {
				b.WriteString(expr[i:])
				return b.String()
			}
			b.WriteString(expr[i : i+k+1])
			i += k + 1
			cur = t.elemShape(cur)
			fresh = false
		case c == ']':
			// The end of a filter: what follows applies to its elements.
			if len(frames) > 1 {
				cur = frames[len(frames)-1]
				frames = frames[:len(frames)-1]
			}
			b.WriteByte(c)
			i++
			fresh = false
		case c == '(':
			frames = append(frames, frames[len(frames)-1])
			b.WriteByte(c)
			i++
			fresh = true
		case c == ')':
			if len(frames) > 1 {
				frames = frames[:len(frames)-1]
			}
			b.WriteByte(c)
			i++
			fresh = false
		case c == ' ' || c == '\t':
			b.WriteByte(c)
			i++
		default:
			// Operators and separators (== != < > && || ! ,) start afresh.
			b.WriteByte(c)
			i++
			fresh = true
		}
	}
	return b.String()
}

func isIdentStart(c byte) bool { return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isIdentPart(c byte) bool  { return isIdentStart(c) || c >= '0' && c <= '9' }
