package golang

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/specgen/specgen/generator/model"
	"github.com/specgen/specgen/specrt/protocol/ident"
)

// protocolPkg is the package of the protocol interface, whose Body a
// payload decoder takes.
const protocolPkg = RuntimePath + "/protocol"

// emitClient writes client.go: the service's Client, its API interface, one
// method per operation and the registry that turns error codes into the
// typed errors of errors.go. The protocol itself (encoding, signing, retries,
// error resolution) lives in specrt.Client; a generated method only fills
// idempotency tokens and names its operation, so generated code stays small
// and a protocol fix is made once.
func emitClient(p *Package) *jen.File {
	if len(p.Operations) == 0 {
		return nil
	}
	f := newFile(p)
	emitClientTypes(f, p)
	emitServiceInfo(f, p)
	for _, op := range p.Operations {
		emitOperation(f, p, op)
		emitBinders(f, p, op)
	}
	emitDecoders(f, p)
	emitErrorRegistry(f, p)
	return f
}

// apiName is the name of the interface listing the service's operations.
const apiName = "API"

// opSignature is the parameter and result list of an operation method.
func opSignature(op *model.Operation) (params, results []jen.Code) {
	params = []jen.Code{
		jen.Id("ctx").Qual("context", "Context"),
		jen.Id("in").Op("*").Id(op.Input.GoName),
		jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id("Options")),
	}
	results = []jen.Code{jen.Op("*").Id(op.Output.GoName), jen.Error()}
	return params, results
}

func emitClientTypes(f *jen.File, p *Package) {
	f.Add(commentLines(comment(fmt.Sprintf("Options configures a Client: region, endpoint, HTTP client, credentials, " +
		"retries and client-side validation. It is specrt.Options, so the same options " +
		"configure the client of every generated service; see there for each field and its default."))))
	f.Type().Id("Options").Op("=").Add(rt("Options"))
	f.Line()

	f.Add(commentLines(comment(fmt.Sprintf("%s lists the operations of %s. *Client implements it; "+
		"code that depends on %s rather than *Client can be given a fake or a mock in tests.", apiName, p.Title, apiName))))
	var methods []jen.Code
	for i, op := range p.Operations {
		if i > 0 {
			methods = append(methods, jen.Line())
		}
		params, results := opSignature(op)
		methods = append(methods, commentLines(withDeprecation(docFor(op.Name, op.Doc, "calls the "+op.Name+" operation."), op.Deprecated, "operation")))
		methods = append(methods, jen.Id(op.Name).Params(params...).Params(results...))
	}
	f.Type().Id(apiName).Interface(methods...)
	f.Line()

	f.Add(commentLines(comment(fmt.Sprintf("Client calls %s over HTTP with the %s protocol, signing requests "+
		"with SigV4 as %q. Create it with New; it is safe for concurrent use.", p.Title, p.Protocol.Name, p.SigningName))))
	f.Type().Id("Client").Struct(jen.Id("rt").Op("*").Add(rt("Client")))
	f.Line()
	f.Var().Id("_").Id(apiName).Op("=").Parens(jen.Op("*").Id("Client")).Call(jen.Nil())
	f.Line()

	f.Add(commentLines(comment(fmt.Sprintf("New returns a Client configured by o and then by optFns, in order. "+
		"Without Options.BaseEndpoint it sends to https://%s.<Region>.amazonaws.com.", p.EndpointPrefix))))
	f.Func().Id("New").Params(jen.Id("o").Id("Options"), jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id("Options"))).Op("*").Id("Client").Block(
		jen.Return(jen.Op("&").Id("Client").Values(jen.Dict{
			jen.Id("rt"): rt("NewClient").Call(jen.Op("&").Id("service"), jen.Id("o"), jen.Id("optFns").Op("...")),
		})),
	)
	f.Line()
	f.Comment("Options returns a copy of the client's options, with defaults filled in.")
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id("Options").Params().Id("Options").Block(
		jen.Return(jen.Id("c").Dot("rt").Dot("Options").Call()),
	)
	f.Line()
}

