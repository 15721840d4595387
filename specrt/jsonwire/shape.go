// Package jsonwire is the JSON body codec of the JSON protocols (awsJson1_0,
// awsJson1_1, restJson1): one engine that encodes and decodes any generated
// type from a compact description of its shape, emitted by specgen as data
// (a Shape per structure, list and map, a Member per body member with its
// wire name and the field's offset).
//
// Generated code used to spell out a decoder per structure and lean on
// encoding/json, struct tags and MarshalJSON wrappers for encoding. Shapes
// as data cost a few lines per member instead of a function per structure,
// which is most of what a service package takes to compile, and the engine
// reads and writes fields through their offsets, without reflection on the
// hot path (reflection only allocates slices and maps of composite
// elements). Wire names and timestamp formats are the protocol's model
// data here, not struct tags: DESIGN.md's second seam.
//
// Decoding matches member names exactly (as the services and the AWS SDKs
// do), skips unknown members, treats null as absent, reads NaN and the
// infinities from strings, timestamps in the member's format, blobs as
// base64 and documents as raw JSON text. Strings share one copy of the
// body (a decoded value keeps that copy alive), and pointers to scalars are
// carved from small blocks, so a large response costs a fraction of the
// allocations of one value at a time.
package jsonwire

import (
	"reflect"
	"sync/atomic"
	"unsafe"
)

// Kind is what a shape holds, as far as the codec is concerned.
type Kind uint8

// The kinds of shapes. A structure member of kind String, Bool, Int32,
// Int64, Float32, Float64, Time or Struct is held through a pointer (nil:
// absent); Enum, Blob, Document, List and Map members are held by value
// (zero: absent). List elements and map values are always held by value.
const (
	KindString   Kind = iota + 1 // string
	KindEnum                     // a named string type; "" is absent
	KindBool                     // bool
	KindInt32                    // int32
	KindInt64                    // int64
	KindFloat32                  // float32; NaN and ±Inf travel as strings
	KindFloat64                  // float64; NaN and ±Inf travel as strings
	KindTime                     // time.Time in Shape.Format
	KindBlob                     // []byte as standard base64
	KindDocument                 // a []byte type holding JSON text
	KindStruct                   // a structure or union
	KindList                     // []T
	KindMap                      // map[string]T
)

// TimeFormat is the wire form of a timestamp.
type TimeFormat uint8

// The timestamp formats of the JSON protocols' timestampFormat trait.
const (
	EpochSecondsFormat TimeFormat = iota // a JSON number of seconds (the default)
	ISO8601Format                        // an RFC 3339 date-time string
	HTTPDateFormat                       // an RFC 7231 HTTP date string
)

// Shape describes a Go type of a generated package to the codec. Generated
// code declares one per structure, list and map shape; scalars use the
// shared values below (String, Int32, ...).
type Shape struct {
	// Kind is what the shape holds.
	Kind Kind
	// Format is the wire form of a KindTime shape.
	Format TimeFormat
	// Members are the body members of a KindStruct shape, in wire order.
	Members []Member
	// Elem is the element of a KindList shape, or the value of a KindMap.
	Elem *Shape
	// Type is a typed nil pointer to the Go type of a struct, list or map
	// shape ((*Service)(nil), (*[]Service)(nil)): the codec allocates
	// values of it.
	Type any

	info atomic.Pointer[typeInfo]
}

// Member is a structure member that travels in the JSON body.
type Member struct {
	// Name is the exact wire name.
	Name string
	// Alias is a second name accepted when decoding ("Message" for an
	// error's "message", as the AWS SDKs accept both); empty for none.
	Alias string
	// Offset is the field's offset in the Go structure.
	Offset uintptr
	// Shape is the member's shape.
	Shape *Shape
}

// The scalar shapes, shared by every generated package.
var (
	String       = Shape{Kind: KindString}
	Enum         = Shape{Kind: KindEnum}
	Bool         = Shape{Kind: KindBool}
	Int32        = Shape{Kind: KindInt32}
	Int64        = Shape{Kind: KindInt64}
	Float32      = Shape{Kind: KindFloat32}
	Float64      = Shape{Kind: KindFloat64}
	EpochSeconds = Shape{Kind: KindTime, Format: EpochSecondsFormat}
	ISO8601      = Shape{Kind: KindTime, Format: ISO8601Format}
	HTTPDate     = Shape{Kind: KindTime, Format: HTTPDateFormat}
	Blob         = Shape{Kind: KindBlob}
	Document     = Shape{Kind: KindDocument}
)

// typeInfo is what the codec works out once per shape: the Go type and,
// for structures with many members, an index by wire name.
type typeInfo struct {
	typ   reflect.Type   // the struct, slice or map type
	elem  reflect.Type   // a slice's element or a map's value
	size  uintptr        // the size of elem
	index map[string]int // member by wire name or alias
}

// linearMembers is the number of members up to which a structure finds a
// member by comparing names in turn rather than through a map.
const linearMembers = 8

// typeInfo returns the shape's typeInfo, working it out on first use.
func (s *Shape) typeInfo() *typeInfo {
	if ti := s.info.Load(); ti != nil {
		return ti
	}
	ti := &typeInfo{}
	if s.Type != nil {
		ti.typ = reflect.TypeOf(s.Type).Elem()
		if k := ti.typ.Kind(); k == reflect.Slice || k == reflect.Map {
			ti.elem = ti.typ.Elem()
			ti.size = ti.elem.Size()
		}
	}
	if len(s.Members) > linearMembers {
		ti.index = make(map[string]int, 2*len(s.Members))
		for i, m := range s.Members {
			if _, taken := ti.index[m.Alias]; m.Alias != "" && !taken {
				ti.index[m.Alias] = i
			}
		}
		// A member's own name wins over another member's alias.
		for i, m := range s.Members {
			ti.index[m.Name] = i
		}
	}
	s.info.Store(ti)
	return ti
}

// find returns the index of the member a key names, or -1. Bodies usually
// list members in the model's order, so the member after the previous one
// (hint) is tried first.
func (s *Shape) find(key []byte, hint int) int {
	if hint < len(s.Members) && s.Members[hint].Name == string(key) {
		return hint
	}
	if len(s.Members) > linearMembers {
		if i, ok := s.typeInfo().index[string(key)]; ok {
			return i
		}
		return -1
	}
	alias := -1
	for i := range s.Members {
		m := &s.Members[i]
		if m.Name == string(key) {
			return i
		}
		if alias < 0 && m.Alias != "" && m.Alias == string(key) {
			alias = i
		}
	}
	return alias
}

// held reports whether a structure member of shape s is held through a
// pointer.
func held(s *Shape) bool {
	switch s.Kind {
	case KindEnum, KindBlob, KindDocument, KindList, KindMap:
		return false
	}
	return true
}

// pointerTo returns the data pointer of v, a pointer held in an interface.
func pointerTo(v any) unsafe.Pointer {
	return reflect.ValueOf(v).UnsafePointer()
}
