package pattern

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"slices"
	"sort"
)

// Limits that keep Compile linear-ish and bounded on any input.
const (
	maxNFAStates = 200000   // Thompson states after expanding counted repeats
	maxDFAStates = 10000    // states of any intermediate or final DFA
	maxClasses   = 1000     // character classes of the alphabet
	maxCells     = 2 << 20  // states × classes of any DFA table
	maxWork      = 40000000 // steps of all automaton constructions of one pattern
	maxBranches  = 64       // alternatives that carry their own lookaheads
)

// budget counts the work left for compiling one pattern, so that no input,
// however many lookaheads and repeats it has, takes long; and the work left
// for the patterns of a spec together (see Budget).
type budget struct {
	left   int // steps left for this pattern
	shared int // steps left for the spec
}

func (b *budget) spend(n int) error {
	b.left -= n
	b.shared -= n
	switch {
	case b.left < 0:
		return tooComplex("steps building the automaton", maxWork)
	case b.shared < 0:
		return errSpecSteps
	}
	return nil
}

func tooComplex(what string, limit int) *Error {
	return &Error{Offset: 0, Msg: fmt.Sprintf("pattern too complex: more than %d %s", limit, what)}
}

// alphabet partitions the code points into classes such that every set of
// the pattern is a union of classes.
type alphabet struct {
	bounds []rune  // elementary intervals: [bounds[i], bounds[i+1]) (last ends at MaxRune)
	cls    []int32 // class of each elementary interval
	n      int     // number of classes
}

func newAlphabet(sets []runeSet) (*alphabet, error) {
	// Elementary intervals from all boundaries.
	bs := []rune{0}
	for _, s := range sets {
		for _, r := range s {
			bs = append(bs, r.lo)
			if r.hi < maxRune {
				bs = append(bs, r.hi+1)
			}
		}
	}
	slices.Sort(bs)
	bs = slices.Compact(bs)
	a := &alphabet{bounds: bs, cls: make([]int32, len(bs))}
	// Refine: each set splits every class it touches into inside and outside.
	next := int32(1)
	remap := map[int32]int32{}
	seen := map[string]bool{}
	for _, s := range sets {
		k := s.key()
		if seen[k] {
			continue
		}
		seen[k] = true
		clear(remap)
		for _, r := range s {
			for i := a.interval(r.lo); i < len(bs) && bs[i] <= r.hi; i++ {
				old := a.cls[i]
				nw, ok := remap[old]
				if !ok {
					nw = next
					next++
					remap[old] = nw
				}
				a.cls[i] = nw
			}
		}
	}
	// Renumber classes densely, in order of their smallest code point.
	dense := map[int32]int32{}
	for i, c := range a.cls {
		d, ok := dense[c]
		if !ok {
			d = int32(len(dense))
			dense[c] = d
		}
		a.cls[i] = d
	}
	a.n = len(dense)
	if a.n > maxClasses {
		return nil, tooComplex("character classes", maxClasses)
	}
	return a, nil
}

const maxRune = 0x10FFFF

// interval returns the index of the elementary interval holding r.
func (a *alphabet) interval(r rune) int {
	return sort.Search(len(a.bounds), func(i int) bool { return a.bounds[i] > r }) - 1
}

// classesOf returns the classes making up s.
func (a *alphabet) classesOf(s runeSet) bitset {
	b := newBitset(a.n)
	for _, r := range s {
		for i := a.interval(r.lo); i < len(a.bounds) && a.bounds[i] <= r.hi; i++ {
			b.set(int(a.cls[i]))
		}
	}
	return b
}

// classSets returns the code points of each class.
func (a *alphabet) classSets() []runeSet {
	out := make([]runeSet, a.n)
	for i, c := range a.cls {
		hi := rune(maxRune)
		if i+1 < len(a.bounds) {
			hi = a.bounds[i+1] - 1
		}
		out[c] = append(out[c], runeRange{a.bounds[i], hi})
	}
	for i := range out {
		out[i] = normalize(out[i])
	}
	return out
}

type bitset []uint64

func newBitset(n int) bitset { return make(bitset, (n+63)/64) }
func (b bitset) set(i int)   { b[i/64] |= 1 << (i % 64) }
func (b bitset) each(f func(int)) {
	for w, x := range b {
		for x != 0 {
			t := x & -x
			f(w*64 + bits.TrailingZeros64(x))
			x ^= t
		}
	}
}

// nfa is a Thompson automaton over classes. A state either reads one class
// of set and goes to out, or (set < 0) moves without reading to each of eps.
type nfa struct {
	states []nstate
	sets   []bitset
}

type nstate struct {
	set int32 // index into sets, or -1 for an epsilon state
	out int32
	eps []int32
}

