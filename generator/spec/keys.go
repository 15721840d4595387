package spec

import "github.com/specgen/specgen/specrt/protocol/ident"

// The vocabulary of the spec format: every mapping a spec may hold and the
// keys it accepts. The loader checks keys against these tables (through the
// []string lists below) and schema.go writes specs/spec.schema.json
// and specs/overlay.schema.json from them, so that the two cannot drift:
// TestSchemaMatchesKeys fails when the committed schemas differ from what
// the tables give. Adding a key to the format is one entry here, plus the
// code that reads it, plus `go generate ./generator/spec` for the schemas.

// keySet is one kind of mapping: the keys it accepts, in the order the
// documentation lists them.
type keySet struct {
	name string // its name under $defs in the schema
	doc  string
	keys []keyDef
}

// keyDef is one key of a keySet.
type keyDef struct {
	name string
	// required is true when a spec file must have the key; an overlay may
	// leave any key out. The loader states its own "missing required key"
	// checks; this flag is for the schema.
	required bool
	doc      string
	val      value
}

// valueKind is the kind of YAML value a key takes.
type valueKind int

const (
	kindString valueKind = iota // a string; enum lists the allowed ones, if any
	kindBool                    // true or false
	kindInt                     // a whole number
	kindNumber                  // any number
	kindScalar                  // any scalar: a string, number or boolean
	kindAny                     // any YAML value
	kindKeys                    // a mapping with the keys of set
	kindNamed                   // a mapping of free names (shapes, members) to elem
	kindList                    // a list of elem
	kindOneOf                   // any one of alts
)

// value describes the values a key takes.
type value struct {
	kind valueKind
	enum []string
	set  *keySet
	elem *value
	alts []value
}

var (
	vString = value{kind: kindString}
	vBool   = value{kind: kindBool}
	vInt    = value{kind: kindInt}
	vNumber = value{kind: kindNumber}
	vScalar = value{kind: kindScalar}
	vAny    = value{kind: kindAny}
)

// vDeprecated is true, false or a message.
var vDeprecated = vOneOf(vBool, vString)

// vNamespace is an XML namespace: its URI, or {uri, prefix}.
var vNamespace = vOneOf(vString, vKeys(namespaceSet))

// vResourceError is an error a resource answers: an error shape, or, for
// a service whose operations declare no errors, a code or {code, members}.
var vResourceError = vOneOf(vString, vKeys(mockErrorSet))

func vEnum(values ...string) value { return value{kind: kindString, enum: values} }
func vKeys(s *keySet) value        { return value{kind: kindKeys, set: s} }
func vNamed(elem value) value      { return value{kind: kindNamed, elem: &elem} }
func vList(elem value) value       { return value{kind: kindList, elem: &elem} }
func vOneOf(alts ...value) value   { return value{kind: kindOneOf, alts: alts} }

// names lists the keys of s, for loader.mapping.
func (s *keySet) names() []string {
	out := make([]string, len(s.keys))
	for i, k := range s.keys {
		out[i] = k.name
	}
	return out
}

