package cborwire

import (
	"encoding/binary"
	"errors"
	"math"
	"reflect"
	"strings"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/specgen/specgen/specrt/internal/codec"
	"github.com/specgen/specgen/specrt/schema"
)

// ErrDocument is the error of a shape that holds a document, which
// rpcv2Cbor cannot carry.
var ErrDocument = errors.New("cbor: documents are not supported by rpcv2Cbor")

// Marshal returns the CBOR map of v, a pointer to the Go structure s
// describes. Members are written in the shape's order under their wire
// names; absent members (nil pointers, lists and maps, "" enums, empty
// blobs) are left out, empty lists and maps that are not nil are written
// empty, map keys are sorted. Text that is not UTF-8 has its bad bytes
// replaced with U+FFFD.
func Marshal(s *schema.Shape, v any) ([]byte, error) {
	in := infoOf(s)
	b, err := AppendAt(make([]byte, 0, in.sizeHint.Load()), s, codec.PointerTo(v))
	if err != nil {
		return nil, err
	}
	in.sizeHint.Store(min(int64(len(b)+len(b)/8), maxSizeHint))
	return b, nil
}

// maxSizeHint bounds the room Marshal makes ahead for a shape's value.
const maxSizeHint = 4 << 20

// AppendAt appends the CBOR map of the structure at p to b.
func AppendAt(b []byte, s *schema.Shape, p unsafe.Pointer) ([]byte, error) {
	return appendStruct(b, s, p)
}

// appendHead writes an initial byte of the given major type and its
// argument n in the fewest bytes.
func appendHead(b []byte, major byte, n uint64) []byte {
	switch {
	case n < 24:
		return append(b, major|byte(n))
	case n <= math.MaxUint8:
		return append(b, major|24, byte(n))
	case n <= math.MaxUint16:
		return binary.BigEndian.AppendUint16(append(b, major|25), uint16(n))
	case n <= math.MaxUint32:
		return binary.BigEndian.AppendUint32(append(b, major|26), uint32(n))
	}
	return binary.BigEndian.AppendUint64(append(b, major|27), n)
}

// present returns the address of the value of field f of the structure
// at p, or nil when the member is absent.
func present(f *field, p unsafe.Pointer) unsafe.Pointer {
	fp := unsafe.Add(p, f.offset)
	if f.held {
		return *(*unsafe.Pointer)(fp)
	}
	if codec.Absent(f.shape, fp) {
		return nil
	}
	return fp
}

// appendStruct writes the structure at p as a map of its present members.
// A structure of fewer than 24 members, nearly every one, is written in
// one pass: its map's head is one byte, set once the members are counted.
func appendStruct(b []byte, s *schema.Shape, p unsafe.Pointer) ([]byte, error) {
	return appendFields(b, infoOf(s), p)
}

// appendFields is appendStruct with the structure's info at hand.
func appendFields(b []byte, in *info, p unsafe.Pointer) ([]byte, error) {
	if len(in.fields) < 24 {
		at := len(b)
		b, n, err := appendMembers(append(b, majorMap), in.fields, p)
		b[at] = majorMap | byte(n)
		return b, err
	}
	n := 0
	for i := range in.fields {
		if present(&in.fields[i], p) != nil {
			n++
		}
	}
	b = appendHead(b, majorMap, uint64(n))
	b, _, err := appendMembers(b, in.fields, p)
	return b, err
}

// appendMembers writes the present members of the structure at p and
// returns how many there were. The scalars nearly every member holds are
// written here, the rest by appendValue.
func appendMembers(b []byte, fields []field, p unsafe.Pointer) ([]byte, int, error) {
	n := 0
	var err error
	for i := range fields {
		f := &fields[i]
		fp := present(f, p)
		if fp == nil {
			continue
		}
		n++
		b = append(b, f.key...)
		switch f.kind {
		case schema.KindString, schema.KindEnum:
			b = appendText(b, *(*string)(fp))
		case schema.KindInt32:
			b = appendInt(b, int64(*(*int32)(fp)))
		case schema.KindFloat64:
			b = appendFloat64(b, *(*float64)(fp))
		case schema.KindTime:
			b = appendTime(b, *(*time.Time)(fp))
		default:
			if b, err = appendValue(b, f.shape, fp); err != nil {
				return b, n, err
			}
		}
	}
	return b, n, nil
}

// appendValue writes the Go value at p of shape s.
func appendValue(b []byte, s *schema.Shape, p unsafe.Pointer) ([]byte, error) {
	switch s.Kind {
	case schema.KindString, schema.KindEnum:
		return appendText(b, *(*string)(p)), nil
	case schema.KindBool:
		if *(*bool)(p) {
			return append(b, cborTrue), nil
		}
		return append(b, cborFalse), nil
	case schema.KindInt32:
		return appendInt(b, int64(*(*int32)(p))), nil
	case schema.KindInt64:
		return appendInt(b, *(*int64)(p)), nil
	case schema.KindFloat32:
		f := *(*float32)(p)
		bits := math.Float32bits(f)
		if f != f {
			bits = 0x7fc00000 // the quiet NaN, whatever its payload
		}
		return binary.BigEndian.AppendUint32(append(b, cborFloat32), bits), nil
	case schema.KindFloat64:
		return appendFloat64(b, *(*float64)(p)), nil
	case schema.KindTime:
		return appendTime(b, *(*time.Time)(p)), nil
	case schema.KindBlob:
		v := *(*[]byte)(p)
		return append(appendHead(b, majorBytes, uint64(len(v))), v...), nil
	case schema.KindDocument:
		return b, ErrDocument
	case schema.KindStruct:
		return appendStruct(b, s, p)
	case schema.KindList:
		return appendList(b, s, p)
	case schema.KindMap:
		return appendMap(b, s, p)
	}
	return b, errors.New("cbor: shape of unknown kind")
}

