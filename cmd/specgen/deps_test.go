package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestGeneratorNeedsNoHTTPStack guards the build cost of the generator
// (issue 7): specgen only reads specs and writes Go, so it must not pull in
// the run time's HTTP stack, TLS, the AWS SDK or the mock, which more than
// double the packages a cold `make generate` compiles. A package here that
// becomes needed again is a sign that something belongs in a smaller
// package (as the template language moved to specrt/mockrt/tmpl).
func TestGeneratorNeedsNoHTTPStack(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command to list the dependencies with: %v", err)
	}
	out, err := exec.Command(goTool, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	for _, tc := range []struct {
		name   string
		prefix string // a package, or the packages under it when it ends with /
	}{
		{"the generator does not import net/http", "net/http"},
		{"the generator does not import crypto/tls", "crypto/tls"},
		{"the generator does not import the AWS SDK", "github.com/aws/"},
		{"the generator does not import the client run time", "github.com/specgen/specgen/specrt"},
		{"the generator does not import the mock run time", "github.com/specgen/specgen/specrt/mockrt"},
		{"the generator does not import go/types", "go/types"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, d := range deps {
				if d == tc.prefix || (strings.HasSuffix(tc.prefix, "/") && strings.HasPrefix(d, tc.prefix)) {
					t.Errorf("cmd/specgen depends on %s; `go list -deps` shows which package brings it in", d)
					return
				}
			}
		})
	}
}
