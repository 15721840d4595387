// Package protocol is what differs between the wire protocols that generated
// clients and mock servers speak, as one interface both sides use.
//
// A protocol is named as the model spells it ("awsJson1_0", "restJson1").
// Nothing else knows which one a service speaks: the generator asks package
// ident whether a name is known and what the protocol lets a spec say (HTTP
// bindings, a target prefix); at run time package registry returns the
// implementation for the name. Through it the client builds its requests
// (RequestLine, SetRequestHeaders, EncodeRequest) and reads its answers
// (DecodeResponse, ReadError, DecodeError), and the mock routes (NewRouter,
// which may read the body), reads requests (DecodeRequest) and writes its
// answers (EncodeResponse, SetResponseHeaders, EncodeError). A protocol
// owns its bodies whole, envelopes included (an awsQuery
// <OperationResponse>, an <ErrorResponse>),
// and reads and writes their content from the shared shape data (package
// schema's Shape, which carries the XML and query traits too); what a
// shape cannot say (the operation, the API version) comes in a Message.
// Members bound to the path, query string and headers go through the
// bindings, which the protocol's traits switch on.
//
// Adding a protocol is:
//   - its identity, one line in package ident (which the generator reads
//     without linking net/http); JSONBody says whether the mock may read
//     its bodies with its exact JSON decoder;
//   - one package under specrt/protocol implementing Protocol (awsjson and
//     restjson are the models to follow; the test double in
//     specrt/mockrt/seam_test.go is one whose bodies have envelopes and
//     whose router reads the body);
//   - its line in package registry;
//   - an emitter in generator/golang only if the protocol needs generated
//     code that the existing emitters do not write, and the importer's
//     mapping from botocore's name for it.
//
// No other code compares protocol names. Two places name one on purpose:
// mockrt.Mux answers requests no mock claims, in no protocol's framing, in
// awsJson1_1, and the importer maps botocore's names ("json" with a
// jsonVersion, "rest-json").
package protocol

import (
	"net/http"

	"github.com/specgen/specgen/specrt/protocol/ident"
	"github.com/specgen/specgen/specrt/schema"
)

// Protocol is one wire protocol.
//
// A protocol owns its bodies whole: the client hands it the operation's
// input to encode and the bytes of a response to decode, the mock the bytes
// of a request and the value of its answer. What the body codec cannot know
// from a shape (the operation, the API version, the XML namespace, the
// result wrapper, the request id) travels in a Message.
type Protocol interface {
	// Identity is the protocol's name and traits, as the generator knows
	// them.
	Identity() *ident.Identity
	// Body is the codec of the protocol's bare bodies: a structure payload
	// member (restJson1, restXml) and anything else that is one shape with
	// no envelope.
	Body() Body

	// RequestLine returns the method and path template of a request for
	// op under targetPrefix; op's own Method and Path are empty when the
	// operation has none.
	RequestLine(targetPrefix string, op Route) (method, path string)
	// SetRequestHeaders sets the protocol's headers of a request: its
	// content type and, for a targeted protocol, the target. For a request
	// without a body the client takes the content type out again.
	SetRequestHeaders(h http.Header, targetPrefix, operation string)
	// EncodeRequest returns the body of a request for m.Operation with the
	// input v, a pointer to the structure s describes. s may be nil (an
	// input with no shape: a protocol may refuse it).
	EncodeRequest(m *Message, s *schema.Shape, v any) ([]byte, error)
	// DecodeResponse decodes the body of a success response to
	// m.Operation into v, a pointer to the structure s describes (s may be
	// nil). Members the shape does not know are skipped. The caller skips
	// empty bodies.
	DecodeResponse(m *Message, data []byte, s *schema.Shape, v any) error
	// ReadError reads what an error response says of itself: its code,
	// message and request id, and whether its members can be decoded.
	ReadError(h http.Header, body []byte) ErrorInfo
	// DecodeError decodes the modeled members of an error response's body
	// into v, a pointer to the error's structure, which s describes (s may
	// be nil). It is called only when ReadError reported Members.
	DecodeError(data []byte, s *schema.Shape, v any) error

	// NewRouter returns the router of a mock serving e's operations.
	NewRouter(e Endpoint) Router
	// NewIndex returns an index over several mocks of this protocol, which
	// narrows the mocks an unsigned request may be for.
	NewIndex(services []Endpoint) Index
	// Address describes how a client reaches op: its target, or its method
	// and path.
	Address(targetPrefix string, op Route) Address
	// DecodeRequest decodes the body of a request for m.Operation into v,
	// a pointer to the input structure s describes (s may be nil). Members
	// the shape does not know are skipped; a body the protocol cannot read
	// is an error whose message says what is wrong, for the mock's
	// serialization error.
	DecodeRequest(m *Message, data []byte, s *schema.Shape, v any) error
	// EncodeResponse returns the body of a success response to
	// m.Operation with the output v, a pointer to the structure s
	// describes (s may be nil). m.RequestID is the response's request id,
	// for a protocol whose bodies carry it.
	EncodeResponse(m *Message, s *schema.Shape, v any) ([]byte, error)
	// SuccessStatus is the status of a success response, given the
	// operation's modeled status (0 when it has none).
	SuccessStatus(modeled int) int
	// SetResponseHeaders sets the protocol's headers of a success
	// response beside its content type (rpcv2Cbor's Smithy-Protocol).
	SetResponseHeaders(h http.Header)
	// EncodeError returns the body of an error response: e's code,
	// message and fault, and the modeled members of v, a pointer to the
	// error's structure that s describes. s and v are nil for an error
	// with no modeled type (the mock's own errors): e alone is encoded.
	// m.Operation is empty when the request named no known operation.
	EncodeError(m *Message, e ErrorBody, s *schema.Shape, v any) ([]byte, error)
	// SetErrorHeaders sets the protocol's headers of an error response
	// with the given code, beside its content type.
	SetErrorHeaders(h http.Header, code string)
	// AuthErrorStatus is the status of an authentication error with the
	// given code.
	AuthErrorStatus(code string) int
}

