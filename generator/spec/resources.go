package spec

import (
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/specgen/specgen/generator/model"
	"github.com/specgen/specgen/specrt/mockrt/tmpl"
)

// The resources block: the kinds of resource a service keeps and the
// operations that act on them, which the mock's resource engine
// (specrt/mockrt/engine.go) serves. This file checks every name the block
// gives against the operations and shapes and fills model.Resource.

// roleKeys are the keys each role accepts beside role and status.
var roleKeys = map[string][]string{
	"create":     {"parentIdentifier", "description", "tags", "set", "creates", "answerExisting", "updateExisting", "replaceExisting", "arnOutput", "each", "when", "count", "group", "companions"},
	"read":       {"identifier", "parentIdentifier", "description", "notFound"},
	"readMany":   {"identifier", "parentIdentifier", "description", "failures", "failure", "notFound"},
	"update":     {"identifier", "parentIdentifier", "description", "set", "creates", "notFound", "retired", "arnOutput", "attributeName", "attributeValue"},
	"delete":     {"identifier", "parentIdentifier", "description", "set", "creates", "notFound", "retired", "arnOutput", "ignoreMissing", "cascade"},
	"deleteMany": {"identifier", "parentIdentifier", "notFound", "ignoreMissing", "cascade"},
	"actionMany": {"identifier", "parentIdentifier", "set", "notFound", "ignoreMissing"},
	"action":     {"identifier", "parentIdentifier", "description", "set", "creates", "notFound", "retired", "arnOutput", "changes", "refuse", "when", "identifierMember", "optionalIdentifier"},
	"list":       {"parentIdentifier", "filters", "prefixFilters", "maxPageSize", "newestFirst", "filterList", "identifiers", "items", "groups", "when", "selectWhen"},
	"tag":        {"resourceArn", "resourceIds", "tags", "notFound"},
	"untag":      {"resourceArn", "resourceIds", "tagKeys", "tags", "notFound"},
	"listTags":   {"resourceArn", "tags", "notFound"},
}

// resources resolves the resources block; it runs after mocks().
func (r *resolver) resources() {
	n := r.raw.resources
	if n == nil {
		r.resourceRefs()
		r.storelessMocks()
		return
	}
	byName := map[string]*model.Resource{}
	parents := map[*model.Resource]str{}
	keys := map[*model.Resource]*yaml.Node{}
	bound := map[string]*model.ResourceOperation{} // operation → its first binding (not tag roles)
	var names []string
	for _, p := range r.mapping(n, "resources", nil) {
		names = append(names, p.k.Value)
	}
	for _, p := range r.mapping(n, "resources", nil) {
		res := &model.Resource{Pos: r.pos(p.k), Name: p.k.Value}
		if !isIdentifier(res.Name) {
			r.errorf(p.k, "resource name %q must be an identifier", res.Name)
		}
		byName[res.Name] = res
		keys[res] = p.k
		if parent := r.resource(res, p.k, p.v, bound); parent.ok() {
			parents[res] = parent
		}
		r.svc.Resources = append(r.svc.Resources, res)
	}
	for _, res := range r.svc.Resources {
		parent, ok := parents[res]
		if !ok {
			continue
		}
		if res.Parent = byName[parent.v]; res.Parent == nil {
			if sg := suggest(parent.v, names); sg != "" {
				r.errorf(parent.n, "resource %s: parent %q is not a resource, did you mean %q?", res.Name, parent.v, sg)
			} else {
				r.errorf(parent.n, "resource %s: parent %q is not a resource", res.Name, parent.v)
			}
		}
	}
	for _, res := range r.svc.Resources {
		for p, seen := res.Parent, 0; p != nil; p, seen = p.Parent, seen+1 {
			if p == res || seen > len(r.svc.Resources) {
				r.errorf(n, "resource %s is its own ancestor", res.Name)
				res.Parent = nil
				break
			}
		}
	}
	for _, res := range r.svc.Resources {
		if res.Parent == nil {
			continue
		}
		// A list without parentIdentifier lists the resources of every
		// parent.
		for _, ro := range res.Operations {
			if ro.Role == "create" && ro.ParentIdentifier == "" {
				r.errorf(keys[res], "resource %s belongs to %s: its %s operation %s needs parentIdentifier", res.Name, res.Parent.Name, ro.Role, ro.Operation.Name)
			}
		}
	}
	// A check may defer another (a companion's set and its {parent.*}).
	for i := 0; i < len(r.resLater); i++ {
		r.resLater[i](byName)
	}
	r.resourceRefs()
	r.storelessMocks()
	sort.Slice(r.svc.Resources, func(i, j int) bool { return r.svc.Resources[i].Name < r.svc.Resources[j].Name })
}

// storeless is a mock block that keeps unique items or idempotency tokens
// with no store collection of its own (resource).
type storeless struct {
	op *model.Operation
	n  *yaml.Node
}

// storelessMocks reports the mock blocks that keep unique items or tokens
// with no store collection, unless their operation creates a resource,
// whose engine keeps them.
func (r *resolver) storelessMocks() {
	for _, sl := range r.storeless {
		created := false
		for _, res := range r.svc.Resources {
			for _, ro := range res.Operations {
				created = created || ro.Operation == sl.op && ro.Role == "create"
			}
		}
		if !created {
			r.errorf(sl.n, "mock of %s needs a resource to keep unique items and idempotency tokens in", sl.op.Name)
		}
	}
}

// resourceRef is a {resource.*} reference in an operation's mock block,
// checked once the resources are known.
type resourceRef struct {
	op   *model.Operation
	path string
	n    *yaml.Node
}

// resourceRefs checks the {resource.*} references of mock blocks against
// the description of the resource their operation acts on.
func (r *resolver) resourceRefs() {
	for _, ref := range r.resRefs {
		var desc *model.Shape
		for _, res := range r.svc.Resources {
			for _, ro := range res.Operations {
				if ro.Operation == ref.op && !isTagRole(ro.Role) {
					desc = r.resDesc[res]
				}
			}
		}
		if desc == nil {
			r.errorf(ref.n, "{resource.%s}: operation %s acts on no resource", ref.path, ref.op.Name)
			continue
		}
		r.memberPath(desc, str{ref.path, ref.n}, "{resource."+ref.path+"}")
	}
}

