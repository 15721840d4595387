// Package cborwire is the CBOR (RFC 8949) body codec of the rpcv2Cbor
// protocol: one engine that encodes and decodes any generated type from the
// shape data every body codec reads (package schema: schema.Shape,
// schema.Member), reading and writing fields through their offsets.
//
// The wire form is Smithy's RPC v2 CBOR: a structure is a map keyed by its
// members' wire names (Member.Name), lists are arrays, maps are maps with
// text keys; strings are text strings and blobs byte strings; integers take
// their smallest encoding; float32 members travel as single and float64
// members as double precision (NaN and the infinities included: CBOR
// spells them); a timestamp is tag 1 holding its epoch seconds as a double
// (milliseconds kept) whatever its timestampFormat trait says. Encoding
// writes definite lengths and map keys in sorted order, so that the same
// value always gives the same bytes. Documents are not part of rpcv2Cbor:
// a shape with one is refused with an error.
//
// Decoding accepts what RFC 8949 allows a peer to send: definite and
// indefinite lengths (strings in chunks included), every width of integer
// and of float (half precision included) where the member is of that
// kind, integers where a float is expected, a timestamp with or without
// its tag. null and undefined are absent (and dropped from maps, as Smithy
// asks of dense maps); unknown members are skipped. It is bounded: a
// declared length is checked against the input that remains before
// anything is allocated for it, nesting deeper than 1000 is refused, and
// any other tag, a reserved additional-information value, a key that is
// not a text string, text that is not UTF-8 and a value of the wrong major
// type are errors that say where they are.
//
// Why not github.com/fxamacker/cbor/v2: generated types carry no struct
// tags and their wire names are shape data, so that library could only
// encode from, or decode into, an intermediate tree walked with the shapes.
// Measured on CloudWatch's PutMetricData input (1000 datums, 206 kB) and
// GetMetricData output (10 results of 1440 points, 275 kB), against that
// and against the AWS SDK for Go v2's own rpcv2Cbor code on the same Go
// values (compat/cbor_bench_test.go, go test -bench CBOR -benchmem, median
// of five on a quiet 2-core machine; the fxamacker figures of an earlier
// run):
//
//	                 encode ns/op  allocs/op   decode ns/op  allocs/op
//	cborwire              206,000          2        515,000         25
//	aws-sdk-go-v2         527,000         46      1,351,000        328
//	fxamacker (tree)    4,084,000     22,011      3,271,000     29,093
//
// A table-driven codec on the shapes is an order of magnitude faster than
// the library through a tree, and adds no dependency to the run time.
package cborwire

import (
	"reflect"
	"sync/atomic"

	"github.com/specgen/specgen/specrt/internal/codec"
	"github.com/specgen/specgen/specrt/schema"
)

// The major types of RFC 8949, in the top three bits of an initial byte.
const (
	majorUint   = 0 << 5
	majorNegint = 1 << 5
	majorBytes  = 2 << 5
	majorText   = 3 << 5
	majorArray  = 4 << 5
	majorMap    = 5 << 5
	majorTag    = 6 << 5
	majorSimple = 7 << 5
)

// Initial bytes of the simple values and floats, and the break code.
const (
	cborFalse     = majorSimple | 20
	cborTrue      = majorSimple | 21
	cborNull      = majorSimple | 22
	cborUndefined = majorSimple | 23
	cborFloat16   = majorSimple | 25
	cborFloat32   = majorSimple | 26
	cborFloat64   = majorSimple | 27
	cborBreak     = majorSimple | 31
)

// indefinite is the additional information of an indefinite length.
const indefinite = 31

// tagEpoch is the tag of a timestamp in epoch seconds.
const tagEpoch = 1

// info is what the codec works out once per shape, kept in the shape's
// schema.SlotCBOR.
type info struct {
	typ   reflect.Type   // the struct, slice or map type
	elem  reflect.Type   // a slice's element or a map's value
	size  uintptr        // the size of elem
	index map[string]int // a struct's members by wire name, when it has many
	// fields is what encoding reads of a struct's members, in order.
	fields []field

	// sizeHint is the room Marshal makes ahead for a value of the shape:
	// the size of the last one it wrote and an eighth (up to maxSizeHint),
	// so that a body is written once, into its own buffer, rather than
	// grown or copied out of a scratch buffer.
	sizeHint atomic.Int64
}

// field is a structure member as the encoder reads it: the member's name
// already encoded as a map key, and what its value's encoding depends on
// at hand rather than behind its shape.
type field struct {
	key    string        // the member's wire name as a CBOR text string
	shape  *schema.Shape // the member's shape
	offset uintptr       // the field's offset in the Go structure
	kind   schema.Kind   // shape.Kind
	held   bool          // whether the value is held through a pointer
}

// linearMembers is the number of members up to which a structure finds a
// member by comparing names in turn rather than through a map.
const linearMembers = 8

// infoOf returns the shape's info, working it out on first use.
func infoOf(s *schema.Shape) *info {
	if in, ok := s.Cached(schema.SlotCBOR).(*info); ok {
		return in
	}
	in := &info{}
	in.typ, in.elem, in.size = codec.GoTypes(s)
	if len(s.Members) > linearMembers {
		in.index = make(map[string]int, len(s.Members))
		for i := len(s.Members) - 1; i >= 0; i-- {
			in.index[s.Members[i].Name] = i
		}
	}
	if s.Kind == schema.KindStruct {
		in.fields = make([]field, len(s.Members))
		for i, m := range s.Members {
			in.fields[i] = field{
				key:    string(appendText(nil, m.Name)),
				shape:  m.Shape,
				offset: m.Offset,
				kind:   m.Shape.Kind,
				held:   m.Shape.Held(),
			}
		}
	}
	s.SetCached(schema.SlotCBOR, in)
	return in
}
