package importer

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/specgen/specgen/generator/spec"
)

// markExamples decides which examples conform to the shapes by loading the
// spec as written with the spec package's own checker, then marks each
// example it rejects conforms: false. The loader validates every example not
// so marked, so the spec written loads exactly when the rest of it does.
//
// When the spec has problems outside the examples, the checker may stop
// before it reaches them: every example is then marked as not checked, and
// the problems are returned as warnings.
func markExamples(pkg string, doc *yaml.Node) ([]string, error) {
	examples := exampleNodes(doc)
	if len(examples) == 0 {
		return specWarnings(pkg, doc)
	}
	data, err := encode(doc)
	if err != nil {
		return nil, err
	}
	var back yaml.Node
	if err := yaml.Unmarshal(data, &back); err != nil {
		return nil, fmt.Errorf("the spec written does not read back: %w", err)
	}
	// The tree read back has the lines; it lists the examples in the same
	// order as the tree written.
	placed := exampleNodes(&back)
	if len(placed) != len(examples) {
		return nil, fmt.Errorf("the spec written does not read back: %d examples written, %d read", len(examples), len(placed))
	}
	type span struct{ first, last int }
	spans := make([]span, len(placed))
	for i, n := range placed {
		spans[i] = span{n.Line, lastLine(n)}
	}
	_, ds := spec.Check(pkg+".yaml", data)
	failed := make([]string, len(examples)) // the first problem of each
	var outside []string
	for _, d := range ds {
		if d.Warning {
			continue
		}
		in := false
		for i, s := range spans {
			if d.Pos.Line >= s.first && d.Pos.Line <= s.last {
				in = true
				if failed[i] == "" {
					failed[i] = strings.TrimSuffix(d.Msg, exampleHint)
				}
			}
		}
		if !in {
			outside = append(outside, d.String())
		}
	}
	for i, n := range examples {
		comment := failed[i]
		switch {
		case len(outside) > 0:
			comment = "not checked: the spec did not load when imported"
		case comment == "":
			continue
		}
		m := mapping{n}
		k := m.add("conforms", boolean(false))
		k.LineComment = comment
	}
	if len(outside) == 0 {
		return nil, nil
	}
	return loadWarnings(outside), nil
}

// exampleHint ends the loader's message about an example; in the comment
// beside conforms: false it would say what the line already does.
const exampleHint = " (mark the example conforms: false if it is published this way)"

// specWarnings loads a spec with no examples, so that an import says when
// what it wrote does not load.
func specWarnings(pkg string, doc *yaml.Node) ([]string, error) {
	data, err := encode(doc)
	if err != nil {
		return nil, err
	}
	_, ds := spec.Check(pkg+".yaml", data)
	var errs []string
	for _, d := range ds {
		if !d.Warning {
			errs = append(errs, d.String())
		}
	}
	if len(errs) == 0 {
		return nil, nil
	}
	return loadWarnings(errs), nil
}

// loadWarnings summarizes the loader's problems with the written spec: the
// first few, and how many there are.
func loadWarnings(problems []string) []string {
	const show = 5
	out := []string{fmt.Sprintf("the spec written does not load yet (%d problems); its examples are marked conforms: false, not checked", len(problems))}
	if len(problems) > show {
		problems = append(problems[:show:show], fmt.Sprintf("... and %d more", len(problems)-show))
	}
	return append(out, problems...)
}

// exampleNodes lists the example mappings of every operation in order.
func exampleNodes(doc *yaml.Node) []*yaml.Node {
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil
	}
	ops := get(doc.Content[0], "operations")
	if ops == nil {
		return nil
	}
	var out []*yaml.Node
	for i := 1; i < len(ops.Content); i += 2 {
		if ex := get(ops.Content[i], "examples"); ex != nil {
			out = append(out, ex.Content...)
		}
	}
	return out
}

func get(m *yaml.Node, key string) *yaml.Node {
	if m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// lastLine is the last line a node's value reaches (the line of its last
// scalar; a folded scalar's own lines are within the next node's).
func lastLine(n *yaml.Node) int {
	last := n.Line
	for _, c := range n.Content {
		if l := lastLine(c); l > last {
			last = l
		}
	}
	return last
}
