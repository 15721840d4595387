package importer

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/specgen/specgen/generator/spec"
)

// Resource inference: the importer writes a `resources` block for the
// kinds of resource a model's naming and shapes make plain (CreateX with
// GetX or DescribeX, and ListXs, UpdateX, DeleteX beside them, tags by
// ARN), so that the generated mock keeps them through their whole life
// without an overlay. Where any part is unclear the resource is left out
// whole: a wrong resource makes a mock that lies, a missing one only a mock
// that answers empty outputs, which an overlay can complete.

// inferredRes is one resource found in the model.
type inferredRes struct {
	name      string
	desc      *botoShape // the structure describing it
	id, nm    string     // wire names of its id and name members in desc
	arn       string
	status    string
	ready     string // the status value a created resource settles in
	creating  string // the status value shown while it is created
	parent    *inferredRes
	parentID  string // desc member receiving the parent's id
	parentARN string // desc member receiving the parent's ARN
	// created and modified are the desc's timestamp members holding when
	// it was created and last modified.
	created, modified string
	// builtin are instances that always exist; defaultParent the parent a
	// request naming none means.
	builtin       []string
	defaultParent string
	ops           []*inferredOp     // create, read, update, delete, list, in that order
	tagOps        []*inferredOp     // tag, untag, listTags
	errs          map[string]string // notFound, conflict, hasChildren, invalidToken
	// listed is set for a resource read through a list of ids, with no
	// read (listed.go); idPrefix is the prefix its ids have.
	listed   bool
	idPrefix string
}

type inferredOp struct {
	op          *botoOperation
	role        string
	identifier  string
	parentIdent string
	description *string // nil: left out; "": the output itself
	tags        string
	tagKeys     string
	resourceArn string
	maxPageSize int
	arnOutput   string      // output member answering the ARN
	filters     [][2]string // list: input member, description member it equals
	prefixes    [][2]string // list: input member, description member it begins
	status      [2]string   // during, then
	set         [][2]string // description member, template
	listedOp                // a list read through ids, tags by id (listed.go)
}

// Suffixes of the members naming a resource, in the order they are
// preferred as the identifier an operation's input gives.
var identSuffixes = []string{"Identifier", "Id", "Name", "Arn"}

// Names of the description's timestamp members holding when a resource
// was created and last modified, as services spell them (case aside), in
// the order they are preferred.
var (
	createdNames  = []string{"CreatedAt", "CreationDate", "CreationTime", "CreatedTime", "CreatedDate", "CreateDate", "CreateTime", "CreationTimestamp", "CreatedOn"}
	modifiedNames = []string{"LastModificationDate", "LastModifiedAt", "LastModifiedDate", "LastModifiedTime", "LastUpdatedAt", "LastUpdatedTime",
		"LastUpdateTime", "LastUpdatedDate", "UpdatedAt", "UpdateTime", "ModifiedAt"}
)

// readyStatuses and creatingStatuses are the values services give a
// resource's status once it is usable and while it is being created.
var (
	readyStatuses    = []string{"ACTIVE", "AVAILABLE", "READY", "RUNNING", "ENABLED", "CREATED"}
	creatingStatuses = []string{"CREATING", "CREATE_IN_PROGRESS", "PENDING", "PROVISIONING"}
)

// inferResources finds the model's resources; nil when none is clear.
func (t *translator) inferResources(ex *extras) []*inferredRes {
	ops := map[string]*botoOperation{}
	for _, op := range t.m.operations {
		ops[op.name] = op
	}
	var found []*inferredRes
	for _, op := range t.m.operations {
		x, ok := strings.CutPrefix(op.name, "Create")
		if !ok || x == "" {
			continue
		}
		if r := t.inferResource(x, op, ops, ex); r != nil {
			found = append(found, r)
		}
	}
	// Parents named alone first; then children naming a parent and its
	// own parent too (a rule names its listener and the listener's
	// service) can take the deepest.
	for _, deep := range []bool{false, true} {
		for _, r := range found {
			if r.parent == nil && !r.listed {
				t.inferParent(r, found, deep)
			}
		}
	}
	for _, r := range found {
		if r.listed {
			t.inferListedParent(r, found)
		}
	}
	t.inferTags(found, ops)
	t.inferTagsByID(found, ops)
	for _, r := range found {
		t.inferErrors(r, found)
		t.inferFilters(r, ex)
		t.inferDefaultParent(r)
	}
	sort.Slice(found, func(i, j int) bool { return found[i].name < found[j].name })
	return found
}

