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
		cmd.Env = append(os.Environ(), "GOFLAGS="+os.Getenv("GOFLAGS")+" -mod=mod") // keeps make test's -race
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %v: %v\n%s", args, err, out)
		}
	}
	run(root, "run", "./cmd/specgen", "generate", "-q",
		"-specs", filepath.Join(root, "generator", "testdata", "golden", "mock"),
		"-out", filepath.Join(dir, "gen"), "-import", "example.com/goldenrun/gen")
	// A hand-written hook next to the generated mock, as a user would add
	// one, and a test that it is applied by New and again by Reset.
	mockDir := filepath.Join(dir, "gen", "kennels", "kennelsmock")
	for name, text := range map[string]string{"hooks.go": hookFile, "hooks_test.go": hookTest} {
		if err := os.WriteFile(filepath.Join(mockDir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run(dir, "vet", "./...")
	run(dir, "test", "./...")
	// A second generation leaves the hand-written files alone.
	run(root, "run", "./cmd/specgen", "generate", "-q",
		"-specs", filepath.Join(root, "generator", "testdata", "golden", "mock"),
		"-out", filepath.Join(dir, "gen"), "-import", "example.com/goldenrun/gen")
	if _, err := os.Stat(filepath.Join(mockDir, "hooks.go")); err != nil {
		t.Errorf("regeneration removed the hand-written hook: %v", err)
	}
}

const hookFile = `package kennelsmock

import (
	"context"

	"example.com/goldenrun/gen/kennels"
)

func init() {
	hooks = append(hooks, func(s *Server) {
		s.HandleCreateKennel(func(ctx context.Context, in *kennels.CreateKennelInput) (*kennels.CreateKennelOutput, error) {
			out, err := s.DefaultCreateKennel(ctx, in)
			if err == nil && *in.Name == "hooked" {
				out.Kennel.Status = kennels.Status("READY")
			}
			return out, err
		})
	})
}
`

const hookTest = `package kennelsmock_test

import (
	"testing"

	"example.com/goldenrun/gen/kennels"
	"example.com/goldenrun/gen/kennels/kennelsmock"
)

func TestHooksApplyOnNewAndReset(t *testing.T) {
	srv, url := kennelsmock.NewTestServer(t)
	c := kennels.New(kennels.Options{Region: "us-east-1", BaseEndpoint: url})
	for round := range 2 {
		name := "hooked"
		out, err := c.CreateKennel(t.Context(), &kennels.CreateKennelInput{Name: &name})
		if err != nil || out.Kennel.Status != "READY" {
			t.Fatalf("round %d: %v, status %v; want the hook's READY", round, err, out)
		}
		srv.Reset()
	}
}
`
