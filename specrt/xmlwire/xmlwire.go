// Package xmlwire is the XML body codec: restXml's bodies and the XML
// responses of the query protocols (awsQuery, ec2Query). It encodes and
// decodes any generated type from the shape data of package schema, which
// every body codec reads (schema.Shape, with the XML traits in Shape.XML and
// Member.XML), reading and writing fields through their offsets.
//
// Encoding writes a structure as an element whose children are its members
// in the shape's order, attribute members on its start tag, namespaces
// (xmlns, xmlns:prefix) where the shape data declares them. Lists nest
// their items under the member's element (<member>, or the list's item
// name) unless flattened, when each item repeats the member's element; maps
// hold <entry> elements of <key> and <value> (or the map's names), and a
// flattened map repeats the member's element for each entry, in key order.
// Timestamps without a timestampFormat trait are RFC 3339 date-times, blobs
// base64, floats NaN, Infinity and -Infinity when not finite.
//
// Decoding is a scanner of its own rather than encoding/xml's token stream,
// which allocates for each name, attribute and piece of text and costs most
// of what a large response takes to read. It matches elements and
// attributes by local name (prefixes are not resolved, as the AWS SDKs do
// not resolve them), skips what the shape does not know, and bounds
// nesting. It reads the five predefined entities and character references
// and refuses any other entity and any document type declaration, so that
// no body can define an entity, expand one (billion laughs) or reach an
// external one.
package xmlwire

import (
	"reflect"
	"strings"

	"github.com/specgen/specgen/specrt/internal/codec"
	"github.com/specgen/specgen/specrt/schema"
)

// info is what the codec works out once per shape, kept in the shape's
// schema.SlotXML.
type info struct {
	typ  reflect.Type // the struct, slice or map type
	elem reflect.Type // a slice's element or a map's value
	size uintptr      // the size of elem

	// A structure's.
	name    string   // its element name as a whole body
	local   []string // each member's local name (its name after any prefix)
	attrs   []int    // the attribute members
	byLocal map[string]int

	// A list's item, a map's key and value.
	item, key, value       string
	itemNS, keyNS, valueNS *schema.XMLNamespace
}

// linearMembers is the number of element members up to which a structure
// finds a member by comparing names in turn rather than through a map.
const linearMembers = 8

// infoOf returns the shape's info, working it out on first use.
func infoOf(s *schema.Shape) *info {
	if v := s.Cached(schema.SlotXML); v != nil {
		return v.(*info)
	}
	in := &info{item: "member", key: "key", value: "value"}
	in.typ, in.elem, in.size = codec.GoTypes(s)
	if x := s.XML; x != nil {
		in.name = x.Name
		if x.ElemName != "" {
			in.item = x.ElemName
		}
		if x.KeyName != "" {
			in.key = x.KeyName
		}
		if x.ValueName != "" {
			in.value = x.ValueName
		}
		in.itemNS, in.keyNS, in.valueNS = x.ElemNS, x.KeyNS, x.ValueNS
	}
	if in.name == "" && in.typ != nil {
		// A shape the generator gave no element name to is named after its
		// Go type, which is the shape's name.
		in.name = in.typ.Name()
	}
	if s.Kind == schema.KindStruct {
		in.local = make([]string, len(s.Members))
		elems := 0
		for i := range s.Members {
			m := &s.Members[i]
			in.local[i] = localName(m.Name)
			if m.XML != nil && m.XML.Attr {
				in.attrs = append(in.attrs, i)
			} else {
				elems++
			}
		}
		if elems > linearMembers {
			// Names first, then aliases: a member's own name wins over
			// another's alias.
			in.byLocal = make(map[string]int, elems)
			for _, alias := range []bool{false, true} {
				for i := range s.Members {
					m := &s.Members[i]
					name := in.local[i]
					if alias {
						name = m.Alias
					}
					if _, dup := in.byLocal[name]; !isAttr(m) && name != "" && !dup {
						in.byLocal[name] = i
					}
				}
			}
		}
	}
	s.SetCached(schema.SlotXML, in)
	return in
}

// localName is name without its namespace prefix.
func localName(name string) string {
	if i := strings.LastIndexByte(name, ':'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// isAttr reports whether m is an attribute of its structure's element.
func isAttr(m *schema.Member) bool { return m.XML != nil && m.XML.Attr }

// isFlat reports whether m is a flattened list or map.
func isFlat(m *schema.Member) bool { return m.XML != nil && m.XML.Flat }

// memberNS is the namespace declared on m's element: the member's own, or
// else that of the structure it holds.
func memberNS(m *schema.Member) *schema.XMLNamespace {
	if m.XML != nil && m.XML.NS != nil {
		return m.XML.NS
	}
	if m.Shape != nil && m.Shape.Kind == schema.KindStruct && m.Shape.XML != nil {
		return m.Shape.XML.NS
	}
	return nil
}
