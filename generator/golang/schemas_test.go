package golang

import (
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/generator/model"
)

func TestBackEdgesBreakEveryCycle(t *testing.T) {
	structure := func(name string) *model.Shape {
		return &model.Shape{Name: name, Kind: model.Structure, GoName: name, SchemaVar: "schema" + name}
	}
	list := func(name string, elem *model.Shape) *model.Shape {
		return &model.Shape{Name: name, Kind: model.List, Member: elem, SchemaVar: "schema" + name}
	}
	str := &model.Shape{Name: "string", Kind: model.String}
	a, b, c, self := structure("A"), structure("B"), structure("C"), structure("Self")
	as := list("AList", a)
	a.Members = []*model.Member{{Name: "b", Shape: b}, {Name: "s", Shape: str}, {Name: "hdr", Shape: c, Location: model.LocHeader}}
	b.Members = []*model.Member{{Name: "as", Shape: as}, {Name: "c", Shape: c}}
	c.Members = []*model.Member{{Name: "s", Shape: str}}
	self.Members = []*model.Member{{Name: "next", Shape: self}, {Name: "other", Shape: self}}

	tests := []struct {
		name   string
		shapes []*model.Shape
		want   []string
	}{
		{"a loop through a list is cut where the walk meets it again", []*model.Shape{a, as, b, c}, []string{"AList[0]->A"}},
		{"a shape that refers to itself twice has both references cut", []*model.Shape{self}, []string{"Self[0]->Self", "Self[1]->Self"}},
		{"shapes without a loop keep every reference", []*model.Shape{c}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for e := range backEdges(tc.shapes) {
				got = append(got, e.from.Name+"["+string(rune('0'+e.i))+"]->"+e.to.Name)
			}
			sort.Strings(got)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("back edges (-want +got)\n%s", diff)
			}
		})
	}
}
