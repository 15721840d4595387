package querywire_test

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/specrt/querywire"
	"github.com/specgen/specgen/specrt/schema"
)

// The types and shapes below mirror the inputs of AWS's query and ec2
// protocol test suites (input/query.json, input/ec2.json).

type greeting struct{ Hi *string }

var greetingShape = schema.Shape{Kind: schema.KindStruct, Type: (*greeting)(nil), Members: []schema.Member{
	{Name: "hi", Offset: unsafe.Offsetof(greeting{}.Hi), Shape: &schema.String},
}}

type structArg struct {
	StringArg    *string
	OtherArg     *bool
	RecursiveArg *structArg
}

var structArgShape = schema.Shape{Kind: schema.KindStruct, Type: (*structArg)(nil)}

func init() {
	structArgShape.Members = []schema.Member{
		{Name: "StringArg", Offset: unsafe.Offsetof(structArg{}.StringArg), Shape: &schema.String},
		{Name: "OtherArg", Offset: unsafe.Offsetof(structArg{}.OtherArg), Shape: &schema.Bool},
		{Name: "RecursiveArg", Offset: unsafe.Offsetof(structArg{}.RecursiveArg), Shape: &structArgShape},
	}
}

type nestedStructures struct{ Nested *structArg }

var nestedStructuresShape = schema.Shape{Kind: schema.KindStruct, Type: (*nestedStructures)(nil), Members: []schema.Member{
	{Name: "Nested", Offset: unsafe.Offsetof(nestedStructures{}.Nested), Shape: &structArgShape},
}}

var (
	stringList          = schema.Shape{Kind: schema.KindList, Type: (*[]string)(nil), Elem: &schema.String}
	greetingList        = schema.Shape{Kind: schema.KindList, Type: (*[]greeting)(nil), Elem: &greetingShape}
	listWithXMLName     = schema.Shape{Kind: schema.KindList, Type: (*[]string)(nil), Elem: &schema.String, XML: &schema.XMLShape{ElemName: "item"}}
	stringMap           = schema.Shape{Kind: schema.KindMap, Type: (*map[string]string)(nil), Elem: &schema.String}
	complexMap          = schema.Shape{Kind: schema.KindMap, Type: (*map[string]greeting)(nil), Elem: &greetingShape}
	mapWithXMLName      = schema.Shape{Kind: schema.KindMap, Type: (*map[string]string)(nil), Elem: &schema.String, XML: &schema.XMLShape{KeyName: "K", ValueName: "V"}}
	mapOfLists          = schema.Shape{Kind: schema.KindMap, Type: (*map[string][]string)(nil), Elem: &stringList}
	flat                = &schema.XMLMember{Flat: true}
	nestedWithListShape = schema.Shape{Kind: schema.KindStruct, Type: (*nestedWithList)(nil), Members: []schema.Member{{Name: "ListArg", Shape: &stringList}}}
	nestedWithMapShape  = schema.Shape{Kind: schema.KindStruct, Type: (*nestedWithMap)(nil), Members: []schema.Member{{Name: "MapArg", Shape: &stringMap}}}
)

type nestedWithList struct{ ListArg []string }
type nestedWithMap struct{ MapArg map[string]string }

type listsInput struct {
	ListArg                     []string
	ComplexListArg              []greeting
	FlattenedListArg            []string
	ListArgWithXmlNameMember    []string
	FlattenedListArgWithXmlName []string
	NestedWithList              *nestedWithList
}

var listsShape = schema.Shape{Kind: schema.KindStruct, Type: (*listsInput)(nil), Members: []schema.Member{
	{Name: "ListArg", Offset: unsafe.Offsetof(listsInput{}.ListArg), Shape: &stringList},
	{Name: "ComplexListArg", Offset: unsafe.Offsetof(listsInput{}.ComplexListArg), Shape: &greetingList},
	{Name: "FlattenedListArg", Offset: unsafe.Offsetof(listsInput{}.FlattenedListArg), Shape: &stringList, XML: flat},
	{Name: "ListArgWithXmlNameMember", Offset: unsafe.Offsetof(listsInput{}.ListArgWithXmlNameMember), Shape: &listWithXMLName},
	{Name: "Hi", Offset: unsafe.Offsetof(listsInput{}.FlattenedListArgWithXmlName), Shape: &listWithXMLName, XML: flat},
	{Name: "NestedWithList", Offset: unsafe.Offsetof(listsInput{}.NestedWithList), Shape: &nestedWithListShape},
}}

type mapsInput struct {
	MapArg                  map[string]string
	RenamedMapArg           map[string]string
	ComplexMapArg           map[string]greeting
	MapWithXmlMemberName    map[string]string
	FlattenedMap            map[string]string
	FlattenedMapWithXmlName map[string]string
	MapOfLists              map[string][]string
	NestedStructWithMap     *nestedWithMap
}

