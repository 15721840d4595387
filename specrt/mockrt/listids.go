package mockrt

import (
	"fmt"
	"math"
	"time"
)

// Lists restricted to the resources a request names: EC2 reads through
// DescribeVpcs, a list filtered by an optional list of ids (VpcId.1,
// VpcId.2, ...) and has no read of one. A request that sets one of the
// binding's Identifiers lists the resources named, in the order asked,
// once each, in one page (EC2 refuses MaxResults beside ids); one naming
// no resource answers the not-found error, as EC2's
// InvalidVpcID.NotFound. The list's filters still apply.

// namedList is the list of the resources the request names through b's
// Identifiers, nil when it names none; its records are settled and live.
func (s *Server) namedList(b *boundOp, parent *record, tree map[string]any, e *env, now time.Time) (*orderedList, error) {
	var l *orderedList
	seen := map[*record]bool{}
	for _, member := range b.Identifiers {
		idents, _ := lookup(tree, splitPath(member)).([]any)
		for _, id := range idents {
			v, _ := id.(string)
			r := s.res.find(b.kind, parent, v, now, false)
			if r == nil {
				if b.notFound != nil {
					e.Message = fmt.Sprintf("%s %s does not exist", b.kind.Name, v)
					e.Subject = v
					return nil, s.buildError(b.notFound, e, nil)
				}
				return nil, s.notFound(b.kind, v, e)
			}
			if l == nil {
				l = &orderedList{}
			}
			if !seen[r] {
				seen[r] = true
				l.recs = append(l.recs, r)
			}
		}
	}
	return l, nil
}

// onePage is the page size of a list that answers everything at once: a
// list of named resources, or one without a paginator (no output token).
func onePage(b *boundOp, l *orderedList, size int) int {
	switch {
	case l != nil:
		return max(len(l.recs), 1)
	case b.outToken == nil:
		return math.MaxInt
	}
	return size
}

// describeByLists makes the list's items describe each kind that has no
// read and whose create answers less than its list: EC2's
// CreateSecurityGroup answers a GroupId, DescribeSecurityGroups the whole
// SecurityGroup, which is what the mock keeps. The spec's checker decides
// the same (generator/spec, resources.go).
func (en *engine) describeByLists(ops map[string]*compiledOp) {
	read := map[*kind]bool{}
	for _, b := range en.ops {
		if b.Role == RoleRead || b.Role == RoleReadMany {
			read[b.kind] = true
		}
	}
	for _, b := range en.ops {
		k := b.kind
		if b.Role != RoleList || read[k] || k.create == nil || k.create.Description != "" {
			continue
		}
		if lt := ops[b.Operation].outType.at(b.items); lt != nil && lt.kind == wireList && lt.elem != nil && lt.elem.kind == wireStruct {
			k.descType = lt.elem
		}
	}
}

// identOf is the identifier the request gives b's resource: its
// Identifier member, else the first of OtherIdentifiers it sets.
func identOf(b *boundOp, tree map[string]any) string {
	v, _ := lookup(tree, b.ident).(string)
	for _, other := range b.OtherIdentifiers {
		if v != "" {
			break
		}
		v, _ = lookup(tree, splitPath(other)).(string)
	}
	return v
}
