package pattern

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"
)

const (
	utf8Path    = "unicode/utf8"
	unicodePath = "unicode"
	minRun      = 3 // shortest run of states emitted as one range case
)

// Emit returns the Go declaration `func <name>(s string) bool { ... }`,
// preceded by the doc comment lines of doc and a paragraph quoting the
// pattern. The function reports whether the whole of s matches; it runs in
// time linear in len(s), does not allocate and does not use package regexp.
// Invalid UTF-8 is read one byte at a time as U+FFFD, as by Match.
// Transitions are a switch on the state, with counted runs of states folded
// into one case, unless that would be large: then they are a table.
func (d *DFA) Emit(name string, doc string) jen.Code {
	e := newEmitter(d)
	var out jen.Statement
	if doc != "" {
		for _, line := range strings.Split(strings.TrimRight(doc, "\n"), "\n") {
			out.Add(commentLine(line)).Line()
		}
		out.Add(jen.Comment("//")).Line()
	}
	out.Add(jen.Comment("// The whole value must match the pattern (ECMA-262 syntax, on code points):")).Line()
	out.Add(jen.Comment("//")).Line()
	out.Add(jen.Comment("//\t" + quotePattern(d.src))).Line()
	out.Add(jen.Func().Id(name).Params(jen.Id("s").String()).Bool().Block(e.body()...))
	return &out
}

func newEmitter(d *DFA) *emitter {
	e := &emitter{d: d, sinks: make([]bool, d.NumStates())}
	// Under a length check no state accepts every continuation: a longer
	// value can still break it.
	if d.maxLen < 0 {
		for s := range e.sinks {
			e.sinks[s] = d.acceptsAll(s)
		}
	}
	return e
}

func commentLine(line string) jen.Code {
	line = strings.TrimRight(line, " \t\r")
	if line == "" {
		return jen.Comment("//")
	}
	return jen.Comment("// " + line)
}

// quotePattern returns src as is if it reads safely in a line comment, else
// as a Go string literal.
func quotePattern(src string) string {
	for _, r := range src {
		if r == utf8.RuneError || !unicode.IsPrint(r) {
			return strconv.QuoteToGraphic(src)
		}
	}
	if !utf8.ValidString(src) || src == "" {
		return strconv.Quote(src)
	}
	return src
}

type emitter struct {
	d       *DFA
	sinks   []bool // states that accept every continuation
	runs    []run
	classed bool // some state tells classes apart: c is needed
	table   bool // the transitions are a table, not a switch
	// switchBytes estimates the state switch and final test (emitsize.go).
	switchBytes int
}

// action is what one transition does.
type action struct {
	kind int // actReject, actAccept, actSet, actAdd
	v    int
}

const (
	actReject = iota // return false
	actAccept        // return true: the target accepts every continuation
	actSet           // st = v
	actAdd           // st += v (0: stay)
)

func (e *emitter) target(t int32) action {
	switch {
	case t < 0:
		return action{actReject, 0}
	case e.acceptsAll(int(t)):
		return action{actAccept, 0}
	}
	return action{actSet, int(t)}
}

// acceptsAll reports whether state s accepts and loops on every class.
func (e *emitter) acceptsAll(s int) bool { return e.sinks[s] }

func (d *DFA) acceptsAll(s int) bool {
	if !d.accept[s] {
		return false
	}
	for c := 0; c < d.k; c++ {
		if int(d.trans[s*d.k+c]) != s {
			return false
		}
	}
	return true
}

func (d *DFA) row(s int) []int32 { return d.trans[s*d.k : (s+1)*d.k] }

func (e *emitter) body() []jen.Code {
	d := e.d
	switch {
	case d.NumStates() == 0:
		return []jen.Code{jen.Comment("No value matches the pattern."), jen.Return(jen.False())}
	case e.acceptsAll(0):
		return []jen.Code{jen.Comment("Every value matches the pattern."), jen.Return(jen.True())}
	}
	var code []jen.Code
	if d.maxLen >= 0 {
		code = append(code, e.lengthCheck())
		if d.acceptsAll(0) {
			return append(code, jen.Return(jen.True()).Comment("every value of that length matches"))
		}
	}
	e.plan()
	if e.classed {
		code = append(code, e.legend()...)
		code = append(code, e.asciiTable())
	}
	if e.table {
		return append(code, e.tableBody()...)
	}
	single := d.NumStates() == 1
	if !single {
		code = append(code, jen.Id("st").Op(":=").Lit(0).Comment("state"))
	}
	var loop []jen.Code
	loop = append(loop, e.readClass()...)
	if single {
		loop = append(loop, e.rowCode(0, 0, true)...)
	} else {
		loop = append(loop, e.stateSwitch())
	}
	code = append(code,
		jen.For(jen.Id("i").Op(":=").Lit(0), jen.Id("i").Op("<").Len(jen.Id("s")), jen.Empty()).Block(loop...),
		jen.Return(e.acceptExpr()),
	)
	return code
}

