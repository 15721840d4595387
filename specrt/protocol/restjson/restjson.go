// Package restjson is the restJson1 protocol: each operation has its own
// method, path template and success status; members may travel in the path,
// the query string, headers and the status code (HTTP bindings), the rest in
// a JSON body; an error's code may travel in the X-Amzn-ErrorType header.
package restjson

import (
	"net/http"

	"github.com/specgen/specgen/specrt/protocol"
	"github.com/specgen/specgen/specrt/protocol/ident"
	"github.com/specgen/specgen/specrt/protocol/internal/httproute"
	"github.com/specgen/specgen/specrt/protocol/internal/jsonbody"
	"github.com/specgen/specgen/specrt/protocol/internal/jsonerror"
)

// RestJSON1 is restJson1.
var RestJSON1 = &Protocol{}

// Protocol is restJson1.
type Protocol struct{ jsonbody.Messages }

var _ protocol.Protocol = (*Protocol)(nil)

// contentType is one header value slice shared by every request: nothing on
// the way to the wire modifies header values in place.
var contentType = []string{ident.RestJSON1.ContentType}

// Identity implements protocol.Protocol.
func (*Protocol) Identity() *ident.Identity { return ident.RestJSON1 }

// Body implements protocol.Protocol: bodies are JSON, encoded by package
// jsonwire.
func (*Protocol) Body() protocol.Body { return jsonbody.Codec{} }

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

// ReadError implements protocol.Protocol.
func (*Protocol) ReadError(h http.Header, body []byte) protocol.ErrorInfo {
	return jsonerror.Read(h, body)
}

// SuccessStatus implements protocol.Protocol: the modeled one, 200 when
// there is none.
func (*Protocol) SuccessStatus(modeled int) int {
	if modeled == 0 {
		return http.StatusOK
	}
	return modeled
}

// SetResponseHeaders implements protocol.Protocol: restJson1 has none.
func (*Protocol) SetResponseHeaders(http.Header) {}

// SetErrorHeaders implements protocol.Protocol: the code goes into
// X-Amzn-ErrorType too, where clients look first.
func (*Protocol) SetErrorHeaders(h http.Header, code string) {
	h.Set(jsonerror.HeaderErrorType, code)
}

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