var mapsShape = schema.Shape{Kind: schema.KindStruct, Type: (*mapsInput)(nil), Members: []schema.Member{
	{Name: "MapArg", Offset: unsafe.Offsetof(mapsInput{}.MapArg), Shape: &stringMap},
	{Name: "Foo", Offset: unsafe.Offsetof(mapsInput{}.RenamedMapArg), Shape: &stringMap},
	{Name: "ComplexMapArg", Offset: unsafe.Offsetof(mapsInput{}.ComplexMapArg), Shape: &complexMap},
	{Name: "MapWithXmlMemberName", Offset: unsafe.Offsetof(mapsInput{}.MapWithXmlMemberName), Shape: &mapWithXMLName},
	{Name: "FlattenedMap", Offset: unsafe.Offsetof(mapsInput{}.FlattenedMap), Shape: &stringMap, XML: flat},
	{Name: "Hi", Offset: unsafe.Offsetof(mapsInput{}.FlattenedMapWithXmlName), Shape: &mapWithXMLName, XML: flat},
	{Name: "MapOfLists", Offset: unsafe.Offsetof(mapsInput{}.MapOfLists), Shape: &mapOfLists},
	{Name: "NestedStructWithMap", Offset: unsafe.Offsetof(mapsInput{}.NestedStructWithMap), Shape: &nestedWithMapShape},
}}

type fooEnum string

type simpleInput struct {
	Foo                *string
	Bar                *string
	Baz                *bool
	Bam                *int32
	FloatValue         *float32
	Boo                *float64
	Qux                []byte
	FooEnum            fooEnum
	IntegerEnum        *int32
	HasQueryName       *string
	HasQueryAndXmlName *string
	UsesXmlName        *string
	Big                *int64
}

var simpleShape = schema.Shape{Kind: schema.KindStruct, Type: (*simpleInput)(nil), Members: []schema.Member{
	{Name: "Foo", Offset: unsafe.Offsetof(simpleInput{}.Foo), Shape: &schema.String},
	{Name: "Bar", Offset: unsafe.Offsetof(simpleInput{}.Bar), Shape: &schema.String},
	{Name: "Baz", Offset: unsafe.Offsetof(simpleInput{}.Baz), Shape: &schema.Bool},
	{Name: "Bam", Offset: unsafe.Offsetof(simpleInput{}.Bam), Shape: &schema.Int32},
	{Name: "FloatValue", Offset: unsafe.Offsetof(simpleInput{}.FloatValue), Shape: &schema.Float32},
	{Name: "Boo", Offset: unsafe.Offsetof(simpleInput{}.Boo), Shape: &schema.Float64},
	{Name: "Qux", Offset: unsafe.Offsetof(simpleInput{}.Qux), Shape: &schema.Blob},
	{Name: "FooEnum", Offset: unsafe.Offsetof(simpleInput{}.FooEnum), Shape: &schema.Enum},
	{Name: "IntegerEnum", Offset: unsafe.Offsetof(simpleInput{}.IntegerEnum), Shape: &schema.Int32},
	{Name: "HasQueryName", Offset: unsafe.Offsetof(simpleInput{}.HasQueryName), Shape: &schema.String, XML: &schema.XMLMember{QueryName: "HasQueryName"}},
	{Name: "hasQueryAndXmlName", Offset: unsafe.Offsetof(simpleInput{}.HasQueryAndXmlName), Shape: &schema.String, XML: &schema.XMLMember{QueryName: "HasQueryAndXmlName"}},
	{Name: "usesXmlName", Offset: unsafe.Offsetof(simpleInput{}.UsesXmlName), Shape: &schema.String},
	{Name: "big", Offset: unsafe.Offsetof(simpleInput{}.Big), Shape: &schema.Int64},
}}

type timestampsInput struct {
	NormalFormat *time.Time
	EpochMember  *time.Time
	HTTPDate     *time.Time
}

var timestampsShape = schema.Shape{Kind: schema.KindStruct, Type: (*timestampsInput)(nil), Members: []schema.Member{
	{Name: "normalFormat", Offset: unsafe.Offsetof(timestampsInput{}.NormalFormat), Shape: &schema.Timestamp},
	{Name: "epochMember", Offset: unsafe.Offsetof(timestampsInput{}.EpochMember), Shape: &schema.EpochSeconds},
	{Name: "httpDate", Offset: unsafe.Offsetof(timestampsInput{}.HTTPDate), Shape: &schema.HTTPDate},
}}

func ptr[T any](v T) *T { return &v }

type codecCase struct {
	name   string
	action string
	shape  *schema.Shape
	value  any
	body   string
}

var jan25 = time.Unix(1422172800, 0).UTC()

