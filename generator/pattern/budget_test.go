package pattern

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/generator/pattern/internal/emittest"
)

// sizePatterns are the patterns whose emitted size emitSize must estimate.
func sizePatterns() []string {
	var srcs []string
	for _, p := range emittest.Patterns {
		srcs = append(srcs, p.Src)
	}
	srcs = append(srcs, diffPatterns...)
	srcs = append(srcs, lookPatterns...)
	srcs = append(srcs, emitStress()...)
	return append(srcs, `[ab]*a[ab]{12}x`, `[a-z]{1,100000}`, `(a|b)*a(a|b){9}`)
}

// TestEmitSize checks that the estimate Budget charges for a matcher is
// within a factor of two of the bytes Emit writes.
func TestEmitSize(t *testing.T) {
	for _, src := range sizePatterns() {
		d := MustCompile(src)
		got := d.emitSize()
		want := len(fmt.Sprintf("%#v", d.Emit("match", "")))
		t.Logf("%6.2f %8d %8d %.50s", float64(got)/float64(want), got, want, src)
		if got < want/2 || got > want*2 {
			t.Errorf("%.60s: estimated %d bytes, Emit writes %d", src, got, want)
		}
	}
}

// TestCountedClass checks a counted class that is checked as a length:
// exact at the bounds, in the interpreter and in the emitted matcher, with
// no state per count and small code.
func TestCountedClass(t *testing.T) {
	const src = `[a-z]{1,100000}`
	d, err := Compile(src)
	if err != nil {
		t.Fatalf("Compile(%q): %v", src, err)
	}
	if n := d.NumStates(); n != 1 {
		t.Errorf("%d states, want 1", n)
	}
	if n := len(fmt.Sprintf("%#v", d.Emit("match", ""))); n > 2000 {
		t.Errorf("emitted matcher has %d bytes, want at most 2000", n)
	}
	emitted := emittest.Matchers[src]
	if emitted == nil {
		t.Fatalf("no emitted matcher for %s in internal/emittest", src)
	}
	long := strings.Repeat("z", 100000)
	for _, tc := range []struct {
		name string
		s    string
		want bool
	}{
		{"the empty value is too short", "", false},
		{"one letter matches", "a", true},
		{"100000 letters match", long, true},
		{"100001 letters are too many", long + "a", false},
		{"a bad code point at the end is caught", long[1:] + "A", false},
		{"an invalid byte at the end is caught", long[1:] + "\xff", false},
		{"a bad code point at the start is caught", "-" + long[1:], false},
		{"a non-ASCII code point at the end is caught", long[1:] + "é", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := d.Match(tc.s); got != tc.want {
				t.Errorf("Match = %v, want %v", got, tc.want)
			}
			if got := emitted(tc.s); got != tc.want {
				t.Errorf("emitted matcher = %v, want %v", got, tc.want)
			}
		})
	}
}

// heavy returns n distinct patterns that cost about 8000 states each.
func heavy(n int) []string {
	var srcs []string
	for i := range n {
		srcs = append(srcs, fmt.Sprintf(`[ab]*a[ab]{12}x%d`, i))
	}
	return srcs
}

