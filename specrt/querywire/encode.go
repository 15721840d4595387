package querywire

import (
	"bytes"
	"encoding/base64"
	"errors"
	"math"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/specgen/specgen/specrt/internal/codec"
	"github.com/specgen/specgen/specrt/schema"
)

// Marshal returns the form body of a call to operation action of API
// version version with input v, a pointer to the structure s describes (nil
// for an operation without input).
func Marshal(d Dialect, action, version string, s *schema.Shape, v any) ([]byte, error) {
	bp := codec.Scratch()
	var p unsafe.Pointer
	if v != nil {
		p = codec.PointerTo(v)
	}
	b, err := AppendRequest(*bp, d, action, version, s, p)
	out := bytes.Clone(b)
	codec.Release(bp, b)
	return out, err
}

// AppendRequest appends to b the form body of a call to action with the
// structure at p (nil: no input).
func AppendRequest(b []byte, d Dialect, action, version string, s *schema.Shape, p unsafe.Pointer) ([]byte, error) {
	b = append(b, keyAction+"="...)
	b = appendEscaped(b, action)
	b = append(b, "&"+keyVersion+"="...)
	b = appendEscaped(b, version)
	if s == nil || p == nil {
		return b, nil
	}
	var key [128]byte
	e := encoder{b: b, key: key[:0], d: d}
	err := e.structure(s, p)
	return e.b, err
}

// errDocument is the error of a document member: the query protocols have
// no form for one.
var errDocument = errors.New("query: a document has no form encoding")

// encoder appends the pairs of a structure to b; key is the path of the
// value being written.
type encoder struct {
	b   []byte
	key []byte
	d   Dialect
}

// push appends a segment to the key and returns the key's length before,
// for pop.
func (e *encoder) push(seg string) int {
	n := len(e.key)
	if n > 0 {
		e.key = append(e.key, '.')
	}
	e.key = append(e.key, seg...)
	return n
}

// pushIndex appends a 1-based index segment.
func (e *encoder) pushIndex(i int) int {
	n := len(e.key)
	e.key = append(e.key, '.')
	e.key = strconv.AppendInt(e.key, int64(i), 10)
	return n
}

func (e *encoder) pop(n int) { e.key = e.key[:n] }

// start writes "&key=", the value to follow.
func (e *encoder) start() {
	e.b = append(e.b, '&')
	e.b = append(e.b, e.key...) // keys are model names: nothing to escape
	e.b = append(e.b, '=')
}

// structure writes the members of the structure at p.
func (e *encoder) structure(s *schema.Shape, p unsafe.Pointer) error {
	keys := infoOf(s).keys[e.d]
	for i := range s.Members {
		m := &s.Members[i]
		fp := unsafe.Add(p, m.Offset)
		if m.Shape.Held() {
			fp = *(*unsafe.Pointer)(fp)
			if fp == nil {
				continue
			}
		} else if codec.Absent(m.Shape, fp) || e.d == EC2Query && m.Shape.Kind == schema.KindList && (*codec.SliceHeader)(fp).Len == 0 {
			// ec2Query leaves out an empty list member (an empty list
			// inside a map or a list is A=, as awsQuery writes it,
			// so that the entry or item is still there)
			continue
		}
		n := e.push(keys[i])
		err := e.value(m.Shape, fp, flat(e.d, m))
		e.pop(n)
		if err != nil {
			return err
		}
	}
	return nil
}

// value writes the Go value at p of shape s under the current key.
func (e *encoder) value(s *schema.Shape, p unsafe.Pointer, flat bool) error {
	switch s.Kind {
	case schema.KindString, schema.KindEnum:
		e.start()
		e.b = appendEscaped(e.b, *(*string)(p))
	case schema.KindBool:
		e.start()
		e.b = strconv.AppendBool(e.b, *(*bool)(p))
	case schema.KindInt32:
		e.start()
		e.b = strconv.AppendInt(e.b, int64(*(*int32)(p)), 10)
	case schema.KindInt64:
		e.start()
		e.b = strconv.AppendInt(e.b, *(*int64)(p), 10)
	case schema.KindFloat32:
		e.start()
		e.b = appendFloat(e.b, float64(*(*float32)(p)), 32)
	case schema.KindFloat64:
		e.start()
		e.b = appendFloat(e.b, *(*float64)(p), 64)
	case schema.KindTime:
		e.start()
		e.b = appendTime(e.b, *(*time.Time)(p), s.Format)
	case schema.KindBlob:
		e.start()
		e.b = appendBase64(e.b, *(*[]byte)(p))
	case schema.KindDocument:
		return errDocument
	case schema.KindStruct:
		return e.structure(s, p)
	case schema.KindList:
		return e.list(s, p, flat)
	case schema.KindMap:
		return e.dict(s, p, flat)
	default:
		return errors.New("query: shape of unknown kind")
	}
	return nil
}

