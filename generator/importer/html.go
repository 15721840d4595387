package importer

import (
	"html"
	"strings"
)

// docText turns the HTML of a botocore documentation string into plain text
// for Go doc comments: paragraphs separated by blank lines, list items as
// lines starting with "- ", code spans in backticks, links as their text
// followed by the URL in parentheses when the two differ, entities decoded.
// Tags it does not know are dropped and their text kept, so no tag ever
// reaches a doc comment.
func docText(src string) string {
	c := &converter{}
	for len(src) > 0 {
		i := strings.IndexByte(src, '<')
		if i < 0 {
			c.text(src)
			break
		}
		c.text(src[:i])
		src = src[i:]
		end := strings.IndexByte(src, '>')
		if end < 0 || !looksLikeTag(src[1:end]) {
			// A lone "<" (as in "a < b"): text, not a tag.
			c.text(src[:1])
			src = src[1:]
			continue
		}
		c.tag(src[1:end])
		src = src[end+1:]
	}
	c.flush()
	var b strings.Builder
	for i, bl := range c.blocks {
		if i > 0 {
			if bl.item && c.blocks[i-1].item {
				b.WriteString("\n")
			} else {
				b.WriteString("\n\n")
			}
		}
		if bl.item {
			b.WriteString("- ")
		}
		b.WriteString(bl.text)
	}
	return b.String()
}

type block struct {
	text string
	item bool
}

type converter struct {
	blocks   []block
	cur      strings.Builder
	item     bool     // the text being collected starts a list item
	hrefs    []string // open links' targets
	linkText []int    // where each open link's text starts in cur
	pre      int      // inside <pre>: keep line breaks
	code     []int    // where each open code span's text starts in cur
}

func looksLikeTag(s string) bool {
	s = strings.TrimPrefix(s, "/")
	if s == "" {
		return false
	}
	c := s[0]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '!'
}

// text appends decoded text, collapsing runs of white space into one space
// as a browser would.
func (c *converter) text(s string) {
	s = html.UnescapeString(s)
	for _, r := range s {
		if r == '\u00a0' {
			r = ' '
		}
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			if c.pre > 0 && r == '\n' {
				c.cur.WriteByte('\n')
				continue
			}
			str := c.cur.String()
			if str == "" || strings.HasSuffix(str, " ") || strings.HasSuffix(str, "\n") {
				continue
			}
			c.cur.WriteByte(' ')
			continue
		}
		c.cur.WriteRune(r)
	}
}

// flush ends the current block.
func (c *converter) flush() {
	t := strings.TrimSpace(c.cur.String())
	c.cur.Reset()
	c.hrefs, c.linkText, c.code = nil, nil, nil
	if t == "" {
		return
	}
	c.blocks = append(c.blocks, block{text: t, item: c.item})
	c.item = false
}

func (c *converter) tag(t string) {
	closing := strings.HasPrefix(t, "/")
	t = strings.TrimPrefix(t, "/")
	t = strings.TrimSuffix(t, "/")
	name, attrs, _ := strings.Cut(t, " ")
	if i := strings.IndexAny(name, "\t\n"); i >= 0 {
		name, attrs = name[:i], name[i+1:]+" "+attrs
	}
	switch strings.ToLower(name) {
	case "p", "div", "ul", "ol", "dl", "dt", "dd", "note", "important", "h1", "h2", "h3", "h4", "h5", "h6",
		"fullname", "title", "table", "tr", "examples", "example", "para", "section":
		c.flush()
	case "li":
		c.flush()
		c.item = !closing
	case "br":
		c.cur.WriteByte(' ')
	case "pre":
		c.flush()
		if closing {
			c.pre--
		} else {
			c.pre++
		}
	case "code", "tt", "kbd", "samp":
		if !closing {
			c.cur.WriteByte('`')
			c.code = append(c.code, c.cur.Len())
			return
		}
		n := len(c.code)
		if n == 0 {
			return
		}
		start := c.code[n-1]
		c.code = c.code[:n-1]
		if start > c.cur.Len() {
			return // the span's block was flushed meanwhile
		}
		// The span's own spaces belong outside the backticks:
		// "<code> x </code>" is "`x`".
		all := c.cur.String()
		inner := strings.TrimSpace(all[start:])
		c.cur.Reset()
		c.cur.WriteString(all[:start-1])
		if inner != "" {
			c.cur.WriteString("`" + inner + "`")
		}
	case "a":
		if closing {
			if n := len(c.hrefs); n > 0 {
				href, start := c.hrefs[n-1], c.linkText[n-1]
				c.hrefs, c.linkText = c.hrefs[:n-1], c.linkText[:n-1]
				text := strings.TrimSpace(c.cur.String()[start:])
				if href != "" && href != text {
					if text == "" {
						c.cur.WriteString(href)
					} else {
						c.cur.WriteString(" (" + href + ")")
					}
				}
			}
			return
		}
		c.hrefs = append(c.hrefs, attr(attrs, "href"))
		c.linkText = append(c.linkText, c.cur.Len())
	}
}

// attr returns the value of the attribute name in a tag's attribute text.
func attr(attrs, name string) string {
	for attrs != "" {
		attrs = strings.TrimLeft(attrs, " \t\n")
		k, rest, ok := strings.Cut(attrs, "=")
		if !ok {
			return ""
		}
		k = strings.TrimSpace(k)
		rest = strings.TrimLeft(rest, " ")
		var v string
		if rest != "" && (rest[0] == '"' || rest[0] == '\'') {
			q := rest[0]
			end := strings.IndexByte(rest[1:], q)
			if end < 0 {
				return ""
			}
			v, attrs = rest[1:end+1], rest[end+2:]
		} else {
			v, attrs, _ = strings.Cut(rest, " ")
		}
		if strings.EqualFold(k, name) {
			return html.UnescapeString(strings.TrimSpace(v))
		}
	}
	return ""
}
