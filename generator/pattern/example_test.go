package pattern

import "testing"

func TestExampleMatchesItsPattern(t *testing.T) {
	for _, tc := range []struct {
		name, pattern string
		min, max      int
		want          string
	}{
		{"a plain class gives letters", `[a-z]+`, 3, -1, "aaa"},
		{"a lookahead is respected", `(?!svc-)(?![-])(?!.*[-]$)(?!.*[-]{2})[a-z0-9-]+`, 3, 40, "a-a"},
		{"a fixed shape is followed", `svc-[0-9a-z]{17}`, 0, -1, "svc-aaaaaaaaaaaaaaaaa"},
		{"an ARN is spelled", `arn:aws:ecs:[a-z0-9-]+:\d{12}:cluster/.+`, 0, -1, "arn:aws:ecs:b:000000000000:cluster/A"},
		{"the length bound raises the count", `[0-9a-f]*`, 32, 32, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"},
		{"unicode classes give a character", `[\p{L}]+`, 1, -1, "a"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := MustCompile(tc.pattern)
			got, ok := d.Example(tc.min, tc.max)
			if !ok || got != tc.want {
				t.Errorf("Example(%d, %d) = %q, %v; want %q", tc.min, tc.max, got, ok, tc.want)
			}
			if !d.Match(got) {
				t.Errorf("%q does not match %s", got, tc.pattern)
			}
		})
	}
}

func TestExampleReportsNoneWithinTheBounds(t *testing.T) {
	if got, ok := MustCompile(`[a-z]{5}`).Example(0, 3); ok {
		t.Errorf("Example(0, 3) of five letters = %q, want none", got)
	}
}
