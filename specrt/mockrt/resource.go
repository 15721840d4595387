package mockrt

import "time"

// Resource describes one kind of resource a service keeps (a service, a
// listener, an instance): how it is identified, which operations act on it
// and how its status moves. Generated mock packages build it from the
// spec's resources block; the engine that serves it (engine.go) knows
// nothing of any particular service.
//
// Member paths of the description (ID, Name, ARN, Status, ParentID) are
// dotted wire names inside the description object; paths of inputs and
// outputs are dotted wire names from the top of the input or output.
type Resource struct {
	// Name is the resource's name in the spec, e.g. Service.
	Name string
	// Parent is the Name of the resource this one belongs to; empty for a
	// top-level resource.
	Parent string
	// ID, Name and ARN are the description members holding the resource's
	// identifiers; NameMember and ARN may be empty.
	ID, NameMember, ARN string
	// ParentID is the description member that holds the parent's id; it
	// may be empty.
	ParentID string
	// ParentARN is the description member that holds the parent's ARN (a
	// VPC Lattice listener's serviceArn); it may be empty.
	ParentARN string
	// Status is the description member holding the resource's status; empty
	// when it has none.
	Status string
	// Created and Modified are the description's timestamp members that
	// hold when the resource was created and last modified (Scheduler's
	// CreationDate and LastModificationDate): a create sets both from the
	// mock's clock, unless its mock block did, and an update sets
	// Modified. Either may be empty.
	Created, Modified string
	// IDTemplate builds a new resource's id; without one, the id is the
	// value the input gave the ID member (a resource whose id is its name),
	// else a UUID. ARNTemplate builds its ARN. Their
	// {output.<path>} expressions see the description being built, and
	// {parent.<path>} is not available: put the parent's id in the
	// description first (ParentID) and use {output.<ParentID>}.
	IDTemplate, ARNTemplate string
	// IDPrefix is the text every id begins with as the service answers it
	// (Route 53's /hostedzone/): a new id is IDPrefix followed by what
	// IDTemplate (or the input, or a UUID) gives, and an identifier
	// without IDPrefix names the same resource as one with it, since
	// clients such as the AWS SDKs strip it. "" for none.
	IDPrefix string
	// NotFound is the error answered for an identifier that names no
	// resource; {message} says which. Nil answers a generic
	// ResourceNotFoundException.
	NotFound *ErrorTemplate
	// Conflict is the error answered when a create reuses a name taken in
	// the same parent. Nil answers a generic ConflictException.
	Conflict *ErrorTemplate
	// HasChildren is the error answered when a delete names a resource that
	// still has children. Nil answers a generic ConflictException.
	HasChildren *ErrorTemplate
	// HasChildrenOf maps the Name of a kind of child to the error answered,
	// in place of HasChildren, when a delete names a resource that still
	// has live children of that kind (ECS's ClusterContainsTasksException).
	// The kinds are checked in the order of their names.
	HasChildrenOf map[string]*ErrorTemplate
	// Private are description members the engine keeps and no operation
	// answers; the control API (Resource, Resources) shows them. An SNS
	// subscription's confirmation Token is kept so (private.go).
	Private []string
	// Inactive are statuses in which a resource no longer holds its parent
	// (an ECS task once STOPPED): it does not block the parent's delete.
	Inactive []string
	// ReferencedBy maps the Name of another kind to the member path of its
	// description (through lists, any element) that holds this resource's
	// id: while a live resource of that kind refers to it so, a delete
	// answers HasChildren (EC2's DeleteVpc while an internet gateway is
	// attached to the VPC: attachmentSet.vpcId).
	ReferencedBy map[string]string
	// InvalidToken is the error answered for a pagination token the mock
	// did not issue. Nil answers the validation error.
	InvalidToken *ErrorTemplate
	// Operations are the operations that act on the resource, by role.
	Operations []ResourceOperation
	// Tags is the description member that shows the resource's tags (as
	// TagResource and UntagResource change them), a map of strings or,
	// with TagKey and TagValue, a list of structures; empty for none.
	Tags, TagKey, TagValue string
	// Counts maps the name of a kind of child to the description member
	// that counts its live children (ECS's activeServicesCount, Cloud
	// Map's ServiceCount).
	Counts map[string]string
	// CountsWhere maps the name of a kind of child to the description
	// members that count its live children of given values (SNS's
	// SubscriptionsConfirmed and SubscriptionsPending, by the
	// subscriptions' PendingConfirmation).
	CountsWhere map[string][]Count
	// Defaults are values of the description's required members, which a
	// create gives those that nothing else set, so that every answer
	// holding the description conforms to its shape.
	Defaults []Field
	// Builtin are the names of instances that always exist (EventBridge
	// Scheduler's default schedule group): the engine creates each, as the
	// create operation would with its input's NameMember set to it, and
	// settled in its final status, before it serves a request; a delete of
	// one answers the validation error.
	Builtin []string
	// DefaultParent is the name of the parent that a create, read, update,
	// delete or action naming none acts within (a schedule created without
	// a group lives in default); "" makes the parent required. Lists
	// naming none still list the resources of every parent.
	DefaultParent string
	// Attributes, when set, makes the description a map of strings (an
	// SNS topic's attributes) rather than a structure: a create starts it
	// from its input member of that name, and an update writes the one
	// attribute its AttributeName names (attributes.go). The identifiers
	// are keys of the map.
	Attributes string
}

