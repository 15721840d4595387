package conformance

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/specgen/specgen/generator/model"
	"github.com/specgen/specgen/generator/spec"
)

// The suites write values as generic JSON trees keyed by wire names:
// timestamps as epoch seconds, blobs as their raw text, NaN and the
// infinities as strings. set fills a generated Go value from such a tree,
// through the Go field names the model decided; tree turns a generated value
// back into a tree; canon puts a case's tree in the form tree writes, so that
// the two compare with cmp.Diff.

// set fills v, a settable value of the Go type generated for sh, from t.
func set(v reflect.Value, sh *model.Shape, t any) error {
	if t == nil {
		if v.Kind() == reflect.Pointer || v.Kind() == reflect.Slice || v.Kind() == reflect.Map || v.Kind() == reflect.Interface {
			v.Set(reflect.Zero(v.Type()))
			return nil
		}
		return fmt.Errorf("null %s: its Go type %s cannot hold null", sh.Kind, v.Type())
	}
	if v.Kind() == reflect.Pointer {
		p := reflect.New(v.Type().Elem())
		if err := set(p.Elem(), sh, t); err != nil {
			return err
		}
		v.Set(p)
		return nil
	}
	switch sh.Kind {
	case model.Structure:
		obj, ok := t.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: want an object, found %T", sh.Name, t)
		}
		for _, k := range sortedKeys(obj) {
			m := member(sh, k)
			if m == nil {
				return fmt.Errorf("%s has no member %q", sh.Name, k)
			}
			f := v.FieldByName(m.GoName)
			if !f.IsValid() {
				return fmt.Errorf("%s: Go type %s has no field %s", sh.Name, v.Type(), m.GoName)
			}
			if err := set(f, m.Shape, obj[k]); err != nil {
				return fmt.Errorf("%s: %w", k, err)
			}
		}
	case model.List:
		arr, ok := t.([]any)
		if !ok {
			return fmt.Errorf("%s: want an array, found %T", sh.Name, t)
		}
		s := reflect.MakeSlice(v.Type(), len(arr), len(arr))
		for i, x := range arr {
			if err := set(s.Index(i), sh.Member, x); err != nil {
				return fmt.Errorf("[%d]: %w", i, err)
			}
		}
		v.Set(s)
	case model.Map:
		obj, ok := t.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: want an object, found %T", sh.Name, t)
		}
		m := reflect.MakeMapWithSize(v.Type(), len(obj))
		for _, k := range sortedKeys(obj) {
			e := reflect.New(v.Type().Elem()).Elem()
			if err := set(e, sh.Value, obj[k]); err != nil {
				return fmt.Errorf("[%q]: %w", k, err)
			}
			m.SetMapIndex(reflect.ValueOf(k).Convert(v.Type().Key()), e)
		}
		v.Set(m)
	case model.String:
		s, ok := t.(string)
		if !ok {
			return fmt.Errorf("%s: want a string, found %T", sh.Name, t)
		}
		v.SetString(s)
	case model.Integer, model.Long:
		n, ok := t.(float64)
		if !ok || n != math.Trunc(n) {
			return fmt.Errorf("%s: want a whole number, found %v", sh.Name, t)
		}
		v.SetInt(int64(n))
	case model.Float, model.Double:
		f, err := float(t)
		if err != nil {
			return fmt.Errorf("%s: %w", sh.Name, err)
		}
		v.SetFloat(f)
	case model.Boolean:
		b, ok := t.(bool)
		if !ok {
			return fmt.Errorf("%s: want true or false, found %T", sh.Name, t)
		}
		v.SetBool(b)
	case model.Timestamp:
		ts, err := timestamp(t)
		if err != nil {
			return fmt.Errorf("%s: %w", sh.Name, err)
		}
		v.Set(reflect.ValueOf(ts))
	case model.Blob:
		s, ok := t.(string)
		if !ok {
			return fmt.Errorf("%s: want a string, found %T", sh.Name, t)
		}
		v.SetBytes([]byte(s))
	case model.Document:
		b, err := json.Marshal(t)
		if err != nil {
			return err
		}
		v.SetBytes(b)
	default:
		return fmt.Errorf("%s: kind %s is not handled", sh.Name, sh.Kind)
	}
	return nil
}

