package spec

import (
	"gopkg.in/yaml.v3"

	"github.com/specgen/specgen/generator/model"
)

// The XML and query traits (issue 12): a shape's and a member's xml block,
// an operation's resultWrapper and the service's xmlNamespace. Their keys
// are in the tables of keys.go; the loader hands them here through its
// trait functions (traits.go), and the resolver checks them against the
// kinds they apply to.

// rawNamespace is an xmlns declaration: a bare URI, or {uri, prefix}.
type rawNamespace struct {
	n           *yaml.Node
	uri, prefix str
}

type rawXMLShape struct {
	n                            *yaml.Node
	keys                         map[string]*yaml.Node // the keys present
	name, memberName, keyName    str
	valueName                    str
	ns, memberNS, keyNS, valueNS *rawNamespace
	flattened                    bool
}

type rawXMLMember struct {
	n                    *yaml.Node
	attribute, flattened *yaml.Node // the key, when true
	ns                   *rawNamespace
	queryName            str
	name                 str
}

// namespace reads a namespace: a URI, or a mapping of uri and prefix.
func (l *loader) namespace(n *yaml.Node, what string) *rawNamespace {
	d := deref(n)
	ns := &rawNamespace{n: d}
	if d.Kind == yaml.ScalarNode {
		ns.uri = l.str(d, what)
	} else {
		for _, p := range l.mapping(d, what, namespaceKeys) {
			switch p.k.Value {
			case "uri":
				ns.uri = l.str(p.v, what+" uri")
			case "prefix":
				ns.prefix = l.str(p.v, what+" prefix")
			}
		}
		if !ns.uri.ok() && d.Kind == yaml.MappingNode && !l.isMeant(d, "uri") {
			l.errorf(d, "%s is missing required key \"uri\"", what)
		}
	}
	if ns.uri.ok() && ns.uri.v == "" {
		l.errorf(ns.uri.n, "%s uri must not be empty", what)
	}
	if ns.prefix.ok() && !isXMLName(ns.prefix.v) {
		l.errorf(ns.prefix.n, "%s prefix %q must be an XML name (a letter or '_', then letters, digits, '_', '-' and '.')", what, ns.prefix.v)
	}
	if !ns.uri.ok() || ns.uri.v == "" {
		return nil
	}
	return ns
}

// xmlName reads the name of an element.
func (l *loader) xmlName(n *yaml.Node, what string) str {
	v := l.str(n, what)
	if v.ok() && !isXMLName(v.v) {
		l.errorf(v.n, "%s %q must be an XML name (a letter or '_', then letters, digits, '_', '-' and '.')", what, v.v)
		return str{}
	}
	return v
}

func (l *loader) parseXMLShape(n *yaml.Node) *rawXMLShape {
	x := &rawXMLShape{n: n, keys: map[string]*yaml.Node{}}
	for _, p := range l.mapping(n, "xml", xmlShapeKeys) {
		x.keys[p.k.Value] = p.k
		switch p.k.Value {
		case "name":
			x.name = l.xmlName(p.v, "xml name")
		case "namespace":
			x.ns = l.namespace(p.v, "xml namespace")
		case "flattened":
			x.flattened = l.boolean(p.v, "flattened")
		case "memberName":
			x.memberName = l.xmlName(p.v, "memberName")
		case "memberNamespace":
			x.memberNS = l.namespace(p.v, "memberNamespace")
		case "keyName":
			x.keyName = l.xmlName(p.v, "keyName")
		case "keyNamespace":
			x.keyNS = l.namespace(p.v, "keyNamespace")
		case "valueName":
			x.valueName = l.xmlName(p.v, "valueName")
		case "valueNamespace":
			x.valueNS = l.namespace(p.v, "valueNamespace")
		}
	}
	return x
}

func (l *loader) parseXMLMember(n *yaml.Node) *rawXMLMember {
	x := &rawXMLMember{n: n}
	for _, p := range l.mapping(n, "xml", xmlMemberKeys) {
		switch p.k.Value {
		case "attribute":
			if l.boolean(p.v, "attribute") {
				x.attribute = p.k
			}
		case "flattened":
			if l.boolean(p.v, "flattened") {
				x.flattened = p.k
			}
		case "namespace":
			x.ns = l.namespace(p.v, "xml namespace")
		case "name":
			x.name = l.xmlName(p.v, "xml name")
		case "queryName":
			x.queryName = l.str(p.v, "queryName")
			if q := x.queryName; q.ok() && (q.v == "" || !onlyASCII(q.v, "_-.")) {
				l.errorf(q.n, "queryName %q must hold letters, digits, '_', '-' and '.'", q.v)
				x.queryName = str{}
			}
		}
	}
	return x
}

