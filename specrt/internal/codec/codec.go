// Package codec holds what the body codecs (packages jsonwire, xmlwire,
// querywire and cborwire) share: the layout of the Go values package schema
// describes, when a member held by value is absent, the blocks the decoders
// carve pointer members from and the encoders' scratch buffers. What differs
// between the codecs on purpose stays explicit here, as separately named
// functions.
package codec

import (
	"reflect"
	"slices"
	"strings"
	"sync"
	"unsafe"

	"github.com/specgen/specgen/specrt/schema"
)

// SliceHeader is the layout of a slice.
type SliceHeader struct {
	Data unsafe.Pointer
	Len  int
	Cap  int
}

// EmptyList is where an empty, non-nil slice decoded from an empty list
// points.
var EmptyList [0]uintptr

// PointerTo returns the data pointer of v, a pointer held in an interface.
func PointerTo(v any) unsafe.Pointer {
	return reflect.ValueOf(v).UnsafePointer()
}

// Absent reports whether a structure member held by value (see
// schema.Shape.Held) at p is absent: "" for an enum, empty for a blob or
// document, nil for a list or map. An empty list or map that is not nil was
// set by the caller and is sent, as the AWS SDKs send it: a service may read
// it as "none" where absent means "leave as it is".
func Absent(s *schema.Shape, p unsafe.Pointer) bool {
	switch s.Kind {
	case schema.KindBlob, schema.KindDocument:
		return len(*(*[]byte)(p)) == 0
	}
	return absentByValue(s, p)
}

// AbsentNilBlob is Absent for a codec that writes an empty blob or document
// that is not nil (XML: an empty element, as for an empty list): only a nil
// one is absent.
func AbsentNilBlob(s *schema.Shape, p unsafe.Pointer) bool {
	switch s.Kind {
	case schema.KindBlob, schema.KindDocument:
		return *(*[]byte)(p) == nil
	}
	return absentByValue(s, p)
}

// absentByValue is what Absent and AbsentNilBlob agree on: the enums,
// lists and maps.
func absentByValue(s *schema.Shape, p unsafe.Pointer) bool {
	switch s.Kind {
	case schema.KindEnum:
		return *(*string)(p) == ""
	case schema.KindList:
		return (*SliceHeader)(p).Data == nil
	case schema.KindMap:
		// Every map is one pointer, whatever its types.
		return *(*map[string]string)(p) == nil
	}
	return false
}

// maxScratch is the capacity of the largest scratch buffer kept.
const maxScratch = 1 << 20

// scratch holds encoding buffers.
var scratch = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

// Scratch returns an empty encoding buffer kept from call to call. Encoding
// into it, then copying the result once, costs one allocation of the right
// size instead of a dozen as a new buffer grows. Give it back with Release.
func Scratch() *[]byte {
	return scratch.Get().(*[]byte)
}

// Release gives back the buffer bp of Scratch, grown to b, unless it grew
// too large to keep. Nothing may use b after.
func Release(bp *[]byte, b []byte) {
	if cap(b) <= maxScratch {
		*bp = b[:0]
		scratch.Put(bp)
	}
}

// Path is where in a body a decoder met a problem: the wire names of the
// members and the "[i]" indexes of the items it was inside, innermost
// first, as the decoder records them on its way out.
type Path []string

// At records that the problem happened inside seg, a member's wire name or
// an item's "[i]"; "" records nothing.
func (p *Path) At(seg string) {
	if seg != "" {
		*p = append(*p, seg)
	}
}

// String renders the path outermost first, members joined by dots and
// indexes by nothing: "config.ports[2].port".
func (p Path) String() string {
	var b strings.Builder
	for i := len(p) - 1; i >= 0; i-- {
		if seg := p[i]; seg[0] != '[' && b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(p[i])
	}
	return b.String()
}

// SortedKeys appends the keys of m to buf and returns them sorted, the
// order every codec writes a map in. Given a small array's [:0] as buf, a
// map of a few entries costs no allocation.
func SortedKeys(m map[string]string, buf []string) []string {
	for k := range m {
		buf = append(buf, k)
	}
	slices.Sort(buf)
	return buf
}

// SortedMapKeys returns the keys of m, a map with string keys, sorted.
func SortedMapKeys(m reflect.Value) []reflect.Value {
	keys := m.MapKeys()
	slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
	return keys
}

// GoTypes returns the Go type of a structure, list or map shape and, for a
// list or map, its element's (or value's) type and size; all are zero for
// a shape without a Type.
func GoTypes(s *schema.Shape) (typ, elem reflect.Type, size uintptr) {
	if s.Type == nil {
		return nil, nil, 0
	}
	typ = reflect.TypeOf(s.Type).Elem()
	if k := typ.Kind(); k == reflect.Slice || k == reflect.Map {
		elem = typ.Elem()
		size = elem.Size()
	}
	return typ, elem, size
}
