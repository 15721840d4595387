package specrt

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Retry defaults, the same as the AWS SDK for Go v2's standard retryer.
const (
	// DefaultRetryMaxAttempts is the number of attempts, the first included,
	// a call makes when Options.RetryMaxAttempts is zero.
	DefaultRetryMaxAttempts = 3
	// DefaultRetryMaxBackoff caps the wait between attempts when
	// Options.RetryMaxBackoff is zero.
	DefaultRetryMaxBackoff = 20 * time.Second
	// retryBaseDelay is the upper bound of the first backoff; it doubles with
	// every further attempt until it reaches the cap.
	retryBaseDelay = time.Second
)

// throttleCodes are the error codes the AWS SDKs treat as throttling, plus the
// transient timeout codes they also retry.
var throttleCodes = map[string]bool{
	"Throttling":                             true,
	"ThrottlingException":                    true,
	"ThrottledException":                     true,
	"RequestThrottledException":              true,
	"TooManyRequestsException":               true,
	"ProvisionedThroughputExceededException": true,
	"TransactionInProgressException":         true,
	"RequestLimitExceeded":                   true,
	"BandwidthLimitExceeded":                 true,
	"LimitExceededException":                 true,
	"RequestThrottled":                       true,
	"SlowDown":                               true,
	"PriorRequestNotComplete":                true,
	"EC2ThrottledException":                  true,
	"RequestTimeout":                         true,
	"RequestTimeoutException":                true,
}

// IsThrottleCode reports whether code is one of the error codes that mean
// "slow down": those are retried whatever their HTTP status.
func IsThrottleCode(code string) bool { return throttleCodes[code] }

// RetryableError is implemented by the generated error types whose model
// marks them retryable, as in the AWS SDK for Go v2: the client retries
// them whatever their status.
type RetryableError interface {
	error
	RetryableError() bool
}

// ThrottlingError is implemented by the generated error types whose model
// marks them as throttling: they ask the caller to slow down, and are
// retried as the throttling codes are.
type ThrottlingError interface {
	error
	ThrottlingError() bool
}

// IsThrottle reports whether err asks the caller to slow down: an error the
// model marks as throttling, or one with a throttling code.
func IsThrottle(err error) bool {
	var marked ThrottlingError
	if errors.As(err, &marked) && marked.ThrottlingError() {
		return true
	}
	var api APIError
	return errors.As(err, &api) && IsThrottleCode(api.ErrorCode())
}

// retryableStatus reports whether an HTTP status is worth another attempt:
// 429 and the 5xx statuses that mean "try again" (not 501 Not Implemented).
func retryableStatus(status int) bool {
	switch status {
	case http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusBadGateway,
		http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// IsRetryable reports whether a failed attempt that ended in err may be
// repeated: throttling codes, 429 and 5xx responses, and transport errors.
// Validation errors, other 4xx answers, undecodable success responses,
// responses over Options.MaxResponseBytes and context cancellation are
// final.
func IsRetryable(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var te *TransportError
	if errors.As(err, &te) {
		return true
	}
	if IsThrottle(err) {
		return true
	}
	var marked RetryableError
	if errors.As(err, &marked) && marked.RetryableError() {
		return true
	}
	var api APIError
	if errors.As(err, &api) {
		status := api.HTTPStatusCode()
		if md := api.ErrorMetadata(); md != nil && md.StatusCode != 0 {
			status = md.StatusCode
		}
		return retryableStatus(status)
	}
	var re *ResponseError
	if errors.As(err, &re) {
		return !re.Success && retryableStatus(re.StatusCode)
	}
	return false
}

// Backoff returns the wait before attempt number attempt+1 after attempt
// failed (attempt counts from 1): full jitter over a window that starts at
// one second and doubles per attempt up to maxBackoff. jitter returns a value
// in [0, 1).
func Backoff(attempt int, maxBackoff time.Duration, jitter func() float64) time.Duration {
	window := maxBackoff
	if attempt < 31 {
		if w := retryBaseDelay << (attempt - 1); w > 0 && w < maxBackoff {
			window = w
		}
	}
	return time.Duration(jitter() * float64(window))
}

// ParseRetryAfter reads a Retry-After header: delay-seconds or an HTTP date
// (relative to now). ok is false when the header is absent or malformed.
func ParseRetryAfter(h http.Header, now time.Time) (d time.Duration, ok bool) {
	v := strings.TrimSpace(h.Get(HeaderRetryAfter))
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		if secs > int64(24*time.Hour/time.Second) {
			secs = int64(24 * time.Hour / time.Second)
		}
		return time.Duration(secs) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		d := t.Sub(now)
		if d < 0 {
			d = 0
		}
		return d, true
	}
	return 0, false
}

// Sleep waits for d or until ctx is done, whichever comes first, and returns
// ctx.Err() in the latter case. It is the default Options.Sleep.
func Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// defaultJitter is the default Options.RetryJitter.
func defaultJitter() float64 { return rand.Float64() }

// retryDelay decides the wait after failed attempt number attempt. A
// Retry-After the server sent is a floor; when it is longer than maxBackoff
// the call gives up instead of waiting longer than the caller allowed
// (retry is false).
func retryDelay(attempt int, o *Options, retryAfter time.Duration, haveRetryAfter bool) (d time.Duration, retry bool) {
	d = Backoff(attempt, o.RetryMaxBackoff, o.RetryJitter)
	if haveRetryAfter {
		if retryAfter > o.RetryMaxBackoff {
			return 0, false
		}
		d = max(d, retryAfter)
	}
	return d, true
}
