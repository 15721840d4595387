package spec

import (
	"fmt"
	"strconv"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/specgen/specgen/generator/model"
)

// checkExamples checks every example that claims to conform against the
// operation's input and output shapes, with the same rules Validate applies,
// so that a spec cannot document a request its own validator would reject.
func (r *resolver) checkExamples() {
	for _, ro := range r.raw.operations {
		var op *model.Operation
		for _, o := range r.svc.Operations {
			if o.Name == ro.name.v {
				op = o
			}
		}
		if op == nil {
			continue
		}
		for _, ex := range ro.examples {
			if !ex.conforms {
				continue
			}
			if ex.input != nil && op.Input != nil {
				r.checkValue(deref(ex.input), op.Input, "input")
			}
			if ex.output != nil && op.Output != nil {
				r.checkValue(deref(ex.output), op.Output, "output")
			}
		}
	}
}

// checkValue reports where the YAML value n does not fit shape s; path names
// the value in wire names for the message.
func (r *resolver) checkValue(n *yaml.Node, s *model.Shape, path string) {
	if s == nil || s.Kind == "" {
		return // the shape's own problem is reported already
	}
	n = deref(n)
	bad := func(format string, args ...any) {
		r.errorf(n, "example %s: %s (mark the example conforms: false if it is published this way)", path, fmt.Sprintf(format, args...))
	}
	scalar := n.Kind == yaml.ScalarNode
	switch s.Kind {
	case model.Structure:
		if n.Kind != yaml.MappingNode {
			bad("want an object, found %s", kindName(n))
			return
		}
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			var m *model.Member
			for _, c := range s.Members {
				if c.Name == k.Value {
					m = c
				}
			}
			if m == nil {
				r.errorf(k, "example %s: %s has no member %q", path, s.Name, k.Value)
				continue
			}
			seen[m.Name] = true
			r.checkValue(v, m.Shape, path+"."+m.Name)
		}
		for _, m := range s.Members {
			if m.Required && !seen[m.Name] && s.IsInput {
				bad("required member %s is missing", m.Name)
			}
		}
	case model.List:
		if n.Kind != yaml.SequenceNode {
			bad("want a list, found %s", kindName(n))
			return
		}
		r.checkCount(n, s, len(n.Content), path)
		for i, e := range n.Content {
			r.checkValue(e, s.Member, fmt.Sprintf("%s[%d]", path, i))
		}
	case model.Map:
		if n.Kind != yaml.MappingNode {
			bad("want an object, found %s", kindName(n))
			return
		}
		r.checkCount(n, s, len(n.Content)/2, path)
		for i := 0; i+1 < len(n.Content); i += 2 {
			at := fmt.Sprintf("%s[%q]", path, n.Content[i].Value)
			r.checkValue(n.Content[i], s.Key, at)
			r.checkValue(n.Content[i+1], s.Value, at)
		}
	case model.String:
		if !scalar || n.Tag != "!!str" {
			bad("want a string, found %s", kindName(n))
			return
		}
		if s.IsEnum() {
			for _, e := range s.Enum {
				if e.Value == n.Value {
					return
				}
			}
			bad("%q is not a value of enum %s", n.Value, s.Name)
			return
		}
		r.checkCount(n, s, utf8.RuneCountInString(n.Value), path)
		if s.Pattern != nil && !s.Pattern.DFA.Match(n.Value) {
			bad("%q does not match the pattern of %s", n.Value, s.Name)
		}
	case model.Integer, model.Long, model.Float, model.Double, model.Timestamp:
		if scalar && n.Tag == "!!str" && wireString(s.Kind, n.Value) {
			return // NaN and the infinities; a timestamp in a string format
		}
		if !scalar || (n.Tag != "!!int" && n.Tag != "!!float") {
			bad("want a number, found %s", kindName(n))
			return
		}
		if b := s.Range; b != nil {
			v, _ := strconv.ParseFloat(n.Value, 64)
			if (b.Min != nil && v < *b.Min) || (b.Max != nil && v > *b.Max) {
				bad("%s is outside the range of %s", n.Value, s.Name)
			}
		}
	case model.Boolean:
		if !scalar || n.Tag != "!!bool" {
			bad("want true or false, found %s", kindName(n))
		}
	case model.Blob:
		if !scalar || n.Tag != "!!str" {
			bad("want a base64 string, found %s", kindName(n))
		}
	}
}

func (r *resolver) checkCount(n *yaml.Node, s *model.Shape, count int, path string) {
	if b := s.Length; b != nil {
		c := float64(count)
		if (b.Min != nil && c < *b.Min) || (b.Max != nil && c > *b.Max) {
			r.errorf(n, "example %s: size %d is outside the length of %s", path, count, s.Name)
		}
	}
}

// wireString reports whether a string stands for a value of kind k on the
// JSON wire: "NaN", "Infinity" and "-Infinity" for floats, a date-time
// for timestamps (whose members may say iso8601 or http-date).
func wireString(k model.Kind, v string) bool {
	switch k {
	case model.Float, model.Double:
		return v == "NaN" || v == "Infinity" || v == "-Infinity"
	case model.Timestamp:
		return true
	}
	return false
}
