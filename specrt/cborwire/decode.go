package cborwire

import (
	"encoding/binary"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/specgen/specgen/specrt/internal/codec"
	"github.com/specgen/specgen/specrt/schema"
)

// Unmarshal decodes the CBOR map in data into v, a pointer to the Go
// structure s describes. Members are matched by exact name, unknown members
// skipped, null and undefined members left as they are; an empty body or a
// top-level null leaves v as it is. The first problem stops decoding and is
// returned as an *Error; members decoded before it are kept.
func Unmarshal(data []byte, s *schema.Shape, v any) error {
	return UnmarshalAt(data, s, codec.PointerTo(v))
}

// UnmarshalAt is Unmarshal with the structure given by its address.
func UnmarshalAt(data []byte, s *schema.Shape, p unsafe.Pointer) error {
	if len(data) == 0 {
		return nil
	}
	d := decoder{data: data}
	if !d.null() {
		d.structure(s, p)
	}
	if d.err == nil && d.pos < len(d.data) {
		d.fail("unexpected data after the top-level value")
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
	// needs and what the body has ("a text string", "a map"); both are
	// empty for other problems.
	Expected, Found string
	// Msg describes the problem.
	Msg string
}

// Error renders "cbor: offset N: <problem>", followed by the member's path
// when there is one.
func (e *Error) Error() string {
	s := "cbor: offset " + strconv.Itoa(e.Offset) + ": " + e.Msg
	if e.Path != "" {
		s += " at '" + e.Path + "'"
	}
	return s
}

// maxDepth bounds nesting, so that a hostile body cannot exhaust the stack.
const maxDepth = 1000

// decoder walks one CBOR data item. Strings are copied into shared chunks
// of text (a decoded value keeps its strings' chunks alive, not the body);
// pointer members point into small blocks allocated a few at a time.
type decoder struct {
	data  []byte
	pos   int
	depth int
	err   *Error
	path  codec.Path // where err happened, innermost first
	strs  codec.Text // the strings
	chunk []byte     // scratch for the chunks of an indefinite-length string

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

// describe names the data item at the current position, for messages.
func (d *decoder) describe() string {
	if d.pos >= len(d.data) {
		return "the end of the input"
	}
	c := d.data[d.pos]
	switch c & 0xe0 {
	case majorUint:
		return "an unsigned integer"
	case majorNegint:
		return "a negative integer"
	case majorBytes:
		return "a byte string"
	case majorText:
		return "a text string"
	case majorArray:
		return "an array"
	case majorMap:
		return "a map"
	case majorTag:
		return "a tag"
	}
	switch c {
	case cborFalse, cborTrue:
		return "a boolean"
	case cborNull:
		return "null"
	case cborUndefined:
		return "undefined"
	case cborFloat16, cborFloat32, cborFloat64:
		return "a float"
	case cborBreak:
		return "a break"
	}
	return "a simple value"
}

// head reads an initial byte and its argument. For an indefinite length
// (allowed only for the major types that have one) it returns indef true.
func (d *decoder) head() (major byte, arg uint64, indef bool) {
	if d.pos >= len(d.data) {
		d.fail("unexpected end of input")
		return 0, 0, false
	}
	c := d.data[d.pos]
	major, ai := c&0xe0, c&0x1f
	switch {
	case ai < 24:
		d.pos++
		return major, uint64(ai), false
	case ai <= 27:
		n := 1 << (ai - 24)
		if len(d.data)-d.pos-1 < n {
			d.fail("unexpected end of input")
			return 0, 0, false
		}
		b := d.data[d.pos+1:]
		switch n {
		case 1:
			arg = uint64(b[0])
		case 2:
			arg = uint64(binary.BigEndian.Uint16(b))
		case 4:
			arg = uint64(binary.BigEndian.Uint32(b))
		default:
			arg = binary.BigEndian.Uint64(b)
		}
		d.pos += 1 + n
		return major, arg, false
	case ai == indefinite:
		switch major {
		case majorBytes, majorText, majorArray, majorMap:
			d.pos++
			return major, 0, true
		case majorSimple:
			d.fail("unexpected break")
			return 0, 0, false
		}
		d.fail("indefinite length for %s", d.describe())
		return 0, 0, false
	}
	d.fail("reserved additional information %d", ai)
	return 0, 0, false
}

// length checks a declared length against the input that remains, each
// item taking at least per bytes, and returns it as an int.
func (d *decoder) length(n uint64, per int) int {
	if rest := uint64(len(d.data) - d.pos); n > rest/uint64(per) {
		d.fail("declared length %d exceeds the %d bytes that remain", n, rest)
		return 0
	}
	return int(n)
}

// ended consumes a break and reports whether there was one.
func (d *decoder) ended() bool {
	if d.pos < len(d.data) && d.data[d.pos] == cborBreak {
		d.pos++
		return true
	}
	if d.pos >= len(d.data) {
		d.fail("unexpected end of input")
		return true
	}
	return false
}

// null consumes a null or undefined and reports whether there was one.
func (d *decoder) null() bool {
	if d.pos < len(d.data) && (d.data[d.pos] == cborNull || d.data[d.pos] == cborUndefined) {
		d.pos++
		return true
	}
	return false
}

func (d *decoder) enter() bool {
	if d.depth++; d.depth > maxDepth {
		d.fail("nested too deeply")
		return false
	}
	return true
}

// bytesOf reads a string of the given major type (text or bytes), definite
// or in chunks. The result points into data or into d.chunk: it must be
// copied before the next string is read.
func (d *decoder) bytesOf(major byte, what string) []byte {
	if d.pos >= len(d.data) || d.data[d.pos]&0xe0 != major {
		d.mismatch(what)
		return nil
	}
	_, n, indef := d.head()
	if d.err != nil {
		return nil
	}
	if !indef {
		l := d.length(n, 1)
		s := d.data[d.pos : d.pos+l]
		d.pos += l
		return s
	}
	d.chunk = d.chunk[:0]
	for !d.ended() {
		if d.data[d.pos]&0xe0 != major || d.data[d.pos]&0x1f == indefinite {
			d.fail("a chunk of an indefinite-length %s must be a definite %s", what, what)
			return nil
		}
		_, n, _ := d.head()
		l := d.length(n, 1)
		if d.err != nil {
			return nil
		}
		d.chunk = append(d.chunk, d.data[d.pos:d.pos+l]...)
		d.pos += l
	}
	return d.chunk
}

// textBytes reads a text string, checking that it is UTF-8.
func (d *decoder) textBytes() []byte {
	start := d.pos
	s := d.bytesOf(majorText, "a text string")
	if d.err == nil && !validText(s) {
		d.pos = start
		d.fail("text string is not valid UTF-8")
		return nil
	}
	return s
}

// validText reports whether s is UTF-8, ASCII taking the short way.
func validText(s []byte) bool {
	for _, c := range s {
		if c >= utf8.RuneSelf {
			return utf8.Valid(s)
		}
	}
	return true
}

// str reads a text string into the current chunk of text.
func (d *decoder) str() string {
	s := d.textBytes()
	if d.err != nil || len(s) == 0 {
		return ""
	}
	return d.strs.String(s, len(d.data)-d.pos)
}

// blob reads a byte string into a slice of its own.
func (d *decoder) blob() []byte {
	s := d.bytesOf(majorBytes, "a byte string")
	if d.err != nil {
		return nil
	}
	return append(make([]byte, 0, len(s)), s...)
}

// integer reads an integer of the given bits.
func (d *decoder) integer(bits int) int64 {
	if d.pos >= len(d.data) {
		d.mismatch("an integer")
		return 0
	}
	major := d.data[d.pos] & 0xe0
	if major != majorUint && major != majorNegint {
		d.mismatch("an integer")
		return 0
	}
	start := d.pos
	_, u, _ := d.head()
	if d.err != nil {
		return 0
	}
	limit := uint64(1)<<(bits-1) - 1
	if u > limit {
		d.pos = start
		if major == majorNegint {
			d.fail("-1-%d overflows an integer of %d bits", u, bits)
		} else {
			d.fail("%d overflows an integer of %d bits", u, bits)
		}
		return 0
	}
	if major == majorNegint {
		return -1 - int64(u)
	}
	return int64(u)
}

// float reads a float of any width, or an integer.
func (d *decoder) float() float64 {
	if d.pos >= len(d.data) {
		d.mismatch("a float")
		return 0
	}
	switch c := d.data[d.pos]; c {
	case cborFloat16:
		if len(d.data)-d.pos < 3 {
			break
		}
		f := halfToFloat(binary.BigEndian.Uint16(d.data[d.pos+1:]))
		d.pos += 3
		return f
	case cborFloat32:
		if len(d.data)-d.pos < 5 {
			break
		}
		f := math.Float32frombits(binary.BigEndian.Uint32(d.data[d.pos+1:]))
		d.pos += 5
		return float64(f)
	case cborFloat64:
		if len(d.data)-d.pos < 9 {
			break
		}
		f := math.Float64frombits(binary.BigEndian.Uint64(d.data[d.pos+1:]))
		d.pos += 9
		return f
	default:
		switch c & 0xe0 {
		case majorUint:
			_, u, _ := d.head()
			return float64(u)
		case majorNegint:
			_, u, _ := d.head()
			return -1 - float64(u)
		}
		d.mismatch("a float")
		return 0
	}
	d.fail("unexpected end of input")
	return 0
}

// halfToFloat converts an IEEE 754 half-precision float.
func halfToFloat(h uint16) float64 {
	exp, frac := int(h>>10&0x1f), float64(h&0x3ff)
	var f float64
	switch exp {
	case 0:
		f = math.Ldexp(frac, -24)
	case 0x1f:
		if frac == 0 {
			f = math.Inf(1)
		} else {
			f = math.NaN()
		}
	default:
		f = math.Ldexp(frac+1024, exp-25)
	}
	if h&0x8000 != 0 {
		f = -f
	}
	return f
}

func (d *decoder) boolean() bool {
	if d.pos < len(d.data) {
		switch d.data[d.pos] {
		case cborTrue:
			d.pos++
			return true
		case cborFalse:
			d.pos++
			return false
		}
	}
	d.mismatch("a boolean")
	return false
}

// maxEpoch bounds the seconds of a timestamp (about 292,000 years either
// side of 1970), so that its milliseconds fit an int64 with room to spare.
const maxEpoch = 1 << 63 / 1_000_000

// timestamp reads tag 1 and epoch seconds (an integer, or a float whose
// fraction is kept to the millisecond); the tag may be left out.
func (d *decoder) timestamp() time.Time {
	if d.pos < len(d.data) && d.data[d.pos]&0xe0 == majorTag {
		start := d.pos
		_, tag, _ := d.head()
		if d.err != nil {
			return time.Time{}
		}
		if tag != tagEpoch {
			d.pos = start
			d.fail("tag %d where a timestamp (tag 1) was expected", tag)
			return time.Time{}
		}
	}
	if d.pos < len(d.data) {
		if c := d.data[d.pos] & 0xe0; c == majorUint || c == majorNegint {
			start := d.pos
			sec := d.integer(64)
			if d.err == nil && (sec > maxEpoch || sec < -maxEpoch) {
				d.pos = start
				d.fail("timestamp %d is out of range", sec)
			}
			return time.Unix(sec, 0).UTC()
		}
	}
	start := d.pos
	f := d.float()
	if d.err != nil {
		if d.err.Expected != "" {
			d.err.Expected = "a timestamp"
			d.err.Msg = "expected a timestamp, found " + d.err.Found
		}
		return time.Time{}
	}
	if math.IsNaN(f) || f > maxEpoch || f < -maxEpoch {
		d.pos = start
		d.fail("timestamp %v is out of range", f)
		return time.Time{}
	}
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(math.Round(frac*1e3))*int64(time.Millisecond)).UTC()
}

// skip reads and discards any well-formed data item.
func (d *decoder) skip() {
	if d.err != nil {
		return
	}
	if !d.enter() {
		return
	}
	defer func() { d.depth-- }()
	start := d.pos
	major, n, indef := d.head()
	if d.err != nil {
		return
	}
	switch major {
	case majorBytes, majorText:
		if indef {
			for !d.ended() {
				c := d.data[d.pos]
				if c&0xe0 != major || c&0x1f == indefinite {
					d.fail("a chunk of an indefinite-length string must be a definite string of the same type")
					return
				}
				_, n, _ := d.head()
				d.pos += d.length(n, 1)
				if d.err != nil {
					return
				}
			}
			return
		}
		d.pos += d.length(n, 1)
	case majorArray, majorMap:
		per := 1
		if major == majorMap {
			per = 2
		}
		if indef {
			for d.err == nil && !d.ended() {
				for range per {
					d.skip()
				}
			}
			return
		}
		for range d.length(n, per) * per {
			if d.skip(); d.err != nil {
				return
			}
		}
	case majorTag:
		d.skip()
	case majorSimple:
		if d.data[start]&0x1f == 24 && n < 32 {
			d.fail("invalid simple value %d in two bytes", n)
		}
	}
}

// structure decodes a map into the structure at p.
func (d *decoder) structure(s *schema.Shape, p unsafe.Pointer) {
	if d.pos >= len(d.data) || d.data[d.pos]&0xe0 != majorMap {
		d.mismatch("a map")
		return
	}
	if !d.enter() {
		return
	}
	_, n, indef := d.head()
	count := d.length(n, 2)
	hint := 0
	for i := 0; d.err == nil; i++ {
		if indef {
			if d.ended() {
				break
			}
		} else if i == count {
			break
		}
		var m *schema.Member
		k := d.key(s, &hint, &m)
		if d.err != nil {
			return
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
			d.path.At(k)
			return
		}
	}
	d.depth--
}

// key reads a structure's key and sets *m to the member it names, or nil
// for an unknown one; it returns the key for error paths. Bodies usually
// list members in the shape's order, so the member after the previous one
// (*hint) is tried first, by comparing its name with the key's bytes.
func (d *decoder) key(s *schema.Shape, hint *int, m **schema.Member) string {
	if d.pos >= len(d.data) {
		d.fail("unexpected end of input")
		return ""
	}
	if c := d.data[d.pos]; c&0xe0 == majorText && c&0x1f < 24 {
		n := int(c & 0x1f)
		if h := *hint; h < len(s.Members) && len(s.Members[h].Name) == n && d.pos+1+n <= len(d.data) &&
			string(d.data[d.pos+1:d.pos+1+n]) == s.Members[h].Name {
			d.pos += 1 + n
			*m, *hint = &s.Members[h], h+1
			return s.Members[h].Name
		}
	} else if c&0xe0 != majorText {
		d.fail("expected a text string as a map key, found %s", d.describe())
		return ""
	}
	k := d.textBytes()
	if d.err != nil {
		return ""
	}
	i := -1
	if in := infoOf(s); in.index != nil {
		if j, ok := in.index[string(k)]; ok {
			i = j
		}
	} else {
		for j := range s.Members {
			if s.Members[j].Name == string(k) {
				i = j
				break
			}
		}
	}
	if i < 0 {
		return string(k)
	}
	*m, *hint = &s.Members[i], i+1
	return s.Members[i].Name
}

// alloc returns room for a value of the pointer-held shape s.
func (d *decoder) alloc(s *schema.Shape) unsafe.Pointer {
	if p := d.scalars.Alloc(s); p != nil {
		return p
	}
	return reflect.New(infoOf(s).typ).UnsafePointer()
}

// value decodes a data item of shape s, not null, into the Go value at p.
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
		*(*float32)(p) = float32(d.float())
	case schema.KindFloat64:
		*(*float64)(p) = d.float()
	case schema.KindTime:
		*(*time.Time)(p) = d.timestamp()
	case schema.KindBlob:
		*(*[]byte)(p) = d.blob()
	case schema.KindDocument:
		d.fail("documents are not supported by rpcv2Cbor")
	case schema.KindStruct:
		d.structure(s, p)
	case schema.KindList:
		d.list(s, p)
	case schema.KindMap:
		d.dict(s, p)
	default:
		d.fail("shape of unknown kind %d", s.Kind)
	}
}

