// Package queryproto is what awsQuery and ec2Query share: every request is
// POST / with a form body naming the operation (Action) and the API version
// (Version), encoded by package querywire; every answer is XML, its content
// through package xmlwire inside an envelope of the protocol's. The two
// differ in the keys of the form (querywire's dialects) and in their
// envelopes:
//
//	awsQuery  <OpResponse xmlns=NS><OpResult>members</OpResult>
//	            <ResponseMetadata><RequestId>id</RequestId></ResponseMetadata></OpResponse>
//	          <ErrorResponse><Error><Type>Sender</Type><Code/><Message/>members</Error>
//	            <RequestId>id</RequestId></ErrorResponse>
//	ec2Query  <OpResponse xmlns=NS><requestId>id</requestId>members</OpResponse>
//	          <Response><Errors><Error><Code/><Message/>members</Error></Errors>
//	            <RequestID>id</RequestID></Response>
//
// Packages awsquery and ec2query each hold one Protocol of this package.
package queryproto

import (
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"unsafe"

	"github.com/specgen/specgen/specrt/protocol"
	"github.com/specgen/specgen/specrt/protocol/ident"
	"github.com/specgen/specgen/specrt/protocol/internal/xmlbody"
	"github.com/specgen/specgen/specrt/querywire"
	"github.com/specgen/specgen/specrt/schema"
	"github.com/specgen/specgen/specrt/xmlwire"
)

// Protocol is awsQuery or ec2Query.
type Protocol struct {
	id      *ident.Identity
	dialect querywire.Dialect
	// contentType is one header value slice shared by every request:
	// nothing on the way to the wire modifies header values in place.
	contentType []string
}

// New returns the protocol of identity id, whose forms are in dialect d
// and whose envelopes are ec2Query's when d is querywire.EC2Query.
func New(id *ident.Identity, d querywire.Dialect) *Protocol {
	return &Protocol{id: id, dialect: d, contentType: []string{id.ContentType}}
}

var _ protocol.Protocol = (*Protocol)(nil)

// ec2 reports whether the envelopes are ec2Query's.
func (p *Protocol) ec2() bool { return p.dialect == querywire.EC2Query }

// Identity implements protocol.Protocol.
func (p *Protocol) Identity() *ident.Identity { return p.id }

// Body implements protocol.Protocol: a bare body is XML, as the protocol's
// answers are.
func (*Protocol) Body() protocol.Body { return xmlbody.Codec{} }

// RequestLine implements protocol.Protocol: always POST /.
func (*Protocol) RequestLine(string, protocol.Route) (string, string) { return http.MethodPost, "/" }

// SetRequestHeaders implements protocol.Protocol: the form's content type;
// the operation is in the body.
func (p *Protocol) SetRequestHeaders(h http.Header, _, _ string) { h["Content-Type"] = p.contentType }

// EncodeRequest implements protocol.Protocol: Action and Version, then the
// input's members. An input without a shape must be nil: the form cannot
// be guessed from a Go value.
func (p *Protocol) EncodeRequest(m *protocol.Message, s *schema.Shape, v any) ([]byte, error) {
	if s == nil {
		if !isNil(v) {
			return nil, fmt.Errorf("%s: the input of %s has no shape", p.id.Name, m.Operation)
		}
		v = nil
	}
	return querywire.Marshal(p.dialect, m.Operation, m.Version, s, v)
}

// isNil reports whether v is nil or a nil pointer.
func isNil(v any) bool {
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	return rv.Kind() == reflect.Pointer && rv.IsNil()
}

// DecodeRequest implements protocol.Protocol: the form's members, strictly
// (querywire.Unmarshal); Action and Version were read by the router.
func (p *Protocol) DecodeRequest(_ *protocol.Message, data []byte, s *schema.Shape, v any) error {
	if s == nil {
		// No input members: the form must still be well-formed and name
		// nothing else.
		return querywire.Unmarshal(p.dialect, data, &noMembers, &struct{}{})
	}
	return querywire.Unmarshal(p.dialect, data, s, v)
}

// noMembers is the shape of an input without members.
var noMembers = schema.Shape{Kind: schema.KindStruct, Type: (*struct{})(nil)}

