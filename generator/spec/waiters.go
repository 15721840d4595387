package spec

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/specgen/specgen/generator/model"
)

// Waiters (waiters-2.json) are kept as data in the model for the mock
// engine of a later issue; check makes sure they name an operation, and
// states and matchers from the allowed sets. Path arguments are JMESPath
// expressions, kept as written.

var (
	acceptorStates  = []string{"success", "failure", "retry"}
	acceptorMatches = []string{"path", "pathAll", "pathAny", "status", "error"}
)

func (r *resolver) waiters() {
	if r.raw.waiters == nil {
		return
	}
	ops := map[string]*model.Operation{}
	var names []string
	for _, op := range r.svc.Operations {
		ops[op.Name] = op
		names = append(names, op.Name)
	}
	for _, p := range r.mapping(r.raw.waiters, "waiters", nil) {
		w := &model.Waiter{Pos: r.pos(p.k), Name: p.k.Value}
		if !isASCIIIdentifier(w.Name) {
			r.errorf(p.k, "waiter name %q must be an identifier (letters, digits and underscores)", w.Name)
		}
		have := map[string]bool{}
		for _, q := range r.mapping(p.v, "waiter "+w.Name, waiterKeys) {
			have[q.k.Value] = true
			switch q.k.Value {
			case "operation":
				v := r.str(q.v, "operation")
				if !v.ok() {
					continue
				}
				if w.Operation = ops[v.v]; w.Operation == nil {
					if sg := suggest(v.v, names); sg != "" {
						r.errorf(v.n, "waiter %s names unknown operation %q, did you mean %q?", w.Name, v.v, sg)
					} else {
						r.errorf(v.n, "waiter %s names unknown operation %q", w.Name, v.v)
					}
				}
			case "delay", "maxAttempts":
				v, ok := r.integer(q.v, q.k.Value)
				if ok && v < 1 {
					r.errorf(q.v, "%s must be at least 1, found %d", q.k.Value, v)
				}
				if q.k.Value == "delay" {
					w.Delay = int(v)
				} else {
					w.MaxAttempts = int(v)
				}
			case "acceptors":
				for _, a := range r.sequence(q.v, "acceptors") {
					w.Acceptors = append(w.Acceptors, r.acceptor(a))
				}
			case "doc":
				r.str(q.v, "doc")
			}
		}
		for _, k := range []string{"operation", "delay", "maxAttempts", "acceptors"} {
			if !have[k] && deref(p.v).Kind == yaml.MappingNode && !r.isMeant(p.v, k) {
				r.errorf(p.k, "waiter %s is missing required key %q", w.Name, k)
			}
		}
		r.svc.Waiters = append(r.svc.Waiters, w)
	}
	sortWaiters(r.svc.Waiters)
}

func (r *resolver) acceptor(n *yaml.Node) *model.Acceptor {
	a := &model.Acceptor{}
	var expectedN *yaml.Node
	have := map[string]bool{}
	for _, p := range r.mapping(n, "acceptor", acceptorKeys) {
		have[p.k.Value] = true
		switch p.k.Value {
		case "state":
			a.State = r.oneOf(p.v, "acceptor state", acceptorStates)
		case "matcher":
			a.Matcher = r.oneOf(p.v, "acceptor matcher", acceptorMatches)
		case "argument":
			a.Argument = r.str(p.v, "argument").v
		case "expected":
			expectedN = deref(p.v)
			if expectedN.Kind != yaml.ScalarNode || expectedN.Tag == "!!null" {
				r.errorf(p.v, "expected must be a string, number or boolean, found %s", kindName(expectedN))
				expectedN = nil
			} else {
				a.Expected = decodeAny(expectedN)
				if i, ok := a.Expected.(int); ok {
					a.Expected = int64(i)
				}
			}
		}
	}
	if deref(n).Kind != yaml.MappingNode {
		return a
	}
	for _, k := range []string{"state", "matcher", "expected"} {
		if !have[k] && !r.isMeant(n, k) {
			r.errorf(n, "acceptor is missing required key %q", k)
		}
	}
	switch a.Matcher {
	case "path", "pathAll", "pathAny":
		if strings.TrimSpace(a.Argument) == "" && !r.isMeant(n, "argument") {
			r.errorf(n, "a %s acceptor needs an argument (a JMESPath expression)", a.Matcher)
		}
	case "status", "error":
		if have["argument"] {
			r.errorf(n, "%s acceptor takes no argument", map[string]string{"status": "a status", "error": "an error"}[a.Matcher])
		}
		if expectedN == nil {
			break
		}
		if _, ok := a.Expected.(int64); a.Matcher == "status" && (!ok || a.Expected.(int64) < 100 || a.Expected.(int64) > 599) {
			r.errorf(expectedN, "a status acceptor expects an HTTP status, found %s", kindName(expectedN))
		}
		if _, ok := a.Expected.(string); a.Matcher == "error" && !ok && expectedN.Tag != "!!bool" {
			r.errorf(expectedN, "an error acceptor expects an error code or a boolean, found %s", kindName(expectedN))
		}
	}
	return a
}

// oneOf reads a string that must be one of allowed.
func (r *resolver) oneOf(n *yaml.Node, what string, allowed []string) string {
	v := r.str(n, what)
	if !v.ok() || contains(allowed, v.v) {
		return v.v
	}
	if sg := suggest(v.v, allowed); sg != "" {
		r.errorf(v.n, "unknown %s %q, did you mean %q?", what, v.v, sg)
	} else {
		r.errorf(v.n, "unknown %s %q (want %s)", what, v.v, strings.Join(allowed, ", "))
	}
	return ""
}
