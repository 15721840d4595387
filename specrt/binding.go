package specrt

import (
	"encoding/base64"
	"fmt"
	"net"
	"net/http"
	"net/textproto"
	"sort"
	"strings"

	"github.com/specgen/specgen/specrt/schema"
)

// The HTTP bindings of restJson1 beyond labels and single values (the
// rest is in wire.go): query maps, header lists, header maps, JSON in
// headers, payloads, and the host prefix shared with awsJson. Generated
// binders call these, so that each binding is written once, here.

// QueryParam adds an entry of a query map (Smithy's httpQueryParams): one
// parameter per entry. A parameter that a member of the input binds by name
// wins over an entry of the same name.
func (b *RequestBinding) QueryParam(name, value string) {
	if b.params == nil {
		b.params = map[string][]string{}
	}
	b.params[name] = append(b.params[name], value)
}

// HeaderList sets header name to the elements of a list, comma-separated;
// an element holding a comma or a double quote is quoted, so that the
// receiver can split the list again.
func (b *RequestBinding) HeaderList(name string, values []string) {
	b.Header(name, JoinHeaderList(values))
}

// HostLabel sets the value of label name of the operation's host prefix.
func (b *RequestBinding) HostLabel(name, value string) {
	b.hostLabels = append(b.hostLabels, name, value)
}

// Payload makes body the whole request body, sent with contentType; a nil
// body (an unset payload member) sends no body at all.
func (b *RequestBinding) Payload(body []byte, contentType string) {
	b.payload, b.payloadSet, b.payloadCT = body, true, contentType
}

// JSONPayload makes the JSON of v, a document, the whole request body,
// sent with contentType.
func (b *RequestBinding) JSONPayload(v any, contentType string) {
	b.payloadV, b.payloadSet, b.payloadCT = v, true, contentType
}

// StructPayload makes v, a pointer to the structure s describes, encoded by
// the protocol's body codec, the whole request body, sent with contentType.
func (b *RequestBinding) StructPayload(s *schema.Shape, v any, contentType string) {
	b.payloadV, b.payloadShape, b.payloadSet, b.payloadCT = v, s, true, contentType
}

// encodeQuery is the query string of a request: the literal query of the
// operation's path first, as written, then the bound parameters sorted by
// name, each percent-encoded as RFC 3986 says (a space is %20, not +).
func (b *RequestBinding) encodeQuery(literal string) string {
	var sb strings.Builder
	sb.WriteString(literal)
	add := func(name string, values []string) {
		for _, v := range values {
			if sb.Len() > 0 {
				sb.WriteByte('&')
			}
			sb.WriteString(EscapePathLabel(name, false))
			sb.WriteByte('=')
			sb.WriteString(EscapePathLabel(v, false))
		}
	}
	names := make([]string, 0, len(b.query)+len(b.params))
	for k := range b.query {
		names = append(names, k)
	}
	for k := range b.params {
		if _, bound := b.query[k]; !bound {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	for _, k := range names {
		if vs, ok := b.query[k]; ok {
			add(k, vs)
		} else {
			add(k, b.params[k])
		}
	}
	return sb.String()
}

// expandHost returns host with the operation's host prefix in front, its
// labels filled from b. A label value that is not a host label (letters,
// digits and hyphens, 1 to 63 of them, no hyphen at either end) is an
// error: it would send the request to another host.
func (b *RequestBinding) expandHost(prefix, host string) (string, error) {
	var sb strings.Builder
	for rest := prefix; rest != ""; {
		i := strings.IndexByte(rest, '{')
		j := strings.IndexByte(rest, '}')
		if i < 0 || j < i {
			sb.WriteString(rest)
			break
		}
		name := rest[i+1 : j]
		v, _ := lookupPair(b.hostLabels, name)
		if !ValidHostLabel(v) {
			return "", fmt.Errorf("host label %s: %q is not a valid host name label (letters, digits and hyphens, at most 63, no hyphen first or last)", name, v)
		}
		sb.WriteString(rest[:i])
		sb.WriteString(v)
		rest = rest[j+1:]
	}
	sb.WriteString(host)
	return sb.String(), nil
}

// checkHeaders refuses a bound header that HTTP cannot carry: a value with
// a line break or another control character, or a name (from the key of a
// header map) that is not a token. The transport would fail every attempt,
// and the caller would see it as a network error, retried.
func (b *RequestBinding) checkHeaders() error {
	for name, vs := range b.header {
		if !validHeaderName(name) {
			return fmt.Errorf("header name %q: a header map key may hold only letters, digits and !#$%%&'*+-.^_`|~", name)
		}
		for _, v := range vs {
			for i := 0; i < len(v); i++ {
				if c := v[i]; c < ' ' && c != '\t' || c == 0x7f {
					return fmt.Errorf("header %s: a value cannot hold control characters such as line breaks (byte %d is %#x)", name, i, c)
				}
			}
		}
	}
	return nil
}

// validHeaderName reports whether name is an RFC 7230 token.
func validHeaderName(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0) {
			return false
		}
	}
	return true
}

