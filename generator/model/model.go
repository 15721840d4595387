// Package model is the resolved, immutable description of a service that the
// emitters work from. Every reference is a pointer, every Go name is decided,
// and every slice is in a deterministic order, so that an emitter is a pure
// function of a *Service and never looks at YAML or invents a name.
package model

import (
	"github.com/specgen/specgen/generator/pattern"
	"github.com/specgen/specgen/specrt/protocol/ident"
)

// Pos is a position in a spec file.
type Pos struct {
	File      string
	Line, Col int
}

// Service is one spec file, resolved.
type Service struct {
	Pos          Pos
	Package      string // Go package name, also the directory under gen/
	Title        string
	Doc          string
	APIVersion   string
	Protocol     *ident.Identity // the protocol's name and traits, shared with the run time
	TargetPrefix string          // targeted protocols only
	SigningName  string
	// ServiceID is the model's serviceId, when the spec was imported.
	ServiceID string
	// Protocols lists every protocol the model names, in its order; the
	// client speaks Protocol, one of them. Empty for hand-written specs.
	Protocols      []string
	EndpointPrefix string
	// XMLNamespace is the namespace of the service's XML responses
	// (botocore's metadata xmlNamespace); "" when it has none.
	XMLNamespace string
	// QueryCompatible is set for a service that once spoke awsQuery
	// (botocore's metadata awsQueryCompatible): its clients send
	// x-amzn-query-mode and read an error's query code from
	// x-amzn-query-error, which its mock sends.
	QueryCompatible bool
	// ValidationError is the error shape the service answers invalid input with.
	ValidationError *Shape

	Operations []*Operation // sorted by Name
	Shapes     []*Shape     // every named shape that is used, sorted by Name
	// Patterns are the distinct patterns of the used shapes, sorted by FuncName.
	Patterns []*Pattern
	// Mock is the service's mock block (see mock.go); never nil.
	Mock *ServiceMock
	// Waiters are the top-level waiters, sorted by Name.
	Waiters []*Waiter
	// Resources are the resources the mock keeps (see resources.go),
	// sorted by Name.
	Resources []*Resource
}

// Operation is one API operation.
type Operation struct {
	Pos    Pos
	Name   string // wire name and Go method name
	Doc    string
	Method string
	Path   string
	Status int
	Input  *Shape // a structure whose GoName is <Name>Input
	Output *Shape // a structure whose GoName is <Name>Output
	Errors []*Shape

	// NoInput is set when the spec names no input: Input is an empty
	// structure made for the Go API, and a protocol that sends a body
	// only for an input (rpcv2Cbor) sends none.
	NoInput bool

	// HostPrefix is prepended to the endpoint's host name ("data-",
	// "{Name}."); its labels name input members marked HostLabel. Empty
	// when the operation has none.
	HostPrefix string
	// ResultWrapper is the element that wraps the output's members in an
	// awsQuery or ec2Query response (<OpResponse><ResultWrapper>); "" when
	// the model names none.
	ResultWrapper string
	// The unexported Go names of the operation's helpers: its description
	// to the protocol code (opX), its request and response binders and its
	// response decoder. Decided with every other name of the package, so
	// that no two declarations clash.
	VarName, RequestBinder, ResponseBinder, ResponseDecoder string
	// Examples are the documented examples, in spec order.
	Examples []*Example
	// Mock is the operation's mock block (see mock.go); nil when it has none.
	Mock *OperationMock
	OperationTraits
}

// Example is a documented request and response.
type Example struct {
	Title    string
	Doc      string
	Input    any // decoded YAML: map[string]any, []any, string, int, float64, bool, nil
	Output   any
	Conforms bool
}

// Kind is the type of a shape.
type Kind string

// The shape kinds.
const (
	Structure Kind = "structure"
	List      Kind = "list"
	Map       Kind = "map"
	String    Kind = "string"
	Integer   Kind = "integer"
	Long      Kind = "long"
	Float     Kind = "float"
	Double    Kind = "double"
	Boolean   Kind = "boolean"
	Timestamp Kind = "timestamp"
	Blob      Kind = "blob"
	// Document is declared with the other additions of issue 9, in traits.go.
)

// IsNumber reports whether k is one of the numeric kinds.
func (k Kind) IsNumber() bool {
	return k == Integer || k == Long || k == Float || k == Double
}

