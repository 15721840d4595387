package golang_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/specgen/specgen/generator/golang"
	"github.com/specgen/specgen/generator/spec"
)

// recursiveTest runs in the package generated from the golden recursive
// spec: a Node holds a list of Nodes, a map of Nodes and a Leaf that points
// back to a Node and holds a sensitive Token.
const recursiveTest = `package recursive_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"bytes"
	"reflect"
	"strings"
	"testing"

	"randrec/recursive"
	"randrec/recursive/recursivemock"

	"github.com/specgen/specgen/specrt"
)

func ptr[T any](v T) *T { return &v }

func TestValidationWalksTheCycle(t *testing.T) {
	in := &recursive.PutTreeInput{Root: &recursive.Node{
		Name: ptr("root"),
		Children: []recursive.Node{
			{Name: ptr("")},
			{Name: ptr("ok"), Leaf: &recursive.Leaf{Parent: &recursive.Node{Name: ptr("a name over twenty characters")}}},
		},
		ByName: map[string]recursive.Node{"k": {}},
	}}
	err := in.Validate()
	var ve *specrt.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Validate() = %v, want a *specrt.ValidationError", err)
	}
	for _, want := range []string{"root.children[0].name", "root.children[1].leaf.parent.name", "root.byName[\"k\"].name"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Validate() = %v, want a problem at %s", err, want)
		}
	}
}

func TestRedactionReachesDeepInTheCycle(t *testing.T) {
	root := &recursive.Node{Name: ptr("root")}
	root.Children = []recursive.Node{{Name: ptr("child"), Leaf: &recursive.Leaf{Token: ptr("tok-SECRET"), Parent: root}}}
	in := recursive.PutTreeInput{Root: root}
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("call", "in", in)
	for _, out := range []string{fmt.Sprintf("%v", in), fmt.Sprintf("%+v", &in), in.String(), buf.String()} {
		if strings.Contains(out, "SECRET") || !strings.Contains(out, specrt.Redacted) || !strings.Contains(out, specrt.Cycle) {
			t.Errorf("output = %s, want the token redacted and the cycle cut", out)
		}
	}
}

func TestRecursiveValuesTravel(t *testing.T) {
	srv, url := recursivemock.NewTestServer(t)
	srv.HandlePutTree(func(ctx context.Context, in *recursive.PutTreeInput) (*recursive.PutTreeOutput, error) {
		return &recursive.PutTreeOutput{Root: in.Root}, nil
	})
	c := recursive.New(recursive.Options{Region: "us-east-1", BaseEndpoint: url})
	root := &recursive.Node{
		Name:     ptr("root"),
		Children: []recursive.Node{{Name: ptr("a"), Leaf: &recursive.Leaf{Parent: &recursive.Node{Name: ptr("up")}}}},
		ByName:   map[string]recursive.Node{"b": {Name: ptr("b"), Children: []recursive.Node{{Name: ptr("c")}}}},
	}
	out, err := c.PutTree(context.Background(), &recursive.PutTreeInput{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(out.Root, root) {
		t.Errorf("the mock echoed %+v, want %+v", out.Root, root)
	}
}
`

// TestRecursiveShapesWork generates the golden recursive spec and runs
// tests in the generated package: validation reports problems deep in the
// recursion, redaction finds a sensitive member inside the cycle and stops
// at a value that contains itself, and recursive values travel from the
// client to the mock and back.
func TestRecursiveShapesWork(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	src, err := os.ReadFile("../testdata/golden/recursive/recursive.yaml")
	if err != nil {
		t.Fatal(err)
	}
	svc, err := spec.Load("recursive.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	files, err := golang.Generate(svc, golang.Config{ImportBase: "randrec"})
	if err != nil {
		t.Fatal(err)
	}
	_, self, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(self), "..", "..")
	tmp := t.TempDir()
	write := func(name string, content []byte) {
		p := filepath.Join(tmp, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	write("go.mod", []byte("module randrec\n\ngo 1.26.0\n\nrequire github.com/specgen/specgen v0.0.0-00010101000000-000000000000\n\nreplace github.com/specgen/specgen => "+root+"\n"))
	write("go.sum", sum)
	for _, f := range files {
		write(f.Path, f.Content)
	}
	write("recursive/recursive_test.go", []byte(recursiveTest))
	cmd := exec.Command("go", "test", "-count=1", "./recursive")
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS="+os.Getenv("GOFLAGS")+" -mod=mod") // keeps make test's -race
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go test in the generated package: %v\n%s", err, out)
	}
}
