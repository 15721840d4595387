// Package codectest holds what the body codecs' tests share: a recursive
// structure and its shapes, standing for generated ones. Only tests
// import it.
package codectest

import (
	"unsafe"

	"github.com/specgen/specgen/specrt/schema"
)

// Node is a recursive structure: a list of itself and a pointer to itself,
// laid out as the generator lays out structures.
type Node struct {
	Name     *string
	Children []Node
	Next     *Node
}

// NodeShape describes Node, with the wire names name, children and next.
var NodeShape = schema.Shape{Kind: schema.KindStruct, Type: (*Node)(nil), Members: []schema.Member{
	{Name: "name", Offset: unsafe.Offsetof(Node{}.Name), Shape: &schema.String},
	{Name: "children", Offset: unsafe.Offsetof(Node{}.Children), Shape: &nodeList},
	{Name: "next", Offset: unsafe.Offsetof(Node{}.Next)}, // Shape set in init: a cycle
}}

var nodeList = schema.Shape{Kind: schema.KindList, Type: (*[]Node)(nil)} // Elem set in init: a cycle

func init() {
	NodeShape.Members[2].Shape = &NodeShape
	nodeList.Elem = &NodeShape
}
