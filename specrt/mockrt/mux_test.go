package mockrt

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/specrt"
)

type TagResourceInput struct {
	ResourceArn *string           `json:"-"`
	Tags        map[string]string `json:"tags,omitempty"`
}

func (*TagResourceInput) Validate() error { return nil }

type TagResourceOutput struct{}

// taggedService is a restJson1 service with the TagResource operation many
// AWS services share (POST /tags/{resourceArn}), plus extra operations of
// its own at POST /<name>.
func taggedService(name, signingName string, extra ...string) *Service {
	op := func(opName, path string, b []Binding) *Operation {
		return &Operation{
			Name: opName, Method: "POST", Path: path, Status: 200,
			NewInput:  func() Input { return new(TagResourceInput) },
			NewOutput: func() any { return new(TagResourceOutput) },
			Bindings:  b,
		}
	}
	svc := &Service{
		Name: name, Protocol: "restJson1", SigningName: signingName,
		Operations: []*Operation{op("TagResource", "/tags/{resourceArn}",
			[]Binding{{Location: "uri", Name: "resourceArn", Member: "resourceArn", Field: "ResourceArn"}})},
	}
	for _, e := range extra {
		svc.Operations = append(svc.Operations, op("Create"+e, "/"+e, nil))
	}
	return svc
}

// routed is what a test sees of a request: who answered it and how.
type routed struct {
	Status   int
	Code     string
	ServedBy string // the mock that recorded the request; "mux" for none
}

func muxDo(t *testing.T, m *Mux, r *http.Request) (routed, string) {
	t.Helper()
	before := map[*Server]int{}
	for _, s := range m.Servers() {
		before[s] = len(s.Requests())
	}
	w := httptest.NewRecorder()
	m.ServeHTTP(w, r)
	got := routed{Status: w.Code, Code: w.Header().Get(specrt.HeaderErrorType), ServedBy: "mux"}
	for _, s := range m.Servers() {
		if len(s.Requests()) != before[s] {
			got.ServedBy = s.svc.Name
		}
	}
	var body struct{ Message string }
	json.Unmarshal(w.Body.Bytes(), &body)
	return got, body.Message
}

func checkMentions(t *testing.T, msg string, mentions []string) {
	t.Helper()
	for _, s := range mentions {
		if !strings.Contains(msg, s) {
			t.Errorf("message %q does not mention %q", msg, s)
		}
	}
}

func authorization(service string) string {
	return "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/" + service +
		"/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123456789abcdef"
}

