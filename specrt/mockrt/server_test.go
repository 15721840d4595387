package mockrt

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

type response struct {
	status int
	header http.Header
	body   map[string]any
	raw    string
}

func do(t testing.TB, url, method, path, target, body string) response {
	t.Helper()
	req, err := http.NewRequest(method, url+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if target != "" {
		req.Header.Set("X-Amz-Target", target)
		req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	r := response{status: resp.StatusCode, header: resp.Header, raw: string(data)}
	if err := json.Unmarshal(data, &r.body); err != nil {
		t.Fatalf("response body is not a JSON object: %q", data)
	}
	return r
}

func startRest(t *testing.T, opts ...Option) (*Server, string) {
	s := NewServer(restService(), opts...)
	return s, StartTest(t, s)
}

func TestCreateAppliesDefaultsAndTemplates(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	_, url := startRest(t, WithRegion("eu-west-1"), WithAccountID("111122223333"), WithClock(func() time.Time { return now }))
	r := do(t, url, "POST", "/things", "", `{"name":"abc","tags":{"k":"v"},"config":{"port":8080}}`)
	if r.status != 201 {
		t.Fatalf("status = %d, want 201; body %s", r.status, r.raw)
	}
	id, _ := r.body["id"].(string)
	if !regexp.MustCompile(`^thg-[0-9a-z]{17}$`).MatchString(id) {
		t.Errorf("id = %q, want thg-[0-9a-z]{17}", id)
	}
	want := map[string]any{
		"id":        id,
		"arn":       "arn:aws:things:eu-west-1:111122223333:thing/" + id,
		"name":      "abc",
		"status":    "CREATE_IN_PROGRESS",
		"authType":  "NONE",
		"config":    map[string]any{"port": 8080.0, "path": "/ping"},
		"tags":      map[string]any{"k": "v"},
		"createdAt": float64(now.Unix()),
	}
	if diff := cmp.Diff(want, r.body); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type = %q", ct)
	}
	if r.header.Get("x-amzn-RequestId") == "" {
		t.Error("no x-amzn-RequestId")
	}
}

func TestDefaultOfAbsentStructureIsNotInvented(t *testing.T) {
	_, url := startRest(t)
	r := do(t, url, "POST", "/things", "", `{"name":"abc"}`)
	if _, ok := r.body["config"]; ok {
		t.Errorf("config = %v, want it left out as the request left it out", r.body["config"])
	}
}

func TestInvalidInputGetsTheServiceValidationError(t *testing.T) {
	_, url := startRest(t)
	r := do(t, url, "POST", "/things", "", `{"name":"a-name-that-is-far-too-long","authType":"BOGUS","tags":{"aws:x":"1"},"secret":"hunter22"}`)
	if r.status != 400 || r.header.Get("X-Amzn-ErrorType") != "ValidationException" {
		t.Fatalf("status %d, type %q, want 400 ValidationException; body %s", r.status, r.header.Get("X-Amzn-ErrorType"), r.raw)
	}
	if r.body["reason"] != "fieldValidationFailed" {
		t.Errorf("reason = %v", r.body["reason"])
	}
	var names []string
	for _, f := range r.body["fieldList"].([]any) {
		names = append(names, f.(map[string]any)["name"].(string))
	}
	if diff := cmp.Diff([]string{"name", "authType", "secret", `tags["aws:x"]`}, names); diff != "" {
		t.Errorf("fieldList names (-want +got):\n%s", diff)
	}
	msg := r.body["message"].(string)
	for _, want := range []string{"name: length must be between 3 and 10", "authType: must be one of"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not contain %q", msg, want)
		}
	}
	if strings.Contains(r.raw, "hunter22") {
		t.Errorf("the sensitive value leaked: %s", r.raw)
	}
}

func TestMissingRequiredMember(t *testing.T) {
	_, url := startRest(t)
	r := do(t, url, "POST", "/things", "", `{}`)
	if r.status != 400 || !strings.Contains(r.body["message"].(string), "name: is required") {
		t.Errorf("got %d %s", r.status, r.raw)
	}
}

