package main

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRequestsAreRoutedByTheirCredentialScope(t *testing.T) {
	url := startInProcess(t, io.Discard)
	type answer struct {
		Status int
		Code   string
	}
	for _, tc := range []struct {
		name, service, path string
		want                answer
	}{
		{"a request signed for vpc-lattice reaches VPC Lattice", "vpc-lattice", "/services", answer{201, ""}},
		{"a request signed for ecs gets ECS's own error for a Lattice path", "ecs", "/services", answer{400, "UnknownOperationException"}},
		{"a request signed for a service not served is refused", "s3", "/services", answer{400, "UnknownServiceException"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest("POST", url+tc.path, strings.NewReader(`{"name":"my-service"}`))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("X-Amz-Date", "20260101T000000Z")
			req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/"+tc.service+
				"/aws4_request, SignedHeaders=host;x-amz-date, Signature=00")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			got := answer{resp.StatusCode, resp.Header.Get("X-Amzn-ErrorType")}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("answer (-want +got):\n%s", diff)
			}
		})
	}
}
