// Package pattern compiles AWS shape patterns (ECMA-262 regular
// expressions that the whole value must match) to minimal deterministic
// automata over Unicode code points, and emits them as small Go functions
// that run in linear time without allocating and without package regexp.
//
// Supported: literals and escapes (\t \n \r \f \v \0 \xHH \uHHHH \u{H...}
// \cX and escaped punctuation), the classes . \d \D \w \W \s \S with their
// ECMA meanings, \p{..} and \P{..} for the general categories and scripts of
// package unicode (plus Java's ASCII POSIX names such as \p{Alnum}),
// bracket classes, groups (capturing, (?:...) and (?<name>...)),
// alternation, greedy and lazy quantifiers with counts up to 100000, ^ and $
// where they only restate that the whole value is matched, and lookaheads
// (?=X) and (?!X) at the start of the pattern or of a top-level alternative.
// Anything else is reported as an *Error rather than approximated.
//
// Counted repeats cost an automaton state per count, and a pattern whose
// automata would pass the limits of one pattern (200000 states before
// determinization, 10000 after) is refused as too complex: (ab){1,100000}
// is. One exception: the largest counted repeat of a single class in a
// pattern whose other parts all have a fixed length, such as
// [a-z]{1,100000} or [^*]{64}\.txt, is checked as a number of code points
// instead, at no state per count (if its count reaches 64). Budget bounds
// what the patterns of one spec cost together.
//
// Unicode properties use the tables of package unicode: those of the Go
// release that runs the generator for Compile and Match, those of the Go
// release that builds the generated code for emitted matchers (which call
// unicode.Is). The two agree unless the releases implement different
// Unicode versions.
package pattern

import (
	"math"
	"slices"
	"unicode/utf8"
)

// DFA is the minimal deterministic automaton of a pattern, over classes of
// code points. State 0 is the start state; the rejecting sink state is left
// out (its transitions are -1).
type DFA struct {
	src    string
	minLen int        // code points the value needs at least
	maxLen int        // code points the value may have at most, or -1: no bound
	k      int        // number of character classes
	sets   []runeSet  // code points of each class
	ascii  [128]int32 // class of each ASCII code point
	upper  []classRange
	trans  []int32 // trans[s*k+c]: next state, or -1 to reject
	accept []bool
	tables map[string]runeSet // Unicode tables the pattern names, by identifier
}

// classRange maps the non-ASCII code points [lo, hi] to class c.
type classRange struct {
	lo, hi rune
	c      int32
}

// Compile parses src and returns the minimal DFA for whole-value matching.
// Errors are of type *Error.
func Compile(src string) (*DFA, error) {
	var steps int
	return compile(src, math.MaxInt, &steps)
}

// compile is Compile with at most shared steps, the steps spent stored in
// *steps; it fails with errSpecSteps when shared is the tighter limit.
func compile(src string, shared int, steps *int) (*DFA, error) {
	root, tables, err := parse(src)
	if err != nil {
		return nil, err
	}
	var sets []runeSet
	walk(root, func(n *node) {
		if n.kind == kSet {
			sets = append(sets, n.set)
		}
	})
	markAsserts(root)
	a, err := newAlphabet(sets)
	if err != nil {
		return nil, err
	}
	c := &compiler{a: a, bud: budget{left: maxWork, shared: shared}, maxLen: -1}
	d, err := c.lang(root, false)
	*steps = maxWork - c.bud.left
	if err != nil {
		return nil, err
	}
	out := finish(src, d, a, tables)
	out.minLen, out.maxLen = c.minLen, c.maxLen
	return out, nil
}

// MustCompile is Compile for patterns known to be valid; it panics on error.
func MustCompile(src string) *DFA {
	d, err := Compile(src)
	if err != nil {
		panic(err)
	}
	return d
}

