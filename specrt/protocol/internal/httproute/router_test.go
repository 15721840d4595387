package httproute

import (
	"net/http/httptest"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/specrt/protocol"
)

func TestATrailingSlashDoesNotMatter(t *testing.T) {
	rt := NewRouter([]protocol.Route{
		{Name: "ChangeResourceRecordSets", Method: "POST", Path: "/2013-04-01/hostedzone/{Id}/rrset/"},
		{Name: "GetHostedZoneCount", Method: "GET", Path: "/2013-04-01/hostedzonecount"},
		{Name: "ListRoot", Method: "GET", Path: "/"},
	})
	for _, tc := range []struct {
		name, method, target string
		wantOp               int
		wantLabels           map[string]string
	}{
		{"a template with a trailing slash matches a request without", "POST", "/2013-04-01/hostedzone/Z1/rrset", 0, map[string]string{"Id": "Z1"}},
		{"and a request with", "POST", "/2013-04-01/hostedzone/Z1/rrset/", 0, map[string]string{"Id": "Z1"}},
		{"a path without labels matches a request with a trailing slash", "GET", "/2013-04-01/hostedzonecount/", 1, nil},
		{"the root is the root", "GET", "/", 2, nil},
		{"a label is not empty for all that", "POST", "/2013-04-01/hostedzone//rrset", -1, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			op, labels, _ := rt.Route(httptest.NewRequest(tc.method, tc.target, nil), nil)
			if op != tc.wantOp {
				t.Errorf("Route(%s %s) = %d, want %d", tc.method, tc.target, op, tc.wantOp)
			}
			if diff := cmp.Diff(tc.wantLabels, labels); diff != "" {
				t.Errorf("labels (-want +got):\n%s", diff)
			}
		})
	}
}
