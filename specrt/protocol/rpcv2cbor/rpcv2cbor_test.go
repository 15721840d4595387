package rpcv2cbor

import (
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/specrt/protocol"
	"github.com/specgen/specgen/specrt/schema"
)

func TestRequestLineAndHeaders(t *testing.T) {
	method, path := RPCv2CBOR.RequestLine("GraniteServiceVersion20100801", protocol.Route{Name: "PutMetricData"})
	if method != "POST" || path != "/service/GraniteServiceVersion20100801/operation/PutMetricData" {
		t.Errorf("RequestLine = %s %s", method, path)
	}
	h := http.Header{}
	RPCv2CBOR.SetRequestHeaders(h, "GraniteServiceVersion20100801", "PutMetricData")
	want := http.Header{"Content-Type": {"application/cbor"}, "Accept": {"application/cbor"}, "Smithy-Protocol": {"rpc-v2-cbor"}}
	if diff := cmp.Diff(want, h); diff != "" {
		t.Errorf("headers (-want +got):\n%s", diff)
	}
}

func TestSplitPath(t *testing.T) {
	for _, tt := range []struct {
		path, service, op string
		ok                bool
	}{
		{"/service/RpcV2Protocol/operation/EmptyInputOutput", "RpcV2Protocol", "EmptyInputOutput", true},
		{"/service/RpcV2Protocol/operation/", "", "", false},
		{"/service//operation/Op", "", "", false},
		{"/service/S/operation/Op/more", "", "", false},
		{"/", "", "", false},
		{"/service/S", "", "", false},
	} {
		t.Run(tt.path, func(t *testing.T) {
			service, op, ok := SplitPath(tt.path)
			if service != tt.service || op != tt.op || ok != tt.ok {
				t.Errorf("SplitPath(%q) = %q, %q, %v; want %q, %q, %v", tt.path, service, op, ok, tt.service, tt.op, tt.ok)
			}
		})
	}
}

func TestRouter(t *testing.T) {
	rt := RPCv2CBOR.NewRouter(protocol.Endpoint{TargetPrefix: "Svc", Ops: []protocol.Route{{Name: "A"}, {Name: "B"}}})
	for _, tt := range []struct {
		name, method, path string
		op                 int
		what               string
	}{
		{"a POST to an operation's path finds it", "POST", "/service/Svc/operation/B", 1, ""},
		{"a GET is refused", "GET", "/service/Svc/operation/B", -1, "GET /service/Svc/operation/B"},
		{"an unknown operation is refused", "POST", "/service/Svc/operation/C", -1, "POST /service/Svc/operation/C"},
		{"another service's path is refused", "POST", "/service/Other/operation/A", -1, "POST /service/Other/operation/A"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			op, labels, what := rt.Route(httptest.NewRequest(tt.method, tt.path, nil), nil)
			if op != tt.op || labels != nil || what != tt.what {
				t.Errorf("Route = %d, %v, %q; want %d, nil, %q", op, labels, what, tt.op, tt.what)
			}
		})
	}
}

func TestIndexFindsMocksByServiceName(t *testing.T) {
	x := RPCv2CBOR.NewIndex([]protocol.Endpoint{{TargetPrefix: "A"}, {TargetPrefix: "B"}, {TargetPrefix: "A"}})
	for _, tt := range []struct {
		path string
		want []int
	}{
		{"/service/A/operation/X", []int{0, 2}},
		{"/service/B/operation/X", []int{1}},
		{"/service/C/operation/X", nil},
		{"/", nil},
	} {
		t.Run(tt.path, func(t *testing.T) {
			got := x.Candidates(httptest.NewRequest("POST", tt.path, nil), nil)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Candidates (-want +got):\n%s", diff)
			}
		})
	}
}

// complexError is the ComplexError of the Smithy RPC v2 CBOR tests.
type complexError struct {
	TopLevel *string
	Nested   *nested
	Message  *string
}

type nested struct{ Foo *string }

var (
	schemaNested       = schema.Shape{Kind: schema.KindStruct, Type: (*nested)(nil), Members: []schema.Member{{Name: "Foo", Offset: unsafe.Offsetof(nested{}.Foo), Shape: &schema.String}}}
	schemaComplexError = schema.Shape{Kind: schema.KindStruct, Type: (*complexError)(nil), Members: []schema.Member{
		{Name: "TopLevel", Offset: unsafe.Offsetof(complexError{}.TopLevel), Shape: &schema.String},
		{Name: "Nested", Offset: unsafe.Offsetof(complexError{}.Nested), Shape: &schemaNested},
		{Name: "Message", Offset: unsafe.Offsetof(complexError{}.Message), Shape: &schema.String},
	}}
)

func ptr[T any](v T) *T { return &v }

