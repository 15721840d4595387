package xmlwire

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"math"
	"net/http"
	"reflect"
	"strconv"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/specgen/specgen/specrt/internal/codec"
	"github.com/specgen/specgen/specrt/schema"
)

// Unmarshal decodes the XML document in data into v, a pointer to the Go
// structure s describes: the root element's attributes and children,
// whatever the root's name. Members are matched by local name, unknown
// elements and attributes skipped; an empty body leaves v as it is. The
// first problem (a document that is not well-formed, a value of the wrong
// form, nesting deeper than 500 elements, an entity other than the five
// XML predefines, a document type declaration) stops decoding and is
// returned; members decoded before it are kept.
func Unmarshal(data []byte, s *schema.Shape, v any) error {
	return UnmarshalAt(data, s, codec.PointerTo(v))
}

// UnmarshalAt is Unmarshal with the structure given by its address.
func UnmarshalAt(data []byte, s *schema.Shape, p unsafe.Pointer) error {
	d := decoder{data: data}
	if root, ok := d.root(); ok {
		d.structure(s, p, root)
		d.epilog()
	}
	return d.finish()
}

// UnmarshalPath decodes into v, a pointer to the Go structure s describes,
// the element that path names from the root down by local names
// (["GetThingResponse", "GetThingResult"]: the root, then one of its
// children); an empty name matches any element. It reports whether the
// element is there: a root of another name or a missing child is not an
// error, so that a caller may try another path (an error with or without
// its <ErrorResponse> wrapper). The rest of the document is still read to
// its end and must be well-formed.
func UnmarshalPath(data []byte, path []string, s *schema.Shape, v any) (found bool, err error) {
	d := decoder{data: data}
	p := codec.PointerTo(v)
	if root, ok := d.root(); ok && len(path) > 0 {
		found = d.descend(root, path, s, p)
		d.epilog()
	}
	if err := d.finish(); err != nil {
		return false, err
	}
	return found, nil
}

// descend decodes the element path names from el, el being path[0]'s
// candidate, and reads el to its end.
func (d *decoder) descend(el element, path []string, s *schema.Shape, p unsafe.Pointer) bool {
	if path[0] != "" && string(el.local) != path[0] {
		d.skipElement(el)
		return false
	}
	if len(path) == 1 {
		d.structure(s, p, el)
		return d.err == nil
	}
	found := false
	if el.empty {
		return false
	}
	for {
		child, ok := d.nextChild(el)
		if !ok {
			return found
		}
		if found {
			d.skipElement(child)
		} else {
			found = d.descend(child, path[1:], s, p)
		}
	}
}

// Error is a body that cannot be decoded.
type Error struct {
	// Offset is the byte offset in the body where decoding stopped.
	Offset int
	// Path is the member where it happened ("Config.Ports[2].Port"), by
	// wire names; empty at the top level.
	Path string
	// Msg describes the problem.
	Msg string
}

// Error renders "xml: offset N: <problem>", followed by the member's path
// when there is one.
func (e *Error) Error() string {
	s := "xml: offset " + strconv.Itoa(e.Offset) + ": " + e.Msg
	if e.Path != "" {
		s += " at '" + e.Path + "'"
	}
	return s
}

// maxDepth bounds the nesting of elements, so that a hostile document
// cannot exhaust the stack; AWS bodies nest a few dozen deep at most.
const maxDepth = 500

// decoder walks one XML document. Strings are copied into shared chunks of
// text, pointer members point into small blocks allocated a few at a time.
type decoder struct {
	data  []byte
	pos   int
	depth int
	err   *Error
	path  codec.Path // where err happened, innermost first

	buf  []byte     // the text of a value with references, reused
	strs codec.Text // the strings

	scalars codec.Scalars // the pointer members
}

// element is a start tag just read.
type element struct {
	qname []byte // the name as written, which the end tag repeats
	local []byte // the name after its prefix
	attrs []byte // the attributes' text
	empty bool   // <name/>: no content and no end tag
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = &Error{Offset: d.pos, Msg: fmt.Sprintf(format, args...)}
	}
	d.pos = len(d.data)
}

