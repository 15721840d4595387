package mockrt

import (
	"encoding/json"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// controlCall sends one request to the control endpoints and returns its
// status and body, decoded.
func controlCall(t *testing.T, c *Control, method, path, body string) (int, any) {
	t.Helper()
	rec := httptest.NewRecorder()
	c.ServeHTTP(rec, httptest.NewRequest(method, path, strings.NewReader(body)))
	var v any
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Fatalf("%s %s answered %q", method, path, rec.Body.String())
	}
	return rec.Code, v
}

func TestControlEndpoints(t *testing.T) {
	clock := NewManualClock(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	s := filledWidgets(t, clock)
	saved := 0
	c := &Control{Servers: []*Server{s}, Save: func() error { saved++; return nil }}
	status := func() any {
		_, v := controlCall(t, c, "GET", "/_specgen/resources/widgets/Widget/b", "")
		return v.(map[string]any)["status"]
	}
	for _, tc := range []struct {
		name, method, path, body string
		status                   int
		check                    func(t *testing.T, v any)
	}{
		{"lists every resource by service", "GET", "/_specgen/resources", "", 200, func(t *testing.T, v any) {
			if n := len(v.(map[string]any)["widgets"].([]any)); n != 3 {
				t.Errorf("%d resources, want 3", n)
			}
		}},
		{"lists one kind", "GET", "/_specgen/resources?service=widgets&kind=Part", "", 200, func(t *testing.T, v any) {
			if n := len(v.(map[string]any)["widgets"].([]any)); n != 1 {
				t.Errorf("%d parts, want 1", n)
			}
		}},
		{"reads one resource by name", "GET", "/_specgen/resources/widgets/Widget/b", "", 200, func(t *testing.T, v any) {
			if got := v.(map[string]any)["status"]; got != "CREATING" {
				t.Errorf("status %v, want CREATING", got)
			}
		}},
		{"an unknown resource is a 404", "GET", "/_specgen/resources/widgets/Widget/zz", "", 404, nil},
		{"an unknown service is a 404", "GET", "/_specgen/resources?service=nope", "", 404, nil},
		{"advancing the clock moves statuses", "POST", "/_specgen/clock?advance=1s", "", 200, func(t *testing.T, v any) {
			if got := status(); got != "READY" {
				t.Errorf("status after advancing: %v, want READY", got)
			}
		}},
		{"a bad duration is a 400", "POST", "/_specgen/clock?advance=soon", "", 400, nil},
		{"an injected error is answered by the next call", "POST", "/_specgen/errors", `{"service":"widgets","operation":"GetWidget","code":"Boom","status":503}`, 200, func(t *testing.T, v any) {
			if got, body := call(t, s, "GetWidget", `{"widget":"a"}`); got != 503 || body["__type"] != "Boom" {
				t.Errorf("after injection: %d %v, want 503 Boom", got, body)
			}
		}},
		{"an injection of an unknown operation is a 404", "POST", "/_specgen/errors", `{"service":"widgets","operation":"Nope","code":"Boom"}`, 404, nil},
		{"an injection with an unknown key is a 400", "POST", "/_specgen/errors", `{"service":"widgets","cod":"Boom"}`, 400, nil},
		{"the requests are listed", "GET", "/_specgen/requests", "", 200, func(t *testing.T, v any) {
			if len(v.([]any)) == 0 {
				t.Error("no requests listed")
			}
		}},
		{"the state is saved on request", "POST", "/_specgen/state", "", 200, func(t *testing.T, v any) {
			if saved != 1 {
				t.Errorf("saved %d times, want 1", saved)
			}
		}},
		{"reset forgets the resources", "POST", "/_specgen/reset", "", 200, func(t *testing.T, v any) {
			if n := len(s.Resources("")); n != 0 {
				t.Errorf("%d resources after reset", n)
			}
		}},
		{"an unknown endpoint is a 404", "GET", "/_specgen/nothing", "", 404, nil},
		{"a wrong method is a 404", "GET", "/_specgen/reset", "", 404, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, v := controlCall(t, c, tc.method, tc.path, tc.body)
			if got != tc.status {
				t.Fatalf("status %d (%v), want %d", got, v, tc.status)
			}
			if tc.check != nil {
				tc.check(t, v)
			}
		})
	}
}

func TestControlWithoutSaveRefusesToSave(t *testing.T) {
	c := &Control{Servers: []*Server{NewServer(widgetService())}}
	if got, _ := controlCall(t, c, "POST", "/_specgen/state", ""); got != 404 {
		t.Errorf("status %d, want 404", got)
	}
	c.Save = func() error { return errors.New("disk full") }
	got, v := controlCall(t, c, "POST", "/_specgen/state", "")
	if diff := cmp.Diff(map[string]any{"message": "disk full"}, v); got != 500 || diff != "" {
		t.Errorf("status %d, body (-want +got):\n%s", got, diff)
	}
}

func TestControlPageShowsServicesResourcesAndRequests(t *testing.T) {
	clock := NewManualClock(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	s := filledWidgets(t, clock)
	call(t, s, "GetWidget", `{"widget":"<script>alert(1)</script>"}`)
	c := &Control{Servers: []*Server{s}}
	rec := httptest.NewRecorder()
	c.ServeHTTP(rec, httptest.NewRequest("GET", "/_specgen/", nil))
	page := rec.Body.String()
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Fatalf("content type %q", ct)
	}
	for _, tc := range []struct{ what, want string }{
		{"the service", `<a href="#widgets">widgets</a>`},
		{"a ready widget", `<td class="status">READY</td>`},
		{"a creating widget and when it moves", `<td class="status">CREATING</td><td>READY at 00:00:02</td>`},
		{"the part", `<td>Part</td>`},
		{"a failed request", `<td class="error">ResourceNotFoundException</td>`},
	} {
		if !strings.Contains(page, tc.want) {
			t.Errorf("the page does not show %s (%s)", tc.what, tc.want)
		}
	}
	if strings.Contains(page, "<script>") {
		t.Error("the page holds an unescaped <script> from a request")
	}
	if strings.Contains(page, `"size"`) {
		t.Error("the page shows descriptions, which may hold sensitive members")
	}
}
