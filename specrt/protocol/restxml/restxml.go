// Package restxml is the restXml protocol (S3, Route 53, CloudFront): the
// HTTP bindings of restJson1 (each operation its own method, path template
// and success status; members in the path, query string, headers and status
// code) with XML bodies. A request's body is the input's element (its
// shape's XML name and namespace), a response's the output's; errors are
// <ErrorResponse><Error><Type/><Code/><Message/>...</Error><RequestId/>
// </ErrorResponse>, read with or without the wrapper (S3 sends <Error>
// alone).
package restxml

import (
	"net/http"

	"github.com/specgen/specgen/specrt/protocol"
	"github.com/specgen/specgen/specrt/protocol/ident"
	"github.com/specgen/specgen/specrt/protocol/internal/httproute"
	"github.com/specgen/specgen/specrt/protocol/internal/xmlbody"
	"github.com/specgen/specgen/specrt/schema"
	"github.com/specgen/specgen/specrt/xmlwire"
)

// RestXML is restXml.
var RestXML = &Protocol{}

// Protocol is restXml.
type Protocol struct{}

var _ protocol.Protocol = (*Protocol)(nil)

// contentType is one header value slice shared by every request: nothing on
// the way to the wire modifies header values in place.
var contentType = []string{ident.RestXML.ContentType}

// Identity implements protocol.Protocol.
func (*Protocol) Identity() *ident.Identity { return ident.RestXML }

// Body implements protocol.Protocol: bodies are XML, encoded by package
// xmlwire; a structure payload is the element of its shape.
func (*Protocol) Body() protocol.Body { return xmlbody.Codec{} }

// RequestLine implements protocol.Protocol: the operation's own, POST / when
// it has none.
func (*Protocol) RequestLine(_ string, op protocol.Route) (string, string) {
	if op.Method == "" {
		return http.MethodPost, "/"
	}
	return op.Method, op.Path
}

// SetRequestHeaders implements protocol.Protocol.
func (*Protocol) SetRequestHeaders(h http.Header, _, _ string) {
	h["Content-Type"] = contentType
}

// EncodeRequest implements protocol.Protocol: the input's element.
func (*Protocol) EncodeRequest(_ *protocol.Message, s *schema.Shape, v any) ([]byte, error) {
	if s == nil {
		return nil, xmlbody.ErrNoShape
	}
	return xmlwire.Marshal(s, v)
}

// DecodeRequest implements protocol.Protocol: the root element's children,
// whatever its name.
func (*Protocol) DecodeRequest(_ *protocol.Message, data []byte, s *schema.Shape, v any) error {
	return decode(data, s, v)
}

// EncodeResponse implements protocol.Protocol: the output's element,
// declaring the service's namespace when the shape declares none, as
// Route 53 and S3 do.
func (*Protocol) EncodeResponse(m *protocol.Message, s *schema.Shape, v any) ([]byte, error) {
	if s == nil {
		return nil, xmlbody.ErrNoShape
	}
	if m == nil || m.Namespace == "" || s.XML != nil && s.XML.NS != nil {
		return xmlwire.Marshal(s, v)
	}
	name := ""
	if s.XML != nil {
		name = s.XML.Name
	}
	return xmlwire.MarshalElement(name, &schema.XMLNamespace{URI: m.Namespace}, s, v)
}

// DecodeResponse implements protocol.Protocol.
func (*Protocol) DecodeResponse(_ *protocol.Message, data []byte, s *schema.Shape, v any) error {
	return decode(data, s, v)
}

// decode reads the root element's children into v, or checks that the body
// is well-formed when there is no shape to read it into.
func decode(data []byte, s *schema.Shape, v any) error {
	if s == nil {
		return xmlbody.Skip(data)
	}
	return xmlwire.Unmarshal(data, s, v)
}

// ReadError implements protocol.Protocol: the code, message and request id
// of an <ErrorResponse>, or of a bare <Error>.
func (*Protocol) ReadError(_ http.Header, body []byte) protocol.ErrorInfo {
	return xmlbody.ReadError(body)
}

// DecodeError implements protocol.Protocol: the members are the children of
// <Error>.
func (*Protocol) DecodeError(data []byte, s *schema.Shape, v any) error {
	return xmlbody.DecodeError(data, s, v)
}

// EncodeError implements protocol.Protocol: an <ErrorResponse>.
func (*Protocol) EncodeError(m *protocol.Message, e protocol.ErrorBody, s *schema.Shape, v any) ([]byte, error) {
	requestID := ""
	if m != nil {
		requestID = m.RequestID
	}
	return xmlbody.EncodeError(requestID, e, s, v)
}

// SuccessStatus implements protocol.Protocol: the modeled one, 200 when
// there is none.
func (*Protocol) SuccessStatus(modeled int) int {
	if modeled == 0 {
		return http.StatusOK
	}
	return modeled
}

// SetResponseHeaders implements protocol.Protocol: restXml has none.
func (*Protocol) SetResponseHeaders(http.Header) {}

// SetErrorHeaders implements protocol.Protocol: restXml says an error's code
// in its body only.
func (*Protocol) SetErrorHeaders(http.Header, string) {}

// AuthErrorStatus implements protocol.Protocol: 403, except for a request
// whose signature is incomplete, which is malformed (400).
func (*Protocol) AuthErrorStatus(code string) int {
	if code == "IncompleteSignatureException" {
		return http.StatusBadRequest
	}
	return http.StatusForbidden
}

// Address implements protocol.Protocol.
func (*Protocol) Address(_ string, op protocol.Route) protocol.Address {
	return protocol.Address{Method: op.Method, Path: op.Path}
}

// NewRouter implements protocol.Protocol with the shared router of the
// protocols with HTTP bindings.
func (*Protocol) NewRouter(e protocol.Endpoint) protocol.Router { return httproute.NewRouter(e.Ops) }

// NewIndex implements protocol.Protocol with the shared index of the
// protocols with HTTP bindings.
func (*Protocol) NewIndex(services []protocol.Endpoint) protocol.Index {
	return httproute.NewIndex(services)
}
