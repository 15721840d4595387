package specrt

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/specrt/protocol"
	"github.com/specgen/specgen/specrt/protocol/registry"
	"github.com/specgen/specgen/specrt/schema"
)

// codecThing is a structure the test's shapes describe.
type codecThing struct {
	Name *string
}

// Three shapes of it, so that the test sees which one the codec is handed.
var (
	inShape      = schema.Shape{Kind: schema.KindStruct, Type: (*codecThing)(nil)}
	outShape     = schema.Shape{Kind: schema.KindStruct, Type: (*codecThing)(nil)}
	payloadShape = schema.Shape{Kind: schema.KindStruct, Type: (*codecThing)(nil)}
)

// lineBody is a body codec that is not JSON: a codecThing is "name=<Name>".
// The shapes it is handed are recorded.
type lineBody struct{ shapes []*schema.Shape }

func (b *lineBody) Marshal(s *schema.Shape, v any) ([]byte, error) {
	b.shapes = append(b.shapes, s)
	return []byte("name=" + *v.(*codecThing).Name), nil
}

func (b *lineBody) Unmarshal(data []byte, s *schema.Shape, v any) error {
	b.shapes = append(b.shapes, s)
	name, ok := strings.CutPrefix(string(data), "name=")
	if !ok {
		return errors.New("not a line body")
	}
	v.(*codecThing).Name = &name
	return nil
}

// lineProtocol is a JSON protocol whose bodies lineBody encodes: bare ones
// (payloads) and those of requests and responses, which it records the
// operation of.
type lineProtocol struct {
	protocol.Protocol
	body *lineBody
	ops  *[]string
}

func (p lineProtocol) Body() protocol.Body { return p.body }

func (p lineProtocol) EncodeRequest(m *protocol.Message, s *schema.Shape, v any) ([]byte, error) {
	*p.ops = append(*p.ops, "request "+m.Operation)
	return p.body.Marshal(s, v)
}

func (p lineProtocol) DecodeResponse(m *protocol.Message, data []byte, s *schema.Shape, v any) error {
	*p.ops = append(*p.ops, "response "+m.Operation)
	return p.body.Unmarshal(data, s, v)
}

// bodyDoer answers every request with its body and records the request's.
type bodyDoer struct {
	sent []byte
	body string
}

func (d *bodyDoer) Do(r *http.Request) (*http.Response, error) {
	var err error
	if d.sent, err = io.ReadAll(r.Body); err != nil {
		return nil, err
	}
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(d.body))}, nil
}

func TestTheClientEncodesAndDecodesBodiesThroughItsProtocol(t *testing.T) {
	for _, tc := range []struct {
		name     string
		op       *Operation
		wantSent string
		want     []*schema.Shape
		wantOps  []string
	}{
		{
			name:     "the input and the output go through the codec with their shapes",
			op:       &Operation{Name: "Put", Input: &inShape, Output: &outShape},
			wantSent: "name=in",
			want:     []*schema.Shape{&inShape, &outShape},
			wantOps:  []string{"request Put", "response Put"},
		},
		{
			name: "a structure payload goes through the codec with its shape",
			op: &Operation{Name: "Put", Output: &outShape, BindRequest: func(in any, b *RequestBinding) {
				b.StructPayload(&payloadShape, in, "application/json")
			}},
			wantSent: "name=in",
			want:     []*schema.Shape{&payloadShape, &outShape},
			wantOps:  []string{"response Put"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			real, err := registry.Lookup("awsJson1_0")
			if err != nil {
				t.Fatal(err)
			}
			body := &lineBody{}
			doer := &bodyDoer{body: "name=out"}
			svc := &Service{Name: "things", Protocol: "awsJson1_0", TargetPrefix: "Things", SigningName: "things"}
			c := NewClient(svc, Options{BaseEndpoint: "http://localhost:1", HTTPClient: doer, Region: "us-east-1"})
			var ops []string
			c.proto = lineProtocol{Protocol: real, body: body, ops: &ops}
			name := "in"
			in, out := &codecThing{Name: &name}, &codecThing{}
			if err := c.Invoke(context.Background(), tc.op, in, out); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(doer.sent, []byte(tc.wantSent)) {
				t.Errorf("sent body %q, want %q", doer.sent, tc.wantSent)
			}

			if diff := cmp.Diff("out", *out.Name); diff != "" {
				t.Errorf("decoded output (-want +got):\n%s", diff)
			}
			names := map[*schema.Shape]string{&inShape: "input", &outShape: "output", &payloadShape: "payload"}
			var got, want []string
			for _, s := range body.shapes {
				got = append(got, names[s])
			}
			for _, s := range tc.want {
				want = append(want, names[s])
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("shapes the codec was called with (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.wantOps, ops); diff != "" {
				t.Errorf("messages the protocol was handed (-want +got):\n%s", diff)
			}
		})
	}
}

// codecError is a typed error of the line protocol's service.
type codecError struct {
	codecThing
	Metadata ErrorMetadata
}

func (e *codecError) Error() string                 { return "CodecError" }
func (e *codecError) ErrorCode() string             { return "CodecError" }
func (e *codecError) ErrorMessage() string          { return "" }
func (e *codecError) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }
func (e *codecError) HTTPStatusCode() int           { return 400 }
func (e *codecError) ErrorMetadata() *ErrorMetadata { return &e.Metadata }