// lengthCheck tests the number of code points, for a pattern whose counted
// class is checked as a length rather than with a state per count.
func (e *emitter) lengthCheck() jen.Code {
	d := e.d
	n := jen.Id("n")
	var cond *jen.Statement
	switch {
	case d.minLen == d.maxLen:
		cond = n.Clone().Op("!=").Lit(d.minLen)
	case d.minLen == 0:
		cond = n.Clone().Op(">").Lit(d.maxLen)
	default:
		cond = n.Clone().Op("<").Lit(d.minLen).Op("||").Add(n.Clone()).Op(">").Lit(d.maxLen)
	}
	var what string
	if d.minLen == d.maxLen {
		what = fmt.Sprintf("%d code points", d.minLen)
	} else {
		what = fmt.Sprintf("%d to %d code points", d.minLen, d.maxLen)
	}
	return jen.Commentf("A match has %s (an invalid UTF-8 byte counts as one).", what).Line().
		If(n.Clone().Op(":=").Qual(utf8Path, "RuneCountInString").Call(jen.Id("s")), cond).Block(jen.Return(jen.False()))
}

// plan decides the shape of the code: whether classes are read, and the
// runs of states.
func (e *emitter) plan() {
	d := e.d
	for s := 0; s < d.NumStates() && !e.classed; s++ {
		r := d.row(s)
		for _, t := range r {
			if t != r[0] {
				e.classed = true
				break
			}
		}
	}
	e.findRuns()
	e.switchBytes = e.switchSize()
	if e.switchBytes > maxSwitch {
		e.table = true
		e.classed = true
	}
}

// maxSwitch is the largest state switch emitted, in estimated bytes; an
// automaton that needs more is emitted as a table. The Go compiler takes
// minutes and gigabytes on functions of a few megabytes of switch cases,
// but little time on a string constant of the same transitions.
const maxSwitch = 32 << 10

// tableBody is the loop for an automaton emitted as a table rather than as
// a switch: next holds the transitions, two bytes each (maxDFAStates keeps
// the states below 0xffff, which stands for rejecting), accepting a bit per
// state.
func (e *emitter) tableBody() []jen.Code {
	d := e.d
	var next []byte
	for _, t := range d.trans {
		v := uint16(t) // -1 becomes 0xffff
		next = append(next, byte(v>>8), byte(v))
	}
	accepting := make([]byte, (d.NumStates()+7)/8)
	for s, ok := range d.accept {
		if ok {
			accepting[s/8] |= 1 << (s % 8)
		}
	}
	j := jen.Id("j")
	step := []jen.Code{
		j.Clone().Op(":=").Lit(2).Op("*").Parens(jen.Id("st").Op("*").Lit(d.k).Op("+").Id("c")),
		jen.Id("st").Op("=").Int().Call(jen.Id("next").Index(j.Clone())).Op("<<").Lit(8).Op("|").Int().Call(jen.Id("next").Index(j.Clone().Op("+").Lit(1))),
		jen.If(jen.Id("st").Op("==").Lit(0xffff)).Block(jen.Return(jen.False())),
	}
	return []jen.Code{
		jen.Commentf("The automaton has %d states, too many to read as a switch: next holds", d.NumStates()),
		jen.Commentf("the next state for each state and class, two bytes big-endian at"),
		jen.Commentf("2*(state*%d+class), 0xffff to reject; accepting holds a bit per state.", d.k),
		bytesConst("next", next),
		bytesConst("accepting", accepting),
		jen.Id("st").Op(":=").Lit(0).Comment("state"),
		jen.For(jen.Id("i").Op(":=").Lit(0), jen.Id("i").Op("<").Len(jen.Id("s")), jen.Empty()).Block(append(e.readClass(), step...)...),
		jen.Return(jen.Id("accepting").Index(jen.Id("st").Op(">>").Lit(3)).Op("&").Parens(jen.Lit(1).Op("<<").Parens(jen.Id("st").Op("&").Lit(7))).Op("!=").Lit(0)),
	}
}

