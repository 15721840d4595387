package mockrt

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/specgen/specgen/specrt/mockrt/tmpl"
)

// What a resource comes with and what refers to it: EC2's CreateVpc makes
// the VPC's default security group, main route table and default network
// ACL (its create's Companions), which do not keep the VPC from being
// deleted and go with it; and an internet gateway attached to a VPC keeps
// it (the VPC's ReferencedBy), though the gateway is no child of the VPC.

// boundCompanion is a Companion, compiled.
type boundCompanion struct {
	name       string
	kind       *kind
	input, set []compiledField
}

// bindCompanions finds the kind of every companion: a child of the
// resource its create makes, with a create naming its parent.
func (en *engine) bindCompanions() error {
	for _, b := range en.ops {
		for i := range b.companions {
			c := &b.companions[i]
			k := en.kinds[c.name]
			switch {
			case k == nil:
				return fmt.Errorf("resource %s: %s: companion %s: no such resource", b.kind.Name, b.Operation, c.name)
			case k.Parent != b.kind.Name || k.create == nil || k.create.parentIdent == nil:
				return fmt.Errorf("resource %s: %s: companion %s: not a child of %s with a create naming its parent", b.kind.Name, b.Operation, c.name, b.kind.Name)
			}
			c.kind = k
		}
	}
	for _, k := range en.kinds {
		for other := range k.ReferencedBy {
			if en.kinds[other] == nil {
				return fmt.Errorf("resource %s: referenced by %s: no such resource", k.Name, other)
			}
		}
	}
	return nil
}

// makeCompanions makes the companions of r, which the create b just
// stored; e is the create's env. en.mu is held.
func (s *Server) makeCompanions(b *boundOp, r *record, e *env, now time.Time) error {
	for _, c := range b.companions {
		create := c.kind.create
		in := map[string]any{}
		for _, f := range c.input {
			if v := f.tmpl.Eval(e); v != missing && v != nil {
				setPath(in, f.path, v)
			}
		}
		setPath(in, create.parentIdent, r.id)
		ce := &env{Input: in}
		s.fillEnv(ce)
		_, err := s.resCreate(create, s.ops[create.Operation], in, ce, now)
		l := c.kind.lists[r]
		if err == nil && (l == nil || len(l.recs) == 0) {
			err = internal("the mock did not make the " + c.kind.Name + " of " + r.id)
		}
		if err != nil {
			// The create is all or nothing: a companion the mock's limits
			// refuse takes back the resource and those made before it.
			s.res.removeCompanions(r)
			s.res.remove(r)
			return err
		}
		made := l.recs[len(l.recs)-1]
		made.companion = true
		r.children--
		ce.Parent = r.tree()
		s.setDesc(made, c.set, ce)
	}
	return nil
}

// removeCompanions removes r's companions, which go with it.
func (en *engine) removeCompanions(r *record) {
	for _, ck := range r.kind.children {
		if l := ck.lists[r]; l != nil {
			for _, c := range l.recs {
				if c.companion && !c.gone {
					c.companion = false
					r.children++ // remove counts it out as a child
					en.remove(c)
				}
			}
		}
	}
}

// referrer is the first kind (by name) of which a live resource refers to
// r as its ReferencedBy says; nil for none. It reads every resource of
// those kinds.
func (en *engine) referrer(r *record, now time.Time) *kind {
	k := r.kind
	if len(k.ReferencedBy) == 0 {
		return nil
	}
	names := make([]string, 0, len(k.ReferencedBy))
	for name := range k.ReferencedBy {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		ok := en.kinds[name]
		path := splitPath(k.ReferencedBy[name])
		for _, l := range ok.lists {
			for _, o := range l.recs {
				if en.live(o, now) && refers(o.tree(), path, r.id) {
					return ok
				}
			}
		}
	}
	return nil
}

// refers tells whether v holds id at path, any element of a list on the
// way standing for the list.
func refers(v any, path []string, id string) bool {
	if len(path) == 0 {
		s, _ := v.(string)
		return s == id
	}
	switch v := v.(type) {
	case map[string]any:
		return refers(v[path[0]], path[1:], id)
	case []any:
		for _, el := range v {
			if refers(el, path, id) {
				return true
			}
		}
	}
	return false
}

// readsParent tells whether a value of set reads {parent.*}, which a
// create then decodes its parent's description for.
func readsParent(set []Field) bool {
	for _, f := range set {
		refs, _ := tmpl.Refs(f.Value)
		for _, ref := range refs {
			if strings.HasPrefix(ref, "parent.") {
				return true
			}
		}
	}
	return false
}