// inferResource gathers resource x from its create operation, or returns
// nil when a part is missing or ambiguous.
func (t *translator) inferResource(x string, create *botoOperation, ops map[string]*botoOperation, ex *extras) *inferredRes {
	read := ops["Get"+x]
	if read == nil {
		read = ops["Describe"+x]
	}
	if read == nil {
		return t.inferListed(x, create, ops, ex) // listed.go
	}
	if read.output == "" || create.input == "" {
		return nil
	}
	readDesc, desc := t.descriptionOf(x, t.m.shapes[read.output])
	if desc == nil {
		return nil
	}
	r := &inferredRes{name: x, desc: desc, errs: map[string]string{}}
	r.id = t.findMember(desc, x, []string{"Id"}, "string")
	r.nm = t.findMember(desc, x, []string{"Name"}, "string")
	r.arn = t.findMember(desc, x, []string{"Arn"}, "string")
	if r.id == "" {
		r.id = r.nm
	}
	r.created = t.findMember(desc, "", createdNames, "timestamp")
	r.modified = t.findMember(desc, "", modifiedNames, "timestamp")
	if r.id == "" {
		return nil
	}
	ident := t.identifier(x, read)
	if ident == "" {
		return nil
	}
	createIn := t.m.shapes[create.input]
	if st := t.findMember(desc, x, []string{"Status", "State"}, "string"); st != "" && memberByWire(createIn, st) == nil {
		// A status the caller sets (a schedule's ENABLED or DISABLED) is
		// data, not a lifecycle the mock should move.
		enum := t.m.shapes[memberByWire(desc, st).shape].enum
		r.status, r.ready, r.creating = st, pickValue(enum, readyStatuses), pickValue(enum, creatingStatuses)
	}
	c := &inferredOp{op: create, role: "create", description: t.sameDescription(create, desc, readDesc, true)}
	if r.ready != "" {
		if r.creating != "" {
			c.status = [2]string{r.creating, r.ready}
		} else {
			c.status = [2]string{r.ready, ""}
		}
	}
	c.tags = t.tagsMember(createIn)
	if r.nm != "" && memberByWire(createIn, r.nm) == nil {
		// The create names the resource by another member than the
		// description does: Lightsail's CreateDisk takes diskName, a
		// disk's description says name.
		if in := t.findMember(createIn, x, []string{"Name"}, "string"); in != "" {
			c.set = append(c.set, [2]string{r.nm, "{input." + in + "}"})
		}
	}
	if a := t.arnOutput(create, desc, r.arn); a != "" {
		c.description, c.arnOutput = nil, a
	}
	r.ops = append(r.ops, c, &inferredOp{op: read, role: "read", identifier: ident, description: &readDesc})
	for _, role := range []string{"update", "delete"} {
		op := ops[strings.ToUpper(role[:1])+role[1:]+x]
		if op == nil {
			continue
		}
		id := t.identifier(x, op)
		if id == "" {
			return nil // an operation of the resource that names it unclearly
		}
		o := &inferredOp{op: op, role: role, identifier: id, description: t.sameDescription(op, desc, readDesc, false)}
		if o.description == nil {
			o.arnOutput = t.arnOutput(op, desc, r.arn)
		}
		r.ops = append(r.ops, o)
	}
	list := ops["List"+plural(x)]
	if list == nil && strings.HasPrefix(read.name, "Get") && plural(x) != x && ex.paginators["Get"+plural(x)] != nil {
		// Lightsail reads one disk with GetDisk and pages through them
		// with GetDisks.
		list = ops["Get"+plural(x)]
	}
	if list != nil {
		lo := t.listOp(list, ex)
		if lo == nil {
			return nil
		}
		r.ops = append(r.ops, lo)
	}
	return r
}

