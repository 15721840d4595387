package spec

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/generator/model"
)

const xmlSpec = `
service:
  name: things
  title: Things
  apiVersion: "2024-01-01"
  protocol: restXml
  protocols: [restXml]
  signingName: things
  endpointPrefix: things
  xmlNamespace: https://things.example.com/doc/2024-01-01/
  validationError: Invalid
operations:
  PutThing:
    http: {method: PUT, path: /things, status: 200}
    input: PutIn
    output: PutOut
    resultWrapper: PutThingResult
shapes:
  PutIn:
    type: structure
    xml: {name: PutThingRequest, namespace: https://things.example.com/}
    members:
      id: {shape: string, xml: {attribute: true, namespace: {uri: "urn:id", prefix: i}}}
      tags: {shape: Tags, xml: {queryName: TagSet}}
      flatTags: {shape: Tags, xml: {flattened: true}}
      labels: Labels
      plain: string
  PutOut:
    type: structure
    members:
      inner: Inner
  Inner:
    type: structure
    xml: {namespace: "urn:inner"}
    members: {n: integer}
  Tags:
    type: list
    member: string
    xml: {memberName: tag, memberNamespace: {uri: "urn:tag", prefix: t}}
  Labels:
    type: map
    value: string
    xml: {flattened: true, keyName: k, keyNamespace: "urn:k", valueName: v, valueNamespace: "urn:v", namespace: "urn:labels"}
  Invalid:
    type: structure
    members: {message: string}
    error: {status: 400}
`

// TestXMLTraitsReachTheModel loads the XML and query traits and checks what
// each shape, member and operation carries, a shape's flattened and
// namespace reaching the members that hold it.
func TestXMLTraitsReachTheModel(t *testing.T) {
	svc, err := Load("things.yaml", []byte(xmlSpec))
	if err != nil {
		t.Fatal(err)
	}
	shapes := map[string]*model.Shape{}
	for _, s := range svc.Shapes {
		shapes[s.Name] = s
	}
	members := func(s string) map[string]*model.XMLMember {
		out := map[string]*model.XMLMember{}
		for _, m := range shapes[s].Members {
			out[m.Name] = m.XML
		}
		return out
	}
	if got, want := svc.XMLNamespace, "https://things.example.com/doc/2024-01-01/"; got != want {
		t.Errorf("service XMLNamespace = %q, want %q", got, want)
	}
	if got, want := svc.Operations[0].ResultWrapper, "PutThingResult"; got != want {
		t.Errorf("PutThing ResultWrapper = %q, want %q", got, want)
	}
	for _, tc := range []struct {
		name      string
		got, want any
	}{
		{"an input structure has its element name and namespace", shapes["PutIn"].XML,
			&model.XMLShape{Name: "PutThingRequest", NS: &model.XMLNamespace{URI: "https://things.example.com/"}}},
		{"a list has its item name and namespace", shapes["Tags"].XML,
			&model.XMLShape{MemberName: "tag", MemberNS: &model.XMLNamespace{Prefix: "t", URI: "urn:tag"}}},
		{"a map has its key and value names and namespaces", shapes["Labels"].XML,
			&model.XMLShape{Flattened: true, NS: &model.XMLNamespace{URI: "urn:labels"}, KeyName: "k", KeyNS: &model.XMLNamespace{URI: "urn:k"},
				ValueName: "v", ValueNS: &model.XMLNamespace{URI: "urn:v"}}},
		{"a shape without traits has none", shapes["Invalid"].XML, (*model.XMLShape)(nil)},
		{"members carry their own traits and those of the lists and maps they hold", members("PutIn"), map[string]*model.XMLMember{
			"id":       {Attribute: true, NS: &model.XMLNamespace{Prefix: "i", URI: "urn:id"}},
			"tags":     {QueryName: "TagSet"},
			"flatTags": {Flattened: true},
			"labels":   {Flattened: true, NS: &model.XMLNamespace{URI: "urn:labels"}},
			"plain":    nil,
		}},
		{"a member holding a structure declares the structure's namespace", members("PutOut"), map[string]*model.XMLMember{"inner": {NS: &model.XMLNamespace{URI: "urn:inner"}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, tc.got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
