package importer

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// readCase reads a test case's model files as ImportFile would.
func readCase(t testing.TB, dir string) []File {
	t.Helper()
	var files []File
	for _, name := range append([]string{"service-2.json"}, companions...) {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, File{Name: name, Data: data})
	}
	return files
}

// TestGolden imports each testdata/<case>/service-2.json (with its
// companions) and compares the spec with want.yaml, or the refusal with
// want.err.
func TestGolden(t *testing.T) {
	dirs, err := filepath.Glob("testdata/*/service-2.json")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no test cases: %v", err)
	}
	for _, p := range dirs {
		dir := filepath.Dir(p)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			r, err := Import("", readCase(t, dir), Options{})
			var got, golden string
			if err != nil {
				got, golden = err.Error()+"\n", filepath.Join(dir, "want.err")
			} else {
				got, golden = string(r.Spec), filepath.Join(dir, "want.yaml")
			}
			if *update {
				os.Remove(filepath.Join(dir, "want.err"))
				os.Remove(filepath.Join(dir, "want.yaml"))
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, rerr := os.ReadFile(golden)
			if rerr != nil {
				t.Fatalf("%v (import gave %s; run go test -update)", rerr, strings.SplitN(got, "\n", 2)[0])
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("import differs from %s (-want +got):\n%s", golden, diff)
			}
		})
	}
}
