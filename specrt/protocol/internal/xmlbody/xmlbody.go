// Package xmlbody is what the XML protocols share: package xmlwire behind
// protocol.Body, and the <ErrorResponse> envelope of errors, which restXml
// and awsQuery both send:
//
//	<ErrorResponse>
//	  <Error><Type>Sender</Type><Code>...</Code><Message>...</Message>...members...</Error>
//	  <RequestId>...</RequestId>
//	</ErrorResponse>
//
// and which some restXml services (S3) send without its wrapper, the
// request id inside <Error>.
package xmlbody

import (
	"errors"
	"strings"
	"unsafe"

	"github.com/specgen/specgen/specrt/protocol"
	"github.com/specgen/specgen/specrt/schema"
	"github.com/specgen/specgen/specrt/xmlwire"
)

// Codec is the XML body codec. It has no state: its value in an interface
// costs no allocation.
type Codec struct{}

var _ protocol.Body = Codec{}

// Marshal implements protocol.Body with xmlwire.Marshal.
func (Codec) Marshal(s *schema.Shape, v any) ([]byte, error) { return xmlwire.Marshal(s, v) }

// Unmarshal implements protocol.Body with xmlwire.Unmarshal.
func (Codec) Unmarshal(data []byte, s *schema.Shape, v any) error {
	return xmlwire.Unmarshal(data, s, v)
}

// ErrNoShape is the error of a body to encode without a shape: the XML
// protocols know no other description of a value.
var ErrNoShape = errors.New("xml: no shape describes the value")

// Skip decodes data with nothing to keep: it checks that the body is
// well-formed XML, for a message that has no shape.
func Skip(data []byte) error {
	return xmlwire.Unmarshal(data, &nothing, &struct{}{})
}

var nothing = schema.Shape{Kind: schema.KindStruct, Type: (*struct{})(nil)}

// envelope is what an <Error> says of itself.
type envelope struct {
	Type, Code, Message, RequestID *string
}

// response is an <ErrorResponse>.
type response struct {
	Error     *envelope
	RequestID *string
}

var (
	schemaEnvelope = schema.Shape{Kind: schema.KindStruct, Type: (*envelope)(nil), Members: []schema.Member{
		{Name: "Type", Offset: unsafe.Offsetof(envelope{}.Type), Shape: &schema.String},
		{Name: "Code", Offset: unsafe.Offsetof(envelope{}.Code), Shape: &schema.String},
		{Name: "Message", Alias: "message", Offset: unsafe.Offsetof(envelope{}.Message), Shape: &schema.String},
		{Name: "RequestId", Offset: unsafe.Offsetof(envelope{}.RequestID), Shape: &schema.String},
	}}
	schemaResponse = schema.Shape{Kind: schema.KindStruct, Type: (*response)(nil), Members: []schema.Member{
		{Name: "Error", Offset: unsafe.Offsetof(response{}.Error), Shape: &schemaEnvelope},
		{Name: "RequestId", Offset: unsafe.Offsetof(response{}.RequestID), Shape: &schema.String},
	}}
)

// ReadError reads the code, message and request id of an error body, with
// or without its <ErrorResponse> wrapper. Members is set when the body is
// such an envelope; a body that is not (empty, HTML from a proxy, not
// well-formed) yields an empty ErrorInfo and never an error: the caller
// decides how to report it.
func ReadError(body []byte) protocol.ErrorInfo {
	var r response
	found, err := xmlwire.UnmarshalPath(body, []string{"ErrorResponse"}, &schemaResponse, &r)
	if err != nil {
		return protocol.ErrorInfo{}
	}
	if !found {
		r.Error = &envelope{}
		if found, err = xmlwire.UnmarshalPath(body, []string{"Error"}, &schemaEnvelope, r.Error); err != nil || !found {
			return protocol.ErrorInfo{}
		}
	}
	info := protocol.ErrorInfo{Members: true}
	if e := r.Error; e != nil {
		info.Code = sanitize(deref(e.Code))
		info.Message = deref(e.Message)
		info.RequestID = deref(e.RequestID)
	}
	if r.RequestID != nil {
		info.RequestID = *r.RequestID
	}
	return info
}

// sanitize reduces a code to its shape name, as the JSON protocols do
// ("aws.protocoltests#Foo" → "Foo"); XML codes are bare names already.
func sanitize(code string) string {
	if i := strings.IndexByte(code, ':'); i >= 0 {
		code = code[:i]
	}
	if i := strings.IndexByte(code, '#'); i >= 0 {
		code = code[i+1:]
	}
	return strings.TrimSpace(code)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// DecodeError decodes the modeled members of an error, the children of
// <Error>, wrapped or not, into v, a pointer to the structure s describes.
func DecodeError(data []byte, s *schema.Shape, v any) error {
	if s == nil {
		return nil
	}
	found, err := xmlwire.UnmarshalPath(data, []string{"ErrorResponse", "Error"}, s, v)
	if err == nil && !found {
		_, err = xmlwire.UnmarshalPath(data, []string{"Error"}, s, v)
	}
	return err
}

// EncodeError returns the <ErrorResponse> of e with the modeled members of
// v, a pointer to the structure s describes (both nil for an error without
// a modeled type), and the request id when there is one. The message is
// e's unless the structure has a message member of its own, which is
// written with the others.
func EncodeError(requestID string, e protocol.ErrorBody, s *schema.Shape, v any) ([]byte, error) {
	b := make([]byte, 0, 256)
	b = append(b, "<ErrorResponse><Error>"...)
	if e.Fault != "" {
		b = text(b, "Type", e.Fault)
	}
	b = text(b, "Code", e.Code)
	if e.Message != "" && !hasMessage(s) {
		b = text(b, "Message", e.Message)
	}
	if s != nil {
		var err error
		if b, err = xmlwire.AppendMembers(b, s, v); err != nil {
			return nil, err
		}
	}
	b = append(b, "</Error>"...)
	if requestID != "" {
		b = text(b, "RequestId", requestID)
	}
	return append(b, "</ErrorResponse>"...), nil
}

// hasMessage reports whether the error structure s has a message member.
func hasMessage(s *schema.Shape) bool {
	if s == nil {
		return false
	}
	for _, m := range s.Members {
		if strings.EqualFold(m.Name, "message") {
			return true
		}
	}
	return false
}

// text appends <name>value</name>, value escaped.
func text(b []byte, name, value string) []byte {
	b = append(b, '<')
	b = append(b, name...)
	b = append(b, '>')
	b = xmlwire.AppendText(b, value)
	b = append(b, '<', '/')
	b = append(b, name...)
	return append(b, '>')
}
