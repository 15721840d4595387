package specrt

import (
	"encoding/json"
	"testing"
	"time"
)

func TestEpochSecondsRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		wire string
		want time.Time
	}{
		{"1700000000", time.Unix(1700000000, 0)},
		{"1700000000.25", time.Unix(1700000000, 250*int64(time.Millisecond))},
		{"1.5e9", time.Unix(1500000000, 0)},
	} {
		var e EpochSeconds
		if err := json.Unmarshal([]byte(tc.wire), &e); err != nil {
			t.Fatalf("decode %s: %v", tc.wire, err)
		}
		if got := *e.Time(); !got.Equal(tc.want) {
			t.Errorf("decode %s = %v, want %v", tc.wire, got, tc.want)
		}
		back, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		var again EpochSeconds
		if err := json.Unmarshal(back, &again); err != nil || !again.Time().Equal(tc.want) {
			t.Errorf("round trip of %s gave %s", tc.wire, back)
		}
	}
	var e EpochSeconds
	if err := json.Unmarshal([]byte(`"2024-01-01T00:00:00Z"`), &e); err == nil {
		t.Error("a string timestamp decoded; the JSON protocols send numbers")
	}
	if EpochSecondsOf(nil) != nil || (*EpochSeconds)(nil).Time() != nil {
		t.Error("nil does not stay nil")
	}
}
