package mockrt

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// signatureAt is checked against the SDK's signer on requests both can
// sign (those with X-Amz-Date): the Date-only requests it alone verifies
// differ from these only in which header carries the time.
func TestSignatureAtAgreesWithTheSDKSigner(t *testing.T) {
	at := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	tests := []struct {
		name, method, url, body string
		header                  map[string]string
		token                   string
	}{
		{"a JSON post", "POST", "http://mock.local:4566/", `{"a":1}`, map[string]string{"X-Amz-Target": "Svc.Op"}, ""},
		{"a path with escapes and spaces", "GET", "http://mock.local/things/a%2Fb/c%20d/%C3%A9", "", nil, ""},
		{"a query whose names are prefixes of each other", "GET", "http://mock.local/x?a-b=2&a=1&a=0&b=x+y&c=%2F", "", nil, ""},
		{"a header with runs of spaces", "PUT", "http://mock.local/x", "body", map[string]string{"X-Custom": "  a   b  c "}, ""},
		{"a session token", "POST", "http://mock.local/", "{}", nil, "TOKEN"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequest(tc.method, tc.url, strings.NewReader(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range tc.header {
				req.Header.Set(k, v)
			}
			sum := sha256.Sum256([]byte(tc.body))
			hash := hex.EncodeToString(sum[:])
			creds := aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET", SessionToken: tc.token}
			if err := v4.NewSigner().SignHTTP(context.Background(), creds, req, hash, "svc", "us-east-1", at); err != nil {
				t.Fatal(err)
			}
			a, problems := parseAuth(req.Header.Get("Authorization"))
			if len(problems) > 0 {
				t.Fatal(problems)
			}
			req.Host = req.URL.Host // as a server sees it
			if got := signatureAt(req, a, "SECRET", hash, int64(len(tc.body)), at); got != a.signature {
				t.Errorf("signature %s, the SDK's %s (signed headers %v)", got, a.signature, a.signedHeaders)
			}
		})
	}
}

// dateSignedRequest is a request to url dated by its Date header alone and
// signed with secret.
func dateSignedRequest(t *testing.T, url, body, secret string, at time.Time, signed []string) *http.Request {
	t.Helper()
	req, err := http.NewRequest("POST", url+"/things", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Date", at.Format(http.TimeFormat))
	req.Host = req.URL.Host
	a := authHeader{accessKey: "AKID", date: at.Format("20060102"), region: "us-west-2", service: "things", signedHeaders: signed}
	sum := sha256.Sum256([]byte(body))
	sig := signatureAt(req, a, secret, hex.EncodeToString(sum[:]), int64(len(body)), at)
	req.Header.Set("Authorization", sigAlgorithm+" Credential=AKID/"+a.date+"/us-west-2/things/aws4_request, SignedHeaders="+
		strings.Join(signed, ";")+", Signature="+sig)
	return req
}

func TestSigV4HeaderEdgeCases(t *testing.T) {
	now := time.Now().UTC().Truncate(time.Second)
	_, url := startRest(t, WithCredentials("AKID", "SECRET"), WithRegion("us-west-2"))
	body := `{"name":"abc"}`
	all := []string{"content-length", "content-type", "date", "host"}
	tests := []struct {
		name     string
		req      func() *http.Request
		wantCode string
		wantMsg  string
	}{
		{"a request dated by Date alone is served", func() *http.Request {
			return dateSignedRequest(t, url, body, "SECRET", now, all)
		}, "", ""},
		{"a request dated by Date alone with a wrong secret is InvalidSignature", func() *http.Request {
			return dateSignedRequest(t, url, body, "WRONG", now, all)
		}, "InvalidSignatureException", ""},
		{"a request whose Date is not signed is InvalidSignature", func() *http.Request {
			return dateSignedRequest(t, url, body, "SECRET", now, []string{"content-length", "content-type", "host"})
		}, "InvalidSignatureException", ""},
		{"a request with no date at all is IncompleteSignature", func() *http.Request {
			r := dateSignedRequest(t, url, body, "SECRET", now, all)
			r.Header.Del("Date")
			return r
		}, "IncompleteSignatureException", "either a 'X-Amz-Date' or a 'Date' header"},
		{"a Date that is no HTTP date is IncompleteSignature", func() *http.Request {
			r := dateSignedRequest(t, url, body, "SECRET", now, all)
			r.Header.Set("Date", "yesterday")
			return r
		}, "IncompleteSignatureException", "Date must be an HTTP date"},
		{"two Authorization headers are IncompleteSignature, even with a good first one", func() *http.Request {
			r := signedRequest(t, url, body, "AKID", "SECRET", "us-west-2", now)
			r.Header.Add("Authorization", "AWS4-HMAC-SHA256 Credential=OTHER/20260101/us-west-2/things/aws4_request, SignedHeaders=host, Signature=00")
			return r
		}, "IncompleteSignatureException", "only once"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, code, raw := send(t, tc.req())
			if code != tc.wantCode {
				t.Fatalf("error %q (status %d, %s), want %q", code, status, raw, tc.wantCode)
			}
			if !strings.Contains(raw, tc.wantMsg) {
				t.Errorf("message %s, want it to say %q", raw, tc.wantMsg)
			}
		})
	}
}
