package cborwire

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"math"
	"runtime"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/specgen/specgen/specrt/internal/codec/codectest"
	"github.com/specgen/specgen/specrt/schema"
)

// The test types stand for generated ones: pointers for scalars and
// structures, values for enums, lists, maps and blobs.
type (
	color string

	node = codectest.Node

	item struct {
		ID     *string
		Count  *int32
		Big    *int64
		Ratio  *float32
		Score  *float64
		On     *bool
		At     *time.Time
		ISO    *time.Time
		Color  color
		Data   []byte
		Tags   []string
		Nums   []int64
		Labels map[string]string
		Subs   map[string]item
		Lists  [][]string
		Sub    *item
		Items  []item
		Times  []time.Time
		Blobs  [][]byte
		Flags  map[string]bool
	}

	withDoc struct {
		Doc []byte
	}
)

var (
	schemaItem = schema.Shape{Kind: schema.KindStruct, Type: (*item)(nil), Members: []schema.Member{
		{Name: "id", Offset: unsafe.Offsetof(item{}.ID), Shape: &schema.String},
		{Name: "count", Offset: unsafe.Offsetof(item{}.Count), Shape: &schema.Int32},
		{Name: "big", Offset: unsafe.Offsetof(item{}.Big), Shape: &schema.Int64},
		{Name: "ratio", Offset: unsafe.Offsetof(item{}.Ratio), Shape: &schema.Float32},
		{Name: "score", Offset: unsafe.Offsetof(item{}.Score), Shape: &schema.Float64},
		{Name: "on", Offset: unsafe.Offsetof(item{}.On), Shape: &schema.Bool},
		{Name: "at", Offset: unsafe.Offsetof(item{}.At), Shape: &schema.Timestamp},
		{Name: "iso", Offset: unsafe.Offsetof(item{}.ISO), Shape: &schema.ISO8601},
		{Name: "color", Offset: unsafe.Offsetof(item{}.Color), Shape: &schema.Enum},
		{Name: "data", Offset: unsafe.Offsetof(item{}.Data), Shape: &schema.Blob},
		{Name: "tags", Offset: unsafe.Offsetof(item{}.Tags), Shape: &schemaTags},
		{Name: "nums", Offset: unsafe.Offsetof(item{}.Nums), Shape: &schemaNums},
		{Name: "labels", Offset: unsafe.Offsetof(item{}.Labels), Shape: &schemaLabels},
		{Name: "subs", Offset: unsafe.Offsetof(item{}.Subs)}, // cycle
		{Name: "lists", Offset: unsafe.Offsetof(item{}.Lists), Shape: &schemaLists},
		{Name: "sub", Offset: unsafe.Offsetof(item{}.Sub)},     // cycle
		{Name: "items", Offset: unsafe.Offsetof(item{}.Items)}, // cycle
		{Name: "times", Offset: unsafe.Offsetof(item{}.Times), Shape: &schemaTimes},
		{Name: "blobs", Offset: unsafe.Offsetof(item{}.Blobs), Shape: &schemaBlobs},
		{Name: "flags", Offset: unsafe.Offsetof(item{}.Flags), Shape: &schemaFlags},
	}}
	schemaTags   = schema.Shape{Kind: schema.KindList, Type: (*[]string)(nil), Elem: &schema.String}
	schemaNums   = schema.Shape{Kind: schema.KindList, Type: (*[]int64)(nil), Elem: &schema.Int64}
	schemaLabels = schema.Shape{Kind: schema.KindMap, Type: (*map[string]string)(nil), Elem: &schema.String}
	schemaSubs   = schema.Shape{Kind: schema.KindMap, Type: (*map[string]item)(nil), Elem: &schemaItem}
	schemaLists  = schema.Shape{Kind: schema.KindList, Type: (*[][]string)(nil), Elem: &schemaTags}
	schemaItems  = schema.Shape{Kind: schema.KindList, Type: (*[]item)(nil), Elem: &schemaItem}
	schemaTimes  = schema.Shape{Kind: schema.KindList, Type: (*[]time.Time)(nil), Elem: &schema.Timestamp}
	schemaBlobs  = schema.Shape{Kind: schema.KindList, Type: (*[][]byte)(nil), Elem: &schema.Blob}
	schemaFlags  = schema.Shape{Kind: schema.KindMap, Type: (*map[string]bool)(nil), Elem: &schema.Bool}

	schemaWithDoc = schema.Shape{Kind: schema.KindStruct, Type: (*withDoc)(nil), Members: []schema.Member{
		{Name: "doc", Offset: unsafe.Offsetof(withDoc{}.Doc), Shape: &schema.Document},
	}}
)