func (d *decoder) finish() error {
	if d.err == nil {
		return nil
	}
	d.err.Path = d.path.String()
	return d.err
}

// byteAt returns the byte at i, or 0 past the end.
func (d *decoder) byteAt(i int) byte {
	if i < len(d.data) {
		return d.data[i]
	}
	return 0
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (d *decoder) skipSpace() {
	for d.pos < len(d.data) && isSpace(d.data[d.pos]) {
		d.pos++
	}
}

// root reads the prolog and the root's start tag; false for a body of
// white space only.
func (d *decoder) root() (element, bool) {
	if bytes.HasPrefix(d.data, []byte("\xEF\xBB\xBF")) {
		d.pos = 3
	}
	for d.err == nil {
		d.skipSpace()
		if d.pos == len(d.data) {
			return element{}, false
		}
		if d.data[d.pos] != '<' {
			d.fail("expected an element")
			return element{}, false
		}
		switch d.byteAt(d.pos + 1) {
		case '?':
			d.instruction()
		case '!':
			if !d.comment() {
				d.fail("expected an element")
			}
		case '/':
			d.fail("unexpected end tag")
		default:
			el := d.startTag()
			return el, d.err == nil
		}
	}
	return element{}, false
}

// epilog reads what follows the root element: white space, comments and
// processing instructions only.
func (d *decoder) epilog() {
	for d.err == nil {
		d.skipSpace()
		if d.pos == len(d.data) {
			return
		}
		switch {
		case d.data[d.pos] == '<' && d.byteAt(d.pos+1) == '?':
			d.instruction()
		case d.data[d.pos] == '<' && d.byteAt(d.pos+1) == '!' && d.comment():
		default:
			d.fail("unexpected data after the root element")
		}
	}
}

// instruction skips a processing instruction (the XML declaration among
// them).
func (d *decoder) instruction() {
	end := bytes.Index(d.data[d.pos+2:], []byte("?>"))
	if end < 0 {
		d.fail("unterminated processing instruction")
		return
	}
	d.pos += 2 + end + 2
}

// comment skips a comment at "<!" and reports whether there was one. A
// document type declaration fails: it is how entities are defined, and no
// AWS body has one.
func (d *decoder) comment() bool {
	rest := d.data[d.pos:]
	switch {
	case bytes.HasPrefix(rest, []byte("<!--")):
		end := bytes.Index(rest[4:], []byte("-->"))
		if end < 0 {
			d.fail("unterminated comment")
			return true
		}
		d.pos += 4 + end + 3
		return true
	case bytes.HasPrefix(rest, []byte("<!DOCTYPE")):
		d.fail("document type declarations are not accepted")
		return true
	}
	return false
}

// cdata returns the content of a CDATA section at "<!", or false if there is
// none there.
func (d *decoder) cdata() ([]byte, bool) {
	rest := d.data[d.pos:]
	if !bytes.HasPrefix(rest, []byte("<![CDATA[")) {
		return nil, false
	}
	end := bytes.Index(rest[9:], []byte("]]>"))
	if end < 0 {
		d.fail("unterminated CDATA section")
		return nil, true
	}
	d.pos += 9 + end + 3
	return rest[9 : 9+end], true
}

// markup skips a comment or CDATA section in content, and fails on
// anything else starting with "<!".
func (d *decoder) markup() {
	if _, ok := d.cdata(); ok {
		return
	}
	if !d.comment() {
		d.fail("invalid markup")
	}
}

// nameEnd returns the end of the name starting at i.
func (d *decoder) nameEnd(i int) int {
	for i < len(d.data) {
		switch d.data[i] {
		case ' ', '\t', '\n', '\r', '/', '>', '=', '<', '"', '\'':
			return i
		}
		i++
	}
	return i
}

// startTag reads a start tag at '<'.
func (d *decoder) startTag() element {
	start := d.pos + 1
	end := d.nameEnd(start)
	if end == start {
		d.fail("invalid element name")
		return element{}
	}
	el := element{qname: d.data[start:end], local: d.data[start:end]}
	if i := bytes.LastIndexByte(el.qname, ':'); i >= 0 {
		el.local = el.qname[i+1:]
	}
	d.pos = end
	attrs := end
	for {
		d.skipSpace()
		switch c := d.byteAt(d.pos); c {
		case '>':
			el.attrs = d.data[attrs:d.pos]
			d.pos++
			if d.depth++; d.depth > maxDepth {
				d.fail("elements nested more than %d deep", maxDepth)
			}
			return el
		case '/':
			if d.byteAt(d.pos+1) != '>' {
				d.fail("expected '>' after '/'")
				return el
			}
			el.attrs = d.data[attrs:d.pos]
			el.empty = true
			d.pos += 2
			return el
		case 0:
			if d.pos >= len(d.data) {
				d.fail("unexpected end of input in a start tag")
				return el
			}
		}
		if !isSpace(d.data[d.pos-1]) {
			d.fail("expected white space before an attribute")
			return el
		}
		d.attribute()
		if d.err != nil {
			return el
		}
	}
}

// attribute reads name="value" or name='value'.
func (d *decoder) attribute() {
	end := d.nameEnd(d.pos)
	if end == d.pos {
		d.fail("invalid attribute name")
		return
	}
	d.pos = end
	d.skipSpace()
	if d.byteAt(d.pos) != '=' {
		d.fail("expected '=' after an attribute name")
		return
	}
	d.pos++
	d.skipSpace()
	q := d.byteAt(d.pos)
	if q != '"' && q != '\'' {
		d.fail("expected a quoted attribute value")
		return
	}
	n := bytes.IndexByte(d.data[d.pos+1:], q)
	if n < 0 {
		d.fail("unterminated attribute value")
		return
	}
	if bytes.IndexByte(d.data[d.pos+1:d.pos+1+n], '<') >= 0 {
		d.fail("'<' in an attribute value")
		return
	}
	d.pos += 1 + n + 1
}

// endTag reads the end tag at "</", which must close el.
func (d *decoder) endTag(el element) {
	start := d.pos + 2
	end := d.nameEnd(start)
	name := d.data[start:end]
	d.pos = end
	d.skipSpace()
	if d.byteAt(d.pos) != '>' {
		d.fail("expected '>' in an end tag")
		return
	}
	if !bytes.Equal(name, el.qname) {
		d.fail("element <%s> closed by </%s>", el.qname, name)
		return
	}
	d.pos++
	d.depth--
}

// nextChild reads el's content up to its next child element, which it
// returns, or to el's end tag, which it consumes (false). Text between
// children is ignored.
func (d *decoder) nextChild(el element) (element, bool) {
	for d.err == nil {
		i := bytes.IndexByte(d.data[d.pos:], '<')
		if i < 0 {
			d.pos = len(d.data)
			d.fail("unexpected end of input in element <%s>", el.qname)
			break
		}
		d.pos += i
		switch d.byteAt(d.pos + 1) {
		case '/':
			d.endTag(el)
			return element{}, false
		case '!':
			d.markup()
		case '?':
			d.instruction()
		default:
			child := d.startTag()
			return child, d.err == nil
		}
	}
	return element{}, false
}

// skipElement reads el's content and end tag.
func (d *decoder) skipElement(el element) {
	if el.empty {
		return
	}
	for {
		child, ok := d.nextChild(el)
		if !ok {
			return
		}
		d.skipElement(child)
	}
}

// text reads the content of el, a value, to its end tag: its text with
// references replaced, CDATA sections as they are, comments and elements
// left out. The result may point into data or into d.buf, for the caller to
// use before the next call.
func (d *decoder) text(el element) []byte {
	if el.empty {
		return nil
	}
	// The common case: plain text, then the end tag.
	if i := bytes.IndexByte(d.data[d.pos:], '<'); i >= 0 && d.byteAt(d.pos+i+1) == '/' {
		seg := d.data[d.pos : d.pos+i]
		if plain(seg) {
			d.pos += i
			d.endTag(el)
			return seg
		}
	}
	buf := d.buf[:0]
	for d.err == nil {
		i := bytes.IndexByte(d.data[d.pos:], '<')
		if i < 0 {
			d.pos = len(d.data)
			d.fail("unexpected end of input in element <%s>", el.qname)
			break
		}
		buf = d.unescape(buf, d.data[d.pos:d.pos+i], false)
		d.pos += i
		switch d.byteAt(d.pos + 1) {
		case '/':
			d.endTag(el)
			d.buf = buf
			return buf
		case '!':
			if c, ok := d.cdata(); ok {
				buf = append(buf, c...)
			} else if !d.comment() {
				d.fail("invalid markup")
			}
		case '?':
			d.instruction()
		default:
			child := d.startTag()
			d.skipElement(child)
		}
	}
	return nil
}

// plain reports whether text needs no replacement: no reference and no
// carriage return, which end-of-line handling turns into a line feed.
func plain(text []byte) bool {
	for _, c := range text {
		if c == '&' || c == '\r' {
			return false
		}
	}
	return true
}

// unescape appends text to buf with its references replaced and its line
// ends normalized; in an attribute value, white space characters become
// spaces, as XML's attribute normalization asks.
func (d *decoder) unescape(buf, text []byte, attr bool) []byte {
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			c = '\n'
			fallthrough
		case attr && (c == '\n' || c == '\t'):
			if attr {
				c = ' '
			}
			buf = append(buf, c)
			i++
		case c == '&':
			end := bytes.IndexByte(text[i:], ';')
			if end < 0 || end > 12 {
				d.fail("invalid reference")
				return buf
			}
			ref := text[i+1 : i+end]
			r, ok := reference(ref)
			if !ok {
				if len(ref) > 0 && ref[0] == '#' {
					d.fail("invalid character reference &%s;", ref)
				} else {
					d.fail("entity &%s; is not defined: only the five XML predefined entities are", ref)
				}
				return buf
			}
			buf = utf8.AppendRune(buf, r)
			i += end + 1
		default:
			j := i + 1
			for j < len(text) && text[j] != '&' && text[j] != '\r' && !(attr && (text[j] == '\n' || text[j] == '\t')) {
				j++
			}
			buf = append(buf, text[i:j]...)
			i = j
		}
	}
	return buf
}