// Shape is a named or built-in shape.
type Shape struct {
	Pos  Pos
	Name string // spec name; for built-in shapes the kind ("string")
	// Builtin is true for the unconstrained built-in shapes (string, integer, ...).
	Builtin bool
	Kind    Kind
	Doc     string
	// GoName is the Go type name for structures and enums; empty otherwise.
	GoName    string
	Sensitive bool
	// HoldsSensitive reports whether a value of the shape can hold a
	// sensitive value anywhere inside it, through any cycle; structures that
	// do get String, Format and LogValue methods that redact it.
	HoldsSensitive bool
	// ValidateFunc is the name of the unexported validation function of a
	// list, map or scalar input shape; SchemaVar that of the variable
	// describing a structure, list or map to the body codecs
	// (specrt/schema). Both are decided in the model and unique in the
	// package.
	ValidateFunc, SchemaVar string

	Enum    []*EnumValue // strings only
	Length  *Bounds      // string (code points), blob (bytes), list (elements), map (entries)
	Range   *Bounds      // numbers
	Pattern *Pattern     // strings only

	Member   *Shape    // list element
	Key      *Shape    // map key
	Value    *Shape    // map value
	Members  []*Member // structure members, in spec order
	Error    *ErrorInfo
	IsInput  bool // reachable from an operation input: it gets validation
	IsOutput bool // reachable from an operation output or an error

	// Rules span members (structures) or elements (lists), in spec order;
	// see rules.go.
	Rules []*Rule
	// XML is what the XML and query traits say of the shape; nil for none.
	XML *XMLShape
	Traits
}

// IsEnum reports whether s is a string shape with enum values.
func (s *Shape) IsEnum() bool { return len(s.Enum) > 0 }

// Constrained reports whether values of s need any check beyond their Go type:
// a length, range, pattern or enum on the shape itself.
func (s *Shape) Constrained() bool {
	return s.Length != nil || s.Range != nil || s.Pattern != nil || len(s.Enum) > 0
}

// Bounds is an inclusive range; a nil end is unbounded.
type Bounds struct {
	Min, Max *float64
}

// EnumValue is one allowed value of an enum.
type EnumValue struct {
	Value  string
	GoName string // the constant's name, e.g. AuthTypeAwsIam
	Doc    string
}

// Pattern is a compiled shape pattern.
type Pattern struct {
	Source   string
	FuncName string // unexported Go matcher name, e.g. matchServiceName
	DFA      *pattern.DFA
}

// ErrorInfo marks a structure as an error.
type ErrorInfo struct {
	Code   string // wire error code
	Status int    // HTTP status
	Fault  string // "client" or "server"
	// Retryable errors are worth another attempt; Throttling ones ask the
	// caller to slow down (and are retryable too).
	Retryable, Throttling bool
	// QueryCode is the error's code under the awsQuery protocol, for models
	// that are awsQuery-compatible; "" otherwise.
	QueryCode string
}

// Member is one member of a structure.
type Member struct {
	Pos  Pos
	Name string // wire name: the JSON or CBOR key, the XML element, the awsQuery key
	// GoName is the field name. A derived name that would clash with a
	// method the generated type has (Validate, String, ErrorCode, ...) gets
	// a trailing underscore, as protoc-gen-go does.
	GoName   string
	Shape    *Shape
	Doc      string
	Required bool
	// Default is the documented default, typed for the shape: string, int64,
	// float64 or bool; nil when there is none.
	Default          any
	IdempotencyToken bool
	// Location is where the member travels: "" (a member of the JSON
	// body), "uri" (a path label), "query" (a parameter, or with a map and
	// no LocationName, one parameter per entry), "header", "headers" (a map
	// of headers whose names start with LocationName), "statusCode" (the
	// HTTP status of a response) or "payload" (the whole body, see
	// Shape.Payload).
	Location     string
	LocationName string
	// HostLabel marks a required string input member that fills a label of
	// the operation's HostPrefix.
	HostLabel bool
	// JSONValue marks a header string member that holds JSON, sent
	// base64-encoded.
	JSONValue bool
	// XML is what the XML and query traits say of the member; nil for none.
	XML *XMLMember
	// PayloadSchemaVar is, for an input's structure payload member that
	// names the body's element itself (XML.Name), the variable of its
	// shape's schema under that element, which the client encodes it with;
	// "" otherwise.
	PayloadSchemaVar string
	MemberTraits
}

// The locations a member may have besides the JSON body.
const (
	LocURI        = "uri"
	LocQuery      = "query"
	LocHeader     = "header"
	LocHeaders    = "headers"
	LocStatusCode = "statusCode"
	LocPayload    = "payload"
)

// IsQueryMap reports whether m binds a map to the query string, one
// parameter per entry (Smithy's httpQueryParams).
func (m *Member) IsQueryMap() bool {
	return m.Location == LocQuery && m.Shape != nil && m.Shape.Kind == Map
}

// PayloadMember is the member of s bound to the whole body, or nil.
func (s *Shape) PayloadMember() *Member {
	for _, m := range s.Members {
		if m.Location == LocPayload {
			return m
		}
	}
	return nil
}
