package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportedSpecOverlayProblem runs check on an imported spec whose
// overlay names a member the model no longer has: the problem is reported
// in the overlay, by file, line and column, and generate writes nothing.
func TestImportedSpecOverlayProblem(t *testing.T) {
	data, err := os.ReadFile("../../generator/testdata/golden/rest/gadgets.yaml")
	if err != nil {
		t.Fatal(err)
	}
	specs := t.TempDir()
	dir := filepath.Join(specs, "gadgets")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	overlay := "shapes:\n  PutGadgetRequest:\n    members:\n      envs: {required: true}\n"
	for name, content := range map[string][]byte{"gadgets.yaml": data, "seed.overlay.yaml": []byte(overlay)} {
		if err := os.WriteFile(filepath.Join(dir, name), content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, stdout, stderr := runCLI("check", "-specs", specs)
	want := filepath.Join(dir, "seed.overlay.yaml") + `:4:7: overlay changes member envs of shape PutGadgetRequest, which the imported spec does not have, did you mean "env"?`
	if code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("check: exit %d, want 1 and %q\nstdout:\n%s\nstderr:\n%s", code, want, stdout, stderr)
	}
	out := t.TempDir()
	if code, _, _ := runCLI("generate", "-specs", specs, "-out", out, "-import", "example.com/gen"); code != 1 {
		t.Errorf("generate: exit %d, want 1", code)
	}
	if entries, _ := os.ReadDir(out); len(entries) > 0 {
		t.Errorf("generate wrote %d entries despite the problem", len(entries))
	}
}
