package spec

import (
	"go/types"
	"maps"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPredeclaredMatchesGoTypes(t *testing.T) {
	got := slices.Sorted(maps.Keys(predeclared))
	want := slices.Sorted(slices.Values(types.Universe.Names()))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("predeclared differs from go/types' universe; update predeclared.go (-want +got):\n%s", diff)
	}
}
