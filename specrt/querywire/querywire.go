// Package querywire is the form codec of the query protocols (awsQuery and
// ec2Query): request bodies in application/x-www-form-urlencoded, encoded
// by clients and decoded by mocks, from the same shape data as every other
// body codec (package schema's Shape and Member, with the query traits in
// Member.XML).
//
// A request body names the operation and the API version first
// (Action=Op&Version=V), then one key per scalar, its path spelled with
// dots:
//
//   - a structure member is its key (awsQuery: Member.Name; ec2Query:
//     XML.QueryName, else Name with its first letter upper-cased), nested
//     members Outer.Inner;
//   - awsQuery lists are A.member.1, A.member.2 (or A.<ElemName>.N), and
//     flattened lists A.1; an empty list is A= so that the service can tell
//     it from an absent one. ec2Query lists are always A.1, A.2, and an
//     empty list is left out;
//   - maps are A.entry.N.key and A.entry.N.value (or the map's own key and
//     value names), flattened A.N.key; entries in the order of their keys;
//     an empty map is left out;
//   - timestamps are RFC 3339 date-times by default, blobs standard base64,
//     NaN and the infinities "NaN", "Infinity" and "-Infinity".
//
// Decoding is strict, as the mock must refuse what the service refuses and
// must not be made to spend without bound: malformed percent-encoding, a
// repeated key, a key that fits no member, a list index that is not 1..n
// (A.member.999999999 allocates nothing), more than MaxKeys keys or keys of
// more than MaxSegments segments are each an *Error naming the key.
package querywire

import (
	"reflect"
	"strings"

	"github.com/specgen/specgen/specrt/internal/codec"
	"github.com/specgen/specgen/specrt/schema"
)

// Dialect is which of the two query protocols spells the keys.
type Dialect uint8

// The dialects.
const (
	// AWSQuery is awsQuery's: member names as modeled, wrapped lists.
	AWSQuery Dialect = iota
	// EC2Query is ec2Query's: query names or capitalised member names,
	// lists always flattened, empty lists left out.
	EC2Query
	numDialects
)

// The bounds of decoding.
const (
	// MaxKeys is the largest number of keys a body may have.
	MaxKeys = 10000
	// MaxSegments is the largest number of dot-separated segments a key
	// may have.
	MaxSegments = 64
)

// The reserved keys of every request.
const (
	keyAction  = "Action"
	keyVersion = "Version"
)

// shapeInfo is what the codec works out once per shape, kept in the
// shape's schema.SlotQuery.
type shapeInfo struct {
	typ  reflect.Type // the struct, slice or map type
	elem reflect.Type // a slice's element or a map's value
	size uintptr      // the size of elem

	// keys are a structure's members' keys in each dialect; index finds a
	// member by its key.
	keys  [numDialects][]string
	index [numDialects]map[string]int

	// item is the segment of a wrapped list's items; entry, key and value
	// those of a map's entries.
	item, key, value string
}

// infoOf returns the shape's shapeInfo, working it out on first use.
func infoOf(s *schema.Shape) *shapeInfo {
	if c := s.Cached(schema.SlotQuery); c != nil {
		return c.(*shapeInfo)
	}
	in := &shapeInfo{item: "member", key: "key", value: "value"}
	in.typ, in.elem, in.size = codec.GoTypes(s)
	if x := s.XML; x != nil {
		if x.ElemName != "" {
			in.item = x.ElemName
		}
		if x.KeyName != "" {
			in.key = x.KeyName
		}
		if x.ValueName != "" {
			in.value = x.ValueName
		}
	}
	if s.Kind == schema.KindStruct {
		for d := range numDialects {
			keys := make([]string, len(s.Members))
			index := make(map[string]int, len(s.Members))
			for i := range s.Members {
				keys[i] = memberKey(d, &s.Members[i])
				if _, dup := index[keys[i]]; !dup {
					index[keys[i]] = i
				}
			}
			in.keys[d], in.index[d] = keys, index
		}
	}
	s.SetCached(schema.SlotQuery, in)
	return in
}

// memberKey is the key of member m in dialect d.
func memberKey(d Dialect, m *schema.Member) string {
	if d == AWSQuery {
		return m.Name
	}
	if m.XML != nil && m.XML.QueryName != "" {
		return m.XML.QueryName
	}
	return upperFirst(m.Name)
}

// upperFirst returns name with its first letter upper-cased, as ec2Query
// spells the keys of members without a query name.
func upperFirst(name string) string {
	if name == "" || name[0] < 'a' || name[0] > 'z' {
		return name
	}
	return strings.ToUpper(name[:1]) + name[1:]
}

// flat reports whether a list or map member travels flattened in dialect d.
func flat(d Dialect, m *schema.Member) bool {
	if d == EC2Query && m.Shape.Kind == schema.KindList {
		return true
	}
	return m.XML != nil && m.XML.Flat
}
