package model

import "github.com/specgen/specgen/specrt/protocol/ident"

// Issue 12's additions: what the XML and query protocols (restXml, awsQuery,
// ec2Query) need to know of a service beyond its shapes' wire names.

// XMLNamespace is an xmlns declaration: xmlns="URI", or xmlns:Prefix="URI".
type XMLNamespace struct {
	Prefix, URI string
}

// XMLShape is what the XML traits say of a shape; nil on a shape that has
// none.
type XMLShape struct {
	// Name is the element of a structure that is a whole body (an input or
	// output under restXml, a structure payload); "" for the shape's name.
	Name string
	// NS is the namespace declared on that element (structures), or on the
	// element of every member holding the shape (lists, maps, scalars).
	NS *XMLNamespace
	// Flattened makes every member holding this list or map flattened.
	Flattened bool
	// MemberName and MemberNS are a list's item element ("" for member).
	MemberName string
	MemberNS   *XMLNamespace
	// KeyName, KeyNS, ValueName and ValueNS are a map's entry elements
	// ("" for key and value).
	KeyName, ValueName string
	KeyNS, ValueNS     *XMLNamespace
}

// XMLMember is what the XML and query traits say of a member; nil on a
// member that has none.
type XMLMember struct {
	// Attribute makes a scalar member an attribute of its structure's
	// element.
	Attribute bool
	// Flattened is set when the member's list or map is flattened, by the
	// member or by its shape: its items repeat the member's element.
	Flattened bool
	// NS is the namespace declared on the member's element: its own, or
	// its shape's.
	NS *XMLNamespace
	// QueryName is the member's ec2Query key; "" derives it from Name.
	QueryName string
	// Name is, on a structure payload member, the element of the body,
	// in place of its shape's XML name (Smithy's xmlName on the member:
	// restXml's HttpPayloadWithMemberXmlName); "" for the shape's.
	Name string
}

// SpeaksXML reports whether the client or the mock of s speaks a protocol
// with XML bodies or query keys, which read the XML traits.
func (s *Service) SpeaksXML() bool {
	return s.Speaks(ident.RestXML, ident.AWSQuery, ident.EC2Query)
}

// Speaks reports whether the service's protocol, or any protocol it lists,
// is one of ids.
func (s *Service) Speaks(ids ...*ident.Identity) bool {
	for _, id := range ids {
		if s.Protocol == id {
			return true
		}
		for _, p := range s.Protocols {
			if p == id.Name {
				return true
			}
		}
	}
	return false
}