// opVar is the name of the variable describing op to the protocol code.
func opVar(op *model.Operation) string { return op.VarName }

// hasBodyMembers reports whether any member of s travels in the body.
func hasBodyMembers(s *model.Shape) bool {
	for _, m := range s.Members {
		if m.Location == "" {
			return true
		}
	}
	return false
}

// requestBound are the members of input s that op's binder hands to the
// request: under a protocol with HTTP bindings every member outside the
// body, under the others only the labels of a host prefix (the members
// still travel in the body too).
func requestBound(p *Package, op *model.Operation) []*model.Member {
	var out []*model.Member
	for _, m := range op.Input.Members {
		if p.Protocol.HTTPBindings && m.Location != "" || m.HostLabel && op.HostPrefix != "" {
			out = append(out, m)
		}
	}
	return out
}

// responseBound are the members of an output or error read from the
// response's headers or status rather than its body.
func responseBound(s *model.Shape) []*model.Member {
	var out []*model.Member
	for _, m := range s.Members {
		switch m.Location {
		case model.LocHeader, model.LocHeaders, model.LocStatusCode:
			out = append(out, m)
		}
	}
	return out
}

func requestBinder(op *model.Operation) string  { return op.RequestBinder }
func responseBinder(op *model.Operation) string { return op.ResponseBinder }

func emitServiceInfo(f *jen.File, p *Package) {
	info := jen.Dict{
		jen.Id("Name"):           jen.Lit(p.Package),
		jen.Id("Protocol"):       jen.Lit(p.Protocol.Name),
		jen.Id("SigningName"):    jen.Lit(p.SigningName),
		jen.Id("EndpointPrefix"): jen.Lit(p.EndpointPrefix),
		jen.Id("NewError"):       jen.Id("newError"),
	}
	if p.APIVersion != "" {
		info[jen.Id("APIVersion")] = jen.Lit(p.APIVersion)
	}
	if p.XMLNamespace != "" {
		info[jen.Id("XMLNamespace")] = jen.Lit(p.XMLNamespace)
	}
	if p.QueryCompatible {
		info[jen.Id("QueryCompatible")] = jen.True()
	}
	if len(p.Operations) > 0 {
		info[jen.Id("WireShape")] = jen.Id("WireShape")
	}
	if p.Protocol.Targeted {
		info[jen.Id("TargetPrefix")] = jen.Lit(p.TargetPrefix)
	}
	f.Comment(fmt.Sprintf("service describes %s to the protocol code.", p.Title))
	f.Var().Id("service").Op("=").Add(rt("Service")).Values(info)
	f.Line()
	var defs []jen.Code
	for _, op := range p.Operations {
		d := jen.Dict{jen.Id("Name"): jen.Lit(op.Name)}
		if p.Protocol.HTTPBindings {
			d[jen.Id("Method")] = jen.Lit(op.Method)
			d[jen.Id("Path")] = jen.Lit(op.Path)
			if !hasBodyMembers(op.Input) {
				d[jen.Id("NoBody")] = jen.True()
			}
		} else if op.NoInput && !p.Protocol.AlwaysSendsBody {
			d[jen.Id("NoBody")] = jen.True()
		}
		if op.RequestCompression {
			d[jen.Id("Compress")] = jen.True()
		}
		if op.ChecksumRequired {
			d[jen.Id("ContentMD5")] = jen.True()
		}
		if op.HostPrefix != "" {
			d[jen.Id("HostPrefix")] = jen.Lit(op.HostPrefix)
		}
		if w := resultWrapper(op); w != "" {
			d[jen.Id("Wrapper")] = jen.Lit(w)
		}
		if len(requestBound(p, op)) > 0 {
			d[jen.Id("BindRequest")] = jen.Id(requestBinder(op))
		}
		if len(responseBound(op.Output)) > 0 {
			d[jen.Id("BindResponse")] = jen.Id(responseBinder(op))
		}
		if op.Input.SchemaVar != "" && op.Input.PayloadMember() == nil && (p.Protocol.AlwaysSendsBody || hasBodyMembers(op.Input)) {
			d[jen.Id("Input")] = jen.Op("&").Id(op.Input.SchemaVar)
		}
		if op.Output.PayloadMember() != nil {
			d[jen.Id("Decode")] = jen.Id(responseDecoder(op))
		} else {
			d[jen.Id("Output")] = jen.Op("&").Id(op.Output.SchemaVar)
		}
		defs = append(defs, jen.Id(opVar(op)).Op("=").Add(rt("Operation")).Values(d))
	}
	f.Comment("The operations, described to the protocol code.")
	f.Var().Defs(defs...)
	f.Line()
}

