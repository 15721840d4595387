package mockrt

import (
	"fmt"
	"slices"
	"strings"
)

// Cases (ResourceOperation.When): what a create or an action writes and
// answers beside its Set when the request's input members, and the
// resource's description members, have given values, and how a list
// shows each resource that meets them. SNS's Subscribe keeps a
// subscription of an http, https, email or email-json endpoint pending
// confirmation, and answers "pending confirmation" for its ARN unless the
// request asks for the ARN; its lists show such a subscription's ARN as
// PendingConfirmation; its Publish to a FIFO topic answers a
// SequenceNumber.

// Case is what a create or an action does beside its Set when every
// member of Input and of Resource has one of its values; in a list, how
// each resource whose description meets Resource is shown.
type Case struct {
	// Input are input member paths, each with the list ([]any) of the
	// values it may have for the case to apply; a nil value matches a
	// member the request leaves out.
	Input []Field
	// Resource are description member paths with their values, as Input:
	// the description of the resource the operation acts on (a create:
	// as built so far, its Set applied; a list: each listed resource's).
	Resource []Field
	// Set are templates written into the description after the
	// operation's Set; Output templates written over its answer, last (a
	// list: over each listed resource's item, {resource.*} being its
	// description).
	Set, Output []Field
	// Error, when set, is what a create or an action answers instead,
	// when the case applies (SNS's CreateTopic of a name ending in .fifo
	// without the FifoTopic attribute): nothing is created or changed.
	Error *ErrorTemplate
}

// compiledCase is a Case compiled.
type compiledCase struct {
	input, resource []caseInput
	set, output     []compiledField
	err             *compiledErr
}

// caseInput is a condition of a case: the member at path has one of
// values, ends with one of suffixes, or, with absent, is left out.
type caseInput struct {
	path     []string
	values   []string // as text
	suffixes []string
	absent   bool
}

// compileCases compiles the cases of a binding.
func compileCases(cs []Case) ([]compiledCase, error) {
	out := make([]compiledCase, 0, len(cs))
	for i, c := range cs {
		var cc compiledCase
		var err error
		if cc.input, err = compileConditions(c.Input); err != nil {
			return nil, fmt.Errorf("case %d: input %w", i, err)
		}
		if cc.resource, err = compileConditions(c.Resource); err != nil {
			return nil, fmt.Errorf("case %d: resource %w", i, err)
		}
		if cc.set, err = compileFields(c.Set); err != nil {
			return nil, fmt.Errorf("case %d: set: %w", i, err)
		}
		if cc.output, err = compileFields(c.Output); err != nil {
			return nil, fmt.Errorf("case %d: output: %w", i, err)
		}
		if cc.err, err = compileError(c.Error); err != nil {
			return nil, fmt.Errorf("case %d: error: %w", i, err)
		}
		out = append(out, cc)
	}
	return out, nil
}

// compileConditions compiles the conditions of a case.
func compileConditions(fs []Field) ([]caseInput, error) {
	var out []caseInput
	for _, in := range fs {
		values, ok := in.Value.([]any)
		if in.Path == "" || !ok {
			return nil, fmt.Errorf("%q needs a list of values", in.Path)
		}
		ci := caseInput{path: strings.Split(in.Path, ".")}
		for _, v := range values {
			switch v := v.(type) {
			case nil:
				ci.absent = true
			case map[string]any:
				suffix, ok := v["endsWith"].(string)
				if !ok || len(v) != 1 {
					return nil, fmt.Errorf("%q: a value is a scalar, ~ or {endsWith: text}", in.Path)
				}
				ci.suffixes = append(ci.suffixes, suffix)
			default:
				ci.values = append(ci.values, textOf(v))
			}
		}
		out = append(out, ci)
	}
	return out, nil
}

// applies tells whether the request tree and the description desc meet
// every condition of c.
func (c *compiledCase) applies(tree, desc map[string]any) bool {
	return meets(c.input, tree) && meets(c.resource, desc)
}

// meets tells whether tree meets every condition of conds.
func meets(conds []caseInput, tree map[string]any) bool {
	for _, in := range conds {
		v := lookup(tree, in.path)
		if v == missing || v == nil {
			if !in.absent {
				return false
			}
			continue
		}
		found := in.holds(v)
		if l, ok := v.([]any); ok {
			// An input list: one of its elements (SelectWhen).
			found = slices.ContainsFunc(l, in.holds)
		}
		if !found {
			return false
		}
	}
	return true
}

// caseSet writes into desc the sets of b's cases that the request meets.
func (s *Server) caseSet(b *boundOp, desc, tree map[string]any, e *env) {
	for i := range b.cases {
		if c := &b.cases[i]; len(c.set) > 0 && c.applies(tree, desc) {
			s.applySet(c.set, desc, e)
		}
	}
}

// caseOutput writes over the answer the outputs of b's cases that the
// request and desc, the resource's description, meet; the answer is
// returned as it is when none does.
func (s *Server) caseOutput(b *boundOp, op *compiledOp, tree, desc map[string]any, e *env, answer []byte) ([]byte, error) {
	var out map[string]any
	for i := range b.cases {
		c := &b.cases[i]
		if len(c.output) == 0 || !c.applies(tree, desc) {
			continue
		}
		if out == nil {
			out = decodeTree(answer)
		}
		writeOutput(e, out, c.output)
	}
	if out == nil {
		return answer, nil
	}
	op.outType.trim(out, nil, nil)
	data, err := appendJSON(nil, out)
	if err != nil {
		return nil, internal("the mock cannot build its output: " + err.Error())
	}
	return data, nil
}

// actionSet writes the Set of the action b, and those of its cases that
// the request and r's description meet, into r's description, moving the
// counts of r's parent that follow its values.
func (s *Server) actionSet(b *boundOp, r *record, tree map[string]any, e *env) {
	if len(b.set) == 0 && len(b.cases) == 0 {
		return
	}
	desc := r.tree()
	s.applySet(b.set, desc, e)
	s.caseSet(b, desc, tree, e)
	if r.kind.descType != nil {
		r.kind.descType.trim(desc, nil, nil)
	}
	data, err := appendJSON(nil, desc)
	if err != nil {
		return
	}
	old := r.desc
	s.res.setDesc(r, data)
	s.res.recount(r, old) // counts.go
}

// showItem writes the outputs of the list b's cases that the request and
// r's description meet over item, r's item in a page; {resource.*} is
// the description.
func (s *Server) showItem(b *boundOp, r *record, item, tree map[string]any, e *env) {
	var desc map[string]any
	for i := range b.cases {
		c := &b.cases[i]
		if len(c.output) == 0 {
			continue
		}
		if desc == nil {
			desc = r.tree()
		}
		if c.applies(tree, desc) {
			e.Resource = desc
			writeOutput(e, item, c.output)
		}
	}
}

// caseError is the error of the first of b's cases with one that the
// request and desc, the resource's description (nil: none yet), meet; nil
// when none does.
func (s *Server) caseError(b *boundOp, tree, desc map[string]any, e *env) error {
	for i := range b.cases {
		if c := &b.cases[i]; c.err != nil && c.applies(tree, desc) {
			e.Message = "the request is refused by the service's rules"
			return s.buildError(c.err, e, &Error{Code: "ValidationException", Message: e.Message})
		}
	}
	return nil
}

// holds tells whether v, a scalar, has one of in's values or suffixes.
func (in *caseInput) holds(v any) bool {
	text := textOf(v)
	found := slices.Contains(in.values, text)
	for _, suffix := range in.suffixes {
		found = found || strings.HasSuffix(text, suffix)
	}
	return found
}
