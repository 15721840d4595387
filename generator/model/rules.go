package model

// RuleKind is the kind of a rule that spans the members of a structure or
// the elements of a list: a constraint no single member carries.
type RuleKind string

// The rule kinds, named as in the spec.
const (
	// OneOf: exactly one of the members is set.
	OneOf RuleKind = "oneOf"
	// AtMostOneOf: no two of the members are set together.
	AtMostOneOf RuleKind = "atMostOneOf"
	// UniqueBy: no two elements of a list of structures have the same value
	// of the key member; elements that leave it out are exempt.
	UniqueBy RuleKind = "uniqueBy"
	// RequiredWhen: the member is set whenever the condition holds.
	RequiredWhen RuleKind = "requiredWhen"
	// OnlyWhen: the member is set only when the condition holds.
	OnlyWhen RuleKind = "onlyWhen"
)

// Rule is one rule of a structure or list shape.
type Rule struct {
	Pos  Pos
	Kind RuleKind
	// Members are, for OneOf and AtMostOneOf, the members the rule names, in
	// spec order; for UniqueBy, the key member of the list's element
	// structure; for RequiredWhen and OnlyWhen, the member the rule
	// constrains.
	Members []*Member
	// When is the condition of RequiredWhen and OnlyWhen; nil otherwise.
	When *Condition
}

// Condition holds when a member of the same structure equals a value. A
// member left out has its documented Default, if any, and otherwise equals
// nothing.
type Condition struct {
	Member *Member
	// Equals is typed for the member's shape: string (string and enum
	// shapes), int64 (integer and long) or bool.
	Equals any
}

// HoldsWhenUnset reports whether the condition holds for a member left out, that is
// whether its documented default is the compared value.
func (c *Condition) HoldsWhenUnset() bool {
	return c.Member.Default != nil && c.Member.Default == c.Equals
}
