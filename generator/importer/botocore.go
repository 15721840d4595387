package importer

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// The botocore model, read strictly: every key the importer knows is listed
// below, anything else is refused with its JSON path, so a key a newer model
// adds is never dropped without anyone noticing.

type botoModel struct {
	meta       botoMeta
	doc        string
	operations []*botoOperation // sorted by name
	shapes     map[string]*botoShape
	shapeNames []string // sorted
}

type botoMeta struct {
	apiVersion, endpointPrefix, protocol, jsonVersion string
	protocols, auth                                   []string
	serviceFullName, serviceAbbreviation, serviceID   string
	signatureVersion, signingName, targetPrefix, uid  string
	xmlNamespace                                      string
	awsQueryCompatible                                bool
}

type botoOperation struct {
	name, path         string
	method, requestURI string
	responseCode       string
	input, output      string
	errors             []string
	doc                string
	hostPrefix         string
	idempotent         bool
	readonly           bool
	deprecated         string // "" (not deprecated), "true" or a message
	requestCompression []string
	checksumRequired   bool
	// The XML traits of the input and output references: the element and
	// namespace of a restXml body, the output's result wrapper.
	inputXML, outputXML botoRef
	resultWrapper       string
}

type botoShape struct {
	name, path      string
	typ             string
	doc             string
	members         []*botoMember
	required        []string
	enum            []string
	min, max        string // number literals as written
	pattern         string
	sensitive       bool
	union           bool
	document        bool
	exception       bool
	fault           bool
	errCode         string
	errStatus       string
	senderFault     *bool
	retryable       bool
	throttling      bool
	deprecated      string
	timestampFormat string
	member          string // list element
	key, value      string // map
	payload         string
	copyOf          string // set by ownIOShapes: the shared shape this copies
	// The XML traits: the element of a structure (locationName), the
	// namespace, flattened, and a list's item and a map's key and value
	// element names and namespaces.
	xmlName                   string
	xmlNS                     *botoNS
	flattened                 bool
	memberXML, keyXML, valXML botoRef
}

// botoNS is an xmlNamespace: a URI, with a prefix or none.
type botoNS struct {
	prefix, uri string
}

// botoRef is a shape reference's XML traits: the element's name
// (locationName) and namespace.
type botoRef struct {
	name string
	ns   *botoNS
}

type botoMember struct {
	name, path      string
	shape           string
	doc             string
	location        string
	locationName    string
	idempotency     bool
	hostLabel       bool
	jsonValue       bool
	timestampFormat string
	deprecated      string
	xmlNS           *botoNS
	xmlAttribute    bool
	flattened       bool
	queryName       string
}

// reader walks the parsed JSON and collects every problem, each naming the
// file and the JSON path.
type reader struct {
	file string
	errs []string
}

// maxProblems keeps a hopeless file (the wrong JSON document altogether)
// from printing thousands of lines.
const maxProblems = 50

func (r *reader) errorf(path, format string, args ...any) {
	if len(r.errs) == maxProblems {
		r.errs = append(r.errs, fmt.Sprintf("%s: too many problems, stopping", r.file))
	}
	if len(r.errs) > maxProblems {
		return
	}
	msg := fmt.Sprintf(format, args...)
	if path == "" {
		r.errs = append(r.errs, fmt.Sprintf("%s: %s", r.file, msg))
		return
	}
	r.errs = append(r.errs, fmt.Sprintf("%s: %s: %s", r.file, path, msg))
}

func sub(path, key string) string {
	k := key
	if !plainKey(key) {
		k = strconv.Quote(key)
	}
	if path == "" {
		return k
	}
	return path + "." + k
}

