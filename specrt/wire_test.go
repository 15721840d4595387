package specrt_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/specrt"
)

func TestSanitizeErrorCode(t *testing.T) {
	tests := map[string]string{
		"ConflictException": "ConflictException",
		"ConflictException:http://internal.amazon.com/coral/":                                             "ConflictException",
		"aws.protocoltests.restjson#FooError":                                                             "FooError",
		"aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/": "FooError",
		"": "",
	}
	for in, want := range tests {
		if got := specrt.SanitizeErrorCode(in); got != want {
			t.Errorf("SanitizeErrorCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseErrorInfo(t *testing.T) {
	tests := []struct {
		name   string
		header http.Header
		body   string
		want   specrt.ErrorInfo
	}{
		{"the header comes first", http.Header{"X-Amzn-Errortype": {"A:x"}}, `{"__type":"B","code":"C","message":"m"}`, specrt.ErrorInfo{Code: "A", Message: "m", JSON: true}},
		{"__type before code", nil, `{"__type":"ns#B","code":"C"}`, specrt.ErrorInfo{Code: "B", JSON: true}},
		{"code when there is no __type", nil, `{"code":"ns#C"}`, specrt.ErrorInfo{Code: "C", JSON: true}},
		{"__type alone", nil, `{"__type":"ns#B","Message":"M"}`, specrt.ErrorInfo{Code: "B", Message: "M", JSON: true}},
		{"an empty body", nil, ``, specrt.ErrorInfo{}},
		{"HTML", nil, `<html></html>`, specrt.ErrorInfo{}},
		{"truncated JSON", nil, `{"__type":"B`, specrt.ErrorInfo{}},
		{"a JSON string is not an error object", nil, `"B"`, specrt.ErrorInfo{}},
		{"a non-string type is ignored", nil, `{"__type":1,"code":"C"}`, specrt.ErrorInfo{Code: "C", JSON: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := tt.header
			if h == nil {
				h = http.Header{}
			}
			if diff := cmp.Diff(tt.want, specrt.ParseErrorInfo(h, []byte(tt.body))); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

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

func TestTargets(t *testing.T) {
	if got := specrt.Target("AppRunner", "CreateService"); got != "AppRunner.CreateService" {
		t.Errorf("Target = %q", got)
	}
	p, op, ok := specrt.SplitTarget("Route53AutoNaming_v20170314.CreatePrivateDnsNamespace")
	if !ok || p != "Route53AutoNaming_v20170314" || op != "CreatePrivateDnsNamespace" {
		t.Errorf("SplitTarget = %q, %q, %v", p, op, ok)
	}
	if _, _, ok := specrt.SplitTarget("nodot"); ok {
		t.Error("SplitTarget(nodot) ok")
	}
}
