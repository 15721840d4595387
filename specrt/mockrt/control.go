package mockrt

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"
)

// The control API of the resource engine: what a test (or cmd/mockserver's
// control endpoints) reads and changes beside the service's own
// operations. Resources are shown as the engine keeps them; state is
// saved and loaded as versioned JSON.

// ResourceState is one stored resource as the control API shows it and as
// a state file keeps it.
type ResourceState struct {
	// Kind is the resource's name in the spec (Service, Listener).
	Kind string `json:"kind"`
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
	ARN  string `json:"arn,omitempty"`
	// Parent is the parent's id; empty for a top-level resource.
	Parent string `json:"parent,omitempty"`
	// Status is the description's status member, as it stands now.
	Status string `json:"status,omitempty"`
	// Description is the stored description.
	Description json.RawMessage   `json:"description"`
	Tags        map[string]string `json:"tags,omitempty"`
	// Pending is the transition under way; nil when none.
	Pending *PendingTransition `json:"pending,omitempty"`
	// Retired is set for a resource deleted into a final status: reads
	// still find it, lists do not.
	Retired bool `json:"retired,omitempty"`
	// Unique is the key its create's mock block made unique, if any.
	Unique string `json:"unique,omitempty"`
	// Group is the group the create that made it with others answered
	// (EC2's reservation), if any.
	Group string `json:"group,omitempty"`
	// Companion is set for a resource made with its parent (a VPC's
	// default security group): it does not hold the parent and goes with
	// it.
	Companion bool `json:"companion,omitempty"`
}

// PendingTransition is a status change that is due at a time.
type PendingTransition struct {
	Due time.Time `json:"due"`
	// Then is the status reached; empty when the resource is then gone.
	Then string `json:"then,omitempty"`
	Gone bool   `json:"gone,omitempty"`
	// Retire is set when the resource is then retired in status Then.
	Retire bool `json:"retire,omitempty"`
}

// now is the time the resources live by: the mock's clock, moved forward
// by AdvanceClock.
func (s *Server) now() time.Time {
	return s.opts.now().Add(time.Duration(s.skew.Load()))
}

// AdvanceClock moves the resources' time forward by d, so that statuses
// due within d move at the next request: a test can finish a 30-second
// creation at once without a ManualClock.
func (s *Server) AdvanceClock(d time.Duration) {
	if d > 0 {
		s.skew.Add(int64(d))
	}
}

// Resources returns the stored resources of the kind named kind (of every
// kind when empty), kinds in name order, each in creation order, with their
// statuses settled.
func (s *Server) Resources(kind string) []ResourceState {
	en := s.res
	if en == nil {
		return nil
	}
	en.mu.Lock()
	defer en.mu.Unlock()
	now := s.now()
	var out []ResourceState
	for _, k := range en.sortedKinds() {
		if kind != "" && k.Name != kind {
			continue
		}
		for _, r := range en.records(k) {
			if en.settle(r, now); !r.gone {
				out = append(out, r.state())
			}
		}
	}
	return out
}

// Resource returns the resource of kind named by ident (its id, name or
// ARN), and whether there is one.
func (s *Server) Resource(kind, ident string) (ResourceState, bool) {
	en := s.res
	if en == nil {
		return ResourceState{}, false
	}
	en.mu.Lock()
	defer en.mu.Unlock()
	k := en.kinds[kind]
	if k == nil {
		return ResourceState{}, false
	}
	r := en.find(k, nil, ident, s.now(), true)
	if r == nil {
		// A child's name is unique only within its parent: look in each.
		for _, r2 := range en.records(k) {
			if r2.name == ident && !r2.gone {
				r = r2
				break
			}
		}
	}
	if r == nil {
		return ResourceState{}, false
	}
	return r.state(), true
}

