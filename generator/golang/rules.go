package golang

import (
	"fmt"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/specgen/specgen/generator/model"
)

// The checks of the rules that span members (model.Rule), emitted into the
// validate methods of structures and the validate functions of lists. Each
// rule is one if statement whose condition reads only fields, so that a
// valid input costs no allocation; specrt is called only to report.

// structureRules checks the rules of structure s, after its members.
func structureRules(s *model.Shape) []jen.Code {
	var out []jen.Code
	for _, rule := range s.Rules {
		switch rule.Kind {
		case model.OneOf, model.AtMostOneOf:
			out = append(out, exclusiveRule(rule))
		case model.RequiredWhen:
			m := rule.Members[0]
			out = append(out, jen.If(unset(m).Op("&&").Add(condition(rule.When, false))).Block(
				jen.Id("r").Dot("RequiredWhen").Call(jen.Id("p"), jen.Lit(m.Name), jen.Lit(rule.When.Member.Name), jen.Lit(conditionText(rule.When))),
			))
		case model.OnlyWhen:
			m := rule.Members[0]
			out = append(out, jen.If(isSet(m).Op("&&").Add(condition(rule.When, true))).Block(
				jen.Id("r").Dot("OnlyWhen").Call(jen.Id("p"), jen.Lit(m.Name), jen.Lit(rule.When.Member.Name), jen.Lit(conditionText(rule.When))),
			))
		}
	}
	return out
}

// exclusiveRule checks oneOf and atMostOneOf: which members are set goes in
// an array on the stack, counted by specrt.CountSet.
func exclusiveRule(rule *model.Rule) jen.Code {
	var set, names []jen.Code
	for _, m := range rule.Members {
		set = append(set, isSet(m))
		names = append(names, jen.Lit(m.Name))
	}
	slice := func() *jen.Statement { return jen.Id("set").Index(jen.Empty(), jen.Empty()) }
	count := rt("CountSet").Call(slice())
	report := "OneOf"
	if rule.Kind == model.OneOf {
		count = count.Op("!=").Lit(1)
	} else {
		count = count.Op(">").Lit(1)
		report = "AtMostOneOf"
	}
	return jen.If(
		jen.Id("set").Op(":=").Index(jen.Op("...")).Bool().Values(set...),
		count,
	).Block(jen.Id("r").Dot(report).Call(append([]jen.Code{jen.Id("p"), slice()}, names...)...))
}

// condition is the Go condition under which c holds, or, negated, does not
// hold. A member left out counts as its documented default. The result is
// parenthesized when it is a disjunction, so that callers can join it with
// &&.
func condition(c *model.Condition, negated bool) jen.Code {
	m := c.Member
	field := func() *jen.Statement { return jen.Id("v").Dot(m.GoName) }
	op := "=="
	if negated {
		op = "!="
	}
	if m.Shape.IsEnum() {
		cmp := field().Op(op).Id(enumConst(m.Shape, c.Equals.(string)))
		if !c.HoldsWhenUnset() {
			return cmp // an enum left out is "", never a value of the enum
		}
		if negated {
			return cmp.Op("&&").Add(field().Op("!=").Lit(""))
		}
		return jen.Parens(cmp.Op("||").Add(field().Op("==").Lit("")))
	}
	// Other members are pointers: compare the value pointed to.
	var cmp *jen.Statement
	switch v := c.Equals.(type) {
	case bool:
		cmp = jen.Op("*").Add(field())
		if v == negated {
			cmp = jen.Op("!*").Add(field())
		}
	case int64:
		cmp = jen.Op("*").Add(field()).Op(op).Id(strconv.FormatInt(v, 10))
	case string:
		cmp = jen.Op("*").Add(field()).Op(op).Lit(v)
	default:
		panic(fmt.Sprintf("golang: condition value %T", c.Equals))
	}
	// The value of the condition, negated or not, for a member left out.
	if whenUnset := c.HoldsWhenUnset() != negated; whenUnset {
		return jen.Parens(field().Op("==").Nil().Op("||").Add(cmp))
	}
	return field().Op("!=").Nil().Op("&&").Add(cmp)
}

// enumConst is the Go constant of enum value value of shape s.
func enumConst(s *model.Shape, value string) string {
	for _, e := range s.Enum {
		if e.Value == value {
			return e.GoName
		}
	}
	panic("golang: no enum value " + value + " in " + s.Name)
}

// conditionText is the compared value as messages show it.
func conditionText(c *model.Condition) string { return fmt.Sprint(c.Equals) }

// listRules checks the rules of list s (uniqueBy), after its elements.
func listRules(s *model.Shape) []jen.Code {
	var out []jen.Code
	for _, rule := range s.Rules {
		if rule.Kind != model.UniqueBy {
			continue
		}
		m := rule.Members[0]
		p := jen.Id("p")
		if s.Member.Sensitive || m.Shape.Sensitive {
			p = jen.Id("p").Dot("Redacted").Call()
		}
		field := jen.Id("v").Index(jen.Id("i")).Dot(m.GoName)
		var body []jen.Code
		if isPointer(m.Shape) {
			zero := jen.Lit("")
			if m.Shape.Kind != model.String {
				zero = jen.Lit(0)
			}
			body = []jen.Code{
				jen.If(jen.Id("k").Op(":=").Add(field), jen.Id("k").Op("!=").Nil()).Block(jen.Return(jen.Op("*").Id("k"), jen.True())),
				jen.Return(zero, jen.False()),
			}
		} else {
			body = []jen.Code{jen.Return(field, jen.Add(field).Op("!=").Lit(""))}
		}
		out = append(out, rt("UniqueBy").Call(jen.Id("r"), p, jen.Lit(m.Name), jen.Len(jen.Id("v")),
			jen.Func().Params(jen.Id("i").Int()).Params(goType(m.Shape), jen.Bool()).Block(body...)))
	}
	return out
}
