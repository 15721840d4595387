package golang

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/specgen/specgen/generator/model"
)

// checked reports, for every input shape, whether its values need any check:
// a constrained scalar, a sized list or map, a structure with a required
// member, or anything that contains one of those. It is computed to a fixed
// point, so recursive shapes are handled.
func checked(p *Package) map[*model.Shape]bool {
	need := map[*model.Shape]bool{}
	for changed := true; changed; {
		changed = false
		for _, s := range p.Shapes {
			if !s.IsInput || need[s] {
				continue
			}
			n := false
			switch s.Kind {
			case model.Structure:
				for _, m := range s.Members {
					n = n || m.Required || need[m.Shape]
				}
				n = n || len(s.Rules) > 0
			case model.List:
				n = s.Length != nil || len(s.Rules) > 0 || need[s.Member]
			case model.Map:
				n = s.Length != nil || need[s.Key] || need[s.Value]
			default:
				n = s.Constrained()
			}
			if n {
				need[s] = true
				changed = true
			}
		}
	}
	return need
}

// validator holds what the validation emitter needs while it runs.
type validator struct {
	*Package
	need map[*model.Shape]bool
}

var (
	reportParam = jen.Id("r").Op("*").Add(rt("Report"))
	pathParam   = jen.Id("p").Add(rt("Path"))
)

func emitValidate(p *Package) *jen.File {
	v := &validator{Package: p, need: checked(p)}
	var inputs []*model.Shape
	for _, s := range structures(p) {
		if s.IsInput {
			inputs = append(inputs, s)
		}
	}
	if len(inputs) == 0 {
		return nil
	}
	f := newFile(p)
	for _, s := range inputs {
		v.structure(f, s)
	}
	var others []*model.Shape
	for _, s := range p.Shapes {
		if s.IsInput && v.need[s] && s.Kind != model.Structure {
			others = append(others, s)
		}
	}
	sort.Slice(others, func(i, j int) bool { return funcName(others[i]) < funcName(others[j]) })
	for _, s := range others {
		v.shape(f, s)
	}
	return f
}

// funcName is the name of the validation function of a non-structure shape,
// decided in the model with every other name of the package.
func funcName(s *model.Shape) string { return s.ValidateFunc }

func (v *validator) structure(f *jen.File, s *model.Shape) {
	id := s.GoName
	f.Add(commentLines("Validate checks v against the constraints of the spec and returns nil or a\n*specrt.ValidationError that lists every problem found, each with its path\nin wire names."))
	if !v.need[s] {
		f.Add(commentLines(fmt.Sprintf("%s has no constraints, so Validate always returns nil.", id)))
		f.Func().Params(jen.Id("v").Op("*").Id(id)).Id("Validate").Params().Error().Block(jen.Return(jen.Nil()))
		f.Line()
		return
	}
	f.Func().Params(jen.Id("v").Op("*").Id(id)).Id("Validate").Params().Error().Block(
		jen.Var().Id("r").Add(rt("Report")),
		jen.Id("v").Dot("validate").Call(jen.Op("&").Id("r"), rt("Path").Values()),
		jen.Return(jen.Id("r").Dot("Err").Call()),
	)
	f.Line()
	var body []jen.Code
	if s.Sensitive {
		body = append(body, jen.Id("p").Op("=").Id("p").Dot("Redacted").Call())
	}
	for _, m := range s.Members {
		if st := v.member(m); st != nil {
			body = append(body, st)
		}
	}
	body = append(body, structureRules(s)...)
	f.Func().Params(jen.Id("v").Op("*").Id(id)).Id("validate").Params(reportParam, pathParam).Block(body...)
	f.Line()
}

// unset is the condition under which member m counts as not set.
func unset(m *model.Member) *jen.Statement {
	field := jen.Id("v").Dot(m.GoName)
	if m.Shape.IsEnum() {
		return field.Op("==").Lit("")
	}
	return field.Op("==").Nil()
}

// isSet is the condition under which member m counts as set.
func isSet(m *model.Member) *jen.Statement {
	field := jen.Id("v").Dot(m.GoName)
	if m.Shape.IsEnum() {
		return field.Op("!=").Lit("")
	}
	return field.Op("!=").Nil()
}