// nfaSize estimates the Thompson states needed for n, saturating.
func nfaSize(n *node) int {
	sat := func(v int) int { return min(v, maxNFAStates+1) }
	switch n.kind {
	case kSet:
		return 1
	case kConcat:
		t := 0
		for _, s := range n.subs {
			t = sat(t + nfaSize(s))
		}
		return t
	case kAlt:
		t := 1
		for _, s := range n.subs {
			t = sat(t + nfaSize(s))
		}
		return t
	case kRepeat:
		s := nfaSize(n.subs[0])
		copies := n.max
		if copies < 0 {
			copies = n.min + 1
		}
		return sat(s*copies + copies + 1)
	}
	return 0
}

type nfaBuilder struct {
	a        *alphabet
	nfa      *nfa
	setIDs   map[string]int32 // by runeSet.key
	nodeSets map[*node]int32  // the same, by node: repeats build a node many times
}

func (b *nfaBuilder) add(s nstate) int32 {
	b.nfa.states = append(b.nfa.states, s)
	return int32(len(b.nfa.states) - 1)
}

// build adds n followed by the state next, returning n's start state.
func (b *nfaBuilder) build(n *node, next int32) int32 {
	switch n.kind {
	case kEmpty:
		return next
	case kSet:
		id, ok := b.nodeSets[n]
		if !ok {
			k := n.set.key()
			if id, ok = b.setIDs[k]; !ok {
				id = int32(len(b.nfa.sets))
				b.nfa.sets = append(b.nfa.sets, b.a.classesOf(n.set))
				b.setIDs[k] = id
			}
			b.nodeSets[n] = id
		}
		return b.add(nstate{set: id, out: next})
	case kConcat:
		for i := len(n.subs) - 1; i >= 0; i-- {
			next = b.build(n.subs[i], next)
		}
		return next
	case kAlt:
		eps := make([]int32, len(n.subs))
		for i, s := range n.subs {
			eps[i] = b.build(s, next)
		}
		return b.add(nstate{set: -1, eps: eps})
	case kRepeat:
		sub := n.subs[0]
		tail := next
		if n.max < 0 {
			loop := b.add(nstate{set: -1})
			body := b.build(sub, loop)
			b.nfa.states[loop].eps = []int32{body, next}
			tail = loop
		} else {
			// x{0,k} = (x(x(...)?)?)?: each optional copy may skip to next.
			for i := n.min; i < n.max; i++ {
				body := b.build(sub, tail)
				tail = b.add(nstate{set: -1, eps: []int32{body, next}})
			}
		}
		for i := 0; i < n.min; i++ {
			tail = b.build(sub, tail)
		}
		return tail
	}
	panic("pattern: unexpected node in build")
}

// dfa is a complete deterministic automaton over classes 0..k-1.
type dfa struct {
	k      int
	trans  []int32 // trans[s*k+c]
	accept []bool
	start  int32
}

func (d *dfa) n() int { return len(d.accept) }

func (d *dfa) next(s int32, c int) int32 { return d.trans[int(s)*d.k+c] }

func checkCells(states, k int) error {
	if states > maxDFAStates {
		return tooComplex("states", maxDFAStates)
	}
	if states*k > maxCells {
		return tooComplex("table cells (states × character classes)", maxCells)
	}
	return nil
}

// compileRegex turns a node free of assertions into a minimal DFA.
func compileRegex(a *alphabet, n *node, bud *budget) (*dfa, error) {
	if nfaSize(n) > maxNFAStates {
		return nil, tooComplex("automaton states after expanding repeats", maxNFAStates)
	}
	b := &nfaBuilder{a: a, nfa: &nfa{}, setIDs: map[string]int32{}, nodeSets: map[*node]int32{}}
	final := b.add(nstate{set: -1})
	start := b.build(n, final)
	if err := bud.spend(len(b.nfa.states)); err != nil {
		return nil, err
	}
	d, err := determinize(b.nfa, start, final, a.n, bud)
	if err != nil {
		return nil, err
	}
	return minimize(d, bud)
}

