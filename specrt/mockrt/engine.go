package mockrt

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"
)

// The resource engine: the generic behaviour of Service.Resources. It keeps
// every resource as its description (the JSON its create answered, made of
// members of the description shape) with indexes by id, name (within the
// parent) and ARN, and, per parent, a list in creation order that list
// operations page through. A page token encodes the position (the sequence
// number of the next resource) with a MAC, so that a page costs the same
// however many resources are stored and a token the mock did not issue is
// refused. Statuses move lazily: a resource remembers its pending
// transition and the time it is due, and whoever touches it next settles it.

type engine struct {
	mu     sync.Mutex
	kinds  map[string]*kind
	ops    map[string]*boundOp // by operation name
	byARN  map[string]*record
	tokens map[string][]byte // kind "\x00" idempotency token → the answer
	seq    uint64
	key    []byte // the page tokens' MAC key
	bytes  int64  // what the records cost, as recordCost counts it
}

// recordOverhead is what a record costs beyond its description and
// identifiers: the struct, its index entries (with the maps' slack) and
// its place in its list, as BenchmarkResourceBytes measures the heap on
// amd64 (about 390 bytes with the identifiers of a typical resource).
const recordOverhead = 300

func (r *record) cost() int64 {
	return int64(recordOverhead + len(r.desc) + len(r.id) + len(r.name) + len(r.arn))
}

type kind struct {
	*Resource
	parent                                    *kind
	children                                  []*kind
	idPath, namePath, arnPath                 []string
	statusPath, parentIDPath                  []string
	idT, arnT                                 *template
	notFound, conflict, hasChildren, badToken *compiledErr
	descType                                  *wireType // the description's members; nil when unknown

	byID   map[string]*record
	byName map[nameKey]*record
	lists  map[*record]*orderedList // by parent; nil for top-level resources
}

type nameKey struct {
	parent *record
	name   string
}

// record is one stored resource.
type record struct {
	kind   *kind
	parent *record
	seq    uint64
	// desc is the description as JSON. id, name and arn are strings of
	// their own, not views into it: the index maps keep them as keys, and a
	// view would keep every description the record ever had alive.
	desc          string
	id, name, arn string
	tags          map[string]string
	due           int64  // when the pending transition is due, in Unix nanoseconds
	then          string // the status it moves to; "" with remove
	children      int32  // live children
	gone          bool
	pending       bool // a transition is due at due
	remove        bool // the transition removes it
}

// tree is r's description decoded.
func (r *record) tree() map[string]any { return decodeTree([]byte(r.desc)) }

// orderedList is a parent's resources of one kind in creation order.
// Removed records stay in place, counted in dead, until compact drops them;
// the order never changes, so a position is found by binary search on seq.
type orderedList struct {
	recs []*record
	dead int
}

func (l *orderedList) compact() {
	if l.dead*2 <= len(l.recs) {
		return
	}
	live := make([]*record, 0, len(l.recs)-l.dead)
	for _, r := range l.recs {
		if !r.gone {
			live = append(live, r)
		}
	}
	l.recs, l.dead = live, 0
}

type boundOp struct {
	ResourceOperation
	kind                                *kind
	quota                               *compiledErr
	ident, parentIdent, desc, items     []string
	inToken, outToken, limit, idemToken []string
	resourceARN, tags, tagKeys          []string
}

func splitPath(p string) []string {
	if p == "" || p == "-" {
		return nil
	}
	return strings.Split(p, ".")
}

