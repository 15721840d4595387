package golang

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/specgen/specgen/generator/model"
)

// structures returns the service's structure shapes that are not errors,
// sorted by Go name.
func structures(p *Package) []*model.Shape {
	var out []*model.Shape
	for _, s := range p.Shapes {
		if s.Kind == model.Structure && s.Error == nil {
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].GoName < out[j].GoName })
	return out
}

func emitTypes(p *Package) *jen.File {
	shapes := structures(p)
	if len(shapes) == 0 {
		return nil
	}
	f := newFile(p)
	for _, s := range shapes {
		f.Add(commentLines(structDoc(p, s)))
		f.Type().Id(s.GoName).Struct(fields(s)...)
		f.Line()
		emitRedaction(f, s)
	}
	return f
}

// structDoc is the doc comment of a structure type.
func structDoc(p *Package, s *model.Shape) string {
	for _, op := range p.Operations {
		switch s {
		case op.Input:
			return docFor(s.GoName, "", fmt.Sprintf("is the input of %s.", op.Name))
		case op.Output:
			return docFor(s.GoName, "", fmt.Sprintf("is the output of %s.", op.Name))
		}
	}
	doc := docFor(s.GoName, s.Doc, "is a structure of the "+p.Title+" API.")
	if s.Union {
		// A struct of pointers, not an interface with a type per member as
		// the AWS SDK for Go v2 has: it is the shape of every other
		// structure, encodes and validates with the same code and no
		// allocation, and Validate enforces the one member.
		doc += "\n\n" + comment("It is a union: exactly one member must be set.")
	}
	return withDeprecation(doc, s.Deprecated, "type")
}

// fields declares the members of a structure, each with its doc comment.
func fields(s *model.Shape) []jen.Code {
	var out []jen.Code
	for i, m := range s.Members {
		if i > 0 {
			out = append(out, jen.Line())
		}
		out = append(out, commentLines(memberDoc(m)))
		out = append(out, jen.Id(m.GoName).Add(FieldType(m)).Tag(fieldTags(m)))
	}
	return out
}

// fieldTags are the struct tags of member m: only the redaction mark
// (specrt.Format, specrt.LogValue). Wire names and timestamp formats are
// the protocol's model data (schemas.go), not tags of one encoding.
func fieldTags(m *model.Member) map[string]string {
	if redactsField(m.Shape) {
		return map[string]string{"specgen": "sensitive"}
	}
	return nil
}

// memberDoc is the doc comment of a member: its text, then what the spec
// says about it that a caller needs to know.
func memberDoc(m *model.Member) string {
	text := m.Doc
	if text == "" {
		text = m.Shape.Doc
	}
	var notes []string
	if m.Required {
		notes = append(notes, "This member is required.")
	}
	if m.Default != nil {
		notes = append(notes, fmt.Sprintf("The service's default is %v.", m.Default))
	}
	if m.IdempotencyToken {
		notes = append(notes, "When it is empty, the client fills it with a random UUID.")
	}
	if note := locationNote(m); note != "" {
		notes = append(notes, note)
	}
	if redactsField(m.Shape) {
		notes = append(notes, "It is sensitive: its value never appears in errors, String, %v or slog output.")
	}
	if src := m.Shape.UnenforcedPattern; src != "" {
		notes = append(notes, fmt.Sprintf("The pattern %s is documented but not enforced.", src))
	}
	if f := bodyTimeFormat(m); f != "" && m.Shape.Kind == model.Timestamp {
		notes = append(notes, fmt.Sprintf("It travels as %s.", timestampFormatNames[f]))
	} else if f != "" {
		notes = append(notes, fmt.Sprintf("Its timestamps travel as %s.", timestampFormatNames[f]))
	}
	doc := docFor(m.GoName, text, "is the "+m.Name+" member.")
	if len(notes) > 0 {
		doc += "\n\n" + comment(strings.Join(notes, " "))
	}
	d := m.Deprecated
	if d == nil && m.Shape.GoName == "" {
		d = m.Shape.Deprecated // an inlined shape's deprecation shows on its members
	}
	return withDeprecation(doc, d, "member")
}

// bodyTimeFormat is the format of the timestamps a body member holds, itself
// or as the elements of a list or map (their shape's format), when it is
// not epoch seconds; "" otherwise.
func bodyTimeFormat(m *model.Member) string {
	if m.Location != "" {
		return ""
	}
	f := m.TimestampFormat
	switch s := m.Shape; {
	case s.Kind == model.List && s.Member.Kind == model.Timestamp:
		f = s.Member.TimestampFormat
	case s.Kind == model.Map && s.Value.Kind == model.Timestamp:
		f = s.Value.TimestampFormat
	}
	if f == model.EpochSecondsFormat {
		return ""
	}
	return f
}

// timestampFormatNames describe the timestamp formats in member docs.
var timestampFormatNames = map[string]string{
	model.ISO8601Format:  "an ISO 8601 date-time string",
	model.HTTPDateFormat: "an HTTP date string",
}

// redactsField reports whether a member of shape s is printed as [sensitive]
// as a whole: the shape is sensitive, or it is a list or map of sensitive
// values. Structures inside are left to redact their own members.
func redactsField(s *model.Shape) bool {
	switch {
	case s.Sensitive:
		return true
	case s.Kind == model.List:
		return redactsField(s.Member)
	case s.Kind == model.Map:
		return redactsField(s.Key) || redactsField(s.Value)
	}
	return false
}

// emitRedaction gives structures that can hold sensitive values String,
// Format and LogValue methods that print [sensitive] in their place.
func emitRedaction(f *jen.File, s *model.Shape) {
	if !s.HoldsSensitive {
		return
	}
	id := s.GoName
	f.Add(commentLines("String returns v as %+v prints it, with sensitive members redacted."))
	f.Func().Params(jen.Id("v").Id(id)).Id("String").Params().String().Block(
		jen.Return(jen.Qual("fmt", "Sprintf").Call(jen.Lit("%+v"), jen.Id("v"))),
	)
	f.Line()
	f.Add(commentLines("Format implements fmt.Formatter, so that fmt never prints sensitive members."))
	f.Func().Params(jen.Id("v").Id(id)).Id("Format").Params(jen.Id("st").Qual("fmt", "State"), jen.Id("verb").Rune()).Block(
		rt("Format").Call(jen.Id("st"), jen.Id("verb"), jen.Id("v")),
	)
	f.Line()
	f.Add(commentLines("LogValue implements slog.LogValuer, so that log output never holds sensitive members."))
	f.Func().Params(jen.Id("v").Id(id)).Id("LogValue").Params().Qual("log/slog", "Value").Block(
		jen.Return(rt("LogValue").Call(jen.Id("v"))),
	)
	f.Line()
}
