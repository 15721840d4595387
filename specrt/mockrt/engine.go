package mockrt

import (
	"bytes"
	"cmp"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/specgen/specgen/specrt"
)

// The resource engine: the generic behaviour of Service.Resources. It keeps
// every resource as its description (the JSON its create answered, made of
// members of the description shape) with indexes by id, name (within the
// parent), ARN, unique key and idempotency token, and, per parent, a list
// in creation order that list operations page through. A resource's fixed
// cost is kept small (issue 11: at most twice its description's JSON on
// the heap): its identifiers are views of the description, the indexes
// are tables of pointers that read their keys from the records (table.go),
// its tags are one packed string, and a pending transition is allocated
// only while one is due. A page token encodes the position (the sequence
// number of the next resource) with a MAC, so that a page costs the same
// however many resources are stored and a token the mock did not issue is
// refused. Statuses move lazily: a resource remembers its pending
// transition and the time it is due, and whoever touches it next settles it.

type engine struct {
	mu    sync.Mutex
	kinds map[string]*kind
	ops   map[string]*boundOp // by operation name
	// alts are the bindings of an operation bound to several kinds
	// (alternatives.go); none for most.
	alts  map[string][]*boundOp
	byARN table[record]
	seq   uint64
	key   []byte // the page tokens' MAC key
	bytes int64  // what the records cost, as recordCost counts it
	// builtin are the kinds with builtin instances, which every request
	// makes sure exist (after a reset or a load too).
	builtin []*kind
}

// tokenAnswer is a create's answer kept for a repeated idempotency token,
// with a hash of the request's other parameters (see fingerprint). When
// the answer is what answerWith builds from the description alone (no
// ARN output member, which it would take from the record), it is not
// kept: fromDesc is set and kept is the description the create stored,
// the same string as the record's until an update replaces it; the
// answer is built from it again, byte for byte the first one, however the
// resource changed since, and without keeping the record alive once it is
// gone. Otherwise kept is the answer. The entry is 48 bytes, a size class
// of its own.
type tokenAnswer struct {
	token    string
	kept     string
	fp       [fingerprintSize]byte
	fromDesc bool
}

// fingerprintSize is how much of a request's SHA-256 a token keeps: with
// 96 bits, two different requests share a fingerprint by chance with a
// probability of 2^-96, and the entry fits 48 bytes.
const fingerprintSize = 12

// replay is the answer t keeps for a repeated token of the create b, op.
func (s *Server) replay(b *boundOp, op *compiledOp, t *tokenAnswer) ([]byte, error) {
	if !t.fromDesc {
		return []byte(t.kept), nil
	}
	return s.answerWith(b, op, &record{kind: b.kind, desc: t.kept}, nil, nil)
}

// recordOverhead is what a record costs beyond its description, tags
// and the identifiers its description does not hold: the struct, its
// index slots, its place in its list, and the pending transition while
// there is one, as BenchmarkStoredBytesPerResource (internal/mocktest)
// measures the heap on amd64.
const recordOverhead = 200

func (r *record) cost() int64 {
	n := int64(recordOverhead + len(r.desc) + len(r.tags))
	for _, s := range [...]string{r.id, r.name, r.arn, r.uniq} {
		if !strings.Contains(r.desc, s) {
			n += int64(len(s))
		}
	}
	return n
}

type kind struct {
	*Resource
	parent                                    *kind
	children                                  []*kind
	countPath                                 []string // the parent's member counting resources of this kind
	countsWhere                               []compiledCount
	idPath, namePath, arnPath                 []string
	statusPath, parentIDPath, tagsPath        []string
	parentARNPath                             []string
	createdPath, modifiedPath                 []string
	privatePaths                              [][]string // private.go
	idT, arnT                                 *template
	defaults                                  []compiledField
	notFound, conflict, hasChildren, badToken *compiledErr
	hasChildrenOf                             map[string]*compiledErr // by child kind
	create                                    *boundOp                // the create binding, for builtin instances
	descType                                  *wireType               // the description's members; nil when unknown

	// The indexes: by id, by name within the parent, by the create's
	// mock block unique key, by idempotency token. Retired resources stay
	// in them; gone ones do not.
	byID, byName, byUnique table[record]
	tokens                 table[tokenAnswer]
	// lists are by parent; the list of nil holds the top-level resources,
	// or, for a kind with a parent, every resource of every parent.
	lists map[*record]*orderedList
	// groups holds the group of each resource that a create made with
	// others (groups.go), by sequence number: few kinds have one, and a
	// record has no room of its own for it.
	groups map[uint64]string
}

// named is the resource of k named name within parent (nil: none).
func (k *kind) named(parent *record, name string) *record {
	return k.byName.get(parent.scope(), name)
}

// unique is the resource of k whose create's unique key is u, nil when
// none. A top-level resource whose key is its name is found by its name,
// which spares it an entry of byUnique.
func (k *kind) unique(u string) *record {
	if r := k.byUnique.get(0, u); r != nil {
		return r
	}
	if r := k.named(nil, u); r != nil && r.uniq == u {
		return r
	}
	return nil
}

// uniqueByName tells whether r's unique key is its name, within no
// parent: the name index then finds it by its key.
func (r *record) uniqueByName() bool { return r.parent == nil && r.uniq != "" && r.uniq == r.name }

// scope is the scope of the names r's children have: its sequence number,
// unique in its engine; 0 for none.
func (r *record) scope() uint64 {
	if r == nil {
		return 0
	}
	return r.seq
}

// record is one stored resource.
type record struct {
	kind   *kind
	parent *record
	seq    uint64
	// desc is the description as JSON. id, name, arn and uniq are views of
	// its bytes when it holds them (setDesc points them at each new
	// description, so that none keeps an old one alive), else strings of
	// their own; the indexes read their keys from the record and keep no
	// copy.
	desc          string
	id, name, arn string
	uniq          string // the create's unique key (mock block unique), if any
	tags          tagList
	move          *pendingMove // the transition under way; nil when none
	children      int32        // live children
	gone, retired bool         // retired: deleted into a final status, readable, not listed
	companion     bool         // made with its parent: does not hold it, goes with it (companions.go)
}

// pendingMove is a transition under way: a record holds one only while it
// is due.
type pendingMove struct {
	due    int64       // when it is due, in Unix nanoseconds
	done   *boundOp    // whose status set it writes, if any
	to     *Transition // whose Then is the status it moves to
	remove bool        // it removes the resource
	retire bool        // it retires the resource
}

// then is the status m moves to; "" when it removes the resource.
func (m *pendingMove) then() string {
	if m.remove {
		return ""
	}
	return m.to.Then
}

// recordKeys are the keys of the indexes a kind keeps of its records.
var (
	keyID     = func(r *record) (uint64, string) { return 0, r.id }
	keyName   = func(r *record) (uint64, string) { return r.parent.scope(), r.name }
	keyARN    = func(r *record) (uint64, string) { return 0, r.arn }
	keyUnique = func(r *record) (uint64, string) { return 0, r.uniq }
	keyToken  = func(t *tokenAnswer) (uint64, string) { return 0, t.token }
)

// view is s as a view of desc's bytes when desc holds it, else a copy of
// s of its own, unless old (the description being replaced; "" for a new
// record) is given and does not hold s: s is then already a string of its
// own, copied when the record was made.
func view(desc, old, s string) string {
	if s == "" {
		return ""
	}
	if i := strings.Index(desc, s); i >= 0 {
		return desc[i : i+len(s)]
	}
	if old == "" || strings.Contains(old, s) {
		// A new record's identifier may share the bytes of its request.
		return strings.Clone(s)
	}
	return s
}

