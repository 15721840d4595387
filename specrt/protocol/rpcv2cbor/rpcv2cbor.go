// Package rpcv2cbor is Smithy's RPC v2 CBOR protocol (rpcv2Cbor, botocore's
// "smithy-rpc-v2-cbor"; CloudWatch speaks it first): every request is
// POST /service/<Service>/operation/<Operation>, where <Service> is the
// service's shape name (botocore's targetPrefix), with the header
// smithy-protocol: rpc-v2-cbor and CBOR bodies encoded by package cborwire.
// An error is a CBOR map of the error's members beside "__type", its code
// (a shape id or a bare name; clients reduce it to the name).
package rpcv2cbor

import (
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"unsafe"

	"github.com/specgen/specgen/specrt/cborwire"
	"github.com/specgen/specgen/specrt/protocol"
	"github.com/specgen/specgen/specrt/protocol/ident"
	"github.com/specgen/specgen/specrt/protocol/internal/jsonerror"
	"github.com/specgen/specgen/specrt/schema"
)

// Headers and values of the protocol.
const (
	// HeaderProtocol names the protocol on every request and response.
	HeaderProtocol = "Smithy-Protocol"
	// ProtocolName is HeaderProtocol's value.
	ProtocolName = "rpc-v2-cbor"
)

// RPCv2CBOR is the protocol.
var RPCv2CBOR = &Protocol{}

// Protocol is rpcv2Cbor. It has no state.
type Protocol struct{}

var _ protocol.Protocol = (*Protocol)(nil)

// Every request and response shares these header values: nothing on the
// way to the wire modifies header values in place.
var (
	contentType  = []string{ident.RPCv2CBOR.ContentType}
	protocolName = []string{ProtocolName}
)

// Identity implements protocol.Protocol.
func (*Protocol) Identity() *ident.Identity { return ident.RPCv2CBOR }

// Body implements protocol.Protocol: bodies are CBOR, encoded by package
// cborwire.
func (*Protocol) Body() protocol.Body { return Codec{} }

// Codec is the CBOR body codec: package cborwire behind protocol.Body.
type Codec struct{}

// Marshal implements protocol.Body with cborwire.Marshal. A structure
// without a shape is one with no members (the generator describes no
// other): it is the empty map.
func (Codec) Marshal(s *schema.Shape, v any) ([]byte, error) {
	if s == nil {
		if !memberless(v) {
			return nil, fmt.Errorf("rpcv2Cbor cannot encode a %T without its shape", v)
		}
		return []byte{0xa0}, nil
	}
	return cborwire.Marshal(s, v)
}

// Unmarshal implements protocol.Body with cborwire.Unmarshal. A structure
// without a shape has no members: the body is checked and skipped.
func (Codec) Unmarshal(data []byte, s *schema.Shape, v any) error {
	if s == nil {
		if !memberless(v) {
			return fmt.Errorf("rpcv2Cbor cannot decode a %T without its shape", v)
		}
		s = &noMembers
	}
	return cborwire.Unmarshal(data, s, v)
}

// noMembers is the shape of a structure with no members.
var noMembers = schema.Shape{Kind: schema.KindStruct}

// memberless reports whether v is nil or a pointer to a structure with no
// fields.
func memberless(v any) bool {
	if v == nil {
		return true
	}
	t := reflect.TypeOf(v)
	return t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct && t.Elem().NumField() == 0
}

// Path returns the path of operation op of the service named service.
func Path(service, op string) string {
	return "/service/" + service + "/operation/" + op
}

// SplitPath splits a request path into its service and operation; ok is
// false when the path is not of the protocol's form.
func SplitPath(path string) (service, op string, ok bool) {
	rest, found := strings.CutPrefix(path, "/service/")
	if !found {
		return "", "", false
	}
	service, op, found = strings.Cut(rest, "/operation/")
	if !found || service == "" || op == "" || strings.Contains(op, "/") {
		return "", "", false
	}
	return service, op, true
}

// RequestLine implements protocol.Protocol: POST to the operation's path.
func (*Protocol) RequestLine(targetPrefix string, op protocol.Route) (string, string) {
	return http.MethodPost, Path(targetPrefix, op.Name)
}

// SetRequestHeaders implements protocol.Protocol: the CBOR content type, and
// the protocol's name and the media type the client accepts.
func (*Protocol) SetRequestHeaders(h http.Header, _, _ string) {
	h["Content-Type"] = contentType
	h["Accept"] = contentType
	h[HeaderProtocol] = protocolName
}

// EncodeRequest implements protocol.Protocol.
func (*Protocol) EncodeRequest(_ *protocol.Message, s *schema.Shape, v any) ([]byte, error) {
	return Codec{}.Marshal(s, v)
}

// DecodeResponse implements protocol.Protocol.
func (*Protocol) DecodeResponse(_ *protocol.Message, data []byte, s *schema.Shape, v any) error {
	return Codec{}.Unmarshal(data, s, v)
}

// DecodeRequest implements protocol.Protocol. An empty body is an empty
// input (an operation without input sends none).
func (*Protocol) DecodeRequest(_ *protocol.Message, data []byte, s *schema.Shape, v any) error {
	return Codec{}.Unmarshal(data, s, v)
}