// object checks that v is an object whose keys are all in known (any key
// when known is nil) and returns its fields; ignored keys are accepted and
// skipped.
func (r *reader) object(v *value, path string, known, ignored []string) []field {
	if v.kind != kObject {
		r.errorf(path, "must be an object, found %s", v.kind)
		return nil
	}
	var out []field
	for _, f := range v.fields {
		switch {
		case known == nil || contains(known, f.key):
			out = append(out, f)
		case contains(ignored, f.key):
		default:
			r.errorf(sub(path, f.key), "unknown key %q", f.key)
		}
	}
	return out
}

func (r *reader) str(v *value, path string) string {
	if v.kind != kString {
		r.errorf(path, "must be a string, found %s", v.kind)
		return ""
	}
	return v.str
}

func (r *reader) boolean(v *value, path string) bool {
	if v.kind != kBool {
		r.errorf(path, "must be true or false, found %s", v.kind)
		return false
	}
	return v.b
}

func (r *reader) number(v *value, path string) string {
	if v.kind != kNumber {
		r.errorf(path, "must be a number, found %s", v.kind)
		return ""
	}
	return v.str
}

func (r *reader) integer(v *value, path string) string {
	n := r.number(v, path)
	if n == "" {
		return ""
	}
	if _, err := strconv.ParseInt(n, 10, 64); err != nil {
		r.errorf(path, "must be a whole number, found %s", n)
		return ""
	}
	return n
}

func (r *reader) strings(v *value, path string) []string {
	if v.kind != kArray {
		r.errorf(path, "must be an array of strings, found %s", v.kind)
		return nil
	}
	out := make([]string, 0, len(v.items))
	for i, it := range v.items {
		out = append(out, r.str(it, sub(path, strconv.Itoa(i))))
	}
	return out
}

// shapeRef reads {"shape": "Name", ...}; extra keys allowed are listed.
func (r *reader) shapeRef(v *value, path string, ignored []string) string {
	name := ""
	for _, f := range r.object(v, path, []string{"shape"}, ignored) {
		name = r.str(f.val, sub(path, "shape"))
	}
	if name == "" && v.kind == kObject {
		r.errorf(path, "missing key \"shape\"")
	}
	return name
}

// deprecation folds botocore's deprecated, deprecatedMessage and
// deprecatedSince into the spec's one value.
type deprecation struct {
	flag       bool
	msg, since string
}

func (d deprecation) value() string {
	switch {
	case d.msg != "" && d.since != "":
		return d.msg + " (deprecated since " + d.since + ")"
	case d.msg != "":
		return d.msg
	case d.since != "":
		return "deprecated since " + d.since
	case d.flag:
		return "true"
	}
	return ""
}

// xmlRef reads a shape reference that may carry XML traits: a list's
// member, a map's key or value, an operation's input or output. Keys in
// ignored are accepted and skipped; resultWrapper, when not nil, receives
// an output's.
func (r *reader) xmlRef(v *value, path string, ignored []string, resultWrapper *string) (string, botoRef) {
	var x botoRef
	known := []string{"shape", "locationName", "xmlNamespace"}
	if resultWrapper != nil {
		known = append(known, "resultWrapper")
	}
	name := ""
	for _, f := range r.object(v, path, known, ignored) {
		p := sub(path, f.key)
		switch f.key {
		case "shape":
			name = r.str(f.val, p)
		case "locationName":
			x.name = r.str(f.val, p)
		case "xmlNamespace":
			x.ns = r.namespace(f.val, p)
		case "resultWrapper":
			*resultWrapper = r.str(f.val, p)
		}
	}
	if name == "" && v.kind == kObject {
		r.errorf(path, "missing key \"shape\"")
	}
	return name, x
}

// namespace reads an xmlNamespace: its URI, or {"prefix", "uri"}.
func (r *reader) namespace(v *value, path string) *botoNS {
	if v.kind == kString {
		return &botoNS{uri: v.str}
	}
	ns := &botoNS{}
	for _, f := range r.object(v, path, []string{"prefix", "uri"}, nil) {
		switch f.key {
		case "prefix":
			ns.prefix = r.str(f.val, sub(path, f.key))
		case "uri":
			ns.uri = r.str(f.val, sub(path, f.key))
		}
	}
	if ns.uri == "" {
		if v.kind == kObject {
			r.errorf(path, "missing key \"uri\"")
		}
		return nil
	}
	return ns
}