// awsQueryCases are the input cases of query.json, by the suite's ids.
var awsQueryCases = []codecCase{
	{"QueryEmptyInputAndEmptyOutput", "EmptyInputAndEmptyOutput", nil, nil,
		"Action=EmptyInputAndEmptyOutput&Version=2020-01-08"},
	{"NestedStructures", "NestedStructures", &nestedStructuresShape,
		&nestedStructures{Nested: &structArg{StringArg: ptr("foo"), OtherArg: ptr(true), RecursiveArg: &structArg{StringArg: ptr("baz")}}},
		"Action=NestedStructures&Version=2020-01-08&Nested.StringArg=foo&Nested.OtherArg=true&Nested.RecursiveArg.StringArg=baz"},
	{"QueryLists", "QueryLists", &listsShape,
		&listsInput{ListArg: []string{"foo", "bar", "baz"}, ComplexListArg: []greeting{{Hi: ptr("hello")}, {Hi: ptr("hola")}}},
		"Action=QueryLists&Version=2020-01-08&ListArg.member.1=foo&ListArg.member.2=bar&ListArg.member.3=baz&ComplexListArg.member.1.hi=hello&ComplexListArg.member.2.hi=hola"},
	{"EmptyQueryLists", "QueryLists", &listsShape, &listsInput{ListArg: []string{}},
		"Action=QueryLists&Version=2020-01-08&ListArg="},
	{"FlattenedQueryLists", "QueryLists", &listsShape, &listsInput{FlattenedListArg: []string{"A", "B"}},
		"Action=QueryLists&Version=2020-01-08&FlattenedListArg.1=A&FlattenedListArg.2=B"},
	{"QueryListArgWithXmlNameMember", "QueryLists", &listsShape, &listsInput{ListArgWithXmlNameMember: []string{"A", "B"}},
		"Action=QueryLists&Version=2020-01-08&ListArgWithXmlNameMember.item.1=A&ListArgWithXmlNameMember.item.2=B"},
	{"QueryFlattenedListArgWithXmlName", "QueryLists", &listsShape, &listsInput{FlattenedListArgWithXmlName: []string{"A", "B"}},
		"Action=QueryLists&Version=2020-01-08&Hi.1=A&Hi.2=B"},
	{"QueryNestedStructWithList", "QueryLists", &listsShape, &listsInput{NestedWithList: &nestedWithList{ListArg: []string{"A", "B"}}},
		"Action=QueryLists&Version=2020-01-08&NestedWithList.ListArg.member.1=A&NestedWithList.ListArg.member.2=B"},
	{"QuerySimpleQueryMaps", "QueryMaps", &mapsShape, &mapsInput{MapArg: map[string]string{"bar": "Bar", "foo": "Foo"}},
		"Action=QueryMaps&Version=2020-01-08&MapArg.entry.1.key=bar&MapArg.entry.1.value=Bar&MapArg.entry.2.key=foo&MapArg.entry.2.value=Foo"},
	{"QuerySimpleQueryMapsWithXmlName", "QueryMaps", &mapsShape, &mapsInput{RenamedMapArg: map[string]string{"foo": "Foo"}},
		"Action=QueryMaps&Version=2020-01-08&Foo.entry.1.key=foo&Foo.entry.1.value=Foo"},
	{"QueryComplexQueryMaps", "QueryMaps", &mapsShape, &mapsInput{ComplexMapArg: map[string]greeting{"bar": {Hi: ptr("Bar")}, "foo": {Hi: ptr("Foo")}}},
		"Action=QueryMaps&Version=2020-01-08&ComplexMapArg.entry.1.key=bar&ComplexMapArg.entry.1.value.hi=Bar&ComplexMapArg.entry.2.key=foo&ComplexMapArg.entry.2.value.hi=Foo"},
	{"QueryQueryMapWithMemberXmlName", "QueryMaps", &mapsShape, &mapsInput{MapWithXmlMemberName: map[string]string{"bar": "Bar", "foo": "Foo"}},
		"Action=QueryMaps&Version=2020-01-08&MapWithXmlMemberName.entry.1.K=bar&MapWithXmlMemberName.entry.1.V=Bar&MapWithXmlMemberName.entry.2.K=foo&MapWithXmlMemberName.entry.2.V=Foo"},
	{"QueryFlattenedQueryMaps", "QueryMaps", &mapsShape, &mapsInput{FlattenedMap: map[string]string{"bar": "Bar", "foo": "Foo"}},
		"Action=QueryMaps&Version=2020-01-08&FlattenedMap.1.key=bar&FlattenedMap.1.value=Bar&FlattenedMap.2.key=foo&FlattenedMap.2.value=Foo"},
	{"QueryFlattenedQueryMapsWithXmlName", "QueryMaps", &mapsShape, &mapsInput{FlattenedMapWithXmlName: map[string]string{"bar": "Bar", "foo": "Foo"}},
		"Action=QueryMaps&Version=2020-01-08&Hi.1.K=bar&Hi.1.V=Bar&Hi.2.K=foo&Hi.2.V=Foo"},
	{"QueryQueryMapOfLists", "QueryMaps", &mapsShape, &mapsInput{MapOfLists: map[string][]string{"bar": {"C", "D"}, "foo": {"A", "B"}}},
		"Action=QueryMaps&Version=2020-01-08&MapOfLists.entry.1.key=bar&MapOfLists.entry.1.value.member.1=C&MapOfLists.entry.1.value.member.2=D&MapOfLists.entry.2.key=foo&MapOfLists.entry.2.value.member.1=A&MapOfLists.entry.2.value.member.2=B"},
	{"QueryNestedStructWithMap", "QueryMaps", &mapsShape, &mapsInput{NestedStructWithMap: &nestedWithMap{MapArg: map[string]string{"bar": "Bar", "foo": "Foo"}}},
		"Action=QueryMaps&Version=2020-01-08&NestedStructWithMap.MapArg.entry.1.key=bar&NestedStructWithMap.MapArg.entry.1.value=Bar&NestedStructWithMap.MapArg.entry.2.key=foo&NestedStructWithMap.MapArg.entry.2.value=Foo"},
	{"QueryTimestampsInput", "QueryTimestamps", &timestampsShape, &timestampsInput{NormalFormat: &jan25, EpochMember: &jan25},
		"Action=QueryTimestamps&Version=2020-01-08&normalFormat=2015-01-25T08%3A00%3A00Z&epochMember=1422172800"},
	{"QuerySimpleInputParamsStrings", "SimpleInputParams", &simpleShape, &simpleInput{Foo: ptr("val1"), Bar: ptr("val2")},
		"Action=SimpleInputParams&Version=2020-01-08&Foo=val1&Bar=val2"},
	{"QuerySimpleInputParamsStringsAndBooleanFalse", "SimpleInputParams", &simpleShape, &simpleInput{Baz: ptr(false)},
		"Action=SimpleInputParams&Version=2020-01-08&Baz=false"},
	{"QuerySimpleInputParamsInteger", "SimpleInputParams", &simpleShape, &simpleInput{Bam: ptr(int32(10))},
		"Action=SimpleInputParams&Version=2020-01-08&Bam=10"},
	{"QuerySimpleInputParamsFloat", "SimpleInputParams", &simpleShape, &simpleInput{Boo: ptr(10.8)},
		"Action=SimpleInputParams&Version=2020-01-08&Boo=10.8"},
	{"QuerySimpleInputParamsBlob", "SimpleInputParams", &simpleShape, &simpleInput{Qux: []byte("value")},
		"Action=SimpleInputParams&Version=2020-01-08&Qux=dmFsdWU%3D"},
	{"QueryEnums", "SimpleInputParams", &simpleShape, &simpleInput{FooEnum: "Foo"},
		"Action=SimpleInputParams&Version=2020-01-08&FooEnum=Foo"},
	{"QueryIntEnums", "SimpleInputParams", &simpleShape, &simpleInput{IntegerEnum: ptr(int32(1))},
		"Action=SimpleInputParams&Version=2020-01-08&IntegerEnum=1"},
	{"AwsQuerySupportsInfinityFloatInputs", "SimpleInputParams", &simpleShape, &simpleInput{FloatValue: ptr(float32(math.Inf(1))), Boo: ptr(math.Inf(1))},
		"Action=SimpleInputParams&Version=2020-01-08&FloatValue=Infinity&Boo=Infinity"},
	{"AwsQuerySupportsNegativeInfinityFloatInputs", "SimpleInputParams", &simpleShape, &simpleInput{FloatValue: ptr(float32(math.Inf(-1))), Boo: ptr(math.Inf(-1))},
		"Action=SimpleInputParams&Version=2020-01-08&FloatValue=-Infinity&Boo=-Infinity"},
	// Beyond the suite: what needs escaping, large and small numbers, an
	// HTTP date, milliseconds.
	{"escaped strings and exponents", "SimpleInputParams", &simpleShape,
		&simpleInput{Foo: ptr("a b&c=d+é/~"), Boo: ptr(1e21), FloatValue: ptr(float32(-2.5e-7)), Big: ptr(int64(math.MinInt64))},
		"Action=SimpleInputParams&Version=2020-01-08&Foo=a%20b%26c%3Dd%2B%C3%A9%2F~&FloatValue=-2.5e-07&Boo=1e%2B21&big=-9223372036854775808"},
	{"timestamps with milliseconds and an HTTP date", "QueryTimestamps", &timestampsShape,
		&timestampsInput{NormalFormat: ptr(jan25.Add(123 * time.Millisecond)), EpochMember: ptr(jan25.Add(500 * time.Millisecond)), HTTPDate: &jan25},
		"Action=QueryTimestamps&Version=2020-01-08&normalFormat=2015-01-25T08%3A00%3A00.123Z&epochMember=1422172800.5&httpDate=Sun%2C%2025%20Jan%202015%2008%3A00%3A00%20GMT"},
}

