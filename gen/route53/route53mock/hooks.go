// Hand-written: the generator never touches this file (it has no
// generated-code header).

package route53mock

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/specgen/specgen/gen/route53"
)

// The resource record sets of hosted zones, which the spec's resource
// engine cannot keep: ChangeResourceRecordSets applies a batch of changes,
// each a CREATE, DELETE or UPSERT of a set named by its DNS name, type and
// set identifier, all or none; ListResourceRecordSets pages them in
// Route 53's order (DNS names with their labels reversed, then types) from
// a position given by name, type and identifier. The engine keeps
// resources one at a time, by one id, listed in creation order behind an
// opaque token, so these live here, beside the zones it keeps: a zone
// starts with its SOA and NS sets, cannot be deleted while it holds any
// other (HostedZoneNotEmpty), takes its sets with it when it goes, and
// answers their count (ResourceRecordSetCount) and its NS set's name
// servers when read.
// The sets are in memory only: Reset forgets them, and mockrt.SaveState
// does not write them.

func init() { hooks = append(hooks, recordSets) }

// Route 53's quota of sets in a zone (its default), and the most the mock
// keeps in all, so that its memory stays bounded.
const (
	maxSetsPerZone = 10000
	maxSets        = 100000
	// maxPage is the largest page of ListResourceRecordSets.
	maxPage = 300
)

// setKey names a resource record set within its zone.
type setKey struct {
	name string // lower case, ending with a dot
	typ  route53.RRType
	id   string // the set identifier; "" for a simple set
}

// listKey is a setKey with its place in ListResourceRecordSets' order:
// its name's labels reversed and joined by NUL, which sorts below every
// character of a label, so that comparing the strings compares the labels
// one by one (com, example, www).
type listKey struct {
	order string
	setKey
}

// zoneSets are the sets of one zone.
type zoneSets struct {
	name string // the zone's DNS name, as setKey holds names
	sets map[setKey]route53.ResourceRecordSet
}

// recordStore is what the hooks of one server keep.
type recordStore struct {
	mu    sync.Mutex
	zones map[string]*zoneSets // by the zone's id as answered (/hostedzone/Z...)
	n     int                  // sets in all zones
}