// list writes the slice at p: its items numbered from 1.
func (e *encoder) list(s *schema.Shape, p unsafe.Pointer, flat bool) error {
	h := (*codec.SliceHeader)(p)
	if h.Len == 0 {
		e.start() // A=: an empty list, not an absent one
		return nil
	}
	in := infoOf(s)
	outer := len(e.key)
	if !flat {
		e.push(in.item)
	}
	for i := range h.Len {
		n := e.pushIndex(i + 1)
		err := e.value(s.Elem, unsafe.Add(h.Data, uintptr(i)*in.size), false)
		e.pop(n)
		if err != nil {
			return err
		}
	}
	e.pop(outer)
	return nil
}

// dict writes the map at p: its entries numbered from 1 in the order of
// their keys.
func (e *encoder) dict(s *schema.Shape, p unsafe.Pointer, flat bool) error {
	in := infoOf(s)
	outer := len(e.key)
	if !flat {
		e.push("entry")
	}
	if s.Elem.Kind == schema.KindString {
		m := *(*map[string]string)(p)
		var small [16]string
		keys := codec.SortedKeys(m, small[:0])
		for i, k := range keys {
			n := e.pushIndex(i + 1)
			e.pair(in.key, k)
			e.pair(in.value, m[k])
			e.pop(n)
		}
		e.pop(outer)
		return nil
	}
	// The entries are copied out once, keys and values side by side
	// (SetIterKey and SetIterValue copy without allocating), then written
	// in the order of their keys.
	m := reflect.NewAt(in.typ, p).Elem()
	n := m.Len()
	vals := reflect.MakeSlice(reflect.SliceOf(in.elem), n, n)
	var smallKeys [16]string
	var smallOrder [16]int
	keys, order := smallKeys[:0], smallOrder[:0]
	key := reflect.New(in.typ.Key()).Elem()
	for it, i := m.MapRange(), 0; it.Next(); i++ {
		key.SetIterKey(it)
		vals.Index(i).SetIterValue(it)
		keys = append(keys, key.String())
		order = append(order, i)
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(keys[a], keys[b]) })
	base := vals.UnsafePointer()
	for i, j := range order {
		n := e.pushIndex(i + 1)
		e.pair(in.key, keys[j])
		v := e.push(in.value)
		err := e.value(s.Elem, unsafe.Add(base, uintptr(j)*in.size), false)
		e.pop(v)
		e.pop(n)
		if err != nil {
			return err
		}
	}
	e.pop(outer)
	return nil
}

// pair writes the string v under the current key and the segment seg.
func (e *encoder) pair(seg, v string) {
	n := e.push(seg)
	e.start()
	e.b = appendEscaped(e.b, v)
	e.pop(n)
}

// appendFloat writes f as its shortest decimal form, and NaN and the
// infinities as the query protocols spell them.
func appendFloat(b []byte, f float64, bits int) []byte {
	switch {
	case math.IsNaN(f):
		return append(b, "NaN"...)
	case math.IsInf(f, 1):
		return append(b, "Infinity"...)
	case math.IsInf(f, -1):
		return append(b, "-Infinity"...)
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	if format == 'f' {
		return strconv.AppendFloat(b, f, format, -1, bits)
	}
	var tmp [32]byte // 1e+21: the '+' would read as a space
	return appendEscapedBytes(b, strconv.AppendFloat(tmp[:0], f, format, -1, bits))
}

// appendTime writes t in format f: an RFC 3339 date-time in UTC with up to
// milliseconds (the default), epoch seconds with milliseconds when it has
// them, or an HTTP date; escaped.
func appendTime(b []byte, t time.Time, f schema.TimeFormat) []byte {
	var tmp [40]byte
	switch f {
	case schema.EpochSecondsFormat:
		ms := t.UnixMilli()
		if ms%1000 == 0 {
			return strconv.AppendInt(b, ms/1000, 10)
		}
		return strconv.AppendFloat(b, float64(ms)/1000, 'f', -1, 64)
	case schema.HTTPDateFormat:
		return appendEscapedBytes(b, t.UTC().AppendFormat(tmp[:0], http.TimeFormat))
	}
	return appendEscapedBytes(b, t.UTC().AppendFormat(tmp[:0], "2006-01-02T15:04:05.999Z07:00"))
}

// appendBase64 writes v in standard base64, escaped.
func appendBase64(b []byte, v []byte) []byte {
	n := base64.StdEncoding.EncodedLen(len(v))
	if n <= 256 {
		var tmp [256]byte
		base64.StdEncoding.Encode(tmp[:n], v)
		return appendEscapedBytes(b, tmp[:n])
	}
	return appendEscapedBytes(b, base64.StdEncoding.AppendEncode(nil, v))
}

// unreserved marks the bytes a form value carries as they are (RFC 3986's
// unreserved characters); every other byte is percent-encoded, a space as
// %20.
var unreserved = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for _, c := range "-_.~" {
		t[c] = true
	}
	return t
}()

const upperHex = "0123456789ABCDEF"

// appendEscaped appends s percent-encoded.
func appendEscaped(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if unreserved[c] {
			continue
		}
		b = append(b, s[start:i]...)
		b = append(b, '%', upperHex[c>>4], upperHex[c&0xf])
		start = i + 1
	}
	return append(b, s[start:]...)
}

// appendEscapedBytes is appendEscaped of a byte slice.
func appendEscapedBytes(b, s []byte) []byte {
	return appendEscaped(b, unsafe.String(unsafe.SliceData(s), len(s)))
}
