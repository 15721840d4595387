package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// userTest is the test a user of the generated packages writes: the client
// against the in-process mock.
const userTest = `package api_test

import (
	"context"
	"testing"

	"example.com/myapp/api/servicediscovery"
	"example.com/myapp/api/servicediscovery/servicediscoverymock"
)

func TestCreateNamespace(t *testing.T) {
	_, url := servicediscoverymock.NewTestServer(t)
	client := servicediscovery.New(servicediscovery.Options{BaseEndpoint: url, Region: "us-east-1"})
	name, vpc := "example.local", "vpc-0123456789abcdef0"
	out, err := client.CreatePrivateDnsNamespace(context.Background(),
		&servicediscovery.CreatePrivateDnsNamespaceInput{Name: &name, VPC: &vpc})
	if err != nil {
		t.Fatal(err)
	}
	if out.OperationID == nil {
		t.Error("no OperationId")
	}
}
`

// TestFirstUseInAnotherModule does what the README's "Use it in your own
// module" section says, in a throwaway module whose path is not under
// github.com/specgen: specgen as a go tool, a //go:generate line, then build,
// vet and test the result. The module is replaced by this checkout and
// resolved from the module cache only (GOPROXY=off), so the test needs no
// network; it copies this module's go.sum for the checksums.
func TestFirstUseInAnotherModule(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a module from scratch")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	app := t.TempDir()
	sum, err := os.ReadFile(filepath.Join(repo, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"go.mod": "module example.com/myapp\n\ngo 1.26\n\n" +
			"replace github.com/specgen/specgen => " + repo + "\n",
		"go.sum":          string(sum),
		"api/api.go":      "// Package api holds the generated API packages.\npackage api\n\n//go:generate go tool specgen generate -specs ../specs -out .\n",
		"api/api_test.go": userTest,
	}
	// The imported spec and its overlays, as a user who ran specgen import
	// and wrote overlays would have them.
	specFiles, err := filepath.Glob(filepath.Join(repo, "specs", "servicediscovery", "*.yaml"))
	if err != nil || len(specFiles) == 0 {
		t.Fatalf("no servicediscovery spec: %v", err)
	}
	for _, f := range specFiles {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		files["specs/servicediscovery/"+filepath.Base(f)] = string(data)
	}
	for name, content := range files {
		p := filepath.Join(app, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The inherited GOFLAGS (make test sets -race there) let the go command
	// reuse what the test run has compiled already.
	env := append(os.Environ(), "GOFLAGS="+os.Getenv("GOFLAGS")+" -mod=mod", "GOPROXY=off", "GOWORK=off", "GOSUMDB=off")
	for _, args := range [][]string{
		// What a user runs with @latest; the replace stands in for it here.
		{"get", "-tool", "github.com/specgen/specgen/cmd/specgen@v0.0.0"},
		{"generate", "./..."},
		{"vet", "./..."},
		{"test", "./..."},
	} {
		cmd := exec.Command(goBin, args...)
		cmd.Dir, cmd.Env = app, env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	mock, err := os.ReadFile(filepath.Join(app, "api", "servicediscovery", "servicediscoverymock", "mock.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(mock), `"example.com/myapp/api/servicediscovery"`) {
		t.Errorf("the mock does not import its package from example.com/myapp")
	}
	readme, err := os.ReadFile(filepath.Join(app, "api", "servicediscovery", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(readme), "make generate") {
		t.Errorf("the generated README tells a user of another module to run make generate")
	}
}
