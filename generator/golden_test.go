package generator

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/specgen/specgen/generator/golang"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// goldenImportBase is where golden packages claim to live. It is inside this
// module, so that the compile test can type-check them in place.
const goldenImportBase = "github.com/specgen/specgen/generator/testdata/golden/out"

// generateCase renders the specs of one golden case.
func generateCase(t *testing.T, dir string) []golang.File {
	t.Helper()
	specs, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil || len(specs) == 0 {
		t.Fatalf("no specs in %s: %v", dir, err)
	}
	files, err := Generate(specs, golang.Config{ImportBase: goldenImportBase})
	if err != nil {
		t.Fatalf("generate: %v", err)
	}
	return files
}

func goldenCases(t *testing.T) []string {
	dirs, err := filepath.Glob("testdata/golden/*")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range dirs {
		if fi, err := os.Stat(d); err == nil && fi.IsDir() && filepath.Base(d) != "out" {
			out = append(out, d)
		}
	}
	if len(out) == 0 {
		t.Fatal("no golden cases")
	}
	return out
}

// TestGolden renders each case under testdata/golden and compares the whole
// output with the case's want.txtar; -update rewrites it.
func TestGolden(t *testing.T) {
	for _, dir := range goldenCases(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			ar := &txtar.Archive{Comment: []byte("Generated from this directory's spec by TestGolden; go test ./generator/... -update rewrites it.\n")}
			for _, f := range generateCase(t, dir) {
				ar.Files = append(ar.Files, txtar.File{Name: f.Path, Data: f.Content})
			}
			got := string(txtar.Format(ar))
			wantPath := filepath.Join(dir, "want.txtar")
			if *update {
				if err := os.WriteFile(wantPath, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(wantPath)
			if err != nil {
				t.Fatalf("%v (run go test ./generator/... -update)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("generated output differs from %s (-want +got):\n%s", wantPath, diff)
			}
		})
	}
}

// TestGenerateIsDeterministic renders the real specs twice and expects the
// same bytes.
func TestGenerateIsDeterministic(t *testing.T) {
	a, err := GenerateDir("../specs", golang.Config{ImportBase: DefaultImportBase})
	if err != nil {
		t.Fatal(err)
	}
	b, err := GenerateDir("../specs", golang.Config{ImportBase: DefaultImportBase})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("two runs differ (-first +second):\n%s", diff)
	}
}

// TestGoldenOutputCompiles type-checks the golden packages with the go
// tool, through an overlay, so that the golden files are not only stable
// but also valid Go that builds against specrt.
func TestGoldenOutputCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go tool")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool on PATH")
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	replace := map[string]string{}
	pkgs := map[string]bool{}
	for _, dir := range goldenCases(t) {
		for i, f := range generateCase(t, dir) {
			name := filepath.Join(tmp, fmt.Sprintf("%s-%d", filepath.Base(dir), i))
			if err := os.WriteFile(name, f.Content, 0o644); err != nil {
				t.Fatal(err)
			}
			replace[filepath.Join(wd, "testdata/golden/out", filepath.FromSlash(f.Path))] = name
			pkgs[goldenImportBase+"/"+path.Dir(f.Path)] = true
		}
	}
	overlay, err := json.Marshal(map[string]any{"Replace": replace})
	if err != nil {
		t.Fatal(err)
	}
	ovPath := filepath.Join(tmp, "overlay.json")
	if err := os.WriteFile(ovPath, overlay, 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"build", "-overlay", ovPath}
	for p := range pkgs {
		args = append(args, p)
	}
	sort.Strings(args[3:])
	out, err := exec.Command(goTool, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("golden packages do not build: %v\n%s", err, out)
	}
}