// reference returns the character a reference names (without & and ;):
// one of the five predefined entities or a character reference to a
// character XML allows.
func reference(ref []byte) (rune, bool) {
	switch string(ref) {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "apos":
		return '\'', true
	case "quot":
		return '"', true
	}
	if len(ref) < 2 || ref[0] != '#' {
		return 0, false
	}
	var n uint64
	var err error
	if ref[1] == 'x' {
		n, err = strconv.ParseUint(string(ref[2:]), 16, 32)
	} else {
		n, err = strconv.ParseUint(string(ref[1:]), 10, 32)
	}
	r := rune(n)
	if err != nil || !(r == 0x9 || r == 0xA || r == 0xD || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF) {
		return 0, false
	}
	return r, true
}

// find returns the index of the element member named local (or, failing
// that, whose alias it is), or -1. Bodies
// list members in the model's order, so the member after the previous one
// (hint) is tried first.
func find(s *schema.Shape, in *info, local []byte, hint int) int {
	if hint < len(s.Members) && in.local[hint] == string(local) && !isAttr(&s.Members[hint]) {
		return hint
	}
	if in.byLocal != nil {
		if i, ok := in.byLocal[string(local)]; ok {
			return i
		}
		return -1
	}
	alias := -1
	for i := range s.Members {
		m := &s.Members[i]
		if isAttr(m) {
			continue
		}
		if in.local[i] == string(local) {
			return i
		}
		if alias < 0 && m.Alias != "" && m.Alias == string(local) {
			alias = i
		}
	}
	return alias
}