func (en *engine) sortedKinds() []*kind {
	out := make([]*kind, 0, len(en.kinds))
	for _, k := range en.kinds {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// records returns every record of k in creation order.
func (en *engine) records(k *kind) []*record {
	out := make([]*record, 0, k.byID.n)
	k.byID.all(func(r *record) { out = append(out, r) })
	sort.Slice(out, func(i, j int) bool { return out[i].seq < out[j].seq })
	return out
}

func (r *record) state() ResourceState {
	st := ResourceState{Kind: r.kind.Name, ID: r.id, Name: r.name, ARN: r.arn, Description: json.RawMessage(r.desc),
		Retired: r.retired, Unique: r.uniq, Group: r.kind.groups[r.seq], Companion: r.companion}
	if r.parent != nil {
		st.Parent = r.parent.id
	}
	if r.kind.statusPath != nil {
		st.Status, _ = lookup(r.tree(), r.kind.statusPath).(string)
	}
	if pairs := r.tags.pairs(); len(pairs) > 0 {
		st.Tags = make(map[string]string, len(pairs))
		for _, p := range pairs {
			st.Tags[p.key] = p.value
		}
	}
	if m := r.move; m != nil {
		st.Pending = &PendingTransition{Due: time.Unix(0, m.due).UTC(), Then: m.then(), Gone: m.remove, Retire: m.retire}
	}
	return st
}

// StateVersion is the version of the state files this package writes. A
// file of a later version is refused; earlier versions are read.
const StateVersion = 1

type stateFile struct {
	Version  int                        `json:"version"`
	Services map[string][]ResourceState `json:"services"`
}

// SaveState writes the resources of servers to w as versioned JSON.
func SaveState(w io.Writer, servers ...*Server) error {
	f := stateFile{Version: StateVersion, Services: map[string][]ResourceState{}}
	for _, s := range servers {
		if s.res == nil {
			continue
		}
		// Every kind's records, in creation order across kinds, so that a
		// parent is loaded before its children.
		s.res.mu.Lock()
		now := s.now()
		var all []*record
		for _, k := range s.res.kinds {
			all = append(all, s.res.records(k)...)
		}
		sort.Slice(all, func(i, j int) bool { return all[i].seq < all[j].seq })
		states := make([]ResourceState, 0, len(all))
		for _, r := range all {
			if s.res.settle(r, now); !r.gone {
				states = append(states, r.state())
			}
		}
		s.res.mu.Unlock()
		f.Services[s.svc.Name] = states
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(f)
}

// LoadState replaces the resources of servers by those r holds, as
// SaveState wrote them. Nothing changes when it fails: a state that names
// a service, kind or parent the servers do not have, or has a version
// later than StateVersion, is refused whole.
func LoadState(r io.Reader, servers ...*Server) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var f stateFile
	if err := dec.Decode(&f); err != nil {
		return fmt.Errorf("the state is not a specgen mock state: %w", err)
	}
	switch {
	case f.Version > StateVersion:
		return fmt.Errorf("the state is version %d, written by a later specgen; this one reads versions up to %d", f.Version, StateVersion)
	case f.Version < 1:
		return fmt.Errorf("the state has no version: it is not a specgen mock state")
	}
	byName := map[string]*Server{}
	for _, s := range servers {
		byName[s.svc.Name] = s
	}
	// Build every engine's new indexes first; swap them in only when all
	// of them load.
	fresh := map[*Server]*engine{}
	for name, states := range f.Services {
		s := byName[name]
		if s == nil {
			return fmt.Errorf("the state holds resources of service %s, which this mock does not serve", name)
		}
		if s.res == nil {
			if len(states) > 0 {
				return fmt.Errorf("the state holds resources of service %s, which declares none", name)
			}
			continue
		}
		en, err := s.res.loaded(states)
		if err != nil {
			return fmt.Errorf("service %s: %w", name, err)
		}
		fresh[s] = en
	}
	for s, en := range fresh {
		s.res.mu.Lock()
		s.res.adopt(en)
		s.res.mu.Unlock()
	}
	return nil
}

// loaded builds a copy of en's kinds holding states, without touching en.
func (en *engine) loaded(states []ResourceState) (*engine, error) {
	cp := &engine{kinds: map[string]*kind{}, ops: en.ops}
	for name, k := range en.kinds {
		k2 := *k
		cp.kinds[name] = &k2
	}
	for _, k := range cp.kinds {
		if k.parent != nil {
			k.parent = cp.kinds[k.parent.Name]
		}
		children := k.children
		k.children = nil
		for _, c := range children {
			k.children = append(k.children, cp.kinds[c.Name])
		}
	}
	cp.reset()
	for i, st := range states {
		k := cp.kinds[st.Kind]
		if k == nil {
			return nil, fmt.Errorf("resource %d: no resource kind %q", i, st.Kind)
		}
		// The file is indented for people and may have been edited by
		// them: the engine keeps compact JSON of the description's members
		// only, as a create stores it.
		var tree map[string]any
		if st.ID == "" || len(st.Description) == 0 || json.Unmarshal(st.Description, &tree) != nil || tree == nil {
			return nil, fmt.Errorf("resource %d (%s): no id or no valid description", i, st.Kind)
		}
		tree = decodeTree(st.Description) // numbers kept exact
		if k.descType != nil {
			k.descType.trim(tree, nil, nil)
		}
		k.zeroCounts(tree) // counts.go: the children loaded next count again
		desc, err := appendJSON(nil, tree)
		if err != nil {
			return nil, fmt.Errorf("resource %d (%s): %w", i, st.Kind, err)
		}
		if k.byID.get(0, st.ID) != nil {
			return nil, fmt.Errorf("resource %d: %s %s is there twice", i, st.Kind, st.ID)
		}
		var parent *record
		if k.parent != nil {
			if parent = k.parent.byID.get(0, st.Parent); parent == nil {
				return nil, fmt.Errorf("resource %d: %s %s belongs to %s %q, which is not in the state before it", i, st.Kind, st.ID, k.parent.Name, st.Parent)
			}
		}
		cp.seq++
		r := &record{kind: k, seq: cp.seq, id: st.ID, name: st.Name, arn: st.ARN, uniq: st.Unique, parent: parent, desc: string(desc)}
		r.rebind("")
		var tags []tagPair
		for key, v := range st.Tags {
			tags = setTag(tags, key, v)
		}
		r.tags = packTags(tags)
		if p := st.Pending; p != nil {
			r.move = &pendingMove{due: p.Due.UnixNano(), to: &Transition{Then: p.Then}, remove: p.Gone, retire: p.Retire}
		}
		cp.insert(r)
		if st.Group != "" {
			if k.groups == nil {
				k.groups = map[uint64]string{}
			}
			k.groups[r.seq] = st.Group
		}
		if st.Companion && parent != nil {
			r.companion = true
			parent.children--
		}
		if st.Retired {
			cp.retireNow(r)
		}
	}
	return cp, nil
}

// adopt takes the resources of cp, built by loaded from en.
func (en *engine) adopt(cp *engine) {
	en.reset()
	for name, k := range en.kinds {
		k2 := cp.kinds[name]
		k.byID, k.byName, k.byUnique, k.lists, k.groups = k2.byID, k2.byName, k2.byUnique, map[*record]*orderedList{}, k2.groups
		for parent, l := range k2.lists {
			k.lists[parent] = l
		}
	}
	// The records point at cp's kinds; point them at en's.
	for _, k := range en.kinds {
		k.byID.all(func(r *record) { r.kind = k })
	}
	en.byARN, en.seq, en.bytes = cp.byARN, cp.seq, cp.bytes
}

// insert indexes a new record.
func (en *engine) insert(r *record) {
	k := r.kind
	en.bytes += r.cost()
	k.byID.put(r)
	if r.arn != "" {
		en.byARN.put(r)
	}
	if r.name != "" {
		k.byName.put(r)
	}
	l := k.lists[r.parent]
	if l == nil {
		l = &orderedList{}
		k.lists[r.parent] = l
	}
	l.compact()
	l.recs = append(l.recs, r)
	if r.parent != nil {
		all := k.lists[nil]
		if all == nil {
			all = &orderedList{}
			k.lists[nil] = all
		}
		all.compact()
		all.recs = append(all.recs, r)
		r.parent.children++
		en.count(r)
	}
	if r.uniq != "" && !r.uniqueByName() {
		k.byUnique.put(r)
	}
}

// SaveStateFile writes the state of servers to path atomically: to a
// temporary file in the same directory, then renamed over path, so that a
// crash leaves the old state or the new one, never half of one.
func SaveStateFile(path string, servers ...*Server) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("save state: %w", err)
	}
	defer os.Remove(tmp.Name()) // after the rename, there is nothing to remove
	err = SaveState(tmp, servers...)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("save state to %s: %w", path, err)
	}
	return nil
}

// LoadStateFile loads the state at path into servers. A missing file is
// no error: the servers start empty.
func LoadStateFile(path string, servers ...*Server) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("load state: %w", err)
	}
	defer f.Close()
	if err := LoadState(f, servers...); err != nil {
		return fmt.Errorf("load state from %s: %w", path, err)
	}
	return nil
}

// StoredBytes is what the mock keeps costs, in bytes, as its byte limit
// (WithMaxStoreBytes) counts it: the items of mock blocks and idempotency
// tokens (Store.Bytes) and the resources with theirs.
func (s *Server) StoredBytes() int64 {
	n := s.store.Bytes()
	if s.res != nil {
		s.res.mu.Lock()
		n += s.res.bytes
		s.res.mu.Unlock()
	}
	return n
}
