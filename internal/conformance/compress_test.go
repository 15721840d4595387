package conformance

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/internal/conformance/gen/restjson"
	"github.com/specgen/specgen/internal/conformance/gen/restjson/restjsonmock"
	"github.com/specgen/specgen/specrt"
	"github.com/specgen/specgen/specrt/mockrt"
)

// TestRequestCompression sends PutWithContentEncoding (an operation whose
// model lets clients gzip requests) from the generated client to the
// generated mock: a body of the threshold or more travels gzipped after
// the encoding the input names, a smaller one or one with compression
// turned off travels as it is, and the mock reads each back to the same
// input.
func TestRequestCompression(t *testing.T) {
	big := strings.Repeat("a", specrt.DefaultRequestMinCompressSizeBytes)
	tests := []struct {
		name         string
		data         string
		disable      bool
		wantEncoding string // Content-Encoding on the wire
		wantGzip     bool
	}{
		{"a body at the threshold is gzipped after the input's encoding", big, false, "custom, gzip", true},
		{"a smaller body is sent as it is", "small", false, "custom", false},
		{"DisableRequestCompression sends it as it is", big, true, "custom", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mock := restjsonmock.New()
			var got *restjson.PutWithContentEncodingInput
			mock.HandlePutWithContentEncoding(func(_ context.Context, in *restjson.PutWithContentEncodingInput) (*restjson.PutWithContentEncodingOutput, error) {
				got = in
				return &restjson.PutWithContentEncodingOutput{}, nil
			})
			opts := options("https://example.com", handlerDoer{mock})
			opts.DisableRequestCompression = tt.disable
			in := &restjson.PutWithContentEncodingInput{Encoding: ptr("custom"), Data: ptr(tt.data)}
			if _, err := restjson.New(opts).PutWithContentEncoding(context.Background(), in); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(in, got); diff != "" {
				t.Errorf("input the mock decoded (-want +got):\n%s", diff)
			}
			rec := mock.Requests()[0]
			if enc := rec.Header.Get("Content-Encoding"); enc != tt.wantEncoding {
				t.Errorf("Content-Encoding = %q, want %q", enc, tt.wantEncoding)
			}
			if isGzip := bytes.HasPrefix(rec.Body, []byte{0x1f, 0x8b}); isGzip != tt.wantGzip {
				t.Errorf("body gzipped = %v, want %v", isGzip, tt.wantGzip)
			}
		})
	}
}

// TestMockRefusesBadGzip sends the mock bodies that say they are gzipped:
// one that is not is the protocol's serialization error, one that
// inflates past the body limit is the service's too-large error.
func TestMockRefusesBadGzip(t *testing.T) {
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	zw.Write(make([]byte, mockrt.DefaultBodyLimit+1))
	zw.Close()
	tests := []struct {
		name       string
		body       []byte
		wantStatus int
		wantType   string
	}{
		{"a body that is not gzip is a serialization error", []byte(`{"data":"x"}`), 400, "SerializationException"},
		{"a body that inflates past the limit is too large", bomb.Bytes(), 413, "RequestEntityTooLargeException"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest("POST", "https://example.com/requestcompression/putcontentwithencoding", bytes.NewReader(tt.body))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Content-Encoding", "gzip")
			rec := httptest.NewRecorder()
			restjsonmock.New().ServeHTTP(rec, req)
			body, _ := io.ReadAll(rec.Body)
			if rec.Code != tt.wantStatus || rec.Header().Get("X-Amzn-ErrorType") != tt.wantType {
				t.Errorf("answered %d %s %s, want %d %s", rec.Code, rec.Header().Get("X-Amzn-ErrorType"), body, tt.wantStatus, tt.wantType)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }
