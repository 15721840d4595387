package specrt

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// Protocol is the wire protocol of a service, as named in its spec.
type Protocol string

// The protocols generated clients and mock servers speak.
const (
	// AWSJSON10 is awsJson1_0: POST /, the operation in X-Amz-Target.
	AWSJSON10 Protocol = "awsJson1_0"
	// AWSJSON11 is awsJson1_1: as awsJson1_0 with another content type.
	AWSJSON11 Protocol = "awsJson1_1"
	// RestJSON1 is restJson1: the operation is routed by method and path.
	RestJSON1 Protocol = "restJson1"
)

// Header names used by the protocols.
const (
	HeaderTarget      = "X-Amz-Target"
	HeaderErrorType   = "X-Amzn-ErrorType"
	HeaderRequestID   = "X-Amzn-RequestId"
	HeaderS3RequestID = "X-Amz-Request-Id"
	HeaderContentType = "Content-Type"
	HeaderRetryAfter  = "Retry-After"
)

// IsAWSJSON reports whether p routes operations by the X-Amz-Target header.
func (p Protocol) IsAWSJSON() bool { return p == AWSJSON10 || p == AWSJSON11 }

// ContentType is the media type of request and response bodies under p.
func (p Protocol) ContentType() string {
	switch p {
	case AWSJSON10:
		return "application/x-amz-json-1.0"
	case AWSJSON11:
		return "application/x-amz-json-1.1"
	default:
		return "application/json"
	}
}

// Target is the X-Amz-Target value of operation op under targetPrefix.
func Target(targetPrefix, op string) string { return targetPrefix + "." + op }

// SplitTarget splits an X-Amz-Target value into its prefix and operation; ok
// is false when the value has no dot.
func SplitTarget(target string) (prefix, op string, ok bool) {
	i := strings.LastIndexByte(target, '.')
	if i < 0 {
		return "", "", false
	}
	return target[:i], target[i+1:], true
}

// SanitizeErrorCode reduces an error code as the AWS protocols send it to its
// bare shape name: anything from the first ':' on is dropped
// ("ConflictException:http://internal.amazon.com/" → "ConflictException"),
// then anything up to the first '#' ("aws.protocoltests#ConflictException" →
// "ConflictException").
func SanitizeErrorCode(code string) string {
	if i := strings.IndexByte(code, ':'); i >= 0 {
		code = code[:i]
	}
	if i := strings.IndexByte(code, '#'); i >= 0 {
		code = code[i+1:]
	}
	return strings.TrimSpace(code)
}

// ErrorInfo is what the protocols say about an error response before it is
// decoded into a typed error.
type ErrorInfo struct {
	// Code is the sanitized error code, empty when the response names none.
	Code string
	// Message is the body's "message" (or "Message"), if any.
	Message string
	// JSON is true when the body is a JSON object; the typed error is decoded
	// from it.
	JSON bool
}

// ParseErrorInfo resolves the code and message of an error response as the
// awsJson and restJson1 protocols specify: the X-Amzn-ErrorType header first,
// then "__type" in a JSON body, then "code" (in that order, as the AWS SDK for
// Go v2 does: Lightsail's errors have a "code" member of their own, next to
// "__type"). A body that is empty or not a JSON
// object yields JSON false and never an error: the caller decides how to
// report it.
func ParseErrorInfo(h http.Header, body []byte) ErrorInfo {
	var info ErrorInfo
	if v := h.Get(HeaderErrorType); v != "" {
		info.Code = SanitizeErrorCode(v)
	}
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return info
	}
	var fields struct {
		Code    json.RawMessage `json:"code"`
		Type    json.RawMessage `json:"__type"`
		Message json.RawMessage `json:"message"`
	}
	if err := json.Unmarshal(trimmed, &fields); err != nil {
		return info
	}
	info.JSON = true
	if info.Code == "" {
		if s := jsonString(fields.Type); s != "" {
			info.Code = SanitizeErrorCode(s)
		} else if s := jsonString(fields.Code); s != "" {
			info.Code = SanitizeErrorCode(s)
		}
	}
	info.Message = jsonString(fields.Message)
	return info
}

