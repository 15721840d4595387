package mockrt

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/specgen/specgen/specrt"
	"github.com/specgen/specgen/specrt/jsonwire"
	"github.com/specgen/specgen/specrt/schema"
)

// The exact decoder. encoding/json matches object keys regardless of case
// and turns invalid UTF-8 into U+FFFD; the services do neither. A request
// body is therefore decoded once into a tree (maps keep keys exactly as
// sent), the tree is cut down to the members the input shape declares,
// matched exactly, and the typed input is made from that tree. Validation,
// uniqueness and the output all see the same value.

// wireKind is what a Go type of a generated shape holds on the wire.
type wireKind uint8

const (
	wireScalar wireKind = iota // strings, numbers, booleans, timestamps, blobs
	wireEnum                   // a named string type: "" is not a value
	wireStruct
	wireList
	wireMap
)

// wireType describes a generated Go type as far as the exact decoder needs:
// the members of a structure by exact wire name, the element of a list or
// map, the values of an enum.
type wireType struct {
	kind    wireKind
	members map[string]*wireType
	elem    *wireType
	values  string          // an enum's values, "A, B", for the message
	allowed map[string]bool // an enum's values; nil when the type lists none
	// timeFormats are the members of a structure holding timestamps (or
	// lists or maps of them) that travel in another format than epoch
	// seconds, by wire name (timeformat.go).
	timeFormats map[string]string
}

var wireTypes sync.Map // reflect.Type → *wireType

var (
	unmarshalerType = reflect.TypeOf((*json.Unmarshaler)(nil)).Elem()
	plainString     = reflect.TypeOf("")
)

// wireTypeOf returns the description of t (a Go type, or a pointer to one),
// built once per type from its json and timestampFormat struct tags. It
// serves services that describe no codec shapes (Service.WireShape nil:
// the hand-written services of tests); generated types have no tags and
// are described by wireTypeOfShape.
func wireTypeOf(t reflect.Type) *wireType {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if w, ok := wireTypes.Load(t); ok {
		return w.(*wireType)
	}
	w := buildWireType(t, map[reflect.Type]*wireType{})
	actual, _ := wireTypes.LoadOrStore(t, w)
	return actual.(*wireType)
}

func buildWireType(t reflect.Type, building map[reflect.Type]*wireType) *wireType {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if w, ok := building[t]; ok {
		return w // a recursive shape
	}
	if w, ok := wireTypes.Load(t); ok {
		return w.(*wireType)
	}
	w := &wireType{}
	building[t] = w
	switch {
	case t.Kind() == reflect.Struct && t.ConvertibleTo(timeType):
		// A timestamp is a scalar to the tree. (Generated structures with
		// timestamps decode themselves too, but as their members say.)
	case t.Kind() != reflect.Struct && (t.Implements(unmarshalerType) || reflect.PointerTo(t).Implements(unmarshalerType)):
		// A type that decodes itself is a scalar to the tree.
	case t.Kind() == reflect.String && t != plainString:
		w.kind = wireEnum
		w.values, w.allowed = enumValues(t)
	case t.Kind() == reflect.Struct:
		w.kind = wireStruct
		w.members = map[string]*wireType{}
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !f.IsExported() || name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			w.members[name] = buildWireType(f.Type, building)
			w.noteTimeFormat(name, f)
		}
	case t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Uint8:
		w.kind = wireList
		w.elem = buildWireType(t.Elem(), building)
	case t.Kind() == reflect.Map:
		w.kind = wireMap
		w.elem = buildWireType(t.Elem(), building)
	}
	return w
}

// shapeWireTypes caches the descriptions built from codec shapes, by the
// structure, list or map shape.
var shapeWireTypes sync.Map // *schema.Shape → *wireType

