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
// base64 and documents as raw JSON text. Strings are copied into shared
// chunks of text of up to 8 KiB (a decoded value keeps its strings' chunks
// alive, not the body), and pointers to scalars are carved from small
// blocks, so a large response costs a fraction of the allocations of one
// value at a time.
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
	EpochSecondsFormat TimeFormat = iota // a JSON number of seconds
	ISO8601Format                        // an RFC 3339 date-time string
	HTTPDateFormat                       // an RFC 7231 HTTP date string
	// DefaultTimeFormat is a member without a timestampFormat trait: the
	// protocol's default, which is epoch seconds in the JSON protocols, an
	// RFC 3339 date-time in the XML and query protocols and a tagged epoch
	// in CBOR. A service that speaks several protocols (CloudWatch) shares
	// its shapes between them.
	DefaultTimeFormat
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
	// XML is how the shape travels in XML bodies (restXml, and the query
	// protocols' responses); nil for the defaults.
	XML *XMLShape

	info  atomic.Pointer[typeInfo]
	cache [numSlots]atomic.Value
}

// XMLShape is what the XML traits say of a shape. Empty fields take the
// defaults: a wrapped list's items are <member>, a map's entries <entry>
// holding <key> and <value>.
type XMLShape struct {
	// Name is the element of a structure that is a whole body (an
	// operation's input under restXml, a structure payload); "" for the
	// shape's own name, which the generator fills in.
	Name string
	// NS is the namespace declared on that element.
	NS *XMLNamespace
	// ElemName and ElemNS are a list's item element and its namespace.
	ElemName string
	ElemNS   *XMLNamespace
	// KeyName, KeyNS, ValueName and ValueNS are a map's key and value
	// elements and their namespaces.
	KeyName, ValueName string
	KeyNS, ValueNS     *XMLNamespace
}

// XMLNamespace is an xmlns declaration: xmlns="URI", or xmlns:Prefix="URI".
type XMLNamespace struct {
	Prefix, URI string
}

// XMLMember is what the XML and query traits say of a structure member.
type XMLMember struct {
	// Attr makes the member an attribute of its structure's element.
	Attr bool
	// Flat makes a list or map member flattened: its items repeat the
	// member's own element (or query key) instead of nesting under it.
	Flat bool
	// NS is the namespace declared on the member's element.
	NS *XMLNamespace
	// QueryName is the member's ec2Query key (the queryName trait); ""
	// derives it from Name.
	QueryName string
}

// Slot is a codec's own place in every Shape for what it works out once
// per shape; package jsonwire keeps its own in a field.
type Slot int

// The slots, one per codec beside jsonwire.
const (
	SlotXML Slot = iota
	SlotQuery
	SlotCBOR
	numSlots
)

// Cached returns what the codec of slot stored for s, or nil.
func (s *Shape) Cached(slot Slot) any { return s.cache[slot].Load() }

// SetCached stores v, which must be a pointer and of the same type each
// time, as what the codec of slot worked out for s. Two goroutines may
// race to store equal values; either wins.
func (s *Shape) SetCached(slot Slot, v any) { s.cache[slot].Store(v) }

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
	// XML is what the XML and query traits say of the member; nil for the
	// defaults.
	XML *XMLMember
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
	Timestamp    = Shape{Kind: KindTime, Format: DefaultTimeFormat}
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
	index nameTable      // member by wire name or alias
	order []atomic.Int32 // a struct's member order, learned: see decoder.object
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
		ti.index = newNameTable(s.Members)
	}
	if s.Kind == KindStruct {
		ti.order = make([]atomic.Int32, len(s.Members)+1)
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
		return s.typeInfo().index.find(key)
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

// nameTable finds the member a wire name or alias names: open addressing
// with linear probing over a power-of-two table at most half full, hashed
// on the name's length and three of its bytes, which tell a structure's
// member names apart nearly always, at a fraction of the cost of hashing
// every byte.
type nameTable struct {
	mask  uint32
	slots []nameSlot
}

// nameSlot is an entry of a nameTable.
type nameSlot struct {
	name  string
	index int // the member's index plus one; 0 for an empty slot
}

// newNameTable indexes members by name, then by alias: a member's own name
// wins over another member's alias, and the first of two equal aliases
// wins.
func newNameTable(members []Member) nameTable {
	names := len(members)
	for _, m := range members {
		if m.Alias != "" {
			names++
		}
	}
	size := uint32(4)
	for size < 2*uint32(names) {
		size *= 2
	}
	t := nameTable{mask: size - 1, slots: make([]nameSlot, size)}
	for i, m := range members {
		t.add(m.Name, i)
	}
	for i, m := range members {
		if m.Alias != "" && t.find([]byte(m.Alias)) < 0 {
			t.add(m.Alias, i)
		}
	}
	return t
}

func (t *nameTable) add(name string, i int) {
	for h := nameHash([]byte(name)); ; h++ {
		if sl := &t.slots[h&t.mask]; sl.index == 0 {
			*sl = nameSlot{name: name, index: i + 1}
			return
		} else if sl.name == name {
			return // a repeated name: the first keeps it
		}
	}
}

// find returns the index of the member key names, or -1.
func (t *nameTable) find(key []byte) int {
	for h := nameHash(key); ; h++ {
		sl := &t.slots[h&t.mask]
		if sl.index == 0 {
			return -1
		}
		if sl.name == string(key) {
			return sl.index - 1
		}
	}
}

// nameHash hashes a name's length and its first, middle and last bytes.
func nameHash(k []byte) uint32 {
	n := len(k)
	if n == 0 {
		return 0
	}
	h := uint32(n) ^ uint32(k[0])<<8 ^ uint32(k[n/2])<<16 ^ uint32(k[n-1])<<24
	h *= 0x9E3779B1
	return h ^ h>>16
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