// structure decodes el's attributes and children into the structure at p.
func (d *decoder) structure(s *schema.Shape, p unsafe.Pointer, el element) {
	in := infoOf(s)
	if len(in.attrs) > 0 && len(el.attrs) > 0 {
		d.attributes(s, in, p, el.attrs)
		if d.err != nil {
			return
		}
	}
	if el.empty {
		return
	}
	hint := 0
	for {
		child, ok := d.nextChild(el)
		if !ok {
			return
		}
		i := find(s, in, child.local, hint)
		if i < 0 {
			d.skipElement(child)
			continue
		}
		hint = i + 1
		m := &s.Members[i]
		fp := unsafe.Add(p, m.Offset)
		switch {
		case isFlat(m) && m.Shape.Kind == schema.KindList:
			d.item(m.Shape, fp, child)
		case isFlat(m) && m.Shape.Kind == schema.KindMap:
			d.entry(m.Shape, fp, child)
		case !m.Shape.Held():
			d.value(m.Shape, fp, child)
		default:
			slot := d.alloc(m.Shape)
			if d.value(m.Shape, slot, child) && d.err == nil {
				*(*unsafe.Pointer)(fp) = slot
			}
		}
		if d.err != nil {
			d.path.At(m.Name)
			return
		}
	}
}