// tableLine is the bytes of a table on one line of a string constant.
const tableLine = 32

// bytesConst declares a string constant holding b, written in lines of
// tableLine escaped bytes.
func bytesConst(name string, b []byte) jen.Code {
	var st jen.Statement
	st.Const().Id(name).Op("=")
	for i := 0; i < len(b); i += tableLine {
		var lit strings.Builder
		lit.WriteByte('"')
		for _, x := range b[i:min(i+tableLine, len(b))] {
			fmt.Fprintf(&lit, `\x%02x`, x)
		}
		lit.WriteByte('"')
		if i > 0 {
			st.Op("+").Line()
		}
		st.Id(lit.String())
	}
	return &st
}

// legend documents the character classes.
func (e *emitter) legend() []jen.Code {
	code := []jen.Code{jen.Comment("Character classes of code points:")}
	for c, set := range e.d.sets {
		code = append(code, jen.Comment(fmt.Sprintf("\t%d: %s", c, describeClass(set))))
	}
	return code
}

// describeClass renders a class for the legend: exactly if that is short,
// else its ASCII members and a count of the rest.
func describeClass(set runeSet) string {
	const limit = 12
	neg := set.negate()
	switch {
	case len(neg) < len(set) && len(neg) <= limit:
		return "[^" + neg.describe(limit)[1:]
	case len(set) <= limit:
		return set.describe(limit)
	}
	ascii := set.intersect(runeSet{{0, utf8.RuneSelf - 1}})
	upper := set.intersect(runeSet{{utf8.RuneSelf, unicode.MaxRune}})
	switch {
	case len(upper) == 0:
		return set.describe(limit)
	case len(ascii) == 0:
		return fmt.Sprintf("%d ranges of non-ASCII code points", len(upper))
	}
	return fmt.Sprintf("%s and %d ranges of non-ASCII code points", ascii.describe(limit), len(upper))
}

// asciiTable declares the class of each ASCII byte.
func (e *emitter) asciiTable() jen.Code {
	var st jen.Statement
	st.Const().Id("class").Op("=").Lit("").Op("+").Line()
	for row := 0; row < 8; row++ {
		var b strings.Builder
		b.WriteByte('"')
		for col := 0; col < 16; col++ {
			fmt.Fprintf(&b, `\x%02x`, e.d.ascii[row*16+col])
		}
		b.WriteByte('"')
		st.Id(b.String())
		if row < 7 {
			st.Op("+")
		}
		st.Comment(fmt.Sprintf("%#02x-%#02x", row*16, row*16+15))
		if row < 7 {
			st.Line()
		}
	}
	return &st
}

// readClass reads the next code point of s into class c, advancing i.
func (e *emitter) readClass() []jen.Code {
	d := e.d
	advance := []jen.Code{
		jen.List(jen.Id("_"), jen.Id("n")).Op(":=").Qual(utf8Path, "DecodeRuneInString").Call(jen.Id("s").Index(jen.Id("i").Op(":"))),
		jen.Id("i").Op("+=").Id("n"),
	}
	if !e.classed {
		return []jen.Code{
			jen.If(jen.Id("s").Index(jen.Id("i")).Op("<").Qual(utf8Path, "RuneSelf")).Block(
				jen.Id("i").Op("++"),
			).Else().Block(advance...),
		}
	}
	// Non-ASCII code points.
	var upper []jen.Code
	cls := map[int32]bool{}
	for _, u := range d.upper {
		cls[u.c] = true
	}
	if len(cls) == 1 {
		c := d.upper[0].c
		if e.classRejected(int(c)) {
			upper = []jen.Code{jen.Return(jen.False()).Comment("no match holds a code point beyond ASCII")}
		} else {
			upper = append(advance, jen.Id("c").Op("=").Lit(int(c)))
		}
	} else {
		upper = []jen.Code{
			jen.List(jen.Id("r"), jen.Id("n")).Op(":=").Qual(utf8Path, "DecodeRuneInString").Call(jen.Id("s").Index(jen.Id("i").Op(":"))),
			jen.Id("i").Op("+=").Id("n"),
		}
		upper = append(upper, e.upperSwitch()...)
	}
	return []jen.Code{
		jen.Var().Id("c").Int().Comment("class of the next code point"),
		jen.If(jen.Id("b").Op(":=").Id("s").Index(jen.Id("i")), jen.Id("b").Op("<").Qual(utf8Path, "RuneSelf")).Block(
			jen.Id("c").Op("=").Int().Call(jen.Id("class").Index(jen.Id("b"))),
			jen.Id("i").Op("++"),
		).Else().Block(upper...),
	}
}

