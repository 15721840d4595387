package mockrt

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/specrt/schema"
)

type Doc struct {
	Level *int32 `json:"level,omitempty"`
}

type PutDocInput struct {
	Name   *string             `json:"-"`
	Doc    *Doc                `json:"-"`
	Params map[string][]string `json:"-"`
	Meta   map[string]string   `json:"-"`
	Tags   []string            `json:"-"`
	Policy *string             `json:"-"`
}

func (v *PutDocInput) Validate() error { return nil }

type PutDocOutput struct {
	Doc     *Doc              `json:"-"`
	Status  *int32            `json:"-"`
	Meta    map[string]string `json:"-"`
	Tags    []string          `json:"-"`
	When    *time.Time        `json:"-"`
	Policy  *string           `json:"-"`
	Comment *string           `json:"comment,omitempty"`
}

type PutBlobInput struct {
	Data []byte `json:"-"`
}

func (v *PutBlobInput) Validate() error { return nil }

type PutBlobOutput struct {
	Data []byte `json:"-"`
}

func payloadService() *Service {
	svc := restService()
	svc.Operations = append(svc.Operations, &Operation{
		Name: "PutDoc", Method: "PUT", Path: "/docs/{name}?v=1", Status: 200,
		NewInput:  func() Input { return new(PutDocInput) },
		NewOutput: func() any { return new(PutDocOutput) },
		Bindings: []Binding{
			{Location: "uri", Name: "name", Member: "name", Field: "Name"},
			{Location: "payload", Member: "doc", Field: "Doc"},
			{Location: "query", Member: "params", Field: "Params"},
			{Location: "headers", Name: "X-Meta-", Member: "meta", Field: "Meta"},
			{Location: "header", Name: "X-Tags", Member: "tags", Field: "Tags"},
			{Location: "header", Name: "X-Policy", Member: "policy", Field: "Policy", JSONValue: true},
		},
		OutputBindings: []Binding{
			{Location: "payload", Member: "doc", Field: "Doc"},
			{Location: "statusCode", Member: "status", Field: "Status"},
			{Location: "headers", Name: "X-Meta-", Member: "meta", Field: "Meta"},
			{Location: "header", Name: "X-Tags", Member: "tags", Field: "Tags"},
			{Location: "header", Name: "X-When", Member: "when", Field: "When"},
			{Location: "header", Name: "X-Policy", Member: "policy", Field: "Policy", JSONValue: true},
		},
		Behavior: &Behavior{Output: []Field{
			{"doc", "{input.doc}"}, {"status", 202}, {"meta", "{input.meta}"}, {"tags", "{input.tags}"},
			{"when", 1700000000}, {"policy", "{input.policy}"}, {"comment", "dropped: a payload is the whole body"},
			{"params", "{input.params}"},
		}},
	}, &Operation{
		Name: "PutBlob", Method: "PUT", Path: "/blobs", Status: 200,
		NewInput:       func() Input { return new(PutBlobInput) },
		NewOutput:      func() any { return new(PutBlobOutput) },
		Bindings:       []Binding{{Location: "payload", Member: "data", Field: "Data"}},
		OutputBindings: []Binding{{Location: "payload", Member: "data", Field: "Data"}},
		Behavior:       &Behavior{Output: []Field{{"data", "{input.data}"}}},
	})
	return svc
}