// descFields reads a map of description member path to template (set):
// {input.*} are the operation's input, {output.*} and {resource.*} the
// description.
//
// parent is the name of the resource whose description {parent.*} reads
// (a create's set, in a resource with a parent); "" where there is none.
func (r *resolver) descFields(n *yaml.Node, op *model.Operation, desc, resource *model.Shape, what string, parent ...string) []*model.MockField {
	var out []*model.MockField
	for _, p := range r.mapping(n, what, nil) {
		target := r.memberPath(desc, str{p.k.Value, p.k}, what+" member")
		v := decodeAny(p.v)
		refs, err := tmpl.Refs(v)
		if err != nil {
			r.errorf(p.v, "%s: %v", p.k.Value, err)
			continue
		}
		// The value a member gets must be of its kind: a literal, or what
		// a template that is one expression yields.
		whole, _ := v.(string)
		whole = strings.TrimSpace(whole)
		single := strings.HasPrefix(whole, "{") && strings.HasSuffix(whole, "}") && strings.Count(whole, "{") == 1
		for _, ref := range refs {
			kind, path, _ := strings.Cut(ref, ".")
			var from *model.Shape
			switch {
			case kind == "input":
				from = r.memberPath(op.Input, str{path, p.v}, "{"+ref+"}")
			case kind == "output":
				from = r.memberPath(desc, str{path, p.v}, "{"+ref+"}")
			case kind == "resource" && resource != nil:
				from = r.memberPath(resource, str{path, p.v}, "{"+ref+"}")
			case kind == "parent" && len(parent) > 0 && parent[0] != "":
				// The parent's description is known once every resource is.
				pn, ref, at := parent[0], ref, p.v
				r.resLater = append(r.resLater, func(byName map[string]*model.Resource) {
					if pd := r.resDesc[byName[pn]]; pd != nil {
						r.memberPath(pd, str{path, at}, "{"+ref+"}")
					}
				})
			default:
				r.errorf(p.v, "{%s} cannot be used here", ref)
			}
			if single && from != nil && target != nil && scalarClass(from) != "" && scalarClass(target) != "" && scalarClass(from) != scalarClass(target) {
				r.errorf(p.v, "{%s} is a %s, member %s a %s", ref, scalarClass(from), p.k.Value, scalarClass(target))
			}
		}
		if target != nil && tmpl.IsLiteral(v) {
			if got := literalClass(v); got != "" && scalarClass(target) != "" && got != scalarClass(target) {
				r.errorf(p.v, "member %s is a %s, not a %s", p.k.Value, scalarClass(target), got)
			}
		}
		if s, ok := v.(string); ok && target != nil && tmpl.IsLiteral(v) && target.Kind == model.String {
			if target.IsEnum() && !enumHas(target, s) {
				r.errorf(p.v, "%q is not a value of enum %s", s, target.Name)
			}
		}
		out = append(out, &model.MockField{Path: p.k.Value, Value: v})
	}
	return out
}

