package mocktest

import (
	"path/filepath"
	"testing"
)

// TestGoldenBindingsRun generates the golden bindings case
// (generator/testdata/golden/bindings: every HTTP binding of restJson1,
// host prefixes under restJson1 and awsJson) into a throwaway module with
// its hand-written tests, and runs them: the generated client calls the generated mock with every
// binding, both ways.
func TestGoldenBindingsRun(t *testing.T) {
	m := newThrowaway(t, "goldenrun")
	m.generate(filepath.Join(m.root, "generator", "testdata", "golden", "bindings"))
	for _, pkg := range []string{"things", "sprockets"} {
		m.copy("generator/testdata/golden/bindings/"+pkg+"_test.go", "gen/"+pkg+"/bindings_test.go")
	}
	m.goCmd("vet", "./...")
	m.goCmd("test", "./...")
}
