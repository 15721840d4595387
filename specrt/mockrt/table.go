package mockrt

import "hash/maphash"

// table is a hash index of elements that hold their own keys: an
// open-addressed array of pointers (linear probing, deletion by backward
// shift, no tombstones), so that an entry costs one pointer slot, about 13
// bytes at the table's load, where a Go map of string keys costs the key
// and the value again with the map's slack, about 43 bytes. A key is a
// scope (0 for none: a parent's sequence number for names, which are
// unique within a parent) and a string, both read from the element by key.
type table[E any] struct {
	slots []*E
	n     int
	seed  maphash.Seed
	key   func(*E) (scope uint64, s string)
}

func newTable[E any](key func(*E) (uint64, string)) table[E] {
	return table[E]{seed: maphash.MakeSeed(), key: key}
}

// home is the slot where the search for a key starts.
func (t *table[E]) home(scope uint64, s string) int {
	h := maphash.String(t.seed, s) ^ scope*0x9e3779b97f4a7c15
	h ^= h >> 29
	return int(h & uint64(len(t.slots)-1))
}

// get returns the element of the key, nil when there is none.
func (t *table[E]) get(scope uint64, s string) *E {
	if t.n == 0 {
		return nil
	}
	mask := len(t.slots) - 1
	for i := t.home(scope, s); t.slots[i] != nil; i = (i + 1) & mask {
		if sc, k := t.key(t.slots[i]); sc == scope && k == s {
			return t.slots[i]
		}
	}
	return nil
}

// put adds e, replacing the element of the same key, if any.
func (t *table[E]) put(e *E) {
	if (t.n+1)*4 > len(t.slots)*3 {
		t.grow()
	}
	scope, s := t.key(e)
	mask := len(t.slots) - 1
	i := t.home(scope, s)
	for ; t.slots[i] != nil; i = (i + 1) & mask {
		if sc, k := t.key(t.slots[i]); sc == scope && k == s {
			t.slots[i] = e
			return
		}
	}
	t.slots[i] = e
	t.n++
}

// del removes e itself (not another element of its key), when held. The
// elements after it in its run move back so that every search still
// reaches its element without crossing an empty slot.
func (t *table[E]) del(e *E) {
	if t.n == 0 {
		return
	}
	mask := len(t.slots) - 1
	i := t.home(t.key(e))
	for t.slots[i] != e {
		if t.slots[i] == nil {
			return
		}
		i = (i + 1) & mask
	}
	for j := i; ; {
		j = (j + 1) & mask
		if t.slots[j] == nil {
			break
		}
		// The element at j may fill the hole at i unless its home lies
		// cyclically in (i, j].
		h := t.home(t.key(t.slots[j]))
		if i <= j && i < h && h <= j || i > j && (i < h || h <= j) {
			continue
		}
		t.slots[i] = t.slots[j]
		i = j
	}
	t.slots[i] = nil
	t.n--
}

func (t *table[E]) grow() {
	old := t.slots
	t.slots = make([]*E, max(8, 2*len(old)))
	mask := len(t.slots) - 1
	for _, e := range old {
		if e == nil {
			continue
		}
		i := t.home(t.key(e))
		for t.slots[i] != nil {
			i = (i + 1) & mask
		}
		t.slots[i] = e
	}
}

// all calls fn for each element, in no particular order.
func (t *table[E]) all(fn func(*E)) {
	for _, e := range t.slots {
		if e != nil {
			fn(e)
		}
	}
}
