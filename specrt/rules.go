package specrt

import (
	"fmt"
	"strings"
)

// Checks of the rules that span members: oneOf and atMostOneOf over the
// members of a structure, requiredWhen and onlyWhen between two members,
// uniqueBy over the elements of a list. Generated validators test the
// conditions inline and call these only to report, so a valid input still
// costs no allocation.

// CountSet returns how many of set are true. Validators of oneOf and
// atMostOneOf rules pass an array that lives on their stack.
func CountSet(set []bool) int {
	n := 0
	for _, b := range set {
		if b {
			n++
		}
	}
	return n
}

// OneOf reports that the structure at p sets none, or more than one, of the
// members names, of which exactly one must be set; set says which are.
func (r *Report) OneOf(p Path, set []bool, names ...string) {
	if len(names) == 1 {
		// A union of one member: "exactly one of x" reads oddly.
		r.exclusive(p, RuleOneOf, names[0]+" must be set", set, names)
		return
	}
	r.exclusive(p, RuleOneOf, "exactly one of "+listNames(names)+" must be set", set, names)
}

// AtMostOneOf reports that the structure at p sets more than one of the
// members names, which exclude each other; set says which are set.
func (r *Report) AtMostOneOf(p Path, set []bool, names ...string) {
	r.exclusive(p, RuleAtMostOneOf, "at most one of "+listNames(names)+" may be set", set, names)
}

func (r *Report) exclusive(p Path, rule Rule, what string, set []bool, names []string) {
	var found []string
	for i, b := range set {
		if b && i < len(names) {
			found = append(found, names[i])
		}
	}
	r.fields = append(r.fields, FieldError{
		Path:    p.String(),
		Rule:    rule,
		Message: what + ", found " + listNames(found),
	})
}

// listNames renders names as "A", "A and B" or "A, B and C"; no names is
// "none".
func listNames(names []string) string {
	switch len(names) {
	case 0:
		return "none"
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// RequiredWhen reports that member name of the structure at p is not set
// although its member cond has the value value.
func (r *Report) RequiredWhen(p Path, name, cond, value string) {
	r.fields = append(r.fields, FieldError{
		Path:    p.Member(name).String(),
		Rule:    RuleRequiredWhen,
		Message: "is required when " + cond + " is " + value,
	})
}

// OnlyWhen reports that member name of the structure at p is set although
// its member cond does not have the value value.
func (r *Report) OnlyWhen(p Path, name, cond, value string) {
	r.fields = append(r.fields, FieldError{
		Path:    p.Member(name).String(),
		Rule:    RuleOnlyWhen,
		Message: "is allowed only when " + cond + " is " + value,
	})
}

// uniqueScanMax is the longest list UniqueBy compares pairwise; longer lists
// (a limit the spec does not bound, or one the input breaks) go through a
// map, so that the time stays linear in the list's length.
const uniqueScanMax = 64

// UniqueBy reports every element of the list at p whose member named member
// has the value of an earlier element's. The list has n elements; key
// returns element i's value and whether it is set (elements without one are
// exempt). Short lists are compared pairwise, which allocates nothing.
func UniqueBy[K comparable](r *Report, p Path, member string, n int, key func(i int) (K, bool)) {
	if n <= uniqueScanMax {
		for i := 1; i < n; i++ {
			ki, ok := key(i)
			if !ok {
				continue
			}
			for j := 0; j < i; j++ {
				if kj, ok := key(j); ok && kj == ki {
					r.duplicate(p, member, i, j, ki)
					break
				}
			}
		}
		return
	}
	first := make(map[K]int, n)
	for i := 0; i < n; i++ {
		k, ok := key(i)
		if !ok {
			continue
		}
		if j, dup := first[k]; dup {
			r.duplicate(p, member, i, j, k)
			continue
		}
		first[k] = i
	}
}

// duplicate reports that element i of the list at p repeats the key of
// element j.
func (r *Report) duplicate(p Path, member string, i, j int, key any) {
	at, earlier := p.Index(i), p.Index(j)
	r.Add(at.Member(member), RuleUniqueBy, fmt.Sprint(key), "must be unique, %s has the same value", earlier.Member(member).String())
}