func init() {
	schemaItem.Members[13].Shape = &schemaSubs
	schemaItem.Members[15].Shape = &schemaItem
	schemaItem.Members[16].Shape = &schemaItems
}

func ptr[T any](v T) *T { return &v }

// cbor decodes a test body written as hex with spaces.
func cbor(t testing.TB, h string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.ReplaceAll(h, " ", ""))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// suite decodes a body of the Smithy protocol tests, given in base64.
func suite(t testing.TB, b64 string) []byte {
	t.Helper()
	b, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var equateNaN = cmpopts.EquateNaNs()

func TestMarshal(t *testing.T) {
	at := time.Date(2014, 4, 29, 18, 30, 38, 0, time.UTC)
	for _, tt := range []struct {
		name string
		in   *item
		want string
	}{
		{"an empty structure is an empty map", &item{}, "a0"},
		{"a string is a text string under the member's name", &item{ID: ptr("ab")}, "a1 626964 626162"},
		{"small integers take one byte", &item{Count: ptr[int32](5)}, "a1 65636f756e74 05"},
		{"integers take their smallest encoding", &item{Big: ptr[int64](256)}, "a1 63626967 190100"},
		{"negative integers are major type 1", &item{Big: ptr[int64](-500)}, "a1 63626967 3901f3"},
		{"the largest int64 takes eight bytes", &item{Big: ptr[int64](math.MaxInt64)}, "a1 63626967 1b7fffffffffffffff"},
		{"the smallest int64 is a negative integer", &item{Big: ptr[int64](math.MinInt64)}, "a1 63626967 3b7fffffffffffffff"},
		{"a float32 is single precision", &item{Ratio: ptr[float32](7.625)}, "a1 65726174696f fa40f40000"},
		{"a float64 is double precision", &item{Score: ptr(1.889)}, "a1 6573636f7265 fb3ffe395810624dd3"},
		{"NaN is a CBOR float", &item{Score: ptr(math.NaN()), Ratio: ptr(float32(math.NaN()))}, "a2 65726174696f fa7fc00000 6573636f7265 fb7ff8000000000000"},
		{"infinities are CBOR floats", &item{Score: ptr(math.Inf(-1)), Ratio: ptr(float32(math.Inf(1)))}, "a2 65726174696f fa7f800000 6573636f7265 fbfff0000000000000"},
		{"booleans are simple values", &item{On: ptr(false)}, "a1 626f6e f4"},
		{"a timestamp is tag 1 and a double of epoch seconds", &item{At: &at}, "a1 626174 c1fb41d4d7fbf3800000"},
		{"a timestamp keeps its milliseconds", &item{At: ptr(time.Unix(946845296, 123456789))}, "a1 626174 c1fb41cc37db380fbe77"},
		{"every timestamp format travels as tag 1", &item{ISO: &at}, "a1 6369736f c1fb41d4d7fbf3800000"},
		{"a blob is a byte string", &item{Data: []byte("foo")}, "a1 6464617461 43666f6f"},
		{"an enum is a text string", &item{Color: "red"}, "a1 65636f6c6f72 63726564"},
		{"a list is an array", &item{Tags: []string{"a", "b"}}, "a1 6474616773 82 6161 6162"},
		{"an empty list that is set is written", &item{Tags: []string{}}, "a1 6474616773 80"},
		{"map keys are sorted", &item{Labels: map[string]string{"b": "2", "a": "1"}}, "a1 666c6162656c73 a2 6161 6131 6162 6132"},
		{"a false value in a map is written", &item{Flags: map[string]bool{"x": false}}, "a1 65666c616773 a1 6178 f4"},
		{"a list of lists", &item{Lists: [][]string{{"a"}, {}}}, "a1 656c69737473 82 81 6161 80"},
		{"a map of structures", &item{Subs: map[string]item{"k": {Count: ptr[int32](1)}}}, "a1 6473756273 a1 616b a1 65636f756e74 01"},
		{"a list of timestamps", &item{Times: []time.Time{at}}, "a1 6574696d6573 81 c1fb41d4d7fbf3800000"},
		{"members follow the shape's order", &item{On: ptr(true), ID: ptr("x")}, "a2 626964 6178 626f6e f5"},
		{"text that is not UTF-8 has its bad bytes replaced", &item{ID: ptr("a\xffb")}, "a1 626964 6561efbfbd62"},
		{"a bad byte among the first eight is replaced too", &item{ID: ptr("abcdefg\xffhi")}, "a1 626964 6c 61626364656667efbfbd6869"},
		{"text that is UTF-8 but not ASCII is written as it is", &item{ID: ptr("héllo, wörld")}, "a1 626964 6e 68c3a96c6c6f2c2077c3b6726c64"},
		{"a bad byte in a list's string is replaced", &item{Tags: []string{"\xff"}}, "a1 6474616773 81 63efbfbd"},
		{"a string of 24 bytes has a one-byte length", &item{ID: ptr(strings.Repeat("x", 24))}, "a1 626964 7818" + strings.Repeat("78", 24)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Marshal(&schemaItem, tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, spaced(got, tt.want)); diff != "" {
				t.Errorf("Marshal (-want +got):\n%s", diff)
			}
		})
	}
}

