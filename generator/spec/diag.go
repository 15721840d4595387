// Package spec loads YAML spec files and checks and resolves them into the
// model that emitters use.
//
// Loading keeps the position of every key and value, so that each problem is
// reported as file:line:col: message. Every problem in a file is collected in
// one run rather than stopping at the first, and a spec with any problem
// yields no model, so nothing is generated from it.
package spec

import (
	"fmt"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/specgen/specgen/generator/model"
)

// Diagnostic is one problem in a spec.
type Diagnostic struct {
	Pos model.Pos
	Msg string
	// Warning marks a problem that does not stop generation, such as a
	// shape nothing uses.
	Warning bool
}

// String renders the problem as file:line:col: message, or as
// file:line:col: warning: message.
func (d Diagnostic) String() string {
	if d.Warning {
		return fmt.Sprintf("%s:%d:%d: warning: %s", d.Pos.File, d.Pos.Line, d.Pos.Col, d.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", d.Pos.File, d.Pos.Line, d.Pos.Col, d.Msg)
}

// Diagnostics is a list of problems; as an error it prints one per line.
type Diagnostics []Diagnostic

// Errors counts the problems that are not warnings.
func (ds Diagnostics) Errors() int {
	n := 0
	for _, d := range ds {
		if !d.Warning {
			n++
		}
	}
	return n
}

// Warnings returns the problems that are warnings.
func (ds Diagnostics) Warnings() Diagnostics {
	var out Diagnostics
	for _, d := range ds {
		if d.Warning {
			out = append(out, d)
		}
	}
	return out
}

// Summary counts the problems for a closing line: "1 problem",
// "3 problems and 1 warning".
func (ds Diagnostics) Summary() string {
	errs, warns := ds.Errors(), len(ds)-ds.Errors()
	var parts []string
	if errs > 0 || warns == 0 {
		parts = append(parts, plural(errs, "problem", "problems"))
	}
	if warns > 0 {
		parts = append(parts, plural(warns, "warning", "warnings"))
	}
	return strings.Join(parts, " and ")
}

// plural renders n with the singular or the plural noun.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// warnf records a warning at n: a problem worth fixing that does not stop
// generation.
func (l *loader) warnf(n *yaml.Node, format string, args ...any) {
	l.diags = append(l.diags, Diagnostic{Pos: l.pos(n), Msg: fmt.Sprintf(format, args...), Warning: true})
}

// Error renders every problem, one per line, in file order.
func (ds Diagnostics) Error() string {
	lines := make([]string, len(ds))
	for i, d := range ds {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// sort orders problems by file, line and column, keeping the order of
// problems at the same position.
func (ds Diagnostics) sort() {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i].Pos, ds[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// suggest returns the candidate closest to word, if it is close enough to be
// an obvious typo.
func suggest(word string, candidates []string) string {
	best, bestDist := "", len(word)/2+1
	if bestDist > 3 {
		bestDist = 3
	}
	for _, c := range candidates {
		d := distance(strings.ToLower(word), strings.ToLower(c))
		if d < bestDist || (d == bestDist && best == "" && d <= 1) {
			best, bestDist = c, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b, counted in bytes.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// noteMeant records that a misspelt key of the mapping n was probably meant
// to be key, so that key's absence is not reported a second time: "titel" is
// one mistake, not an unknown key and a missing title.
func (l *loader) noteMeant(n *yaml.Node, key string) {
	n = deref(n)
	if l.meant == nil {
		l.meant = map[*yaml.Node]map[string]bool{}
	}
	if l.meant[n] == nil {
		l.meant[n] = map[string]bool{}
	}
	l.meant[n][key] = true
}

// isMeant reports whether a misspelt key of the mapping n was reported as
// probably meaning key.
func (l *loader) isMeant(n *yaml.Node, key string) bool {
	return n != nil && l.meant[deref(n)][key]
}
