package golang

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/specgen/specgen/generator/model"
)

// MockRuntimePath is the import path of the mock servers' run time.
const MockRuntimePath = "github.com/specgen/specgen/specrt/mockrt"

// mockFile is where the mock package goes, relative to the service's
// package directory; {pkg} is the service's package name.
const mockFile = "{pkg}mock/mock.go"

// mockPackage is the name of the service's mock package.
func mockPackage(p *Package) string { return p.Package + "mock" }

func mrt(name string) *jen.Statement { return jen.Qual(MockRuntimePath, name) }

// emitMock writes <pkg>mock/mock.go: a mock server of the service. The mock
// itself is specrt/mockrt; this file describes the service to it as data
// (routes, input and output types, the behaviour the spec's mock blocks
// give) and adds typed methods to override an operation.
func emitMock(p *Package) *jen.File {
	if len(p.Operations) == 0 {
		return nil
	}
	cp := *p
	cp.errTemplates = &errTemplateSet{index: map[string]int{}}
	p = &cp
	f := jen.NewFilePathName(p.ImportPath+"/"+mockPackage(p), mockPackage(p))
	f.HeaderComment(Header)
	f.ImportName(RuntimePath, "specrt")
	f.ImportName(MockRuntimePath, "mockrt")
	f.ImportName(p.ImportPath, p.Package)
	packageComment(f, comment(mustRender("mock_doc.go.tmpl", p)))

	emitMockServer(f, p)
	for _, op := range p.Operations {
		emitMockOperation(f, p, op)
	}
	emitMockService(f, p)
	p.errTemplates.emit(f)
	emitErrorHeaders(f, p)
	return f
}

func emitMockServer(f *jen.File, p *Package) {
	f.Add(commentLines(comment(fmt.Sprintf("Server is a mock of %s. It is an http.Handler and is safe for "+
		"concurrent use; the embedded *mockrt.Server holds the controls.", p.Title))))
	f.Type().Id("Server").Struct(jen.Op("*").Add(mrt("Server")))
	f.Line()

	f.Add(commentLines(comment("hooks are applied, in order, to every new server and again by Reset. " +
		"A hand-written file in this package (the generator never touches a file without its header) " +
		"adds to them in an init function, for behaviour the spec's mock block cannot express:")))
	f.Comment("")
	f.Comment("\tfunc init() { hooks = append(hooks, func(s *Server) { s.Handle...(...) }) }")
	f.Var().Id("hooks").Index().Func().Params(jen.Op("*").Id("Server"))
	f.Line()

	f.Add(commentLines(comment("New returns a mock with empty state. Options set the region and account " +
		"used in ARNs, the body limit, SigV4 credentials to verify, and a logger.")))
	f.Func().Id("New").Params(jen.Id("opts").Op("...").Add(mrt("Option"))).Op("*").Id("Server").Block(
		jen.Id("s").Op(":=").Op("&").Id("Server").Values(jen.Dict{
			jen.Id("Server"): mrt("NewServer").Call(jen.Id("service"), jen.Id("opts").Op("...")),
		}),
		jen.Id("s").Dot("applyHooks").Call(),
		jen.Return(jen.Id("s")),
	)
	f.Line()

	f.Add(commentLines(comment("Reset forgets the state, the records, the injected errors, the latencies " +
		"and the overrides, then applies the hooks again: the server is as New made it.")))
	f.Func().Params(jen.Id("s").Op("*").Id("Server")).Id("Reset").Params().Block(
		jen.Id("s").Dot("Server").Dot("Reset").Call(),
		jen.Id("s").Dot("applyHooks").Call(),
	)
	f.Line()

	f.Func().Params(jen.Id("s").Op("*").Id("Server")).Id("applyHooks").Params().Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("h")).Op(":=").Range().Id("hooks")).Block(jen.Id("h").Call(jen.Id("s"))),
	)
	f.Line()

	f.Add(commentLines(comment("NewTestServer starts a new mock on an httptest server that is closed when " +
		"the test ends, and returns the mock and the server's URL, to use as the client's base endpoint. " +
		"The options also set the server's timeouts and connection limit (see mockrt.StartTest).")))
	f.Func().Id("NewTestServer").Params(jen.Id("t").Qual("testing", "TB"), jen.Id("opts").Op("...").Add(mrt("Option"))).
		Params(jen.Op("*").Id("Server"), jen.String()).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.Id("s").Op(":=").Id("New").Call(jen.Id("opts").Op("...")),
		jen.Return(jen.Id("s"), mrt("StartTest").Call(jen.Id("t"), jen.Id("s"), jen.Id("opts").Op("..."))),
	)
	f.Line()

	f.Add(commentLines(comment(fmt.Sprintf("Service returns the description of %s the mock is built from, "+
		"for serving it beside other mocks with mockrt.NewMux.", p.Title))))
	f.Func().Id("Service").Params().Op("*").Add(mrt("Service")).Block(jen.Return(jen.Id("service")))
	f.Line()
}

