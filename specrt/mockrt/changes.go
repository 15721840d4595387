package mockrt

import (
	"fmt"
	"net/http"
	"slices"
	"time"
)

// Actions on several resources at once, answered as state changes: EC2's
// StopInstances, StartInstances and TerminateInstances take a list of
// instance ids and answer, for each, its state before and after. Every
// identifier is found (and checked against Refuse) before any resource
// moves, so that a request naming one unknown or refused resource
// changes nothing, as EC2's does.

// refuse is the error the action b answers for r when r's status is one
// of b's Refuse; nil when b may act on r.
func (s *Server) refuse(b *boundOp, r *record, e *env) error {
	if len(b.Refuse) == 0 || r.kind.statusPath == nil {
		return nil
	}
	status, _ := lookup(r.tree(), r.kind.statusPath).(string)
	if !slices.Contains(b.Refuse, status) {
		return nil
	}
	e.Message = fmt.Sprintf("%s %s is %s", r.kind.Name, r.id, status)
	e.Subject = r.id
	e.Resource = r.tree()
	return s.buildError(b.refused, e, &Error{Code: "ConflictException", Message: e.Message, Status: http.StatusConflict})
}

// statusValue is what Changes answers as r's status: the structure
// holding it when the status is a member of one, else the status.
func statusValue(r *record) any {
	p := r.kind.statusPath
	if p == nil {
		return nil
	}
	if len(p) > 1 {
		return lookup(r.tree(), p[:len(p)-1])
	}
	return lookup(r.tree(), p)
}

// resActEach runs the action b on every resource its Identifier list
// names, each once, and answers one Changes element for each, in the
// order asked.
func (s *Server) resActEach(b *boundOp, op *compiledOp, tree map[string]any, e *env, now time.Time) ([]byte, error) {
	recs, err := s.findEach(b, nil, tree, e, now, func(r *record) error { return s.refuse(b, r, e) })
	if err != nil {
		return nil, err
	}
	c := b.Changes
	changes := make([]any, 0, len(recs))
	for _, r := range recs {
		change := map[string]any{}
		setPath(change, splitPath(c.ID), r.id)
		setPath(change, splitPath(c.Previous), statusValue(r))
		e.Resource = r.tree()
		// The set comes first, so that an immediate transition's own set
		// (the code of the status reached) is the one that stays.
		s.setDesc(r, b.set, e)
		s.transition(r, b, now)
		setPath(change, splitPath(c.Current), statusValue(r))
		changes = append(changes, change)
	}
	out := map[string]any{}
	if len(op.output) > 0 {
		out = s.mockOutput(op, e)
	}
	setPath(out, splitPath(c.Member), changes)
	op.outType.trim(out, nil, nil)
	data, err := appendJSON(nil, out)
	if err != nil {
		return nil, internal("the mock cannot build its output: " + err.Error())
	}
	return data, nil
}

// findEach finds the resources the identifier list of b names, each once,
// in the order asked, within parent (nil: of every parent). An identifier
// naming no live resource is passed over with b's IgnoreMissing, else
// answers unfound's error; check, if not nil, may refuse a resource
// found. Every resource is found before the caller changes any, so that
// a refused request changes nothing.
func (s *Server) findEach(b *boundOp, parent *record, tree map[string]any, e *env, now time.Time, check func(*record) error) ([]*record, error) {
	idents, _ := lookup(tree, b.ident).([]any)
	found := make([]*record, 0, len(idents))
	seen := make(map[*record]bool, len(idents))
	for _, id := range idents {
		v, _ := id.(string)
		r := s.res.find(b.kind, parent, v, now, false)
		switch {
		case r == nil && b.IgnoreMissing:
			continue
		case r == nil:
			return nil, s.unfound(b, parent, v, e, now)
		case seen[r]:
			continue
		}
		if check != nil {
			if err := check(r); err != nil {
				return nil, err
			}
		}
		seen[r] = true
		found = append(found, r)
	}
	return found, nil
}

// unfound is the error b answers for the identifier v naming no live
// resource: b's retired error for a retired one, if b has one, else b's
// notFound, else the kind's.
func (s *Server) unfound(b *boundOp, parent *record, v string, e *env, now time.Time) error {
	k := b.kind
	if b.retired != nil {
		if old := s.res.find(k, parent, v, now, true); old != nil {
			e.Message = fmt.Sprintf("%s %s is no longer active", k.Name, v)
			e.Subject = v
			e.Resource = old.tree()
			return s.buildError(b.retired, e, nil)
		}
	}
	if b.notFound != nil {
		e.Message = fmt.Sprintf("%s %s does not exist", k.Name, v)
		e.Subject = v
		return s.buildError(b.notFound, e, nil)
	}
	return s.notFound(k, v, e)
}
