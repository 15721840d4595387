package model

// Resource is a kind of resource the service keeps, from the spec's
// resources block: how the generated mock identifies it, which operations
// act on it and how its status moves. Member names are wire names; paths
// into inputs and outputs are dotted.
type Resource struct {
	Pos  Pos
	Name string
	Doc  string
	// Parent is the resource this one belongs to; nil for a top-level one.
	Parent *Resource
	// ID, NameMember, ARN, ParentID and Status are description members;
	// all but ID may be empty.
	ID, NameMember, ARN, ParentID, Status string
	// ParentARN is the description member that gets the parent's ARN; ""
	// for none.
	ParentARN string
	// Created and Modified are the description's timestamp members that
	// hold when the resource was created and last modified; "" for none.
	Created, Modified string
	// IDTemplate and ARNTemplate are mock templates (specrt/mockrt); with
	// an empty IDTemplate the id is what the input gave, else a UUID.
	IDTemplate, ARNTemplate string
	// IDPrefix is the text every id begins with as answered (Route 53's
	// /hostedzone/): the mock puts it before each new id and accepts an
	// identifier without it; "" for none.
	IDPrefix string
	// NotFound, Conflict, HasChildren and InvalidToken are the errors the
	// mock answers, their message member set to {message}; nil answers the
	// mock's generic error (InvalidToken: the validation error).
	NotFound, Conflict, HasChildren, InvalidToken *MockError
	// HasChildrenOf maps a child resource's name to the error a delete
	// answers while the resource has live children of that kind, in place
	// of HasChildren.
	HasChildrenOf map[string]*MockError
	// Private are description members the mock keeps and no operation
	// answers (an SNS subscription's confirmation Token).
	Private []string
	// Inactive are statuses in which the resource no longer holds its
	// parent (a STOPPED task): it does not block the parent's delete.
	Inactive []string
	// ReferencedBy maps another kind to the member path of its
	// description (through lists) holding this resource's id: while a live
	// one refers to it, a delete answers HasChildren.
	ReferencedBy map[string]string
	// Operations act on the resource, sorted by operation name.
	Operations []*ResourceOperation
	// Tags is the description member showing the resource's tags; TagKey
	// and TagValue the members of one when they are a list of structures.
	Tags, TagKey, TagValue string
	// Counts maps a child resource's name to the description member that
	// counts the live ones.
	Counts map[string]string
	// CountsWhere maps a child resource's name to the description members
	// that count its live children of given values.
	CountsWhere map[string][]*Count
	// Defaults are the least conforming values of the description's
	// required members, which a create fills when nothing else set them.
	Defaults []*MockField
	// Builtin are the names of instances that always exist (Scheduler's
	// default schedule group), created as by the create with its input's
	// name member set, and never deleted.
	Builtin []string
	// DefaultParent is the name of the parent a request naming none means
	// (a schedule created without a group lives in default); "" for none.
	DefaultParent string
	// Attributes, when set, is the member name under which the resource is
	// a map of strings (SNS's topic Attributes): the description is that
	// map, a create starts it from its input member of that name.
	Attributes string
}

