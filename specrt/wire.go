package specrt

import (
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/aws/smithy-go"

	"github.com/specgen/specgen/specrt/protocol"
	"github.com/specgen/specgen/specrt/schema"
)

// Header names used by the protocols.
const (
	HeaderErrorType   = "X-Amzn-ErrorType"
	HeaderRequestID   = "X-Amzn-RequestId"
	HeaderS3RequestID = "X-Amz-Request-Id"
	HeaderContentType = "Content-Type"
	HeaderRetryAfter  = "Retry-After"
	// HeaderQueryMode tells an awsQuery-compatible service that the client
	// reads its errors' query codes.
	HeaderQueryMode = "X-Amzn-Query-Mode"
	// HeaderQueryError carries an awsQuery-compatible service's error code
	// under awsQuery and its fault, "Code;Sender" or "Code;Receiver".
	HeaderQueryError = "X-Amzn-Query-Error"
)

// QueryError formats the value of HeaderQueryError.
func QueryError(code, fault string) string { return code + ";" + fault }

// ParseQueryError reads the value of HeaderQueryError: the query code, and
// the fault its second part names (the client's unless it says
// Receiver). ok is false for a value without a code or without the
// separator.
func ParseQueryError(v string) (code string, fault smithy.ErrorFault, ok bool) {
	code, f, found := strings.Cut(v, ";")
	code = strings.TrimSpace(code)
	if !found || code == "" {
		return "", smithy.FaultUnknown, false
	}
	fault = smithy.FaultClient
	if strings.TrimSpace(f) == protocol.FaultReceiver {
		fault = smithy.FaultServer
	}
	return code, fault, true
}

// RequestID returns the request id of a response: X-Amzn-RequestId, or the
// x-amz-request-id that some services send instead.
func RequestID(h http.Header) string {
	if v := h.Get(HeaderRequestID); v != "" {
		return v
	}
	return h.Get(HeaderS3RequestID)
}

// ErrorBody is the envelope of e as every protocol's error response says
// it: its code, message and fault, the service's (Receiver) when e says so
// or its status is 5xx.
func ErrorBody(e APIError) protocol.ErrorBody {
	fault := protocol.FaultSender
	if e.ErrorFault() == smithy.FaultServer || e.HTTPStatusCode() >= 500 {
		fault = protocol.FaultReceiver
	}
	return protocol.ErrorBody{Code: e.ErrorCode(), Message: e.ErrorMessage(), Fault: fault}
}

