package queryproto_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/specrt/protocol"
	"github.com/specgen/specgen/specrt/protocol/awsquery"
	"github.com/specgen/specgen/specrt/protocol/ec2query"
	"github.com/specgen/specgen/specrt/schema"
)

type greetingOutput struct{ Greeting *string }

var greetingShape = schema.Shape{Kind: schema.KindStruct, Type: (*greetingOutput)(nil), Members: []schema.Member{
	{Name: "greeting", Offset: unsafe.Offsetof(greetingOutput{}.Greeting), Shape: &schema.String},
}}

type complexNested struct{ Foo *string }

type complexError struct {
	Message  *string
	TopLevel *string
	Nested   *complexNested
}

var complexErrorShape = schema.Shape{Kind: schema.KindStruct, Type: (*complexError)(nil), Members: []schema.Member{
	{Name: "Message", Offset: unsafe.Offsetof(complexError{}.Message), Shape: &schema.String},
	{Name: "TopLevel", Offset: unsafe.Offsetof(complexError{}.TopLevel), Shape: &schema.String},
	{Name: "Nested", Offset: unsafe.Offsetof(complexError{}.Nested), Shape: &schema.Shape{Kind: schema.KindStruct, Type: (*complexNested)(nil), Members: []schema.Member{
		{Name: "Foo", Offset: unsafe.Offsetof(complexNested{}.Foo), Shape: &schema.String},
	}}},
}}

func ptr[T any](v T) *T { return &v }

func TestDecodeResponseReadsTheSuitesBodies(t *testing.T) {
	for _, tc := range []struct {
		name    string
		proto   protocol.Protocol
		msg     protocol.Message
		body    string
		want    *greetingOutput
		wantErr string
	}{
		{"awsQuery QueryGreetingWithErrors", awsquery.AWSQuery, protocol.Message{Operation: "GreetingWithErrors"},
			`<GreetingWithErrorsResponse xmlns="https://example.com/">
    <GreetingWithErrorsResult>
        <greeting>Hello</greeting>
    </GreetingWithErrorsResult>
</GreetingWithErrorsResponse>`, &greetingOutput{Greeting: ptr("Hello")}, ""},
		{"awsQuery with the operation's result wrapper", awsquery.AWSQuery, protocol.Message{Operation: "Greet", Wrapper: "Wrapped"},
			`<GreetResponse><Wrapped><greeting>Hi</greeting></Wrapped><ResponseMetadata><RequestId>x</RequestId></ResponseMetadata></GreetResponse>`,
			&greetingOutput{Greeting: ptr("Hi")}, ""},
		{"awsQuery without a result element is an empty output", awsquery.AWSQuery, protocol.Message{Operation: "Greet"},
			`<GreetResponse><ResponseMetadata><RequestId>x</RequestId></ResponseMetadata></GreetResponse>`, &greetingOutput{}, ""},
		{"awsQuery of another operation's response", awsquery.AWSQuery, protocol.Message{Operation: "Greet"},
			`<OtherResponse><OtherResult><greeting>Hi</greeting></OtherResult></OtherResponse>`, &greetingOutput{},
			"awsQuery: the response is not a <GreetResponse> element"},
		{"ec2Query Ec2GreetingWithErrors", ec2query.EC2Query, protocol.Message{Operation: "GreetingWithErrors"},
			`<GreetingWithErrorsResponse xmlns="https://example.com/">
    <greeting>Hello</greeting>
    <requestId>requestid</requestId>
</GreetingWithErrorsResponse>`, &greetingOutput{Greeting: ptr("Hello")}, ""},
		{"ec2Query of another root", ec2query.EC2Query, protocol.Message{Operation: "Greet"},
			`<Response><greeting>Hello</greeting></Response>`, &greetingOutput{}, "ec2Query: the response is not a <GreetResponse> element"},
		{"a document type declaration", awsquery.AWSQuery, protocol.Message{Operation: "Greet"},
			`<!DOCTYPE x [<!ENTITY a "aaaa">]><GreetResponse/>`, &greetingOutput{}, "xml: offset 0: document type declarations are not accepted"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := &greetingOutput{}
			err := tc.proto.DecodeResponse(&tc.msg, []byte(tc.body), &greetingShape, got)
			if tc.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tc.wantErr) {
					t.Fatalf("DecodeResponse = %v, want %s", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
		})
	}
}

