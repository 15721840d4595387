package codec

import (
	"reflect"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/specgen/specgen/specrt/schema"
)

func TestAbsent(t *testing.T) {
	list := &schema.Shape{Kind: schema.KindList, Elem: &schema.String, Type: (*[]string)(nil)}
	dict := &schema.Shape{Kind: schema.KindMap, Elem: &schema.Int32, Type: (*map[string]int32)(nil)}
	enum := func(v string) unsafe.Pointer { return unsafe.Pointer(&v) }
	blob := func(v []byte) unsafe.Pointer { return unsafe.Pointer(&v) }
	strs := func(v []string) unsafe.Pointer { return unsafe.Pointer(&v) }
	ints := func(v map[string]int32) unsafe.Pointer { return unsafe.Pointer(&v) }
	tests := []struct {
		name      string
		shape     *schema.Shape
		p         unsafe.Pointer
		absent    bool // Absent
		absentNil bool // AbsentNilBlob
	}{
		{"an empty enum is absent", &schema.Enum, enum(""), true, true},
		{"an enum with a value is present", &schema.Enum, enum("ACTIVE"), false, false},
		{"a nil blob is absent", &schema.Blob, blob(nil), true, true},
		{"an empty blob that is not nil is absent, but present where only nil is absent", &schema.Blob, blob([]byte{}), true, false},
		{"a blob with bytes is present", &schema.Blob, blob([]byte("x")), false, false},
		{"an empty document that is not nil is absent, but present where only nil is absent", &schema.Document, blob([]byte{}), true, false},
		{"a nil list is absent", list, strs(nil), true, true},
		{"an empty list that is not nil is present", list, strs([]string{}), false, false},
		{"a nil map is absent", dict, ints(nil), true, true},
		{"an empty map that is not nil is present", dict, ints(map[string]int32{}), false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Absent(tt.shape, tt.p); got != tt.absent {
				t.Errorf("Absent = %v, want %v", got, tt.absent)
			}
			if got := AbsentNilBlob(tt.shape, tt.p); got != tt.absentNil {
				t.Errorf("AbsentNilBlob = %v, want %v", got, tt.absentNil)
			}
		})
	}
}

func TestScratch(t *testing.T) {
	t.Run("a scratch buffer comes back empty after use", func(t *testing.T) {
		// The pool may hand back any buffer, or a new one; whichever it is,
		// it must hold nothing of an earlier use.
		for range 4 {
			bp := Scratch()
			if len(*bp) != 0 {
				t.Fatalf("Scratch gave a buffer of %d bytes, want 0", len(*bp))
			}
			Release(bp, append(*bp, "some encoded body"...))
		}
	})
}

func TestPath(t *testing.T) {
	tests := []struct {
		name string
		segs []string // as a decoder records them, innermost first
		want string
	}{
		{"no step is the top level", nil, ""},
		{"one member is its name", []string{"name"}, "name"},
		{"members nest with dots", []string{"port", "config"}, "config.port"},
		{"an index follows its list without a dot", []string{"port", "[2]", "ports", "config"}, "config.ports[2].port"},
		{"an index at the top level stands alone", []string{"name", "[0]"}, "[0].name"},
		{"nested indexes follow each other", []string{"[1]", "[0]", "lists"}, "lists[0][1]"},
		{"an empty step is not recorded", []string{"name", "", "sub"}, "sub.name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p Path
			for _, seg := range tt.segs {
				p.At(seg)
			}
			if got := p.String(); got != tt.want {
				t.Errorf("String = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSortedKeys(t *testing.T) {
	tests := []struct {
		name string
		m    map[string]string
		want []string
	}{
		{"a nil map has no keys", nil, nil},
		{"keys come sorted by bytes", map[string]string{"b": "1", "a": "2", "B": "3", "ä": "4"}, []string{"B", "a", "b", "ä"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var small [2]string
			if diff := cmp.Diff(tt.want, SortedKeys(tt.m, small[:0]), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("SortedKeys (-want +got):\n%s", diff)
			}
			m := make(map[string]int32, len(tt.m))
			for k := range tt.m {
				m[k] = 1
			}
			var got []string
			for _, k := range SortedMapKeys(reflect.ValueOf(m)) {
				got = append(got, k.String())
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("SortedMapKeys (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("a map that fits the caller's buffer costs no allocation", func(t *testing.T) {
		m := map[string]string{"c": "", "a": "", "b": ""}
		allocs := testing.AllocsPerRun(100, func() {
			var small [4]string
			_ = SortedKeys(m, small[:0])
		})
		if allocs != 0 {
			t.Errorf("SortedKeys allocated %v times, want 0", allocs)
		}
	})
}

func TestGoTypes(t *testing.T) {
	type thing struct{ A *string }
	tests := []struct {
		name     string
		shape    *schema.Shape
		typ      reflect.Type
		elem     reflect.Type
		elemSize uintptr
	}{
		{"a structure has its type and no element", &schema.Shape{Kind: schema.KindStruct, Type: (*thing)(nil)}, reflect.TypeFor[thing](), nil, 0},
		{"a list has its element and its size", &schema.Shape{Kind: schema.KindList, Type: (*[]thing)(nil)}, reflect.TypeFor[[]thing](), reflect.TypeFor[thing](), unsafe.Sizeof(thing{})},
		{"a map has its value and its size", &schema.Shape{Kind: schema.KindMap, Type: (*map[string]int32)(nil)}, reflect.TypeFor[map[string]int32](), reflect.TypeFor[int32](), 4},
		{"a scalar has no type", &schema.String, nil, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			typ, elem, size := GoTypes(tt.shape)
			if typ != tt.typ || elem != tt.elem || size != tt.elemSize {
				t.Errorf("GoTypes = %v, %v, %d; want %v, %v, %d", typ, elem, size, tt.typ, tt.elem, tt.elemSize)
			}
		})
	}
}
