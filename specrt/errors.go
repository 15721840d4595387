package specrt

import (
	"github.com/aws/smithy-go"
)

// ErrorMetadata describes the HTTP response that carried an API error.
type ErrorMetadata struct {
	// StatusCode is the HTTP status of the response; zero for an error that was
	// built locally rather than received.
	StatusCode int
	// RequestID is the request id the service returned, if any.
	RequestID string
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

// FormatAPIError renders an API error the way generated Error methods do:
// "Code: message", or just the code when there is no message.
func FormatAPIError(code, message string) string {
	if message == "" {
		return code
	}
	return code + ": " + message
}