// spaced renders got in hex, with spaces where want has them, so that a
// difference shows in the part that differs.
func spaced(got []byte, want string) string {
	h := hex.EncodeToString(got)
	var b strings.Builder
	i := 0
	for _, c := range want {
		if c == ' ' {
			b.WriteByte(' ')
			continue
		}
		if i < len(h) {
			b.WriteByte(h[i])
			i++
		}
	}
	b.WriteString(h[i:])
	return b.String()
}

func TestMarshalRefusesADocument(t *testing.T) {
	_, err := Marshal(&schemaWithDoc, &withDoc{Doc: []byte(`{}`)})
	if !errors.Is(err, ErrDocument) {
		t.Errorf("Marshal of a document = %v, want %v", err, ErrDocument)
	}
}

func TestUnmarshal(t *testing.T) {
	at := time.Date(2014, 4, 29, 18, 30, 38, 0, time.UTC)
	for _, tt := range []struct {
		name string
		in   []byte
		want *item
	}{
		{"an empty body leaves the value as it is", nil, &item{}},
		{"a top-level null leaves the value as it is", cbor(t, "f6"), &item{}},
		{"an empty definite map", cbor(t, "a0"), &item{}},
		{"an empty indefinite map", cbor(t, "bfff"), &item{}},
		{"scalars of every width", cbor(t, "a4 65636f756e74 1a7fffffff 63626967 3b7fffffffffffffff 626f6e f5 626964 6161"),
			&item{Count: ptr[int32](math.MaxInt32), Big: ptr[int64](math.MinInt64), On: ptr(true), ID: ptr("a")}},
		{"floats are read from half, single and double precision", cbor(t, "a2 65726174696f f94100 6573636f7265 fa40f40000"),
			&item{Ratio: ptr[float32](2.5), Score: ptr(7.625)}},
		{"a float member accepts an integer", cbor(t, "a2 65726174696f 18ff 6573636f7265 20"),
			&item{Ratio: ptr[float32](255), Score: ptr(-1.0)}},
		{"a timestamp is tag 1 and an integer", cbor(t, "a1 626174 c11a535fefce"), &item{At: &at}},
		{"a timestamp is tag 1 and a double with milliseconds", cbor(t, "a1 626174 c1fb41cc37db380fbe77"),
			&item{At: ptr(time.Date(2000, 1, 2, 20, 34, 56, 123e6, time.UTC))}},
		{"a timestamp without its tag is accepted", cbor(t, "a1 626174 fb41d4d7fbf3800000"), &item{At: &at}},
		{"a timestamp of any format is read from tag 1", cbor(t, "a1 6369736f c11a535fefce"), &item{ISO: &at}},
		{"a blob is a byte string", cbor(t, "a1 6464617461 43666f6f"), &item{Data: []byte("foo")}},
		{"a blob in chunks", cbor(t, "a1 6464617461 5f 4166 426f6f ff"), &item{Data: []byte("foo")}},
		{"a text string in chunks", cbor(t, "a1 626964 7f 6161 626263 60 ff"), &item{ID: ptr("abc")}},
		{"a key in chunks", cbor(t, "a1 7f 6169 6164 ff 6161"), &item{ID: ptr("a")}},
		{"null and undefined members are absent", cbor(t, "a2 626964 f6 65636f756e74 f7"), &item{}},
		{"unknown members of every kind are skipped", cbor(t, "a5 6178 9f 01 bf 6161 c1 02 ff 5f 41 00 ff ff 6179 f97c00 617a fb0000000000000000 6177 f8ff 626964 6161"),
			&item{ID: ptr("a")}},
		{"an indefinite list", cbor(t, "a1 6474616773 9f 6161 6162 ff"), &item{Tags: []string{"a", "b"}}},
		{"an empty list is empty, not absent", cbor(t, "a1 6474616773 80"), &item{Tags: []string{}}},
		{"a null list element is its zero value", cbor(t, "a1 646e756d73 83 01 f6 03"), &item{Nums: []int64{1, 0, 3}}},
		{"a null map value is dropped", cbor(t, "a1 666c6162656c73 a2 6161 6131 6162 f6"), &item{Labels: map[string]string{"a": "1"}}},
		{"an indefinite map of structures", cbor(t, "a1 6473756273 bf 616b a1 65636f756e74 01 ff"),
			&item{Subs: map[string]item{"k": {Count: ptr[int32](1)}}}},
		{"a map of booleans", cbor(t, "a1 65666c616773 a1 6178 f4"), &item{Flags: map[string]bool{"x": false}}},
		{"lists of lists, structures, timestamps and blobs", cbor(t, "a4 656c69737473 82 81 6161 80 656974656d73 81 a1 626964 6162 6574696d6573 81 c11a535fefce 65626c6f6273 81 40"),
			&item{Lists: [][]string{{"a"}, {}}, Items: []item{{ID: ptr("b")}}, Times: []time.Time{at}, Blobs: [][]byte{{}}}},
		{"members out of order", cbor(t, "a3 6474616773 80 626964 6161 65636f756e74 01"),
			&item{ID: ptr("a"), Count: ptr[int32](1), Tags: []string{}}},
		{"a repeated member keeps the last value", cbor(t, "a2 626964 6161 626964 6162"), &item{ID: ptr("b")}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := &item{}
			if err := Unmarshal(tt.in, &schemaItem, got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, equateNaN); diff != "" {
				t.Errorf("Unmarshal (-want +got):\n%s", diff)
			}
		})
	}
}

