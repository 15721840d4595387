package mockrt

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The mock reads exactly the members the input declares, by their exact
// wire names, and answers from that one decoded value.
func TestMembersAreMatchedExactly(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		status     int
		want       map[string]any // selected output members; nil for an error
		wantInMsg  string
	}{
		{
			name: "a key that differs in case is an unknown key, so a required member is missing",
			body: `{"Name":"abc"}`, status: 400, wantInMsg: "name: is required",
		},
		{
			name: "the exact key wins over one that differs in case, whatever their order",
			body: `{"Name":"-BAD-VALUE-","name":"abc","NAME":"x"}`, status: 201,
			want: map[string]any{"name": "abc", "authType": "NONE"},
		},
		{
			name: "a nested member that differs in case is left out, not echoed",
			body: `{"name":"abc","config":{"Port":1,"port":8080,"Injected":"x"}}`, status: 201,
			want: map[string]any{"name": "abc", "authType": "NONE", "config": map[string]any{"port": 8080.0, "path": "/ping"}},
		},
		{
			name: "an empty enum is present and not a value",
			body: `{"name":"abc","authType":""}`, status: 400, wantInMsg: "authType: must be one of NONE, AWS_IAM",
		},
		{
			name: "a null enum is absent and gets its default",
			body: `{"name":"abc","authType":null}`, status: 201,
			want: map[string]any{"name": "abc", "authType": "NONE"},
		},
		{
			name: "a null structure is absent",
			body: `{"name":"abc","config":null}`, status: 201,
			want: map[string]any{"name": "abc", "authType": "NONE"},
		},
		{
			name: "an empty enum is reported with the validator's problems",
			body: `{"name":"a-name-too-long","authType":""}`, status: 400, wantInMsg: "validation failed with 2 problems",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, url := startRest(t)
			r := do(t, url, "POST", "/things", "", tc.body)
			if r.status != tc.status {
				t.Fatalf("status = %d, want %d; body %s", r.status, tc.status, r.raw)
			}
			if tc.wantInMsg != "" {
				if msg, _ := r.body["message"].(string); !strings.Contains(msg, tc.wantInMsg) {
					t.Errorf("message %q does not contain %q", msg, tc.wantInMsg)
				}
				return
			}
			got := map[string]any{}
			for _, k := range []string{"name", "authType", "config", "Name", "Injected"} {
				if v, ok := r.body[k]; ok {
					got[k] = v
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDuplicateIsFoundFromTheExactMember(t *testing.T) {
	_, url := startRest(t)
	if r := do(t, url, "POST", "/things", "", `{"name":"abc","Name":"zzz"}`); r.status != 201 {
		t.Fatalf("first create: %d %s", r.status, r.raw)
	}
	if r := do(t, url, "POST", "/things", "", `{"name":"abc","Name":"yyy"}`); r.status != 409 {
		t.Errorf("second create of abc: %d %s, want 409", r.status, r.raw)
	}
}

func TestTextThatIsNotUnicodeIsASerializationError(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		status     int
	}{
		{"a byte that is not UTF-8 is refused", "{\"name\":\"ab\xffc\"}", 400},
		{"another byte that is not UTF-8 is refused too", "{\"name\":\"ab\xfec\"}", 400},
		{"invalid UTF-8 in an unknown member is refused", "{\"name\":\"abc\",\"x\":\"\xc3\"}", 400},
		{"an unpaired high surrogate is refused", `{"name":"ab\ud800c"}`, 400},
		{"an unpaired low surrogate is refused", `{"name":"ab\udc00c"}`, 400},
		{"a high surrogate followed by another escape is refused", `{"name":"ab\ud800\u0041"}`, 400},
		{"a surrogate pair is a character", `{"name":"ab\ud83d\ude00"}`, 201},
		{"an escaped backslash before u is no escape", `{"name":"ab\\ud800"}`, 201},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, url := startRest(t)
			r := do(t, url, "POST", "/things", "", tc.body)
			if r.status != tc.status {
				t.Fatalf("status = %d, want %d; body %s", r.status, tc.status, r.raw)
			}
			if tc.status == 400 && r.body["reason"] != "cannotParse" {
				t.Errorf("answer %s, want the serialization error (reason cannotParse)", r.raw)
			}
		})
	}
}

// A map is dense in the AWS protocols: a null value in one is a malformed
// request, which the service refuses with its serialization error.
func TestANullValueInAMapIsASerializationError(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		status     int
		wantInMsg  string
	}{
		{"a null value in a map is refused, its key not shown", `{"name":"abc","tags":{"k":"v","secret-key":null}}`, 400, "null value in the map at tags"},
		{"a null map is absent, as any null member", `{"name":"abc","tags":null}`, 201, ""},
		{"an empty map is accepted", `{"name":"abc","tags":{}}`, 201, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, url := startRest(t)
			r := do(t, url, "POST", "/things", "", tc.body)
			if r.status != tc.status {
				t.Fatalf("status = %d, want %d; body %s", r.status, tc.status, r.raw)
			}
			if tc.wantInMsg == "" {
				return
			}
			msg, _ := r.body["message"].(string)
			if !strings.Contains(msg, tc.wantInMsg) || strings.Contains(msg, "secret-key") {
				t.Errorf("message %q: want it to contain %q and not the key", msg, tc.wantInMsg)
			}
			if r.body["reason"] != "cannotParse" {
				t.Errorf("answer %s, want the serialization error (reason cannotParse)", r.raw)
			}
		})
	}
}
