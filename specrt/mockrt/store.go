package mockrt

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"sync"

	"github.com/specgen/specgen/specrt/jsonwire"

	"github.com/specgen/specgen/specrt/schema"
)

// Store is the in-memory state of a mock: collections of items, each under a
// key, plus the idempotency tokens already answered. It is safe for
// concurrent use; Update runs a function under the store's lock so that a
// check and the write that depends on it are one atomic step.
type Store struct {
	mu     sync.Mutex
	items  map[string]map[string]*Item
	tokens map[string]*tokenEntry
	seq    int
	limits storeLimits
	bytes  int64 // what the items and tokens cost, as cost counts it
}

// storeLimits bound a store: items per collection and bytes in all. Zero
// means no limit.
type storeLimits struct {
	items int
	bytes int64
}

// Item is one stored resource. It keeps only the JSON its create answered
// (the resource's description, made of members of the output shape) and
// the state its mock block keeps, which keeps a store of many items small;
// the typed and decoded views are made when asked for.
type Item struct {
	// Key identifies the item in its collection: its unique values, or a
	// sequence number when the operation declares none.
	Key       string
	raw       []byte // the output as answered
	state     []byte // Behavior.State as JSON; nil for none
	newOutput func() any
	outShape  *schema.Shape // the output's codec shape, if known
	seq       int
}

// Fixed costs, in bytes, of an item and of a token entry beyond their
// strings (the structs, their map entries, allocation rounding), chosen so
// that Store.Bytes stays within about a tenth of the heap the items take on
// amd64 (internal/mocktest's BenchmarkStoredBytesPerResource reports both),
// so that the byte limit tracks memory.
const (
	itemOverhead  = 200
	tokenOverhead = 120
)

// cost is what an item occupies in the store.
func (it *Item) cost() int64 {
	return int64(itemOverhead + 2*len(it.Key) + len(it.raw) + len(it.state))
}

func tokenCost(collection, token string) int64 {
	return int64(tokenOverhead + len(collection) + 1 + len(token))
}

// full says which limit storing it (with an idempotency token, when not
// empty) in collection would break; "" when it fits.
func (s *Store) full(collection string, it *Item, token string) string {
	if n := s.limits.items; n > 0 && len(s.items[collection]) >= n {
		return fmt.Sprintf("the mock holds its limit of %d resources of type %s", n, collection)
	}
	add := it.cost()
	if token != "" {
		add += tokenCost(collection, token)
	}
	if n := s.limits.bytes; n > 0 && s.bytes+add > n {
		return fmt.Sprintf("the mock holds its limit of %d bytes of resources", n)
	}
	return ""
}

// Bytes returns what the stored items and idempotency tokens cost, in bytes,
// as the limit set by WithMaxStoreBytes counts them.
func (s *Store) Bytes() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.bytes
}

// Output returns a new typed output (a pointer to the generated output type)
// holding what the create answered.
func (it *Item) Output() any {
	out := it.newOutput()
	if it.outShape != nil {
		jsonwire.Unmarshal(it.raw, it.outShape, out)
	} else {
		json.Unmarshal(it.raw, out)
	}
	return out
}

// JSON returns the item's output as decoded JSON, as {existing.*} templates
// see it.
func (it *Item) JSON() map[string]any { return decodeTree(it.raw) }

// stateJSON returns the state kept with the item, as {state.*} templates
// see it.
func (it *Item) stateJSON() map[string]any { return decodeTree(it.state) }

func decodeTree(data []byte) map[string]any {
	m := map[string]any{}
	if len(data) == 0 {
		return m
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	dec.Decode(&m)
	return m
}

type tokenEntry struct {
	fingerprint [sha256.Size]byte
	item        *Item
}

// NewStore returns an empty store.
func NewStore() *Store {
	return &Store{items: map[string]map[string]*Item{}, tokens: map[string]*tokenEntry{}}
}

// Tx is the view of the store inside Update.
type Tx struct{ s *Store }

// Update runs fn with the store locked.
func (s *Store) Update(fn func(tx *Tx) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return fn(&Tx{s})
}

// Get returns the item stored under key in collection, if any.
func (tx *Tx) Get(collection, key string) (*Item, bool) {
	it, ok := tx.s.items[collection][key]
	return it, ok
}

// Put stores it in collection under it.Key, replacing any item there. An
// empty key is replaced by a fresh sequence number.
func (tx *Tx) Put(collection string, it *Item) {
	tx.s.seq++
	it.seq = tx.s.seq
	if it.Key == "" {
		it.Key = "#" + strconv.Itoa(it.seq)
	}
	c := tx.s.items[collection]
	if c == nil {
		c = map[string]*Item{}
		tx.s.items[collection] = c
	}
	if old, ok := c[it.Key]; ok {
		tx.s.bytes -= old.cost()
	}
	c[it.Key] = it
	tx.s.bytes += it.cost()
}

// Delete removes the item stored under key in collection.
func (tx *Tx) Delete(collection, key string) {
	if old, ok := tx.s.items[collection][key]; ok {
		tx.s.bytes -= old.cost()
		delete(tx.s.items[collection], key)
	}
}

func (tx *Tx) token(collection, token string) (*tokenEntry, bool) {
	e, ok := tx.s.tokens[collection+"\x00"+token]
	return e, ok
}

func (tx *Tx) putToken(collection, token string, e *tokenEntry) {
	k := collection + "\x00" + token
	if _, ok := tx.s.tokens[k]; !ok {
		tx.s.bytes += tokenCost(collection, token)
	}
	tx.s.tokens[k] = e
}

// Get returns the item stored under key in collection, if any.
func (s *Store) Get(collection, key string) (*Item, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return (&Tx{s}).Get(collection, key)
}

// List returns the items of collection in the order they were stored.
func (s *Store) List(collection string) []*Item {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]*Item, 0, len(s.items[collection]))
	for _, it := range s.items[collection] {
		out = append(out, it)
	}
	slices.SortFunc(out, func(a, b *Item) int { return a.seq - b.seq })
	return out
}

// Collections returns the names of the non-empty collections, sorted.
func (s *Store) Collections() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for name, c := range s.items {
		if len(c) > 0 {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// Reset empties the store.
func (s *Store) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items = map[string]map[string]*Item{}
	s.tokens = map[string]*tokenEntry{}
	s.bytes = 0
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
