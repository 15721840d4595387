package specrt_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/specrt"
)

func TestSnippet(t *testing.T) {
	if got := specrt.Snippet([]byte("<p>\n\t a  b </p>")); got != "<p> a b </p>" {
		t.Errorf("Snippet collapses space: got %q", got)
	}
	long := strings.Repeat("é", 200)
	got := specrt.Snippet([]byte(long))
	if !strings.HasSuffix(got, "…") || len(got) > 140 || strings.ContainsRune(got, '\uFFFD') {
		t.Errorf("Snippet of a long body = %q, want at most 128 bytes cut at a rune boundary, with an ellipsis", got)
	}
	if got := specrt.Snippet([]byte{0xff, 'a'}); got != "\uFFFDa" {
		t.Errorf("Snippet of invalid UTF-8 = %q", got)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		value  string
		want   time.Duration
		wantOK bool
	}{
		{"", 0, false},
		{"5", 5 * time.Second, true},
		{" 0 ", 0, true},
		{"-1", 0, false},
		{"soon", 0, false},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second, true},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0, true},
	}
	for _, tt := range tests {
		h := http.Header{}
		if tt.value != "" {
			h.Set("Retry-After", tt.value)
		}
		got, ok := specrt.ParseRetryAfter(h, now)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("ParseRetryAfter(%q) = %v, %v; want %v, %v", tt.value, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestHeaderBinders(t *testing.T) {
	h := http.Header{}
	h.Set("A", "12")
	h.Set("B", "true")
	h.Set("C", "x")
	if v := specrt.HeaderInt32(h, "A"); v == nil || *v != 12 {
		t.Errorf("HeaderInt32(A) = %v", v)
	}
	if v := specrt.HeaderInt64(h, "A"); v == nil || *v != 12 {
		t.Errorf("HeaderInt64(A) = %v", v)
	}
	if v := specrt.HeaderBool(h, "B"); v == nil || !*v {
		t.Errorf("HeaderBool(B) = %v", v)
	}
	if v := specrt.HeaderString(h, "C"); v == nil || *v != "x" {
		t.Errorf("HeaderString(C) = %v", v)
	}
	if specrt.HeaderInt32(h, "C") != nil || specrt.HeaderInt32(h, "missing") != nil || specrt.HeaderBool(h, "C") != nil || specrt.HeaderString(h, "missing") != nil {
		t.Error("binders must return nil for absent or malformed headers")
	}
}

// skipAll decodes data with Skip, as a generated decoder does for members it
// does not know.
func skipAll(data []byte) error {
	var d specrt.JSONDecoder
	d.Reset(data)
	d.Skip()
	return d.Finish()
}

func TestJSONDecoderAcceptsWhatEncodingJSONAccepts(t *testing.T) {
	docs := []string{
		`{}`, `[]`, ` {"a" : [1, -2.5e+3, 0, true, false, null, "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"]} `,
		`{"a":{"b":{"c":[[],[{}]]}}}`, `"str"`, `12`, `-0.0`, `null`,
		``, `{`, `{"a"}`, `{"a":}`, `{"a":1,}`, `[1,]`, `[,1]`, `[1 2]`, `{"a":1]`, `[1}`, `{1:2}`,
		`"abc`, `"a\x"`, `"\u12"`, "\"ctl\x01\"", `01`, `1.`, `.5`, `1e`, `-`, `tru`, `nul`, `{} {}`, `[]]`,
		`"\ud800"`, "\"\xff\"",
	}
	for _, doc := range docs {
		if got, want := skipAll([]byte(doc)) == nil, json.Valid([]byte(doc)); got != want {
			t.Errorf("%q: accepted %v, encoding/json %v", doc, got, want)
		}
	}
}

func FuzzJSONDecoderSkip(f *testing.F) {
	for _, s := range []string{`{"a":[1,"b",{"c":null}]}`, `[1e5,-0.25,true]`, `"\ud83d\ude00"`, `{"a":1,}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if got, want := skipAll(data) == nil, json.Valid(data); got != want {
			t.Errorf("%q: accepted %v, encoding/json %v", data, got, want)
		}
	})
}

func TestJSONDecoderValues(t *testing.T) {
	type record struct {
		S    *string
		I    *int32
		L    *int64
		F    *float64
		B    *bool
		T    *time.Time
		Blob []byte
		List []string
		Map  map[string]int32
	}
	decode := func(data string) (record, error) {
		var d specrt.JSONDecoder
		d.Reset([]byte(data))
		var r record
		if d.BeginObject() {
			for d.NextMember() {
				switch string(d.KeyBytes()) {
				case "s":
					r.S = d.StrPtr()
				case "i":
					r.I = d.Int32Ptr()
				case "l":
					r.L = d.Int64Ptr()
				case "f":
					r.F = d.Float64Ptr()
				case "b":
					r.B = d.BoolPtr()
				case "t":
					r.T = d.TimePtr()
				case "blob":
					r.Blob = d.Blob()
				case "list":
					if d.BeginArray() {
						for d.NextElement() {
							r.List = append(r.List, d.Str())
						}
					}
				case "map":
					if d.BeginObject() {
						r.Map = map[string]int32{}
						for d.NextMember() {
							k := d.Key()
							r.Map[k] = d.Int32()
						}
					}
				default:
					d.Skip()
				}
			}
		}
		return r, d.Finish()
	}
	ts := time.Unix(1700000000, 250*int64(time.Millisecond)).UTC()
	got, err := decode(`{"s":"a\u00e9","i":-2147483648,"l":9007199254740993,"f":1.5e2,"b":true,"t":1700000000.25,
		"blob":"aGk=","list":["x",null,"y"],"map":{"k":7},"unknown":{"deep":[1,{"x":null}]},"s2":null}`)
	if err != nil {
		t.Fatal(err)
	}
	want := record{S: ptr("aé"), I: ptr[int32](-2147483648), L: ptr[int64](9007199254740993), F: ptr(150.0), B: ptr(true), T: &ts,
		Blob: []byte("hi"), List: []string{"x", "", "y"}, Map: map[string]int32{"k": 7}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for _, bad := range []string{
		`{"i":2147483648}`, `{"i":1.5}`, `{"i":"1"}`, `{"s":1}`, `{"b":"true"}`, `{"list":{}}`, `{"map":[]}`,
		`{"blob":"!!"}`, `{"t":"2024-01-01"}`, `{"s":"x"`, `[]`, `{"l":-9223372036854775809}`,
	} {
		if _, err := decode(bad); err == nil {
			t.Errorf("%s: decoded without error", bad)
		} else if !strings.HasPrefix(err.Error(), "json: offset ") {
			t.Errorf("%s: error %q does not give the offset", bad, err)
		}
	}
	if r, err := decode(`null`); err != nil || r.S != nil {
		t.Errorf("null document: %+v, %v", r, err)
	}
}

func TestJSONDecoderNestingIsBounded(t *testing.T) {
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	if err := skipAll([]byte(deep)); err == nil || !strings.Contains(err.Error(), "nested too deeply") {
		t.Errorf("err = %v, want a nesting error", err)
	}
}