// attributes decodes the attribute members of the structure at p from the
// text of a start tag's attributes, checked by startTag.
func (d *decoder) attributes(s *schema.Shape, in *info, p unsafe.Pointer, attrs []byte) {
	for i := 0; i < len(attrs); {
		if isSpace(attrs[i]) {
			i++
			continue
		}
		eq := bytes.IndexByte(attrs[i:], '=') + i
		name := bytes.TrimRight(attrs[i:eq], " \t\r\n")
		j := eq + 1
		for isSpace(attrs[j]) {
			j++
		}
		q := attrs[j]
		end := bytes.IndexByte(attrs[j+1:], q) + j + 1
		value := attrs[j+1 : end]
		i = end + 1
		local := name
		if k := bytes.LastIndexByte(name, ':'); k >= 0 {
			if string(name[:k]) == "xmlns" {
				continue
			}
			local = name[k+1:]
		}
		for _, mi := range in.attrs {
			if in.local[mi] != string(local) {
				continue
			}
			m := &s.Members[mi]
			text := value
			if bytes.IndexAny(value, "&\r\n\t") >= 0 {
				d.buf = d.unescape(d.buf[:0], value, true)
				text = d.buf
			}
			fp := unsafe.Add(p, m.Offset)
			if m.Shape.Held() {
				slot := d.alloc(m.Shape)
				if d.scalar(m.Shape, slot, text) && d.err == nil {
					*(*unsafe.Pointer)(fp) = slot
				}
			} else {
				d.scalar(m.Shape, fp, text)
			}
			if d.err != nil {
				d.path.At(m.Name)
				return
			}
			break
		}
	}
}

// value decodes el into the Go value at p of shape s, and reports whether
// it is present: a scalar other than a string whose element is empty is
// not.
func (d *decoder) value(s *schema.Shape, p unsafe.Pointer, el element) bool {
	switch s.Kind {
	case schema.KindStruct:
		d.structure(s, p, el)
	case schema.KindList:
		d.list(s, p, el)
	case schema.KindMap:
		d.dict(s, p, el)
	default:
		return d.scalar(s, p, d.text(el))
	}
	return true
}

// list decodes a wrapped list's items, the children of el named as the
// list's items, appending them to the slice at p: an empty element gives an
// empty, non-nil slice.
func (d *decoder) list(s *schema.Shape, p unsafe.Pointer, el element) {
	in := infoOf(s)
	if h := (*codec.SliceHeader)(p); h.Data == nil {
		h.Data = unsafe.Pointer(&codec.EmptyList)
	}
	if el.empty {
		return
	}
	for {
		child, ok := d.nextChild(el)
		if !ok {
			return
		}
		if string(child.local) != in.item {
			d.skipElement(child)
			continue
		}
		d.item(s, p, child)
		if d.err != nil {
			return
		}
	}
}

