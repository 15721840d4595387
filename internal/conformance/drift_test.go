package conformance

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/generator"
	"github.com/specgen/specgen/generator/golang"
	"github.com/specgen/specgen/generator/importer"
	"github.com/specgen/specgen/internal/conformance/suite"
)

// TestGeneratedMatchesSuites redoes, in memory, what go generate does here
// (synthesize each suite's model, import it, generate the packages) and
// fails, with a diff, where the committed files differ: the conformance
// test must run on what the suites and today's generator give.
func TestGeneratedMatchesSuites(t *testing.T) {
	for _, p := range suite.Protocols {
		s, err := suite.Load("testdata/suites", p)
		if err != nil {
			t.Fatal(err)
		}
		model, err := s.Model()
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", "models", p.Package, "service-2.json")
		diffFile(t, path, model)
		r, err := importer.ImportFile(path, importer.Options{})
		if err != nil {
			t.Fatalf("import %s: %v", path, err)
		}
		diffFile(t, filepath.Join("specs", p.Package, "model", "service-2.json"), model)
		if r.Package != p.Package {
			t.Errorf("%s imports as package %s, want %s", path, r.Package, p.Package)
		}
		diffFile(t, filepath.Join("specs", p.Package, p.Package+".yaml"), r.Spec)
	}
	files, err := generator.GenerateDir("specs", golang.Config{ImportBase: "github.com/specgen/specgen/internal/conformance/gen"})
	if err != nil {
		t.Fatalf("generate: %v", err)
	}
	diffs, err := generator.Drift("gen", files)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diffs {
		t.Errorf("gen/%s is %s; run go generate in internal/conformance (-committed +generated):\n%s",
			d.Path, d.Kind, cmp.Diff(strings.Split(d.Got, "\n"), strings.Split(d.Want, "\n")))
	}
}

// TestUnsupportedOperationsAreStillRefused keeps suite.Unsupported honest:
// each operation it leaves out, put back alone into its suite's model,
// still gives a spec that does not load, so that the cases it hides are
// run as soon as the generator carries them.
func TestUnsupportedOperationsAreStillRefused(t *testing.T) {
	for _, p := range suite.Protocols {
		for op := range suite.Unsupported[p.File] {
			t.Run(p.File+" still refuses "+op, func(t *testing.T) {
				s, err := suite.Load("testdata/suites", p)
				if err != nil {
					t.Fatal(err)
				}
				leave := map[string]string{}
				for o, why := range suite.Unsupported[p.File] {
					if o != op {
						leave[o] = why
					}
				}
				base, err := s.Model()
				if err != nil {
					t.Fatal(err)
				}
				r, err := importer.Import("model", []importer.File{{Name: "service-2.json", Data: base}}, importer.Options{})
				if err != nil {
					t.Fatalf("the suite's model without its unsupported operations is refused: %v", err)
				}
				if len(r.Warnings) != 0 {
					t.Fatalf("the suite's model without its unsupported operations does not load: %q", r.Warnings)
				}
				model, err := s.ModelLeavingOut(leave)
				if err != nil {
					t.Fatal(err)
				}
				r, err = importer.Import("model", []importer.File{{Name: "service-2.json", Data: model}}, importer.Options{})
				if err != nil {
					return // refused by the importer itself
				}
				if len(r.Warnings) == 0 {
					t.Errorf("with %s the spec loads: take it off suite.Unsupported (%s)", op, suite.Unsupported[p.File][op])
				}
			})
		}
	}
}

func diffFile(t *testing.T, path string, want []byte) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Error(err)
		return
	}
	if d := cmp.Diff(strings.Split(string(got), "\n"), strings.Split(string(want), "\n")); d != "" {
		t.Errorf("%s is stale; run go generate in internal/conformance (-committed +regenerated):\n%s", path, d)
	}
}