// The tables. A value that the loader reads as "a string or a mapping" (a
// member given as a bare shape reference, an enum value given bare) is a
// vOneOf, so that the schema accepts both.
var (
	topSet = &keySet{name: "spec", doc: "A service spec: its protocol, operations and shapes.", keys: []keyDef{
		{name: "service", required: true, doc: "The service block.", val: vKeys(serviceSet)},
		{name: "operations", required: true, doc: "Map of operation name (its wire name and Go method name) to operation.", val: vNamed(vKeys(operationSet))},
		{name: "shapes", required: true, doc: "Map of shape name to shape.", val: vNamed(vKeys(shapeSet))},
		{name: "waiters", doc: "Map of waiter name to waiter (waiters-2.json), kept as data.", val: vNamed(vKeys(waiterSet))},
		{name: "resources", doc: "Map of resource name to resource: what the generated mock keeps, and the operations that act on it.", val: vNamed(vKeys(resourceSet))},
	}}

	serviceSet = &keySet{name: "service", doc: "The service block.", keys: []keyDef{
		{name: "name", required: true, doc: "Go package name; must match the file name.", val: vString},
		{name: "title", required: true, doc: "Full service name, e.g. Amazon VPC Lattice.", val: vString},
		{name: "doc", doc: "About the service, used in the package doc.", val: vString},
		{name: "apiVersion", required: true, doc: "The API version string, e.g. \"2022-11-30\" (quote it).", val: vString},
		{name: "protocol", required: true, doc: "The protocol the client speaks.", val: vEnum(ident.Names()...)},
		{name: "protocols", doc: "Every protocol the service's model lists, in the model's order; protocol is one of them.", val: vList(vString)},
		{name: "serviceId", doc: "The model's serviceId, from which the package name is derived.", val: vString},
		{name: "targetPrefix", doc: "awsJson protocols only: the X-Amz-Target prefix.", val: vString},
		{name: "signingName", required: true, doc: "The SigV4 signing name.", val: vString},
		{name: "endpointPrefix", required: true, doc: "Host prefix of the default endpoint, https://<endpointPrefix>.<region>.amazonaws.com.", val: vString},
		{name: "validationError", required: true, doc: "Name of the error shape the service answers invalid input with.", val: vString},
		{name: "xmlNamespace", doc: "restXml, awsQuery and ec2Query: the namespace URI of the service's XML responses.", val: vString},
		{name: "awsQueryCompatible", doc: "true: the service once spoke awsQuery and still answers its errors' query codes (x-amzn-query-mode, x-amzn-query-error).", val: vBool},
		{name: "mock", doc: "How the generated mock server answers errors.", val: vKeys(serviceMockSet)},
	}}

	operationSet = &keySet{name: "operation", doc: "An operation.", keys: []keyDef{
		{name: "doc", doc: "What the operation does.", val: vString},
		{name: "http", required: true, doc: "The HTTP binding; for awsJson protocols always {method: POST, path: /, status: 200}.", val: vKeys(httpSet)},
		{name: "input", doc: "Name of a structure shape; emitted as <Name>Input (an empty structure without it).", val: vString},
		{name: "output", doc: "Name of a structure shape; emitted as <Name>Output (an empty structure without it).", val: vString},
		{name: "errors", doc: "Error shape names the operation can return.", val: vList(vString)},
		{name: "examples", doc: "Examples of requests and responses.", val: vList(vKeys(exampleSet))},
		{name: "mock", doc: "How the generated mock server behaves for this operation.", val: vKeys(operationMockSet)},
		{name: "deprecated", doc: "true or a message: the Go doc gets a Deprecated: paragraph.", val: vDeprecated},
		{name: "readonly", doc: "true: the operation changes nothing (model data).", val: vBool},
		{name: "idempotent", doc: "true: repeating the operation has the effect of doing it once (model data).", val: vBool},
		{name: "paginator", doc: "How the results come in pages; the client gets New<Name>Paginator.", val: vKeys(paginatorSet)},
		{name: "requestCompression", doc: "true: the client gzips request bodies of Options.RequestMinCompressSizeBytes or more (botocore's requestcompression).", val: vBool},
		{name: "checksumRequired", doc: "true: the client sends the MD5 of each request body in Content-MD5 (botocore's httpChecksumRequired).", val: vBool},
		{name: "hostPrefix", doc: "Prepended to the endpoint's host (\"data-\", \"{Name}.\"); {Name} is the input member marked hostLabel.", val: vString},
		{name: "resultWrapper", doc: "awsQuery and ec2Query: the element wrapping the output's members in a response (<Name>Result).", val: vString},
	}}

	httpSet = &keySet{name: "http", doc: "The HTTP binding of an operation.", keys: []keyDef{
		{name: "method", required: true, doc: "The HTTP method.", val: vEnum("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD")},
		{name: "path", required: true, doc: "The request path, starting with /; {label} binds a uri member.", val: vString},
		{name: "status", required: true, doc: "The success status (200-299).", val: vInt},
	}}

	exampleSet = &keySet{name: "example", doc: "An example request and response.", keys: []keyDef{
		{name: "title", required: true, doc: "Short title.", val: vString},
		{name: "doc", doc: "What the example shows.", val: vString},
		{name: "input", doc: "The request body, as YAML.", val: vAny},
		{name: "output", doc: "The response body, as YAML.", val: vAny},
		{name: "conforms", doc: "false when the example, as published, does not match the shapes; it is then never validated.", val: vBool},
	}}

	shapeSet = &keySet{name: "shape", doc: "A shape: a structure, collection or scalar type with its constraints.", keys: []keyDef{
		{name: "type", required: true, doc: "The kind of shape.", val: vEnum(kinds...)},
		{name: "doc", doc: "Documentation.", val: vString},
		{name: "sensitive", doc: "true: values never appear in error messages, String(), %v or slog output.", val: vBool},
		{name: "enum", doc: "string: the allowed values; each is the value itself or {value, name, doc}.", val: vList(vOneOf(vString, vKeys(enumSet)))},
		{name: "length", doc: "string, blob, list, map: {min, max} in characters, bytes, elements or entries.", val: vKeys(boundsSet)},
		{name: "range", doc: "integer, long, float, double: {min, max}, inclusive.", val: vKeys(boundsSet)},
		{name: "pattern", doc: "string: an ECMA-262 regular expression the whole value must match.", val: vString},
		{name: "member", doc: "list: the element's shape reference.", val: vString},
		{name: "key", doc: "map: the key's shape reference, a string shape (default string).", val: vString},
		{name: "value", doc: "map: the value's shape reference.", val: vString},
		{name: "members", doc: "structure: map of member name (its wire name) to member; order is kept.", val: vNamed(vOneOf(vString, vKeys(memberSet)))},
		{name: "error", doc: "structure: makes the structure an error.", val: vKeys(errorSet)},
		{name: "rules", doc: "structure, list: rules that span members or elements.", val: vList(vKeys(ruleSet))},
		{name: "union", doc: "structure: true when exactly one member must be set.", val: vBool},
		{name: "timestampFormat", doc: "timestamp: the wire format in JSON bodies (default epoch-seconds).", val: vEnum(timestampFormats...)},
		{name: "patternEnforced", doc: "string: false keeps the pattern as documentation only.", val: vBool},
		{name: "deprecated", doc: "true or a message: the Go doc gets a Deprecated: paragraph.", val: vDeprecated},
		{name: "payload", doc: "restJson1 and restXml input or output structure: the member that is the whole body (a structure, blob or string).", val: vString},
		{name: "xml", doc: "How the shape travels in XML bodies and query keys (restXml, awsQuery, ec2Query).", val: vKeys(xmlShapeSet)},
	}}

	xmlShapeSet = &keySet{name: "xmlShape", doc: "The XML traits of a shape; each key applies to the kinds it names.", keys: []keyDef{
		{name: "name", doc: "structure: the element of the structure when it is a whole body (an input, an output, a payload); default the shape's name.", val: vString},
		{name: "namespace", doc: "The namespace declared on the shape's element: a URI, or {uri, prefix}.", val: vNamespace},
		{name: "flattened", doc: "list, map: true when every member holding it repeats its own element for each item instead of nesting the items.", val: vBool},
		{name: "memberName", doc: "list: the element of each item (default member).", val: vString},
		{name: "memberNamespace", doc: "list: the namespace declared on each item.", val: vNamespace},
		{name: "keyName", doc: "map: the element of each entry's key (default key).", val: vString},
		{name: "keyNamespace", doc: "map: the namespace declared on each key.", val: vNamespace},
		{name: "valueName", doc: "map: the element of each entry's value (default value).", val: vString},
		{name: "valueNamespace", doc: "map: the namespace declared on each value.", val: vNamespace},
	}}

	xmlMemberSet = &keySet{name: "xmlMember", doc: "The XML and query traits of a member.", keys: []keyDef{
		{name: "attribute", doc: "true on a string, number, boolean or timestamp member: an attribute of its structure's element.", val: vBool},
		{name: "flattened", doc: "true on a list or map member: its items repeat the member's element (or query key) instead of nesting under it.", val: vBool},
		{name: "namespace", doc: "The namespace declared on the member's element: a URI, or {uri, prefix}.", val: vNamespace},
		{name: "queryName", doc: "ec2Query: the member's query key (default its wire name with the first letter upper-cased).", val: vString},
		{name: "name", doc: "restXml, a structure payload member: the element of the body, in place of its shape's (Smithy's xmlName on the member).", val: vString},
	}}

	namespaceSet = &keySet{name: "xmlNamespace", doc: "An XML namespace declaration.", keys: []keyDef{
		{name: "uri", required: true, doc: "The namespace URI.", val: vString},
		{name: "prefix", doc: "The prefix bound to it (xmlns:prefix); none for the default namespace.", val: vString},
	}}

	enumSet = &keySet{name: "enumValue", doc: "An enum value with a Go name or a doc.", keys: []keyDef{
		{name: "value", required: true, doc: "The value on the wire.", val: vString},
		{name: "name", doc: "The Go constant's suffix.", val: vString},
		{name: "doc", doc: "Documentation.", val: vString},
	}}

	boundsSet = &keySet{name: "bounds", doc: "Inclusive bounds; either may be left out.", keys: []keyDef{
		{name: "min", doc: "The least value, length or count.", val: vNumber},
		{name: "max", doc: "The greatest value, length or count.", val: vNumber},
	}}

	memberSet = &keySet{name: "member", doc: "A member of a structure.", keys: []keyDef{
		{name: "shape", required: true, doc: "Shape reference.", val: vString},
		{name: "doc", doc: "Documentation (defaults to the shape's doc).", val: vString},
		{name: "required", doc: "true if the member must be set.", val: vBool},
		{name: "default", doc: "The documented default the service applies when the member is left out.", val: vScalar},
		{name: "idempotencyToken", doc: "true: the client fills it with a fresh UUID when empty.", val: vBool},
		{name: "goName", doc: "The Go field name, when the derived one is not right.", val: vString},
		{name: "timestampFormat", doc: "timestamp members: overrides the shape's wire format.", val: vEnum(timestampFormats...)},
		{name: "deprecated", doc: "true or a message: the Go doc gets a Deprecated: paragraph.", val: vDeprecated},
		{name: "location", doc: "restJson1 and restXml only: where the member travels; default the body.", val: vEnum("header", "headers", "uri", "query", "statusCode")},
		{name: "locationName", doc: "With location: the header, path label or query parameter name, or the prefix of a headers map; none for a query map or statusCode.", val: vString},
		{name: "hostLabel", doc: "true: the member fills the label of its name in the operation's hostPrefix.", val: vBool},
		{name: "jsonValue", doc: "true on a header string member: it holds JSON, sent base64-encoded.", val: vBool},
		{name: "xml", doc: "How the member travels in XML bodies and query keys (restXml, awsQuery, ec2Query).", val: vKeys(xmlMemberSet)},
	}}

	errorSet = &keySet{name: "error", doc: "The error trait of a structure.", keys: []keyDef{
		{name: "code", doc: "The wire code; defaults to the shape name.", val: vString},
		{name: "status", doc: "The HTTP status (400-599).", val: vInt},
		{name: "fault", doc: "Whose fault the error is.", val: vEnum("client", "server")},
		{name: "retryable", doc: "true: the client retries the error.", val: vBool},
		{name: "throttling", doc: "true: the error asks the caller to slow down (and is retried).", val: vBool},
		{name: "queryCode", doc: "The error's code under the awsQuery protocol.", val: vString},
	}}

	paginatorSet = &keySet{name: "paginator", doc: "How an operation's results come in pages (paginators-1.json).", keys: []keyDef{
		{name: "inputToken", required: true, doc: "The input member(s) that ask for the next page.", val: vOneOf(vString, vList(vString))},
		{name: "outputToken", required: true, doc: "The output member path(s) that give the next page's tokens; dotted paths allowed.", val: vOneOf(vString, vList(vString))},
		{name: "limitKey", doc: "The input member that sets the page size.", val: vString},
		{name: "resultKey", doc: "The output list or map path(s) the pages hold.", val: vOneOf(vString, vList(vString))},
		{name: "moreResults", doc: "The output boolean path that says more pages follow.", val: vString},
		{name: "nonAggregateKeys", doc: "The output member path(s) whose value is the same on every page rather than a part of the results (kept as data).", val: vOneOf(vString, vList(vString))},
	}}

	waiterSet = &keySet{name: "waiter", doc: "A waiter (waiters-2.json), kept as data for the mock engine.", keys: []keyDef{
		{name: "operation", required: true, doc: "The operation polled.", val: vString},
		{name: "delay", required: true, doc: "Seconds between attempts.", val: vInt},
		{name: "maxAttempts", required: true, doc: "The most attempts.", val: vInt},
		{name: "acceptors", required: true, doc: "The conditions that end or continue the wait.", val: vList(vKeys(acceptorSet))},
		{name: "doc", doc: "Documentation.", val: vString},
	}}

	acceptorSet = &keySet{name: "acceptor", doc: "A condition of a waiter.", keys: []keyDef{
		{name: "state", required: true, doc: "What the match means.", val: vEnum(acceptorStates...)},
		{name: "matcher", required: true, doc: "What is matched.", val: vEnum(acceptorMatches...)},
		{name: "argument", doc: "path matchers: a JMESPath expression.", val: vString},
		{name: "expected", required: true, doc: "The value matched.", val: vScalar},
	}}

	ruleSet = &keySet{name: "rule", doc: "A rule that spans members or elements; one kind per entry (requiredWhen and onlyWhen may share one).", keys: []keyDef{
		{name: "oneOf", doc: "structure: exactly one of the members is set.", val: vList(vString)},
		{name: "atMostOneOf", doc: "structure: no two of the members are set.", val: vList(vString)},
		{name: "uniqueBy", doc: "list of structures: no two elements have the same value of this member.", val: vString},
		{name: "member", doc: "The member requiredWhen or onlyWhen constrains.", val: vString},
		{name: "requiredWhen", doc: "member is set whenever the condition holds.", val: vKeys(conditionSet)},
		{name: "onlyWhen", doc: "member is left out unless the condition holds.", val: vKeys(conditionSet)},
	}}

	conditionSet = &keySet{name: "condition", doc: "A condition: a member equals a value.", keys: []keyDef{
		{name: "member", required: true, doc: "The member compared.", val: vString},
		{name: "equals", required: true, doc: "The value compared with.", val: vScalar},
	}}

	serviceMockSet = &keySet{name: "serviceMock", doc: "How the mock server answers errors.", keys: []keyDef{
		{name: "validationError", doc: "The members of service.validationError answered for invalid input.", val: vKeys(validationSet)},
		{name: "serializationError", doc: "The error for a body that cannot be decoded.", val: vKeys(mockErrorSet)},
		{name: "throttlingError", doc: "The error Server.Throttle injects.", val: vKeys(mockErrorSet)},
		{name: "missingParameter", doc: "The error for a required member left out ({subject} is its path), instead of the validation error (EC2's MissingParameter).", val: vKeys(mockErrorSet)},
	}}

	validationSet = &keySet{name: "mockValidationError", doc: "The validation error's members.", keys: []keyDef{
		{name: "members", doc: "Map of member path to template.", val: vNamed(vAny)},
		{name: "fieldList", doc: "A list member that gets one {name, message} per bad field.", val: vString},
	}}

	mockErrorSet = &keySet{name: "mockError", doc: "An error the mock answers.", keys: []keyDef{
		{name: "error", doc: "The error shape; default a generic error.", val: vString},
		{name: "code", doc: "Instead of error, for a service whose operations declare no errors (EC2): the error's code; it is answered with status 400 and a message member.", val: vString},
		{name: "members", doc: "Map of member path to template.", val: vNamed(vAny)},
	}}

	operationMockSet = &keySet{name: "operationMock", doc: "How the mock server behaves for an operation.", keys: []keyDef{
		{name: "resource", doc: "The store collection created items go in.", val: vString},
		{name: "unique", doc: "Input member paths whose values together must be unique in the collection.", val: vList(vString)},
		{name: "conflict", doc: "The answer to a duplicate.", val: vKeys(mockErrorSet)},
		{name: "idempotencyMismatch", doc: "The answer to a reused idempotency token with other parameters.", val: vKeys(mockErrorSet)},
		{name: "quotaExceeded", doc: "The answer to a create past the mock's limits; default the operation's declared quota error.", val: vKeys(mockErrorSet)},
		{name: "output", doc: "Map of output member path to template, in order.", val: vNamed(vAny)},
		{name: "state", doc: "Map of name (no dots) to template: values kept with the created item, for {state.name} in later answers.", val: vNamed(vAny)},
		{name: "example", doc: "A valid input, used by the package's runnable Example.", val: vAny},
	}}
)

