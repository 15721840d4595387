package spec

import (
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
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
