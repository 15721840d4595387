package golang

import (
	"fmt"
	"sort"
	"strings"
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

func TestSchemasGiveTimestampElementsTheirShapesFormat(t *testing.T) {
	stamp := func(name, format string) *model.Shape {
		return &model.Shape{Name: name, Kind: model.Timestamp, Traits: model.Traits{TimestampFormat: format}}
	}
	str := &model.Shape{Name: "String", Kind: model.String}
	tests := []struct {
		name string
		coll *model.Shape
		want string
	}{
		{"a list of ISO 8601 timestamps", &model.Shape{Name: "IsoList", Kind: model.List, Member: stamp("Iso", model.ISO8601Format)}, "Elem: &schema.ISO8601"},
		{"a map of HTTP-date timestamps", &model.Shape{Name: "DateMap", Kind: model.Map, Key: str, Value: stamp("Date", model.HTTPDateFormat)}, "Elem: &schema.HTTPDate"},
		{"a list of epoch-seconds timestamps", &model.Shape{Name: "EpochList", Kind: model.List, Member: stamp("Epoch", model.EpochSecondsFormat)}, "Elem: &schema.EpochSeconds"},
		// The protocol's default: epoch seconds in JSON, RFC 3339 in XML.
		{"a list of timestamps of no format", &model.Shape{Name: "StampList", Kind: model.List, Member: stamp("Stamp", "")}, "Elem: &schema.Timestamp"},
	}
	for _, tc := range tests {
		t.Run(tc.name+" takes the element's format", func(t *testing.T) {
			tc.coll.SchemaVar = "schema" + tc.coll.Name
			in := &model.Shape{Name: "In", GoName: "In", Kind: model.Structure, SchemaVar: "schemaIn",
				Members: []*model.Member{{Name: "stamps", GoName: "Stamps", Shape: tc.coll}}}
			p := &Package{Service: &model.Service{Package: "svc", Operations: []*model.Operation{{Name: "Op", Input: in, Output: in}}}, ImportPath: "example.com/svc"}
			got := fmt.Sprintf("%#v", emitSchemas(p))
			if !strings.Contains(got, tc.want) {
				t.Errorf("schemas.go has no %q:\n%s", tc.want, got)
			}
		})
	}
}

func TestBodyMembersNameTheirTimestampsFormat(t *testing.T) {
	stamp := func(format string) *model.Shape {
		return &model.Shape{Kind: model.Timestamp, Traits: model.Traits{TimestampFormat: format}}
	}
	str := &model.Shape{Kind: model.String}
	member := func(s *model.Shape, format, location string) *model.Member {
		m := &model.Member{Name: "m", GoName: "M", Shape: s, Location: location}
		m.TimestampFormat = format
		return m
	}
	tests := []struct {
		name string
		m    *model.Member
		want string
	}{
		{"an ISO 8601 timestamp member", member(stamp(""), model.ISO8601Format, ""), model.ISO8601Format},
		{"a list of ISO 8601 timestamps", member(&model.Shape{Kind: model.List, Member: stamp(model.ISO8601Format)}, "", ""), model.ISO8601Format},
		{"a map of HTTP-date timestamps", member(&model.Shape{Kind: model.Map, Key: str, Value: stamp(model.HTTPDateFormat)}, "", ""), model.HTTPDateFormat},
		{"a list of epoch-seconds timestamps", member(&model.Shape{Kind: model.List, Member: stamp(model.EpochSecondsFormat)}, "", ""), ""},
		{"a list of strings", member(&model.Shape{Kind: model.List, Member: str}, "", ""), ""},
		{"a header timestamp, which is not in the body", member(stamp(""), model.ISO8601Format, model.LocHeader), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name+" travels as "+tc.want, func(t *testing.T) {
			if got := bodyTimeFormat(tc.m); got != tc.want {
				t.Errorf("bodyTimeFormat = %q, want %q", got, tc.want)
			}
			if tags := fieldTags(tc.m); len(tags) != 0 {
				t.Errorf("struct tags %v, want none: the format is the schema's", tags)
			}
		})
	}
}
