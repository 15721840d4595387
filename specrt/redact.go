package specrt

import (
	"fmt"
	"log/slog"
	"reflect"
	"sort"
	"strconv"
	"time"
)

// Redacted is what stands in for a sensitive value in printed and logged
// output.
const Redacted = "[sensitive]"

// sensitiveTag is the struct tag that marks a generated field as sensitive:
// `specgen:"sensitive"`.
const sensitiveTag = "specgen"

func isSensitive(f reflect.StructField) bool { return f.Tag.Get(sensitiveTag) == "sensitive" }

// Format writes the structure v, which must be a struct, as fmt's %v (or %+v,
// with field names) would, except that non-empty fields tagged sensitive are
// replaced by [sensitive] and pointers are followed. Generated types whose
// values may hold sensitive data call it from their Format method, so
// fmt.Printf("%v", in) and slog's text handler never show those values.
func Format(f fmt.State, verb rune, v any) {
	rv := reflect.ValueOf(v)
	plus := f.Flag('+') || f.Flag('#')
	if verb != 'v' && verb != 's' {
		fmt.Fprintf(f, "%%!%c(%s)", verb, rv.Type())
		return
	}
	writeStruct(f, rv, plus, path{})
}

// Cycle is what stands in for a value that contains itself, in printed and
// logged output. Values of recursive shapes can (a node whose child points
// back to it), and following them would never end.
const Cycle = "<cycle>"

// ref identifies a pointer, map or slice by what it refers to; a slice also
// by its length, since a shorter slice of the same array is another value.
type ref struct {
	kind reflect.Kind
	ptr  uintptr
	len  int
}

// path holds the references being printed, from the top value down: meeting
// one again means the value contains itself.
type path map[ref]bool

// enter reports whether v, a pointer, map or slice, is not already on the
// path, and puts it there; leave takes it off.
func (p path) enter(v reflect.Value) (ref, bool) {
	r := ref{kind: v.Kind(), ptr: v.Pointer()}
	if v.Kind() == reflect.Slice {
		r.len = v.Len()
	}
	if p[r] {
		return r, false
	}
	p[r] = true
	return r, true
}

func writeStruct(f fmt.State, rv reflect.Value, plus bool, seen path) {
	t := rv.Type()
	f.Write([]byte{'{'})
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		if i > 0 {
			f.Write([]byte{' '})
		}
		if plus {
			fmt.Fprintf(f, "%s:", sf.Name)
		}
		fv := rv.Field(i)
		if isSensitive(sf) && !fv.IsZero() {
			f.Write([]byte(Redacted))
			continue
		}
		writeValue(f, fv, plus, seen)
	}
	f.Write([]byte{'}'})
}

// writeValue prints v as fmt would, except that it follows pointers and
// walks structures itself, so that nested fields tagged sensitive are
// redacted and nested pointers print their values rather than addresses.
func writeValue(f fmt.State, v reflect.Value, plus bool, seen path) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map:
		if v.IsNil() || v.Kind() != reflect.Pointer && v.Len() == 0 || v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
			break // nothing inside to come back through
		}
		r, ok := seen.enter(v)
		if !ok {
			f.Write([]byte(Cycle))
			return
		}
		defer delete(seen, r)
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			f.Write([]byte("<nil>"))
			return
		}
		writeValue(f, v.Elem(), plus, seen)
		return
	case reflect.Struct:
		if _, isTime := v.Interface().(time.Time); !isTime {
			writeStruct(f, v, plus, seen)
			return
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			break
		}
		f.Write([]byte{'['})
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				f.Write([]byte{' '})
			}
			writeValue(f, v.Index(i), plus, seen)
		}
		f.Write([]byte{']'})
		return
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		f.Write([]byte("map["))
		for i, k := range keys {
			if i > 0 {
				f.Write([]byte{' '})
			}
			fmt.Fprintf(f, "%v:", k.Interface())
			writeValue(f, v.MapIndex(k), plus, seen)
		}
		f.Write([]byte{']'})
		return
	}
	fmt.Fprintf(f, "%v", v.Interface())
}

// LogValue returns the structure v, which must be a struct, as a slog group
// of its set fields, with fields tagged sensitive replaced by [sensitive].
// Nested structures, lists and maps become nested groups, so that a JSON
// handler never marshals a value that holds a sensitive member.
func LogValue(v any) slog.Value {
	return logValue(reflect.ValueOf(v), path{})
}

func logValue(rv reflect.Value, seen path) slog.Value {
	for rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Interface {
		if rv.IsNil() {
			return slog.AnyValue(nil)
		}
		if rv.Kind() == reflect.Pointer {
			r, ok := seen.enter(rv)
			if !ok {
				return slog.StringValue(Cycle)
			}
			defer delete(seen, r)
		}
		rv = rv.Elem()
	}
	if (rv.Kind() == reflect.Map || rv.Kind() == reflect.Slice && rv.Type().Elem().Kind() != reflect.Uint8) && rv.Len() > 0 {
		r, ok := seen.enter(rv)
		if !ok {
			return slog.StringValue(Cycle)
		}
		defer delete(seen, r)
	}
	switch rv.Kind() {
	case reflect.Struct:
		if t, ok := rv.Interface().(time.Time); ok {
			return slog.TimeValue(t)
		}
		t := rv.Type()
		attrs := make([]slog.Attr, 0, t.NumField())
		for i := 0; i < t.NumField(); i++ {
			sf := t.Field(i)
			fv := rv.Field(i)
			if !sf.IsExported() || fv.IsZero() {
				continue
			}
			if isSensitive(sf) {
				attrs = append(attrs, slog.String(sf.Name, Redacted))
				continue
			}
			attrs = append(attrs, slog.Attr{Key: sf.Name, Value: logValue(fv, seen)})
		}
		return slog.GroupValue(attrs...)
	case reflect.Slice, reflect.Array:
		if rv.Type().Elem().Kind() == reflect.Uint8 {
			return slog.AnyValue(rv.Interface())
		}
		attrs := make([]slog.Attr, rv.Len())
		for i := range attrs {
			attrs[i] = slog.Attr{Key: strconv.Itoa(i), Value: logValue(rv.Index(i), seen)}
		}
		return slog.GroupValue(attrs...)
	case reflect.Map:
		keys := rv.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		attrs := make([]slog.Attr, len(keys))
		for i, k := range keys {
			attrs[i] = slog.Attr{Key: k.String(), Value: logValue(rv.MapIndex(k), seen)}
		}
		return slog.GroupValue(attrs...)
	default:
		return slog.AnyValue(rv.Interface())
	}
}