func readModel(file string, root *value) (*botoModel, []string) {
	r := &reader{file: file}
	m := &botoModel{shapes: map[string]*botoShape{}}
	var ops, shapes *value
	for _, f := range r.object(root, "", []string{"version", "metadata", "operations", "shapes", "documentation", "examples"}, nil) {
		switch f.key {
		case "version":
			if v := r.str(f.val, "version"); v != "" && v != "2.0" {
				r.errorf("version", "unsupported model version %q (want \"2.0\")", v)
			}
		case "metadata":
			m.meta = r.metadata(f.val)
		case "operations":
			ops = f.val
		case "shapes":
			shapes = f.val
		case "documentation":
			m.doc = r.str(f.val, "documentation")
		case "examples":
			// Old models carry an empty examples object; examples live in
			// examples-1.json.
			if len(r.object(f.val, "examples", nil, nil)) > 0 {
				r.errorf("examples", "examples in service-2.json are not read: move them to examples-1.json")
			}
		}
	}
	for _, k := range []string{"metadata", "operations", "shapes"} {
		if root.kind == kObject && root.get(k) == nil {
			r.errorf("", "missing key %q: not a botocore service model", k)
		}
	}
	if shapes != nil {
		for _, f := range r.object(shapes, "shapes", nil, nil) {
			m.shapes[f.key] = r.shape(f.key, f.val, sub("shapes", f.key))
			m.shapeNames = append(m.shapeNames, f.key)
		}
		sort.Strings(m.shapeNames)
	}
	if ops != nil {
		for _, f := range r.object(ops, "operations", nil, nil) {
			m.operations = append(m.operations, r.operation(f.key, f.val, sub("operations", f.key)))
		}
		sort.Slice(m.operations, func(i, j int) bool { return m.operations[i].name < m.operations[j].name })
	}
	if len(r.errs) == 0 {
		r.link(m)
	}
	return m, r.errs
}

func (r *reader) metadata(v *value) botoMeta {
	var md botoMeta
	known := []string{"apiVersion", "endpointPrefix", "protocol", "protocols", "jsonVersion", "serviceFullName",
		"serviceAbbreviation", "serviceId", "signatureVersion", "signingName", "targetPrefix", "uid", "auth",
		"awsQueryCompatible", "globalEndpoint", "xmlNamespace", "checksumFormat"}
	for _, f := range r.object(v, "metadata", known, nil) {
		p := sub("metadata", f.key)
		switch f.key {
		case "apiVersion":
			md.apiVersion = r.str(f.val, p)
		case "endpointPrefix":
			md.endpointPrefix = r.str(f.val, p)
		case "protocol":
			md.protocol = r.str(f.val, p)
		case "protocols":
			md.protocols = r.strings(f.val, p)
		case "jsonVersion":
			md.jsonVersion = r.str(f.val, p)
		case "serviceFullName":
			md.serviceFullName = r.str(f.val, p)
		case "serviceAbbreviation":
			md.serviceAbbreviation = r.str(f.val, p)
		case "serviceId":
			md.serviceID = r.str(f.val, p)
		case "signatureVersion":
			md.signatureVersion = r.str(f.val, p)
		case "signingName":
			md.signingName = r.str(f.val, p)
		case "targetPrefix":
			md.targetPrefix = r.str(f.val, p)
		case "uid":
			md.uid = r.str(f.val, p)
		case "auth":
			md.auth = r.strings(f.val, p)
		case "awsQueryCompatible":
			// An empty object: its presence is the flag.
			r.object(f.val, p, nil, nil)
			md.awsQueryCompatible = true
		case "xmlNamespace":
			md.xmlNamespace = r.str(f.val, p)
		case "globalEndpoint", "checksumFormat":
			// globalEndpoint: the endpoint rules decide endpoints, not the
			// spec; checksumFormat concerns checksums only.
			r.str(f.val, p)
		}
	}
	for _, k := range []string{"apiVersion", "endpointPrefix", "protocol", "serviceId", "serviceFullName", "signatureVersion"} {
		if v.kind == kObject && v.get(k) == nil {
			r.errorf("metadata", "missing key %q", k)
		}
	}
	return md
}

