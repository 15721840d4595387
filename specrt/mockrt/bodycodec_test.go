package mockrt

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/specrt/protocol"
	"github.com/specgen/specgen/specrt/schema"
)

// recordingBody is the protocol's body codec, recording each call as
// "<Marshal|Unmarshal> <shape>".
type recordingBody struct {
	protocol.Body
	calls []string
}

func (b *recordingBody) Marshal(s *schema.Shape, v any) ([]byte, error) {
	b.calls = append(b.calls, "Marshal "+shapeNames[s])
	return b.Body.Marshal(s, v)
}

func (b *recordingBody) Unmarshal(data []byte, s *schema.Shape, v any) error {
	b.calls = append(b.calls, "Unmarshal "+shapeNames[s])
	return b.Body.Unmarshal(data, s, v)
}

// The codec shapes of CreateThing's input and output, as a generated
// WireShape would describe them (the fixture leaves them to struct tags).
var (
	schemaCreateThingInput = schema.Shape{Kind: schema.KindStruct, Type: (*CreateThingInput)(nil), Members: []schema.Member{
		{Name: "name", Offset: unsafe.Offsetof(CreateThingInput{}.Name), Shape: &schema.String},
	}}
	schemaCreateThingOutput = schema.Shape{Kind: schema.KindStruct, Type: (*CreateThingOutput)(nil), Members: []schema.Member{
		{Name: "name", Offset: unsafe.Offsetof(CreateThingOutput{}.Name), Shape: &schema.String},
	}}
	shapeNames = map[*schema.Shape]string{
		&schemaDoc: "Doc", &schemaPutDocInput: "PutDocInput", &schemaPutDocOutput: "PutDocOutput",
		&schemaCreateThingInput: "CreateThingInput", &schemaCreateThingOutput: "CreateThingOutput",
	}
)

var madeName = "made"

func TestTheMockReadsAndWritesWireBodiesWithItsProtocolsCodec(t *testing.T) {
	for _, tc := range []struct {
		name        string
		svc         func() *Service
		op          string
		out         any
		method, url string
		target      string
		body        string
		wantBody    string
		want        []string
	}{
		{
			name: "an awsJson input and output go through the codec with their shapes",
			svc: func() *Service {
				svc := jsonService()
				svc.WireShape = func(v any) *schema.Shape {
					switch v.(type) {
					case *CreateThingInput:
						return &schemaCreateThingInput
					case *CreateThingOutput:
						return &schemaCreateThingOutput
					}
					return errorWireShape(v)
				}
				return svc
			},
			op: "CreateThing", out: &CreateThingOutput{Name: &madeName},
			method: "POST", url: "/", target: "Things_20200101.CreateThing",
			body: `{"name":"abcd"}`, wantBody: `{"name":"made"}`,
			want: []string{"Unmarshal CreateThingInput", "Marshal CreateThingOutput"},
		},
		{
			name: "a restJson structure payload goes through the codec with its shape",
			svc: func() *Service {
				svc := payloadService()
				svc.WireShape = payloadWireShape
				return svc
			},
			op: "PutDoc", out: &PutDocOutput{},
			method: "PUT", url: "/docs/d1?v=1",
			body: `{"lvl":3}`, wantBody: "",
			want: []string{"Unmarshal Doc", "Marshal PutDocOutput"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := NewServer(tc.svc())
			body := &recordingBody{Body: s.speakers[0].body}
			s.speakers[0].body = body
			s.Override(tc.op, func(context.Context, any) (any, error) { return tc.out, nil })
			url := StartTest(t, s)
			req, err := http.NewRequest(tc.method, url+tc.url, strings.NewReader(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			if tc.target != "" {
				req.Header.Set("X-Amz-Target", tc.target)
				req.Header.Set("Content-Type", "application/x-amz-json-1.1")
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			data, err := io.ReadAll(resp.Body)
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != 200 {
				t.Fatalf("got %d %s, want 200", resp.StatusCode, data)
			}
			if diff := cmp.Diff(tc.wantBody, string(data)); diff != "" {
				t.Errorf("response body (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.want, body.calls); diff != "" {
				t.Errorf("codec calls (-want +got):\n%s", diff)
			}
		})
	}
}
