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
	"github.com/specgen/specgen/specrt/protocol/registry"
)

// fuzzSeeds adds every case of the suites as a seed: for input cases the
// serialized request, for output cases the response. A suite whose
// protocol has no implementation yet adds none: its mock cannot be made.
func fuzzSeeds(f *testing.F, input bool) {
	for i, p := range suite.Protocols {
		if pendingReason(p) != "" {
			continue
		}
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
					body, err := p.Body(c.Serialized.Body)
					if err != nil {
						f.Fatal(err)
					}
					f.Add(i, c.Operation, c.Serialized.Method, c.Serialized.URI, contentType(p, c.Serialized.Headers), string(body))
				} else {
					body, err := p.Body(c.Response.Body)
					if err != nil {
						f.Fatal(err)
					}
					f.Add(i, c.Operation, c.Response.StatusCode, contentType(p, c.Response.Headers), string(body))
				}
			}
		}
		if input {
			for _, body := range hostileBodies[bodyKind(contentType(p, nil))] {
				op := s.Input[0].Cases[0]
				f.Add(i, op.Operation, op.Serialized.Method, op.Serialized.URI, contentType(p, op.Serialized.Headers), body)
			}
		}
	}
}

// hostileBodies are request bodies, by encoding, that a decoder must
// refuse in bounded time and memory, as the protocol's client error.
var hostileBodies = map[string][]string{
	"json": {
		strings.Repeat("[", 100000),
		`{"a":` + strings.Repeat(`{"a":`, 10000) + `1` + strings.Repeat("}", 10001),
	},
	"form": {
		"Action=A&Action=B&Version=2020-01-08",
		"Action=%zz&Version=%",
		"Action&=&&==&Version=2020-01-08",
		"Action=Op&" + strings.Repeat("L.member.1=x&", 10000),
		"Action=Op&L.member.4294967296=x&L.member.-1=y&L.member.0=z",
	},
	"xml": {
		`<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "bbbbbbbbbb"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">` +
			`<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><a>&d;&d;&d;&d;&d;&d;&d;&d;</a>`,
		`<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>`,
		strings.Repeat("<a>", 100000),
		"<a><b></a></b>",
	},
	"cbor": {
		"\xbf" + strings.Repeat("\x9f", 10000),                // indefinite lengths nested deep
		"\xa1\x63foo\x5b\x00\x00\x00\xff\xff\xff\xff\xff",     // a byte string declaring 2^40 bytes
		"\xbb\x00\x00\x00\xff\xff\xff\xff\xff",                // a map declaring 2^40 pairs
		"\xa1\x63foo\xdb\xff\xff\xff\xff\xff\xff\xff\xff\x00", // an unknown tag
		"\xa1\x63foo\x7f\x41\x61\xff",                         // a byte chunk in a text string
	},
}

// FuzzMockRequest sends the generated mocks any request an operation's
// seeds mutate into: the mock must answer it, never with a 5xx, and a
// refusal is one of the service's errors, as its protocol reads errors.
func FuzzMockRequest(f *testing.F) {
	fuzzSeeds(f, true)
	services := loadServices(f)
	f.Fuzz(func(t *testing.T, proto int, opName, method, uri, contentType, body string) {
		if proto < 0 || proto >= len(suite.Protocols) || !strings.HasPrefix(uri, "/") || strings.ContainsAny(uri, " \t\r\n#") {
			return
		}
		p := suite.Protocols[proto]
		impl, err := registry.Lookup(p.Name)
		if err != nil {
			return // pending: the mock cannot be made
		}
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
		if sendsTarget(p) {
			req.Header.Set("X-Amz-Target", svc.TargetPrefix+"."+op.Name)
		}
		rec := httptest.NewRecorder()
		generated[p.Package].mock().ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %s %q: answered %d %s", method, uri, body, rec.Code, rec.Body.Bytes())
		}
		if rec.Code >= 400 && impl.ReadError(rec.Header(), rec.Body.Bytes()).Code == "" {
			t.Fatalf("%s %s %q: answered %d without the service's error code: %s", method, uri, body, rec.Code, rec.Body.Bytes())
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
		if pendingReason(p) != "" {
			return // the client refuses every call
		}
		op := operation(services[p.Package], opName)
		if op == nil {
			return
		}
		resp := &suite.Response{StatusCode: status, Headers: map[string]string{"Content-Type": contentType}, Body: &body}
		client := generated[p.Package].client(options("", &doer{resp: resp, respBody: []byte(body)}))
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
