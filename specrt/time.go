package specrt

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"time"
)

// EpochSeconds is a timestamp in the form the AWS JSON protocols carry it: a
// JSON number of seconds since the Unix epoch, with an optional fraction.
// Generated types keep time.Time and convert through this type in their JSON
// methods.
type EpochSeconds time.Time

// EpochSecondsOf converts a member's value for encoding; nil stays nil.
func EpochSecondsOf(t *time.Time) *EpochSeconds {
	if t == nil {
		return nil
	}
	e := EpochSeconds(*t)
	return &e
}

// Time converts a decoded value back; nil stays nil.
func (e *EpochSeconds) Time() *time.Time {
	if e == nil {
		return nil
	}
	t := time.Time(*e)
	return &t
}

// MarshalJSON writes the timestamp as seconds, with milliseconds when it has
// them, as the AWS SDKs do.
func (e EpochSeconds) MarshalJSON() ([]byte, error) {
	ms := time.Time(e).UnixMilli()
	if ms%1000 == 0 {
		return strconv.AppendInt(nil, ms/1000, 10), nil
	}
	return strconv.AppendFloat(nil, float64(ms)/1000, 'f', -1, 64), nil
}

// UnmarshalJSON reads seconds since the epoch from a JSON number.
func (e *EpochSeconds) UnmarshalJSON(data []byte) error {
	if bytes.Equal(data, []byte("null")) {
		return nil
	}
	f, err := strconv.ParseFloat(string(data), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return fmt.Errorf("timestamp must be a number of seconds since the epoch, got %s", truncate(string(data), 32))
	}
	sec, frac := math.Modf(f)
	*e = EpochSeconds(time.Unix(int64(sec), int64(math.Round(frac*1e3))*int64(time.Millisecond)).UTC())
	return nil
}

// The timestamp formats of the JSON protocols' timestampFormat trait, as
// the bindings and the mock name them. Body members default to epoch seconds.
const (
	TimestampEpochSeconds = "epoch-seconds"
	TimestampISO8601      = "iso8601"
	TimestampHTTPDate     = "http-date"
)

// ISO8601Time is a timestamp a member's timestampFormat puts on the wire as
// an ISO 8601 (RFC 3339) date-time string. Generated types keep time.Time
// and convert through this type in their JSON methods.
type ISO8601Time time.Time

// ISO8601Of converts a member's value for encoding; nil stays nil.
func ISO8601Of(t *time.Time) *ISO8601Time { return (*ISO8601Time)(t) }

// Time converts a decoded value back; nil stays nil.
func (e *ISO8601Time) Time() *time.Time { return (*time.Time)(e) }

// MarshalJSON writes the timestamp in UTC, with as many fraction digits as
// it needs.
func (e ISO8601Time) MarshalJSON() ([]byte, error) {
	return strconv.AppendQuote(nil, time.Time(e).UTC().Format(time.RFC3339Nano)), nil
}

// UnmarshalJSON reads an RFC 3339 date-time string.
func (e *ISO8601Time) UnmarshalJSON(data []byte) error {
	if bytes.Equal(data, []byte("null")) {
		return nil
	}
	t, err := parseTimeString(data, TimestampISO8601)
	if err == nil {
		*e = ISO8601Time(t)
	}
	return err
}

// HTTPDateTime is a timestamp a member's timestampFormat puts on the wire as
// an HTTP date string (RFC 7231, "Mon, 02 Jan 2006 15:04:05 GMT").
type HTTPDateTime time.Time

// HTTPDateOf converts a member's value for encoding; nil stays nil.
func HTTPDateOf(t *time.Time) *HTTPDateTime { return (*HTTPDateTime)(t) }

// Time converts a decoded value back; nil stays nil.
func (e *HTTPDateTime) Time() *time.Time { return (*time.Time)(e) }

// MarshalJSON writes the timestamp as an HTTP date; HTTP dates have whole
// seconds.
func (e HTTPDateTime) MarshalJSON() ([]byte, error) {
	return strconv.AppendQuote(nil, FormatHeaderTime(time.Time(e))), nil
}

// UnmarshalJSON reads an HTTP date string.
func (e *HTTPDateTime) UnmarshalJSON(data []byte) error {
	if bytes.Equal(data, []byte("null")) {
		return nil
	}
	t, err := parseTimeString(data, TimestampHTTPDate)
	if err == nil {
		*e = HTTPDateTime(t)
	}
	return err
}

// parseTimeString reads a JSON string holding a timestamp in format.
func parseTimeString(data []byte, format string) (time.Time, error) {
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return time.Time{}, fmt.Errorf("timestamp must be a string in %s format, got %s", format, truncate(string(data), 32))
	}
	var t time.Time
	var err error
	if format == TimestampHTTPDate {
		t, err = http.ParseTime(s)
	} else {
		t, err = time.Parse(time.RFC3339Nano, s)
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("timestamp must be in %s format, got %q", format, truncate(s, 40))
	}
	return t.UTC(), nil
}
