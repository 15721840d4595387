package model

// Issue 9's additions: the traits of imported service models that the
// format carries (see specs/README.md).

// Document is the kind of a shape holding any JSON value.
const Document Kind = "document"

// The timestamp formats a timestamp shape or member may name. A body member
// without one travels as EpochSecondsFormat, the JSON protocols' default.
const (
	EpochSecondsFormat = "epoch-seconds"
	ISO8601Format      = "iso8601"
	HTTPDateFormat     = "http-date"
)

// IsFloat reports whether k is float or double.
func (k Kind) IsFloat() bool { return k == Float || k == Double }

// Deprecation marks an operation, shape or member as deprecated.
type Deprecation struct {
	// Message is what the model says to use instead; "" when it only says
	// that the thing is deprecated.
	Message string
}

// Traits are the facts about a shape that only documentation and
// validation use.
type Traits struct {
	// Union is true for a structure of which exactly one member is set; its
	// Rules then start with a oneOf of every member.
	Union      bool
	Deprecated *Deprecation
	// TimestampFormat is the wire format of a timestamp shape, "" when the
	// protocol's default applies.
	TimestampFormat string
	// UnenforcedPattern is a pattern kept as documentation because the
	// pattern compiler refuses it (patternEnforced: false); Pattern is nil.
	UnenforcedPattern string
}

// MemberTraits are the facts about a member that only documentation and the
// wire encoding use.
type MemberTraits struct {
	Deprecated *Deprecation
	// TimestampFormat is the wire format of a timestamp member: its own, or
	// its shape's, or "" for the protocol's default.
	TimestampFormat string
}

// OperationTraits are the facts about an operation that later engines use.
type OperationTraits struct {
	Deprecated *Deprecation
	// ReadOnly and Idempotent are carried over from the model for the
	// resource engine of a later issue.
	ReadOnly, Idempotent bool
	// RequestCompression lets the client gzip large request bodies.
	RequestCompression bool
	// ChecksumRequired makes the client send the body's MD5 in Content-MD5.
	ChecksumRequired bool
	// Paginator is nil when the operation does not page.
	Paginator *Paginator
}

// MemberPath is a chain of members, each one of the previous one's
// structure: a dotted path of a paginator (NextToken, a.b).
type MemberPath []*Member

// Last is the member the path ends at.
func (p MemberPath) Last() *Member { return p[len(p)-1] }

// Paginator says how an operation's results come in pages: the client sets
// InputTokens[i] from OutputTokens[i] of the previous page.
type Paginator struct {
	// GoName is the paginator type (ListServicesPaginator), NewFunc its
	// constructor (NewListServicesPaginator).
	GoName, NewFunc string
	InputTokens     []*Member // members of the input, strings
	OutputTokens    []MemberPath
	LimitKey        *Member      // nil when the operation takes no page size
	ResultKeys      []MemberPath // the lists (or maps) the pages hold
	MoreResults     MemberPath   // a boolean saying more pages follow; nil when absent
	// NonAggregateKeys are output paths whose value is the same on every
	// page, not a part of the results; kept as data.
	NonAggregateKeys []MemberPath
}

// Waiter polls an operation until its acceptors say to stop. Waiters are
// kept as data for the mock engine of a later issue; no code is generated
// from them.
type Waiter struct {
	Pos         Pos
	Name        string
	Operation   *Operation
	Delay       int // seconds between attempts
	MaxAttempts int
	Acceptors   []*Acceptor
}

// Acceptor is one condition of a waiter.
type Acceptor struct {
	State    string // success, failure or retry
	Matcher  string // path, pathAll, pathAny, status or error
	Argument string // a JMESPath expression for the path matchers
	Expected any    // string, int64, float64 or bool
}

// BoundTimeFormat is the format of a timestamp member bound to a header,
// a query parameter or a path label when it is not the binding's default
// (an HTTP date in a header, RFC 3339 elsewhere); "" otherwise.
func (m *Member) BoundTimeFormat() string {
	if m.Shape == nil || m.Shape.Kind != Timestamp || m.TimestampFormat == "" {
		return ""
	}
	def := ISO8601Format
	switch m.Location {
	case LocHeader:
		def = HTTPDateFormat
	case LocQuery, LocURI:
	default:
		return ""
	}
	if m.TimestampFormat == def {
		return ""
	}
	return m.TimestampFormat
}
