package spec

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/specgen/specgen/generator/model"
)

// The keys of resources made, listed and moved several at a time (EC2's
// instances: RunInstances makes a reservation of them, DescribeInstances
// answers them by reservation, StopInstances stops a list of them); the
// engine's side is specrt/mockrt/groups.go and changes.go.

// groupKeys reads count and group (create), groups (list), changes and
// refuse (action) of ro, checking each member they name.
func (r *resolver) groupKeys(res *model.Resource, ro *model.ResourceOperation, p pair, what string) {
	op := ro.Operation
	member := func(s *model.Shape, v str, where string, kinds ...model.Kind) string {
		if !v.ok() {
			return ""
		}
		m := r.memberPath(s, v, what+" "+where)
		if m != nil && len(kinds) > 0 && !contains(kindNames(kinds), string(m.Kind)) {
			r.errorf(v.n, "%s: %s %s must be a %s, it is %s", what, where, v.v, strings.Join(kindNames(kinds), " or "), m.Kind)
		}
		return v.v
	}
	switch k := p.k.Value; k {
	case "count":
		for _, q := range r.mapping(p.v, what+" count", countRangeSet.names()) {
			v := r.str(q.v, q.k.Value)
			switch q.k.Value {
			case "min":
				ro.CountMin = member(op.Input, v, "count min", model.Integer, model.Long)
			case "max":
				ro.CountMax = member(op.Input, v, "count max", model.Integer, model.Long)
			case "index":
				// Checked against the description once it is known.
				if d := r.descShape(ro); d != nil {
					ro.CountIndex = member(d, v, "count index", model.Integer, model.Long)
				} else {
					ro.CountIndex = v.v
				}
			}
		}
	case "group":
		ro.Group = member(op.Output, r.str(p.v, k), "group", model.String)
	case "groups":
		var items *model.Shape
		if pg := op.Paginator; pg != nil && len(pg.ResultKeys) > 0 {
			items = pg.ResultKeys[0].Last().Shape
		}
		if items == nil || items.Kind != model.List || items.Member.Kind != model.Structure {
			r.errorf(p.k, "%s: groups needs a paginator whose result is a list of structures, the groups", what)
			return
		}
		group := items.Member
		var setN pair
		for _, q := range r.mapping(p.v, what+" groups", groupsSet.names()) {
			switch q.k.Value {
			case "items":
				v := r.str(q.v, "items")
				if s := r.memberPath(group, v, what+" groups items"); s != nil && (s.Kind != model.List || s.Member.Kind != model.Structure) {
					r.errorf(v.n, "%s: groups items %s must be a list of structures", what, v.v)
				}
				ro.GroupItems = v.v
			case "id":
				ro.GroupID = member(group, r.str(q.v, "id"), "groups id", model.String)
			case "set":
				setN = q
			}
		}
		if setN.v != nil {
			ro.GroupSet = r.descFields(setN.v, op, group, nil, what+" groups set")
		}
	case "changes":
		c := &model.Changes{}
		var list *model.Shape
		for _, q := range r.mapping(p.v, what+" changes", changesSet.names()) {
			v := r.str(q.v, q.k.Value)
			if q.k.Value == "member" {
				if s := r.memberPath(op.Output, v, what+" changes member"); s != nil && (s.Kind != model.List || s.Member.Kind != model.Structure) {
					r.errorf(v.n, "%s: changes member %s must be a list of structures", what, v.v)
				} else if s != nil {
					list = s.Member
				}
				c.Member = v.v
			}
		}
		for _, q := range r.mapping(p.v, what+" changes", changesSet.names()) {
			v := r.str(q.v, q.k.Value)
			var dst *string
			switch q.k.Value {
			case "id":
				dst = &c.ID
			case "previous":
				dst = &c.Previous
			case "current":
				dst = &c.Current
			default:
				continue
			}
			*dst = v.v
			if list != nil {
				member(list, v, "changes "+q.k.Value)
			}
		}
		ro.Changes = c
	case "companions":
		for _, cn := range r.sequence(p.v, k) {
			c := &model.Companion{}
			var inputN, setN *yaml.Node
			var kindN str
			for _, q := range r.mapping(cn, what+" companion", companionSet.names()) {
				switch q.k.Value {
				case "resource":
					kindN = r.str(q.v, "resource")
					c.Resource = kindN.v
				case "input":
					inputN = q.v
				case "set":
					setN = q.v
				}
			}
			ro.Companions = append(ro.Companions, c)
			if !kindN.ok() {
				continue
			}
			// The companion's kind, its create and its description are
			// known once every resource is.
			r.resLater = append(r.resLater, func(byName map[string]*model.Resource) {
				ck := byName[c.Resource]
				var create *model.ResourceOperation
				if ck != nil {
					for _, cro := range ck.Operations {
						if cro.Role == "create" {
							create = cro
						}
					}
				}
				if ck == nil || ck.Parent != res || create == nil || create.ParentIdentifier == "" {
					r.errorf(kindN.n, "%s: companion %s must be a resource belonging to %s, with a create naming its parent", what, c.Resource, res.Name)
					return
				}
				if inputN != nil {
					c.Input = r.descFields(inputN, op, create.Operation.Input, nil, what+" companion input")
				}
				if setN != nil {
					c.Set = r.descFields(setN, create.Operation, r.resDesc[ck], nil, what+" companion set", res.Name)
				}
			})
		}
	case "refuse":
		for _, q := range r.mapping(p.v, what+" refuse", refuseSet.names()) {
			switch q.k.Value {
			case "statuses":
				for _, st := range r.strings(q.v, "refuse statuses") {
					ro.Refuse = append(ro.Refuse, st.v)
				}
			case "error":
				ro.Refused = r.resourceErrorNode(res, q.v, "refuse of "+op.Name)
			}
		}
	}
}

// referencedBy reads a resource's referencedBy: kinds and the member paths
// of their descriptions that hold its id, checked once every resource is
// known.
func (r *resolver) referencedBy(res *model.Resource, n *yaml.Node) {
	res.ReferencedBy = map[string]string{}
	for _, p := range r.mapping(n, "resource "+res.Name+" referencedBy", nil) {
		kind, path := p.k, r.str(p.v, "referencedBy member")
		res.ReferencedBy[kind.Value] = path.v
		r.resLater = append(r.resLater, func(byName map[string]*model.Resource) {
			other := byName[kind.Value]
			if other == nil {
				r.errorf(kind, "resource %s: referencedBy %s, which is not a resource", res.Name, kind.Value)
				return
			}
			// A list on the way stands for any of its elements.
			s := r.resDesc[other]
			for _, seg := range strings.Split(path.v, ".") {
				for s != nil && s.Kind == model.List {
					s = s.Member
				}
				if s == nil {
					return
				}
				s = r.memberPath(s, str{seg, path.n}, "resource "+res.Name+" referencedBy "+kind.Value)
			}
			if s != nil && s.Kind != model.String {
				r.errorf(path.n, "resource %s: referencedBy %s %s must be a string, it is %s", res.Name, kind.Value, path.v, s.Kind)
			}
		})
	}
}