// ec2QueryCases are the input cases of ec2.json, by the suite's ids.
var ec2QueryCases = []codecCase{
	{"Ec2Lists", "QueryLists", &listsShape,
		&listsInput{ListArg: []string{"foo", "bar", "baz"}, ComplexListArg: []greeting{{Hi: ptr("hello")}, {Hi: ptr("hola")}}},
		"Action=QueryLists&Version=2020-01-08&ListArg.1=foo&ListArg.2=bar&ListArg.3=baz&ComplexListArg.1.Hi=hello&ComplexListArg.2.Hi=hola"},
	{"Ec2EmptyQueryLists", "QueryLists", &listsShape, &listsInput{ListArg: []string{}},
		"Action=QueryLists&Version=2020-01-08"},
	{"Ec2ListArgWithXmlNameMember", "QueryLists", &listsShape, &listsInput{ListArgWithXmlNameMember: []string{"A", "B"}},
		"Action=QueryLists&Version=2020-01-08&ListArgWithXmlNameMember.1=A&ListArgWithXmlNameMember.2=B"},
	{"Ec2ListMemberWithXmlName", "QueryLists", &listsShape, &listsInput{FlattenedListArgWithXmlName: []string{"A", "B"}},
		"Action=QueryLists&Version=2020-01-08&Hi.1=A&Hi.2=B"},
	{"Ec2ListNestedStructWithList", "QueryLists", &listsShape, &listsInput{NestedWithList: &nestedWithList{ListArg: []string{"A", "B"}}},
		"Action=QueryLists&Version=2020-01-08&NestedWithList.ListArg.1=A&NestedWithList.ListArg.2=B"},
	{"Ec2TimestampsInput", "QueryTimestamps", &timestampsShape, &timestampsInput{NormalFormat: &jan25, EpochMember: &jan25},
		"Action=QueryTimestamps&Version=2020-01-08&NormalFormat=2015-01-25T08%3A00%3A00Z&EpochMember=1422172800"},
	{"Ec2SimpleInputParamsStringAndBooleanTrue", "SimpleInputParams", &simpleShape, &simpleInput{Foo: ptr("val1"), Baz: ptr(true)},
		"Action=SimpleInputParams&Version=2020-01-08&Foo=val1&Baz=true"},
	{"Ec2SimpleInputParamsBlob", "SimpleInputParams", &simpleShape, &simpleInput{Qux: []byte("value")},
		"Action=SimpleInputParams&Version=2020-01-08&Qux=dmFsdWU%3D"},
	{"Ec2Query", "SimpleInputParams", &simpleShape, &simpleInput{HasQueryName: ptr("Hi")},
		"Action=SimpleInputParams&Version=2020-01-08&HasQueryName=Hi"},
	{"Ec2QueryIsPreferred", "SimpleInputParams", &simpleShape, &simpleInput{HasQueryAndXmlName: ptr("Hi")},
		"Action=SimpleInputParams&Version=2020-01-08&HasQueryAndXmlName=Hi"},
	{"Ec2XmlNameIsUppercased", "SimpleInputParams", &simpleShape, &simpleInput{UsesXmlName: ptr("Hi")},
		"Action=SimpleInputParams&Version=2020-01-08&UsesXmlName=Hi"},
	{"Ec2QuerySupportsNegativeInfinityFloatInputs", "SimpleInputParams", &simpleShape, &simpleInput{FloatValue: ptr(float32(math.Inf(-1))), Boo: ptr(math.Inf(-1))},
		"Action=SimpleInputParams&Version=2020-01-08&FloatValue=-Infinity&Boo=-Infinity"},
	{"ec2Query encodes maps as awsQuery does", "QueryMaps", &mapsShape, &mapsInput{MapArg: map[string]string{"k": "v"}},
		"Action=QueryMaps&Version=2020-01-08&MapArg.entry.1.key=k&MapArg.entry.1.value=v"},
}

