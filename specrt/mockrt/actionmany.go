package mockrt

import "time"

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
	parent, err := s.resParent(b, tree, e, now)
	if err != nil {
		if b.IgnoreMissing {
			return s.tagAnswer(op, e)
		}
		return nil, err
	}
	found, err := s.findEach(b, parent, tree, e, now, nil)
	if err != nil {
		return nil, err
	}
	for _, r := range found {
		e.Resource = r.tree()
		s.actionSet(b, r, tree, e) // when.go
	}
	return s.tagAnswer(op, e)
}