// Role is what an operation does to a resource.
type Role string

// The roles of an operation.
const (
	RoleCreate   Role = "create"
	RoleRead     Role = "read"
	RoleUpdate   Role = "update"
	RoleDelete   Role = "delete"
	RoleList     Role = "list"
	RoleReadMany Role = "readMany" // reads a list of identifiers at once
	// RoleDeleteMany deletes a list of identifiers at once (CloudWatch's
	// DeleteAlarms).
	RoleDeleteMany Role = "deleteMany"
	RoleAction     Role = "action" // changes the status only: pause, resume
	// RoleActionMany writes its Set into each of a list of identifiers at
	// once (CloudWatch's EnableAlarmActions).
	RoleActionMany Role = "actionMany"
	RoleTag        Role = "tag"
	RoleUntag      Role = "untag"
	RoleListTags   Role = "listTags"
)

// ResourceOperation binds an operation to a resource in a role.
type ResourceOperation struct {
	// Role is what the operation does.
	Role Role
	// Operation is the operation's name.
	Operation string
	// Identifier is the input member naming the resource (read, update,
	// delete, action): its id, its name or its ARN, whichever the caller
	// gives.
	Identifier string
	// ParentIdentifier is the input member naming the parent (create, list;
	// read and the others when names are unique only within a parent).
	ParentIdentifier string
	// Description is the output member that holds the resource's
	// description; "" means the output is the description itself, and "-"
	// that the output holds none.
	Description string
	// Items is, for list, the output list member of descriptions.
	Items string
	// InputToken, OutputToken and LimitKey are list's pagination members;
	// MaxPageSize is the service's largest page (0: 100).
	InputToken, OutputToken, LimitKey string
	MaxPageSize                       int
	// MoreResults is, for list, the output's boolean member that says
	// whether another page follows (Route 53's IsTruncated); "" for none.
	MoreResults string
	// NewestFirst makes list answer the newest resource first (App
	// Runner's ListOperations); else the oldest.
	NewestFirst bool
	// Filters are, for list, input members that, when set, keep only the
	// resources whose description member of the same name (or the one
	// FilterMembers names at the same index) equals them.
	Filters, FilterMembers []string
	// PrefixFilters are, for list, input members that, when set, keep only
	// the resources whose description member PrefixFilterMembers names (of
	// the same index) begins with them (Scheduler's NamePrefix).
	PrefixFilters, PrefixFilterMembers []string
	// IdempotencyToken is the create's input member holding the idempotency
	// token; a repeated token answers the first response.
	IdempotencyToken string
	// ResourceARN is the input member naming a resource by ARN (tag, untag,
	// listTags).
	ResourceARN string
	// Tags is the input member holding tags (create, tag, and untag
	// without TagKeys: each tag's key is removed, when its value is given
	// only if it matches) or the output member answering them (listTags);
	// a path through a list gathers the tags of every element (EC2's
	// TagSpecification.Tag). TagKeys is the untag input's list of keys. TagKey and TagValue name the members of a tag given as a
	// structure in a list; empty means tags are a map.
	Tags, TagKeys, TagKey, TagValue string
	// Transition is how the resource's status moves when the operation
	// succeeds; nil leaves it alone.
	Transition *Transition
	// QuotaExceeded is the error a create answers when the mock holds its
	// limit of resources (WithMaxResources, WithMaxStoreBytes); {message}
	// says which. Nil answers a generic ServiceQuotaExceededException.
	QuotaExceeded *ErrorTemplate
	// Set are values the operation writes into the description (create,
	// update, delete, action), after the input's: templates whose
	// {output.<path>} is the description as it stands.
	Set []Field
	// Failures is, for readMany, the output list member that gets one
	// Failure for each identifier naming no resource; Failure's {message}
	// is that identifier.
	Failures string
	Failure  []Field
	// Creates is another resource the operation records beside its own (a
	// pending operation that a GetOperation reads); nil for none.
	Creates *Creates
	// NotFound, when set, replaces the resource's NotFound for this
	// operation (the error it declares).
	NotFound *ErrorTemplate
	// Retired, when set, is what the operation (update, delete, action)
	// answers for a resource retired in a final status (ECS's UpdateService
	// of an INACTIVE service answers ServiceNotActiveException); nil
	// answers the not-found error.
	Retired *ErrorTemplate
	// FilterList is, for list, an input list of filters by name, values
	// and condition (Cloud Map's Filters); nil for none.
	FilterList *FilterList
	// OtherIdentifiers are input members naming the resource (read,
	// update, delete, action) when the request leaves Identifier out, the
	// first it sets taken (EC2's DeleteKeyPair by KeyName or KeyPairId).
	OtherIdentifiers []string
	// Identifiers are, for list, input lists of ids, names or ARNs: a
	// request that sets one lists only the resources they name, in the
	// order asked, in one page, and one naming no resource answers the
	// not-found error (EC2's DescribeVpcs and its VpcId list).
	Identifiers []string
	// ResourceIDs is, for tag and untag, the input list naming several
	// resources at once by id or ARN (EC2's CreateTags); each must exist
	// before any is changed.
	ResourceIDs string
	// ARNOutput is the output member that answers the resource's ARN (a
	// create or update whose output holds only that: EventBridge
	// Scheduler's ScheduleArn); "" for none.
	ARNOutput string
	// AnswerExisting makes a create of a name already taken answer the
	// resource that has it, unchanged, instead of the conflict (ECS's
	// CreateCluster).
	AnswerExisting bool
	// UpdateExisting makes a create of an id or name already taken update
	// the resource that has it from the input, as an update does, record
	// what Creates says and answer it (Cloud Map's RegisterInstance of an
	// InstanceId already registered).
	UpdateExisting bool
	// ReplaceExisting is UpdateExisting that replaces the configuration:
	// the description's members that the create's input has and the
	// request leaves out are removed (CloudWatch's PutMetricAlarm
	// "completely overwrites the previous configuration of the alarm").
	ReplaceExisting bool
	// AttributeName and AttributeValue are, for an update of a resource
	// kept as Attributes, the input members naming the one attribute it
	// writes and its value (SNS's SetTopicAttributes).
	AttributeName, AttributeValue string
	// IgnoreMissing makes a delete (or deleteMany) of an identifier naming
	// no resource succeed, as if it had deleted it (SNS's DeleteTopic is
	// idempotent); deleteMany then deletes the others.
	IgnoreMissing bool
	// Cascade makes a delete remove the resource's children with it (SNS's
	// DeleteTopic deletes the topic's subscriptions) instead of answering
	// HasChildren.
	Cascade bool
	// When are the create's cases: what it writes and answers beside Set
	// when the request's input members have given values (when.go).
	When []Case
	// SelectWhen are, for a list bound to several kinds of resource (an
	// operation that lists them all: CloudWatch's DescribeAlarms of metric
	// and composite alarms), the input conditions under which this kind
	// is listed, as a Case's Input; an input list meets a condition when
	// one of its elements has one of the values (AlarmTypes:
	// [CompositeAlarm]). The kinds that apply are listed one after the
	// other, their pages joined by the one output token.
	SelectWhen []Field
	// IdentifierMember, when set, is the description member that
	// Identifier names the resource by, in place of its id, name or ARN:
	// the resource (within the parent the request names) whose member has
	// that value (SNS's ConfirmSubscription finds the subscription by the
	// Token it was sent); an action only.
	IdentifierMember string
	// OptionalIdentifier makes an action whose request sets no identifier
	// act on no resource: it answers its mock block's output (SNS's
	// Publish to a phone number names no topic).
	OptionalIdentifier bool
	// Each makes a create make one resource for each string of an input
	// list (Lightsail's CreateInstances and its instanceNames): Each is
	// that input member, EachMember the description member each string
	// is written to. The answers' lists are joined into one answer.
	Each, EachMember string
	// CountMin and CountMax make a create make several resources at
	// once, as many as the input member CountMax asks (EC2's RunInstances
	// and its MinCount, MaxCount), at least CountMin of them within the
	// mock's limits; the answers' lists are joined into one answer.
	// CountIndex is the description member that gets each one's index
	// from 0 (AmiLaunchIndex); "" for none.
	CountMin, CountMax, CountIndex string
	// Group is, for a create, the output member whose value, in the
	// answer, is the group of every resource the request made (EC2's
	// ReservationId): a list with GroupItems answers them together.
	Group string
	// GroupItems and GroupID make a list's Items a list of groups (EC2's
	// DescribeInstances answers Reservations): each element holds in
	// GroupItems the descriptions of resources listed one after the other
	// that one create made, and in GroupID the create's Group; GroupSet
	// are values written into each group ({account}).
	GroupItems, GroupID string
	GroupSet            []Field
	// Changes is, for an action whose Identifier is an input list, the
	// answer: one element for each resource named, its status before and
	// after (EC2's StopInstances answers StoppingInstances); nil for none.
	Changes *Changes
	// Refuse are statuses in which the action answers Refused instead of
	// acting (EC2's StartInstances of a terminated instance answers
	// IncorrectInstanceState).
	Refuse  []string
	Refused *ErrorTemplate
	// Companions are, for a create, resources of other kinds made with
	// the new one, as its children (EC2's CreateVpc makes the VPC's
	// default security group, main route table and default network ACL):
	// they do not hold it, and go when it does.
	Companions []Companion
}

