package mockrt

import (
	"encoding/json"
	"testing"
)

func TestAppendJSONMatchesEncodingJSON(t *testing.T) {
	for _, v := range []any{
		nil, true, "plain", "quote\" back\\ nl\n tab\t ctl\x01 del\x7f", "é ü 日本 \u2028 \u2029 \xff bad",
		json.Number("12.5"), 3.25, 7, []any{"a", 1.0, nil, map[string]any{}},
		map[string]any{"b": 1.0, "a": map[string]any{"z": []any{}, "y": "x"}, "<html>": "&"},
	} {
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		// encoding/json escapes <, > and & for HTML; appendJSON does not
		// need to, and both decode to the same value.
		got, err := appendJSON(nil, v)
		if err != nil {
			t.Fatalf("appendJSON(%#v): %v", v, err)
		}
		var a, b any
		if err := json.Unmarshal(got, &a); err != nil {
			t.Fatalf("appendJSON(%#v) = %s, not JSON: %v", v, got, err)
		}
		json.Unmarshal(want, &b)
		if ga, gb := mustMarshal(a), mustMarshal(b); ga != gb {
			t.Errorf("appendJSON(%#v) = %s, want %s", v, got, want)
		}
	}
}

func mustMarshal(v any) string {
	data, _ := json.Marshal(v)
	return string(data)
}

func FuzzAppendString(f *testing.F) {
	f.Add("a\"b\\c\n\x00\xff\u2028")
	f.Fuzz(func(t *testing.T, s string) {
		got := appendString(nil, s)
		var back string
		if err := json.Unmarshal(got, &back); err != nil {
			t.Fatalf("appendString(%q) = %s: %v", s, got, err)
		}
		want, _ := json.Marshal(s)
		var wantBack string
		json.Unmarshal(want, &wantBack)
		if back != wantBack {
			t.Fatalf("appendString(%q) decodes to %q, encoding/json's to %q", s, back, wantBack)
		}
	})
}
