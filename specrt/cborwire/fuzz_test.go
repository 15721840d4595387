package cborwire

import (
	"encoding/hex"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// FuzzUnmarshal feeds the decoder arbitrary bytes: it must never panic,
// and whatever it accepts must encode and decode again to the same value.
// The seeds cover indefinite lengths, huge declared lengths, invalid tags,
// deep nesting and every major type.
func FuzzUnmarshal(f *testing.F) {
	for _, seed := range []string{
		"a0", "bfff", "f6",
		"a4 65636f756e74 1a7fffffff 63626967 3b7fffffffffffffff 626f6e f5 626964 6161",
		"a2 65726174696f f94100 6573636f7265 fa40f40000",
		"a1 626174 c1fb41cc37db380fbe77",
		"a1 626174 c0 6161",
		"a1 6464617461 5f 4166 426f6f ff",
		"a1 626964 7f 6161 626263 60 ff",
		"a1 6473756273 bf 616b a1 65636f756e74 01 ff",
		"a1 656974656d73 82 a0 a1 6474616773 82 6161 6162",
		"a1 646e756d73 9b ffffffffffffffff",
		"a1 666c6162656c73 ba 7fffffff 6161 f5",
		"a1 6178 818181818181818181818181 00",
		"a1 6178 c1c1c1c1 00",
		"a1 6178 f814",
		"a1 656c69737473 82 81 6161 80",
		"a1 6574696d6573 81 c11a535fefce",
	} {
		f.Add(cbor(f, seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		first := &item{}
		if Unmarshal(data, &schemaItem, first) != nil {
			return
		}
		again, err := Marshal(&schemaItem, first)
		if err != nil {
			t.Fatalf("Marshal of what %s decoded to: %v", hex.EncodeToString(data), err)
		}
		second := &item{}
		if err := Unmarshal(again, &schemaItem, second); err != nil {
			t.Fatalf("Unmarshal of the re-encoded %s: %v", hex.EncodeToString(again), err)
		}
		if diff := cmp.Diff(first, second, equateNaN, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("decode, encode, decode of %s changed the value (-first +second):\n%s", hex.EncodeToString(data), diff)
		}
	})
}
