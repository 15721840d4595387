package registry_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/generator/importer"
	"github.com/specgen/specgen/specrt/protocol"
	"github.com/specgen/specgen/specrt/protocol/ident"
	"github.com/specgen/specgen/specrt/protocol/registry"
	"github.com/specgen/specgen/specrt/schema"
)

func TestEveryKnownProtocolHasItsImplementation(t *testing.T) {
	for _, id := range ident.All() {
		t.Run(id.Name+" resolves to an implementation of the same identity", func(t *testing.T) {
			p, err := registry.Lookup(id.Name)
			if err != nil {
				t.Fatal(err)
			}
			if p.Identity() != id {
				t.Errorf("Lookup(%q).Identity() = %+v, want %+v", id.Name, p.Identity(), id)
			}
		})
	}
}

func TestAnUnknownProtocolIsRefusedNamingTheKnownOnes(t *testing.T) {
	_, err := registry.Lookup("awsJson2_0")
	want := `unknown protocol "awsJson2_0" (want awsJson1_0, awsJson1_1, awsQuery, ec2Query, restJson1, restXml, rpcv2Cbor)`
	if err == nil || err.Error() != want {
		t.Errorf("Lookup(awsJson2_0) = %v, want %s", err, want)
	}
}

var specProtocol = regexp.MustCompile(`(?m)^  protocol: (\S+)$`)

// TestEveryProtocolTheImporterAcceptsHasAnImplementation imports a model of
// each protocol botocore names: those the importer accepts must be known
// to the generator and implemented in the run time, and
// every botocore protocol must be among them.
func TestEveryProtocolTheImporterAcceptsHasAnImplementation(t *testing.T) {
	for _, tc := range []struct {
		botocore, jsonVersion string
	}{
		{"json", "1.0"},
		{"json", "1.1"},
		{"rest-json", ""},
		{"query", ""},
		{"ec2", ""},
		{"rest-xml", ""},
		{"smithy-rpc-v2-cbor", ""},
	} {
		t.Run(strings.TrimSpace(tc.botocore+" "+tc.jsonVersion), func(t *testing.T) {
			md := map[string]any{
				"apiVersion": "2026-01-01", "endpointPrefix": "things", "protocol": tc.botocore,
				"protocols": []string{tc.botocore}, "serviceFullName": "Things", "serviceId": "Things",
				"signatureVersion": "v4", "signingName": "things", "targetPrefix": "Things",
			}
			if tc.jsonVersion != "" {
				md["jsonVersion"] = tc.jsonVersion
			}
			model, err := json.Marshal(map[string]any{"version": "2.0", "metadata": md, "operations": map[string]any{}, "shapes": map[string]any{}})
			if err != nil {
				t.Fatal(err)
			}
			res, err := importer.Import("", []importer.File{{Name: "service-2.json", Data: model}}, importer.Options{})
			if err != nil {
				t.Fatal(err)
			}
			m := specProtocol.FindSubmatch(res.Spec)
			if m == nil {
				t.Fatalf("no protocol in the imported spec:\n%s", res.Spec)
			}
			name := string(m[1])
			if _, err := ident.Lookup(name); err != nil {
				t.Fatalf("the importer writes a protocol the generator does not know: %v", err)
			}
			if _, err := registry.Lookup(name); err != nil {
				t.Error(err)
			}
		})
	}
}

// bodyThing is a structure for the body codecs' round trip.
type bodyThing struct {
	Name  *string
	Count *int64
}

var schemaBodyThing = schema.Shape{Kind: schema.KindStruct, Type: (*bodyThing)(nil), Members: []schema.Member{
	{Name: "name", Offset: unsafe.Offsetof(bodyThing{}.Name), Shape: &schema.String},
	{Name: "count", Offset: unsafe.Offsetof(bodyThing{}.Count), Shape: &schema.Int64},
}}

func TestEveryProtocolsBodyCodecRoundTripsAStructure(t *testing.T) {
	name, count := "a \"thing\"", int64(-7)
	want := &bodyThing{Name: &name, Count: &count}
	for _, id := range ident.All() {
		t.Run(id.Name+" decodes what it encodes", func(t *testing.T) {
			p, err := registry.Lookup(id.Name)
			if err != nil {
				t.Fatal(err)
			}
			data, err := p.Body().Marshal(&schemaBodyThing, want)
			if err != nil {
				t.Fatal(err)
			}
			got := &bodyThing{}
			if err := p.Body().Unmarshal(data, &schemaBodyThing, got); err != nil {
				t.Fatalf("Unmarshal(%s): %v", data, err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("round trip of %s (-want +got):\n%s", data, diff)
			}
		})
	}
}

// renamed is awsJson1_1 under another name, as a protocol outside the
// module would be registered.
type renamed struct {
	protocol.Protocol
	id *ident.Identity
}

func (r renamed) Identity() *ident.Identity { return r.id }

func TestRegisterAddsAProtocolUntilItIsRemoved(t *testing.T) {
	json11, err := registry.Lookup("awsJson1_1")
	if err != nil {
		t.Fatal(err)
	}
	double := renamed{Protocol: json11, id: &ident.Identity{Name: "double"}}
	remove, err := registry.Register(double)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("a registered protocol resolves to itself", func(t *testing.T) {
		if p, err := registry.Lookup("double"); err != nil || p != protocol.Protocol(double) {
			t.Errorf("Lookup(double) = %v, %v; want the registered protocol", p, err)
		}
	})
	t.Run("a name registered twice is refused", func(t *testing.T) {
		if _, err := registry.Register(double); err == nil || err.Error() != "protocol double is already registered" {
			t.Errorf("Register again = %v, want already registered", err)
		}
	})
	t.Run("an implemented name is refused", func(t *testing.T) {
		if _, err := registry.Register(renamed{Protocol: json11, id: &ident.Identity{Name: "restJson1"}}); err == nil || err.Error() != "protocol restJson1 is already implemented" {
			t.Errorf("Register(restJson1) = %v, want already implemented", err)
		}
	})
	remove()
	t.Run("a removed protocol is unknown again", func(t *testing.T) {
		if _, err := registry.Lookup("double"); err == nil || !strings.HasPrefix(err.Error(), `unknown protocol "double"`) {
			t.Errorf("Lookup(double) after remove = %v, want unknown protocol", err)
		}
	})
}
