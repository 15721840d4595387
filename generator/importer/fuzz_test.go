package importer

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// FuzzImport feeds the importer arbitrary service-2.json and
// examples-1.json files (the one that carries arbitrary JSON values into the
// spec): it must never panic, and must either write a spec that reads back
// as YAML or refuse with problems that each name the file.
func FuzzImport(f *testing.F) {
	paths, _ := filepath.Glob("testdata/*/service-2.json")
	for _, p := range paths {
		service, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		examples, _ := os.ReadFile(filepath.Join(filepath.Dir(p), "examples-1.json"))
		f.Add(service, examples)
	}
	f.Add([]byte(`{"shapes": {"A": {"type": "list", "member": {"shape": "A"}}}}`), []byte(nil))
	f.Fuzz(func(t *testing.T, service, examples []byte) {
		files := []File{{Name: "service-2.json", Data: service}}
		if len(examples) > 0 {
			files = append(files, File{Name: "examples-1.json", Data: examples})
		}
		r, err := Import("", files, Options{MaxSize: 1 << 20})
		if err == nil {
			// Whatever the model held, the spec must read back as YAML.
			var doc yaml.Node
			if err := yaml.Unmarshal(r.Spec, &doc); err != nil {
				t.Fatalf("the spec written does not read back: %v\n%s", err, r.Spec)
			}
			return
		}
		var ie *Error
		if !errors.As(err, &ie) {
			t.Fatalf("error of type %T, want *Error: %v", err, err)
		}
		for _, p := range ie.Problems {
			if !strings.HasPrefix(p, "service-2.json") && !strings.HasPrefix(p, "examples-1.json") {
				t.Fatalf("problem does not name the file: %q", p)
			}
		}
	})
}
