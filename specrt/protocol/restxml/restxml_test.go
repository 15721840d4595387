package restxml_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/specrt/protocol"
	"github.com/specgen/specgen/specrt/protocol/restxml"
	"github.com/specgen/specgen/specrt/schema"
)

func ptr[T any](v T) *T { return &v }

type (
	greeting struct {
		Greeting *string
		Lang     *string
	}
	invalidGreeting struct {
		Message *string
		Setting *string
	}
)

var (
	schemaGreeting = schema.Shape{Kind: schema.KindStruct, Type: (*greeting)(nil),
		XML: &schema.XMLShape{Name: "GreetingRequest", NS: &schema.XMLNamespace{URI: "https://example.com/doc/2013-04-01/"}},
		Members: []schema.Member{
			{Name: "Greeting", Offset: unsafe.Offsetof(greeting{}.Greeting), Shape: &schema.String},
			{Name: "lang", Offset: unsafe.Offsetof(greeting{}.Lang), Shape: &schema.String, XML: &schema.XMLMember{Attr: true}},
		}}
	schemaOutput = schema.Shape{Kind: schema.KindStruct, Type: (*greeting)(nil), XML: &schema.XMLShape{Name: "GreetingResponse"},
		Members: schemaGreeting.Members}
	schemaInvalidGreeting = schema.Shape{Kind: schema.KindStruct, Type: (*invalidGreeting)(nil), Members: []schema.Member{
		{Name: "Message", Offset: unsafe.Offsetof(invalidGreeting{}.Message), Shape: &schema.String},
		{Name: "AnotherSetting", Offset: unsafe.Offsetof(invalidGreeting{}.Setting), Shape: &schema.String},
	}}
)

