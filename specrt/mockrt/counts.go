package mockrt

import (
	"encoding/json"
	"strconv"
	"strings"
)

// Count is a description member that counts the live children of a kind
// whose description members Where name have the values Where gives (SNS's
// SubscriptionsPending counts the subscriptions whose PendingConfirmation
// is "true").
type Count struct {
	// Member is the parent's description member holding the count.
	Member string
	// Where are the child's description member paths and the value each
	// must have, compared as text.
	Where []Field
}

type compiledCount struct {
	path  []string
	where []countCond
}

type countCond struct {
	path  []string
	value string
}

func compileCounts(cs []Count) []compiledCount {
	out := make([]compiledCount, 0, len(cs))
	for _, c := range cs {
		cc := compiledCount{path: splitPath(c.Member)}
		for _, w := range c.Where {
			cc.where = append(cc.where, countCond{strings.Split(w.Path, "."), textOf(w.Value)})
		}
		out = append(out, cc)
	}
	return out
}

// countValue is n as k's description holds a count: a number, or in a
// map of strings (Resource.Attributes) its text.
func (k *kind) countValue(n int) any {
	if k.Attributes != "" {
		return strconv.Itoa(n)
	}
	return json.Number(strconv.Itoa(n))
}

// countWhere writes into desc, p's description, k's counts by value. It
// reads every live child of p of kind k: a count by value costs the
// parent's children, where a plain count costs nothing.
func (en *engine) countWhere(k *kind, p *record, desc map[string]any) {
	if len(k.countsWhere) == 0 {
		return
	}
	n := make([]int, len(k.countsWhere))
	if l := k.lists[p]; l != nil {
		for _, c := range l.recs {
			if c.gone || c.retired {
				continue
			}
			tree := c.tree()
			for i, cc := range k.countsWhere {
				if cc.holds(tree) {
					n[i]++
				}
			}
		}
	}
	for i, cc := range k.countsWhere {
		setPath(desc, cc.path, p.kind.countValue(n[i]))
	}
}

// holds tells whether a child's description meets every condition of c.
func (c *compiledCount) holds(tree map[string]any) bool {
	for _, w := range c.where {
		if v := lookup(tree, w.path); v == missing || textOf(v) != w.value {
			return false
		}
	}
	return true
}