func TestEncodeResponseWritesTheEnvelope(t *testing.T) {
	msg := protocol.Message{Operation: "Greet", Namespace: "https://example.com/", RequestID: "req-1"}
	out := &greetingOutput{Greeting: ptr("a<b")}
	for _, tc := range []struct {
		name  string
		proto protocol.Protocol
		msg   protocol.Message
		want  string
	}{
		{"awsQuery: the members in <OpResult>, the request id in <ResponseMetadata>", awsquery.AWSQuery, msg,
			`<GreetResponse xmlns="https://example.com/"><GreetResult><greeting>a&lt;b</greeting></GreetResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></GreetResponse>`},
		{"awsQuery: the operation's result wrapper", awsquery.AWSQuery, protocol.Message{Operation: "Greet", Wrapper: "Wrapped", RequestID: "r"},
			`<GreetResponse><Wrapped><greeting>a&lt;b</greeting></Wrapped><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GreetResponse>`},
		{"ec2Query: the request id, then the members", ec2query.EC2Query, msg,
			`<GreetResponse xmlns="https://example.com/"><requestId>req-1</requestId><greeting>a&lt;b</greeting></GreetResponse>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body, err := tc.proto.EncodeResponse(&tc.msg, &greetingShape, out)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, string(body)); diff != "" {
				t.Errorf("body (-want +got):\n%s", diff)
			}
			back := &greetingOutput{}
			if err := tc.proto.DecodeResponse(&tc.msg, body, &greetingShape, back); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(out, back); diff != "" {
				t.Errorf("decoded (-want +got):\n%s", diff)
			}
		})
	}
}

func TestErrorsAreReadFromTheSuitesBodies(t *testing.T) {
	for _, tc := range []struct {
		name     string
		proto    protocol.Protocol
		body     string
		info     protocol.ErrorInfo
		decoded  *complexError
		withType bool
	}{
		{"awsQuery QueryInvalidGreetingError", awsquery.AWSQuery, `<ErrorResponse>
   <Error>
      <Type>Sender</Type>
      <Code>InvalidGreeting</Code>
      <Message>Hi</Message>
   </Error>
   <RequestId>foo-id</RequestId>
</ErrorResponse>`, protocol.ErrorInfo{Code: "InvalidGreeting", Message: "Hi", RequestID: "foo-id", Members: true}, &complexError{Message: ptr("Hi")}, true},
		{"awsQuery QueryComplexError", awsquery.AWSQuery, `<ErrorResponse>
   <Error>
      <Type>Sender</Type>
      <Code>ComplexError</Code>
      <TopLevel>Top level</TopLevel>
      <Nested>
          <Foo>bar</Foo>
      </Nested>
   </Error>
   <RequestId>foo-id</RequestId>
</ErrorResponse>`, protocol.ErrorInfo{Code: "ComplexError", RequestID: "foo-id", Members: true}, &complexError{TopLevel: ptr("Top level"), Nested: &complexNested{Foo: ptr("bar")}}, true},
		{"awsQuery without the <ErrorResponse> wrapper", awsquery.AWSQuery, `<Error><Code>Throttling</Code><Message>Rate exceeded</Message></Error>`,
			protocol.ErrorInfo{Code: "Throttling", Message: "Rate exceeded", Members: true}, &complexError{Message: ptr("Rate exceeded")}, true},
		{"ec2Query Ec2ComplexError", ec2query.EC2Query, `<Response>
    <Errors>
        <Error>
            <Code>ComplexError</Code>
            <Message>Hi</Message>
            <TopLevel>Top level</TopLevel>
            <Nested>
                <Foo>bar</Foo>
            </Nested>
        </Error>
    </Errors>
    <RequestID>foo-id</RequestID>
</Response>`, protocol.ErrorInfo{Code: "ComplexError", Message: "Hi", RequestID: "foo-id", Members: true},
			&complexError{Message: ptr("Hi"), TopLevel: ptr("Top level"), Nested: &complexNested{Foo: ptr("bar")}}, false},
		{"an HTML page", awsquery.AWSQuery, `<html><body>Bad gateway</body></html>`, protocol.ErrorInfo{}, nil, false},
		{"not XML", ec2query.EC2Query, `{"__type":"x"}`, protocol.ErrorInfo{}, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			info := tc.proto.ReadError(http.Header{}, []byte(tc.body))
			if diff := cmp.Diff(tc.info, info); diff != "" {
				t.Errorf("ReadError (-want +got):\n%s", diff)
			}
			if tc.decoded == nil {
				return
			}
			got := &complexError{}
			if err := tc.proto.DecodeError([]byte(tc.body), &complexErrorShape, got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.decoded, got); diff != "" {
				t.Errorf("DecodeError (-want +got):\n%s", diff)
			}
		})
	}
}

func TestEncodeErrorWritesTheEnvelope(t *testing.T) {
	msg := protocol.Message{Operation: "Greet", Namespace: "https://example.com/", RequestID: "req-1"}
	for _, tc := range []struct {
		name  string
		proto protocol.Protocol
		e     protocol.ErrorBody
		s     *schema.Shape
		v     any
		want  string
	}{
		{"awsQuery, an error without a shape", awsquery.AWSQuery, protocol.ErrorBody{Code: "InvalidAction", Message: "no such action", Fault: protocol.FaultSender}, nil, nil,
			`<ErrorResponse xmlns="https://example.com/"><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>no such action</Message></Error><RequestId>req-1</RequestId></ErrorResponse>`},
		{"awsQuery, a modeled error whose members carry the message", awsquery.AWSQuery, protocol.ErrorBody{Code: "ComplexError", Message: "Hi", Fault: protocol.FaultReceiver}, &complexErrorShape,
			&complexError{Message: ptr("Hi"), TopLevel: ptr("Top level")},
			`<ErrorResponse xmlns="https://example.com/"><Error><Type>Receiver</Type><Code>ComplexError</Code><Message>Hi</Message><TopLevel>Top level</TopLevel></Error><RequestId>req-1</RequestId></ErrorResponse>`},
		{"awsQuery, a fault left empty is the sender's", awsquery.AWSQuery, protocol.ErrorBody{Code: "X"}, nil, nil,
			`<ErrorResponse xmlns="https://example.com/"><Error><Type>Sender</Type><Code>X</Code></Error><RequestId>req-1</RequestId></ErrorResponse>`},
		{"ec2Query", ec2query.EC2Query, protocol.ErrorBody{Code: "InvalidParameterValue", Message: "bad & worse", Fault: protocol.FaultSender}, nil, nil,
			`<Response><Errors><Error><Code>InvalidParameterValue</Code><Message>bad &amp; worse</Message></Error></Errors><RequestID>req-1</RequestID></Response>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body, err := tc.proto.EncodeError(&msg, tc.e, tc.s, tc.v)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, string(body)); diff != "" {
				t.Errorf("body (-want +got):\n%s", diff)
			}
			info := tc.proto.ReadError(http.Header{}, body)
			want := protocol.ErrorInfo{Code: tc.e.Code, Message: tc.e.Message, RequestID: "req-1", Members: true}
			if diff := cmp.Diff(want, info); diff != "" {
				t.Errorf("read back (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTheMocksOwnErrorsTakeTheQueryServicesCodes(t *testing.T) {
	msg := protocol.Message{RequestID: "r"}
	for _, tc := range []struct {
		name     string
		proto    protocol.Protocol
		code     string
		s        *schema.Shape
		v        any
		wantCode string
	}{
		{"an unknown operation is InvalidAction", awsquery.AWSQuery, "UnknownOperationException", nil, nil, "InvalidAction"},
		{"a form that cannot be read is InvalidQueryParameter", ec2query.EC2Query, "SerializationException", nil, nil, "InvalidQueryParameter"},
		{"another code is kept", awsquery.AWSQuery, "ThrottlingException", nil, nil, "ThrottlingException"},
		{"a modeled error keeps its code", awsquery.AWSQuery, "SerializationException", &complexErrorShape, &complexError{}, "SerializationException"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body, err := tc.proto.EncodeError(&msg, protocol.ErrorBody{Code: tc.code, Message: "m"}, tc.s, tc.v)
			if err != nil {
				t.Fatal(err)
			}
			if got := tc.proto.ReadError(http.Header{}, body).Code; got != tc.wantCode {
				t.Errorf("code = %q, want %q in %s", got, tc.wantCode, body)
			}
		})
	}
}

func TestRequestsCarryActionAndVersion(t *testing.T) {
	msg := protocol.Message{Operation: "Greet", Version: "2020-01-08"}
	for _, tc := range []struct {
		name  string
		proto protocol.Protocol
		want  string
	}{
		{"awsQuery", awsquery.AWSQuery, "Action=Greet&Version=2020-01-08&greeting=hi%20there"},
		{"ec2Query", ec2query.EC2Query, "Action=Greet&Version=2020-01-08&Greeting=hi%20there"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := &greetingOutput{Greeting: ptr("hi there")}
			body, err := tc.proto.EncodeRequest(&msg, &greetingShape, in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, string(body)); diff != "" {
				t.Errorf("body (-want +got):\n%s", diff)
			}
			h := http.Header{}
			tc.proto.SetRequestHeaders(h, "", "Greet")
			if got := h.Get("Content-Type"); got != "application/x-www-form-urlencoded" {
				t.Errorf("Content-Type = %q", got)
			}
			back := &greetingOutput{}
			if err := tc.proto.DecodeRequest(&msg, body, &greetingShape, back); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(in, back); diff != "" {
				t.Errorf("decoded (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAnInputWithoutAShape(t *testing.T) {
	msg := protocol.Message{Operation: "Ping", Version: "1"}
	t.Run("nil encodes as Action and Version alone", func(t *testing.T) {
		body, err := awsquery.AWSQuery.EncodeRequest(&msg, nil, (*greetingOutput)(nil))
		if err != nil || string(body) != "Action=Ping&Version=1" {
			t.Errorf("EncodeRequest = %q, %v", body, err)
		}
	})
	t.Run("a value is refused", func(t *testing.T) {
		if _, err := awsquery.AWSQuery.EncodeRequest(&msg, nil, &greetingOutput{}); err == nil {
			t.Error("EncodeRequest of a value without a shape: no error")
		}
	})
	t.Run("the mock refuses members it does not know", func(t *testing.T) {
		if err := awsquery.AWSQuery.DecodeRequest(&msg, []byte("Action=Ping&Version=1&Extra=1"), nil, nil); err == nil {
			t.Error("DecodeRequest of an unknown member: no error")
		}
	})
}

func TestTheRouterReadsTheAction(t *testing.T) {
	rt := awsquery.AWSQuery.NewRouter(protocol.Endpoint{Version: "2010-03-31", Ops: []protocol.Route{{Name: "Publish"}, {Name: "Subscribe"}}})
	for _, tc := range []struct {
		name, method, body string
		op                 int
		what               string
	}{
		{"an operation it serves", http.MethodPost, "Action=Subscribe&Version=2010-03-31&TopicArn=x", 1, ""},
		{"the action anywhere in the body", http.MethodPost, "TopicArn=x&Action=Publish", 0, ""},
		{"an operation it does not serve", http.MethodPost, "Action=Nope&Version=2010-03-31", -1, "Nope"},
		{"another API version", http.MethodPost, "Action=Publish&Version=2009-01-01", -1, "Publish of version 2009-01-01"},
		{"no action", http.MethodPost, "Version=2010-03-31", -1, "(no Action)"},
		{"a malformed body", http.MethodPost, "Action=Pub%zzlish", -1, "(a form body that is not well-formed: query: malformed percent-encoding at key 'Action')"},
		{"another method", http.MethodPut, "Action=Publish", -1, "Publish"},
		{"a malformed key beside the action, for the operation to refuse", http.MethodPost, "Action=Publish&Message=%zz", 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest(tc.method, "/", nil)
			op, labels, what := rt.Route(r, []byte(tc.body))
			if diff := cmp.Diff([]any{tc.op, map[string]string(nil), tc.what}, []any{op, labels, what}); diff != "" {
				t.Errorf("Route (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTheIndexNarrowsByActionAndVersion(t *testing.T) {
	x := ec2query.EC2Query.NewIndex([]protocol.Endpoint{
		{Version: "2016-11-15", Ops: []protocol.Route{{Name: "RunInstances"}, {Name: "DescribeTags"}}},
		{Version: "2020-01-08", Ops: []protocol.Route{{Name: "DescribeTags"}}},
	})
	for _, tc := range []struct {
		name, body string
		want       []int
	}{
		{"an action one serves", "Action=RunInstances", []int{0}},
		{"an action both serve, without a version", "Action=DescribeTags", []int{0, 1}},
		{"an action both serve, of one's version", "Action=DescribeTags&Version=2020-01-08", []int{1}},
		{"an action none serves", "Action=Nope", nil},
		{"a malformed body", "%", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := x.Candidates(httptest.NewRequest(http.MethodPost, "/", nil), []byte(tc.body))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Candidates (-want +got):\n%s", diff)
			}
		})
	}
}
