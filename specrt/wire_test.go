package specrt_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

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