func TestSerializationErrors(t *testing.T) {
	_, url := startRest(t)
	for _, tc := range []struct {
		name, body, want string
	}{
		{"malformed JSON", `{"name":`, "malformed JSON"},
		{"a list where an object belongs", `{"name":"abc","config":[1]}`, "expected an object at 'config', found array"},
		{"a number where a string belongs", `{"name":7}`, "expected a string at 'name', found number"},
		{"a nested wrong type", `{"name":"abc","config":{"port":"80"}}`, "expected an integer in range at 'config.port', found string"},
		{"an out-of-range integer", `{"name":"abc","config":{"port":99999999999}}`, "'config.port'"},
		{"trailing data", `{"name":"abc"} {}`, "after top-level value"},
		{"a top-level array", `[]`, "the request body"},
	} {
		t.Run(tc.name+" is a 400 naming the problem", func(t *testing.T) {
			r := do(t, url, "POST", "/things", "", tc.body)
			if r.status != 400 || r.body["reason"] != "cannotParse" {
				t.Fatalf("got %d %s", r.status, r.raw)
			}
			if msg := r.body["message"].(string); !strings.Contains(msg, tc.want) {
				t.Errorf("message %q does not contain %q", msg, tc.want)
			}
		})
	}
}

func TestBodyLimit(t *testing.T) {
	_, url := startRest(t, WithBodyLimit(100))
	r := do(t, url, "POST", "/things", "", `{"name":"`+strings.Repeat("x", 200)+`"}`)
	if r.status != 413 || r.body["message"] == nil {
		t.Errorf("got %d %s, want 413", r.status, r.raw)
	}
}

func TestUnknownOperation(t *testing.T) {
	_, url := startRest(t)
	r := do(t, url, "GET", "/nothing", "", ``)
	if r.status != 400 || r.header.Get("X-Amzn-ErrorType") != "UnknownOperationException" {
		t.Errorf("got %d %s", r.status, r.raw)
	}
	js := NewServer(jsonService())
	jurl := StartTest(t, js)
	r = do(t, jurl, "POST", "/", "Things_20200101.Nope", `{}`)
	if r.status != 400 || r.body["__type"] != "UnknownOperationException" {
		t.Errorf("got %d %s", r.status, r.raw)
	}
}

func TestAWSJSONErrorBodyHasType(t *testing.T) {
	js := NewServer(jsonService())
	url := StartTest(t, js)
	r := do(t, url, "POST", "/", "Things_20200101.CreateThing", `{"name":"x"}`)
	if r.status != 400 || r.body["__type"] != "ValidationException" || r.header.Get("Content-Type") != "application/x-amz-json-1.1" {
		t.Errorf("got %d %v %s", r.status, r.header, r.raw)
	}
	r = do(t, url, "POST", "/", "Things_20200101.CreateThing", `{"name":"abc"}`)
	if r.status != 200 || r.body["name"] != "abc" {
		t.Errorf("got %d %s", r.status, r.raw)
	}
}

func TestDuplicateIsAConflict(t *testing.T) {
	_, url := startRest(t)
	first := do(t, url, "POST", "/things", "", `{"name":"abc"}`)
	r := do(t, url, "POST", "/things", "", `{"name":"abc"}`)
	if r.status != 409 || r.header.Get("X-Amzn-ErrorType") != "ConflictException" {
		t.Fatalf("got %d %s", r.status, r.raw)
	}
	want := map[string]any{"__type": "ConflictException", "message": "Thing abc already exists", "resourceId": first.body["id"], "resourceType": "THING"}
	if diff := cmp.Diff(want, r.body); diff != "" {
		t.Errorf("conflict (-want +got):\n%s", diff)
	}
}

func TestIdempotencyToken(t *testing.T) {
	_, url := startRest(t)
	first := do(t, url, "POST", "/things", "", `{"name":"abc","clientToken":"t1"}`)
	again := do(t, url, "POST", "/things", "", `{"clientToken":"t1","name":"abc"}`)
	if again.status != 201 || again.body["id"] != first.body["id"] {
		t.Errorf("retry with the same token: got %d %s, want the first answer %s", again.status, again.raw, first.raw)
	}
	other := do(t, url, "POST", "/things", "", `{"name":"abcd","clientToken":"t1"}`)
	if other.status != 409 || !strings.Contains(other.body["message"].(string), "clientToken t1") {
		t.Errorf("same token, other parameters: got %d %s", other.status, other.raw)
	}
}

