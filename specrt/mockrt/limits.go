package mockrt

// The bounds on what a mock keeps, so that a long run or a hostile client
// meets the service's quota error instead of exhausting memory.

// DefaultMaxResources is how many resources a mock keeps in one collection
// (the items one create operation stores) unless told otherwise.
const DefaultMaxResources = 100000

// DefaultMaxStoreBytes is how many bytes of resources (their stored outputs,
// state and idempotency tokens, see Store.Bytes) a mock keeps unless told
// otherwise: 256 MiB.
const DefaultMaxStoreBytes = 256 << 20

// DefaultRecordBytes is how many bytes of request bodies the request records
// keep in all unless told otherwise: 64 MiB. Older records are dropped first.
const DefaultRecordBytes = 64 << 20

// WithMaxResources sets how many resources one collection keeps (default
// 100000); a create past it is answered with the operation's quota error
// (the spec's quotaExceeded). 0 means no limit.
func WithMaxResources(n int) Option {
	return func(o *options) { o.storeLimits.items = max(n, 0) }
}

// WithMaxStoreBytes sets how many bytes of resources the mock keeps in all
// (default 256 MiB), counted as Store.Bytes counts them; a create past it is
// answered with the operation's quota error. 0 means no limit.
func WithMaxStoreBytes(n int64) Option {
	return func(o *options) { o.storeLimits.bytes = max(n, 0) }
}

// WithRecordBytes sets how many bytes of request bodies the request records
// keep in all (default 64 MiB); the oldest records are dropped first, as
// when there are more than WithRecordLimit records. The newest record is
// always kept. 0 means no limit.
func WithRecordBytes(n int64) Option {
	return func(o *options) { o.recordBytes = max(n, 0) }
}