func (r *reader) operation(name string, v *value, path string) *botoOperation {
	op := &botoOperation{name: name, path: path}
	var dep deprecation
	known := []string{"name", "http", "input", "output", "errors", "documentation", "documentationUrl", "endpoint",
		"idempotent", "readonly", "deprecated", "deprecatedMessage", "deprecatedSince", "requestcompression",
		"authtype", "auth", "httpChecksum", "httpChecksumRequired", "endpointdiscovery", "endpointoperation",
		"staticContextParams", "contextParams", "alias", "unsignedPayload"}
	for _, f := range r.object(v, path, known, nil) {
		p := sub(path, f.key)
		switch f.key {
		case "name":
			if n := r.str(f.val, p); n != "" && n != name {
				r.errorf(p, "is %q, but the operation is listed as %q", n, name)
			}
		case "http":
			for _, h := range r.object(f.val, p, []string{"method", "requestUri", "responseCode"}, nil) {
				hp := sub(p, h.key)
				switch h.key {
				case "method":
					op.method = r.str(h.val, hp)
				case "requestUri":
					op.requestURI = r.str(h.val, hp)
				case "responseCode":
					op.responseCode = r.integer(h.val, hp)
				}
			}
		case "input":
			op.input, op.inputXML = r.xmlRef(f.val, p, nil, nil)
		case "output":
			op.output, op.outputXML = r.xmlRef(f.val, p, nil, &op.resultWrapper)
		case "errors":
			if f.val.kind != kArray {
				r.errorf(p, "must be an array, found %s", f.val.kind)
				continue
			}
			for i, e := range f.val.items {
				op.errors = append(op.errors, r.shapeRef(e, sub(p, strconv.Itoa(i)), []string{"documentation"}))
			}
		case "documentation":
			op.doc = r.str(f.val, p)
		case "documentationUrl":
			r.str(f.val, p) // the doc already names the operation; the URL is derived
		case "endpoint":
			for _, e := range r.object(f.val, p, []string{"hostPrefix"}, nil) {
				op.hostPrefix = r.str(e.val, sub(p, e.key))
			}
		case "idempotent":
			op.idempotent = r.boolean(f.val, p)
		case "readonly":
			op.readonly = r.boolean(f.val, p)
		case "deprecated":
			dep.flag = r.boolean(f.val, p)
		case "deprecatedMessage":
			dep.msg = r.str(f.val, p)
		case "deprecatedSince":
			dep.since = r.str(f.val, p)
		case "requestcompression":
			for _, e := range r.object(f.val, p, []string{"encodings"}, nil) {
				op.requestCompression = r.strings(e.val, sub(p, e.key))
			}
		case "authtype":
			if a := r.str(f.val, p); a != "v4" {
				r.errorf(p, "authentication %q is not supported yet (only SigV4)", a)
			}
		case "auth":
			if a := r.strings(f.val, p); len(a) > 0 && !contains(a, "aws.auth#sigv4") {
				r.errorf(p, "authentication %s is not supported yet (only SigV4)", strings.Join(a, ", "))
			}
		case "httpChecksumRequired":
			op.checksumRequired = r.boolean(f.val, p)
		case "httpChecksum":
			r.errorf(p, "request and response checksums are not supported yet")
		case "endpointdiscovery", "endpointoperation":
			r.errorf(p, "endpoint discovery is not supported yet")
		case "staticContextParams", "contextParams":
			// Endpoint rule parameters: the spec's endpoints are
			// https://<endpointPrefix>.<region>.amazonaws.com, so these
			// have nothing to bind to yet.
		case "alias":
			r.str(f.val, p)
		case "unsignedPayload":
			r.errorf(p, "unsigned payloads are not supported yet")
		}
	}
	dep.flag = dep.flag || dep.msg != ""
	op.deprecated = dep.value()
	if v.kind == kObject && v.get("http") == nil {
		r.errorf(path, "missing key \"http\"")
	}
	return op
}