// newEngine compiles the service's resources; nil when it has none.
func newEngine(svc *Service, ops map[string]*compiledOp) (*engine, error) {
	if len(svc.Resources) == 0 {
		return nil, nil
	}
	en := &engine{kinds: map[string]*kind{}, ops: map[string]*boundOp{}}
	descFromRead := map[*kind]bool{}
	for _, res := range svc.Resources {
		k := &kind{
			Resource: res, idPath: splitPath(res.ID), namePath: splitPath(res.NameMember), arnPath: splitPath(res.ARN),
			statusPath: splitPath(res.Status), parentIDPath: splitPath(res.ParentID),
		}
		if k.idPath == nil {
			return nil, fmt.Errorf("resource %s: no id member", res.Name)
		}
		var err error
		for _, t := range []struct {
			src string
			dst **template
		}{{res.IDTemplate, &k.idT}, {res.ARNTemplate, &k.arnT}} {
			if t.src == "" {
				continue
			}
			if *t.dst, err = compileTemplate(t.src); err != nil {
				return nil, fmt.Errorf("resource %s: template %q: %w", res.Name, t.src, err)
			}
		}
		for _, e := range []struct {
			src *ErrorTemplate
			dst **compiledErr
		}{{res.NotFound, &k.notFound}, {res.Conflict, &k.conflict}, {res.HasChildren, &k.hasChildren}, {res.InvalidToken, &k.badToken}} {
			if *e.dst, err = compileError(e.src); err != nil {
				return nil, fmt.Errorf("resource %s: %w", res.Name, err)
			}
		}
		if en.kinds[res.Name] != nil {
			return nil, fmt.Errorf("resource %s: declared twice", res.Name)
		}
		en.kinds[res.Name] = k
		for _, ro := range res.Operations {
			op, ok := ops[ro.Operation]
			if !ok {
				return nil, fmt.Errorf("resource %s: no operation %s", res.Name, ro.Operation)
			}
			b := &boundOp{
				ResourceOperation: ro, kind: k,
				ident: splitPath(ro.Identifier), parentIdent: splitPath(ro.ParentIdentifier),
				desc: splitPath(ro.Description), items: splitPath(ro.Items),
				inToken: splitPath(ro.InputToken), outToken: splitPath(ro.OutputToken), limit: splitPath(ro.LimitKey),
				idemToken: splitPath(ro.IdempotencyToken), resourceARN: splitPath(ro.ResourceARN),
				tags: splitPath(ro.Tags), tagKeys: splitPath(ro.TagKeys),
			}
			if b.quota, err = compileError(ro.QuotaExceeded); err != nil {
				return nil, fmt.Errorf("resource %s: %s: quota exceeded: %w", res.Name, ro.Operation, err)
			}
			if err := b.check(); err != nil {
				return nil, fmt.Errorf("resource %s: %s of %s: %w", res.Name, ro.Role, ro.Operation, err)
			}
			// The description kept is the read's, else the create's (as
			// the checker decides): a create may answer less.
			if ro.Description != "-" && (ro.Role == RoleRead && !descFromRead[k] || ro.Role == RoleCreate && k.descType == nil) {
				k.descType = op.outType.at(b.desc)
				descFromRead[k] = ro.Role == RoleRead
			}
			if _, taken := en.ops[ro.Operation]; !taken {
				// Tag operations are shared by every resource with an ARN:
				// the first binding's errors answer for them all.
				en.ops[ro.Operation] = b
			}
		}
	}
	for _, k := range en.kinds {
		if k.Parent == "" {
			continue
		}
		p := en.kinds[k.Parent]
		if p == nil {
			return nil, fmt.Errorf("resource %s: no parent resource %s", k.Name, k.Parent)
		}
		k.parent = p
		p.children = append(p.children, k)
	}
	en.reset()
	for _, k := range en.kinds {
		sort.Slice(k.children, func(i, j int) bool { return k.children[i].Name < k.children[j].Name })
	}
	return en, nil
}

// check refuses a binding that lacks a member its role needs.
func (b *boundOp) check() error {
	need := func(p []string, what string) error {
		if p == nil {
			return fmt.Errorf("no %s member", what)
		}
		return nil
	}
	switch b.Role {
	case RoleCreate:
		return nil
	case RoleRead, RoleUpdate, RoleDelete, RoleAction:
		return need(b.ident, "identifier")
	case RoleList:
		return need(b.items, "items")
	case RoleTag, RoleUntag, RoleListTags:
		if err := need(b.resourceARN, "resource ARN"); err != nil {
			return err
		}
		if b.Role == RoleUntag {
			return need(b.tagKeys, "tag keys")
		}
		return need(b.tags, "tags")
	}
	return fmt.Errorf("unknown role %q", b.Role)
}

// at returns the type at a path of member names; nil when it leaves the
// declared members.
func (w *wireType) at(path []string) *wireType {
	for _, p := range path {
		if w == nil || w.kind != wireStruct {
			return nil
		}
		w = w.members[p]
	}
	return w
}