// classRejected reports whether class c leads nowhere from every state.
func (e *emitter) classRejected(c int) bool {
	d := e.d
	for s := 0; s < d.NumStates(); s++ {
		if d.trans[s*d.k+c] >= 0 {
			return false
		}
	}
	return true
}

// A segment is a maximal interval of non-ASCII code points on which both
// the class and the membership in each named Unicode table are constant.
type segment struct {
	lo, hi rune
	c      int32
	sig    uint64 // bit i: in table i
}

// upperSwitch classifies a decoded non-ASCII code point r. Where the classes
// follow the Unicode tables the pattern names (\p{L}, ...), it tests those
// tables; the code points where they do not (explicit ranges, \s, the line
// terminators . excludes) are tested first, by range.
func (e *emitter) upperSwitch() []jen.Code {
	d := e.d
	names := make([]string, 0, len(d.tables))
	for name := range d.tables {
		names = append(names, name)
	}
	sort.Strings(names)
	if len(names) > 16 {
		names = nil // too many to be worth it: ranges only
	}
	// Segment boundaries.
	bs := []rune{utf8.RuneSelf}
	for _, u := range d.upper {
		bs = append(bs, u.lo, u.hi+1)
	}
	for _, name := range names {
		for _, r := range d.tables[name] {
			bs = append(bs, r.lo, r.hi+1)
		}
	}
	slices.Sort(bs)
	bs = slices.Compact(bs)
	var segs []segment
	for i, lo := range bs {
		if lo < utf8.RuneSelf || lo > unicode.MaxRune {
			continue
		}
		hi := rune(unicode.MaxRune)
		if i+1 < len(bs) {
			hi = min(hi, bs[i+1]-1)
		}
		sg := segment{lo: lo, hi: hi, c: d.classOf(lo)}
		for j, name := range names {
			if d.tables[name].contains(lo) {
				sg.sig |= 1 << j
			}
		}
		segs = append(segs, sg)
	}
	// The majority class of each table signature, by code points.
	count := map[uint64]map[int32]int{}
	for _, sg := range segs {
		if count[sg.sig] == nil {
			count[sg.sig] = map[int32]int{}
		}
		count[sg.sig][sg.c] += int(sg.hi - sg.lo + 1)
	}
	major := map[uint64]int32{}
	for sig, m := range count {
		best := int32(-1)
		for c, n := range m {
			if best < 0 || n > m[best] || n == m[best] && c < best {
				best = c
			}
		}
		major[sig] = best
	}
	// Exceptions: maximal runs of same-class segments holding a segment
	// whose class is not its signature's majority. They are tested first.
	type rng struct{ lo, hi rune }
	except := map[int32][]rng{}
	covered := make([]bool, len(segs))
	for i := 0; i < len(segs); {
		j := i
		exc := false
		for j < len(segs) && segs[j].c == segs[i].c && (j == i || segs[j].lo == segs[j-1].hi+1) {
			if major[segs[j].sig] != segs[j].c {
				exc = true
			}
			j++
		}
		if exc {
			except[segs[i].c] = append(except[segs[i].c], rng{segs[i].lo, segs[j-1].hi})
			for x := i; x < j; x++ {
				covered[x] = true
			}
		}
		i = j
	}
	var cases []jen.Code
	var classes []int32
	for c := range except {
		classes = append(classes, c)
	}
	slices.Sort(classes)
	for _, c := range classes {
		var conds []jen.Code
		for _, r := range except[c] {
			if r.lo == r.hi {
				conds = append(conds, jen.Id("r").Op("==").Add(runeLit(r.lo)))
			} else if r.hi == unicode.MaxRune {
				conds = append(conds, jen.Id("r").Op(">=").Add(runeLit(r.lo)))
			} else {
				conds = append(conds, jen.Id("r").Op(">=").Add(runeLit(r.lo)).Op("&&").Id("r").Op("<=").Add(runeLit(r.hi)))
			}
		}
		cases = append(cases, jen.Case(conds...).Block(jen.Id("c").Op("=").Lit(int(c))))
	}
	// The rest is decided by table membership.
	sigSet := map[uint64]bool{}
	for i, sg := range segs {
		if !covered[i] {
			sigSet[sg.sig] = true
		}
	}
	var rest []uint64
	for sig := range sigSet {
		rest = append(rest, sig)
	}
	slices.Sort(rest)
	tableArgs := func(mask uint64) []jen.Code {
		var args []jen.Code
		for j, name := range names {
			if mask&(1<<j) != 0 {
				args = append(args, jen.Qual(unicodePath, name))
			}
		}
		return args
	}
	for {
		cs := map[int32]bool{}
		for _, sig := range rest {
			cs[major[sig]] = true
		}
		if len(cs) <= 1 {
			break
		}
		var classList []int32
		for c := range cs {
			classList = append(classList, c)
		}
		slices.Sort(classList)
		done := false
		for _, c := range classList {
			// Tables whose members (among the remaining signatures) are
			// all in class c; they decide c if every c signature has one.
			var mask uint64
			for j := range names {
				ok, any := true, false
				for _, sig := range rest {
					if sig&(1<<j) != 0 {
						any = true
						if major[sig] != c {
							ok = false
						}
					}
				}
				if ok && any {
					mask |= 1 << j
				}
			}
			covers := func(m uint64) bool {
				for _, sig := range rest {
					if major[sig] == c && sig&m == 0 {
						return false
					}
				}
				return true
			}
			if mask == 0 || !covers(mask) {
				continue
			}
			for j := range names { // drop tables not needed
				if bit := uint64(1) << j; mask&bit != 0 && mask != bit && covers(mask&^bit) {
					mask &^= bit
				}
			}
			args := tableArgs(mask)
			var cond jen.Code
			if len(args) == 1 {
				cond = jen.Qual(unicodePath, "Is").Call(args[0], jen.Id("r"))
			} else {
				cond = jen.Qual(unicodePath, "In").Call(append([]jen.Code{jen.Id("r")}, args...)...)
			}
			cases = append(cases, jen.Case(cond).Block(jen.Id("c").Op("=").Lit(int(c))))
			rest = slices.DeleteFunc(rest, func(sig uint64) bool { return sig&mask != 0 })
			done = true
			break
		}
		if !done {
			// No union of tables decides a class: the rest is a decision
			// tree on one table at a time.
			tree := tableTree(rest, major, names)
			if len(cases) == 0 {
				return tree
			}
			return []jen.Code{jen.Switch().Block(append(cases, jen.Default().Block(tree...))...)}
		}
	}
	def := int32(0)
	if len(rest) > 0 {
		def = major[rest[0]]
	}
	cases = append(cases, jen.Default().Block(jen.Id("c").Op("=").Lit(int(def))))
	return []jen.Code{jen.Switch().Block(cases...)}
}

