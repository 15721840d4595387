package spec

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/specgen/specgen/generator/model"
	"github.com/specgen/specgen/generator/pattern"
)

// Overlays: hand-written files merged onto an imported spec before it is
// parsed, so that what the seeds say and the models do not (patterns,
// choices, mock blocks) survives a re-import. The merge works on the YAML
// trees: a mapping merges key by key, recursively; any other value in the
// overlay replaces the imported one; null removes the key. Names the spec
// chooses (shapes, members, operations) must already be in the imported
// spec, unless the overlay's entry says add: true, so that an overlay whose
// target a newer model renamed or dropped is an error rather than a silent
// new shape. An overlay line that a newer model made needless (it sets what
// the model says, or removes what the model no longer has) is a warning.
// Every node an overlay brings keeps its file, so that a problem in it is
// reported in the overlay.

// Source is one file to load: its name, as diagnostics show it, and its
// contents.
type Source struct {
	Name string
	Data []byte
}

// CheckOverlaid is Check for an imported spec and the overlays merged onto
// it, in the order given. Problems in an overlay, including entries that no
// longer apply to the imported spec, are reported at their place in the
// overlay.
func CheckOverlaid(spec Source, overlays []Source) (*model.Service, Diagnostics) {
	return checkOverlaid(spec, overlays, pattern.DefaultLimits)
}

// OverlaySuffix ends the name of every overlay file.
const OverlaySuffix = ".overlay.yaml"

// ReadWithOverlays reads the spec file at path and, when it is an imported
// spec (<pkg>/<pkg>.yaml), the overlays next to it (<pkg>/*.overlay.yaml)
// in name order, ready for CheckOverlaid.
func ReadWithOverlays(path string) (Source, []Source, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Source{}, nil, err
	}
	var overlays []Source
	dir := filepath.Dir(path)
	if filepath.Base(dir)+".yaml" == filepath.Base(path) {
		paths, err := filepath.Glob(filepath.Join(dir, "*"+OverlaySuffix))
		if err != nil {
			return Source{}, nil, err
		}
		sort.Strings(paths)
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				return Source{}, nil, err
			}
			overlays = append(overlays, Source{Name: p, Data: data})
		}
	}
	return Source{Name: path, Data: data}, overlays, nil
}

// addKey is the key by which an overlay entry adds a shape, member or
// operation that the imported spec does not have.
const addKey = "add"

// namedLevel tells whether the mapping at path holds names the spec chooses
// rather than keys of the format, and if so what one of them names
// ("shape", "member", "operation"): the key tables say (keys.go).
func namedLevel(path []string) string {
	if s := namedEntries(path); s != nil {
		return s.name
	}
	return ""
}

// overlay parses one overlay and merges it onto root, the imported spec's
// tree. It returns false when the overlay is not YAML, since checking the
// spec without it would only report the effects of its absence.
func (l *loader) overlay(root *yaml.Node, src Source) bool {
	var doc yaml.Node
	if err := yaml.Unmarshal(src.Data, &doc); err != nil {
		l.diags = append(l.diags, Diagnostic{Pos: yamlErrorPos(src.Name, src.Data, err), Msg: yamlErrorMsg(err)})
		return false
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return true // an empty overlay changes nothing
	}
	l.own(&doc, src.Name)
	ov := deref(doc.Content[0])
	if ov.Kind != yaml.MappingNode {
		l.errorf(ov, "an overlay must be a mapping, found %s", kindName(ov))
		return true
	}
	if deref(root).Kind == yaml.MappingNode { // else the loader reports it
		l.merge(deref(root), ov, nil)
	}
	return true
}

// own records that n and everything below it come from file.
func (l *loader) own(n *yaml.Node, file string) {
	if l.files == nil {
		l.files = map[*yaml.Node]string{}
	}
	l.files[n] = file
	for _, c := range n.Content {
		l.own(c, file)
	}
}

// merge merges the overlay mapping src into the imported mapping dst; path
// is where dst is in the spec.
func (l *loader) merge(dst, src *yaml.Node, path []string) {
	named := namedLevel(path)
	seen := map[string]bool{}
	for i := 0; i+1 < len(src.Content); i += 2 {
		k, v := src.Content[i], src.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			l.errorf(k, "overlay keys must be plain strings")
			continue
		}
		if seen[k.Value] {
			l.errorf(k, "duplicate key %q in the overlay", k.Value)
			continue
		}
		seen[k.Value] = true
		at := append(append([]string{}, path...), k.Value)
		if named != "" {
			l.mergeEntry(dst, k, v, at, named)
		} else {
			l.mergeKey(dst, k, v, at)
		}
	}
}

// mergeEntry merges one named entry (a shape, member or operation).
func (l *loader) mergeEntry(dst, k, v *yaml.Node, at []string, what string) {
	i := lookup(dst, k.Value)
	if isNull(v) {
		switch {
		case i >= 0:
			removePair(dst, i)
		case l.didYouMean(dst, k.Value) != "":
			l.errorf(k, "overlay removes %s, which the imported spec does not have%s", describe(at, what), l.didYouMean(dst, k.Value))
		default:
			l.warnf(k, "the imported spec no longer has %s; remove this from the overlay", describe(at, what))
		}
		return
	}
	add, ok := l.takeAdd(v)
	if !ok {
		return
	}
	switch {
	case add && i >= 0:
		l.errorf(k, "overlay adds %s, which the imported spec already has; leave out %s: true to change it", describe(at, what), addKey)
	case add:
		dst.Content = append(dst.Content, k, v)
	case i < 0:
		msg := l.didYouMean(dst, k.Value)
		if msg == "" {
			msg = fmt.Sprintf(" (to add it, give it %s: true)", addKey)
		}
		l.errorf(k, "overlay changes %s, which the imported spec does not have%s", describe(at, what), msg)
	default:
		l.mergeValue(dst, i, k, v, at, what == "member")
	}
}

