package mockrt

import (
	"context"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/specrt/schema"
)

// The codec shapes of the fixture's types, as a generated package's
// WireShape hands them to its mock. The output's name travels as
// "thingName" here (its JSON tag says "name"), so that a test sees which
// encoder wrote a response.
var (
	schemaConfig = schema.Shape{Kind: schema.KindStruct, Type: (*Config)(nil), Members: []schema.Member{
		{Name: "port", Offset: unsafe.Offsetof(Config{}.Port), Shape: &schema.Int32},
		{Name: "path", Offset: unsafe.Offsetof(Config{}.Path), Shape: &schema.String},
	}}
	schemaTags        = schema.Shape{Kind: schema.KindMap, Type: (*map[string]string)(nil), Elem: &schema.String}
	schemaCreateInput = schema.Shape{Kind: schema.KindStruct, Type: (*CreateThingInput)(nil), Members: []schema.Member{
		{Name: "clientToken", Offset: unsafe.Offsetof(CreateThingInput{}.ClientToken), Shape: &schema.String},
		{Name: "name", Offset: unsafe.Offsetof(CreateThingInput{}.Name), Shape: &schema.String},
		{Name: "tags", Offset: unsafe.Offsetof(CreateThingInput{}.Tags), Shape: &schemaTags},
		{Name: "authType", Offset: unsafe.Offsetof(CreateThingInput{}.AuthType), Shape: &schema.Enum},
		{Name: "config", Offset: unsafe.Offsetof(CreateThingInput{}.Config), Shape: &schemaConfig},
		{Name: "secret", Offset: unsafe.Offsetof(CreateThingInput{}.Secret), Shape: &schema.String},
	}}
	schemaCreateOutput = schema.Shape{Kind: schema.KindStruct, Type: (*CreateThingOutput)(nil), Members: []schema.Member{
		{Name: "id", Offset: unsafe.Offsetof(CreateThingOutput{}.ID), Shape: &schema.String},
		{Name: "thingName", Offset: unsafe.Offsetof(CreateThingOutput{}.Name), Shape: &schema.String},
	}}
)

func fixtureWireShape(v any) *schema.Shape {
	switch v.(type) {
	case *CreateThingInput:
		return &schemaCreateInput
	case *CreateThingOutput:
		return &schemaCreateOutput
	}
	return errorWireShape(v)
}

func startRestWithShapes(t *testing.T) (*Server, string) {
	svc := restService()
	svc.WireShape = fixtureWireShape
	s := NewServer(svc)
	return s, StartTest(t, s)
}

func TestRequestsDecodedByTheCodecNameTheMember(t *testing.T) {
	_, url := startRestWithShapes(t)
	for _, tc := range []struct {
		name, body, want string
	}{
		{"a list where an object belongs", `{"name":"abc","config":[1]}`, "expected an object at 'config', found an array"},
		{"a number where a string belongs", `{"name":7}`, "expected a string at 'name', found a number"},
		{"a nested wrong type", `{"name":"abc","config":{"port":"80"}}`, "expected a number at 'config.port', found a string"},
		{"an out-of-range integer", `{"name":"abc","config":{"port":99999999999}}`, "overflows an integer of 32 bits at 'config.port'"},
		{"a map value of the wrong type", `{"name":"abc","tags":{"k":true}}`, "expected a string at 'tags.k', found a boolean"},
	} {
		t.Run(tc.name+" is a 400 naming the problem", func(t *testing.T) {
			r := do(t, url, "POST", "/things", "", tc.body)
			if r.status != 400 || r.body["reason"] != "cannotParse" {
				t.Fatalf("got %d %s", r.status, r.raw)
			}
			if msg := r.body["message"].(string); !strings.Contains(msg, tc.want) {
				t.Errorf("message %q does not contain %q", msg, tc.want)
			}
		})
	}
}

func TestHandlerOutputsAreEncodedByTheCodec(t *testing.T) {
	s, url := startRestWithShapes(t)
	id := "t-1"
	s.Override("CreateThing", func(_ context.Context, in any) (any, error) {
		return &CreateThingOutput{ID: &id, Name: in.(*CreateThingInput).Name}, nil
	})
	r := do(t, url, "POST", "/things", "", `{"name":"abc","Name":"other"}`)
	if r.status != 201 {
		t.Fatalf("got %d %s", r.status, r.raw)
	}
	if diff := cmp.Diff(map[string]any{"id": "t-1", "thingName": "abc"}, r.body); diff != "" {
		t.Errorf("response (-want +got)\n%s", diff)
	}
}
