package importer

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// builtinShapes are the spec's built-in shape names, which no shape may
// take; reservedNames are those generated packages declare themselves.
var (
	builtinShapes = []string{"string", "integer", "long", "float", "double", "boolean", "timestamp", "blob"}
	reservedNames = []string{"Client", "New", "Options", "API", "Error"}
)

// settleNames decides the spec name of each model shape. Most keep theirs.
// A shape named after a built-in shape (Lightsail's "string", "boolean",
// ...) that is that built-in shape, with no constraint or doc, is left out:
// references to it mean the built-in. Any other shape whose name the spec
// reserves is renamed, and says so in a comment.
func (t *translator) settleNames() {
	t.rename = map[string]string{}
	t.builtin = map[string]bool{}
	taken := map[string]bool{}
	for _, name := range t.m.shapeNames {
		taken[name] = true
	}
	for _, name := range t.m.shapeNames {
		s := t.m.shapes[name]
		switch {
		case contains(builtinShapes, name) && s.typ == name && plainShape(s):
			t.builtin[name] = true
		case contains(builtinShapes, name) || contains(reservedNames, name):
			base := strings.ToUpper(name[:1]) + name[1:]
			cand := base
			for i := 1; taken[cand]; i++ {
				cand = base + "Shape"
				if i > 1 {
					cand += strconv.Itoa(i)
				}
			}
			taken[cand] = true
			t.rename[name] = cand
		}
	}
}

func plainShape(s *botoShape) bool {
	return s.doc == "" && len(s.enum) == 0 && s.min == "" && s.max == "" && s.pattern == "" && !s.sensitive &&
		s.deprecated == "" && s.timestampFormat == "" && s.xmlNS == nil
}

// ref is the spec's name of the model shape name.
func (t *translator) ref(name string) string {
	if n, ok := t.rename[name]; ok {
		return n
	}
	return name
}

// specShapeNames lists the shapes written, by spec name, sorted.
func (t *translator) specShapeNames() (names []string, model map[string]string) {
	model = map[string]string{}
	for _, name := range t.m.shapeNames {
		if t.builtin[name] {
			continue
		}
		names = append(names, t.ref(name))
		model[t.ref(name)] = name
	}
	sort.Strings(names)
	return names, model
}

// namesNote explains, on the shapes key, the model shapes left out.
func (t *translator) namesNote() string {
	var same []string
	for _, name := range t.m.shapeNames {
		if t.builtin[name] {
			same = append(same, name)
		}
	}
	if len(same) == 0 {
		return ""
	}
	return fmt.Sprintf("the model's shapes %s are left out: they are the built-in shapes of the same name", strings.Join(same, ", "))
}

// renameNote explains a renamed shape.
func (t *translator) renameNote(name string) string {
	if contains(builtinShapes, name) {
		return fmt.Sprintf("the model's shape %q, renamed: %s is a built-in shape", name, name)
	}
	return fmt.Sprintf("the model's shape %q, renamed: generated packages declare %s themselves", name, name)
}