func dialects() []struct {
	name    string
	dialect querywire.Dialect
	cases   []codecCase
} {
	return []struct {
		name    string
		dialect querywire.Dialect
		cases   []codecCase
	}{
		{"awsQuery", querywire.AWSQuery, awsQueryCases},
		{"ec2Query", querywire.EC2Query, ec2QueryCases},
	}
}

func TestMarshalWritesTheSuitesBodies(t *testing.T) {
	for _, d := range dialects() {
		for _, tc := range d.cases {
			t.Run(d.name+" "+tc.name, func(t *testing.T) {
				got, err := querywire.Marshal(d.dialect, tc.action, "2020-01-08", tc.shape, tc.value)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(tc.body, string(got)); diff != "" {
					t.Errorf("body (-want +got):\n%s", diff)
				}
			})
		}
	}
}

func TestNaNIsSpelledNaN(t *testing.T) {
	got, err := querywire.Marshal(querywire.AWSQuery, "SimpleInputParams", "2020-01-08", &simpleShape, &simpleInput{FloatValue: ptr(float32(math.NaN())), Boo: ptr(math.NaN())})
	if err != nil {
		t.Fatal(err)
	}
	want := "Action=SimpleInputParams&Version=2020-01-08&FloatValue=NaN&Boo=NaN"
	if string(got) != want {
		t.Errorf("body = %s, want %s", got, want)
	}
	var back simpleInput
	if err := querywire.Unmarshal(querywire.AWSQuery, got, &simpleShape, &back); err != nil {
		t.Fatal(err)
	}
	if back.Boo == nil || !math.IsNaN(*back.Boo) || back.FloatValue == nil || !math.IsNaN(float64(*back.FloatValue)) {
		t.Errorf("decoded %+v, want NaN in FloatValue and Boo", back)
	}
}

