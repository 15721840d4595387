package spec

import (
	"errors"
	"fmt"
	"strings"

	"github.com/specgen/specgen/generator/pattern"
)

// specPatterns compiles the patterns of one spec under one budget, so that
// many patterns, each within its own limits, cannot together make
// generation slow or the generated code too large to build.
type specPatterns struct {
	budget *pattern.Budget
	at     map[string]str // where each pattern first appears
	over   str            // the first pattern refused for the budget
}

func newSpecPatterns(limits pattern.Limits) *specPatterns {
	return &specPatterns{budget: pattern.NewBudget(limits), at: map[string]str{}}
}

// compilePattern compiles the pattern p of a shape, reporting why it cannot
// be enforced; it returns nil if it cannot. A pattern met before is not
// compiled again.
func (r *resolver) compilePattern(p str) *pattern.DFA {
	ps := r.patterns
	if _, ok := ps.at[p.v]; !ok {
		ps.at[p.v] = p
	}
	d, err := ps.budget.Compile(p.v)
	switch {
	case errors.Is(err, pattern.ErrBudget):
		if !ps.over.ok() {
			ps.over = p
		}
		return nil
	case err != nil:
		r.patternError(p, err)
		return nil
	}
	return d
}

// checkPatternBudget reports, once, that the patterns of the spec together
// passed a limit, at the pattern where they did, naming the costliest.
func (r *resolver) checkPatternBudget() {
	var be *pattern.BudgetError
	if !errors.As(r.patterns.budget.Err(), &be) {
		return
	}
	var heavy []string
	for _, c := range be.Heaviest {
		pos := r.pos(r.patterns.at[c.Src].n)
		heavy = append(heavy, fmt.Sprintf("%s:%d:%d (%d states, about %d KB of Go, %d steps)",
			pos.File, pos.Line, pos.Col, c.States, (c.Bytes+1023)/1024, c.Steps))
	}
	r.errorf(r.patterns.over.n, "patterns of this spec are too costly together: more than %s; the costliest are at %s",
		be.Limit, strings.Join(heavy, ", "))
}
