package mockrt

import (
	"fmt"
	"net/http"
	"time"
)

// Deletes beyond one resource at a time: a delete of a list of
// identifiers (deleteMany: CloudWatch's DeleteAlarms), a delete that takes
// the resource's children with it (Cascade: SNS's DeleteTopic and the
// topic's subscriptions), and a delete of what does not exist that
// succeeds (IgnoreMissing: SNS's DeleteTopic is idempotent).

// deletable tells whether the delete b may remove r: a builtin instance
// answers the validation error, and a resource that still has live
// children the resource's HasChildren (or HasChildrenOf) error, unless
// the delete cascades, which removes the children first.
func (s *Server) deletable(b *boundOp, r *record, e *env, now time.Time) error {
	if r.isBuiltin() {
		e.Message = fmt.Sprintf("%s %s is built in and cannot be deleted", r.kind.Name, r.name)
		return &Error{Code: "ValidationException", Message: e.Message, Status: http.StatusBadRequest}
	}
	if b.Cascade {
		s.res.removeChildren(r)
		return nil
	}
	ck := s.heldBy(r, now)
	if ck == nil {
		ck = s.res.referrer(r, now) // companions.go
	}
	if ck != nil {
		e.Message = fmt.Sprintf("%s %s still has resources that belong to it", r.kind.Name, r.id)
		e.Subject = r.id
		e.Resource = r.tree()
		t := r.kind.hasChildren
		if ct := r.kind.hasChildrenOf[ck.Name]; ct != nil {
			t = ct
		}
		return s.buildError(t, e, &Error{Code: "ConflictException", Message: e.Message, Status: http.StatusConflict})
	}
	s.res.removeCompanions(r)
	return nil
}

// removeChildren forgets r's children, and theirs, whatever their
// status.
func (en *engine) removeChildren(r *record) {
	for _, ck := range r.kind.children {
		l := ck.lists[r]
		if l == nil {
			continue
		}
		for _, c := range l.recs {
			if !c.gone {
				en.removeChildren(c)
				en.remove(c)
			}
		}
	}
}

// resDeleteMany deletes every resource a list of identifiers names, at
// once. An identifier naming none answers the not-found error before
// anything is deleted, unless the binding ignores the missing ones; so
// does a resource that may not be deleted (deletable). An identifier
// given twice deletes once.
func (s *Server) resDeleteMany(b *boundOp, op *compiledOp, tree map[string]any, e *env, now time.Time) ([]byte, error) {
	parent, err := s.resParent(b, tree, e, now)
	if err != nil {
		if b.IgnoreMissing {
			return s.tagAnswer(op, e)
		}
		return nil, err
	}
	found, err := s.findEach(b, parent, tree, e, now, func(r *record) error {
		if r.isBuiltin() || !b.Cascade && s.heldBy(r, now) != nil {
			return s.deletable(b, r, e, now)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, r := range found {
		if b.Cascade {
			s.res.removeChildren(r)
		}
		s.res.remove(r)
	}
	return s.tagAnswer(op, e)
}
