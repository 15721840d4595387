package mockrt

import (
	"fmt"
	"time"
)

// Actions on several resources at once (RoleActionMany): CloudWatch's
// EnableAlarmActions and DisableAlarmActions take a list of alarm names
// and write ActionsEnabled into each. Every identifier is found first;
// one naming no resource answers notFound and nothing changes, unless
// the binding ignores it (IgnoreMissing), and then the others change.
// Each resource found once gets the binding's Set, and its cases' (as an
// action's), in the order asked.

// resActionMany runs the actionMany b on every resource its identifier
// list names.
func (s *Server) resActionMany(b *boundOp, op *compiledOp, tree map[string]any, e *env, now time.Time) ([]byte, error) {
	k := b.kind
	parent, err := s.resParent(b, tree, e, now)
	if err != nil {
		if b.IgnoreMissing {
			return s.tagAnswer(op, e)
		}
		return nil, err
	}
	idents, _ := lookup(tree, b.ident).([]any)
	found := make([]*record, 0, len(idents))
	seen := make(map[*record]bool, len(idents))
	for _, id := range idents {
		v, _ := id.(string)
		r := s.res.find(k, parent, v, now, false)
		switch {
		case r == nil && b.IgnoreMissing:
			continue
		case r == nil && b.notFound != nil:
			e.Message = fmt.Sprintf("%s %s does not exist", k.Name, v)
			e.Subject = v
			return nil, s.buildError(b.notFound, e, nil)
		case r == nil:
			return nil, s.notFound(k, v, e)
		case seen[r]:
			continue
		}
		seen[r] = true
		found = append(found, r)
	}
	for _, r := range found {
		e.Resource = r.tree()
		s.actionSet(b, r, tree, e) // when.go
	}
	return s.tagAnswer(op, e)
}
