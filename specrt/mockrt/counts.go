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
	// Deleted makes Member count the children that were deleted (SNS's
	// SubscriptionsDeleted): it moves up as each goes, and never down.
	Deleted bool
}

type compiledCount struct {
	path    []string
	where   []countCond
	deleted bool
}

type countCond struct {
	path  []string
	value string
}

func compileCounts(cs []Count) []compiledCount {
	out := make([]compiledCount, 0, len(cs))
	for _, c := range cs {
		cc := compiledCount{path: splitPath(c.Member), deleted: c.Deleted}
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

// countWhere moves, in desc (the description of r's parent), the counts
// by value that r meets: up when r comes, down when it goes (gone or
// retired). The counts follow each child as it comes, is updated (recount)
// and goes, without reading the parent's other children; the values a
// status transition writes are not followed.
func (en *engine) countWhere(r *record, desc map[string]any) {
	k := r.kind
	if len(k.countsWhere) == 0 {
		return
	}
	delta := 1
	if r.gone || r.retired {
		delta = -1
	}
	tree := r.tree()
	for i := range k.countsWhere {
		cc := &k.countsWhere[i]
		if !cc.holds(tree) {
			continue
		}
		switch {
		case !cc.deleted:
			cc.add(r.parent, desc, delta)
		case delta < 0:
			cc.add(r.parent, desc, 1)
		}
	}
}

// recount moves the counts by value of r's parent for an update of r,
// whose description was old.
func (en *engine) recount(r *record, old string) {
	k, p := r.kind, r.parent
	if len(k.countsWhere) == 0 || p == nil || p.gone || r.retired {
		return
	}
	before, after := decodeTree([]byte(old)), r.tree()
	var desc map[string]any
	for i := range k.countsWhere {
		cc := &k.countsWhere[i]
		was, is := cc.holds(before), cc.holds(after)
		if was == is || cc.deleted {
			continue
		}
		if desc == nil {
			desc = p.tree()
		}
		if is {
			cc.add(p, desc, 1)
		} else {
			cc.add(p, desc, -1)
		}
	}
	if desc == nil {
		return
	}
	if data, err := appendJSON(nil, desc); err == nil {
		en.setDesc(p, data)
	}
}

// add moves c's count in desc, p's description, by delta.
func (c *compiledCount) add(p *record, desc map[string]any, delta int) {
	n, _ := strconv.Atoi(textOf(lookup(desc, c.path)))
	setPath(desc, c.path, p.kind.countValue(max(0, n+delta)))
}

// zeroCounts sets to zero, in tree (a description of kind k being
// loaded), the counts by value of its live children: they count again as
// each child is loaded after it. A count of those deleted is kept.
func (k *kind) zeroCounts(tree map[string]any) {
	for _, ck := range k.children {
		for _, cc := range ck.countsWhere {
			if !cc.deleted {
				setPath(tree, cc.path, k.countValue(0))
			}
		}
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