// EncodeResponse implements protocol.Protocol.
func (*Protocol) EncodeResponse(_ *protocol.Message, s *schema.Shape, v any) ([]byte, error) {
	return Codec{}.Marshal(s, v)
}

// envelope is what an error body says of itself beside its members.
type envelope struct {
	Type, Message, MessageCap, Code *string
}

var schemaEnvelope = schema.Shape{Kind: schema.KindStruct, Type: (*envelope)(nil), Members: []schema.Member{
	{Name: "__type", Offset: unsafe.Offsetof(envelope{}.Type), Shape: &schema.String},
	{Name: "message", Offset: unsafe.Offsetof(envelope{}.Message), Shape: &schema.String},
	{Name: "Message", Offset: unsafe.Offsetof(envelope{}.MessageCap), Shape: &schema.String},
	{Name: "code", Offset: unsafe.Offsetof(envelope{}.Code), Shape: &schema.String},
}}

// ReadError implements protocol.Protocol: the code is the body's "__type"
// (else "code"), reduced to the shape name; the message is "message" or
// "Message". A body that is not a CBOR map has no members; one whose
// envelope members are not text strings has no code.
func (*Protocol) ReadError(_ http.Header, body []byte) protocol.ErrorInfo {
	var info protocol.ErrorInfo
	if len(body) == 0 || body[0]>>5 != 5 { // major type 5: a map
		return info
	}
	info.Members = true
	var e envelope
	if cborwire.Unmarshal(body, &schemaEnvelope, &e) != nil {
		return info
	}
	switch {
	case e.Type != nil:
		info.Code = jsonerror.SanitizeCode(*e.Type)
	case e.Code != nil:
		info.Code = jsonerror.SanitizeCode(*e.Code)
	}
	switch {
	case e.Message != nil:
		info.Message = *e.Message
	case e.MessageCap != nil:
		info.Message = *e.MessageCap
	}
	return info
}

// DecodeError implements protocol.Protocol: the error's members are the
// body's, beside "__type".
func (*Protocol) DecodeError(data []byte, s *schema.Shape, v any) error {
	return Codec{}.Unmarshal(data, s, v)
}

// EncodeError implements protocol.Protocol: "__type" set to the code, then
// the error's modeled members. An error without a shape carries its
// message, if it has one, as "message". The fault is said by the status
// alone.
func (*Protocol) EncodeError(_ *protocol.Message, e protocol.ErrorBody, s *schema.Shape, v any) ([]byte, error) {
	if s == nil {
		var env envelope
		env.Type = &e.Code
		if e.Message != "" {
			env.Message = &e.Message
		}
		return cborwire.Marshal(&schemaEnvelope, &env)
	}
	members, err := cborwire.Marshal(s, v)
	if err != nil {
		return nil, err
	}
	return cborwire.PrependText(members, "__type", e.Code)
}

// NewRouter implements protocol.Protocol: operations by path, for POST
// only.
func (*Protocol) NewRouter(e protocol.Endpoint) protocol.Router {
	rt := router{}
	for i, op := range e.Ops {
		rt[Path(e.TargetPrefix, op.Name)] = i
	}
	return rt
}

type router map[string]int

func (rt router) Route(r *http.Request, _ []byte) (int, map[string]string, string) {
	if op, ok := rt[r.URL.Path]; ok && r.Method == http.MethodPost {
		return op, nil, ""
	}
	return -1, nil, r.Method + " " + r.URL.Path
}

// NewIndex implements protocol.Protocol: mocks by service name.
func (*Protocol) NewIndex(services []protocol.Endpoint) protocol.Index {
	x := index{}
	for i, s := range services {
		x[s.TargetPrefix] = append(x[s.TargetPrefix], i)
	}
	return x
}

type index map[string][]int

func (x index) Candidates(r *http.Request, _ []byte) []int {
	service, _, ok := SplitPath(r.URL.Path)
	if !ok {
		return nil
	}
	return x[service]
}

// Address implements protocol.Protocol.
func (*Protocol) Address(targetPrefix string, op protocol.Route) protocol.Address {
	return protocol.Address{Method: http.MethodPost, Path: Path(targetPrefix, op.Name)}
}

// SuccessStatus implements protocol.Protocol: always 200.
func (*Protocol) SuccessStatus(int) int { return http.StatusOK }

// SetResponseHeaders implements protocol.Protocol: a success response says
// its protocol, as every message of rpcv2Cbor does.
func (*Protocol) SetResponseHeaders(h http.Header) {
	h[HeaderProtocol] = protocolName
}

// SetErrorHeaders implements protocol.Protocol: the code travels in the
// body's __type; the header names the protocol, as on every response.
func (*Protocol) SetErrorHeaders(h http.Header, _ string) {
	h[HeaderProtocol] = protocolName
}

// AuthErrorStatus implements protocol.Protocol: 400 for a malformed
// signature, 403 for one that is refused.
func (*Protocol) AuthErrorStatus(code string) int {
	if code == "IncompleteSignatureException" {
		return http.StatusBadRequest
	}
	return http.StatusForbidden
}
