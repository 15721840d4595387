package mockrt

import (
	"encoding/json"
	"errors"
	"strconv"
	"time"
)

// Operations bound to several kinds of resource: CloudWatch's
// DescribeAlarms lists metric alarms and composite alarms, two kinds with
// descriptions of their own (MetricAlarm, CompositeAlarm), each in its own
// output list, as the request's AlarmTypes asks (SelectWhen); its
// DeleteAlarms, EnableAlarmActions and DisableAlarmActions act on alarms
// of either kind by name. Such an operation is a list whose every binding
// says when it applies, a deleteMany or actionMany whose every binding
// passes over identifiers naming none of its resources (IgnoreMissing),
// so that each kind acts on the identifiers it knows, or an action of a
// top-level resource, run by the binding of the kind that has it
// (SetAlarmState).
//
// The kinds a list request selects are listed one after the other, in
// the order of the bindings: one kind's last page is filled up with the
// next kind's first (in its own output list), or, when it is full, its
// token is the first position of the next kind's, so that a paginator
// reads them all; a token says by its MAC which kind it continues.

// alternative records b as another binding of first's operation, when
// the two may share it.
func (en *engine) alternative(first, b *boundOp) error {
	switch {
	case isTagRoleOf(b.Role) && isTagRoleOf(first.Role):
		return nil // shared by every resource with an ARN: the first answers
	case b.Role != first.Role:
		return errors.New("bound to two resources in different roles")
	case b.Role == RoleList && (first.selectWhen == nil || b.selectWhen == nil):
		return errors.New("a list bound to several resources needs selectWhen in each binding")
	case (b.Role == RoleDeleteMany || b.Role == RoleActionMany) && (!first.IgnoreMissing || !b.IgnoreMissing):
		return errors.New("a deleteMany or actionMany bound to several resources needs ignoreMissing in each binding")
	case b.Role != RoleList && b.Role != RoleDeleteMany && b.Role != RoleActionMany && b.Role != RoleAction:
		return errors.New("only a list, a deleteMany, an actionMany or an action may be bound to several resources")
	case b.Role == RoleAction && (first.ParentIdentifier != "" || b.ParentIdentifier != "" || first.identMember != nil || b.identMember != nil):
		return errors.New("an action bound to several resources acts on top-level resources by id, name or ARN")
	case b.Role == RoleList && (first.kind.Parent != "" || b.kind.Parent != ""):
		return errors.New("a list bound to several resources lists top-level resources")
	}
	if en.alts == nil {
		en.alts = map[string][]*boundOp{}
	}
	if en.alts[b.Operation] == nil {
		en.alts[b.Operation] = []*boundOp{first}
	}
	en.alts[b.Operation] = append(en.alts[b.Operation], b)
	return nil
}

func isTagRoleOf(r Role) bool { return r == RoleTag || r == RoleUntag || r == RoleListTags }

// actingKind is the binding, among alts (actions), of the kind that has
// the resource the request names; the first when none has it, which
// answers its notFound.
func (en *engine) actingKind(alts []*boundOp, tree map[string]any, now time.Time) *boundOp {
	for _, b := range alts {
		if en.find(b.kind, nil, identOf(b, tree), now, false) != nil { // listids.go
			return b
		}
	}
	return alts[0]
}

// runAlternatives runs an operation bound to several kinds: a deleteMany
// or actionMany on each, a list on those the request selects.
func (s *Server) runAlternatives(alts []*boundOp, op *compiledOp, tree map[string]any, e *env, now time.Time) ([]byte, error) {
	if alts[0].Role != RoleList {
		for _, b := range alts {
			var err error
			if b.Role == RoleDeleteMany {
				_, err = s.resDeleteMany(b, op, tree, e, now) // deletes.go
			} else {
				_, err = s.resActionMany(b, op, tree, e, now) // actionmany.go
			}
			if err != nil {
				return nil, err
			}
		}
		return s.tagAnswer(op, e)
	}
	var selected []*boundOp
	for _, b := range alts {
		if meets(b.selectWhen, tree) { // when.go
			selected = append(selected, b)
		}
	}
	if len(selected) == 0 {
		return s.tagAnswer(op, e)
	}
	// The kind the token continues; the first when there is none (or one
	// no kind issued, which the first answers as invalid).
	cur := 0
	if tok, _ := lookup(tree, selected[0].inToken).(string); tok != "" {
		for i, b := range selected {
			if _, ok := s.res.parseToken(b.kind, nil, tok); ok {
				cur = i
				break
			}
		}
	}
	b := selected[cur]
	answer, err := s.resList(b, op, tree, e, now)
	if err != nil || cur+1 == len(selected) || b.outToken == nil {
		return answer, err
	}
	out := decodeTree(answer)
	size := pageSize(b, tree)
	for next := cur + 1; next < len(selected) && lookup(out, b.outToken) == missing; next++ {
		// This kind's last page: the next kind's first fills the rest of
		// it, or, when it is full, is the next page.
		left := size - itemCount(out, b)
		nb := selected[next]
		if left <= 0 || nb.limit == nil {
			setPath(out, b.outToken, s.res.pageToken(nb.kind, nil, 0))
			break
		}
		rest := make(map[string]any, len(tree))
		for k, v := range tree {
			rest[k] = v
		}
		setPath(rest, nb.inToken, "")
		setPath(rest, nb.limit, json.Number(strconv.Itoa(left)))
		more, err := s.resList(nb, op, rest, e, now)
		if err != nil {
			return nil, err
		}
		m := decodeTree(more)
		setPath(out, nb.items, lookup(m, nb.items))
		if tok := lookup(m, nb.outToken); tok != missing {
			setPath(out, nb.outToken, tok)
		}
		b = nb
	}
	data, err := appendJSON(nil, out)
	if err != nil {
		return nil, internal("the mock cannot build its output: " + err.Error())
	}
	return data, nil
}

// pageSize is the size of a page of the list b as the request asks it.
func pageSize(b *boundOp, tree map[string]any) int {
	size := b.MaxPageSize
	if size <= 0 {
		size = defaultPageSize
	}
	if n, ok := lookup(tree, b.limit).(json.Number); ok {
		if l, err := n.Int64(); err == nil && l > 0 && l < int64(size) {
			size = int(l)
		}
	}
	return size
}

// itemCount is how many items the list b put in out.
func itemCount(out map[string]any, b *boundOp) int {
	l, _ := lookup(out, b.items).([]any)
	return len(l)
}
