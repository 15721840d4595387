package jsonwire

import (
	"encoding/binary"
	"encoding/json"
	"math"
	"math/bits"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/specrt/internal/codec/codectest"
	"github.com/specgen/specgen/specrt/schema"
)

// The test types stand for generated ones: pointers for scalars and
// structures, values for enums, lists, maps, blobs and documents.
type (
	color string

	node = codectest.Node

	item struct {
		ID      *string
		Count   *int32
		Big     *int64
		Ratio   *float32
		Score   *float64
		On      *bool
		At      *time.Time
		ISO     *time.Time
		Date    *time.Time
		Color   color
		Data    []byte
		Doc     []byte
		Tags    []string
		Colors  []color
		Nums    []int64
		Labels  map[string]string
		Subs    map[string]item
		Lists   [][]string
		Sub     *item
		Items   []item
		Message *string
		Times   []time.Time
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
		{Name: "at", Offset: unsafe.Offsetof(item{}.At), Shape: &schema.EpochSeconds},
		{Name: "iso", Offset: unsafe.Offsetof(item{}.ISO), Shape: &schema.ISO8601},
		{Name: "date", Offset: unsafe.Offsetof(item{}.Date), Shape: &schema.HTTPDate},
		{Name: "color", Offset: unsafe.Offsetof(item{}.Color), Shape: &schema.Enum},
		{Name: "data", Offset: unsafe.Offsetof(item{}.Data), Shape: &schema.Blob},
		{Name: "doc", Offset: unsafe.Offsetof(item{}.Doc), Shape: &schema.Document},
		{Name: "tags", Offset: unsafe.Offsetof(item{}.Tags), Shape: &schemaTags},
		{Name: "colors", Offset: unsafe.Offsetof(item{}.Colors), Shape: &schemaColors},
		{Name: "nums", Offset: unsafe.Offsetof(item{}.Nums), Shape: &schemaNums},
		{Name: "labels", Offset: unsafe.Offsetof(item{}.Labels), Shape: &schemaLabels},
		{Name: "subs", Offset: unsafe.Offsetof(item{}.Subs)}, // cycle
		{Name: "lists", Offset: unsafe.Offsetof(item{}.Lists), Shape: &schemaLists},
		{Name: "sub", Offset: unsafe.Offsetof(item{}.Sub)},     // cycle
		{Name: "items", Offset: unsafe.Offsetof(item{}.Items)}, // cycle
		{Name: "message", Alias: "Message", Offset: unsafe.Offsetof(item{}.Message), Shape: &schema.String},
		{Name: "times", Offset: unsafe.Offsetof(item{}.Times), Shape: &schemaTimes},
	}}
	schemaTimes  = schema.Shape{Kind: schema.KindList, Type: (*[]time.Time)(nil), Elem: &schema.ISO8601}
	schemaTags   = schema.Shape{Kind: schema.KindList, Type: (*[]string)(nil), Elem: &schema.String}
	schemaColors = schema.Shape{Kind: schema.KindList, Type: (*[]color)(nil), Elem: &schema.Enum}
	schemaNums   = schema.Shape{Kind: schema.KindList, Type: (*[]int64)(nil), Elem: &schema.Int64}
	schemaLabels = schema.Shape{Kind: schema.KindMap, Type: (*map[string]string)(nil), Elem: &schema.String}
	schemaSubs   = schema.Shape{Kind: schema.KindMap, Type: (*map[string]item)(nil), Elem: &schemaItem}
	schemaLists  = schema.Shape{Kind: schema.KindList, Type: (*[][]string)(nil), Elem: &schemaTags}
	schemaItems  = schema.Shape{Kind: schema.KindList, Type: (*[]item)(nil), Elem: &schemaItem}

	// small has few members, so that it finds them by name in turn.
	schemaSmall = schema.Shape{Kind: schema.KindStruct, Members: []schema.Member{
		{Name: "message", Alias: "Message", Offset: unsafe.Offsetof(item{}.Message), Shape: &schema.String},
		{Name: "Message2", Offset: unsafe.Offsetof(item{}.ID), Shape: &schema.String},
	}}
)

