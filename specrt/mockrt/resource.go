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
	// Status is the description member holding the resource's status; empty
	// when it has none.
	Status string
	// IDTemplate builds a new resource's id; without one, the id is the
	// value the input gave the ID member (a resource whose id is its name),
	// else a UUID. ARNTemplate builds its ARN. Their
	// {output.<path>} expressions see the description being built, and
	// {parent.<path>} is not available: put the parent's id in the
	// description first (ParentID) and use {output.<ParentID>}.
	IDTemplate, ARNTemplate string
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
	// InvalidToken is the error answered for a pagination token the mock
	// did not issue. Nil answers the validation error.
	InvalidToken *ErrorTemplate
	// Operations are the operations that act on the resource, by role.
	Operations []ResourceOperation
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
	RoleAction   Role = "action" // changes the status only: pause, resume
	RoleTag      Role = "tag"
	RoleUntag    Role = "untag"
	RoleListTags Role = "listTags"
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
	// Filters are, for list, input members that, when set, keep only the
	// resources whose description member of the same name equals them.
	Filters []string
	// IdempotencyToken is the create's input member holding the idempotency
	// token; a repeated token answers the first response.
	IdempotencyToken string
	// ResourceARN is the input member naming a resource by ARN (tag, untag,
	// listTags).
	ResourceARN string
	// Tags is the input member holding tags (create, tag) or the output
	// member answering them (listTags); TagKeys the untag input's list of
	// keys. TagKey and TagValue name the members of a tag given as a
	// structure in a list; empty means tags are a map.
	Tags, TagKeys, TagKey, TagValue string
	// Transition is how the resource's status moves when the operation
	// succeeds; nil leaves it alone.
	Transition *Transition
	// QuotaExceeded is the error a create answers when the mock holds its
	// limit of resources (WithMaxResources, WithMaxStoreBytes); {message}
	// says which. Nil answers a generic ServiceQuotaExceededException.
	QuotaExceeded *ErrorTemplate
}

// Transition is a status change: the resource shows During at once and
// Then after Delay. For delete, an empty Then means the resource is gone
// after the delay; an empty During means at once.
type Transition struct {
	During, Then string
	// Delay is how long During lasts; zero means DefaultTransitionDelay.
	// WithTransitionDelay overrides it for every transition.
	Delay time.Duration
}
