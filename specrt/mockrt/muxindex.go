package mockrt

import (
	"net/http"
	"strings"
)

// restIndex narrows the restJson1 mocks an unsigned request may be for to
// those with an operation of its method whose path starts with its first
// segment (or with a label), so that routing does not try every route of
// every service: with whole services imported, most of them share nothing
// with a given request.
type restIndex struct {
	bySegment map[string]map[string][]*Server // by method, then first path segment
	byLabel   map[string][]*Server            // by method: mocks with a path that starts with a label
}

// newRestIndex indexes servers, keeping their order in every list, so that
// an ambiguity names the services in the order the mux was given them.
func newRestIndex(servers []*Server) restIndex {
	type keys struct {
		segments map[string]map[string]bool // method, first segment
		label    map[string]bool            // methods
	}
	all := make([]keys, len(servers))
	methods := map[string]map[string]bool{} // every method and its segments
	for i, s := range servers {
		k := keys{segments: map[string]map[string]bool{}, label: map[string]bool{}}
		for _, op := range s.svc.Operations {
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
	x := restIndex{bySegment: map[string]map[string][]*Server{}, byLabel: map[string][]*Server{}}
	for method, segments := range methods {
		x.bySegment[method] = map[string][]*Server{}
		for i, s := range servers {
			if all[i].label[method] {
				x.byLabel[method] = append(x.byLabel[method], s)
			}
		}
		for seg := range segments {
			for i, s := range servers {
				if all[i].segments[method][seg] || all[i].label[method] {
					x.bySegment[method][seg] = append(x.bySegment[method][seg], s)
				}
			}
		}
	}
	return x
}

// candidates returns the mocks of all (the indexed ones) that may have an
// operation for r. A mock matches a path without labels on the request's
// decoded path and one with labels on its escaped path; when their first
// segments differ (an escaped character in it), all of them may.
func (x restIndex) candidates(r *http.Request, all []*Server) []*Server {
	first, _, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	// EscapedPath allocates only when the path has something to escape.
	if escaped, _, _ := strings.Cut(strings.TrimPrefix(r.URL.EscapedPath(), "/"), "/"); escaped != first {
		return all
	}
	if list, ok := x.bySegment[r.Method][first]; ok {
		return list
	}
	return x.byLabel[r.Method]
}
