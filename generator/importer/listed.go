package importer

import (
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Resources read through lists, EC2's way: no DescribeX of one, but
// CreateX answering a structure X that has an XId, DescribeXs taking an
// optional list XIds (and Filters) and answering a list of X, and DeleteX
// taking XId. The model says the rest plainly too: the Filters member's
// doc lists the filter names (vpc-id, state, tag:<key>), the Values doc
// says values are joined with an OR, CreateTags and DeleteTags name any
// resources by id, the creates carry tags in TagSpecifications, and the
// examples show the ids' prefix (vpc-a01106c2).

// listedOp is what a list binding read through ids adds to inferredOp.
type listedOp struct {
	identifiers []string
	items       string // the output list, for a list without a paginator
	filterList  *inferredFilterList
	resourceIDs string // tag, untag: the input list of ids
}

type inferredFilterList struct {
	member, name, values string
	anyValue             bool // values are joined with an OR
	tagPrefix            string
	tagKeyName           string      // the filter of tag keys, "" for none
	fields               [][2]string // filter name, description member
}

// inferListed gathers resource x read through DescribeXs, or returns nil
// when a part is missing.
func (t *translator) inferListed(x string, create *botoOperation, ops map[string]*botoOperation, ex *extras) *inferredRes {
	list, del := ops["Describe"+plural(x)], ops["Delete"+x]
	if list == nil || del == nil || create.input == "" || create.output == "" || list.input == "" || list.output == "" || del.input == "" {
		return nil
	}
	var descMember *botoMember
	for _, mb := range t.m.shapes[create.output].members {
		if mb.shape == x && t.kind(x) == "structure" {
			descMember = mb
		}
	}
	if descMember == nil {
		return nil
	}
	desc := t.m.shapes[x]
	r := &inferredRes{name: x, desc: desc, errs: map[string]string{}, listed: true}
	if r.id = t.findMember(desc, x, []string{"Id"}, "string"); r.id == "" || !strings.EqualFold(memberByWire(desc, r.id).name, x+"Id") {
		return nil
	}
	r.arn = t.findMember(desc, x, []string{"Arn"}, "string")
	listIn, listOut, createIn := t.m.shapes[list.input], t.m.shapes[list.output], t.m.shapes[create.input]
	var ids, items string
	for _, mb := range listIn.members {
		if l := t.m.shapes[mb.shape]; strings.EqualFold(mb.name, x+"Ids") && l.typ == "list" && t.kind(l.member) == "string" {
			ids = wireName(mb)
		}
	}
	for _, mb := range listOut.members {
		if l := t.m.shapes[mb.shape]; l.typ == "list" && l.member == x {
			items = wireName(mb)
		}
	}
	delIdent := t.identifier(x, del)
	if ids == "" || items == "" || delIdent == "" {
		return nil
	}
	lo := &inferredOp{op: list, role: "list", listedOp: listedOp{identifiers: []string{ids}}}
	// A list paginators-1.json gives no paginator answers in one page
	// (no paginator is guessed: the client would get one the service's
	// SDKs do not have). The paginator's names are wire names.
	if p := ex.paginators[list.name]; p == nil {
		lo.items = items
	} else if paginatorKey(p, "resultKey") != items || strings.Contains(paginatorKey(p, "outputToken"), ".") {
		return nil // a paginator of another list
	} else if mb := memberByWire(listIn, paginatorKey(p, "limitKey")); mb != nil {
		if n, err := strconv.Atoi(t.m.shapes[mb.shape].max); err == nil && n > 0 {
			lo.maxPageSize = n
		}
	}
	lo.filterList = t.filterList(listIn, desc)
	if st := t.findMember(desc, x, []string{"State", "Status"}, "string"); st != "" && memberByWire(createIn, st) == nil {
		enum := t.m.shapes[memberByWire(desc, st).shape].enum
		r.status, r.ready, r.creating = st, pickValue(enum, readyStatuses), pickValue(enum, creatingStatuses)
	}
	d := wireName(descMember)
	c := &inferredOp{op: create, role: "create", description: &d, tags: t.tagSpecMember(createIn)}
	if r.ready != "" {
		if r.creating != "" {
			c.status = [2]string{r.creating, r.ready}
		} else {
			c.status = [2]string{r.ready, ""}
		}
	}
	// The create's members that the description spells with another
	// case (EC2's CidrBlock in, cidrBlock out) are echoed by set; the
	// account owns what it creates.
	for _, mb := range desc.members {
		w := wireName(mb)
		if in := memberByName(createIn, mb.name); in != nil && wireName(in) != w && in.shape == mb.shape && isScalarKind(t.kind(mb.shape)) {
			c.set = append(c.set, [2]string{w, "{input." + wireName(in) + "}"})
		}
		if mb.name == "OwnerId" && t.kind(mb.shape) == "string" && strings.Contains(strings.ToLower(docText(mb.doc)), "account") {
			c.set = append(c.set, [2]string{w, "{account}"})
		}
	}
	r.ops = append(r.ops, c, &inferredOp{op: del, role: "delete", identifier: delIdent}, lo)
	r.idPrefix = t.exampleIDPrefix(memberByWire(desc, r.id).name, ex, create.name, list.name)
	return r
}

func isScalarKind(k string) bool {
	return k == "string" || k == "integer" || k == "long" || k == "boolean"
}

// paginatorKey is a paginator's key k when it is one member.
func paginatorKey(p *yaml.Node, k string) string {
	for i := 0; i+1 < len(p.Content); i += 2 {
		if p.Content[i].Value == k && p.Content[i+1].Kind == yaml.ScalarNode {
			return p.Content[i+1].Value
		}
	}
	return ""
}

// tagSpecMember is the path of the tags a create carries in its
// TagSpecifications (a list of structures holding Tags): their wire
// names, dotted; else its plain Tags member.
func (t *translator) tagSpecMember(in *botoShape) string {
	for _, mb := range in.members {
		l := t.m.shapes[mb.shape]
		if !strings.EqualFold(mb.name, "TagSpecifications") || l.typ != "list" || t.kind(l.member) != "structure" {
			continue
		}
		if tags := t.tagsMember(t.m.shapes[l.member]); tags != "" {
			return wireName(mb) + "." + tags
		}
	}
	return t.tagsMember(in)
}

// filterItemRE finds a filter's name at the start of an item of a
// Filters member's doc: <li> <p> <code>vpc-id</code> - ...
var filterItemRE = regexp.MustCompile(`<li>\s*<p>\s*<code>([a-z0-9:-]+)</code>\s*-`)

// tagFilterRE finds the doc's tag filter: "specify <code>tag:Owner</code>
// for the filter name".
var tagFilterRE = regexp.MustCompile(`specify <code>tag:[^<]*</code> for the filter name`)

// filterList reads the input's Filters (a list of Name and Values): the
// filter names its doc lists that name a scalar member of the description
// (vpc-id is vpcId), tag:<key> when it lists tag so, and the Values doc's
// "joined with an OR". Nil when there is no such member.
func (t *translator) filterList(in, desc *botoShape) *inferredFilterList {
	var fm *botoMember
	for _, mb := range in.members {
		if mb.name == "Filters" && t.kind(mb.shape) == "list" {
			fm = mb
		}
	}
	if fm == nil {
		return nil
	}
	f := t.m.shapes[t.m.shapes[fm.shape].member]
	if f == nil || f.typ != "structure" {
		return nil
	}
	name, values := memberByName(f, "Name"), memberByName(f, "Values")
	if name == nil || values == nil || t.kind(name.shape) != "string" || t.kind(values.shape) != "list" {
		return nil
	}
	fl := &inferredFilterList{member: wireName(fm), name: wireName(name), values: wireName(values),
		anyValue: strings.Contains(values.doc, "joined with an <code>OR</code>")}
	scalars := map[string]string{}
	for _, mb := range desc.members {
		if isScalarKind(t.kind(mb.shape)) {
			scalars[strings.ToLower(mb.name)] = wireName(mb)
		}
	}
	if tagFilterRE.MatchString(fm.doc) {
		fl.tagPrefix = "tag:"
	}
	for _, m := range filterItemRE.FindAllStringSubmatch(fm.doc, -1) {
		if member := scalars[strings.ReplaceAll(m[1], "-", "")]; member != "" {
			fl.fields = append(fl.fields, [2]string{m[1], member})
		} else if m[1] == "tag-key" {
			fl.tagKeyName = m[1]
		}
	}
	if len(fl.fields) == 0 && fl.tagPrefix == "" && fl.tagKeyName == "" {
		return nil
	}
	return fl
}

// exampleIDPrefix is the prefix of the ids the examples of the given
// operations show for the member named idName (vpc- of vpc-a01106c2); ""
// when they show none, or disagree.
func (t *translator) exampleIDPrefix(idName string, ex *extras, ops ...string) string {
	var prefix string
	var walk func(n *yaml.Node) bool
	walk = func(n *yaml.Node) bool {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if strings.EqualFold(k.Value, idName) && v.Kind == yaml.ScalarNode {
					p, _, ok := strings.Cut(v.Value, "-")
					if !ok || p == "" || prefix != "" && prefix != p+"-" {
						return false
					}
					prefix = p + "-"
				}
				if !walk(v) {
					return false
				}
			}
		case yaml.SequenceNode:
			for _, c := range n.Content {
				if !walk(c) {
					return false
				}
			}
		}
		return true
	}
	for _, op := range ops {
		if e := ex.examples[op]; e != nil && !walk(e) {
			return ""
		}
	}
	return prefix
}