// maxPrealloc is the most elements a list makes room for ahead of them.
const maxPrealloc = 1 << 12

// list decodes an array into the slice at p, appending to it: an empty
// array gives an empty, non-nil slice. A null element is the element's
// zero value.
func (d *decoder) list(s *schema.Shape, p unsafe.Pointer) {
	if d.pos >= len(d.data) || d.data[d.pos]&0xe0 != majorArray {
		d.mismatch("an array")
		return
	}
	if !d.enter() {
		return
	}
	_, n, indef := d.head()
	count := d.length(n, 1)
	if d.err != nil {
		return
	}
	// The slice grows through reflect.Value.Grow on the slice in place (its
	// elements may hold pointers the collector must see): once for a
	// definite length, which was checked against the input, as needed for
	// an indefinite one. Elements are decoded in place through the header.
	in := infoOf(s)
	h := (*codec.SliceHeader)(p)
	if h.Data == nil {
		h.Data = unsafe.Pointer(&codec.EmptyList)
	}
	if !indef && h.Cap-h.Len < count {
		// At most maxPrealloc elements before any is read: a declared
		// length costs no more memory than the elements that follow it.
		reflect.NewAt(in.typ, p).Elem().Grow(min(count, maxPrealloc))
	}
	for i := 0; ; i++ {
		if indef {
			if d.ended() {
				break
			}
		} else if i == count {
			break
		}
		if h.Len == h.Cap {
			grow := max(4, h.Len)
			if !indef {
				grow = min(grow, count-i)
			}
			reflect.NewAt(in.typ, p).Elem().Grow(grow)
		}
		h.Len++
		if !d.null() {
			d.value(s.Elem, unsafe.Add(h.Data, uintptr(h.Len-1)*in.size))
		}
		if d.err != nil {
			d.path.At("[" + strconv.Itoa(h.Len-1) + "]")
			return
		}
	}
	d.depth--
}

