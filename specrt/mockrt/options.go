package mockrt

import (
	"log/slog"
	"strings"
	"time"
)

// DefaultBodyLimit is the largest request body a mock reads unless told
// otherwise: 1 MiB.
const DefaultBodyLimit = 1 << 20

// DefaultRecordLimit is how many request records a mock keeps unless told
// otherwise; older records are dropped first.
const DefaultRecordLimit = 10000

// The default identity of a mock: resources it creates carry this region and
// account in their ARNs.
const (
	DefaultRegion    = "us-east-1"
	DefaultAccountID = "123456789012"
)

// Option configures a Server.
type Option func(*options)

type options struct {
	region, account string
	bodyLimit       int64
	recordLimit     int
	recordBytes     int64
	storeLimits     storeLimits
	creds           map[string]string // access key id → secret access key
	logger          *slog.Logger
	now             func() time.Time
	limits          connLimits
}

func defaultOptions() options {
	return options{
		region:      DefaultRegion,
		account:     DefaultAccountID,
		bodyLimit:   DefaultBodyLimit,
		recordLimit: DefaultRecordLimit,
		recordBytes: DefaultRecordBytes,
		storeLimits: storeLimits{DefaultMaxResources, DefaultMaxStoreBytes},
		now:         time.Now,
		limits:      defaultConnLimits(),
	}
}

// WithRegion sets the region the mock pretends to be in (default us-east-1).
// With credentials configured, signatures must be scoped to it.
func WithRegion(region string) Option { return func(o *options) { o.region = region } }

// WithAccountID sets the account id used in ARNs (default 123456789012).
func WithAccountID(id string) Option { return func(o *options) { o.account = id } }

// WithBodyLimit sets the largest request body accepted, in bytes (default
// 1 MiB); a larger body is answered 413.
func WithBodyLimit(n int64) Option { return func(o *options) { o.bodyLimit = n } }

// WithRecordLimit sets how many request records are kept (default 10000); 0
// keeps none.
func WithRecordLimit(n int) Option { return func(o *options) { o.recordLimit = n } }

// WithCredentials makes the mock verify SigV4 signatures and accept the given
// key pair; repeat it to accept several. Without it, any credentials, and
// none, are accepted.
func WithCredentials(accessKeyID, secretAccessKey string) Option {
	return func(o *options) {
		if o.creds == nil {
			o.creds = map[string]string{}
		}
		o.creds[accessKeyID] = secretAccessKey
	}
}

// WithLogger makes the mock log one line per request.
func WithLogger(l *slog.Logger) Option { return func(o *options) { o.logger = l } }

// WithClock replaces time.Now, for timestamps in outputs and the signature
// expiry check.
func WithClock(now func() time.Time) Option { return func(o *options) { o.now = now } }

// WithReadTimeout bounds the time to read a whole request, header and
// body, on the servers NewHTTPServer and StartTest build (default 30 s);
// a client that sends its body slower is cut off. Zero or less means none.
func WithReadTimeout(d time.Duration) Option { return func(o *options) { o.limits.read = d } }

// WithWriteTimeout bounds the time from the end of a request's header to
// the end of its answer, added latency included (default 60 s): a client
// that stops reading the answer is cut off. Zero or less means none.
func WithWriteTimeout(d time.Duration) Option { return func(o *options) { o.limits.write = d } }

// WithIdleTimeout bounds how long a keep-alive connection may wait for its
// next request (default 30 s). Zero or less means the read timeout bounds
// it, as in net/http.
func WithIdleTimeout(d time.Duration) Option { return func(o *options) { o.limits.idle = d } }

// WithMaxConns bounds how many connections the listeners of Listen and
// StartTest keep open at once (default 1024); past it, new connections wait
// in the listen queue until one closes. Zero or less means no bound.
func WithMaxConns(n int) Option { return func(o *options) { o.limits.maxConns = n } }

// partition is the ARN partition of region.
func partition(region string) string {
	switch {
	case strings.HasPrefix(region, "cn-"):
		return "aws-cn"
	case strings.HasPrefix(region, "us-gov-"):
		return "aws-us-gov"
	case strings.HasPrefix(region, "us-iso-"):
		return "aws-iso"
	case strings.HasPrefix(region, "us-isob-"):
		return "aws-iso-b"
	}
	return "aws"
}