// tableTree emits nested ifs on table membership that set c to major[sig]
// for the signatures sigs, which must not all map to the same class.
func tableTree(sigs []uint64, major map[uint64]int32, names []string) []jen.Code {
	classes := func(sigs []uint64) int {
		seen := map[int32]bool{}
		for _, sig := range sigs {
			seen[major[sig]] = true
		}
		return len(seen)
	}
	if classes(sigs) == 1 {
		return []jen.Code{jen.Id("c").Op("=").Lit(int(major[sigs[0]]))}
	}
	best, bestCost := -1, 0
	var in, out []uint64
	for j := range names {
		var a, b []uint64
		for _, sig := range sigs {
			if sig&(1<<j) != 0 {
				a = append(a, sig)
			} else {
				b = append(b, sig)
			}
		}
		if len(a) == 0 || len(b) == 0 {
			continue
		}
		if cost := classes(a) + classes(b); best < 0 || cost < bestCost {
			best, bestCost, in, out = j, cost, a, b
		}
	}
	// Distinct signatures always differ in some table, so best >= 0.
	cond := jen.Qual(unicodePath, "Is").Call(jen.Qual(unicodePath, names[best]), jen.Id("r"))
	stmt := jen.If(cond).Block(tableTree(in, major, names)...).Else()
	if classes(out) > 1 {
		return []jen.Code{stmt.Add(tableTree(out, major, names)...)} // else if
	}
	return []jen.Code{stmt.Block(tableTree(out, major, names)...)}
}

