package spec

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/generator/pattern"
)

// patternSpec returns a spec whose operation input has one string member per
// pattern, and where each pattern is, as file:line:col.
func patternSpec(patterns []string) ([]byte, []string) {
	var b strings.Builder
	b.WriteString(`service:
  name: patterns
  title: Patterns
  apiVersion: "1"
  protocol: awsJson1_1
  targetPrefix: P
  signingName: p
  endpointPrefix: p
  validationError: Invalid
operations:
  Do:
    doc: Does it.
    http: {method: POST, path: /, status: 200}
    input: DoRequest
    output: DoResponse
    errors: [Invalid]
shapes:
  DoResponse: {type: structure, members: {}}
  Invalid: {type: structure, error: {status: 400}}
  DoRequest:
    type: structure
    members:
`)
	for i := range patterns {
		fmt.Fprintf(&b, "      m%d: {shape: P%d}\n", i, i)
	}
	var at []string
	for i, p := range patterns {
		fmt.Fprintf(&b, "  P%d:\n    type: string\n", i)
		at = append(at, fmt.Sprintf("patterns.yaml:%d:14", strings.Count(b.String(), "\n")+1))
		fmt.Fprintf(&b, "    pattern: '%s'\n", p)
	}
	return []byte(b.String()), at
}

// TestPatternBudget: the patterns of a spec share one budget, and passing it
// is one problem, at the pattern where it ran out, naming the costliest.
func TestPatternBudget(t *testing.T) {
	const heavy = `[ab]*a[ab]{8}x`
	d, err := pattern.Compile(heavy)
	if err != nil {
		t.Fatal(err)
	}
	states := d.NumStates() // the same for heavy followed by a digit
	for _, tc := range []struct {
		name     string
		limits   pattern.Limits
		patterns []string
		over     int    // the pattern where the budget ran out, or -1
		limit    string // the limit passed
		named    []int  // the patterns named as costliest, in order
		broken   int    // a pattern with a syntax error, or -1
	}{
		{
			name:     "identical patterns are compiled and charged once",
			limits:   pattern.Limits{Steps: pattern.DefaultLimits.Steps, States: states + 10, Bytes: pattern.DefaultLimits.Bytes},
			patterns: []string{heavy, heavy, heavy, heavy, heavy, `a+`},
			over:     -1,
			broken:   -1,
		},
		{
			name:     "patterns past the budget are refused together, the costliest named",
			limits:   pattern.Limits{Steps: pattern.DefaultLimits.Steps, States: 2 * states, Bytes: pattern.DefaultLimits.Bytes},
			patterns: []string{`a+`, `[ab]*a[ab]{4}x`, heavy + `1`, heavy + `2`, heavy + `3`, `a(`},
			over:     3,
			limit:    fmt.Sprintf("%d automaton states", 2*states),
			named:    []int{2, 3, 1},
			broken:   5,
		},
		{
			name:     "steps can run out too",
			limits:   pattern.Limits{Steps: 10000, States: pattern.DefaultLimits.States, Bytes: pattern.DefaultLimits.Bytes},
			patterns: []string{`[ab]*a[ab]{4}x`, heavy, `b+`},
			over:     1,
			limit:    "10000 steps building automata",
			named:    []int{1, 0},
			broken:   -1,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, at := patternSpec(tc.patterns)
			_, ds := check("patterns.yaml", data, tc.limits)
			var want, got []string
			if tc.over >= 0 {
				var named []string
				for _, i := range tc.named {
					named = append(named, at[i])
				}
				want = append(want, fmt.Sprintf("%s: patterns of this spec are too costly together: more than %s; the costliest are at %s",
					at[tc.over], tc.limit, strings.Join(named, ", ")))
			}
			if tc.broken >= 0 {
				b := strings.Replace(at[tc.broken], ":14", ":16", 1)
				want = append(want, b+": pattern cannot be enforced: missing )")
			}
			for _, d := range ds {
				// Leave out the figures after each position named.
				got = append(got, figures.ReplaceAllString(d.String(), ""))
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("problems differ (-want +got):\n%s", diff)
			}
		})
	}
}

var figures = regexp.MustCompile(` \(\d+ states, about \d+ KB of Go, \d+ steps\)`)