// responseName is the root element of a success response to op.
func responseName(op string) string { return op + "Response" }

// resultName is the element an awsQuery response's members are wrapped in.
func resultName(m *protocol.Message) string {
	if m.Wrapper != "" {
		return m.Wrapper
	}
	return m.Operation + "Result"
}

// DecodeResponse implements protocol.Protocol: awsQuery's members are in
// <OpResult> (or the operation's wrapper) under <OpResponse>, ec2Query's
// directly under <OpResponse>. A response without its result element is an
// empty output; a document of another root is an error.
func (p *Protocol) DecodeResponse(m *protocol.Message, data []byte, s *schema.Shape, v any) error {
	root := responseName(m.Operation)
	if s == nil {
		s, v = &noMembers, &struct{}{}
	}
	path := []string{root}
	if !p.ec2() {
		path = append(path, resultName(m))
	}
	found, err := xmlwire.UnmarshalPath(data, path, s, v)
	if err != nil || found {
		return err
	}
	if !p.ec2() {
		if found, err = xmlwire.UnmarshalPath(data, path[:1], &noMembers, &struct{}{}); err != nil || found {
			return err
		}
	}
	return fmt.Errorf("%s: the response is not a <%s> element", p.id.Name, root)
}

// ec2Error is ec2Query's <Response>, ec2Errors its <Errors> and
// ec2ErrorDetail one <Error>.
type (
	ec2Error struct {
		Errors    *ec2Errors
		RequestID *string
	}
	ec2Errors      struct{ Error []ec2ErrorDetail }
	ec2ErrorDetail struct{ Code, Message *string }
)

var (
	ec2ErrorDetailShape = schema.Shape{Kind: schema.KindStruct, Type: (*ec2ErrorDetail)(nil), Members: []schema.Member{
		{Name: "Code", Offset: unsafe.Offsetof(ec2ErrorDetail{}.Code), Shape: &schema.String},
		{Name: "Message", Alias: "message", Offset: unsafe.Offsetof(ec2ErrorDetail{}.Message), Shape: &schema.String},
	}}
	ec2ErrorListShape = schema.Shape{Kind: schema.KindList, Type: (*[]ec2ErrorDetail)(nil), Elem: &ec2ErrorDetailShape}
	ec2ErrorsShape    = schema.Shape{Kind: schema.KindStruct, Type: (*ec2Errors)(nil), Members: []schema.Member{
		{Name: "Error", Offset: unsafe.Offsetof(ec2Errors{}.Error), Shape: &ec2ErrorListShape, XML: &schema.XMLMember{Flat: true}},
	}}
	ec2ErrorShape = schema.Shape{Kind: schema.KindStruct, Type: (*ec2Error)(nil), Members: []schema.Member{
		{Name: "Errors", Offset: unsafe.Offsetof(ec2Error{}.Errors), Shape: &ec2ErrorsShape},
		{Name: "RequestID", Alias: "RequestId", Offset: unsafe.Offsetof(ec2Error{}.RequestID), Shape: &schema.String},
	}}
)

