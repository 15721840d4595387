package golang_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/specgen/specgen/generator/golang"
	"github.com/specgen/specgen/generator/spec"
)

// bindings.yaml is a restJson1 service whose operation binds members of
// every kind to the path (plain and greedy labels), the query string and
// headers, reads an output member from a header, and has an idempotency
// token; the five real specs bind nothing of the input.
const bindingsSpec = `
service:
  name: bindings
  title: Example Bindings
  apiVersion: "2024-01-01"
  protocol: restJson1
  signingName: bindings
  endpointPrefix: bindings
  validationError: BadInput
operations:
  PutThing:
    doc: Stores a thing.
    http: {method: PUT, path: "/things/{thingId}/files/{key+}", status: 200}
    input: PutThingRequest
    output: PutThingResponse
    errors: [BadInput]
  GetThing:
    doc: Reads a thing.
    http: {method: GET, path: "/things/{thingId}", status: 200}
    input: GetThingRequest
    output: GetThingResponse
shapes:
  PutThingRequest:
    type: structure
    members:
      thingId: {shape: string, required: true, location: uri, locationName: thingId}
      key: {shape: string, required: true, location: uri, locationName: key}
      limit: {shape: integer, location: query, locationName: limit}
      since: {shape: timestamp, location: query, locationName: since}
      colors: {shape: ColorList, location: query, locationName: color}
      mode: {shape: Mode, location: header, locationName: X-Mode}
      dryRun: {shape: boolean, location: header, locationName: X-Dry-Run}
      token: {shape: string, idempotencyToken: true}
      note: string
  PutThingResponse:
    type: structure
    members:
      etag: {shape: string, location: header, locationName: ETag}
      version: {shape: long, location: header, locationName: X-Version}
      size: integer
  GetThingRequest:
    type: structure
    members:
      thingId: {shape: string, required: true, location: uri, locationName: thingId}
  GetThingResponse:
    type: structure
    members:
      note: string
  ColorList: {type: list, member: string}
  Mode: {type: string, enum: [fast, safe]}
  BadInput:
    type: structure
    error: {status: 400}
    members:
      message: string
      reason: {shape: string, location: header, locationName: X-Reason}
`

// bindingsTest runs against the generated package, in the package itself.
const bindingsTest = `package bindings

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestGeneratedBindings(t *testing.T) {
	var got *http.Request
	var body string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got, body = r, string(b)
		w.Header().Set("ETag", "\"e1\"")
		w.Header().Set("X-Version", "42")
		if strings.HasPrefix(r.URL.Path, "/things/missing") {
			w.Header().Set("X-Amzn-ErrorType", "BadInput")
			w.Header().Set("X-Reason", "nope")
			w.WriteHeader(400)
			io.WriteString(w, "{\"message\":\"bad\"}")
			return
		}
		io.WriteString(w, "{\"size\":7,\"note\":\"n\"}")
	}))
	defer srv.Close()
	c := New(Options{BaseEndpoint: srv.URL})
	id, key, limit, dry, note := "t 1", "a/b.txt", int32(5), true, "hello"
	since := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	out, err := c.PutThing(context.Background(), &PutThingInput{
		ThingID: &id, Key: &key, Limit: &limit, Since: &since, Colors: []string{"red", "blue"},
		Mode: ModeSafe, DryRun: &dry, Note: &note,
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.Method != "PUT" || got.URL.EscapedPath() != "/things/t%201/files/a/b.txt" {
		t.Errorf("request line %s %s", got.Method, got.URL.EscapedPath())
	}
	q := got.URL.Query()
	if q.Get("limit") != "5" || q.Get("since") != "2024-01-02T03:04:05Z" || strings.Join(q["color"], ",") != "red,blue" {
		t.Errorf("query %v", q)
	}
	if got.Header.Get("X-Mode") != "safe" || got.Header.Get("X-Dry-Run") != "true" {
		t.Errorf("headers %v", got.Header)
	}
	if !strings.Contains(body, "\"note\":\"hello\"") || !strings.Contains(body, "\"token\":\"") || strings.Contains(body, "thingId") || strings.Contains(body, "limit") {
		t.Errorf("body %s: want only body members, with a token", body)
	}
	if out.Etag == nil || *out.Etag != "\"e1\"" || out.Version == nil || *out.Version != 42 || out.Size == nil || *out.Size != 7 {
		t.Errorf("output %+v", out)
	}

	missing := "missing"
	_, err = c.GetThing(context.Background(), &GetThingInput{ThingID: &missing})
	var bad *BadInput
	if !errors.As(err, &bad) || bad.Reason == nil || *bad.Reason != "nope" || bad.Metadata.StatusCode != 400 {
		t.Fatalf("err = %v, want *BadInput with reason from X-Reason", err)
	}
	if got.Method != "GET" || body != "" || got.Header.Get("Content-Type") != "" {
		t.Errorf("GET with no body members: method %s, body %q, Content-Type %q", got.Method, body, got.Header.Get("Content-Type"))
	}

	_, err = c.GetThing(context.Background(), &GetThingInput{}, func(o *Options) { o.DisableValidation = true })
	if err == nil || !strings.Contains(err.Error(), "path label \"thingId\" has no value") {
		t.Errorf("err = %v, want a missing label error", err)
	}
}
`

// TestClientBindingsCompileAndWork generates a service that uses every HTTP
// binding, then builds, vets and tests the generated package with the go
// command, through an overlay so that nothing is written into the module.
func TestClientBindingsCompileAndWork(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	svc, err := spec.Load("bindings.yaml", []byte(bindingsSpec))
	if err != nil {
		t.Fatal(err)
	}
	files, err := golang.Generate(svc, golang.Config{ImportBase: "github.com/specgen/specgen/gen"})
	if err != nil {
		t.Fatal(err)
	}
	// A throwaway module that requires this one through a replace
	// directive, so that nothing is written into the repository.
	_, self, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(self), "..", "..")
	tmp := t.TempDir()
	write := func(name string, content []byte) {
		p := filepath.Join(tmp, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	write("go.mod", []byte("module clienttest\n\ngo 1.26.0\n\nrequire github.com/specgen/specgen v0.0.0-00010101000000-000000000000\n\nreplace github.com/specgen/specgen => "+root+"\n"))
	write("go.sum", sum)
	for _, f := range files {
		// The service's package only: sub-packages (the mock) are not
		// this test's business.
		if strings.HasSuffix(f.Path, ".go") && strings.Count(f.Path, "/") == 1 {
			write(f.Path, f.Content)
		}
	}
	write("bindings/bindings_test.go", []byte(bindingsTest))
	for _, args := range [][]string{
		{"vet", "./bindings"},
		{"test", "-count=1", "-v", "./bindings"},
	} {
		cmd := exec.Command("go", args...)
		cmd.Dir = tmp
		cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS="+os.Getenv("GOFLAGS")+" -mod=mod") // keeps make test's -race
		if out, err := cmd.CombinedOutput(); err != nil {
			client := ""
			for _, f := range files {
				if strings.HasSuffix(f.Path, "client.go") {
					client = string(f.Content)
				}
			}
			t.Fatalf("go %s: %v\n%s\n--- client.go:\n%s", args[0], err, out, client)
		} else if args[0] == "test" {
			t.Logf("go test:\n%s", out)
		}
	}
}
