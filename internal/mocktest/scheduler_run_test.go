package mocktest

import (
	"path/filepath"
	"testing"

	"github.com/specgen/specgen/generator/importer"
)

// TestSchedulerImportedRuns imports EventBridge Scheduler's botocore model
// (specs/scheduler/model, kept with botocore's notice) with no overlay,
// generates it into a throwaway module, and runs the scenario of
// testdata/scheduler against the generated mock: groups and schedules in
// them created, read, listed in pages, updated, tagged and deleted, all
// kept by the resources the importer inferred from the model alone.
func TestSchedulerImportedRuns(t *testing.T) {
	m := newThrowaway(t, "schedulerrun")
	r, err := importer.ImportFile(filepath.Join(m.root, "specs", "scheduler", "model", "service-2.json"), importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range r.Warnings {
		t.Errorf("import: %s", w)
	}
	if _, err := importer.Write(filepath.Join(m.dir, "specs"), r); err != nil {
		t.Fatal(err)
	}
	m.generate(filepath.Join(m.dir, "specs"))
	m.copy("internal/mocktest/testdata/scheduler/scheduler_test.go.txt", "gen/scheduler/schedulermock/scheduler_test.go")
	m.goCmd("vet", "./...")
	m.goCmd("test", "-count=1", "./...")
}