// isXMLName reports whether s is an XML name without a colon (an NCName),
// restricted to ASCII as every AWS model is.
func isXMLName(s string) bool {
	return s != "" && (isASCIILetter(s[0]) || s[0] == '_') && onlyASCII(s, "_-.")
}

func (ns *rawNamespace) model() *model.XMLNamespace {
	if ns == nil {
		return nil
	}
	return &model.XMLNamespace{Prefix: ns.prefix.v, URI: ns.uri.v}
}

// xmlShape resolves the xml block of a shape once fillShape has its kind.
func (r *resolver) xmlShape(sh *rawShape, s *model.Shape) {
	x := sh.traits.xml
	if x == nil {
		return
	}
	r.unreadXML(x.n, "xml")
	k := s.Kind
	applies := func(key string, ok bool, kinds string) {
		if n := x.keys[key]; n != nil && !ok {
			r.errorf(n, "xml %s applies only to %s shapes, not %s", key, kinds, k)
		}
	}
	applies("name", k == model.Structure, "structure")
	applies("flattened", k == model.List || k == model.Map, "list and map")
	applies("memberName", k == model.List, "list")
	applies("memberNamespace", k == model.List, "list")
	for _, key := range []string{"keyName", "keyNamespace", "valueName", "valueNamespace"} {
		applies(key, k == model.Map, "map")
	}
	out := &model.XMLShape{NS: x.ns.model()}
	switch k {
	case model.Structure:
		out.Name = x.name.v
	case model.List:
		out.Flattened = x.flattened
		out.MemberName, out.MemberNS = x.memberName.v, x.memberNS.model()
	case model.Map:
		out.Flattened = x.flattened
		out.KeyName, out.KeyNS = x.keyName.v, x.keyNS.model()
		out.ValueName, out.ValueNS = x.valueName.v, x.valueNS.model()
	}
	if *out != (model.XMLShape{}) {
		s.XML = out
	}
}

// xmlMember resolves the xml block of a member and what its shape's says
// of every member holding it (flattened, a namespace): run once every
// shape is filled.
func (r *resolver) xmlMember(rm *rawMember, m *model.Member) {
	if m.Shape == nil || m.Shape.Kind == "" {
		return
	}
	out := model.XMLMember{}
	if sx := m.Shape.XML; sx != nil {
		// The traits of the target apply to every member holding it, as
		// Smithy's member traits do (a nested structure declares its own
		// namespace: restXml's XmlNamespaces case).
		out.Flattened = sx.Flattened
		out.NS = sx.NS
	}
	if x := rm.traits.xml; x != nil {
		r.unreadXML(x.n, "xml")
		k := m.Shape.Kind
		if x.attribute != nil {
			switch {
			case k == model.Structure || k == model.List || k == model.Map || k == model.Document || k == model.Blob:
				r.errorf(x.attribute, "xml attribute applies only to string, number, boolean and timestamp members, not %s %s", k, rm.name.v)
			case m.Location != "":
				r.errorf(x.attribute, "member %s travels in the %s: it cannot be an xml attribute of the body", rm.name.v, m.Location)
			default:
				out.Attribute = true
			}
		}
		if x.flattened != nil {
			if k != model.List && k != model.Map {
				r.errorf(x.flattened, "xml flattened applies only to list and map members, not %s %s", k, rm.name.v)
			} else {
				out.Flattened = true
			}
		}
		if x.ns != nil {
			out.NS = x.ns.model()
		}
		out.QueryName = x.queryName.v
		if x.name.ok() {
			if m.Location != model.LocPayload || k != model.Structure {
				r.errorf(x.name.n, "xml name of a member applies only to a structure payload member, whose element it names; %s is not one", rm.name.v)
			} else {
				out.Name = x.name.v
			}
		}
	}
	if out != (model.XMLMember{}) {
		m.XML = &out
	}
}

// resultWrapper checks an operation's result wrapper.
func (r *resolver) resultWrapper(ro *rawOperation, op *model.Operation) {
	w := ro.traits.resultWrapper
	if !w.ok() {
		return
	}
	r.unreadXML(w.n, "resultWrapper")
	if !isXMLName(w.v) {
		r.errorf(w.n, "resultWrapper %q must be an XML name (a letter or '_', then letters, digits, '_', '-' and '.')", w.v)
		return
	}
	op.ResultWrapper = w.v
}

// unreadXML warns of an XML or query trait in a service whose protocols
// never read it: it is kept, and does nothing.
func (r *resolver) unreadXML(n *yaml.Node, key string) {
	if r.svc.Protocol != nil && !r.svc.SpeaksXML() {
		r.warnf(n, "%s has no effect: %s speaks neither restXml, awsQuery nor ec2Query", key, r.svc.Package)
	}
}
