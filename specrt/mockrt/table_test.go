package mockrt

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type tableEntry struct {
	Scope uint64
	S     string
}

func entryKey(e *tableEntry) (uint64, string) { return e.Scope, e.S }

// check compares t with want: every key of want found, its element the
// one want has, and nothing else held.
func checkTable(t *testing.T, tab *table[tableEntry], want map[tableEntry]*tableEntry) {
	t.Helper()
	for k, e := range want {
		if got := tab.get(k.Scope, k.S); got != e {
			t.Fatalf("get(%d, %q) = %v, want %v", k.Scope, k.S, got, e)
		}
	}
	if tab.n != len(want) {
		t.Fatalf("the table counts %d elements, holds %d", tab.n, len(want))
	}
}

func TestATableAgreesWithAMapThroughPutsReplacesAndDeletes(t *testing.T) {
	for _, tc := range []struct {
		name string
		keys int // distinct keys drawn from: few keys make long runs and many replaces
		ops  int
	}{
		{"a few keys, replaced and deleted over and over", 12, 2000},
		{"many keys, the table grown several times", 3000, 20000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, uint64(tc.keys)))
			tab := newTable(entryKey)
			want := map[tableEntry]*tableEntry{}
			for i := range tc.ops {
				k := tableEntry{Scope: uint64(rng.IntN(3)), S: fmt.Sprint("k", rng.IntN(tc.keys))}
				switch e := want[k]; {
				case e != nil && rng.IntN(2) == 0:
					tab.del(e)
					delete(want, k)
				default:
					e := &tableEntry{k.Scope, k.S}
					tab.put(e)
					want[k] = e
				}
				if i%97 == 0 {
					checkTable(t, &tab, want)
				}
			}
			checkTable(t, &tab, want)
			got := map[tableEntry]*tableEntry{}
			tab.all(func(e *tableEntry) { got[*e] = e })
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("the table holds otherwise (-want +got):\n%s", diff)
			}
			for _, e := range want {
				tab.del(e)
			}
			checkTable(t, &tab, map[tableEntry]*tableEntry{})
		})
	}
}

func TestATableDeletesTheElementGivenNotAnotherOfItsKey(t *testing.T) {
	tab := newTable(entryKey)
	first, second := &tableEntry{0, "a"}, &tableEntry{0, "a"}
	tab.put(first)
	tab.put(second)
	tab.del(first)
	if got := tab.get(0, "a"); got != second {
		t.Errorf("deleting the replaced element took the one that replaced it: get = %p, want %p", got, second)
	}
}

func TestATableTellsScopesApart(t *testing.T) {
	tab := newTable(entryKey)
	inA, inB := &tableEntry{1, "web"}, &tableEntry{2, "web"}
	tab.put(inA)
	tab.put(inB)
	for _, tc := range []struct {
		name  string
		scope uint64
		want  *tableEntry
	}{
		{"scope 1 finds its own", 1, inA},
		{"scope 2 finds its own", 2, inB},
		{"scope 0 finds none", 0, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tab.get(tc.scope, "web"); got != tc.want {
				t.Errorf("get = %v, want %v", got, tc.want)
			}
		})
	}
}
