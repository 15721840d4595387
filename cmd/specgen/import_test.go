package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const importCases = "../../generator/importer/testdata"

func TestImport(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantOut    string // the stdout, with DIR for the output directory
		wantErr    string // a line stderr must contain
		wantWrites bool
	}{
		{
			name:       "a model is imported and the spec's path printed",
			args:       []string{"import", "-o", "DIR", importCases + "/restjson/service-2.json"},
			wantOut:    "DIR/objects/objects.yaml\n",
			wantWrites: true,
		},
		{
			name:       "-q prints nothing",
			args:       []string{"import", "-q", "-o", "DIR", importCases + "/restjson/service-2.json"},
			wantWrites: true,
		},
		{
			name:     "a refused model writes nothing",
			args:     []string{"import", "-o", "DIR", importCases + "/refused-protocol/service-2.json"},
			wantCode: 1,
			wantErr:  "protocol rest-soap is not supported",
		},
		{
			name:     "a missing model is an error",
			args:     []string{"import", "-o", "DIR", importCases + "/none/service-2.json"},
			wantCode: 1,
			wantErr:  "no such file or directory",
		},
		{
			name:     "no model is a usage error",
			args:     []string{"import", "-o", "DIR"},
			wantCode: 2,
			wantErr:  "usage: specgen import",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			args := append([]string(nil), tt.args...)
			for i, a := range args {
				if a == "DIR" {
					args[i] = dir
				}
			}
			code, stdout, stderr := runCLI(args...)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.wantCode, stdout, stderr)
			}
			if want := strings.ReplaceAll(tt.wantOut, "DIR", dir); stdout != want {
				t.Errorf("stdout = %q, want %q", stdout, want)
			}
			if strings.Contains(stderr, "importing") {
				t.Errorf("progress shown on stderr, which is not a terminal:\n%s", stderr)
			}
			if !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("stderr does not contain %q:\n%s", tt.wantErr, stderr)
			}
			entries, _ := os.ReadDir(dir)
			if wrote := len(entries) > 0; wrote != tt.wantWrites {
				t.Errorf("wrote files: %v, want %v", wrote, tt.wantWrites)
			}
			if tt.wantWrites {
				if _, err := os.Stat(filepath.Join(dir, "objects", "model", "NOTICE")); err != nil {
					t.Errorf("NOTICE not written: %v", err)
				}
			}
		})
	}
}

func TestHelpImport(t *testing.T) {
	code, stdout, _ := runCLI("help", "import")
	if code != 0 || !strings.HasPrefix(stdout, "usage: specgen import [-o dir] [-q]") || !strings.Contains(stdout, "-o string") {
		t.Errorf("help import: exit %d, stdout:\n%s", code, stdout)
	}
}
