package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/generator/importer"
)

// reimportDrift re-imports, in memory, every model kept under
// specsDir/<pkg>/model/service-2.json and returns, per package whose
// committed specsDir/<pkg>/<pkg>.yaml differs from what the import writes,
// a diff (-committed +imported).
func reimportDrift(t *testing.T, specsDir string) map[string]string {
	t.Helper()
	models, err := filepath.Glob(filepath.Join(specsDir, "*", "model", "service-2.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(models) == 0 {
		t.Fatalf("no models under %s/*/model", specsDir)
	}
	diffs := map[string]string{}
	for _, m := range models {
		dir := filepath.Dir(filepath.Dir(m))
		pkg := filepath.Base(dir)
		r, err := importer.ImportFile(m, importer.Options{})
		if err != nil {
			t.Errorf("%s: %v", m, err)
			continue
		}
		if r.Package != pkg {
			t.Errorf("%s imports as package %s, not %s, the folder it is kept in", m, r.Package, pkg)
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, "model", "NOTICE")); err != nil {
			t.Errorf("%s has no NOTICE beside it (botocore's models are Apache-2.0): %v", m, err)
		}
		committed, err := os.ReadFile(filepath.Join(dir, pkg+".yaml"))
		if err != nil {
			t.Errorf("%s: %v", m, err)
			continue
		}
		if d := cmp.Diff(strings.Split(string(committed), "\n"), strings.Split(string(r.Spec), "\n")); d != "" {
			diffs[pkg] = d
		}
	}
	return diffs
}

// TestImportedSpecsMatchModels re-imports the models the specs were
// imported from and fails, with a diff, when a committed imported spec is
// not what specgen import writes today: edited by hand, or left behind by a
// change to the importer.
func TestImportedSpecsMatchModels(t *testing.T) {
	for pkg, d := range reimportDrift(t, "../specs") {
		t.Errorf("specs/%s/%s.yaml differs from its re-import; run specgen import -o specs specs/%s/model/service-2.json and commit it (-committed +imported):\n%s", pkg, pkg, pkg, d)
	}
}

// TestReimportDriftIsCaught edits a copy of an imported spec and checks
// that the re-import comparison reports the edited package, and only it.
func TestReimportDriftIsCaught(t *testing.T) {
	dir := t.TempDir()
	for _, pkg := range []string{"apprunner", "servicediscovery"} {
		src := filepath.Join("..", "specs", pkg)
		r, err := importer.ImportFile(filepath.Join(src, "model", "service-2.json"), importer.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := importer.Write(dir, r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "apprunner", "apprunner.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "  title: AWS App Runner\n", "  title: App Runner, edited by hand\n", 1)
	if edited == string(data) {
		t.Fatal("the edit found nothing to change")
	}
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	diffs := reimportDrift(t, dir)
	var got []string
	for pkg := range diffs {
		got = append(got, pkg)
	}
	if d := cmp.Diff([]string{"apprunner"}, got); d != "" {
		t.Errorf("packages reported (-want +got):\n%s", d)
	}
	if !strings.Contains(diffs["apprunner"], "edited by hand") {
		t.Errorf("the diff does not show the edit:\n%s", diffs["apprunner"])
	}
}
