package spec

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoad feeds arbitrary bytes to the loader: it may reject them, with
// diagnostics, but must never panic, and it never returns both a model and
// an error.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/diag/*.yaml")
	more, _ := filepath.Glob("../testdata/golden/*/*.yaml")
	real, _ := filepath.Glob("../../specs/*.yaml")
	for _, p := range append(append(seeds, more...), real...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("service: {name: x}\nshapes: {A: {type: list, member: A}}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		svc, err := Load("x.yaml", data)
		if (svc == nil) == (err == nil) {
			t.Fatalf("Load returned model %v and error %v", svc != nil, err)
		}
		if ds, ok := err.(Diagnostics); ok {
			for _, d := range ds {
				if d.Pos.Line < 1 || d.Pos.Col < 1 {
					t.Errorf("diagnostic without a position: %s", d)
				}
			}
		}
	})
}
