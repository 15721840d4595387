package codec

import (
	"testing"
	"time"
	"unsafe"

	"github.com/specgen/specgen/specrt/schema"
)

func TestAlloc(t *testing.T) {
	tests := []struct {
		name  string
		shape *schema.Shape
		size  uintptr // of the value Alloc makes room for; 0 for none
	}{
		{"a string member gets room for a string", &schema.String, unsafe.Sizeof("")},
		{"a bool member gets room for a bool", &schema.Bool, unsafe.Sizeof(false)},
		{"an int32 member gets room for an int32", &schema.Int32, unsafe.Sizeof(int32(0))},
		{"an int64 member gets room for an int64", &schema.Int64, unsafe.Sizeof(int64(0))},
		{"a float32 member gets room for a float32", &schema.Float32, unsafe.Sizeof(float32(0))},
		{"a float64 member gets room for a float64", &schema.Float64, unsafe.Sizeof(float64(0))},
		{"a timestamp member gets room for a time.Time", &schema.EpochSeconds, unsafe.Sizeof(time.Time{})},
		{"a structure is left to the caller", &schema.Shape{Kind: schema.KindStruct, Type: (*struct{ A int })(nil)}, 0},
		{"an enum, held by value, is left to the caller", &schema.Enum, 0},
		{"a blob, held by value, is left to the caller", &schema.Blob, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var a Scalars
			if tt.size == 0 {
				if p := a.Alloc(tt.shape); p != nil {
					t.Fatalf("Alloc = %p, want nil", p)
				}
				return
			}
			// Enough values to use up more than one block: each is zero,
			// and none overlaps another.
			seen := map[uintptr]bool{}
			for i := range 3 * stringBlock {
				p := a.Alloc(tt.shape)
				if p == nil {
					t.Fatalf("value %d: Alloc = nil", i)
				}
				b := unsafe.Slice((*byte)(p), tt.size)
				for _, c := range b {
					if c != 0 {
						t.Fatalf("value %d: not zero: %v", i, b)
					}
				}
				for j := range b {
					if seen[uintptr(p)+uintptr(j)] {
						t.Fatalf("value %d at %p overlaps an earlier one", i, p)
					}
					seen[uintptr(p)+uintptr(j)] = true
				}
				b[0] = 1 // the next value must not see this
			}
		})
	}
}