func b64(t *testing.T, s string) []byte {
	t.Helper()
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func unhex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestReadError(t *testing.T) {
	for _, tt := range []struct {
		name string
		body []byte
		want protocol.ErrorInfo
	}{
		{"the suite's InvalidGreeting: a shape id reduced to its name, and Message",
			b64(t, "v2ZfX3R5cGV4LnNtaXRoeS5wcm90b2NvbHRlc3RzLnJwY3YyQ2JvciNJbnZhbGlkR3JlZXRpbmdnTWVzc2FnZWJIaf8="),
			protocol.ErrorInfo{Code: "InvalidGreeting", Message: "Hi", Members: true}},
		{"the suite's empty ComplexError", b64(t, "v2ZfX3R5cGV4K3NtaXRoeS5wcm90b2NvbHRlc3RzLnJwY3YyQ2JvciNDb21wbGV4RXJyb3L/"),
			protocol.ErrorInfo{Code: "ComplexError", Members: true}},
		{"a bare name and message", unhex(t, "a2 665f5f74797065 6141 676d657373616765 626d6d"), protocol.ErrorInfo{Code: "A", Message: "mm", Members: true}},
		{"code when there is no __type", unhex(t, "a1 64636f6465 6143"), protocol.ErrorInfo{Code: "C", Members: true}},
		{"an empty body has no code", nil, protocol.ErrorInfo{}},
		{"HTML has no code", []byte("<html></html>"), protocol.ErrorInfo{}},
		{"a map whose __type is not text has no code", unhex(t, "a1 665f5f74797065 01"), protocol.ErrorInfo{Members: true}},
		{"a truncated map has no code", unhex(t, "a1 665f5f74797065"), protocol.ErrorInfo{Members: true}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, RPCv2CBOR.ReadError(http.Header{}, tt.body)); diff != "" {
				t.Errorf("ReadError (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDecodeErrorReadsTheSuitesComplexError(t *testing.T) {
	body := b64(t, "v2ZfX3R5cGV4K3NtaXRoeS5wcm90b2NvbHRlc3RzLnJwY3YyQ2JvciNDb21wbGV4RXJyb3JoVG9wTGV2ZWxpVG9wIGxldmVsZk5lc3RlZL9jRm9vY2Jhcv//")
	got := &complexError{}
	if err := RPCv2CBOR.DecodeError(body, &schemaComplexError, got); err != nil {
		t.Fatal(err)
	}
	want := &complexError{TopLevel: ptr("Top level"), Nested: &nested{Foo: ptr("bar")}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("DecodeError (-want +got):\n%s", diff)
	}
}

func TestEncodeErrorIsReadBack(t *testing.T) {
	for _, tt := range []struct {
		name  string
		e     protocol.ErrorBody
		s     *schema.Shape
		v     any
		info  protocol.ErrorInfo
		value *complexError
	}{
		{"a modeled error keeps its members beside __type", protocol.ErrorBody{Code: "ComplexError", Message: "ignored: the members say it"}, &schemaComplexError,
			&complexError{TopLevel: ptr("t"), Message: ptr("m")}, protocol.ErrorInfo{Code: "ComplexError", Message: "m", Members: true},
			&complexError{TopLevel: ptr("t"), Message: ptr("m")}},
		{"a modeled error without members is __type alone", protocol.ErrorBody{Code: "ComplexError"}, &schemaComplexError,
			&complexError{}, protocol.ErrorInfo{Code: "ComplexError", Members: true}, &complexError{}},
		{"the mock's own error carries its message", protocol.ErrorBody{Code: "ValidationException", Message: "bad"}, nil, nil,
			protocol.ErrorInfo{Code: "ValidationException", Message: "bad", Members: true}, &complexError{}},
		{"the mock's own error without a message", protocol.ErrorBody{Code: "InternalFailure"}, nil, nil,
			protocol.ErrorInfo{Code: "InternalFailure", Members: true}, &complexError{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			body, err := RPCv2CBOR.EncodeError(&protocol.Message{Operation: "Op"}, tt.e, tt.s, tt.v)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.info, RPCv2CBOR.ReadError(http.Header{}, body)); diff != "" {
				t.Errorf("ReadError of %x (-want +got):\n%s", body, diff)
			}
			got := &complexError{}
			if err := RPCv2CBOR.DecodeError(body, &schemaComplexError, got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.value, got); diff != "" {
				t.Errorf("DecodeError of %x (-want +got):\n%s", body, diff)
			}
		})
	}
}

func TestBodiesGoThroughCBOR(t *testing.T) {
	m := &protocol.Message{Operation: "Op"}
	in := &complexError{TopLevel: ptr("x"), Nested: &nested{Foo: ptr("y")}}
	data, err := RPCv2CBOR.EncodeRequest(m, &schemaComplexError, in)
	if err != nil {
		t.Fatal(err)
	}
	if want := "a2 68546f704c6576656c 6178 664e6573746564 a1 63466f6f 6179"; hex.EncodeToString(data) != strings.ReplaceAll(want, " ", "") {
		t.Errorf("EncodeRequest = %x, want %s", data, want)
	}
	got := &complexError{}
	if err := RPCv2CBOR.DecodeRequest(m, data, &schemaComplexError, got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, got); diff != "" {
		t.Errorf("DecodeRequest (-want +got):\n%s", diff)
	}
	if err := RPCv2CBOR.DecodeResponse(m, []byte("{}"), &schemaComplexError, &complexError{}); err == nil || !strings.Contains(err.Error(), "expected a map") {
		t.Errorf("DecodeResponse of JSON = %v, want a CBOR error", err)
	}
	if _, err := RPCv2CBOR.EncodeResponse(m, nil, in); err == nil {
		t.Error("EncodeResponse of a structure with members but no shape succeeded")
	}
	if err := RPCv2CBOR.DecodeResponse(m, []byte{0xa0}, nil, in); err == nil {
		t.Error("DecodeResponse into a structure with members but no shape succeeded")
	}
}

func TestAStructureWithoutMembersNeedsNoShape(t *testing.T) {
	type empty struct{}
	m := &protocol.Message{Operation: "Op"}
	data, err := RPCv2CBOR.EncodeRequest(m, nil, &empty{})
	if err != nil || string(data) != "\xa0" {
		t.Errorf("EncodeRequest(nil shape) = %x, %v; want a0 (an empty map)", data, err)
	}
	if err := RPCv2CBOR.DecodeResponse(m, unhex(t, "bf 6178 01 ff"), nil, &empty{}); err != nil {
		t.Errorf("DecodeResponse of a map with an unknown member: %v", err)
	}
	if err := RPCv2CBOR.DecodeResponse(m, unhex(t, "81 01"), nil, &empty{}); err == nil {
		t.Error("DecodeResponse of an array into a structure succeeded")
	}
}