func determinize(m *nfa, start, final int32, k int, bud *budget) (*dfa, error) {
	work := 0
	mark := make([]int32, len(m.states)) // closure visit stamps
	stamp := int32(0)
	var stack []int32
	closure := func(seeds []int32) []int32 {
		stamp++
		var out []int32
		stack = append(stack[:0], seeds...)
		for _, s := range seeds {
			mark[s] = stamp
		}
		for len(stack) > 0 {
			s := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			work++
			st := &m.states[s]
			if st.set >= 0 || s == final {
				out = append(out, s)
			}
			for _, e := range st.eps {
				if mark[e] != stamp {
					mark[e] = stamp
					stack = append(stack, e)
				}
			}
		}
		slices.Sort(out)
		return out
	}
	// A DFA state is a sorted set of NFA states, kept only as its key: the
	// deltas between members as uvarints. Its members are decoded when the
	// state is expanded.
	var keyBuf []byte
	key := func(set []int32) string {
		keyBuf = keyBuf[:0]
		prev := int32(-1)
		for _, s := range set {
			keyBuf = binary.AppendUvarint(keyBuf, uint64(s-prev))
			prev = s
		}
		return string(keyBuf)
	}
	decode := func(k string, into []int32) []int32 {
		into = into[:0]
		prev := int32(-1)
		for i := 0; i < len(k); {
			v, n := binary.Uvarint([]byte(k[i:]))
			i += n
			prev += int32(v)
			into = append(into, prev)
		}
		return into
	}
	d := &dfa{k: k}
	index := map[string]int32{}
	var keys []string
	intern := func(set []int32) (int32, error) {
		kk := key(set)
		if id, ok := index[kk]; ok {
			return id, nil
		}
		id := int32(len(keys))
		if err := checkCells(int(id)+1, k); err != nil {
			return 0, err
		}
		index[kk] = id
		keys = append(keys, kk)
		d.accept = append(d.accept, slices.Contains(set, final))
		d.trans = append(d.trans, make([]int32, k)...)
		return id, nil
	}
	if _, err := intern(closure([]int32{start})); err != nil {
		return nil, err
	}
	var members []int32
	buckets := make([][]int32, k)
	for i := 0; i < len(keys); i++ {
		for c := range buckets {
			buckets[c] = buckets[c][:0]
		}
		members = decode(keys[i], members)
		for _, s := range members {
			st := &m.states[s]
			if st.set < 0 {
				continue
			}
			m.sets[st.set].each(func(c int) {
				work++
				buckets[c] = append(buckets[c], st.out)
			})
		}
		for c := range buckets {
			id, err := intern(closure(buckets[c]))
			if err != nil {
				return nil, err
			}
			d.trans[i*k+c] = id
		}
		// Sorting and hashing the sets costs about as much as finding them.
		if err := bud.spend(2*work + k); err != nil {
			return nil, err
		}
		work = 0
	}
	d.start = 0
	return d, nil
}

// minimize returns the minimal complete DFA for d's language, its states
// numbered in breadth-first order from the start state.
func minimize(d *dfa, bud *budget) (*dfa, error) {
	k := d.k
	if err := bud.spend(d.n() * k * (2 + bits.Len(uint(d.n())))); err != nil {
		return nil, err
	}
	// Reachable states only.
	reach := make([]int32, d.n())
	for i := range reach {
		reach[i] = -1
	}
	var order []int32
	reach[d.start] = 0
	order = append(order, d.start)
	for i := 0; i < len(order); i++ {
		for c := 0; c < k; c++ {
			t := d.next(order[i], c)
			if reach[t] < 0 {
				reach[t] = int32(len(order))
				order = append(order, t)
			}
		}
	}
	n := len(order)
	trans := make([]int32, n*k)
	accept := make([]bool, n)
	for i, s := range order {
		accept[i] = d.accept[s]
		for c := 0; c < k; c++ {
			trans[i*k+c] = reach[d.next(s, c)]
		}
	}
	block := hopcroft(n, k, trans, accept)
	// Number blocks breadth-first from the start.
	num := map[int32]int32{}
	var reps []int32
	num[block[0]] = 0
	reps = append(reps, 0)
	for i := 0; i < len(reps); i++ {
		for c := 0; c < k; c++ {
			b := block[trans[int(reps[i])*k+c]]
			if _, ok := num[b]; !ok {
				num[b] = int32(len(reps))
				reps = append(reps, trans[int(reps[i])*k+c])
			}
		}
	}
	out := &dfa{k: k, trans: make([]int32, len(reps)*k), accept: make([]bool, len(reps))}
	for i, s := range reps {
		out.accept[i] = accept[s]
		for c := 0; c < k; c++ {
			out.trans[i*k+c] = num[block[trans[int(s)*k+c]]]
		}
	}
	return out, nil
}

