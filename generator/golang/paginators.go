package golang

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/specgen/specgen/generator/model"
)

// emitPaginators declares, per paginated operation, the paginator the AWS
// SDK for Go v2 users look for (NewListServicesPaginator(client, params)
// with HasMorePages and NextPage): an alias of specrt.Paginator and a
// constructor that gives it the operation's tokens. The paging itself is
// run-time code shared by every operation.
func emitPaginators(p *Package) *jen.File {
	var f *jen.File
	for _, op := range p.Operations {
		pg := op.Paginator
		if pg == nil {
			continue
		}
		if f == nil {
			f = newFile(p)
		}
		f.Add(commentLines(comment(fmt.Sprintf("%s pages through the results of %s.", pg.GoName, op.Name))))
		f.Type().Id(pg.GoName).Op("=").Add(rt("Paginator")).Types(jen.Id(op.Input.GoName), jen.Id(op.Output.GoName))
		f.Line()
		f.Add(commentLines(comment(fmt.Sprintf("%s returns a paginator over the results of %s, starting from params "+
			"(which it copies; nil is the empty input). %s", pg.NewFunc, op.Name, morePagesDoc(pg)))))
		f.Func().Id(pg.NewFunc).Params(jen.Id("client").Id(apiName), jen.Id("params").Op("*").Id(op.Input.GoName)).Op("*").Id(pg.GoName).Block(
			jen.Return(rt("NewPaginator").Call(jen.Id("params"), jen.Id("client").Dot(op.Name),
				jen.Func().Params(jen.Id("in").Op("*").Id(op.Input.GoName), jen.Id("out").Op("*").Id(op.Output.GoName)).Bool().Block(advance(pg)...))),
		)
		f.Line()
	}
	return f
}

// morePagesDoc says when the paginator stops.
func morePagesDoc(pg *model.Paginator) string {
	if pg.MoreResults != nil {
		return fmt.Sprintf("Pages follow while the output's %s is true and its token is new.", pathDoc(pg.MoreResults))
	}
	return fmt.Sprintf("Pages follow while the output's %s is set and differs from the one sent.", pathDoc(pg.OutputTokens[0]))
}

func pathDoc(p model.MemberPath) string {
	s := ""
	for i, m := range p {
		if i > 0 {
			s += "."
		}
		s += m.GoName
	}
	return s
}

// advance is the body of the function that sets the next page's input
// tokens from an output and reports whether that page exists: a token the
// output leaves out, or repeats, ends the pages (as the SDK's
// StopOnDuplicateToken does), and so does a false moreResults.
func advance(pg *model.Paginator) []jen.Code {
	var body []jen.Code
	more := jen.Id("more").Op(":=").False()
	body = append(body, more)
	for i, in := range pg.InputTokens {
		out := pg.OutputTokens[i]
		tok := jen.Id(fmt.Sprintf("t%d", i))
		if in.Shape.IsEnum() {
			// An enum is held by value, "" when absent.
			body = append(body, tok.Clone().Op(":=").Add(readEnum(jen.Id("out"), out)))
			body = append(body, jen.If(tok.Clone().Op("!=").Lit("").Op("&&").Id("in").Dot(in.GoName).Op("!=").Add(tok.Clone())).Block(jen.Id("more").Op("=").True()))
			body = append(body, jen.Id("in").Dot(in.GoName).Op("=").Add(tok.Clone()))
			continue
		}
		body = append(body, tok.Clone().Op(":=").Add(readPath(jen.Id("out"), out)))
		body = append(body, jen.If(
			tok.Clone().Op("!=").Nil().Op("&&").Op("*").Add(tok.Clone()).Op("!=").Lit("").Op("&&").Parens(
				jen.Id("in").Dot(in.GoName).Op("==").Nil().Op("||").Op("*").Id("in").Dot(in.GoName).Op("!=").Op("*").Add(tok.Clone())),
		).Block(jen.Id("more").Op("=").True()))
		body = append(body, jen.Id("in").Dot(in.GoName).Op("=").Add(tok.Clone()))
	}
	if pg.MoreResults != nil {
		body = append(body, jen.If(jen.Id("m").Op(":=").Add(readPath(jen.Id("out"), pg.MoreResults)), jen.Id("m").Op("==").Nil().Op("||").Op("!").Op("*").Id("m")).Block(
			jen.Return(jen.False()),
		))
	}
	return append(body, jen.Return(jen.Id("more")))
}

// readPath reads a member path of v, a pointer to a structure, as a
// pointer: nil when any structure on the way is left out.
func readPath(v *jen.Statement, p model.MemberPath) *jen.Statement {
	if len(p) == 1 {
		return v.Dot(p[0].GoName)
	}
	// A closure keeps the nil checks of a dotted path (a.b) in one
	// expression.
	var checks []jen.Code
	at := v.Clone()
	for _, m := range p[:len(p)-1] {
		at = at.Clone().Dot(m.GoName)
		checks = append(checks, jen.If(at.Clone().Op("==").Nil()).Block(jen.Return(jen.Nil())))
	}
	checks = append(checks, jen.Return(at.Clone().Dot(p.Last().GoName)))
	return jen.Func().Params().Add(FieldType(p.Last())).Block(checks...).Call()
}

// readEnum reads an enum member path of v, a pointer to a structure: ""
// when any structure on the way is left out.
func readEnum(v *jen.Statement, p model.MemberPath) *jen.Statement {
	if len(p) == 1 {
		return v.Dot(p[0].GoName)
	}
	var checks []jen.Code
	at := v.Clone()
	for _, m := range p[:len(p)-1] {
		at = at.Clone().Dot(m.GoName)
		checks = append(checks, jen.If(at.Clone().Op("==").Nil()).Block(jen.Return(jen.Lit(""))))
	}
	checks = append(checks, jen.Return(at.Clone().Dot(p.Last().GoName)))
	return jen.Func().Params().Add(FieldType(p.Last())).Block(checks...).Call()
}