// Match reports whether the whole of s matches. Invalid UTF-8 is read one
// byte at a time as U+FFFD, as a range loop does.
func (d *DFA) Match(s string) bool {
	if len(d.accept) == 0 {
		return false
	}
	if d.maxLen >= 0 {
		if n := utf8.RuneCountInString(s); n < d.minLen || n > d.maxLen {
			return false
		}
	}
	st := int32(0)
	for i := 0; i < len(s); {
		var c int32
		if b := s[i]; b < utf8.RuneSelf {
			c = d.ascii[b]
			i++
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			i += n
			c = d.classOf(r)
		}
		st = d.trans[int(st)*d.k+int(c)]
		if st < 0 {
			return false
		}
	}
	return d.accept[st]
}

func (d *DFA) classOf(r rune) int32 {
	u := d.upper
	lo, hi := 0, len(u)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if u[m].hi < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return u[lo].c
}

// NumStates returns the number of states of the minimal DFA, not counting
// the rejecting sink state. A counted class checked as a length (see
// Compile) takes no state per count: the DFA is then the minimal one of the
// pattern with that repeat unbounded.
func (d *DFA) NumStates() int { return len(d.accept) }

// String returns the source pattern.
func (d *DFA) String() string { return d.src }

func walk(n *node, f func(*node)) {
	f(n)
	for _, s := range n.subs {
		walk(s, f)
	}
}

// markAsserts sets asserts on the nodes whose subtree holds ^, $ or a
// lookahead.
func markAsserts(n *node) bool {
	has := n.kind == kBegin || n.kind == kEnd || n.kind == kLook
	for _, s := range n.subs {
		if markAsserts(s) {
			has = true
		}
	}
	if has {
		n.asserts = true
	}
	return has
}

type compiler struct {
	a   *alphabet
	bud budget
	// The code point count the whole value must have, when a counted class
	// was turned into a length check (maxLen -1: none was).
	minLen, maxLen int
}

// A branch is one way through the start of the pattern: the lookaheads met
// at position 0 on the way, and the rest of the branch.
type branch struct {
	looks []*node
	rest  *node
}

// An endBranch is one way through the end of a branch: rest, followed by a
// $ if anchored.
type endBranch struct {
	anchored bool
	rest     *node
}

func concat(a, b *node) *node {
	switch {
	case a.kind == kEmpty:
		return b
	case b.kind == kEmpty:
		return a
	}
	var subs []*node
	if a.kind == kConcat {
		subs = append(subs, a.subs...)
	} else {
		subs = append(subs, a)
	}
	if b.kind == kConcat {
		subs = append(subs, b.subs...)
	} else {
		subs = append(subs, b)
	}
	return &node{kind: kConcat, pos: a.pos, subs: subs, asserts: a.asserts || b.asserts}
}

// startSplit hoists the ^ and lookaheads that sit at position 0 of n out of
// it, returning the alternatives they split n into.
func startSplit(n *node) ([]branch, error) {
	if !n.asserts {
		return []branch{{nil, n}}, nil
	}
	switch n.kind {
	case kBegin:
		return []branch{{nil, emptyNode}}, nil
	case kLook:
		return []branch{{[]*node{n}, emptyNode}}, nil
	case kAlt:
		var out []branch
		for _, s := range n.subs {
			bs, err := startSplit(s)
			if err != nil {
				return nil, err
			}
			out = append(out, bs...)
			if len(out) > maxBranches {
				return nil, tooComplex("alternatives with their own anchors or lookaheads", maxBranches)
			}
		}
		return out, nil
	case kConcat:
		bs := []branch{{nil, emptyNode}}
		for _, e := range n.subs {
			var out, split []branch
			for _, b := range bs {
				if b.rest.kind != kEmpty {
					out = append(out, branch{b.looks, concat(b.rest, e)})
					continue
				}
				if split == nil {
					var err error
					if split, err = startSplit(e); err != nil {
						return nil, err
					}
				}
				for _, sb := range split {
					looks := append(slices.Clip(b.looks), sb.looks...)
					out = append(out, branch{looks, sb.rest})
				}
			}
			if len(out) > maxBranches {
				return nil, tooComplex("alternatives with their own anchors or lookaheads", maxBranches)
			}
			bs = out
		}
		return bs, nil
	case kRepeat:
		switch {
		case n.max == 0:
			return []branch{{nil, emptyNode}}, nil
		case n.max == 1:
			bs, err := startSplit(n.subs[0])
			if err != nil {
				return nil, err
			}
			if n.min == 0 {
				bs = append(bs, branch{nil, emptyNode})
			}
			return bs, nil
		}
	}
	return []branch{{nil, n}}, nil
}