// tokenMembers are the idempotency-token members of an input.
func tokenMembers(s *model.Shape) []*model.Member {
	var out []*model.Member
	for _, m := range s.Members {
		if m.IdempotencyToken {
			out = append(out, m)
		}
	}
	return out
}

func emitOperation(f *jen.File, p *Package, op *model.Operation) {
	params, results := opSignature(op)
	doc := docFor(op.Name, op.Doc, "calls the "+op.Name+" operation.")
	var notes []string
	tokens := tokenMembers(op.Input)
	for _, m := range tokens {
		notes = append(notes, fmt.Sprintf("When in.%s is empty, it is filled with a random UUID (or Options.IdempotencyTokens), the same for every attempt; in itself is not modified.", m.GoName))
	}
	if len(op.Errors) > 0 {
		var names []string
		for _, e := range op.Errors {
			names = append(names, "*"+e.GoName)
		}
		notes = append(notes, fmt.Sprintf("The documented errors are %s; errors.As finds them in the returned error, which is a *specrt.OperationError.", strings.Join(names, ", ")))
	}
	notes = append(notes, "The input is validated first unless Options.DisableValidation is set; a *specrt.ValidationError is then returned without sending anything.")
	f.Add(commentLines(withDeprecation(doc+"\n\n"+comment(strings.Join(notes, " ")), op.Deprecated, "operation")))

	body := []jen.Code{
		jen.If(jen.Id("in").Op("==").Nil()).Block(jen.Id("in").Op("=").Op("&").Id(op.Input.GoName).Values()),
	}
	if len(tokens) > 0 {
		var cond *jen.Statement
		for i, m := range tokens {
			c := rt("NeedsToken").Call(jen.Id("in").Dot(m.GoName))
			if i == 0 {
				cond = c
			} else {
				cond = cond.Op("||").Add(c)
			}
		}
		fill := []jen.Code{
			jen.Id("cp").Op(":=").Op("*").Id("in"),
		}
		for _, m := range tokens {
			set := jen.Id("cp").Dot(m.GoName).Op("=").Id("c").Dot("rt").Dot("IdempotencyToken").Call()
			if len(tokens) == 1 {
				fill = append(fill, set)
				continue
			}
			fill = append(fill, jen.If(rt("NeedsToken").Call(jen.Id("cp").Dot(m.GoName))).Block(set))
		}
		fill = append(fill, jen.Id("in").Op("=").Op("&").Id("cp"))
		body = append(body, jen.If(cond).Block(fill...))
	}
	body = append(body,
		jen.Id("out").Op(":=").Op("&").Id(op.Output.GoName).Values(),
		jen.If(
			jen.Err().Op(":=").Id("c").Dot("rt").Dot("Invoke").Call(jen.Id("ctx"), jen.Op("&").Id(opVar(op)), jen.Id("in"), jen.Id("out"), jen.Id("optFns").Op("...")),
			jen.Err().Op("!=").Nil(),
		).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Return(jen.Id("out"), jen.Nil()),
	)
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id(op.Name).Params(params...).Params(results...).Block(body...)
	f.Line()
}

