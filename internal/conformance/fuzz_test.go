package conformance

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"reflect"
	"runtime"
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
			op := s.Input[0].Cases[0]
			ct := contentType(p, op.Serialized.Headers)
			for _, h := range hostileBodies[bodyKind(ct)] {
				f.Add(i, op.Operation, op.Serialized.Method, op.Serialized.URI, ct, h.body)
			}
		}
	}
}

// hostileBodies are request bodies, by encoding, that a mock must answer
// in bounded time and memory, without a 5xx: refused as the protocol's
// client error, or read when they are valid.
var hostileBodies = map[string][]struct{ name, body string }{
	"json": {
		{"arrays nested a hundred thousand deep", strings.Repeat("[", 100000)},
		{"objects nested ten thousand deep", `{"a":` + strings.Repeat(`{"a":`, 10000) + `1` + strings.Repeat("}", 10001)},
	},
	"form": {
		{"an Action given twice", "Action=A&Action=B&Version=2020-01-08"},
		{"malformed escapes", "Action=%zz&Version=%"},
		{"keys and values missing", "Action&=&&==&Version=2020-01-08"},
		{"ten thousand list members", "Action=Op&" + strings.Repeat("L.member.1=x&", 10000)},
		{"list indexes out of range", "Action=Op&L.member.4294967296=x&L.member.-1=y&L.member.0=z"},
	},
	"xml": {
		{"an entity expansion bomb", `<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "bbbbbbbbbb">` +
			`<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>` +
			`<a>&d;&d;&d;&d;&d;&d;&d;&d;</a>`},
		{"an external entity", `<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>`},
		{"elements nested a hundred thousand deep", strings.Repeat("<a>", 100000)},
		{"elements closed out of order", "<a><b></a></b>"},
	},
	"cbor": {
		{"indefinite-length arrays nested ten thousand deep", "\xbf" + strings.Repeat("\x9f", 10000)},
		{"a byte string declaring 2^40 bytes", "\xa1\x63foo\x5b\x00\x00\x01\x00\x00\x00\x00\x00"},
		{"a map declaring 2^40 pairs", "\xbb\x00\x00\x01\x00\x00\x00\x00\x00"},
		{"an unknown tag", "\xa1\x63foo\xdb\xff\xff\xff\xff\xff\xff\xff\xff\x00"},
		{"a byte string chunk inside a text string", "\xa1\x63foo\x7f\x41\x61\xff"},
	},
}

// hostileMemory bounds what a mock may allocate to answer one hostile
// body: a decoder that believes a declared length, or expands entities,
// goes far past it.
const hostileMemory = 64 << 20

// TestMockAnswersHostileBodies sends each suite's mock the hostile bodies
// of its encoding, to the operation of its first input case: the mock
// answers without a 5xx, a refusal carries the service's error code as
// its protocol reads it, and the answer allocates less than
// hostileMemory.
func TestMockAnswersHostileBodies(t *testing.T) {
	services := loadServices(t)
	for _, p := range suite.Protocols {
		s, err := suite.Load("testdata/suites", p)
		if err != nil {
			t.Fatal(err)
		}
		c := s.Input[0].Cases[0]
		ct := contentType(p, c.Serialized.Headers)
		for _, h := range hostileBodies[bodyKind(ct)] {
			t.Run(p.File+" answers "+h.name, func(t *testing.T) {
				if why := pendingReason(p); why != "" {
					t.Skip(why)
				}
				impl, err := registry.Lookup(p.Name)
				if err != nil {
					t.Fatal(err)
				}
				mock := generated[p.Package].mock()
				req := httptest.NewRequest(c.Serialized.Method, "https://example.com"+c.Serialized.URI, strings.NewReader(h.body))
				for k, v := range c.Serialized.Headers {
					req.Header.Set(k, v)
				}
				req.Header.Set("Content-Type", ct)
				if sendsTarget(p) {
					req.Header.Set("X-Amz-Target", services[p.Package].TargetPrefix+"."+c.Operation)
				}
				rec := httptest.NewRecorder()
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				mock.ServeHTTP(rec, req)
				runtime.ReadMemStats(&after)
				if rec.Code >= 500 {
					t.Errorf("answered %d %s", rec.Code, rec.Body.Bytes())
				}
				if rec.Code >= 400 && impl.ReadError(rec.Header(), rec.Body.Bytes()).Code == "" {
					t.Errorf("answered %d without the service's error code: %s", rec.Code, rec.Body.Bytes())
				}
				if n := after.TotalAlloc - before.TotalAlloc; n > hostileMemory {
					t.Errorf("allocated %d bytes to answer, more than %d", n, hostileMemory)
				}
			})
		}
	}
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