// scalars is the SimpleScalarStructure of the Smithy RPC v2 CBOR protocol
// tests.
type scalars struct {
	Blob   []byte
	Byte   *int32
	Double *float64
	False  *bool
	Float  *float32
	Int    *int32
	Long   *int64
	Short  *int32
	String *string
	True   *bool
}

var schemaScalars = schema.Shape{Kind: schema.KindStruct, Type: (*scalars)(nil), Members: []schema.Member{
	{Name: "blobValue", Offset: unsafe.Offsetof(scalars{}.Blob), Shape: &schema.Blob},
	{Name: "byteValue", Offset: unsafe.Offsetof(scalars{}.Byte), Shape: &schema.Int32},
	{Name: "doubleValue", Offset: unsafe.Offsetof(scalars{}.Double), Shape: &schema.Float64},
	{Name: "falseBooleanValue", Offset: unsafe.Offsetof(scalars{}.False), Shape: &schema.Bool},
	{Name: "floatValue", Offset: unsafe.Offsetof(scalars{}.Float), Shape: &schema.Float32},
	{Name: "integerValue", Offset: unsafe.Offsetof(scalars{}.Int), Shape: &schema.Int32},
	{Name: "longValue", Offset: unsafe.Offsetof(scalars{}.Long), Shape: &schema.Int64},
	{Name: "shortValue", Offset: unsafe.Offsetof(scalars{}.Short), Shape: &schema.Int32},
	{Name: "stringValue", Offset: unsafe.Offsetof(scalars{}.String), Shape: &schema.String},
	{Name: "trueBooleanValue", Offset: unsafe.Offsetof(scalars{}.True), Shape: &schema.Bool},
}}