// Companion is a resource a create makes beside its own: one of the kind
// Resource, a child of the new resource, made by that kind's create with
// the new resource as parent and Input (templates of the create's
// request: {input.*}), then Set written into its description ({parent.*}
// is the new resource's description).
type Companion struct {
	Resource string
	Input    []Field
	Set      []Field
}

// Changes is what an action on a list of resources answers for each: an
// element of the output list Member holding the resource's id in ID and
// its status before (Previous) and after (Current) the action. A status
// that is a member of a structure (EC2's instanceState.name) is answered
// as that whole structure (instanceState: its code and its name).
type Changes struct {
	Member, ID, Previous, Current string
}

// FilterList reads a list of filters from a list's input: each element
// names a field (Name), the values it takes (Values) and how they compare
// (Condition: EQ, the default, IN or BEGINS_WITH).
type FilterList struct {
	// Member is the input list; Name, Values and Condition the members of
	// its elements.
	Member, Name, Values, Condition string
	// Fields maps a filter's name to the description member it compares.
	// A filter of another name, or with another condition, keeps nothing.
	Fields map[string]string
	// DefaultCondition is the condition of a filter that gives none; ""
	// means EQ. EC2's filters keep a resource matching any value: IN.
	DefaultCondition string
	// TagPrefix, when set, makes a filter named it and a key (EC2's
	// "tag:Name") keep the resources whose tag of that key has one of its
	// values.
	TagPrefix string
	// TagKeyName, when set, makes a filter of that name (EC2's "tag-key")
	// keep the resources that have a tag of one of its values as key.
	TagKeyName string
}

