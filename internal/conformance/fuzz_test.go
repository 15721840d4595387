package conformance

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/aws/smithy-go"

	"github.com/specgen/specgen/internal/conformance/suite"
	"github.com/specgen/specgen/specrt"
)

// fuzzSeeds adds every case of the three suites as a seed: for input cases
// the serialized request, for output cases the response.
func fuzzSeeds(f *testing.F, input bool) {
	for i, p := range suite.Protocols {
		s, err := suite.Load("testdata/suites", p)
		if err != nil {
			f.Fatal(err)
		}
		groups := s.Output
		if input {
			groups = s.Input
		}
		for _, g := range groups {
			for _, c := range g.Cases {
				if input {
					body := ""
					if c.Serialized.Body != nil {
						body = *c.Serialized.Body
					}
					f.Add(i, c.Operation, c.Serialized.Method, c.Serialized.URI, c.Serialized.Headers["Content-Type"], body)
				} else {
					body := ""
					if c.Response.Body != nil {
						body = *c.Response.Body
					}
					f.Add(i, c.Operation, c.Response.StatusCode, c.Response.Headers["Content-Type"], body)
				}
			}
		}
	}
}

// FuzzMockRequest sends the generated mocks any request an operation's
// seeds mutate into: the mock must answer it, never with a 5xx, and a
// refusal is one of the service's errors (X-Amzn-ErrorType).
func FuzzMockRequest(f *testing.F) {
	fuzzSeeds(f, true)
	services := loadServices(f)
	f.Fuzz(func(t *testing.T, proto int, opName, method, uri, contentType, body string) {
		if proto < 0 || proto >= len(suite.Protocols) || !strings.HasPrefix(uri, "/") || strings.ContainsAny(uri, " \t\r\n#") {
			return
		}
		p := suite.Protocols[proto]
		svc := services[p.Package]
		op := operation(svc, opName)
		if op == nil {
			return
		}
		req, err := http.NewRequest(method, "https://example.com"+uri, strings.NewReader(body))
		if err != nil {
			return // not a request an HTTP server would parse
		}
		req.Header.Set("Content-Type", contentType)
		if p.Name != "restJson1" {
			req.Header.Set("X-Amz-Target", svc.TargetPrefix+"."+op.Name)
		}
		rec := httptest.NewRecorder()
		generated[p.Package].mock().ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %s %q: answered %d %s", method, uri, body, rec.Code, rec.Body.Bytes())
		}
		if rec.Code >= 400 && rec.Header().Get("X-Amzn-ErrorType") == "" {
			t.Fatalf("%s %s %q: answered %d without the service's error type: %s", method, uri, body, rec.Code, rec.Body.Bytes())
		}
	})
}

// FuzzClientResponse has the generated clients decode any response an
// operation's seeds mutate into: a call ends with a result or an error,
// never a panic, and the error is the service's (a typed error or
// *specrt.GenericAPIError) or the client's *specrt.ResponseError for a
// response it cannot read.
func FuzzClientResponse(f *testing.F) {
	fuzzSeeds(f, false)
	services := loadServices(f)
	f.Fuzz(func(t *testing.T, proto int, opName string, status int, contentType, body string) {
		if proto < 0 || proto >= len(suite.Protocols) || status < 100 || status > 599 {
			return
		}
		p := suite.Protocols[proto]
		op := operation(services[p.Package], opName)
		if op == nil {
			return
		}
		resp := &suite.Response{StatusCode: status, Headers: map[string]string{"Content-Type": contentType}, Body: &body}
		client := generated[p.Package].client(options("", &doer{resp: resp}))
		in := reflect.New(reflect.ValueOf(client).MethodByName(op.Name).Type().In(1).Elem())
		out, err := call(client, op, in)
		if err == nil && out.IsNil() {
			t.Fatalf("status %d %q: no result and no error", status, body)
		}
		var api smithy.APIError
		var bad *specrt.ResponseError
		if err != nil && !errors.As(err, &api) && !errors.As(err, &bad) {
			t.Fatalf("status %d %q: %T is neither the service's error nor a *specrt.ResponseError: %v", status, body, err, err)
		}
	})
}
