package generator

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/generator/golang"
)

func TestProgressNamesEachSpecAndPackage(t *testing.T) {
	files := []string{"testdata/golden/jsonrpc/widgets.yaml", "testdata/golden/rest/gadgets.yaml"}
	var stages []string
	opts := Options{Progress: func(s string) { stages = append(stages, s) }}
	svcs, _, err := LoadWith(files, opts)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := GenerateServicesWith(svcs, golang.Config{ImportBase: "example.com/gen"}, opts); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"loading testdata/golden/jsonrpc/widgets.yaml",
		"loading testdata/golden/rest/gadgets.yaml",
		"emitting widgets",
		"emitting gadgets",
	}
	if diff := cmp.Diff(want, stages); diff != "" {
		t.Errorf("stages (-want +got):\n%s", diff)
	}
}