// TestUnmarshalSuiteBodies decodes response bodies of the Smithy RPC v2
// CBOR protocol tests (smithy-rpc-v2-cbor.json) that exercise the codec
// rather than the protocol.
func TestUnmarshalSuiteBodies(t *testing.T) {
	all := &scalars{Blob: []byte("foo"), Byte: ptr[int32](5), Double: ptr(1.889), False: ptr(false), Float: ptr[float32](7.625),
		Int: ptr[int32](256), Long: ptr[int64](9873), Short: ptr[int32](9898), String: ptr("simple"), True: ptr(true)}
	noLong := *all
	noLong.Long = nil
	for _, tt := range []struct {
		name, body string
		want       *scalars
	}{
		{"RpcV2CborSimpleScalarProperties", "v3B0cnVlQm9vbGVhblZhbHVl9XFmYWxzZUJvb2xlYW5WYWx1ZfRpYnl0ZVZhbHVlBWtkb3VibGVWYWx1Zfs//jlYEGJN02pmbG9hdFZhbHVl+kD0AABsaW50ZWdlclZhbHVlGQEAanNob3J0VmFsdWUZJqprc3RyaW5nVmFsdWVmc2ltcGxlaWJsb2JWYWx1ZUNmb2//", &noLong},
		{"RpcV2CborSimpleScalarPropertiesUsingDefiniteLength", "qXB0cnVlQm9vbGVhblZhbHVl9XFmYWxzZUJvb2xlYW5WYWx1ZfRpYnl0ZVZhbHVlBWtkb3VibGVWYWx1Zfs//jlYEGJN02pmbG9hdFZhbHVl+kD0AABsaW50ZWdlclZhbHVlGQEAanNob3J0VmFsdWUZJqprc3RyaW5nVmFsdWVmc2ltcGxlaWJsb2JWYWx1ZUNmb28=", &noLong},
		{"RpcV2CborClientDoesntDeserializeNullStructureValues", "v2tzdHJpbmdWYWx1Zfb/", &scalars{}},
		{"RpcV2CborSupportsNaNFloatOutputs", "v2tkb3VibGVWYWx1Zft/+AAAAAAAAGpmbG9hdFZhbHVl+n/AAAD/", &scalars{Double: ptr(math.NaN()), Float: ptr(float32(math.NaN()))}},
		{"RpcV2CborSupportsNegativeInfinityFloatOutputs", "v2tkb3VibGVWYWx1Zfv/8AAAAAAAAGpmbG9hdFZhbHVl+v+AAAD/", &scalars{Double: ptr(math.Inf(-1)), Float: ptr(float32(math.Inf(-1)))}},
		{"RpcV2CborSupportsUpcastingDataOnDeserialize", "v2tkb3VibGVWYWx1Zfk+AGpmbG9hdFZhbHVl+UegbGludGVnZXJWYWx1ZRg4aWxvbmdWYWx1ZRkBAGpzaG9ydFZhbHVlCv8=",
			&scalars{Double: ptr(1.5), Float: ptr[float32](7.625), Int: ptr[int32](56), Long: ptr[int64](256), Short: ptr[int32](10)}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := &scalars{}
			if err := Unmarshal(suite(t, tt.body), &schemaScalars, got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, equateNaN); diff != "" {
				t.Errorf("Unmarshal (-want +got):\n%s", diff)
			}
		})
	}
}

func TestHalfPrecisionFloats(t *testing.T) {
	for _, tt := range []struct {
		name string
		bits uint16
		want float64
	}{
		{"positive infinity", 0x7c00, math.Inf(1)},
		{"negative infinity", 0xfc00, math.Inf(-1)},
		{"NaN with the lowest bit set", 0x7c01, math.NaN()},
		{"NaN with the highest bit set", 0x7e00, math.NaN()},
		{"a subnormal", 0x0050, 4.76837158203125e-06},
		{"one", 0x3c00, 1},
		{"negative zero", 0x8000, math.Copysign(0, -1)},
		{"the largest", 0x7bff, 65504},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := halfToFloat(tt.bits)
			if math.IsNaN(tt.want) != math.IsNaN(got) || !math.IsNaN(got) && math.Float64bits(got) != math.Float64bits(tt.want) {
				t.Errorf("halfToFloat(%#04x) = %v, want %v", tt.bits, got, tt.want)
			}
		})
	}
}