// resource reads one resource and returns its parent's name.
func (r *resolver) resource(res *model.Resource, key, n *yaml.Node, bound map[string]*model.ResourceOperation) str {
	var parent str
	members := map[string]str{}
	templates := map[string]str{}
	errs := map[string]*yaml.Node{}
	var opsN, countsN, builtinN, childErrsN *yaml.Node
	var attrsN str
	var inactive []str
	var private []str
	for _, p := range r.mapping(n, "resource "+res.Name, resourceKeys) {
		switch k := p.k.Value; k {
		case "doc":
			res.Doc = r.str(p.v, "doc").v
		case "parent":
			parent = r.str(p.v, "parent")
		case "id", "name", "arn", "parentId", "parentArn", "status", "tags", "created", "modified":
			members[k] = r.str(p.v, k)
		case "idTemplate", "arnTemplate":
			templates[k] = r.str(p.v, k)
		case "idPrefix":
			if v := r.str(p.v, k); v.ok() {
				if v.v == "" || strings.ContainsAny(v.v, "{}") {
					r.errorf(p.v, "resource %s: idPrefix must be literal text, not empty and without braces", res.Name)
				}
				res.IDPrefix = v.v
			}
		case "notFound", "conflict", "hasChildren", "invalidToken":
			errs[k] = p.v
		case "operations":
			opsN = p.v
		case "counts":
			countsN = p.v
		case "hasChildrenOf":
			childErrsN = p.v
		case "private":
			for _, sn := range r.sequence(p.v, k) {
				if v := r.str(sn, "private member"); v.ok() {
					private = append(private, v)
				}
			}
		case "referencedBy":
			r.referencedBy(res, p.v) // groups.go
		case "inactive":
			for _, sn := range r.sequence(p.v, k) {
				if v := r.str(sn, "inactive status"); v.ok() {
					inactive = append(inactive, v)
				}
			}
		case "builtin":
			for _, bn := range r.sequence(p.v, k) {
				if v := r.str(bn, "builtin"); v.ok() {
					res.Builtin = append(res.Builtin, v.v)
					builtinN = bn
				}
			}
		case "defaultParent":
			res.DefaultParent = r.str(p.v, k).v
		case "attributes":
			attrsN = r.str(p.v, k)
			res.Attributes = attrsN.v
		}
	}
	if !members["id"].ok() && !r.isMeant(n, "id") {
		r.errorf(key, "resource %s is missing required key \"id\"", res.Name)
	}
	if opsN == nil {
		if !r.isMeant(n, "operations") {
			r.errorf(key, "resource %s is missing required key \"operations\"", res.Name)
		}
		return parent
	}
	var opNames []string
	for _, op := range r.svc.Operations {
		opNames = append(opNames, op.Name)
	}
	statuses := map[*yaml.Node]string{} // transition statuses, checked once the status shape is known
	filters := map[*yaml.Node]string{}  // list filters, checked once the description shape is known
	later := map[*model.ResourceOperation]laterNodes{}
	for _, p := range r.mapping(opsN, "operations of resource "+res.Name, nil) {
		var op *model.Operation
		for _, o := range r.svc.Operations {
			if o.Name == p.k.Value {
				op = o
			}
		}
		if op == nil {
			if sg := suggest(p.k.Value, opNames); sg != "" {
				r.errorf(p.k, "resource %s: no operation %q, did you mean %q?", res.Name, p.k.Value, sg)
			} else {
				r.errorf(p.k, "resource %s: no operation %q", res.Name, p.k.Value)
			}
			continue
		}
		if op.Input == nil || op.Output == nil {
			continue // reported with the operation
		}
		ro := r.resourceOp(res, op, p.v, statuses, filters, later)
		if ro == nil {
			continue
		}
		if op.Mock != nil && len(op.Mock.State) > 0 {
			r.errorf(p.k, "resource %s answers %s: its mock block's state is not kept; refer to the resource as {resource.<member>}", res.Name, op.Name)
		}
		if !isTagRole(ro.Role) {
			if other, ok := bound[op.Name]; ok {
				if msg := sharedBinding(other, ro); msg != "" {
					r.errorf(p.k, "resource %s: operation %s already acts on resource %s%s", res.Name, op.Name, other.Resource, msg)
					continue
				}
				key, first := p.k, other.Resource
				r.resLater = append(r.resLater, func(byName map[string]*model.Resource) {
					if a, b := byName[first], byName[res.Name]; a != nil && b != nil && (a.Parent != nil || b.Parent != nil) {
						r.errorf(key, "resource %s: operation %s acts on resources %s and %s: an operation of several resources acts on top-level ones", res.Name, op.Name, first, res.Name)
					}
				})
			} else {
				bound[op.Name] = ro
			}
			ro.Resource = res.Name
		}
		res.Operations = append(res.Operations, ro)
	}
	sort.Slice(res.Operations, func(i, j int) bool { return res.Operations[i].Operation.Name < res.Operations[j].Operation.Name })

	// The description shape is the read's, or else the create's: a create
	// may answer less than the description (EventBridge Scheduler's answers
	// only the ARN), and what a read answers is what the mock keeps. A
	// resource only recorded by another's create (creates) and listed (App
	// Runner's operations) is described by its list's items.
	var desc *model.Shape
	for _, role := range []string{"read", "create", "readMany", "list"} {
		for _, ro := range res.Operations {
			switch {
			case desc != nil || ro.Role != role:
			case role == "list":
				desc = listItems(ro.Operation)
				if ro.Items != "" {
					desc = shapeAt(ro.Operation.Output, ro.Items).Member
				}
			case ro.Description != "-":
				desc = r.descShape(ro)
			}
		}
	}
	if d := r.listDescribes(res); d != nil {
		desc = d // listids.go
	}
	if desc == nil {
		r.errorf(key, "resource %s needs a create, read or list operation with a description", res.Name)
		return parent
	}
	r.resDesc[res] = desc
	r.attributes(res, desc, attrsN, key)
	if countsN != nil {
		res.Counts = map[string]string{}
		countMember := func(v str) {
			// In a resource kept as attributes, a count is a string.
			if s := r.memberPath(desc, v, "resource "+res.Name+" count"); s != nil && s.Kind != model.Integer && s.Kind != model.Long && (res.Attributes == "" || s.Kind != model.String) {
				r.errorf(v.n, "resource %s: count member %s must be an integer, it is %s", res.Name, v.v, s.Kind)
			}
		}
		for _, p := range r.mapping(countsN, "counts", nil) {
			child, key := p.k.Value, p.k
			if deref(p.v).Kind == yaml.SequenceNode {
				r.countsWhere(res, child, p.v, countMember)
			} else {
				v := r.str(p.v, "count member")
				countMember(v)
				res.Counts[child] = v.v
			}
			r.resLater = append(r.resLater, func(byName map[string]*model.Resource) {
				if c := byName[child]; c == nil || c.Parent != res {
					r.errorf(key, "resource %s counts %s, which is not a resource belonging to it", res.Name, child)
				}
			})
		}
	}
	if v := members["tags"]; v.ok() {
		if s := r.memberPath(desc, v, "resource "+res.Name+" tags"); s != nil {
			res.TagKey, res.TagValue = r.tagMembers(s, v, "resource "+res.Name)
			res.Tags = v.v
		}
	}
	for _, m := range desc.Members {
		if !m.Required || m.Location != "" || m.Shape == nil {
			continue
		}
		if v, ok := leastValue(m.Shape, m.TimestampFormat, map[*model.Shape]bool{desc: true}); ok {
			res.Defaults = append(res.Defaults, &model.MockField{Path: m.Name, Value: v})
		}
	}
	for _, ro := range res.Operations {
		if n := later[ro]; n.set != nil {
			var p string
			if ro.Role == "create" {
				p = parent.v
			}
			ro.Set = r.descFields(n.set, ro.Operation, desc, nil, what(res, ro)+" set", p)
		}
		if n := later[ro]; n.doneSet != nil && ro.Transition != nil {
			if ro.Transition.Then == "" {
				r.errorf(n.doneSet, "%s: status set applies when then is reached, and there is no then", what(res, ro))
			}
			ro.Transition.Set = r.descFields(n.doneSet, ro.Operation, desc, nil, what(res, ro)+" status set")
		}
		if n := later[ro]; n.when != nil {
			ro.When = r.cases(res, ro, n.when, desc)
		}
		if n := later[ro]; n.identifierMember != nil {
			r.identifierMember(res, ro, desc, n.identifierMember)
		}
		if n := later[ro]; n.failure != nil {
			fs := shapeAt(ro.Operation.Output, ro.Failures)
			switch {
			case ro.Failures == "":
				r.errorf(n.failure, "%s: failure needs failures, the output list it goes in", what(res, ro))
			case fs != nil && fs.Kind == model.List && fs.Member.Kind == model.Structure:
				ro.Failure = r.mockFields(n.failure, fs.Member, "failure member", scope{input: ro.Operation.Input})
			}
		}
		if n := later[ro]; n.creates != nil {
			r.creates(res, ro, n.creates)
		}
		if n := later[ro]; n.filterList != nil && ro.FilterList != nil {
			for _, q := range r.mapping(n.filterList, "filterList", nil) {
				if q.k.Value != "fields" {
					continue
				}
				for _, f := range r.mapping(q.v, "fields", nil) {
					r.memberPath(desc, r.str(f.v, "field"), what(res, ro)+" filterList field "+f.k.Value)
				}
			}
		}
	}
	set := map[string]*string{"id": &res.ID, "name": &res.NameMember, "arn": &res.ARN, "parentId": &res.ParentID, "parentArn": &res.ParentARN, "status": &res.Status}
	var statusShape *model.Shape
	for _, k := range []string{"id", "name", "arn", "parentId", "parentArn", "status"} {
		v := members[k]
		if !v.ok() {
			continue
		}
		s := r.memberPath(desc, v, "resource "+res.Name+" "+k)
		if s == nil {
			continue
		}
		if s.Kind != model.String {
			r.errorf(v.n, "resource %s: %s member %s must be a string, it is %s", res.Name, k, v.v, s.Kind)
			continue
		}
		*set[k] = v.v
		if k == "status" {
			statusShape = s
		}
	}
	for _, k := range []string{"created", "modified"} {
		v := members[k]
		if !v.ok() {
			continue
		}
		s := r.memberPath(desc, v, "resource "+res.Name+" "+k)
		switch {
		case s == nil:
		case s.Kind != model.Timestamp:
			r.errorf(v.n, "resource %s: %s member %s must be a timestamp, it is %s", res.Name, k, v.v, s.Kind)
		case k == "created":
			res.Created = v.v
		default:
			res.Modified = v.v
		}
	}
	for _, v := range private {
		if r.memberPath(desc, v, "resource "+res.Name+" private member") != nil {
			res.Private = append(res.Private, v.v)
		}
	}
	for _, v := range inactive {
		switch {
		case res.Status == "" && members["status"].ok():
		case res.Status == "":
			r.errorf(v.n, "resource %s has no status member for its inactive statuses", res.Name)
		case statusShape.IsEnum() && !enumHas(statusShape, v.v):
			r.errorf(v.n, "%q is not a value of enum %s", v.v, statusShape.Name)
		default:
			res.Inactive = append(res.Inactive, v.v)
		}
	}
	for vn, status := range statuses {
		switch {
		case res.Status == "" && members["status"].ok():
			// its member is reported already
		case res.Status == "":
			r.errorf(vn, "resource %s has no status member for the transition to set", res.Name)
		case statusShape.IsEnum() && !enumHas(statusShape, status):
			r.errorf(vn, "%q is not a value of enum %s", status, statusShape.Name)
		}
	}
	for fn, f := range filters {
		if s := r.memberPath(desc, str{f, fn}, "resource "+res.Name+" filter"); s != nil && !isScalar(s) {
			r.errorf(fn, "resource %s: filter %s must be a scalar member of the description, it is %s", res.Name, f, s.Kind)
		}
	}
	for _, k := range []string{"idTemplate", "arnTemplate"} {
		v := templates[k]
		if !v.ok() {
			continue
		}
		refs, err := tmpl.Refs(v.v)
		if err != nil {
			r.errorf(v.n, "resource %s %s: %v", res.Name, k, err)
			continue
		}
		for _, ref := range refs {
			kind, path, _ := strings.Cut(ref, ".")
			if kind != "output" {
				r.errorf(v.n, "{%s} cannot be used here: %s may refer to the description as {output.<member>}", ref, k)
				continue
			}
			r.memberPath(desc, str{path, v.n}, "{"+ref+"}")
		}
	}
	if builtinN != nil {
		// A builtin instance is made by the create, its name in the input
		// member named as the description's name member.
		var create *model.ResourceOperation
		for _, ro := range res.Operations {
			if ro.Role == "create" {
				create = ro
			}
		}
		switch {
		case res.Parent != nil || parent.ok():
			r.errorf(builtinN, "resource %s: builtin instances must be top-level resources", res.Name)
		case res.NameMember == "" || create == nil:
			r.errorf(builtinN, "resource %s: builtin instances need a name member and a create operation", res.Name)
		case shapeAt(create.Operation.Input, res.NameMember) == nil:
			r.errorf(builtinN, "resource %s: builtin instances need the create %s to take the name as %s", res.Name, create.Operation.Name, res.NameMember)
		default:
			for _, m := range create.Operation.Input.Members {
				if m.Required && m.Name != res.NameMember {
					r.errorf(builtinN, "resource %s: builtin instances are created with their name alone, and %s requires %s", res.Name, create.Operation.Name, m.Name)
				}
			}
		}
	}
	res.IDTemplate, res.ARNTemplate = templates["idTemplate"].v, templates["arnTemplate"].v
	if res.ARNTemplate != "" && !members["arn"].ok() {
		r.errorf(templates["arnTemplate"].n, "resource %s has an arnTemplate but no arn member to put the ARN in", res.Name)
	}
	for k, dst := range map[string]**model.MockError{"notFound": &res.NotFound, "conflict": &res.Conflict, "hasChildren": &res.HasChildren, "invalidToken": &res.InvalidToken} {
		if n := errs[k]; n != nil {
			*dst = r.resourceErrorNode(res, n, k)
		}
	}
	if childErrsN != nil {
		res.HasChildrenOf = map[string]*model.MockError{}
		for _, p := range r.mapping(childErrsN, "hasChildrenOf", nil) {
			child, key := p.k.Value, p.k
			if e := r.resourceErrorNode(res, p.v, "hasChildrenOf "+child); e != nil {
				res.HasChildrenOf[child] = e
			}
			r.resLater = append(r.resLater, func(byName map[string]*model.Resource) {
				if c := byName[child]; c == nil || c.Parent != res {
					r.errorf(key, "resource %s hasChildrenOf %s, which is not a resource belonging to it", res.Name, child)
				}
			})
		}
	}
	if res.InvalidToken == nil && r.svc.ValidationError != nil {
		res.InvalidToken = r.resourceError(res, str{r.svc.ValidationError.Name, key}, "invalidToken")
	}
	return parent
}

