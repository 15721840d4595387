package spec

import (
	"regexp"

	"gopkg.in/yaml.v3"

	"github.com/specgen/specgen/generator/model"
)

// Errors by code: EC2's model declares no error shapes, and its errors
// (InvalidVpcID.NotFound, DependencyViolation, MissingParameter) are codes
// in <Response><Errors><Error><Code>, several with a dot, which no shape
// name may hold. For a service whose operations declare no errors, a mock
// error may name its code instead of a shape: the clients surface it as
// their generic API error with that code, as the AWS SDKs do EC2's.

// errorCodeRE is what an error code may be: letters, digits, dots.
var errorCodeRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$`)

// declaresErrors tells whether some operation of the service declares an
// error shape.
func (r *resolver) declaresErrors() bool {
	for _, op := range r.svc.Operations {
		if len(op.Errors) > 0 {
			return true
		}
	}
	return false
}

// errorCode checks v as the code of an error no shape declares.
func (r *resolver) errorCode(v str, what string) string {
	switch {
	case !v.ok():
		return ""
	case r.declaresErrors():
		r.errorf(v.n, "%s: code %s: an error is named by code only in a service whose operations declare no errors; name its error shape", what, v.v)
	case !errorCodeRE.MatchString(v.v):
		r.errorf(v.n, "%s: %q is not an error code (letters and digits, parts separated by dots)", what, v.v)
	default:
		return v.v
	}
	return ""
}

// codeError is the error of code v, its message the engine's, when v
// names no shape and the service declares no errors; nil otherwise (an
// empty error, reported, when v is no code either).
func (r *resolver) codeError(v str, what string) *model.MockError {
	if !v.ok() || r.byName[v.v] != nil || r.declaresErrors() {
		return nil
	}
	if !errorCodeRE.MatchString(v.v) {
		r.errorf(v.n, "%s: %q is neither a shape nor an error code (letters and digits, parts separated by dots)", what, v.v)
		return &model.MockError{}
	}
	return &model.MockError{Code: v.v}
}

// resourceErrorNode reads a resource's error: an error shape's name (or,
// in a service that declares no errors, a code), or a mock error block
// {code, members} (or {error, members}).
func (r *resolver) resourceErrorNode(res *model.Resource, n *yaml.Node, what string) *model.MockError {
	if deref(n).Kind == yaml.MappingNode {
		return r.mockError(n, "resource "+res.Name+" "+what, scope{})
	}
	return r.resourceError(res, r.str(n, what), what)
}
