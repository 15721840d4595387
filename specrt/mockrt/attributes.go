package mockrt

import (
	"errors"
	"fmt"
	"slices"
)

// Resources kept as attribute maps (Resource.Attributes): SNS answers a
// topic or a subscription as a map of strings (GetTopicAttributes'
// Attributes), takes the map at its create (CreateTopic's Attributes)
// and changes one entry at a time (SetTopicAttributes' AttributeName and
// AttributeValue). The engine keeps such a description as it keeps any
// other, a JSON object; only where the create starts it and what an
// update writes differ.

// createStart is the description a create starts from: the echo of its
// input, or, for a resource kept as attributes, a copy of the input's
// attribute map.
func (k *kind) createStart(tree map[string]any) map[string]any {
	if k.Attributes == "" {
		desc := make(map[string]any, len(tree))
		for key, v := range tree {
			desc[key] = v
		}
		return desc
	}
	attrs, _ := tree[k.Attributes].(map[string]any)
	desc := make(map[string]any, len(attrs)+8)
	for key, v := range attrs {
		desc[key] = textOf(v)
	}
	return desc
}

// updateFrom writes what an update's input changes into desc: the input
// members the description has, but the identifiers and the status; for a
// resource kept as attributes, the one attribute the binding's
// AttributeName names, set to AttributeValue ("" when left out), which
// may not be one the mock keeps (an identifier, the parent's, the
// status): that answers the validation error.
//
// A create that replaces what it collides with (ReplaceExisting) removes
// first the members its input has and the request leaves out.
func (s *Server) updateFrom(b *boundOp, k *kind, desc, tree map[string]any, e *env) error {
	if b.attrName == nil {
		for _, key := range b.replaced {
			if _, given := tree[key]; !given && !s.protected(b, k, key) {
				delete(desc, key)
			}
		}
		for key, v := range tree {
			if !s.protected(b, k, key) {
				desc[key] = v
			}
		}
		return nil
	}
	name, _ := lookup(tree, b.attrName).(string)
	for _, p := range [][]string{k.idPath, k.arnPath, k.namePath, k.statusPath, k.parentIDPath, k.parentARNPath} {
		if len(p) == 1 && p[0] == name {
			e.Message = fmt.Sprintf("%s: the attribute %s of a %s cannot be set", b.AttributeName, name, k.Name)
			return s.validationFailed(errors.New(e.Message))
		}
	}
	if name == "" {
		e.Message = fmt.Sprintf("%s: names no attribute", b.AttributeName)
		return s.validationFailed(errors.New(e.Message))
	}
	var value string
	if v := lookup(tree, b.attrValue); v != missing {
		value = textOf(v)
	}
	desc[name] = value
	return nil
}

// memberNames are the names of w's members, in order; nil when w is not
// a structure.
func (w *wireType) memberNames() []string {
	if w == nil || w.kind != wireStruct {
		return nil
	}
	names := make([]string, 0, len(w.members))
	for name := range w.members {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}
