package mockrt

import (
	"strings"
	"time"
)

// Resources found by another description member than their id, name or
// ARN (ResourceOperation.IdentifierMember): SNS's ConfirmSubscription
// names a subscription by the token the mock would have sent to its
// endpoint, which the subscription's description keeps. No index is kept
// for such a member: the search reads the resources of the parent the
// request names (of every parent when it names none), skipping at once
// those whose description does not hold the value as text (a value that
// JSON writes as it is).

// findBy is the live resource of kind k, within parent (nil: any), whose
// description member at path is v; nil when none is.
func (en *engine) findBy(k *kind, parent *record, path []string, v string, now time.Time) *record {
	if v == "" {
		return nil
	}
	l := k.lists[parent]
	if l == nil {
		return nil
	}
	plain := !strings.ContainsFunc(v, func(c rune) bool { return c < ' ' || c > '~' || strings.ContainsRune(`"\<>&`, c) })
	for _, r := range l.recs {
		if en.settle(r, now); r.gone || r.retired || plain && !strings.Contains(r.desc, v) {
			continue
		}
		if got, ok := lookup(r.tree(), path).(string); ok && got == v {
			return r
		}
	}
	return nil
}