// descriptionOf finds, in a read output, the structure describing resource
// x: the output's member named x (or its only structure member), or else
// the output itself when it has the resource's id or name.
func (t *translator) descriptionOf(x string, out *botoShape) (string, *botoShape) {
	if out == nil {
		return "", nil
	}
	var structs []*botoMember
	for _, mb := range out.members {
		if s := t.m.shapes[mb.shape]; s != nil && s.typ == "structure" {
			if strings.EqualFold(mb.name, x) {
				return wireName(mb), s
			}
			structs = append(structs, mb)
		}
	}
	if t.findMember(out, x, []string{"Id", "Name"}, "string") != "" {
		return "", out
	}
	if len(structs) == 1 {
		return wireName(structs[0]), t.m.shapes[structs[0].shape]
	}
	return "", nil
}

// sameDescription is an operation's description binding: the output member
// sharing the read's structure; else, for a create (which must answer
// one), the output itself, whose members named as the description's get
// its values.
func (t *translator) sameDescription(op *botoOperation, desc *botoShape, readDesc string, create bool) *string {
	if out := t.m.shapes[op.output]; out != nil {
		if out == desc {
			s := ""
			return &s
		}
		for _, mb := range out.members {
			if mb.shape == desc.name {
				s := wireName(mb)
				return &s
			}
		}
	}
	if create || t.describes(op, desc) {
		s := ""
		return &s
	}
	return nil
}

// describes tells whether op's output is a part of description desc: it
// has the id member, and every member it has is the description's, of the
// same shape (VPC Lattice's UpdateService answers some of a service's
// members).
func (t *translator) describes(op *botoOperation, desc *botoShape) bool {
	out := t.m.shapes[op.output]
	if out == nil || len(out.members) == 0 {
		return false
	}
	for _, mb := range out.members {
		d := memberByWire(desc, wireName(mb))
		if d == nil || d.shape != mb.shape {
			return false
		}
	}
	return t.findMember(out, "", []string{"Id", "Name"}, "string") != ""
}

// inferDefaultParent reads, in the doc of the member by which r's create
// names its parent, that leaving it out means the default one
// (Scheduler's "If you omit this, the default schedule group is used"):
// r's parent then has a builtin instance named default, which such
// requests mean. A required member, or another wording, infers nothing.
func (t *translator) inferDefaultParent(r *inferredRes) {
	c := r.ops[0]
	if r.parent == nil || r.parent.nm == "" || c.parentIdent == "" {
		return
	}
	in := t.m.shapes[c.op.input]
	mb := memberByWire(in, c.parentIdent)
	if mb == nil || contains(in.required, mb.name) {
		return
	}
	doc := strings.ToLower(docText(mb.doc))
	if !strings.Contains(doc, "if you omit this") || !strings.Contains(doc, "the default "+spacedWords(r.parent.name)) {
		return
	}
	r.defaultParent = "default"
	if !contains(r.parent.builtin, "default") {
		r.parent.builtin = append(r.parent.builtin, "default")
	}
}

// spacedWords writes a resource name as the words of a doc: ScheduleGroup
// as "schedule group".
func spacedWords(name string) string {
	var b strings.Builder
	for i, c := range name {
		if i > 0 && c >= 'A' && c <= 'Z' {
			b.WriteByte(' ')
		}
		b.WriteRune(c)
	}
	return strings.ToLower(b.String())
}

// arnOutput is the member of op's output that answers the resource's ARN
// when that is all the output holds (Scheduler's CreateSchedule answers
// ScheduleArn): its only member, a string named Arn or ending so, which
// the description does not have; "" otherwise.
func (t *translator) arnOutput(op *botoOperation, desc *botoShape, arn string) string {
	out := t.m.shapes[op.output]
	if arn == "" || out == nil || out == desc || len(out.members) != 1 {
		return ""
	}
	mb := out.members[0]
	if w := wireName(mb); t.kind(mb.shape) == "string" && strings.HasSuffix(strings.ToLower(w), "arn") && memberByWire(desc, w) == nil {
		return w
	}
	return ""
}

