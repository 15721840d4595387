package schema

import "testing"

func TestHeld(t *testing.T) {
	tests := []struct {
		name  string
		shape *Shape
		want  bool
	}{
		{"a string is held through a pointer", &String, true},
		{"a bool is held through a pointer", &Bool, true},
		{"an int32 is held through a pointer", &Int32, true},
		{"an int64 is held through a pointer", &Int64, true},
		{"a float32 is held through a pointer", &Float32, true},
		{"a float64 is held through a pointer", &Float64, true},
		{"a timestamp is held through a pointer", &Timestamp, true},
		{"a structure is held through a pointer", &Shape{Kind: KindStruct}, true},
		{"an enum is held by value", &Enum, false},
		{"a blob is held by value", &Blob, false},
		{"a document is held by value", &Document, false},
		{"a list is held by value", &Shape{Kind: KindList, Elem: &String}, false},
		{"a map is held by value", &Shape{Kind: KindMap, Elem: &String}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.shape.Held(); got != tt.want {
				t.Errorf("Held = %v, want %v", got, tt.want)
			}
		})
	}
}