// reset forgets every resource and draws a new token key, so that tokens
// issued before a reset are refused.
func (en *engine) reset() {
	en.byARN = map[string]*record{}
	en.tokens = map[string][]byte{}
	en.bytes = 0
	en.key = make([]byte, 32)
	rand.Read(en.key)
	for _, k := range en.kinds {
		k.byID = map[string]*record{}
		k.byName = map[nameKey]*record{}
		k.lists = map[*record]*orderedList{}
	}
}

// Reset empties the engine.
func (en *engine) Reset() {
	en.mu.Lock()
	defer en.mu.Unlock()
	en.reset()
}

// runResource is the default behaviour of an operation bound to a
// resource. tree is the validated input, its defaults applied.
func (s *Server) runResource(b *boundOp, op *compiledOp, tree map[string]any, e *env) ([]byte, error) {
	en := s.res
	en.mu.Lock()
	defer en.mu.Unlock()
	now := s.now()
	switch b.Role {
	case RoleCreate:
		return s.resCreate(b, op, tree, e, now)
	case RoleList:
		return s.resList(b, op, tree, e, now)
	case RoleTag, RoleUntag, RoleListTags:
		return s.resTags(b, op, tree, e, now)
	}
	r, err := s.resFind(b, tree, e, now)
	if err != nil {
		return nil, err
	}
	switch b.Role {
	case RoleUpdate:
		desc := r.tree()
		for k, v := range tree {
			if s.protected(b, r.kind, k) {
				continue
			}
			desc[k] = v
		}
		if r.kind.descType != nil {
			r.kind.descType.trim(desc, nil, nil)
		}
		if err := s.rename(r, desc, e, now); err != nil {
			return nil, err
		}
		data, err := appendJSON(nil, desc)
		if err != nil {
			return nil, internal("the mock cannot store its resource: " + err.Error())
		}
		en.setDesc(r, data)
	case RoleDelete:
		if s.liveChildren(r, now) > 0 {
			e.Message = fmt.Sprintf("%s %s still has resources that belong to it", r.kind.Name, r.id)
			return nil, s.buildError(r.kind.hasChildren, e, &Error{Code: "ConflictException", Message: e.Message, Status: http.StatusConflict})
		}
		if b.Transition == nil || b.Transition.During == "" {
			answer, err := s.resAnswer(b, op, r)
			en.remove(r)
			return answer, err
		}
	}
	s.transition(r, b, now)
	return s.resAnswer(b, op, r)
}

// rename moves r to the name its new description gives, refusing one
// another resource of the parent has.
func (s *Server) rename(r *record, desc map[string]any, e *env, now time.Time) error {
	k := r.kind
	if k.namePath == nil {
		return nil
	}
	name, _ := lookup(desc, k.namePath).(string)
	if name == r.name || name == "" {
		return nil
	}
	if old := k.byName[nameKey{r.parent, name}]; old != nil {
		if s.res.settle(old, now); !old.gone {
			e.Message = fmt.Sprintf("%s %s already exists", k.Name, name)
			e.Existing = old.tree()
			return s.buildError(k.conflict, e, &Error{Code: "ConflictException", Message: e.Message, Status: http.StatusConflict})
		}
	}
	if k.byName[nameKey{r.parent, r.name}] == r {
		delete(k.byName, nameKey{r.parent, r.name})
	}
	s.res.bytes += int64(len(name) - len(r.name))
	r.name = name
	k.byName[nameKey{r.parent, name}] = r
	return nil
}

// protected tells whether an input member must not be copied into the
// description by an update: the identifiers and the status are the mock's.
func (s *Server) protected(b *boundOp, k *kind, member string) bool {
	for _, p := range [][]string{b.ident, b.parentIdent, k.idPath, k.arnPath, k.statusPath, k.parentIDPath} {
		if len(p) > 0 && p[0] == member {
			return true
		}
	}
	return false
}

func internal(msg string) error {
	return &Error{Code: "InternalFailure", Message: msg, Status: http.StatusInternalServerError}
}

func (s *Server) notFound(k *kind, ident string, e *env) error {
	e.Message = fmt.Sprintf("%s %s does not exist", k.Name, ident)
	return s.buildError(k.notFound, e, &Error{Code: "ResourceNotFoundException", Message: e.Message, Status: http.StatusNotFound})
}

