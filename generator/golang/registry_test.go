package golang

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/generator/model"
)

// registryContents parses a rendered registry and returns its imports and
// the packages whose New it calls, in order.
func registryContents(t *testing.T, f File) (imports, calls []string) {
	t.Helper()
	file, err := parser.ParseFile(token.NewFileSet(), f.Path, f.Content, 0)
	if err != nil {
		t.Fatalf("the registry does not parse: %v\n%s", err, f.Content)
	}
	for _, im := range file.Imports {
		p, _ := strconv.Unquote(im.Path.Value)
		imports = append(imports, p)
	}
	ast.Inspect(file, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "New" {
			if id, ok := sel.X.(*ast.Ident); ok {
				calls = append(calls, id.Name)
			}
		}
		return true
	})
	return imports, calls
}

func TestRegistryListsTheMockOfEveryServiceWithOperations(t *testing.T) {
	op := []*model.Operation{{Name: "Do"}}
	for _, tc := range []struct {
		name        string
		svcs        []*model.Service
		wantImports []string
		wantCalls   []string
	}{{
		name: "services in package order, whatever the order of their specs",
		svcs: []*model.Service{{Package: "zebra", Operations: op}, {Package: "ant", Operations: op}},
		wantImports: []string{
			"example.com/m/gen/ant/antmock",
			"example.com/m/gen/zebra/zebramock",
			MockRuntimePath,
		},
		wantCalls: []string{"antmock", "zebramock"},
	}, {
		name:        "a service without operations has no mock to list",
		svcs:        []*model.Service{{Package: "empty"}, {Package: "full", Operations: op}},
		wantImports: []string{"example.com/m/gen/full/fullmock", MockRuntimePath},
		wantCalls:   []string{"fullmock"},
	}, {
		name:        "no service makes an empty list",
		wantImports: []string{MockRuntimePath},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := GenerateRegistry(tc.svcs, Config{ImportBase: "example.com/m/gen"})
			if err != nil {
				t.Fatal(err)
			}
			if f.Path != "mocks/mocks.go" {
				t.Errorf("path %q, want mocks/mocks.go", f.Path)
			}
			imports, calls := registryContents(t, f)
			if diff := cmp.Diff(tc.wantImports, imports); diff != "" {
				t.Errorf("imports (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.wantCalls, calls); diff != "" {
				t.Errorf("mocks made by All (-want +got):\n%s", diff)
			}
		})
	}
}
