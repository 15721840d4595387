package mockrt

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/textproto"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/specgen/specgen/specrt"
	"github.com/specgen/specgen/specrt/jsonwire"
	"github.com/specgen/specgen/specrt/schema"
)

// The bindings beyond single values (binding.go): query maps, header maps,
// JSON in headers, whole-body payloads, and an output's headers, status
// and payload. Only operations that have such members pay for them: the
// others never reach this file.

// outBinding is an output member bound outside the body, with what its Go
// type says about how it travels.
type outBinding struct {
	Binding
	time bool         // a timestamp, or a list of them: HTTP dates in a header
	kind reflect.Kind // payload: reflect.Slice (a blob), String or Struct
	doc  bool         // payload: a document, its JSON
}

// compileBindings finds the input payload and describes the output
// bindings; the output's members gain the bound ones, so that its
// templates may set them.
func (c *compiledOp) compileBindings() error {
	for i, b := range c.Bindings {
		if b.Location == "payload" {
			c.payload = &c.Bindings[i]
		}
	}
	if len(c.OutputBindings) == 0 || c.NewOutput == nil {
		return nil
	}
	t := reflect.TypeOf(c.NewOutput()).Elem()
	members := make(map[string]*wireType, len(c.outType.members)+len(c.OutputBindings))
	for k, v := range c.outType.members {
		members[k] = v
	}
	for _, b := range c.OutputBindings {
		f, ok := t.FieldByName(b.Field)
		if !ok {
			return fmt.Errorf("output has no field %s", b.Field)
		}
		ft := f.Type
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		isTime := ft == timeType || ft.Kind() == reflect.Slice && ft.Elem() == timeType
		ob := outBinding{Binding: b, time: isTime, kind: ft.Kind(), doc: ft == documentType}
		c.outBinds = append(c.outBinds, ob)
		members[b.Member] = c.memberWireType(f.Type)
	}
	out := *c.outType
	out.members = members
	c.outType = &out
	return nil
}

// queryMap is the query parameters that the operation's path does not hold
// as a literal, for a query map member. Those a member binds by name are in
// it too: a server sees every parameter in the map, as the protocol tests
// say (RestJsonAllQueryStringTypes), while a client's own map entry loses
// to the named member of the same name.
func queryMap(op *compiledOp, query url.Values) map[string][]string {
	_, literal, _ := strings.Cut(op.Path, "?")
	lit, _ := url.ParseQuery(literal)
	m := map[string][]string{}
	for k, vs := range query {
		if _, ok := lit[k]; !ok {
			m[k] = vs
		}
	}
	return m
}

// headerMap is the headers whose names start with prefix, keyed by the
// rest of the name in lower case, as the client reads them.
func headerMap(h http.Header, prefix string) map[string][]string {
	var m map[string][]string
	for k, vs := range h {
		if len(k) > len(prefix) && strings.EqualFold(k[:len(prefix)], prefix) {
			if m == nil {
				m = map[string][]string{}
			}
			m[strings.ToLower(k[len(prefix):])] = vs
		}
	}
	return m
}

// setMap sets f, a map of strings or of lists of strings, from m, and
// returns it as decoded JSON. A map of strings takes the first value of a
// repeated parameter.
func setMap(f reflect.Value, m map[string][]string) (any, error) {
	mv := reflect.MakeMapWithSize(f.Type(), len(m))
	tree := make(map[string]any, len(m))
	list := f.Type().Elem().Kind() == reflect.Slice
	for k, vs := range m {
		for _, v := range vs {
			if !utf8.ValidString(v) || !utf8.ValidString(k) {
				return nil, errors.New("invalid UTF-8")
			}
		}
		e := reflect.New(f.Type().Elem()).Elem()
		if list {
			l := reflect.MakeSlice(e.Type(), len(vs), len(vs))
			jl := make([]any, len(vs))
			for i, v := range vs {
				l.Index(i).SetString(v)
				jl[i] = v
			}
			e.Set(l)
			tree[k] = jl
		} else {
			e.SetString(vs[0])
			tree[k] = vs[0]
		}
		mv.SetMapIndex(reflect.ValueOf(k), e)
	}
	f.Set(mv)
	return tree, nil
}

