package mockrt

import (
	"fmt"
	"strings"
)

// Cases of a create (ResourceOperation.When): what the create writes and
// answers beside its Set when the request's input members have given
// values. SNS's Subscribe keeps a subscription of an http, https, email
// or email-json endpoint pending confirmation, and answers "pending
// confirmation" for its ARN unless the request asks for the ARN.

// Case is what a create does beside its Set when every member of Input
// has one of its values.
type Case struct {
	// Input are input member paths, each with the list ([]any) of the
	// values it may have for the case to apply; a nil value matches a
	// member the request leaves out.
	Input []Field
	// Set are templates written into the description after the create's
	// Set; Output templates written over its answer, last.
	Set, Output []Field
}

// compiledCase is a Case compiled.
type compiledCase struct {
	input       []caseInput
	set, output []compiledField
}

type caseInput struct {
	path   []string
	values []string // as text; absent: the member left out
	absent bool
}

// compileCases compiles the cases of a binding.
func compileCases(cs []Case) ([]compiledCase, error) {
	out := make([]compiledCase, 0, len(cs))
	for i, c := range cs {
		var cc compiledCase
		for _, in := range c.Input {
			values, ok := in.Value.([]any)
			if in.Path == "" || !ok {
				return nil, fmt.Errorf("case %d: input %q needs a list of values", i, in.Path)
			}
			ci := caseInput{path: strings.Split(in.Path, ".")}
			for _, v := range values {
				if v == nil {
					ci.absent = true
				} else {
					ci.values = append(ci.values, textOf(v))
				}
			}
			cc.input = append(cc.input, ci)
		}
		var err error
		if cc.set, err = compileFields(c.Set); err != nil {
			return nil, fmt.Errorf("case %d: set: %w", i, err)
		}
		if cc.output, err = compileFields(c.Output); err != nil {
			return nil, fmt.Errorf("case %d: output: %w", i, err)
		}
		out = append(out, cc)
	}
	return out, nil
}

// applies tells whether the request tree meets every condition of c.
func (c *compiledCase) applies(tree map[string]any) bool {
	for _, in := range c.input {
		v := lookup(tree, in.path)
		if v == missing || v == nil {
			if !in.absent {
				return false
			}
			continue
		}
		found := false
		for _, want := range in.values {
			found = found || textOf(v) == want
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
		if c := &b.cases[i]; len(c.set) > 0 && c.applies(tree) {
			s.applySet(c.set, desc, e)
		}
	}
}

// caseOutput writes over the answer the outputs of b's cases that the
// request meets; the answer is returned as it is when none does.
func (s *Server) caseOutput(b *boundOp, op *compiledOp, tree map[string]any, e *env, answer []byte) ([]byte, error) {
	var out map[string]any
	for i := range b.cases {
		c := &b.cases[i]
		if len(c.output) == 0 || !c.applies(tree) {
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
