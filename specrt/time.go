package specrt

import (
	"bytes"
	"fmt"
	"math"
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
