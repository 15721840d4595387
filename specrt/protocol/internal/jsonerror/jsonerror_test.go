package jsonerror

import (
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/specrt/protocol"
)

func TestSanitizeCode(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"a bare code is kept", "ConflictException", "ConflictException"},
		{"a URI suffix is dropped", "ConflictException:http://internal.amazon.com/coral/", "ConflictException"},
		{"a namespace is dropped", "aws.protocoltests.restjson#FooError", "FooError"},
		{"both are dropped", "aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/", "FooError"},
		{"white space is trimmed", " FooError ", "FooError"},
		{"nothing stays nothing", "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := SanitizeCode(tt.in); got != tt.want {
				t.Errorf("SanitizeCode(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestRead(t *testing.T) {
	for _, tt := range []struct {
		name   string
		header http.Header
		body   string
		want   protocol.ErrorInfo
	}{
		{"the header comes first", http.Header{"X-Amzn-Errortype": {"A:x"}}, `{"__type":"B","code":"C","message":"m"}`, protocol.ErrorInfo{Code: "A", Message: "m", Members: true}},
		{"__type comes before code", nil, `{"__type":"ns#B","code":"C"}`, protocol.ErrorInfo{Code: "B", Members: true}},
		{"code is read when there is no __type", nil, `{"code":"ns#C"}`, protocol.ErrorInfo{Code: "C", Members: true}},
		{"__type alone and Message capitalized are read", nil, `{"__type":"ns#B","Message":"M"}`, protocol.ErrorInfo{Code: "B", Message: "M", Members: true}},
		{"an empty body has no code", nil, ``, protocol.ErrorInfo{}},
		{"HTML has no code", nil, `<html></html>`, protocol.ErrorInfo{}},
		{"truncated JSON has no code", nil, `{"__type":"B`, protocol.ErrorInfo{}},
		{"a JSON string is not an error object", nil, `"B"`, protocol.ErrorInfo{}},
		{"a non-string type is ignored", nil, `{"__type":1,"code":"C"}`, protocol.ErrorInfo{Code: "C", Members: true}},
		{"the header is read over a body that is not JSON", http.Header{"X-Amzn-Errortype": {"A"}}, `<html>`, protocol.ErrorInfo{Code: "A"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := tt.header
			if h == nil {
				h = http.Header{}
			}
			if diff := cmp.Diff(tt.want, Read(h, []byte(tt.body))); diff != "" {
				t.Errorf("Read (-want +got):\n%s", diff)
			}
		})
	}
}