func TestMuxRoutesBySigningNameThenTargetOrPath(t *testing.T) {
	m := NewMux(nil,
		NewServer(taggedService("lattice", "vpc-lattice", "services")),
		NewServer(taggedService("runner", "apprunner", "runners")),
		NewServer(jsonService()),
	)
	arn := "/tags/arn%3Aaws%3Aeu-west-1%3A123456789012%3Aservice%2Fx"
	for _, tc := range []struct {
		name     string
		method   string
		path     string
		header   map[string]string
		want     routed
		mentions []string // in the error message
	}{{
		name: "a request signed for vpc-lattice reaches the lattice mock", path: arn,
		header: map[string]string{"Authorization": authorization("vpc-lattice")},
		want:   routed{200, "", "lattice"},
	}, {
		name: "a request signed for apprunner reaches the runner mock", path: arn,
		header: map[string]string{"Authorization": authorization("apprunner")},
		want:   routed{200, "", "runner"},
	}, {
		name: "a presigned request's X-Amz-Credential picks the service",
		path: arn + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" +
			url.QueryEscape("AKID/20260101/us-east-1/apprunner/aws4_request") + "&X-Amz-Signature=00",
		want: routed{200, "", "runner"},
	}, {
		name: "an unsigned request for a shared path is refused naming both services", path: arn,
		want:     routed{400, "AmbiguousRouteException", "mux"},
		mentions: []string{"POST /tags/", "lattice (signing name 'vpc-lattice')", "runner (signing name 'apprunner')"},
	}, {
		name: "a signing name no mock has is refused naming those served", path: arn,
		header:   map[string]string{"Authorization": authorization("s3")},
		want:     routed{400, "UnknownServiceException", "mux"},
		mentions: []string{"'s3'", "lattice (signing name 'vpc-lattice')", "jthings (signing name 'jthings')"},
	}, {
		name: "a signed request for another service's path gets the signed service's own error", path: "/runners",
		header: map[string]string{"Authorization": authorization("vpc-lattice")},
		want:   routed{400, "UnknownOperationException", "lattice"},
	}, {
		name: "an unsigned request for a path only one service has reaches it", path: "/runners",
		want: routed{200, "", "runner"},
	}, {
		name: "a malformed credential scope leaves routing to the path", path: "/services",
		header: map[string]string{"Authorization": "AWS4-HMAC-SHA256 Credential=AKID/20260101/apprunner, SignedHeaders=host, Signature=00"},
		want:   routed{200, "", "lattice"},
	}, {
		name: "an unsigned awsJson request goes by its target prefix", path: "/",
		header: map[string]string{"X-Amz-Target": "Things_20200101.CreateThing", "Content-Type": "application/x-amz-json-1.1"},
		want:   routed{200, "", "jthings"},
	}, {
		name: "an unsigned request nobody claims is an unknown operation", path: "/nowhere",
		want:     routed{400, "UnknownOperationException", "mux"},
		mentions: []string{"POST /nowhere"},
	}, {
		name: "an unsigned GET / is the index", method: "GET", path: "/",
		want: routed{200, "", "mux"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			method := tc.method
			if method == "" {
				method = "POST"
			}
			body := `{"name":"abc"}`
			if method == "GET" {
				body = ""
			}
			r := httptest.NewRequest(method, tc.path, strings.NewReader(body))
			for k, v := range tc.header {
				r.Header.Set(k, v)
			}
			got, msg := muxDo(t, m, r)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("routing (-want +got):\n%s\nmessage: %s", diff, msg)
			}
			checkMentions(t, msg, tc.mentions)
		})
	}
}

func TestMuxFallsBackToPathAmongServicesSharingASigningName(t *testing.T) {
	m := NewMux(nil,
		NewServer(taggedService("one", "shared", "ones")),
		NewServer(taggedService("two", "shared", "twos")),
	)
	for _, tc := range []struct {
		name     string
		path     string
		want     routed
		mentions []string
	}{
		{name: "a path only the first has reaches the first", path: "/ones", want: routed{200, "", "one"}},
		{name: "a path only the second has reaches the second", path: "/twos", want: routed{200, "", "two"}},
		{name: "a path both have is refused naming both", path: "/tags/arn",
			want:     routed{400, "AmbiguousRouteException", "mux"},
			mentions: []string{"one (signing name 'shared')", "two (signing name 'shared')", "separate addresses"}},
		{name: "a path neither has gets the first one's own error", path: "/nowhere",
			want: routed{400, "UnknownOperationException", "one"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("POST", tc.path, strings.NewReader(`{}`))
			r.Header.Set("Authorization", authorization("shared"))
			got, msg := muxDo(t, m, r)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("routing (-want +got):\n%s\nmessage: %s", diff, msg)
			}
			checkMentions(t, msg, tc.mentions)
		})
	}
}

func TestSigningNameReadsTheCredentialScope(t *testing.T) {
	for _, tc := range []struct {
		name, auth, query string
		want              string
		ok                bool
	}{
		{name: "from the Authorization header", auth: authorization("vpc-lattice"), want: "vpc-lattice", ok: true},
		{name: "from a header with the credential last and no spaces",
			auth: "AWS4-HMAC-SHA256 SignedHeaders=host,Signature=00,Credential=AK/20260101/us-east-1/ecs/aws4_request", want: "ecs", ok: true},
		{name: "from a presigned query", query: "X-Amz-Credential=AK%2F20260101%2Fus-east-1%2Fecs%2Faws4_request", want: "ecs", ok: true},
		{name: "the header before the query", auth: authorization("ecs"), query: "X-Amz-Credential=AK%2F20260101%2Fus-east-1%2Fother%2Faws4_request", want: "ecs", ok: true},
		{name: "not from another algorithm", auth: "AWS4-ECDSA-P256-SHA256 Credential=AK/20260101/ecs/aws4_request"},
		{name: "not from a scope of four elements", auth: "AWS4-HMAC-SHA256 Credential=AK/20260101/us-east-1/aws4_request"},
		{name: "not from a scope of six elements", auth: "AWS4-HMAC-SHA256 Credential=AK/20260101/us-east-1/ecs/x/aws4_request"},
		{name: "not from a scope with an empty service", auth: "AWS4-HMAC-SHA256 Credential=AK/20260101/us-east-1//aws4_request"},
		{name: "not from a header without a credential", auth: "AWS4-HMAC-SHA256 SignedHeaders=host, Signature=00"},
		{name: "not from a badly escaped query", query: "X-Amz-Credential=AK%2"},
		{name: "not from a request without either"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/?"+tc.query, nil)
			if tc.auth != "" {
				r.Header.Set("Authorization", tc.auth)
			}
			name, ok := signingName(r)
			if name != tc.want || ok != tc.ok {
				t.Errorf("signingName = %q, %v; want %q, %v", name, ok, tc.want, tc.ok)
			}
		})
	}
}

