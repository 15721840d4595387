package importer

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzImport feeds the importer arbitrary service-2.json files: it must
// never panic, and must either write a spec or refuse with problems that
// each name the file.
func FuzzImport(f *testing.F) {
	paths, _ := filepath.Glob("testdata/*/service-2.json")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"shapes": {"A": {"type": "list", "member": {"shape": "A"}}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Import("", []File{{Name: "service-2.json", Data: data}}, Options{MaxSize: 1 << 20})
		if err == nil {
			if len(r.Spec) == 0 {
				t.Fatal("no error and no spec")
			}
			return
		}
		var ie *Error
		if !errors.As(err, &ie) {
			t.Fatalf("error of type %T, want *Error: %v", err, err)
		}
		for _, p := range ie.Problems {
			if !strings.HasPrefix(p, "service-2.json") {
				t.Fatalf("problem does not name the file: %q", p)
			}
		}
	})
}
