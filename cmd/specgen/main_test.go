package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copySpec puts the golden rest spec into a fresh specs directory.
func copySpec(t *testing.T) (specs string, body string) {
	t.Helper()
	data, err := os.ReadFile("../../generator/testdata/golden/rest/gadgets.yaml")
	if err != nil {
		t.Fatal(err)
	}
	specs = t.TempDir()
	if err := os.WriteFile(filepath.Join(specs, "gadgets.yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return specs, string(data)
}

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestGenerateThenUpToDateThenDiff(t *testing.T) {
	specs, body := copySpec(t)
	out := t.TempDir()
	code, stdout, stderr := runCLI("generate", "-specs", specs, "-out", out, "-import", "example.com/gen")
	if code != 0 || !strings.Contains(stdout, "wrote ") {
		t.Fatalf("generate: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "gadgets", "types.go")); err != nil {
		t.Fatalf("types.go not written: %v", err)
	}
	code, stdout, _ = runCLI("generate", "-specs", specs, "-out", out, "-import", "example.com/gen")
	if code != 0 || !strings.Contains(stdout, "up to date") {
		t.Errorf("second generate: exit %d, stdout %q; want up to date", code, stdout)
	}
	if code, stdout, _ = runCLI("diff", "-specs", specs, "-out", out, "-import", "example.com/gen"); code != 0 {
		t.Errorf("diff after generate: exit %d\n%s", code, stdout)
	}
	changed := strings.Replace(body, "doc: Stores a gadget.", "doc: Stores one gadget.", 1)
	if err := os.WriteFile(filepath.Join(specs, "gadgets.yaml"), []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ = runCLI("diff", "-specs", specs, "-out", out, "-import", "example.com/gen")
	if code != 1 || !strings.Contains(stdout, "Stores one gadget") {
		t.Errorf("diff after a spec change: exit %d, want 1 and the change\n%s", code, stdout)
	}
}

func TestBrokenSpecWritesNothing(t *testing.T) {
	specs, body := copySpec(t)
	broken := strings.Replace(body, "  title: Example Gadgets", "  titel: Example Gadgets", 1)
	broken = strings.Replace(broken, "key: EnvName", "key: EnvNam", 1)
	if err := os.WriteFile(filepath.Join(specs, "gadgets.yaml"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	code, stdout, stderr := runCLI("generate", "-specs", specs, "-out", out)
	if code != 1 {
		t.Fatalf("exit %d, want 1\nstdout:\n%s", code, stdout)
	}
	for _, want := range []string{
		`gadgets.yaml:5:3: unknown key "titel" in service, did you mean "title"?`,
		`map key refers to unknown shape "EnvNam", did you mean "EnvName"?`,
		"nothing written",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("a failed run wrote %d entries", len(entries))
	}
	if code, _, stderr = runCLI("check", filepath.Join(specs, "gadgets.yaml")); code != 1 || !strings.Contains(stderr, "titel") {
		t.Errorf("check: exit %d, stderr %q", code, stderr)
	}
}

func TestHelpAndVersion(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // in stdout
	}{
		{"-h prints the usage", []string{"-h"}, "specgen generate [-specs dir]"},
		{"help prints the usage", []string{"help"}, "specgen version"},
		{"help generate prints the flags of generate", []string{"help", "generate"}, "-import string"},
		{"generate -h prints the flags of generate", []string{"generate", "-h"}, ""},
		{"version prints the module version, (devel) in a test binary", []string{"version"}, "specgen (devel)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(tt.args...)
			if code != 0 {
				t.Fatalf("exit %d, want 0\nstderr:\n%s", code, stderr)
			}
			if !strings.Contains(stdout, tt.want) {
				t.Errorf("stdout lacks %q:\n%s", tt.want, stdout)
			}
		})
	}
}

func TestCheckCountsInWords(t *testing.T) {
	// A spec of one operation (the services' specs now hold them all).
	code, stdout, stderr := runCLI("check", "../../generator/testdata/golden/jsonrpc/widgets.yaml")
	if code != 0 || !strings.Contains(stdout, "widgets.yaml: ok (1 operation, ") {
		t.Errorf("exit %d, want 0 and one operation counted\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}

func TestOneProblemIsSingular(t *testing.T) {
	specs, body := copySpec(t)
	broken := strings.Replace(body, "  title: Example Gadgets", "  titel: Example Gadgets", 1)
	if err := os.WriteFile(filepath.Join(specs, "gadgets.yaml"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI("check", "-specs", specs)
	if code != 1 || !strings.HasSuffix(stderr, "specgen: 1 problem; nothing written\n") {
		t.Errorf("exit %d, want 1 and one problem counted:\n%s", code, stderr)
	}
}

func TestUnusedShapeIsAWarning(t *testing.T) {
	specs, body := copySpec(t)
	extra := body + "  Leftover:\n    type: string\n"
	if err := os.WriteFile(filepath.Join(specs, "gadgets.yaml"), []byte(extra), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	code, stdout, stderr := runCLI("generate", "-specs", specs, "-out", out, "-import", "example.com/gen")
	if code != 0 || !strings.Contains(stdout, "wrote ") {
		t.Fatalf("exit %d, want 0 and files written\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if want := ": warning: shape Leftover is not used by any operation"; !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}
}

func TestImportPathComesFromTheEnclosingGoMod(t *testing.T) {
	specs, _ := copySpec(t)
	mod := t.TempDir()
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module example.com/myapp\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(mod, "internal", "gen")
	if code, stdout, stderr := runCLI("generate", "-specs", specs, "-out", out); code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	data, err := os.ReadFile(filepath.Join(out, "gadgets", "gadgetsmock", "mock.go"))
	if err != nil {
		t.Fatal(err)
	}
	if want := `"example.com/myapp/internal/gen/gadgets"`; !strings.Contains(string(data), want) {
		t.Errorf("the mock does not import its package as %s:\n%s", want, data)
	}
	if strings.Contains(string(data), "github.com/specgen/specgen/gen") {
		t.Errorf("the mock imports this repository's gen directory")
	}
}