// endSplit is startSplit for the $ at the end of n.
func endSplit(n *node) ([]endBranch, error) {
	if !n.asserts {
		return []endBranch{{false, n}}, nil
	}
	switch n.kind {
	case kEnd:
		return []endBranch{{true, emptyNode}}, nil
	case kAlt:
		var out []endBranch
		for _, s := range n.subs {
			bs, err := endSplit(s)
			if err != nil {
				return nil, err
			}
			out = append(out, bs...)
			if len(out) > maxBranches {
				return nil, tooComplex("alternatives with their own anchors or lookaheads", maxBranches)
			}
		}
		return out, nil
	case kConcat:
		bs := []endBranch{{false, emptyNode}}
		for i := len(n.subs) - 1; i >= 0; i-- {
			e := n.subs[i]
			var out, split []endBranch
			for _, b := range bs {
				if b.rest.kind != kEmpty {
					out = append(out, endBranch{b.anchored, concat(e, b.rest)})
					continue
				}
				if split == nil {
					var err error
					if split, err = endSplit(e); err != nil {
						return nil, err
					}
				}
				for _, sb := range split {
					out = append(out, endBranch{b.anchored || sb.anchored, sb.rest})
				}
			}
			if len(out) > maxBranches {
				return nil, tooComplex("alternatives with their own anchors or lookaheads", maxBranches)
			}
			bs = out
		}
		return bs, nil
	case kRepeat:
		switch {
		case n.max == 0:
			return []endBranch{{false, emptyNode}}, nil
		case n.max == 1:
			bs, err := endSplit(n.subs[0])
			if err != nil {
				return nil, err
			}
			if n.min == 0 {
				bs = append(bs, endBranch{false, emptyNode})
			}
			return bs, nil
		}
	}
	return []endBranch{{false, n}}, nil
}

// checkPlain reports an assertion left where it cannot be enforced.
func checkPlain(n *node) error {
	if !n.asserts {
		return nil
	}
	switch n.kind {
	case kBegin:
		return &Error{Offset: n.pos, Msg: "anchor ^ inside the pattern cannot be enforced (only at the start)"}
	case kEnd:
		return &Error{Offset: n.pos, Msg: "anchor $ inside the pattern cannot be enforced (only at the end)"}
	case kLook:
		return &Error{Offset: n.pos, Msg: "lookahead is only supported at the start of the pattern"}
	}
	for _, s := range n.subs {
		if err := checkPlain(s); err != nil {
			return err
		}
	}
	return nil
}

var anyStar = &node{kind: kRepeat, min: 0, max: -1, subs: []*node{{kind: kSet, set: anySet}}}

// lang returns the DFA of the values that n accepts when matched at position
// 0: the whole value for the pattern itself, or, inLook, a prefix of the
// value (the whole value where the lookahead body ends with $).
func (c *compiler) lang(n *node, inLook bool) (*dfa, error) {
	bs, err := startSplit(n)
	if err != nil {
		return nil, err
	}
	var result *dfa
	for _, b := range bs {
		ends, err := endSplit(b.rest)
		if err != nil {
			return nil, err
		}
		var alts []*node
		for _, e := range ends {
			if err := checkPlain(e.rest); err != nil {
				return nil, err
			}
			r := e.rest
			if inLook && !e.anchored {
				r = concat(r, anyStar)
			}
			alts = append(alts, r)
		}
		re := alts[0]
		if len(alts) > 1 {
			re = &node{kind: kAlt, subs: alts}
		} else if !inLook && len(bs) == 1 {
			re = c.countAsLength(re)
		}
		d, err := compileRegex(c.a, re, &c.bud)
		if err != nil {
			return nil, err
		}
		for _, l := range b.looks {
			ld, err := c.lang(l.subs[0], true)
			if err != nil {
				return nil, err
			}
			if l.neg {
				d, err = product(d, ld, func(a, b bool) bool { return a && !b }, &c.bud)
			} else {
				d, err = product(d, ld, func(a, b bool) bool { return a && b }, &c.bud)
			}
			if err != nil {
				return nil, err
			}
		}
		if result == nil {
			result = d
		} else if result, err = product(result, d, func(a, b bool) bool { return a || b }, &c.bud); err != nil {
			return nil, err
		}
	}
	return result, nil
}

