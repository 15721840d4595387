package spec

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the expected diagnostics under testdata")

// TestDiagnostics loads each broken spec under testdata/diag and compares
// every reported problem, warnings included, with the case's .want file, one
// per line. A case whose problems are all warnings must still yield a model.
func TestDiagnostics(t *testing.T) {
	specs, err := filepath.Glob("testdata/diag/*.yaml")
	if err != nil || len(specs) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, path := range specs {
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			svc, ds := Check(filepath.Base(path), data)
			if len(ds) == 0 {
				t.Fatalf("broken spec loaded without problems: %+v", svc)
			}
			if ds.Errors() > 0 && svc != nil {
				t.Errorf("a spec with problems returned a model")
			}
			if ds.Errors() == 0 && svc == nil {
				t.Errorf("a spec with only warnings returned no model")
			}
			got := ds.Error() + "\n"
			wantPath := strings.TrimSuffix(path, ".yaml") + ".want"
			if *update {
				if err := os.WriteFile(wantPath, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(wantPath)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(got, "\n")); diff != "" {
				t.Errorf("diagnostics differ (-want +got):\n%s", diff)
			}
		})
	}
}
