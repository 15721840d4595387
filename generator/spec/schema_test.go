package spec

import (
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

// TestSchemaMatchesKeys fails when the committed JSON Schemas differ from
// what the key tables give, so that the schema editors use and the keys the
// loader accepts cannot drift; -update rewrites them.
func TestSchemaMatchesKeys(t *testing.T) {
	for _, tt := range []struct {
		path    string
		overlay bool
	}{
		{"../../specs/spec.schema.json", false},
		{"../../specs/overlay.schema.json", true},
	} {
		t.Run(tt.path, func(t *testing.T) {
			got := Schema(tt.overlay)
			if !json.Valid(got) {
				t.Fatalf("schema is not JSON:\n%s", got)
			}
			if *update {
				if err := os.WriteFile(tt.path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(tt.path)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(string(got), "\n")); diff != "" {
				t.Errorf("%s is stale; run go generate ./generator/spec and commit it (-committed +tables):\n%s", tt.path, diff)
			}
		})
	}
}

// TestSchemaCoversKeys checks that the schema states every key of every
// table, as a property of its set's definition, and that the overlay
// schema requires none and lets shapes, members and operations say add.
func TestSchemaCoversKeys(t *testing.T) {
	type def struct {
		Properties map[string]json.RawMessage
		Required   []string
	}
	var spec, overlay struct {
		Defs map[string]def `json:"$defs"`
	}
	if err := json.Unmarshal(Schema(false), &spec); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(Schema(true), &overlay); err != nil {
		t.Fatal(err)
	}
	for _, s := range []*keySet{topSet, serviceSet, operationSet, shapeSet, memberSet, ruleSet, operationMockSet, serviceMockSet} {
		var props, required []string
		for _, k := range s.keys {
			props = append(props, k.name)
			if k.required {
				required = append(required, k.name)
			}
		}
		var got []string
		for p := range spec.Defs[s.name].Properties {
			got = append(got, p)
		}
		sort.Strings(props)
		sort.Strings(got)
		if diff := cmp.Diff(props, got); diff != "" {
			t.Errorf("spec schema properties of %s (-want +got):\n%s", s.name, diff)
		}
		if diff := cmp.Diff(required, spec.Defs[s.name].Required); diff != "" {
			t.Errorf("spec schema required keys of %s (-want +got):\n%s", s.name, diff)
		}
		if r := overlay.Defs[s.name].Required; len(r) > 0 {
			t.Errorf("overlay schema requires %v in %s", r, s.name)
		}
		_, hasAdd := overlay.Defs[s.name].Properties[addKey]
		if want := s == shapeSet || s == memberSet || s == operationSet; hasAdd != want {
			t.Errorf("overlay schema lets %s say add: %v, want %v", s.name, hasAdd, want)
		}
	}
}

// requiredBase is a valid spec in which the first mapping of each kind has
// every required key of its table, and optional keys whose removal breaks
// nothing else.
const requiredBase = `service:
  name: svc
  title: Paint
  doc: Paints walls.
  apiVersion: "1"
  protocol: restJson1
  signingName: paint
  endpointPrefix: paint
  validationError: Bad
operations:
  Paint:
    doc: Paints a wall.
    http: {method: POST, path: /paint, status: 200}
    input: PaintIn
    output: PaintOut
    errors: [Bad]
    examples:
      - {title: Red, doc: A red wall., input: {color: red, finish: matte}, output: {}, conforms: true}
shapes:
  Color:
    type: string
    doc: A color.
    enum: [{value: red, name: Red, doc: Red.}, green]
  PaintIn:
    type: structure
    members:
      color: {shape: Color, doc: The color., required: true}
      finish: {shape: string}
    rules:
      - member: finish
        onlyWhen: {member: color, equals: red}
  PaintOut:
    type: structure
    members: {}
  Bad:
    type: structure
    members:
      message: {shape: string}
    error: {status: 400, code: Bad, fault: client}
`

// notRequiredYetNeeded lists the sets whose optional keys the loader may
// still need, by a rule the key table cannot state.
var notRequiredYetNeeded = map[string]string{
	"rule": "a rule needs one kind key, whichever it is",
}

// breaksOthers lists optional keys whose removal from the base spec breaks
// another part of it.
var breaksOthers = map[string]string{
	"operation.input": "the example's input no longer fits the empty input",
}

// TestRequiredKeysMatchLoader removes each key of the first mapping of
// each kind in requiredBase and checks that the loader refuses the spec
// exactly when the key table (and so the schema) calls the key required.
func TestRequiredKeysMatchLoader(t *testing.T) {
	firstOf := func() (*yaml.Node, map[string]*yaml.Node) {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(requiredBase), &doc); err != nil {
			t.Fatal(err)
		}
		first := map[string]*yaml.Node{}
		walkSets(doc.Content[0], vKeys(topSet), first)
		return &doc, first
	}
	if _, ds := Check("svc.yaml", []byte(requiredBase)); len(ds) > 0 {
		t.Fatalf("the base spec has problems:\n%v", ds)
	}
	_, first := firstOf()
	for _, s := range []*keySet{topSet, serviceSet, operationSet, httpSet, exampleSet, shapeSet, enumSet, memberSet, errorSet, ruleSet, conditionSet} {
		n := first[s.name]
		if n == nil {
			t.Errorf("the base spec has no %s", s.name)
			continue
		}
		for _, k := range s.keys {
			if lookup(n, k.name) < 0 {
				if k.required {
					t.Errorf("the first %s of the base spec lacks the required key %s", s.name, k.name)
				}
				continue
			}
			if !k.required && (notRequiredYetNeeded[s.name] != "" || breaksOthers[s.name+"."+k.name] != "") {
				continue
			}
			doc, first := firstOf()
			removePair(first[s.name], lookup(first[s.name], k.name))
			data, err := yaml.Marshal(doc)
			if err != nil {
				t.Fatal(err)
			}
			_, ds := Check("svc.yaml", data)
			if refused := ds.Errors() > 0; refused != k.required {
				t.Errorf("without %s.%s the loader refuses the spec: %v; the table says required: %v\n%v", s.name, k.name, refused, k.required, ds)
			}
		}
	}
}

// walkSets records in first the first mapping of each key set below n,
// whose value v describes.
func walkSets(n *yaml.Node, v value, first map[string]*yaml.Node) {
	n = deref(n)
	switch v.kind {
	case kindKeys:
		if n.Kind != yaml.MappingNode {
			return
		}
		if first[v.set.name] == nil {
			first[v.set.name] = n
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			for _, k := range v.set.keys {
				if k.name == n.Content[i].Value {
					walkSets(n.Content[i+1], k.val, first)
				}
			}
		}
	case kindNamed:
		for i := 1; i < len(n.Content); i += 2 {
			walkSets(n.Content[i], *v.elem, first)
		}
	case kindList:
		for _, c := range n.Content {
			walkSets(c, *v.elem, first)
		}
	case kindOneOf:
		for _, a := range v.alts {
			walkSets(n, a, first)
		}
	}
}