// jsonString returns raw as a string when it is a JSON string, and "" for
// anything else (a number where a code was expected is not a code).
func jsonString(raw json.RawMessage) string {
	if len(raw) == 0 || raw[0] != '"' {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return s
}

// RequestID returns the request id of a response: X-Amzn-RequestId, or the
// x-amz-request-id that some services send instead.
func RequestID(h http.Header) string {
	if v := h.Get(HeaderRequestID); v != "" {
		return v
	}
	return h.Get(HeaderS3RequestID)
}

// EncodeErrorBody returns the JSON body of an error response for e under p:
// the error's modeled body members (as encoding/json renders e) with
// "__type" set to its code, which every protocol's clients understand.
// Members bound to headers are not in the body; set them on the response
// before calling WriteError.
func EncodeErrorBody(e APIError) ([]byte, error) {
	members, err := json.Marshal(e)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.Grow(len(members) + len(e.ErrorCode()) + 16)
	b.WriteString(`{"__type":`)
	code, _ := json.Marshal(e.ErrorCode())
	b.Write(code)
	if inner := bytes.TrimSpace(members); len(inner) > 2 && inner[0] == '{' {
		b.WriteByte(',')
		b.Write(inner[1:])
	} else {
		b.WriteByte('}')
	}
	return b.Bytes(), nil
}

// WriteError writes e as an error response under protocol p: the documented
// status, Content-Type, X-Amzn-ErrorType (restJson1, where clients look first)
// and the body from EncodeErrorBody. The request id, when e's metadata has
// one, goes into X-Amzn-RequestId. Headers already set on w are kept.
func WriteError(w http.ResponseWriter, p Protocol, e APIError) error {
	body, err := EncodeErrorBody(e)
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set(HeaderContentType, p.ContentType())
	if p == RestJSON1 {
		h.Set(HeaderErrorType, e.ErrorCode())
	}
	if md := e.ErrorMetadata(); md != nil && md.RequestID != "" {
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
	labels     []string // name, value pairs
	hostLabels []string // name, value pairs
	query      url.Values
	params     map[string][]string // entries of a query map: a member wins over them
	header     http.Header
	payload    []byte
	payloadSet bool
	payloadCT  string
	payloadV   any // a structure payload, encoded by the client
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

// FormatTimeAs formats a timestamp bound to a header, query parameter or
// path label in the member's own format: "epoch-seconds", "iso8601" or
// "http-date".
func FormatTimeAs(t time.Time, format string) string {
	switch format {
	case "epoch-seconds":
		return strconv.FormatFloat(float64(t.UnixMilli())/1000, 'f', -1, 64)
	case "http-date":
		return FormatHeaderTime(t)
	}
	return FormatQueryTime(t)
}

// ParseTimeAs reads a timestamp written as FormatTimeAs writes it.
func ParseTimeAs(s, format string) (time.Time, error) {
	s = strings.TrimSpace(s)
	switch format {
	case "epoch-seconds":
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return time.Time{}, fmt.Errorf("expected epoch seconds, found %q", s)
		}
		return time.UnixMilli(int64(math.Round(f * 1000))).UTC(), nil
	case "http-date":
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

// JSONDecoder reads a JSON document for the response decoders that specgen
// generates: they walk the document once, matching member names exactly
// (as the AWS SDKs do), skipping members they do not know, without the
// reflection of encoding/json. The first problem (malformed JSON, a value of
// the wrong type) stops decoding; every later call is a no-op and Finish
// reports it. Its zero value is not usable: start with Reset.
type JSONDecoder struct {
	data  []byte
	pos   int
	err   error
	first bool // just after '[' or '{': no comma expected
	depth int
}

// maxJSONDepth bounds nesting, so that a hostile document cannot exhaust the
// stack.
const maxJSONDepth = 1000

// Reset starts decoding data.
func (d *JSONDecoder) Reset(data []byte) {
	*d = JSONDecoder{data: data}
}

// Finish reports the first problem met, or trailing data after the value.
func (d *JSONDecoder) Finish() error {
	if d.err == nil {
		d.ws()
		if d.pos < len(d.data) {
			d.fail("unexpected data after the top-level value")
		}
	}
	return d.err
}

// Err returns the first problem met so far.
func (d *JSONDecoder) Err() error { return d.err }

func (d *JSONDecoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("json: offset %d: %s", d.pos, fmt.Sprintf(format, args...))
	}
	d.pos = len(d.data)
}

// ws skips white space and reports whether input remains.
func (d *JSONDecoder) ws() bool {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return true
		}
	}
	return false
}

// peek returns the next significant byte, or 0 at the end.
func (d *JSONDecoder) peek() byte {
	if !d.ws() {
		return 0
	}
	return d.data[d.pos]
}

// describe names the value starting at the current position, for messages.
func (d *JSONDecoder) describe() string {
	switch d.peek() {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	case 0:
		return "the end of the input"
	}
	return "a number"
}

func (d *JSONDecoder) literal(lit string) bool {
	if len(d.data)-d.pos >= len(lit) && string(d.data[d.pos:d.pos+len(lit)]) == lit {
		d.pos += len(lit)
		return true
	}
	return false
}

// Null consumes a null and reports whether there was one.
func (d *JSONDecoder) Null() bool {
	if d.err == nil && d.peek() == 'n' {
		if d.literal("null") {
			return true
		}
		d.fail("invalid literal")
	}
	return false
}

func (d *JSONDecoder) begin(open byte, what string) bool {
	if d.err != nil || d.Null() {
		return false
	}
	if d.peek() != open {
		d.fail("expected %s, found %s", what, d.describe())
		return false
	}
	if d.depth++; d.depth > maxJSONDepth {
		d.fail("nested too deeply")
		return false
	}
	d.pos++
	d.first = true
	return true
}

// BeginObject consumes the '{' of an object and reports true; for null it
// consumes it and reports false. Iterate over the members with NextMember.
func (d *JSONDecoder) BeginObject() bool { return d.begin('{', "an object") }

// BeginArray consumes the '[' of an array and reports true; for null it
// consumes it and reports false. Iterate over the elements with
// NextElement.
func (d *JSONDecoder) BeginArray() bool { return d.begin('[', "an array") }

// NextMember reports whether the current object has another member,
// consuming the comma before it, or the closing brace after the last. Read
// the member's name with KeyBytes or Key, then its value.
func (d *JSONDecoder) NextMember() bool { return d.next('}') }

// NextElement reports whether the current array has another element,
// consuming the comma before it, or the closing bracket after the last.
func (d *JSONDecoder) NextElement() bool { return d.next(']') }

func (d *JSONDecoder) next(closing byte) bool {
	if d.err != nil {
		return false
	}
	c := d.peek()
	if c == closing {
		d.pos++
		d.first = false
		d.depth--
		return false
	}
	if d.first {
		d.first = false
	} else if c == ',' {
		d.pos++
		c = d.peek()
	} else {
		d.fail("expected ',' or '%c', found %s", closing, d.describe())
		return false
	}
	switch c {
	case 0:
		d.fail("unexpected end of input")
		return false
	case '}', ']', ',':
		d.fail("unexpected '%c'", c)
		return false
	}
	return true
}

// KeyBytes reads a member name and its colon. The result may point into
// the input; generated code only compares it (switch string(key)), which
// does not allocate.
func (d *JSONDecoder) KeyBytes() []byte {
	if d.err != nil {
		return nil
	}
	if d.peek() != '"' {
		d.fail("expected a member name, found %s", d.describe())
		return nil
	}
	k := d.str()
	if d.peek() != ':' {
		d.fail("expected ':' after a member name")
		return nil
	}
	d.pos++
	return k
}

// Key reads a map key and its colon.
func (d *JSONDecoder) Key() string { return string(d.KeyBytes()) }

// str reads a string token; the result points into the input unless it had
// escapes or invalid UTF-8.
func (d *JSONDecoder) str() []byte {
	d.pos++ // the opening quote
	start := d.pos
	plain := true
	for d.pos < len(d.data) {
		c := d.data[d.pos]
		switch {
		case c == '"':
			s := d.data[start:d.pos]
			d.pos++
			if plain && utf8.Valid(s) {
				return s
			}
			return d.unescape(s)
		case c == '\\':
			plain = false
			d.pos += 2
		case c < 0x20:
			d.fail("control character in a string")
			return nil
		default:
			d.pos++
		}
	}
	d.fail("unterminated string")
	return nil
}

// unescape decodes the escapes of a string token and replaces invalid UTF-8
// with U+FFFD, as encoding/json does.
func (d *JSONDecoder) unescape(s []byte) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' {
			r, n := utf8.DecodeRune(s[i:])
			if r == utf8.RuneError && n == 1 {
				out = utf8.AppendRune(out, utf8.RuneError)
			} else {
				out = append(out, s[i:i+n]...)
			}
			i += n
			continue
		}
		if i+1 >= len(s) {
			d.fail("invalid escape")
			return nil
		}
		switch s[i+1] {
		case '"', '\\', '/':
			out = append(out, s[i+1])
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := hex4(s[i+2:])
			if !ok {
				d.fail("invalid \\u escape")
				return nil
			}
			i += 6
			if utf16.IsSurrogate(r) {
				if r2, ok := hex4(s[min(i+2, len(s)):]); ok && i+1 < len(s) && s[i] == '\\' && s[i+1] == 'u' {
					if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
						out = utf8.AppendRune(out, dec)
						i += 6
						continue
					}
				}
				r = utf8.RuneError
			}
			out = utf8.AppendRune(out, r)
			continue
		default:
			d.fail("invalid escape")
			return nil
		}
		i += 2
	}
	return out
}

