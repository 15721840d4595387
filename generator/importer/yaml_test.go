package importer

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

// TestStringsLoadBack writes strings that YAML could read as something else
// and checks that they load back as the same strings.
func TestStringsLoadBack(t *testing.T) {
	values := []string{
		"yes", "No", "on", "OFF", "y", "true", "False", "null", "~", "", "1.0", "10", "0x1F", "1e3", ".inf", "-.5",
		"2022-11-30", "2022-11-30T10:00:00Z", "# not a comment", "a #b", "key: value", "a:b", "*alias", "&anchor",
		"!tag", "%directive", "@at", "`tick", "- dash", "? question", "[flow]", "{flow}", "'single'", `"double"`,
		"|", ">", " leading space", "trailing space ", "two\nlines", "para\n\n- item\n- item", "trailing newline\n",
		"\n leading newline", "\n\nx", " \nx", "x\n\n", "tab\there", "line \nwith trailing space", "unicode é ✓", "\u00a0nbsp", "a\\b",
		"^[a-z]+$", `arn:aws:[a-z]+:\d{12}:.*`, "{AccountId}.",
	}
	for _, v := range values {
		for _, kind := range []struct {
			name string
			node func(string) *yaml.Node
		}{{"string", str}, {"text", text}} {
			t.Run(kind.name+" "+v, func(t *testing.T) {
				m := newMapping()
				m.add("v", kind.node(v))
				out, err := encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{m.n}})
				if err != nil {
					t.Fatal(err)
				}
				var back struct{ V any }
				if err := yaml.Unmarshal(out, &back); err != nil {
					t.Fatalf("%v in\n%s", err, out)
				}
				if diff := cmp.Diff(any(v), back.V); diff != "" {
					t.Errorf("loaded back (-want +got):\n%s\nfrom:\n%s", diff, out)
				}
			})
		}
	}
}

func TestJSONValuesLoadBack(t *testing.T) {
	src := `{"s": "yes", "n": 1, "f": 1.5, "e": 1e3, "E": 1.0E+5, "big": 123456789012345678901234, "neg": -2, "b": false,
		"z": null, "l": [], "o": {}, "deep": {"a": [1, "2", {"b": "c: d"}]}, "nul": "\u0000x", "key\nwith: break": 1}`
	v, err := parseJSON([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	out, err := encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{jsonNode(v)}})
	if err != nil {
		t.Fatal(err)
	}
	var got any
	if err := yaml.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"s": "yes", "n": 1, "f": 1.5, "e": 1000.0, "E": 100000.0, "big": 1.2345678901234568e+23, "neg": -2,
		"b": false, "z": nil, "l": []any{}, "o": map[string]any{}, "deep": map[string]any{"a": []any{1, "2", map[string]any{"b": "c: d"}}},
		"nul": "\x00x", "key\nwith: break": 1}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("loaded back (-want +got):\n%s\nfrom:\n%s", diff, out)
	}
}