// finish turns a minimal complete DFA into the public form: the sink state
// dropped, equivalent classes merged, states numbered so that counted runs
// are consecutive.
func finish(src string, d *dfa, a *alphabet, tables map[string]runeSet) *DFA {
	n, k := d.n(), d.k
	// In a minimal complete DFA the states that cannot reach acceptance are
	// merged into one sink: rejecting, with every class looping back.
	live := make([]bool, n)
	for s := 0; s < n; s++ {
		live[s] = d.accept[s]
		for c := 0; c < k && !live[s]; c++ {
			live[s] = d.next(int32(s), c) != int32(s)
		}
	}
	// Merge classes with identical columns.
	colKey := func(c int) string {
		b := make([]byte, 0, 4*n)
		for s := 0; s < n; s++ {
			t := d.next(int32(s), c)
			if !live[t] {
				t = -1
			}
			b = append(b, byte(t), byte(t>>8), byte(t>>16), byte(t>>24))
		}
		return string(b)
	}
	merged := make([]int32, k) // old class -> new class
	var reps []int             // new class -> a representative old class
	byCol := map[string]int32{}
	for c := 0; c < k; c++ {
		key := colKey(c)
		id, ok := byCol[key]
		if !ok {
			id = int32(len(reps))
			byCol[key] = id
			reps = append(reps, c)
		}
		merged[c] = id
	}
	nk := len(reps)
	out := &DFA{src: src, k: nk, tables: tables}
	oldSets := a.classSets()
	out.sets = make([]runeSet, nk)
	for c, s := range oldSets {
		out.sets[merged[c]] = out.sets[merged[c]].union(s)
	}
	for c, s := range out.sets {
		for _, r := range s {
			for x := r.lo; x <= r.hi && x < utf8.RuneSelf; x++ {
				out.ascii[x] = int32(c)
			}
			if r.hi >= utf8.RuneSelf {
				out.upper = append(out.upper, classRange{max(r.lo, utf8.RuneSelf), r.hi, int32(c)})
			}
		}
	}
	slices.SortFunc(out.upper, func(x, y classRange) int { return int(x.lo - y.lo) })
	if !live[d.start] {
		return out // the empty language: no states at all
	}
	// Number live states depth-first from the start, following first the
	// successor whose row has the same shape (a counted run continues).
	num := make([]int32, n)
	for i := range num {
		num[i] = -1
	}
	var order []int32
	shapes := make([]string, n) // which classes lead to a live state
	for s := range shapes {
		b := make([]byte, nk)
		for c := 0; c < nk; c++ {
			if live[d.next(int32(s), reps[c])] {
				b[c] = 1
			}
		}
		shapes[s] = string(b)
	}
	var visit func(s int32)
	visit = func(s int32) {
		num[s] = int32(len(order))
		order = append(order, s)
		for c := 0; c < nk; c++ {
			t := d.next(s, reps[c])
			if live[t] && num[t] < 0 && shapes[t] == shapes[s] {
				visit(t)
				break
			}
		}
		for c := 0; c < nk; c++ {
			if t := d.next(s, reps[c]); live[t] && num[t] < 0 {
				visit(t)
			}
		}
	}
	visit(d.start)
	out.trans = make([]int32, len(order)*nk)
	out.accept = make([]bool, len(order))
	for i, s := range order {
		out.accept[i] = d.accept[s]
		for c := 0; c < nk; c++ {
			t := d.next(s, reps[c])
			if live[t] {
				out.trans[i*nk+c] = num[t]
			} else {
				out.trans[i*nk+c] = -1
			}
		}
	}
	return out
}

