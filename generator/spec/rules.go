package spec

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/specgen/specgen/generator/model"
)

// Rules that span members: the `rules` list of a structure or list shape.
// The loader keeps the list's node (rawShape.rules); this file checks each
// rule against the shape's members, looks for rules that contradict each
// other or the members' required flags, and fills model.Shape.Rules.

var (
	// ruleKinds are the keys that give a rule its kind; requiredWhen and
	// onlyWhen may share an entry (one member, two rules).
	ruleKinds = []string{"oneOf", "atMostOneOf", "uniqueBy", "requiredWhen", "onlyWhen"}
)

// rules resolves the rules of every shape; it runs once every shape is
// filled and every member default is checked, since conditions compare
// against defaults.
func (r *resolver) rules() {
	for _, sh := range r.raw.shapes {
		s := r.shapes[sh.name.v]
		if sh.rules == nil || s == nil || s.Kind == "" {
			continue
		}
		if s.Kind != model.Structure && s.Kind != model.List {
			r.errorf(sh.keys["rules"], "rules apply only to structure and list shapes, not %s", s.Kind)
			continue
		}
		for _, n := range r.sequence(sh.rules, "rules of "+sh.name.v) {
			s.Rules = append(s.Rules, r.rule(s, n)...)
		}
		if s.Kind == model.Structure {
			r.ruleConflicts(s)
		}
	}
}

// rule resolves one entry of a rules list: one rule, or two when an entry
// gives a member both requiredWhen and onlyWhen.
func (r *resolver) rule(s *model.Shape, n *yaml.Node) []*model.Rule {
	before := len(r.diags)
	pairs := r.mapping(n, "rule", ruleKeys)
	byKey := map[string]pair{}
	var kinds []string
	for _, p := range pairs {
		byKey[p.k.Value] = p
		if contains(ruleKinds, p.k.Value) {
			kinds = append(kinds, p.k.Value)
		}
	}
	if deref(n).Kind != yaml.MappingNode {
		return nil // reported by mapping
	}
	switch {
	case len(kinds) == 0:
		if len(r.diags) == before { // else an unknown key, reported with a suggestion
			r.errorf(n, "rule needs one of %s", strings.Join(ruleKinds, ", "))
		}
		return nil
	case len(kinds) > 1 && !(len(kinds) == 2 && byKey["requiredWhen"].k != nil && byKey["onlyWhen"].k != nil):
		r.errorf(byKey[kinds[1]].k, "a rule has one kind, found %s and %s; write two rules", kinds[0], kinds[1])
		return nil
	}
	pos := r.pos(n)
	kind := kinds[0]
	if want := ruleShapeKind(kind); s.Kind != want {
		r.errorf(byKey[kind].k, "%s applies only to %s shapes, not %s", kind, want, s.Kind)
		return nil
	}
	member, hasMember := byKey["member"]
	if hasMember && kind != "requiredWhen" && kind != "onlyWhen" {
		r.errorf(member.k, "member applies only to requiredWhen and onlyWhen rules")
		return nil
	}
	switch kind {
	case "oneOf", "atMostOneOf":
		return r.exclusiveRule(s, model.RuleKind(kind), byKey[kind], pos)
	case "uniqueBy":
		return r.uniqueRule(s, byKey[kind], pos)
	}
	if !hasMember {
		r.errorf(n, "%s needs member: the member it constrains", kind)
		return nil
	}
	m := r.ruleMember(s, r.str(member.v, "member"))
	var out []*model.Rule
	for _, k := range kinds {
		c := r.condition(s, byKey[k].v)
		if m == nil || c == nil {
			continue
		}
		if c.Member == m {
			r.errorf(byKey[k].k, "%s of %s names the member itself", k, m.Name)
			continue
		}
		out = append(out, &model.Rule{Pos: pos, Kind: model.RuleKind(k), Members: []*model.Member{m}, When: c})
	}
	return out
}

// ruleShapeKind is the kind of shape a rule kind applies to.
func ruleShapeKind(kind string) model.Kind {
	if kind == "uniqueBy" {
		return model.List
	}
	return model.Structure
}

