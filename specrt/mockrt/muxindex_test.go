package mockrt

import (
	"net/http/httptest"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRestIndexNarrowsCandidatesByMethodAndFirstSegment(t *testing.T) {
	labelFirst := taggedService("buckets", "s3")
	labelFirst.Operations[0].Path = "/{bucket}"
	servers := []*Server{
		NewServer(taggedService("lattice", "vpc-lattice", "services")),
		NewServer(taggedService("runner", "apprunner", "runners")),
		NewServer(labelFirst),
	}
	x := newRestIndex(servers)
	for _, tc := range []struct {
		name, method, path string
		want               []string
	}{
		{"a shared first segment gives every service with it, and those starting with a label", "POST", "/tags/arn", []string{"lattice", "runner", "buckets"}},
		{"a first segment of one service gives it and those starting with a label", "POST", "/runners", []string{"runner", "buckets"}},
		{"an unknown first segment gives those starting with a label", "POST", "/elsewhere/x", []string{"buckets"}},
		{"a method no service has gives none", "DELETE", "/tags/arn", nil},
		{"an escaped first segment gives every service", "POST", "/t%61gs/arn", []string{"lattice", "runner", "buckets"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, s := range x.candidates(httptest.NewRequest(tc.method, tc.path, nil), servers) {
				got = append(got, s.svc.Name)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("candidates for %s %s (-want +got):\n%s", tc.method, tc.path, diff)
			}
		})
	}
}
