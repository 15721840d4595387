package spec

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/specgen/specgen/generator/model"
)

// The keys of EC2's way with resources (specrt/mockrt listids.go and
// tagmany.go): a list read through input lists of ids (identifiers), a
// list without a paginator (items), tag operations naming several
// resources at once (resourceIds), and tags carried through a list.

// listKeys reads identifiers, items and resourceIds.
func (r *resolver) listKeys(ro *model.ResourceOperation, p pair, what string) {
	op := ro.Operation
	stringList := func(v str, key string) bool {
		s := r.memberPath(op.Input, v, what+" input member")
		if s != nil && (s.Kind != model.List || s.Member.Kind != model.String) {
			r.errorf(v.n, "%s: %s %s must be a list of strings", what, key, v.v)
			return false
		}
		return s != nil
	}
	switch p.k.Value {
	case "identifiers":
		nodes := []*yaml.Node{p.v}
		if deref(p.v).Kind == yaml.SequenceNode {
			nodes = r.sequence(p.v, "identifiers")
		}
		for _, n := range nodes {
			if v := r.str(n, "identifier"); v.ok() && stringList(v, "identifiers") {
				ro.Identifiers = append(ro.Identifiers, v.v)
			}
		}
	case "resourceIds":
		if v := r.str(p.v, "resourceIds"); v.ok() && stringList(v, "resourceIds") {
			ro.ResourceIDs = v.v
		}
	case "items":
		v := r.str(p.v, "items")
		if pg := op.Paginator; pg != nil && len(pg.ResultKeys) > 0 {
			// With a paginator, items chooses among its result keys
			// (DescribeAlarms' MetricAlarms and CompositeAlarms).
			var keys []string
			for _, k := range pg.ResultKeys {
				keys = append(keys, pagePath(k))
			}
			if !contains(keys, v.v) {
				r.errorf(v.n, "%s: items of a list with a paginator is one of its result keys (%s), not %s", what, strings.Join(keys, ", "), v.v)
				return
			}
		}
		s := r.memberPath(op.Output, v, what+" output member")
		if s != nil && (s.Kind != model.List || s.Member.Kind != model.Structure) {
			r.errorf(v.n, "%s: items %s must be a list of structures", what, v.v)
			return
		}
		if s != nil {
			ro.Items = v.v
		}
	}
}

// gatherPath follows a dotted path of member names from s as memberPath
// does, but steps through lists, whose elements it reads all at once
// (TagSpecification.Tag: the tags of every specification); the result is
// the shape at the end, a list of the elements where it went through one.
func (r *resolver) gatherPath(s *model.Shape, path str, what string) *model.Shape {
	through := false
	cur := s
	rest := path.v
	for rest != "" {
		seg, tail, _ := strings.Cut(rest, ".")
		if cur.Kind == model.List {
			cur, through = cur.Member, true
		}
		if cur == nil {
			return nil
		}
		next := r.memberPath(cur, str{seg, path.n}, what)
		if next == nil {
			return nil
		}
		cur, rest = next, tail
	}
	if through && cur.Kind != model.List {
		r.errorf(path.n, "%s %q: a path through a list must end at a list", what, path.v)
		return nil
	}
	return cur
}

// listDescribes is the structure the list of res holds, when it describes
// res: res has no read, its create answers the output itself and the list
// holds another structure (EC2's CreateSecurityGroup answers a GroupId,
// DescribeSecurityGroups whole SecurityGroups). Nil otherwise. The engine
// decides the same (specrt/mockrt, listids.go).
func (r *resolver) listDescribes(res *model.Resource) *model.Shape {
	var create, list *model.ResourceOperation
	for _, ro := range res.Operations {
		switch ro.Role {
		case "read", "readMany":
			return nil
		case "create":
			create = ro
		case "list":
			list = ro
		}
	}
	if create == nil || list == nil || create.Description != "" {
		return nil
	}
	items := listItems(list.Operation)
	if list.Items != "" {
		items = shapeAt(list.Operation.Output, list.Items).Member
	}
	if items == nil || items == create.Operation.Output {
		return nil
	}
	return items
}

// identifierAlternatives reads an identifier given as a list of input
// members: the first the request sets names the resource.
func (r *resolver) identifierAlternatives(ro *model.ResourceOperation, n *yaml.Node, what string) {
	for i, in := range r.sequence(n, "identifier") {
		v := r.str(in, "identifier")
		if s := r.memberPath(ro.Operation.Input, v, what+" input member"); s != nil && s.Kind != model.String {
			r.errorf(v.n, "%s: input member %s must be a string, it is %s", what, v.v, s.Kind)
		}
		if i == 0 {
			ro.Identifier = v.v
		} else {
			ro.OtherIdentifiers = append(ro.OtherIdentifiers, v.v)
		}
	}
}

// pagePath is a paginator's member path as dotted wire names.
func pagePath(p model.MemberPath) string {
	names := make([]string, len(p))
	for i, m := range p {
		names[i] = m.Name
	}
	return strings.Join(names, ".")
}