func TestUnmarshalRecursiveShape(t *testing.T) {
	// nested: {name: a, next: {name: b, children: [{name: c}]}}
	in := cbor(t, "bf 646e616d65 6161 646e657874 bf 646e616d65 6162 686368696c6472656e 9f bf 646e616d65 6163 ff ff ff ff")
	got := &node{}
	if err := Unmarshal(in, &codectest.NodeShape, got); err != nil {
		t.Fatal(err)
	}
	want := &node{Name: ptr("a"), Next: &node{Name: ptr("b"), Children: []node{{Name: ptr("c")}}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Unmarshal (-want +got):\n%s", diff)
	}
}

func TestUnmarshalErrors(t *testing.T) {
	for _, tt := range []struct {
		name, in, want string
	}{
		{"a body that is not a map", "81 01", "cbor: offset 0: expected a map, found an array"},
		{"a string where an integer is expected", "a1 65636f756e74 6131", "cbor: offset 7: expected an integer, found a text string at 'count'"},
		{"an integer that overflows 32 bits", "a1 65636f756e74 1a80000000", "cbor: offset 7: 2147483648 overflows an integer of 32 bits at 'count'"},
		{"a negative integer that overflows 64 bits", "a1 63626967 3b8000000000000000", "cbor: offset 5: -1-9223372036854775808 overflows an integer of 64 bits at 'big'"},
		{"a float where an integer is expected", "a1 65636f756e74 f93c00", "cbor: offset 7: expected an integer, found a float at 'count'"},
		{"a tag other than 1 on a timestamp", "a1 626174 c0 6161", "cbor: offset 4: tag 0 where a timestamp (tag 1) was expected at 'at'"},
		{"a text string where a timestamp is expected", "a1 626174 c1 6161", "cbor: offset 5: expected a timestamp, found a text string at 'at'"},
		{"a timestamp out of range", "a1 626174 c1 fb7ff0000000000000", "cbor: offset 5: timestamp +Inf is out of range at 'at'"},
		{"a tag on a string", "a1 626964 d82a 6161", "cbor: offset 4: expected a text string, found a tag at 'id'"},
		{"a key that is not a text string", "a1 01 02", "cbor: offset 1: expected a text string as a map key, found an unsigned integer"},
		{"a map key that is not a text string", "a1 666c6162656c73 a1 01 02", "cbor: offset 9: expected a text string as a map key, found an unsigned integer at 'labels'"},
		{"text that is not UTF-8", "a1 626964 62c328", "cbor: offset 4: text string is not valid UTF-8 at 'id'"},
		{"a declared length longer than the input", "a1 626964 7a ffffffff", "cbor: offset 9: declared length 4294967295 exceeds the 0 bytes that remain at 'id'"},
		{"a huge declared array", "a1 646e756d73 9b ffffffffffffffff", "cbor: offset 15: declared length 18446744073709551615 exceeds the 0 bytes that remain at 'nums'"},
		{"a huge declared map", "bb 0fffffffffffffff", "cbor: offset 9: declared length 1152921504606846975 exceeds the 0 bytes that remain"},
		{"a huge declared array that is skipped", "a1 6178 9b 0000000100000000 00", "cbor: offset 12: declared length 4294967296 exceeds the 1 bytes that remain at 'x'"},
		{"a reserved additional information", "a1 626964 7c", "cbor: offset 4: reserved additional information 28 at 'id'"},
		{"an indefinite integer", "a1 6178 1f", "cbor: offset 3: indefinite length for an unsigned integer at 'x'"},
		{"a chunk of the wrong type in an indefinite string", "a1 626964 7f 4161 ff", "cbor: offset 5: a chunk of an indefinite-length a text string must be a definite a text string at 'id'"},
		{"a nested indefinite chunk", "a1 626964 7f 7f ff ff", "cbor: offset 5: a chunk of an indefinite-length a text string must be a definite a text string at 'id'"},
		{"an unterminated indefinite map", "bf 626964 6161", "cbor: offset 6: unexpected end of input"},
		{"an unterminated indefinite list", "a1 6474616773 9f 6161", "cbor: offset 9: unexpected end of input at 'tags'"},
		{"a break out of place", "a1 626964 ff", "cbor: offset 4: expected a text string, found a break at 'id'"},
		{"a stray break when skipping", "a1 6178 ff", "cbor: offset 3: unexpected break at 'x'"},
		{"a simple value in two bytes below 32", "a1 6178 f814", "cbor: offset 5: invalid simple value 20 in two bytes at 'x'"},
		{"a truncated float", "a1 6573636f7265 fb3ff0", "cbor: offset 7: unexpected end of input at 'score'"},
		{"a truncated head", "a1 63626967 19 01", "cbor: offset 5: unexpected end of input at 'big'"},
		{"data after the body", "a0 00", "cbor: offset 1: unexpected data after the top-level value"},
		{"an error deep down names the path", "a1 656974656d73 82 a0 a1 6474616773 82 6161 01", "cbor: offset 18: expected a text string, found an unsigned integer at 'items[1].tags[1]'"},
		{"a boolean that is not one", "a1 626f6e 00", "cbor: offset 4: expected a boolean, found an unsigned integer at 'on'"},
		{"a structure that is not a map", "a1 63737562 80", "cbor: offset 5: expected a map, found an array at 'sub'"},
		{"a list that is not an array", "a1 6474616773 a0", "cbor: offset 6: expected an array, found a map at 'tags'"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := Unmarshal(cbor(t, tt.in), &schemaItem, &item{})
			if err == nil {
				t.Fatal("no error")
			}
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
}

func TestUnmarshalRefusesADocument(t *testing.T) {
	err := Unmarshal(cbor(t, "a1 63646f63 a0"), &schemaWithDoc, &withDoc{})
	want := "cbor: offset 5: documents are not supported by rpcv2Cbor at 'doc'"
	if err == nil || err.Error() != want {
		t.Errorf("Unmarshal of a document = %v, want %s", err, want)
	}
}

func TestAWrongTypeSaysWhatWasExpectedAndFound(t *testing.T) {
	err := Unmarshal(cbor(t, "a1 65636f756e74 6131"), &schemaItem, &item{})
	var ce *Error
	if !errors.As(err, &ce) {
		t.Fatalf("error %v is not an *Error", err)
	}
	want := &Error{Offset: 7, Path: "count", Expected: "an integer", Found: "a text string", Msg: "expected an integer, found a text string"}
	if diff := cmp.Diff(want, ce); diff != "" {
		t.Errorf("error (-want +got):\n%s", diff)
	}
}

func TestNestingIsBounded(t *testing.T) {
	for _, tt := range []struct{ name, open string }{
		{"in arrays that are skipped", "81"},
		{"in indefinite maps that are skipped", "bf6161"},
		{"in tags that are skipped", "c1"},
		{"in recursive structures", "a1646e657874"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := cbor(t, "a1 6178"+strings.Repeat(tt.open, 100_000)+"00")
			var err error
			if tt.open == "a1646e657874" {
				err = Unmarshal(cbor(t, strings.Repeat(tt.open, 100_000)+"a0"), &codectest.NodeShape, &node{})
			} else {
				err = Unmarshal(in, &schemaItem, &item{})
			}
			if err == nil || !strings.Contains(err.Error(), "nested too deeply") {
				t.Errorf("Unmarshal = %v, want nesting refused", err)
			}
		})
	}
}

// TestDeclaredLengthsCostNoMemoryAhead decodes bodies that declare far
// more than they hold: each is refused, allocating no more than a small
// multiple of its size.
func TestDeclaredLengthsCostNoMemoryAhead(t *testing.T) {
	big := make([]byte, 0, 1<<16)
	// A list of 60,000 structures that holds one byte per element (an
	// empty map), then stops short.
	big = append(cbor(t, "a1 656974656d73 19ea60"), bytes.Repeat([]byte{0xa0}, 50_000)...)
	for _, tt := range []struct {
		name string
		in   []byte
	}{
		{"a list of 2^32 strings", cbor(t, "a1 6474616773 9a ffffffff 6161")},
		{"a list of structures declared longer than it is", big},
		{"a map of 2^31 entries", cbor(t, "a1 666c6162656c73 ba 7fffffff 6161 f5")},
		{"a byte string of 2^40 bytes", cbor(t, "a1 6464617461 5b 0000010000000000 00")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			err := Unmarshal(tt.in, &schemaItem, &item{})
			runtime.ReadMemStats(&after)
			if err == nil {
				t.Fatal("no error")
			}
			// An item is about 250 bytes: room for the 50,000 elements
			// actually read, not the 60,000 declared, doubled by growth.
			if got, limit := after.TotalAlloc-before.TotalAlloc, uint64(64<<20); got > limit {
				t.Errorf("decoding %d bytes allocated %d bytes, want at most %d", len(tt.in), got, limit)
			}
		})
	}
}

func TestRoundTrip(t *testing.T) {
	at := time.Date(2026, 11, 29, 20, 15, 1, 250e6, time.UTC)
	in := &item{
		ID: ptr("ünïcode ✓"), Count: ptr[int32](-24), Big: ptr[int64](1 << 40), Ratio: ptr[float32](0.1), Score: ptr(math.Inf(1)),
		On: ptr(true), At: &at, ISO: &at, Color: "blue", Data: []byte{0, 1, 2}, Tags: []string{"", "x"}, Nums: []int64{-1, 0, 1 << 33},
		Labels: map[string]string{"k": "v", "": "empty"}, Subs: map[string]item{"s": {Sub: &item{ID: ptr("deep")}}},
		Lists: [][]string{{"a", "b"}, nil}, Items: []item{{}, {Color: "red"}}, Times: []time.Time{at, at.Add(time.Hour)},
		Blobs: [][]byte{[]byte("x")}, Flags: map[string]bool{"t": true, "f": false},
	}
	data, err := Marshal(&schemaItem, in)
	if err != nil {
		t.Fatal(err)
	}
	got := &item{}
	if err := Unmarshal(data, &schemaItem, got); err != nil {
		t.Fatal(err)
	}
	want := *in
	want.Lists = [][]string{{"a", "b"}, {}} // a nil list element is written as an empty array
	if diff := cmp.Diff(&want, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

func TestUnmarshalCopiesStringsNotTheBody(t *testing.T) {
	data, err := Marshal(&schemaItem, &item{ID: ptr("kept"), Tags: []string{"one", "two"}, Labels: map[string]string{"k": "v"}})
	if err != nil {
		t.Fatal(err)
	}
	got := &item{}
	if err := Unmarshal(data, &schemaItem, got); err != nil {
		t.Fatal(err)
	}
	for i := range data {
		data[i] = 0
	}
	want := &item{ID: ptr("kept"), Tags: []string{"one", "two"}, Labels: map[string]string{"k": "v"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("after the body was overwritten (-want +got):\n%s", diff)
	}
}

func TestUnmarshalAllocations(t *testing.T) {
	in := &item{}
	for i := range 200 {
		in.Items = append(in.Items, item{ID: ptr("some identifier"), Count: ptr(int32(i)), At: ptr(time.Unix(int64(i), 0))})
	}
	data, err := Marshal(&schemaItem, in)
	if err != nil {
		t.Fatal(err)
	}
	allocs := testing.AllocsPerRun(20, func() {
		if err := Unmarshal(data, &schemaItem, &item{}); err != nil {
			t.Fatal(err)
		}
	})
	// The list once, strings in chunks of text, pointers in blocks: far
	// fewer than the 600 pointer members.
	if allocs > 60 {
		t.Errorf("Unmarshal of 200 items took %v allocations, want at most 60", allocs)
	}
}

func TestMarshalAllocatesOnlyItsResult(t *testing.T) {
	in := &item{Tags: []string{"a", "b"}, Items: []item{{ID: ptr("x"), At: ptr(time.Unix(1, 0))}}}
	allocs := testing.AllocsPerRun(20, func() {
		if _, err := Marshal(&schemaItem, in); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > 1 {
		t.Errorf("Marshal took %v allocations, want 1", allocs)
	}
}