// ValidHostLabel reports whether s can be one label of a host name.
func ValidHostLabel(s string) bool {
	if s == "" || len(s) > 63 || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// prefixesHost reports whether a host prefix applies to an endpoint host:
// not to an IP address or localhost, which no prefix makes a name (a
// client of a local mock needs no DisableHostPrefix).
func prefixesHost(host string) bool {
	h := host
	if name, _, err := net.SplitHostPort(host); err == nil {
		h = name
	}
	h = strings.Trim(h, "[]")
	return net.ParseIP(h) == nil && h != "localhost"
}

// JoinHeaderList renders list elements as one header value: comma-separated,
// with an element that holds a comma or a double quote (or is empty, or
// starts or ends with white space) quoted, \ and " escaped inside.
func JoinHeaderList(values []string) string {
	var sb strings.Builder
	for i, v := range values {
		if i > 0 {
			sb.WriteString(", ")
		}
		if v != "" && !strings.ContainsAny(v, `,"`) && strings.TrimSpace(v) == v {
			sb.WriteString(v)
			continue
		}
		sb.WriteByte('"')
		for j := 0; j < len(v); j++ {
			if v[j] == '"' || v[j] == '\\' {
				sb.WriteByte('\\')
			}
			sb.WriteByte(v[j])
		}
		sb.WriteByte('"')
	}
	return sb.String()
}

// SplitHeaderList splits a comma-separated header value into its elements,
// as JoinHeaderList writes them: an empty value is an empty list, white
// space around an element is dropped,
// a quoted element is unquoted (\x stands for x), commas inside quotes
// belong to the element.
func SplitHeaderList(v string) []string {
	out := []string{}
	if strings.TrimSpace(v) == "" {
		return out // an empty list: JoinHeaderList quotes an empty element
	}
	for i := 0; ; {
		for i < len(v) && (v[i] == ' ' || v[i] == '\t') {
			i++
		}
		var elem strings.Builder
		if i < len(v) && v[i] == '"' {
			for i++; i < len(v) && v[i] != '"'; i++ {
				if v[i] == '\\' && i+1 < len(v) {
					i++
				}
				elem.WriteByte(v[i])
			}
			i++ // the closing quote
			for i < len(v) && v[i] != ',' {
				i++ // nothing belongs after a quoted element
			}
		} else {
			j := strings.IndexByte(v[i:], ',')
			if j < 0 {
				j = len(v) - i
			}
			elem.WriteString(strings.TrimRight(v[i:i+j], " \t"))
			i += j
		}
		out = append(out, elem.String())
		if i >= len(v) {
			return out
		}
		i++ // the comma
	}
}

// HeaderValues returns the elements of list header name, from every line
// of it, or nil when it is absent.
func HeaderValues(h http.Header, name string) []string {
	var out []string
	for _, v := range h.Values(name) {
		out = append(out, SplitHeaderList(v)...)
	}
	return out
}

// HeaderMap returns the headers whose names start with prefix (in any
// case), keyed by the rest of the name in lower case (HTTP header names
// have no case to keep), or nil when there are none.
func HeaderMap(h http.Header, prefix string) map[string]string {
	var out map[string]string
	for k, vs := range h {
		if len(k) <= len(prefix) || !strings.EqualFold(k[:len(prefix)], prefix) || len(vs) == 0 {
			continue
		}
		if out == nil {
			out = map[string]string{}
		}
		out[strings.ToLower(k[len(prefix):])] = vs[0]
	}
	return out
}

// SetHeaderMap sets one header per entry of m, named prefix+key.
func SetHeaderMap(h http.Header, prefix string, m map[string]string) {
	for k, v := range m {
		h[textproto.CanonicalMIMEHeaderKey(prefix+k)] = []string{v}
	}
}

// StatusCode returns the HTTP status of a response for an output member
// bound to it.
func StatusCode(status int) *int32 {
	s := int32(status)
	return &s
}

// JSONHeader encodes a string holding JSON for a header, as base64.
func JSONHeader(v string) string { return base64.StdEncoding.EncodeToString([]byte(v)) }

// HeaderJSON returns the JSON text a base64-encoded header holds, or nil
// when the header is absent or not base64.
func HeaderJSON(h http.Header, name string) *string {
	vs := h.Values(name)
	if len(vs) == 0 {
		return nil
	}
	data, err := base64.StdEncoding.DecodeString(strings.TrimSpace(vs[0]))
	if err != nil {
		return nil
	}
	s := string(data)
	return &s
}