// setJSONValue sets f, a *string, from a header holding base64-encoded
// JSON.
func setJSONValue(f reflect.Value, v string) (any, error) {
	data, err := base64.StdEncoding.DecodeString(strings.TrimSpace(v))
	if err != nil || !json.Valid(data) {
		return nil, fmt.Errorf("expected base64-encoded JSON, found %q", truncateText(v, 32))
	}
	return setScalar(f, string(data), "header", "")
}

var documentType = reflect.TypeOf(specrt.Document(nil))

// ft is the type of f, pointers removed.
func ft(f reflect.Value) reflect.Type {
	t := f.Type()
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// decodePayload decodes the body of a request whose input has a payload
// member: the body is that member, as JSON (a structure), raw bytes (a
// blob) or text (a string). An empty body leaves it unset.
func (s *Server) decodePayload(sp *speaker, op *compiledOp, body []byte) (map[string]any, Input, []specrt.FieldError, error) {
	in := op.NewInput()
	tree := map[string]any{}
	if len(body) == 0 {
		return tree, in, nil, nil
	}
	f := reflect.ValueOf(in).Elem().FieldByName(op.payload.Field)
	if !f.IsValid() {
		return nil, nil, nil, &Error{Code: "InternalFailure", Message: "the input has no field " + op.payload.Field, Status: 500}
	}
	switch ft := f.Type(); {
	case ft == documentType:
		if msg := checkText(body); msg != "" {
			return nil, nil, nil, s.serializationFailed(msg)
		}
		var v any
		if err := json.Unmarshal(body, &v); err != nil {
			return nil, nil, nil, s.serializationFailed(describeDecodeError(err))
		}
		f.SetBytes(bytes.Clone(body))
		tree[op.payload.Member] = v
		return tree, in, nil, nil
	case ft.Kind() == reflect.String: // an enum
		if !utf8.Valid(body) {
			return nil, nil, nil, s.serializationFailed("the request body is not valid UTF-8 text")
		}
		f.SetString(string(body))
		tree[op.payload.Member] = string(body)
		return tree, in, nil, nil
	case ft.Kind() == reflect.Slice:
		f.SetBytes(bytes.Clone(body))
		tree[op.payload.Member] = base64.StdEncoding.EncodeToString(body)
		return tree, in, nil, nil
	case ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.String:
		if !utf8.Valid(body) {
			return nil, nil, nil, s.serializationFailed("the request body is not valid UTF-8 text")
		}
		text := string(body)
		f.Set(reflect.ValueOf(&text))
		tree[op.payload.Member] = text
		return tree, in, nil, nil
	}
	if !sp.json {
		return s.decodeStructPayload(sp, op, f, in, body)
	}
	if msg := checkText(body); msg != "" {
		return nil, nil, nil, s.serializationFailed(msg)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	if err == nil && len(bytes.TrimSpace(body[dec.InputOffset():])) > 0 {
		err = json.Unmarshal(body, new(any))
	}
	if err != nil {
		return nil, nil, nil, s.serializationFailed(describeDecodeError(err))
	}
	obj, ok := v.(map[string]any)
	if !ok {
		if v == nil {
			return tree, in, nil, nil
		}
		return nil, nil, nil, s.serializationFailed(fmt.Sprintf("expected an object at the request body, found %s", describeJSON(v)))
	}
	if len(obj) == 0 && ft(f).Kind() == reflect.Struct {
		// {} is what clients send for an unset structure payload
		// (RestJsonHttpWithEmptyStructurePayload): like an empty body, it
		// leaves the member unset.
		return tree, in, nil, nil
	}
	var r specrt.Report
	var top specrt.Path
	root := top.Member(op.payload.Member)
	op.memberWireType(f.Type()).trim(obj, &root, &r)
	if shape := op.structShape(f.Type()); shape != nil {
		// The codec reads the body as the trimmed tree holds it.
		v := reflect.New(ft(f))
		if err := sp.body.Unmarshal(body, shape, v.Interface()); err != nil {
			return nil, nil, nil, s.serializationFailed(describeWireError(err))
		}
		f.Set(v)
	} else {
		data, err := appendJSON(make([]byte, 0, len(body)), obj)
		if err == nil {
			err = json.Unmarshal(data, f.Addr().Interface())
		}
		if err != nil {
			return nil, nil, nil, s.serializationFailed(describeDecodeError(err))
		}
	}
	tree[op.payload.Member] = obj
	r.SortFrom(0)
	var problems []specrt.FieldError
	if ve, ok := r.Err().(*specrt.ValidationError); ok {
		problems = ve.Fields
	}
	return tree, in, problems, nil
}

// decodeStructPayload decodes a structure payload f of in in a protocol
// whose bodies are not bare JSON, through the protocol's body codec; the
// tree holds the payload as jsonwire writes it.
func (s *Server) decodeStructPayload(sp *speaker, op *compiledOp, f reflect.Value, in Input, body []byte) (map[string]any, Input, []specrt.FieldError, error) {
	shape := op.structShape(f.Type())
	if shape == nil {
		return nil, nil, nil, &Error{Code: "InternalFailure", Message: "the service describes no shape of the payload " + op.payload.Member, Status: 500}
	}
	v := reflect.New(ft(f))
	if err := sp.body.Unmarshal(body, shape, v.Interface()); err != nil {
		return nil, nil, nil, s.serializationFailed(err.Error())
	}
	f.Set(v)
	data, err := jsonwire.Marshal(shape, v.Interface())
	var obj map[string]any
	if err == nil {
		obj, err = decodeObject(data)
	}
	if err != nil {
		return nil, nil, nil, &Error{Code: "InternalFailure", Message: "the mock cannot read its input: " + err.Error(), Status: 500}
	}
	return map[string]any{op.payload.Member: obj}, in, nil, nil
}

// addBoundOutput adds the bound members of a typed output, which data (its
// JSON) leaves out, to data.
func addBoundOutput(op *compiledOp, out any, data []byte) ([]byte, error) {
	tree, err := decodeObject(data)
	if err != nil {
		return nil, err
	}
	bs := make([]Binding, len(op.outBinds))
	for i, b := range op.outBinds {
		bs[i] = b.Binding
	}
	if err := addBound(op, bs, out, tree); err != nil {
		return nil, err
	}
	return appendJSON(nil, tree)
}

// setBoundOutput sets the bound members of a typed output from raw, the
// output's JSON as the mock builds and stores it.
func setBoundOutput(op *compiledOp, out any, raw []byte) error {
	tree, err := decodeObject(raw)
	if err != nil {
		return err
	}
	v := reflect.ValueOf(out).Elem()
	for _, b := range op.outBinds {
		jv, ok := tree[b.Member]
		if !ok || jv == nil {
			continue
		}
		if b.time {
			t, ok := treeTime(jv)
			if !ok {
				return fmt.Errorf("%s: expected a timestamp", b.Member)
			}
			jv = t.Format(time.RFC3339Nano)
		}
		f := v.FieldByName(b.Field)
		// From the mock's JSON tree, not from the wire: jsonwire, not
		// the protocol's body codec.
		data, err := json.Marshal(jv)
		if shape := op.structShape(f.Type()); err == nil && shape != nil {
			sv := reflect.New(ft(f))
			if err = jsonwire.Unmarshal(data, shape, sv.Interface()); err == nil {
				f.Set(sv)
			}
		} else if err == nil {
			err = json.Unmarshal(data, f.Addr().Interface())
		}
		if err != nil {
			return fmt.Errorf("%s: %w", b.Member, err)
		}
	}
	return nil
}

// writeBound takes the bound members out of data, an output's JSON, into
// the response's status, headers h and body: it returns the status, the
// Content-Type (empty for no body) and the body.
func writeBound(op *compiledOp, h http.Header, status int, contentType string, data []byte) (int, string, []byte, error) {
	tree, err := decodeObject(data)
	if err != nil {
		return 0, "", nil, err
	}
	var payload *outBinding
	for i := range op.outBinds {
		b := &op.outBinds[i]
		v, ok := tree[b.Member]
		delete(tree, b.Member)
		if b.Location == "payload" {
			payload = b
		}
		if !ok || v == nil {
			continue
		}
		switch b.Location {
		case "statusCode":
			// Only a success: the client reads any other status as an error.
			if n, err := strconv.Atoi(fmt.Sprint(v)); err == nil && n >= 200 && n <= 299 {
				status = n
			}
		case "header":
			if s, ok := headerText(v, b); ok {
				h.Set(b.Name, s)
			}
		case "headers":
			m, _ := v.(map[string]any)
			for k, e := range m {
				if s, ok := e.(string); ok {
					h.Set(textproto.CanonicalMIMEHeaderKey(b.Name+k), s)
				}
			}
		case "payload":
			tree[b.Member] = v // put back for the payload below
		}
	}
	if payload == nil {
		data, err = appendJSON(data[:0], tree)
		return status, contentType, data, err
	}
	v, ok := tree[payload.Member]
	if !ok {
		return status, "", nil, nil
	}
	switch {
	case payload.doc:
		data, err = appendJSON(data[:0], v)
		return status, contentType, data, err
	case payload.kind == reflect.Slice:
		s, _ := v.(string)
		data, err = base64.StdEncoding.DecodeString(s)
		return status, "application/octet-stream", data, err
	case payload.kind == reflect.String:
		s, _ := v.(string)
		return status, "text/plain", []byte(s), nil
	}
	data, err = appendJSON(data[:0], v)
	return status, contentType, data, err
}

// headerText renders a member value of an output as a header: a
// timestamp as an HTTP date, a list comma-separated (quoted where
// needed), JSON as base64.
func headerText(v any, b *outBinding) (string, bool) {
	if l, ok := v.([]any); ok && b.time {
		dates := make([]string, 0, len(l))
		for _, e := range l {
			t, ok := treeTime(e)
			if !ok {
				return "", false
			}
			dates = append(dates, t.UTC().Format(http.TimeFormat))
		}
		return specrt.JoinHeaderDates(dates), len(dates) > 0
	}
	if b.time {
		t, ok := treeTime(v)
		if b.TimestampFormat != "" {
			return specrt.FormatTimeAs(t, b.TimestampFormat), ok
		}
		return t.UTC().Format(http.TimeFormat), ok
	}
	switch v := v.(type) {
	case string:
		if b.JSONValue {
			return specrt.JSONHeader(v), true
		}
		return v, true
	case json.Number:
		return v.String(), true
	case bool:
		return strconv.FormatBool(v), true
	case []any:
		l := make([]string, 0, len(v))
		for _, e := range v {
			var s string
			switch e := e.(type) {
			case string:
				s = e
			case json.Number:
				s = e.String()
			case bool:
				s = strconv.FormatBool(e)
			default:
				return "", false
			}
			l = append(l, s)
		}
		return specrt.JoinHeaderList(l), len(l) > 0
	}
	return "", false
}

// treeTime reads a timestamp of decoded JSON: epoch seconds, as templates
// and bodies have them, or RFC 3339 text, as a Go time.Time encodes itself.
func treeTime(v any) (time.Time, bool) {
	switch v := v.(type) {
	case json.Number:
		f, err := v.Float64()
		if err != nil {
			return time.Time{}, false
		}
		return time.UnixMilli(int64(f * 1000)).UTC(), true
	case string:
		t, err := time.Parse(time.RFC3339Nano, v)
		return t, err == nil
	}
	return time.Time{}, false
}

// decodeObject decodes a JSON object, numbers kept exact; empty data is an
// empty object.
func decodeObject(data []byte) (map[string]any, error) {
	tree := map[string]any{}
	if len(bytes.TrimSpace(data)) == 0 {
		return tree, nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&tree); err != nil {
		return nil, err
	}
	if tree == nil {
		tree = map[string]any{}
	}
	return tree, nil
}

// namedShapes holds the shapes of the structure payloads that name the
// body's element themselves, by shape and element: one per such member of
// the generated services, so that the codec works each out once.
var namedShapes sync.Map // namedShape → *schema.Shape

type namedShape struct {
	shape *schema.Shape
	name  string
}

// namedPayload is s as a whole body whose element is name (a restXml
// structure payload member naming it, Binding.Name).
func namedPayload(s *schema.Shape, name string) *schema.Shape {
	k := namedShape{s, name}
	if v, ok := namedShapes.Load(k); ok {
		return v.(*schema.Shape)
	}
	v, _ := namedShapes.LoadOrStore(k, s.Named(name))
	return v.(*schema.Shape)
}
