package mockrt

import (
	"net/http"

	"github.com/specgen/specgen/specrt/schema"
)

// Input is what a generated input type satisfies: it validates itself.
type Input interface {
	Validate() error
}

// Service describes a mocked service. Generated mock packages build one from
// the spec; nothing in it is specific to a service beyond what the spec says.
type Service struct {
	// Name is the Go package name of the service, used in logs.
	Name string
	// Protocol is the name of the wire protocol, as the model spells it;
	// the registry (package protocol/registry) resolves it. It is the
	// mock's primary protocol: the generated client's, the one a request
	// that no protocol claims is answered in.
	Protocol string
	// Protocols lists every protocol the service's model lists, in the
	// model's order, Protocol among them (CloudWatch: rpcv2Cbor,
	// awsJson1_0, awsQuery): the mock answers each request in the one it
	// was sent in, since older clients still send the others. Empty means
	// Protocol alone.
	Protocols []string
	// APIVersion is the service's API version, which query requests carry
	// and the mock checks.
	APIVersion string
	// XMLNamespace is the namespace of the service's XML bodies; "" for
	// none.
	XMLNamespace string
	// QueryCompatible is set for a service that once spoke awsQuery: an
	// error with a query code (an ErrorQueryCode method) is answered with
	// the x-amzn-query-error header, "Code;Fault".
	QueryCompatible bool
	// TargetPrefix is the X-Amz-Target prefix of targeted protocols.
	TargetPrefix string
	// SigningName is the SigV4 service name that signatures must be scoped to.
	SigningName string
	// Operations are the mocked operations.
	Operations []*Operation
	// ValidationError builds the error that invalid input is answered with.
	// Its template may use {message}; its FieldList names the member that
	// lists each bad field. Nil answers a generic ValidationException.
	ValidationError *ErrorTemplate
	// MissingParameter, when set, builds the error invalid input is
	// answered with when a required member is left out (EC2's
	// MissingParameter), {subject} being the first such member's path;
	// ValidationError still answers values that break their constraints.
	MissingParameter *ErrorTemplate
	// SerializationError builds the error answered for a body that is not
	// valid JSON or has a value of the wrong type; {message} names the field.
	// Nil answers the generic SerializationException.
	SerializationError *ErrorTemplate
	// ThrottlingError builds the error Server.Throttle injects; {message} is
	// "Rate exceeded". Nil injects the generic ThrottlingException.
	ThrottlingError *ErrorTemplate
	// Resources are the kinds of resource the service keeps and the
	// operations that act on them (see Resource); an operation bound to one
	// is answered by the resource engine instead of its Behavior.
	Resources []*Resource
	// ErrorHeaders writes the members of an error that travel in headers
	// (Retry-After, for example). It may be nil.
	ErrorHeaders func(err error, h http.Header)
	// WireShape describes the type of an operation's input or output, or
	// of an error (a pointer), to the body codecs, which then decode
	// request bodies and encode responses and error bodies; nil, or a nil
	// answer, leaves inputs and outputs to encoding/json and gives an
	// error a body of its code and message only.
	WireShape func(v any) *schema.Shape
}

// Operation describes one mocked operation.
type Operation struct {
	// Name is the operation's wire name.
	Name string
	// Wrapper is the element an awsQuery response's members are wrapped
	// in, when it is not "<Name>Result".
	Wrapper string
	// Method, Path and Status are the HTTP binding of restJson1 operations.
	Method string
	Path   string
	Status int
	// NewInput returns a new, empty input value (a pointer) to decode into.
	NewInput func() Input
	// NewOutput returns a new, empty output value (a pointer) that the
	// default behaviour's result is decoded into.
	NewOutput func() any
	// Bindings are the input members that travel in the path, the query,
	// headers or as the whole body (restJson1).
	Bindings []Binding
	// OutputBindings are the output members that travel in headers, the
	// status or as the whole body (restJson1).
	OutputBindings []Binding
	// Behavior is the default behaviour; nil answers an empty output.
	Behavior *Behavior
}

// Behavior is an operation's default behaviour, written in the spec's mock
// block and compiled into the generated mock package as data.
type Behavior struct {
	// Resource names the store collection the operation creates items in;
	// empty means the operation stores nothing.
	Resource string
	// Unique lists the input member paths (dotted wire names) whose values
	// together identify an item: a second create with the same values answers
	// Conflict. An entry with braces is a template of the input instead, for
	// a member whose spellings name one resource: "{arnName:input.cluster}"
	// makes a name and its ARN one value. Empty means any number of equal
	// items may exist.
	Unique []string
	// Conflict builds the error answered for a duplicate; {existing.<path>}
	// refers to the stored output of the item that is already there.
	Conflict *ErrorTemplate
	// IdempotencyToken is the input member path holding the idempotency token.
	IdempotencyToken string
	// IdempotencyMismatch builds the error answered when a token is reused
	// with different parameters. Nil answers the first response instead, as
	// services do whose token only guards against duplicate creation.
	IdempotencyMismatch *ErrorTemplate
	// QuotaExceeded builds the error answered when the store is full (see
	// WithMaxResources and WithMaxStoreBytes); {message} says which limit.
	// Nil answers a generic ServiceQuotaExceededException.
	QuotaExceeded *ErrorTemplate
	// State lists values kept with a created item beside its output, for
	// later answers about it that the output cannot give ({state.<path>} in
	// Conflict and IdempotencyMismatch). Its templates may use the input and
	// the output.
	State []Field
	// Defaults are documented input defaults, applied before the output is
	// built so that {input.<path>} sees them. A default whose parent object is
	// absent from the input is still applied, creating the parent, only when
	// the parent path is empty (a top-level member).
	Defaults []Field
	// Output lists how each output member is produced, in order, so that a
	// later template may refer to an earlier member with {output.<path>}.
	Output []Field
}

// Field is one member path (dotted wire names) and the template of its
// value. A template is a JSON-compatible literal (string, number, bool, nil,
// []any, map[string]any); strings are expanded (see Expand).
type Field struct {
	Path  string
	Value any
}

// ErrorTemplate builds a typed error from templates of its members.
type ErrorTemplate struct {
	// New returns a new, empty error value (a pointer to a generated error
	// type) that the expanded members are decoded into.
	New func() error
	// Members are the error's body members.
	Members []Field
	// FieldList, for validation errors only, is the member that lists each
	// bad field as {"name": path, "message": message}.
	FieldList string
	// Code, without New, is the wire code of an error no shape declares
	// (EC2's InvalidVpcID.NotFound: its model declares no errors); the
	// "message" member's template, if any, gives its message.
	Code string
	// Status is the HTTP status of a Code error; 0 means 400.
	Status int
}