func emitMockOperation(f *jen.File, p *Package, op *model.Operation) {
	in := jen.Op("*").Qual(p.ImportPath, op.Input.GoName)
	out := jen.Op("*").Qual(p.ImportPath, op.Output.GoName)
	fnType := jen.Func().Params(jen.Qual("context", "Context"), in.Clone()).Params(out.Clone(), jen.Error())

	f.Add(commentLines(comment(fmt.Sprintf("Handle%s replaces the behaviour of %s by fn; nil restores the default. "+
		"Requests are still decoded and validated first, so fn only sees valid input; an error it returns "+
		"is answered as the service would answer it.", op.Name, op.Name))))
	f.Func().Params(jen.Id("s").Op("*").Id("Server")).Id("Handle"+op.Name).Params(jen.Id("fn").Add(fnType)).Block(
		jen.If(jen.Id("fn").Op("==").Nil()).Block(
			jen.Id("s").Dot("Override").Call(jen.Lit(op.Name), jen.Nil()),
			jen.Return(),
		),
		jen.Id("s").Dot("Override").Call(jen.Lit(op.Name), jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("in").Any()).Params(jen.Any(), jen.Error()).Block(
			jen.Return(jen.Id("fn").Call(jen.Id("ctx"), jen.Id("in").Assert(in.Clone()))),
		)),
	)
	f.Line()

	f.Add(commentLines(comment(fmt.Sprintf("Default%s runs the default behaviour of %s, for a Handle%s "+
		"function that adjusts it rather than replaces it.", op.Name, op.Name, op.Name))))
	f.Func().Params(jen.Id("s").Op("*").Id("Server")).Id("Default"+op.Name).
		Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("in").Add(in.Clone())).Params(out.Clone(), jen.Error()).Block(
		jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("s").Dot("Default").Call(jen.Id("ctx"), jen.Lit(op.Name), jen.Id("in")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Return(jen.Id("out").Assert(out.Clone()), jen.Nil()),
	)
	f.Line()
}

func emitMockService(f *jen.File, p *Package) {
	d := jen.Dict{
		jen.Id("Name"):        jen.Lit(p.Package),
		jen.Id("Protocol"):    jen.Lit(p.Protocol.Name),
		jen.Id("SigningName"): jen.Lit(p.SigningName),
	}
	if p.TargetPrefix != "" {
		d[jen.Id("TargetPrefix")] = jen.Lit(p.TargetPrefix)
	}
	if p.APIVersion != "" {
		d[jen.Id("APIVersion")] = jen.Lit(p.APIVersion)
	}
	if p.XMLNamespace != "" {
		d[jen.Id("XMLNamespace")] = jen.Lit(p.XMLNamespace)
	}
	if p.QueryCompatible {
		d[jen.Id("QueryCompatible")] = jen.True()
	}
	if len(p.Protocols) > 1 {
		// The mock answers every protocol the model lists, since older
		// clients still send them; Protocol alone needs no list.
		d[jen.Id("Protocols")] = jen.Index().String().ValuesFunc(func(g *jen.Group) {
			for _, name := range p.Protocols {
				g.Lit(name)
			}
		})
	}
	var ops []jen.Code
	for _, op := range p.Operations {
		ops = append(ops, mockOperationValue(p, op))
	}
	d[jen.Id("Operations")] = jen.Index().Op("*").Add(mrt("Operation")).ValuesFunc(func(g *jen.Group) {
		for _, o := range ops {
			g.Line().Add(o)
		}
		g.Line()
	})
	m := p.Mock
	if m == nil {
		m = &model.ServiceMock{}
	}
	if v := validationErrorValue(p, m.ValidationError); v != nil {
		d[jen.Id("ValidationError")] = v
	}
	if v := errorTemplate(p, m.SerializationError); v != nil {
		d[jen.Id("SerializationError")] = v
	}
	if v := errorTemplate(p, m.ThrottlingError); v != nil {
		d[jen.Id("ThrottlingError")] = v
	}
	if v := errorTemplate(p, m.MissingParameter); v != nil {
		d[jen.Id("MissingParameter")] = v
	}
	if len(p.Resources) > 0 {
		d[jen.Id("Resources")] = resourcesValue(p)
	}
	if len(headerErrors(p)) > 0 {
		d[jen.Id("ErrorHeaders")] = jen.Id("errorHeaders")
	}
	if len(p.Operations) > 0 {
		d[jen.Id("WireShape")] = jen.Qual(p.ImportPath, "WireShape")
	}
	f.Comment("service describes the service to mockrt; it is never modified.")
	f.Var().Id("service").Op("=").Op("&").Add(mrt("Service")).Values(d)
	f.Line()
}

