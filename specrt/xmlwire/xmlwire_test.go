package xmlwire

import (
	"math"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/specgen/specgen/specrt/schema"
)

// The test types stand for generated ones: pointers for scalars and
// structures, values for enums, lists, maps and blobs.
type (
	color string

	item struct {
		ID     *string
		Attr   *string
		Count  *int32
		Big    *int64
		Ratio  *float32
		Score  *float64
		On     *bool
		At     *time.Time
		Epoch  *time.Time
		Date   *time.Time
		Color  color
		Data   []byte
		Tags   []string
		Flat   []string
		Nums   []int64
		Labels map[string]string
		Subs   map[string]sub
		Flats  map[string]string
		Lists  [][]string
		Sub    *sub
		Items  []sub
		Named  []string
	}

	sub struct {
		Name *string
		Kind *string
		Next *sub
	}
)

var (
	fooNS = &schema.XMLNamespace{URI: "http://foo.com"}
	bazNS = &schema.XMLNamespace{Prefix: "baz", URI: "http://baz.com"}

	schemaSub = schema.Shape{Kind: schema.KindStruct, Type: (*sub)(nil), Members: []schema.Member{
		{Name: "Name", Offset: unsafe.Offsetof(sub{}.Name), Shape: &schema.String},
		{Name: "kind", Offset: unsafe.Offsetof(sub{}.Kind), Shape: &schema.String, XML: &schema.XMLMember{Attr: true}},
		{Name: "Next", Offset: unsafe.Offsetof(sub{}.Next)}, // a cycle: set in init
	}}
	schemaStrings  = schema.Shape{Kind: schema.KindList, Type: (*[]string)(nil), Elem: &schema.String}
	schemaNamed    = schema.Shape{Kind: schema.KindList, Type: (*[]string)(nil), Elem: &schema.String, XML: &schema.XMLShape{ElemName: "Name", ElemNS: bazNS}}
	schemaNums     = schema.Shape{Kind: schema.KindList, Type: (*[]int64)(nil), Elem: &schema.Int64}
	schemaLists    = schema.Shape{Kind: schema.KindList, Type: (*[][]string)(nil), Elem: &schemaStrings}
	schemaSubs     = schema.Shape{Kind: schema.KindList, Type: (*[]sub)(nil), Elem: &schemaSub}
	schemaLabels   = schema.Shape{Kind: schema.KindMap, Type: (*map[string]string)(nil), Elem: &schema.String}
	schemaSubMap   = schema.Shape{Kind: schema.KindMap, Type: (*map[string]sub)(nil), Elem: &schemaSub, XML: &schema.XMLShape{KeyName: "Attribute", ValueName: "Setting"}}
	schemaFlatsMap = schema.Shape{Kind: schema.KindMap, Type: (*map[string]string)(nil), Elem: &schema.String, XML: &schema.XMLShape{KeyName: "K", ValueName: "V", KeyNS: fooNS}}

	schemaItem = schema.Shape{Kind: schema.KindStruct, Type: (*item)(nil), XML: &schema.XMLShape{Name: "ItemRequest", NS: fooNS}, Members: []schema.Member{
		{Name: "ID", Offset: unsafe.Offsetof(item{}.ID), Shape: &schema.String},
		{Name: "test", Offset: unsafe.Offsetof(item{}.Attr), Shape: &schema.String, XML: &schema.XMLMember{Attr: true}},
		{Name: "Count", Offset: unsafe.Offsetof(item{}.Count), Shape: &schema.Int32},
		{Name: "Big", Offset: unsafe.Offsetof(item{}.Big), Shape: &schema.Int64},
		{Name: "Ratio", Offset: unsafe.Offsetof(item{}.Ratio), Shape: &schema.Float32},
		{Name: "Score", Offset: unsafe.Offsetof(item{}.Score), Shape: &schema.Float64},
		{Name: "On", Offset: unsafe.Offsetof(item{}.On), Shape: &schema.Bool},
		{Name: "At", Offset: unsafe.Offsetof(item{}.At), Shape: &schema.Timestamp},
		{Name: "Epoch", Offset: unsafe.Offsetof(item{}.Epoch), Shape: &schema.EpochSeconds},
		{Name: "Date", Offset: unsafe.Offsetof(item{}.Date), Shape: &schema.HTTPDate},
		{Name: "Color", Offset: unsafe.Offsetof(item{}.Color), Shape: &schema.Enum},
		{Name: "Data", Offset: unsafe.Offsetof(item{}.Data), Shape: &schema.Blob},
		{Name: "Tags", Offset: unsafe.Offsetof(item{}.Tags), Shape: &schemaStrings},
		{Name: "Flat", Offset: unsafe.Offsetof(item{}.Flat), Shape: &schemaStrings, XML: &schema.XMLMember{Flat: true}},
		{Name: "Nums", Offset: unsafe.Offsetof(item{}.Nums), Shape: &schemaNums, XML: &schema.XMLMember{NS: bazNS}},
		{Name: "Labels", Offset: unsafe.Offsetof(item{}.Labels), Shape: &schemaLabels},
		{Name: "Subs", Offset: unsafe.Offsetof(item{}.Subs), Shape: &schemaSubMap},
		{Name: "KVP", Offset: unsafe.Offsetof(item{}.Flats), Shape: &schemaFlatsMap, XML: &schema.XMLMember{Flat: true}},
		{Name: "Lists", Offset: unsafe.Offsetof(item{}.Lists), Shape: &schemaLists},
		{Name: "Sub", Offset: unsafe.Offsetof(item{}.Sub), Shape: &schemaSub},
		{Name: "Items", Offset: unsafe.Offsetof(item{}.Items), Shape: &schemaSubs, XML: &schema.XMLMember{Flat: true}},
		{Name: "Named", Offset: unsafe.Offsetof(item{}.Named), Shape: &schemaNamed},
	}}
)