func recordSets(s *Server) {
	st := &recordStore{zones: map[string]*zoneSets{}}
	s.HandleCreateHostedZone(func(ctx context.Context, in *route53.CreateHostedZoneInput) (*route53.CreateHostedZoneOutput, error) {
		st.mu.Lock()
		defer st.mu.Unlock()
		out, err := s.DefaultCreateHostedZone(ctx, in)
		if err != nil || out.HostedZone == nil || st.zones[deref(out.HostedZone.ID)] != nil {
			return out, err // an error, or a retry answering the zone again
		}
		st.addZone(deref(out.HostedZone.ID), deref(out.HostedZone.Name), out.DelegationSet)
		st.count(out.HostedZone)
		return out, nil
	})
	// A zone's reads answer how many sets it holds, and its name servers
	// as its NS set has them.
	s.HandleGetHostedZone(func(ctx context.Context, in *route53.GetHostedZoneInput) (*route53.GetHostedZoneOutput, error) {
		out, err := s.DefaultGetHostedZone(ctx, in)
		if err != nil || out.HostedZone == nil {
			return out, err
		}
		st.mu.Lock()
		defer st.mu.Unlock()
		st.count(out.HostedZone)
		if z := st.zones[deref(out.HostedZone.ID)]; z != nil {
			out.DelegationSet = &route53.DelegationSet{NameServers: z.nameServers()}
		}
		return out, nil
	})
	s.HandleListHostedZones(func(ctx context.Context, in *route53.ListHostedZonesInput) (*route53.ListHostedZonesOutput, error) {
		out, err := s.DefaultListHostedZones(ctx, in)
		if err != nil {
			return out, err
		}
		st.mu.Lock()
		defer st.mu.Unlock()
		for i := range out.HostedZones {
			st.count(&out.HostedZones[i])
		}
		return out, nil
	})
	s.HandleDeleteHostedZone(func(ctx context.Context, in *route53.DeleteHostedZoneInput) (*route53.DeleteHostedZoneOutput, error) {
		st.mu.Lock()
		defer st.mu.Unlock()
		id, _ := zoneOf(s, deref(in.ID))
		if z := st.zones[id]; z != nil && z.holdsMore() {
			return nil, &route53.HostedZoneNotEmpty{Message: ptr(fmt.Sprintf("The specified hosted zone %s contains resource record sets other than the default SOA and NS records", bare(id)))}
		}
		out, err := s.DefaultDeleteHostedZone(ctx, in)
		if err == nil && st.zones[id] != nil {
			st.n -= len(st.zones[id].sets)
			delete(st.zones, id)
		}
		return out, err
	})
	s.HandleChangeResourceRecordSets(func(ctx context.Context, in *route53.ChangeResourceRecordSetsInput) (*route53.ChangeResourceRecordSetsOutput, error) {
		st.mu.Lock()
		defer st.mu.Unlock()
		id, name := zoneOf(s, deref(in.HostedZoneID))
		if id == "" {
			// The default answers NoSuchHostedZone, as Route 53 does.
			return s.DefaultChangeResourceRecordSets(ctx, in)
		}
		z := st.zones[id]
		if z == nil {
			// A zone created before these hooks were applied (a loaded
			// state): it starts without sets.
			z = &zoneSets{name: canonical(name), sets: map[setKey]route53.ResourceRecordSet{}}
		}
		next, problems := z.apply(in.ChangeBatch.Changes)
		if more := len(next) - len(z.sets); len(problems) == 0 && more > 0 && (len(next) > maxSetsPerZone || st.n+more > maxSets) {
			problems = append(problems, fmt.Sprintf("the change would exceed the limit of %d resource record sets in a zone, or the mock's %d in all", maxSetsPerZone, maxSets))
		}
		if len(problems) > 0 {
			return nil, &route53.InvalidChangeBatch{Messages: problems, Message: ptr(strings.Join(problems, "; "))}
		}
		out, err := s.DefaultChangeResourceRecordSets(ctx, in)
		if err != nil {
			return nil, err
		}
		st.n += len(next) - len(z.sets)
		z.sets = next
		st.zones[id] = z
		return out, nil
	})
	s.HandleListResourceRecordSets(func(_ context.Context, in *route53.ListResourceRecordSetsInput) (*route53.ListResourceRecordSetsOutput, error) {
		st.mu.Lock()
		defer st.mu.Unlock()
		id, _ := zoneOf(s, deref(in.HostedZoneID))
		if id == "" {
			return nil, &route53.NoSuchHostedZone{Message: ptr("No hosted zone found with ID: " + bare(deref(in.HostedZoneID)))}
		}
		if in.StartRecordType != "" && in.StartRecordName == nil {
			return nil, &route53.InvalidInput{Message: ptr("StartRecordType requires StartRecordName")}
		}
		size := maxPage
		if in.MaxItems != nil {
			if n, err := strconv.Atoi(*in.MaxItems); err == nil && n > 0 && n < maxPage {
				size = n
			}
		}
		var keys []listKey
		if z := st.zones[id]; z != nil {
			keys = z.sorted()
		}
		from := 0
		if in.StartRecordName != nil {
			start := listKeyOf(setKey{name: canonical(*in.StartRecordName), typ: in.StartRecordType, id: deref(in.StartRecordIdentifier)})
			from, _ = slices.BinarySearchFunc(keys, start, compareKeys)
		}
		page := keys[from:min(len(keys), from+size)]
		out := &route53.ListResourceRecordSetsOutput{
			ResourceRecordSets: make([]route53.ResourceRecordSet, 0, len(page)),
			IsTruncated:        ptr(from+len(page) < len(keys)),
			MaxItems:           ptr(strconv.Itoa(size)),
		}
		for _, k := range page {
			out.ResourceRecordSets = append(out.ResourceRecordSets, st.zones[id].sets[k.setKey])
		}
		if *out.IsTruncated {
			next := st.zones[id].sets[keys[from+len(page)].setKey]
			out.NextRecordName, out.NextRecordType, out.NextRecordIdentifier = next.Name, next.Type, next.SetIdentifier
		}
		return out, nil
	})
}

// addZone gives a new zone its SOA and NS sets, as Route 53 does.
func (st *recordStore) addZone(id, name string, ds *route53.DelegationSet) {
	z := &zoneSets{name: canonical(name), sets: map[setKey]route53.ResourceRecordSet{}}
	var servers []route53.ResourceRecord
	if ds != nil {
		for _, ns := range ds.NameServers {
			servers = append(servers, route53.ResourceRecord{Value: ptr(ns + ".")})
		}
	}
	soa := "awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400"
	if len(servers) > 0 {
		soa = deref(servers[0].Value) + " " + soa
	}
	for _, set := range []route53.ResourceRecordSet{
		{Name: ptr(z.name), Type: route53.RRTypeNs, TTL: ptr(int64(172800)), ResourceRecords: servers},
		{Name: ptr(z.name), Type: route53.RRTypeSoa, TTL: ptr(int64(900)), ResourceRecords: []route53.ResourceRecord{{Value: ptr(soa)}}},
	} {
		z.sets[keyOf(&set)] = set
	}
	st.zones[id] = z
	st.n += len(z.sets)
}

// count sets the number of sets the zone z holds in its description.
func (st *recordStore) count(z *route53.HostedZone) {
	if sets := st.zones[deref(z.ID)]; sets != nil {
		z.ResourceRecordSetCount = ptr(int64(len(sets.sets)))
	}
}

