package spec

import (
	"math"
	"strings"

	"github.com/specgen/specgen/generator/model"
)

// requiredOutputs gives every operation's mock a value for each required
// member of its output body that no template of the spec sets, so that the
// mock's answer conforms to the output shape whatever the spec's mock
// block says, or when it has none: an imported service has hundreds of
// operations and the model, not a hand-written block, says what their
// answers must hold. Values are the least that conforms: the first enum
// value, the least number in range, a shortest string the pattern and
// length allow, empty lists and maps (or as many elements as the length
// needs), structures with their own required members.
//
// A member that holds a resource's description is left to the resource
// engine, which fills the description's required members that nothing set
// (Resource.Defaults) after copying the input: a least value here would
// overwrite what the create was given (Route 53's CreateHostedZone answers
// its HostedZone, whose Name the input gives).
func (r *resolver) requiredOutputs() {
	described := map[*model.Operation]map[string]bool{}
	for _, res := range r.svc.Resources {
		for _, ro := range res.Operations {
			if ro.Description == "-" || (ro.Role != "create" && ro.Role != "update") {
				continue
			}
			if described[ro.Operation] == nil {
				described[ro.Operation] = map[string]bool{}
			}
			described[ro.Operation][ro.Description] = true
		}
	}
	for _, op := range r.svc.Operations {
		if op.Output == nil || op.Output.Kind != model.Structure || described[op][""] {
			continue
		}
		var fields []*model.MockField
		for _, m := range op.Output.Members {
			if !m.Required || m.Location != "" || m.Shape == nil || templated(op.Mock, m.Name) || described[op][m.Name] {
				continue
			}
			if v, ok := leastValue(m.Shape, m.TimestampFormat, map[*model.Shape]bool{op.Output: true}); ok {
				fields = append(fields, &model.MockField{Path: m.Name, Value: v})
			}
		}
		if len(fields) == 0 {
			continue
		}
		if op.Mock == nil {
			op.Mock = &model.OperationMock{}
		}
		op.Mock.Output = append(op.Mock.Output, fields...)
	}
}

// templated reports whether the mock block sets the member name, or a
// member inside it, with a template of its own.
func templated(m *model.OperationMock, name string) bool {
	if m == nil {
		return false
	}
	for _, f := range m.Output {
		if f.Path == name || strings.HasPrefix(f.Path, name+".") {
			return true
		}
	}
	return false
}

// leastValue is the least value of s that conforms, as a template: a
// string holds no expression but {now} for a timestamp in epoch seconds.
// It reports false when no value conforms (a pattern with no string within
// the length, a structure that requires itself).
func leastValue(s *model.Shape, format string, seen map[*model.Shape]bool) (any, bool) {
	switch s.Kind {
	case model.String:
		return leastString(s)
	case model.Integer, model.Long:
		return int64(leastNumber(s.Range, true)), true
	case model.Float, model.Double:
		return leastNumber(s.Range, false), true
	case model.Boolean:
		return false, true
	case model.Timestamp:
		if format == "" {
			format = s.TimestampFormat
		}
		switch format {
		case model.ISO8601Format:
			return "1970-01-01T00:00:00Z", true
		case model.HTTPDateFormat:
			return "Thu, 01 Jan 1970 00:00:00 GMT", true
		}
		return "{now}", true
	case model.Blob:
		return "", true
	case model.Document:
		return map[string]any{}, true
	case model.List:
		n := minCount(s.Length)
		list := make([]any, 0, n)
		for range n {
			v, ok := leastValue(s.Member, "", seen)
			if !ok {
				return nil, false
			}
			list = append(list, v)
		}
		return list, true
	case model.Map:
		switch minCount(s.Length) {
		case 0:
			return map[string]any{}, true
		case 1:
			k, ok := leastString(s.Key)
			v, ok2 := leastValue(s.Value, "", seen)
			if !ok || !ok2 {
				return nil, false
			}
			return map[string]any{k.(string): v}, true
		}
		return nil, false // distinct keys are not worth spelling out
	case model.Structure:
		if seen[s] {
			return nil, false
		}
		seen[s] = true
		defer delete(seen, s)
		obj := map[string]any{}
		for _, m := range s.Members {
			if !m.Required || m.Location != "" {
				continue
			}
			v, ok := leastValue(m.Shape, m.TimestampFormat, seen)
			if !ok {
				return nil, false
			}
			obj[m.Name] = v
		}
		return obj, true
	}
	return nil, false
}

func leastString(s *model.Shape) (any, bool) {
	if s.IsEnum() {
		return escapeTemplate(s.Enum[0].Value), true
	}
	lo, hi := minCount(s.Length), -1
	if s.Length != nil && s.Length.Max != nil {
		hi = int(*s.Length.Max)
	}
	if s.Pattern != nil && s.Pattern.DFA != nil {
		// Not empty when the pattern allows more: an empty required
		// string conforms, but tells a reader nothing.
		v, ok := s.Pattern.DFA.Example(max(lo, 1), hi)
		if !ok {
			v, ok = s.Pattern.DFA.Example(lo, hi)
		}
		return escapeTemplate(v), ok
	}
	return strings.Repeat("x", max(lo, 1)), hi < 0 || hi >= max(lo, 1)
}

// minCount is the least length the bounds allow.
func minCount(b *model.Bounds) int {
	if b == nil || b.Min == nil || *b.Min < 0 {
		return 0
	}
	return int(math.Ceil(*b.Min))
}

// leastNumber is zero when the range allows it, else the end nearest zero.
func leastNumber(b *model.Bounds, whole bool) float64 {
	v := 0.0
	if b != nil && b.Min != nil && *b.Min > 0 {
		v = *b.Min
	}
	if b != nil && b.Max != nil && *b.Max < 0 {
		v = *b.Max
	}
	if whole {
		v = math.Ceil(v)
	}
	return v
}

// escapeTemplate doubles braces, which mock templates read as expressions.
func escapeTemplate(s string) string {
	return strings.NewReplacer("{", "{{", "}", "}}").Replace(s)
}