// hopcroft computes the coarsest partition of the (complete, reachable)
// automaton compatible with accept, returning each state's block.
func hopcroft(n, k int, trans []int32, accept []bool) []int32 {
	// Inverse transitions, per class, in CSR form: pre[c][t] lists s with s -c-> t.
	invStart := make([]int32, k*(n+1))
	for s := 0; s < n; s++ {
		for c := 0; c < k; c++ {
			invStart[c*(n+1)+int(trans[s*k+c])+1]++
		}
	}
	for c := 0; c < k; c++ {
		base := c * (n + 1)
		for t := 1; t <= n; t++ {
			invStart[base+t] += invStart[base+t-1]
		}
	}
	inv := make([]int32, n*k)
	fill := make([]int32, k*(n+1))
	copy(fill, invStart)
	for s := 0; s < n; s++ {
		for c := 0; c < k; c++ {
			i := c*(n+1) + int(trans[s*k+c])
			inv[int(c)*n+int(fill[i])] = int32(s)
			fill[i]++
		}
	}
	pre := func(c int, t int32) []int32 {
		base := c * (n + 1)
		return inv[c*n+int(invStart[base+int(t)]) : c*n+int(invStart[base+int(t)+1])]
	}

	// Refinable partition: elems grouped by block; blocks are [first, end).
	elems := make([]int32, n)
	loc := make([]int32, n)
	blk := make([]int32, n)
	var first, end, marked []int32
	newBlock := func(f, e int32) int32 {
		first = append(first, f)
		end = append(end, e)
		marked = append(marked, 0)
		return int32(len(first) - 1)
	}
	i := 0
	for s := 0; s < n; s++ {
		if accept[s] {
			elems[i] = int32(s)
			i++
		}
	}
	nAcc := i
	for s := 0; s < n; s++ {
		if !accept[s] {
			elems[i] = int32(s)
			i++
		}
	}
	for i, s := range elems {
		loc[s] = int32(i)
	}
	type splitter struct {
		b int32
		c int
	}
	var work []splitter
	var inWork []bool // inWork[b*k+c]
	addWork := func(b int32, c int) {
		for int(b)*k+c >= len(inWork) {
			inWork = append(inWork, make([]bool, k)...)
		}
		if !inWork[int(b)*k+c] {
			inWork[int(b)*k+c] = true
			work = append(work, splitter{b, c})
		}
	}
	var blocks []int32
	if nAcc > 0 {
		blocks = append(blocks, newBlock(0, int32(nAcc)))
	}
	if nAcc < n {
		blocks = append(blocks, newBlock(int32(nAcc), int32(n)))
	}
	for _, b := range blocks {
		for j := first[b]; j < end[b]; j++ {
			blk[elems[j]] = b
		}
	}
	if len(blocks) == 2 {
		small := blocks[0]
		if end[1]-first[1] < end[0]-first[0] {
			small = blocks[1]
		}
		for c := 0; c < k; c++ {
			addWork(small, c)
		}
	}
	var touched []int32
	var members []int32
	for len(work) > 0 {
		sp := work[len(work)-1]
		work = work[:len(work)-1]
		inWork[int(sp.b)*k+sp.c] = false
		// Snapshot the splitter's members: splitting may move them.
		members = append(members[:0], elems[first[sp.b]:end[sp.b]]...)
		touched = touched[:0]
		for _, t := range members {
			for _, s := range pre(sp.c, t) {
				b := blk[s]
				// Move s to the marked prefix of its block.
				m := first[b] + marked[b]
				if loc[s] < m {
					continue // already marked
				}
				if marked[b] == 0 {
					touched = append(touched, b)
				}
				other := elems[m]
				elems[m], elems[loc[s]] = s, other
				loc[other], loc[s] = loc[s], m
				marked[b]++
			}
		}
		for _, b := range touched {
			m := marked[b]
			marked[b] = 0
			if m == end[b]-first[b] {
				continue // whole block marked: no split
			}
			// Split off the marked prefix as a new block.
			nb := newBlock(first[b], first[b]+m)
			first[b] += m
			for j := first[nb]; j < end[nb]; j++ {
				blk[elems[j]] = nb
			}
			small := nb
			if end[b]-first[b] < end[nb]-first[nb] {
				small = b
			}
			for c := 0; c < k; c++ {
				if int(b)*k+c < len(inWork) && inWork[int(b)*k+c] {
					addWork(nb, c)
				} else {
					addWork(small, c)
				}
			}
		}
	}
	return blk
}

// product combines two DFAs over the same classes; keep decides acceptance.
func product(x, y *dfa, keep func(a, b bool) bool, bud *budget) (*dfa, error) {
	k := x.k
	d := &dfa{k: k}
	index := map[[2]int32]int32{}
	var pairs [][2]int32
	intern := func(p [2]int32) (int32, error) {
		if id, ok := index[p]; ok {
			return id, nil
		}
		id := int32(len(pairs))
		if err := checkCells(int(id)+1, k); err != nil {
			return 0, err
		}
		if err := bud.spend(k); err != nil {
			return 0, err
		}
		index[p] = id
		pairs = append(pairs, p)
		d.accept = append(d.accept, keep(x.accept[p[0]], y.accept[p[1]]))
		d.trans = append(d.trans, make([]int32, k)...)
		return id, nil
	}
	if _, err := intern([2]int32{x.start, y.start}); err != nil {
		return nil, err
	}
	for i := 0; i < len(pairs); i++ {
		p := pairs[i]
		for c := 0; c < k; c++ {
			id, err := intern([2]int32{x.next(p[0], c), y.next(p[1], c)})
			if err != nil {
				return nil, err
			}
			d.trans[i*k+c] = id
		}
	}
	return minimize(d, bud)
}
