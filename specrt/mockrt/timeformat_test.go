package mockrt

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// stamped stands for a generated output with timestamps in text formats,
// alone and as the elements of a list and a map.
type stamped struct {
	At    *time.Time           `json:"at,omitempty" timestampFormat:"iso8601"`
	List  []time.Time          `json:"list,omitempty" timestampFormat:"iso8601"`
	Dates map[string]time.Time `json:"dates,omitempty" timestampFormat:"http-date"`
	Epoch []time.Time          `json:"epoch,omitempty"`
}

func TestTemplateTimestampsTakeTheirMembersFormat(t *testing.T) {
	w := buildWireType(reflect.TypeOf(stamped{}), map[reflect.Type]*wireType{})
	tests := []struct {
		name string
		in   map[string]any
		want map[string]any
	}{
		{"a timestamp member is converted", map[string]any{"at": json.Number("0")}, map[string]any{"at": "1970-01-01T00:00:00Z"}},
		{"each element of a list of timestamps is converted", map[string]any{"list": []any{json.Number("0"), json.Number("1.5")}},
			map[string]any{"list": []any{"1970-01-01T00:00:00Z", "1970-01-01T00:00:01.5Z"}}},
		{"each value of a map of timestamps is converted", map[string]any{"dates": map[string]any{"a": json.Number("0")}},
			map[string]any{"dates": map[string]any{"a": "Thu, 01 Jan 1970 00:00:00 GMT"}}},
		{"a list of epoch seconds is left as it is", map[string]any{"epoch": []any{json.Number("7")}},
			map[string]any{"epoch": []any{json.Number("7")}}},
		{"strings already in the format are left as they are", map[string]any{"list": []any{"2024-01-01T00:00:00Z"}},
			map[string]any{"list": []any{"2024-01-01T00:00:00Z"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := w.trim(tc.in, nil, nil)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}
