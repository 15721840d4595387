package mockrt

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/specgen/specgen/specrt"
	"github.com/specgen/specgen/specrt/jsonwire"
)

// Binding says where a restJson1 input or output member travels outside
// the JSON body. Generated types carry such members with `json:"-"`, so the
// mock sets them after decoding a request body, and takes them out of an
// output before encoding its body.
//
// The mock never looks at the Host header: a request for an operation with
// a host prefix ("data-", "{Name}.") is routed by its path or target alone,
// with or without the prefix, so that tests can send to 127.0.0.1.
type Binding struct {
	// Location is "uri" (a path label), "query" (a parameter; with no Name,
	// a map holding every parameter no other member binds), "header",
	// "headers" (a map of the headers whose names start with Name),
	// "statusCode" (an output's HTTP status) or "payload" (the whole body).
	Location string
	// Name is the label, query parameter or header name, or the prefix of
	// a headers map; for a structure payload, the element of the body when
	// the member names it in place of its shape (restXml).
	Name string
	// Member is the member's wire name, as {input.*} templates name it.
	Member string
	// Field is the Go field of the input type that holds it.
	Field string
	// JSONValue marks a header holding base64-encoded JSON.
	JSONValue bool
	// TimestampFormat is the format of a timestamp that does not travel in
	// its location's default (an HTTP date in a header, RFC 3339 elsewhere):
	// "epoch-seconds", "iso8601" or "http-date"; "" for the default.
	TimestampFormat string
}

// bind sets the input members that travel in the path, the query and the
// headers, on the typed input and in the decoded tree (when not nil).
func bind(op *compiledOp, r *http.Request, labels map[string]string, in Input, tree map[string]any) error {
	if len(op.Bindings) == 0 {
		return nil
	}
	v := reflect.ValueOf(in).Elem()
	var query url.Values
	for _, b := range op.Bindings {
		var values []string
		var m map[string][]string
		switch b.Location {
		case "uri":
			if s, ok := labels[b.Name]; ok {
				values = []string{s}
			}
		case "query":
			if query == nil {
				query = r.URL.Query()
			}
			if b.Name == "" {
				m = queryMap(op, query)
			} else {
				values = query[b.Name]
			}
		case "header":
			values = append(values, r.Header.Values(b.Name)...)
		case "headers":
			m = headerMap(r.Header, b.Name)
		}
		if len(values) == 0 && len(m) == 0 {
			continue
		}
		f := v.FieldByName(b.Field)
		if !f.IsValid() || !f.CanSet() {
			return fmt.Errorf("input has no field %s", b.Field)
		}
		var jv any
		var err error
		switch {
		case m != nil:
			jv, err = setMap(f, m)
		case b.JSONValue:
			jv, err = setJSONValue(f, values[0])
		default:
			jv, err = setField(f, values, b.Location, b.TimestampFormat)
		}
		if err != nil {
			return fmt.Errorf("%s %s: %w", bindingWhere(b), b.Name, err)
		}
		if tree != nil {
			tree[b.Member] = jv
		}
	}
	return nil
}

func bindingWhere(b Binding) string {
	switch b.Location {
	case "uri":
		return "path label"
	case "query":
		return "query parameter"
	case "headers":
		return "headers"
	}
	return "header"
}

// setField parses values into f (a pointer to a scalar, an enum string, or
// a list of them) and returns the value as decoded JSON.
func setField(f reflect.Value, values []string, location, timeFormat string) (any, error) {
	if f.Kind() == reflect.Slice && f.Type().Elem().Kind() != reflect.Uint8 {
		if location == "header" {
			split := specrt.SplitHeaderList
			if f.Type().Elem() == timeType {
				split = specrt.SplitHeaderDates // each date holds a comma
			}
			var all []string
			for _, v := range values {
				all = append(all, split(v)...)
			}
			values = all
		}
		list := reflect.MakeSlice(f.Type(), len(values), len(values))
		out := make([]any, len(values))
		for i, s := range values {
			jv, err := setScalar(list.Index(i), s, location, timeFormat)
			if err != nil {
				return nil, err
			}
			out[i] = jv
		}
		f.Set(list)
		return out, nil
	}
	return setScalar(f, values[0], location, timeFormat)
}

var timeType = reflect.TypeOf(time.Time{})

