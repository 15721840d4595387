package golang

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/specgen/specgen/generator/model"
)

// emitExample writes example_test.go: a runnable Example, of the kind
// pkg.go.dev shows, in which the generated client calls the generated mock.
// It uses the first operation whose mock block has an example input, and
// prints the output members the mock produces deterministically (literal
// values and echoes of the input), so that its // Output: is checked by go
// test.
func emitExample(p *Package) *jen.File {
	var op *model.Operation
	for _, o := range p.Operations {
		if o.Mock != nil && o.Mock.Example != nil {
			op = o
			break
		}
	}
	if op == nil {
		return nil
	}
	mockPath := p.ImportPath + "/" + mockPackage(p)
	f := jen.NewFilePathName(p.ImportPath+"_test", p.Package+"_test")
	f.HeaderComment(Header)
	f.ImportName(p.ImportPath, p.Package)
	f.ImportName(mockPath, mockPackage(p))

	prints, want := examplePrints(p, op)
	body := []jen.Code{
		jen.Comment("Serve a mock of the service; in a test, " + mockPackage(p) + ".NewTestServer(t) does this"),
		jen.Comment("and closes it when the test ends."),
		jen.Id("srv").Op(":=").Qual("net/http/httptest", "NewServer").Call(jen.Qual(mockPath, "New").Call()),
		jen.Defer().Id("srv").Dot("Close").Call(),
		jen.Line(),
		jen.Comment("Point the client at it. Without credentials requests go unsigned, which the mock accepts."),
		jen.Id("client").Op(":=").Qual(p.ImportPath, "New").Call(jen.Qual(p.ImportPath, "Options").Values(jen.Dict{
			jen.Id("Region"):       jen.Lit("us-east-1"),
			jen.Id("BaseEndpoint"): jen.Id("srv").Dot("URL"),
		})),
		jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("client").Dot(op.Name).Call(
			jen.Qual("context", "Background").Call(),
			exampleValue(p, op.Input, op.Mock.Example, true),
		),
		jen.If(jen.Err().Op("!=").Nil()).Block(
			jen.Qual("fmt", "Println").Call(jen.Lit("error:"), jen.Err()),
			jen.Return(),
		),
	}
	body = append(body, prints...)
	body = append(body, jen.Comment("Output:"))
	for _, w := range want {
		body = append(body, jen.Comment(w))
	}
	f.Add(commentLines(comment(fmt.Sprintf("Example calls %s on a mock of %s with the generated client.", op.Name, p.Title))))
	f.Func().Id("Example").Params().Block(body...)
	f.Line()
	f.Comment("examplePtr returns a pointer to v, for the optional members of an input.")
	f.Func().Id("examplePtr").Types(jen.Id("T").Any()).Params(jen.Id("v").Id("T")).Op("*").Id("T").Block(jen.Return(jen.Op("&").Id("v")))
	return f
}

// examplePrints prints up to three output members whose values the example
// can predict, and returns the lines they print.
func examplePrints(p *Package, op *model.Operation) (code []jen.Code, want []string) {
	for _, fld := range op.Mock.Output {
		if len(want) == 3 {
			break
		}
		text, ok := predictable(fld.Value, op.Mock.Example)
		if !ok || strings.ContainsAny(text, "\r\n") {
			continue // an // Output: line holds one line; a break would also end the comment
		}
		expr, ok := outputExpr(op.Output, strings.Split(fld.Path, "."))
		if !ok {
			continue
		}
		code = append(code, jen.Qual("fmt", "Println").Call(jen.Lit(fld.Path+":"), expr))
		want = append(want, fld.Path+": "+text)
	}
	if len(want) > 0 {
		return code, want
	}
	// Nothing is predictable (every member is generated): show that the
	// first one is there.
	for _, fld := range op.Mock.Output {
		expr, ok := outputExpr(op.Output, strings.Split(fld.Path, "."))
		if st, isStmt := expr.(*jen.Statement); ok && isStmt && len(*st) > 1 {
			// expr is *out.X...: compare the pointer itself.
			ptr := jen.Add((*st)[1:]...)
			code = append(code, jen.Qual("fmt", "Println").Call(jen.Lit(fld.Path+" is set:"), ptr.Op("!=").Nil()))
			return code, []string{fld.Path + " is set: true"}
		}
	}
	return []jen.Code{jen.Id("_").Op("=").Id("out")}, nil
}