// countsWhere reads the counts of a kind of child by value: a list of
// {member, where}, each member (checked by countMember) counting the live
// children whose description members where names have its values; where
// is checked against the child's description once it is known.
func (r *resolver) countsWhere(res *model.Resource, child string, n *yaml.Node, countMember func(str)) {
	for _, cn := range r.sequence(n, "counts") {
		c := &model.Count{}
		var whereN *yaml.Node
		for _, q := range r.mapping(cn, "count", countKeys) {
			switch q.k.Value {
			case "member":
				v := r.str(q.v, "count member")
				countMember(v)
				c.Member = v.v
			case "where":
				whereN = q.v
			case "deleted":
				c.Deleted = r.boolean(q.v, "deleted")
			}
		}
		if whereN == nil && !c.Deleted && !r.isMeant(cn, "where") {
			r.errorf(cn, "resource %s: a count of %s needs where, the values it counts, or deleted", res.Name, child)
		}
		if res.CountsWhere == nil {
			res.CountsWhere = map[string][]*model.Count{}
		}
		res.CountsWhere[child] = append(res.CountsWhere[child], c)
		if whereN == nil {
			continue
		}
		r.resLater = append(r.resLater, func(byName map[string]*model.Resource) {
			cd := r.resDesc[byName[child]]
			if cd == nil {
				return
			}
			for _, q := range r.mapping(whereN, "count where", nil) {
				s := r.memberPath(cd, str{q.k.Value, q.k}, "resource "+res.Name+" count where")
				v := decodeAny(q.v)
				switch {
				case s == nil:
				case !isScalar(s):
					r.errorf(q.k, "resource %s: count where %s must be a scalar member of %s, it is %s", res.Name, q.k.Value, child, s.Kind)
				case !tmpl.IsLiteral(v) || literalClass(v) == "":
					r.errorf(q.v, "resource %s: count where %s: the value is a scalar", res.Name, q.k.Value)
				case literalClass(v) != scalarClass(s):
					r.errorf(q.v, "resource %s: count where %s is a %s, not a %s", res.Name, q.k.Value, scalarClass(s), literalClass(v))
				}
				c.Where = append(c.Where, &model.MockField{Path: q.k.Value, Value: v})
			}
		})
	}
}

// cases reads the when of a create, an action or a list: each case's
// conditions on input and description members (scalars, each with a list
// of values of its kind, ~ for left out), its set (as the operation's)
// and its output (as a mock block's; a list's over each item).
func (r *resolver) cases(res *model.Resource, ro *model.ResourceOperation, n *yaml.Node, desc *model.Shape) []*model.Case {
	w := what(res, ro) + " when"
	var out []*model.Case
	for _, cn := range r.sequence(n, "when") {
		c := &model.Case{}
		for _, p := range r.mapping(cn, "case", caseKeys) {
			switch p.k.Value {
			case "input":
				c.Input = r.caseConditions(p.v, ro.Operation.Input, w, "input member", false)
			case "resource":
				c.Resource = r.caseConditions(p.v, desc, w, "resource member", false)
			case "set":
				if ro.Role == "list" {
					r.errorf(p.k, "%s: a list writes nothing into the descriptions: a case of a list has output only", w)
					continue
				}
				c.Set = r.descFields(p.v, ro.Operation, desc, nil, w+" set")
			case "error":
				if ro.Role == "list" {
					r.errorf(p.k, "%s: a list answers no error of its cases: a case of a list has output only", w)
					continue
				}
				c.Error = r.resourceErrorNode(res, p.v, "when error of "+ro.Operation.Name)
			case "output":
				shape := ro.Operation.Output
				if ro.Role == "list" {
					shape = listItem(ro)
				}
				if shape != nil {
					c.Output = r.mockFields(p.v, shape, w+" output member", scope{op: ro.Operation, input: ro.Operation.Input})
				}
			}
		}
		if len(c.Input) == 0 && len(c.Resource) == 0 && !r.isMeant(cn, "input") && !r.isMeant(cn, "resource") {
			r.errorf(cn, "%s: a case needs input or resource, the members and values it applies to", w)
		}
		out = append(out, c)
	}
	return out
}

// identifierMember checks an action's identifierMember (at n): a string
// member of the description (the action's identifier is checked as
// every action's).
func (r *resolver) identifierMember(res *model.Resource, ro *model.ResourceOperation, desc *model.Shape, n *yaml.Node) {
	w := what(res, ro)
	if s := r.memberPath(desc, str{ro.IdentifierMember, n}, w+" identifierMember"); s != nil && s.Kind != model.String {
		r.errorf(n, "%s: identifierMember %s must be a string member of the description, it is %s", w, ro.IdentifierMember, s.Kind)
	}
}

// sharedBinding says why the operation of other cannot also be bound as
// ro ("" when it can): only lists that each say when they apply
// (selectWhen), of top-level resources, deleteMany and actionMany
// bindings that each pass over identifiers naming none of their
// resources (ignoreMissing), and actions of top-level resources may share
// one operation (CloudWatch's DescribeAlarms, DeleteAlarms and
// SetAlarmState of metric and composite alarms).
func sharedBinding(other, ro *model.ResourceOperation) string {
	switch {
	case other.Role != ro.Role:
		return " in another role"
	case ro.Role == "list" && (other.SelectWhen == nil || ro.SelectWhen == nil):
		return "; lists of several resources each need selectWhen"
	case (ro.Role == "deleteMany" || ro.Role == "actionMany") && (!other.IgnoreMissing || !ro.IgnoreMissing):
		return "; a " + ro.Role + " of several resources needs ignoreMissing in each binding"
	case ro.Role == "action" && (other.ParentIdentifier != "" || ro.ParentIdentifier != "" || other.IdentifierMember != "" || ro.IdentifierMember != ""):
		return "; an action of several resources names a top-level resource by its id, name or ARN"
	case ro.Role != "list" && ro.Role != "deleteMany" && ro.Role != "actionMany" && ro.Role != "action":
		return "; only lists, deleteMany, actionMany and actions may act on several"
	}
	return ""
}

