package importer

import (
	"fmt"
	"sort"
)

// ownIOShapes gives each operation an input and an output structure of its
// own. A spec names one structure per operation side (its Go type is
// <Op>Input or <Op>Output), while a model may share one between the input
// and the output of an operation, or between operations (Smithy's protocol
// tests do). A shared structure is copied, for each side that uses it, into
// a shape named <Op>Input or <Op>Output (a digit added if the model has one
// already) with the same members, so the wire does not change; an original
// that nothing else refers to is then left out.
func (t *translator) ownIOShapes() {
	uses := map[string]int{}
	for _, op := range t.m.operations {
		for _, ref := range []string{op.input, op.output} {
			if ref != "" {
				uses[ref]++
			}
		}
	}
	split := map[string]bool{}
	for _, op := range t.m.operations {
		for _, side := range []struct {
			ref    *string
			suffix string
		}{{&op.input, "Input"}, {&op.output, "Output"}} {
			name := *side.ref
			s := t.m.shapes[name]
			if uses[name] < 2 || s == nil || s.typ != "structure" {
				continue
			}
			own := op.name + side.suffix
			for i := 2; t.m.shapes[own] != nil; i++ {
				own = fmt.Sprintf("%s%s%d", op.name, side.suffix, i)
			}
			cp := *s
			cp.name, cp.copyOf = own, name
			t.m.shapes[own] = &cp
			t.m.shapeNames = append(t.m.shapeNames, own)
			*side.ref = own
			split[name] = true
		}
	}
	if len(split) == 0 {
		return
	}
	referenced := map[string]bool{}
	for _, op := range t.m.operations {
		referenced[op.input], referenced[op.output] = true, true
		for _, e := range op.errors {
			referenced[e] = true
		}
	}
	for _, s := range t.m.shapes {
		for _, mb := range s.members {
			referenced[mb.shape] = true
		}
		referenced[s.member], referenced[s.key], referenced[s.value] = true, true, true
	}
	names := t.m.shapeNames[:0]
	for _, name := range t.m.shapeNames {
		if split[name] && !referenced[name] {
			delete(t.m.shapes, name)
			continue
		}
		names = append(names, name)
	}
	sort.Strings(names)
	t.m.shapeNames = names
}

// copyNote explains a shape ownIOShapes made.
func (t *translator) copyNote(s *botoShape) string {
	if s.copyOf == "" {
		return ""
	}
	note := fmt.Sprintf("a copy of the model's shape %s, which several operation inputs and outputs share", s.copyOf)
	if t.m.shapes[s.copyOf] == nil {
		note += " (left out: nothing else refers to it)"
	}
	return note
}
