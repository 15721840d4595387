package restjson_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/specrt/protocol"
	"github.com/specgen/specgen/specrt/protocol/restjson"
)

func TestRoutesByMethodAndPath(t *testing.T) {
	ops := []protocol.Route{
		{Name: "ListThings", Method: "GET", Path: "/things"},
		{Name: "GetThing", Method: "GET", Path: "/things/{id}"},
		{Name: "GetThingPart", Method: "GET", Path: "/things/{id}/parts/{part}"},
		{Name: "GetLatest", Method: "GET", Path: "/things/latest"},
		{Name: "GetObject", Method: "GET", Path: "/objects/{key+}"},
		{Name: "Search", Method: "POST", Path: "/search?mode=all"},
		{Name: "GetSettings", Method: "GET", Path: "/things/{id}/settings"},
		{Name: "GetAnyPart", Method: "GET", Path: "/things/{id}/{sub}"},
	}
	rt := restjson.RestJSON1.NewRouter(protocol.Endpoint{Ops: ops})
	for _, tc := range []struct {
		name, method, target string
		wantOp               int
		wantLabels           map[string]string
		wantWhat             string
	}{
		{"a path without labels is routed by method and path", "GET", "/things", 0, nil, ""},
		{"a label takes one segment", "GET", "/things/t-1", 1, map[string]string{"id": "t-1"}, ""},
		{"labels are unescaped", "GET", "/things/a%2Fb", 1, map[string]string{"id": "a/b"}, ""},
		{"a literal path beats a template", "GET", "/things/latest", 3, nil, ""},
		{"two labels are both read", "GET", "/things/t-1/parts/p-2", 2, map[string]string{"id": "t-1", "part": "p-2"}, ""},
		{"a greedy label takes the rest of the path", "GET", "/objects/a/b/c", 4, map[string]string{"key": "a/b/c"}, ""},
		{"a literal query in the template is not part of the path", "POST", "/search?mode=all", 5, nil, ""},
		{"the template with more literals wins", "GET", "/things/t-1/settings", 6, map[string]string{"id": "t-1"}, ""},
		{"a template with fewer literals takes the rest", "GET", "/things/t-1/other", 7, map[string]string{"id": "t-1", "sub": "other"}, ""},
		{"another method is not routed", "DELETE", "/things", -1, nil, "DELETE /things"},
		{"an empty label is not routed", "GET", "/things//parts/p", -1, nil, "GET /things//parts/p"},
		{"an unknown path is not routed", "GET", "/elsewhere", -1, nil, "GET /elsewhere"},
		{"a greedy label needs something", "GET", "/objects/", -1, nil, "GET /objects/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			op, labels, what := rt.Route(httptest.NewRequest(tc.method, tc.target, nil), nil)
			if op != tc.wantOp || what != tc.wantWhat {
				t.Errorf("Route(%s %s) = %d, %q; want %d, %q", tc.method, tc.target, op, what, tc.wantOp, tc.wantWhat)
			}
			if diff := cmp.Diff(tc.wantLabels, labels); diff != "" {
				t.Errorf("labels (-want +got):\n%s", diff)
			}
		})
	}
}

func TestIndexNarrowsCandidatesByMethodAndFirstSegment(t *testing.T) {
	tags := protocol.Route{Name: "TagResource", Method: "POST", Path: "/tags/{arn}"}
	x := restjson.RestJSON1.NewIndex([]protocol.Endpoint{
		{Ops: []protocol.Route{tags, {Name: "CreateService", Method: "POST", Path: "/services"}}},
		{Ops: []protocol.Route{tags, {Name: "CreateRunner", Method: "POST", Path: "/runners"}}},
		{Ops: []protocol.Route{{Name: "PutBucket", Method: "POST", Path: "/{bucket}"}}},
	})
	for _, tc := range []struct {
		name, method, path string
		want               []int
	}{
		{"a shared first segment gives every service with it, and those starting with a label", "POST", "/tags/arn", []int{0, 1, 2}},
		{"a first segment of one service gives it and those starting with a label", "POST", "/runners", []int{1, 2}},
		{"an unknown first segment gives those starting with a label", "POST", "/elsewhere/x", []int{2}},
		{"a method no service has gives none", "DELETE", "/tags/arn", nil},
		{"an escaped first segment gives every service", "POST", "/t%61gs/arn", []int{0, 1, 2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, x.Candidates(httptest.NewRequest(tc.method, tc.path, nil), nil)); diff != "" {
				t.Errorf("Candidates(%s %s) (-want +got):\n%s", tc.method, tc.path, diff)
			}
		})
	}
}