// nameServers are the values of the zone's own NS set, without their
// final dots, as a delegation set lists them.
func (z *zoneSets) nameServers() []string {
	ns := z.sets[setKey{name: z.name, typ: route53.RRTypeNs}]
	servers := make([]string, 0, len(ns.ResourceRecords))
	for _, r := range ns.ResourceRecords {
		servers = append(servers, strings.TrimSuffix(deref(r.Value), "."))
	}
	return servers
}

// apply returns the zone's sets after changes, applied in order, and the
// problems that refuse the whole batch (none applied), as Route 53 words
// them in InvalidChangeBatch.
func (z *zoneSets) apply(changes []route53.Change) (map[setKey]route53.ResourceRecordSet, []string) {
	next := make(map[setKey]route53.ResourceRecordSet, len(z.sets)+len(changes))
	for k, v := range z.sets {
		next[k] = v
	}
	var problems []string
	for _, c := range changes {
		set := *c.ResourceRecordSet
		set.Name = ptr(canonical(deref(set.Name)))
		k := keyOf(&set)
		what := fmt.Sprintf("resource record set [name='%s', type='%s'", k.name, k.typ)
		if k.id != "" {
			what += fmt.Sprintf(", set-identifier='%s'", k.id)
		}
		what += "]"
		old, exists := next[k]
		switch {
		case k.name != z.name && !strings.HasSuffix(k.name, "."+z.name):
			problems = append(problems, fmt.Sprintf("RRSet with DNS name %s is not permitted in zone %s", k.name, z.name))
		case c.Action == route53.ChangeActionCreate && exists:
			problems = append(problems, "Tried to create "+what+" but it already exists")
		case c.Action == route53.ChangeActionDelete && !exists:
			problems = append(problems, "Tried to delete "+what+" but it was not found")
		case c.Action == route53.ChangeActionDelete && !reflect.DeepEqual(old, set):
			problems = append(problems, "Tried to delete "+what+" but the values provided do not match the current values")
		case c.Action == route53.ChangeActionDelete && k.name == z.name && (k.typ == route53.RRTypeSoa || k.typ == route53.RRTypeNs):
			problems = append(problems, "A HostedZone must contain exactly one SOA record and at least one NS record for the zone itself: "+what+" cannot be deleted")
		case c.Action == route53.ChangeActionDelete:
			delete(next, k)
		default:
			next[k] = set
		}
	}
	return next, problems
}

// holdsMore tells whether the zone holds sets besides its own SOA and NS.
func (z *zoneSets) holdsMore() bool {
	for k := range z.sets {
		if k.name != z.name || k.typ != route53.RRTypeSoa && k.typ != route53.RRTypeNs {
			return true
		}
	}
	return false
}

// sorted are the zone's keys in Route 53's order.
func (z *zoneSets) sorted() []listKey {
	keys := make([]listKey, 0, len(z.sets))
	for k := range z.sets {
		keys = append(keys, listKeyOf(k))
	}
	slices.SortFunc(keys, compareKeys)
	return keys
}

func listKeyOf(k setKey) listKey {
	labels := strings.Split(strings.TrimSuffix(k.name, "."), ".")
	slices.Reverse(labels)
	return listKey{order: strings.Join(labels, "\x00"), setKey: k}
}

// compareKeys orders sets as ListResourceRecordSets lists them: by DNS
// name with its labels reversed (com.example.www), then type, then set
// identifier.
func compareKeys(a, b listKey) int {
	return cmp.Or(strings.Compare(a.order, b.order), cmp.Compare(a.typ, b.typ), cmp.Compare(a.id, b.id))
}

func keyOf(set *route53.ResourceRecordSet) setKey {
	return setKey{name: canonical(deref(set.Name)), typ: set.Type, id: deref(set.SetIdentifier)}
}

// canonical is a DNS name as the sets are keyed: lower case (DNS names
// have no case), with its final dot.
func canonical(name string) string {
	name = strings.ToLower(name)
	if !strings.HasSuffix(name, ".") {
		name += "."
	}
	return name
}

// zoneOf is the id, as answered, and the name of the live zone that ident
// (with or without /hostedzone/) names; "" when there is none.
func zoneOf(s *Server, ident string) (id, name string) {
	r, ok := s.Resource("HostedZone", ident)
	if !ok || r.Retired {
		return "", ""
	}
	var desc struct{ Name string }
	if err := json.Unmarshal(r.Description, &desc); err != nil {
		return "", ""
	}
	return r.ID, desc.Name
}

// bare is a zone id without its /hostedzone/ prefix.
func bare(id string) string { return strings.TrimPrefix(id, "/hostedzone/") }

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func ptr[T any](v T) *T { return &v }