// Creates is a resource an operation records beside the one it acts on:
// Cloud Map answers CreateHttpNamespace with an OperationId that
// GetOperation resolves.
type Creates struct {
	// Resource is the kind recorded.
	Resource string
	// ID is the output member holding the new resource's id; the output's
	// templates (the operation's mock block) produce it.
	ID string
	// Set builds its description: templates whose {output.<path>} is that
	// description, {resource.<path>} the description of the resource the
	// operation acts on and {input.<path>} the request.
	Set []Field
	// Transition is how its status moves; nil leaves the status Set gives.
	Transition *Transition
	// Current is the member of the acting resource's description that
	// holds the id of the last one recorded (an ECS daemon's
	// deploymentArn): each new one's id is written to it. Supersedes is
	// the status the one it held moves to, at once, its pending
	// transition dropped (the previous deployment STOPPED); "" for none.
	Current, Supersedes string
	// SupersededSet is written into the description of the one that moves
	// to Supersedes, at that moment ({now}: an ECS deployment's
	// stoppedAt); {output.<path>} is that description.
	SupersededSet []Field
}

// Transition is a status change: the resource shows During at once and
// Then after Delay. For delete, an empty Then means the resource is gone
// after the delay (an empty During: at once); a Then keeps it, retired, in
// that status: reads still find it, lists and other operations do not,
// and its name is free again (ECS's INACTIVE services).
type Transition struct {
	During, Then string
	// Delay is how long During lasts; zero means DefaultTransitionDelay.
	// WithTransitionDelay overrides it for every transition.
	Delay time.Duration
	// Set are values written into the description when Then is reached
	// (at once when the transition is immediate): templates whose
	// {output.<path>} is the description then and {now} that moment. An
	// ECS service's runningCount reaches its desiredCount this way.
	Set []Field
}
