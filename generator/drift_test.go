package generator

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/generator/golang"
)

// TestGenMatchesSpecs regenerates ../gen from ../specs in memory and fails,
// with a diff per file, when the committed files differ.
func TestGenMatchesSpecs(t *testing.T) {
	files, err := GenerateDir("../specs", golang.Config{ImportBase: DefaultImportBase})
	if err != nil {
		t.Fatalf("generate: %v", err)
	}
	diffs, err := Drift("../gen", files)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diffs {
		t.Errorf("gen/%s is %s; run make generate and commit gen/ with specs/ (-committed +generated):\n%s",
			d.Path, d.Kind, cmp.Diff(strings.Split(d.Got, "\n"), strings.Split(d.Want, "\n")))
	}
}
