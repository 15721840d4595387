package golang

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/specgen/specgen/generator/model"
)

const smithyPath = "github.com/aws/smithy-go"

func errorShapes(p *Package) []*model.Shape {
	var out []*model.Shape
	for _, s := range p.Shapes {
		if s.Error != nil {
			out = append(out, s)
		}
	}
	return out
}

// messageMember is the member that carries an error's message, if any.
func messageMember(s *model.Shape) *model.Member {
	for _, m := range s.Members {
		if strings.EqualFold(m.Name, "message") && m.Shape.Kind == model.String {
			return m
		}
	}
	return nil
}

// emitErrors declares a type per error shape. Each implements
// specrt.APIError (and so smithy.APIError), carries its modelled members,
// and the metadata of the response that brought it.
func emitErrors(p *Package) *jen.File {
	es := errorShapes(p)
	if len(es) == 0 {
		return nil
	}
	f := newFile(p)
	f.ImportName(smithyPath, "smithy")
	var asserts []jen.Code
	for _, s := range es {
		id := s.GoName
		recv := jen.Id("e").Op("*").Id(id)
		f.Add(commentLines(withDeprecation(docFor(id, s.Doc, fmt.Sprintf("is the %s error.", s.Error.Code)), s.Deprecated, "error")))
		fs := fields(s)
		if len(fs) > 0 {
			fs = append(fs, jen.Line())
		}
		fs = append(fs, jen.Comment("Metadata describes the response that carried the error."))
		fs = append(fs, jen.Id("Metadata").Add(rt("ErrorMetadata")))
		f.Type().Id(id).Struct(fs...)
		f.Line()

		f.Add(commentLines("Error returns the error code and message."))
		f.Func().Params(recv.Clone()).Id("Error").Params().String().Block(
			jen.Return(rt("FormatAPIError").Call(jen.Id("e").Dot("ErrorCode").Call(), jen.Id("e").Dot("ErrorMessage").Call())),
		)
		f.Line()
		if p.QueryCompatible {
			// As the AWS SDKs do, the code the service's awsQuery API
			// answers, which the client read from x-amzn-query-error,
			// replaces the shape's.
			f.Add(commentLines(fmt.Sprintf("ErrorCode returns the error's code on the wire, %q, or the awsQuery code the response's x-amzn-query-error header gave.", s.Error.Code)))
			f.Func().Params(recv.Clone()).Id("ErrorCode").Params().String().Block(
				jen.If(jen.Id("e").Dot("Metadata").Dot("QueryCode").Op("!=").Lit("")).Block(jen.Return(jen.Id("e").Dot("Metadata").Dot("QueryCode"))),
				jen.Return(jen.Lit(s.Error.Code)),
			)
		} else {
			f.Add(commentLines(fmt.Sprintf("ErrorCode returns the error's code on the wire, %q.", s.Error.Code)))
			f.Func().Params(recv.Clone()).Id("ErrorCode").Params().String().Block(jen.Return(jen.Lit(s.Error.Code)))
		}
		f.Line()
		f.Add(commentLines("ErrorMessage returns the message the service gave, if any."))
		if m := messageMember(s); m != nil && m.Shape.IsEnum() {
			// An enum member is a string type held by value.
			f.Func().Params(recv.Clone()).Id("ErrorMessage").Params().String().Block(
				jen.Return(jen.String().Call(jen.Id("e").Dot(m.GoName))),
			)
		} else if m != nil {
			f.Func().Params(recv.Clone()).Id("ErrorMessage").Params().String().Block(
				jen.If(jen.Id("e").Dot(m.GoName).Op("==").Nil()).Block(jen.Return(jen.Lit(""))),
				jen.Return(jen.Op("*").Id("e").Dot(m.GoName)),
			)
		} else {
			f.Func().Params(recv.Clone()).Id("ErrorMessage").Params().String().Block(jen.Return(jen.Lit("")))
		}
		f.Line()
		fault, who := "FaultClient", "the request"
		if s.Error.Fault == "server" {
			fault, who = "FaultServer", "the service"
		}
		f.Add(commentLines(fmt.Sprintf("ErrorFault reports that %s is at fault.", who)))
		f.Func().Params(recv.Clone()).Id("ErrorFault").Params().Qual(smithyPath, "ErrorFault").Block(jen.Return(jen.Qual(smithyPath, fault)))
		f.Line()
		f.Add(commentLines(fmt.Sprintf("HTTPStatusCode returns the error's documented HTTP status, %d.", s.Error.Status)))
		f.Func().Params(recv.Clone()).Id("HTTPStatusCode").Params().Int().Block(jen.Return(jen.Lit(s.Error.Status)))
		f.Line()
		emitRetryTraits(f, s)
		f.Add(commentLines("ErrorMetadata returns the metadata of the response, for the client to fill in."))
		f.Func().Params(recv.Clone()).Id("ErrorMetadata").Params().Op("*").Add(rt("ErrorMetadata")).Block(jen.Return(jen.Op("&").Id("e").Dot("Metadata")))
		f.Line()
		asserts = append(asserts, jen.Id("_").Add(rt("APIError")).Op("=").Parens(jen.Op("*").Id(id)).Call(jen.Nil()))
	}
	f.Add(commentLines("Every error type implements specrt.APIError."))
	f.Var().Defs(asserts...)
	return f
}

// emitRetryTraits gives an error the model marks retryable or throttling
// the methods through which the client's retry logic learns it
// (specrt.RetryableError, specrt.ThrottlingError), and one with an awsQuery
// code the method that returns it.
func emitRetryTraits(f *jen.File, s *model.Shape) {
	recv := jen.Id("e").Op("*").Id(s.GoName)
	if s.Error.Retryable {
		f.Add(commentLines("RetryableError reports that the service documents the error as worth another attempt; the client retries it."))
		f.Func().Params(recv.Clone()).Id("RetryableError").Params().Bool().Block(jen.Return(jen.True()))
		f.Line()
	}
	if s.Error.Throttling {
		f.Add(commentLines("ThrottlingError reports that the error asks the caller to slow down; the client retries it as throttling."))
		f.Func().Params(recv.Clone()).Id("ThrottlingError").Params().Bool().Block(jen.Return(jen.True()))
		f.Line()
	}
	if s.Error.QueryCode != "" {
		f.Add(commentLines(fmt.Sprintf("ErrorQueryCode returns the error's code under the awsQuery protocol, %q.", s.Error.QueryCode)))
		f.Func().Params(recv.Clone()).Id("ErrorQueryCode").Params().String().Block(jen.Return(jen.Lit(s.Error.QueryCode)))
		f.Line()
	}
}
