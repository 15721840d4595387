package golang

import (
	"bytes"
	"fmt"
	"path"
	"sort"

	"github.com/dave/jennifer/jen"

	"github.com/specgen/specgen/generator/model"
)

// RegistryPackage is the package, and the directory under the output root,
// that lists the mock of every generated service. A service cannot have it
// as its package name.
const RegistryPackage = "mocks"

// registryFile is the registry's path relative to the output root.
const registryFile = RegistryPackage + "/" + RegistryPackage + ".go"

// GenerateRegistry renders mocks/mocks.go: the function All, which makes
// the mock of every service in svcs (those without operations have none),
// so that a program serving every generated service, cmd/mockserver, needs
// no edit when a spec is added or removed. It is rendered from the whole
// set of specs, so a run over any subset of them rewrites it.
func GenerateRegistry(svcs []*model.Service, cfg Config) (File, error) {
	var pkgs []*Package
	for _, svc := range svcs {
		if svc.Package == RegistryPackage {
			// The spec checker refuses the name; this guards other callers.
			return File{}, fmt.Errorf("service package %q would share the directory of the registry of mocks", svc.Package)
		}
		if len(svc.Operations) > 0 {
			pkgs = append(pkgs, &Package{Service: svc, ImportPath: path.Join(cfg.ImportBase, svc.Package)})
		}
	}
	// Sorted by package, so that the order does not depend on how the spec
	// files were listed.
	sort.Slice(pkgs, func(i, j int) bool { return pkgs[i].Package < pkgs[j].Package })

	f := jen.NewFilePathName(path.Join(cfg.ImportBase, RegistryPackage), RegistryPackage)
	f.HeaderComment(Header)
	f.ImportName(MockRuntimePath, "mockrt")
	packageComment(f, comment("Package "+RegistryPackage+" lists the mock of every service generated beside it, "+
		"so that a program serving them all needs no edit when a service is added or removed: "+
		"generating the packages rewrites this list."))

	servers := make([]jen.Code, 0, len(pkgs))
	for _, p := range pkgs {
		mockPath := p.ImportPath + "/" + mockPackage(p)
		f.ImportName(mockPath, mockPackage(p))
		servers = append(servers, jen.Qual(mockPath, "New").Call(jen.Id("opts").Op("...")).Dot("Server"))
	}
	f.Add(commentLines(comment("All returns a new mock of every generated service, in the order of their " +
		"package names, each made with opts; mockrt.NewMux serves them on one address.")))
	f.Func().Id("All").Params(jen.Id("opts").Op("...").Add(mrt("Option"))).Index().Op("*").Add(mrt("Server")).Block(
		jen.Return(jen.Index().Op("*").Add(mrt("Server")).ValuesFunc(func(g *jen.Group) {
			for _, s := range servers {
				g.Line().Add(s)
			}
			if len(servers) > 0 {
				g.Line()
			}
		})),
	)

	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return File{}, fmt.Errorf("render %s: %w", registryFile, err)
	}
	return File{Path: registryFile, Content: buf.Bytes()}, nil
}