// emitBinders writes the functions that move op's HTTP-bound members
// between the Go values and the request or response.
func emitBinders(f *jen.File, p *Package, op *model.Operation) {
	if ms := requestBound(p, op); len(ms) > 0 {
		body := []jen.Code{jen.Id("v").Op(":=").Id("in").Assert(jen.Op("*").Id(op.Input.GoName))}
		for _, m := range ms {
			var host jen.Code
			if m.HostLabel && op.HostPrefix != "" {
				// check makes a host label a required string: a pointer.
				host = jen.Id("b").Dot("HostLabel").Call(jen.Lit(m.Name), jen.Op("*").Id("v").Dot(m.GoName))
			}
			switch {
			case p.Protocol.HTTPBindings && m.Location != "":
				body = append(body, bindRequestMember(p.Protocol, m, host))
			case host != nil:
				body = append(body, jen.If(jen.Id("v").Dot(m.GoName).Op("!=").Nil()).Block(host))
			}
		}
		f.Add(commentLines(comment(fmt.Sprintf("%s hands the members of a %s that travel outside the JSON body to b.", requestBinder(op), op.Input.GoName))))
		f.Func().Id(requestBinder(op)).Params(jen.Id("in").Any(), jen.Id("b").Op("*").Add(rt("RequestBinding"))).Block(body...)
		f.Line()
	}
	if ms := responseBound(op.Output); len(ms) > 0 {
		body := []jen.Code{jen.Id("v").Op(":=").Id("out").Assert(jen.Op("*").Id(op.Output.GoName))}
		for _, m := range ms {
			body = append(body, bindResponseMember("v", m))
		}
		f.Add(commentLines(comment(fmt.Sprintf("%s reads the members of a %s that travel in the status or headers.", responseBinder(op), op.Output.GoName))))
		f.Func().Id(responseBinder(op)).Params(jen.Id("out").Any(), jen.Id("status").Int(), jen.Id("h").Qual("net/http", "Header")).Block(body...)
		f.Line()
	}
}

