package mockrt

import (
	"sync"
	"time"
)

// Clock is the time a mock's resources live by: when a status moves on
// (CREATING to ACTIVE, DELETING to gone) is measured on it. Tests that want
// to decide when statuses move give the mock a ManualClock:
// WithClock(clock.Now).
type Clock interface {
	Now() time.Time
}

// ManualClock is a Clock that moves only when told to, for tests that
// advance time by hand. The zero value starts at the Unix epoch; it is safe
// for concurrent use.
type ManualClock struct {
	mu  sync.Mutex
	now time.Time
}

// NewManualClock returns a clock that stands at start.
func NewManualClock(start time.Time) *ManualClock { return &ManualClock{now: start} }

// Now returns the clock's time.
func (c *ManualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.now.IsZero() {
		return time.Unix(0, 0).UTC()
	}
	return c.now
}

// Advance moves the clock forward by d.
func (c *ManualClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.now.IsZero() {
		c.now = time.Unix(0, 0).UTC()
	}
	c.now = c.now.Add(d)
}

// DefaultTransitionDelay is how long a status takes to move when the spec
// gives no delay: short, so that an SDK waiter polling the mock finishes
// on its first or second retry.
const DefaultTransitionDelay = time.Second

// WithTransitionDelay makes every status transition take d instead of the
// spec's delay; zero makes transitions immediate, so that a resource is
// ready as soon as its create returns.
func WithTransitionDelay(d time.Duration) Option {
	return func(o *options) { o.transitionDelay = &d }
}