// inferFilters gives r's list the filters its input names plainly: a
// member named as a scalar member of the description (Scheduler's State)
// keeps the resources equal to it, a member named as a string member of
// the description with the suffix Prefix (NamePrefix) those beginning
// with it. Tokens, the page size and the parent are not filters.
func (t *translator) inferFilters(r *inferredRes, ex *extras) {
	var lo *inferredOp
	for _, o := range r.ops {
		if o.role == "list" {
			lo = o
		}
	}
	if lo == nil {
		return
	}
	in := t.m.shapes[lo.op.input]
	if in == nil {
		return
	}
	skip := map[string]bool{lo.parentIdent: true}
	if p := ex.paginators[lo.op.name]; p != nil {
		for i := 0; i+1 < len(p.Content); i += 2 {
			if k := p.Content[i].Value; k == "inputToken" || k == "limitKey" {
				if mb := memberByName(in, p.Content[i+1].Value); mb != nil {
					skip[wireName(mb)] = true
				}
			}
		}
	}
	for _, mb := range in.members {
		w := wireName(mb)
		if skip[w] || mb.location != "" && mb.location != "querystring" {
			continue
		}
		k := t.kind(mb.shape)
		if d := memberByWire(r.desc, w); d != nil && k == t.kind(d.shape) && (k == "string" || k == "boolean" || k == "integer") {
			lo.filters = append(lo.filters, [2]string{w, w})
		} else if base, ok := strings.CutSuffix(w, "Prefix"); ok && k == "string" {
			if d := memberByWire(r.desc, base); d != nil && t.kind(d.shape) == "string" {
				lo.prefixes = append(lo.prefixes, [2]string{w, base})
			}
		}
	}
}

// identifier is the required string member of op's input naming resource
// x: x's Identifier, Id, Name or Arn (or a bare one), the most specific
// first; "" when there is none.
func (t *translator) identifier(x string, op *botoOperation) string {
	in := t.m.shapes[op.input]
	if in == nil {
		return ""
	}
	for _, want := range [][]string{{x}, {""}} {
		for _, suf := range identSuffixes {
			for _, mb := range in.members {
				if strings.EqualFold(mb.name, want[0]+suf) && contains(in.required, mb.name) && t.kind(mb.shape) == "string" {
					return wireName(mb)
				}
			}
		}
	}
	return ""
}

// findMember finds s's member named x+suffix or suffix (case aside) of the
// given kind, by wire name.
func (t *translator) findMember(s *botoShape, x string, suffixes []string, kind string) string {
	for _, prefix := range []string{x, ""} {
		for _, suf := range suffixes {
			for _, mb := range s.members {
				if strings.EqualFold(mb.name, prefix+suf) && t.kind(mb.shape) == kind {
					return wireName(mb)
				}
			}
		}
	}
	return ""
}

// listOp binds a list operation, which needs a paginator with one token
// and a result list of structures; nil otherwise.
func (t *translator) listOp(op *botoOperation, ex *extras) *inferredOp {
	p := ex.paginators[op.name]
	if p == nil {
		if p = t.guessPaginator(op); p == nil {
			return nil
		}
		// The operation gets the paginator too (the client a paginator
		// type): a list the mock pages must say how.
		ex.paginators[op.name] = p
	}
	keys := map[string]*yaml.Node{}
	for i := 0; i+1 < len(p.Content); i += 2 {
		keys[p.Content[i].Value] = p.Content[i+1]
	}
	for _, k := range []string{"inputToken", "outputToken", "resultKey"} {
		if keys[k] == nil || keys[k].Kind != yaml.ScalarNode || strings.Contains(keys[k].Value, ".") {
			return nil
		}
	}
	out := t.m.shapes[op.output]
	if out == nil {
		return nil
	}
	items := memberByName(out, keys["resultKey"].Value)
	if items == nil {
		return nil
	}
	if l := t.m.shapes[items.shape]; l == nil || l.typ != "list" || t.kind(l.member) != "structure" {
		return nil
	}
	lo := &inferredOp{op: op, role: "list"}
	if lk := keys["limitKey"]; lk != nil {
		if mb := memberByName(t.m.shapes[op.input], lk.Value); mb != nil {
			if n, err := strconv.Atoi(t.m.shapes[mb.shape].max); err == nil && n > 0 {
				lo.maxPageSize = n
			}
		}
	}
	return lo
}