// ReadError implements protocol.Protocol: the code, message and request id
// of an <ErrorResponse> (awsQuery, which also reads a bare <Error> root, as
// restXml does: package xmlbody) or of the first error of a <Response>
// (ec2Query). A body that is none of these yields no code and no members,
// never an error: the caller decides how to report it.
func (p *Protocol) ReadError(_ http.Header, body []byte) protocol.ErrorInfo {
	if !p.ec2() {
		return xmlbody.ReadError(body)
	}
	var r ec2Error
	if xmlwire.Unmarshal(body, &ec2ErrorShape, &r) != nil || r.Errors == nil || len(r.Errors.Error) == 0 {
		return protocol.ErrorInfo{}
	}
	d := &r.Errors.Error[0]
	return protocol.ErrorInfo{
		Code:      strings.TrimSpace(deref(d.Code)),
		Message:   deref(d.Message),
		RequestID: strings.TrimSpace(deref(r.RequestID)),
		Members:   true,
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// DecodeError implements protocol.Protocol: the error's members are the
// children of its <Error> element, beside Type, Code and Message.
func (p *Protocol) DecodeError(data []byte, s *schema.Shape, v any) error {
	if !p.ec2() {
		return xmlbody.DecodeError(data, s, v)
	}
	if s == nil {
		return nil
	}
	_, err := xmlwire.UnmarshalPath(data, []string{"Response", "Errors", "Error"}, s, v)
	return err
}

// NewRouter implements protocol.Protocol: operations by the body's Action,
// for POST, or by the query string's for a GET that sends its form there
// (protocol.GetForm). A request whose Version is not the service's is for
// another version of the API, which this mock does not serve; a request
// without a Version is taken as the service's.
func (p *Protocol) NewRouter(e protocol.Endpoint) protocol.Router {
	rt := router{version: e.Version, ops: make(map[string]int, len(e.Ops))}
	for i, op := range e.Ops {
		rt.ops[op.Name] = i
	}
	return rt
}

type router struct {
	version string
	ops     map[string]int
}

func (rt router) Route(r *http.Request, body []byte) (int, map[string]string, string) {
	method := r.Method
	if form := protocol.GetForm(r, body); form != nil {
		body, method = form, http.MethodPost
	}
	action, version, err := querywire.Operation(body)
	switch {
	case err != nil:
		return -1, nil, "(a form body that is not well-formed: " + err.Error() + ")"
	case action == "":
		return -1, nil, "(no Action)"
	}
	op, ok := rt.ops[action]
	if ok && method == http.MethodPost && (version == "" || rt.version == "" || version == rt.version) {
		return op, nil, ""
	}
	if version != "" && version != rt.version {
		return -1, nil, action + " of version " + version
	}
	return -1, nil, action
}

// NewIndex implements protocol.Protocol: mocks by the actions they serve
// and their API version.
func (p *Protocol) NewIndex(services []protocol.Endpoint) protocol.Index {
	x := index{byAction: map[string][]int{}, versions: make([]string, len(services))}
	for i, s := range services {
		x.versions[i] = s.Version
		for _, op := range s.Ops {
			if l := x.byAction[op.Name]; len(l) == 0 || l[len(l)-1] != i {
				x.byAction[op.Name] = append(l, i)
			}
		}
	}
	return x
}

type index struct {
	byAction map[string][]int
	versions []string
}

func (x index) Candidates(r *http.Request, body []byte) []int {
	if form := protocol.GetForm(r, body); form != nil {
		body = form
	}
	action, version, err := querywire.Operation(body)
	if err != nil || action == "" {
		return nil
	}
	all := x.byAction[action]
	if version == "" || !slices.ContainsFunc(all, func(i int) bool { return x.versions[i] != version }) {
		return all
	}
	var some []int
	for _, i := range all {
		if x.versions[i] == version {
			some = append(some, i)
		}
	}
	return some
}

// Address implements protocol.Protocol: POST /, the operation being in the
// body.
func (*Protocol) Address(string, protocol.Route) protocol.Address {
	return protocol.Address{Method: http.MethodPost, Path: "/"}
}

// EncodeResponse implements protocol.Protocol.
func (p *Protocol) EncodeResponse(m *protocol.Message, s *schema.Shape, v any) ([]byte, error) {
	root := responseName(m.Operation)
	b := make([]byte, 0, 256)
	b = appendStart(b, root, m.Namespace)
	var err error
	if p.ec2() {
		b = appendTextElement(b, "requestId", m.RequestID)
		if s != nil && !isNil(v) {
			b, err = xmlwire.AppendMembers(b, s, v)
		}
	} else {
		if s != nil && !isNil(v) {
			b, err = xmlwire.AppendElement(b, resultName(m), nil, s, v)
		}
		b = append(b, "<ResponseMetadata>"...)
		b = appendTextElement(b, "RequestId", m.RequestID)
		b = append(b, "</ResponseMetadata>"...)
	}
	if err != nil {
		return nil, err
	}
	return appendEnd(b, root), nil
}

// SuccessStatus implements protocol.Protocol: always 200.
func (*Protocol) SuccessStatus(int) int { return http.StatusOK }

// EncodeError implements protocol.Protocol. The error's modeled members
// follow Code and Message; a modeled message member stands for e.Message.
func (p *Protocol) EncodeError(m *protocol.Message, e protocol.ErrorBody, s *schema.Shape, v any) ([]byte, error) {
	b := make([]byte, 0, 256)
	if p.ec2() {
		b = append(b, "<Response><Errors><Error>"...)
	} else {
		b = appendStart(b, "ErrorResponse", m.Namespace)
		b = append(b, "<Error>"...)
		fault := e.Fault
		if fault == "" {
			fault = protocol.FaultSender
		}
		b = appendTextElement(b, "Type", fault)
	}
	if isNil(v) {
		s = nil
	}
	code := e.Code
	if s == nil {
		code = queryCode(code)
	}
	b = appendTextElement(b, "Code", code)
	if s == nil || !hasMessage(s, v) {
		if e.Message != "" || p.ec2() {
			b = appendTextElement(b, "Message", e.Message)
		}
	}
	if s != nil {
		var err error
		if b, err = xmlwire.AppendMembers(b, s, v); err != nil {
			return nil, err
		}
	}
	if p.ec2() {
		b = append(b, "</Error></Errors>"...)
		b = appendTextElement(b, "RequestID", m.RequestID)
		return append(b, "</Response>"...), nil
	}
	b = append(b, "</Error>"...)
	b = appendTextElement(b, "RequestId", m.RequestID)
	return append(b, "</ErrorResponse>"...), nil
}

// queryCodes are the codes the query services answer where the mock's own
// errors, named after the JSON protocols', have another name (AWS's common
// errors of the query APIs): an unknown action is InvalidAction, a form
// that cannot be read InvalidQueryParameter.
var queryCodes = map[string]string{
	"UnknownOperationException": "InvalidAction",
	"SerializationException":    "InvalidQueryParameter",
}

// queryCode returns the code a query service answers for the mock's own
// error code.
func queryCode(code string) string {
	if c, ok := queryCodes[code]; ok {
		return c
	}
	return code
}

// hasMessage reports whether the error at v, of shape s, has a message
// member that is set, which its members then carry.
func hasMessage(s *schema.Shape, v any) bool {
	p := pointerTo(v)
	for i := range s.Members {
		m := &s.Members[i]
		if m.Shape.Kind == schema.KindString && strings.EqualFold(m.Name, "message") {
			return *(*unsafe.Pointer)(unsafe.Add(p, m.Offset)) != nil
		}
	}
	return false
}

// SetResponseHeaders implements protocol.Protocol: the query protocols have none.
func (*Protocol) SetResponseHeaders(http.Header) {}

// SetErrorHeaders implements protocol.Protocol: the code travels in the
// body only.
func (*Protocol) SetErrorHeaders(http.Header, string) {}

// AuthErrorStatus implements protocol.Protocol: 403 (the query services'
// InvalidClientTokenId, SignatureDoesNotMatch), except for a request whose
// signature is incomplete, which is malformed (400).
func (*Protocol) AuthErrorStatus(code string) int {
	if code == "IncompleteSignatureException" {
		return http.StatusBadRequest
	}
	return http.StatusForbidden
}

// pointerTo returns the data pointer of v, a pointer held in an interface.
func pointerTo(v any) unsafe.Pointer {
	return reflect.ValueOf(v).UnsafePointer()
}

// appendStart writes <name> declaring the default namespace ns ("" for
// none).
func appendStart(b []byte, name, ns string) []byte {
	b = append(b, '<')
	b = append(b, name...)
	if ns != "" {
		b = append(b, ` xmlns="`...)
		b = xmlwire.AppendText(b, ns)
		b = append(b, '"')
	}
	return append(b, '>')
}

func appendEnd(b []byte, name string) []byte {
	b = append(b, '<', '/')
	b = append(b, name...)
	return append(b, '>')
}

// appendTextElement writes <name>text</name>.
func appendTextElement(b []byte, name, text string) []byte {
	b = append(b, '<')
	b = append(b, name...)
	b = append(b, '>')
	b = xmlwire.AppendText(b, text)
	return appendEnd(b, name)
}