// appendInt writes v as an unsigned or a negative integer.
func appendInt(b []byte, v int64) []byte {
	if v < 0 {
		return appendHead(b, majorNegint, uint64(^v))
	}
	return appendHead(b, majorUint, uint64(v))
}

// appendFloat64 writes f as a double; NaN as the quiet NaN, whatever its
// payload (Go's math.NaN() has one).
func appendFloat64(b []byte, f float64) []byte {
	bits := math.Float64bits(f)
	if f != f {
		bits = 0x7ff8000000000000
	}
	return binary.BigEndian.AppendUint64(append(b, cborFloat64), bits)
}

// appendTime writes t as tag 1 holding its epoch seconds as a double, with
// its milliseconds, as the AWS SDKs send timestamps.
func appendTime(b []byte, t time.Time) []byte {
	return appendFloat64(append(b, majorTag|tagEpoch), float64(t.UnixMilli())/1000)
}

// appendText writes s as a text string.
func appendText(b []byte, s string) []byte {
	if !ascii(s) && !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return append(appendHead(b, majorText, uint64(len(s))), s...)
}

// ascii reports whether s is ASCII, eight bytes at a time: nearly every
// string a request holds is, and telling so here costs less than a call
// to utf8.ValidString for the short strings most members hold.
func ascii(s string) bool {
	b := unsafe.Slice(unsafe.StringData(s), len(s))
	var or uint64
	for len(b) >= 8 {
		or |= binary.LittleEndian.Uint64(b)
		b = b[8:]
	}
	for _, c := range b {
		or |= uint64(c)
	}
	return or&0x8080808080808080 == 0
}

// appendList writes the slice at p as an array.
func appendList(b []byte, s *schema.Shape, p unsafe.Pointer) ([]byte, error) {
	h := (*codec.SliceHeader)(p)
	b = appendHead(b, majorArray, uint64(h.Len))
	if k := s.Elem.Kind; k == schema.KindString || k == schema.KindEnum {
		for _, v := range unsafe.Slice((*string)(h.Data), h.Len) {
			b = appendText(b, v)
		}
		return b, nil
	}
	size := infoOf(s).size
	var err error
	if s.Elem.Kind == schema.KindStruct {
		in := infoOf(s.Elem)
		for i := range h.Len {
			if b, err = appendFields(b, in, unsafe.Add(h.Data, uintptr(i)*size)); err != nil {
				return b, err
			}
		}
		return b, nil
	}
	for i := range h.Len {
		if b, err = appendValue(b, s.Elem, unsafe.Add(h.Data, uintptr(i)*size)); err != nil {
			return b, err
		}
	}
	return b, nil
}

// appendMap writes the map at p, its keys sorted.
func appendMap(b []byte, s *schema.Shape, p unsafe.Pointer) ([]byte, error) {
	if s.Elem.Kind == schema.KindString {
		m := *(*map[string]string)(p)
		var small [16]string
		keys := codec.SortedKeys(m, small[:0])
		b = appendHead(b, majorMap, uint64(len(keys)))
		for _, k := range keys {
			b = appendText(b, k)
			b = appendText(b, m[k])
		}
		return b, nil
	}
	in := infoOf(s)
	m := reflect.NewAt(in.typ, p).Elem()
	keys := codec.SortedMapKeys(m)
	b = appendHead(b, majorMap, uint64(len(keys)))
	tmp := reflect.New(in.elem)
	var err error
	for _, k := range keys {
		b = appendText(b, k.String())
		tmp.Elem().Set(m.MapIndex(k))
		if b, err = appendValue(b, s.Elem, tmp.UnsafePointer()); err != nil {
			return b, err
		}
	}
	return b, nil
}

// PrependText returns the CBOR map m, as Marshal writes it (a definite
// length), with the text member key: value put first: an error's "__type"
// beside its members.
func PrependText(m []byte, key, value string) ([]byte, error) {
	d := decoder{data: m}
	if len(m) == 0 || m[0]&0xe0 != majorMap {
		return nil, errors.New("cbor: not a map")
	}
	_, n, indef := d.head()
	if d.err != nil || indef {
		return nil, errors.New("cbor: not a map of definite length")
	}
	b := make([]byte, 0, len(m)+len(key)+len(value)+12)
	b = appendHead(b, majorMap, n+1)
	b = appendText(b, key)
	b = appendText(b, value)
	return append(b, m[d.pos:]...), nil
}