// guessPaginator is the paginator of a list operation that
// paginators-1.json leaves out (App Runner's lists), when its shapes leave
// no doubt: NextToken in and out, MaxResults in, and one list of
// structures out.
func (t *translator) guessPaginator(op *botoOperation) *yaml.Node {
	in, out := t.m.shapes[op.input], t.m.shapes[op.output]
	if in == nil || out == nil {
		return nil
	}
	tokIn, tokOut, limit := memberByName(in, "NextToken"), memberByName(out, "NextToken"), memberByName(in, "MaxResults")
	if tokIn == nil || tokOut == nil || limit == nil || t.kind(tokIn.shape) != "string" || t.kind(tokOut.shape) != "string" || t.kind(limit.shape) != "integer" {
		return nil
	}
	var items string
	for _, mb := range out.members {
		if l := t.m.shapes[mb.shape]; l != nil && l.typ == "list" && t.kind(l.member) == "structure" {
			if items != "" {
				return nil
			}
			items = mb.name
		}
	}
	if items == "" {
		return nil
	}
	p := newMapping()
	p.addStr("inputToken", "NextToken")
	p.addStr("outputToken", "NextToken")
	p.addStr("limitKey", "MaxResults")
	p.addStr("resultKey", items)
	return flow(p.n)
}

// inferParent makes r a child of the one other resource whose identifier
// its create and read inputs carry (by the member's name or its shape's):
// a resource named within another. Its list input must carry it too, so
// that the mock can list by parent. A create naming another resource that
// the read does not (a load balancer's certificate domain) is a reference,
// not a parent.
func (t *translator) inferParent(r *inferredRes, all []*inferredRes, deep bool) {
	create := r.ops[0].op
	var cands []*inferredRes
	for _, p := range all {
		if p == r || ancestor(r, p) {
			continue
		}
		if t.parentMember(t.m.shapes[create.input], p, r.ops[1].identifier) != "" && t.parentMember(t.m.shapes[r.ops[1].op.input], p, r.ops[1].identifier) != "" {
			cands = append(cands, p)
		}
	}
	if len(cands) > 1 && deep {
		var deepest []*inferredRes
		for _, c := range cands {
			below := false
			for _, o := range cands {
				below = below || ancestor(c, o)
			}
			if !below {
				deepest = append(deepest, c)
			}
		}
		cands = deepest
	}
	if len(cands) != 1 {
		return // none, or several: unclear
	}
	parent := cands[0]
	idents := map[*inferredOp]string{}
	for _, o := range r.ops {
		m := t.parentMember(t.m.shapes[o.op.input], parent, o.identifier)
		if m == "" && o.role == "list" {
			return // the mock could not list by parent
		}
		idents[o] = m
	}
	r.parent = parent
	for o, m := range idents {
		o.parentIdent = m
	}
	if pid := t.parentIDMember(r.desc, parent, r.id); pid != "" && pid != r.nm && pid != r.arn {
		r.parentID = pid
	}
	if parent.arn != "" {
		// A listener's serviceArn beside its serviceId.
		if pa := t.findMember(r.desc, parent.name+"Arn", []string{""}, "string"); pa != "" && pa != r.arn && pa != r.parentID {
			r.parentARN = pa
		}
	}
}

// parentIDMember is the member of description s that holds what the mock
// puts there, the parent's id: named after the parent with the suffix
// its id has (a listener's serviceId, not its serviceArn, when a service's
// id is an id).
func (t *translator) parentIDMember(s *botoShape, p *inferredRes, skip string) string {
	suffixes := []string{"Id", "Identifier"}
	switch p.id {
	case p.nm:
		suffixes = []string{"Name"}
	case p.arn:
		suffixes = []string{"Arn"}
	}
	for _, suf := range suffixes {
		for _, mb := range s.members {
			if wireName(mb) != skip && t.kind(mb.shape) == "string" && (strings.EqualFold(mb.name, p.name+suf) || strings.EqualFold(mb.shape, p.name+suf)) {
				return wireName(mb)
			}
		}
	}
	return ""
}

// ancestor tells whether a is b's parent, or its parent's, and so on.
func ancestor(a, b *inferredRes) bool {
	for x := b.parent; x != nil; x = x.parent {
		if x == a {
			return true
		}
	}
	return false
}

// parentMember is s's string member naming resource p, other than skip:
// named p's Identifier, Id, Name or Arn, or of a shape so named.
func (t *translator) parentMember(s *botoShape, p *inferredRes, skip string) string {
	if s == nil {
		return ""
	}
	for _, mb := range s.members {
		if wireName(mb) == skip || t.kind(mb.shape) != "string" {
			continue
		}
		for _, suf := range identSuffixes {
			if strings.EqualFold(mb.name, p.name+suf) || strings.EqualFold(mb.shape, p.name+suf) {
				return wireName(mb)
			}
		}
	}
	return ""
}