// bindRequestMember is the statement that hands member m of input v to the
// request binding b, when it is set; host, when not nil, is the statement
// that also hands it to the host prefix (m is then a string). id is the
// service's protocol.
func bindRequestMember(id *ident.Identity, m *model.Member, host jen.Code) jen.Code {
	name := jen.Lit(m.LocationName)
	field := jen.Id("v").Dot(m.GoName)
	t := m.Shape
	switch {
	case m.Location == model.LocPayload:
		return bindPayload(id, m)
	case m.IsQueryMap() && t.Value.Kind == model.List:
		str, ok := formatValue(t.Value.Member, jen.Id("e"), m.Location)
		if !ok {
			return unsupported(m)
		}
		return jen.For(jen.List(jen.Id("k"), jen.Id("l")).Op(":=").Range().Add(field)).Block(
			jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Id("l")).Block(
				jen.Id("b").Dot("QueryParam").Call(jen.Id("k"), str)))
	case m.IsQueryMap() || m.Location == model.LocHeaders:
		str, ok := formatValue(t.Value, jen.Id("e"), m.Location)
		if !ok {
			return unsupported(m)
		}
		call := jen.Id("b").Dot("QueryParam").Call(jen.Id("k"), str)
		if m.Location == model.LocHeaders {
			call = jen.Id("b").Dot("Header").Call(jen.Lit(m.LocationName).Op("+").Id("k"), str)
		}
		return jen.For(jen.List(jen.Id("k"), jen.Id("e")).Op(":=").Range().Add(field)).Block(call)
	case t.Kind == model.List && m.Location == model.LocHeader:
		// An empty list, not nil, is sent as an empty header
		// (RestJsonNullAndEmptyHeaders).
		if t.Member.Kind == model.String && !t.Member.IsEnum() {
			return jen.If(field.Clone().Op("!=").Nil()).Block(jen.Id("b").Dot("HeaderList").Call(name, field))
		}
		str, ok := formatValue(t.Member, jen.Id("e"), m.Location)
		if !ok {
			return unsupported(m)
		}
		send := jen.Id("b").Dot("HeaderList").Call(name, jen.Id("l"))
		if t.Member.Kind == model.Timestamp {
			// HTTP dates hold commas of their own: they go unquoted, as
			// the receiver splits them (specrt.SplitHeaderDates).
			send = jen.Id("b").Dot("Header").Call(name, rt("JoinHeaderDates").Call(jen.Id("l")))
		}
		return jen.If(field.Clone().Op("!=").Nil()).Block(
			jen.Id("l").Op(":=").Make(jen.Index().String(), jen.Lit(0), jen.Len(field.Clone())),
			jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Add(field.Clone())).Block(
				jen.Id("l").Op("=").Append(jen.Id("l"), str)),
			send,
		)
	case t.Kind == model.List:
		str, ok := formatValue(t.Member, jen.Id("e"), m.Location)
		if !ok {
			return unsupported(m)
		}
		return jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Add(field)).Block(
			jen.Id("b").Dot("Query").Call(name, str),
		)
	}
	method := map[string]string{model.LocURI: "Label", model.LocQuery: "Query", model.LocHeader: "Header"}[m.Location]
	value := field.Clone()
	var cond *jen.Statement
	switch {
	case isPointer(t):
		cond = field.Clone().Op("!=").Nil()
		value = jen.Op("*").Add(field.Clone())
	case t.IsEnum():
		cond = field.Clone().Op("!=").Lit("")
	default:
		cond = jen.Len(field.Clone()).Op(">").Lit(0)
	}
	str, ok := formatValue(t, value, m.Location)
	if !ok {
		return unsupported(m)
	}
	if f := m.BoundTimeFormat(); f != "" {
		str = rt("FormatTimeAs").Call(value, jen.Lit(f))
	}
	if m.JSONValue {
		str = rt("JSONHeader").Call(str)
	}
	block := []jen.Code{jen.Id("b").Dot(method).Call(name, str)}
	if host != nil {
		block = append([]jen.Code{host}, block...)
	}
	return jen.If(cond).Block(block...)
}

// locationNote says where member m travels, for its doc comment; "" for
// the JSON body.
func locationNote(m *model.Member) string {
	if m.HostLabel {
		note := "It also fills {" + m.Name + "} in the host name the request is sent to (see Options.DisableHostPrefix)."
		if where := locationNote(&model.Member{Location: m.Location, LocationName: m.LocationName, Shape: m.Shape, JSONValue: m.JSONValue}); where != "" {
			note = where + " " + note
		}
		return note
	}
	switch {
	case m.Location == model.LocHeader && m.JSONValue:
		return fmt.Sprintf("It travels in the %s header, as base64-encoded JSON.", m.LocationName)
	case m.Location == model.LocHeader:
		return fmt.Sprintf("It travels in the %s header.", m.LocationName)
	case m.Location == model.LocHeaders:
		return fmt.Sprintf("Each entry travels in a header named %s followed by its key; keys are read back in lower case.", m.LocationName)
	case m.IsQueryMap():
		return "Each entry travels as a query parameter named by its key, unless another member binds that name."
	case m.Location == model.LocQuery:
		return fmt.Sprintf("It travels as the %s query parameter.", m.LocationName)
	case m.Location == model.LocURI:
		return fmt.Sprintf("It travels in the request path as {%s}.", m.LocationName)
	case m.Location == model.LocStatusCode:
		return "It is the HTTP status of the response."
	case m.Location == model.LocPayload:
		return "It is the whole body of the message."
	}
	return ""
}

// payloadContentType is the Content-Type of a payload of shape s under
// protocol id when the model says nothing else, as Smithy's defaults are: a
// structure in the protocol's own media type.
func payloadContentType(id *ident.Identity, s *model.Shape) string {
	switch s.Kind {
	case model.Blob:
		return "application/octet-stream"
	case model.String:
		return "text/plain"
	case model.Structure:
		return id.ContentType
	}
	return "application/json"
}