// tree returns the generic tree of v, a value of the Go type generated for
// sh; nil stands for "not set".
func tree(v reflect.Value, sh *model.Shape) any {
	if v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	switch sh.Kind {
	case model.Structure:
		out := map[string]any{}
		for _, m := range sh.Members {
			f := v.FieldByName(m.GoName)
			if !f.IsValid() {
				out[m.Name] = fmt.Sprintf("<Go type %s has no field %s>", v.Type(), m.GoName)
				continue
			}
			if x := tree(f, m.Shape); x != nil {
				out[m.Name] = x
			}
		}
		return out
	case model.List:
		if v.IsNil() {
			return nil
		}
		out := make([]any, v.Len())
		for i := range out {
			out[i] = tree(v.Index(i), sh.Member)
		}
		return out
	case model.Map:
		if v.IsNil() {
			return nil
		}
		out := map[string]any{}
		it := v.MapRange()
		for it.Next() {
			out[it.Key().String()] = tree(it.Value(), sh.Value)
		}
		return out
	case model.String:
		if v.Kind() != reflect.String || v.String() == "" && v.Type().Name() != "string" {
			return nil // an enum's zero value is "not set"
		}
		return v.String()
	case model.Integer, model.Long:
		return float64(v.Int())
	case model.Float:
		return floatTree(v.Float(), true)
	case model.Double:
		return floatTree(v.Float(), false)
	case model.Boolean:
		return v.Bool()
	case model.Timestamp:
		t, ok := v.Interface().(time.Time)
		if !ok {
			return fmt.Sprintf("<%s is not a time.Time>", v.Type())
		}
		return millis(t)
	case model.Blob:
		if v.IsNil() {
			return nil
		}
		return string(v.Bytes())
	case model.Document:
		if v.IsNil() || v.Len() == 0 {
			return nil
		}
		var x any
		if err := json.Unmarshal(v.Bytes(), &x); err != nil {
			return fmt.Sprintf("<document %q: %v>", v.Bytes(), err)
		}
		return x
	}
	return fmt.Sprintf("<kind %s>", sh.Kind)
}

// canon puts a case's tree for sh in the form tree returns: floats of
// float shapes rounded to float32, NaN and the infinities as strings,
// timestamps as epoch seconds to the millisecond.
func canon(t any, sh *model.Shape) any {
	if t == nil || sh == nil {
		return t
	}
	switch sh.Kind {
	case model.Structure:
		obj, ok := t.(map[string]any)
		if !ok {
			return t
		}
		out := map[string]any{}
		for k, x := range obj {
			if m := member(sh, k); m != nil {
				if x == nil {
					continue // null members are "not set"
				}
				out[m.Name] = canon(x, m.Shape)
			} else {
				out[k] = x
			}
		}
		return out
	case model.List:
		arr, ok := t.([]any)
		if !ok {
			return t
		}
		out := make([]any, len(arr))
		for i, x := range arr {
			out[i] = canon(x, sh.Member)
		}
		return out
	case model.Map:
		obj, ok := t.(map[string]any)
		if !ok {
			return t
		}
		out := map[string]any{}
		for k, x := range obj {
			out[k] = canon(x, sh.Value)
		}
		return out
	case model.Float, model.Double:
		f, err := float(t)
		if err != nil {
			return t
		}
		return floatTree(f, sh.Kind == model.Float)
	case model.Timestamp:
		ts, err := timestamp(t)
		if err != nil {
			return t
		}
		return millis(ts)
	}
	return t
}

// member finds sh's member by the name a case uses: the model's member
// name, which may differ from the wire name (jsonName). The importer
// derives the Go field name from the member name, so that is what they
// share.
func member(sh *model.Shape, name string) *model.Member {
	goName := spec.GoName(name)
	for _, m := range sh.Members {
		if m.GoName == goName || m.GoName == goName+"_" {
			return m
		}
	}
	for _, m := range sh.Members {
		if m.Name == name {
			return m
		}
	}
	return nil
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func float(t any) (float64, error) {
	switch x := t.(type) {
	case float64:
		return x, nil
	case string:
		switch x {
		case "NaN":
			return math.NaN(), nil
		case "Infinity":
			return math.Inf(1), nil
		case "-Infinity":
			return math.Inf(-1), nil
		}
	}
	return 0, fmt.Errorf("want a number, NaN, Infinity or -Infinity, found %v", t)
}

func floatTree(f float64, single bool) any {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case single:
		return float64(float32(f))
	}
	return f
}

func timestamp(t any) (time.Time, error) {
	switch x := t.(type) {
	case float64:
		sec, frac := math.Modf(x)
		return time.Unix(int64(sec), int64(math.Round(frac*1e3))*1e6).UTC(), nil
	case string:
		for _, layout := range []string{time.RFC3339Nano, time.RFC1123} {
			if ts, err := time.Parse(layout, x); err == nil {
				return ts.UTC(), nil
			}
		}
	}
	return time.Time{}, fmt.Errorf("want a timestamp, found %v", t)
}

func millis(t time.Time) float64 {
	ms := t.Unix()*1000 + int64(t.Nanosecond())/1e6
	return float64(ms) / 1000
}

// decodeTree decodes a case's JSON value (params, result, error).
func decodeTree(raw json.RawMessage) (any, error) {
	if len(raw) == 0 {
		return map[string]any{}, nil
	}
	var t any
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	if err := dec.Decode(&t); err != nil {
		return nil, err
	}
	return t, nil
}