// item appends the value of el to the slice at p, of list shape s.
func (d *decoder) item(s *schema.Shape, p unsafe.Pointer, el element) {
	h := (*codec.SliceHeader)(p)
	if k := s.Elem.Kind; k == schema.KindString || k == schema.KindEnum {
		l := (*[]string)(p)
		v := d.str(d.text(el))
		if d.err != nil {
			d.path.At("[" + strconv.Itoa(len(*l)) + "]")
			return
		}
		*l = append(*l, v)
		return
	}
	// The slice grows through reflect.Value.Grow on the slice in place (its
	// elements may hold pointers the collector must see); elements are
	// decoded in place through the header.
	in := infoOf(s)
	if h.Len == h.Cap {
		reflect.NewAt(in.typ, p).Elem().Grow(max(4, h.Len))
	}
	h.Len++
	d.value(s.Elem, unsafe.Add(h.Data, uintptr(h.Len-1)*in.size), el)
	if d.err != nil {
		d.path.At("[" + strconv.Itoa(h.Len-1) + "]")
	}
}

// dict decodes a wrapped map's entries, the <entry> children of el, into
// the map at p, made if nil.
func (d *decoder) dict(s *schema.Shape, p unsafe.Pointer, el element) {
	d.makeMap(s, p)
	if el.empty {
		return
	}
	for {
		child, ok := d.nextChild(el)
		if !ok {
			return
		}
		if string(child.local) != "entry" {
			d.skipElement(child)
			continue
		}
		d.entry(s, p, child)
		if d.err != nil {
			return
		}
	}
}

func (d *decoder) makeMap(s *schema.Shape, p unsafe.Pointer) {
	if *(*map[string]string)(p) != nil {
		return
	}
	if s.Elem.Kind == schema.KindString {
		*(*map[string]string)(p) = map[string]string{}
		return
	}
	typ := infoOf(s).typ
	reflect.NewAt(typ, p).Elem().Set(reflect.MakeMap(typ))
}

// entry decodes one entry of the map at p from el, which holds its key and
// value elements, making the map if it is nil. An entry without a key is
// dropped; one without a value maps its key to the value's zero.
func (d *decoder) entry(s *schema.Shape, p unsafe.Pointer, el element) {
	in := infoOf(s)
	var key string
	hasKey := false
	var str string
	var val reflect.Value
	if s.Elem.Kind != schema.KindString {
		val = reflect.New(in.elem)
	}
	if !el.empty {
		for {
			child, ok := d.nextChild(el)
			if !ok {
				break
			}
			switch string(child.local) {
			case in.key:
				key, hasKey = d.str(d.text(child)), true
			case in.value:
				if val.IsValid() {
					d.value(s.Elem, val.UnsafePointer(), child)
				} else {
					str = d.str(d.text(child))
				}
			default:
				d.skipElement(child)
			}
			if d.err != nil {
				d.path.At(key)
				return
			}
		}
	}
	if d.err != nil || !hasKey {
		return
	}
	d.makeMap(s, p) // a flattened map's first entry makes it
	if !val.IsValid() {
		(*(*map[string]string)(p))[key] = str
		return
	}
	m := reflect.NewAt(in.typ, p).Elem()
	m.SetMapIndex(reflect.ValueOf(key).Convert(in.typ.Key()), val.Elem())
}

// str copies text into the current chunk of text and returns it, with
// what XML cannot hold (invalid UTF-8, control characters but for white
// space, U+FFFE and U+FFFF) replaced with U+FFFD, as the encoder replaces
// it.
func (d *decoder) str(text []byte) string {
	if d.err != nil || len(text) == 0 {
		return ""
	}
	if !xmlText(text) {
		text = sanitize(text)
	}
	return d.strs.String(text, len(d.data)-d.pos)
}

// scalar decodes the text of a scalar into the Go value at p of shape s and
// reports whether it is present: a string or a blob always is (an empty
// blob is empty, not nil), another scalar is not when its text is empty or
// white space.
func (d *decoder) scalar(s *schema.Shape, p unsafe.Pointer, text []byte) bool {
	if d.err != nil {
		return false
	}
	switch s.Kind {
	case schema.KindString, schema.KindEnum:
		*(*string)(p) = d.str(text)
		return true
	case schema.KindBlob:
		*(*[]byte)(p) = d.blob(bytes.TrimSpace(text))
		return d.err == nil
	}
	text = bytes.TrimSpace(text)
	if len(text) == 0 {
		return false
	}
	switch s.Kind {
	case schema.KindBool:
		switch string(text) {
		case "true":
			*(*bool)(p) = true
		case "false":
			*(*bool)(p) = false
		default:
			d.fail("expected true or false, found %q", truncate(text, 32))
		}
	case schema.KindInt32:
		*(*int32)(p) = int32(d.integer(text, 32))
	case schema.KindInt64:
		*(*int64)(p) = d.integer(text, 64)
	case schema.KindFloat32:
		*(*float32)(p) = float32(d.float(text, 32))
	case schema.KindFloat64:
		*(*float64)(p) = d.float(text, 64)
	case schema.KindTime:
		*(*time.Time)(p) = d.timestamp(text, s.Format)
	default:
		d.fail("a value of this shape has no XML form")
	}
	return d.err == nil
}