// resFind finds the resource the input's identifier names, by id, ARN or
// name (within the parent the input names, when it names one).
func (s *Server) resFind(b *boundOp, tree map[string]any, e *env, now time.Time) (*record, error) {
	k := b.kind
	var parent *record
	if k.parent != nil && b.parentIdent != nil {
		pv, _ := lookup(tree, b.parentIdent).(string)
		if pv != "" {
			if parent = s.res.find(k.parent, nil, pv, now); parent == nil {
				return nil, s.notFound(k.parent, pv, e)
			}
		}
	}
	v, _ := lookup(tree, b.ident).(string)
	r := s.res.find(k, parent, v, now)
	if r == nil {
		return nil, s.notFound(k, v, e)
	}
	return r, nil
}

// find looks a resource of kind k up by id, ARN or name, settling its
// status; nil when there is none or it is gone. A name is looked up within
// parent; without one, among the resources of no parent.
func (en *engine) find(k *kind, parent *record, v string, now time.Time) *record {
	if v == "" {
		return nil
	}
	r := k.byID[v]
	if r == nil {
		if a := en.byARN[v]; a != nil && a.kind == k {
			r = a
		}
	}
	if r == nil {
		r = k.byName[nameKey{parent, v}]
	}
	if r == nil || (parent != nil && r.parent != parent) {
		return nil
	}
	en.settle(r, now)
	if r.gone {
		return nil
	}
	return r
}

// settle applies r's pending transition if it is due.
func (en *engine) settle(r *record, now time.Time) {
	if !r.pending || now.UnixNano() < r.due {
		return
	}
	r.pending = false
	if r.remove {
		en.remove(r)
		return
	}
	en.setStatus(r, r.then)
}

func (en *engine) setStatus(r *record, status string) {
	if r.kind.statusPath == nil {
		return
	}
	desc := r.tree()
	setPath(desc, r.kind.statusPath, status)
	if data, err := appendJSON(nil, desc); err == nil {
		en.setDesc(r, data)
	}
}

// setDesc replaces r's description, keeping the byte count.
func (en *engine) setDesc(r *record, desc []byte) {
	if !r.gone {
		en.bytes += int64(len(desc) - len(r.desc))
	}
	r.desc = string(desc)
}

// remove forgets r; its place in its list is dropped at the next compact.
func (en *engine) remove(r *record) {
	if r.gone {
		return
	}
	r.gone = true
	en.bytes -= r.cost()
	k := r.kind
	delete(k.byID, r.id)
	if r.arn != "" && en.byARN[r.arn] == r {
		delete(en.byARN, r.arn)
	}
	if r.name != "" && k.byName[nameKey{r.parent, r.name}] == r {
		delete(k.byName, nameKey{r.parent, r.name})
	}
	if l := k.lists[r.parent]; l != nil {
		l.dead++
	}
	if r.parent != nil {
		r.parent.children--
	}
	for _, ck := range k.children {
		delete(ck.lists, r)
	}
}

// liveChildren settles r's children and counts those still there.
func (s *Server) liveChildren(r *record, now time.Time) int {
	for _, ck := range r.kind.children {
		if l := ck.lists[r]; l != nil {
			for _, c := range l.recs {
				s.res.settle(c, now)
			}
		}
	}
	return int(r.children)
}

func (s *Server) delay(t *Transition) time.Duration {
	switch {
	case s.opts.transitionDelay != nil:
		return *s.opts.transitionDelay
	case t.Delay > 0:
		return t.Delay
	}
	return DefaultTransitionDelay
}

// transition starts the status change the operation makes.
func (s *Server) transition(r *record, b *boundOp, now time.Time) {
	st, ok := s.planStatus(b)
	if !ok {
		return
	}
	if st.gone {
		s.res.remove(r)
		return
	}
	s.res.setStatus(r, st.now)
	s.schedule(r, st, now)
}

// statusPlan is what a transition does: the status shown now, and the one
// reached (or removal) after delay when pending.
type statusPlan struct {
	now, then string
	pending   bool
	gone      bool // removed at once
	remove    bool // removed after delay
	delay     time.Duration
}

// planStatus works out the operation's transition; ok is false when it
// makes none. An immediate transition (no delay) shows its final status
// at once, except a delete, which answers its during status and is gone
// at the next request.
func (s *Server) planStatus(b *boundOp) (statusPlan, bool) {
	t := b.Transition
	if t == nil {
		return statusPlan{}, false
	}
	d := s.delay(t)
	switch {
	case b.Role == RoleDelete && t.During == "":
		return statusPlan{gone: true}, true
	case b.Role == RoleDelete:
		return statusPlan{now: t.During, pending: true, remove: true, delay: d}, true
	case t.During == "" || (d == 0 && t.Then != ""):
		return statusPlan{now: t.Then}, t.Then != ""
	}
	// Without then, the resource stays in during until another operation
	// moves it.
	return statusPlan{now: t.During, then: t.Then, pending: t.Then != "", delay: d}, true
}

