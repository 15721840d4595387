// Package protocol is what differs between the wire protocols that generated
// clients and mock servers speak, as one interface both sides use.
//
// A protocol is named as the model spells it ("awsJson1_0", "restJson1").
// Nothing else knows which one a service speaks: the generator asks package
// ident whether a name is known and what the protocol lets a spec say (HTTP
// bindings, a target prefix); at run time package registry returns the
// implementation for the name, through which the client builds its requests
// and reads its errors, and the mock routes, frames its answers and writes
// its errors. Bodies go through the protocol's body codec (Protocol.Body;
// the JSON protocols' is package jsonwire) and bound members through the
// bindings, which the protocol's traits switch on.
//
// Adding a protocol is:
//   - its identity, one line in package ident (which the generator reads
//     without linking net/http);
//   - one package under specrt/protocol implementing Protocol (awsjson and
//     restjson are the models to follow);
//   - its line in package registry;
//   - an emitter in generator/golang only if the protocol needs generated
//     code that the existing emitters do not write, and the importer's
//     mapping from botocore's name for it.
//
// No other code compares protocol names. Two places name one on purpose:
// mockrt.Mux answers requests no mock claims in awsJson1_1, and the
// importer maps botocore's names ("json" with a jsonVersion, "rest-json").
package protocol

import (
	"net/http"

	"github.com/specgen/specgen/specrt/jsonwire"
	"github.com/specgen/specgen/specrt/protocol/ident"
)

// Protocol is one wire protocol.
type Protocol interface {
	// Identity is the protocol's name and traits, as the generator knows
	// them.
	Identity() *ident.Identity
	// Body is the codec of the protocol's bodies.
	Body() Body

	// RequestLine returns the method and path template of an operation's
	// request, given those the operation describes (empty when it has none).
	RequestLine(method, path string) (string, string)
	// SetRequestHeaders sets the protocol's headers of a request with a
	// body: its content type and, for a targeted protocol, the target.
	SetRequestHeaders(h http.Header, targetPrefix, operation string)
	// ReadError reads the error code and message of an error response.
	ReadError(h http.Header, body []byte) ErrorInfo

	// NewRouter returns the router of a mock serving ops.
	NewRouter(targetPrefix string, ops []Route) Router
	// NewIndex returns an index over several mocks of this protocol, which
	// narrows the mocks an unsigned request may be for.
	NewIndex(services []Endpoint) Index
	// Address describes how a client reaches op: its target, or its method
	// and path.
	Address(targetPrefix string, op Route) Address
	// SuccessStatus is the status of a success response, given the
	// operation's modeled status (0 when it has none).
	SuccessStatus(modeled int) int
	// SetErrorHeaders sets the protocol's headers of an error response
	// with the given code, beside its content type.
	SetErrorHeaders(h http.Header, code string)
	// AuthErrorStatus is the status of an authentication error with the
	// given code.
	AuthErrorStatus(code string) int
}

// Body encodes and decodes the bodies of a protocol: requests, success
// responses and the modeled members of errors. A shape describes the Go
// structure to the codec (package jsonwire builds and owns the type; its
// description is not JSON-specific: kinds, member names, time formats).
type Body interface {
	// Marshal encodes v, a pointer to the structure s describes.
	Marshal(s *jsonwire.Shape, v any) ([]byte, error)
	// Unmarshal decodes data into v, a pointer to the structure s
	// describes. Members the shape does not know are skipped.
	Unmarshal(data []byte, s *jsonwire.Shape, v any) error
}

// ErrorInfo is what an error response says of itself.
type ErrorInfo struct {
	// Code is the error's code, reduced to its shape name; "" if none.
	Code string
	// Message is the error's message; "" if none.
	Message string
	// JSON reports whether the body is a JSON object, so that the error's
	// members can be decoded from it.
	JSON bool
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
	// short description of r for the error message.
	Route(r *http.Request) (op int, labels map[string]string, what string)
}

// Endpoint is one mock as an Index sees it.
type Endpoint struct {
	TargetPrefix string
	Ops          []Route
}

// Index narrows the mocks of one protocol an unsigned request may be for.
type Index interface {
	// Candidates returns the indexes, in increasing order, of the
	// endpoints that may have an operation for r. The caller must not
	// modify the slice.
	Candidates(r *http.Request) []int
}

// Address says how a client calls an operation.
type Address struct {
	Target       string // under a targeted protocol
	Method, Path string // otherwise
}
