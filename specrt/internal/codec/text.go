package codec

import "unsafe"

// textChunk is the largest chunk of text Text copies strings into.
const textChunk = 8 << 10

// Text holds the strings of one decoded body, copied into shared chunks of
// text of up to 8 KiB: a decoded value keeps its strings' chunks alive, not
// the body, at a fraction of the allocations of a string at a time. The
// zero value is ready to use; a Text is not safe for concurrent use.
type Text struct {
	chunk []byte // never written twice
}

// String returns a copy of s, not empty, in the current chunk. remaining is
// how much of the body is still to come: it bounds the text still to come,
// so a new chunk is no larger than it (nor than 8 KiB, unless s is).
func (t *Text) String(s []byte, remaining int) string {
	if len(s) > cap(t.chunk)-len(t.chunk) {
		t.chunk = make([]byte, 0, max(len(s), min(remaining, textChunk)))
	}
	start := len(t.chunk)
	t.chunk = append(t.chunk, s...)
	return unsafe.String(&t.chunk[start], len(s))
}
