package mocktest

import (
	"encoding/json"
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/specgen/specgen/generator"
	"github.com/specgen/specgen/generator/model"
)

// specOf names the spec file of each service in the table.
var specOf = map[string]string{
	"VPC Lattice": "vpclattice", "App Runner": "apprunner", "ECS": "ecs",
	"Lightsail": "lightsail", "Cloud Map": "servicediscovery",
}

// TestOutputsConformToTheirShapes checks a default output against the
// output shape of the spec: every required member present, every value of
// the right kind and within its own constraints (lengths, patterns, enums,
// ranges), and no member the shape does not have.
func TestOutputsConformToTheirShapes(t *testing.T) {
	for _, svc := range services {
		t.Run(svc.name, func(t *testing.T) {
			pkg := specOf[svc.name]
			svcs, _, err := generator.Load([]string{"../../specs/" + pkg + "/" + pkg + ".yaml"})
			if err != nil {
				t.Fatal(err)
			}
			m := svcs[0]
			var op *model.Operation
			for _, o := range m.Operations {
				if o.Name == svc.op {
					op = o
				}
			}
			srv, url := svc.start(t)
			out, err := svc.call(t.Context(), options(url), named(svc.valid, "conforming"))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range conform(op.Output, out, "") {
				t.Errorf("as the client decoded it: %s", p)
			}
			// The JSON the mock answered, members the client would drop
			// included.
			stored, shape := storedOf(t, srv, m, op)
			if len(stored) != 1 {
				t.Fatalf("%d stored, want one", len(stored))
			}
			for _, p := range conform(shape, stored[0], "") {
				t.Errorf("as the mock keeps it: %s", p)
			}
		})
	}
}

func conform(s *model.Shape, v any, path string) []string {
	var problems []string
	bad := func(format string, args ...any) {
		problems = append(problems, fmt.Sprintf("%s: ", path)+fmt.Sprintf(format, args...))
	}
	switch s.Kind {
	case model.Structure:
		obj, ok := v.(map[string]any)
		if !ok {
			bad("want an object, got %T", v)
			return problems
		}
		known := map[string]bool{}
		for _, mem := range s.Members {
			known[mem.Name] = true
			mv, ok := obj[mem.Name]
			if !ok || mv == nil {
				if mem.Required {
					problems = append(problems, fmt.Sprintf("%s%s: required member missing", prefix(path), mem.Name))
				}
				continue
			}
			problems = append(problems, conform(mem.Shape, mv, prefix(path)+mem.Name)...)
		}
		for k := range obj {
			if !known[k] {
				bad("member %q is not in the shape", k)
			}
		}
	case model.List:
		l, ok := v.([]any)
		if !ok {
			bad("want a list, got %T", v)
			return problems
		}
		checkLength(s, len(l), bad)
		for i, e := range l {
			problems = append(problems, conform(s.Member, e, fmt.Sprintf("%s[%d]", path, i))...)
		}
	case model.Map:
		m, ok := v.(map[string]any)
		if !ok {
			bad("want a map, got %T", v)
			return problems
		}
		checkLength(s, len(m), bad)
		for k, e := range m {
			problems = append(problems, conform(s.Key, k, path+"(key)")...)
			problems = append(problems, conform(s.Value, e, fmt.Sprintf("%s[%q]", path, k))...)
		}
	case model.String:
		str, ok := v.(string)
		if !ok {
			bad("want a string, got %T", v)
			return problems
		}
		checkLength(s, utf8.RuneCountInString(str), bad)
		if s.Pattern != nil && !s.Pattern.DFA.Match(str) {
			bad("%q does not match %s", str, s.Pattern.Source)
		}
		if s.IsEnum() {
			found := false
			for _, e := range s.Enum {
				found = found || e.Value == str
			}
			if !found {
				bad("%q is not a value of %s", str, s.Name)
			}
		}
	case model.Timestamp:
		// A timestamp in a text format travels as a string; epoch
		// seconds, the JSON protocols' default, as a number.
		if str, ok := v.(string); ok && (s.TimestampFormat == model.ISO8601Format || s.TimestampFormat == model.HTTPDateFormat) {
			if str == "" {
				bad("empty %s timestamp", s.TimestampFormat)
			}
			return problems
		}
		if _, ok := v.(float64); !ok {
			bad("want a number, got %T", v)
		}
	case model.Integer, model.Long, model.Float, model.Double:
		n, ok := v.(float64)
		if !ok {
			bad("want a number, got %T", v)
			return problems
		}
		if r := s.Range; r != nil && ((r.Min != nil && n < *r.Min) || (r.Max != nil && n > *r.Max)) {
			bad("%v is out of range", n)
		}
	case model.Boolean:
		if _, ok := v.(bool); !ok {
			bad("want a boolean, got %T", v)
		}
	case model.Blob:
		if _, ok := v.(string); !ok {
			bad("want base64 text, got %T", v)
		}
	}
	return problems
}

func prefix(path string) string {
	if path == "" {
		return ""
	}
	return path + "."
}

func checkLength(s *model.Shape, n int, bad func(string, ...any)) {
	if b := s.Length; b != nil && ((b.Min != nil && float64(n) < *b.Min) || (b.Max != nil && float64(n) > *b.Max)) {
		bad("length %d is outside %s", n, mustJSON(b))
	}
}

func mustJSON(v any) string {
	data, _ := json.Marshal(v)
	return string(data)
}

// roundTrip turns json.Number values into float64, as the checks expect.
func roundTrip(v any) any {
	data, _ := marshalWire(v)
	var out any
	json.Unmarshal(data, &out)
	return out
}