// wireTypeOfShape returns the description of the Go type that s, a codec
// shape of a generated structure, describes (Service.WireShape): members
// by the shape's wire names, timestamp formats from the member shapes, and
// enum values from the Go type of each enum member, found by its offset.
// The type's struct tags play no part.
func wireTypeOfShape(s *schema.Shape) *wireType {
	if w, ok := shapeWireTypes.Load(s); ok {
		return w.(*wireType)
	}
	w := buildShapeWireType(s, shapeGoType(s), map[*schema.Shape]*wireType{})
	actual, _ := shapeWireTypes.LoadOrStore(s, w)
	return actual.(*wireType)
}

// shapeGoType returns the Go type a structure, list or map shape holds;
// nil for a scalar shape, whose Go type is its member's.
func shapeGoType(s *schema.Shape) reflect.Type {
	if s.Type == nil {
		return nil
	}
	return reflect.TypeOf(s.Type).Elem()
}

// buildShapeWireType describes shape s, held in values of Go type t (which
// is needed only to find an enum's values).
func buildShapeWireType(s *schema.Shape, t reflect.Type, building map[*schema.Shape]*wireType) *wireType {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	composite := s.Kind == schema.KindStruct || s.Kind == schema.KindList || s.Kind == schema.KindMap
	if composite {
		if w, ok := building[s]; ok {
			return w // a recursive shape
		}
		if w, ok := shapeWireTypes.Load(s); ok {
			return w.(*wireType)
		}
		if st := shapeGoType(s); st != nil {
			t = st
		}
	}
	w := &wireType{}
	switch s.Kind {
	case schema.KindEnum:
		w.kind = wireEnum
		if t != nil && t.Kind() == reflect.String {
			w.values, w.allowed = enumValues(t)
		}
	case schema.KindStruct:
		building[s] = w
		w.kind = wireStruct
		w.members = make(map[string]*wireType, len(s.Members))
		fields := map[uintptr]reflect.Type{}
		if t != nil && t.Kind() == reflect.Struct {
			for i := range t.NumField() {
				f := t.Field(i)
				fields[f.Offset] = f.Type
			}
		}
		for _, m := range s.Members {
			w.members[m.Name] = buildShapeWireType(m.Shape, fields[m.Offset], building)
			w.noteShapeTimeFormat(m.Name, m.Shape)
		}
	case schema.KindList, schema.KindMap:
		building[s] = w
		w.kind = wireList
		if s.Kind == schema.KindMap {
			w.kind = wireMap
		}
		var et reflect.Type
		if t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Map) {
			et = t.Elem()
		}
		w.elem = buildShapeWireType(s.Elem, et, building)
	}
	return w
}

// enumValues returns the values a generated enum type lists through its
// Values method, rendered as its validator names them and as a set.
func enumValues(t reflect.Type) (string, map[string]bool) {
	m, ok := t.MethodByName("Values")
	if !ok || m.Type.NumIn() != 1 || m.Type.NumOut() != 1 || m.Type.Out(0).Kind() != reflect.Slice {
		return "", nil
	}
	vs := m.Func.Call([]reflect.Value{reflect.Zero(t)})[0]
	names := make([]string, vs.Len())
	allowed := make(map[string]bool, len(names))
	for i := range names {
		names[i] = vs.Index(i).String()
		allowed[names[i]] = true
	}
	return strings.Join(names, ", "), allowed
}

