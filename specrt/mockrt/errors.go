package mockrt

import (
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strconv"
	"time"

	"github.com/aws/smithy-go"

	"github.com/specgen/specgen/specrt"
	"github.com/specgen/specgen/specrt/protocol"
	"github.com/specgen/specgen/specrt/schema"
)

// Error is an API error the mock answers that no spec declares: the common
// AWS errors (UnknownOperationException, SerializationException, the SigV4
// errors, ThrottlingException) and errors injected by tests.
type Error struct {
	// Code is the wire error code.
	Code string
	// Message is the human-readable message.
	Message string
	// Status is the HTTP status; 0 means 400 for client faults and 500 for
	// server faults.
	Status int
	// Fault says whose fault the error is; the zero value means client.
	Fault smithy.ErrorFault
	// Header holds extra response headers, such as Retry-After.
	Header http.Header

	meta specrt.ErrorMetadata
}

// Error renders the error as "Code: message".
func (e *Error) Error() string { return specrt.FormatAPIError(e.Code, e.Message) }

// ErrorCode returns the wire error code.
func (e *Error) ErrorCode() string { return e.Code }

// ErrorMessage returns the message.
func (e *Error) ErrorMessage() string { return e.Message }

// ErrorFault returns whose fault the error is.
func (e *Error) ErrorFault() smithy.ErrorFault {
	if e.Fault == smithy.FaultUnknown {
		return smithy.FaultClient
	}
	return e.Fault
}

// HTTPStatusCode returns the HTTP status the error is answered with.
func (e *Error) HTTPStatusCode() int {
	switch {
	case e.Status != 0:
		return e.Status
	case e.Fault == smithy.FaultServer:
		return http.StatusInternalServerError
	}
	return http.StatusBadRequest
}

// ErrorMetadata returns the error's response metadata.
func (e *Error) ErrorMetadata() *specrt.ErrorMetadata { return &e.meta }

var _ specrt.APIError = (*Error)(nil)

// asAPIError returns err as the API error it is answered with. An error
// that is no API error becomes InternalFailure without its text, which may
// hold anything.
func asAPIError(err error) specrt.APIError {
	var ae specrt.APIError
	if errors.As(err, &ae) {
		return ae
	}
	var se smithy.APIError
	if errors.As(err, &se) {
		status := http.StatusBadRequest
		if se.ErrorFault() == smithy.FaultServer {
			status = http.StatusInternalServerError
		}
		return &Error{Code: se.ErrorCode(), Message: se.ErrorMessage(), Fault: se.ErrorFault(), Status: status}
	}
	return &Error{Code: "InternalFailure", Message: "the mock's handler failed", Fault: smithy.FaultServer}
}

// writeError answers err as protocol p says: the error's status, the
// X-Amzn-ErrorType header (which every protocol's clients read first), and
// the body specrt.WriteError writes. headers, if not nil, adds the members
// that travel in headers; wireShape, if not nil, describes the body members
// of the error's type (Service.WireShape). An error it has no shape for
// (the mock's own Error) carries its code and message.
func writeError(w http.ResponseWriter, p protocol.Protocol, m *protocol.Message, err error, headers func(error, http.Header), wireShape func(any) *schema.Shape) (int, string) {
	ae := asAPIError(err)
	var shape *schema.Shape
	if wireShape != nil {
		shape = wireShape(ae)
	}
	h := w.Header()
	h.Set(specrt.HeaderErrorType, ae.ErrorCode())
	if me, ok := ae.(*Error); ok {
		for k, v := range me.Header {
			h[k] = v
		}
	}
	if headers != nil {
		headers(ae, h)
	}
	if werr := specrt.WriteError(w, p, m, ae, shape); werr != nil {
		// Only an error that cannot be encoded gets here; its status line is
		// not written yet.
		fallback := &Error{Code: "InternalFailure", Message: "the mock cannot encode its error", Fault: smithy.FaultServer}
		h.Set(specrt.HeaderErrorType, fallback.Code)
		specrt.WriteError(w, p, m, fallback, nil)
		return http.StatusInternalServerError, fallback.Code
	}
	status := ae.HTTPStatusCode()
	if status == 0 {
		status = http.StatusBadRequest
	}
	return status, ae.ErrorCode()
}

// setQueryError sets the x-amzn-query-error header of an error of an
// awsQuery-compatible service: its query code and fault, when it has a
// query code (the generated ErrorQueryCode method of an error whose spec
// gives one). An AWS SDK then reports the error under that code, as the
// service's awsQuery API does.
func setQueryError(err error, h http.Header) {
	q, ok := err.(interface{ ErrorQueryCode() string })
	if !ok || q.ErrorQueryCode() == "" {
		return
	}
	ae := asAPIError(err)
	h.Set(specrt.HeaderQueryError, specrt.QueryError(q.ErrorQueryCode(), specrt.ErrorBody(ae).Fault))
}

// The common errors, as AWS answers them.

// unknownOperation quotes the request's target or path no further than a
// log line would: the answer must not grow with what the request sent.
func unknownOperation(what string) *Error {
	return &Error{Code: "UnknownOperationException", Message: "unknown operation " + logText(what)}
}

func serializationError(msg string) *Error {
	return &Error{Code: "SerializationException", Message: msg}
}

func throttlingError() *Error {
	return &Error{Code: "ThrottlingException", Message: "Rate exceeded"}
}

func tooLarge(limit int64) *Error {
	return &Error{
		Code:    "RequestEntityTooLargeException",
		Message: "request body is larger than " + strconv.FormatInt(limit, 10) + " bytes",
		Status:  http.StatusRequestEntityTooLarge,
	}
}

// SetHeader sets header name to v, a member value of a generated type (a
// pointer to a scalar, or an enum string); nil or empty sets nothing.
// Generated mocks write the header-bound members of errors with it.
func SetHeader(h http.Header, name string, v any) {
	var s string
	switch v := v.(type) {
	case *string:
		if v == nil {
			return
		}
		s = *v
	case *int32:
		if v == nil {
			return
		}
		s = strconv.FormatInt(int64(*v), 10)
	case *int64:
		if v == nil {
			return
		}
		s = strconv.FormatInt(*v, 10)
	case *bool:
		if v == nil {
			return
		}
		s = strconv.FormatBool(*v)
	case *float64:
		if v == nil {
			return
		}
		s = strconv.FormatFloat(*v, 'g', -1, 64)
	case *time.Time:
		if v == nil {
			return
		}
		s = v.UTC().Format(http.TimeFormat)
	case fmt.Stringer:
		s = v.String()
	default:
		if l := reflect.ValueOf(v); l.Kind() == reflect.Slice && l.Type().Elem().Kind() == reflect.String {
			// A list of strings or enums, as the client splits it.
			vs := make([]string, l.Len())
			for i := range vs {
				vs[i] = l.Index(i).String()
			}
			s = specrt.JoinHeaderList(vs)
			break
		}
		s = fmt.Sprint(v)
	}
	if s != "" {
		h.Set(name, s)
	}
}
