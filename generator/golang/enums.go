package golang

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/specgen/specgen/generator/model"
)

func enums(p *Package) []*model.Shape {
	var out []*model.Shape
	for _, s := range p.Shapes {
		if s.IsEnum() {
			out = append(out, s)
		}
	}
	return out
}

// emitEnums declares a string type per enum, a constant per value and a
// Values method. Decoding accepts any string, because services add values
// over time; validation of input is what rejects an unlisted one.
func emitEnums(p *Package) *jen.File {
	es := enums(p)
	if len(es) == 0 {
		return nil
	}
	f := newFile(p)
	for _, s := range es {
		f.Add(commentLines(withDeprecation(docFor(s.GoName, s.Doc, "is an enumeration of the "+p.Title+" API."), s.Deprecated, "type")))
		f.Type().Id(s.GoName).String()
		f.Line()
		f.Add(commentLines(fmt.Sprintf("Values of %s.", s.GoName)))
		var consts, list []jen.Code
		for i, e := range s.Enum {
			if e.Doc != "" {
				if i > 0 {
					consts = append(consts, jen.Line())
				}
				consts = append(consts, commentLines(docFor(e.GoName, e.Doc, "")))
			}
			consts = append(consts, jen.Id(e.GoName).Id(s.GoName).Op("=").Lit(e.Value))
			list = append(list, jen.Id(e.GoName))
		}
		f.Const().Defs(consts...)
		f.Line()
		f.Add(commentLines(fmt.Sprintf("Values returns the values of %s that the spec lists, in its order. A\nvalue decoded from a response may be one it does not list yet.", s.GoName)))
		f.Func().Params(jen.Id(s.GoName)).Id("Values").Params().Index().Id(s.GoName).Block(
			jen.Return(jen.Index().Id(s.GoName).Values(list...)),
		)
		f.Line()
	}
	return f
}
