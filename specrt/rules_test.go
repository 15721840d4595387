package specrt

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCountSet(t *testing.T) {
	for _, tc := range []struct {
		name string
		set  []bool
		want int
	}{
		{"an empty set counts zero", nil, 0},
		{"nothing set counts zero", []bool{false, false}, 0},
		{"one set counts one", []bool{false, true, false}, 1},
		{"every member set counts them all", []bool{true, true, true}, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := CountSet(tc.set); got != tc.want {
				t.Errorf("CountSet(%v) = %d, want %d", tc.set, got, tc.want)
			}
		})
	}
}

func TestRuleReportsNameTheMembers(t *testing.T) {
	var root Path
	src := root.Member("SourceConfiguration")
	for _, tc := range []struct {
		name   string
		report func(r *Report)
		want   FieldError
	}{
		{"oneOf with nothing set says none", func(r *Report) {
			r.OneOf(src, []bool{false, false}, "CodeRepository", "ImageRepository")
		}, FieldError{Path: "SourceConfiguration", Rule: RuleOneOf,
			Message: "exactly one of CodeRepository and ImageRepository must be set, found none"}},
		{"oneOf with two of three set names those two", func(r *Report) {
			r.OneOf(root, []bool{true, false, true}, "a", "b", "c")
		}, FieldError{Rule: RuleOneOf, Message: "exactly one of a, b and c must be set, found a and c"}},
		{"oneOf of one member (a union) says it must be set", func(r *Report) {
			r.OneOf(src, []bool{false}, "httpMatch")
		}, FieldError{Path: "SourceConfiguration", Rule: RuleOneOf, Message: "httpMatch must be set, found none"}},
		{"atMostOneOf names every member set", func(r *Report) {
			r.AtMostOneOf(src, []bool{true, true, true}, "a", "b", "c")
		}, FieldError{Path: "SourceConfiguration", Rule: RuleAtMostOneOf,
			Message: "at most one of a, b and c may be set, found a, b and c"}},
		{"requiredWhen is reported at the member", func(r *Report) {
			r.RequiredWhen(src, "CodeConfigurationValues", "ConfigurationSource", "API")
		}, FieldError{Path: "SourceConfiguration.CodeConfigurationValues", Rule: RuleRequiredWhen,
			Message: "is required when ConfigurationSource is API"}},
		{"onlyWhen is reported at the member", func(r *Report) {
			r.OnlyWhen(src, "VpcConnectorArn", "EgressType", "VPC")
		}, FieldError{Path: "SourceConfiguration.VpcConnectorArn", Rule: RuleOnlyWhen,
			Message: "is allowed only when EgressType is VPC"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var r Report
			tc.report(&r)
			if diff := cmp.Diff([]FieldError{tc.want}, r.fields); diff != "" {
				t.Errorf("reported problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// keyed is a list element as UniqueBy sees it: a key that may be left out.
type keyed struct {
	key string
	set bool
}

func uniqueBy(p Path, list []keyed) []FieldError {
	var r Report
	UniqueBy(&r, p, "key", len(list), func(i int) (string, bool) { return list[i].key, list[i].set })
	return r.fields
}

func TestUniqueByReportsEachRepeat(t *testing.T) {
	var root Path
	tags := root.Member("tags")
	k := func(s string) keyed { return keyed{s, true} }
	dup := func(i, j int, v string) FieldError {
		return FieldError{Path: fmt.Sprintf("tags[%d].key", i), Rule: RuleUniqueBy, Value: v,
			Message: fmt.Sprintf("must be unique, tags[%d].key has the same value", j)}
	}
	// long is longer than uniqueScanMax, so it goes through the map: the
	// problems must be the same as the pairwise scan finds.
	long := make([]keyed, 3*uniqueScanMax)
	for i := range long {
		long[i] = k(fmt.Sprint(i % (2 * uniqueScanMax)))
	}
	var longWant []FieldError
	for i := 2 * uniqueScanMax; i < len(long); i++ {
		longWant = append(longWant, dup(i, i-2*uniqueScanMax, fmt.Sprint(i-2*uniqueScanMax)))
	}
	for _, tc := range []struct {
		name string
		path Path
		list []keyed
		want []FieldError
	}{
		{"an empty list has no repeats", tags, nil, nil},
		{"distinct keys pass", tags, []keyed{k("a"), k("b"), k("c")}, nil},
		{"elements without a key are exempt", tags, []keyed{{}, {}, k("a")}, nil},
		{"a repeat names the first element with the key", tags, []keyed{k("a"), k("b"), k("a"), k("a")}, []FieldError{
			dup(2, 0, "a"), dup(3, 0, "a"),
		}},
		{"a long list finds the same repeats through a map", tags, long, longWant},
		{"a sensitive list withholds the key", tags.Redacted(), []keyed{k("secret"), k("secret")}, []FieldError{
			{Path: "tags[1].key", Rule: RuleUniqueBy, Sensitive: true, Message: "must be unique, tags[0].key has the same value"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, uniqueBy(tc.path, tc.list)); diff != "" {
				t.Errorf("UniqueBy problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestUniqueByComparesIntegerKeys(t *testing.T) {
	var r Report
	var root Path
	ports := []int32{80, 443, 80}
	UniqueBy(&r, root.Member("ports"), "port", len(ports), func(i int) (int32, bool) { return ports[i], true })
	want := []FieldError{{Path: "ports[2].port", Rule: RuleUniqueBy, Value: "80", Message: "must be unique, ports[0].port has the same value"}}
	if diff := cmp.Diff(want, r.fields); diff != "" {
		t.Errorf("UniqueBy problems mismatch (-want +got):\n%s", diff)
	}
}

func TestShortUniqueListsDoNotAllocate(t *testing.T) {
	list := make([]keyed, uniqueScanMax)
	for i := range list {
		list[i] = keyed{fmt.Sprint(i), true}
	}
	var root Path
	if n := testing.AllocsPerRun(100, func() {
		var r Report
		UniqueBy(&r, root.Member("tags"), "key", len(list), func(i int) (string, bool) { return list[i].key, list[i].set })
		if r.Len() != 0 {
			t.Fatal("distinct keys reported")
		}
	}); n != 0 {
		t.Errorf("UniqueBy of %d distinct keys allocates %v times, want 0", uniqueScanMax, n)
	}
}