func setScalar(f reflect.Value, s string, location, timeFormat string) (any, error) {
	if f.Kind() == reflect.Pointer {
		p := reflect.New(f.Type().Elem())
		jv, err := setScalar(p.Elem(), s, location, timeFormat)
		if err != nil {
			return nil, err
		}
		f.Set(p)
		return jv, nil
	}
	if f.Type() == timeType {
		var t time.Time
		var err error
		switch {
		case timeFormat != "":
			t, err = specrt.ParseTimeAs(s, timeFormat)
		case location == "header":
			t, err = http.ParseTime(s)
		default:
			t, err = time.Parse(time.RFC3339Nano, s)
		}
		if err != nil {
			return nil, fmt.Errorf("expected a timestamp, found %q", truncateText(s, 32))
		}
		f.Set(reflect.ValueOf(t))
		return json.Number(strconv.FormatFloat(float64(t.UnixMilli())/1000, 'f', -1, 64)), nil
	}
	switch f.Kind() {
	case reflect.String:
		if !utf8.ValidString(s) {
			// As in a body: two different bad values must not become one.
			return nil, errors.New("invalid UTF-8")
		}
		f.SetString(s)
		return s, nil
	case reflect.Bool:
		b, err := strconv.ParseBool(s)
		if err != nil {
			return nil, fmt.Errorf("expected a boolean, found %q", truncateText(s, 32))
		}
		f.SetBool(b)
		return b, nil
	case reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Int:
		n, err := strconv.ParseInt(s, 10, f.Type().Bits())
		if err != nil {
			return nil, fmt.Errorf("expected an integer in range, found %q", truncateText(s, 32))
		}
		f.SetInt(n)
		return json.Number(strconv.FormatInt(n, 10)), nil
	case reflect.Float32, reflect.Float64:
		x, err := strconv.ParseFloat(s, f.Type().Bits())
		if err != nil {
			return nil, fmt.Errorf("expected a number, found %q", truncateText(s, 32))
		}
		f.SetFloat(x)
		return json.Number(strconv.FormatFloat(x, 'g', -1, 64)), nil
	}
	return nil, fmt.Errorf("cannot bind a %s", f.Type())
}

// nonFinite returns the wire text of f, a float or a pointer to one, when
// it is NaN or an infinity.
func nonFinite(f reflect.Value) (string, bool) {
	for f.Kind() == reflect.Pointer && !f.IsNil() {
		f = f.Elem()
	}
	if f.Kind() != reflect.Float32 && f.Kind() != reflect.Float64 {
		return "", false
	}
	switch x := f.Float(); {
	case math.IsNaN(x):
		return "NaN", true
	case math.IsInf(x, 1):
		return "Infinity", true
	case math.IsInf(x, -1):
		return "-Infinity", true
	}
	return "", false
}

// boundMembers adds the values of the bound members of a typed input, which
// its JSON leaves out, to its decoded tree.
func boundMembers(op *compiledOp, in Input, tree map[string]any) error {
	return addBound(op, op.Bindings, in, tree)
}

// addBound adds the values of the members of v (a pointer to a generated
// type) that bs bind, which its JSON leaves out, to its decoded tree. A
// structure payload is encoded by the codec when op's service describes it.
func addBound(op *compiledOp, bs []Binding, in any, tree map[string]any) error {
	if len(bs) == 0 {
		return nil
	}
	v := reflect.ValueOf(in).Elem()
	for _, b := range bs {
		f := v.FieldByName(b.Field)
		if !f.IsValid() || f.IsZero() {
			continue
		}
		if s, ok := nonFinite(f); ok {
			// encoding/json has no form for NaN and the infinities; a
			// header spells them as the body does.
			tree[b.Member] = s
			continue
		}
		var data []byte
		var err error
		if shape := op.structShape(f.Type()); shape != nil {
			// Into the mock's JSON tree, not onto the wire: jsonwire,
			// not the protocol's body codec.
			data, err = jsonwire.Marshal(shape, f.Interface())
		} else {
			data, err = json.Marshal(f.Interface())
		}
		if err != nil {
			return err
		}
		dec := json.NewDecoder(strings.NewReader(string(data)))
		dec.UseNumber()
		var jv any
		if err := dec.Decode(&jv); err != nil {
			return err
		}
		tree[b.Member] = jv
	}
	return nil
}
