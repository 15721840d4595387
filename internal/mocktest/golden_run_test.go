package mocktest

import (
	"os"
	"path/filepath"
	"testing"
)

// TestGoldenMockCasesRun generates the golden mock cases
// (generator/testdata/golden/mock: every mock key, restJson1 bindings) into
// a throwaway module and runs their tests, so that each generated Example,
// in which the generated client calls the generated mock, really runs.
func TestGoldenMockCasesRun(t *testing.T) {
	m := newThrowaway(t, "goldenrun")
	golden := filepath.Join(m.root, "generator", "testdata", "golden", "mock")
	m.generate(golden)
	// A hand-written hook next to the generated mock, as a user would add
	// one, and a test that it is applied by New and again by Reset.
	m.write("gen/kennels/kennelsmock/hooks.go", []byte(hookFile))
	m.write("gen/kennels/kennelsmock/hooks_test.go", []byte(hookTest))
	m.goCmd("vet", "./...")
	m.goCmd("test", "./...")
	// A second generation leaves the hand-written files alone.
	m.generate(golden)
	if _, err := os.Stat(filepath.Join(m.dir, "gen", "kennels", "kennelsmock", "hooks.go")); err != nil {
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
