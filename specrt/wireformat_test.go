package specrt_test

import (
	"math"
	"net/http"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/specrt"
)

func TestSplitHeaderDates(t *testing.T) {
	tests := []struct {
		name string
		wire string
		want []string
	}{
		{"the comma after a day name belongs to its date", "Mon, 16 Dec 2019 23:48:18 GMT, Tue, 17 Dec 2019 00:00:00 GMT",
			[]string{"Mon, 16 Dec 2019 23:48:18 GMT", "Tue, 17 Dec 2019 00:00:00 GMT"}},
		{"one date is one element", "Mon, 16 Dec 2019 23:48:18 GMT", []string{"Mon, 16 Dec 2019 23:48:18 GMT"}},
		{"an empty value is no date", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, specrt.SplitHeaderDates(tt.wire)); diff != "" {
				t.Errorf("SplitHeaderDates(%q) (-want +got):\n%s", tt.wire, diff)
			}
		})
	}
}

func TestHeaderTimeListReadsWhatTheClientJoins(t *testing.T) {
	a := time.Date(2019, 12, 16, 23, 48, 18, 0, time.UTC)
	b := a.Add(24 * time.Hour)
	h := http.Header{}
	h.Set("X-Dates", specrt.JoinHeaderDates([]string{specrt.FormatHeaderTime(a), specrt.FormatHeaderTime(b)}))
	if diff := cmp.Diff([]time.Time{a, b}, specrt.HeaderTimeList(h, "X-Dates")); diff != "" {
		t.Errorf("HeaderTimeList (-want +got):\n%s", diff)
	}
}

func TestTimestampFormatsRoundTrip(t *testing.T) {
	at := time.Date(2019, 12, 16, 23, 48, 18, 0, time.UTC)
	tests := []struct {
		format, wire string
	}{
		{"epoch-seconds", "1576540098"},
		{"iso8601", "2019-12-16T23:48:18Z"},
		{"http-date", "Mon, 16 Dec 2019 23:48:18 GMT"},
	}
	for _, tt := range tests {
		t.Run("a timestamp in "+tt.format+" reads back as itself", func(t *testing.T) {
			if got := specrt.FormatTimeAs(at, tt.format); got != tt.wire {
				t.Errorf("FormatTimeAs = %q, want %q", got, tt.wire)
			}
			got, err := specrt.ParseTimeAs(tt.wire, tt.format)
			if err != nil || !got.Equal(at) {
				t.Errorf("ParseTimeAs(%q) = %v, %v; want %v", tt.wire, got, err, at)
			}
		})
	}
	if _, err := specrt.ParseTimeAs("NaN", "epoch-seconds"); err == nil {
		t.Error("ParseTimeAs accepts NaN as epoch seconds")
	}
}

func TestFloatsInBindings(t *testing.T) {
	tests := []struct {
		name string
		v    float64
		want string
	}{
		{"NaN is spelled NaN", math.NaN(), "NaN"},
		{"positive infinity is Infinity", math.Inf(1), "Infinity"},
		{"negative infinity is -Infinity", math.Inf(-1), "-Infinity"},
		{"a finite value is its shortest form", 1.1, "1.1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := specrt.FormatWireFloat(tt.v, 64)
			if got != tt.want {
				t.Errorf("FormatWireFloat = %q, want %q", got, tt.want)
			}
			h := http.Header{"X-F": {got}}
			back := specrt.HeaderFloat64(h, "X-F")
			if back == nil || specrt.FormatWireFloat(*back, 64) != tt.want {
				t.Errorf("HeaderFloat64(%q) = %v", got, back)
			}
		})
	}
}
