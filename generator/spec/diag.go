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

	"github.com/specgen/specgen/generator/model"
)

// Diagnostic is one problem in a spec.
type Diagnostic struct {
	Pos model.Pos
	Msg string
}

// String renders the problem as file:line:col: message.
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s:%d:%d: %s", d.Pos.File, d.Pos.Line, d.Pos.Col, d.Msg)
}

// Diagnostics is a list of problems; as an error it prints one per line.
type Diagnostics []Diagnostic

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
