package specrt

import (
	"fmt"
	"unicode/utf8"

	"github.com/aws/smithy-go"
)

// ErrorMetadata describes the HTTP response that carried an API error.
type ErrorMetadata struct {
	// StatusCode is the HTTP status of the response; zero for an error that was
	// built locally rather than received.
	StatusCode int
	// RequestID is the request id the service returned, if any.
	RequestID string
	// QueryCode is the code an awsQuery-compatible service gave the error
	// in its x-amzn-query-error header, if any: the code its awsQuery API
	// answers, which the error's ErrorCode then returns.
	QueryCode string
}

// APIError is implemented by every error type generated from a spec. It is a
// superset of smithy.APIError, so code written against the AWS SDK's error
// interface handles generated errors too.
type APIError interface {
	smithy.APIError
	// HTTPStatusCode is the documented HTTP status of the error.
	HTTPStatusCode() int
	// ErrorMetadata returns the metadata of the response that carried the
	// error, for the client to fill in.
	ErrorMetadata() *ErrorMetadata
}

// The longest code and message FormatAPIError renders, in bytes. A service
// (or whatever answers in its place) may send a message of any size; an
// error string is logged and wrapped, so it keeps only the start of it. The
// error's ErrorCode and ErrorMessage still return all of them.
const (
	maxCodeInError    = 256
	maxMessageInError = 1024
)

// FormatAPIError renders an API error the way generated Error methods do:
// "Code: message", or just the code when there is no message. A code or
// message too long to log is cut, saying how much was left out.
func FormatAPIError(code, message string) string {
	code = cutBytes(code, maxCodeInError)
	if message == "" {
		return code
	}
	return code + ": " + cutBytes(message, maxMessageInError)
}

// cutBytes cuts s to at most n bytes, on a rune boundary, noting how many
// bytes were cut.
func cutBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%s… (%d more bytes)", s[:cut], len(s)-cut)
}

// ResponseTooLargeError is a response whose body, as read after any
// decompression by the HTTP client, is larger than Options.MaxResponseBytes.
// The body is not read past the limit, and the call is not retried.
type ResponseTooLargeError struct {
	// StatusCode is the HTTP status.
	StatusCode int
	// RequestID is the response's request id, if any.
	RequestID string
	// Limit is the MaxResponseBytes in force.
	Limit int64
}

// Error describes the response.
func (e *ResponseTooLargeError) Error() string {
	s := fmt.Sprintf("response body larger than %d bytes (Options.MaxResponseBytes): HTTP %d", e.Limit, e.StatusCode)
	if e.RequestID != "" {
		s += ", request id " + cutBytes(e.RequestID, maxCodeInError)
	}
	return s
}

// HTTPStatusCode returns the status of the response.
func (e *ResponseTooLargeError) HTTPStatusCode() int { return e.StatusCode }