// seqText renders the classes of a literal run as pattern text.
func (e *emitter) seqText(seq []int) string {
	var b strings.Builder
	for i := 0; i < len(seq); {
		j := i + 1
		for j < len(seq) && seq[j] == seq[i] {
			j++
		}
		set := e.d.sets[seq[i]]
		tok := describeClass(set)
		if r := set[0].lo; len(set) == 1 && set[0].hi == r && r > ' ' && r < 0x7f && !strings.ContainsRune(`\.+*?()|[]{}^$`, r) {
			tok = string(r)
		}
		if j-i >= 3 {
			fmt.Fprintf(&b, "%s{%d}", tok, j-i)
		} else {
			b.WriteString(strings.Repeat(tok, j-i))
		}
		i = j
	}
	return b.String()
}

func runeLit(r rune) jen.Code { return jen.Id(strconv.QuoteRuneToASCII(r)) }

// A run is a range of consecutive states whose transitions repeat with a
// period, up to a shift: for each phase and class, every state of the phase
// either goes to the same state, or to its own number plus the same delta.
// Counted repeats such as x{1,1011} become runs of period 1; (ab){2,300}
// has period 2.
//
// A literal run (period 0) is a range of states each of which accepts one
// class only, going to the next state: they read a fixed sequence.
type run struct {
	first, last, period int
	seq                 []int // literal runs: the class each state reads
}

// literalClass returns the only class state s does not reject, if that
// class goes to s+1.
func (e *emitter) literalClass(s int) (int, bool) {
	c := -1
	for x, t := range e.d.row(s) {
		switch {
		case t < 0:
		case c >= 0 || int(t) != s+1 || e.acceptsAll(int(t)) || x > 255:
			return 0, false
		default:
			c = x
		}
	}
	return c, c >= 0
}

const maxPeriod = 8

// findRuns finds the runs, greedily from the start state on, preferring
// longer runs and then shorter periods.
func (e *emitter) findRuns() {
	n := e.d.NumStates()
	for i := 0; i < n; {
		best := run{first: i, last: i}
		for p := 1; p <= maxPeriod && i+2*p <= n; p++ {
			pats := make([][]int64, p)
			ok := true
			for ph := 0; ph < p && ok; ph++ {
				pats[ph], ok = e.shiftPattern(i+ph, i+ph+p)
			}
			if !ok {
				continue
			}
			j := i + 2*p - 1 // last state of the run so far
			for j+1 < n {
				s := j + 1 - p // the state whose successor in its phase is j+1
				pat, ok := e.shiftPattern(s, j+1)
				if !ok || !slices.Equal(pat, pats[(s-i)%p]) {
					break
				}
				j++
			}
			if j-i > best.last-best.first {
				best = run{first: i, last: j, period: p}
			}
		}
		lit := run{first: i, last: i - 1}
		for j := i; j < n; j++ {
			c, ok := e.literalClass(j)
			if !ok {
				break
			}
			lit.last = j
			lit.seq = append(lit.seq, c)
		}
		// Long repeats of one class read better as a counted run.
		for o := 0; o+16 <= len(lit.seq); o++ {
			if slices.IndexFunc(lit.seq[o:o+16], func(c int) bool { return c != lit.seq[o] }) < 0 {
				lit.seq = lit.seq[:o]
				lit.last = lit.first + o - 1
				break
			}
		}
		if lit.last-lit.first > best.last-best.first && len(lit.seq) >= 3 {
			e.runs = append(e.runs, lit)
			i = lit.last + 1
			continue
		}
		if best.period > 0 && best.last-best.first+1 >= max(minRun, 2*best.period) {
			e.runs = append(e.runs, best)
			i = best.last + 1
		} else {
			i++
		}
	}
}

// shiftPattern compares states s and t > s: for each class, either both go
// to the same state (encoded as 1<<40 + target) or both shift their number by
// the same delta. ok is false if they are not compatible that way, if no
// class shifts, or if an accept-everything state is involved (the emitter
// returns true on entering one).
func (e *emitter) shiftPattern(s, t int) ([]int64, bool) {
	d := e.d
	if e.acceptsAll(s) || e.acceptsAll(t) {
		return nil, false
	}
	a, b := d.row(s), d.row(t)
	pat := make([]int64, d.k)
	shifts := false
	for c := range a {
		switch {
		case a[c] == b[c]:
			pat[c] = 1<<40 + int64(a[c])
		case a[c] >= 0 && b[c] >= 0 && int(a[c])-s == int(b[c])-t &&
			!e.acceptsAll(int(a[c])) && !e.acceptsAll(int(b[c])):
			pat[c] = int64(int(a[c]) - s)
			shifts = true
		default:
			return nil, false
		}
	}
	return pat, shifts
}

