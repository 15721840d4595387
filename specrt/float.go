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
