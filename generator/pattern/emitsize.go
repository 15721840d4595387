package pattern

import (
	"fmt"

	"github.com/dave/jennifer/jen"
)

// Estimated bytes of the pieces of an emitted matcher, measured on the
// matchers of internal/emittest (indentation included).
const (
	sizeFixed  = 300 // doc comment, signature, loop, decoding
	sizeTable  = 720 // the ASCII class table
	sizeCase   = 24  // a case clause and its block
	sizeLabel  = 6   // one more label of a case
	sizeAction = 20  // st = n, st++, return false ...
	sizeRun    = 160 // the comment and dispatch of a run
	sizeAccept = 28  // one term of the final test
	sizeLegend = 16  // a line of the class legend, besides the class
)

// emitSize estimates the bytes of Go that Emit writes for d, without
// building the code, so that a Budget can refuse a spec before its matchers
// are written. The estimate follows the structure Emit produces: one case
// per group of states outside runs, one switch case per action of a row.
func (d *DFA) emitSize() int {
	size := sizeFixed + 2*len(d.src)
	e := newEmitter(d)
	if d.NumStates() == 0 || e.acceptsAll(0) {
		return size
	}
	if d.maxLen >= 0 {
		size += 2 * sizeAction
		if d.acceptsAll(0) {
			return size
		}
	}
	e.plan()
	if e.classed {
		size += sizeTable
		for _, set := range d.sets {
			size += sizeLegend + len(describeClass(set))
		}
		size += e.upperSize()
	}
	if e.table {
		// Four bytes of source per byte of table, and a line per tableLine.
		cells := 2*len(d.trans) + (d.NumStates()+7)/8
		return size + 4*cells + 8*cells/tableLine + sizeRun
	}
	return size + e.switchBytes
}

// switchSize estimates the bytes of the state switch and the final test.
func (e *emitter) switchSize() int {
	size := 0
	for _, g := range e.groups() {
		size += sizeCase + sizeLabel*(len(g)-1) + e.rowSize(g[0], 0, len(g) == 1)
	}
	for _, r := range e.runs {
		size += sizeRun
		switch r.period {
		case 0:
			size += 4 * len(r.seq)
		default:
			for ph := 0; ph < r.period; ph++ {
				size += sizeCase + e.rowSize(r.first+ph, r.period, false)
			}
		}
	}
	return size + sizeAccept*len(acceptTerms(e.acceptingStates()))
}

// rowSize estimates the bytes of rowCode(s, period, alone).
func (e *emitter) rowSize(s, period int, alone bool) int {
	order, classes, def := e.rowPlan(s, period, alone)
	if len(order) == 1 {
		return sizeAction
	}
	size := sizeCase
	for _, a := range order {
		if a != def {
			size += sizeCase + sizeAction + sizeLabel*(len(classes[a])-1)
		}
	}
	return size
}

// upperSize returns the bytes of the classification of non-ASCII code
// points. It renders that code: its size depends on the Unicode tables the
// pattern names more than on anything cheaper to count, and it is bounded
// by the number of character classes.
func (e *emitter) upperSize() int {
	cls := map[int32]bool{}
	for _, u := range e.d.upper {
		cls[u.c] = true
	}
	if len(cls) == 1 {
		return sizeAction
	}
	return len(fmt.Sprintf("%#v", jen.Block(e.upperSwitch()...)))
}