// member checks one member of a structure: presence, then its value.
func (v *validator) member(m *model.Member) jen.Code {
	checkValue := v.need[m.Shape]
	if !m.Required && !checkValue {
		return nil
	}
	missing := jen.Id("r").Dot("Missing").Call(jen.Id("p"), jen.Lit(m.Name))
	if !checkValue {
		return jen.If(unset(m)).Block(missing)
	}
	val := jen.Id("v").Dot(m.GoName)
	if isPointer(m.Shape) && m.Shape.Kind != model.Structure {
		val = jen.Op("*").Add(val)
	}
	check := v.check(m.Shape, val, jen.Id("p").Dot("Member").Call(jen.Lit(m.Name)))
	if m.Required {
		return jen.If(unset(m)).Block(missing).Else().Block(check)
	}
	return jen.If(isSet(m)).Block(check)
}

// check calls the validator of shape s on val at path p.
func (v *validator) check(s *model.Shape, val, p jen.Code) jen.Code {
	if s.Kind == model.Structure {
		return jen.Add(val).Dot("validate").Call(jen.Id("r"), p)
	}
	return jen.Id(funcName(s)).Call(jen.Id("r"), p, val)
}

// shape emits the validation function of a list, map or scalar shape.
func (v *validator) shape(f *jen.File, s *model.Shape) {
	var body []jen.Code
	if s.Sensitive {
		body = append(body, jen.Id("p").Op("=").Id("p").Dot("Redacted").Call())
	}
	switch s.Kind {
	case model.List:
		body = append(body, sizeCheck(s, "elements")...)
		if v.need[s.Member] {
			body = append(body, jen.For(jen.Id("i").Op(":=").Range().Id("v")).Block(
				v.check(s.Member, jen.Id("v").Index(jen.Id("i")), jen.Id("p").Dot("Index").Call(jen.Id("i"))),
			))
		}
		body = append(body, listRules(s)...)
	case model.Map:
		body = append(body, sizeCheck(s, "entries")...)
		if v.need[s.Key] || v.need[s.Value] {
			key := jen.Id("p").Dot("Key").Call(jen.Id("k"))
			if s.Key.Sensitive {
				key = jen.Id("p").Dot("RedactedKey").Call()
			}
			var loop []jen.Code
			if v.need[s.Key] || v.need[s.Value] {
				loop = append(loop, jen.Id("at").Op(":=").Add(key))
			}
			if v.need[s.Key] {
				// Map keys are Go strings even when the key shape is an
				// enum, whose validator takes the enum's type.
				key := jen.Id("k")
				if s.Key.IsEnum() {
					key = jen.Id(s.Key.GoName).Call(key)
				}
				loop = append(loop, v.check(s.Key, key, jen.Id("at")))
			}
			elem := jen.Id("_")
			if v.need[s.Value] {
				elem = jen.Id("e")
				loop = append(loop, v.check(s.Value, jen.Id("e"), jen.Id("at")))
			}
			body = append(body,
				jen.Id("from").Op(":=").Id("r").Dot("Len").Call(),
				jen.For(jen.List(jen.Id("k"), elem).Op(":=").Range().Id("v")).Block(loop...),
				jen.Id("r").Dot("SortFrom").Call(jen.Id("from")),
			)
		}
	case model.Blob:
		body = append(body, sizeCheck(s, "bytes")...)
	case model.String:
		body = append(body, stringChecks(s)...)
	default:
		body = append(body, rangeCheck(s)...)
	}
	what := "a value"
	if s.Kind == model.List || s.Kind == model.Map {
		what = "a " + string(s.Kind)
	}
	f.Add(commentLines(fmt.Sprintf("%s checks %s of shape %s.", funcName(s), what, s.Name)))
	f.Func().Id(funcName(s)).Params(reportParam, pathParam, jen.Id("v").Add(goType(s))).Block(body...)
	f.Line()
}

