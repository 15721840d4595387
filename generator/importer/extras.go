package importer

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// extras are what the files beside service-2.json add: paginators and
// examples by operation, and the waiters.
type extras struct {
	paginators map[string]*yaml.Node
	examples   map[string]*yaml.Node
	waiters    *yaml.Node
}

func (t *translator) opNames() []string {
	var names []string
	for _, op := range t.m.operations {
		names = append(names, op.name)
	}
	return names
}

// operationNamed returns the model's operation of the given name, or nil.
func (t *translator) operationNamed(name string) *botoOperation {
	for _, op := range t.m.operations {
		if op.name == name {
			return op
		}
	}
	return nil
}

// wirePath rewrites a dotted path of member names from the structure shape
// into the spec's member keys, their wire names (ec2's "Reservations" is
// "reservationSet"). A path it cannot follow member by member (a JMESPath
// expression, a member the model lacks) is returned as it is, for check
// to report.
func (t *translator) wirePath(shape, path string) string {
	parts := strings.Split(path, ".")
	s := t.m.shapes[shape]
	for i, name := range parts {
		if s == nil || s.typ != "structure" {
			return path
		}
		var found *botoMember
		for _, mb := range s.members {
			if mb.name == name {
				found = mb
			}
		}
		if found == nil {
			return path
		}
		parts[i] = wireName(found)
		s = t.m.shapes[found.shape]
	}
	return strings.Join(parts, ".")
}

// stringOrList reads a paginator key that botocore writes as a string or a
// list of strings.
func (r *reader) stringOrList(v *value, path string) *yaml.Node {
	if v.kind == kArray {
		return flow(strs(r.strings(v, path)))
	}
	return str(r.str(v, path))
}

// paginators reads paginators-1.json.
func (t *translator) paginators(r *reader, root *value, ex *extras) {
	ops := t.opNames()
	for _, f := range r.object(root, "", []string{"pagination"}, nil) {
		for _, pf := range r.object(f.val, "pagination", nil, nil) {
			path := sub("pagination", pf.key)
			if !contains(ops, pf.key) {
				r.errorf(path, "paginates operation %q, which the model does not define", pf.key)
				continue
			}
			p := newMapping()
			keys := []struct{ from, to string }{{"input_token", "inputToken"}, {"output_token", "outputToken"},
				{"limit_key", "limitKey"}, {"result_key", "resultKey"}, {"more_results", "moreResults"},
				{"non_aggregate_keys", "nonAggregateKeys"}}
			var known []string
			for _, k := range keys {
				known = append(known, k.from)
			}
			got := map[string]*value{}
			for _, kf := range r.object(pf.val, path, known, nil) {
				got[kf.key] = kf.val
			}
			op := t.operationNamed(pf.key)
			for _, k := range keys {
				v := got[k.from]
				if v == nil {
					continue
				}
				kp := sub(path, k.from)
				// The paths name members as the model does; the spec's
				// member keys are their wire names.
				from := op.output
				if k.from == "input_token" || k.from == "limit_key" {
					from = op.input
				}
				switch k.from {
				case "limit_key", "more_results":
					p.add(k.to, str(t.wirePath(from, r.str(v, kp))))
				default:
					n := r.stringOrList(v, kp)
					for _, e := range append([]*yaml.Node{n}, n.Content...) {
						if e.Kind == yaml.ScalarNode {
							e.Value = t.wirePath(from, e.Value)
						}
					}
					p.add(k.to, n)
				}
			}
			for _, k := range []string{"input_token", "output_token"} {
				if pf.val.kind == kObject && got[k] == nil {
					r.errorf(path, "missing key %q", k)
				}
			}
			ex.paginators[pf.key] = flow(p.n)
		}
	}
}

// waiters reads waiters-2.json; acceptors are kept as data.
func (t *translator) waiters(r *reader, root *value, ex *extras) {
	ops := t.opNames()
	ws := newMapping()
	for _, f := range r.object(root, "", []string{"version", "waiters"}, nil) {
		if f.key == "version" {
			if n := r.number(f.val, "version"); n != "" && n != "2" {
				r.errorf("version", "unsupported waiters version %s (want 2)", n)
			}
			continue
		}
		var names []string
		byName := map[string]*value{}
		for _, wf := range r.object(f.val, "waiters", nil, nil) {
			names = append(names, wf.key)
			byName[wf.key] = wf.val
		}
		sort.Strings(names)
		for _, name := range names {
			ws.add(name, t.waiter(r, byName[name], sub("waiters", name), ops))
		}
	}
	if !ws.empty() {
		ex.waiters = ws.n
	}
}

// waiter reads one waiter, writing its keys in one order whatever the
// file's.
func (t *translator) waiter(r *reader, v *value, path string, ops []string) *yaml.Node {
	got := map[string]*value{}
	for _, kf := range r.object(v, path, []string{"operation", "delay", "maxAttempts", "acceptors", "description"}, nil) {
		got[kf.key] = kf.val
	}
	w := newMapping()
	output := ""
	if v := got["operation"]; v != nil {
		kp := sub(path, "operation")
		op := r.str(v, kp)
		if o := t.operationNamed(op); o != nil {
			output = o.output
		}
		if op != "" && !contains(ops, op) {
			r.errorf(kp, "names operation %q, which the model does not define", op)
		}
		w.addStr("operation", op)
	}
	if v := got["description"]; v != nil {
		w.addText("doc", docText(r.str(v, sub(path, "description"))))
	}
	for _, k := range []string{"delay", "maxAttempts"} {
		if v := got[k]; v != nil {
			w.add(k, number(r.integer(v, sub(path, k))))
		}
	}
	if v := got["acceptors"]; v != nil {
		if a := t.acceptors(r, v, sub(path, "acceptors"), output); a != nil {
			w.add("acceptors", a)
		}
	}
	for _, k := range []string{"operation", "delay", "maxAttempts", "acceptors"} {
		if v.kind == kObject && got[k] == nil {
			r.errorf(path, "missing key %q", k)
		}
	}
	return w.n
}

