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
// path, the others by their templates, the most specific first.
func NewRouter(ops []protocol.Route) protocol.Router {
	rt := &router{exact: map[string]int{}}
	for i, op := range ops {
		if strings.Contains(op.Path, "{") {
			rt.templates = append(rt.templates, compileTemplate(i, op))
			continue
		}
		path, _, _ := strings.Cut(op.Path, "?")
		rt.exact[op.Method+" "+trimSlash(path)] = i
	}
	slices.SortStableFunc(rt.templates, func(a, b *template) int { return b.literals - a.literals })
	return rt
}

type router struct {
	exact     map[string]int // by "METHOD /path", for paths without labels
	templates []*template
}

func (rt *router) Route(r *http.Request, _ []byte) (int, map[string]string, string) {
	if op, ok := rt.exact[r.Method+" "+trimSlash(r.URL.Path)]; ok {
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
