package jsonwire

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"math"
	"math/bits"
	"net/http"
	"reflect"
	"strconv"
	"time"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"github.com/specgen/specgen/specrt/internal/codec"
	"github.com/specgen/specgen/specrt/schema"
)

// Unmarshal decodes the JSON object in data into v, a pointer to the Go
// structure s describes. Members are matched by exact name, unknown members
// skipped, null members left as they are; a top-level null leaves v as it
// is. The first problem (malformed JSON, a value of the wrong type, nesting
// deeper than 1000) stops decoding and is returned; members decoded before
// it are kept.
func Unmarshal(data []byte, s *schema.Shape, v any) error {
	return UnmarshalAt(data, s, codec.PointerTo(v))
}

// UnmarshalAt is Unmarshal with the structure given by its address.
func UnmarshalAt(data []byte, s *schema.Shape, p unsafe.Pointer) error {
	d := decoder{data: data}
	if !d.null() {
		d.object(s, p)
	}
	if d.err == nil {
		if d.ws() {
			d.fail("unexpected data after the top-level value")
		}
	}
	if d.err == nil {
		return nil
	}
	d.err.Path = d.path.String()
	return d.err
}

// Error is a body that cannot be decoded.
type Error struct {
	// Offset is the byte offset in the body where decoding stopped.
	Offset int
	// Path is the member where it happened ("config.ports[2].port"), by wire
	// names; empty at the top level.
	Path string
	// Expected and Found say, for a value of the wrong type, what the shape
	// needs and what the body has ("a string", "an object"); both are empty
	// for other problems.
	Expected, Found string
	// Msg describes the problem.
	Msg string
}

// Error renders "json: offset N: <problem>", followed by the member's path
// when there is one.
func (e *Error) Error() string {
	s := "json: offset " + strconv.Itoa(e.Offset) + ": " + e.Msg
	if e.Path != "" {
		s += " at '" + e.Path + "'"
	}
	return s
}

// maxDepth bounds nesting, so that a hostile document cannot exhaust the
// stack.
const maxDepth = 1000

// decoder walks one JSON document. Strings without escapes are substrings
// of src, one copy of data made on first need; pointer members point into
// small blocks allocated a few at a time.
type decoder struct {
	data  []byte
	strs  codec.Text // the strings
	pos   int
	depth int
	err   *Error
	path  codec.Path // where err happened, innermost first

	scalars codec.Scalars // the pointer members
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = &Error{Offset: d.pos, Msg: fmt.Sprintf(format, args...)}
	}
	d.pos = len(d.data)
}

// mismatch fails with a value of the wrong type where what was expected.
func (d *decoder) mismatch(what string) {
	if d.err == nil {
		found := d.describe()
		d.fail("expected %s, found %s", what, found)
		d.err.Expected, d.err.Found = what, found
	}
}

// ws skips white space and reports whether input remains.
func (d *decoder) ws() bool {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return true
		}
	}
	return false
}

// peek returns the next significant byte, or 0 at the end.
func (d *decoder) peek() byte {
	if !d.ws() {
		return 0
	}
	return d.data[d.pos]
}

// describe names the value at the current position, for messages.
func (d *decoder) describe() string {
	switch d.peek() {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	case 0:
		return "the end of the input"
	}
	return "a number"
}

func (d *decoder) literal(lit string) bool {
	if len(d.data)-d.pos >= len(lit) && string(d.data[d.pos:d.pos+len(lit)]) == lit {
		d.pos += len(lit)
		return true
	}
	return false
}

// null consumes a null and reports whether there was one.
func (d *decoder) null() bool {
	if d.err == nil && d.peek() == 'n' {
		if d.literal("null") {
			return true
		}
		d.fail("invalid literal")
	}
	return false
}

// begin consumes the opening byte of an object or array.
func (d *decoder) begin(open byte, what string) bool {
	if d.err != nil {
		return false
	}
	if d.peek() != open {
		d.mismatch(what)
		return false
	}
	if d.depth++; d.depth > maxDepth {
		d.fail("nested too deeply")
		return false
	}
	d.pos++
	return true
}