func hex4(s []byte) (rune, bool) {
	if len(s) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range s[:4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// Str reads a string; null gives "".
func (d *JSONDecoder) Str() string {
	if d.err != nil || d.Null() {
		return ""
	}
	if d.peek() != '"' {
		d.fail("expected a string, found %s", d.describe())
		return ""
	}
	return string(d.str())
}

// StrPtr reads a string; null gives nil.
func (d *JSONDecoder) StrPtr() *string {
	if d.err != nil || d.Null() {
		return nil
	}
	s := d.Str()
	if d.err != nil {
		return nil
	}
	return &s
}

// number reads a number token, checking the JSON grammar.
func (d *JSONDecoder) number() []byte {
	if d.err != nil || !d.ws() {
		d.fail("expected a number, found %s", d.describe())
		return nil
	}
	start, i, n := d.pos, d.pos, len(d.data)
	digits := func() bool {
		j := i
		for i < n && d.data[i] >= '0' && d.data[i] <= '9' {
			i++
		}
		return i > j
	}
	if i < n && d.data[i] == '-' {
		i++
	}
	if i < n && d.data[i] == '0' {
		i++
	} else if !digits() {
		d.fail("expected a number, found %s", d.describe())
		return nil
	}
	if i < n && d.data[i] == '.' {
		i++
		if !digits() {
			d.fail("invalid number")
			return nil
		}
	}
	if i < n && (d.data[i] == 'e' || d.data[i] == 'E') {
		i++
		if i < n && (d.data[i] == '+' || d.data[i] == '-') {
			i++
		}
		if !digits() {
			d.fail("invalid number")
			return nil
		}
	}
	d.pos = i
	return d.data[start:i]
}

// integer reads an integer within [lo, hi].
func (d *JSONDecoder) integer(bits int) int64 {
	tok := d.number()
	if d.err != nil {
		return 0
	}
	neg := tok[0] == '-'
	digits := tok
	if neg {
		digits = tok[1:]
	}
	var u uint64
	for _, c := range digits {
		if c < '0' || c > '9' || u > (1<<63)/10 {
			d.fail("number %s is not an integer of %d bits", tok, bits)
			return 0
		}
		u = u*10 + uint64(c-'0')
	}
	limit := uint64(1)<<(bits-1) - 1
	if neg {
		limit++
	}
	if u > limit {
		d.fail("number %s overflows an integer of %d bits", tok, bits)
		return 0
	}
	if neg {
		return -int64(u)
	}
	return int64(u)
}

// Int32 reads an integer; null gives 0.
func (d *JSONDecoder) Int32() int32 {
	if d.Null() {
		return 0
	}
	return int32(d.integer(32))
}

// Int32Ptr reads an integer; null gives nil.
func (d *JSONDecoder) Int32Ptr() *int32 {
	if d.err != nil || d.Null() {
		return nil
	}
	v := int32(d.integer(32))
	return ptrUnlessErr(d, v)
}

// Int64 reads an integer; null gives 0.
func (d *JSONDecoder) Int64() int64 {
	if d.Null() {
		return 0
	}
	return d.integer(64)
}

// Int64Ptr reads an integer; null gives nil.
func (d *JSONDecoder) Int64Ptr() *int64 {
	if d.err != nil || d.Null() {
		return nil
	}
	return ptrUnlessErr(d, d.integer(64))
}

func (d *JSONDecoder) float(bits int) float64 {
	if d.peek() == '"' {
		// NaN and the infinities travel as strings (see Float).
		s := d.str()
		if d.err != nil {
			return 0
		}
		f, ok := specialFloat(string(s))
		if !ok {
			d.fail("expected a number, \"NaN\", \"Infinity\" or \"-Infinity\", found the string %q", truncate(string(s), 32))
		}
		return f
	}
	tok := d.number()
	if d.err != nil {
		return 0
	}
	f, err := strconv.ParseFloat(string(tok), bits)
	if err != nil {
		d.fail("number %s does not fit a float of %d bits", tok, bits)
		return 0
	}
	return f
}

// Float32 reads a number; null gives 0.
func (d *JSONDecoder) Float32() float32 {
	if d.Null() {
		return 0
	}
	return float32(d.float(32))
}

// Float32Ptr reads a number; null gives nil.
func (d *JSONDecoder) Float32Ptr() *float32 {
	if d.err != nil || d.Null() {
		return nil
	}
	return ptrUnlessErr(d, float32(d.float(32)))
}

// Float64 reads a number; null gives 0.
func (d *JSONDecoder) Float64() float64 {
	if d.Null() {
		return 0
	}
	return d.float(64)
}

// Float64Ptr reads a number; null gives nil.
func (d *JSONDecoder) Float64Ptr() *float64 {
	if d.err != nil || d.Null() {
		return nil
	}
	return ptrUnlessErr(d, d.float(64))
}

// Bool reads a boolean; null gives false.
func (d *JSONDecoder) Bool() bool {
	if d.err != nil || d.Null() {
		return false
	}
	switch {
	case d.peek() == 't' && d.literal("true"):
		return true
	case d.peek() == 'f' && d.literal("false"):
		return false
	}
	d.fail("expected a boolean, found %s", d.describe())
	return false
}

// BoolPtr reads a boolean; null gives nil.
func (d *JSONDecoder) BoolPtr() *bool {
	if d.err != nil || d.Null() {
		return nil
	}
	return ptrUnlessErr(d, d.Bool())
}

// Time reads a timestamp in epoch seconds, as EpochSeconds does; null gives
// the zero time.
func (d *JSONDecoder) Time() time.Time {
	if d.err != nil || d.Null() {
		return time.Time{}
	}
	tok := d.number()
	if d.err != nil {
		return time.Time{}
	}
	var e EpochSeconds
	if err := e.UnmarshalJSON(tok); err != nil {
		d.fail("%v", err)
		return time.Time{}
	}
	return time.Time(e)
}

// TimePtr reads a timestamp in epoch seconds; null gives nil.
func (d *JSONDecoder) TimePtr() *time.Time {
	if d.err != nil || d.Null() {
		return nil
	}
	return ptrUnlessErr(d, d.Time())
}

// Blob reads base64 (standard encoding) bytes; null gives nil.
func (d *JSONDecoder) Blob() []byte {
	if d.err != nil || d.Null() {
		return nil
	}
	if d.peek() != '"' {
		d.fail("expected a base64 string, found %s", d.describe())
		return nil
	}
	s := d.str()
	if d.err != nil {
		return nil
	}
	out := make([]byte, base64.StdEncoding.DecodedLen(len(s)))
	n, err := base64.StdEncoding.Decode(out, s)
	if err != nil {
		d.fail("invalid base64: %v", err)
		return nil
	}
	return out[:n]
}

// Skip reads and discards any value.
func (d *JSONDecoder) Skip() {
	if d.err != nil {
		return
	}
	switch c := d.peek(); {
	case c == '{':
		if d.BeginObject() {
			for d.NextMember() {
				d.KeyBytes()
				d.Skip()
			}
		}
	case c == '[':
		if d.BeginArray() {
			for d.NextElement() {
				d.Skip()
			}
		}
	case c == '"':
		d.str()
	case c == 't' || c == 'f':
		d.Bool()
	case c == 'n':
		d.Null()
	default:
		d.number()
	}
}

func ptrUnlessErr[T any](d *JSONDecoder, v T) *T {
	if d.err != nil {
		return nil
	}
	return &v
}

// List reads a JSON array into dst, an element at a time with read, and
// returns dst: [] gives an empty, non-nil slice, as encoding/json does, and
// null (or an error) leaves dst as it is. Generated decoders call it for
// lists of scalars, so that each list member costs one line, not a loop.
func List[T any](d *JSONDecoder, dst []T, read func(*JSONDecoder) T) []T {
	if !d.BeginArray() {
		return dst
	}
	if dst == nil {
		dst = []T{}
	}
	for d.NextElement() {
		dst = append(dst, read(d))
	}
	return dst
}

// StructList is List for lists of structures, each element decoded in
// place by decode.
func StructList[T any](d *JSONDecoder, dst []T, decode func(*JSONDecoder, *T)) []T {
	if !d.BeginArray() {
		return dst
	}
	if dst == nil {
		dst = []T{}
	}
	for d.NextElement() {
		var e T
		decode(d, &e)
		dst = append(dst, e)
	}
	return dst
}
