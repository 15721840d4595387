package model

// ServiceMock is a service's mock block: how its mock server answers the
// problems every operation shares. It is never nil in a resolved service;
// left out of the spec, each error is nil and the mock answers the generic
// AWS error.
type ServiceMock struct {
	// ValidationError fills the members of Service.ValidationError for
	// invalid input. Its Shape is always Service.ValidationError.
	ValidationError *MockError
	// SerializationError answers a body that is not JSON or has a value of
	// the wrong type.
	SerializationError *MockError
	// ThrottlingError is what the mock's Throttle control injects.
	ThrottlingError *MockError
	// MissingParameter, when set, answers a required member left out
	// instead of the validation error.
	MissingParameter *MockError
}

// MockError is an error the mock builds: its shape and templates of its
// body members.
type MockError struct {
	// Shape is the error shape; nil means the generic AWS error of that kind.
	Shape *Shape
	// Members are templates of the error's body members, in spec order.
	Members []*MockField
	// FieldList is the list member (validation errors only) that names each
	// bad field as {name, message}; empty for none.
	FieldList string
	// Code, with no Shape, is the wire code of an error no shape declares
	// (a service whose operations declare no errors: EC2), answered with
	// status 400; Members then hold at most its message.
	Code string
}

// OperationMock is an operation's mock block: its default behaviour.
type OperationMock struct {
	// Resource is the store collection the operation creates items in; empty
	// for an operation that stores nothing.
	Resource string
	// Unique lists the input member paths (dotted wire names) whose values
	// together must be unique in the collection.
	Unique []string
	// Conflict is the error answered for a duplicate.
	Conflict *MockError
	// IdempotencyMismatch is the error answered when an idempotency token is
	// reused with other parameters; nil answers the first response.
	IdempotencyMismatch *MockError
	// QuotaExceeded is the error answered when the mock's store is full: the
	// spec's quotaExceeded, or else the operation's quota error, found by
	// its code. Nil only for an operation that stores nothing.
	QuotaExceeded *MockError
	// Output lists how output members are produced, in spec order.
	Output []*MockField
	// State lists values kept with a created item beside its output, by
	// name, for {state.<name>} in Conflict and IdempotencyMismatch.
	State []*MockField
	// Example is a valid input, as decoded YAML, that the package's runnable
	// example sends to the mock; nil for none.
	Example map[string]any
}

// MockField is a member path (dotted wire names) and the template of its
// value: a string with {expressions} (see specrt/mockrt) or any other
// YAML-decoded value.
type MockField struct {
	Path  string
	Value any
}