// next reports whether the object or array has another member or element,
// consuming the comma before it (unless first) or the closing byte.
func (d *decoder) next(closing byte, first bool) bool {
	if d.err != nil {
		return false
	}
	c := d.peek()
	if c == closing {
		d.pos++
		d.depth--
		return false
	}
	if !first {
		if c != ',' {
			d.fail("expected ',' or '%c', found %s", closing, d.describe())
			return false
		}
		d.pos++
		c = d.peek()
	}
	switch c {
	case 0:
		d.fail("unexpected end of input")
		return false
	case '}', ']', ',':
		d.fail("unexpected '%c'", c)
		return false
	}
	return true
}

// key reads a member name and its colon; the result may point into data.
func (d *decoder) key() []byte {
	if d.peek() != '"' {
		d.fail("expected a member name, found %s", d.describe())
		return nil
	}
	k, _ := d.token()
	if d.peek() != ':' {
		d.fail("expected ':' after a member name")
		return nil
	}
	d.pos++
	return k
}

// token reads a string token; the result points into data unless it had
// escapes or invalid UTF-8 (plain is then false).
func (d *decoder) token() (s []byte, plain bool) {
	d.pos++ // the opening quote
	start := d.pos
	plain = true
	ascii := true
	for d.pos < len(d.data) {
		// Eight bytes at a time up to the first that needs a look.
		for d.pos+8 <= len(d.data) {
			if m := notPlain(binary.LittleEndian.Uint64(d.data[d.pos:])); m != 0 {
				d.pos += bits.TrailingZeros64(m) / 8
				break
			}
			d.pos += 8
		}
		if d.pos >= len(d.data) {
			break
		}
		c := d.data[d.pos]
		if plainASCII[c] {
			d.pos++
			continue
		}
		switch {
		case c == '"':
			s := d.data[start:d.pos]
			d.pos++
			if plain && (ascii || utf8.Valid(s)) {
				return s, true
			}
			return d.unescape(s), false
		case c >= utf8.RuneSelf:
			ascii = false
			d.pos++
		case c == '\\':
			plain = false
			d.pos += 2
		default: // c < 0x20
			d.fail("control character in a string")
			return nil, false
		}
	}
	d.fail("unterminated string")
	return nil, false
}

// Byte masks of notPlain: 0x01 and 0x80 in every byte.
const (
	lsbs = 0x0101010101010101
	msbs = 0x8080808080808080
)

// notPlain flags, in the high bit of each byte, the bytes of eight bytes
// of a string token (little-endian) that plainASCII does not mark: quotes,
// backslashes, control characters and non-ASCII bytes. The lowest flagged
// byte is always one of them (a borrow can flag a byte above a flagged
// one), which is all token needs.
func notPlain(v uint64) uint64 {
	q := v ^ (lsbs * '"')
	b := v ^ (lsbs * '\\')
	return ((q-lsbs)&^q | (b-lsbs)&^b | (v - lsbs*0x20) | v) & msbs
}

// plainASCII marks the bytes a string token holds as they are: printable
// ASCII but for the quote and the backslash.
var plainASCII = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// str reads a string value. Its bytes are copied into the current chunk
// of text, and the string points there.
func (d *decoder) str() string {
	if d.peek() != '"' {
		d.mismatch("a string")
		return ""
	}
	s, _ := d.token()
	if d.err != nil || len(s) == 0 {
		return ""
	}
	return d.strs.String(s, len(d.data)-d.pos)
}

// unescape decodes the escapes of a string token and replaces invalid
// UTF-8 with U+FFFD, as encoding/json does.
func (d *decoder) unescape(s []byte) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' {
			r, n := utf8.DecodeRune(s[i:])
			if r == utf8.RuneError && n == 1 {
				out = utf8.AppendRune(out, utf8.RuneError)
			} else {
				out = append(out, s[i:i+n]...)
			}
			i += n
			continue
		}
		if i+1 >= len(s) {
			d.fail("invalid escape")
			return nil
		}
		switch s[i+1] {
		case '"', '\\', '/':
			out = append(out, s[i+1])
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := hex4(s[i+2:])
			if !ok {
				d.fail("invalid \\u escape")
				return nil
			}
			i += 6
			if utf16.IsSurrogate(r) {
				if r2, ok := hex4(s[min(i+2, len(s)):]); ok && i+1 < len(s) && s[i] == '\\' && s[i+1] == 'u' {
					if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
						out = utf8.AppendRune(out, dec)
						i += 6
						continue
					}
				}
				r = utf8.RuneError
			}
			out = utf8.AppendRune(out, r)
			continue
		default:
			d.fail("invalid escape")
			return nil
		}
		i += 2
	}
	return out
}