func init() { schemaSub.Members[2].Shape = &schemaSub }

func ptr[T any](v T) *T { return &v }

var at = time.Date(2014, 4, 29, 18, 30, 38, 0, time.UTC)

// full is an item with every member set.
func full() *item {
	return &item{
		ID: ptr("a <b> & \"c\"\r\n"), Attr: ptr(`x"y&z`), Count: ptr(int32(-7)), Big: ptr(int64(1) << 40),
		Ratio: ptr(float32(1.5)), Score: ptr(math.Inf(-1)), On: ptr(false),
		At: ptr(at.Add(123 * time.Millisecond)), Epoch: ptr(at), Date: ptr(at),
		Color: "red", Data: []byte("hi"),
		Tags: []string{"a", "b"}, Flat: []string{"x", "y"}, Nums: []int64{1, 2},
		Labels: map[string]string{"b": "2", "a": "1"},
		Subs:   map[string]sub{"k": {Name: ptr("v")}},
		Flats:  map[string]string{"a": "A", "b": "B"},
		Lists:  [][]string{{"p", "q"}, {}},
		Sub:    &sub{Name: ptr("s"), Kind: ptr("k"), Next: &sub{Name: ptr("deeper")}},
		Items:  []sub{{Name: ptr("i1")}, {Kind: ptr("i2")}},
		Named:  []string{"n"},
	}
}

const fullXML = `<ItemRequest xmlns="http://foo.com" test="x&quot;y&amp;z">` +
	`<ID>a &lt;b&gt; &amp; "c"&#xD;` + "\n" + `</ID><Count>-7</Count><Big>1099511627776</Big><Ratio>1.5</Ratio><Score>-Infinity</Score><On>false</On>` +
	`<At>2014-04-29T18:30:38.123Z</At><Epoch>1398796238</Epoch><Date>Tue, 29 Apr 2014 18:30:38 GMT</Date>` +
	`<Color>red</Color><Data>aGk=</Data>` +
	`<Tags><member>a</member><member>b</member></Tags>` +
	`<Flat>x</Flat><Flat>y</Flat>` +
	`<Nums xmlns:baz="http://baz.com"><member>1</member><member>2</member></Nums>` +
	`<Labels><entry><key>a</key><value>1</value></entry><entry><key>b</key><value>2</value></entry></Labels>` +
	`<Subs><entry><Attribute>k</Attribute><Setting><Name>v</Name></Setting></entry></Subs>` +
	`<KVP><K xmlns="http://foo.com">a</K><V>A</V></KVP><KVP><K xmlns="http://foo.com">b</K><V>B</V></KVP>` +
	`<Lists><member><member>p</member><member>q</member></member><member></member></Lists>` +
	`<Sub kind="k"><Name>s</Name><Next><Name>deeper</Name></Next></Sub>` +
	`<Items><Name>i1</Name></Items><Items kind="i2"></Items>` +
	`<Named><Name xmlns:baz="http://baz.com">n</Name></Named>` +
	`</ItemRequest>`