// listItem is the shape of the items of the list ro, nil when it is not
// a structure.
func listItem(ro *model.ResourceOperation) *model.Shape {
	s := shapeAt(ro.Operation.Output, ro.Items)
	if pg := ro.Operation.Paginator; ro.Items == "" && pg != nil && len(pg.ResultKeys) > 0 {
		s = pg.ResultKeys[0].Last().Shape
	}
	if s != nil && s.Kind == model.List && s.Member != nil && s.Member.Kind == model.Structure {
		return s.Member
	}
	return nil
}

// caseConditions reads the conditions of a case on the members of shape
// (what: "input member", "resource member"); with lists, a member may be
// a list of scalars, which meets a condition by one of its elements.
func (r *resolver) caseConditions(n *yaml.Node, shape *model.Shape, w, what string, lists bool) []*model.MockField {
	var conds []*model.MockField
	for _, q := range r.mapping(n, "case "+what+"s", nil) {
		s := r.memberPath(shape, str{q.k.Value, q.k}, w+" "+what)
		if s != nil && lists && s.Kind == model.List && s.Member != nil && isScalar(s.Member) {
			s = s.Member
		}
		if s != nil && !isScalar(s) {
			r.errorf(q.k, "%s: %s %s must be a scalar, it is %s", w, what, q.k.Value, s.Kind)
			s = nil
		}
		var values []any
		for _, vn := range r.sequence(q.v, "case values") {
			v := decodeAny(vn)
			if m, ok := v.(map[string]any); ok {
				if suffix, ok := m["endsWith"].(string); !ok || len(m) != 1 {
					r.errorf(vn, "%s: %s: a value is a scalar, ~ or {endsWith: text}", w, q.k.Value)
				} else if s != nil && s.Kind != model.String {
					r.errorf(vn, "%s: endsWith %q compares a string, and %s is %s", w, suffix, q.k.Value, s.Kind)
				}
				values = append(values, v)
				continue
			}
			switch {
			case v == nil:
			case !tmpl.IsLiteral(v) || literalClass(v) == "":
				r.errorf(vn, "%s: %s: a value is a scalar or ~", w, q.k.Value)
			case s != nil && scalarClass(s) != "" && literalClass(v) != scalarClass(s):
				r.errorf(vn, "%s: %s is a %s, not a %s", w, q.k.Value, scalarClass(s), literalClass(v))
			case s != nil && s.IsEnum() && !enumHas(s, v.(string)):
				r.errorf(vn, "%q is not a value of enum %s", v, s.Name)
			}
			values = append(values, v)
		}
		conds = append(conds, &model.MockField{Path: q.k.Value, Value: values})
	}
	return conds
}

// attributes checks a resource kept as attributes (attrs, its attributes
// key): its description must be a map of strings, and a create's input
// member of that name, which starts the description, one too. A
// description that is a map needs the key.
func (r *resolver) attributes(res *model.Resource, desc *model.Shape, attrs str, key *yaml.Node) {
	stringMap := func(s *model.Shape) bool {
		return s.Kind == model.Map && s.Value != nil && s.Value.Kind == model.String
	}
	kindOf := func(s *model.Shape) string {
		if s.Kind == model.Map && s.Value != nil {
			return "a map of " + string(s.Value.Kind)
		}
		return string(s.Kind)
	}
	if !attrs.ok() {
		if desc.Kind == model.Map {
			r.errorf(key, "resource %s is described by a map: say so with attributes, the member that holds it", res.Name)
		}
		return
	}
	if !stringMap(desc) {
		r.errorf(attrs.n, "resource %s: attributes %s: its description must be a map of strings, it is %s", res.Name, attrs.v, kindOf(desc))
		return
	}
	for _, ro := range res.Operations {
		if ro.Role != "create" {
			continue
		}
		if s := shapeAt(ro.Operation.Input, attrs.v); s != nil && !stringMap(s) {
			r.errorf(attrs.n, "resource %s: attributes: the input member %s of %s must be a map of strings, it is %s", res.Name, attrs.v, ro.Operation.Name, kindOf(s))
		}
	}
}

// transition reads a status block; its statuses are checked against the
// status shape later (statuses; nil: not checked).
func (r *resolver) transition(n *yaml.Node, what string, statuses map[*yaml.Node]string) *model.Transition {
	t := &model.Transition{}
	for _, q := range r.mapping(n, what+" status", transitionKeys) {
		switch q.k.Value {
		case "during":
			t.During = r.str(q.v, "during").v
			if statuses != nil {
				statuses[q.v] = t.During
			}
		case "then":
			t.Then = r.str(q.v, "then").v
			if statuses != nil {
				statuses[q.v] = t.Then
			}
		case "delay":
			if d, ok := r.number(q.v, "delay"); ok {
				if d < 0 {
					r.errorf(q.v, "%s: delay must not be negative", what)
				}
				t.Delay = d
			}
		}
	}
	return t
}

// shapeAt follows a dotted path of member names from s; nil when it leaves
// the declared members.
func shapeAt(s *model.Shape, path string) *model.Shape {
	for _, seg := range strings.Split(path, ".") {
		if s == nil || s.Kind != model.Structure {
			return nil
		}
		var next *model.Shape
		for _, m := range s.Members {
			if m.Name == seg {
				next = m.Shape
			}
		}
		s = next
	}
	return s
}

// scalarClass is the JSON kind of a scalar shape's values (string, number
// or boolean); "" for others, timestamps included (their wire form
// varies).
func scalarClass(s *model.Shape) string {
	switch s.Kind {
	case model.String:
		return "string"
	case model.Integer, model.Long, model.Float, model.Double:
		return "number"
	case model.Boolean:
		return "boolean"
	}
	return ""
}

// literalClass is the JSON kind of a literal YAML scalar.
func literalClass(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case int64, float64, int:
		return "number"
	case bool:
		return "boolean"
	}
	return ""
}

// laterNodes are the keys of an operation's binding checked once the
// description is known.
type laterNodes struct{ set, failure, creates, filterList, doneSet, when, identifierMember *yaml.Node }

// filterList reads a list's filter list; its fields are checked against
// the description later.
func (r *resolver) filterList(op *model.Operation, n *yaml.Node, what string) *model.FilterList {
	fl := &model.FilterList{Fields: map[string]string{}}
	var member str
	var elems map[string]str
	elems = map[string]str{}
	for _, p := range r.mapping(n, what+" filterList", filterListKeys) {
		switch p.k.Value {
		case "member":
			member = r.str(p.v, "member")
			fl.Member = member.v
		case "name", "values", "condition":
			elems[p.k.Value] = r.str(p.v, p.k.Value)
		case "defaultCondition":
			v := r.str(p.v, p.k.Value)
			if v.ok() && v.v != "EQ" && v.v != "IN" {
				r.errorf(v.n, "%s: defaultCondition %q must be EQ or IN", what, v.v)
			}
			fl.DefaultCondition = v.v
		case "tagPrefix":
			fl.TagPrefix = r.str(p.v, p.k.Value).v
		case "tagKeyName":
			fl.TagKeyName = r.str(p.v, p.k.Value).v
		case "fields":
			for _, q := range r.mapping(p.v, what+" filterList fields", nil) {
				fl.Fields[q.k.Value] = r.str(q.v, "field").v
			}
		}
	}
	fl.Name, fl.Values, fl.Condition = elems["name"].v, elems["values"].v, elems["condition"].v
	if !member.ok() {
		return fl
	}
	s := r.memberPath(op.Input, member, what+" filterList member")
	if s == nil {
		return fl
	}
	if s.Kind != model.List || s.Member.Kind != model.Structure {
		r.errorf(member.n, "%s: filterList member %s must be a list of structures", what, member.v)
		return fl
	}
	for k, v := range elems {
		if v.ok() {
			r.memberPath(s.Member, v, what+" filterList "+k)
		}
	}
	return fl
}

