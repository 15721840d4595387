package golang

import (
	"fmt"
	"testing"

	"github.com/dave/jennifer/jen"
	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/generator/model"
)

func TestInputDefaultsFollowStructuresOnly(t *testing.T) {
	str := &model.Shape{Name: "string", Kind: model.String}
	inner := &model.Shape{Name: "Inner", Kind: model.Structure}
	inner.Members = []*model.Member{
		{Name: "port", Shape: &model.Shape{Kind: model.Integer}, Default: int64(80)},
		{Name: "self", Shape: inner}, // a cycle must not loop
	}
	elem := &model.Shape{Name: "Elem", Kind: model.Structure, Members: []*model.Member{{Name: "x", Shape: str, Default: "no"}}}
	in := &model.Shape{Name: "In", Kind: model.Structure, Members: []*model.Member{
		{Name: "authType", Shape: str, Default: "NONE"},
		{Name: "header", Shape: str, Default: "h", Location: "header"},
		{Name: "container", Shape: inner},
		{Name: "list", Shape: &model.Shape{Kind: model.List, Member: elem}},
	}}
	var got []string
	for _, f := range inputDefaults(in, "", map[*model.Shape]bool{}) {
		got = append(got, fmt.Sprintf("%s=%v", f.Path, f.Value))
	}
	want := []string{"authType=NONE", "container.port=80"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("defaults (-want +got):\n%s", diff)
	}
}

func TestAnyValueIsDeterministic(t *testing.T) {
	v := map[string]any{"b": []any{1, "x", true, nil}, "a": map[string]any{"z": 1.5, "y": int64(2)}}
	got := fmt.Sprintf("%#v", jen.Var().Id("v").Op("=").Add(anyValue(v)))
	want := `var v = map[string]any{"a": map[string]any{"y": 2, "z": 1.5}, "b": []any{1, "x", true, nil}}`
	if got != want {
		t.Errorf("anyValue:\n got %s\nwant %s", got, want)
	}
}

func TestPredictableOutputs(t *testing.T) {
	input := map[string]any{"name": "rex", "owner": map[string]any{"plan": "BASIC"}, "tags": map[string]any{}}
	for _, tc := range []struct {
		tmpl any
		want string
		ok   bool
	}{
		{"CREATE_IN_PROGRESS", "CREATE_IN_PROGRESS", true},
		{"{input.name}", "rex", true},
		{"{input.owner.plan}", "BASIC", true},
		{"{input.tags}", "", false},
		{"{input.missing}", "", false},
		{"svc-{random:a-z:3}", "", false},
		{"{input.name}-{input.name}", "", false},
		{1, "1", true},
	} {
		got, ok := predictable(tc.tmpl, input)
		if got != tc.want || ok != tc.ok {
			t.Errorf("predictable(%v) = %q, %v; want %q, %v", tc.tmpl, got, ok, tc.want, tc.ok)
		}
	}
}