func TestMarshalWritesEveryTraitAsTheSuitesDo(t *testing.T) {
	for _, tc := range []struct {
		name string
		v    *item
		want string
	}{
		{"an empty structure is its element alone", &item{}, `<ItemRequest xmlns="http://foo.com"></ItemRequest>`},
		{"every member is written in order with its traits", full(), fullXML},
		{"empty blobs, lists and maps that are set are empty elements, or nothing when flattened",
			&item{Data: []byte{}, Tags: []string{}, Flat: []string{}, Labels: map[string]string{}, Flats: map[string]string{}},
			`<ItemRequest xmlns="http://foo.com"><Data></Data><Tags></Tags><Labels></Labels></ItemRequest>`},
		{"floats that are not finite are spelled out", &item{Ratio: ptr(float32(math.NaN())), Score: ptr(math.Inf(1))},
			`<ItemRequest xmlns="http://foo.com"><Ratio>NaN</Ratio><Score>Infinity</Score></ItemRequest>`},
		{"epoch seconds keep milliseconds", &item{Epoch: ptr(at.Add(500 * time.Millisecond))},
			`<ItemRequest xmlns="http://foo.com"><Epoch>1398796238.5</Epoch></ItemRequest>`},
		{"characters XML cannot carry become U+FFFD", &item{ID: ptr("a\x00b\xffc")},
			`<ItemRequest xmlns="http://foo.com"><ID>a` + "\uFFFD" + `b` + "\uFFFD" + `c</ID></ItemRequest>`},
		{"tabs and line feeds in attributes are references", &item{Attr: ptr("a\tb\nc")},
			`<ItemRequest xmlns="http://foo.com" test="a&#x9;b&#xA;c"></ItemRequest>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Marshal(&schemaItem, tc.v)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, string(got)); diff != "" {
				t.Errorf("Marshal (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMarshalNamesAShapeWithoutAnElementNameAfterItsType(t *testing.T) {
	got, err := Marshal(&schemaSub, &sub{Name: ptr("n")})
	if err != nil {
		t.Fatal(err)
	}
	if want := `<sub><Name>n</Name></sub>`; string(got) != want {
		t.Errorf("Marshal = %s, want %s", got, want)
	}
}

func TestMarshalRefusesADocument(t *testing.T) {
	type withDoc struct{ Doc []byte }
	s := schema.Shape{Kind: schema.KindStruct, Type: (*withDoc)(nil), Members: []schema.Member{
		{Name: "Doc", Shape: &schema.Document},
	}}
	if _, err := Marshal(&s, &withDoc{Doc: []byte(`{}`)}); err == nil {
		t.Error("Marshal of a document member succeeded")
	}
}

func TestAppendElementAndMembersWrapAResult(t *testing.T) {
	v := &sub{Name: ptr("n"), Kind: ptr("k")}
	b, err := AppendElement([]byte("<R>"), "GetResult", nil, &schemaSub, v)
	if err != nil {
		t.Fatal(err)
	}
	if want := `<R><GetResult kind="k"><Name>n</Name></GetResult>`; string(b) != want {
		t.Errorf("AppendElement = %s, want %s", b, want)
	}
	b, err = AppendMembers([]byte("<Error><Code>C</Code>"), &schemaSub, v)
	if err != nil {
		t.Fatal(err)
	}
	if want := `<Error><Code>C</Code><Name>n</Name>`; string(b) != want {
		t.Errorf("AppendMembers = %s, want %s (attributes left out)", b, want)
	}
}

func TestUnmarshalReadsWhatMarshalWrites(t *testing.T) {
	want := full()
	data, err := Marshal(&schemaItem, want)
	if err != nil {
		t.Fatal(err)
	}
	got := &item{}
	if err := Unmarshal(data, &schemaItem, got); err != nil {
		t.Fatalf("Unmarshal(%s): %v", data, err)
	}
	// Score is -Inf: cmp compares it equal to itself.
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

func TestUnmarshalReadsWhatServicesSend(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       *item
	}{
		{"an empty body leaves the value as it is", "  \n", &item{}},
		{"a declaration, comments and white space surround the root",
			"\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- c --><R>\n  <ID>x</ID>\n</R>\n<!-- end -->\n",
			&item{ID: ptr("x")}},
		{"the root's name and prefixes do not matter", `<p:Anything xmlns:p="urn:x"><p:ID>x</p:ID></p:Anything>`, &item{ID: ptr("x")}},
		{"references and CDATA are text", `<R><ID>escaped data: &amp;lt;&#xD;&#10;<![CDATA[<&>]]>&#x1F600;</ID></R>`,
			&item{ID: ptr("escaped data: &lt;\r\n<&>😀")}},
		{"line ends are normalized", "<R><ID>a\r\nb\rc</ID></R>", &item{ID: ptr("a\nb\nc")}},
		{"attributes are read by local name, references replaced and white space normalized",
			`<R xmlns:x="urn:x" x:test='a&amp;b&#9;c` + "\n" + `d'><Sub kind="k" other="o"/></R>`,
			&item{Attr: ptr("a&b\tc d"), Sub: &sub{Kind: ptr("k")}}},
		{"an empty string is present, an empty number is not", `<R><ID/><Count></Count><Big> </Big></R>`, &item{ID: ptr("")}},
		{"white space around scalars other than strings is dropped", "<R><Count>\n 5 \n</Count><On> true</On><ID> x </ID></R>",
			&item{Count: ptr(int32(5)), On: ptr(true), ID: ptr(" x ")}},
		{"unknown elements are skipped, however deep", `<R><Unknown><a><b>x</b><c/></a></Unknown><ID>x</ID></R>`, &item{ID: ptr("x")}},
		{"elements inside a value are left out", `<R><ID>a<b>c</b>d</ID></R>`, &item{ID: ptr("ad")}},
		{"a wrapped list ignores other children; an empty one is empty, not absent",
			`<R><Tags><member>a</member><other>x</other><member/></Tags><Nums/></R>`,
			&item{Tags: []string{"a", ""}, Nums: []int64{}}},
		{"a flattened list's items may be apart", `<R><Flat>a</Flat><ID>x</ID><Flat>b</Flat></R>`,
			&item{Flat: []string{"a", "b"}, ID: ptr("x")}},
		{"map entries without a key are dropped, without a value hold the zero value",
			`<R><Labels><entry><value>v</value></entry><entry><key>k</key></entry></Labels></R>`,
			&item{Labels: map[string]string{"k": ""}}},
		{"text XML cannot hold becomes U+FFFD, as the encoder writes it", "<R><ID>a\xb1b\x01c</ID></R>", &item{ID: ptr("a\uFFFDb\uFFFDc")}},
		{"a flattened map's entry without a key leaves the map absent", `<R><KVP><V>v</V></KVP></R>`, &item{}},
		{"the later of two scalars wins", `<R><ID>a</ID><ID>b</ID></R>`, &item{ID: ptr("b")}},
		{"timestamps take fractions and offsets", `<R><At>2014-04-29T20:30:38.5+02:00</At><Epoch>1398796238.25</Epoch></R>`,
			&item{At: ptr(at.Add(500 * time.Millisecond)), Epoch: ptr(at.Add(250 * time.Millisecond))}},
		{"an empty blob is empty, not absent", `<R><Data></Data></R>`, &item{Data: []byte{}}},
		{"a self-closed blob is empty", `<R><Data/></R>`, &item{Data: []byte{}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := &item{}
			if err := Unmarshal([]byte(tc.body), &schemaItem, got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Unmarshal (-want +got):\n%s", diff)
			}
		})
	}
}

