package importer

// The XML and query traits, written only for a service that speaks restXml,
// awsQuery or ec2Query: a JSON or CBOR service's spec would carry them for
// nothing.

// xmlShape is a shape's xml block; empty when the defaults apply.
func (t *translator) xmlShape(s *botoShape) mapping {
	x := newMapping()
	switch s.typ {
	case "structure":
		name, ns := s.xmlName, s.xmlNS
		if t.restXML {
			// A restXml body's element is the input or output reference's
			// locationName, else the shape's, else the model's shape name,
			// which the spec may have changed (a copy, a rename).
			root := t.bodyRoots()[s.name]
			name = orDefault(root.name, orDefault(name, orDefault(s.copyOf, s.name)))
			if root.ns != nil {
				ns = root.ns
			}
		}
		if name != "" && name != t.ref(s.name) {
			x.addStr("name", name)
		}
		addNamespace(x, "namespace", ns)
	case "list":
		x.addTrue("flattened", s.flattened)
		addNamespace(x, "namespace", s.xmlNS)
		x.addStr("memberName", s.memberXML.name)
		addNamespace(x, "memberNamespace", s.memberXML.ns)
	case "map":
		x.addTrue("flattened", s.flattened)
		addNamespace(x, "namespace", s.xmlNS)
		x.addStr("keyName", s.keyXML.name)
		addNamespace(x, "keyNamespace", s.keyXML.ns)
		x.addStr("valueName", s.valXML.name)
		addNamespace(x, "valueNamespace", s.valXML.ns)
	default:
		addNamespace(x, "namespace", s.xmlNS)
	}
	return x
}

// bodyRoots are the restXml services' input and output structures and
// their structure payloads, by model shape name, with what their
// operation's reference (or payload member) says of their element; nil for
// other services. ownIOShapes has given each operation
// structures of its own, so a reference's traits concern its shape alone.
func (t *translator) bodyRoots() map[string]botoRef {
	if !t.restXML {
		return nil
	}
	if t.roots == nil {
		t.roots = map[string]botoRef{}
		// A structure payload's element is its member's locationName when
		// the member renames it (HttpPayloadWithMemberXmlName: the model
		// writes the member's own name when nothing renames it), unless
		// payload members of several names share the structure: the
		// element then keeps the structure's own name.
		payloadNames := map[string]map[string]bool{}
		for _, op := range t.m.operations {
			for _, io := range []struct {
				name string
				ref  botoRef
			}{{op.input, op.inputXML}, {op.output, op.outputXML}} {
				if io.name == "" {
					continue
				}
				t.roots[io.name] = io.ref
				s := t.m.shapes[io.name]
				if pm := memberNamed(s, s.payload); pm != nil && t.kind(pm.shape) == "structure" {
					name := pm.locationName
					if name == pm.name {
						name = ""
					}
					if payloadNames[pm.shape] == nil {
						payloadNames[pm.shape] = map[string]bool{}
					}
					payloadNames[pm.shape][name] = true
				}
			}
		}
		for shape, names := range payloadNames {
			if _, ok := t.roots[shape]; ok || len(names) != 1 {
				continue
			}
			for name := range names {
				if name != "" {
					t.roots[shape] = botoRef{name: name}
				}
			}
		}
	}
	return t.roots
}

// payloadElement is the element that mb, the structure payload of s,
// names the body with when the member renames it (its locationName is not
// its name, HttpPayloadWithMemberXmlName's Hola) and its shape's xml name
// does not say so already, because the shape is also a body of another
// name (bodyRoots); "" otherwise.
func (t *translator) payloadElement(s *botoShape, mb *botoMember) string {
	if !t.restXML || s.payload != mb.name || t.kind(mb.shape) != "structure" || mb.locationName == "" || mb.locationName == mb.name {
		return ""
	}
	if root, ok := t.bodyRoots()[mb.shape]; ok && root.name == mb.locationName {
		return ""
	}
	return mb.locationName
}

// xmlMember is a member's xml block; empty when the defaults apply.
func xmlMember(mb *botoMember) mapping {
	x := newMapping()
	x.addTrue("attribute", mb.xmlAttribute)
	x.addTrue("flattened", mb.flattened)
	addNamespace(x, "namespace", mb.xmlNS)
	x.addStr("queryName", mb.queryName)
	return x
}

// addNamespace writes a namespace as its URI, or {uri, prefix} when it
// binds a prefix.
func addNamespace(m mapping, key string, ns *botoNS) {
	switch {
	case ns == nil:
	case ns.prefix == "":
		m.add(key, str(ns.uri))
	default:
		n := newMapping()
		n.addStr("uri", ns.uri)
		n.addStr("prefix", ns.prefix)
		m.add(key, flow(n.n))
	}
}