func TestRequestsAndResponsesAreTheirShapesElements(t *testing.T) {
	p := restxml.RestXML
	in := &greeting{Greeting: ptr("hi & bye"), Lang: ptr("en")}
	body, err := p.EncodeRequest(&protocol.Message{Operation: "Greet"}, &schemaGreeting, in)
	if err != nil {
		t.Fatal(err)
	}
	want := `<GreetingRequest xmlns="https://example.com/doc/2013-04-01/" lang="en"><Greeting>hi &amp; bye</Greeting></GreetingRequest>`
	if diff := cmp.Diff(want, string(body)); diff != "" {
		t.Errorf("EncodeRequest (-want +got):\n%s", diff)
	}
	got := &greeting{}
	if err := p.DecodeRequest(&protocol.Message{Operation: "Greet"}, body, &schemaGreeting, got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, got); diff != "" {
		t.Errorf("DecodeRequest (-want +got):\n%s", diff)
	}

	for _, tc := range []struct {
		name string
		m    *protocol.Message
		want string
	}{
		{"a response declares the service's namespace", &protocol.Message{Namespace: "https://example.com/ns"},
			`<GreetingResponse xmlns="https://example.com/ns"><Greeting>hi</Greeting></GreetingResponse>`},
		{"a response of a service without one declares none", &protocol.Message{},
			`<GreetingResponse><Greeting>hi</Greeting></GreetingResponse>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body, err := p.EncodeResponse(tc.m, &schemaOutput, &greeting{Greeting: ptr("hi")})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, string(body)); diff != "" {
				t.Errorf("EncodeResponse (-want +got):\n%s", diff)
			}
			got := &greeting{}
			if err := p.DecodeResponse(tc.m, body, &schemaOutput, got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(&greeting{Greeting: ptr("hi")}, got); diff != "" {
				t.Errorf("DecodeResponse (-want +got):\n%s", diff)
			}
		})
	}
	if _, err := p.EncodeRequest(&protocol.Message{}, nil, in); err == nil {
		t.Error("EncodeRequest without a shape succeeded")
	}
	if err := p.DecodeResponse(&protocol.Message{}, []byte(`<R><x></R>`), nil, nil); err == nil {
		t.Error("DecodeResponse without a shape accepted a body that is not well-formed")
	}
}

func TestErrorsAreReadWithOrWithoutTheirWrapper(t *testing.T) {
	for _, tc := range []struct {
		name, body  string
		want        protocol.ErrorInfo
		wantMembers *invalidGreeting
	}{
		{"a wrapped error, as Route 53 sends it",
			`<ErrorResponse><Error><Type>Sender</Type><Code>InvalidGreeting</Code><Message>Hi</Message><AnotherSetting>setting</AnotherSetting></Error><RequestId>foo-id</RequestId></ErrorResponse>`,
			protocol.ErrorInfo{Code: "InvalidGreeting", Message: "Hi", RequestID: "foo-id", Members: true},
			&invalidGreeting{Message: ptr("Hi"), Setting: ptr("setting")}},
		{"an error without its wrapper, as S3 sends it",
			`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<Error><Code>NoSuchKey</Code><Message>gone</Message><AnotherSetting>s</AnotherSetting><RequestId>r-1</RequestId></Error>`,
			protocol.ErrorInfo{Code: "NoSuchKey", Message: "gone", RequestID: "r-1", Members: true},
			&invalidGreeting{Message: ptr("gone"), Setting: ptr("s")}},
		{"a body that is no error envelope says nothing", `<html><body>Bad gateway</body></html>`, protocol.ErrorInfo{}, &invalidGreeting{}},
		{"a body that is not XML says nothing", `{"message":"no"}`, protocol.ErrorInfo{}, &invalidGreeting{}},
		{"an empty body says nothing", ``, protocol.ErrorInfo{}, &invalidGreeting{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			info := restxml.RestXML.ReadError(http.Header{}, []byte(tc.body))
			if diff := cmp.Diff(tc.want, info); diff != "" {
				t.Errorf("ReadError (-want +got):\n%s", diff)
			}
			if !info.Members {
				return
			}
			got := &invalidGreeting{}
			if err := restxml.RestXML.DecodeError([]byte(tc.body), &schemaInvalidGreeting, got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.wantMembers, got); diff != "" {
				t.Errorf("DecodeError (-want +got):\n%s", diff)
			}
		})
	}
}

func TestErrorsAreWrittenInTheirEnvelope(t *testing.T) {
	for _, tc := range []struct {
		name string
		e    protocol.ErrorBody
		s    *schema.Shape
		v    any
		want string
	}{
		{"a modeled error writes its members, its own message among them",
			protocol.ErrorBody{Code: "InvalidGreeting", Message: "Hi", Fault: protocol.FaultSender},
			&schemaInvalidGreeting, &invalidGreeting{Message: ptr("Hi"), Setting: ptr("setting")},
			`<ErrorResponse><Error><Type>Sender</Type><Code>InvalidGreeting</Code><Message>Hi</Message><AnotherSetting>setting</AnotherSetting></Error><RequestId>req-1</RequestId></ErrorResponse>`},
		{"an error without a type writes its code and message",
			protocol.ErrorBody{Code: "SerializationException", Message: "bad <xml>", Fault: protocol.FaultSender},
			nil, nil,
			`<ErrorResponse><Error><Type>Sender</Type><Code>SerializationException</Code><Message>bad &lt;xml&gt;</Message></Error><RequestId>req-1</RequestId></ErrorResponse>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body, err := restxml.RestXML.EncodeError(&protocol.Message{RequestID: "req-1"}, tc.e, tc.s, tc.v)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, string(body)); diff != "" {
				t.Errorf("EncodeError (-want +got):\n%s", diff)
			}
			info := restxml.RestXML.ReadError(http.Header{}, body)
			want := protocol.ErrorInfo{Code: tc.e.Code, Message: tc.e.Message, RequestID: "req-1", Members: true}
			if diff := cmp.Diff(want, info); diff != "" {
				t.Errorf("ReadError of what EncodeError wrote (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRequestsAreRoutedAndFramedAsRestXML(t *testing.T) {
	p := restxml.RestXML
	rt := p.NewRouter(protocol.Endpoint{Ops: []protocol.Route{
		{Name: "ListHostedZones", Method: "GET", Path: "/2013-04-01/hostedzone"},
		{Name: "GetHostedZone", Method: "GET", Path: "/2013-04-01/hostedzone/{Id}"},
	}})
	if op, labels, _ := rt.Route(httptest.NewRequest("GET", "/2013-04-01/hostedzone/Z1", nil), nil); op != 1 || labels["Id"] != "Z1" {
		t.Errorf("Route(GET /2013-04-01/hostedzone/Z1) = %d, %v; want 1, Id=Z1", op, labels)
	}
	if m, path := p.RequestLine("", protocol.Route{Method: "PUT", Path: "/{Bucket}"}); m != "PUT" || path != "/{Bucket}" {
		t.Errorf("RequestLine = %s %s, want PUT /{Bucket}", m, path)
	}
	h := http.Header{}
	p.SetRequestHeaders(h, "", "CreateHostedZone")
	if diff := cmp.Diff(http.Header{"Content-Type": {"application/xml"}}, h); diff != "" {
		t.Errorf("request headers (-want +got):\n%s", diff)
	}
	h = http.Header{}
	p.SetErrorHeaders(h, "NoSuchKey")
	if len(h) != 0 {
		t.Errorf("error headers = %v, want none: the code travels in the body", h)
	}
	if got := p.SuccessStatus(0); got != 200 {
		t.Errorf("SuccessStatus(0) = %d, want 200", got)
	}
	if got := p.SuccessStatus(204); got != 204 {
		t.Errorf("SuccessStatus(204) = %d, want 204", got)
	}
}