var shapeTypes = []string{"structure", "list", "map", "string", "integer", "long", "float", "double", "boolean",
	"timestamp", "blob", "byte", "short", "bigInteger", "bigDecimal", "character"}

func (r *reader) shape(name string, v *value, path string) *botoShape {
	s := &botoShape{name: name, path: path}
	var dep deprecation
	known := []string{"type", "documentation", "members", "required", "enum", "min", "max", "pattern", "sensitive",
		"union", "document", "exception", "fault", "error", "retryable", "deprecated", "deprecatedMessage",
		"deprecatedSince", "timestampFormat", "member", "key", "value", "payload", "box", "streaming",
		"eventstream", "event", "requiresLength", "synthetic", "wrapper", "locationName", "xmlNamespace", "flattened",
		"xmlOrder"}
	for _, f := range r.object(v, path, known, nil) {
		p := sub(path, f.key)
		switch f.key {
		case "type":
			s.typ = r.str(f.val, p)
			if s.typ != "" && !contains(shapeTypes, s.typ) {
				r.errorf(p, "unknown shape type %q", s.typ)
			}
		case "documentation":
			s.doc = r.str(f.val, p)
		case "members":
			for _, mf := range r.object(f.val, p, nil, nil) {
				s.members = append(s.members, r.member(mf.key, mf.val, sub(p, mf.key)))
			}
		case "required":
			s.required = r.strings(f.val, p)
		case "enum":
			s.enum = r.strings(f.val, p)
		case "min":
			s.min = r.number(f.val, p)
		case "max":
			s.max = r.number(f.val, p)
		case "pattern":
			s.pattern = r.str(f.val, p)
		case "sensitive":
			s.sensitive = r.boolean(f.val, p)
		case "union":
			s.union = r.boolean(f.val, p)
		case "document":
			s.document = r.boolean(f.val, p)
		case "exception":
			s.exception = r.boolean(f.val, p)
		case "fault":
			s.fault = r.boolean(f.val, p)
		case "error":
			for _, e := range r.object(f.val, p, []string{"code", "httpStatusCode", "senderFault"}, nil) {
				ep := sub(p, e.key)
				switch e.key {
				case "code":
					s.errCode = r.str(e.val, ep)
				case "httpStatusCode":
					s.errStatus = r.integer(e.val, ep)
				case "senderFault":
					b := r.boolean(e.val, ep)
					s.senderFault = &b
				}
			}
		case "retryable":
			s.retryable = true
			for _, e := range r.object(f.val, p, []string{"throttling"}, nil) {
				s.throttling = r.boolean(e.val, sub(p, e.key))
			}
		case "deprecated":
			dep.flag = r.boolean(f.val, p)
		case "deprecatedMessage":
			dep.msg = r.str(f.val, p)
		case "deprecatedSince":
			dep.since = r.str(f.val, p)
		case "timestampFormat":
			s.timestampFormat = r.timestampFormat(f.val, p)
		case "member":
			s.member, s.memberXML = r.xmlRef(f.val, p, []string{"documentation"}, nil)
		case "key":
			s.key, s.keyXML = r.xmlRef(f.val, p, []string{"documentation"}, nil)
		case "value":
			s.value, s.valXML = r.xmlRef(f.val, p, []string{"documentation"}, nil)
		case "locationName":
			s.xmlName = r.str(f.val, p)
		case "xmlNamespace":
			s.xmlNS = r.namespace(f.val, p)
		case "flattened":
			s.flattened = r.boolean(f.val, p)
		case "xmlOrder":
			// The order of a structure's elements: the members' own.
			r.strings(f.val, p)
		case "payload":
			s.payload = r.str(f.val, p)
		case "box":
			// Java's boxed primitives: pointers already say "not set".
			r.boolean(f.val, p)
		case "streaming", "requiresLength":
			r.errorf(p, "streaming %s shapes are not supported yet", orDefault(s.typ, "blob"))
		case "eventstream", "event":
			r.errorf(p, "event streams are not supported yet")
		case "synthetic", "wrapper":
			// Markers of shapes botocore made up for the query protocols'
			// wrappers; the shape itself is read as any other.
			r.boolean(f.val, p)
		}
	}
	dep.flag = dep.flag || dep.msg != ""
	s.deprecated = dep.value()
	if v.kind == kObject && v.get("type") == nil {
		r.errorf(path, "missing key \"type\"")
	}
	return s
}

