package importer

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/generator/spec"
)

// TestInferredResources imports the inference cases and checks both that
// the spec written passes check and which resources it holds: the regular
// model gets them all, the irregular one (a read with no identifier, a list
// with no paginator, a create with no read) none.
func TestInferredResources(t *testing.T) {
	tests := []struct {
		dir  string
		want []string
	}{
		{"testdata/infer-regular", []string{"Cabin", "Crate", "Dock", "Fleet", "Ship"}},
		{"testdata/infer-irregular", nil},
	}
	for _, tt := range tests {
		t.Run(tt.dir+" loads with the resources inferred", func(t *testing.T) {
			r, err := Import("", readCase(t, tt.dir), Options{})
			if err != nil {
				t.Fatal(err)
			}
			svc, ds := spec.Check(r.Package+".yaml", r.Spec)
			for _, d := range ds {
				if !d.Warning {
					t.Errorf("check: %v", d)
				}
			}
			if svc == nil {
				t.Fatal("check gave no service")
			}
			var got []string
			for _, res := range svc.Resources {
				got = append(got, res.Name)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("resources (-want +got):\n%s", diff)
			}
		})
	}
}
