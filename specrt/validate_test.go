package specrt

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPathRendersWireNames(t *testing.T) {
	var root Path
	src := root.Member("SourceConfiguration")
	repo := src.Member("ImageRepository")
	secrets := root.Member("primaryContainer")
	list := secrets.Member("secrets")
	first := list.Index(0)
	tags := root.Member("tags")
	secret := root.Member("env")
	for _, tc := range []struct {
		name string
		path Path
		want string
	}{
		{"root is empty", root, ""},
		{"members join with dots", repo.Member("ImageIdentifier"), "SourceConfiguration.ImageRepository.ImageIdentifier"},
		{"list elements take an index", first.Member("valueFrom"), "primaryContainer.secrets[0].valueFrom"},
		{"map entries take a quoted key", tags.Key("env"), `tags["env"]`},
		{"sensitive keys are hidden", secret.RedactedKey(), "env[*]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.path.String(); got != tc.want {
				t.Errorf("path = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestReportCollectsEveryProblem(t *testing.T) {
	var r Report
	if r.Err() != nil {
		t.Fatal("empty report is an error")
	}
	var root Path
	r.Missing(root, "name")
	r.Add(root.Member("size"), RuleRange, "11", "must be between 1 and 10")
	secret := root.Member("password").Redacted()
	r.Add(secret, RuleLength, "hunter2", "length must be at least 8 characters, got %d", 7)
	err := r.Err()
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Err() = %T, want *ValidationError", err)
	}
	want := []FieldError{
		{Path: "name", Rule: RuleRequired, Message: "is required"},
		{Path: "size", Rule: RuleRange, Message: "must be between 1 and 10", Value: "11"},
		{Path: "password", Rule: RuleLength, Message: "length must be at least 8 characters, got 7", Sensitive: true},
	}
	if diff := cmp.Diff(want, ve.Fields); diff != "" {
		t.Errorf("fields (-want +got):\n%s", diff)
	}
	msg := err.Error()
	for _, s := range []string{"3 problems", "name: is required", "size: must be between 1 and 10 (value 11)", "password: length must be at least 8 characters, got 7 (value is sensitive)"} {
		if !strings.Contains(msg, s) {
			t.Errorf("message %q lacks %q", msg, s)
		}
	}
	if strings.Contains(msg, "hunter2") {
		t.Errorf("message leaks a sensitive value: %q", msg)
	}
}

func TestReportSortsMapProblems(t *testing.T) {
	var r Report
	var root Path
	r.Missing(root, "first")
	from := r.Len()
	tags := root.Member("tags")
	for _, k := range []string{"zeta", "alpha", "mid"} {
		r.Add(tags.Key(k), RulePattern, k, "bad")
	}
	r.SortFrom(from)
	var got []string
	for _, f := range r.Err().(*ValidationError).Fields {
		got = append(got, f.Path)
	}
	want := []string{"first", `tags["alpha"]`, `tags["mid"]`, `tags["zeta"]`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
}

func TestLongValuesAreTruncated(t *testing.T) {
	long := strings.Repeat("é", 100)
	msg := FieldError{Path: "x", Rule: RuleLength, Message: "too long", Value: long}.Error()
	if strings.Contains(msg, long) || !strings.Contains(msg, strings.Repeat("é", maxShownValue)+"…") {
		t.Errorf("message = %q, want the value cut at %d characters", msg, maxShownValue)
	}
}

// TestValidPathsDoNotAllocate: building paths and checking a valid value
// must not allocate; only reporting does.
func TestValidPathsDoNotAllocate(t *testing.T) {
	var r Report
	n := testing.AllocsPerRun(100, func() {
		var root Path
		p := root.Member("a")
		q := p.Index(3)
		k := q.Key("k")
		if k.kind != pathKey || r.Len() != 0 {
			t.Fatal("unexpected")
		}
	})
	if n != 0 {
		t.Errorf("allocs = %v, want 0", n)
	}
}

func TestCharsWithinCountsCodePoints(t *testing.T) {
	for _, tc := range []struct {
		s        string
		min, max int
		ok       bool
	}{
		{"abc", 3, 3, true},
		{"ab", 3, 40, false},
		{"日本", 3, 40, false},  // 6 bytes, 2 code points
		{"日本語", 3, 3, true},   // 9 bytes, 3 code points
		{"ééééé", 1, 5, true}, // 10 bytes over the max, 5 code points within it
		{"éééééé", 1, 5, false},
		{"", 1, 5, false},
		{"", 0, 5, true},
		{strings.Repeat("a", 16), 4, 16, true},
	} {
		n, ok := CharsWithin(tc.s, tc.min, tc.max)
		if ok != tc.ok {
			t.Errorf("CharsWithin(%q, %d, %d) = %d, %v; want ok %v", tc.s, tc.min, tc.max, n, ok, tc.ok)
		}
		if !ok && n != len([]rune(tc.s)) {
			t.Errorf("CharsWithin(%q) reported %d code points, want %d", tc.s, n, len([]rune(tc.s)))
		}
	}
}