// acceptors reads a waiter's acceptors; their paths are rewritten into the
// wire names of the output shape's members.
func (t *translator) acceptors(r *reader, v *value, path, output string) *yaml.Node {
	if v.kind != kArray {
		r.errorf(path, "must be an array, found %s", v.kind)
		return nil
	}
	out := seq()
	for i, av := range v.items {
		ap := sub(path, strconv.Itoa(i))
		got := map[string]*value{}
		for _, f := range r.object(av, ap, []string{"state", "matcher", "argument", "expected"}, nil) {
			got[f.key] = f.val
		}
		a := newMapping()
		if v := got["state"]; v != nil {
			st := r.str(v, sub(ap, "state"))
			if st != "" && !contains([]string{"success", "failure", "retry"}, st) {
				r.errorf(sub(ap, "state"), "unknown state %q (want success, failure or retry)", st)
			}
			a.addStr("state", st)
		}
		if v := got["matcher"]; v != nil {
			m := r.str(v, sub(ap, "matcher"))
			if m != "" && !contains([]string{"path", "pathAll", "pathAny", "status", "error"}, m) {
				r.errorf(sub(ap, "matcher"), "unknown matcher %q (want path, pathAll, pathAny, status or error)", m)
			}
			a.addStr("matcher", m)
		}
		if v := got["argument"]; v != nil {
			a.add("argument", str(t.wireJMESPath(output, r.str(v, sub(ap, "argument")))))
		}
		if v := got["expected"]; v != nil {
			if v.kind == kObject || v.kind == kArray {
				r.errorf(sub(ap, "expected"), "must be a string, number or boolean, found %s", v.kind)
			} else {
				a.add("expected", jsonNode(v))
			}
		}
		for _, k := range []string{"state", "matcher", "expected"} {
			if av.kind == kObject && got[k] == nil {
				r.errorf(ap, "missing key %q", k)
			}
		}
		out.Content = append(out.Content, flow(a.n))
	}
	return out
}

// examples reads examples-1.json. Whether each example conforms to the
// shapes is decided later, by loading the written spec.
func (t *translator) examples(r *reader, root *value, ex *extras) {
	ops := t.opNames()
	for _, f := range r.object(root, "", []string{"version", "examples"}, nil) {
		if f.key == "version" {
			r.str(f.val, "version")
			continue
		}
		for _, of := range r.object(f.val, "examples", nil, nil) {
			path := sub("examples", of.key)
			if !contains(ops, of.key) {
				r.errorf(path, "has examples of operation %q, which the model does not define", of.key)
				continue
			}
			if of.val.kind != kArray {
				r.errorf(path, "must be an array, found %s", of.val.kind)
				continue
			}
			list := seq()
			for i, ev := range of.val.items {
				list.Content = append(list.Content, t.example(r, ev, sub(path, strconv.Itoa(i)), t.operationNamed(of.key)))
			}
			if len(list.Content) > 0 {
				ex.examples[of.key] = list
			}
		}
	}
}

// example reads an example of op, its values' keys rewritten into the wire
// names of the input's and output's members.
func (t *translator) example(r *reader, v *value, path string, op *botoOperation) *yaml.Node {
	e := newMapping()
	var title, doc, id string
	var input, output *value
	var comments []string
	for _, f := range r.object(v, path, []string{"title", "description", "id", "input", "output", "comments"}, nil) {
		fp := sub(path, f.key)
		switch f.key {
		case "title":
			title = r.str(f.val, fp)
		case "description":
			doc = docText(r.str(f.val, fp))
		case "id":
			id = r.str(f.val, fp)
		case "input", "output":
			if f.val.kind != kObject {
				r.errorf(fp, "must be an object, found %s", f.val.kind)
				continue
			}
			if f.key == "input" {
				input = f.val
			} else {
				output = f.val
			}
		case "comments":
			comments = r.exampleComments(f.val, fp)
		}
	}
	e.addStr("title", orDefault(title, id))
	if doc != title {
		e.addText("doc", doc)
	}
	if input != nil {
		n := jsonNode(input)
		t.wireKeys(t.m.shapes[op.input], n)
		e.add("input", n)
	}
	if output != nil {
		n := jsonNode(output)
		t.wireKeys(t.m.shapes[op.output], n)
		e.add("output", n)
	}
	var head []string
	if id != "" {
		head = append(head, "id: "+id)
	}
	head = append(head, comments...)
	e.n.HeadComment = strings.Join(head, "\n")
	return e.n
}

// exampleComments reads an example's comments, botocore's notes on single
// input and output members, which become comments on the example.
func (r *reader) exampleComments(v *value, path string) []string {
	var out []string
	for _, f := range r.object(v, path, []string{"input", "output"}, nil) {
		for _, c := range r.object(f.val, sub(path, f.key), nil, nil) {
			if c.val.kind != kString {
				r.errorf(sub(sub(path, f.key), c.key), "must be a string, found %s", c.val.kind)
				continue
			}
			if s := oneLine(docText(c.val.str)); s != "" {
				out = append(out, fmt.Sprintf("%s.%s: %s", f.key, c.key, s))
			}
		}
	}
	return out
}
