package mockrt

import (
	"encoding/json"
	"testing"
	"time"
	"unsafe"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/specrt"
	"github.com/specgen/specgen/specrt/schema"
)

// untagged stands for a protocol-neutral generated type: no struct tags at
// all. Its codec shape alone says how its members travel.
type untagged struct {
	Name   *string
	Auth   AuthType
	Auths  []AuthType
	At     *time.Time
	List   []time.Time
	Dates  map[string]time.Time
	Epoch  *time.Time
	Child  *untagged
	Hidden *string // bound elsewhere: not in the shape
}

var (
	schemaAuths    = schema.Shape{Kind: schema.KindList, Type: (*[]AuthType)(nil), Elem: &schema.Enum}
	schemaISOList  = schema.Shape{Kind: schema.KindList, Type: (*[]time.Time)(nil), Elem: &schema.ISO8601}
	schemaDateMap  = schema.Shape{Kind: schema.KindMap, Type: (*map[string]time.Time)(nil), Elem: &schema.HTTPDate}
	schemaUntagged schema.Shape
)

func init() {
	schemaUntagged = schema.Shape{Kind: schema.KindStruct, Type: (*untagged)(nil), Members: []schema.Member{
		{Name: "name", Offset: unsafe.Offsetof(untagged{}.Name), Shape: &schema.String},
		{Name: "authType", Offset: unsafe.Offsetof(untagged{}.Auth), Shape: &schema.Enum},
		{Name: "authTypes", Offset: unsafe.Offsetof(untagged{}.Auths), Shape: &schemaAuths},
		{Name: "at", Offset: unsafe.Offsetof(untagged{}.At), Shape: &schema.ISO8601},
		{Name: "list", Offset: unsafe.Offsetof(untagged{}.List), Shape: &schemaISOList},
		{Name: "dates", Offset: unsafe.Offsetof(untagged{}.Dates), Shape: &schemaDateMap},
		{Name: "epoch", Offset: unsafe.Offsetof(untagged{}.Epoch), Shape: &schema.EpochSeconds},
		{Name: "child", Offset: unsafe.Offsetof(untagged{}.Child), Shape: &schemaUntagged},
	}}
}

func TestOutputsAreTrimmedToTheirCodecShape(t *testing.T) {
	w := wireTypeOfShape(&schemaUntagged)
	for _, tc := range []struct {
		name     string
		in, want map[string]any
	}{
		{"members keep the shape's wire names",
			map[string]any{"name": "a", "Name": "b", "Hidden": "c", "hidden": "d"},
			map[string]any{"name": "a"}},
		{"an enum value its Go type does not list is left out",
			map[string]any{"authType": "BASIC", "authTypes": []any{"NONE", "BASIC", "AWS_IAM"}},
			map[string]any{"authTypes": []any{"NONE", "AWS_IAM"}}},
		{"an enum value its Go type lists is kept",
			map[string]any{"authType": "AWS_IAM"},
			map[string]any{"authType": "AWS_IAM"}},
		{"timestamps take their member shape's format",
			map[string]any{"at": json.Number("0"), "list": []any{json.Number("1.5")},
				"dates": map[string]any{"a": json.Number("0")}, "epoch": json.Number("7")},
			map[string]any{"at": "1970-01-01T00:00:00Z", "list": []any{"1970-01-01T00:00:01.5Z"},
				"dates": map[string]any{"a": "Thu, 01 Jan 1970 00:00:00 GMT"}, "epoch": json.Number("7")}},
		{"a recursive member is trimmed by the same shape",
			map[string]any{"child": map[string]any{"name": "x", "Name": "y", "at": json.Number("0")}},
			map[string]any{"child": map[string]any{"name": "x", "at": "1970-01-01T00:00:00Z"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := w.trim(tc.in, nil, nil)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func TestRequestsNamingAnEmptyEnumOfACodecShapeAreReported(t *testing.T) {
	w := wireTypeOfShape(&schemaUntagged)
	var r specrt.Report
	var root specrt.Path
	w.trim(map[string]any{"authType": "", "child": map[string]any{"authType": ""}}, &root, &r)
	r.SortFrom(0)
	ve, ok := r.Err().(*specrt.ValidationError)
	if !ok {
		t.Fatalf("got %v, want a validation error", r.Err())
	}
	var got []string
	for _, f := range ve.Fields {
		got = append(got, f.Path+": "+f.Message)
	}
	want := []string{"authType: must be one of NONE, AWS_IAM", "child.authType: must be one of NONE, AWS_IAM"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}