func what(res *model.Resource, ro *model.ResourceOperation) string {
	return "resource " + res.Name + " " + ro.Role + " " + ro.Operation.Name
}

// creates reads what an operation records beside the resource: the kind
// and its description are checked once every resource is read.
func (r *resolver) creates(res *model.Resource, ro *model.ResourceOperation, n *yaml.Node) {
	c := &model.Creates{}
	ro.Creates = c
	var kindN, curN, supN str
	var setN, supSetK, supSetN, doneSetN *yaml.Node
	for _, p := range r.mapping(n, what(res, ro)+" creates", createsKeys) {
		switch p.k.Value {
		case "resource":
			kindN = r.str(p.v, "resource")
		case "id":
			v := r.str(p.v, "id")
			if s := r.memberPath(ro.Operation.Output, v, what(res, ro)+" creates id"); s != nil && s.Kind != model.String {
				r.errorf(v.n, "%s: creates id %s must be a string output member", what(res, ro), v.v)
			}
			if ro.Operation.Mock == nil || len(ro.Operation.Mock.Output) == 0 {
				r.errorf(v.n, "%s: creates takes its id from the output, which the operation's mock block must build", what(res, ro))
			}
			c.ID = v.v
		case "set":
			setN = p.v
		case "current":
			curN = r.str(p.v, "current")
			c.Current = curN.v
		case "supersedes":
			supN = r.str(p.v, "supersedes")
			c.Supersedes = supN.v
		case "supersededSet":
			supSetK, supSetN = p.k, p.v
		case "status":
			c.Transition = r.transition(p.v, what(res, ro)+" creates", nil)
			for _, q := range r.mapping(p.v, what(res, ro)+" creates status", transitionKeys) {
				if q.k.Value == "set" {
					doneSetN = q.v
				}
			}
			if c.Transition.During == "" && c.Transition.Then == "" {
				r.errorf(p.k, "%s: creates status needs during or then", what(res, ro))
			}
		}
	}
	if supSetN != nil && !supN.ok() {
		r.errorf(supSetK, "%s: creates supersededSet needs supersedes, the status it is written with", what(res, ro))
	}
	if supN.ok() && !curN.ok() {
		r.errorf(supN.n, "%s: creates supersedes needs current, the member that holds the one it supersedes", what(res, ro))
	}
	if !kindN.ok() {
		return
	}
	mainDesc := r.resDesc[res]
	r.resLater = append(r.resLater, func(byName map[string]*model.Resource) {
		k := byName[kindN.v]
		if k == nil {
			r.errorf(kindN.n, "%s: creates: %q is not a resource", what(res, ro), kindN.v)
			return
		}
		c.Resource = k
		desc := r.resDesc[k]
		if desc == nil {
			return
		}
		if setN != nil {
			c.Set = r.descFields(setN, ro.Operation, desc, mainDesc, what(res, ro)+" creates set")
		}
		if supSetN != nil {
			c.SupersededSet = r.descFields(supSetN, ro.Operation, desc, mainDesc, what(res, ro)+" creates supersededSet")
		}
		if t := c.Transition; doneSetN != nil && t != nil {
			if t.Then == "" {
				r.errorf(doneSetN, "%s: creates status set applies when then is reached, and there is no then", what(res, ro))
			}
			t.Set = r.descFields(doneSetN, ro.Operation, desc, nil, what(res, ro)+" creates status set")
		}
		if md := r.resDesc[res]; curN.ok() && md != nil {
			if s := r.memberPath(md, curN, what(res, ro)+" creates current"); s != nil && s.Kind != model.String {
				r.errorf(curN.n, "%s: creates current %s must be a string member of the description", what(res, ro), curN.v)
			}
		}
		if supN.ok() && k.Status == "" {
			r.errorf(supN.n, "%s: creates: resource %s has no status member for supersedes to set", what(res, ro), k.Name)
		}
		if t := c.Transition; t != nil && k.Status == "" {
			r.errorf(n, "%s: creates: resource %s has no status member for the transition to set", what(res, ro), k.Name)
		}
	})
}

// descShape is the shape of the description an operation answers.
func (r *resolver) descShape(ro *model.ResourceOperation) *model.Shape {
	if ro.Description == "" {
		return ro.Operation.Output
	}
	for _, m := range ro.Operation.Output.Members {
		if m.Name == ro.Description && m.Shape.Kind == model.List {
			return m.Shape.Member
		}
		if m.Name == ro.Description {
			return m.Shape
		}
	}
	return nil
}

// resourceError is the error shape v names, its message member set to
// {message}; it must be an error some operation declares, so that the
// clients know it. In a service whose operations declare no errors, v
// may be an error's code instead (errorcode.go).
func (r *resolver) resourceError(res *model.Resource, v str, what string) *model.MockError {
	if e := r.codeError(v, "resource "+res.Name+" "+what); e != nil {
		return e // errorcode.go
	}
	s := r.ref(v, "resource "+res.Name+" "+what)
	if s == nil {
		return nil
	}
	if r.byName[s.Name] == nil || r.byName[s.Name].err == nil {
		r.errorf(v.n, "resource %s %s: %s has no error trait", res.Name, what, v.v)
		return nil
	}
	declared := s == r.svc.ValidationError
	for _, op := range r.svc.Operations {
		for _, e := range op.Errors {
			declared = declared || e == s
		}
	}
	if !declared {
		r.errorf(v.n, "resource %s %s: no operation declares the error %s", res.Name, what, v.v)
	}
	me := &model.MockError{Shape: s}
	for _, m := range s.Members {
		if strings.EqualFold(m.Name, "message") && m.Location == "" {
			me.Members = []*model.MockField{{Path: m.Name, Value: "{message}"}}
			break
		}
	}
	return me
}

