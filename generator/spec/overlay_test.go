package spec

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

// TestOverlayDiagnostics loads each case under testdata/overlay, svc.yaml
// with the case's *.overlay.yaml merged in name order, and compares every
// reported problem with the case's want file; -update rewrites it.
func TestOverlayDiagnostics(t *testing.T) {
	dirs, err := filepath.Glob("testdata/overlay/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			spec, overlays := readCase(t, dir)
			svc, ds := CheckOverlaid(spec, overlays)
			if len(ds) == 0 {
				t.Fatalf("case loaded without problems")
			}
			if (ds.Errors() == 0) != (svc != nil) {
				t.Errorf("%d errors, but model returned is %v", ds.Errors(), svc != nil)
			}
			got := ds.Error() + "\n"
			wantPath := filepath.Join(dir, "want")
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

// readCase reads dir/svc.yaml and dir/*.overlay.yaml, named as diagnostics
// show them: relative to testdata/overlay.
func readCase(t *testing.T, dir string) (Source, []Source) {
	t.Helper()
	read := func(path string) Source {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return Source{Name: filepath.ToSlash(filepath.Join(filepath.Base(dir), filepath.Base(path))), Data: data}
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.overlay.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var overlays []Source
	for _, p := range paths {
		overlays = append(overlays, read(p))
	}
	return read(filepath.Join(dir, "svc.yaml")), overlays
}

// TestOverlayMerge merges small overlays onto a small tree and compares the
// result, as YAML, with the tree the overlay means.
func TestOverlayMerge(t *testing.T) {
	const imported = `service: {name: svc}
shapes:
  Name: {type: string, pattern: "[a-z]+", length: {min: 1, max: 40}}
  Color: {type: string, enum: [red, green]}
  Req:
    type: structure
    members:
      name: Name
      color: {shape: Color, doc: The color.}
      old: {shape: string}
operations:
  Paint: {doc: Paints., input: Req}
`
	tests := []struct {
		name, overlay, want string
	}{{
		name:    "a mapping merges key by key and a scalar replaces",
		overlay: "shapes: {Name: {length: {max: 20}, doc: A name.}}",
		want:    `Name: {type: string, pattern: "[a-z]+", length: {min: 1, max: 20}, doc: A name.}`,
	}, {
		name:    "a list replaces the whole list",
		overlay: "shapes: {Color: {enum: [blue]}}",
		want:    "Color: {type: string, enum: [blue]}",
	}, {
		name:    "null removes a key",
		overlay: "shapes: {Name: {pattern: ~}}",
		want:    "Name: {type: string, length: {min: 1, max: 40}}",
	}, {
		name:    "null removes a member",
		overlay: "shapes: {Req: {members: {old: null}}}",
		want:    "        members:\n            name: Name\n            color: {shape: Color, doc: The color.}\noperations:",
	}, {
		name:    "a member given as a bare reference takes new keys",
		overlay: "shapes: {Req: {members: {name: {required: true}}}}",
		want:    "            name:\n                shape: Name\n                required: true\n",
	}, {
		name:    "a bare reference in an overlay changes only a member's shape",
		overlay: "shapes: {Req: {members: {color: Name}}}",
		want:    "color: {shape: Name, doc: The color.}",
	}, {
		name:    "add: true adds a member at the end, without the add key",
		overlay: "shapes: {Req: {members: {size: {shape: integer, add: true}}}}",
		want:    "            old: {shape: string}\n            size: {shape: integer}\n",
	}, {
		name:    "add: true adds a shape",
		overlay: "shapes: {Size: {add: true, type: integer}}",
		want:    "Size: {type: integer}",
	}, {
		name:    "a new key of the format needs no add",
		overlay: "operations: {Paint: {mock: {resource: walls}}}",
		want:    "Paint: {doc: Paints., input: Req, mock: {resource: walls}}",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ds := mergeForTest(t, imported, tt.overlay)
			if len(ds) > 0 {
				t.Fatalf("unexpected problems:\n%v", ds)
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("merged tree lacks %q:\n%s", tt.want, got)
			}
		})
	}
}

// mergeForTest merges overlay onto imported and renders the result.
func mergeForTest(t *testing.T, imported, overlay string) (string, Diagnostics) {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(imported), &doc); err != nil {
		t.Fatal(err)
	}
	l := &loader{file: "svc.yaml"}
	if !l.overlay(doc.Content[0], Source{Name: "o.overlay.yaml", Data: []byte(overlay)}) {
		t.Fatalf("overlay refused: %v", l.diags)
	}
	out, err := yaml.Marshal(&doc)
	if err != nil {
		t.Fatal(err)
	}
	return string(out), l.diags
}

// FuzzOverlay merges arbitrary overlays onto a valid spec: the result may
// be rejected, with diagnostics that have positions, but the merge never
// panics and never returns both a model and errors.
func FuzzOverlay(f *testing.F) {
	spec, err := os.ReadFile("testdata/overlay/redundant/svc.yaml")
	if err != nil {
		f.Fatal(err)
	}
	seeds, _ := filepath.Glob("testdata/overlay/*/*.overlay.yaml")
	for _, p := range seeds {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("shapes: {PaintRequest: {members: {color: ~, wall: [x], coats: {add: true}}}, Color: *a}"))
	f.Add([]byte("shapes: &a {X: *a}"))
	f.Fuzz(func(t *testing.T, overlay []byte) {
		svc, ds := CheckOverlaid(Source{Name: "svc.yaml", Data: spec}, []Source{{Name: "o.overlay.yaml", Data: overlay}})
		if (svc == nil) == (ds.Errors() == 0) {
			t.Fatalf("model %v with %d errors", svc != nil, ds.Errors())
		}
		for _, d := range ds {
			if d.Pos.Line < 1 || d.Pos.Col < 1 {
				t.Errorf("diagnostic without a position: %s", d)
			}
		}
	})
}

// TestLoadFileAppliesOverlays checks that LoadFile, which tests and tools
// call with one path, loads an imported spec with the overlays next to it,
// and a hand-written spec alone.
func TestLoadFileAppliesOverlays(t *testing.T) {
	tests := []struct {
		name, path string
		want       []string // members of CreateOrderRequest
	}{
		{"an imported spec gets its overlays", "../testdata/layout/specs/shop/shop.yaml", []string{"name", "size", "note"}},
		{"a hand-written spec is loaded alone", "../testdata/layout/flat/shop.yaml", []string{"name", "size", "note"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svc, err := LoadFile(tt.path)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range svc.Shapes {
				if s.Name == "CreateOrderRequest" {
					for _, m := range s.Members {
						got = append(got, m.Name)
					}
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("CreateOrderRequest members (-want +got):\n%s", diff)
			}
		})
	}
}
