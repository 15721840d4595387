package pattern

// Example returns a shortest string the DFA matches whose length in code
// points is at least minLen and at most maxLen (maxLen < 0: no bound), and
// false when there is none within the search bound. It is for generated
// values that must conform to a shape (a mock's answer), not for testing
// the matcher. Each step takes a readable character of its class where the
// class has one (letters, digits, then other printable ASCII).
func (d *DFA) Example(minLen, maxLen int) (string, bool) {
	if len(d.accept) == 0 {
		return "", false
	}
	if minLen < d.minLen {
		minLen = d.minLen
	}
	if d.maxLen >= 0 && (maxLen < 0 || d.maxLen < maxLen) {
		maxLen = d.maxLen
	}
	// A shortest string of at least minLen needs no more than minLen steps
	// plus one pass through every state.
	limit := minLen + len(d.accept) + 1
	if maxLen >= 0 && maxLen < limit {
		limit = maxLen
	}
	reps := d.representatives()
	type step struct {
		prev  int32 // index into the previous layer, -1 for the start
		state int32
		r     rune
	}
	layers := [][]step{{{prev: -1, state: 0}}}
	for n := 0; n <= limit; n++ {
		cur := layers[n]
		if n >= minLen {
			for i, s := range cur {
				if d.accept[s.state] {
					rs := make([]rune, n)
					for l := n; l > 0; l-- {
						rs[l-1] = layers[l][i].r
						i = int(layers[l][i].prev)
					}
					return string(rs), true
				}
			}
		}
		if n == limit {
			break
		}
		seen := map[int32]bool{}
		var next []step
		for i, s := range cur {
			for c, r := range reps {
				if r < 0 {
					continue
				}
				t := d.trans[int(s.state)*d.k+c]
				if t < 0 || seen[t] {
					continue
				}
				seen[t] = true
				next = append(next, step{prev: int32(i), state: t, r: r})
			}
		}
		if len(next) == 0 {
			break
		}
		layers = append(layers, next)
	}
	return "", false
}

// readable is the order in which a class's character is preferred.
const readable = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-_.:/=+@ !#$%&'()*,;<>?[]^`{|}~\"\\"

// representatives picks one character of each class, or -1 for a class
// with none that can be written.
func (d *DFA) representatives() []rune {
	reps := make([]rune, d.k)
	for c := range reps {
		reps[c] = -1
	}
	for _, b := range []byte(readable) {
		if c := d.ascii[b]; c >= 0 && int(c) < d.k && reps[c] < 0 {
			reps[c] = rune(b)
		}
	}
	for _, u := range d.upper {
		if int(u.c) < d.k && reps[u.c] < 0 && u.lo <= u.hi {
			r := u.lo
			if r < 0xA0 {
				r = 0xA0 // past the C1 controls
			}
			if r <= u.hi && !(r >= 0xD800 && r <= 0xDFFF) {
				reps[u.c] = r
			}
		}
	}
	return reps
}
