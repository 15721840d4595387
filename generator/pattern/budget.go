package pattern

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
)

// Limits bound what the patterns of one spec cost together, on top of the
// limits each pattern has on its own. Without them a spec of many patterns,
// each well within its own limits, could take minutes and gigabytes to
// generate and emit more code than the Go compiler can build.
type Limits struct {
	Steps  int // steps building automata, over all patterns
	States int // states of the compiled automata, over all patterns
	Bytes  int // estimated bytes of emitted matchers, over all patterns
}

// DefaultLimits are the limits of a spec: four times what one pattern may
// take alone (so a spec holds four of the costliest patterns Compile
// accepts, whose matchers build in a second), and 15 times (states) to 100
// times (steps, bytes) what the patterns of specs/apprunner.yaml, the
// costliest spec of this repository, take.
var DefaultLimits = Limits{
	Steps:  4 * maxWork,
	States: 4 * maxDFAStates,
	Bytes:  4 << 20,
}

// ErrBudget is returned by Budget.Compile once the patterns compiled so far
// passed a limit; Budget.Err says which.
var ErrBudget = errors.New("the patterns of the spec together are too costly")

// errSpecSteps stops a construction when the spec's steps run out.
var errSpecSteps = errors.New("steps of the spec exhausted")

// Cost is what one pattern takes from a Budget.
type Cost struct {
	Src    string
	Steps  int // steps building its automata
	States int // states of its automaton
	Bytes  int // estimated bytes of its emitted matcher
}

// Budget compiles the patterns of one spec under shared Limits. Each
// distinct pattern is compiled once.
type Budget struct {
	limits Limits
	spent  Cost
	costs  []Cost // of each distinct pattern compiled, in order
	done   map[string]compiled
	over   string // the limit passed, or ""
}

type compiled struct {
	d   *DFA
	err error
}

// NewBudget returns an empty Budget with the given limits.
func NewBudget(l Limits) *Budget {
	return &Budget{limits: l, done: map[string]compiled{}}
}

// Compile is Compile for one pattern of the spec, charging its cost to the
// budget; a pattern met before is not compiled again. Once a limit is
// passed, Compile returns ErrBudget for every pattern free of syntax errors
// without building its automaton, so that a costly spec is refused quickly.
func (b *Budget) Compile(src string) (*DFA, error) {
	if r, ok := b.done[src]; ok {
		return r.d, r.err
	}
	if b.over != "" {
		if _, _, err := parse(src); err != nil {
			return nil, err
		}
		return nil, ErrBudget
	}
	cost := Cost{Src: src}
	d, err := compile(src, b.limits.Steps-b.spent.Steps, &cost.Steps)
	if err == nil {
		cost.States = d.NumStates()
		cost.Bytes = d.emitSize()
	}
	b.spent.Steps += cost.Steps
	b.spent.States += cost.States
	b.spent.Bytes += cost.Bytes
	b.costs = append(b.costs, cost)
	switch {
	case errors.Is(err, errSpecSteps) || b.spent.Steps > b.limits.Steps:
		b.over = fmt.Sprintf("%d steps building automata", b.limits.Steps)
	case b.spent.States > b.limits.States:
		b.over = fmt.Sprintf("%d automaton states", b.limits.States)
	case b.spent.Bytes > b.limits.Bytes:
		b.over = fmt.Sprintf("%d bytes of matcher code", b.limits.Bytes)
	}
	if b.over != "" {
		return nil, ErrBudget
	}
	b.done[src] = compiled{d, err}
	return d, err
}

// BudgetError tells which limit of a Budget the patterns passed.
type BudgetError struct {
	Limit    string // the limit passed, e.g. "4194304 bytes of matcher code"
	Heaviest []Cost // the costliest patterns compiled, costliest first
}

func (e *BudgetError) Error() string {
	return fmt.Sprintf("the patterns of the spec together need more than %s", e.Limit)
}

// Err returns nil if the patterns compiled so far are within the limits,
// else a *BudgetError naming the costliest of them (at most three).
func (b *Budget) Err() error {
	if b.over == "" {
		return nil
	}
	// Rank by the share of the limits a pattern takes, the largest share
	// of the three counting: that is what makes it heavy.
	share := func(c Cost) float64 {
		frac := func(n, limit int) float64 { return float64(n) / float64(max(limit, 1)) }
		return math.Max(frac(c.Steps, b.limits.Steps), math.Max(frac(c.States, b.limits.States), frac(c.Bytes, b.limits.Bytes)))
	}
	costs := slices.Clone(b.costs)
	slices.SortStableFunc(costs, func(x, y Cost) int { return cmp.Compare(share(y), share(x)) })
	return &BudgetError{Limit: b.over, Heaviest: costs[:min(3, len(costs))]}
}
