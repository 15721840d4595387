package mocktest

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// TestGoldenBindingsRun generates the golden bindings case
// (generator/testdata/golden/bindings: every HTTP binding of restJson1,
// host prefixes under restJson1 and awsJson) into a throwaway module with
// its hand-written tests, and runs them: the generated client calls the generated mock with every
// binding, both ways.
func TestGoldenBindingsRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a throwaway module")
	}
	_, file, _, _ := runtime.Caller(0)
	root, err := filepath.Abs(filepath.Join(filepath.Dir(file), "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	goMod := "module example.com/goldenrun\n\ngo 1.26.0\n\nrequire github.com/specgen/specgen v0.0.0\n\nreplace github.com/specgen/specgen => " + root + "\n"
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
	golden := filepath.Join(root, "generator", "testdata", "golden", "bindings")
	run(root, "run", "./cmd/specgen", "generate", "-q",
		"-specs", golden, "-out", filepath.Join(dir, "gen"), "-import", "example.com/goldenrun/gen")
	for _, pkg := range []string{"things", "sprockets"} {
		test, err := os.ReadFile(filepath.Join(golden, pkg+"_test.go"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "gen", pkg, "bindings_test.go"), test, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run(dir, "vet", "./...")
	run(dir, "test", "./...")
}
