package mockrt

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

func signedRequest(t *testing.T, url, body, akid, secret, region string, at time.Time) *http.Request {
	t.Helper()
	req, err := http.NewRequest("POST", url+"/things", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	sum := sha256.Sum256([]byte(body))
	err = v4.NewSigner().SignHTTP(context.Background(), aws.Credentials{AccessKeyID: akid, SecretAccessKey: secret},
		req, hex.EncodeToString(sum[:]), "things", region, at)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

func send(t *testing.T, req *http.Request) (int, string, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("X-Amzn-ErrorType"), string(data)
}

func TestSigV4(t *testing.T) {
	now := time.Now().UTC()
	s, url := startRest(t, WithCredentials("AKID", "SECRET"), WithRegion("us-west-2"))
	body := `{"name":"abc"}`
	tests := []struct {
		name     string
		req      func() *http.Request
		wantCode string
	}{
		{"a correctly signed request is served", func() *http.Request {
			return signedRequest(t, url, body, "AKID", "SECRET", "us-west-2", now)
		}, ""},
		{"a request without a signature is MissingAuthenticationToken", func() *http.Request {
			r, _ := http.NewRequest("POST", url+"/things", strings.NewReader(body))
			return r
		}, "MissingAuthenticationTokenException"},
		{"a wrong secret is InvalidSignature", func() *http.Request {
			return signedRequest(t, url, body, "AKID", "WRONG", "us-west-2", now)
		}, "InvalidSignatureException"},
		{"an unknown access key is UnrecognizedClient", func() *http.Request {
			return signedRequest(t, url, body, "OTHER", "SECRET", "us-west-2", now)
		}, "UnrecognizedClientException"},
		{"another region is InvalidSignature", func() *http.Request {
			return signedRequest(t, url, body, "AKID", "SECRET", "eu-west-1", now)
		}, "InvalidSignatureException"},
		{"an old signature is InvalidSignature", func() *http.Request {
			return signedRequest(t, url, body, "AKID", "SECRET", "us-west-2", now.Add(-time.Hour))
		}, "InvalidSignatureException"},
		{"a tampered body is InvalidSignature", func() *http.Request {
			r := signedRequest(t, url, body, "AKID", "SECRET", "us-west-2", now)
			tampered := `{"name":"abd"}`
			r.Body = io.NopCloser(strings.NewReader(tampered))
			return r
		}, "InvalidSignatureException"},
		{"a header without a signature is IncompleteSignature", func() *http.Request {
			r := signedRequest(t, url, body, "AKID", "SECRET", "us-west-2", now)
			a := r.Header.Get("Authorization")
			r.Header.Set("Authorization", a[:strings.Index(a, ", Signature=")])
			return r
		}, "IncompleteSignatureException"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := tc.req()
			status, code, raw := send(t, req)
			if code != tc.wantCode {
				t.Fatalf("error %q (status %d, %s), want %q", code, status, raw, tc.wantCode)
			}
			if code == "" {
				return
			}
			if status != 400 && status != 403 {
				t.Errorf("status %d", status)
			}
			// The answer must not help a forger: recompute the right signature
			// and make sure it is nowhere in the response.
			good := signedRequest(t, url, body, "AKID", "SECRET", "us-west-2", now)
			a := good.Header.Get("Authorization")
			sig := a[strings.Index(a, "Signature=")+len("Signature="):]
			if strings.Contains(raw, sig) {
				t.Errorf("the expected signature leaked: %s", raw)
			}
		})
	}
	if n := len(s.Store().List("thing")); n != 1 {
		t.Errorf("%d items stored, want only the signed request's", n)
	}
}

func TestServersWithTheSameKeyIDAndOtherSecretsDoNotShareKeys(t *testing.T) {
	now := time.Now().UTC()
	_, url1 := startRest(t, WithCredentials("AKID", "SECRET-1"), WithRegion("us-west-2"))
	_, url2 := startRest(t, WithCredentials("AKID", "SECRET-2"), WithRegion("us-west-2"))
	if status, code, raw := send(t, signedRequest(t, url1, `{"name":"abc"}`, "AKID", "SECRET-1", "us-west-2", now)); code != "" {
		t.Fatalf("server 1, its own secret: %d %s %s", status, code, raw)
	}
	if _, code, _ := send(t, signedRequest(t, url2, `{"name":"abc"}`, "AKID", "SECRET-1", "us-west-2", now)); code != "InvalidSignatureException" {
		t.Errorf("server 2 accepted server 1's secret: %q", code)
	}
	if status, code, raw := send(t, signedRequest(t, url2, `{"name":"abc"}`, "AKID", "SECRET-2", "us-west-2", now)); code != "" {
		t.Errorf("server 2, its own secret: %d %s %s", status, code, raw)
	}
}
