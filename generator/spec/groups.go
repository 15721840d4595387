package spec

import (
	"strings"

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