func TestUnmarshalReadsWhatMarshalWrites(t *testing.T) {
	for _, d := range dialects() {
		for _, tc := range d.cases {
			if tc.shape == nil {
				continue
			}
			t.Run(d.name+" "+tc.name, func(t *testing.T) {
				got := newOf(tc.value)
				if err := querywire.Unmarshal(d.dialect, []byte(tc.body), tc.shape, got); err != nil {
					t.Fatal(err)
				}
				want := tc.value
				if d.dialect == querywire.EC2Query {
					want = withoutEmptyLists(want)
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("decoded (-want +got):\n%s", diff)
				}
			})
		}
	}
}

// newOf returns a pointer to a new zero value of v's type.
func newOf(v any) any {
	switch v.(type) {
	case *nestedStructures:
		return &nestedStructures{}
	case *listsInput:
		return &listsInput{}
	case *mapsInput:
		return &mapsInput{}
	case *simpleInput:
		return &simpleInput{}
	case *timestampsInput:
		return &timestampsInput{}
	}
	panic("no type")
}

// withoutEmptyLists is v as ec2Query carries it: an empty list is absent.
func withoutEmptyLists(v any) any {
	if l, ok := v.(*listsInput); ok && l.ListArg != nil && len(l.ListArg) == 0 {
		c := *l
		c.ListArg = nil
		return &c
	}
	return v
}

func TestUnmarshalAcceptsWhatOtherClientsSend(t *testing.T) {
	for _, tc := range []struct {
		name string
		body string
		want *simpleInput
	}{
		{"keys in any order, + as a space, lower-case hex", "Foo=a+b%c3%a9&Version=1&Action=X&Bar=c", &simpleInput{Foo: ptr("a bé"), Bar: ptr("c")}},
		{"an empty part is skipped", "Action=X&&Foo=a&", &simpleInput{Foo: ptr("a")}},
		{"an empty value is an empty string", "Foo=", &simpleInput{Foo: ptr("")}},
		{"an empty body is an empty input", "", &simpleInput{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := &simpleInput{}
			if err := querywire.Unmarshal(querywire.AWSQuery, []byte(tc.body), &simpleShape, got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("decoded (-want +got):\n%s", diff)
			}
		})
	}
}