// integer parses a decimal integer of the given bits.
func (d *decoder) integer(text []byte, bits int) int64 {
	v, err := strconv.ParseInt(unsafe.String(&text[0], len(text)), 10, bits)
	if err != nil {
		d.fail("expected an integer of %d bits, found %q", bits, truncate(text, 32))
	}
	return v
}

// float parses a number, or NaN, Infinity or -Infinity.
func (d *decoder) float(text []byte, bits int) float64 {
	switch string(text) {
	case "NaN":
		return math.NaN()
	case "Infinity":
		return math.Inf(1)
	case "-Infinity":
		return math.Inf(-1)
	}
	v, err := strconv.ParseFloat(unsafe.String(&text[0], len(text)), bits)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		d.fail("expected a number, NaN, Infinity or -Infinity, found %q", truncate(text, 32))
	}
	return v
}

// timestamp parses a timestamp in format f: an RFC 3339 date-time for the
// default and iso8601, a number of seconds for epoch-seconds, an HTTP date
// for http-date.
func (d *decoder) timestamp(text []byte, f schema.TimeFormat) time.Time {
	s := unsafe.String(&text[0], len(text))
	switch f {
	case schema.EpochSecondsFormat:
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
			d.fail("timestamp must be a number of seconds since the epoch, found %q", truncate(text, 32))
			return time.Time{}
		}
		sec, frac := math.Modf(v)
		return time.Unix(int64(sec), int64(math.Round(frac*1e3))*int64(time.Millisecond)).UTC()
	case schema.HTTPDateFormat:
		t, err := http.ParseTime(s)
		if err != nil {
			d.fail("timestamp must be an HTTP date, found %q", truncate(text, 40))
		}
		return t.UTC()
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		d.fail("timestamp must be an RFC 3339 date-time, found %q", truncate(text, 40))
	}
	return t.UTC()
}

// blob decodes standard base64, which may be broken into lines.
func (d *decoder) blob(text []byte) []byte {
	out := make([]byte, base64.StdEncoding.DecodedLen(len(text)))
	n, err := base64.StdEncoding.Decode(out, text)
	if err != nil {
		d.fail("invalid base64: %v", err)
		return nil
	}
	return out[:n]
}

// alloc returns room for a value of the pointer-held shape s.
func (d *decoder) alloc(s *schema.Shape) unsafe.Pointer {
	if p := d.scalars.Alloc(s); p != nil {
		return p
	}
	return reflect.New(infoOf(s).typ).UnsafePointer()
}

// truncate shortens text for a message.
func truncate(text []byte, n int) string {
	if len(text) <= n {
		return string(text)
	}
	for n > 0 && !utf8.RuneStart(text[n]) {
		n--
	}
	return string(text[:n]) + "…"
}

// xmlText reports whether text holds only characters XML allows.
func xmlText(text []byte) bool {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
			return false
		}
		i += n
	}
	return true
}

// sanitize returns text with what xmlText refuses replaced with U+FFFD.
func sanitize(text []byte) []byte {
	out := make([]byte, 0, len(text)+8)
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRune(text[i:])
		switch {
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == utf8.RuneError && n == 1, r == 0xFFFE, r == 0xFFFF:
			out = utf8.AppendRune(out, utf8.RuneError)
		default:
			out = append(out, text[i:i+n]...)
		}
		i += n
	}
	return out
}