// The resources block (resources.go).
var (
	resourceSet = &keySet{name: "resource", doc: "A kind of resource the service keeps.", keys: []keyDef{
		{name: "doc", doc: "What the resource is.", val: vString},
		{name: "parent", doc: "The resource this one belongs to (a listener to a service).", val: vString},
		{name: "id", required: true, doc: "The description member holding the resource's id.", val: vString},
		{name: "name", doc: "The description member holding its name, unique within the parent.", val: vString},
		{name: "arn", doc: "The description member holding its ARN.", val: vString},
		{name: "parentId", doc: "The description member holding the parent's id.", val: vString},
		{name: "parentArn", doc: "The description member holding the parent's ARN.", val: vString},
		{name: "status", doc: "The description member holding its status.", val: vString},
		{name: "created", doc: "The description's timestamp member holding when the resource was created, set by a create.", val: vString},
		{name: "modified", doc: "The description's timestamp member holding when the resource was last modified, set by a create and an update.", val: vString},
		{name: "tags", doc: "The description member that shows the resource's tags as tag operations change them.", val: vString},
		{name: "counts", doc: "Map of a kind of child resource to the description member that counts the live ones, or to a list of {member, where}: members counting the live ones whose description members have the values where gives.", val: vNamed(vOneOf(vString, vList(vKeys(countSet))))},
		{name: "idTemplate", doc: "Template of a new resource's id; {output.<member>} is the description. Default: the id the input gave, else a UUID.", val: vString},
		{name: "idPrefix", doc: "Text every id begins with as answered (Route 53's /hostedzone/): put before each new id; an identifier without it names the same resource.", val: vString},
		{name: "arnTemplate", doc: "Template of a new resource's ARN; {output.<member>} is the description.", val: vString},
		{name: "notFound", doc: "The error shape answered for an identifier that names no resource (or, for a service whose operations declare no errors, its code, or {code, members}).", val: vResourceError},
		{name: "conflict", doc: "The error shape answered when a create reuses a name (or a code, as notFound).", val: vResourceError},
		{name: "hasChildren", doc: "The error shape answered when a delete names a resource that still has children (or a code, as notFound).", val: vResourceError},
		{name: "hasChildrenOf", doc: "Map of a kind of child resource to the error shape answered when a delete names a resource that still has live children of that kind; default hasChildren.", val: vNamed(vResourceError)},
		{name: "private", doc: "Description members the mock keeps and no operation answers, which the control API shows (an SNS subscription's confirmation Token).", val: vList(vString)},
		{name: "referencedBy", doc: "Map of another kind of resource to the member path of its description (through lists) holding this resource's id: while a live one refers to it, a delete answers hasChildren (EC2's VPC and an attached internet gateway: attachmentSet.vpcId).", val: vNamed(vString)},
		{name: "inactive", doc: "Statuses in which a resource no longer holds its parent: it neither blocks the parent's delete nor counts as its child (a STOPPED task).", val: vList(vString)},
		{name: "invalidToken", doc: "The error shape answered for a pagination token the mock did not issue; default the validation error.", val: vResourceError},
		{name: "builtin", doc: "Names of instances that always exist, created as by the create with its input's name member set, and never deleted (Scheduler's default group).", val: vList(vString)},
		{name: "defaultParent", doc: "The name of the parent a create, read, update, delete or action naming none acts within.", val: vString},
		{name: "attributes", doc: "The member under which the resource is a map of strings (SNS's topic Attributes): its description is that map, which a create starts from its input member of that name and an update writes one entry of (attributeName).", val: vString},
		{name: "operations", required: true, doc: "Map of operation name to what it does to the resource.", val: vNamed(vKeys(resourceOpSet))},
	}}

	resourceOpSet = &keySet{name: "resourceOperation", doc: "What an operation does to a resource.", keys: []keyDef{
		{name: "role", required: true, doc: "What the operation does.", val: vEnum("create", "read", "readMany", "update", "delete", "deleteMany", "list", "action", "actionMany", "tag", "untag", "listTags")},
		{name: "identifier", doc: "read, update, delete, action: the input member naming the resource by id, name or ARN, or a list of them, the first the request sets naming it (EC2's DeleteKeyPair: [KeyName, KeyPairId]); readMany, deleteMany, actionMany: the input list of them.", val: vOneOf(vString, vList(vString))},
		{name: "parentIdentifier", doc: "The input member naming the parent by id, name or ARN.", val: vString},
		{name: "description", doc: "The output member holding the description; \"\" for the output itself; left out, none.", val: vString},
		{name: "filters", doc: "list: input members that, when set, keep only the resources whose description member of the same name (or, written {input: member}, of another name) equals them, or, for an input list, one of its values.", val: vList(vOneOf(vString, vNamed(vString)))},
		{name: "prefixFilters", doc: "list: input members that, when set, keep only the resources whose description member (written {input: member}) begins with them.", val: vList(vNamed(vString))},
		{name: "arnOutput", doc: "create, update, delete, action: the output member answering the resource's ARN (an output that holds only it).", val: vString},
		{name: "maxPageSize", doc: "list: the largest page the service answers (default 100); the pages follow the operation's paginator.", val: vInt},
		{name: "newestFirst", doc: "list: true answers the newest resource first (App Runner's ListOperations); else the oldest.", val: vBool},
		{name: "resourceArn", doc: "tag, untag, listTags: the input member naming the resource by ARN.", val: vString},
		{name: "tags", doc: "create, tag: the input member holding tags; listTags: the output member answering them.", val: vString},
		{name: "tagKeys", doc: "untag: the input member listing the keys to remove (or, tags, a list of key-value structures whose value, when given, must match).", val: vString},
		{name: "status", doc: "How the resource's status moves when the operation succeeds.", val: vKeys(transitionSet)},
		{name: "set", doc: "create, update, delete, action, actionMany: map of description member path to template, written last; {output.<path>} is the description.", val: vNamed(vAny)},
		{name: "notFound", doc: "all but create and list: the error this operation answers for an identifier naming no resource, when it is not the resource's (the one the operation declares).", val: vResourceError},
		{name: "identifiers", doc: "list: input lists of ids, names or ARNs that, when the request sets one, restrict the list to the resources they name, in the order asked, in one page; one naming no resource answers notFound.", val: vOneOf(vString, vList(vString))},
		{name: "items", doc: "list: the output list of descriptions, for a list without a paginator, answered in one page.", val: vString},
		{name: "resourceIds", doc: "tag, untag: the input list naming several resources at once by id or ARN (EC2's CreateTags ResourceId); every one must exist.", val: vString},
		{name: "filterList", doc: "list: an input list of filters, each naming a field, its values and a condition (EQ, IN, BEGINS_WITH).", val: vKeys(filterListSet)},
		{name: "retired", doc: "update, delete, action: the error this operation answers for a resource retired in a final status (ECS's ServiceNotActiveException); default notFound.", val: vString},
		{name: "answerExisting", doc: "create: a name already taken answers the resource that has it instead of the conflict error (ECS's CreateCluster).", val: vBool},
		{name: "updateExisting", doc: "create: an id or name already taken updates the resource that has it from the input, as an update does, and records what creates says (Cloud Map's RegisterInstance).", val: vBool},
		{name: "replaceExisting", doc: "create: as updateExisting, and the description's members that the input has and the request leaves out are removed: the create replaces the configuration (CloudWatch's PutMetricAlarm).", val: vBool},
		{name: "when", doc: "create, action: cases, each writing its set into the description and its output over the answer when the request's input members and the description's members have one of the values it lists (SNS's Subscribe of an email endpoint is pending confirmation); list: cases whose output is written over each item whose description meets them (SNS lists a pending subscription's ARN as PendingConfirmation).", val: vList(vKeys(caseSet))},
		{name: "selectWhen", doc: "list of one of several resources that share its operation: map of input member path to the values under which this resource is listed (an input list: one of its elements), ~ for left out (CloudWatch's DescribeAlarms: {AlarmTypes: [CompositeAlarm]}); the resources selected are listed one after the other.", val: vNamed(vList(vAny))},
		{name: "identifierMember", doc: "action: the description member the identifier names the resource by, in place of its id, name or ARN, within the parent the request names (SNS's ConfirmSubscription finds a subscription by its Token).", val: vString},
		{name: "optionalIdentifier", doc: "action: a request that sets no identifier acts on no resource and answers the mock block's output (SNS's Publish to a phone number names no topic).", val: vBool},
		{name: "each", doc: "create: one input list of strings mapped to a description member ({instanceNames: name}): one resource is created for each string, written to that member, and the answers' lists are joined (Lightsail's CreateInstances).", val: vNamed(vString)},
		{name: "attributeName", doc: "update of a resource kept as attributes: the input member naming the one attribute it writes (SNS's AttributeName).", val: vString},
		{name: "attributeValue", doc: "update of a resource kept as attributes: the input member holding the attribute's new value; left out of a request, the value is \"\".", val: vString},
		{name: "ignoreMissing", doc: "delete, deleteMany, actionMany: an identifier naming no resource is no error (SNS's DeleteTopic is idempotent); deleteMany deletes the others, actionMany changes them.", val: vBool},
		{name: "cascade", doc: "delete, deleteMany: the resource's children are deleted with it (SNS's DeleteTopic and its subscriptions), instead of answering hasChildren.", val: vBool},
		{name: "failures", doc: "readMany: the output list member that gets a failure for each identifier naming no resource.", val: vString},
		{name: "failure", doc: "readMany: map of failure member path to template; {message} is the identifier.", val: vNamed(vAny)},
		{name: "creates", doc: "create, update, delete, action: another resource the operation records (a pending operation).", val: vKeys(createsSet)},
		{name: "count", doc: "create: the input members asking for at least (min) and at most (max) so many resources at once (EC2's RunInstances MinCount, MaxCount), and the description member getting each one's index (index); the answers' lists are joined.", val: vKeys(countRangeSet)},
		{name: "group", doc: "create: the output member whose value groups the resources the request made (EC2's ReservationId), for a list's groups.", val: vString},
		{name: "groups", doc: "list: the items are groups of the resources one create made (EC2's DescribeInstances answers Reservations).", val: vKeys(groupsSet)},
		{name: "changes", doc: "action: the identifier is an input list, and the answer an output list of each resource's id and status before and after (EC2's StopInstances).", val: vKeys(changesSet)},
		{name: "companions", doc: "create: resources of other kinds, children of the new one, made with it by their own creates (EC2's CreateVpc and the VPC's default security group); they do not hold it, and go with it.", val: vList(vKeys(companionSet))},
		{name: "refuse", doc: "action: the statuses in which the action answers its error instead of acting (EC2's StartInstances of a terminated instance).", val: vKeys(refuseSet)},
	}}

	countRangeSet = &keySet{name: "countRange", doc: "How many resources a create makes at once.", keys: []keyDef{
		{name: "min", required: true, doc: "The input member (an integer) asking for at least so many; fewer within the mock's limits is the quota error.", val: vString},
		{name: "max", required: true, doc: "The input member (an integer) asking for at most so many: the mock makes that many, within its limits.", val: vString},
		{name: "index", doc: "The description member (an integer) getting each resource's index from 0 (EC2's amiLaunchIndex).", val: vString},
	}}

	groupsSet = &keySet{name: "groups", doc: "A list's items as groups of the resources one create made.", keys: []keyDef{
		{name: "items", required: true, doc: "The member of a group listing its resources' descriptions (EC2's Instances).", val: vString},
		{name: "id", doc: "The member of a group holding the create's group (EC2's ReservationId).", val: vString},
		{name: "set", doc: "Map of a group's member path to template ({account}).", val: vNamed(vAny)},
	}}

	changesSet = &keySet{name: "changes", doc: "What an action on several resources answers for each.", keys: []keyDef{
		{name: "member", required: true, doc: "The output list of changes.", val: vString},
		{name: "id", required: true, doc: "The member of a change holding the resource's id.", val: vString},
		{name: "previous", required: true, doc: "The member of a change holding the status before (the structure holding the status, when it is a member of one).", val: vString},
		{name: "current", required: true, doc: "The member of a change holding the status after.", val: vString},
	}}

	companionSet = &keySet{name: "companion", doc: "A resource a create makes with its own.", keys: []keyDef{
		{name: "resource", required: true, doc: "The kind, a child of the resource created, with a create naming its parent.", val: vString},
		{name: "input", doc: "Map of the companion create's input member path to template ({input.*} is the request).", val: vNamed(vAny)},
		{name: "set", doc: "Map of the companion's description member path to template, written after its create; {parent.*} is the new resource's description.", val: vNamed(vAny)},
	}}

	refuseSet = &keySet{name: "refuse", doc: "Statuses in which an action is refused.", keys: []keyDef{
		{name: "statuses", required: true, doc: "The statuses.", val: vList(vString)},
		{name: "error", required: true, doc: "The error answered; {subject} is the resource's id.", val: vResourceError},
	}}

	countSet = &keySet{name: "count", doc: "A description member counting the live children whose members have given values.", keys: []keyDef{
		{name: "member", required: true, doc: "The description member holding the count.", val: vString},
		{name: "where", doc: "Map of the child's description member path to the value it must have; needed unless deleted is true.", val: vNamed(vAny)},
		{name: "deleted", doc: "true: the member counts the children deleted (that meet where), never lower, instead of the live ones (SNS's SubscriptionsDeleted).", val: vBool},
	}}

	caseSet = &keySet{name: "case", doc: "A case of a create, an action or a list: what it writes and answers when the request's input members and the resource's description members have given values.", keys: []keyDef{
		{name: "input", doc: "Map of input member path to the list of values it may have for the case to apply; ~ in the list matches a member the request leaves out, {endsWith: text} a string that ends with text.", val: vNamed(vList(vAny))},
		{name: "resource", doc: "Map of description member path to the list of values it may have for the case to apply, as input: the resource acted on (a create: as built, its set written; a list: each listed one).", val: vNamed(vList(vAny))},
		{name: "set", doc: "create, action: map of description member path to template, written after the operation's set.", val: vNamed(vAny)},
		{name: "output", doc: "Map of output member path to template, written over the answer; in a list, of the item's member path, written over each item the case applies to ({resource.<path>} is its description).", val: vNamed(vAny)},
		{name: "error", doc: "create, action: the error answered instead when the case applies (an error shape, a code, or {error, members}); nothing is created or changed.", val: vResourceError},
	}}

	filterListSet = &keySet{name: "filterList", doc: "An input list of filters by name, values and condition.", keys: []keyDef{
		{name: "member", required: true, doc: "The input list of filters.", val: vString},
		{name: "name", required: true, doc: "The member of a filter naming its field.", val: vString},
		{name: "values", required: true, doc: "The member of a filter listing its values.", val: vString},
		{name: "condition", doc: "The member of a filter holding its condition (default EQ).", val: vString},
		{name: "defaultCondition", doc: "The condition of a filter that gives none: EQ (the default) or IN (EC2: any of the values).", val: vEnum("EQ", "IN")},
		{name: "tagPrefix", doc: "A filter named this prefix and a key (EC2's tag:Name) keeps the resources with that tag set to one of its values.", val: vString},
		{name: "tagKeyName", doc: "A filter of this name (EC2's tag-key) keeps the resources with a tag whose key is one of its values.", val: vString},
		{name: "fields", required: true, doc: "Map of a filter's field name to the description member it compares.", val: vNamed(vString)},
	}}

	createsSet = &keySet{name: "creates", doc: "A resource an operation records beside the one it acts on.", keys: []keyDef{
		{name: "resource", required: true, doc: "The kind of resource recorded.", val: vString},
		{name: "id", required: true, doc: "The output member holding its id (set by the operation's mock block).", val: vString},
		{name: "set", doc: "Map of its description's member path to template; {resource.<path>} is the description of the resource the operation acts on.", val: vNamed(vAny)},
		{name: "status", doc: "How its status moves.", val: vKeys(transitionSet)},
		{name: "current", doc: "The member of the acting resource's description that holds the last one's id (ECS's daemon deploymentArn); each new id is written to it.", val: vString},
		{name: "supersedes", doc: "The status the one current held moves to, at once, when another is recorded (the previous deployment STOPPED); needs current.", val: vString},
		{name: "supersededSet", doc: "Map of the superseded one's description member path to template, written when it moves to the supersedes status ({now} is that moment: stoppedAt); needs supersedes.", val: vNamed(vAny)},
	}}

	transitionSet = &keySet{name: "transition", doc: "A status change: During at once, Then after the delay.", keys: []keyDef{
		{name: "during", doc: "The status shown at once (CREATE_IN_PROGRESS, DELETING).", val: vString},
		{name: "then", doc: "The status reached after the delay (ACTIVE); for delete, left out: the resource is gone; given: it is kept, retired, in that status.", val: vString},
		{name: "delay", doc: "Seconds During lasts (default 1); the mock's options may change it.", val: vNumber},
		{name: "set", doc: "Map of description member path to template, written when Then is reached ({output.<path>} is the description then): an ECS service's runningCount reaching its desiredCount.", val: vNamed(vAny)},
	}}
)