// mergeKey merges one key of the format.
func (l *loader) mergeKey(dst, k, v *yaml.Node, at []string) {
	i := lookup(dst, k.Value)
	switch {
	case isNull(v) && i < 0:
		l.removeAbsent(k, at)
	case isNull(v):
		removePair(dst, i)
	case i < 0:
		dst.Content = append(dst.Content, k, v)
	default:
		l.mergeValue(dst, i, k, v, at, false)
	}
}

// removeAbsent reports an overlay's removal of a key the imported spec
// does not have: a key the format does not know is an error, since nothing
// else would report it; a known one is what the overlay wants already, so
// the line is merely no longer needed.
func (l *loader) removeAbsent(k *yaml.Node, at []string) {
	v, ok := valueAt(at[:len(at)-1])
	if ok && v.kind == kindKeys && !contains(v.set.names(), k.Value) {
		if s := suggest(k.Value, v.set.names()); s != "" {
			l.errorf(k, "overlay removes unknown key %q, did you mean %q?", k.Value, s)
		} else {
			l.errorf(k, "overlay removes unknown key %q (allowed: %s)", k.Value, strings.Join(v.set.names(), ", "))
		}
		return
	}
	l.warnf(k, "the imported spec no longer has %s; remove this from the overlay", strings.Join(at, "."))
}

// mergeValue merges the overlay's value v for the key k into the existing
// pair i of dst: mappings merge, anything else replaces, and a replacement
// that changes nothing is reported. A member given as a bare shape
// reference counts as {shape: reference} on either side, so an overlay can
// add keys to it, and a bare reference in an overlay changes only the
// member's shape.
func (l *loader) mergeValue(dst *yaml.Node, i int, k, v *yaml.Node, at []string, member bool) {
	old, nv := deref(dst.Content[2*i+1]), deref(v)
	if member && old.Kind == yaml.ScalarNode && nv.Kind == yaml.MappingNode {
		old = shapeOnly(old)
		dst.Content[2*i+1] = old
	}
	if member && old.Kind == yaml.MappingNode && nv.Kind == yaml.ScalarNode {
		nv = shapeOnly(nv)
		l.own(nv, l.files[v])
	}
	if old.Kind == yaml.MappingNode && nv.Kind == yaml.MappingNode {
		l.merge(old, nv, at)
		return
	}
	if sameValue(old, nv) {
		l.warnf(v, "the imported spec now says the same for %s; remove this from the overlay", strings.Join(at, "."))
	}
	dst.Content[2*i], dst.Content[2*i+1] = k, v
}

// shapeOnly turns a member given as a bare shape reference into the
// mapping it stands for, at the reference's position.
func shapeOnly(ref *yaml.Node) *yaml.Node {
	key := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "shape", Line: ref.Line, Column: ref.Column}
	return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: ref.Line, Column: ref.Column, Content: []*yaml.Node{key, ref}}
}

// takeAdd removes the add key from an overlay entry and reports whether it
// was there; false ok means add had a value other than true.
func (l *loader) takeAdd(v *yaml.Node) (add, ok bool) {
	n := deref(v)
	if n.Kind != yaml.MappingNode {
		return false, true
	}
	i := lookup(n, addKey)
	if i < 0 {
		return false, true
	}
	a := deref(n.Content[2*i+1])
	if a.Kind != yaml.ScalarNode || a.Tag != "!!bool" || a.Value != "true" {
		l.errorf(a, "%s must be true, found %s", addKey, kindName(a))
		return false, false
	}
	removePair(n, i)
	return true, true
}

// didYouMean suggests the name of dst closest to name, as ", did you mean
// "x"?", or returns "".
func (l *loader) didYouMean(dst *yaml.Node, name string) string {
	var names []string
	for i := 0; i+1 < len(dst.Content); i += 2 {
		names = append(names, dst.Content[i].Value)
	}
	if s := suggest(name, names); s != "" {
		return fmt.Sprintf(", did you mean %q?", s)
	}
	return ""
}

// describe names a named entry in a message: "shape ServiceName",
// "member name of shape Service".
func describe(at []string, what string) string {
	if what == "member" {
		return fmt.Sprintf("member %s of shape %s", at[3], at[1])
	}
	return what + " " + at[len(at)-1]
}

// lookup returns the index of key's pair in the mapping n, or -1.
func lookup(n *yaml.Node, key string) int {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return i / 2
		}
	}
	return -1
}

func removePair(n *yaml.Node, i int) {
	n.Content = append(n.Content[:2*i:2*i], n.Content[2*i+2:]...)
}

func isNull(n *yaml.Node) bool {
	n = deref(n)
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// sameValue reports whether two YAML values are equal: same kinds, same
// scalars with the same resolved tags, in the same order.
func sameValue(a, b *yaml.Node) bool {
	a, b = deref(a), deref(b)
	if a.Kind != b.Kind || len(a.Content) != len(b.Content) {
		return false
	}
	if a.Kind == yaml.ScalarNode {
		return a.Tag == b.Tag && a.Value == b.Value
	}
	for i := range a.Content {
		if !sameValue(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}
