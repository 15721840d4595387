package spec

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// unknownRef is a reference to a shape the spec does not define.
type unknownRef struct {
	v    str
	what string
}

// reportRefs reports references to undefined shapes and shapes that nothing
// uses, one message per mistake. A misspelt name would otherwise be reported
// at every reference to it and again as an unused shape. When several
// references agree on a name that an unused shape nearly has, the definition
// is the odd one out and is the one place reported; otherwise the first
// reference is, and the shape it probably meant is not also called unused.
// An unused shape on its own is a warning: nothing is generated for it, but
// nothing breaks either.
func (r *resolver) reportRefs(unused []*rawShape) {
	unusedByName := map[string]*rawShape{}
	for _, sh := range unused {
		unusedByName[sh.name.v] = sh
	}
	names := append([]string{}, builtinShapes...)
	for n := range r.shapes {
		names = append(names, n)
	}
	sort.Strings(names)

	refs := append([]unknownRef{}, r.unknown...)
	sort.SliceStable(refs, func(i, j int) bool {
		a, b := refs[i].v.n, refs[j].v.n
		return a.Line < b.Line || (a.Line == b.Line && a.Column < b.Column)
	})
	var order []string
	byName := map[string][]unknownRef{}
	for _, u := range refs {
		if byName[u.v.v] == nil {
			order = append(order, u.v.v)
		}
		byName[u.v.v] = append(byName[u.v.v], u)
	}

	explained := map[string]bool{} // unused shapes a message already accounts for
	for _, name := range order {
		refs := byName[name]
		sg := suggest(name, names)
		if def := unusedByName[sg]; def != nil && len(refs) > 1 && !explained[sg] {
			explained[sg] = true
			r.errorf(def.name.n, "shape %s is not used, but %d references name the undefined shape %q (the first at line %d); did you mean to name it %s?",
				sg, len(refs), name, refs[0].v.n.Line, name)
			continue
		}
		msg := fmt.Sprintf("%s refers to unknown shape %q", refs[0].what, name)
		if sg != "" {
			explained[sg] = true
			msg += fmt.Sprintf(", did you mean %q?", sg)
		}
		if len(refs) > 1 {
			lines := make([]string, len(refs)-1)
			for i, u := range refs[1:] {
				lines[i] = strconv.Itoa(u.v.n.Line)
			}
			word := "line"
			if len(lines) > 1 {
				word = "lines"
			}
			msg += fmt.Sprintf(" (also referenced at %s %s)", word, andList(lines))
		}
		r.errorf(refs[0].v.n, "%s", msg)
	}
	for _, sh := range unused {
		if !explained[sh.name.v] {
			r.warnf(sh.name.n, "shape %s is not used by any operation; nothing is generated for it", sh.name.v)
		}
	}
}

// andList joins items as "a", "a and b" or "a, b and c".
func andList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