// The key lists the loader checks mappings against.
var (
	topKeys           = topSet.names()
	serviceKeys       = serviceSet.names()
	operationKeys     = operationSet.names()
	httpKeys          = httpSet.names()
	exampleKeys       = exampleSet.names()
	shapeKeys         = shapeSet.names()
	enumKeys          = enumSet.names()
	boundsKeys        = boundsSet.names()
	memberKeys        = memberSet.names()
	errorKeys         = errorSet.names()
	ruleKeys          = ruleSet.names()
	conditionKeys     = conditionSet.names()
	serviceMockKeys   = serviceMockSet.names()
	operationMockKeys = operationMockSet.names()
	mockErrorKeys     = mockErrorSet.names()
	paginatorKeys     = paginatorSet.names()
	waiterKeys        = waiterSet.names()
	acceptorKeys      = acceptorSet.names()
	validationKeys    = validationSet.names()
	resourceKeys      = resourceSet.names()
	resourceOpKeys    = resourceOpSet.names()
	transitionKeys    = transitionSet.names()
	createsKeys       = createsSet.names()
	filterListKeys    = filterListSet.names()
	caseKeys          = caseSet.names()
	countKeys         = countSet.names()
	xmlShapeKeys      = xmlShapeSet.names()
	xmlMemberKeys     = xmlMemberSet.names()
	namespaceKeys     = namespaceSet.names()
)