// trim removes from v, a decoded JSON value of type w, every object member
// the type does not declare (a key that differs only in case is another
// key) and every member that is null, which is absent. It returns v, with
// keep false when v itself must go.
//
// Requests (r not nil): a member present with "" where an enum belongs is
// reported to r, since "" is no enum's value and the typed value, which
// holds enums by value, cannot tell it from absent. p is the wire path of v,
// for the report; it is nil when r is.
//
// Outputs (r nil): a value that is not one of its enum's values is left out,
// so that an output holds only what its shape allows; such a value can only
// come from the mock's configuration (a region the service's enum does not
// list), since the spec's literals are checked when it is loaded.
func (w *wireType) trim(v any, p *specrt.Path, r *specrt.Report) (out any, keep bool) {
	switch w.kind {
	case wireStruct:
		obj, ok := v.(map[string]any)
		if !ok {
			return v, true // the typed decoding reports the wrong type
		}
		for k, mv := range obj {
			mw, known := w.members[k]
			if !known || mv == nil {
				delete(obj, k)
				continue
			}
			if r == nil && w.timeFormats[k] != "" {
				obj[k] = formatTimes(mv, w.timeFormats[k])
			}
			var cp *specrt.Path
			if r != nil {
				c := p.Member(k)
				cp = &c
			}
			if nv, keep := mw.trim(mv, cp, r); !keep {
				delete(obj, k)
			} else if mw.kind == wireList {
				obj[k] = nv // a list may have lost elements
			}
		}
	case wireList:
		list, ok := v.([]any)
		if !ok {
			return v, true
		}
		kept := list[:0]
		for i, e := range list {
			var cp *specrt.Path
			if r != nil {
				c := p.Index(i)
				cp = &c
			}
			if ne, keep := w.elem.trim(e, cp, r); keep {
				kept = append(kept, ne)
			}
		}
		return kept, true
	case wireMap:
		obj, ok := v.(map[string]any)
		if !ok {
			return v, true
		}
		for k, e := range obj {
			var cp *specrt.Path
			if r != nil {
				c := p.Key(k)
				cp = &c
			}
			if ne, keep := w.elem.trim(e, cp, r); !keep {
				delete(obj, k)
			} else if w.elem.kind == wireList {
				obj[k] = ne
			}
		}
	case wireEnum:
		s, ok := v.(string)
		switch {
		case !ok:
		case r != nil && s == "":
			r.Add(*p, specrt.RuleEnum, "", "must be one of %s", w.values)
		case r == nil && w.allowed != nil && !w.allowed[s]:
			return nil, false
		}
	}
	return v, true
}

// nullInMap returns the wire path of a map in v, a request's decoded JSON of
// type w at path p, that holds a null value, the least such path when there
// are several; "" when there is none. The AWS protocols' maps are dense: a
// client drops such an entry from a response, and a server refuses the
// request with its serialization error (Smithy's protocol tests,
// RestJsonBodyMalformedMapNullValue). Map keys show as [*] in the path, so
// that a sensitive key is never shown. It is called only once hasNullInMap
// has found one, since it allocates the paths it walks.
func (w *wireType) nullInMap(v any, p *specrt.Path) string {
	least := ""
	note := func(s string) {
		if s != "" && (least == "" || s < least) {
			least = s
		}
	}
	switch w.kind {
	case wireStruct:
		obj, _ := v.(map[string]any)
		for k, mv := range obj {
			if mw, known := w.members[k]; known && mv != nil && mw.composite() {
				c := p.Member(k)
				note(mw.nullInMap(mv, &c))
			}
		}
	case wireList:
		if !w.elem.composite() {
			break
		}
		list, _ := v.([]any)
		for i, e := range list {
			c := p.Index(i)
			note(w.elem.nullInMap(e, &c))
		}
	case wireMap:
		obj, _ := v.(map[string]any)
		for _, e := range obj {
			if e == nil {
				return p.String()
			}
		}
		if w.elem.composite() {
			c := p.RedactedKey()
			for _, e := range obj {
				note(w.elem.nullInMap(e, &c))
			}
		}
	}
	return least
}

// hasNullInMap reports whether v, a request's decoded JSON of type w, has
// a map that holds a null value; it allocates nothing, so that a request
// without one pays only the walk.
func (w *wireType) hasNullInMap(v any) bool {
	switch w.kind {
	case wireStruct:
		obj, _ := v.(map[string]any)
		for k, mv := range obj {
			if mw, known := w.members[k]; known && mv != nil && mw.composite() && mw.hasNullInMap(mv) {
				return true
			}
		}
	case wireList:
		if w.elem.composite() {
			list, _ := v.([]any)
			for _, e := range list {
				if w.elem.hasNullInMap(e) {
					return true
				}
			}
		}
	case wireMap:
		obj, _ := v.(map[string]any)
		for _, e := range obj {
			if e == nil || w.elem.composite() && w.elem.hasNullInMap(e) {
				return true
			}
		}
	}
	return false
}