// schedule records the pending part of a plan.
func (s *Server) schedule(r *record, st statusPlan, now time.Time) {
	r.pending, r.due, r.then, r.remove = st.pending, now.Add(st.delay).UnixNano(), st.then, st.remove
}

// resAnswer is the operation's output holding r's description.
func (s *Server) resAnswer(b *boundOp, op *compiledOp, r *record) ([]byte, error) {
	if b.Description == "-" {
		return []byte("{}"), nil
	}
	fits := r.kind.fits(op.outType.at(b.desc))
	if fits && b.desc == nil {
		return []byte(r.desc), nil
	}
	out := map[string]any{}
	if b.desc == nil {
		out = r.tree()
	} else if fits {
		setPath(out, b.desc, json.RawMessage(r.desc))
	} else {
		setPath(out, b.desc, r.tree())
	}
	op.outType.trim(out, nil, nil)
	data, err := appendJSON(make([]byte, 0, len(r.desc)+32), out)
	if err != nil {
		return nil, internal("the mock cannot build its output: " + err.Error())
	}
	return data, nil
}

// fits tells whether w, the type an answer has where it holds a
// description, is the stored description's own type: the stored JSON is
// then answered as it is, without decoding it (trim passes it through).
func (k *kind) fits(w *wireType) bool { return w != nil && w == k.descType }

func (s *Server) resCreate(b *boundOp, op *compiledOp, tree map[string]any, e *env, now time.Time) ([]byte, error) {
	en, k := s.res, b.kind
	var token string
	if b.idemToken != nil {
		token, _ = lookup(tree, b.idemToken).(string)
		if answer, ok := en.tokens[k.Name+"\x00"+token]; ok && token != "" {
			return answer, nil
		}
	}
	// The description starts as an echo of the input: the members the two
	// share (name, settings) are the input's; trimming to the description
	// shape drops the rest.
	desc := make(map[string]any, len(tree))
	for key, v := range tree {
		desc[key] = v
	}
	var parent *record
	if k.parent != nil && b.parentIdent != nil {
		pv, _ := lookup(tree, b.parentIdent).(string)
		if parent = en.find(k.parent, nil, pv, now); parent == nil {
			return nil, s.notFound(k.parent, pv, e)
		}
		if k.parentIDPath != nil {
			setPath(desc, k.parentIDPath, parent.id)
		}
	}
	var name string
	if k.namePath != nil {
		name, _ = lookup(desc, k.namePath).(string)
		if old := k.byName[nameKey{parent, name}]; name != "" && old != nil {
			if en.settle(old, now); !old.gone {
				e.Message = fmt.Sprintf("%s %s already exists", k.Name, name)
				e.Existing = old.tree()
				return nil, s.buildError(k.conflict, e, &Error{Code: "ConflictException", Message: e.Message, Status: http.StatusConflict})
			}
		}
	}
	e.Output = desc
	// Without a template, an id the input gave (a resource whose id is its
	// name) is kept; else the id is a UUID.
	id, _ := lookup(desc, k.idPath).(string)
	switch {
	case k.idT != nil:
		// A generated id that is taken is drawn again: the caller chose
		// nothing that conflicts. A template without randomness keeps
		// its collision, answered as a conflict below.
		for range 8 {
			if id = textOf(k.idT.Eval(e)); !en.taken(k, id, now) {
				break
			}
		}
	case id == "":
		id = newUUID()
	}
	setPath(desc, k.idPath, id)
	var arn string
	if k.arnT != nil && k.arnPath != nil {
		arn = textOf(k.arnT.Eval(e))
		setPath(desc, k.arnPath, arn)
	}
	// The first status is written with the rest, so that the description
	// is encoded once.
	plan, moves := s.planStatus(b)
	if moves && k.statusPath != nil {
		setPath(desc, k.statusPath, plan.now)
	}
	if k.descType != nil {
		k.descType.trim(desc, nil, nil)
	}
	raw, err := appendJSON(nil, desc)
	if err != nil {
		return nil, internal("the mock cannot store its resource: " + err.Error())
	}
	r := &record{kind: k, id: id, name: name, arn: arn, parent: parent, desc: string(raw), tags: readTags(b, tree)}
	if msg := s.full(k, r); msg != "" {
		e.Message = msg
		return nil, s.buildError(b.quota, e, &Error{Code: "ServiceQuotaExceededException", Message: msg, Status: http.StatusPaymentRequired})
	}
	if en.taken(k, id, now) {
		if old := k.byID[id]; old != nil {
			e.Message = fmt.Sprintf("%s %s already exists", k.Name, id)
			e.Existing = old.tree()
			return nil, s.buildError(k.conflict, e, &Error{Code: "ConflictException", Message: e.Message, Status: http.StatusConflict})
		}
	}
	en.seq++
	r.seq = en.seq
	en.insert(r)
	if moves {
		s.schedule(r, plan, now)
	}
	answer, err := s.resAnswer(b, op, r)
	if err == nil && token != "" {
		// The answer is kept for replays; it counts against the byte limit
		// like the resource itself.
		key := k.Name + "\x00" + token
		en.tokens[key] = answer
		en.bytes += int64(tokenOverhead + len(key) + len(answer))
	}
	return answer, err
}

