package compat

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/vpclattice"
	"github.com/specgen/specgen/specrt"
)

// fuzzTransport answers with the fuzzer's body and status.
type fuzzTransport struct {
	status int
	body   []byte
}

func (t fuzzTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: t.status, Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(t.body)), Request: r}, nil
}

// FuzzLatticeResponse feeds arbitrary bodies to the generated client as
// success and error responses. It must never panic; a success body it
// accepts must be valid JSON; and when encoding/json decodes the body into
// the same output type without error and the body's member names are the
// wire names, both must agree.
func FuzzLatticeResponse(f *testing.F) {
	for _, s := range []string{
		string(latticeResponse), `{}`, `null`, `{"id":null,"dnsEntry":null}`, `{"dnsEntry":{"domainName":"a\u00e9\ud83d\ude00"}}`,
		`{"status":"NEW_STATUS","unknown":[1,{"x":{}}]}`, `{"id":"x"`, `<html>`, `{"__type":"ConflictException","message":"m"}`,
		`{"id":1}`, `{"id":"a","id":"b"}`,
	} {
		f.Add(uint16(201), []byte(s))
		f.Add(uint16(409), []byte(s))
	}
	f.Fuzz(func(t *testing.T, status uint16, body []byte) {
		st := 200 + int(status)%400
		o := vpclattice.Options{
			Region: "us-west-2", HTTPClient: &http.Client{Transport: fuzzTransport{st, body}},
			RetryMaxAttempts: 1, DisableValidation: true,
		}
		out, err := vpclattice.New(o).CreateService(context.Background(), &vpclattice.CreateServiceInput{})
		if st >= 300 {
			if err == nil {
				t.Fatalf("status %d: no error", st)
			}
			var api specrt.APIError
			var re *specrt.ResponseError
			if !errors.As(err, &api) && !errors.As(err, &re) {
				t.Fatalf("status %d: error %T is neither an API error nor a ResponseError", st, err)
			}
			return
		}
		if err != nil {
			return
		}
		if len(bytes.TrimSpace(body)) > 0 && !json.Valid(body) {
			t.Fatalf("accepted invalid JSON %q", body)
		}
		var want vpclattice.CreateServiceOutput
		if json.Unmarshal(body, &want) == nil && wireNamesOnly(body) {
			if diff := cmp.Diff(&want, out); diff != "" {
				t.Fatalf("body %q (-encoding/json +generated):\n%s", body, diff)
			}
		}
	})
}

// wireNamesOnly reports whether no string in body spells a member name
// with other letter case: encoding/json also matches names case-blindly,
// which the generated decoders (like the SDK's) do not. Values are checked
// too, which only makes the comparison skip a few more inputs.
func wireNamesOnly(body []byte) bool {
	known := []string{"id", "arn", "name", "customDomainName", "certificateArn", "status", "authType", "dnsEntry", "domainName", "hostedZoneId"}
	dec := json.NewDecoder(bytes.NewReader(body))
	for {
		tok, err := dec.Token()
		if err != nil {
			return err == io.EOF
		}
		if s, ok := tok.(string); ok {
			for _, k := range known {
				if s != k && strings.EqualFold(s, k) {
					return false
				}
			}
		}
	}
}