func TestUnmarshalKeepsAnEmptyListDistinctFromAnAbsentOne(t *testing.T) {
	got := &item{}
	if err := Unmarshal([]byte(`<R><Nums></Nums></R>`), &schemaItem, got); err != nil {
		t.Fatal(err)
	}
	if got.Nums == nil || len(got.Nums) != 0 || got.Tags != nil {
		t.Errorf("Nums = %#v, Tags = %#v; want an empty, non-nil Nums and a nil Tags", got.Nums, got.Tags)
	}
}

func TestUnmarshalRefusesWhatIsNotWellFormedOrSafe(t *testing.T) {
	deep := "<Sub>" + strings.Repeat("<Next>", 600) + strings.Repeat("</Next>", 600) + "</Sub>"
	unknownDeep := "<R>" + strings.Repeat("<a>", 600) + strings.Repeat("</a>", 600) + "</R>"
	for _, tc := range []struct {
		name, body, want string
	}{
		{"a document type declaration is refused, entities and all",
			`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><R><ID>&lol2;</ID></R>`,
			"xml: offset 21: document type declarations are not accepted"},
		{"an external entity is refused", `<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><R><ID>&x;</ID></R>`,
			"xml: offset 0: document type declarations are not accepted"},
		{"an undefined entity is refused", `<R><ID>&lol;</ID></R>`,
			"xml: offset 7: entity &lol; is not defined: only the five XML predefined entities are at 'ID'"},
		{"a reference to a character XML does not allow is refused", `<R><ID>&#0;</ID></R>`,
			"xml: offset 7: invalid character reference &#0; at 'ID'"},
		{"nesting is bounded in members", "<R>" + deep + "</R>", "xml: offset 3002: elements nested more than 500 deep at 'Sub.Next.Next.Next.Next"},
		{"nesting is bounded in skipped elements", unknownDeep, "xml: offset 1503: elements nested more than 500 deep"},
		{"a mismatched end tag is refused", `<R><ID>x</Id></R>`, "xml: offset 12: element <ID> closed by </Id> at 'ID'"},
		{"a truncated document is refused", `<R><ID>x</ID>`, "xml: offset 13: unexpected end of input in element <R>"},
		{"data after the root is refused", `<R/><R/>`, "xml: offset 4: unexpected data after the root element"},
		{"text before the root is refused", `x<R/>`, "xml: offset 0: expected an element"},
		{"an unquoted attribute is refused", `<R test=x/>`, "xml: offset 8: expected a quoted attribute value"},
		{"a number that is not one is refused", `<R><Count>12a</Count></R>`, `xml: offset 21: expected an integer of 32 bits, found "12a" at 'Count'`},
		{"an integer that overflows is refused", `<R><Count>2147483648</Count></R>`, `xml: offset 28: expected an integer of 32 bits, found "2147483648" at 'Count'`},
		{"a list item of the wrong form names its index", `<R><Nums><member>1</member><member>x</member></Nums></R>`, `xml: offset 45: expected an integer of 64 bits, found "x" at 'Nums[1]'`},
		{"a boolean that is not one is refused", `<R><On>yes</On></R>`, `xml: offset 15: expected true or false, found "yes" at 'On'`},
		{"a timestamp that is not RFC 3339 is refused", `<R><At>yesterday</At></R>`, `xml: offset 21: timestamp must be an RFC 3339 date-time, found "yesterday" at 'At'`},
		{"invalid base64 is refused", `<R><Data>!!</Data></R>`, "xml: offset 18: invalid base64: illegal base64 data at input byte 0 at 'Data'"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Unmarshal([]byte(tc.body), &schemaItem, &item{})
			if err == nil {
				t.Fatal("Unmarshal succeeded")
			}
			if got := err.Error(); !strings.HasPrefix(got, tc.want) {
				t.Errorf("Unmarshal error = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestUnmarshalPathFindsTheElementAPathNames(t *testing.T) {
	const body = `<GetResponse xmlns="urn:x"><GetResult><Name>n</Name></GetResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetResponse>`
	for _, tc := range []struct {
		name      string
		body      string
		path      []string
		want      *sub
		wantFound bool
	}{
		{"a child of the root", body, []string{"GetResponse", "GetResult"}, &sub{Name: ptr("n")}, true},
		{"any root with an empty name", body, []string{"", "GetResult"}, &sub{Name: ptr("n")}, true},
		{"a root of another name is not found", body, []string{"ErrorResponse", "Error"}, &sub{}, false},
		{"a missing child is not found", body, []string{"GetResponse", "Other"}, &sub{}, false},
		{"the root itself", `<Error kind="k"><Name>e</Name></Error>`, []string{"Error"}, &sub{Name: ptr("e"), Kind: ptr("k")}, true},
		{"an empty body is not found", ``, []string{"Error"}, &sub{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := &sub{}
			found, err := UnmarshalPath([]byte(tc.body), tc.path, &schemaSub, got)
			if err != nil {
				t.Fatal(err)
			}
			if found != tc.wantFound {
				t.Errorf("found = %v, want %v", found, tc.wantFound)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("UnmarshalPath (-want +got):\n%s", diff)
			}
		})
	}
	if _, err := UnmarshalPath([]byte(`<GetResponse><GetResult></GetResponse>`), []string{"GetResponse", "GetResult"}, &schemaSub, &sub{}); err == nil {
		t.Error("UnmarshalPath of a document that is not well-formed succeeded")
	}
}

func TestUnmarshalMatchesAnAliasWhenNoMemberHasTheName(t *testing.T) {
	type failure struct{ Message, Code *string }
	s := schema.Shape{Kind: schema.KindStruct, Type: (*failure)(nil), Members: []schema.Member{
		{Name: "message", Alias: "Message", Offset: unsafe.Offsetof(failure{}.Message), Shape: &schema.String},
		{Name: "Code", Offset: unsafe.Offsetof(failure{}.Code), Shape: &schema.String},
	}}
	for _, body := range []string{`<Error><Code>C</Code><Message>m</Message></Error>`, `<Error><Code>C</Code><message>m</message></Error>`} {
		got := &failure{}
		if err := Unmarshal([]byte(body), &s, got); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(&failure{Message: ptr("m"), Code: ptr("C")}, got); diff != "" {
			t.Errorf("Unmarshal(%s) (-want +got):\n%s", body, diff)
		}
	}
}

// FuzzUnmarshal decodes arbitrary bodies: no panic, an error or a value,
// and a value that encodes and decodes again to itself.
func FuzzUnmarshal(f *testing.F) {
	for _, seed := range []string{
		fullXML,
		`<R><Tags><member>a</member></Tags><KVP><K>k</K><V>v</V></KVP></R>`,
		`<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><R><ID>&b;</ID></R>`,
		`<R><ID>&#x10FFFF;&#xD800;&lt</ID></R>`,
		`<R><Sub><Next><Next><Next></Next></Next></Next></Sub></R>`,
		`<R test="a" test="b"><![CDATA[x]]><?pi?><!-- c --></R>`,
		`<a:R xmlns:a="u"><a:ID>x</a:ID></a:R>`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v := &item{}
		if err := Unmarshal(data, &schemaItem, v); err != nil {
			return
		}
		again, err := Marshal(&schemaItem, v)
		if err != nil {
			return // a decoded value XML cannot carry back (U+FFFE in text is replaced)
		}
		w := &item{}
		if err := Unmarshal(again, &schemaItem, w); err != nil {
			t.Fatalf("Unmarshal of what Marshal wrote: %v\n%s", err, again)
		}
		if diff := cmp.Diff(v, w, cmpopts.EquateNaNs()); diff != "" {
			t.Errorf("decode, encode, decode (-first +second):\n%s\n%s", diff, again)
		}
	})
}

func TestReferencesNeverExpandText(t *testing.T) {
	// Every reference is at least as long as what it stands for: a body's
	// text cannot grow when decoded, whatever it holds.
	for _, ref := range []string{"&lt;", "&gt;", "&amp;", "&apos;", "&quot;", "&#9;", "&#x10FFFF;", "&#1114111;", "&#x41;"} {
		body := "<R><ID>" + strings.Repeat(ref, 1000) + "</ID></R>"
		v := &item{}
		if err := Unmarshal([]byte(body), &schemaItem, v); err != nil {
			t.Fatalf("%s: %v", ref, err)
		}
		if got, limit := len(*v.ID), 1000*len(ref); got > limit {
			t.Errorf("%s×1000 decodes to %d bytes, more than its %d", ref, got, limit)
		}
	}
}