func TestInjectedErrorsThrottleAndLatency(t *testing.T) {
	s, url := startRest(t)
	s.InjectError("CreateThing", 2, &Error{Code: "InternalServerException", Message: "boom", Status: 500})
	s.Throttle("", 1)
	for i, want := range []int{500, 500, 429, 201} {
		r := do(t, url, "POST", "/things", "", fmt.Sprintf(`{"name":"abc%d"}`, i))
		if r.status != want {
			t.Errorf("call %d: status %d, want %d (%s)", i, r.status, want, r.raw)
		}
	}
	s.SetLatency("CreateThing", 50*time.Millisecond)
	start := time.Now()
	do(t, url, "POST", "/things", "", `{"name":"slow"}`)
	if d := time.Since(start); d < 50*time.Millisecond {
		t.Errorf("answered in %v, want at least 50ms", d)
	}
}

func TestOverrideAndDefault(t *testing.T) {
	s, url := startRest(t)
	s.Override("CreateThing", func(ctx context.Context, in any) (any, error) {
		out, err := s.Default(ctx, "CreateThing", in.(Input))
		if err != nil {
			return nil, err
		}
		st := "ACTIVE"
		out.(*CreateThingOutput).Status = &st
		return out, nil
	})
	r := do(t, url, "POST", "/things", "", `{"name":"abc"}`)
	if r.body["status"] != "ACTIVE" {
		t.Errorf("status = %v, want the override's ACTIVE", r.body["status"])
	}
	s.Override("CreateThing", func(ctx context.Context, in any) (any, error) {
		return nil, errors.New("secret internals")
	})
	r = do(t, url, "POST", "/things", "", `{"name":"abcd"}`)
	if r.status != 500 || strings.Contains(r.raw, "secret internals") {
		t.Errorf("a plain error: got %d %s, want 500 without its text", r.status, r.raw)
	}
	s.Override("CreateThing", nil)
	r = do(t, url, "POST", "/things", "", `{"name":"abcde"}`)
	if r.status != 201 || r.body["status"] != "CREATE_IN_PROGRESS" {
		t.Errorf("after removing the override: %d %s", r.status, r.raw)
	}
}

