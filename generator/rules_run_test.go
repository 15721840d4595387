package generator

import (
	"encoding/json"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"testing"
)

// TestGoldenRulesRun runs the hand-written tests of the golden rules case
// (testdata/golden/rules/*_test.go) against the package generated from its
// spec, through an overlay, so that every kind of rule and of condition
// value is checked at run time, not only compiled.
func TestGoldenRulesRun(t *testing.T) { runGoldenTests(t, "testdata/golden/rules", "orders") }

// TestGoldenTraitsRun runs the hand-written tests of the golden traits
// case: documents, float specials, timestamp formats, unions and
// paginators through the generated client and mock.
func TestGoldenTraitsRun(t *testing.T) { runGoldenTests(t, "testdata/golden/traits", "beacons") }

// runGoldenTests runs the hand-written tests of golden case dir against
// its generated package pkg.
func runGoldenTests(t *testing.T, dir, pkg string) {
	if testing.Short() {
		t.Skip("runs the go tool")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool on PATH")
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(wd, "testdata/golden/out")
	tmp := t.TempDir()
	replace := map[string]string{}
	for _, f := range generateCase(t, dir) {
		name := filepath.Join(tmp, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
		replace[filepath.Join(out, filepath.FromSlash(f.Path))] = name
	}
	tests, err := filepath.Glob(filepath.Join(dir, "*_test.go"))
	if err != nil || len(tests) == 0 {
		t.Fatalf("no hand-written tests in %s: %v", dir, err)
	}
	for _, tf := range tests {
		replace[filepath.Join(out, pkg, filepath.Base(tf))] = filepath.Join(wd, tf)
	}
	overlay, err := json.Marshal(map[string]any{"Replace": replace})
	if err != nil {
		t.Fatal(err)
	}
	ovPath := filepath.Join(tmp, "overlay.json")
	if err := os.WriteFile(ovPath, overlay, 0o644); err != nil {
		t.Fatal(err)
	}
	// The package directory exists only in the overlay, and go test runs a
	// test binary in its package's directory: build the binary, then run it
	// here.
	bin := filepath.Join(tmp, pkg+".test")
	build := exec.Command(goTool, "test", "-c", "-vet=off", "-overlay", ovPath, "-o", bin, path.Join(goldenImportBase, pkg))
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("the golden %s tests do not build: %v\n%s", pkg, err, out)
	}
	if out, err := exec.Command(bin).CombinedOutput(); err != nil {
		t.Fatalf("the golden %s tests fail: %v\n%s", pkg, err, out)
	}
}