// WriteError writes e as an error response to the request m describes
// under protocol p: the documented status, the protocol's response content
// type and error headers, and the body p.EncodeError writes from e's
// envelope and its members, which s describes (s is the shape of e's type;
// nil for none: the body then carries e's code and message only). Members
// bound to headers are not in the body; set them on the response before
// calling WriteError. The request id, when e's metadata has one, goes into
// X-Amzn-RequestId, and into the body's m.RequestID when m has none.
// Headers already set on w are kept.
func WriteError(w http.ResponseWriter, p protocol.Protocol, m *protocol.Message, e APIError, s *schema.Shape) error {
	md := e.ErrorMetadata()
	if md != nil && md.RequestID != "" && m.RequestID == "" {
		mm := *m
		mm.RequestID = md.RequestID
		m = &mm
	}
	var v any
	if s != nil {
		v = e
	}
	body, err := p.EncodeError(m, ErrorBody(e), s, v)
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set(HeaderContentType, p.Identity().ResponseType())
	p.SetErrorHeaders(h, e.ErrorCode())
	if md != nil && md.RequestID != "" {
		h.Set(HeaderRequestID, md.RequestID)
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	status := e.HTTPStatusCode()
	if status == 0 {
		status = http.StatusBadRequest
	}
	w.WriteHeader(status)
	_, err = w.Write(body)
	return err
}

// maxSnippet is how many bytes of an undecodable body an error quotes.
const maxSnippet = 128

// Snippet returns the start of body for an error message: at most maxSnippet
// bytes, cut at a rune boundary, with runs of white space collapsed, so that
// a proxy's HTML page reads as one short line.
func Snippet(body []byte) string {
	cut := len(body) > maxSnippet
	if cut {
		body = body[:maxSnippet]
		for len(body) > 0 && !utf8.Valid(body) {
			body = body[:len(body)-1]
		}
	}
	s := strings.Join(strings.Fields(strings.ToValidUTF8(string(body), "\uFFFD")), " ")
	if cut {
		s += "…"
	}
	return s
}

// HeaderString returns the value of header name, or nil when it is absent.
// Generated code binds header members of errors and outputs with these.
func HeaderString(h http.Header, name string) *string {
	v := h.Values(name)
	if len(v) == 0 {
		return nil
	}
	s := v[0]
	return &s
}

// HeaderInt32 returns header name as an int32, or nil when it is absent or
// not an integer.
func HeaderInt32(h http.Header, name string) *int32 {
	n, err := strconv.ParseInt(strings.TrimSpace(h.Get(name)), 10, 32)
	if err != nil {
		return nil
	}
	v := int32(n)
	return &v
}

// HeaderInt64 returns header name as an int64, or nil when it is absent or
// not an integer.
func HeaderInt64(h http.Header, name string) *int64 {
	n, err := strconv.ParseInt(strings.TrimSpace(h.Get(name)), 10, 64)
	if err != nil {
		return nil
	}
	return &n
}

// HeaderBool returns header name as a bool, or nil when it is absent or not
// "true" or "false".
func HeaderBool(h http.Header, name string) *bool {
	var v bool
	switch strings.ToLower(strings.TrimSpace(h.Get(name))) {
	case "true":
		v = true
	case "false":
	default:
		return nil
	}
	return &v
}

// HeaderTime returns header name as a time, read as an HTTP date (the
// restJson1 default for timestamps in headers), or nil when it is absent or
// malformed.
func HeaderTime(h http.Header, name string) *time.Time {
	t, err := http.ParseTime(strings.TrimSpace(h.Get(name)))
	if err != nil {
		return nil
	}
	return &t
}

// HeaderFloat32 returns header name as a float32, or nil when it is absent
// or not a number; NaN, Infinity and -Infinity are read as such.
func HeaderFloat32(h http.Header, name string) *float32 {
	f, ok := parseWireFloat(h.Get(name), 32)
	if !ok {
		return nil
	}
	v := float32(f)
	return &v
}

// HeaderFloat64 returns header name as a float64, or nil when it is absent
// or not a number; NaN, Infinity and -Infinity are read as such.
func HeaderFloat64(h http.Header, name string) *float64 {
	f, ok := parseWireFloat(h.Get(name), 64)
	if !ok {
		return nil
	}
	return &f
}

func parseWireFloat(s string, bits int) (float64, bool) {
	switch s = strings.TrimSpace(s); s {
	case "NaN":
		return math.NaN(), true
	case "Infinity":
		return math.Inf(1), true
	case "-Infinity":
		return math.Inf(-1), true
	}
	f, err := strconv.ParseFloat(s, bits)
	return f, err == nil
}

// headerList reads a comma-separated header list with parse, or nil when
// the header is absent or an element does not parse.
func headerList[T any](h http.Header, name string, parse func(string) (T, bool)) []T {
	vs := HeaderValues(h, name)
	if vs == nil {
		return nil
	}
	out := make([]T, 0, len(vs))
	for _, v := range vs {
		x, ok := parse(strings.TrimSpace(v))
		if !ok {
			return nil
		}
		out = append(out, x)
	}
	return out
}

// HeaderInt32List returns header name as a list of int32, or nil when it
// is absent or an element is not an integer.
func HeaderInt32List(h http.Header, name string) []int32 {
	return headerList(h, name, func(s string) (int32, bool) {
		n, err := strconv.ParseInt(s, 10, 32)
		return int32(n), err == nil
	})
}

// HeaderInt64List returns header name as a list of int64, or nil when it
// is absent or an element is not an integer.
func HeaderInt64List(h http.Header, name string) []int64 {
	return headerList(h, name, func(s string) (int64, bool) {
		n, err := strconv.ParseInt(s, 10, 64)
		return n, err == nil
	})
}

// HeaderFloat32List returns header name as a list of float32, or nil when
// it is absent or an element is not a number.
func HeaderFloat32List(h http.Header, name string) []float32 {
	return headerList(h, name, func(s string) (float32, bool) {
		f, ok := parseWireFloat(s, 32)
		return float32(f), ok
	})
}

// HeaderFloat64List returns header name as a list of float64, or nil when
// it is absent or an element is not a number.
func HeaderFloat64List(h http.Header, name string) []float64 {
	return headerList(h, name, func(s string) (float64, bool) { return parseWireFloat(s, 64) })
}

// HeaderBoolList returns header name as a list of bool, or nil when it is
// absent or an element is not true or false.
func HeaderBoolList(h http.Header, name string) []bool {
	return headerList(h, name, func(s string) (bool, bool) {
		switch strings.ToLower(s) {
		case "true":
			return true, true
		case "false":
			return false, true
		}
		return false, false
	})
}

// HeaderTimeList returns header name as a list of times, HTTP dates
// separated by commas (each date holds a comma of its own), or nil when it
// is absent or an element is not an HTTP date.
func HeaderTimeList(h http.Header, name string) []time.Time {
	vs := h.Values(name)
	if vs == nil {
		return nil
	}
	var out []time.Time
	for _, v := range vs {
		for _, d := range SplitHeaderDates(v) {
			t, err := http.ParseTime(d)
			if err != nil {
				return nil
			}
			out = append(out, t)
		}
	}
	return out
}

// SplitHeaderDates splits a header list of HTTP dates ("Mon, 16 Dec 2019
// 23:48:18 GMT, Tue, 17 Dec 2019 ..."): the comma after a day name belongs
// to the date, the others separate them.
func SplitHeaderDates(v string) []string {
	var out []string
	parts := strings.Split(v, ",")
	for i := 0; i < len(parts); i++ {
		p := strings.TrimSpace(parts[i])
		if p == "" {
			continue
		}
		if isDayName(p) && i+1 < len(parts) {
			i++
			p += ", " + strings.TrimSpace(parts[i])
		}
		out = append(out, p)
	}
	return out
}

func isDayName(s string) bool {
	switch s {
	case "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun":
		return true
	}
	return false
}

// JoinHeaderDates joins HTTP dates into one header value, unquoted, as
// SplitHeaderDates reads it.
func JoinHeaderDates(dates []string) string { return strings.Join(dates, ", ") }

// RequestBinding collects the members of an input that travel outside the
// JSON body: path labels, query parameters, headers, host labels and a
// payload. Generated code fills it through Operation.BindRequest; the
// client builds the URL, host, headers and body from it once per call.
type RequestBinding struct {
	labels       []string // name, value pairs
	hostLabels   []string // name, value pairs
	query        url.Values
	params       map[string][]string // entries of a query map: a member wins over them
	header       http.Header
	payload      []byte
	payloadSet   bool
	payloadCT    string
	payloadV     any           // a structure or document payload, encoded by the client
	payloadShape *schema.Shape // payloadV's shape; nil for a document
}

// Label sets the value of path label name ({name} or {name+} in the
// operation's path).
func (b *RequestBinding) Label(name, value string) {
	b.labels = append(b.labels, name, value)
}

// Query adds a value of query parameter name.
func (b *RequestBinding) Query(name, value string) {
	if b.query == nil {
		b.query = url.Values{}
	}
	b.query.Add(name, value)
}

// Header adds a value of header name.
func (b *RequestBinding) Header(name, value string) {
	if b.header == nil {
		b.header = http.Header{}
	}
	b.header.Add(name, value)
}

// label returns the value of label name and whether it was set.
func (b *RequestBinding) label(name string) (string, bool) {
	return lookupPair(b.labels, name)
}

// lookupPair finds name in a list of name, value pairs.
func lookupPair(pairs []string, name string) (string, bool) {
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i] == name {
			return pairs[i+1], true
		}
	}
	return "", false
}

