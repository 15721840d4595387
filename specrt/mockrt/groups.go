package mockrt

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/specgen/specgen/specrt"
)

// Resources made together and listed together: EC2's RunInstances
// launches MinCount to MaxCount instances in one reservation, and
// DescribeInstances answers them reservation by reservation. A create
// with CountMax makes the resources one after the other, as a create of
// one does, and records its Group (the answer's ReservationId) with each;
// a list with GroupItems gathers the resources it lists one after the
// other that share a group into one element.

// resCreateCount runs the create b as many times as its CountMax input
// asks and joins the answers, as resCreateEach does. A count the mock
// cannot reach (its limit of resources) still succeeds with what it made
// when that is at least CountMin, as EC2 launches "as many instances as
// possible above MinCount"; else it takes back what it made and answers
// the error. A CountMin above CountMax, or below 1, is the service's
// validation error.
//
// A repeated idempotency token replays the first resource's answer only:
// the token is not kept for a request that makes several resources.
func (s *Server) resCreateCount(b *boundOp, op *compiledOp, tree map[string]any, e *env, now time.Time) ([]byte, error) {
	lo, err := s.pageLimit(lookup(tree, b.countMin), b.countMin)
	if err != nil {
		return nil, err
	}
	hi, err := s.pageLimit(lookup(tree, b.countMax), b.countMax)
	if err != nil {
		return nil, err
	}
	// A count left out (a request the mock's Default makes without
	// validating it) asks for one.
	if lookup(tree, b.countMax) == missing {
		hi = 1
	}
	lo = max(lo, 1)
	if hi < lo {
		return nil, s.validationFailed(&specrt.ValidationError{Fields: []specrt.FieldError{{
			Path: strings.Join(b.countMax, "."), Rule: specrt.RuleRange,
			Message: fmt.Sprintf("must not be less than %s (%d)", strings.Join(b.countMin, "."), lo), Value: logText(fmt.Sprint(hi)),
		}}})
	}
	one := tree
	if b.idemToken != nil && hi > 1 {
		one = make(map[string]any, len(tree))
		for key, v := range tree {
			if key != b.idemToken[0] {
				one[key] = v
			}
		}
	}
	first := s.res.seq + 1
	var joined map[string]any
	var group string
	for i := int64(0); i < hi; i++ {
		ce := *e
		ce.Input = one
		// The index is written as the binding's last set value; b is the
		// engine's, and en.mu is held.
		saved := b.set
		if b.countIndex != nil {
			index, _ := compileTemplate(json.Number(fmt.Sprint(i)))
			b.set = append(slices.Clip(saved), compiledField{path: b.countIndex, tmpl: index})
		}
		answer, err := s.resCreate(b, op, one, &ce, now)
		b.set = saved
		if err != nil {
			if i >= lo {
				break
			}
			s.res.takeBack(b, first)
			return nil, err
		}
		out := decodeTree(answer)
		if i == 0 && b.group != nil {
			group = textOf(lookup(out, b.group))
		}
		joined = join(joined, out)
	}
	if group != "" {
		s.res.markGroup(b.kind, first, group)
	}
	data, err := appendJSON(nil, joined)
	if err != nil {
		return nil, internal("the mock cannot build its output: " + err.Error())
	}
	return data, nil
}

// markGroup records group with the resources of k made from the sequence
// number first on, the last of its list of every parent.
func (en *engine) markGroup(k *kind, first uint64, group string) {
	l := k.lists[nil]
	if l == nil {
		return
	}
	if k.groups == nil {
		k.groups = map[uint64]string{}
	}
	for i := len(l.recs) - 1; i >= 0 && l.recs[i].seq >= first; i-- {
		k.groups[l.recs[i].seq] = group
	}
}

// itemsType is the type of the list b's items are: the list of
// descriptions, within each group when b groups them.
func (s *Server) itemsType(b *boundOp, op *compiledOp) *wireType {
	lt := op.outType.at(b.items)
	if b.groupItems != nil && lt != nil && lt.kind == wireList && lt.elem != nil {
		return lt.elem.at(b.groupItems)
	}
	return lt
}

// groupItemsOf gathers items, the descriptions of recs, into groups:
// resources listed one after the other that one create made share an
// element, which holds them in GroupItems and the group in GroupID; a
// resource made alone is a group of its own.
func (s *Server) groupItemsOf(b *boundOp, recs []*record, items []any, e *env) []any {
	groups := make([]any, 0, len(items))
	var cur map[string]any
	var members []any
	flush := func() {
		if cur != nil {
			setPath(cur, b.groupItems, members)
			groups = append(groups, cur)
		}
	}
	var last string
	for i, r := range recs {
		group := r.kind.groups[r.seq]
		if cur == nil || group == "" || group != last {
			flush()
			cur, members = map[string]any{}, nil
			if group != "" && b.groupID != nil {
				setPath(cur, b.groupID, group)
			}
			s.applySet(b.groupSet, cur, e)
		}
		members = append(members, items[i])
		last = group
	}
	flush()
	return groups
}