func init() {
	schemaItem.Members[16].Shape = &schemaSubs
	schemaItem.Members[18].Shape = &schemaItem
	schemaItem.Members[19].Shape = &schemaItems
}

func ptr[T any](v T) *T { return &v }

var cmpOpts = cmp.Options{
	cmp.AllowUnexported(item{}, node{}),
	cmp.Comparer(func(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }),
	cmp.Comparer(func(a, b float32) bool { return a == b || a != a && b != b }),
}

func TestUnmarshal(t *testing.T) {
	at := time.Unix(1700000000, 250*int64(time.Millisecond)).UTC()
	cases := []struct {
		name string
		in   string
		want item
	}{
		{"every scalar is read into its pointer", `{"id":"a","count":-7,"big":9007199254740993,"ratio":1.5,"score":2.25,"on":true,"at":1700000000.25,"iso":"2023-11-14T22:13:20.25Z","date":"Tue, 14 Nov 2023 22:13:20 GMT"}`,
			item{ID: ptr("a"), Count: ptr(int32(-7)), Big: ptr(int64(9007199254740993)), Ratio: ptr(float32(1.5)), Score: ptr(2.25), On: ptr(true),
				At: &at, ISO: &at, Date: ptr(time.Unix(1700000000, 0).UTC())}},
		{"NaN and the infinities are read from strings", `{"ratio":"NaN","score":"-Infinity"}`,
			item{Ratio: ptr(float32(math.NaN())), Score: ptr(math.Inf(-1))}},
		{"null members are absent", `{"id":null,"count":null,"sub":null,"tags":null,"labels":null,"color":null}`, item{}},
		{"names match exactly and unknown members are skipped", `{"ID":"x","Id":"y","other":{"a":[1,{"b":null}]},"id":"z"}`, item{ID: ptr("z")}},
		{"an enum, a blob and a document are held by value", `{"color":"RED","data":"aGVsbG8=","doc":{"k": [1, "x"]}}`,
			item{Color: "RED", Data: []byte("hello"), Doc: []byte(`{"k": [1, "x"]}`)}},
		{"lists of scalars, enums and lists; [] is empty, not nil", `{"tags":["a","b\u00e9"],"colors":["RED",null],"nums":[],"lists":[["x"],[]]}`,
			item{Tags: []string{"a", "bé"}, Colors: []color{"RED", ""}, Nums: []int64{}, Lists: [][]string{{"x"}, {}}}},
		{"maps of strings and of structures", `{"labels":{"b":"2","a":"1"},"subs":{"k":{"id":"s"}}}`,
			item{Labels: map[string]string{"a": "1", "b": "2"}, Subs: map[string]item{"k": {ID: ptr("s")}}}},
		{"a map's null values are dropped, as in a dense map", `{"labels":{"a":null,"b":"2"},"subs":{"n":null}}`,
			item{Labels: map[string]string{"b": "2"}, Subs: map[string]item{}}},
		{"a list of timestamps is read in the element's format", `{"times":["2023-11-14T22:13:20.25Z","1970-01-01T00:00:00Z"]}`,
			item{Times: []time.Time{at, time.Unix(0, 0).UTC()}}},
		{"nested and listed structures", `{"sub":{"sub":{"id":"deep"}},"items":[{"id":"1"},null,{"count":2}]}`,
			item{Sub: &item{Sub: &item{ID: ptr("deep")}}, Items: []item{{ID: ptr("1")}, {}, {Count: ptr(int32(2))}}}},
		{"an error's message is read under either spelling", `{"Message":"boom"}`, item{Message: ptr("boom")}},
		{"escapes are decoded", `{"id":"a\"b\\c\n\ud83d\ude00"}`, item{ID: ptr("a\"b\\c\n😀")}},
		{"a top-level null leaves the value as it is", `null`, item{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got item
			if err := Unmarshal([]byte(tc.in), &schemaItem, &got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got, cmpOpts); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func TestUnmarshalAliasGivesWayToAMemberOfItsOwn(t *testing.T) {
	var got item
	if err := Unmarshal([]byte(`{"Message2":"own","Message":"alias"}`), &schemaSmall, &got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(item{ID: ptr("own"), Message: ptr("alias")}, got, cmpOpts); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func TestUnmarshalRecursiveShape(t *testing.T) {
	var got node
	in := `{"name":"a","children":[{"name":"b","next":{"name":"c"}}],"next":{"children":[]}}`
	if err := Unmarshal([]byte(in), &codectest.NodeShape, &got); err != nil {
		t.Fatal(err)
	}
	want := node{Name: ptr("a"), Children: []node{{Name: ptr("b"), Next: &node{Name: ptr("c")}}}, Next: &node{Children: []node{}}}
	if diff := cmp.Diff(want, got, cmpOpts); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func TestUnmarshalErrors(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"a string where a number belongs", `{"count":"7"}`, "expected a number"},
		{"a number too large for 32 bits", `{"count":2147483648}`, "overflows an integer of 32 bits"},
		{"a fraction where an integer belongs", `{"big":1.5}`, "is not an integer"},
		{"another string where a float belongs", `{"score":"nan"}`, `found the string "nan"`},
		{"a timestamp that is a string", `{"at":"2023-01-01"}`, "expected a number"},
		{"an ISO 8601 timestamp that is malformed", `{"iso":"yesterday"}`, "iso8601 format"},
		{"an object where a list belongs", `{"tags":{}}`, "expected an array, found an object"},
		{"a list where an object belongs", `{"sub":[]}`, "expected an object, found an array"},
		{"a top-level array", `[]`, "expected an object"},
		{"invalid base64", `{"data":"***"}`, "invalid base64"},
		{"a missing comma", `{"id":"a" "count":1}`, "expected ',' or '}'"},
		{"a trailing comma", `{"id":"a",}`, "unexpected '}'"},
		{"a truncated body", `{"items":[{"id":"a"`, "found the end of the input"},
		{"an unterminated string", `{"id":"a`, "unterminated string"},
		{"data after the value", `{} {}`, "unexpected data after the top-level value"},
		{"a control character in a string", "{\"id\":\"a\x01\"}", "control character"},
		{"nesting beyond the limit", `{"x":` + strings.Repeat("[", 2000) + strings.Repeat("]", 2000) + `}`, "nested too deeply"},
		{"an invalid literal", `{"on":nul}`, "invalid literal"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got item
			err := Unmarshal([]byte(tc.in), &schemaItem, &got)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "json: offset ") {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestUnmarshalErrorsNameTheMember(t *testing.T) {
	cases := []struct {
		name, in string
		want     Error
	}{
		{"a wrong type deep inside lists and maps", `{"sub":{"items":[{},{"subs":{"k":{"count":"x"}}}]}}`,
			Error{Path: "sub.items[1].subs.k.count", Expected: "a number", Found: "a string", Msg: "expected a number, found a string"}},
		{"a wrong element of a list of strings", `{"tags":["a",7]}`,
			Error{Path: "tags[1]", Expected: "a string", Found: "a number", Msg: "expected a string, found a number"}},
		{"a top-level value of the wrong type", `"x"`,
			Error{Expected: "an object", Found: "a string", Msg: "expected an object, found a string"}},
		{"malformed JSON inside a skipped member", `{"unknown":[1,}`,
			Error{Path: "unknown", Msg: "unexpected '}'"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got item
			err := Unmarshal([]byte(tc.in), &schemaItem, &got)
			je, ok := err.(*Error)
			if !ok {
				t.Fatalf("got %v, want a *Error", err)
			}
			je.Offset = 0
			if diff := cmp.Diff(tc.want, *je); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func TestMarshal(t *testing.T) {
	at := time.Unix(1700000000, 250*int64(time.Millisecond)).UTC()
	cases := []struct {
		name string
		in   item
		want string
	}{
		{"an empty structure is an empty object", item{}, `{}`},
		{"absent members are left out", item{Color: "", Data: []byte{}}, `{}`},
		{"empty lists and maps that are not nil are [] and {}", item{Tags: []string{}, Nums: []int64{}, Labels: map[string]string{}, Subs: map[string]item{}},
			`{"tags":[],"nums":[],"labels":{},"subs":{}}`},
		{"a list of timestamps is written in the element's format", item{Times: []time.Time{at, time.Unix(0, 0)}},
			`{"times":["2023-11-14T22:13:20.25Z","1970-01-01T00:00:00Z"]}`},
		{"every scalar in member order", item{ID: ptr("a"), Count: ptr(int32(-7)), Big: ptr(int64(1) << 60), Ratio: ptr(float32(0.1)), Score: ptr(1e21), On: ptr(false),
			At: &at, ISO: &at, Date: &at, Color: "RED", Data: []byte("hello"), Doc: []byte(`{"k":1}`)},
			`{"id":"a","count":-7,"big":1152921504606846976,"ratio":0.1,"score":1e+21,"on":false,"at":1700000000.25,"iso":"2023-11-14T22:13:20.25Z","date":"Tue, 14 Nov 2023 22:13:20 GMT","color":"RED","data":"aGVsbG8=","doc":{"k":1}}`},
		{"NaN and the infinities are strings", item{Ratio: ptr(float32(math.Inf(1))), Score: ptr(math.NaN())}, `{"ratio":"Infinity","score":"NaN"}`},
		{"whole seconds have no fraction", item{At: ptr(time.Unix(1700000000, 0))}, `{"at":1700000000}`},
		{"map keys are sorted", item{Labels: map[string]string{"b": "2", "a": "1"}, Subs: map[string]item{"z": {}, "y": {Count: ptr(int32(1))}}},
			`{"labels":{"a":"1","b":"2"},"subs":{"y":{"count":1},"z":{}}}`},
		{"lists of every kind", item{Tags: []string{"a"}, Colors: []color{"RED", "BLUE"}, Nums: []int64{1, 2}, Lists: [][]string{{"x"}, {}}, Items: []item{{ID: ptr("1")}, {}}},
			`{"tags":["a"],"colors":["RED","BLUE"],"nums":[1,2],"lists":[["x"],[]],"items":[{"id":"1"},{}]}`},
		{"strings are escaped as JSON needs, HTML kept", item{ID: ptr("a\"\\\n\t\x01<&>\u2028\xff")}, `{"id":"a\"\\\n\t\u0001<&>\u2028\ufffd"}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Marshal(&schemaItem, &tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, string(got)); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
			if !json.Valid(got) {
				t.Errorf("%s is not valid JSON", got)
			}
		})
	}
}

func TestMarshalRefusesAMalformedDocument(t *testing.T) {
	if _, err := Marshal(&schemaItem, &item{Doc: []byte(`{"k":`)}); err == nil {
		t.Fatal("encoded a malformed document")
	}
}

func TestFloatsAreWrittenAsEncodingJSONWritesThem(t *testing.T) {
	for _, f := range []float64{0, -0.0, 1, 0.1, 1e-7, 123456789012, 1e20, 1e21, 3.14159e-10, -2.5e300, 5e-324} {
		want, _ := json.Marshal(f)
		if got := appendFloat(nil, f, 64); string(got) != string(want) {
			t.Errorf("float64 %v: got %s, want %s", f, got, want)
		}
		f32 := float32(f)
		if math.IsInf(float64(f32), 0) {
			continue
		}
		want, _ = json.Marshal(f32)
		if got := appendFloat(nil, float64(f32), 32); string(got) != string(want) {
			t.Errorf("float32 %v: got %s, want %s", f32, got, want)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	at := time.Unix(1700000000, 125*int64(time.Millisecond)).UTC()
	in := item{ID: ptr("a"), Count: ptr(int32(3)), Score: ptr(math.Inf(1)), At: &at, ISO: &at, Color: "RED", Data: []byte{0, 1, 2},
		Doc: []byte(`[1,2]`), Tags: []string{"x"}, Labels: map[string]string{"k": "v"}, Subs: map[string]item{"s": {On: ptr(true)}},
		Sub: &item{Items: []item{{Nums: []int64{5}}}}}
	b, err := Marshal(&schemaItem, &in)
	if err != nil {
		t.Fatal(err)
	}
	var got item
	if err := Unmarshal(b, &schemaItem, &got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, got, cmpOpts); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func FuzzUnmarshal(f *testing.F) {
	for _, s := range []string{`{}`, `{"items":[{"subs":{"a":{"tags":["x"]}}}]}`, `{"score":"NaN","at":1.5}`, `{"doc":[{"a":null}]}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var v item
		if err := Unmarshal(data, &schemaItem, &v); err != nil {
			return
		}
		if _, err := Marshal(&schemaItem, &v); err != nil {
			t.Fatalf("decoded %q but cannot encode it: %v", data, err)
		}
	})
}

// acceptsUnknown decodes doc as the value of a member the shape does not
// know, which the decoder skips, and reports whether it was accepted.
func acceptsUnknown(doc []byte) bool {
	var v item
	return Unmarshal(append(append([]byte(`{"unknown":`), doc...), '}'), &schemaItem, &v) == nil
}

func TestSkippedValuesAreCheckedAsEncodingJSONChecksThem(t *testing.T) {
	docs := []string{
		`{}`, `[]`, ` {"a" : [1, -2.5e+3, 0, true, false, null, "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"]} `,
		`{"a":{"b":{"c":[[],[{}]]}}}`, `"str"`, `12`, `-0.0`, `null`,
		``, `{`, `{"a"}`, `{"a":}`, `{"a":1,}`, `[1,]`, `[,1]`, `[1 2]`, `{"a":1]`, `[1}`, `{1:2}`,
		`"abc`, `"a\x"`, `"\u12"`, "\"ctl\x01\"", `01`, `1.`, `.5`, `1e`, `-`, `tru`, `nul`, `{} {}`, `[]]`,
		`"\ud800"`, "\"\xff\"",
	}
	for _, doc := range docs {
		wrapped := `{"unknown":` + doc + `}`
		if got, want := acceptsUnknown([]byte(doc)), json.Valid([]byte(wrapped)); got != want {
			t.Errorf("%s: accepted %v, encoding/json %v", wrapped, got, want)
		}
	}
}

func FuzzSkip(f *testing.F) {
	for _, s := range []string{`{"a":[1,"b",{"c":null}]}`, `[1e5,-0.25,true]`, `"\ud83d\ude00"`, `{"a":1,}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		wrapped := append(append([]byte(`{"unknown":`), doc...), '}')
		if got, want := acceptsUnknown(doc), json.Valid(wrapped); got != want {
			t.Errorf("%s: accepted %v, encoding/json %v", wrapped, got, want)
		}
	})
}

func TestNestingIsBoundedEvenWhenSkipped(t *testing.T) {
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	var v item
	if err := Unmarshal([]byte(`{"unknown":`+deep+`}`), &schemaItem, &v); err == nil || !strings.Contains(err.Error(), "nested too deeply") {
		t.Errorf("err = %v, want a nesting error", err)
	}
}

func TestUnmarshalAllocations(t *testing.T) {
	// Allocations are counted, not timed: each case names what a decode of
	// it must allocate besides the value itself and the body's one copy.
	base := testing.AllocsPerRun(100, func() {
		var v item
		if err := Unmarshal([]byte(`{"id":"x"}`), &schemaItem, &v); err != nil {
			t.Fatal(err)
		}
	})
	tests := []struct {
		name string
		body string
		want float64 // allocations beyond the base case's
	}{
		{"an empty list of structures allocates nothing", `{"id":"x","items":[]}`, 0},
		{"a list of two structures allocates its backing array once", `{"id":"x","items":[{},{}]}`, 1},
		{"a list of five structures grows once past four", `{"id":"x","items":[{},{},{},{},{}]}`, 2},
		{"a list of three strings allocates its backing array once", `{"id":"x","tags":["a","b","c"]}`, 1},
		{"a list of strings and nulls is counted with its nulls", `{"id":"x","tags":["a",null,"b],",null,"c"]}`, 1},
		{"a list of strings holding escaped quotes is counted past them", `{"id":"x","tags":["a","\\\"],\"",null]}`, 1 + 1}, // 1: unescaping
		{"a list of lists of strings allocates one array per list", `{"id":"x","lists":[["a","b"],["c"]]}`, 3},
		{"strings share the chunk of text the first string began", `{"id":"x","color":"red","message":"hello","tags":["a"]}`, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := testing.AllocsPerRun(100, func() {
				var v item
				if err := Unmarshal([]byte(tt.body), &schemaItem, &v); err != nil {
					t.Fatal(err)
				}
			}) - base
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("allocations (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNotPlainFindsTheFirstByteATokenMustLookAt(t *testing.T) {
	// Every pair of byte values at every pair of positions, on a background
	// of plain bytes: the lowest byte notPlain flags is the first byte
	// plainASCII does not mark, borrows notwithstanding.
	var buf [8]byte
	for i := range 8 {
		for j := i + 1; j < 8; j++ {
			for a := range 256 {
				for b := range 256 {
					buf = [8]byte{'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a'}
					buf[i], buf[j] = byte(a), byte(b)
					want := 8
					for k, c := range buf {
						if !plainASCII[c] {
							want = k
							break
						}
					}
					got := 8
					if m := notPlain(binary.LittleEndian.Uint64(buf[:])); m != 0 {
						got = bits.TrailingZeros64(m) / 8
					}
					if got != want {
						t.Fatalf("bytes %q: first byte to look at is %d, notPlain says %d", buf, want, got)
					}
				}
			}
		}
	}
}

func TestNameTable(t *testing.T) {
	// "abcde", "axcye" and "azcze" share their length and first, middle and
	// last bytes, so they share a hash and a probe sequence.
	members := []schema.Member{
		{Name: "abcde"}, {Name: "axcye", Alias: "Axcye"}, {Name: "serviceArn"},
		{Name: "clusterArn", Alias: "abcde"}, {Name: "b", Alias: "Axcye"}, {Name: "createdAt"},
		{Name: "updatedAt"}, {Name: "c"}, {Name: "desiredCount"}, {Name: "runningCount"},
		{Name: "d", Alias: "dee"},
	}
	table := newNameTable(members)
	tests := []struct {
		name string
		key  string
		want int
	}{
		{"a name is found", "serviceArn", 2},
		{"a name sharing a hash with the first is found", "axcye", 1},
		{"a one-byte name is found", "c", 7},
		{"an alias is found", "dee", 10},
		{"an alias another member also takes goes to the first", "Axcye", 1},
		{"an alias gives way to a member's own name", "abcde", 0},
		{"an unknown name sharing a hash is not found", "azcze", -1},
		{"an unknown name is not found", "serviceArns", -1},
		{"a prefix of a name is not found", "service", -1},
		{"the empty name is not found", "", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, table.find([]byte(tt.key))); diff != "" {
				t.Errorf("find(%q) (-want +got):\n%s", tt.key, diff)
			}
		})
	}
	t.Run("every name is found in a table of many", func(t *testing.T) {
		var many []schema.Member
		for i := range 300 {
			many = append(many, schema.Member{Name: "member" + strconv.Itoa(i)})
		}
		table := newNameTable(many)
		for i, m := range many {
			if got := table.find([]byte(m.Name)); got != i {
				t.Errorf("find(%q) = %d, want %d", m.Name, got, i)
			}
		}
	})
}

func TestUnmarshalCopiesStringsNotTheBody(t *testing.T) {
	// A 64 KiB member the shape does not know is skipped; the strings kept
	// cost a chunk of text, not a copy of the whole body.
	body := []byte(`{"id":"x","unknown":"` + strings.Repeat("z", 64<<10) + `","tags":["a","b"]}`)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	const runs = 20
	for range runs {
		var v item
		if err := Unmarshal(body, &schemaItem, &v); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"a", "b"}, v.Tags); diff != "" {
			t.Fatalf("tags (-want +got):\n%s", diff)
		}
	}
	runtime.ReadMemStats(&after)
	if perRun := (after.TotalAlloc - before.TotalAlloc) / runs; perRun > 16<<10 {
		t.Errorf("decoding allocated %d bytes a run; want under 16 KiB for a few short strings", perRun)
	}
}

func TestUnmarshalLearnsTheMemberOrder(t *testing.T) {
	// Each case decodes its bodies in turn through one fresh shape, which
	// learns the member order from each body and tries it on the next: a
	// wrong guess must cost nothing but the guess.
	tests := []struct {
		name      string
		bodies    []string
		want      item
		wantError string
	}{{
		name:   "the same order twice",
		bodies: []string{`{"id":"a","count":1,"on":true}`, `{"id":"b","count":2,"on":false}`},
		want:   item{ID: ptr("b"), Count: ptr[int32](2), On: ptr(false)},
	}, {
		name:   "another order after the first",
		bodies: []string{`{"id":"a","count":1,"on":true}`, `{"on":false,"count":2,"id":"b"}`},
		want:   item{ID: ptr("b"), Count: ptr[int32](2), On: ptr(false)},
	}, {
		name:   "a key the guess is a prefix of",
		bodies: []string{`{"id":"a","color":"red"}`, `{"id":"b","colors":["blue"]}`},
		want:   item{ID: ptr("b"), Colors: []color{"blue"}},
	}, {
		name:   "a key the guess is longer than",
		bodies: []string{`{"id":"a","colors":["red"]}`, `{"id":"b","color":"blue"}`},
		want:   item{ID: ptr("b"), Color: "blue"},
	}, {
		name:   "the guessed member spelled with an escape",
		bodies: []string{`{"id":"a","count":1}`, `{"id":"b","c\u006funt":2}`},
		want:   item{ID: ptr("b"), Count: ptr[int32](2)},
	}, {
		name:   "an unknown member between two learned ones",
		bodies: []string{`{"id":"a","count":1}`, `{"id":"b","other":{"count":7},"count":2}`},
		want:   item{ID: ptr("b"), Count: ptr[int32](2)},
	}, {
		name:   "an alias where the name was learned",
		bodies: []string{`{"id":"a","message":"m"}`, `{"id":"b","Message":"n"}`},
		want:   item{ID: ptr("b"), Message: ptr("n")},
	}, {
		name:      "the guessed name without its opening quote",
		bodies:    []string{`{"id":"a","count":1}`, `{"id":"b",count":2}`},
		wantError: "expected a member name",
	}, {
		name:      "the guessed name without its colon",
		bodies:    []string{`{"id":"a","count":1}`, `{"id":"b","count" 2}`},
		wantError: "json: offset 18: expected ':' after a member name",
	}, {
		name:      "a bad value under a guessed name names the member",
		bodies:    []string{`{"id":"a","count":1}`, `{"id":"b","count":"2"}`},
		wantError: "expected a number, found a string at 'count'",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			shape := schema.Shape{Kind: schemaItem.Kind, Type: schemaItem.Type, Members: schemaItem.Members}
			var got item
			var err error
			for _, body := range tt.bodies {
				got = item{}
				err = Unmarshal([]byte(body), &shape, &got)
			}
			if tt.wantError != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantError) {
					t.Fatalf("got %v, want an error containing %q", err, tt.wantError)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmpOpts); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}