// bindPayload is the statement that makes payload member m of input v the
// request body: a structure as the protocol's body codec writes it, a blob
// as it is, a string as its text. An unset member sends no body, except a
// structure that is not a union under a JSON protocol, which is sent as {}
// (RestJsonHttpWithEmptyStructurePayload).
func bindPayload(id *ident.Identity, m *model.Member) jen.Code {
	field := jen.Id("v").Dot(m.GoName)
	ct := jen.Lit(payloadContentType(id, m.Shape))
	switch m.Shape.Kind {
	case model.Structure:
		shape := jen.Op("&").Id(m.Shape.SchemaVar)
		if m.PayloadSchemaVar != "" {
			shape = jen.Id(m.PayloadSchemaVar)
		}
		set := jen.If(field.Clone().Op("!=").Nil()).Block(jen.Id("b").Dot("StructPayload").Call(shape, field, ct))
		if m.Shape.Union || !id.JSONBody {
			return set
		}
		return set.Else().Block(jen.Id("b").Dot("Payload").Call(jen.Index().Byte().Call(jen.Lit("{}")), ct))
	case model.Document:
		return jen.If(field.Clone().Op("!=").Nil()).Block(jen.Id("b").Dot("JSONPayload").Call(field, ct))
	case model.Blob:
		return jen.Id("b").Dot("Payload").Call(field, ct)
	case model.String:
		if m.Shape.IsEnum() {
			return jen.If(field.Clone().Op("!=").Lit("")).Block(
				jen.Id("b").Dot("Payload").Call(jen.Index().Byte().Call(field.Clone()), ct))
		}
		return jen.If(field.Clone().Op("!=").Nil()).Block(
			jen.Id("b").Dot("Payload").Call(jen.Index().Byte().Call(jen.Op("*").Add(field.Clone())), ct))
	}
	return unsupported(m)
}

// formatValue is the string form of x, a value of scalar shape s, in the
// given location, as restJson1 writes it.
func formatValue(s *model.Shape, x *jen.Statement, location string) (jen.Code, bool) {
	switch s.Kind {
	case model.String:
		if s.IsEnum() {
			return jen.String().Call(x), true
		}
		return x, true
	case model.Integer:
		return jen.Qual("strconv", "FormatInt").Call(jen.Int64().Call(x), jen.Lit(10)), true
	case model.Long:
		return jen.Qual("strconv", "FormatInt").Call(x, jen.Lit(10)), true
	case model.Float:
		return rt("FormatWireFloat").Call(jen.Float64().Call(x), jen.Lit(32)), true
	case model.Double:
		return rt("FormatWireFloat").Call(x, jen.Lit(64)), true
	case model.Boolean:
		return jen.Qual("strconv", "FormatBool").Call(x), true
	case model.Timestamp:
		if location == model.LocHeader {
			return rt("FormatHeaderTime").Call(x), true
		}
		return rt("FormatQueryTime").Call(x), true
	}
	return nil, false
}

// unsupported stops generation at a binding the spec check refuses (a map,
// a blob or a structure outside the body): emitting a comment instead would
// drop the member silently.
func unsupported(m *model.Member) jen.Code {
	panic(fmt.Sprintf("golang: member %s (%s %s) is a %s, which spec.Load refuses in a binding", m.Name, m.Location, m.LocationName, m.Shape.Kind))
}