// ResourceOperation is what one operation does to a resource.
type ResourceOperation struct {
	Operation *Operation
	// Role is create, read, readMany, update, delete, deleteMany, list,
	// action, actionMany, tag, untag or listTags.
	Role string
	// Identifier and ParentIdentifier are input members naming the resource
	// and its parent by id, name or ARN.
	Identifier, ParentIdentifier string
	// OtherIdentifiers are input members naming the resource when the
	// request leaves Identifier out, the first it sets taken.
	OtherIdentifiers []string
	// Description is the output member holding the resource's description;
	// "" for the output itself, "-" for none.
	Description string
	// Filters are a list's input members that, when set, keep only the
	// resources whose description member FilterMembers names (of the same
	// index) equals them.
	Filters, FilterMembers []string
	// PrefixFilters are a list's input members that, when set, keep only
	// the resources whose description member PrefixFilterMembers names
	// begins with them.
	PrefixFilters, PrefixFilterMembers []string
	// ARNOutput is the output member answering the resource's ARN (create,
	// update, delete, action); "" for none.
	ARNOutput string
	// MaxPageSize is a list's largest page; 0 for the mock's default.
	MaxPageSize int
	// NewestFirst makes a list answer the newest resource first.
	NewestFirst bool
	// IdempotencyToken is the create input's idempotency token member.
	IdempotencyToken string
	// ResourceARN names the resource by ARN (tag, untag, listTags).
	ResourceARN string
	// Tags is the member holding tags; TagKeys the untag input's keys.
	// TagKey and TagValue are the members of a tag given as a structure in
	// a list; empty when tags are a map.
	Tags, TagKeys, TagKey, TagValue string
	// Transition is the status change the operation makes; nil for none.
	Transition *Transition
	// QuotaExceeded is a create's answer when the mock is full: the
	// operation's declared quota error, found by its code; nil for the
	// mock's generic one.
	QuotaExceeded *MockError
	// Set are templates written into the description last (create,
	// update, delete, action).
	Set []*MockField
	// Failures is a readMany's output list of failures, Failure the
	// templates of one ({message} is the identifier not found).
	Failures string
	Failure  []*MockField
	// Creates is another resource the operation records; nil for none.
	Creates *Creates
	// NotFound replaces the resource's NotFound for this operation.
	NotFound *MockError
	// Retired is what this operation answers for a retired resource (ECS's
	// UpdateService of an INACTIVE service); nil answers NotFound.
	Retired *MockError
	// FilterList is a list's input list of filters; nil for none.
	FilterList *FilterList
	// Identifiers are a list's input lists of identifiers that restrict
	// it to the resources they name, in the order asked.
	Identifiers []string
	// Items is the output list of descriptions of a list without a
	// paginator; "" when the paginator names it.
	Items string
	// ResourceIDs is a tag or untag input list naming several resources
	// by id or ARN; "" for none.
	ResourceIDs string
	// AnswerExisting makes a create of a taken name answer the resource
	// that has it.
	AnswerExisting bool
	// UpdateExisting makes a create of a taken id or name update the
	// resource that has it.
	UpdateExisting bool
	// ReplaceExisting is UpdateExisting that also removes the members the
	// create's input has and the request leaves out.
	ReplaceExisting bool
	// AttributeName and AttributeValue are the input members of an update
	// of a resource kept as Attributes: the attribute it writes and its
	// value.
	AttributeName, AttributeValue string
	// IgnoreMissing makes a delete or deleteMany of an identifier naming
	// no resource succeed.
	IgnoreMissing bool
	// Cascade makes a delete or deleteMany remove the resource's children
	// with it.
	Cascade bool
	// When are a create's, an action's or a list's cases; none for most.
	When []*Case
	// Resource is the name of the resource the operation is bound to.
	Resource string
	// SelectWhen are the input conditions under which a list bound to
	// several resources lists this one; nil for a list of one.
	SelectWhen []*MockField
	// IdentifierMember is the description member an action's Identifier
	// names the resource by, in place of its id, name or ARN; "" for
	// those.
	IdentifierMember string
	// OptionalIdentifier makes an action whose request sets no identifier
	// act on no resource.
	OptionalIdentifier bool
	// Each is the input list of strings a create makes one resource for
	// each of, EachMember the description member each string is written
	// to; "" for a create of one.
	Each, EachMember string
	// CountMin and CountMax are the input members asking a create for at
	// least and at most so many resources (EC2's MinCount, MaxCount),
	// CountIndex the description member that gets each one's index; ""
	// for a create of one.
	CountMin, CountMax, CountIndex string
	// Group is the create's output member whose value groups the
	// resources it made (EC2's ReservationId).
	Group string
	// GroupItems and GroupID make a list's items groups: GroupItems the
	// list member of a group holding descriptions, GroupID its member
	// holding the group; GroupSet is written into each group.
	GroupItems, GroupID string
	GroupSet            []*MockField
	// Changes is an action's answer for each resource of its list
	// Identifier; nil for an action on one.
	Changes *Changes
	// Refuse are the statuses in which an action answers Refused.
	Refuse  []string
	Refused *MockError
	// Companions are resources of other kinds a create makes with its
	// own, as its children.
	Companions []*Companion
}

// Companion is a resource a create makes beside its own: one of the kind
// Resource, made by that kind's create with Input (templates of the
// create's request) and the new resource as parent, then Set written
// into its description ({parent.*} the new resource's description).
type Companion struct {
	Resource   string
	Input, Set []*MockField
}

// Changes is the output list (Member) an action on several resources
// answers, an element for each: its id (ID), its status before
// (Previous) and after (Current).
type Changes struct {
	Member, ID, Previous, Current string
}

// Count is a description member (Member) counting the live children
// whose description members Where names have the values it gives.
type Count struct {
	Member string
	Where  []*MockField
	// Deleted counts the children deleted instead of the live ones.
	Deleted bool
}

// Case is what a create or an action writes (Set) and answers (Output)
// beside its own, or how a list shows an item (Output), when each of the
// Input members and of the description's Resource members (a MockField
// whose Value is the list of the values it may have, nil for a member
// left out) has one of them.
type Case struct {
	Input, Resource, Set, Output []*MockField
	// Error is what a create or an action answers instead when the case
	// applies; nil for none.
	Error *MockError
}

// FilterList is an input list of filters: the list member, the members of
// a filter, and the description member each field name compares.
type FilterList struct {
	Member, Name, Values, Condition string
	Fields                          map[string]string
	// DefaultCondition is the condition of a filter that gives none (""
	// for EQ); TagPrefix the prefix of filter names that compare a tag;
	// TagKeyName the name of the filter whose values are tag keys.
	DefaultCondition, TagPrefix, TagKeyName string
}

// Creates is a resource an operation records beside the one it acts on.
type Creates struct {
	Resource *Resource
	// ID is the output member holding its id.
	ID         string
	Set        []*MockField
	Transition *Transition
	// Current is the acting resource's description member holding the
	// last one's id; Supersedes the status the previous one moves to.
	Current, Supersedes string
	// SupersededSet is written into the previous one's description when
	// it moves to Supersedes.
	SupersededSet []*MockField
}

// Transition is a status change: During at once, Then after Delay seconds.
type Transition struct {
	During, Then string
	Delay        float64
	// Set are templates written into the description when Then is
	// reached.
	Set []*MockField
}
