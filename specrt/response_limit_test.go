package specrt_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/specrt"
)

// doerFunc is an HTTPDoer made of a function.
type doerFunc func(*http.Request) (*http.Response, error)

func (f doerFunc) Do(r *http.Request) (*http.Response, error) { return f(r) }

// unreadable is a response body that fails the test when read.
type unreadable struct{ t *testing.T }

func (u unreadable) Read([]byte) (int, error) {
	u.t.Error("the body was read although its Content-Length is over the limit")
	return 0, io.EOF
}
func (unreadable) Close() error { return nil }

func TestMaxResponseBytes(t *testing.T) {
	const limit = 16
	tests := []struct {
		name      string
		status    int
		body      string
		declared  bool // Content-Length set to the body's length
		wantLarge bool
	}{
		{"a body of exactly the limit is read", 200, `{"id":"p-12345"}`, false, false},
		{"a body one byte over the limit fails", 200, `{"id":"p-123456"}`, false, true},
		{"an error body over the limit fails without retrying", 503, `{"__type":"ServiceUnavailable"}`, false, true},
		{"a declared length over the limit fails before reading", 200, "", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls := 0
			doer := doerFunc(func(r *http.Request) (*http.Response, error) {
				calls++
				resp := &http.Response{StatusCode: tt.status, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(tt.body)), ContentLength: -1}
				if tt.declared {
					resp.Body, resp.ContentLength = unreadable{t}, limit+1
				}
				return resp, nil
			})
			c := specrt.NewClient(&restService, specrt.Options{BaseEndpoint: "http://localhost:1", HTTPClient: doer,
				MaxResponseBytes: limit, Sleep: (&sleepRecorder{}).sleep})
			err := c.Invoke(context.Background(), &opCreatePet, &createPetInput{Name: ptr("rex")}, &createPetOutput{})
			var tooLarge *specrt.ResponseTooLargeError
			if !tt.wantLarge && err != nil {
				t.Fatalf("error %v, want none", err)
			}
			if got := errors.As(err, &tooLarge); got != tt.wantLarge {
				t.Fatalf("error %v; want a ResponseTooLargeError: %v", err, tt.wantLarge)
			}
			if calls != 1 {
				t.Errorf("%d attempts, want 1", calls)
			}
			if tt.wantLarge && tooLarge.Limit != limit {
				t.Errorf("Limit = %d, want %d", tooLarge.Limit, limit)
			}
		})
	}
}

func TestMaxResponseBytesCountsDecompressedBytes(t *testing.T) {
	// About 1 KiB on the wire, 1 MiB once net/http has gunzipped it.
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	io.WriteString(w, `{"name":"`+strings.Repeat("a", 1<<20)+`"}`)
	w.Close()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			t.Error("the client did not ask for gzip; the test proves nothing")
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gz.Bytes())
	}))
	defer ts.Close()
	c := specrt.NewClient(&restService, specrt.Options{BaseEndpoint: ts.URL, HTTPClient: ts.Client(), MaxResponseBytes: 64 << 10})
	err := c.Invoke(context.Background(), &opCreatePet, &createPetInput{Name: ptr("rex")}, &createPetOutput{})
	var tooLarge *specrt.ResponseTooLargeError
	if !errors.As(err, &tooLarge) {
		t.Fatalf("error %v; want a ResponseTooLargeError (%d compressed bytes)", err, gz.Len())
	}
}

func TestDefaultMaxResponseBytes(t *testing.T) {
	tests := []struct {
		name string
		set  int64
		want int64
	}{
		{"zero means the default", 0, specrt.DefaultMaxResponseBytes},
		{"a value is kept", 5, 5},
		{"a negative value, no limit, is kept", -1, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := specrt.NewClient(&restService, specrt.Options{MaxResponseBytes: tt.set}).Options().MaxResponseBytes
			if got != tt.want {
				t.Errorf("MaxResponseBytes = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestLongErrorMessagesAreCutInErrorButKeptWhole(t *testing.T) {
	long := strings.Repeat("é", 50_000) // 100,000 bytes
	tests := []struct {
		name string
		body string
	}{
		{"a modeled error", `{"__type":"ConflictException","message":"` + long + `"}`},
		{"an unmodeled error", `{"__type":"Oops","message":"` + long + `"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := &fakeServer{responses: []canned{{status: 400, body: tt.body}}}
			c := newTestClient(&restService, srv, &sleepRecorder{})
			err := c.Invoke(context.Background(), &opCreatePet, &createPetInput{Name: ptr("rex")}, &createPetOutput{})
			var api specrt.APIError
			if !errors.As(err, &api) {
				t.Fatalf("error %v is no APIError", err)
			}
			if diff := cmp.Diff(long, api.ErrorMessage()); diff != "" {
				t.Errorf("ErrorMessage lost part of the message")
			}
			msg := err.Error()
			if len(msg) > 2048 || !utf8.ValidString(msg) || !strings.Contains(msg, "… (98976 more bytes)") {
				t.Errorf("Error() is %d bytes, valid UTF-8 %v, ending %q", len(msg), utf8.ValidString(msg), msg[max(0, len(msg)-40):])
			}
		})
	}
}

func TestFormatAPIError(t *testing.T) {
	tests := []struct {
		name, code, message, want string
	}{
		{"a code alone is the code", "Oops", "", "Oops"},
		{"a short message follows the code", "Oops", "it broke", "Oops: it broke"},
		{"a long message is cut on a rune boundary", "Oops", strings.Repeat("a", 1023) + "éé",
			"Oops: " + strings.Repeat("a", 1023) + "… (4 more bytes)"},
		{"a long code is cut", strings.Repeat("C", 300), "m", strings.Repeat("C", 256) + "… (44 more bytes): m"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, specrt.FormatAPIError(tt.code, tt.message)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
