package mocktest

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestLifecycleCasesRun generates the golden lifecycle case
// (generator/testdata/golden/lifecycle: a parent and a child resource in a
// restJson1 and an awsJson1_0 service) into a throwaway module, adds the
// scenario tests of testdata/lifecycle to the generated mock packages, and
// runs them with the race detector: the generated client drives the
// generated mock's resource engine through whole lifecycles.
func TestLifecycleCasesRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a throwaway module")
	}
	_, file, _, _ := runtime.Caller(0)
	here := filepath.Dir(file)
	root, err := filepath.Abs(filepath.Join(here, "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	goMod := "module example.com/lifecyclerun\n\ngo 1.26.0\n\nrequire github.com/specgen/specgen v0.0.0\n\nreplace github.com/specgen/specgen => " + root + "\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(goMod), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(wd string, args ...string) {
		t.Helper()
		cmd := exec.Command("go", args...)
		cmd.Dir = wd
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %v: %v\n%s", args, err, out)
		}
	}
	run(root, "run", "./cmd/specgen", "generate", "-q",
		"-specs", filepath.Join(root, "generator", "testdata", "golden", "lifecycle"),
		"-out", filepath.Join(dir, "gen"), "-import", "example.com/lifecyclerun/gen")
	// testdata/lifecycle/<pkg>_test.go.txt goes next to <pkg>mock.
	tests, err := filepath.Glob(filepath.Join(here, "testdata", "lifecycle", "*_test.go.txt"))
	if err != nil || len(tests) == 0 {
		t.Fatalf("no scenario tests: %v", err)
	}
	for _, src := range tests {
		name := strings.TrimSuffix(filepath.Base(src), ".txt")
		pkg, _, _ := strings.Cut(name, "_")
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "gen", pkg, pkg+"mock", name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run(dir, "vet", "./...")
	run(dir, "test", "-race", "-count=1", "./...")
}