// BenchmarkMuxRoute measures picking the mock for a signed and an unsigned
// request among five services, two of which share a path; routing runs on
// every request, so it should not allocate for a signed one.
func BenchmarkMuxRoute(b *testing.B) {
	m := NewMux(nil,
		NewServer(taggedService("lattice", "vpc-lattice", "services")),
		NewServer(taggedService("runner", "apprunner", "runners")),
		NewServer(taggedService("third", "third", "thirds")),
		NewServer(taggedService("fourth", "fourth", "fourths")),
		NewServer(jsonService()),
	)
	signed := httptest.NewRequest("POST", "/tags/arn", nil)
	signed.Header.Set("Authorization", authorization("apprunner"))
	unsigned := httptest.NewRequest("POST", "/runners", nil)
	for _, bc := range []struct {
		name string
		r    *http.Request
	}{{"signed", signed}, {"unsigned", unsigned}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if s, err := m.route(bc.r); s == nil || err != nil {
					b.Fatalf("route: %v, %v", s, err)
				}
			}
		})
	}
}

func TestUnknownServiceNamesAtMostTenServices(t *testing.T) {
	var servers []*Server
	for i := range 12 {
		name := "svc" + strconv.Itoa(i)
		servers = append(servers, NewServer(taggedService(name, name)))
	}
	r := httptest.NewRequest("POST", "/tags/arn", nil)
	r.Header.Set("Authorization", authorization("nope"))
	got, msg := muxDo(t, NewMux(nil, servers...), r)
	if diff := cmp.Diff(routed{400, "UnknownServiceException", "mux"}, got); diff != "" {
		t.Errorf("routing (-want +got):\n%s", diff)
	}
	if !strings.Contains(msg, "svc9 (signing name 'svc9') and 2 more (GET / lists them)") || strings.Contains(msg, "svc10") {
		t.Errorf("message %q should name svc0 to svc9 and count the 2 others", msg)
	}
}

func TestMuxRoutesAWSJSONServicesSharingATargetPrefix(t *testing.T) {
	first, second := jsonService(), jsonService()
	first.Name, first.SigningName = "first", "first"
	second.Name, second.SigningName = "second", "second"
	m := NewMux(nil, NewServer(first), NewServer(second))
	for _, tc := range []struct {
		name, service string
		want          routed
		mentions      []string
	}{
		{name: "a request signed for the second reaches it", service: "second", want: routed{200, "", "second"}},
		{name: "an unsigned request is refused naming both", want: routed{400, "AmbiguousRouteException", "mux"},
			mentions: []string{"Things_20200101.CreateThing", "first (signing name 'first')", "second (signing name 'second')", "sign the request"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("POST", "/", strings.NewReader(`{"name":"abc"}`))
			r.Header.Set("X-Amz-Target", "Things_20200101.CreateThing")
			r.Header.Set("Content-Type", "application/x-amz-json-1.1")
			if tc.service != "" {
				r.Header.Set("Authorization", authorization(tc.service))
			}
			got, msg := muxDo(t, m, r)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("routing (-want +got):\n%s\nmessage: %s", diff, msg)
			}
			checkMentions(t, msg, tc.mentions)
		})
	}
}
