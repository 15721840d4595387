// Package jsonwire is the JSON body codec of the JSON protocols (awsJson1_0,
// awsJson1_1, restJson1): one engine that encodes and decodes any generated
// type from a compact description of its shape, emitted by specgen as data
// (package schema: a Shape per structure, list and map, a Member per body
// member with its wire name and the field's offset).
//
// Generated code used to spell out a decoder per structure and lean on
// encoding/json, struct tags and MarshalJSON wrappers for encoding. Shapes
// as data cost a few lines per member instead of a function per structure,
// which is most of what a service package takes to compile, and the engine
// reads and writes fields through their offsets, without reflection on the
// hot path (reflection only allocates slices and maps of composite
// elements). Wire names and timestamp formats are the protocol's model
// data here, not struct tags: DESIGN.md's second seam.
//
// Decoding matches member names exactly (as the services and the AWS SDKs
// do), skips unknown members, treats null as absent, reads NaN and the
// infinities from strings, timestamps in the member's format, blobs as
// base64 and documents as raw JSON text. Strings are copied into shared
// chunks of text of up to 8 KiB (a decoded value keeps its strings' chunks
// alive, not the body), and pointers to scalars are carved from small
// blocks, so a large response costs a fraction of the allocations of one
// value at a time.
package jsonwire

import (
	"reflect"
	"sync/atomic"

	"github.com/specgen/specgen/specrt/internal/codec"
	"github.com/specgen/specgen/specrt/schema"
)

// typeInfo is what the codec works out once per shape, kept in the shape's
// schema.SlotJSON: the Go type and, for structures with many members, an
// index by wire name.
type typeInfo struct {
	typ   reflect.Type   // the struct, slice or map type
	elem  reflect.Type   // a slice's element or a map's value
	size  uintptr        // the size of elem
	index nameTable      // member by wire name or alias
	order []atomic.Int32 // a struct's member order, learned: see decoder.object
}

// linearMembers is the number of members up to which a structure finds a
// member by comparing names in turn rather than through a map.
const linearMembers = 8

// infoOf returns the shape's typeInfo, working it out on first use.
func infoOf(s *schema.Shape) *typeInfo {
	if ti, ok := s.Cached(schema.SlotJSON).(*typeInfo); ok {
		return ti
	}
	ti := &typeInfo{}
	ti.typ, ti.elem, ti.size = codec.GoTypes(s)
	if len(s.Members) > linearMembers {
		ti.index = newNameTable(s.Members)
	}
	if s.Kind == schema.KindStruct {
		ti.order = make([]atomic.Int32, len(s.Members)+1)
	}
	s.SetCached(schema.SlotJSON, ti)
	return ti
}

// find returns the index of the member a key names, or -1. Bodies usually
// list members in the model's order, so the member after the previous one
// (hint) is tried first.
func find(s *schema.Shape, key []byte, hint int) int {
	if hint < len(s.Members) && s.Members[hint].Name == string(key) {
		return hint
	}
	if len(s.Members) > linearMembers {
		return infoOf(s).index.find(key)
	}
	alias := -1
	for i := range s.Members {
		m := &s.Members[i]
		if m.Name == string(key) {
			return i
		}
		if alias < 0 && m.Alias != "" && m.Alias == string(key) {
			alias = i
		}
	}
	return alias
}

// nameTable finds the member a wire name or alias names: open addressing
// with linear probing over a power-of-two table at most half full, hashed
// on the name's length and three of its bytes, which tell a structure's
// member names apart nearly always, at a fraction of the cost of hashing
// every byte.
type nameTable struct {
	mask  uint32
	slots []nameSlot
}

// nameSlot is an entry of a nameTable.
type nameSlot struct {
	name  string
	index int // the member's index plus one; 0 for an empty slot
}

// newNameTable indexes members by name, then by alias: a member's own name
// wins over another member's alias, and the first of two equal aliases
// wins.
func newNameTable(members []schema.Member) nameTable {
	names := len(members)
	for _, m := range members {
		if m.Alias != "" {
			names++
		}
	}
	size := uint32(4)
	for size < 2*uint32(names) {
		size *= 2
	}
	t := nameTable{mask: size - 1, slots: make([]nameSlot, size)}
	for i, m := range members {
		t.add(m.Name, i)
	}
	for i, m := range members {
		if m.Alias != "" && t.find([]byte(m.Alias)) < 0 {
			t.add(m.Alias, i)
		}
	}
	return t
}

func (t *nameTable) add(name string, i int) {
	for h := nameHash([]byte(name)); ; h++ {
		if sl := &t.slots[h&t.mask]; sl.index == 0 {
			*sl = nameSlot{name: name, index: i + 1}
			return
		} else if sl.name == name {
			return // a repeated name: the first keeps it
		}
	}
}

// find returns the index of the member key names, or -1.
func (t *nameTable) find(key []byte) int {
	for h := nameHash(key); ; h++ {
		sl := &t.slots[h&t.mask]
		if sl.index == 0 {
			return -1
		}
		if sl.name == string(key) {
			return sl.index - 1
		}
	}
}

// nameHash hashes a name's length and its first, middle and last bytes.
func nameHash(k []byte) uint32 {
	n := len(k)
	if n == 0 {
		return 0
	}
	h := uint32(n) ^ uint32(k[0])<<8 ^ uint32(k[n/2])<<16 ^ uint32(k[n-1])<<24
	h *= 0x9E3779B1
	return h ^ h>>16
}