// composite reports whether values of w hold other values.
func (w *wireType) composite() bool {
	return w.kind == wireStruct || w.kind == wireList || w.kind == wireMap
}

// decodeInput decodes a request body into a tree of decoded JSON (numbers
// kept exact) holding only the members the input declares, and the typed
// input made from it. problems lists the members present with a value the
// typed input cannot hold (an empty enum); the caller reports them with the
// validator's.
func (s *Server) decodeInput(sp *speaker, op *compiledOp, body []byte) (map[string]any, Input, []specrt.FieldError, error) {
	in := op.NewInput()
	tree := map[string]any{}
	if len(bytes.TrimSpace(body)) == 0 {
		return tree, in, nil, nil
	}
	if msg := checkText(body); msg != "" {
		return nil, nil, nil, s.serializationFailed(msg)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	if err == nil && len(bytes.TrimSpace(body[dec.InputOffset():])) > 0 {
		// encoding/json's own message for trailing data.
		err = json.Unmarshal(body, new(any))
	}
	if err != nil {
		return nil, nil, nil, s.serializationFailed(describeDecodeError(err))
	}
	switch v := v.(type) {
	case nil:
		return tree, in, nil, nil
	case map[string]any:
		tree = v
	default:
		return nil, nil, nil, s.serializationFailed(fmt.Sprintf("expected an object at the request body, found %s", describeJSON(v)))
	}
	if op.inType.hasNullInMap(tree) {
		var top specrt.Path
		return nil, nil, nil, s.serializationFailed(fmt.Sprintf("null value in the map at %s: a map holds no nulls", op.inType.nullInMap(tree, &top)))
	}
	var r specrt.Report
	var root specrt.Path
	op.inType.trim(tree, &root, &r)
	if op.inShape != nil {
		// The codec reads the body as the trimmed tree holds it: names
		// matched exactly, unknown members skipped, null absent.
		if err := sp.body.Unmarshal(body, op.inShape, in); err != nil {
			return nil, nil, nil, s.serializationFailed(describeWireError(err))
		}
	} else {
		data, err := appendJSON(make([]byte, 0, len(body)), tree)
		if err == nil {
			err = json.Unmarshal(data, in)
		}
		if err != nil {
			return nil, nil, nil, s.serializationFailed(describeDecodeError(err))
		}
	}
	var problems []specrt.FieldError
	r.SortFrom(0) // map order is random; the report is not
	if ve, ok := r.Err().(*specrt.ValidationError); ok {
		problems = ve.Fields
	}
	return tree, in, problems, nil
}

// findShapes looks up the codec shapes of the operation's input and output
// with wireShape (Service.WireShape), which may be nil.
func (c *compiledOp) findShapes(wireShape func(any) *schema.Shape) {
	if wireShape == nil {
		return
	}
	c.wireShape = wireShape
	if c.NewInput != nil {
		c.inShape = wireShape(c.NewInput())
	}
	if c.NewOutput != nil {
		c.outShape = wireShape(c.NewOutput())
	}
}

// structShape returns the codec shape of t, a generated structure or a
// pointer to one (a structure payload); nil when the service describes no
// shapes or t is no structure.
func (c *compiledOp) structShape(t reflect.Type) *schema.Shape {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if c.wireShape == nil || t.Kind() != reflect.Struct {
		return nil
	}
	return c.wireShape(reflect.New(t).Interface())
}

// memberWireType describes t, the Go type of a bound member, to the exact
// decoder: from the codec shape of a structure payload when there is one.
func (c *compiledOp) memberWireType(t reflect.Type) *wireType {
	if s := c.structShape(t); s != nil {
		return wireTypeOfShape(s)
	}
	return wireTypeOf(t)
}

// describeTypes describes the operation's input and output to the exact
// decoder: from their codec shapes when the service has them (every
// generated mock), else from the Go types.
func (c *compiledOp) describeTypes() {
	c.inType, c.outType = &wireType{}, &wireType{}
	switch {
	case c.inShape != nil:
		c.inType = wireTypeOfShape(c.inShape)
	case c.NewInput != nil:
		c.inType = wireTypeOf(reflect.TypeOf(c.NewInput()))
	}
	switch {
	case c.outShape != nil:
		c.outType = wireTypeOfShape(c.outShape)
	case c.NewOutput != nil:
		c.outType = wireTypeOf(reflect.TypeOf(c.NewOutput()))
	}
}

// decodeOutput decodes an output the mock built (raw) into out, a new
// value of the operation's output type: through the codec when the service
// described the output's shape, else through encoding/json. raw is the
// mock's own JSON (the resource engine's descriptions are JSON text under
// every protocol), so this is jsonwire, not the protocol's body codec.
func (c *compiledOp) decodeOutput(raw []byte, out any) error {
	if c.outShape != nil {
		return jsonwire.Unmarshal(raw, c.outShape, out)
	}
	return json.Unmarshal(raw, out)
}

// describeWireError renders a codec error as the serialization error's
// message: for a value of the wrong type, what was expected where and what
// was found, as encoding/json's errors are rendered.
func describeWireError(err error) string {
	var je *jsonwire.Error
	if !errors.As(err, &je) {
		return "cannot decode the request body: " + err.Error()
	}
	where := "the request body"
	if je.Path != "" {
		where = "'" + je.Path + "'"
	}
	if je.Expected != "" {
		return fmt.Sprintf("expected %s at %s, found %s", je.Expected, where, je.Found)
	}
	return fmt.Sprintf("%s at %s", je.Msg, where)
}

func describeJSON(v any) string {
	switch v.(type) {
	case []any:
		return "array"
	case string:
		return "string"
	case bool:
		return "bool"
	}
	return "number"
}

// checkText finds what encoding/json would silently replace by U+FFFD:
// bytes that are not UTF-8 and \u escapes of unpaired surrogates. Two
// different bad names must not become one name.
func checkText(body []byte) string {
	if !utf8.Valid(body) {
		i := 0
		for i < len(body) {
			r, n := utf8.DecodeRune(body[i:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			i += n
		}
		return fmt.Sprintf("invalid UTF-8 at offset %d of the request body", i)
	}
	for i := 0; ; {
		j := bytes.IndexByte(body[i:], '\\')
		if j < 0 {
			return ""
		}
		i += j
		if i+1 >= len(body) {
			return ""
		}
		if body[i+1] != 'u' {
			i += 2 // an escape; \\ is skipped whole
			continue
		}
		r, ok := hexRune(body[i+2:])
		if !ok {
			return "" // the decoder reports the malformed escape
		}
		switch {
		case r >= 0xd800 && r < 0xdc00:
			// A high surrogate must be followed by a low one.
			if i+7 < len(body) && body[i+6] == '\\' && body[i+7] == 'u' {
				if lo, ok := hexRune(body[i+8:]); ok && lo >= 0xdc00 && lo < 0xe000 {
					i += 12
					continue
				}
			}
			return fmt.Sprintf("unpaired surrogate \\u%04x at offset %d of the request body: not valid UTF-16", r, i)
		case r >= 0xdc00 && r < 0xe000:
			return fmt.Sprintf("unpaired surrogate \\u%04x at offset %d of the request body: not valid UTF-16", r, i)
		}
		i += 6
	}
}

func hexRune(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	n, err := strconv.ParseUint(string(b[:4]), 16, 32)
	return rune(n), err == nil
}