// GetForm returns the form of a request that sends its members as a GET to
// the root with no body, in its query string, as older clients of the
// query protocols and hand-written requests (curl) do; nil for any other
// request. The routers of the protocols whose Identity has FormInQuery
// read the form there, and the mock hands it to DecodeRequest as the body.
func GetForm(r *http.Request, body []byte) []byte {
	if r.Method != http.MethodGet || len(body) > 0 || r.URL.RawQuery == "" || (r.URL.Path != "/" && r.URL.Path != "") {
		return nil
	}
	return []byte(r.URL.RawQuery)
}

// Message is what a protocol's bodies say beside the shape of their
// content: which operation, of which version of which service. Each side
// fills what it knows; a protocol reads what its envelope needs and ignores
// the rest.
type Message struct {
	// Operation is the operation's wire name.
	Operation string
	// Version is the service's API version ("2010-03-31"): the query
	// protocols send it as Version.
	Version string
	// Namespace is the service's XML namespace
	// ("http://sns.amazonaws.com/doc/2010-03-31/"), for the xmlns of
	// XML responses; "" for none.
	Namespace string
	// Wrapper is the element an awsQuery response's members are wrapped
	// in; "" means "<Operation>Result".
	Wrapper string
	// RequestID is the request id a response body carries (the query
	// protocols' ResponseMetadata).
	RequestID string
}

// ErrorBody is what every protocol's error response says, whatever the
// error's type: the parts of an envelope that are not modeled members.
type ErrorBody struct {
	// Code is the error's code, its shape name.
	Code string
	// Message is the error's message; "" for none.
	Message string
	// Fault is "Sender" when the client is at fault, "Receiver" when the
	// service is, as the query protocols' <Type> says.
	Fault string
}

// The faults of an ErrorBody.
const (
	FaultSender   = "Sender"
	FaultReceiver = "Receiver"
)

// Body encodes and decodes the bare bodies of a protocol: one shape, no
// envelope. A shape describes the Go structure to the codec (package
// schema: kinds, member names, time formats, XML and query traits, the
// same for every protocol).
type Body interface {
	// Marshal encodes v, a pointer to the structure s describes.
	Marshal(s *schema.Shape, v any) ([]byte, error)
	// Unmarshal decodes data into v, a pointer to the structure s
	// describes. Members the shape does not know are skipped.
	Unmarshal(data []byte, s *schema.Shape, v any) error
}

// ErrorInfo is what an error response says of itself.
type ErrorInfo struct {
	// Code is the error's code, reduced to its shape name; "" if none.
	Code string
	// Message is the error's message; "" if none.
	Message string
	// RequestID is the request id the body carries; "" if none (the
	// client then reads it from the headers).
	RequestID string
	// Members reports whether the body is an error envelope of the
	// protocol, so that the error's modeled members can be decoded from it
	// with DecodeError.
	Members bool
}

// Route is an operation as a mock routes to it.
type Route struct {
	Name   string
	Method string // the operation's own method, under HTTPBindings
	Path   string // its path template, under HTTPBindings
}

// Router finds the operation a request is for.
type Router interface {
	// Route returns the index in the router's operations of the one r is
	// for, with the path labels (nil when there are none), or -1 and a
	// short description of r for the error message. body is the request's
	// body as sent, or decompressed when the request was not routed as
	// sent, and nil when the caller has not read it (a Mux routing on
	// headers first); a protocol that names the operation in the body
	// reads it there. A mock answering several protocols asks each router
	// in turn, so a router sees requests of every protocol: it claims only
	// those in its own framing (its content type, header or path: a JSON
	// body may happen to hold an "Action"), and must read any body,
	// however malformed or large, in bounded time and memory. It must not
	// keep or modify body.
	Route(r *http.Request, body []byte) (op int, labels map[string]string, what string)
}

// Endpoint is one mock as a Router or an Index sees it.
type Endpoint struct {
	TargetPrefix string
	// Version is the service's API version, which query requests carry.
	Version string
	Ops     []Route
}

// Index narrows the mocks of one protocol an unsigned request may be for.
type Index interface {
	// Candidates returns the indexes, in increasing order, of the
	// endpoints that may have an operation for r, whose body is body (as
	// Router.Route gets it). The caller must not modify the slice.
	Candidates(r *http.Request, body []byte) []int
}

// Address says how a client calls an operation.
type Address struct {
	Target       string // under a targeted protocol
	Method, Path string // otherwise
}
