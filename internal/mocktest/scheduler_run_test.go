package mocktest

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/specgen/specgen/generator/importer"
)

// TestSchedulerImportedRuns imports EventBridge Scheduler's botocore model
// (testdata/scheduler/model, kept with botocore's notice) with no overlay,
// generates it into a throwaway module, and runs the scenario of
// testdata/scheduler against the generated mock: groups and schedules in
// them created, read, listed in pages, updated, tagged and deleted, all
// kept by the resources the importer inferred from the model alone.
func TestSchedulerImportedRuns(t *testing.T) {
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
	r, err := importer.ImportFile(filepath.Join(here, "testdata", "scheduler", "model", "service-2.json"), importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range r.Warnings {
		t.Errorf("import: %s", w)
	}
	if _, err := importer.Write(filepath.Join(dir, "specs"), r); err != nil {
		t.Fatal(err)
	}
	goMod := "module example.com/schedulerrun\n\ngo 1.26.0\n\nrequire github.com/specgen/specgen v0.0.0\n\nreplace github.com/specgen/specgen => " + root + "\n"
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
	run(root, "run", "./cmd/specgen", "generate", "-q", "-specs", filepath.Join(dir, "specs"),
		"-out", filepath.Join(dir, "gen"), "-import", "example.com/schedulerrun/gen")
	scenario, err := os.ReadFile(filepath.Join(here, "testdata", "scheduler", "scheduler_test.go.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "gen", "scheduler", "schedulermock", "scheduler_test.go"), scenario, 0o644); err != nil {
		t.Fatal(err)
	}
	run(dir, "vet", "./...")
	run(dir, "test", "-count=1", "./...")
}