// taken tells whether a live resource of kind k has id.
func (en *engine) taken(k *kind, id string, now time.Time) bool {
	old := k.byID[id]
	if old == nil {
		return false
	}
	en.settle(old, now)
	return !old.gone
}

// full says which of the mock's limits storing r would break; "" when it
// fits. The limits are those of the mock's store (WithMaxResources counts
// the resources of each kind, WithMaxStoreBytes all of them).
func (s *Server) full(k *kind, r *record) string {
	lim := s.opts.storeLimits
	if lim.items > 0 && len(k.byID) >= lim.items {
		return fmt.Sprintf("the mock holds its limit of %d resources of type %s", lim.items, k.Name)
	}
	if lim.bytes > 0 && s.res.bytes+r.cost() > lim.bytes {
		return fmt.Sprintf("the mock holds its limit of %d bytes of resources", lim.bytes)
	}
	return ""
}

func textOf(v any) string {
	var b strings.Builder
	if v != missing && v != nil {
		writeText(&b, v)
	}
	return b.String()
}

// defaultPageSize is the page size of a list whose spec gives no maximum.
const defaultPageSize = 100

func (s *Server) resList(b *boundOp, op *compiledOp, tree map[string]any, e *env, now time.Time) ([]byte, error) {
	en, k := s.res, b.kind
	var parent *record
	if k.parent != nil {
		pv, _ := lookup(tree, b.parentIdent).(string)
		if parent = en.find(k.parent, nil, pv, now); parent == nil {
			return nil, s.notFound(k.parent, pv, e)
		}
	}
	size := b.MaxPageSize
	if size <= 0 {
		size = defaultPageSize
	}
	if n, ok := lookup(tree, b.limit).(json.Number); ok {
		if v, err := n.Int64(); err == nil && v > 0 && v < int64(size) {
			size = int(v)
		}
	}
	l := k.lists[parent]
	if l == nil {
		l = &orderedList{}
	}
	l.compact()
	start := 0
	if tok, _ := lookup(tree, b.inToken).(string); tok != "" {
		seq, ok := en.parseToken(k, parent, tok)
		if !ok {
			e.Message = "the pagination token is invalid or expired"
			return nil, s.buildError(k.badToken, e, &Error{Code: "ValidationException", Message: e.Message})
		}
		start = sort.Search(len(l.recs), func(i int) bool { return l.recs[i].seq >= seq })
	}
	// Filters set in the request; a page then reads on until it is full,
	// so its cost grows with the resources the filters skip.
	var filters map[string]any
	for _, f := range b.Filters {
		if v := lookup(tree, []string{f}); v != missing {
			if filters == nil {
				filters = map[string]any{}
			}
			filters[f] = v
		}
	}
	items := make([]any, 0, min(size, len(l.recs)-start))
	var fits bool
	if lt := op.outType.at(b.items); lt != nil && lt.kind == wireList {
		fits = k.fits(lt.elem)
	}
	i := start
	for ; i < len(l.recs) && len(items) < size; i++ {
		r := l.recs[i]
		if en.settle(r, now); r.gone || !r.matches(filters) {
			continue
		}
		if fits {
			items = append(items, json.RawMessage(r.desc))
		} else {
			items = append(items, r.tree())
		}
	}
	out := map[string]any{}
	setPath(out, b.items, items)
	for ; i < len(l.recs) && b.outToken != nil; i++ {
		r := l.recs[i]
		if en.settle(r, now); !r.gone && r.matches(filters) {
			setPath(out, b.outToken, en.pageToken(k, parent, r.seq))
			break
		}
	}
	op.outType.trim(out, nil, nil)
	data, err := appendJSON(nil, out)
	if err != nil {
		return nil, internal("the mock cannot build its output: " + err.Error())
	}
	return data, nil
}