// ExpandPath fills the labels of a restJson1 path template ("/services/{id}",
// "/objects/{key+}") from b, and returns the path and its escaped form. A
// label that is unset or empty is an error: the request cannot be routed.
// Values are escaped as RFC 3986 path segments; a greedy label ({key+}) keeps
// its slashes.
func (b *RequestBinding) ExpandPath(template string) (path, rawPath string, err error) {
	if strings.IndexByte(template, '{') < 0 {
		return template, template, nil
	}
	var p, raw strings.Builder
	for rest := template; rest != ""; {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			p.WriteString(rest)
			raw.WriteString(rest)
			break
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return "", "", fmt.Errorf("path %q: unclosed label", template)
		}
		p.WriteString(rest[:i])
		raw.WriteString(rest[:i])
		name := rest[i+1 : i+j]
		greedy := strings.HasSuffix(name, "+")
		name = strings.TrimSuffix(name, "+")
		v, ok := b.label(name)
		if !ok || v == "" {
			return "", "", fmt.Errorf("path label %q has no value", name)
		}
		p.WriteString(v)
		raw.WriteString(EscapePathLabel(v, greedy))
		rest = rest[i+j+1:]
	}
	return p.String(), raw.String(), nil
}

// EscapePathLabel escapes a path label value: everything but the RFC 3986
// unreserved characters is percent-encoded, and so is '/' unless greedy.
func EscapePathLabel(v string, greedy bool) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' ||
			c == '-' || c == '_' || c == '.' || c == '~' || greedy && c == '/' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// FormatWireFloat formats a float or double (bits 32 or 64) for a path label,