func TestErrorCodesAreReadFromHeaderThenBody(t *testing.T) {
	for _, tc := range []struct {
		name   string
		header http.Header
		body   string
		want   protocol.ErrorInfo
	}{
		{"X-Amzn-ErrorType with a URI gives the shape name", http.Header{"X-Amzn-Errortype": {"FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/"}}, `{}`, protocol.ErrorInfo{Code: "FooError", Members: true}},
		{"X-Amzn-ErrorType with a namespace gives the shape name", http.Header{"X-Amzn-Errortype": {"aws.protocoltests.restjson#FooError"}}, ``, protocol.ErrorInfo{Code: "FooError"}},
		{"the header comes before the body", http.Header{"X-Amzn-Errortype": {"FooError"}}, `{"code":"BarError","message":"m"}`, protocol.ErrorInfo{Code: "FooError", Message: "m", Members: true}},
		{"code in the body is read without the header", nil, `{"code":"aws.protocoltests.restjson#FooError"}`, protocol.ErrorInfo{Code: "FooError", Members: true}},
		{"__type in the body is read without the header", nil, `{"__type":"FooError:http://internal.amazon.com/"}`, protocol.ErrorInfo{Code: "FooError", Members: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := tc.header
			if h == nil {
				h = http.Header{}
			}
			if diff := cmp.Diff(tc.want, restjson.RestJSON1.ReadError(h, []byte(tc.body))); diff != "" {
				t.Errorf("ReadError (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRequestsAndAnswersAreFramedAsRestJSON(t *testing.T) {
	p := restjson.RestJSON1
	for _, tc := range []struct {
		name, method, path string
		wantMethod, want   string
	}{
		{"an operation's own method and path are kept", "PUT", "/things/{id}", "PUT", "/things/{id}"},
		{"an operation without one is POST /", "", "", "POST", "/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if m, path := p.RequestLine("", protocol.Route{Name: "Op", Method: tc.method, Path: tc.path}); m != tc.wantMethod || path != tc.want {
				t.Errorf("RequestLine = %s %s, want %s %s", m, path, tc.wantMethod, tc.want)
			}
		})
	}
	h := http.Header{}
	p.SetRequestHeaders(h, "", "CreateThing")
	if diff := cmp.Diff(http.Header{"Content-Type": {"application/json"}}, h); diff != "" {
		t.Errorf("request headers (-want +got):\n%s", diff)
	}
	h = http.Header{}
	p.SetErrorHeaders(h, "FooError")
	if diff := cmp.Diff(http.Header{"X-Amzn-Errortype": {"FooError"}}, h); diff != "" {
		t.Errorf("error headers (-want +got):\n%s", diff)
	}
	for _, tc := range []struct {
		modeled, want int
	}{{0, 200}, {201, 201}, {204, 204}} {
		if got := p.SuccessStatus(tc.modeled); got != tc.want {
			t.Errorf("SuccessStatus(%d) = %d, want %d", tc.modeled, got, tc.want)
		}
	}
	for code, want := range map[string]int{"IncompleteSignatureException": 400, "InvalidSignatureException": 403, "SignatureDoesNotMatch": 403} {
		if got := p.AuthErrorStatus(code); got != want {
			t.Errorf("AuthErrorStatus(%s) = %d, want %d", code, got, want)
		}
	}
}