// validationErrorValue is the service's validation error template: the
// spec's, or one that puts the problem in the error's message member.
func validationErrorValue(p *Package, e *model.MockError) jen.Code {
	shape := p.ValidationError
	if shape == nil {
		return nil
	}
	if e == nil {
		e = &model.MockError{Shape: shape}
		for _, m := range shape.Members {
			if strings.EqualFold(m.Name, "message") && m.Location == "" {
				e.Members = []*model.MockField{{Path: m.Name, Value: "{message}"}}
				break
			}
		}
	}
	e2 := *e
	e2.Shape = shape
	return errorTemplate(p, &e2)
}

// errorTemplate is the package variable holding the template of e: the
// same error (NotFound, Conflict, a quota) is answered by many operations
// and resources, and is written out once.
func errorTemplate(p *Package, e *model.MockError) jen.Code {
	if e == nil {
		return nil
	}
	return p.errTemplates.name(e, errorTemplateValue(p, e))
}

// errTemplateSet is the error templates of one mock file, each distinct
// value once, named after its error shape in the order first used.
type errTemplateSet struct {
	index map[string]int // rendered value → position in values
	names []string
	vals  []jen.Code
}

func (s *errTemplateSet) name(e *model.MockError, v jen.Code) jen.Code {
	key := fmt.Sprintf("%#v", v)
	i, ok := s.index[key]
	if !ok {
		base := "errTemplate"
		switch {
		case e.Shape != nil:
			base = "err" + e.Shape.GoName
		case e.Code != "":
			base = "err" + strings.ReplaceAll(e.Code, ".", "")
		}
		n := base
		for k := 2; slices.Contains(s.names, n); k++ {
			n = fmt.Sprintf("%s%d", base, k)
		}
		i = len(s.vals)
		s.index[key] = i
		s.names = append(s.names, n)
		s.vals = append(s.vals, v)
	}
	return jen.Id(s.names[i])
}

func (s *errTemplateSet) emit(f *jen.File) {
	if len(s.vals) == 0 {
		return
	}
	f.Comment("The error templates of the service, its operations and its resources,")
	f.Comment("each written once; mockrt only reads them.")
	f.Var().DefsFunc(func(g *jen.Group) {
		for i, v := range s.vals {
			g.Id(s.names[i]).Op("=").Add(v)
		}
	})
	f.Line()
}

// errorTemplateValue is the literal of e's template.
func errorTemplateValue(p *Package, e *model.MockError) jen.Code {
	d := jen.Dict{}
	if e.Shape != nil {
		d[jen.Id("New")] = jen.Func().Params().Error().Block(jen.Return(jen.New(jen.Qual(p.ImportPath, e.Shape.GoName))))
	}
	if len(e.Members) > 0 {
		d[jen.Id("Members")] = fieldsValue(e.Members)
	}
	if e.FieldList != "" {
		d[jen.Id("FieldList")] = jen.Lit(e.FieldList)
	}
	if e.Code != "" {
		d[jen.Id("Code")] = jen.Lit(e.Code)
	}
	return jen.Op("&").Add(mrt("ErrorTemplate")).Values(d)
}

func fieldsValue(fs []*model.MockField) jen.Code {
	return jen.Index().Add(mrt("Field")).ValuesFunc(func(g *jen.Group) {
		for _, f := range fs {
			g.Line().Values(jen.Dict{jen.Id("Path"): jen.Lit(f.Path), jen.Id("Value"): anyValue(f.Value)})
		}
		g.Line()
	})
}

// anyValue renders a YAML-decoded value as a Go literal of type any.
func anyValue(v any) jen.Code {
	switch v := v.(type) {
	case nil:
		return jen.Nil()
	case int64:
		return jen.Lit(int(v))
	case []any:
		return jen.Index().Any().ValuesFunc(func(g *jen.Group) {
			for _, e := range v {
				g.Add(anyValue(e))
			}
		})
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		return jen.Map(jen.String()).Any().ValuesFunc(func(g *jen.Group) {
			for _, k := range keys {
				g.Lit(k).Op(":").Add(anyValue(v[k]))
			}
		})
	}
	return jen.Lit(v)
}