// query parameter or header, with NaN and the infinities spelled as the
// JSON protocols spell them: NaN, Infinity, -Infinity.
func FormatWireFloat(v float64, bits int) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "Infinity"
	case math.IsInf(v, -1):
		return "-Infinity"
	}
	return strconv.FormatFloat(v, 'g', -1, bits)
}

// The timestamp formats of the JSON protocols' timestampFormat trait, as
// the bindings and the mock name them. Body members default to epoch seconds.
const (
	TimestampEpochSeconds = "epoch-seconds"
	TimestampISO8601      = "iso8601"
	TimestampHTTPDate     = "http-date"
)

// FormatTimeAs formats a timestamp bound to a header, query parameter or
// path label in the member's own format: TimestampEpochSeconds,
// TimestampISO8601 or TimestampHTTPDate.
func FormatTimeAs(t time.Time, format string) string {
	switch format {
	case TimestampEpochSeconds:
		return strconv.FormatFloat(float64(t.UnixMilli())/1000, 'f', -1, 64)
	case TimestampHTTPDate:
		return FormatHeaderTime(t)
	}
	return FormatQueryTime(t)
}

// ParseTimeAs reads a timestamp written as FormatTimeAs writes it.
func ParseTimeAs(s, format string) (time.Time, error) {
	s = strings.TrimSpace(s)
	switch format {
	case TimestampEpochSeconds:
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return time.Time{}, fmt.Errorf("expected epoch seconds, found %q", s)
		}
		return time.UnixMilli(int64(math.Round(f * 1000))).UTC(), nil
	case TimestampHTTPDate:
		return http.ParseTime(s)
	}
	return time.Parse(time.RFC3339Nano, s)
}

// HeaderTimeAs returns header name as a time in the given format (see
// FormatTimeAs), or nil when it is absent or malformed.
func HeaderTimeAs(h http.Header, name, format string) *time.Time {
	t, err := ParseTimeAs(h.Get(name), format)
	if err != nil {
		return nil
	}
	return &t
}

// FormatHeaderTime formats a timestamp for a header, as an HTTP date (the
// restJson1 default).
func FormatHeaderTime(t time.Time) string { return t.UTC().Format(http.TimeFormat) }

// FormatQueryTime formats a timestamp for a path label or query parameter,
// as an RFC 3339 date-time (the restJson1 default).
func FormatQueryTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }
