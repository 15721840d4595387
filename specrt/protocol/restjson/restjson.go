// Package restjson is the restJson1 protocol: each operation has its own
// method, path template and success status; members may travel in the path,
// the query string, headers and the status code (HTTP bindings), the rest in
// a JSON body; an error's code may travel in the X-Amzn-ErrorType header.
package restjson

import (
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/specgen/specgen/specrt/protocol"
	"github.com/specgen/specgen/specrt/protocol/ident"
	"github.com/specgen/specgen/specrt/protocol/internal/jsonbody"
	"github.com/specgen/specgen/specrt/protocol/internal/jsonerror"
)

// RestJSON1 is restJson1.
var RestJSON1 = &Protocol{}

// Protocol is restJson1.
type Protocol struct{ jsonbody.Messages }

var _ protocol.Protocol = (*Protocol)(nil)

// contentType is one header value slice shared by every request: nothing on
// the way to the wire modifies header values in place.
var contentType = []string{ident.RestJSON1.ContentType}

// Identity implements protocol.Protocol.
func (*Protocol) Identity() *ident.Identity { return ident.RestJSON1 }

// Body implements protocol.Protocol: bodies are JSON, encoded by package
// jsonwire.
func (*Protocol) Body() protocol.Body { return jsonbody.Codec{} }

// RequestLine implements protocol.Protocol: the operation's own, POST / when
// it has none.
func (*Protocol) RequestLine(_ string, op protocol.Route) (string, string) {
	if op.Method == "" {
		return http.MethodPost, "/"
	}
	return op.Method, op.Path
}

// SetRequestHeaders implements protocol.Protocol.
func (*Protocol) SetRequestHeaders(h http.Header, _, _ string) {
	h["Content-Type"] = contentType
}

// ReadError implements protocol.Protocol.
func (*Protocol) ReadError(h http.Header, body []byte) protocol.ErrorInfo {
	return jsonerror.Read(h, body)
}

// SuccessStatus implements protocol.Protocol: the modeled one, 200 when
// there is none.
func (*Protocol) SuccessStatus(modeled int) int {
	if modeled == 0 {
		return http.StatusOK
	}
	return modeled
}

// SetErrorHeaders implements protocol.Protocol: the code goes into
// X-Amzn-ErrorType too, where clients look first.
func (*Protocol) SetErrorHeaders(h http.Header, code string) {
	h.Set(jsonerror.HeaderErrorType, code)
}

// AuthErrorStatus implements protocol.Protocol: 403, except for a request
// whose signature is incomplete, which is malformed (400).
func (*Protocol) AuthErrorStatus(code string) int {
	if code == "IncompleteSignatureException" {
		return http.StatusBadRequest
	}
	return http.StatusForbidden
}

// Address implements protocol.Protocol.
func (*Protocol) Address(_ string, op protocol.Route) protocol.Address {
	return protocol.Address{Method: op.Method, Path: op.Path}
}

// NewRouter implements protocol.Protocol: paths without labels by method and
// path, the others by their templates, the most specific first.
func (*Protocol) NewRouter(e protocol.Endpoint) protocol.Router {
	rt := &router{exact: map[string]int{}}
	for i, op := range e.Ops {
		if strings.Contains(op.Path, "{") {
			rt.templates = append(rt.templates, compileTemplate(i, op))
			continue
		}
		path, _, _ := strings.Cut(op.Path, "?")
		rt.exact[op.Method+" "+path] = i
	}
	slices.SortStableFunc(rt.templates, func(a, b *template) int { return b.literals - a.literals })
	return rt
}

type router struct {
	exact     map[string]int // by "METHOD /path", for paths without labels
	templates []*template
}

func (rt *router) Route(r *http.Request, _ []byte) (int, map[string]string, string) {
	if op, ok := rt.exact[r.Method+" "+r.URL.Path]; ok {
		return op, nil, ""
	}
	for _, t := range rt.templates {
		if labels, ok := t.match(r.Method, r.URL.EscapedPath()); ok {
			return t.op, labels, ""
		}
	}
	return -1, nil, r.Method + " " + r.URL.Path
}

// template is a compiled path template with labels.
type template struct {
	op       int
	method   string
	segs     []segment
	literals int // literal segments: the most specific template wins
}

type segment struct {
	lit    string
	label  string
	greedy bool
}

func compileTemplate(i int, op protocol.Route) *template {
	path, _, _ := strings.Cut(op.Path, "?")
	t := &template{op: i, method: op.Method}
	for _, s := range strings.Split(strings.TrimPrefix(path, "/"), "/") {
		if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
			name := s[1 : len(s)-1]
			t.segs = append(t.segs, segment{label: strings.TrimSuffix(name, "+"), greedy: strings.HasSuffix(name, "+")})
			continue
		}
		t.segs = append(t.segs, segment{lit: s})
		t.literals++
	}
	return t
}

// match reports whether the request path fits the template, and the labels.
func (t *template) match(method, escapedPath string) (map[string]string, bool) {
	if method != t.method {
		return nil, false
	}
	parts := strings.Split(strings.TrimPrefix(escapedPath, "/"), "/")
	var labels map[string]string
	for i, seg := range t.segs {
		if i >= len(parts) {
			return nil, false
		}
		switch {
		case seg.greedy:
			v, err := url.PathUnescape(strings.Join(parts[i:], "/"))
			if err != nil || v == "" || i != len(t.segs)-1 {
				return nil, false
			}
			if labels == nil {
				labels = map[string]string{}
			}
			labels[seg.label] = v
			return labels, true
		case seg.label != "":
			v, err := url.PathUnescape(parts[i])
			if err != nil || v == "" {
				return nil, false
			}
			if labels == nil {
				labels = map[string]string{}
			}
			labels[seg.label] = v
		case parts[i] != seg.lit:
			return nil, false
		}
	}
	if len(parts) != len(t.segs) {
		return nil, false
	}
	return labels, true
}