func mockOperationValue(p *Package, op *model.Operation) jen.Code {
	d := jen.Dict{
		jen.Id("Name"):      jen.Lit(op.Name),
		jen.Id("NewInput"):  jen.Func().Params().Add(mrt("Input")).Block(jen.Return(jen.New(jen.Qual(p.ImportPath, op.Input.GoName)))),
		jen.Id("NewOutput"): jen.Func().Params().Any().Block(jen.Return(jen.New(jen.Qual(p.ImportPath, op.Output.GoName)))),
	}
	if p.Protocol.HTTPBindings {
		d[jen.Id("Method")] = jen.Lit(op.Method)
		d[jen.Id("Path")] = jen.Lit(op.Path)
		d[jen.Id("Status")] = jen.Lit(op.Status)
	}
	if w := resultWrapper(op); w != "" {
		d[jen.Id("Wrapper")] = jen.Lit(w)
	}
	if bs := bindingsValue(op.Input); bs != nil {
		d[jen.Id("Bindings")] = bs
	}
	if bs := bindingsValue(op.Output); bs != nil {
		d[jen.Id("OutputBindings")] = bs
	}
	if b := behaviorValue(p, op); b != nil {
		d[jen.Id("Behavior")] = b
	}
	return jen.Values(d)
}

// bindingsValue lists the members of an input or output that travel
// outside the JSON body.
func bindingsValue(s *model.Shape) jen.Code {
	var bs []jen.Code
	for _, m := range s.Members {
		if m.Location == "" {
			continue
		}
		d := jen.Dict{
			jen.Id("Location"): jen.Lit(m.Location),
			jen.Id("Member"):   jen.Lit(m.Name),
			jen.Id("Field"):    jen.Lit(m.GoName),
		}
		if m.LocationName != "" {
			d[jen.Id("Name")] = jen.Lit(m.LocationName)
		}
		if m.Location == model.LocPayload && m.XML != nil && m.XML.Name != "" {
			d[jen.Id("Name")] = jen.Lit(m.XML.Name)
		}
		if m.JSONValue {
			d[jen.Id("JSONValue")] = jen.True()
		}
		if f := m.BoundTimeFormat(); f != "" {
			d[jen.Id("TimestampFormat")] = jen.Lit(f)
		}
		bs = append(bs, jen.Line().Values(d))
	}
	if bs == nil {
		return nil
	}
	return jen.Index().Add(mrt("Binding")).Values(append(bs, jen.Line())...)
}

func behaviorValue(p *Package, op *model.Operation) jen.Code {
	m := op.Mock
	if m == nil {
		// An operation on a resource has no mock block but applies the
		// input's documented defaults: a create echoes them into the
		// description, the others find the resource by them (ECS's cluster
		// "default").
		defs := inputDefaults(op.Input, "", map[*model.Shape]bool{})
		if !actsOnResource(p, op) || len(defs) == 0 {
			return nil
		}
		return jen.Op("&").Add(mrt("Behavior")).Values(jen.Dict{jen.Id("Defaults"): fieldsValue(defs)})
	}
	d := jen.Dict{}
	if m.Resource != "" {
		d[jen.Id("Resource")] = jen.Lit(m.Resource)
	}
	if len(m.Unique) > 0 {
		d[jen.Id("Unique")] = jen.Index().String().ValuesFunc(func(g *jen.Group) {
			for _, u := range m.Unique {
				g.Lit(u)
			}
		})
	}
	for _, mem := range op.Input.Members {
		if mem.IdempotencyToken {
			d[jen.Id("IdempotencyToken")] = jen.Lit(mem.Name)
			break
		}
	}
	if v := errorTemplate(p, m.Conflict); v != nil {
		d[jen.Id("Conflict")] = v
	}
	if v := errorTemplate(p, m.IdempotencyMismatch); v != nil {
		d[jen.Id("IdempotencyMismatch")] = v
	}
	if v := errorTemplate(p, m.QuotaExceeded); v != nil {
		d[jen.Id("QuotaExceeded")] = v
	}
	if len(m.State) > 0 {
		d[jen.Id("State")] = fieldsValue(m.State)
	}
	if defs := inputDefaults(op.Input, "", map[*model.Shape]bool{}); len(defs) > 0 {
		d[jen.Id("Defaults")] = fieldsValue(defs)
	}
	if len(m.Output) > 0 {
		d[jen.Id("Output")] = fieldsValue(m.Output)
	}
	return jen.Op("&").Add(mrt("Behavior")).Values(d)
}

// inputDefaults lists the documented defaults of the input's members, through
// nested structures (not through lists or maps, whose elements have no path).
func inputDefaults(s *model.Shape, prefix string, seen map[*model.Shape]bool) []*model.MockField {
	if seen[s] {
		return nil
	}
	seen[s] = true
	defer delete(seen, s)
	var out []*model.MockField
	for _, m := range s.Members {
		path := prefix + m.Name
		if m.Default != nil && m.Location == "" {
			out = append(out, &model.MockField{Path: path, Value: m.Default})
		}
		if m.Shape.Kind == model.Structure {
			out = append(out, inputDefaults(m.Shape, path+".", seen)...)
		}
	}
	return out
}