// inferTags binds TagResource, UntagResource and ListTagsForResource to
// every resource with an ARN, when their inputs name it by ARN.
func (t *translator) inferTags(found []*inferredRes, ops map[string]*botoOperation) {
	var tagOps []*inferredOp
	for _, b := range []struct{ name, role string }{{"TagResource", "tag"}, {"UntagResource", "untag"}, {"ListTagsForResource", "listTags"}} {
		op := ops[b.name]
		if op == nil {
			return
		}
		in := t.m.shapes[op.input]
		if in == nil {
			return
		}
		o := &inferredOp{op: op, role: b.role}
		for _, mb := range in.members {
			if strings.HasSuffix(strings.ToLower(mb.name), "arn") && contains(in.required, mb.name) && t.kind(mb.shape) == "string" {
				o.resourceArn = wireName(mb)
				break
			}
		}
		switch b.role {
		case "tag":
			o.tags = t.tagsMember(in)
		case "untag":
			for _, mb := range in.members {
				if strings.EqualFold(mb.name, "TagKeys") && t.kind(mb.shape) == "list" && t.kind(t.m.shapes[mb.shape].member) == "string" {
					o.tagKeys = wireName(mb)
				}
			}
		case "listTags":
			o.tags = t.tagsMember(t.m.shapes[op.output])
		}
		if o.resourceArn == "" || o.tags == "" && o.tagKeys == "" {
			return
		}
		tagOps = append(tagOps, o)
	}
	pattern := t.m.shapes[memberByWire(t.m.shapes[tagOps[0].op.input], tagOps[0].resourceArn).shape].pattern
	re, err := regexp.Compile(pattern)
	for _, r := range found {
		// A resource whose ARN the tag input's pattern refuses cannot be
		// tagged (Scheduler tags groups, not schedules); a pattern Go
		// cannot read says nothing.
		if r.arn != "" && (pattern == "" || err != nil || re.MatchString(sampleARN(t.arnTemplate(r)))) {
			r.tagOps = tagOps
		}
	}
}

// sampleARN fills an ARN template with plausible values.
func sampleARN(tmpl string) string {
	for _, kv := range [][2]string{{"{partition}", "aws"}, {"{region}", "us-east-1"}, {"{account}", "123456789012"}} {
		tmpl = strings.ReplaceAll(tmpl, kv[0], kv[1])
	}
	for {
		i := strings.Index(tmpl, "{output.")
		if i < 0 {
			return tmpl
		}
		j := strings.Index(tmpl[i:], "}")
		tmpl = tmpl[:i] + "a1" + tmpl[i+j+1:]
	}
}

// tagsMember is s's member named Tags holding tags as the engine reads
// them: a map of strings, or a list of structures with Key and Value.
func (t *translator) tagsMember(s *botoShape) string {
	if s == nil {
		return ""
	}
	for _, mb := range s.members {
		if !strings.EqualFold(mb.name, "Tags") {
			continue
		}
		sh := t.m.shapes[mb.shape]
		switch {
		case sh.typ == "map" && t.kind(sh.key) == "string" && t.kind(sh.value) == "string":
			return wireName(mb)
		case sh.typ == "list" && t.kind(sh.member) == "structure":
			e := t.m.shapes[sh.member]
			if t.findMember(e, "", []string{"Key"}, "string") != "" && t.findMember(e, "", []string{"Value"}, "string") != "" {
				return wireName(mb)
			}
		}
	}
	return ""
}

// inferErrors picks the errors the resource's operations declare for an
// unknown resource, a name taken, a parent with children and a bad token.
func (t *translator) inferErrors(r *inferredRes, all []*inferredRes) {
	opErrs := func(role string) []string {
		for _, o := range r.ops {
			if o.role == role {
				return o.op.errors
			}
		}
		return nil
	}
	r.errs["notFound"] = pickError(opErrs("read"), "ResourceNotFoundException", "NotFound")
	r.errs["conflict"] = pickError(opErrs("create"), "ConflictException", "AlreadyExists")
	for _, c := range all {
		if c.parent == r {
			r.errs["hasChildren"] = pickError(opErrs("delete"), "ConflictException", "InUse")
			break
		}
	}
	r.errs["invalidToken"] = pickError(opErrs("list"), "InvalidNextTokenException", "InvalidNextToken")
}

