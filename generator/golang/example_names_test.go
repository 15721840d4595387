package golang

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/generator/model"
)

func TestExamplePrintsOnlyOneLineValues(t *testing.T) {
	str := &model.Shape{Name: "string", Kind: model.String}
	out := &model.Shape{Name: "Out", Kind: model.Structure, GoName: "Out", Members: []*model.Member{
		{Name: "a", GoName: "A", Shape: str},
		{Name: "b", GoName: "B", Shape: str},
	}}
	op := &model.Operation{Name: "Do", Output: out, Mock: &model.OperationMock{
		Example: map[string]any{},
		Output: []*model.MockField{
			{Path: "a", Value: "one\n*/ var x = 1 /*"},
			{Path: "b", Value: "two"},
		},
	}}
	_, want := examplePrints(&Package{Service: &model.Service{}}, op)
	if diff := cmp.Diff([]string{"b: two"}, want); diff != "" {
		t.Errorf("Output lines (-want +got):\n%s", diff)
	}
}
