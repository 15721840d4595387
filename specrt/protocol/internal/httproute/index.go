package httproute

import (
	"net/http"
	"strings"

	"github.com/specgen/specgen/specrt/protocol"
)

// index narrows the mocks an unsigned request may be for to those with an
// operation of its method whose path starts with its first segment (or with
// a label), so that routing does not try every route of every service: with
// whole services imported, most of them share nothing with a given request.
type index struct {
	bySegment map[string]map[string][]int // by method, then first path segment
	byLabel   map[string][]int            // by method: mocks with a path that starts with a label
	all       []int
}

// NewIndex returns the index of services. Every list keeps the endpoints'
// order, so that an ambiguity names the services in the order they were
// given.
func NewIndex(services []protocol.Endpoint) protocol.Index {
	type keys struct {
		segments map[string]map[string]bool // method, first segment
		label    map[string]bool            // methods
	}
	all := make([]keys, len(services))
	methods := map[string]map[string]bool{} // every method and its segments
	for i, s := range services {
		k := keys{segments: map[string]map[string]bool{}, label: map[string]bool{}}
		for _, op := range s.Ops {
			path, _, _ := strings.Cut(op.Path, "?")
			first, _, _ := strings.Cut(strings.TrimPrefix(path, "/"), "/")
			if methods[op.Method] == nil {
				methods[op.Method] = map[string]bool{}
			}
			if strings.HasPrefix(first, "{") {
				k.label[op.Method] = true
				continue
			}
			if k.segments[op.Method] == nil {
				k.segments[op.Method] = map[string]bool{}
			}
			k.segments[op.Method][first] = true
			methods[op.Method][first] = true
		}
		all[i] = k
	}
	x := &index{bySegment: map[string]map[string][]int{}, byLabel: map[string][]int{}}
	for i := range services {
		x.all = append(x.all, i)
	}
	for method, segments := range methods {
		x.bySegment[method] = map[string][]int{}
		for i := range services {
			if all[i].label[method] {
				x.byLabel[method] = append(x.byLabel[method], i)
			}
		}
		for seg := range segments {
			for i := range services {
				if all[i].segments[method][seg] || all[i].label[method] {
					x.bySegment[method][seg] = append(x.bySegment[method][seg], i)
				}
			}
		}
	}
	return x
}

// Candidates implements protocol.Index. A mock matches a path without
// labels on the request's decoded path and one with labels on its escaped
// path; when their first segments differ (an escaped character in it), all
// of them may.
func (x *index) Candidates(r *http.Request, _ []byte) []int {
	first, _, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	// EscapedPath allocates only when the path has something to escape.
	if escaped, _, _ := strings.Cut(strings.TrimPrefix(r.URL.EscapedPath(), "/"), "/"); escaped != first {
		return x.all
	}
	if list, ok := x.bySegment[r.Method][first]; ok {
		return list
	}
	return x.byLabel[r.Method]
}