// stateSwitch emits the transition of every state on class c.
func (e *emitter) stateSwitch() jen.Code {
	groups := e.groups()
	var cases []jen.Code
	for _, g := range groups {
		var labels []jen.Code
		for _, s := range g {
			labels = append(labels, jen.Lit(s))
		}
		cases = append(cases, jen.Case(labels...).Block(e.rowCode(g[0], 0, len(g) == 1)...))
	}
	if len(e.runs) > 0 {
		var rc []jen.Code
		for i, r := range e.runs {
			var body []jen.Code
			if r.period == 0 {
				body = append(body, jen.Commentf("states %d to %d read %s", r.first, r.last, e.seqText(r.seq)))
				var b strings.Builder
				b.WriteByte('"')
				for _, c := range r.seq {
					fmt.Fprintf(&b, `\x%02x`, c)
				}
				b.WriteByte('"')
				index := jen.Id("st")
				if r.first != 0 {
					index = jen.Id("st").Op("-").Lit(r.first)
				}
				body = append(body,
					jen.If(jen.Id("c").Op("!=").Int().Call(jen.Id(b.String()).Index(index))).Block(jen.Return(jen.False())),
					jen.Id("st").Op("++"),
				)
			} else if r.period == 1 {
				body = append(body, jen.Commentf("states %d to %d: the same transitions, relative to the state", r.first, r.last))
				body = append(body, e.rowCode(r.first, r.period, false)...)
			} else {
				body = append(body, jen.Commentf("states %d to %d: the same transitions every %d states, relative to the state", r.first, r.last, r.period))
				var phases []jen.Code
				for ph := 0; ph < r.period; ph++ {
					code := e.rowCode(r.first+ph, r.period, false)
					if ph == r.period-1 {
						phases = append(phases, jen.Default().Block(code...))
					} else {
						phases = append(phases, jen.Case(jen.Lit(ph)).Block(code...))
					}
				}
				phase := jen.Id("st").Op("%").Lit(r.period)
				if r.first%r.period != 0 {
					phase = jen.Parens(jen.Id("st").Op("-").Lit(r.first)).Op("%").Lit(r.period)
				}
				body = append(body, jen.Switch(phase).Block(phases...))
			}
			if len(e.runs) == 1 {
				rc = body
				break
			}
			if i == len(e.runs)-1 {
				rc = append(rc, jen.Default().Block(body...))
			} else {
				rc = append(rc, jen.Case(jen.Id("st").Op("<=").Lit(r.last)).Block(body...))
			}
		}
		if len(e.runs) > 1 {
			rc = []jen.Code{jen.Switch().Block(rc...)}
		}
		cases = append(cases, jen.Default().Block(rc...))
	}
	return jen.Switch(jen.Id("st")).Block(cases...)
}

// groups returns the states outside runs that the state switch has a case
// for, grouped by identical rows, in order of their first state.
func (e *emitter) groups() [][]int {
	d := e.d
	inRun := make([]bool, d.NumStates())
	for _, r := range e.runs {
		for s := r.first; s <= r.last; s++ {
			inRun[s] = true
		}
	}
	var groups [][]int
	byKey := map[string]int{}
	for s := 0; s < d.NumStates(); s++ {
		if inRun[s] || e.acceptsAll(s) {
			continue
		}
		key := fmt.Sprint(d.row(s))
		if i, ok := byKey[key]; ok {
			groups[i] = append(groups[i], s)
			continue
		}
		byKey[key] = len(groups)
		groups = append(groups, []int{s})
	}
	return groups
}

// rowCode emits the transition of state s on class c; for a run of the
// given period (0: not in a run), relative to the state number. If alone,
// the code serves state s only, so that a transition to s itself can be
// written as staying.
func (e *emitter) rowCode(s int, period int, alone bool) []jen.Code {
	order, classes, def := e.rowPlan(s, period, alone)
	if len(order) == 1 {
		return e.actionCode(order[0])
	}
	var cases []jen.Code
	for _, a := range order {
		if a == def {
			continue
		}
		var labels []jen.Code
		for _, c := range classes[a] {
			labels = append(labels, jen.Lit(c))
		}
		if a == (action{actAdd, 0}) {
			cases = append(cases, jen.Case(labels...).Comment("st stays"))
		} else {
			cases = append(cases, jen.Case(labels...).Block(e.actionCode(a)...))
		}
	}
	if def == (action{actAdd, 0}) {
		cases = append(cases, jen.Default().Comment("st stays"))
	} else {
		cases = append(cases, jen.Default().Block(e.actionCode(def)...))
	}
	return []jen.Code{jen.Switch(jen.Id("c")).Block(cases...)}
}

