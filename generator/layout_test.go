package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/generator/golang"
)

// TestImportedSpecWithOverlays generates the imported spec of
// testdata/layout/specs/shop with its two overlays and compares every file
// with what the equivalent single-file spec, testdata/layout/flat/shop.yaml,
// generates: the overlays (applied in name order, the second narrowing what
// the first set) add, replace and remove exactly what they say.
func TestImportedSpecWithOverlays(t *testing.T) {
	files, err := SpecFiles("testdata/layout/specs")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{filepath.FromSlash("testdata/layout/specs/shop/shop.yaml")}, files); diff != "" {
		t.Fatalf("SpecFiles (-want +got):\n%s", diff)
	}
	cfg := golang.Config{ImportBase: DefaultImportBase}
	got, err := Generate(files, cfg)
	if err != nil {
		t.Fatal(err)
	}
	want, err := Generate([]string{"testdata/layout/flat/shop.yaml"}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 {
		t.Fatal("nothing generated")
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the imported spec with overlays generates other code than the single-file spec (-want +got):\n%s", diff)
	}
}

// TestLoadOverlayStandsForItsSpec checks that naming an overlay on the
// command line (specgen check specs/shop/a-seed.overlay.yaml) checks its
// package once, overlays included.
func TestLoadOverlayStandsForItsSpec(t *testing.T) {
	svcs, _, err := Load([]string{
		"testdata/layout/specs/shop/a-seed.overlay.yaml",
		"testdata/layout/specs/shop/shop.yaml",
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(svcs) != 1 {
		t.Fatalf("loaded %d services, want 1", len(svcs))
	}
	var members []string
	for _, s := range svcs[0].Shapes {
		if s.Name == "CreateOrderRequest" {
			for _, m := range s.Members {
				members = append(members, m.Name)
			}
		}
	}
	if diff := cmp.Diff([]string{"name", "size", "note"}, members); diff != "" {
		t.Errorf("CreateOrderRequest members (-want +got):\n%s", diff)
	}
}

// TestSpecFilesLayout lays out specs directories and compares what
// SpecFiles finds, or every layout problem it reports, with paths relative
// to the directory.
func TestSpecFilesLayout(t *testing.T) {
	tests := []struct {
		name  string
		files []string
		want  []string // the specs found, or the lines of the error
	}{{
		name:  "a flat spec and an imported one are both found, model files ignored",
		files: []string{"a.yaml", "b/b.yaml", "b/x.overlay.yaml", "b/model/service-2.json", "b/model/c.yaml", "notes/README.md"},
		want:  []string{"a.yaml", "b/b.yaml"},
	}, {
		name:  "two specs for one package are an error",
		files: []string{"b.yaml", "b/b.yaml"},
		want:  []string{"two specs for package b: b.yaml and b/b.yaml; keep one"},
	}, {
		name:  "overlays without a spec are an error",
		files: []string{"a.yaml", "b/x.overlay.yaml"},
		want:  []string{"b has overlays but no spec b.yaml to merge them onto"},
	}, {
		name:  "a folder's YAML that is neither its spec nor an overlay is an error",
		files: []string{"b/b.yaml", "b/seed.yaml"},
		want:  []string{"b/seed.yaml: neither the package's spec b.yaml nor an overlay (*.overlay.yaml)"},
	}, {
		name:  "an overlay outside a package folder is an error, reported with the others",
		files: []string{"x.overlay.yaml", "b/b.yaml", "b/seed.yaml"},
		want: []string{
			"x.overlay.yaml: an overlay belongs in the folder of the imported spec it changes, <package>/x.overlay.yaml",
			"b/seed.yaml: neither the package's spec b.yaml nor an overlay (*.overlay.yaml)",
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, f := range tt.files {
				p := filepath.Join(dir, filepath.FromSlash(f))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, nil, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var got []string
			files, err := SpecFiles(dir)
			if err != nil {
				got = strings.Split(err.Error(), "\n")
			}
			got = append(got, files...)
			for i, g := range got {
				got[i] = filepath.ToSlash(strings.ReplaceAll(g, dir+string(filepath.Separator), ""))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
