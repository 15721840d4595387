package codec

import (
	"time"
	"unsafe"

	"github.com/specgen/specgen/specrt/schema"
)

// Block sizes: how many pointer-held values of a kind one allocation makes
// room for. Strings are the most common optional members.
const (
	stringBlock = 32
	scalarBlock = 16
)

// Scalars carves the pointer-held scalars of one decoded body (a structure
// member of kind String, Bool, Int32, Int64, Float32, Float64 or Time) from
// blocks allocated a few at a time, so that a body of many optional members
// costs a few allocations rather than one a member. A block stays alive as
// long as any value carved from it. The zero value is ready to use; a
// Scalars is not safe for concurrent use.
type Scalars struct {
	strs  []string
	i32s  []int32
	i64s  []int64
	f32s  []float32
	f64s  []float64
	bools []bool
	times []time.Time
}

// Alloc returns room for a zero value of the scalar shape s, or nil when s
// is not one of the pointer-held scalar kinds (the caller allocates a value
// of the shape's Go type).
func (a *Scalars) Alloc(s *schema.Shape) unsafe.Pointer {
	switch s.Kind {
	case schema.KindString:
		return unsafe.Pointer(take(&a.strs, stringBlock))
	case schema.KindBool:
		return unsafe.Pointer(take(&a.bools, scalarBlock))
	case schema.KindInt32:
		return unsafe.Pointer(take(&a.i32s, scalarBlock))
	case schema.KindInt64:
		return unsafe.Pointer(take(&a.i64s, scalarBlock))
	case schema.KindFloat32:
		return unsafe.Pointer(take(&a.f32s, scalarBlock))
	case schema.KindFloat64:
		return unsafe.Pointer(take(&a.f64s, scalarBlock))
	case schema.KindTime:
		return unsafe.Pointer(take(&a.times, scalarBlock))
	}
	return nil
}

// take returns the first element of *block, allocating a new block of n
// when it is used up, and drops it from *block.
func take[T any](block *[]T, n int) *T {
	if len(*block) == 0 {
		*block = make([]T, n)
	}
	p := &(*block)[0]
	*block = (*block)[1:]
	return p
}