func hex4(s []byte) (rune, bool) {
	if len(s) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range s[:4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// number reads a number token, checking the JSON grammar.
func (d *decoder) number() []byte {
	if d.err != nil || !d.ws() {
		d.mismatch("a number")
		return nil
	}
	start, i, n := d.pos, d.pos, len(d.data)
	digits := func() bool {
		j := i
		for i < n && d.data[i] >= '0' && d.data[i] <= '9' {
			i++
		}
		return i > j
	}
	if i < n && d.data[i] == '-' {
		i++
	}
	if i < n && d.data[i] == '0' {
		i++
	} else if !digits() {
		d.mismatch("a number")
		return nil
	}
	if i < n && d.data[i] == '.' {
		i++
		if !digits() {
			d.fail("invalid number")
			return nil
		}
	}
	if i < n && (d.data[i] == 'e' || d.data[i] == 'E') {
		i++
		if i < n && (d.data[i] == '+' || d.data[i] == '-') {
			i++
		}
		if !digits() {
			d.fail("invalid number")
			return nil
		}
	}
	d.pos = i
	return d.data[start:i]
}

// integer reads an integer of the given bits.
func (d *decoder) integer(bits int) int64 {
	tok := d.number()
	if d.err != nil {
		return 0
	}
	neg := tok[0] == '-'
	digits := tok
	if neg {
		digits = tok[1:]
	}
	var u uint64
	for _, c := range digits {
		if c < '0' || c > '9' || u > (1<<63)/10 {
			d.fail("number %s is not an integer of %d bits", tok, bits)
			return 0
		}
		u = u*10 + uint64(c-'0')
	}
	limit := uint64(1)<<(bits-1) - 1
	if neg {
		limit++
	}
	if u > limit {
		d.fail("number %s overflows an integer of %d bits", tok, bits)
		return 0
	}
	if neg {
		return -int64(u)
	}
	return int64(u)
}

// float reads a number, or one of the strings "NaN", "Infinity" and
// "-Infinity", which JSON numbers cannot spell.
func (d *decoder) float(bits int) float64 {
	if d.peek() == '"' {
		s, _ := d.token()
		if d.err != nil {
			return 0
		}
		switch string(s) {
		case "NaN":
			return math.NaN()
		case "Infinity":
			return math.Inf(1)
		case "-Infinity":
			return math.Inf(-1)
		}
		d.fail("expected a number, \"NaN\", \"Infinity\" or \"-Infinity\", found the string %q", truncate(string(s), 32))
		return 0
	}
	tok := d.number()
	if d.err != nil {
		return 0
	}
	f, err := strconv.ParseFloat(string(tok), bits)
	if err != nil {
		d.fail("number %s does not fit a float of %d bits", tok, bits)
		return 0
	}
	return f
}

func (d *decoder) boolean() bool {
	switch {
	case d.peek() == 't' && d.literal("true"):
		return true
	case d.peek() == 'f' && d.literal("false"):
		return false
	}
	d.mismatch("a boolean")
	return false
}

// timestamp reads a timestamp in format f.
func (d *decoder) timestamp(f schema.TimeFormat) time.Time {
	if f == schema.EpochSecondsFormat || f == schema.DefaultTimeFormat {
		tok := d.number()
		if d.err != nil {
			return time.Time{}
		}
		v, err := strconv.ParseFloat(string(tok), 64)
		if err != nil || math.IsInf(v, 0) {
			d.fail("timestamp must be a number of seconds since the epoch, got %s", truncate(string(tok), 32))
			return time.Time{}
		}
		sec, frac := math.Modf(v)
		return time.Unix(int64(sec), int64(math.Round(frac*1e3))*int64(time.Millisecond)).UTC()
	}
	name := "iso8601"
	if f == schema.HTTPDateFormat {
		name = "http-date"
	}
	if d.peek() != '"' {
		d.mismatch("a timestamp string in " + name + " format")
		return time.Time{}
	}
	s, _ := d.token()
	if d.err != nil {
		return time.Time{}
	}
	var t time.Time
	var err error
	if f == schema.HTTPDateFormat {
		t, err = http.ParseTime(string(s))
	} else {
		t, err = time.Parse(time.RFC3339Nano, string(s))
	}
	if err != nil {
		d.fail("timestamp must be in %s format, got %q", name, truncate(string(s), 40))
		return time.Time{}
	}
	return t.UTC()
}

// blob reads standard base64.
func (d *decoder) blob() []byte {
	if d.peek() != '"' {
		d.mismatch("a base64 string")
		return nil
	}
	s, _ := d.token()
	if d.err != nil {
		return nil
	}
	out := make([]byte, base64.StdEncoding.DecodedLen(len(s)))
	n, err := base64.StdEncoding.Decode(out, s)
	if err != nil {
		d.fail("invalid base64: %v", err)
		return nil
	}
	return out[:n]
}

// skip reads and discards any value.
func (d *decoder) skip() {
	if d.err != nil {
		return
	}
	switch c := d.peek(); {
	case c == '{':
		if d.begin('{', "an object") {
			for first := true; d.next('}', first); first = false {
				d.key()
				d.skip()
			}
		}
	case c == '[':
		if d.begin('[', "an array") {
			for first := true; d.next(']', first); first = false {
				d.skip()
			}
		}
	case c == '"':
		d.token()
	case c == 't' || c == 'f':
		d.boolean()
	case c == 'n':
		d.null()
	default:
		d.number()
	}
}

// object decodes a JSON object into the structure at p.
func (d *decoder) object(s *schema.Shape, p unsafe.Pointer) {
	if !d.begin('{', "an object") {
		return
	}
	// Each member is first looked for where the body's previous object of
	// this shape had the member that followed the previous one, by
	// comparing the member's name with the bytes of the key; a key that is
	// not there is read and looked up, and the order learned.
	order := infoOf(s).order
	hint, after := 0, 0 // after: 0 at the start, i+1 after member i
	for first := true; d.next('}', first); first = false {
		var m *schema.Member
		var k []byte
		if g := int(order[after].Load()) - 1; g >= 0 && d.keyIs(s.Members[g].Name) {
			if d.err != nil {
				return
			}
			m, hint, after = &s.Members[g], g+1, g+1
		} else {
			if k = d.key(); d.err != nil {
				return
			}
			if i := find(s, k, hint); i >= 0 {
				m, hint = &s.Members[i], i+1
				order[after].Store(int32(i + 1))
				after = i + 1
			}
		}
		switch {
		case m == nil:
			d.skip()
		case d.null():
			// null is absent
		case !m.Shape.Held():
			d.value(m.Shape, unsafe.Add(p, m.Offset))
		default:
			slot := d.alloc(m.Shape)
			d.value(m.Shape, slot)
			if d.err == nil {
				*(*unsafe.Pointer)(unsafe.Add(p, m.Offset)) = slot
			}
		}
		if d.err != nil {
			if k == nil {
				d.path.At(m.Name)
			} else {
				d.path.At(string(k))
			}
			return
		}
	}
}

// keyIs consumes the member name at the current position and its colon if
// the name is exactly name, spelled without escapes; otherwise it consumes
// nothing. Wire names hold no quote, backslash or control character, so a
// match is the key itself.
func (d *decoder) keyIs(name string) bool {
	end := d.pos + 1 + len(name)
	if end >= len(d.data) || d.data[d.pos] != '"' || d.data[end] != '"' || string(d.data[d.pos+1:end]) != name {
		return false
	}
	d.pos = end + 1
	if d.peek() != ':' {
		d.fail("expected ':' after a member name")
		return true
	}
	d.pos++
	return true
}

// alloc returns room for a value of the pointer-held shape s.
func (d *decoder) alloc(s *schema.Shape) unsafe.Pointer {
	if p := d.scalars.Alloc(s); p != nil {
		return p
	}
	return reflect.New(infoOf(s).typ).UnsafePointer()
}

// value decodes a value of shape s, not null, into the Go value at p.
func (d *decoder) value(s *schema.Shape, p unsafe.Pointer) {
	switch s.Kind {
	case schema.KindString, schema.KindEnum:
		*(*string)(p) = d.str()
	case schema.KindBool:
		*(*bool)(p) = d.boolean()
	case schema.KindInt32:
		*(*int32)(p) = int32(d.integer(32))
	case schema.KindInt64:
		*(*int64)(p) = d.integer(64)
	case schema.KindFloat32:
		*(*float32)(p) = float32(d.float(32))
	case schema.KindFloat64:
		*(*float64)(p) = d.float(64)
	case schema.KindTime:
		*(*time.Time)(p) = d.timestamp(s.Format)
	case schema.KindBlob:
		*(*[]byte)(p) = d.blob()
	case schema.KindDocument:
		start := d.pos
		d.skip()
		if d.err == nil {
			*(*[]byte)(p) = bytes.Clone(bytes.TrimSpace(d.data[start:d.pos]))
		}
	case schema.KindStruct:
		d.object(s, p)
	case schema.KindList:
		d.list(s, p)
	case schema.KindMap:
		d.dict(s, p)
	default:
		d.fail("shape of unknown kind %d", s.Kind)
	}
}

// list decodes a JSON array into the slice at p, appending to it: []
// gives an empty, non-nil slice, as encoding/json does. A null element is
// the element's zero value.
func (d *decoder) list(s *schema.Shape, p unsafe.Pointer) {
	if !d.begin('[', "an array") {
		return
	}
	switch s.Elem.Kind {
	case schema.KindString, schema.KindEnum:
		l := (*[]string)(p)
		if *l == nil {
			*l = make([]string, 0, d.countStrings())
		}
		for first := true; d.next(']', first); first = false {
			var v string
			if !d.null() {
				v = d.str()
			}
			if d.err != nil {
				d.path.At("[" + strconv.Itoa(len(*l)) + "]")
				return
			}
			*l = append(*l, v)
		}
		return
	}
	// The slice grows through reflect.Value.Grow on the slice in place (its
	// elements may hold pointers the collector must see): one allocation
	// per growth, none for the header. Elements are decoded in place
	// through the header.
	ti := infoOf(s)
	h := (*codec.SliceHeader)(p)
	if h.Data == nil {
		h.Data = unsafe.Pointer(&codec.EmptyList)
	}
	for first := true; d.next(']', first); first = false {
		if h.Len == h.Cap {
			reflect.NewAt(ti.typ, p).Elem().Grow(max(4, h.Len))
		}
		h.Len++
		if !d.null() {
			d.value(s.Elem, unsafe.Add(h.Data, uintptr(h.Len-1)*ti.size))
		}
		if d.err != nil {
			d.path.At("[" + strconv.Itoa(h.Len-1) + "]")
			return
		}
	}
}

// countStrings returns the number of strings the array at the current
// position, after its '[', begins with: the capacity it needs when it holds
// strings only (nulls count as strings). The count stops at the first other
// value; it is a capacity, not a check.
func (d *decoder) countStrings() int {
	n := 0
	for i := d.pos; i < len(d.data); i++ {
		switch d.data[i] {
		case ' ', '\t', '\n', '\r', ',':
		case '"':
			for i++; i < len(d.data) && d.data[i] != '"'; i++ {
				if d.data[i] == '\\' {
					i++
				}
			}
			n++
		case 'n':
			i += len("null") - 1
			n++
		default:
			return n
		}
	}
	return n
}

// dict decodes a JSON object into a new map at p. An entry whose value is
// null is dropped: the AWS protocols' maps are dense (botocore's models
// carry no sparse maps), and Smithy asks clients to drop such an entry
// rather than fail.
func (d *decoder) dict(s *schema.Shape, p unsafe.Pointer) {
	if !d.begin('{', "an object") {
		return
	}
	if s.Elem.Kind == schema.KindString {
		m := map[string]string{}
		*(*map[string]string)(p) = m
		for first := true; d.next('}', first); first = false {
			k := d.mapKey()
			if d.null() {
				continue
			}
			v := d.str()
			if d.err != nil {
				d.path.At(k)
				return
			}
			m[k] = v
		}
		return
	}
	ti := infoOf(s)
	m := reflect.MakeMap(ti.typ)
	reflect.NewAt(ti.typ, p).Elem().Set(m)
	key := reflect.New(ti.typ.Key()).Elem()
	val := reflect.New(ti.elem)
	for first := true; d.next('}', first); first = false {
		k := d.mapKey()
		if d.null() {
			continue
		}
		key.SetString(k)
		val.Elem().SetZero()
		d.value(s.Elem, val.UnsafePointer())
		if d.err != nil {
			d.path.At(k)
			return
		}
		m.SetMapIndex(key, val.Elem())
	}
}

// mapKey reads a map key and its colon.
func (d *decoder) mapKey() string {
	if d.peek() != '"' {
		d.fail("expected a member name, found %s", d.describe())
		return ""
	}
	s := d.str()
	if d.peek() != ':' {
		d.fail("expected ':' after a member name")
		return ""
	}
	d.pos++
	return s
}

// truncate shortens s for a message.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