func TestPayloadAndHeaderBindings(t *testing.T) {
	url := StartTest(t, NewServer(payloadService()))
	tests := []struct {
		name, method, path, body string
		header                   map[string]string
		status                   int
		wantHeader               map[string]string
		wantBody                 string
	}{
		{
			name: "a structure payload, header map, quoted list and JSON header come back as they went",
			path: "/docs/d1?v=1&a=1&a=2", body: `{"level":3,"Level":9}`,
			header: map[string]string{"X-Meta-Color": "red", "X-Tags": `"a,b", c`, "X-Policy": "eyJhIjoxfQ=="},
			status: 202,
			wantHeader: map[string]string{"X-Meta-Color": "red", "X-Tags": `"a,b", c`, "X-Policy": "eyJhIjoxfQ==",
				"X-When": "Tue, 14 Nov 2023 22:13:20 GMT", "Content-Type": "application/json"},
			wantBody: `{"level":3}`,
		},
		{
			name: "an empty body leaves the payload unset: no body, no content type",
			path: "/docs/d1?v=1", status: 202,
			wantHeader: map[string]string{"Content-Type": ""},
		},
		{
			name: "a payload that is not JSON is a serialization error",
			path: "/docs/d1?v=1", body: `{"level":`, status: 400, wantBody: "malformed JSON",
		},
		{
			name: "a payload of the wrong type is a serialization error naming it",
			path: "/docs/d1?v=1", body: `{"level":"high"}`, status: 400, wantBody: "level",
		},
		{
			name: "a JSON header that is not base64 is a serialization error",
			path: "/docs/d1?v=1", header: map[string]string{"X-Policy": "{not base64}"}, status: 400,
			wantBody: "header X-Policy: expected base64-encoded JSON",
		},
		{
			name: "a blob payload is the raw body, both ways",
			path: "/blobs", body: "\x00\x01 raw", status: 200,
			wantHeader: map[string]string{"Content-Type": "application/octet-stream"}, wantBody: "\x00\x01 raw",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest("PUT", url+tt.path, strings.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d; body %s", resp.StatusCode, tt.status, body)
			}
			for k, v := range tt.wantHeader {
				if got := resp.Header.Get(k); got != v {
					t.Errorf("header %s = %q, want %q", k, got, v)
				}
			}
			if tt.status == 400 {
				if !strings.Contains(string(body), tt.wantBody) {
					t.Errorf("body %s, want it to contain %q", body, tt.wantBody)
				}
				return
			}
			if diff := cmp.Diff(tt.wantBody, string(body)); diff != "" {
				t.Errorf("body (-want +got):\n%s", diff)
			}
		})
	}
}

func TestQueryMapTakesWhatNoMemberBinds(t *testing.T) {
	s := NewServer(payloadService())
	var got *PutDocInput
	s.Override("PutDoc", func(ctx context.Context, in any) (any, error) {
		got = in.(*PutDocInput)
		return &PutDocOutput{}, nil
	})
	url := StartTest(t, s)
	req, _ := http.NewRequest("PUT", url+"/docs/d1?v=1&a=1&a=2&b=x", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	// v is the path's literal query, not an entry.
	if diff := cmp.Diff(map[string][]string{"a": {"1", "2"}, "b": {"x"}}, got.Params); diff != "" {
		t.Errorf("query map (-want +got):\n%s", diff)
	}
}

// The codec shapes of PutDoc, as a generated WireShape describes them. The
// payload's level travels as "lvl" here (its JSON tag says "level"), so
// that a test sees which codec read and wrote the payload.
var (
	schemaDoc = schema.Shape{Kind: schema.KindStruct, Type: (*Doc)(nil), Members: []schema.Member{
		{Name: "lvl", Offset: unsafe.Offsetof(Doc{}.Level), Shape: &schema.Int32},
	}}
	schemaPutDocInput  = schema.Shape{Kind: schema.KindStruct, Type: (*PutDocInput)(nil)}
	schemaPutDocOutput = schema.Shape{Kind: schema.KindStruct, Type: (*PutDocOutput)(nil), Members: []schema.Member{
		{Name: "comment", Offset: unsafe.Offsetof(PutDocOutput{}.Comment), Shape: &schema.String},
	}}
)

func payloadWireShape(v any) *schema.Shape {
	switch v.(type) {
	case *Doc:
		return &schemaDoc
	case *PutDocInput:
		return &schemaPutDocInput
	case *PutDocOutput:
		return &schemaPutDocOutput
	}
	return fixtureWireShape(v)
}

func TestStructurePayloadsTravelByTheirCodecShape(t *testing.T) {
	svc := payloadService()
	svc.WireShape = payloadWireShape
	url := StartTest(t, NewServer(svc))
	for _, tc := range []struct {
		name, body string
		status     int
		want       string
	}{
		{"the payload is read and written under the shape's names", `{"lvl":3,"level":9}`, 202, `{"lvl":3}`},
		{"a payload member of the wrong type is a serialization error naming it", `{"lvl":"high"}`, 400, "expected a number at 'lvl', found a string"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequest("PUT", url+"/docs/d1?v=1", strings.NewReader(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			data, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tc.status || !strings.Contains(string(data), tc.want) {
				t.Errorf("got %d %s, want %d with %s", resp.StatusCode, data, tc.status, tc.want)
			}
		})
	}
}
