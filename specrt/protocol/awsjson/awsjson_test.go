package awsjson_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/specrt/protocol"
	"github.com/specgen/specgen/specrt/protocol/awsjson"
)

var ops = []protocol.Route{{Name: "CreateThing"}, {Name: "ListThings"}}

func TestRoutesByTargetOnPostOnly(t *testing.T) {
	rt := awsjson.V11.NewRouter(protocol.Endpoint{TargetPrefix: "Things_2026", Ops: ops})
	for _, tc := range []struct {
		name, method, target string
		wantOp               int
		wantWhat             string
	}{
		{"a POST with a known target is routed to its operation", "POST", "Things_2026.ListThings", 1, ""},
		{"the first operation is routed too", "POST", "Things_2026.CreateThing", 0, ""},
		{"a GET with a known target is not routed", "GET", "Things_2026.ListThings", -1, "Things_2026.ListThings"},
		{"another service's prefix is not routed", "POST", "Other.ListThings", -1, "Other.ListThings"},
		{"an unknown operation is not routed", "POST", "Things_2026.DeleteThing", -1, "Things_2026.DeleteThing"},
		{"a request without a target says so", "POST", "", -1, "(no X-Amz-Target header)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest(tc.method, "/", nil)
			if tc.target != "" {
				r.Header.Set("X-Amz-Target", tc.target)
			}
			op, labels, what := rt.Route(r, nil)
			if op != tc.wantOp || labels != nil || what != tc.wantWhat {
				t.Errorf("Route = %d, %v, %q; want %d, nil, %q", op, labels, what, tc.wantOp, tc.wantWhat)
			}
		})
	}
}

func TestIndexPicksMocksByTargetPrefix(t *testing.T) {
	x := awsjson.V10.NewIndex([]protocol.Endpoint{
		{TargetPrefix: "A", Ops: ops}, {TargetPrefix: "B", Ops: ops}, {TargetPrefix: "A", Ops: ops},
	})
	for _, tc := range []struct {
		name, target string
		want         []int
	}{
		{"a prefix gives every mock with it, in order", "A.ListThings", []int{0, 2}},
		{"a prefix of one mock gives it", "B.CreateThing", []int{1}},
		{"an unknown prefix gives none", "C.ListThings", nil},
		{"a target without a dot gives none", "ListThings", nil},
		{"no target gives none", "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("POST", "/", nil)
			if tc.target != "" {
				r.Header.Set("X-Amz-Target", tc.target)
			}
			if diff := cmp.Diff(tc.want, x.Candidates(r, nil)); diff != "" {
				t.Errorf("Candidates (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRequestsAreFramedByVersion(t *testing.T) {
	for _, tc := range []struct {
		name string
		p    *awsjson.Protocol
		want http.Header
	}{
		{"awsJson1_0 sends its content type and the target", awsjson.V10, http.Header{"Content-Type": {"application/x-amz-json-1.0"}, "X-Amz-Target": {"Things.ListThings"}}},
		{"awsJson1_1 sends its content type and the target", awsjson.V11, http.Header{"Content-Type": {"application/x-amz-json-1.1"}, "X-Amz-Target": {"Things.ListThings"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := http.Header{}
			tc.p.SetRequestHeaders(h, "Things", "ListThings")
			if diff := cmp.Diff(tc.want, h); diff != "" {
				t.Errorf("headers (-want +got):\n%s", diff)
			}
			if m, p := tc.p.RequestLine("Things", protocol.Route{Name: "GetThing", Method: "GET", Path: "/things/{id}"}); m != "POST" || p != "/" {
				t.Errorf("RequestLine = %s %s, want POST /", m, p)
			}
		})
	}
}

func TestErrorCodesAreReadFromTypeOrHeader(t *testing.T) {
	for _, tc := range []struct {
		name   string
		header http.Header
		body   string
		want   protocol.ErrorInfo
	}{
		{"__type with a namespace gives the shape name", nil, `{"__type":"aws.protocoltests.json10#InvalidGreeting","message":"Hi"}`, protocol.ErrorInfo{Code: "InvalidGreeting", Message: "Hi", Members: true}},
		{"X-Amzn-ErrorType with a URI comes before __type", http.Header{"X-Amzn-Errortype": {"FooError:http://internal.amazon.com/coral/"}}, `{"__type":"Other"}`, protocol.ErrorInfo{Code: "FooError", Members: true}},
		{"code is read when there is no __type", nil, `{"code":"FooError"}`, protocol.ErrorInfo{Code: "FooError", Members: true}},
		{"a body that is not JSON gives no code", nil, `Service Unavailable`, protocol.ErrorInfo{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := tc.header
			if h == nil {
				h = http.Header{}
			}
			if diff := cmp.Diff(tc.want, awsjson.V10.ReadError(h, []byte(tc.body))); diff != "" {
				t.Errorf("ReadError (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMockAnswersAreFramedAsAWSJSON(t *testing.T) {
	h := http.Header{}
	awsjson.V11.SetErrorHeaders(h, "FooError")
	if len(h) != 0 {
		t.Errorf("SetErrorHeaders set %v, want nothing (the code travels in __type)", h)
	}
	if got := awsjson.V11.SuccessStatus(201); got != http.StatusOK {
		t.Errorf("SuccessStatus(201) = %d, want 200", got)
	}
	for _, code := range []string{"IncompleteSignatureException", "InvalidSignatureException"} {
		if got := awsjson.V11.AuthErrorStatus(code); got != http.StatusBadRequest {
			t.Errorf("AuthErrorStatus(%s) = %d, want 400", code, got)
		}
	}
	if diff := cmp.Diff(protocol.Address{Target: "Things.ListThings"}, awsjson.V11.Address("Things", ops[1])); diff != "" {
		t.Errorf("Address (-want +got):\n%s", diff)
	}
}

func TestTargets(t *testing.T) {
	if got := awsjson.Target("AppRunner", "CreateService"); got != "AppRunner.CreateService" {
		t.Errorf("Target = %q", got)
	}
	for _, tc := range []struct {
		name, target, prefix, op string
		ok                       bool
	}{
		{"a target splits at its last dot", "Route53AutoNaming_v20170314.CreatePrivateDnsNamespace", "Route53AutoNaming_v20170314", "CreatePrivateDnsNamespace", true},
		{"a prefix may hold dots", "com.amazonaws.things.ListThings", "com.amazonaws.things", "ListThings", true},
		{"a target without a dot does not split", "nodot", "", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, op, ok := awsjson.SplitTarget(tc.target)
			if p != tc.prefix || op != tc.op || ok != tc.ok {
				t.Errorf("SplitTarget(%q) = %q, %q, %v; want %q, %q, %v", tc.target, p, op, ok, tc.prefix, tc.op, tc.ok)
			}
		})
	}
}