// resourceOp reads what one operation does to the resource.
func (r *resolver) resourceOp(res *model.Resource, op *model.Operation, n *yaml.Node, statuses, filters map[*yaml.Node]string, later map[*model.ResourceOperation]laterNodes) *model.ResourceOperation {
	ro := &model.ResourceOperation{Operation: op, Description: "-"}
	pairs := r.mapping(n, "resource "+res.Name+" operation "+op.Name, resourceOpKeys)
	for _, p := range pairs {
		if p.k.Value == "role" {
			v := r.str(p.v, "role")
			if _, ok := roleKeys[v.v]; ok {
				ro.Role = v.v
			} else if v.ok() {
				r.errorf(v.n, "unknown role %q (want create, read, readMany, update, delete, deleteMany, list, action, actionMany, tag, untag or listTags)", v.v)
			}
		}
	}
	if ro.Role == "" {
		if !r.isMeant(n, "role") && deref(n).Kind == yaml.MappingNode && !hasKey(pairs, "role") {
			r.errorf(n, "resource %s operation %s is missing required key \"role\"", res.Name, op.Name)
		}
		return nil
	}
	what := "resource " + res.Name + " " + ro.Role + " " + op.Name
	input := func(v str, kinds ...model.Kind) string {
		s := r.memberPath(op.Input, v, what+" input member")
		if s != nil && !contains(kindNames(kinds), string(s.Kind)) {
			r.errorf(v.n, "%s: input member %s must be a %s, it is %s", what, v.v, strings.Join(kindNames(kinds), " or "), s.Kind)
		}
		return v.v
	}
	output := func(v str, kinds ...model.Kind) *model.Shape {
		s := r.memberPath(op.Output, v, what+" output member")
		if s != nil && !contains(kindNames(kinds), string(s.Kind)) {
			r.errorf(v.n, "%s: output member %s must be a %s, it is %s", what, v.v, strings.Join(kindNames(kinds), " or "), s.Kind)
			return nil
		}
		return s
	}
	for _, p := range pairs {
		k := p.k.Value
		if k != "role" && k != "status" && !contains(roleKeys[ro.Role], k) {
			r.errorf(p.k, "%s: key %q does not apply to role %s", what, k, ro.Role)
			continue
		}
		if (ro.Role == "readMany" || ro.Role == "deleteMany" || ro.Role == "actionMany") && (k == "identifier" || k == "description") {
			v := r.str(p.v, k)
			if k == "identifier" {
				if s := r.memberPath(op.Input, v, what+" input member"); s != nil && (s.Kind != model.List || s.Member.Kind != model.String) {
					r.errorf(v.n, "%s: identifier %s must be a list of strings", what, v.v)
				}
				ro.Identifier = v.v
			} else {
				if s := output(v, model.List); s != nil && s.Member.Kind != model.Structure {
					r.errorf(v.n, "%s: description %s must be a list of structures", what, v.v)
				}
				ro.Description = v.v
			}
			continue
		}
		switch k {
		case "notFound":
			ro.NotFound = r.resourceErrorNode(res, p.v, "notFound of "+op.Name)
		case "retired":
			ro.Retired = r.resourceErrorNode(res, p.v, "retired of "+op.Name)
		case "ignoreMissing":
			ro.IgnoreMissing = r.boolean(p.v, k)
		case "optionalIdentifier":
			ro.OptionalIdentifier = r.boolean(p.v, k)
		case "selectWhen":
			ro.SelectWhen = r.caseConditions(p.v, op.Input, what+" selectWhen", "input member", true)
			if ro.SelectWhen == nil {
				ro.SelectWhen = []*model.MockField{} // given, even empty: the binding says when it applies
			}
		case "identifierMember":
			ro.IdentifierMember = r.str(p.v, k).v
			ln := later[ro]
			ln.identifierMember = p.v
			later[ro] = ln
		case "cascade":
			ro.Cascade = r.boolean(p.v, k)
		case "attributeName", "attributeValue":
			v := r.str(p.v, k)
			if res.Attributes == "" {
				r.errorf(p.k, "%s: %s applies to a resource kept as attributes (its attributes key)", what, k)
				continue
			}
			input(v, model.String)
			if k == "attributeName" {
				ro.AttributeName = v.v
			} else {
				ro.AttributeValue = v.v
			}
		case "answerExisting", "updateExisting", "replaceExisting":
			switch k {
			case "answerExisting":
				ro.AnswerExisting = r.boolean(p.v, k)
			case "updateExisting":
				ro.UpdateExisting = r.boolean(p.v, k)
			default:
				ro.ReplaceExisting = r.boolean(p.v, k)
			}
			if n := btoi(ro.AnswerExisting) + btoi(ro.UpdateExisting) + btoi(ro.ReplaceExisting); n > 1 {
				r.errorf(p.k, "%s: a create answers the existing resource (answerExisting), updates it (updateExisting) or replaces it (replaceExisting), one of them", what)
			}
		case "each":
			pairs := r.mapping(p.v, k, nil)
			if len(pairs) != 1 {
				r.errorf(p.v, "%s: each is one input list of strings mapped to a description member", what)
				continue
			}
			v := r.str(pairs[0].k, k)
			if s := r.memberPath(op.Input, v, what+" input member"); s != nil && (s.Kind != model.List || s.Member.Kind != model.String) {
				r.errorf(v.n, "%s: each %s must be a list of strings", what, v.v)
			}
			if strings.Contains(v.v, ".") {
				r.errorf(v.n, "%s: each %s must be a top-level input member", what, v.v)
			}
			m := r.str(pairs[0].v, "each member")
			if strings.Contains(m.v, ".") {
				r.errorf(m.n, "%s: each member %s must be a top-level description member", what, m.v)
			}
			filters[pairs[0].v] = m.v
			ro.Each, ro.EachMember = v.v, m.v
		case "arnOutput":
			v := r.str(p.v, k)
			output(v, model.String)
			ro.ARNOutput = v.v
		case "prefixFilters":
			for _, fn := range r.sequence(p.v, k) {
				pairs := r.mapping(fn, "prefix filter", nil)
				if len(pairs) != 1 {
					r.errorf(fn, "%s: a prefix filter is one input member mapped to a description member", what)
					continue
				}
				v := r.str(pairs[0].k, "prefix filter")
				if v.ok() {
					input(v, model.String)
					ro.PrefixFilters = append(ro.PrefixFilters, v.v)
					m := r.str(pairs[0].v, "prefix filter member")
					ro.PrefixFilterMembers = append(ro.PrefixFilterMembers, m.v)
					filters[pairs[0].v] = m.v
				}
			}
		case "failures":
			v := r.str(p.v, k)
			if fs := output(v, model.List); fs != nil && fs.Member.Kind != model.Structure {
				r.errorf(v.n, "%s: failures %s must be a list of structures", what, v.v)
			}
			ro.Failures = v.v
		case "filterList":
			ro.FilterList = r.filterList(op, p.v, what)
			ln := later[ro]
			ln.filterList = p.v
			later[ro] = ln
		case "failure", "set", "creates", "when":
			ln := later[ro]
			switch k {
			case "when":
				ln.when = p.v
			case "failure":
				ln.failure = p.v
			case "set":
				ln.set = p.v
			default:
				ln.creates = p.v
			}
			later[ro] = ln
		case "count", "group", "groups", "changes", "refuse", "companions":
			r.groupKeys(res, ro, p, what) // groups.go
		case "identifier":
			if ro.Role == "action" && hasKey(pairs, "changes") {
				v := r.str(p.v, k)
				if s := r.memberPath(op.Input, v, what+" input member"); s != nil && (s.Kind != model.List || s.Member.Kind != model.String) {
					r.errorf(v.n, "%s: identifier %s must be a list of strings, as changes answers for each", what, v.v)
				}
				ro.Identifier = v.v
				continue
			}
			if deref(p.v).Kind == yaml.SequenceNode {
				r.identifierAlternatives(ro, p.v, what) // listids.go
				continue
			}
			ro.Identifier = input(r.str(p.v, k), model.String)
		case "identifiers", "items", "resourceIds":
			r.listKeys(ro, p, what) // listids.go
		case "parentIdentifier":
			ro.ParentIdentifier = input(r.str(p.v, k), model.String)
		case "resourceArn":
			ro.ResourceARN = input(r.str(p.v, k), model.String)
		case "tagKeys":
			v := r.str(p.v, k)
			if s := r.memberPath(op.Input, v, what+" input member"); s != nil && (s.Kind != model.List || s.Member.Kind != model.String) {
				r.errorf(v.n, "%s: tagKeys %s must be a list of strings", what, v.v)
			}
			ro.TagKeys = v.v
		case "tags":
			v := r.str(p.v, k)
			from := op.Input
			if ro.Role == "listTags" {
				from = op.Output
			}
			if s := r.gatherPath(from, v, what+" member"); s != nil {
				ro.TagKey, ro.TagValue = r.tagMembers(s, v, what)
			}
			ro.Tags = v.v
		case "description":
			v := r.str(p.v, k)
			ro.Description = v.v
			switch {
			case v.v == "":
			case ro.Role == "create":
				// A create may answer its resource as the one element of a
				// list (ECS's RunTask answers tasks).
				if s := output(v, model.Structure, model.List); s != nil && s.Kind == model.List && s.Member.Kind != model.Structure {
					r.errorf(v.n, "%s: description %s must be a structure or a list of them", what, v.v)
				}
			case res.Attributes != "":
				// A resource kept as attributes is answered as the map.
				if s := output(v, model.Structure, model.Map); s != nil && s.Kind == model.Map && (s.Value == nil || s.Value.Kind != model.String) {
					r.errorf(v.n, "%s: description %s must be a map of strings", what, v.v)
				}
			default:
				output(v, model.Structure)
			}
		case "filters":
			for _, fn := range r.sequence(p.v, "filters") {
				// A filter is an input member compared with the description
				// member of the same name, or {input: member} when their
				// names differ (Lightsail's bucketName and name).
				in, member := fn, fn
				if deref(fn).Kind == yaml.MappingNode {
					pairs := r.mapping(fn, "filter", nil)
					if len(pairs) != 1 {
						r.errorf(fn, "%s: a filter is an input member, or one input member mapped to a description member", what)
						continue
					}
					in, member = pairs[0].k, pairs[0].v
				}
				v := r.str(in, "filter")
				if v.ok() {
					// An input list keeps the resources whose member is
					// one of its values (CloudWatch's AlarmNames).
					if s := shapeAt(op.Input, v.v); s != nil && s.Kind == model.List {
						if s.Member == nil || !isScalar(s.Member) {
							r.errorf(v.n, "%s: filter %s must be a scalar input member or a list of scalars", what, v.v)
						}
					} else {
						input(v, model.String, model.Integer, model.Long, model.Boolean)
					}
					ro.Filters = append(ro.Filters, v.v)
					m := r.str(member, "filter member")
					ro.FilterMembers = append(ro.FilterMembers, m.v)
					filters[member] = m.v
				}
			}
		case "newestFirst":
			ro.NewestFirst = r.boolean(p.v, k)
		case "maxPageSize":
			if size, ok := r.integer(p.v, k); ok {
				if size < 1 {
					r.errorf(p.v, "%s: maxPageSize must be at least 1", what)
				}
				ro.MaxPageSize = int(size)
			}
		case "status":
			ro.Transition = r.transition(p.v, what, statuses)
			for _, q := range r.mapping(p.v, what+" status", transitionKeys) {
				if q.k.Value == "set" {
					ln := later[ro]
					ln.doneSet = q.v
					later[ro] = ln
				}
			}
			switch t := ro.Transition; {
			case ro.Role == "list" || ro.Role == "read" || ro.Role == "readMany" || ro.Role == "deleteMany" || ro.Role == "actionMany" || isTagRole(ro.Role):
				r.errorf(p.k, "%s: a %s operation moves no status", what, ro.Role)
			case t.During == "" && t.Then == "" && ro.Role != "delete":
				r.errorf(p.k, "%s: status needs during or then", what)
			}
		}
	}
	need := func(v string, key string) {
		if v == "" && !r.isMeant(n, key) {
			r.errorf(n, "%s needs %s", what, key)
		}
	}
	switch ro.Role {
	case "read", "update", "delete", "action":
		need(ro.Identifier, "identifier")
		if ro.Role == "update" && res.Attributes != "" {
			// An update of a map writes one attribute: the input's own
			// members are not the map's.
			need(ro.AttributeName, "attributeName")
		}
	case "deleteMany", "actionMany":
		need(ro.Identifier, "identifier")
	case "readMany":
		need(ro.Identifier, "identifier")
		if ro.Description == "-" {
			r.errorf(n, "%s needs description: the output list of descriptions", what)
		}
	case "list":
		if !hasKey(pairs, "items") {
			r.listPaginator(op, n, what)
		}
	case "tag", "listTags":
		if !hasKey(pairs, "resourceIds") {
			need(ro.ResourceARN, "resourceArn")
		}
		need(ro.Tags, "tags")
	case "untag":
		if !hasKey(pairs, "resourceIds") {
			need(ro.ResourceARN, "resourceArn")
		}
		if ro.Tags == "" {
			need(ro.TagKeys, "tagKeys")
		} else if ro.TagKey == "" && ro.TagValue == "" {
			r.errorf(n, "%s: untag tags must be a list of key-value structures", what)
		}
	}
	if ro.Role == "create" {
		ro.QuotaExceeded = declaredQuotaError(op)
		for _, m := range op.Input.Members {
			if m.IdempotencyToken {
				ro.IdempotencyToken = m.Name
			}
		}
	}
	return ro
}

