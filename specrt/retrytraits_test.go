package specrt

import (
	"fmt"
	"testing"

	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"
)

// markedError is an API error as generated for an error shape, with the
// retry traits its model may give it.
type markedError struct {
	code                  string
	status                int
	retryable, throttling bool
}

func (e *markedError) Error() string                 { return e.code }
func (e *markedError) ErrorCode() string             { return e.code }
func (e *markedError) ErrorMessage() string          { return "" }
func (e *markedError) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }
func (e *markedError) HTTPStatusCode() int           { return e.status }
func (e *markedError) ErrorMetadata() *ErrorMetadata { return &ErrorMetadata{StatusCode: e.status} }

type retryableMarked struct{ markedError }

func (e *retryableMarked) RetryableError() bool { return e.retryable }

type throttlingMarked struct{ retryableMarked }

func (e *throttlingMarked) ThrottlingError() bool { return e.throttling }

func TestRetryTraits(t *testing.T) {
	type verdict struct{ Retryable, Throttle bool }
	for _, tc := range []struct {
		name string
		err  error
		want verdict
	}{
		{"a 400 error without traits is final", &markedError{code: "ConflictException", status: 409}, verdict{}},
		{"a 400 error marked retryable is retried", &retryableMarked{markedError{code: "ConflictException", status: 409, retryable: true}}, verdict{Retryable: true}},
		{"a marked error whose method says false is final", &retryableMarked{markedError{code: "ConflictException", status: 409}}, verdict{}},
		{"an error marked throttling is retried as throttling", &throttlingMarked{retryableMarked{markedError{code: "SlowDownPlease", status: 400, throttling: true}}}, verdict{Retryable: true, Throttle: true}},
		{"a throttling code still counts without the trait", &markedError{code: "ThrottlingException", status: 400}, verdict{Retryable: true, Throttle: true}},
		{"a wrapped marked error is found", fmt.Errorf("call: %w", &retryableMarked{markedError{code: "X", status: 400, retryable: true}}), verdict{Retryable: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := verdict{IsRetryable(tc.err), IsThrottle(tc.err)}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("verdict differs (-want +got):\n%s", diff)
			}
		})
	}
}
