package specrt

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// wireStruct mimics a generated structure's JSON methods: the fields keep
// their Go types and travel through the run-time conversions.
type wireStruct struct {
	D    *float64
	F    *float32
	ISO  *time.Time
	Date *time.Time
}

func (v wireStruct) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		D    *Float[float64] `json:"d,omitempty"`
		F    *Float[float32] `json:"f,omitempty"`
		ISO  *ISO8601Time    `json:"iso,omitempty"`
		Date *HTTPDateTime   `json:"date,omitempty"`
	}{FloatOf(v.D), FloatOf(v.F), ISO8601Of(v.ISO), HTTPDateOf(v.Date)})
}

func TestWireValuesEncode(t *testing.T) {
	ptr := func(f float64) *float64 { return &f }
	f32 := func(f float32) *float32 { return &f }
	at := time.Date(2024, 2, 29, 12, 30, 5, 250e6, time.UTC)
	for _, tc := range []struct {
		name string
		in   wireStruct
		want string
	}{
		{"a finite double is a JSON number", wireStruct{D: ptr(1.5)}, `{"d":1.5}`},
		{"NaN is a string", wireStruct{D: ptr(math.NaN())}, `{"d":"NaN"}`},
		{"infinities are strings", wireStruct{D: ptr(math.Inf(1)), F: f32(float32(math.Inf(-1)))}, `{"d":"Infinity","f":"-Infinity"}`},
		{"a float keeps its shortest float32 form", wireStruct{F: f32(0.1)}, `{"f":0.1}`},
		{"iso8601 is an RFC 3339 string in UTC", wireStruct{ISO: &at}, `{"iso":"2024-02-29T12:30:05.25Z"}`},
		{"http-date drops the fraction", wireStruct{Date: &at}, `{"date":"Thu, 29 Feb 2024 12:30:05 GMT"}`},
		{"unset members are left out", wireStruct{}, `{}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := json.Marshal(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, string(got)); diff != "" {
				t.Errorf("encoding differs (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWireValuesDecode(t *testing.T) {
	at := time.Date(2024, 2, 29, 12, 30, 5, 0, time.UTC)
	for _, tc := range []struct {
		name    string
		wire    string
		float   float64 // NaN compares as NaN
		time    time.Time
		wantErr bool
	}{
		{name: "a JSON number", wire: `{"d":2.5}`, float: 2.5},
		{name: "NaN from its string", wire: `{"d":"NaN"}`, float: math.NaN()},
		{name: "Infinity from its string", wire: `{"d":"Infinity"}`, float: math.Inf(1)},
		{name: "-Infinity from its string", wire: `{"d":"-Infinity"}`, float: math.Inf(-1)},
		{name: "another string is refused", wire: `{"d":"nan"}`, wantErr: true},
		{name: "an iso8601 string", wire: `{"iso":"2024-02-29T13:30:05+01:00"}`, time: at},
		{name: "an iso8601 member refuses a number", wire: `{"iso":1709209805}`, wantErr: true},
		{name: "an http date", wire: `{"date":"Thu, 29 Feb 2024 12:30:05 GMT"}`, time: at},
		{name: "an http-date member refuses an iso8601 string", wire: `{"date":"2024-02-29T12:30:05Z"}`, wantErr: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var w struct {
				D    *Float[float64] `json:"d"`
				ISO  *ISO8601Time    `json:"iso"`
				Date *HTTPDateTime   `json:"date"`
			}
			err := json.Unmarshal([]byte(tc.wire), &w)
			if tc.wantErr {
				if err == nil {
					t.Fatalf("decoded %s, want an error", tc.wire)
				}
				return
			}
			if err != nil {
				t.Fatalf("decode %s: %v", tc.wire, err)
			}
			switch {
			case w.D != nil:
				if got := *w.D.Value(); got != tc.float && !(math.IsNaN(got) && math.IsNaN(tc.float)) {
					t.Errorf("decoded %v, want %v", got, tc.float)
				}
			default:
				got := w.ISO.Time()
				if got == nil {
					got = w.Date.Time()
				}
				if got == nil || !got.Equal(tc.time) {
					t.Errorf("decoded %v, want %v", got, tc.time)
				}
			}
		})
	}
}

func TestDocument(t *testing.T) {
	for _, tc := range []struct {
		name string
		wire string
		want string // the document's text; "" for none
	}{
		{"an object is kept as sent", `{"doc":{"b":[1,2.5,"x"],"a":null}}`, `{"b":[1,2.5,"x"],"a":null}`},
		{"a scalar is a document", `{"doc":"text"}`, `"text"`},
		{"a number keeps its digits", `{"doc":12345678901234567890}`, `12345678901234567890`},
		{"null is no document", `{"doc":null}`, ``},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var w struct {
				Doc Document `json:"doc,omitempty"`
			}
			if err := json.Unmarshal([]byte(tc.wire), &w); err != nil {
				t.Fatal(err)
			}
			if tc.want == "" {
				// encoding/json hands null to UnmarshalJSON, which leaves the
				// document unset.
				if w.Doc != nil {
					t.Errorf("got %q for null, want nil", w.Doc)
				}
				return
			}
			if diff := cmp.Diff(tc.want, w.Doc.String()); diff != "" {
				t.Errorf("encoding/json document differs (-want +got):\n%s", diff)
			}
			back, err := json.Marshal(w)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(`{"doc":`+tc.want+`}`, string(back)); diff != "" {
				t.Errorf("re-encoding differs (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("a document that is not JSON is refused when encoded", func(t *testing.T) {
		if _, err := json.Marshal(struct{ D Document }{Document("{")}); err == nil {
			t.Error("encoded a broken document")
		}
	})
	t.Run("NewDocument and Decode round-trip a Go value", func(t *testing.T) {
		doc, err := NewDocument(map[string]any{"k": []int{1, 2}})
		if err != nil {
			t.Fatal(err)
		}
		var got map[string][]int
		if err := doc.Decode(&got); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(map[string][]int{"k": {1, 2}}, got); diff != "" {
			t.Errorf("round trip differs (-want +got):\n%s", diff)
		}
	})
}

func TestFloatCollections(t *testing.T) {
	type wire struct {
		L FloatList[float64] `json:"l,omitempty"`
		M FloatMap[float32]  `json:"m,omitempty"`
	}
	in := wire{L: FloatList[float64]{1.5, math.NaN(), math.Inf(-1)}, M: FloatMap[float32]{"a": float32(math.Inf(1)), "b": 0.25}}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(`{"l":[1.5,"NaN","-Infinity"],"m":{"a":"Infinity","b":0.25}}`, string(data)); diff != "" {
		t.Errorf("encoding differs (-want +got):\n%s", diff)
	}
	var out wire
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	if len(out.L) != 3 || out.L[0] != 1.5 || !math.IsNaN(out.L[1]) || !math.IsInf(out.L[2], -1) || !math.IsInf(float64(out.M["a"]), 1) || out.M["b"] != 0.25 {
		t.Errorf("decoded %v %v", out.L, out.M)
	}
	if err := json.Unmarshal([]byte(`{"l":["nan"]}`), &out); err == nil {
		t.Error("decoded a string that is no float")
	}
}
