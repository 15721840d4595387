package mocktest

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// TestGoldenMockCasesRun generates the golden mock cases
// (generator/testdata/golden/mock: every mock key, restJson1 bindings) into
// a throwaway module and runs their tests, so that each generated Example,
// in which the generated client calls the generated mock, really runs.
func TestGoldenMockCasesRun(t *testing.T) {
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
	run(root, "run", "./cmd/specgen", "generate", "-q",
		"-specs", filepath.Join(root, "generator", "testdata", "golden", "mock"),
		"-out", filepath.Join(dir, "gen"), "-import", "example.com/goldenrun/gen")
	run(dir, "vet", "./...")
	run(dir, "test", "./...")
}