// minCounted is the smallest count of a repeat of one class that is checked
// as a length rather than with a state per count. Shorter repeats cost
// little either way, and their automata read as the pattern does.
const minCounted = 64

// countAsLength returns re, the whole of a pattern, with its largest counted
// repeat of one class C{m,n} replaced by C*, recording the length check that
// makes up for it in c.minLen and c.maxLen; or re unchanged if it has none
// worth replacing or if anything else in it varies in length. This is exact:
// if every value of X has p code points and every value of Y has q, a value
// is in X C{m,n} Y if and only if it is in X C* Y and has from p+m+q to
// p+n+q code points. It spares an automaton state per count, which for
// [a-z]{1,100000} would be a hundred thousand.
func (c *compiler) countAsLength(re *node) *node {
	items := []*node{re}
	if re.kind == kConcat {
		items = re.subs
	}
	best := -1
	var bestSet runeSet
	for i, it := range items {
		if it.kind != kRepeat || it.max < minCounted {
			continue
		}
		if set, ok := oneCodePoint(it.subs[0]); ok && (best < 0 || it.max > items[best].max) {
			best, bestSet = i, set
		}
	}
	if best < 0 {
		return re
	}
	fixed := 0
	for i, it := range items {
		if i == best {
			continue
		}
		n, ok := fixedLen(it)
		if !ok {
			return re
		}
		fixed += n
	}
	if fixed > maxFixed {
		return re
	}
	c.minLen, c.maxLen = fixed+items[best].min, fixed+items[best].max
	star := &node{kind: kRepeat, pos: items[best].pos, min: 0, max: -1, subs: []*node{{kind: kSet, set: bestSet}}}
	if len(items) == 1 {
		return star
	}
	subs := slices.Clone(items)
	subs[best] = star
	return &node{kind: kConcat, pos: re.pos, subs: subs}
}

// maxFixed bounds the fixed lengths fixedLen computes, well below overflow.
const maxFixed = 1 << 40

// oneCodePoint reports whether n matches exactly one code point, of set.
func oneCodePoint(n *node) (runeSet, bool) {
	switch n.kind {
	case kSet:
		return n.set, true
	case kConcat:
		if len(n.subs) == 1 {
			return oneCodePoint(n.subs[0])
		}
	case kAlt:
		var set runeSet
		for _, s := range n.subs {
			ss, ok := oneCodePoint(s)
			if !ok {
				return nil, false
			}
			set = set.union(ss)
		}
		return set, len(n.subs) > 0
	case kRepeat:
		if n.min == 1 && n.max == 1 {
			return oneCodePoint(n.subs[0])
		}
	}
	return nil, false
}

// fixedLen returns the number of code points of every value n matches, if
// they all have the same, at most maxFixed.
func fixedLen(n *node) (int, bool) {
	switch n.kind {
	case kEmpty:
		return 0, true
	case kSet:
		return 1, true
	case kConcat:
		t := 0
		for _, s := range n.subs {
			l, ok := fixedLen(s)
			if !ok || t+l > maxFixed {
				return 0, false
			}
			t += l
		}
		return t, true
	case kAlt:
		l := -1
		for _, s := range n.subs {
			sl, ok := fixedLen(s)
			if !ok || l >= 0 && sl != l {
				return 0, false
			}
			l = sl
		}
		return l, l >= 0
	case kRepeat:
		if n.min != n.max {
			return 0, false
		}
		l, ok := fixedLen(n.subs[0])
		if !ok || l > 0 && n.min > maxFixed/l {
			return 0, false
		}
		return l * n.min, true
	}
	return 0, false
}
