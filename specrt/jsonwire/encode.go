package jsonwire

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
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

// Marshal returns the JSON object of v, a pointer to the Go structure s
// describes. Members are written in the shape's order under their wire
// names; absent members (nil pointers, lists and maps, "" enums, empty
// blobs and documents) are left out, empty lists and maps that are not nil
// are [] and {}, map keys are sorted, NaN and the infinities
// are strings, timestamps are in their member's format. A document that is
// not well-formed JSON is an error.
func Marshal(s *schema.Shape, v any) ([]byte, error) {
	bp := codec.Scratch()
	b, err := AppendAt(*bp, s, codec.PointerTo(v))
	out := bytes.Clone(b)
	codec.Release(bp, b)
	return out, err
}

// AppendAt appends the JSON object of the structure at p to b.
func AppendAt(b []byte, s *schema.Shape, p unsafe.Pointer) ([]byte, error) {
	return appendObject(b, s, p)
}

// errDocument is the error of a document that is not well-formed JSON.
var errDocument = errors.New("json: document is not well-formed JSON")

// The encoder is a set of functions that append to a slice and return it,
// so that nothing of its state lives on the heap.

// appendObject writes the structure at p.
func appendObject(b []byte, s *schema.Shape, p unsafe.Pointer) ([]byte, error) {
	b = append(b, '{')
	first := true
	var err error
	for i := range s.Members {
		m := &s.Members[i]
		fp := unsafe.Add(p, m.Offset)
		if m.Shape.Held() {
			fp = *(*unsafe.Pointer)(fp)
			if fp == nil {
				continue
			}
		} else if codec.Absent(m.Shape, fp) {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = appendString(b, m.Name)
		b = append(b, ':')
		if b, err = appendValue(b, m.Shape, fp); err != nil {
			return b, err
		}
	}
	return append(b, '}'), nil
}

// appendValue writes the Go value at p of shape s.
func appendValue(b []byte, s *schema.Shape, p unsafe.Pointer) ([]byte, error) {
	switch s.Kind {
	case schema.KindString, schema.KindEnum:
		return appendString(b, *(*string)(p)), nil
	case schema.KindBool:
		return strconv.AppendBool(b, *(*bool)(p)), nil
	case schema.KindInt32:
		return strconv.AppendInt(b, int64(*(*int32)(p)), 10), nil
	case schema.KindInt64:
		return strconv.AppendInt(b, *(*int64)(p), 10), nil
	case schema.KindFloat32:
		return appendFloat(b, float64(*(*float32)(p)), 32), nil
	case schema.KindFloat64:
		return appendFloat(b, *(*float64)(p), 64), nil
	case schema.KindTime:
		return appendTime(b, *(*time.Time)(p), s.Format), nil
	case schema.KindBlob:
		b = append(b, '"')
		b = base64.StdEncoding.AppendEncode(b, *(*[]byte)(p))
		return append(b, '"'), nil
	case schema.KindDocument:
		doc := *(*[]byte)(p)
		switch {
		case doc == nil:
			return append(b, "null"...), nil
		case json.Valid(doc):
			return append(b, doc...), nil
		}
		return b, errDocument
	case schema.KindStruct:
		return appendObject(b, s, p)
	case schema.KindList:
		return appendList(b, s, p)
	case schema.KindMap:
		return appendMap(b, s, p)
	}
	return b, errors.New("json: shape of unknown kind")
}

// appendList writes the slice at p.
func appendList(b []byte, s *schema.Shape, p unsafe.Pointer) ([]byte, error) {
	h := (*codec.SliceHeader)(p)
	b = append(b, '[')
	if k := s.Elem.Kind; k == schema.KindString || k == schema.KindEnum {
		for i, v := range unsafe.Slice((*string)(h.Data), h.Len) {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, v)
		}
		return append(b, ']'), nil
	}
	size := infoOf(s).size
	var err error
	for i := range h.Len {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = appendValue(b, s.Elem, unsafe.Add(h.Data, uintptr(i)*size)); err != nil {
			return b, err
		}
	}
	return append(b, ']'), nil
}

// appendMap writes the map at p, its keys sorted.
func appendMap(b []byte, s *schema.Shape, p unsafe.Pointer) ([]byte, error) {
	b = append(b, '{')
	if s.Elem.Kind == schema.KindString {
		m := *(*map[string]string)(p)
		var small [16]string
		keys := codec.SortedKeys(m, small[:0])
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, k)
			b = append(b, ':')
			b = appendString(b, m[k])
		}
		return append(b, '}'), nil
	}
	ti := infoOf(s)
	m := reflect.NewAt(ti.typ, p).Elem()
	keys := codec.SortedMapKeys(m)
	tmp := reflect.New(ti.elem)
	var err error
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, k.String())
		b = append(b, ':')
		tmp.Elem().Set(m.MapIndex(k))
		if b, err = appendValue(b, s.Elem, tmp.UnsafePointer()); err != nil {
			return b, err
		}
	}
	return append(b, '}'), nil
}

// appendFloat writes f as encoding/json does, and NaN and the infinities as
// the strings the JSON protocols use for them.
func appendFloat(b []byte, f float64, bits int) []byte {
	switch {
	case math.IsNaN(f):
		return append(b, `"NaN"`...)
	case math.IsInf(f, 1):
		return append(b, `"Infinity"`...)
	case math.IsInf(f, -1):
		return append(b, `"-Infinity"`...)
	}
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	b = strconv.AppendFloat(b, f, format, -1, bits)
	if format == 'e' {
		// clean up e-09 to e-9, as encoding/json does
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// appendTime writes t in format f: epoch seconds with milliseconds when it
// has them (as the AWS SDKs do), an RFC 3339 string in UTC, or an HTTP date.
func appendTime(b []byte, t time.Time, f schema.TimeFormat) []byte {
	switch f {
	case schema.ISO8601Format:
		b = append(b, '"')
		b = t.UTC().AppendFormat(b, time.RFC3339Nano)
		return append(b, '"')
	case schema.HTTPDateFormat:
		b = append(b, '"')
		b = t.UTC().AppendFormat(b, http.TimeFormat)
		return append(b, '"')
	}
	ms := t.UnixMilli()
	if ms%1000 == 0 {
		return strconv.AppendInt(b, ms/1000, 10)
	}
	return strconv.AppendFloat(b, float64(ms)/1000, 'f', -1, 64)
}

const hexDigits = "0123456789abcdef"

// appendString writes s as a JSON string: quotes, backslashes and control
// characters escaped, U+2028 and U+2029 escaped as encoding/json does,
// invalid UTF-8 replaced with U+FFFD. HTML characters are kept as they are.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if plainASCII[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += n
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += n
			start = i
			continue
		}
		i += n
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