// pickError is the error named exact among errs, else the one error whose
// name holds part; "" when neither is clear.
func pickError(errs []string, exact, part string) string {
	if contains(errs, exact) {
		return exact
	}
	var got string
	for _, e := range errs {
		if strings.Contains(e, part) {
			if got != "" {
				return ""
			}
			got = e
		}
	}
	return got
}

// resources writes the inferred resources as the spec's resources block.
func (t *translator) resources(found []*inferredRes) *yaml.Node {
	m := newMapping()
	for _, r := range found {
		rm := newMapping()
		if r.parent != nil {
			rm.addStr("parent", r.parent.name)
		}
		rm.addStr("id", r.id)
		rm.addStr("name", r.nm)
		rm.addStr("arn", r.arn)
		rm.addStr("idTemplate", t.idTemplate(r))
		rm.addStr("arnTemplate", t.arnTemplate(r))
		rm.addStr("parentId", r.parentID)
		rm.addStr("parentArn", r.parentARN)
		if len(r.builtin) > 0 {
			rm.add("builtin", flow(strs(r.builtin)))
		}
		rm.addStr("defaultParent", r.defaultParent)
		rm.addStr("status", r.status)
		rm.addStr("created", r.created)
		rm.addStr("modified", r.modified)
		// A description that shows tags shows them as they change.
		rm.addStr("tags", t.tagsMember(r.desc))
		for _, k := range []string{"notFound", "conflict", "hasChildren", "invalidToken"} {
			if e := r.errs[k]; e != "" {
				rm.addStr(k, t.ref(e))
			}
		}
		om := newMapping()
		for _, o := range append(append([]*inferredOp{}, r.ops...), r.tagOps...) {
			b := newMapping()
			b.addStr("role", o.role)
			b.addStr("parentIdentifier", o.parentIdent)
			b.addStr("identifier", o.identifier)
			if o.description != nil {
				b.add("description", str(*o.description))
			}
			b.addStr("arnOutput", o.arnOutput)
			for _, f := range []struct {
				key   string
				pairs [][2]string
			}{{"filters", o.filters}, {"prefixFilters", o.prefixes}} {
				if len(f.pairs) == 0 {
					continue
				}
				list := seq()
				for _, kv := range f.pairs {
					if kv[0] == kv[1] && f.key == "filters" {
						list.Content = append(list.Content, str(kv[0]))
						continue
					}
					fm := newMapping()
					fm.addStr(kv[0], kv[1])
					list.Content = append(list.Content, flow(fm.n))
				}
				b.add(f.key, flow(list))
			}
			writeListed(b, o)
			b.addStr("resourceArn", o.resourceArn)
			b.addStr("tags", o.tags)
			b.addStr("tagKeys", o.tagKeys)
			if o.maxPageSize > 0 {
				b.add("maxPageSize", number(strconv.Itoa(o.maxPageSize)))
			}
			if o.status[0] != "" || o.status[1] != "" {
				s := newMapping()
				s.addStr("during", o.status[0])
				s.addStr("then", o.status[1])
				b.add("status", flow(s.n))
			}
			if len(o.set) > 0 {
				s := newMapping()
				for _, kv := range o.set {
					s.addStr(kv[0], kv[1])
				}
				b.add("set", flow(s.n))
			}
			om.add(o.op.name, flow(b.n))
		}
		rm.add("operations", om.n)
		m.add(r.name, rm.n)
	}
	return m.n
}

// arnTemplate is the ARN the mock gives resource r, in the form most
// services use: arn:partition:service:region:account:type/id, with the
// parent's id before the resource's own for a child
// (EventBridge Scheduler's schedule/group/name). The service is the
// signing name, which ARNs use, else the endpoint prefix.
//
// When the model gives the ARN member a pattern of literal text and the
// patterns of description members (arn:...:targetgroup/tg-[0-9a-z]{17}),
// the template follows it.
func (t *translator) arnTemplate(r *inferredRes) string {
	if r.arn == "" {
		return ""
	}
	members := [][2]string{{t.patternOf(r.desc, r.id), r.id}}
	for _, mb := range r.desc.members {
		if w := wireName(mb); w != r.id && w != r.arn && t.kind(mb.shape) == "string" {
			if p := t.patternOf(r.desc, w); p != "" {
				members = append(members, [2]string{p, w})
			}
		}
	}
	if tm := arnFromPattern(t.patternOf(r.desc, r.arn), members); tm != "" {
		return tm
	}
	svc := t.m.meta.signingName
	if svc == "" {
		svc = t.m.meta.endpointPrefix
	}
	path := kebab(r.name) + "/"
	if r.parentID != "" && !r.listed {
		// (A resource read through a list of ids has an id unique in
		// the account, which its ARN needs alone: EC2's subnet/<id>.)
		path += "{output." + r.parentID + "}/"
	}
	return "arn:{partition}:" + svc + ":{region}:{account}:" + path + "{output." + r.id + "}"
}

