package mockrt

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Tags the EC2 way: CreateTags and DeleteTags name several resources of
// any kind at once by id (ResourceId.1, ResourceId.2, ...), DeleteTags
// removes tags given as key-value pairs (a value, when given, must match),
// and a create carries its tags inside a list of tag specifications
// (TagSpecification.1.Tag.1.Key).

// get is the value of the tag key.
func (l tagList) get(key string) (string, bool) {
	for _, p := range l.pairs() {
		if p.key == key {
			return p.value, true
		}
	}
	return "", false
}

// gather is the value at path in tree; where the path goes through a list,
// the values of every element, lists joined (EC2's TagSpecification.Tag:
// the tags of every specification).
func gather(tree map[string]any, path []string) any {
	for i, p := range path {
		v, ok := tree[p]
		if !ok {
			return missing
		}
		if i == len(path)-1 {
			return v
		}
		switch v := v.(type) {
		case map[string]any:
			tree = v
		case []any:
			var out []any
			for _, el := range v {
				m, _ := el.(map[string]any)
				switch got := gather(m, path[i+1:]).(type) {
				case []any:
					out = append(out, got...)
				case map[string]any:
					out = append(out, got)
				}
			}
			return out
		default:
			return missing
		}
	}
	return missing
}

// byAnyID finds the live resource of any kind whose id or ARN is v, the
// kinds taken in name order.
func (en *engine) byAnyID(v string, now time.Time) *record {
	if r := en.byTagged(v, now); r != nil {
		return r
	}
	for _, k := range en.sortedKinds() {
		if r := k.byID.get(0, v); r != nil && en.live(r, now) {
			return r
		}
	}
	return nil
}

// kindOfID is the kind whose ids look like v: the literal text its id
// template starts with (vpc- of vpc-{random:0-9a-f:17}) begins v. It
// decides which not-found error a tag of a missing resource answers;
// fallback when no kind's ids look like it.
func (en *engine) kindOfID(v string, fallback *kind) *kind {
	for _, k := range en.sortedKinds() {
		if k.IDTemplate == "" {
			continue
		}
		prefix, _, _ := strings.Cut(k.IDTemplate, "{")
		if prefix != "" && strings.HasPrefix(v, prefix) {
			return k
		}
	}
	return fallback
}

// resTagMany tags or untags every resource the input list b.resourceIDs
// names, after checking that each exists: the first naming none answers
// the not-found error of the kind its id looks like, and nothing changes.
func (s *Server) resTagMany(b *boundOp, op *compiledOp, tree map[string]any, e *env, now time.Time) ([]byte, error) {
	idents, _ := lookup(tree, b.resourceIDs).([]any)
	recs := make([]*record, 0, len(idents))
	for _, id := range idents {
		v, _ := id.(string)
		r := s.res.byAnyID(v, now)
		if r == nil {
			if b.notFound != nil {
				e.Message = fmt.Sprintf("no resource has the id %s", v)
				e.Subject = v
				return nil, s.buildError(b.notFound, e, nil)
			}
			return nil, s.notFound(s.res.kindOfID(v, b.kind), v, e)
		}
		if !slices.Contains(recs, r) {
			recs = append(recs, r)
		}
	}
	for _, r := range recs {
		s.res.setTags(r, retag(b, r.tags, tree))
	}
	return s.tagAnswer(op, e)
}

// retag is tags changed as the tag or untag b with the input tree says.
func retag(b *boundOp, tags tagList, tree map[string]any) tagList {
	if b.Role == RoleTag {
		pairs := tags.pairs()
		for _, p := range readTags(b, tree).pairs() {
			pairs = setTag(pairs, p.key, p.value)
		}
		return packTags(pairs)
	}
	if b.tagKeys != nil {
		keys, _ := lookup(tree, b.tagKeys).([]any)
		for _, key := range keys {
			if ks, ok := key.(string); ok {
				tags.del(ks)
			}
		}
		return tags
	}
	// Tags given as pairs: a key alone removes the tag, a key and a value
	// only a tag of that value.
	list, _ := gather(tree, b.tags).([]any)
	for _, el := range list {
		m, _ := el.(map[string]any)
		key, _ := m[b.TagKey].(string)
		want, withValue := m[b.TagValue].(string)
		if have, ok := tags.get(key); ok && (!withValue || have == want) {
			tags.del(key)
		}
	}
	return tags
}