// valueAt returns what the tables say of the mapping at path (keys and
// names from the top of a spec: "shapes", "Service", "members"), with its
// string alternative dropped; ok is false where the tables say nothing, as
// under a key they do not know.
func valueAt(path []string) (v value, ok bool) {
	v = vKeys(topSet)
	for _, p := range path {
		switch v = entryValue(v); v.kind {
		case kindKeys:
			var found bool
			for _, k := range v.set.keys {
				if k.name == p {
					v, found = k.val, true
				}
			}
			if !found {
				return value{}, false
			}
		case kindNamed:
			v = *v.elem
		default:
			return value{}, false
		}
	}
	return entryValue(v), true
}

// namedEntries tells whether the mapping at path holds names the spec
// chooses rather than keys of the format, and if so which set their
// entries have: shapes, operations and members do; the member paths of a
// mock block, whose entries are templates, do not.
func namedEntries(path []string) *keySet {
	if v, ok := valueAt(path); ok && v.kind == kindNamed {
		return entryValue(*v.elem).set
	}
	return nil
}

// entryValue picks the mapping alternative of a value that is a string or a
// mapping (a member given bare or in full).
func entryValue(v value) value {
	if v.kind != kindOneOf {
		return v
	}
	for _, a := range v.alts {
		if a.kind == kindKeys || a.kind == kindNamed {
			return a
		}
	}
	return v
}