// idTemplate draws a new resource's id as its pattern says; "" when the id
// is the name the caller gives, or the pattern is not simple.
func (t *translator) idTemplate(r *inferredRes) string {
	if r.id == r.nm {
		return ""
	}
	if r.idPrefix != "" {
		// The examples' prefix, and 17 hex digits: EC2's long ids.
		return r.idPrefix + "{random:0-9a-f:17}"
	}
	return idTemplate(t.patternOf(r.desc, r.id))
}

// patternOf is the pattern of s's member with wire name w; "" for none.
func (t *translator) patternOf(s *botoShape, w string) string {
	mb := memberByWire(s, w)
	if mb == nil || t.m.shapes[mb.shape] == nil {
		return ""
	}
	return t.m.shapes[mb.shape].pattern
}

// kebab writes a resource name as ARNs write resource types:
// ScheduleGroup is schedule-group.
func kebab(s string) string {
	var b strings.Builder
	for i, c := range s {
		if c >= 'A' && c <= 'Z' {
			if i > 0 {
				b.WriteByte('-')
			}
			c += 'a' - 'A'
		}
		b.WriteRune(c)
	}
	return b.String()
}

// keepLoadingResources drops the resources block when the spec fails
// check with it and loads without it: inference must never turn a model
// that imports into a spec that does not load. Problems elsewhere are left
// for markExamples to report.
func keepLoadingResources(pkg string, doc *yaml.Node) {
	root := doc.Content[0]
	at := -1
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "resources" {
			at = i
		}
	}
	if at < 0 || loads(pkg, doc) {
		return
	}
	kept := root.Content
	root.Content = append(append([]*yaml.Node{}, kept[:at]...), kept[at+2:]...)
	if !loads(pkg, doc) {
		root.Content = kept
	}
}

// loads tells whether the spec doc passes check.
func loads(pkg string, doc *yaml.Node) bool {
	data, err := encode(doc)
	if err != nil {
		return false
	}
	_, ds := spec.Check(pkg+".yaml", data)
	for _, d := range ds {
		if !d.Warning {
			return false
		}
	}
	return true
}

// kind is the botocore type of the named shape ("" when unknown).
func (t *translator) kind(name string) string {
	if s := t.m.shapes[name]; s != nil {
		return s.typ
	}
	return ""
}

// wireName is a member's name in the spec: its JSON key.
func wireName(mb *botoMember) string {
	if mb.location == "" && mb.locationName != "" {
		return mb.locationName
	}
	return mb.name
}

func memberByWire(s *botoShape, wire string) *botoMember {
	for _, mb := range s.members {
		if wireName(mb) == wire {
			return mb
		}
	}
	return nil
}

func memberByName(s *botoShape, name string) *botoMember {
	if s == nil {
		return nil
	}
	for _, mb := range s.members {
		if mb.name == name {
			return mb
		}
	}
	return nil
}

// pickValue is the first of want that enum holds, in enum's spelling.
func pickValue(enum, want []string) string {
	for _, w := range want {
		for _, v := range enum {
			if strings.EqualFold(v, w) {
				return v
			}
		}
	}
	return ""
}

// plural is the name ListXs uses for resource x.
func plural(x string) string {
	switch {
	case strings.HasSuffix(x, "y") && !strings.ContainsRune("aeiou", rune(x[max(len(x)-2, 0)])):
		return x[:len(x)-1] + "ies"
	case strings.HasSuffix(x, "s"), strings.HasSuffix(x, "x"), strings.HasSuffix(x, "ch"), strings.HasSuffix(x, "sh"):
		return x + "es"
	}
	return x + "s"
}