// bindResponseMember is the statement that sets member m of recv (an error
// or an output) from the response status or headers h.
func bindResponseMember(recv string, m *model.Member) jen.Code {
	name := jen.Lit(m.LocationName)
	target := jen.Id(recv).Dot(m.GoName)
	set := func(fn string) jen.Code {
		return target.Clone().Op("=").Add(rt(fn)).Call(jen.Id("h"), name)
	}
	t := m.Shape
	switch {
	case m.Location == model.LocStatusCode:
		return target.Clone().Op("=").Add(rt("StatusCode")).Call(jen.Id("status"))
	case m.Location == model.LocHeaders:
		return set("HeaderMap")
	case t.Kind == model.List && t.Member.IsEnum():
		return jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Add(rt("HeaderValues")).Call(jen.Id("h"), name)).Block(
			target.Clone().Op("=").Append(target.Clone(), jen.Id(t.Member.GoName).Call(jen.Id("e"))))
	case t.Kind == model.List:
		return set(headerListReader[t.Member.Kind])
	case m.JSONValue:
		return set("HeaderJSON")
	case t.IsEnum():
		return target.Clone().Op("=").Id(t.GoName).Call(jen.Id("h").Dot("Get").Call(name))
	case t.Kind == model.String:
		return set("HeaderString")
	case t.Kind == model.Integer:
		return set("HeaderInt32")
	case t.Kind == model.Long:
		return set("HeaderInt64")
	case t.Kind == model.Float:
		return set("HeaderFloat32")
	case t.Kind == model.Double:
		return set("HeaderFloat64")
	case t.Kind == model.Boolean:
		return set("HeaderBool")
	case t.Kind == model.Timestamp && m.BoundTimeFormat() != "":
		return target.Clone().Op("=").Add(rt("HeaderTimeAs")).Call(jen.Id("h"), name, jen.Lit(m.BoundTimeFormat()))
	case t.Kind == model.Timestamp:
		return set("HeaderTime")
	}
	return unsupported(m)
}

// headerListReader names the specrt function that reads a header list of
// each element kind; spec.Load refuses the others.
var headerListReader = map[model.Kind]string{
	model.String: "HeaderValues", model.Integer: "HeaderInt32List", model.Long: "HeaderInt64List",
	model.Float: "HeaderFloat32List", model.Double: "HeaderFloat64List", model.Boolean: "HeaderBoolList",
	model.Timestamp: "HeaderTimeList",
}

// emitErrorRegistry writes newError, which the protocol code calls with the
// sanitized code of an error response. Every error shape of the service is
// known, not only the operation's documented ones: a service that answers
// with another of its errors still gives the caller a typed value.
func emitErrorRegistry(f *jen.File, p *Package) {
	es := errorShapes(p)
	sort.Slice(es, func(i, j int) bool { return es[i].Error.Code < es[j].Error.Code })
	var cases []jen.Code
	for _, s := range es {
		var binds []jen.Code
		for _, m := range s.Members {
			if m.Location == model.LocHeader || m.Location == model.LocHeaders {
				binds = append(binds, bindResponseMember("e", m))
			}
		}
		if len(binds) == 0 {
			cases = append(cases, jen.Case(jen.Lit(s.Error.Code)).Block(
				jen.Return(jen.Op("&").Id(s.GoName).Values()),
			))
			continue
		}
		block := []jen.Code{jen.Id("e").Op(":=").Op("&").Id(s.GoName).Values()}
		block = append(block, binds...)
		block = append(block, jen.Return(jen.Id("e")))
		cases = append(cases, jen.Case(jen.Lit(s.Error.Code)).Block(block...))
	}
	f.Add(commentLines(comment(fmt.Sprintf("newError returns an empty typed error for an error code of %s, with its "+
		"header members read from h, for the protocol code to decode the body into; nil for a code the spec "+
		"does not define.", p.Title))))
	var body []jen.Code
	if len(cases) > 0 {
		body = append(body, jen.Switch(jen.Id("code")).Block(cases...))
	} else {
		body = append(body, jen.Id("_").Op(",").Id("_").Op("=").Id("code").Op(",").Id("h"))
	}
	body = append(body, jen.Return(jen.Nil()))
	f.Func().Id("newError").Params(jen.Id("code").String(), jen.Id("h").Qual("net/http", "Header")).Add(rt("APIError")).Block(body...)
}