// dict decodes a map into a new map at p. An entry whose value is null is
// dropped: the AWS protocols' maps are dense, and Smithy asks clients to
// drop such an entry rather than fail.
func (d *decoder) dict(s *schema.Shape, p unsafe.Pointer) {
	if d.pos >= len(d.data) || d.data[d.pos]&0xe0 != majorMap {
		d.mismatch("a map")
		return
	}
	if !d.enter() {
		return
	}
	_, n, indef := d.head()
	count := d.length(n, 2)
	if d.err != nil {
		return
	}
	in := infoOf(s)
	var m reflect.Value
	var strs map[string]string
	if s.Elem.Kind == schema.KindString {
		strs = make(map[string]string, count)
		*(*map[string]string)(p) = strs
	} else {
		m = reflect.MakeMapWithSize(in.typ, count)
		reflect.NewAt(in.typ, p).Elem().Set(m)
	}
	var key, val reflect.Value
	for i := 0; ; i++ {
		if indef {
			if d.ended() {
				break
			}
		} else if i == count {
			break
		}
		if d.pos < len(d.data) && d.data[d.pos]&0xe0 != majorText {
			d.fail("expected a text string as a map key, found %s", d.describe())
			return
		}
		k := d.str()
		if d.err != nil {
			return
		}
		if d.null() {
			continue
		}
		if strs != nil {
			v := d.str()
			if d.err != nil {
				d.path.At(k)
				return
			}
			strs[k] = v
			continue
		}
		if !key.IsValid() {
			key = reflect.New(in.typ.Key()).Elem()
			val = reflect.New(in.elem)
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
	d.depth--
}