func TestRequestsAreRecorded(t *testing.T) {
	s, url := startRest(t)
	do(t, url, "POST", "/things", "", `{"name":"abc"}`)
	do(t, url, "POST", "/things", "", `{"name":"x"}`)
	recs := s.Requests()
	if len(recs) != 2 {
		t.Fatalf("%d records, want 2", len(recs))
	}
	got := []string{recs[0].Operation, fmt.Sprint(recs[0].Status), recs[1].ErrorCode, string(recs[1].Body)}
	want := []string{"CreateThing", "201", "ValidationException", `{"name":"x"}`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
	s.Reset()
	if len(s.Requests()) != 0 || len(s.Store().List("thing")) != 0 {
		t.Error("Reset kept state")
	}
}

func TestConcurrentCreates(t *testing.T) {
	s, url := startRest(t)
	const n = 50
	var wg sync.WaitGroup
	statuses := make([]int, 2*n)
	for i := range n {
		wg.Add(2)
		go func() {
			defer wg.Done()
			statuses[i] = do(t, url, "POST", "/things", "", fmt.Sprintf(`{"name":"t%03d"}`, i)).status
		}()
		go func() {
			defer wg.Done()
			statuses[n+i] = do(t, url, "POST", "/things", "", `{"name":"same"}`).status
		}()
	}
	wg.Wait()
	for i := range n {
		if statuses[i] != 201 {
			t.Errorf("distinct create %d: %d", i, statuses[i])
		}
	}
	ok := 0
	for _, st := range statuses[n:] {
		switch st {
		case 201:
			ok++
		case 409:
		default:
			t.Errorf("same-name create: %d", st)
		}
	}
	if ok != 1 {
		t.Errorf("%d same-name creates succeeded, want exactly 1", ok)
	}
	if got := len(s.Store().List("thing")); got != n+1 {
		t.Errorf("%d items stored, want %d", got, n+1)
	}
}

func TestMuxRoutesByTargetAndPath(t *testing.T) {
	rest, js := NewServer(restService()), NewServer(jsonService())
	url := StartTest(t, NewMux(nil, rest, js))
	if r := do(t, url, "POST", "/things", "", `{"name":"abc"}`); r.status != 201 {
		t.Errorf("rest: %d %s", r.status, r.raw)
	}
	if r := do(t, url, "POST", "/", "Things_20200101.CreateThing", `{"name":"abc"}`); r.status != 200 {
		t.Errorf("json: %d %s", r.status, r.raw)
	}
	if r := do(t, url, "POST", "/", "Other.Op", `{}`); r.status != 400 || r.body["__type"] != "UnknownOperationException" {
		t.Errorf("unknown: %d %s", r.status, r.raw)
	}
	if len(rest.Requests()) != 1 || len(js.Requests()) != 1 {
		t.Errorf("records: rest %d, json %d", len(rest.Requests()), len(js.Requests()))
	}
}

func TestBadTemplatesAreRejected(t *testing.T) {
	for _, v := range []any{"{nope}", "{random:a-z:0}", "{input.}", "{unclosed", struct{}{}} {
		if err := CheckTemplate(v); err == nil {
			t.Errorf("CheckTemplate(%#v) = nil, want an error", v)
		}
	}
	for _, v := range []any{"x-{uuid}", "{{literal}}", map[string]any{"a": []any{"{now}", 1.0}}} {
		if err := CheckTemplate(v); err != nil {
			t.Errorf("CheckTemplate(%#v) = %v", v, err)
		}
	}
}

func TestUUIDFormat(t *testing.T) {
	re := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	for range 100 {
		if u := NewUUID(); !re.MatchString(u) {
			t.Fatalf("NewUUID() = %q", u)
		}
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{`{"name":"abc"}`, `{"name":[1]}`, `{"config":{"port":"x"}}`, `null`, `{"tags":{"aws:a":"b"}}`, "{\"name\":\"\xff\"}", `[`, ``} {
		f.Add(s)
	}
	s := NewServer(restService(), WithBodyLimit(4096), WithRecordLimit(0))
	f.Fuzz(func(t *testing.T, body string) {
		req, _ := http.NewRequest("POST", "http://x/things", strings.NewReader(body))
		w := &recorder{header: http.Header{}}
		s.ServeHTTP(w, req)
		if w.status >= 500 {
			t.Fatalf("status %d for %q: %s", w.status, body, w.body.String())
		}
		var m map[string]any
		if err := json.Unmarshal(w.body.Bytes(), &m); err != nil {
			t.Fatalf("answer is not a JSON object: %q", w.body.String())
		}
	})
}

type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) Write(b []byte) (int, error) { return r.body.Write(b) }
func (r *recorder) WriteHeader(s int)           { r.status = s }

func TestRecordsKeepTheNewest(t *testing.T) {
	s, url := startRest(t, WithRecordLimit(3))
	for i := range 5 {
		do(t, url, "POST", "/things", "", fmt.Sprintf(`{"name":"n%04d"}`, i))
	}
	var got []string
	for _, r := range s.Requests() {
		got = append(got, string(r.Body))
	}
	want := []string{`{"name":"n0002"}`, `{"name":"n0003"}`, `{"name":"n0004"}`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
}

func TestPanickingOverrideIsA500(t *testing.T) {
	s, url := startRest(t)
	s.Override("CreateThing", func(ctx context.Context, in any) (any, error) { panic("boom") })
	r := do(t, url, "POST", "/things", "", `{"name":"abc"}`)
	if r.status != 500 || r.header.Get("X-Amzn-ErrorType") != "InternalFailure" {
		t.Errorf("got %d %s", r.status, r.raw)
	}
	if recs := s.Requests(); len(recs) != 1 || recs[0].Status != 500 {
		t.Errorf("records %+v", recs)
	}
}