// listItems is the structure a list operation's pages hold; nil when its
// paginator names none.
func listItems(op *model.Operation) *model.Shape {
	if pg := op.Paginator; pg != nil && len(pg.ResultKeys) > 0 {
		if last := pg.ResultKeys[0].Last().Shape; last.Kind == model.List && last.Member.Kind == model.Structure {
			return last.Member
		}
	}
	return nil
}

// listPaginator checks that a list operation's paginator (the operation's
// own paginator key) is one the engine can serve: one token each way and
// a first result key that is a list of descriptions.
func (r *resolver) listPaginator(op *model.Operation, n *yaml.Node, what string) {
	pg := op.Paginator
	switch {
	case pg == nil:
		r.errorf(n, "%s: operation %s has no paginator; give it one (operations.%s.paginator) naming its result list", what, op.Name, op.Name)
	case len(pg.ResultKeys) == 0:
		// reported with the paginator
	case len(pg.InputTokens) > 1 || len(pg.OutputTokens) > 1:
		r.errorf(n, "%s: the mock pages with one token, the paginator of %s has several", what, op.Name)
	default:
		if last := pg.ResultKeys[0].Last().Shape; last.Kind != model.List || last.Member.Kind != model.Structure && last.Member.Kind != model.String {
			r.errorf(n, "%s: the result key of %s must be a list of structures (the descriptions) or of strings (their ARNs)", what, op.Name)
		}
	}
}

// tagMembers checks a tags member, a map of strings or a list of key-value
// structures, and returns the structure's key and value members.
func (r *resolver) tagMembers(s *model.Shape, v str, what string) (key, value string) {
	switch {
	case s.Kind == model.Map && s.Value != nil && s.Value.Kind == model.String:
		return "", ""
	case s.Kind == model.List && s.Member != nil && s.Member.Kind == model.Structure:
		for _, m := range s.Member.Members {
			switch strings.ToLower(m.Name) {
			case "key", "tagkey":
				key = m.Name
			case "value", "tagvalue":
				value = m.Name
			}
		}
		if key != "" && value != "" {
			return key, value
		}
	}
	r.errorf(v.n, "%s: tags %s must be a map of strings or a list of structures with Key and Value members", what, v.v)
	return "", ""
}

// declaredQuotaError is the operation's quota error, found by its code
// (quotaCodes), its message member set to {message}; nil when it declares
// none.
func declaredQuotaError(op *model.Operation) *model.MockError {
	for _, code := range quotaCodes {
		for _, e := range op.Errors {
			if e.Error != nil && e.Error.Code == code {
				me := &model.MockError{Shape: e}
				for _, m := range e.Members {
					if strings.EqualFold(m.Name, "message") && m.Location == "" {
						me.Members = []*model.MockField{{Path: m.Name, Value: "{message}"}}
						break
					}
				}
				return me
			}
		}
	}
	return nil
}

// isTagRole tells whether a role acts on tags, which every resource with
// an ARN shares.
func isTagRole(role string) bool { return role == "tag" || role == "untag" || role == "listTags" }

func kindNames(kinds []model.Kind) []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = string(k)
	}
	return out
}

func hasKey(pairs []pair, key string) bool {
	for _, p := range pairs {
		if p.k.Value == key {
			return true
		}
	}
	return false
}

// btoi is 1 for true, 0 for false.
func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
