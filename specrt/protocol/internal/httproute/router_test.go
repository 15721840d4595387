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

func TestAPathTemplatesQueryStringTellsOperationsApart(t *testing.T) {
	rt := NewRouter([]protocol.Route{
		{Name: "CreateBucket", Method: "PUT", Path: "/{Bucket}"},
		{Name: "PutBucketAcl", Method: "PUT", Path: "/{Bucket}?acl"},
		{Name: "PutBucketTagging", Method: "PUT", Path: "/{Bucket}?tagging"},
		{Name: "GetObject", Method: "GET", Path: "/{Bucket}/{Key+}?x-id=GetObject"},
		{Name: "GetObjectAcl", Method: "GET", Path: "/{Bucket}/{Key+}?acl"},
		{Name: "ListBuckets", Method: "GET", Path: "/?x-id=ListBuckets"},
		{Name: "ListDirectoryBuckets", Method: "GET", Path: "/?x-id=ListDirectoryBuckets"},
		{Name: "ListAll", Method: "GET", Path: "/"},
	})
	for _, tc := range []struct {
		name, method, target string
		wantOp               int
	}{
		{"a path without the literal's parameter is the plain operation", "PUT", "/b1", 0},
		{"a parameter without a value picks its operation", "PUT", "/b1?acl", 1},
		{"so does another", "PUT", "/b1?tagging=", 2},
		{"a parameter with a value must have that value", "GET", "/b1/k/ey?x-id=GetObject", 3},
		{"or another operation is looked for", "GET", "/b1/k?x-id=Other&acl", 4},
		{"a template without a parameter it asks for does not match", "GET", "/b1/k", -1},
		{"paths without labels are told apart the same way", "GET", "/?x-id=ListDirectoryBuckets", 6},
		{"and fall back to the one that asks nothing", "GET", "/?prefix=a", 7},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if op, _, _ := rt.Route(httptest.NewRequest(tc.method, tc.target, nil), nil); op != tc.wantOp {
				t.Errorf("Route(%s %s) = %d, want %d", tc.method, tc.target, op, tc.wantOp)
			}
		})
	}
}
