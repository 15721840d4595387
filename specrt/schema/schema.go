// Package schema describes the Go types of generated packages to the body
// codecs, as data: a Shape per structure, list and map (and shared ones for
// the scalars), a Member per body member with its wire name, the traits
// that say how it travels (timestamp format, XML and query names and
// namespaces) and its field's offset in the Go structure.
//
// One description serves every protocol; what differs between protocols is
// which codec reads it: package jsonwire (the JSON bodies of awsJson1_0,
// awsJson1_1 and restJson1), package xmlwire (restXml's bodies and the
// query protocols' XML responses), package querywire (the form-encoded
// requests of awsQuery and ec2Query) and package cborwire (rpcv2Cbor).
// Generated packages declare one Shape per structure, list and map of a
// request or response body, in their schemas.go; wire names and formats
// are model data here, not struct tags: DESIGN.md's second seam.
//
// Each codec works out once per shape what it needs to read and write it
// fast (the Go type, an index of the members) and keeps that in its own
// Slot of the shape (Cached, SetCached), so that no codec knows another.
package schema

import "sync/atomic"

// Kind is what a shape holds, as far as the codecs are concerned.
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
	KindFloat32                  // float32; NaN and ±Inf travel as strings in JSON
	KindFloat64                  // float64; NaN and ±Inf travel as strings in JSON
	KindTime                     // time.Time in Shape.Format
	KindBlob                     // []byte, base64 in text bodies
	KindDocument                 // a []byte type holding JSON text
	KindStruct                   // a structure or union
	KindList                     // []T
	KindMap                      // map[string]T
)

// Held reports whether a structure member of shape s is held through a
// pointer, as the generator lays out structures (see the kinds above).
func (s *Shape) Held() bool {
	switch s.Kind {
	case KindEnum, KindBlob, KindDocument, KindList, KindMap:
		return false
	}
	return true
}

// TimeFormat is the wire form of a timestamp.
type TimeFormat uint8

// The timestamp formats of the timestampFormat trait.
const (
	EpochSecondsFormat TimeFormat = iota // a number of seconds
	ISO8601Format                        // an RFC 3339 date-time string
	HTTPDateFormat                       // an RFC 7231 HTTP date string
	// DefaultTimeFormat is a member without a timestampFormat trait: the
	// protocol's default, which is epoch seconds in the JSON protocols, an
	// RFC 3339 date-time in the XML and query protocols and a tagged epoch
	// in CBOR. A service that speaks several protocols (CloudWatch) shares
	// its shapes between them.
	DefaultTimeFormat
)

// Shape describes a Go type of a generated package to the body codecs.
// Generated code declares one per structure, list and map shape; scalars
// use the shared values below (String, Int32, ...).
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
	// shape ((*Service)(nil), (*[]Service)(nil)): the codecs allocate
	// values of it.
	Type any
	// XML is how the shape travels in XML bodies (restXml, and the query
	// protocols' responses); nil for the defaults.
	XML *XMLShape

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
// per shape.
type Slot int

// The slots, one per body codec.
const (
	SlotJSON Slot = iota
	SlotXML
	SlotQuery
	SlotCBOR
	numSlots
)

// Named returns s as a whole body whose element is name: a copy of s, its
// members shared, whose XML names that element. A restXml structure
// payload member may name the body's element itself, in place of its
// shape's (Smithy's xmlName on the member), while other members holding
// the shape keep the shape's.
func (s *Shape) Named(name string) *Shape {
	x := XMLShape{}
	if s.XML != nil {
		x = *s.XML
	}
	x.Name = name
	return &Shape{Kind: s.Kind, Format: s.Format, Members: s.Members, Elem: s.Elem, Type: s.Type, XML: &x}
}

// Cached returns what the codec of slot stored for s, or nil.
func (s *Shape) Cached(slot Slot) any { return s.cache[slot].Load() }

// SetCached stores v, which must be a pointer and of the same type each
// time, as what the codec of slot worked out for s. Two goroutines may
// race to store equal values; either wins.
func (s *Shape) SetCached(slot Slot, v any) { s.cache[slot].Store(v) }

// Member is a structure member that travels in the body.
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