func responseDecoder(op *model.Operation) string { return op.ResponseDecoder }

// emitDecoders writes the decoders of the responses whose body is a payload
// member; every other response body is decoded by the protocol's body
// codec from the output's schema (schemas.go).
func emitDecoders(f *jen.File, p *Package) {
	for _, op := range p.Operations {
		if pm := op.Output.PayloadMember(); pm != nil {
			emitPayloadDecoder(f, op, pm)
		}
	}
}

// emitPayloadDecoder writes the decoder of a response whose body is the
// output's payload member pm: a structure decoded by the protocol's body
// codec, a blob
// copied (data is the client's buffer, reused by later calls), a string.
func emitPayloadDecoder(f *jen.File, op *model.Operation, pm *model.Member) {
	target := jen.Id("out").Assert(jen.Op("*").Id(op.Output.GoName)).Dot(pm.GoName)
	var body []jen.Code
	codec := jen.Id("_") // the protocol's body codec, which only a structure needs
	switch pm.Shape.Kind {
	case model.Structure:
		codec = jen.Id("body")
		body = []jen.Code{
			jen.Id("v").Op(":=").New(jen.Id(pm.Shape.GoName)),
			jen.Id("err").Op(":=").Id("body").Dot("Unmarshal").Call(jen.Id("data"), jen.Op("&").Id(pm.Shape.SchemaVar), jen.Id("v")),
			target.Clone().Op("=").Id("v"),
			jen.Return(jen.Id("err")),
		}
	case model.Blob:
		body = []jen.Code{
			target.Clone().Op("=").Append(jen.Index().Byte().Call(jen.Nil()), jen.Id("data").Op("...")),
			jen.Return(jen.Nil()),
		}
	case model.Document:
		body = []jen.Code{
			jen.List(jen.Id("d"), jen.Err()).Op(":=").Add(rt("PayloadDocument")).Call(jen.Id("data")),
			target.Clone().Op("=").Id("d"),
			jen.Return(jen.Err()),
		}
	case model.String:
		if pm.Shape.IsEnum() {
			body = []jen.Code{
				target.Clone().Op("=").Id(pm.Shape.GoName).Call(jen.String().Call(jen.Id("data"))),
				jen.Return(jen.Nil()),
			}
			break
		}
		body = []jen.Code{
			jen.Id("s").Op(":=").String().Call(jen.Id("data")),
			target.Clone().Op("=").Op("&").Id("s"),
			jen.Return(jen.Nil()),
		}
	default:
		unsupported(pm)
	}
	f.Add(commentLines(comment(fmt.Sprintf("%s reads the body of a %s response, the payload %s, into out, a *%s.", responseDecoder(op), op.Name, pm.GoName, op.Output.GoName))))
	f.Func().Id(responseDecoder(op)).Params(codec.Qual(protocolPkg, "Body"), jen.Id("data").Index().Byte(), jen.Id("out").Any()).Error().Block(body...)
	f.Line()
}

// messageAlias is the other spelling under which an error's message member
// may arrive ("Message" for "message" and the reverse), as the AWS SDKs
// accept it; "" for any other member. Every other name is matched exactly.
func messageAlias(s *model.Shape, m *model.Member) string {
	if s.Error == nil || messageMember(s) != m {
		return ""
	}
	for _, alt := range []string{"message", "Message"} {
		if alt != m.Name && strings.EqualFold(alt, m.Name) {
			for _, other := range s.Members {
				if other.Name == alt {
					return "" // a member of its own
				}
			}
			return alt
		}
	}
	return ""
}

// resultWrapper is the element wrapping an awsQuery or ec2Query response's
// members when it is not the protocols' default, <Name>Result; "" when it
// is the default or the operation names none.
func resultWrapper(op *model.Operation) string {
	if op.ResultWrapper == op.Name+"Result" {
		return ""
	}
	return op.ResultWrapper
}
