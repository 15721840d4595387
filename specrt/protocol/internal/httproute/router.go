// Package httproute routes the requests of the protocols with HTTP
// bindings (restJson1, restXml) by method and path template, and narrows
// the mocks an unsigned request may be for.
package httproute

import (
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/specgen/specgen/specrt/protocol"
)

// NewRouter returns the router of ops: paths without labels by method and
// path, the others by their templates, the most specific first. A path
// template's query string ("/{Bucket}?acl", "/{Key+}?x-id=GetObject")
// names parameters the request must have (with that value, when it gives
// one): S3 tells most of its operations apart that way, and among routes
// of one path those that ask more of the query string come first.
func NewRouter(ops []protocol.Route) protocol.Router {
	rt := &router{exact: map[string][]exactRoute{}}
	for i, op := range ops {
		path, query, _ := strings.Cut(op.Path, "?")
		if strings.Contains(path, "{") {
			rt.templates = append(rt.templates, compileTemplate(i, op))
			continue
		}
		key := op.Method + " " + trimSlash(path)
		rt.exact[key] = append(rt.exact[key], exactRoute{op: i, query: parseQueryLiterals(query)})
	}
	for _, routes := range rt.exact {
		slices.SortStableFunc(routes, func(a, b exactRoute) int { return len(b.query) - len(a.query) })
	}
	slices.SortStableFunc(rt.templates, func(a, b *template) int {
		if a.literals != b.literals {
			return b.literals - a.literals
		}
		return len(b.query) - len(a.query)
	})
	return rt
}

type router struct {
	exact     map[string][]exactRoute // by "METHOD /path", for paths without labels
	templates []*template
}

// exactRoute is an operation whose path has no label.
type exactRoute struct {
	op    int
	query []queryLiteral
}

// queryLiteral is a parameter a path template's query string asks for.
type queryLiteral struct {
	key, value string
	hasValue   bool
}

// parseQueryLiterals reads the query string of a path template.
func parseQueryLiterals(query string) []queryLiteral {
	var out []queryLiteral
	for _, kv := range strings.Split(query, "&") {
		if kv == "" {
			continue
		}
		k, v, has := strings.Cut(kv, "=")
		out = append(out, queryLiteral{key: k, value: v, hasValue: has})
	}
	return out
}

// queryFits reports whether the request's parameters (read on first need
// into *params) have every literal.
func queryFits(lits []queryLiteral, r *http.Request, params *url.Values) bool {
	if len(lits) == 0 {
		return true
	}
	if *params == nil {
		*params, _ = url.ParseQuery(r.URL.RawQuery)
	}
	for _, l := range lits {
		vs, ok := (*params)[l.key]
		if !ok || l.hasValue && !slices.Contains(vs, l.value) {
			return false
		}
	}
	return true
}

func (rt *router) Route(r *http.Request, _ []byte) (int, map[string]string, string) {
	var params url.Values
	for _, e := range rt.exact[r.Method+" "+trimSlash(r.URL.Path)] {
		if queryFits(e.query, r, &params) {
			return e.op, nil, ""
		}
	}
	for _, t := range rt.templates {
		if labels, ok := t.match(r.Method, r.URL.EscapedPath()); ok && queryFits(t.query, r, &params) {
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
	query    []queryLiteral
}

type segment struct {
	lit    string
	label  string
	greedy bool
}

func compileTemplate(i int, op protocol.Route) *template {
	path, query, _ := strings.Cut(op.Path, "?")
	t := &template{op: i, method: op.Method, query: parseQueryLiterals(query)}
	for _, s := range strings.Split(strings.TrimPrefix(trimSlash(path), "/"), "/") {
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
	parts := strings.Split(strings.TrimPrefix(trimSlash(escapedPath), "/"), "/")
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

// trimSlash drops a path's trailing slash, but for the root's: a model's
// path template and the request an SDK sends may differ by one (Route 53's
// botocore model ends ChangeResourceRecordSets with "/rrset/", the Smithy
// model and the SDKs without it), and the services accept both.
func trimSlash(path string) string {
	if len(path) > 1 && path[len(path)-1] == '/' {
		return path[:len(path)-1]
	}
	return path
}
