package specrt

import (
	"crypto/rand"
	"encoding/hex"
)

// NewUUID returns a random (version 4, RFC 9562) UUID in its canonical
// 36-character form, read from crypto/rand.
func NewUUID() string {
	var u [16]byte
	_, _ = rand.Read(u[:])  // crypto/rand.Read never fails (Go 1.24+)
	u[6] = u[6]&0x0f | 0x40 // version 4
	u[8] = u[8]&0x3f | 0x80 // variant 10
	var s [36]byte
	hex.Encode(s[0:8], u[0:4])
	s[8] = '-'
	hex.Encode(s[9:13], u[4:6])
	s[13] = '-'
	hex.Encode(s[14:18], u[6:8])
	s[18] = '-'
	hex.Encode(s[19:23], u[8:10])
	s[23] = '-'
	hex.Encode(s[24:], u[10:])
	return string(s[:])
}

// IdempotencyToken returns a pointer to a fresh NewUUID, the value generated
// clients put into an idempotency-token member the caller left empty.
func IdempotencyToken() *string {
	s := NewUUID()
	return &s
}

// IdempotencyToken returns the value a generated client puts into an
// idempotency-token member the caller left empty: Options.IdempotencyTokens
// when set, a fresh random UUID otherwise.
func (c *Client) IdempotencyToken() *string {
	if f := c.cfg.opts.IdempotencyTokens; f != nil {
		s := f()
		return &s
	}
	return IdempotencyToken()
}

// NeedsToken reports whether an idempotency-token member is empty: unset, or
// set to the empty string.
func NeedsToken(s *string) bool { return s == nil || *s == "" }