func (r *reader) member(name string, v *value, path string) *botoMember {
	m := &botoMember{name: name, path: path}
	var dep deprecation
	known := []string{"shape", "documentation", "location", "locationName", "idempotencyToken", "hostLabel",
		"jsonvalue", "timestampFormat", "deprecated", "deprecatedMessage", "deprecatedSince", "box",
		"streaming", "eventpayload", "eventheader", "contextParam", "xmlNamespace", "xmlAttribute", "flattened", "queryName"}
	for _, f := range r.object(v, path, known, nil) {
		p := sub(path, f.key)
		switch f.key {
		case "shape":
			m.shape = r.str(f.val, p)
		case "documentation":
			m.doc = r.str(f.val, p)
		case "location":
			m.location = r.str(f.val, p)
			if !contains([]string{"uri", "querystring", "header", "headers", "statusCode"}, m.location) {
				r.errorf(p, "unknown location %q", m.location)
			}
		case "locationName":
			m.locationName = r.str(f.val, p)
		case "idempotencyToken":
			m.idempotency = r.boolean(f.val, p)
		case "hostLabel":
			m.hostLabel = r.boolean(f.val, p)
		case "jsonvalue":
			m.jsonValue = r.boolean(f.val, p)
		case "timestampFormat":
			m.timestampFormat = r.timestampFormat(f.val, p)
		case "deprecated":
			dep.flag = r.boolean(f.val, p)
		case "deprecatedMessage":
			dep.msg = r.str(f.val, p)
		case "deprecatedSince":
			dep.since = r.str(f.val, p)
		case "box":
			r.boolean(f.val, p)
		case "streaming":
			r.errorf(p, "streaming members are not supported yet")
		case "eventpayload", "eventheader":
			r.errorf(p, "event streams are not supported yet")
		case "contextParam":
			// An endpoint rule parameter; see staticContextParams.
		case "xmlNamespace":
			m.xmlNS = r.namespace(f.val, p)
		case "xmlAttribute":
			m.xmlAttribute = r.boolean(f.val, p)
		case "flattened":
			m.flattened = r.boolean(f.val, p)
		case "queryName":
			m.queryName = r.str(f.val, p)
		}
	}
	dep.flag = dep.flag || dep.msg != ""
	m.deprecated = dep.value()
	if v.kind == kObject && v.get("shape") == nil {
		r.errorf(path, "missing key \"shape\"")
	}
	return m
}

func (r *reader) timestampFormat(v *value, path string) string {
	f := r.str(v, path)
	switch f {
	case "iso8601":
		return "iso8601"
	case "unixTimestamp":
		return "epoch-seconds"
	case "rfc822":
		return "http-date"
	case "":
		return ""
	}
	r.errorf(path, "unknown timestamp format %q (want iso8601, unixTimestamp or rfc822)", f)
	return ""
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