// boundsText describes an inclusive range in words.
func boundsText(b *model.Bounds) string {
	switch {
	case b.Min != nil && b.Max != nil && *b.Min == *b.Max:
		return "exactly " + num(*b.Min)
	case b.Min != nil && b.Max != nil:
		return "between " + num(*b.Min) + " and " + num(*b.Max)
	case b.Min != nil:
		return "at least " + num(*b.Min)
	}
	return "at most " + num(*b.Max)
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// outside is the condition under which n (an expression) breaks b. Counts
// (lengths and sizes) are never negative, so for them a minimum of zero needs
// no check.
func outside(b *model.Bounds, n func() *jen.Statement, lit func(float64) jen.Code, count bool) jen.Code {
	var conds []jen.Code
	if b.Min != nil && (*b.Min > 0 || !count) {
		conds = append(conds, n().Op("<").Add(lit(*b.Min)))
	}
	if b.Max != nil {
		conds = append(conds, n().Op(">").Add(lit(*b.Max)))
	}
	if len(conds) == 0 {
		return nil
	}
	out := jen.Add(conds[0])
	for _, c := range conds[1:] {
		out = out.Op("||").Add(c)
	}
	return out
}

func countLit(f float64) jen.Code { return jen.Lit(int(f)) }

// sizeCheck checks the number of elements, entries or bytes of v.
func sizeCheck(s *model.Shape, unit string) []jen.Code {
	if s.Length == nil {
		return nil
	}
	n := func() *jen.Statement { return jen.Id("n") }
	cond := outside(s.Length, n, countLit, true)
	if cond == nil {
		return nil
	}
	return []jen.Code{jen.If(jen.Id("n").Op(":=").Len(jen.Id("v")), cond).Block(
		jen.Id("r").Dot("Add").Call(jen.Id("p"), rt("RuleLength"), jen.Lit(""),
			jen.Lit(fmt.Sprintf("must have %s %s, got %%d", boundsText(s.Length), unit)), jen.Id("n")),
	)}
}

func stringChecks(s *model.Shape) []jen.Code {
	if s.IsEnum() {
		var cases []jen.Code
		var values []string
		for _, e := range s.Enum {
			cases = append(cases, jen.Id(e.GoName))
			values = append(values, e.Value)
		}
		return []jen.Code{jen.Switch(jen.Id("v")).Block(
			jen.Case(cases...),
			jen.Default().Block(jen.Id("r").Dot("Add").Call(jen.Id("p"), rt("RuleEnum"), jen.String().Call(jen.Id("v")),
				jen.Lit("must be one of "+strings.Join(values, ", ")))),
		)}
	}
	var out []jen.Code
	if b := s.Length; b != nil && (b.Max != nil || (b.Min != nil && *b.Min > 0)) {
		lo, hi := jen.Lit(0), jen.Qual("math", "MaxInt32")
		if b.Min != nil {
			lo = jen.Lit(int(*b.Min))
		}
		if b.Max != nil {
			hi = jen.Lit(int(*b.Max))
		}
		out = append(out, jen.If(jen.List(jen.Id("n"), jen.Id("ok")).Op(":=").Add(rt("CharsWithin")).Call(jen.Id("v"), lo, hi), jen.Op("!").Id("ok")).Block(
			jen.Id("r").Dot("Add").Call(jen.Id("p"), rt("RuleLength"), jen.Id("v"),
				jen.Lit(fmt.Sprintf("length must be %s characters, got %%d", boundsText(s.Length))), jen.Id("n")),
		))
	}
	if s.Pattern != nil {
		out = append(out, jen.If(jen.Op("!").Id(s.Pattern.FuncName).Call(jen.Id("v"))).Block(
			jen.Id("r").Dot("Add").Call(jen.Id("p"), rt("RulePattern"), jen.Id("v"),
				jen.Lit("must match the pattern %s"), rawString(s.Pattern.Source)),
		))
	}
	return out
}

func rangeCheck(s *model.Shape) []jen.Code {
	if s.Range == nil {
		return nil
	}
	v := func() *jen.Statement { return jen.Id("v") }
	// Untyped constants, so that they compare with int32, int64, float32
	// and float64 alike.
	lit := func(f float64) jen.Code { return jen.Id(num(f)) }
	format := rt("FormatInt").Call(jen.Int64().Call(jen.Id("v")))
	if s.Kind == model.Float || s.Kind == model.Double {
		format = rt("FormatFloat").Call(jen.Float64().Call(jen.Id("v")))
	}
	return []jen.Code{jen.If(outside(s.Range, v, lit, false)).Block(
		jen.Id("r").Dot("Add").Call(jen.Id("p"), rt("RuleRange"), format,
			jen.Lit("must be "+boundsText(s.Range))),
	)}
}