var errorShape = schema.Shape{Kind: schema.KindStruct, Type: (*codecError)(nil)}

// lineErrors is lineProtocol whose error bodies are "error <code> <request
// id> name=<Name>".
type lineErrors struct{ lineProtocol }

func (p lineErrors) ReadError(_ http.Header, body []byte) protocol.ErrorInfo {
	f := strings.Fields(string(body))
	if len(f) != 4 || f[0] != "error" {
		return protocol.ErrorInfo{}
	}
	return protocol.ErrorInfo{Code: f[1], RequestID: f[2], Members: true}
}

func (p lineErrors) DecodeError(data []byte, s *schema.Shape, v any) error {
	f := strings.Fields(string(data))
	return p.body.Unmarshal([]byte(f[3]), s, &v.(*codecError).codecThing)
}

// errorDoer answers every request with a 400 and body, with the given
// request id header (none when empty).
type errorDoer struct{ body, requestID string }

func (d errorDoer) Do(*http.Request) (*http.Response, error) {
	h := http.Header{}
	if d.requestID != "" {
		h.Set("X-Amzn-RequestId", d.requestID)
	}
	return &http.Response{StatusCode: 400, Header: h, Body: io.NopCloser(strings.NewReader(d.body))}, nil
}

func TestTheClientReadsErrorsThroughItsProtocol(t *testing.T) {
	for _, tc := range []struct {
		name, header string
		wantID       string
	}{
		{"the request id comes from the body when no header has it", "", "body-id"},
		{"the request id header comes first", "header-id", "header-id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			real, err := registry.Lookup("awsJson1_0")
			if err != nil {
				t.Fatal(err)
			}
			body := &lineBody{}
			svc := &Service{
				Name: "things", Protocol: "awsJson1_0", TargetPrefix: "Things", SigningName: "things",
				NewError: func(code string, _ http.Header) APIError {
					if code == "CodecError" {
						return new(codecError)
					}
					return nil
				},
				WireShape: func(v any) *schema.Shape {
					if _, ok := v.(*codecError); ok {
						return &errorShape
					}
					return nil
				},
			}
			c := NewClient(svc, Options{BaseEndpoint: "http://localhost:1", HTTPClient: errorDoer{body: "error CodecError body-id name=bad", requestID: tc.header}, Region: "us-east-1", RetryMaxAttempts: 1})
			var ops []string
			c.proto = lineErrors{lineProtocol{Protocol: real, body: body, ops: &ops}}
			name := "in"
			err = c.Invoke(context.Background(), &Operation{Name: "Put", Input: &inShape, Output: &outShape}, &codecThing{Name: &name}, &codecThing{})
			var ce *codecError
			if !errors.As(err, &ce) {
				t.Fatalf("err = %v, want *codecError", err)
			}
			type seen struct {
				Name, RequestID string
				Status          int
			}
			got := seen{RequestID: ce.Metadata.RequestID, Status: ce.Metadata.StatusCode}
			if ce.Name != nil {
				got.Name = *ce.Name
			}
			if diff := cmp.Diff(seen{Name: "bad", RequestID: tc.wantID, Status: 400}, got); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			if len(body.shapes) != 2 || body.shapes[0] != &inShape || body.shapes[1] != &errorShape {
				t.Errorf("the codec was called with %d shapes, want the input's, then the error's that WireShape gives", len(body.shapes))
			}
		})
	}
}