// headerErrors are the service's error shapes with members bound to headers.
func headerErrors(p *Package) []*model.Shape {
	var out []*model.Shape
	for _, s := range p.Shapes {
		if s.Error == nil {
			continue
		}
		for _, m := range s.Members {
			if m.Location == "header" {
				out = append(out, s)
				break
			}
		}
	}
	return out
}

func emitErrorHeaders(f *jen.File, p *Package) {
	errs := headerErrors(p)
	if len(errs) == 0 {
		return
	}
	f.Comment("errorHeaders writes the members of an error that travel in headers.")
	f.Func().Id("errorHeaders").Params(jen.Id("err").Error(), jen.Id("h").Qual("net/http", "Header")).Block(
		jen.Switch(jen.Id("e").Op(":=").Id("err").Assert(jen.Type())).BlockFunc(func(g *jen.Group) {
			for _, s := range errs {
				g.Case(jen.Op("*").Qual(p.ImportPath, s.GoName)).BlockFunc(func(g *jen.Group) {
					for _, m := range s.Members {
						if m.Location == "header" {
							g.Add(mrt("SetHeader")).Call(jen.Id("h"), jen.Lit(m.LocationName), jen.Id("e").Dot(m.GoName))
						}
					}
				})
			}
		}),
	)
}

// resourcesValue describes the spec's resources to the mock's resource
// engine, as data.
func resourcesValue(p *Package) jen.Code {
	return jen.Index().Op("*").Add(mrt("Resource")).ValuesFunc(func(g *jen.Group) {
		for _, res := range p.Resources {
			g.Line().Add(resourceValue(p, res))
		}
		g.Line()
	})
}