func TestUnmarshalRefusesMalformedBodies(t *testing.T) {
	for _, tc := range []struct {
		name    string
		dialect querywire.Dialect
		shape   *schema.Shape
		body    string
		want    string
	}{
		{"a truncated percent-encoding", querywire.AWSQuery, &simpleShape, "Foo=a%2", "query: malformed percent-encoding at key 'Foo'"},
		{"a percent-encoding that is not hex", querywire.AWSQuery, &simpleShape, "Fo%zz=a", "query: malformed percent-encoding at key 'Fo%zz'"},
		{"a key without a value", querywire.AWSQuery, &simpleShape, "Action=X&Foo", "query: a key without '=' at key 'Foo'"},
		{"a repeated key", querywire.AWSQuery, &simpleShape, "Foo=a&Bar=b&Foo=c", "query: a repeated key at key 'Foo'"},
		{"a key that names no member", querywire.AWSQuery, &simpleShape, "Nope=1", "query: a key that names no member at key 'Nope'"},
		{"an ec2Query key spelled as awsQuery's", querywire.EC2Query, &simpleShape, "usesXmlName=1", "query: a key that names no member at key 'usesXmlName'"},
		{"an empty segment", querywire.AWSQuery, &listsShape, "ListArg..1=a", "query: an empty segment at key 'ListArg..1'"},
		{"an empty key", querywire.AWSQuery, &simpleShape, "=a", "query: an empty key"},
		{"a key below a scalar", querywire.AWSQuery, &simpleShape, "Foo.Bar=a", "query: a key below a value that has no members at key 'Foo.Bar'"},
		{"a scalar and a key below it", querywire.AWSQuery, &simpleShape, "Foo=a&Foo.Bar=b", "query: a key below a value that has no members at key 'Foo.Bar'"},
		{"a value for a structure", querywire.AWSQuery, &nestedStructuresShape, "Nested=x", "query: a value for a structure, which has members at key 'Nested'"},
		{"a boolean that is not true or false", querywire.AWSQuery, &simpleShape, "Baz=True", "query: expected true or false, found 'True' at key 'Baz'"},
		{"an integer out of range", querywire.AWSQuery, &simpleShape, "Bam=2147483648", "query: expected a 32-bit integer, found '2147483648' at key 'Bam'"},
		{"a float spelled as strconv would", querywire.AWSQuery, &simpleShape, "Boo=inf", "query: expected a number, found 'inf' at key 'Boo'"},
		{"hexadecimal floats", querywire.AWSQuery, &simpleShape, "Boo=0x1p4", "query: expected a number, found '0x1p4' at key 'Boo'"},
		{"malformed base64", querywire.AWSQuery, &simpleShape, "Qux=%%%", "query: malformed percent-encoding at key 'Qux'"},
		{"base64 that is not", querywire.AWSQuery, &simpleShape, "Qux=a", "query: expected base64, found 'a' at key 'Qux'"},
		{"a timestamp that is not RFC 3339", querywire.AWSQuery, &timestampsShape, "normalFormat=yesterday", "query: expected a timestamp, found 'yesterday' at key 'normalFormat'"},
		{"an unwrapped awsQuery list", querywire.AWSQuery, &listsShape, "ListArg.1=a", "query: expected the segment 'member' at key 'ListArg.1'"},
		{"a wrapped ec2Query list", querywire.EC2Query, &listsShape, "ListArg.member.1=a", "query: an index that is not from 1 to the number of items (1) at key 'ListArg.member.1'"},
		{"an index of zero", querywire.AWSQuery, &listsShape, "ListArg.member.0=a", "query: an index that is not from 1 to the number of items (1) at key 'ListArg.member.0'"},
		{"an index with a leading zero", querywire.AWSQuery, &listsShape, "ListArg.member.01=a", "query: an index that is not from 1 to the number of items (1) at key 'ListArg.member.01'"},
		{"an index far past the items", querywire.AWSQuery, &listsShape, "ListArg.member.999999999=a", "query: an index that is not from 1 to the number of items (1) at key 'ListArg.member.999999999'"},
		{"a gap in the indexes", querywire.AWSQuery, &listsShape, "ListArg.member.1=a&ListArg.member.3=c", "query: an index that is not from 1 to the number of items (2) at key 'ListArg.member.3'"},
		{"a value for a list", querywire.AWSQuery, &listsShape, "ListArg=a", "query: a value for a list, which has items at key 'ListArg'"},
		{"a map entry without its value", querywire.AWSQuery, &mapsShape, "MapArg.entry.1.key=a", "query: a map entry without its value at key 'MapArg.entry.1.key'"},
		{"a map entry without its key", querywire.AWSQuery, &mapsShape, "MapArg.entry.1.value=a", "query: a map entry without its key at key 'MapArg.entry.1.value'"},
		{"a repeated map key", querywire.AWSQuery, &mapsShape, "MapArg.entry.1.key=a&MapArg.entry.1.value=1&MapArg.entry.2.key=a&MapArg.entry.2.value=2", "query: a repeated map key 'a' at key 'MapArg.entry.2.value'"},
		{"a map entry with another segment", querywire.AWSQuery, &mapsShape, "MapArg.entry.1.key=a&MapArg.entry.1.other=1", "query: expected the segment 'key' or 'value' at key 'MapArg.entry.1.other'"},
		{"too many segments", querywire.AWSQuery, &nestedStructuresShape, "Nested" + strings.Repeat(".RecursiveArg", 64) + ".StringArg=a", "query: more than 64 segments at key '" + ("Nested" + strings.Repeat(".RecursiveArg", 64))[:200] + "...'"},
		{"too many keys", querywire.AWSQuery, &simpleShape, strings.Repeat("Foo=a&", querywire.MaxKeys+1), "query: more than 10000 keys"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := newValueOf(tc.shape)
			err := querywire.Unmarshal(tc.dialect, []byte(tc.body), tc.shape, v)
			var qe *querywire.Error
			if !errors.As(err, &qe) {
				t.Fatalf("Unmarshal(%s) = %v, want a *querywire.Error", tc.body, err)
			}
			if diff := cmp.Diff(tc.want, err.Error()); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
}

func newValueOf(s *schema.Shape) any {
	switch s {
	case &simpleShape:
		return &simpleInput{}
	case &listsShape:
		return &listsInput{}
	case &mapsShape:
		return &mapsInput{}
	case &nestedStructuresShape:
		return &nestedStructures{}
	case &timestampsShape:
		return &timestampsInput{}
	}
	panic("no type")
}

func TestOperationReadsActionAndVersion(t *testing.T) {
	for _, tc := range []struct {
		name, body, action, version, err string
	}{
		{"first", "Action=Publish&Version=2010-03-31&TopicArn=x", "Publish", "2010-03-31", ""},
		{"anywhere", "TopicArn=x&Version=2010-03-31&Action=Publish", "Publish", "2010-03-31", ""},
		{"missing", "TopicArn=x", "", "", ""},
		{"a malformed Action", "Action=Pub%2", "", "", "query: malformed percent-encoding at key 'Action'"},
		{"beside a malformed key", "Action=Publish&Mess%zzage=x&Version=1&Foo", "Publish", "1", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			action, version, err := querywire.Operation([]byte(tc.body))
			got := ""
			if err != nil {
				got = err.Error()
			}
			if diff := cmp.Diff([]string{tc.action, tc.version, tc.err}, []string{action, version, got}); diff != "" {
				t.Errorf("Operation (-want +got):\n%s", diff)
			}
		})
	}
}

func TestADocumentHasNoFormEncoding(t *testing.T) {
	type withDoc struct{ Doc []byte }
	shape := schema.Shape{Kind: schema.KindStruct, Type: (*withDoc)(nil), Members: []schema.Member{{Name: "Doc", Shape: &schema.Document}}}
	if _, err := querywire.Marshal(querywire.AWSQuery, "A", "1", &shape, &withDoc{Doc: []byte(`{}`)}); err == nil {
		t.Error("Marshal of a document: no error")
	}
}

// FuzzUnmarshal decodes arbitrary bodies into every test shape in both
// dialects: never a panic, and what decodes encodes to a body that decodes
// to a value encoded the same way.
func FuzzUnmarshal(f *testing.F) {
	for _, d := range dialects() {
		for _, tc := range d.cases {
			f.Add(tc.body)
		}
	}
	f.Add("ListArg.member.2=a&ListArg.member.1=b")
	f.Add("MapOfLists.entry.1.key=a&MapOfLists.entry.1.value.member.1=x")
	shapes := []*schema.Shape{&simpleShape, &listsShape, &mapsShape, &nestedStructuresShape, &timestampsShape}
	f.Fuzz(func(t *testing.T, body string) {
		for _, s := range shapes {
			for _, d := range []querywire.Dialect{querywire.AWSQuery, querywire.EC2Query} {
				v := newValueOf(s)
				if querywire.Unmarshal(d, []byte(body), s, v) != nil {
					continue
				}
				again, err := querywire.Marshal(d, "A", "1", s, v)
				if err != nil {
					t.Fatalf("Marshal of what %q decoded to: %v", body, err)
				}
				w := newValueOf(s)
				if err := querywire.Unmarshal(d, again, s, w); err != nil {
					t.Fatalf("Unmarshal(%s), re-encoded from %q: %v", again, body, err)
				}
				// A form has no way to say an empty structure: the
				// second encoding must equal the first, not the
				// values.
				third, err := querywire.Marshal(d, "A", "1", s, w)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(string(again), string(third)); diff != "" {
					t.Fatalf("%q re-encoded as %s, then as %s (-first +second):\n%s", body, again, third, diff)
				}
			}
		}
	})
}

// TestHostileBodiesCostNoMoreThanTheirSize decodes bodies made to make a
// decoder allocate: what decoding allocates stays within a small multiple
// of the body's size, whether it succeeds or fails.
func TestHostileBodiesCostNoMoreThanTheirSize(t *testing.T) {
	var indexes strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&indexes, "ListArg.member.%d=a&", 999999999-i)
	}
	var listOfMaps strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&listOfMaps, "MapOfLists.entry.%d.key=k%d&MapOfLists.entry.%d.value.member.1=v&", i+1, i, i+1)
	}
	var deep strings.Builder
	for k := range 63 {
		deep.WriteString("Nested" + strings.Repeat(".RecursiveArg", k) + ".StringArg=a&")
	}
	for _, tc := range []struct {
		name  string
		shape *schema.Shape
		body  string
	}{
		{"huge list indexes", &listsShape, indexes.String()},
		{"as many keys as allowed", &simpleShape, strings.Repeat("Foo=a&", querywire.MaxKeys)},
		{"keys nested as deep as allowed", &nestedStructuresShape, deep.String()},
		{"a large valid map of lists", &mapsShape, listOfMaps.String()},
		{"long percent-encoded values", &simpleShape, "Foo=" + strings.Repeat("%41", 100000)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := newValueOf(tc.shape)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_ = querywire.Unmarshal(querywire.AWSQuery, []byte(tc.body), tc.shape, v)
			runtime.ReadMemStats(&after)
			if got, limit := after.TotalAlloc-before.TotalAlloc, uint64(20*len(tc.body)+64<<10); got > limit {
				t.Errorf("decoding %d bytes allocated %d bytes, over %d", len(tc.body), got, limit)
			}
		})
	}
}