// predictable returns the text a template yields when it is a literal scalar
// or an echo of a scalar of the example input.
func predictable(v any, input map[string]any) (string, bool) {
	s, ok := v.(string)
	if !ok {
		switch v.(type) {
		case int, int64, float64, bool:
			return fmt.Sprint(v), true
		}
		return "", false
	}
	if !strings.Contains(s, "{") {
		return s, true
	}
	ref, ok := strings.CutPrefix(s, "{input.")
	if !ok || !strings.HasSuffix(ref, "}") || strings.Count(s, "{") != 1 {
		return "", false
	}
	var cur any = input
	for _, seg := range strings.Split(strings.TrimSuffix(ref, "}"), ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return "", false
		}
		cur = m[seg]
	}
	switch cur.(type) {
	case string, int, int64, float64, bool:
		return fmt.Sprint(cur), true
	}
	return "", false
}

// outputExpr is the Go expression of the scalar at path in the output
// value "out", dereferenced when it is a pointer.
func outputExpr(s *model.Shape, path []string) (jen.Code, bool) {
	expr := jen.Id("out")
	for i, seg := range path {
		if s.Kind != model.Structure {
			return nil, false
		}
		var mem *model.Member
		for _, m := range s.Members {
			if m.Name == seg {
				mem = m
			}
		}
		if mem == nil {
			return nil, false
		}
		expr = expr.Clone().Dot(mem.GoName)
		s = mem.Shape
		if i == len(path)-1 {
			if s.Kind == model.Structure || s.Kind == model.List || s.Kind == model.Map || s.Kind == model.Blob || s.Kind == model.Timestamp {
				return nil, false
			}
			if isPointer(s) {
				return jen.Op("*").Add(expr), true
			}
			return expr, true
		}
	}
	return nil, false
}

// exampleValue renders a YAML-decoded value as a Go value of shape s;
// pointer says whether the place it goes holds a pointer.
func exampleValue(p *Package, s *model.Shape, v any, pointer bool) jen.Code {
	switch s.Kind {
	case model.Structure:
		m, _ := v.(map[string]any)
		d := jen.Dict{}
		for _, mem := range s.Members {
			mv, ok := m[mem.Name]
			if !ok {
				continue
			}
			d[jen.Id(mem.GoName)] = exampleValue(p, mem.Shape, mv, isPointer(mem.Shape))
		}
		lit := jen.Qual(p.ImportPath, s.GoName).Values(d)
		if pointer {
			return jen.Op("&").Add(lit)
		}
		return lit
	case model.List:
		l, _ := v.([]any)
		return jen.Index().Add(qualType(p, s.Member)).ValuesFunc(func(g *jen.Group) {
			for _, e := range l {
				g.Add(exampleValue(p, s.Member, e, false))
			}
		})
	case model.Map:
		m, _ := v.(map[string]any)
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		return jen.Map(jen.String()).Add(qualType(p, s.Value)).ValuesFunc(func(g *jen.Group) {
			for _, k := range keys {
				g.Lit(k).Op(":").Add(exampleValue(p, s.Value, m[k], false))
			}
		})
	case model.String:
		str := fmt.Sprint(v)
		if s.IsEnum() {
			for _, e := range s.Enum {
				if e.Value == str {
					return jen.Qual(p.ImportPath, e.GoName)
				}
			}
			return jen.Qual(p.ImportPath, s.GoName).Call(jen.Lit(str))
		}
		if pointer {
			return jen.Id("examplePtr").Call(jen.Lit(str))
		}
		return jen.Lit(str)
	}
	lit := jen.Lit(v)
	switch s.Kind {
	case model.Integer:
		lit = jen.Lit(toInt(v))
		if pointer {
			return jen.Id("examplePtr").Types(jen.Int32()).Call(lit)
		}
		return jen.Int32().Call(lit)
	case model.Long:
		lit = jen.Lit(toInt(v))
		if pointer {
			return jen.Id("examplePtr").Types(jen.Int64()).Call(lit)
		}
		return jen.Int64().Call(lit)
	case model.Double, model.Float:
		typ := jen.Float64()
		if s.Kind == model.Float {
			typ = jen.Float32()
		}
		if pointer {
			return jen.Id("examplePtr").Types(typ).Call(lit)
		}
		return typ.Call(lit)
	}
	if pointer {
		return jen.Id("examplePtr").Call(lit)
	}
	return lit
}

func toInt(v any) int {
	switch v := v.(type) {
	case int:
		return v
	case int64:
		return int(v)
	case float64:
		return int(v)
	}
	return 0
}

// qualType is goType with named types qualified by the service's package.
func qualType(p *Package, s *model.Shape) *jen.Statement {
	switch {
	case s.GoName != "":
		return jen.Qual(p.ImportPath, s.GoName)
	case s.Kind == model.List:
		return jen.Index().Add(qualType(p, s.Member))
	case s.Kind == model.Map:
		return jen.Map(jen.String()).Add(qualType(p, s.Value))
	}
	return scalarType(s.Kind)
}
