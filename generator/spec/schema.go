package spec

import (
	"bytes"
	"encoding/json"
)

//go:generate go test -run TestSchemaMatchesKeys -update

// Schema returns the JSON Schema (draft 2020-12) of spec files, or of
// overlays when overlay is true, written from the key tables in keys.go.
// Editors with a YAML language server use it to complete and check keys as
// people type; specs/spec.schema.json and specs/overlay.schema.json hold it.
// In an overlay every key is optional, any value may be null (which removes
// the key), and a shape, member or operation entry may say add: true.
func Schema(overlay bool) []byte {
	w := schemaWriter{overlay: overlay, defs: map[string]bool{}}
	root := w.ref(topSet) // fills w.order
	title, doc := "specgen spec", "A specgen spec: specs/<package>.yaml or specs/<package>/<package>.yaml. See specs/README.md."
	if overlay {
		title, doc = "specgen overlay", "A specgen overlay, specs/<package>/*.overlay.yaml, merged onto the imported spec. See specs/README.md."
	}
	defs := object{}
	for _, s := range w.order {
		defs = append(defs, field{s.name, w.set(s)})
	}
	out := object{
		{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		{"title", title},
		{"description", doc},
		{"$ref", root},
		{"$defs", defs},
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // descriptions say <package>
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		panic(err) // the tree holds strings, bools, lists and objects only
	}
	return b.Bytes()
}

// schemaWriter collects the key sets the schema refers to, in the order
// first met.
type schemaWriter struct {
	overlay bool
	defs    map[string]bool
	order   []*keySet
	entries map[*keySet]bool // sets whose mappings are named entries, which an overlay may add
}

// ref refers to the definition of s, collecting it and the sets below it.
func (w *schemaWriter) ref(s *keySet) string {
	if !w.defs[s.name] {
		w.defs[s.name] = true
		w.order = append(w.order, s)
		for _, k := range s.keys {
			w.value(k.val) // collect nested sets now, so the order is top-down
		}
	}
	return "#/$defs/" + s.name
}

// set writes the definition of a key set.
func (w *schemaWriter) set(s *keySet) object {
	props := object{}
	var required []any
	for _, k := range s.keys {
		v := w.value(k.val)
		if w.overlay {
			v = orNull(v)
		} else if k.required {
			required = append(required, k.name)
		}
		props = append(props, field{k.name, append(object{{"description", k.doc}}, v...)})
	}
	if w.overlay && w.isEntry(s) {
		props = append(props, field{addKey, object{
			{"description", "true: the imported spec does not have this entry and the overlay adds it."},
			{"const", true},
		}})
	}
	var typ any = "object"
	if w.overlay {
		typ = []any{"object", "null"} // see orNull
	}
	out := object{{"description", s.doc}, {"type", typ}, {"properties", props}}
	if len(required) > 0 {
		out = append(out, field{"required", required})
	}
	return append(out, field{"additionalProperties", false})
}

// isEntry reports whether mappings of s are entries of a named mapping
// (shapes, members, operations).
func (w *schemaWriter) isEntry(s *keySet) bool {
	if w.entries == nil {
		w.entries = map[*keySet]bool{}
		for _, t := range w.order {
			for _, k := range t.keys {
				if v := entryValue(k.val); v.kind == kindNamed {
					if e := entryValue(*v.elem); e.kind == kindKeys {
						w.entries[e.set] = true
					}
				}
			}
		}
	}
	return w.entries[s]
}

// value writes the schema of a value, as the fields of an object so that a
// key's description can go first.
func (w *schemaWriter) value(v value) object {
	switch v.kind {
	case kindString:
		if len(v.enum) > 0 {
			enum := make([]any, len(v.enum))
			for i, e := range v.enum {
				enum[i] = e
			}
			return object{{"type", "string"}, {"enum", enum}}
		}
		return object{{"type", "string"}}
	case kindBool:
		return object{{"type", "boolean"}}
	case kindInt:
		return object{{"type", "integer"}}
	case kindNumber:
		return object{{"type", "number"}}
	case kindScalar:
		return object{{"type", []any{"string", "number", "boolean"}}}
	case kindKeys:
		return object{{"$ref", w.ref(v.set)}}
	case kindNamed:
		elem := w.value(*v.elem)
		if w.overlay {
			elem = orNull(elem)
		}
		return object{{"type", "object"}, {"additionalProperties", elem}}
	case kindList:
		return object{{"type", "array"}, {"items", w.value(*v.elem)}}
	case kindOneOf:
		alts := make([]any, len(v.alts))
		for i, a := range v.alts {
			alts[i] = w.value(a)
		}
		return object{{"anyOf", alts}}
	}
	return object{} // kindAny: any value
}

// orNull lets the value v also be null, which in an overlay removes what
// the imported spec has. It widens the value's own type rather than
// wrapping it in anyOf, so that an editor still explains a wrong key by its
// name; a $ref needs nothing, since every definition of the overlay schema
// admits null.
func orNull(v object) object {
	out := append(object{}, v...)
	for i, f := range out {
		switch f.k {
		case "type":
			if t, ok := f.v.(string); ok {
				out[i].v = []any{t, "null"}
			} else {
				out[i].v = append(append([]any{}, f.v.([]any)...), "null")
			}
		case "enum":
			out[i].v = append(append([]any{}, f.v.([]any)...), nil)
		case "anyOf":
			out[i].v = append(append([]any{}, f.v.([]any)...), object{{"type", "null"}})
		}
	}
	return out
}

// object is a JSON object that keeps its fields in order, so that the
// schema reads in the order of the tables.
type object []field

type field struct {
	k string
	v any
}

// MarshalJSON writes the fields in order.
func (o object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(f.k); err != nil {
			return nil, err
		}
		b.Truncate(b.Len() - 1) // Encode ends with a newline
		b.WriteByte(':')
		if err := enc.Encode(f.v); err != nil {
			return nil, err
		}
		b.Truncate(b.Len() - 1)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}
