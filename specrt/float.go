package specrt

import (
	"encoding/json"
	"fmt"
	"math"
)

// Float is a float or double member in the form the JSON protocols carry
// it: a JSON number, or one of the strings "NaN", "Infinity" and
// "-Infinity", which JSON numbers cannot spell. Generated types keep
// *float32 and *float64 and convert through Float in their JSON methods.
type Float[T float32 | float64] struct{ V T }

// FloatOf converts a member's value for encoding; nil stays nil.
func FloatOf[T float32 | float64](v *T) *Float[T] {
	if v == nil {
		return nil
	}
	return &Float[T]{*v}
}

// Value converts a decoded value back; nil stays nil.
func (f *Float[T]) Value() *T {
	if f == nil {
		return nil
	}
	v := f.V
	return &v
}

// MarshalJSON writes a number, or a string for NaN and the infinities.
func (f Float[T]) MarshalJSON() ([]byte, error) {
	v := float64(f.V)
	switch {
	case math.IsNaN(v):
		return []byte(`"NaN"`), nil
	case math.IsInf(v, 1):
		return []byte(`"Infinity"`), nil
	case math.IsInf(v, -1):
		return []byte(`"-Infinity"`), nil
	}
	return json.Marshal(f.V) // as encoding/json writes the plain field
}

// UnmarshalJSON reads a number or one of the three strings.
func (f *Float[T]) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		return nil
	}
	if len(data) > 0 && data[0] == '"' {
		var s string
		if err := json.Unmarshal(data, &s); err != nil {
			return err
		}
		v, ok := specialFloat(s)
		if !ok {
			return fmt.Errorf("expected a number, \"NaN\", \"Infinity\" or \"-Infinity\", found the string %q", truncate(s, 32))
		}
		f.V = T(v)
		return nil
	}
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	f.V = v
	return nil
}

// specialFloat reads the strings that stand for the floats JSON numbers
// cannot spell.
func specialFloat(s string) (float64, bool) {
	switch s {
	case "NaN":
		return math.NaN(), true
	case "Infinity":
		return math.Inf(1), true
	case "-Infinity":
		return math.Inf(-1), true
	}
	return 0, false
}

// FloatList is a list of floats on the wire: each element as Float writes
// it. Generated JSON methods convert a []float64 member to it and back
// without copying.
type FloatList[T float32 | float64] []T

// MarshalJSON writes the elements, NaN and the infinities as strings.
func (l FloatList[T]) MarshalJSON() ([]byte, error) {
	if l == nil {
		return []byte("null"), nil
	}
	b := []byte{'['}
	for i, v := range l {
		if i > 0 {
			b = append(b, ',')
		}
		e, err := Float[T]{v}.MarshalJSON()
		if err != nil {
			return nil, err
		}
		b = append(b, e...)
	}
	return append(b, ']'), nil
}

// UnmarshalJSON reads the elements as Float does.
func (l *FloatList[T]) UnmarshalJSON(data []byte) error {
	var raw []Float[T]
	if err := json.Unmarshal(data, &raw); err != nil || raw == nil {
		return err
	}
	out := make(FloatList[T], len(raw))
	for i, f := range raw {
		out[i] = f.V
	}
	*l = out
	return nil
}

// FloatMap is a map of floats on the wire: each value as Float writes it.
type FloatMap[T float32 | float64] map[string]T

// MarshalJSON writes the entries, NaN and the infinities as strings.
func (m FloatMap[T]) MarshalJSON() ([]byte, error) {
	if m == nil {
		return []byte("null"), nil
	}
	wire := make(map[string]Float[T], len(m))
	for k, v := range m {
		wire[k] = Float[T]{v}
	}
	return json.Marshal(wire)
}

// UnmarshalJSON reads the values as Float does.
func (m *FloatMap[T]) UnmarshalJSON(data []byte) error {
	var raw map[string]Float[T]
	if err := json.Unmarshal(data, &raw); err != nil || raw == nil {
		return err
	}
	out := make(FloatMap[T], len(raw))
	for k, f := range raw {
		out[k] = f.V
	}
	*m = out
	return nil
}
