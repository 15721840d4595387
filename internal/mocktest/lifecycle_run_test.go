package mocktest

import (
	"path/filepath"
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
	m := newThrowaway(t, "lifecyclerun")
	m.generate(filepath.Join(m.root, "generator", "testdata", "golden", "lifecycle"))
	// testdata/lifecycle/<pkg>_test.go.txt goes next to <pkg>mock.
	tests, err := filepath.Glob(filepath.Join(m.here, "testdata", "lifecycle", "*_test.go.txt"))
	if err != nil || len(tests) == 0 {
		t.Fatalf("no scenario tests: %v", err)
	}
	for _, src := range tests {
		name := strings.TrimSuffix(filepath.Base(src), ".txt")
		pkg, _, _ := strings.Cut(name, "_")
		m.copy("internal/mocktest/testdata/lifecycle/"+filepath.Base(src), "gen/"+pkg+"/"+pkg+"mock/"+name)
	}
	m.goCmd("vet", "./...")
	m.goCmd("test", "-race", "-count=1", "./...")
}