func resourceValue(p *Package, res *model.Resource) jen.Code {
	d := jen.Dict{jen.Id("Name"): jen.Lit(res.Name), jen.Id("ID"): jen.Lit(res.ID)}
	if res.Parent != nil {
		d[jen.Id("Parent")] = jen.Lit(res.Parent.Name)
	}
	for field, v := range map[string]string{"NameMember": res.NameMember, "ARN": res.ARN, "ParentID": res.ParentID, "ParentARN": res.ParentARN,
		"Status": res.Status, "Created": res.Created, "Modified": res.Modified, "IDTemplate": res.IDTemplate, "ARNTemplate": res.ARNTemplate, "IDPrefix": res.IDPrefix,
		"Tags": res.Tags, "TagKey": res.TagKey, "TagValue": res.TagValue, "Attributes": res.Attributes} {
		if v != "" {
			d[jen.Id(field)] = jen.Lit(v)
		}
	}
	// In a fixed order: the first use of a template names it.
	for _, fe := range []struct {
		field string
		e     *model.MockError
	}{{"NotFound", res.NotFound}, {"Conflict", res.Conflict}, {"HasChildren", res.HasChildren}, {"InvalidToken", res.InvalidToken}} {
		if v := errorTemplate(p, fe.e); v != nil {
			d[jen.Id(fe.field)] = v
		}
	}
	if len(res.Defaults) > 0 {
		d[jen.Id("Defaults")] = fieldsValue(res.Defaults)
	}
	if len(res.Builtin) > 0 {
		d[jen.Id("Builtin")] = jen.Index().String().ValuesFunc(func(g *jen.Group) {
			for _, b := range res.Builtin {
				g.Lit(b)
			}
		})
	}
	if res.DefaultParent != "" {
		d[jen.Id("DefaultParent")] = jen.Lit(res.DefaultParent)
	}
	if len(res.Private) > 0 {
		d[jen.Id("Private")] = jen.Index().String().ValuesFunc(func(g *jen.Group) {
			for _, s := range res.Private {
				g.Lit(s)
			}
		})
	}
	if len(res.Inactive) > 0 {
		d[jen.Id("Inactive")] = jen.Index().String().ValuesFunc(func(g *jen.Group) {
			for _, s := range res.Inactive {
				g.Lit(s)
			}
		})
	}
	if len(res.ReferencedBy) > 0 {
		kinds := make([]string, 0, len(res.ReferencedBy))
		for k := range res.ReferencedBy {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		d[jen.Id("ReferencedBy")] = jen.Map(jen.String()).String().Values(jen.DictFunc(func(dd jen.Dict) {
			for _, k := range kinds {
				dd[jen.Lit(k)] = jen.Lit(res.ReferencedBy[k])
			}
		}))
	}
	if len(res.HasChildrenOf) > 0 {
		kinds := make([]string, 0, len(res.HasChildrenOf))
		for k := range res.HasChildrenOf {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		d[jen.Id("HasChildrenOf")] = jen.Map(jen.String()).Op("*").Add(mrt("ErrorTemplate")).ValuesFunc(func(g *jen.Group) {
			for _, k := range kinds {
				g.Line().Lit(k).Op(":").Add(errorTemplate(p, res.HasChildrenOf[k]))
			}
			g.Line()
		})
	}
	if len(res.Counts) > 0 {
		kinds := make([]string, 0, len(res.Counts))
		for k := range res.Counts {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		d[jen.Id("Counts")] = jen.Map(jen.String()).String().ValuesFunc(func(g *jen.Group) {
			for _, k := range kinds {
				g.Line().Lit(k).Op(":").Lit(res.Counts[k])
			}
			g.Line()
		})
	}
	if len(res.CountsWhere) > 0 {
		kinds := make([]string, 0, len(res.CountsWhere))
		for k := range res.CountsWhere {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		d[jen.Id("CountsWhere")] = jen.Map(jen.String()).Index().Add(mrt("Count")).ValuesFunc(func(g *jen.Group) {
			for _, k := range kinds {
				g.Line().Lit(k).Op(":").ValuesFunc(func(g *jen.Group) {
					for _, c := range res.CountsWhere[k] {
						cd := jen.Dict{jen.Id("Member"): jen.Lit(c.Member)}
						if len(c.Where) > 0 {
							cd[jen.Id("Where")] = fieldsValue(c.Where)
						}
						if c.Deleted {
							cd[jen.Id("Deleted")] = jen.True()
						}
						g.Line().Values(cd)
					}
					g.Line()
				})
			}
			g.Line()
		})
	}
	d[jen.Id("Operations")] = jen.Index().Add(mrt("ResourceOperation")).ValuesFunc(func(g *jen.Group) {
		for _, ro := range res.Operations {
			g.Line().Add(resourceOperationValue(p, ro))
		}
		g.Line()
	})
	return jen.Values(d)
}

// memberPath is a paginator's member path as the mock's dotted wire names.
func memberPath(p model.MemberPath) string {
	names := make([]string, len(p))
	for i, m := range p {
		names[i] = m.Name
	}
	return strings.Join(names, ".")
}

// actsOnResource tells whether op is bound to a resource, tags aside.
func actsOnResource(p *Package, op *model.Operation) bool {
	for _, res := range p.Resources {
		for _, ro := range res.Operations {
			if ro.Operation == op && ro.Role != "tag" && ro.Role != "untag" && ro.Role != "listTags" {
				return true
			}
		}
	}
	return false
}

// roleConsts are the mockrt constants of the roles.
var roleConsts = map[string]string{
	"create": "RoleCreate", "read": "RoleRead", "update": "RoleUpdate", "delete": "RoleDelete", "list": "RoleList",
	"action": "RoleAction", "tag": "RoleTag", "untag": "RoleUntag", "listTags": "RoleListTags", "readMany": "RoleReadMany",
	"deleteMany": "RoleDeleteMany",
	"actionMany": "RoleActionMany",
}

func resourceOperationValue(p *Package, ro *model.ResourceOperation) jen.Code {
	d := jen.Dict{
		jen.Id("Role"):      mrt(roleConsts[ro.Role]),
		jen.Id("Operation"): jen.Lit(ro.Operation.Name),
	}
	fields := map[string]string{"Identifier": ro.Identifier, "ParentIdentifier": ro.ParentIdentifier,
		"IdempotencyToken": ro.IdempotencyToken, "ResourceARN": ro.ResourceARN, "Failures": ro.Failures, "ARNOutput": ro.ARNOutput,
		"Tags": ro.Tags, "TagKeys": ro.TagKeys, "TagKey": ro.TagKey, "TagValue": ro.TagValue,
		"Items": ro.Items, "ResourceIDs": ro.ResourceIDs, "AttributeName": ro.AttributeName, "AttributeValue": ro.AttributeValue,
		"IdentifierMember": ro.IdentifierMember}
	if pg := ro.Operation.Paginator; ro.Role == "list" && pg != nil && len(pg.ResultKeys) > 0 {
		fields["Items"] = cmp.Or(ro.Items, memberPath(pg.ResultKeys[0]))
		if len(pg.InputTokens) > 0 {
			fields["InputToken"] = pg.InputTokens[0].Name
		}
		if len(pg.OutputTokens) > 0 {
			fields["OutputToken"] = memberPath(pg.OutputTokens[0])
		}
		if pg.LimitKey != nil {
			fields["LimitKey"] = pg.LimitKey.Name
		}
		if pg.MoreResults != nil {
			fields["MoreResults"] = memberPath(pg.MoreResults)
		}
	}
	for field, v := range fields {
		if v != "" {
			d[jen.Id(field)] = jen.Lit(v)
		}
	}
	switch ro.Role {
	case "list", "tag", "untag", "listTags", "deleteMany", "actionMany":
	default:
		// "" is the output itself, so it is written out; "-" is none.
		d[jen.Id("Description")] = jen.Lit(ro.Description)
	}
	if len(ro.Filters) > 0 {
		d[jen.Id("Filters")] = jen.Index().String().ValuesFunc(func(g *jen.Group) {
			for _, f := range ro.Filters {
				g.Lit(f)
			}
		})
		if !slices.Equal(ro.Filters, ro.FilterMembers) {
			d[jen.Id("FilterMembers")] = jen.Index().String().ValuesFunc(func(g *jen.Group) {
				for _, f := range ro.FilterMembers {
					g.Lit(f)
				}
			})
		}
	}
	if len(ro.OtherIdentifiers) > 0 {
		d[jen.Id("OtherIdentifiers")] = jen.Index().String().ValuesFunc(func(g *jen.Group) {
			for _, f := range ro.OtherIdentifiers {
				g.Lit(f)
			}
		})
	}
	if len(ro.Identifiers) > 0 {
		d[jen.Id("Identifiers")] = jen.Index().String().ValuesFunc(func(g *jen.Group) {
			for _, f := range ro.Identifiers {
				g.Lit(f)
			}
		})
	}
	if len(ro.PrefixFilters) > 0 {
		for field, list := range map[string][]string{"PrefixFilters": ro.PrefixFilters, "PrefixFilterMembers": ro.PrefixFilterMembers} {
			d[jen.Id(field)] = jen.Index().String().ValuesFunc(func(g *jen.Group) {
				for _, f := range list {
					g.Lit(f)
				}
			})
		}
	}
	if ro.MaxPageSize > 0 {
		d[jen.Id("MaxPageSize")] = jen.Lit(ro.MaxPageSize)
	}
	if ro.NewestFirst {
		d[jen.Id("NewestFirst")] = jen.True()
	}
	if t := ro.Transition; t != nil {
		d[jen.Id("Transition")] = transitionValue(t)
	}
	if v := errorTemplate(p, ro.QuotaExceeded); v != nil {
		d[jen.Id("QuotaExceeded")] = v
	}
	if v := errorTemplate(p, ro.NotFound); v != nil {
		d[jen.Id("NotFound")] = v
	}
	if v := errorTemplate(p, ro.Retired); v != nil {
		d[jen.Id("Retired")] = v
	}
	if ro.AnswerExisting {
		d[jen.Id("AnswerExisting")] = jen.True()
	}
	if ro.UpdateExisting {
		d[jen.Id("UpdateExisting")] = jen.True()
	}
	if ro.ReplaceExisting {
		d[jen.Id("ReplaceExisting")] = jen.True()
	}
	if ro.IgnoreMissing {
		d[jen.Id("IgnoreMissing")] = jen.True()
	}
	if ro.Cascade {
		d[jen.Id("Cascade")] = jen.True()
	}
	if ro.SelectWhen != nil {
		d[jen.Id("SelectWhen")] = fieldsValue(ro.SelectWhen)
	}
	if ro.OptionalIdentifier {
		d[jen.Id("OptionalIdentifier")] = jen.True()
	}
	if ro.Each != "" {
		d[jen.Id("Each")] = jen.Lit(ro.Each)
		d[jen.Id("EachMember")] = jen.Lit(ro.EachMember)
	}
	for field, v := range map[string]string{"CountMin": ro.CountMin, "CountMax": ro.CountMax, "CountIndex": ro.CountIndex,
		"Group": ro.Group, "GroupItems": ro.GroupItems, "GroupID": ro.GroupID} {
		if v != "" {
			d[jen.Id(field)] = jen.Lit(v)
		}
	}
	if len(ro.GroupSet) > 0 {
		d[jen.Id("GroupSet")] = fieldsValue(ro.GroupSet)
	}
	if c := ro.Changes; c != nil {
		d[jen.Id("Changes")] = jen.Op("&").Qual(MockRuntimePath, "Changes").Values(jen.Dict{
			jen.Id("Member"): jen.Lit(c.Member), jen.Id("ID"): jen.Lit(c.ID),
			jen.Id("Previous"): jen.Lit(c.Previous), jen.Id("Current"): jen.Lit(c.Current),
		})
	}
	if len(ro.Refuse) > 0 {
		d[jen.Id("Refuse")] = jen.Index().String().ValuesFunc(func(g *jen.Group) {
			for _, st := range ro.Refuse {
				g.Lit(st)
			}
		})
	}
	if v := errorTemplate(p, ro.Refused); v != nil {
		d[jen.Id("Refused")] = v
	}
	if len(ro.Companions) > 0 {
		d[jen.Id("Companions")] = jen.Index().Qual(MockRuntimePath, "Companion").ValuesFunc(func(g *jen.Group) {
			for _, c := range ro.Companions {
				cd := jen.Dict{jen.Id("Resource"): jen.Lit(c.Resource)}
				if len(c.Input) > 0 {
					cd[jen.Id("Input")] = fieldsValue(c.Input)
				}
				if len(c.Set) > 0 {
					cd[jen.Id("Set")] = fieldsValue(c.Set)
				}
				g.Values(cd)
			}
		})
	}
	if fl := ro.FilterList; fl != nil {
		fd := jen.Dict{}
		for field, v := range map[string]string{"Member": fl.Member, "Name": fl.Name, "Values": fl.Values, "Condition": fl.Condition,
			"DefaultCondition": fl.DefaultCondition, "TagPrefix": fl.TagPrefix, "TagKeyName": fl.TagKeyName} {
			if v != "" {
				fd[jen.Id(field)] = jen.Lit(v)
			}
		}
		names := make([]string, 0, len(fl.Fields))
		for k := range fl.Fields {
			names = append(names, k)
		}
		sort.Strings(names)
		fd[jen.Id("Fields")] = jen.Map(jen.String()).String().ValuesFunc(func(g *jen.Group) {
			for _, k := range names {
				g.Line().Lit(k).Op(":").Lit(fl.Fields[k])
			}
			g.Line()
		})
		d[jen.Id("FilterList")] = jen.Op("&").Add(mrt("FilterList")).Values(fd)
	}
	if len(ro.Set) > 0 {
		d[jen.Id("Set")] = fieldsValue(ro.Set)
	}
	if len(ro.Failure) > 0 {
		d[jen.Id("Failure")] = fieldsValue(ro.Failure)
	}
	if len(ro.When) > 0 {
		d[jen.Id("When")] = jen.Index().Add(mrt("Case")).ValuesFunc(func(g *jen.Group) {
			for _, c := range ro.When {
				cd := jen.Dict{}
				if len(c.Input) > 0 {
					cd[jen.Id("Input")] = fieldsValue(c.Input)
				}
				if len(c.Resource) > 0 {
					cd[jen.Id("Resource")] = fieldsValue(c.Resource)
				}
				if len(c.Set) > 0 {
					cd[jen.Id("Set")] = fieldsValue(c.Set)
				}
				if len(c.Output) > 0 {
					cd[jen.Id("Output")] = fieldsValue(c.Output)
				}
				if v := errorTemplate(p, c.Error); v != nil {
					cd[jen.Id("Error")] = v
				}
				g.Line().Values(cd)
			}
			g.Line()
		})
	}
	if c := ro.Creates; c != nil && c.Resource != nil {
		cd := jen.Dict{jen.Id("Resource"): jen.Lit(c.Resource.Name), jen.Id("ID"): jen.Lit(c.ID)}
		if len(c.Set) > 0 {
			cd[jen.Id("Set")] = fieldsValue(c.Set)
		}
		if c.Transition != nil {
			cd[jen.Id("Transition")] = transitionValue(c.Transition)
		}
		if c.Current != "" {
			cd[jen.Id("Current")] = jen.Lit(c.Current)
		}
		if c.Supersedes != "" {
			cd[jen.Id("Supersedes")] = jen.Lit(c.Supersedes)
		}
		if len(c.SupersededSet) > 0 {
			cd[jen.Id("SupersededSet")] = fieldsValue(c.SupersededSet)
		}
		d[jen.Id("Creates")] = jen.Op("&").Add(mrt("Creates")).Values(cd)
	}
	return jen.Values(d)
}

func transitionValue(t *model.Transition) jen.Code {
	td := jen.Dict{}
	if t.During != "" {
		td[jen.Id("During")] = jen.Lit(t.During)
	}
	if t.Then != "" {
		td[jen.Id("Then")] = jen.Lit(t.Then)
	}
	if t.Delay > 0 {
		td[jen.Id("Delay")] = jen.Lit(int(t.Delay*1000)).Op("*").Qual("time", "Millisecond")
	}
	if len(t.Set) > 0 {
		td[jen.Id("Set")] = fieldsValue(t.Set)
	}
	return jen.Op("&").Add(mrt("Transition")).Values(td)
}