// rowPlan groups the classes of state s (as for rowCode) by the action they
// take, in order of first class; def is the action that goes to default.
func (e *emitter) rowPlan(s int, period int, alone bool) (order []action, classes map[action][]int, def action) {
	d := e.d
	row := d.row(s)
	acts := make([]action, d.k)
	for c, t := range row {
		a := e.target(t)
		if period > 0 && a.kind == actSet && d.row(s + period)[c] != t {
			a = action{actAdd, int(t) - s}
		} else if period == 0 && alone && a.kind == actSet && int(t) == s {
			a = action{actAdd, 0}
		}
		acts[c] = a
	}
	classes = map[action][]int{}
	for c, a := range acts {
		if _, ok := classes[a]; !ok {
			order = append(order, a)
		}
		classes[a] = append(classes[a], c)
	}
	// The default is the action with the most classes, rejecting on a tie.
	def = order[0]
	for _, a := range order[1:] {
		if n, m := len(classes[a]), len(classes[def]); n > m || n == m && a.kind == actReject {
			def = a
		}
	}
	return order, classes, def
}

func (e *emitter) actionCode(a action) []jen.Code {
	switch a.kind {
	case actReject:
		return []jen.Code{jen.Return(jen.False())}
	case actAccept:
		return []jen.Code{jen.Return(jen.True()).Comment("every continuation matches")}
	case actSet:
		return []jen.Code{jen.Id("st").Op("=").Lit(a.v)}
	}
	switch {
	case a.v == 0:
		return []jen.Code{jen.Comment("st stays")}
	case a.v == 1:
		return []jen.Code{jen.Id("st").Op("++")}
	case a.v == -1:
		return []jen.Code{jen.Id("st").Op("--")}
	case a.v > 0:
		return []jen.Code{jen.Id("st").Op("+=").Lit(a.v)}
	}
	return []jen.Code{jen.Id("st").Op("-=").Lit(-a.v)}
}

// acceptExpr is the final test: whether st is an accepting state. The
// accepting states are listed as single states, ranges and, in periodic
// runs, ranges with a stride.
func (e *emitter) acceptExpr() jen.Code {
	d := e.d
	if d.NumStates() == 1 {
		return jen.Lit(d.accept[0])
	}
	if slices.Index(d.accept, false) < 0 {
		return jen.True()
	}
	acc := e.acceptingStates()
	if len(acc) == 0 {
		return jen.False()
	}
	st := func() *jen.Statement { return jen.Id("st") }
	var x jen.Statement
	for i, t := range acceptTerms(acc) {
		if i > 0 {
			x.Op("||")
		}
		switch {
		case t.first == t.last:
			x.Add(st().Op("==").Lit(t.first))
		case t.step == 1:
			x.Parens(st().Op(">=").Lit(t.first).Op("&&").Add(st()).Op("<=").Lit(t.last))
		default:
			x.Parens(st().Op(">=").Lit(t.first).Op("&&").Add(st()).Op("<=").Lit(t.last).Op("&&").Add(st()).Op("%").Lit(t.step).Op("==").Lit(t.first % t.step))
		}
	}
	return &x
}

// acceptingStates returns the accepting states the final test lists: not
// those that accept every continuation, since the loop returns on entering
// them.
func (e *emitter) acceptingStates() []int {
	var acc []int
	for s, ok := range e.d.accept {
		if ok && !e.acceptsAll(s) {
			acc = append(acc, s)
		}
	}
	return acc
}

// An acceptTerm is first, first+step, ..., last.
type acceptTerm struct{ first, last, step int }

// acceptTerms covers the sorted states acc with single states, ranges and
// ranges with a stride.
func acceptTerms(acc []int) []acceptTerm {
	var terms []acceptTerm
	for i := 0; i < len(acc); {
		j := i
		if i+2 < len(acc) {
			if step := acc[i+1] - acc[i]; step <= maxPeriod && acc[i+2]-acc[i+1] == step {
				for j+1 < len(acc) && acc[j+1]-acc[j] == step {
					j++
				}
				if step > 1 && j-i+1 < 4 {
					j = i // a few single states read better
				}
			}
		}
		t := acceptTerm{acc[i], acc[j], 1}
		if j > i {
			t.step = (acc[j] - acc[i]) / (j - i)
		}
		terms = append(terms, t)
		i = j + 1
	}
	return terms
}
