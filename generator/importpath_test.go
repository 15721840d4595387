package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestImportPath(t *testing.T) {
	tests := []struct {
		name  string
		gomod string // empty: no go.mod at all
		dir   string // below the module root
		want  string
		err   string
	}{
		{"the output directory is joined to the module path", "module example.com/myapp\n\ngo 1.26\n", "internal/gen", "example.com/myapp/internal/gen", ""},
		{"the module root itself is the module path", "module example.com/myapp\n", ".", "example.com/myapp", ""},
		{"a quoted module path and a comment are understood", "// my app\nmodule \"example.com/my app\" // quoted\n", "gen", "example.com/my app/gen", ""},
		{"a go.mod without a module directive is an error", "go 1.26\n", "gen", "", "no module directive"},
		{"no go.mod at all is an error that names -import", "", "gen", "", "pass -import"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			if tt.gomod != "" {
				if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte(tt.gomod), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			dir := filepath.Join(root, filepath.FromSlash(tt.dir))
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			got, err := ImportPath(dir)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("ImportPath = %q, %v; want an error containing %q", got, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ImportPath (-want +got):\n%s", diff)
			}
		})
	}
}

func TestImportPathOfThisRepository(t *testing.T) {
	got, err := ImportPath("../gen")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(DefaultImportBase, got); diff != "" {
		t.Errorf("ImportPath(../gen) (-want +got):\n%s", diff)
	}
}