// rebind points r's identifiers at its description, old being the one
// it had before (or "").
func (r *record) rebind(old string) {
	r.id, r.name, r.arn, r.uniq = view(r.desc, old, r.id), view(r.desc, old, r.name), view(r.desc, old, r.arn), view(r.desc, old, r.uniq)
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

// trimHead drops the removed records at the front of l, each once: a
// list whose oldest resources were deleted (create, use, delete, again)
// would else be read through them, up to half of it, before compact
// drops them.
func (l *orderedList) trimHead(en *engine, now time.Time) {
	n := 0
	for _, r := range l.recs {
		if en.settle(r, now); !r.gone && !r.retired {
			break
		}
		n++
	}
	if n > 0 {
		clear(l.recs[:n])
		l.recs, l.dead = l.recs[n:], l.dead-n
	}
}

func (l *orderedList) compact() {
	if l.dead*2 <= len(l.recs) {
		return
	}
	live := make([]*record, 0, len(l.recs)-l.dead)
	for _, r := range l.recs {
		if !r.gone && !r.retired {
			live = append(live, r)
		}
	}
	l.recs, l.dead = live, 0
}

type boundOp struct {
	ResourceOperation
	kind                                *kind
	quota, notFound, retired            *compiledErr
	ident, parentIdent, desc, items     []string
	inToken, outToken, limit, idemToken []string
	resourceARN, tags, tagKeys          []string
	failures, arnOut, moreResults       []string
	resourceIDs, identMember            []string
	attrName, attrValue                 []string
	replaced                            []string // ReplaceExisting: the input's members
	countMin, countMax, countIndex      []string // groups.go
	group, groupItems, groupID          []string
	groupSet                            []compiledField
	refused                             *compiledErr     // changes.go
	companions                          []boundCompanion // companions.go
	readsParent                         bool             // set reads {parent.*}
	cases                               []compiledCase
	selectWhen                          []caseInput
	set, failure, doneSet               []compiledField
	creates                             *boundCreates
}

// boundCreates is a ResourceOperation's Creates, compiled.
type boundCreates struct {
	*Creates
	kind    *kind
	id      []string
	current []string
	set     []compiledField
	// supersededSet is SupersededSet compiled.
	supersededSet []compiledField
	// done holds, as doneSet, the set of Transition, written when the
	// one recorded reaches its then; nil for none.
	done *boundOp
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
	var creates []*boundCreates
	for _, res := range svc.Resources {
		k := &kind{
			Resource: res, idPath: splitPath(res.ID), namePath: splitPath(res.NameMember), arnPath: splitPath(res.ARN),
			statusPath: splitPath(res.Status), parentIDPath: splitPath(res.ParentID), tagsPath: splitPath(res.Tags),
			parentARNPath: splitPath(res.ParentARN), createdPath: splitPath(res.Created), modifiedPath: splitPath(res.Modified),
		}
		for _, p := range res.Private {
			k.privatePaths = append(k.privatePaths, splitPath(p))
		}
		if k.idPath == nil {
			return nil, fmt.Errorf("resource %s: no id member", res.Name)
		}
		var err error
		if k.defaults, err = compileFields(res.Defaults); err != nil {
			return nil, fmt.Errorf("resource %s: defaults: %w", res.Name, err)
		}
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
		for child, t := range res.HasChildrenOf {
			ce, err := compileError(t)
			if err != nil {
				return nil, fmt.Errorf("resource %s: has children of %s: %w", res.Name, child, err)
			}
			if k.hasChildrenOf == nil {
				k.hasChildrenOf = map[string]*compiledErr{}
			}
			k.hasChildrenOf[child] = ce
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
				tags: splitPath(ro.Tags), tagKeys: splitPath(ro.TagKeys), failures: splitPath(ro.Failures),
				arnOut: splitPath(ro.ARNOutput), moreResults: splitPath(ro.MoreResults), resourceIDs: splitPath(ro.ResourceIDs),
				attrName: splitPath(ro.AttributeName), attrValue: splitPath(ro.AttributeValue), identMember: splitPath(ro.IdentifierMember),
				countMin: splitPath(ro.CountMin), countMax: splitPath(ro.CountMax), countIndex: splitPath(ro.CountIndex),
				group: splitPath(ro.Group), groupItems: splitPath(ro.GroupItems), groupID: splitPath(ro.GroupID),
			}
			if b.selectWhen, err = compileConditions(ro.SelectWhen); err != nil { // when.go
				return nil, fmt.Errorf("resource %s: %s: selectWhen %w", res.Name, ro.Operation, err)
			}
			b.readsParent = readsParent(ro.Set) // companions.go
			if b.groupSet, err = compileFields(ro.GroupSet); err != nil {
				return nil, fmt.Errorf("resource %s: %s: group set: %w", res.Name, ro.Operation, err)
			}
			if b.refused, err = compileError(ro.Refused); err != nil {
				return nil, fmt.Errorf("resource %s: %s: refused: %w", res.Name, ro.Operation, err)
			}
			for _, c := range ro.Companions {
				bc := boundCompanion{name: c.Resource}
				if bc.input, err = compileFields(c.Input); err == nil {
					bc.set, err = compileFields(c.Set)
				}
				if err != nil {
					return nil, fmt.Errorf("resource %s: %s: companion %s: %w", res.Name, ro.Operation, c.Resource, err)
				}
				b.companions = append(b.companions, bc)
			}
			if b.quota, err = compileError(ro.QuotaExceeded); err != nil {
				return nil, fmt.Errorf("resource %s: %s: quota exceeded: %w", res.Name, ro.Operation, err)
			}
			if b.notFound, err = compileError(ro.NotFound); err != nil {
				return nil, fmt.Errorf("resource %s: %s: not found: %w", res.Name, ro.Operation, err)
			}
			if b.retired, err = compileError(ro.Retired); err != nil {
				return nil, fmt.Errorf("resource %s: %s: retired: %w", res.Name, ro.Operation, err)
			}
			if ro.Role == RoleCreate {
				k.create = b
			}
			if ro.ReplaceExisting {
				b.UpdateExisting = true
				b.replaced = op.inType.memberNames() // attributes.go
			}
			if b.set, err = compileFields(ro.Set); err != nil {
				return nil, fmt.Errorf("resource %s: %s: set: %w", res.Name, ro.Operation, err)
			}
			if b.cases, err = compileCases(ro.When); err != nil { // when.go
				return nil, fmt.Errorf("resource %s: %s: when: %w", res.Name, ro.Operation, err)
			}
			if t := ro.Transition; t != nil && len(t.Set) > 0 {
				if b.doneSet, err = compileFields(t.Set); err != nil {
					return nil, fmt.Errorf("resource %s: %s: status set: %w", res.Name, ro.Operation, err)
				}
			}
			if b.failure, err = compileFields(ro.Failure); err != nil {
				return nil, fmt.Errorf("resource %s: %s: failure: %w", res.Name, ro.Operation, err)
			}
			if c := ro.Creates; c != nil {
				b.creates = &boundCreates{Creates: c, id: splitPath(c.ID), current: splitPath(c.Current)}
				if b.creates.set, err = compileFields(c.Set); err != nil {
					return nil, fmt.Errorf("resource %s: %s: creates: %w", res.Name, ro.Operation, err)
				}
				if b.creates.supersededSet, err = compileFields(c.SupersededSet); err != nil {
					return nil, fmt.Errorf("resource %s: %s: creates: supersededSet: %w", res.Name, ro.Operation, err)
				}
				if t := c.Transition; t != nil && len(t.Set) > 0 {
					b.creates.done = &boundOp{}
					if b.creates.done.doneSet, err = compileFields(t.Set); err != nil {
						return nil, fmt.Errorf("resource %s: %s: creates: status set: %w", res.Name, ro.Operation, err)
					}
				}
				creates = append(creates, b.creates)
			}
			if err := b.check(); err != nil {
				return nil, fmt.Errorf("resource %s: %s of %s: %w", res.Name, ro.Role, ro.Operation, err)
			}
			// The description kept is the read's, else the create's (as
			// the checker decides): a create may answer less.
			if ro.Description != "-" && (ro.Role == RoleRead && !descFromRead[k] || (ro.Role == RoleCreate || ro.Role == RoleReadMany) && k.descType == nil) {
				k.descType = op.outType.at(b.desc)
				if k.descType != nil && k.descType.kind == wireList {
					// A create answering its resource in a list (RunTask).
					k.descType = k.descType.elem
				}
				descFromRead[k] = ro.Role == RoleRead
			}
			if first, taken := en.ops[ro.Operation]; !taken {
				// Tag operations are shared by every resource with an ARN:
				// the first binding's errors answer for them all.
				en.ops[ro.Operation] = b
			} else if err := en.alternative(first, b); err != nil { // alternatives.go
				return nil, fmt.Errorf("resource %s: %s: %w", res.Name, ro.Operation, err)
			}
		}
	}
	en.describeByLists(ops)                     // listids.go
	if err := en.bindCompanions(); err != nil { // companions.go
		return nil, err
	}
	for _, c := range creates {
		if c.kind = en.kinds[c.Resource]; c.kind == nil {
			return nil, fmt.Errorf("creates: no resource %s", c.Resource)
		}
		if c.id == nil {
			return nil, fmt.Errorf("creates %s: no id member", c.Resource)
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
	for _, k := range en.kinds {
		for child, member := range k.Counts {
			ck := en.kinds[child]
			if ck == nil || ck.parent != k {
				return nil, fmt.Errorf("resource %s: counts %s, which is not a resource of its own", k.Name, child)
			}
			ck.countPath = splitPath(member)
		}
		for child, counts := range k.CountsWhere {
			ck := en.kinds[child]
			if ck == nil || ck.parent != k {
				return nil, fmt.Errorf("resource %s: counts %s, which is not a resource of its own", k.Name, child)
			}
			ck.countsWhere = compileCounts(counts) // counts.go
		}
	}
	for _, k := range en.kinds {
		if len(k.Builtin) == 0 {
			continue
		}
		if k.parent != nil || k.create == nil || k.namePath == nil {
			return nil, fmt.Errorf("resource %s: builtin instances need a top-level resource with a name and a create", k.Name)
		}
		en.builtin = append(en.builtin, k)
	}
	sort.Slice(en.builtin, func(i, j int) bool { return en.builtin[i].Name < en.builtin[j].Name })
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
	case RoleReadMany:
		if err := need(b.ident, "identifier"); err != nil {
			return err
		}
		return need(b.desc, "description")
	case RoleDeleteMany, RoleActionMany:
		return need(b.ident, "identifier")
	case RoleList:
		return need(b.items, "items")
	case RoleTag, RoleUntag, RoleListTags:
		if b.resourceIDs == nil || b.Role == RoleListTags {
			if err := need(b.resourceARN, "resource ARN"); err != nil {
				return err
			}
		}
		if b.Role == RoleUntag && b.tags == nil {
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
	en.byARN = newTable(keyARN)
	en.bytes = 0
	en.key = make([]byte, 32)
	rand.Read(en.key)
	for _, k := range en.kinds {
		k.byID, k.byName, k.byUnique = newTable(keyID), newTable(keyName), newTable(keyUnique)
		k.tokens = newTable(keyToken)
		k.lists = map[*record]*orderedList{}
		k.groups = nil
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
	if len(en.builtin) > 0 {
		if err := s.ensureBuiltin(now); err != nil {
			return nil, err
		}
	}
	if alts := en.alts[b.Operation]; alts != nil {
		if b.Role != RoleAction {
			return s.runAlternatives(alts, op, tree, e, now) // alternatives.go
		}
		b = s.res.actingKind(alts, tree, now) // alternatives.go
	}
	switch b.Role {
	case RoleCreate:
		if b.Each != "" {
			return s.resCreateEach(b, op, tree, e, now)
		}
		if b.countMax != nil {
			return s.resCreateCount(b, op, tree, e, now) // groups.go
		}
		return s.resCreate(b, op, tree, e, now)
	case RoleList:
		return s.resList(b, op, tree, e, now)
	case RoleReadMany:
		return s.resReadMany(b, op, tree, e, now)
	case RoleDeleteMany:
		return s.resDeleteMany(b, op, tree, e, now) // deletes.go
	case RoleActionMany:
		return s.resActionMany(b, op, tree, e, now) // actionmany.go
	case RoleTag, RoleUntag, RoleListTags:
		return s.resTags(b, op, tree, e, now)
	case RoleAction:
		if b.Changes != nil {
			return s.resActEach(b, op, tree, e, now) // changes.go
		}
	}
	if b.OptionalIdentifier && identOf(b, tree) == "" {
		return s.tagAnswer(op, e) // OptionalIdentifier: a request naming no resource acts on none
	}
	r, err := s.resFind(b, tree, e, now)
	if err != nil {
		if b.IgnoreMissing && b.Role == RoleDelete {
			return s.tagAnswer(op, e) // ignoreMissing (deletes.go): deleting what is not there succeeds
		}
		return nil, err
	}
	if err := s.refuse(b, r, e); err != nil { // changes.go
		return nil, err
	}
	if err := s.caseError(b, tree, e.Resource, e); err != nil { // when.go
		return nil, err
	}
	switch b.Role {
	case RoleUpdate:
		if err := s.update(b, r, tree, e, now); err != nil {
			return nil, err
		}
	case RoleDelete:
		if err := s.deletable(b, r, e, now); err != nil { // deletes.go
			return nil, err
		}
		if b.Transition == nil || b.Transition.During == "" && b.Transition.Then == "" {
			s.setDesc(r, b.set, e)
			answer, err := s.resAnswer(b, op, r, e)
			en.remove(r)
			return answer, err
		}
	}
	s.transition(r, b, now)
	switch b.Role {
	case RoleAction:
		s.actionSet(b, r, tree, e) // when.go
	case RoleDelete:
		s.setDesc(r, b.set, e)
	}
	answer, err := s.resAnswer(b, op, r, e)
	if err != nil || len(b.cases) == 0 || r.gone {
		return answer, err
	}
	e.Resource = r.tree()
	return s.caseOutput(b, op, tree, e.Resource, e, answer) // when.go
}

// ensureBuiltin creates the builtin instances that do not exist (at
// start, after a reset), settled in their final status. en.mu is held.
func (s *Server) ensureBuiltin(now time.Time) error {
	for _, k := range s.res.builtin {
		for _, name := range k.Builtin {
			if k.named(nil, name) != nil {
				continue
			}
			op := s.ops[k.create.Operation]
			in := map[string]any{}
			setPath(in, k.namePath, name)
			e := &env{Input: in}
			s.fillEnv(e)
			if _, err := s.resCreate(k.create, op, in, e, now); err != nil {
				return err
			}
			if r := k.named(nil, name); r != nil && r.move != nil {
				r.move.due = now.UnixNano()
				s.res.settle(r, now)
			}
		}
	}
	return nil
}

// isBuiltin tells whether r is one of its kind's builtin instances.
func (r *record) isBuiltin() bool {
	return r.parent == nil && r.name != "" && slices.Contains(r.kind.Builtin, r.name)
}

// applySet writes the values of set into desc; their {output.*} is desc.
func (s *Server) applySet(set []compiledField, desc map[string]any, e *env) {
	if len(set) == 0 {
		return
	}
	saved := e.Output
	e.Output = desc
	for _, f := range set {
		if v := f.tmpl.Eval(e); v != missing && v != nil {
			setPath(desc, f.path, v)
		}
	}
	e.Output = saved
}

// setDesc applies set to r's description.
func (s *Server) setDesc(r *record, set []compiledField, e *env) {
	if len(set) == 0 {
		return
	}
	desc := r.tree()
	s.applySet(set, desc, e)
	if r.kind.descType != nil {
		r.kind.descType.trim(desc, nil, nil)
	}
	if data, err := appendJSON(nil, desc); err == nil {
		s.res.setDesc(r, data)
	}
}

// resReadMany reads every resource a list of identifiers names: the
// descriptions of those found, a failure for each of the others.
func (s *Server) resReadMany(b *boundOp, op *compiledOp, tree map[string]any, e *env, now time.Time) ([]byte, error) {
	k := b.kind
	parent, err := s.resParent(b, tree, e, now)
	if err != nil {
		return nil, err
	}
	idents, _ := lookup(tree, b.ident).([]any)
	items := make([]any, 0, len(idents))
	var failures []any
	var fits bool
	if lt := op.outType.at(b.desc); lt != nil && lt.kind == wireList {
		fits = k.fits(lt.elem)
	}
	for _, id := range idents {
		v, _ := id.(string)
		r := s.res.find(k, parent, v, now, true)
		if r == nil {
			if b.failures != nil {
				e.Message = v
				f := map[string]any{}
				for _, fl := range b.failure {
					if fv := fl.tmpl.Eval(e); fv != missing && fv != nil {
						setPath(f, fl.path, fv)
					}
				}
				failures = append(failures, f)
			}
			continue
		}
		if fits {
			items = append(items, json.RawMessage(r.desc))
		} else {
			items = append(items, k.hide(r.tree())) // private.go
		}
	}
	out := map[string]any{}
	setPath(out, b.desc, items)
	if b.failures != nil {
		if failures == nil {
			failures = []any{}
		}
		setPath(out, b.failures, failures)
	}
	op.outType.trim(out, nil, nil)
	data, err := appendJSON(nil, out)
	if err != nil {
		return nil, internal("the mock cannot build its output: " + err.Error())
	}
	return data, nil
}

// update changes r's description from the input tree: the members the
// description has, but the identifiers and the status, then b's Set; the
// modification time is now.
func (s *Server) update(b *boundOp, r *record, tree map[string]any, e *env, now time.Time) error {
	desc := r.tree()
	if err := s.updateFrom(b, r.kind, desc, tree, e); err != nil { // attributes.go
		return err
	}
	if r.kind.modifiedPath != nil {
		setPath(desc, r.kind.modifiedPath, stamp(now))
	}
	s.applySet(b.set, desc, e)
	if r.kind.descType != nil {
		r.kind.descType.trim(desc, nil, nil)
	}
	if err := s.rename(r, desc, e, now); err != nil {
		return err
	}
	data, err := appendJSON(nil, desc)
	if err != nil {
		return internal("the mock cannot store its resource: " + err.Error())
	}
	old := r.desc
	s.res.setDesc(r, data)
	s.res.recount(r, old) // counts.go
	return nil
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
	if old := k.named(r.parent, name); old != nil {
		if s.res.settle(old, now); !old.gone {
			e.Message = fmt.Sprintf("%s %s already exists", k.Name, name)
			e.Subject = name
			e.Existing = old.tree()
			return s.buildError(k.conflict, e, &Error{Code: "ConflictException", Message: e.Message, Status: http.StatusConflict})
		}
	}
	k.byName.del(r)
	byName := r.uniqueByName()
	s.res.bytes -= r.cost()
	r.name = name
	s.res.bytes += r.cost()
	k.byName.put(r)
	if byName {
		// Its unique key stays what it was: the old name.
		k.byUnique.put(r)
	}
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
	e.Subject = ident
	return s.buildError(k.notFound, e, &Error{Code: "ResourceNotFoundException", Message: e.Message, Status: http.StatusNotFound})
}

// resParent finds the parent the input names, nil when it names none.
func (s *Server) resParent(b *boundOp, tree map[string]any, e *env, now time.Time) (*record, error) {
	k := b.kind
	if k.parent == nil || b.parentIdent == nil {
		return nil, nil
	}
	pv, _ := lookup(tree, b.parentIdent).(string)
	if pv == "" && b.Role != RoleList {
		pv = k.DefaultParent
	}
	if pv == "" {
		return nil, nil
	}
	parent := s.res.find(k.parent, nil, pv, now, false)
	if parent == nil {
		return nil, s.notFound(k.parent, pv, e)
	}
	return parent, nil
}

// resFind finds the resource the input's identifier names, by id, ARN or
// name (within the parent the input names, when it names one). Only a read
// finds a retired resource.
func (s *Server) resFind(b *boundOp, tree map[string]any, e *env, now time.Time) (*record, error) {
	k := b.kind
	parent, err := s.resParent(b, tree, e, now)
	if err != nil {
		return nil, err
	}
	v := identOf(b, tree) // listids.go
	var r *record
	if b.identMember != nil {
		r = s.res.findBy(k, parent, b.identMember, v, now) // findby.go
	} else {
		r = s.res.find(k, parent, v, now, b.Role == RoleRead)
	}
	if r == nil {
		if b.retired != nil {
			if old := s.res.find(k, parent, v, now, true); old != nil && old.retired {
				e.Message = fmt.Sprintf("%s %s is no longer active", k.Name, v)
				e.Resource = old.tree()
				return nil, s.buildError(b.retired, e, nil)
			}
		}
		if b.notFound != nil {
			e.Message = fmt.Sprintf("%s %s does not exist", k.Name, v)
			e.Subject = v
			return nil, s.buildError(b.notFound, e, nil)
		}
		return nil, s.notFound(k, v, e)
	}
	e.Resource = r.tree()
	return r, nil
}

// find looks a resource of kind k up by id, ARN or name, settling its
// status; nil when there is none, it is gone, or it is retired and retired
// is false. A name is looked up within parent; without one, among the
// resources of no parent.
func (en *engine) find(k *kind, parent *record, v string, now time.Time, retired bool) *record {
	if v == "" {
		return nil
	}
	r := k.byID.get(0, v)
	if r == nil && k.IDPrefix != "" && !strings.HasPrefix(v, k.IDPrefix) {
		// Clients strip the prefix the service answers ids with.
		r = k.byID.get(0, k.IDPrefix+v)
	}
	if r == nil {
		if a := en.byARN.get(0, v); a != nil && a.kind == k {
			r = a
		}
	}
	if r == nil {
		r = k.named(parent, v)
	}
	if r == nil || (parent != nil && r.parent != parent) {
		return nil
	}
	en.settle(r, now)
	if r.gone || r.retired && !retired {
		return nil
	}
	return r
}

// settle applies r's pending transition if it is due.
func (en *engine) settle(r *record, now time.Time) {
	m := r.move
	if m == nil || now.UnixNano() < m.due {
		return
	}
	r.move = nil
	if m.remove {
		en.remove(r)
		return
	}
	en.setStatus(r, m.then())
	if m.done != nil {
		en.applyDone(r, m.done, time.Unix(0, m.due).UTC())
	}
	if m.retire {
		en.retireNow(r)
	}
}

// applyDone writes b's status set into r's description, as of at.
func (en *engine) applyDone(r *record, b *boundOp, at time.Time) {
	desc := r.tree()
	e := &env{Now: at, Output: desc}
	for _, f := range b.doneSet {
		if v := f.tmpl.Eval(e); v != missing && v != nil {
			setPath(desc, f.path, v)
		}
	}
	if r.kind.descType != nil {
		r.kind.descType.trim(desc, nil, nil)
	}
	if data, err := appendJSON(nil, desc); err == nil {
		en.setDesc(r, data)
	}
}

// retireNow keeps r in its final status, out of lists and of its parent's
// children.
func (en *engine) retireNow(r *record) {
	if r.retired || r.gone {
		return
	}
	r.retired = true
	en.unlist(r)
}

// unlist takes r out of its lists and its parent's count of children.
func (en *engine) unlist(r *record) {
	k := r.kind
	if l := k.lists[r.parent]; l != nil {
		l.dead++
	}
	if r.parent != nil {
		if l := k.lists[nil]; l != nil {
			l.dead++
		}
		r.parent.children--
		en.count(r)
	}
}

// count writes into r's parent's description how many live resources of
// r's kind it has, when the parent counts them.
func (en *engine) count(r *record) {
	k, p := r.kind, r.parent
	if k.countPath == nil && k.countsWhere == nil || p == nil || p.gone {
		return
	}
	desc := p.tree()
	if k.countPath != nil {
		n := 0
		if l := k.lists[p]; l != nil {
			n = len(l.recs) - l.dead
		}
		setPath(desc, k.countPath, p.kind.countValue(n))
	}
	en.countWhere(r, desc) // counts.go
	if data, err := appendJSON(nil, desc); err == nil {
		en.setDesc(p, data)
	}
}

// live tells whether old is a live resource: settled, not gone, not
// retired.
func (en *engine) live(old *record, now time.Time) bool {
	if old == nil {
		return false
	}
	en.settle(old, now)
	return !old.gone && !old.retired
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
		en.bytes -= r.cost()
	}
	old := r.desc
	r.desc = string(desc)
	r.rebind(old)
	if !r.gone {
		en.bytes += r.cost()
	}
}

// remove forgets r; its place in its lists is dropped at the next
// compact.
func (en *engine) remove(r *record) {
	if r.gone {
		return
	}
	// Gone before it is unlisted, so that counts by value pass it over.
	r.gone = true
	if !r.retired {
		en.unlist(r)
	}
	en.bytes -= r.cost()
	k := r.kind
	k.byID.del(r)
	if r.arn != "" {
		en.byARN.del(r)
	}
	if r.name != "" {
		k.byName.del(r)
	}
	if r.uniq != "" {
		k.byUnique.del(r)
	}
	for _, ck := range k.children {
		delete(ck.lists, r)
	}
	delete(k.groups, r.seq)
}

// stamp is t as the engine keeps a timestamp in a description: seconds
// since the epoch, to the millisecond, as {now} gives it.
func stamp(t time.Time) json.Number {
	return json.Number(strconv.FormatFloat(float64(t.UnixMilli())/1000, 'f', -1, 64))
}

// heldBy settles r's children and returns the first kind (by name) of
// which r still has a live child that holds it: neither gone, retired nor
// in one of its kind's Inactive statuses. nil when r holds none.
func (s *Server) heldBy(r *record, now time.Time) *kind {
	var held *kind
	for _, ck := range r.kind.children {
		l := ck.lists[r]
		if l == nil {
			continue
		}
		for _, c := range l.recs {
			// Every child is settled, so that the count of live ones
			// stays right whichever kind answers.
			if s.res.settle(c, now); held == nil && !c.gone && !c.retired && !c.companion && !ck.inactive(c) {
				held = ck
			}
		}
	}
	return held
}

// inactive tells whether r is in one of its kind's Inactive statuses.
func (k *kind) inactive(r *record) bool {
	if len(k.Inactive) == 0 || k.statusPath == nil {
		return false
	}
	st, _ := lookup(r.tree(), k.statusPath).(string)
	return slices.Contains(k.Inactive, st)
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
	st, ok := s.planStatus(b.Role, b.Transition)
	if !ok {
		return
	}
	if st.gone {
		s.res.remove(r)
		return
	}
	s.res.setStatus(r, st.now)
	if st.retired {
		s.res.retireNow(r)
	}
	s.schedule(r, st, now)
	switch {
	case b.doneSet == nil:
	case st.pending:
		r.move.done = b
	case st.now == b.Transition.Then:
		s.res.applyDone(r, b, now)
	}
}

// statusPlan is what a transition does: the status shown now, and the one
// reached (or removal) after delay when pending.
type statusPlan struct {
	now     string
	to      *Transition // when pending: whose Then is reached, unless removed
	pending bool
	gone    bool // removed at once
	remove  bool // removed after delay
	retired bool // retired at once
	retire  bool // retired after delay
	delay   time.Duration
}

// planStatus works out a transition of an operation in role; ok is false
// when it makes none. An immediate transition (no delay) shows its final
// status at once, except a delete, which answers its during status and is
// gone (or retired) at the next request.
func (s *Server) planStatus(role Role, t *Transition) (statusPlan, bool) {
	if t == nil {
		return statusPlan{}, false
	}
	d := s.delay(t)
	switch {
	case role == RoleDelete && t.Then != "" && t.During == "":
		return statusPlan{now: t.Then, retired: true}, true
	case role == RoleDelete && t.Then != "":
		return statusPlan{now: t.During, to: t, pending: true, retire: true, delay: d}, true
	case role == RoleDelete && t.During == "":
		return statusPlan{gone: true}, true
	case role == RoleDelete:
		return statusPlan{now: t.During, to: t, pending: true, remove: true, delay: d}, true
	case t.During == "" || (d == 0 && t.Then != ""):
		return statusPlan{now: t.Then}, t.Then != ""
	}
	// Without then, the resource stays in during until another operation
	// moves it.
	return statusPlan{now: t.During, to: t, pending: t.Then != "", delay: d}, true
}

// schedule records the pending part of a plan.
func (s *Server) schedule(r *record, st statusPlan, now time.Time) {
	r.move = nil
	if st.pending {
		r.move = &pendingMove{due: now.Add(st.delay).UnixNano(), to: st.to, remove: st.remove, retire: st.retire}
	}
}

// resAnswer is the operation's output holding r's description. When the
// operation's mock block has output templates, they build the rest of the
// answer ({resource.*} is the description), and the description replaces
// whatever they put where it goes.
func (s *Server) resAnswer(b *boundOp, op *compiledOp, r *record, e *env) ([]byte, error) {
	var out map[string]any
	if len(op.output) > 0 {
		e.Resource = r.tree()
		out = s.mockOutput(op, e)
	}
	if b.creates != nil {
		if err := s.createAlso(b.creates, r, out, e, s.now()); err != nil {
			return nil, err
		}
	}
	return s.answerWith(b, op, r, out, nil)
}

// mockOutput builds the output templates of op's mock block.
func (s *Server) mockOutput(op *compiledOp, e *env) map[string]any {
	out := map[string]any{}
	writeOutput(e, out, op.output)
	return out
}

// writeOutput writes the output templates fields into out, which
// {output.*} reads while they are evaluated.
func writeOutput(e *env, out map[string]any, fields []compiledField) {
	saved := e.Output
	e.Output = out
	for _, f := range fields {
		if v := f.tmpl.Eval(e); v != missing && v != nil {
			setPath(out, f.path, v)
		}
	}
	e.Output = saved
}

// answerWith puts r's description into out (nil: an empty output) where
// the operation answers it, and encodes out. tree, when not nil, is the
// description decoded (a create has it at hand), which spares decoding it
// again; answerWith may change it.
func (s *Server) answerWith(b *boundOp, op *compiledOp, r *record, out, tree map[string]any) ([]byte, error) {
	if b.Description == "-" && out == nil && b.arnOut == nil {
		return []byte("{}"), nil
	}
	fits := r.kind.fits(op.outType.at(b.desc))
	if out == nil && fits && b.desc == nil && b.arnOut == nil {
		return []byte(r.desc), nil
	}
	if out == nil {
		out = map[string]any{}
	}
	if tree == nil && b.Description != "-" && (b.desc == nil || !fits) {
		tree = r.tree()
	}
	if b.Description != "-" {
		tree = r.kind.hide(tree) // private.go
	}
	switch {
	case b.Description == "-":
	case b.desc == nil:
		for k, v := range tree {
			out[k] = v
		}
	case fits:
		setPath(out, b.desc, json.RawMessage(r.desc))
	case isList(op.outType.at(b.desc)):
		setPath(out, b.desc, []any{tree})
	default:
		setPath(out, b.desc, tree)
	}
	if b.arnOut != nil {
		setPath(out, b.arnOut, r.arn)
	}
	op.outType.trim(out, nil, nil)
	data, err := appendJSON(make([]byte, 0, len(r.desc)+32), out)
	if err != nil {
		return nil, internal("the mock cannot build its output: " + err.Error())
	}
	return data, nil
}

func isList(w *wireType) bool { return w != nil && w.kind == wireList }

// fits tells whether w, the type an answer has where it holds a
// description, is the stored description's own type: the stored JSON is
// then answered as it is, without decoding it (trim passes it through).
func (k *kind) fits(w *wireType) bool { return w != nil && w == k.descType && k.privatePaths == nil }

// resCreate creates a resource. The description starts as an echo of the
// input; when the operation has a mock block, its output templates build
// the answer and what they put at the description's place is written over
// the echo; Set follows; the resource's templates fill the id and ARN they
// leave out; the status is the transition's. The mock block's unique,
// conflict, idempotencyMismatch and quotaExceeded answer for the create.
func (s *Server) resCreate(b *boundOp, op *compiledOp, tree map[string]any, e *env, now time.Time) ([]byte, error) {
	en, k := s.res, b.kind
	var token string
	var fp [fingerprintSize]byte
	if b.idemToken != nil {
		token, _ = lookup(tree, b.idemToken).(string)
	}
	if token != "" {
		// Before anything reads the input: the description shares its
		// structures and is trimmed to its shape.
		sum := fingerprint(tree, b.idemToken)
		copy(fp[:], sum[:])
		if t := k.tokens.get(0, token); t != nil {
			answer, err := s.replay(b, op, t)
			if err != nil || t.fp == fp || op.mismatch == nil {
				return answer, err
			}
			e.Existing = decodeTree(answer)
			e.Message = fmt.Sprintf("the idempotency token %s was already used with other parameters", token)
			return nil, s.buildError(op.mismatch, e, nil)
		}
	}
	conflict := k.conflict
	if op.conflict != nil {
		conflict = op.conflict
	}
	collides := func(old *record, what string) error {
		if b.AnswerExisting || b.UpdateExisting {
			return errExisting{old}
		}
		e.Message = fmt.Sprintf("%s %s already exists", k.Name, what)
		e.Subject = what
		e.Existing = old.tree()
		e.Resource = e.Existing
		return s.buildError(conflict, e, &Error{Code: "ConflictException", Message: e.Message, Status: http.StatusConflict})
	}
	uniq := uniqueKey(e, op.unique)
	if old := k.unique(uniq); uniq != "" && en.live(old, now) {
		return s.conflictAnswer(b, op, tree, e, now, collides(old, uniq))
	}
	desc := k.createStart(tree) // attributes.go
	var parent *record
	if k.parent != nil && b.parentIdent != nil {
		pv, _ := lookup(tree, b.parentIdent).(string)
		if pv == "" {
			pv = k.DefaultParent
		}
		if pv == "" {
			// A create naming no parent, where none is the default (EC2's
			// RunInstances without a subnet, the mock having no default
			// VPC), misses a parameter.
			return nil, s.validationFailed(&specrt.ValidationError{Fields: []specrt.FieldError{{
				Path: strings.Join(b.parentIdent, "."), Rule: specrt.RuleRequired, Message: "is required"}}})
		}
		if parent = en.find(k.parent, nil, pv, now, false); parent == nil {
			return nil, s.notFound(k.parent, pv, e)
		}
		if k.parentIDPath != nil {
			setPath(desc, k.parentIDPath, parent.id)
		}
		if k.parentARNPath != nil && parent.arn != "" {
			setPath(desc, k.parentARNPath, parent.arn)
		}
		if b.readsParent {
			e.Parent = parent.tree()
		}
	}
	var out, part map[string]any
	if len(op.output) > 0 {
		e.Resource = desc
		out = s.mockOutput(op, e)
		if b.Description != "-" {
			part = out
			if b.desc != nil {
				part, _ = lookup(out, b.desc).(map[string]any)
			}
			for key, v := range part {
				desc[key] = v
			}
		}
	}
	// The creation and modification times, unless the mock block's
	// output gave them.
	for _, p := range [][]string{k.createdPath, k.modifiedPath} {
		if p != nil && lookup(desc, p) == missing {
			setPath(desc, p, stamp(now))
		}
	}
	s.applySet(b.set, desc, e)
	s.caseSet(b, desc, tree, e) // when.go
	if err := s.caseError(b, tree, desc, e); err != nil {
		return nil, err
	}
	var name string
	if k.namePath != nil {
		name, _ = lookup(desc, k.namePath).(string)
		// A mock block's unique key replaces the name's uniqueness.
		if old := k.named(parent, name); uniq == "" && len(op.unique) == 0 && name != "" && en.live(old, now) {
			return s.conflictAnswer(b, op, tree, e, now, collides(old, name))
		}
	}
	e.Output = desc
	// An id the mock block's output gave is kept; else the resource's
	// template draws one; without a template, an id the input gave (a
	// resource whose id is its name) is kept; else the id is a UUID.
	id, _ := lookup(desc, k.idPath).(string)
	switch {
	case lookup(part, k.idPath) != missing:
	case k.idT != nil:
		// A generated id that is taken is drawn again: the caller chose
		// nothing that conflicts. A template without randomness keeps
		// its collision, answered as a conflict below.
		for range 8 {
			if id = k.IDPrefix + textOf(k.idT.Eval(e)); !en.taken(k, id, now) {
				break
			}
		}
	case id == "":
		id = newUUID()
	}
	if !strings.HasPrefix(id, k.IDPrefix) {
		id = k.IDPrefix + id
	}
	setPath(desc, k.idPath, id)
	var arn string
	if k.arnPath != nil {
		if lookup(part, k.arnPath) == missing && k.arnT != nil {
			setPath(desc, k.arnPath, textOf(k.arnT.Eval(e)))
		}
		arn, _ = lookup(desc, k.arnPath).(string)
	}
	// The first status is written with the rest, so that the description
	// is encoded once.
	plan, moves := s.planStatus(b.Role, b.Transition)
	if moves && k.statusPath != nil {
		setPath(desc, k.statusPath, plan.now)
	}
	if moves && !plan.pending && b.doneSet != nil && plan.now == b.Transition.Then {
		s.applySet(b.doneSet, desc, e)
	}
	for _, f := range k.defaults {
		if lookup(desc, f.path) == missing {
			if v := f.tmpl.Eval(e); v != missing && v != nil {
				setPath(desc, f.path, v)
			}
		}
	}
	if k.descType != nil {
		k.descType.trim(desc, nil, nil)
	}
	raw, err := appendJSON(nil, desc)
	if err != nil {
		return nil, internal("the mock cannot store its resource: " + err.Error())
	}
	r := &record{kind: k, id: id, name: name, arn: arn, uniq: uniq, parent: parent, tags: readTags(b, tree)}
	if k.tagsPath != nil {
		setPath(desc, k.tagsPath, r.tagsValue())
		if raw, err = appendJSON(nil, desc); err != nil {
			return nil, internal("the mock cannot store its resource: " + err.Error())
		}
	}
	r.desc = string(raw)
	r.rebind("")
	quota := b.quota
	if op.quota != nil {
		quota = op.quota
	}
	// The answer is built before the resource is stored, so that the byte
	// limit counts the copy a repeated idempotency token replays.
	answer, err := s.answerWith(b, op, r, out, desc)
	if err == nil {
		answer, err = s.caseOutput(b, op, tree, desc, e, answer) // when.go
	}
	if err != nil {
		return nil, err
	}
	var kept int64
	var keep *tokenAnswer
	if token != "" {
		keep = s.keepAnswer(b, op, r, answer)
		keep.token, keep.fp = token, fp
		// What the token may keep alive: its answer, or the description
		// it was built from once an update replaced the record's.
		kept = int64(tokenOverhead + len(token) + len(keep.kept))
	}
	// A duplicate is answered as one, at the limit too.
	if old := k.byID.get(0, id); en.live(old, now) {
		return s.conflictAnswer(b, op, tree, e, now, collides(old, id))
	}
	if msg := s.full(k, r, kept); msg != "" {
		e.Message = msg
		return nil, s.buildError(quota, e, &Error{Code: "ServiceQuotaExceededException", Message: msg, Status: http.StatusPaymentRequired})
	}
	// A retired resource gives its id, name and ARN up to a new one.
	for _, old := range []*record{k.byID.get(0, id), k.named(parent, name), en.byARN.get(0, arn)} {
		if old != nil && old.retired && (old.kind == k) {
			en.remove(old)
		}
	}
	en.seq++
	r.seq = en.seq
	en.insert(r)
	if moves {
		s.schedule(r, plan, now)
		if plan.pending && b.doneSet != nil {
			r.move.done = b
		}
	}
	if b.creates != nil {
		if err := s.createAlso(b.creates, r, out, e, now); err != nil {
			return nil, err
		}
	}
	if err := s.makeCompanions(b, r, e, now); err != nil { // companions.go
		return nil, err
	}
	if token != "" {
		// The answer is kept for replays; it counts against the byte limit
		// like the resource itself.
		if k.tokens.get(0, token) == nil {
			en.bytes += kept
		}
		k.tokens.put(keep)
	}
	return answer, nil
}

// resCreateEach runs the create b once for each string of its Each input
// list, the string written to the EachMember of the description, and
// joins the answers: a list member of the output holds the elements of
// every answer's. Names taken (or given twice) are answered before
// anything is created; any other error part way (a quota reached) takes
// back the resources created before it, so that the create is all or
// nothing, as the service's is.
func (s *Server) resCreateEach(b *boundOp, op *compiledOp, tree map[string]any, e *env, now time.Time) ([]byte, error) {
	k := b.kind
	items, _ := tree[b.Each].([]any)
	if len(items) == 0 {
		e.Message = b.Each + " names no " + k.Name
		return nil, s.buildError(k.badToken, e, &Error{Code: "ValidationException", Message: e.Message})
	}
	seen := make(map[string]bool, len(items))
	for _, it := range items {
		name, _ := it.(string)
		old := k.named(nil, name)
		if !seen[name] && !(k.parent == nil && s.res.live(old, now)) {
			seen[name] = true
			continue
		}
		e.Message = fmt.Sprintf("%s %s already exists", k.Name, name)
		e.Subject = name
		if old != nil {
			e.Existing = old.tree()
			e.Resource = e.Existing
		}
		conflict := k.conflict
		if op.conflict != nil {
			conflict = op.conflict
		}
		return nil, s.buildError(conflict, e, &Error{Code: "ConflictException", Message: e.Message, Status: http.StatusConflict})
	}
	var joined map[string]any
	first := s.res.seq + 1
	for _, it := range items {
		one := make(map[string]any, len(tree))
		for key, v := range tree {
			if key != b.Each {
				one[key] = v
			}
		}
		one[b.EachMember] = it
		ce := *e
		ce.Input = one
		answer, err := s.resCreate(b, op, one, &ce, now)
		if err != nil {
			s.res.takeBack(b, first)
			return nil, err
		}
		joined = join(joined, decodeTree(answer))
	}
	data, err := appendJSON(nil, joined)
	if err != nil {
		return nil, internal("the mock cannot build its output: " + err.Error())
	}
	return data, nil
}

// join adds the answer out of one create to joined, the answers before
// it: each list member holds the elements of every answer's, the other
// members are the first answer's.
func join(joined, out map[string]any) map[string]any {
	if joined == nil {
		return out
	}
	for key, v := range out {
		if l, ok := v.([]any); ok {
			prev, _ := joined[key].([]any)
			joined[key] = append(prev, l...)
		}
	}
	return joined
}

// takeBack removes what the create b stored from the sequence number
// first on: the resources of its kind and those its creates recorded.
// They are the last of their kinds' lists of every parent.
func (en *engine) takeBack(b *boundOp, first uint64) {
	kinds := []*kind{b.kind}
	if b.creates != nil {
		kinds = append(kinds, b.creates.kind)
	}
	for _, k := range kinds {
		l := k.lists[nil]
		if l == nil {
			continue
		}
		for i := len(l.recs) - 1; i >= 0 && l.recs[i].seq >= first; i-- {
			en.remove(l.recs[i])
		}
	}
}

// keepAnswer is what a token keeps of answer, the answer of the create b,
// op that stored r: the description alone when answerWith builds answer
// from it again, byte for byte (checked here, not assumed: the output
// templates' values are usually in the description too, but need not
// be), else a copy of answer of its own size.
func (s *Server) keepAnswer(b *boundOp, op *compiledOp, r *record, answer []byte) *tokenAnswer {
	t := &tokenAnswer{kept: r.desc, fromDesc: true}
	if again, err := s.replay(b, op, t); err == nil && bytes.Equal(again, answer) {
		return t
	}
	return &tokenAnswer{kept: string(answer)}
}

// errExisting is what collides answers for a create that answers the
// existing resource.
type errExisting struct{ r *record }

func (errExisting) Error() string { return "the resource exists" }

// conflictAnswer answers a create that collides: the existing resource,
// for a create that answers it (updated from the input tree first, for
// one that updates it), else the conflict error.
func (s *Server) conflictAnswer(b *boundOp, op *compiledOp, tree map[string]any, e *env, now time.Time, err error) ([]byte, error) {
	ex, ok := err.(errExisting)
	if !ok {
		return nil, err
	}
	if b.UpdateExisting {
		if err := s.update(b, ex.r, tree, e, now); err != nil {
			return nil, err
		}
		return s.resAnswer(b, op, ex.r, e)
	}
	var out map[string]any
	if len(op.output) > 0 {
		e.Resource = ex.r.tree()
		out = s.mockOutput(op, e)
	}
	return s.answerWith(b, op, ex.r, out, nil)
}

// createAlso records the resource c describes beside r, with the id the
// answer out holds.
func (s *Server) createAlso(c *boundCreates, r *record, out map[string]any, e *env, now time.Time) error {
	en, k := s.res, c.kind
	id, _ := lookup(out, c.id).(string)
	if id == "" {
		return internal(fmt.Sprintf("the mock's answer has no %s for the %s it records", c.ID, k.Name))
	}
	desc := map[string]any{}
	setPath(desc, k.idPath, id)
	saved := e.Resource
	e.Resource = r.tree()
	s.applySet(c.set, desc, e)
	e.Resource = saved
	for _, f := range k.defaults {
		if lookup(desc, f.path) == missing {
			if v := f.tmpl.Eval(e); v != missing && v != nil {
				setPath(desc, f.path, v)
			}
		}
	}
	plan, moves := s.planStatus(RoleCreate, c.Transition)
	if moves && k.statusPath != nil {
		setPath(desc, k.statusPath, plan.now)
	}
	if moves && !plan.pending && c.done != nil && plan.now == c.Transition.Then {
		s.applySet(c.done.doneSet, desc, e)
	}
	if k.descType != nil {
		k.descType.trim(desc, nil, nil)
	}
	raw, err := appendJSON(nil, desc)
	if err != nil {
		return internal("the mock cannot store its resource: " + err.Error())
	}
	var arn string
	if k.arnPath != nil {
		arn, _ = lookup(desc, k.arnPath).(string)
	}
	cr := &record{kind: k, id: id, arn: arn, desc: string(raw)}
	cr.rebind("")
	if msg := s.full(k, cr, 0); msg != "" {
		e.Message = msg
		return &Error{Code: "ServiceQuotaExceededException", Message: msg, Status: http.StatusPaymentRequired}
	}
	if old := k.byID.get(0, id); old != nil {
		en.remove(old)
	}
	if c.current != nil {
		s.supersede(c, r, id, e, now)
	}
	en.seq++
	cr.seq = en.seq
	en.insert(cr)
	if moves {
		s.schedule(cr, plan, now)
		if plan.pending && c.done != nil {
			cr.move.done = c.done
		}
	}
	return nil
}

// supersede writes id, the one c has just recorded, to r's Current
// member, and moves the one it held before to c's Supersedes status,
// writing c's SupersededSet into it.
func (s *Server) supersede(c *boundCreates, r *record, id string, e *env, now time.Time) {
	en := s.res
	desc := r.tree()
	prev, _ := lookup(desc, c.current).(string)
	if old := c.kind.byID.get(0, prev); c.Supersedes != "" && prev != id && old != nil && !old.gone {
		en.settle(old, now)
		old.move = nil
		en.setStatus(old, c.Supersedes)
		s.setDesc(old, c.supersededSet, e)
	}
	setPath(desc, c.current, id)
	if data, err := appendJSON(nil, desc); err == nil {
		en.setDesc(r, data)
	}
}

// taken tells whether a live resource of kind k has id.
func (en *engine) taken(k *kind, id string, now time.Time) bool {
	old := k.byID.get(0, id)
	if old == nil {
		return false
	}
	en.settle(old, now)
	return !old.gone
}

// full says which of the mock's limits storing r would break; "" when it
// fits. The limits are those of the mock's store (WithMaxResources counts
// the resources of each kind, WithMaxStoreBytes all of them); extra is
// what is kept beside r (the answer a repeated idempotency token replays).
func (s *Server) full(k *kind, r *record, extra int64) string {
	lim := s.opts.storeLimits
	if lim.items > 0 && k.byID.n >= lim.items {
		return fmt.Sprintf("the mock holds its limit of %d resources of type %s", lim.items, k.Name)
	}
	if lim.bytes > 0 && s.res.bytes+r.cost()+extra > lim.bytes {
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
	// A request that names no parent lists the resources of every parent.
	parent, err := s.resParent(b, tree, e, now)
	if err != nil {
		return nil, err
	}
	size := b.MaxPageSize
	if size <= 0 {
		size = defaultPageSize
	}
	limit, err := s.pageLimit(lookup(tree, b.limit), b.limit) // paging.go
	if err != nil {
		return nil, err
	}
	if limit > 0 && limit < int64(size) {
		size = int(limit)
	}
	l := k.lists[parent]
	if l == nil {
		l = &orderedList{}
	}
	named, err := s.namedList(b, parent, tree, e, now) // listids.go
	if err != nil {
		return nil, err
	}
	if size = onePage(b, named, size); named != nil {
		l = named
	}
	l.compact()
	l.trimHead(en, now)
	// The list reads in creation order, or from the newest back; a token
	// holds the sequence number of the next resource either way.
	start, step := 0, 1
	if b.NewestFirst {
		start, step = len(l.recs)-1, -1
	}
	if tok, _ := lookup(tree, b.inToken).(string); tok != "" && named == nil {
		seq, ok := en.parseToken(k, parent, tok)
		if !ok {
			e.Message = "the pagination token is invalid or expired"
			return nil, s.buildError(k.badToken, e, &Error{Code: "ValidationException", Message: e.Message})
		}
		if b.NewestFirst {
			start = sort.Search(len(l.recs), func(i int) bool { return l.recs[i].seq > seq }) - 1
		} else {
			start = sort.Search(len(l.recs), func(i int) bool { return l.recs[i].seq >= seq })
		}
	}
	// Filters set in the request; a page then reads on until it is full,
	// so its cost grows with the resources the filters skip.
	var filters map[string]any
	for i, f := range b.Filters {
		if v := lookup(tree, []string{f}); v != missing {
			if filters == nil {
				filters = map[string]any{}
			}
			member := f
			if i < len(b.FilterMembers) {
				member = b.FilterMembers[i]
			}
			filters[member] = v
		}
	}
	for i, f := range b.PrefixFilters {
		if v, ok := lookup(tree, []string{f}).(string); ok && i < len(b.PrefixFilterMembers) {
			if filters == nil {
				filters = map[string]any{}
			}
			filters["\x01"+f] = listFilter{path: splitPath(b.PrefixFilterMembers[i]), values: []string{v}, cond: "BEGINS_WITH"}
		}
	}
	if b.FilterList != nil {
		filters = s.listFilters(b.FilterList, tree, filters)
	}
	left := len(l.recs) - start
	if b.NewestFirst {
		left = start + 1
	}
	items := make([]any, 0, max(0, min(size, left)))
	var fits, idents bool
	var listed []*record // the records of items, when they are grouped (groups.go)
	if lt := s.itemsType(b, op); lt != nil && lt.kind == wireList {
		fits = k.fits(lt.elem) && len(b.cases) == 0
		// A list of strings answers identifiers (ECS's serviceArns): the
		// ARNs, or the ids when the resource has none.
		idents = lt.elem != nil && lt.elem.kind == wireScalar
	}
	i := start
	for ; i >= 0 && i < len(l.recs) && len(items) < size; i += step {
		r := l.recs[i]
		if en.settle(r, now); r.gone || r.retired || !r.matches(filters) {
			continue
		}
		if b.groupItems != nil {
			listed = append(listed, r)
		}
		switch {
		case idents && r.arn != "":
			items = append(items, r.arn)
		case idents:
			items = append(items, r.id)
		case fits:
			items = append(items, json.RawMessage(r.desc))
		default:
			item := r.tree()
			s.showItem(b, r, item, tree, e) // when.go
			k.hide(item)                    // private.go
			items = append(items, item)
		}
	}
	out := map[string]any{}
	if len(op.output) > 0 {
		// The operation's mock block, and the least values of the output's
		// required members (Route 53's IsTruncated, MaxItems), under the
		// items and the next page's token, which are the engine's to give
		// (a token left on the last page would never end the paging).
		out = s.mockOutput(op, e)
		if n := len(b.outToken); n > 0 {
			if m, ok := lookup(out, b.outToken[:n-1]).(map[string]any); ok || n == 1 {
				if n == 1 {
					m = out
				}
				delete(m, b.outToken[n-1])
			}
		}
	}
	if b.groupItems != nil {
		items = s.groupItemsOf(b, listed, items, e)
	}
	setPath(out, b.items, items)
	more := false
	for ; i >= 0 && i < len(l.recs) && (b.outToken != nil || b.moreResults != nil); i += step {
		r := l.recs[i]
		if en.settle(r, now); !r.gone && !r.retired && r.matches(filters) {
			if b.outToken != nil {
				setPath(out, b.outToken, en.pageToken(k, parent, r.seq))
			}
			more = true
			break
		}
	}
	if b.moreResults != nil {
		setPath(out, b.moreResults, more)
	}
	op.outType.trim(out, nil, nil)
	data, err := appendJSON(nil, out)
	if err != nil {
		return nil, internal("the mock cannot build its output: " + err.Error())
	}
	return data, nil
}

// listFilter is one filter of a FilterList: the description member, the
// values, the condition.
type listFilter struct {
	path   []string
	values []string
	cond   string
	tag    string // with byTag, the key of the tag compared instead of path
	byTag  bool
	tagKey bool // the values are tag keys, one of which the resource has
}

// listFilters adds the filters of the input's filter list to filters,
// under keys of their own.
func (s *Server) listFilters(fl *FilterList, tree map[string]any, filters map[string]any) map[string]any {
	list, _ := lookup(tree, splitPath(fl.Member)).([]any)
	for i, el := range list {
		m, _ := el.(map[string]any)
		name, _ := m[fl.Name].(string)
		cond, _ := m[fl.Condition].(string)
		if cond == "" {
			cond = cmp.Or(fl.DefaultCondition, "EQ")
		}
		f := listFilter{cond: cond}
		if path, ok := fl.Fields[name]; ok {
			f.path = splitPath(path)
		} else if key, ok := strings.CutPrefix(name, fl.TagPrefix); ok && fl.TagPrefix != "" {
			f.tag, f.byTag = key, true
		} else if name == fl.TagKeyName && name != "" {
			f.tagKey = true
		}
		vals, _ := m[fl.Values].([]any)
		for _, v := range vals {
			f.values = append(f.values, textOf(v))
		}
		if filters == nil {
			filters = map[string]any{}
		}
		filters[fmt.Sprintf("\x00%d", i)] = f
	}
	return filters
}

// matches tells whether r's description has each filter's value in the
// member of the same name (values compared as their JSON text, so that a
// number from a query string equals the stored number), and passes the
// filters of a filter list.
func (r *record) matches(filters map[string]any) bool {
	if len(filters) == 0 {
		return true
	}
	desc := r.tree()
	for member, want := range filters {
		f, ok := want.(listFilter)
		if !ok {
			if !equalsFilter(desc[member], want) { // filters.go
				return false
			}
			continue
		}
		if f.path == nil && !f.byTag && !f.tagKey || len(f.values) == 0 {
			return false
		}
		if f.tagKey {
			if !slices.ContainsFunc(f.values, func(k string) bool { _, ok := r.tags.get(k); return ok }) {
				return false
			}
			continue
		}
		var v string
		if f.byTag {
			var ok bool
			if v, ok = r.tags.get(f.tag); !ok {
				return false
			}
		} else {
			v = textOf(lookup(desc, f.path))
		}
		switch f.cond {
		case "EQ":
			if v != f.values[0] {
				return false
			}
		case "IN":
			if !slices.Contains(f.values, v) {
				return false
			}
		case "BEGINS_WITH":
			if !strings.HasPrefix(v, f.values[0]) {
				return false
			}
		default:
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

// tagList is a resource's tags in key order, packed in one string: each
// key and each value preceded by its length as a uvarint. It is one
// allocation, where a slice of pairs costs the slice and a string for
// every key and value; changing it (tag, untag) packs it again.
type tagList string

type tagPair struct{ key, value string }

// pairs unpacks l; the strings are views of l.
func (l tagList) pairs() []tagPair {
	var out []tagPair
	s := string(l)
	next := func() string {
		n, w := binary.Uvarint([]byte(s[:min(len(s), binary.MaxVarintLen64)]))
		v := s[w : w+int(n)]
		s = s[w+int(n):]
		return v
	}
	for s != "" {
		k := next()
		out = append(out, tagPair{k, next()})
	}
	return out
}

func packTags(pairs []tagPair) tagList {
	n := 0
	for _, p := range pairs {
		n += 2*binary.MaxVarintLen64 + len(p.key) + len(p.value)
	}
	buf := make([]byte, 0, n)
	for _, p := range pairs {
		buf = binary.AppendUvarint(buf, uint64(len(p.key)))
		buf = append(buf, p.key...)
		buf = binary.AppendUvarint(buf, uint64(len(p.value)))
		buf = append(buf, p.value...)
	}
	return tagList(buf)
}

func setTag(pairs []tagPair, key, value string) []tagPair {
	i, found := slices.BinarySearchFunc(pairs, key, func(p tagPair, k string) int { return strings.Compare(p.key, k) })
	if found {
		pairs[i].value = value
		return pairs
	}
	return slices.Insert(pairs, i, tagPair{key, value})
}

// set gives key the value, keeping the order.
func (l *tagList) set(key, value string) { *l = packTags(setTag(l.pairs(), key, value)) }

// del removes key.
func (l *tagList) del(key string) {
	pairs := l.pairs()
	if i, found := slices.BinarySearchFunc(pairs, key, func(p tagPair, k string) int { return strings.Compare(p.key, k) }); found {
		*l = packTags(slices.Delete(pairs, i, i+1))
	}
}

// value is the tags as an answer shows them: a map, or (with tagKey) a
// list of key-value structures in key order.
func (l tagList) value(tagKey, tagValue string) any {
	pairs := l.pairs()
	if tagKey == "" {
		m := make(map[string]any, len(pairs))
		for _, p := range pairs {
			m[p.key] = p.value
		}
		return m
	}
	list := make([]any, 0, len(pairs))
	for _, p := range pairs {
		list = append(list, map[string]any{tagKey: p.key, tagValue: p.value})
	}
	return list
}

// readTags reads the tags an input carries, as a map or as a list of
// key-value structures.
func readTags(b *boundOp, tree map[string]any) tagList {
	if b.tags == nil {
		return ""
	}
	var pairs []tagPair
	switch v := gather(tree, b.tags).(type) { // tagmany.go
	case map[string]any:
		for key, val := range v {
			s, _ := val.(string)
			pairs = setTag(pairs, key, s)
		}
	case []any:
		for _, el := range v {
			if m, ok := el.(map[string]any); ok {
				key, _ := m[b.TagKey].(string)
				val, _ := m[b.TagValue].(string)
				pairs = setTag(pairs, key, val)
			}
		}
	}
	return packTags(pairs)
}

// tagsValue is r's tags as its description shows them.
func (r *record) tagsValue() any { return r.tags.value(r.kind.TagKey, r.kind.TagValue) }

// setTags gives r the tags and writes them into its description's tags
// member.
func (en *engine) setTags(r *record, tags tagList) {
	en.bytes += int64(len(tags) - len(r.tags))
	r.tags = tags
	if r.kind.tagsPath == nil {
		return
	}
	desc := r.tree()
	setPath(desc, r.kind.tagsPath, r.tagsValue())
	if data, err := appendJSON(nil, desc); err == nil {
		en.setDesc(r, data)
	}
}

// byTagged finds the live resource a tag operation names: by ARN, else
// (Lightsail's resourceName) by the name of a top-level resource, the
// kinds taken in name order.
func (en *engine) byTagged(v string, now time.Time) *record {
	if r := en.byARN.get(0, v); r != nil && en.live(r, now) {
		return r
	}
	for _, k := range en.sortedKinds() {
		if r := k.named(nil, v); r != nil && en.live(r, now) {
			return r
		}
	}
	return nil
}

func (s *Server) resTags(b *boundOp, op *compiledOp, tree map[string]any, e *env, now time.Time) ([]byte, error) {
	if b.resourceIDs != nil {
		return s.resTagMany(b, op, tree, e, now) // tagmany.go
	}
	arn, _ := lookup(tree, b.resourceARN).(string)
	r := s.res.byTagged(arn, now)
	if r == nil {
		if b.notFound != nil {
			e.Message = fmt.Sprintf("no resource has the ARN %s", arn)
			e.Subject = arn
			return nil, s.buildError(b.notFound, e, nil)
		}
		return nil, s.notFound(b.kind, arn, e)
	}
	switch b.Role {
	case RoleTag:
		pairs := r.tags.pairs()
		for _, p := range readTags(b, tree).pairs() {
			pairs = setTag(pairs, p.key, p.value)
		}
		s.res.setTags(r, packTags(pairs))
		return s.tagAnswer(op, e)
	case RoleUntag:
		s.res.setTags(r, retag(b, r.tags, tree))
		return s.tagAnswer(op, e)
	}
	out := map[string]any{}
	setPath(out, b.tags, r.tags.value(b.TagKey, b.TagValue))
	op.outType.trim(out, nil, nil)
	return appendJSON(nil, out)
}

// tagAnswer is the answer of an operation that answers no description (a
// tag, an untag, a delete of what is not there): its mock block's output
// (Lightsail's operations), else an empty one.
func (s *Server) tagAnswer(op *compiledOp, e *env) ([]byte, error) {
	if len(op.output) == 0 {
		return []byte("{}"), nil
	}
	out := s.mockOutput(op, e)
	op.outType.trim(out, nil, nil)
	return appendJSON(nil, out)
}