// exclusiveRule resolves oneOf and atMostOneOf: a list of two or more
// distinct members.
func (r *resolver) exclusiveRule(s *model.Shape, kind model.RuleKind, p pair, pos model.Pos) []*model.Rule {
	rule := &model.Rule{Pos: pos, Kind: kind}
	if deref(p.v).Kind != yaml.SequenceNode {
		r.sequence(p.v, string(kind)) // reports it
		return nil
	}
	items := deref(p.v).Content
	ok := true
	for _, n := range items {
		name := r.str(n, string(kind)+" member")
		m := r.ruleMember(s, name)
		if m == nil {
			ok = false
			continue
		}
		for _, prev := range rule.Members {
			if prev == m {
				r.errorf(n, "member %s is listed twice in %s", m.Name, kind)
				ok = false
			}
		}
		rule.Members = append(rule.Members, m)
	}
	if len(items) < 2 {
		r.errorf(p.v, "%s needs at least two members", kind)
		return nil
	}
	if !ok {
		return nil
	}
	return []*model.Rule{rule}
}

// uniqueRule resolves uniqueBy: a key member of the list's element
// structure, of a kind whose values compare exactly.
func (r *resolver) uniqueRule(s *model.Shape, p pair, pos model.Pos) []*model.Rule {
	key := r.str(p.v, "uniqueBy")
	elem := s.Member
	if !key.ok() || elem == nil || elem.Kind == "" {
		return nil // reported already
	}
	if elem.Kind != model.Structure {
		r.errorf(p.k, "uniqueBy needs a list of structures; %s holds %s values", s.Name, elem.Kind)
		return nil
	}
	m := r.ruleMember(elem, key)
	if m == nil || m.Shape == nil {
		return nil
	}
	switch m.Shape.Kind {
	case model.String, model.Integer, model.Long:
	default:
		r.errorf(key.n, "uniqueBy key %s must be a string, integer or long member, not %s", m.Name, m.Shape.Kind)
		return nil
	}
	return []*model.Rule{{Pos: pos, Kind: model.UniqueBy, Members: []*model.Member{m}}}
}

// ruleMember finds the member name of structure s, reporting an unknown one
// with a suggestion.
func (r *resolver) ruleMember(s *model.Shape, name str) *model.Member {
	if !name.ok() {
		return nil
	}
	var names []string
	for _, m := range s.Members {
		if m.Name == name.v {
			return m
		}
		names = append(names, m.Name)
	}
	if sg := suggest(name.v, names); sg != "" {
		r.errorf(name.n, "%s has no member %q, did you mean %q?", s.Name, name.v, sg)
	} else {
		r.errorf(name.n, "%s has no member %q (members: %s)", s.Name, name.v, strings.Join(names, ", "))
	}
	return nil
}

// condition resolves {member: X, equals: V}: X a scalar member of s that
// compares exactly, V a value of X's shape.
func (r *resolver) condition(s *model.Shape, n *yaml.Node) *model.Condition {
	var member str
	var equals *yaml.Node
	for _, p := range r.mapping(n, "condition", conditionKeys) {
		switch p.k.Value {
		case "member":
			member = r.str(p.v, "condition member")
		case "equals":
			equals = deref(p.v)
		}
	}
	if deref(n).Kind != yaml.MappingNode {
		return nil
	}
	if !member.ok() || equals == nil {
		r.errorf(n, "a condition needs member and equals")
		return nil
	}
	m := r.ruleMember(s, member)
	if m == nil || m.Shape == nil || m.Shape.Kind == "" {
		return nil
	}
	v, ok := r.conditionValue(m, equals)
	if !ok {
		return nil
	}
	return &model.Condition{Member: m, Equals: v}
}