// matches tells whether r's description has each filter's value in the
// member of the same name; values are compared as their JSON text, so
// that a number from a query string equals the stored number.
func (r *record) matches(filters map[string]any) bool {
	if len(filters) == 0 {
		return true
	}
	desc := r.tree()
	for member, want := range filters {
		if textOf(desc[member]) != textOf(want) {
			return false
		}
	}
	return true
}

// pageToken is the token of the page starting at seq: the position and a
// MAC of it with the kind and the parent, so that a token is valid only for
// the list that issued it.
func (en *engine) pageToken(k *kind, parent *record, seq uint64) string {
	var buf [8]byte
	binary.BigEndian.PutUint64(buf[:], seq)
	return base64.RawURLEncoding.EncodeToString(append(buf[:], en.tokenMAC(k, parent, seq)...))
}

func (en *engine) tokenMAC(k *kind, parent *record, seq uint64) []byte {
	m := hmac.New(sha256.New, en.key)
	var ps uint64
	if parent != nil {
		ps = parent.seq
	}
	fmt.Fprintf(m, "%s\x00%d\x00%d", k.Name, ps, seq)
	return m.Sum(nil)[:12]
}

func (en *engine) parseToken(k *kind, parent *record, tok string) (uint64, bool) {
	data, err := base64.RawURLEncoding.DecodeString(tok)
	if err != nil || len(data) != 20 {
		return 0, false
	}
	seq := binary.BigEndian.Uint64(data[:8])
	return seq, hmac.Equal(data[8:], en.tokenMAC(k, parent, seq))
}

// readTags reads the tags an input carries, as a map or as a list of
// key-value structures.
func readTags(b *boundOp, tree map[string]any) map[string]string {
	if b.tags == nil {
		return nil
	}
	out := map[string]string{}
	switch v := lookup(tree, b.tags).(type) {
	case map[string]any:
		for key, val := range v {
			out[key], _ = val.(string)
		}
	case []any:
		for _, el := range v {
			if m, ok := el.(map[string]any); ok {
				key, _ := m[b.TagKey].(string)
				val, _ := m[b.TagValue].(string)
				out[key] = val
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func (s *Server) resTags(b *boundOp, op *compiledOp, tree map[string]any, e *env, now time.Time) ([]byte, error) {
	arn, _ := lookup(tree, b.resourceARN).(string)
	r := s.res.byARN[arn]
	if r != nil {
		if s.res.settle(r, now); r.gone {
			r = nil
		}
	}
	if r == nil {
		return nil, s.notFound(b.kind, arn, e)
	}
	switch b.Role {
	case RoleTag:
		for key, val := range readTags(b, tree) {
			if r.tags == nil {
				r.tags = map[string]string{}
			}
			r.tags[key] = val
		}
		return []byte("{}"), nil
	case RoleUntag:
		keys, _ := lookup(tree, b.tagKeys).([]any)
		for _, key := range keys {
			if ks, ok := key.(string); ok {
				delete(r.tags, ks)
			}
		}
		return []byte("{}"), nil
	}
	keys := sortedKeys(r.tags)
	out := map[string]any{}
	if b.TagKey == "" {
		m := make(map[string]any, len(keys))
		for _, key := range keys {
			m[key] = r.tags[key]
		}
		setPath(out, b.tags, m)
	} else {
		list := make([]any, 0, len(keys))
		for _, key := range keys {
			list = append(list, map[string]any{b.TagKey: key, b.TagValue: r.tags[key]})
		}
		setPath(out, b.tags, list)
	}
	op.outType.trim(out, nil, nil)
	return appendJSON(nil, out)
}
