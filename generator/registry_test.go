package generator

import (
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/generator/golang"
)

func TestRegistryListsEverySpecsMock(t *testing.T) {
	files, err := GenerateDir("../specs", golang.Config{ImportBase: DefaultImportBase})
	if err != nil {
		t.Fatal(err)
	}
	var mockPkgs []string
	var registry string
	for _, f := range files {
		switch {
		case f.Path == "mocks/mocks.go":
			registry = string(f.Content)
		case path.Base(f.Path) == "mock.go":
			mockPkgs = append(mockPkgs, path.Dir(f.Path))
		}
	}
	specs, _ := SpecFiles("../specs")
	if len(mockPkgs) != len(specs) {
		t.Fatalf("%d mock packages for %d specs", len(mockPkgs), len(specs))
	}
	var listed []string
	for _, line := range strings.Split(registry, "\n") {
		if mock, ok := strings.CutSuffix(strings.TrimSpace(line), ".New(opts...).Server,"); ok {
			listed = append(listed, mock)
		}
	}
	var want []string
	for _, p := range mockPkgs {
		want = append(want, path.Base(p))
		if !strings.Contains(registry, `"`+DefaultImportBase+"/"+p+`"`) {
			t.Errorf("the registry does not import %s", p)
		}
	}
	sort.Strings(want)
	if diff := cmp.Diff(want, listed); diff != "" {
		t.Errorf("mocks All makes (-want +got):\n%s\nregistry:\n%s", diff, registry)
	}
}

func TestServiceNamedLikeTheRegistryIsRefused(t *testing.T) {
	data, err := os.ReadFile("testdata/golden/rest/gadgets.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, name := range []string{golang.RegistryPackage, "other"} {
		spec := strings.Replace(string(data), "name: gadgets", "name: "+name, 1)
		if err := os.WriteFile(filepath.Join(dir, name+".yaml"), []byte(spec), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err = GenerateDir(dir, golang.Config{ImportBase: "example.com/m/gen"})
	want := filepath.Join(dir, "mocks.yaml") + `:4:9: service name "` + golang.RegistryPackage + `" is the package that lists every generated mock; choose another`
	if err == nil || err.Error() != want {
		t.Errorf("error:\n%v\nwant:\n%s", err, want)
	}
}