// conditionValue checks that n is a value member m can hold and returns it
// typed as model.Condition.Equals is.
func (r *resolver) conditionValue(m *model.Member, n *yaml.Node) (any, bool) {
	s := m.Shape
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		r.errorf(n, "equals must be a single value, found %s", kindName(n))
		return nil, false
	}
	switch s.Kind {
	case model.String:
		if n.Tag != "!!str" {
			r.errorf(n, "equals must be a string for member %s (quote it), found %s", m.Name, n.Value)
			return nil, false
		}
		if s.IsEnum() {
			var values []string
			for _, e := range s.Enum {
				if e.Value == n.Value {
					return n.Value, true
				}
				values = append(values, e.Value)
			}
			if sg := suggest(n.Value, values); sg != "" {
				r.errorf(n, "equals %q is not a value of enum %s, did you mean %q?", n.Value, s.Name, sg)
			} else {
				r.errorf(n, "equals %q is not a value of enum %s (values: %s)", n.Value, s.Name, strings.Join(values, ", "))
			}
			return nil, false
		}
		before := len(r.diags)
		r.checkStringValue(s, n.Value, n, "equals value")
		return n.Value, len(r.diags) == before
	case model.Boolean:
		if n.Tag != "!!bool" {
			r.errorf(n, "equals must be true or false for member %s, found %s", m.Name, kindName(n))
			return nil, false
		}
		return n.Value == "true", true
	case model.Integer, model.Long:
		v, ok := r.integer(n, "equals for member "+m.Name)
		if ok && s.Range != nil && ((s.Range.Min != nil && float64(v) < *s.Range.Min) || (s.Range.Max != nil && float64(v) > *s.Range.Max)) {
			r.errorf(n, "equals %d is outside the range of shape %s", v, s.Name)
			return nil, false
		}
		return v, ok
	}
	r.errorf(n, "a condition compares a string, boolean, integer or long member; %s is %s", m.Name, s.Kind)
	return nil, false
}

// ruleConflicts reports rules of structure s that can never hold together,
// or that contradict the members' required flags.
func (r *resolver) ruleConflicts(s *model.Shape) {
	for i, rule := range s.Rules {
		switch rule.Kind {
		case model.OneOf, model.AtMostOneOf:
			for _, m := range rule.Members {
				if m.Required {
					r.diags = append(r.diags, Diagnostic{Pos: rule.Pos, Msg: fmt.Sprintf(
						"%s lists required member %s, so the other members could never be set", rule.Kind, m.Name)})
				}
			}
		case model.RequiredWhen, model.OnlyWhen:
			m, c := rule.Members[0], rule.When
			if m.Required {
				what := "requiredWhen adds nothing"
				if rule.Kind == model.OnlyWhen {
					what = fmt.Sprintf("it cannot be allowed only when %s is %s", c.Member.Name, valueText(c.Equals))
				}
				r.diags = append(r.diags, Diagnostic{Pos: rule.Pos, Msg: fmt.Sprintf("%s is required, so %s", m.Name, what)})
			}
			for _, other := range s.Rules[:i] {
				if other.When != nil && other.Kind != rule.Kind && other.Members[0] == m &&
					other.When.Member == c.Member && other.When.Equals != c.Equals {
					req, only := rule, other
					if rule.Kind == model.OnlyWhen {
						req, only = other, rule
					}
					r.diags = append(r.diags, Diagnostic{Pos: rule.Pos, Msg: fmt.Sprintf(
						"%s is required when %s is %s but allowed only when it is %s",
						m.Name, c.Member.Name, valueText(req.When.Equals), valueText(only.When.Equals))})
				}
			}
			if c.HoldsWhenUnset() {
				continue // the condition can hold with its member left out
			}
			for _, other := range s.Rules {
				if (other.Kind == model.OneOf || other.Kind == model.AtMostOneOf) &&
					memberIn(m, other.Members) && memberIn(c.Member, other.Members) {
					never := m.Name + " could never be set"
					if rule.Kind == model.RequiredWhen {
						never = c.Member.Name + " could never be " + valueText(c.Equals)
					}
					r.diags = append(r.diags, Diagnostic{Pos: rule.Pos, Msg: fmt.Sprintf(
						"%s %s is %s contradicts the %s of %s: %s",
						rule.Kind, c.Member.Name, valueText(c.Equals), other.Kind, names(other.Members), never)})
				}
			}
		}
	}
}

// names lists the members' names as the spec writes them.
func names(ms []*model.Member) string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Name
	}
	return strings.Join(out, ", ")
}

func memberIn(m *model.Member, list []*model.Member) bool {
	for _, x := range list {
		if x == m {
			return true
		}
	}
	return false
}

// valueText renders a condition value as the spec and messages write it.
func valueText(v any) string { return fmt.Sprint(v) }
