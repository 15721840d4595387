package specrt_test

import (
	"context"
	"crypto/md5"
	"encoding/base64"
	"strings"
	"testing"

	"github.com/specgen/specgen/specrt"
)

func TestContentMD5IsOfTheBodyAsSent(t *testing.T) {
	md5Of := func(body string) string {
		sum := md5.Sum([]byte(body))
		return base64.StdEncoding.EncodeToString(sum[:])
	}
	big := strings.Repeat("a", specrt.DefaultRequestMinCompressSizeBytes)
	tests := []struct {
		name    string
		op      specrt.Operation
		in      *createPetInput
		wantMD5 bool
	}{
		{"an operation that requires a checksum sends the body's MD5",
			specrt.Operation{Name: "CreatePet", Method: "POST", Path: "/pets", ContentMD5: true}, &createPetInput{Name: ptr("rex")}, true},
		{"a gzipped body's MD5 is of the gzipped bytes",
			specrt.Operation{Name: "CreatePet", Method: "POST", Path: "/pets", ContentMD5: true, Compress: true}, &createPetInput{Name: ptr(big)}, true},
		{"an operation that requires none sends no Content-MD5",
			specrt.Operation{Name: "CreatePet", Method: "POST", Path: "/pets"}, &createPetInput{Name: ptr("rex")}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := &fakeServer{responses: []canned{{status: 200, body: `{}`}}}
			c := newTestClient(&restService, srv, &sleepRecorder{})
			if err := c.Invoke(context.Background(), &tt.op, tt.in, &createPetOutput{}); err != nil {
				t.Fatal(err)
			}
			r := srv.requests[0]
			if enc := r.Header.Get("Content-Encoding"); tt.op.Compress && enc != "gzip" {
				t.Fatalf("Content-Encoding = %q, want gzip", enc)
			}
			want := ""
			if tt.wantMD5 {
				want = md5Of(r.Body)
			}
			if got := r.Header.Get("Content-MD5"); got != want {
				t.Errorf("Content-MD5 = %q, want %q (body %d bytes, Content-Encoding %q)", got, want, len(r.Body), r.Header.Get("Content-Encoding"))
			}
		})
	}
}
