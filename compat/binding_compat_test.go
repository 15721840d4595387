package compat

import (
	"context"
	"net/http"
	"net/url"
	"sync"
	"testing"

	"github.com/aws/smithy-go/encoding/httpbinding"
	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/specrt"
)

// lastRequest records the request it is given and answers 200.
type lastRequest struct {
	mu  sync.Mutex
	req *http.Request
}

func (l *lastRequest) Do(r *http.Request) (*http.Response, error) {
	l.mu.Lock()
	l.req = r
	l.mu.Unlock()
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: http.NoBody, Request: r}, nil
}

type labelInput struct{ id, key string }

// TestPathAndQueryEncodingAgreesWithSmithy sends the same labels and query
// values through our client and through smithy-go's httpbinding encoder,
// which the AWS SDK for Go v2's restJson1 serializers use, and compares
// the escaped path and the decoded query.
func TestPathAndQueryEncodingAgreesWithSmithy(t *testing.T) {
	const template = "/things/{id}/files/{key+}"
	inputs := []labelInput{
		{"plain", "a/b.txt"},
		{"sp ace", "dir name/file name"},
		{"a/b", "x/../y"},
		{"é~_-.", "ü/ö%41"},
		{"semi;colon,comma", "q?x#y&z=1"},
		{"plus+sign", "a+b/c:d@e"},
	}
	svc := &specrt.Service{Name: "things", Protocol: "restJson1", SigningName: "things", EndpointPrefix: "things"}
	op := &specrt.Operation{Name: "GetFile", Method: "GET", Path: template, NoBody: true,
		BindRequest: func(in any, b *specrt.RequestBinding) {
			v := in.(*labelInput)
			b.Label("id", v.id)
			b.Label("key", v.key)
			b.Query("q", v.id)
			b.Query("q", v.key)
		}}
	for _, in := range inputs {
		t.Run(in.id+" "+in.key, func(t *testing.T) {
			rec := &lastRequest{}
			c := specrt.NewClient(svc, specrt.Options{BaseEndpoint: "http://example.com", HTTPClient: rec, RetryMaxAttempts: 1})
			if err := c.Invoke(context.Background(), op, &in, nil); err != nil {
				t.Fatal(err)
			}
			enc, err := httpbinding.NewEncoder(template, "", http.Header{})
			if err != nil {
				t.Fatal(err)
			}
			if err := enc.SetURI("id").String(in.id); err != nil {
				t.Fatal(err)
			}
			if err := enc.SetURI("key").String(in.key); err != nil {
				t.Fatal(err)
			}
			enc.AddQuery("q").String(in.id)
			enc.AddQuery("q").String(in.key)
			sdkReq, err := enc.Encode(&http.Request{URL: &url.URL{Scheme: "http", Host: "example.com"}, Header: http.Header{}})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(sdkReq.URL.EscapedPath(), rec.req.URL.EscapedPath()); diff != "" {
				t.Errorf("escaped path (-sdk +ours):\n%s", diff)
			}
			if diff := cmp.Diff(sdkReq.URL.Query(), rec.req.URL.Query()); diff != "" {
				t.Errorf("query (-sdk +ours):\n%s", diff)
			}
		})
	}
}