// inferTagsByID binds EC2's CreateTags and DeleteTags, whose inputs name
// any resources by id (Resources, a list of strings) and carry a list of
// tags, to every resource read through a list whose description shows
// tags.
func (t *translator) inferTagsByID(found []*inferredRes, ops map[string]*botoOperation) {
	var tagOps []*inferredOp
	for _, b := range []struct{ name, role string }{{"CreateTags", "tag"}, {"DeleteTags", "untag"}} {
		op := ops[b.name]
		if op == nil || op.input == "" {
			return
		}
		in := t.m.shapes[op.input]
		res := memberByName(in, "Resources")
		if res == nil || t.kind(res.shape) != "list" || t.kind(t.m.shapes[res.shape].member) != "string" {
			return
		}
		tags := t.tagsMember(in)
		if tags == "" || t.kind(memberByWire(in, tags).shape) != "list" {
			return
		}
		o := &inferredOp{op: op, role: b.role, listedOp: listedOp{resourceIDs: wireName(res)}}
		o.tags = tags
		tagOps = append(tagOps, o)
	}
	for _, r := range found {
		if r.listed && t.tagsMember(r.desc) != "" {
			r.tagOps = tagOps
		}
	}
}

// inferListedParent makes r, read through a list, a child of the one
// other such resource whose id its create requires and its description
// holds (a subnet's VpcId): its delete then waits for its children.
func (t *translator) inferListedParent(r *inferredRes, all []*inferredRes) {
	in := t.m.shapes[r.ops[0].op.input]
	var cands []*inferredRes
	for _, p := range all {
		if p == r || !p.listed || ancestor(r, p) {
			continue
		}
		mb := memberByName(in, p.name+"Id")
		if mb != nil && contains(in.required, mb.name) && t.kind(mb.shape) == "string" && memberByName(r.desc, p.name+"Id") != nil {
			cands = append(cands, p)
		}
	}
	if len(cands) != 1 {
		return
	}
	r.parent = cands[0]
	r.ops[0].parentIdent = wireName(memberByName(in, r.parent.name+"Id"))
	r.parentID = wireName(memberByName(r.desc, r.parent.name+"Id"))
}

// writeListed writes what a binding read through ids adds.
func writeListed(b mapping, o *inferredOp) {
	switch len(o.identifiers) {
	case 0:
	case 1:
		b.addStr("identifiers", o.identifiers[0])
	default:
		b.add("identifiers", flow(strs(o.identifiers)))
	}
	b.addStr("items", o.items)
	b.addStr("resourceIds", o.resourceIDs)
	if fl := o.filterList; fl != nil {
		m := newMapping()
		m.addStr("member", fl.member)
		m.addStr("name", fl.name)
		m.addStr("values", fl.values)
		if fl.anyValue {
			m.addStr("defaultCondition", "IN")
		}
		m.addStr("tagPrefix", fl.tagPrefix)
		m.addStr("tagKeyName", fl.tagKeyName)
		fields := newMapping()
		for _, kv := range fl.fields {
			fields.addStr(kv[0], kv[1])
		}
		m.add("fields", flow(fields.n))
		b.add("filterList", m.n)
	}
}