func TestBudget(t *testing.T) {
	one, err := compileCost(`[ab]*a[ab]{12}x0`)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		limits  Limits
		srcs    []string
		compile int    // patterns compiled before the budget ran out, or -1: it did not
		limit   string // the limit passed
		first   string // the costliest pattern named
	}{
		{
			name:    "patterns within the limits compile",
			limits:  DefaultLimits,
			srcs:    []string{`a+`, `[0-9]{12}`, `a+`, `b*`},
			compile: -1,
		},
		{
			name:    "identical patterns are charged once",
			limits:  Limits{Steps: 2 * one.Steps, States: 2 * one.States, Bytes: 2 * one.Bytes},
			srcs:    []string{`[ab]*a[ab]{12}x0`, `[ab]*a[ab]{12}x0`, `[ab]*a[ab]{12}x0`, `a`},
			compile: -1,
		},
		{
			name:    "states run out first under the default limits",
			limits:  DefaultLimits,
			srcs:    append([]string{`a+`}, heavy(10)...),
			compile: 6,
			limit:   "40000 automaton states",
			first:   `[ab]*a[ab]{12}x0`,
		},
		{
			name:    "bytes of matchers run out",
			limits:  Limits{Steps: DefaultLimits.Steps, States: DefaultLimits.States, Bytes: 3 * one.Bytes},
			srcs:    append([]string{`a+`}, heavy(5)...),
			compile: 4,
			limit:   fmt.Sprintf("%d bytes of matcher code", 3*one.Bytes),
			first:   `[ab]*a[ab]{12}x0`,
		},
		{
			name:    "states run out",
			limits:  Limits{Steps: DefaultLimits.Steps, States: 3 * one.States, Bytes: DefaultLimits.Bytes},
			srcs:    append(heavy(5), `(a|b)*a(a|b){13}`),
			compile: 4,
			limit:   fmt.Sprintf("%d automaton states", 3*one.States),
			first:   `[ab]*a[ab]{12}x0`,
		},
		{
			name:    "steps run out in the middle of a pattern",
			limits:  Limits{Steps: one.Steps + one.Steps/2, States: DefaultLimits.States, Bytes: DefaultLimits.Bytes},
			srcs:    append([]string{`a`}, heavy(3)...),
			compile: 3,
			limit:   fmt.Sprintf("%d steps building automata", one.Steps+one.Steps/2),
			first:   `[ab]*a[ab]{12}x0`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := NewBudget(tc.limits)
			compiled := -1
			for i, src := range tc.srcs {
				d, err := b.Compile(src)
				switch {
				case err == nil && d != nil:
				case errors.Is(err, ErrBudget) && compiled < 0:
					compiled = i + 1
				case errors.Is(err, ErrBudget):
				default:
					t.Fatalf("Compile(%q) = %v, %v", src, d, err)
				}
			}
			if compiled != tc.compile {
				t.Errorf("the budget ran out at pattern %d, want %d", compiled, tc.compile)
			}
			err := b.Err()
			if tc.compile < 0 {
				if err != nil {
					t.Errorf("Err() = %v, want nil", err)
				}
				return
			}
			var be *BudgetError
			if !errors.As(err, &be) {
				t.Fatalf("Err() = %v, want a *BudgetError", err)
			}
			if diff := cmp.Diff(tc.limit, be.Limit); diff != "" {
				t.Errorf("limit passed (-want +got):\n%s", diff)
			}
			if len(be.Heaviest) == 0 || be.Heaviest[0].Src != tc.first {
				t.Errorf("heaviest = %v, want %s first", be.Heaviest, tc.first)
			}
		})
	}
}

// TestBudgetKeepsSyntaxErrors: patterns met after the budget ran out are
// still parsed, so that their syntax errors are reported in the same run.
func TestBudgetKeepsSyntaxErrors(t *testing.T) {
	one, err := compileCost(`[ab]*a[ab]{12}x0`)
	if err != nil {
		t.Fatal(err)
	}
	b := NewBudget(Limits{Steps: DefaultLimits.Steps, States: one.States, Bytes: DefaultLimits.Bytes})
	for _, src := range heavy(2) {
		b.Compile(src)
	}
	_, err = b.Compile(`a(b`)
	var pe *Error
	if !errors.As(err, &pe) || pe.Msg != "missing )" {
		t.Errorf("Compile(`a(b`) after the budget ran out = %v, want the syntax error", err)
	}
}

// compileCost returns what src takes from a Budget.
func compileCost(src string) (Cost, error) {
	b := NewBudget(DefaultLimits)
	if _, err := b.Compile(src); err != nil {
		return Cost{}, err
	}
	return b.costs[0], nil
}
