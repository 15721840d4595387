package importer

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Small builders for the yaml.v3 node tree the importer writes. Strings are
// tagged !!str, so the encoder quotes any that would read back as something
// else ("yes", "1.0", "2022-11-30", "null") or that plain style cannot hold
// ("# x", "a: b", "*x"): what is loaded back is the string written.

func str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if yaml11Bool[strings.ToLower(s)] || strings.HasPrefix(s, "\n") {
		// yaml.v3 reads the first back as strings, but YAML 1.1 tools (and
		// readers) take them for booleans; and it writes a leading line
		// break into a literal block that drops it when read back.
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

var yaml11Bool = map[string]bool{"y": true, "n": true, "yes": true, "no": true, "on": true, "off": true}

// text is a string that may be prose with several paragraphs: it is written
// as a literal block, so paragraphs and list items read in the file as they
// will in the doc comment. (The generator wraps paragraphs itself, so the
// text keeps one line per paragraph; yaml.v3 would not re-wrap a folded
// block anyway.) The encoder falls back to a quoted string when a block
// cannot hold the text exactly.
func text(s string) *yaml.Node {
	n := str(s)
	if strings.Contains(s, "\n") && n.Style == 0 {
		n.Style = yaml.LiteralStyle
	}
	return n
}

func boolean(b bool) *yaml.Node {
	v := "false"
	if b {
		v = "true"
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: v}
}

// number is a JSON number literal, written as it was. A whole number too
// large for int64 is a float to YAML, as it is to JSON decoders.
func number(lit string) *yaml.Node {
	tag := "!!int"
	if _, err := strconv.ParseInt(lit, 10, 64); err != nil {
		tag = "!!float"
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: lit}
}

func seq(items ...*yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: items}
}

func strs(list []string) *yaml.Node {
	n := seq()
	for _, s := range list {
		n.Content = append(n.Content, str(s))
	}
	return n
}

func flow(n *yaml.Node) *yaml.Node {
	n.Style = yaml.FlowStyle
	return n
}

type mapping struct{ n *yaml.Node }

func newMapping() mapping {
	return mapping{&yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}}
}

// add appends key: v and returns the key node (for comments).
func (m mapping) add(key string, v *yaml.Node) *yaml.Node {
	k := str(key)
	m.n.Content = append(m.n.Content, k, v)
	return k
}

func (m mapping) addStr(key, v string) {
	if v != "" {
		m.add(key, str(v))
	}
}

func (m mapping) addText(key, v string) {
	if v != "" {
		m.add(key, text(v))
	}
}

func (m mapping) addTrue(key string, b bool) {
	if b {
		m.add(key, boolean(true))
	}
}

// addDeprecated writes botocore's deprecation as the spec's deprecated key:
// true, or the message.
func (m mapping) addDeprecated(v string) {
	switch v {
	case "":
	case "true":
		m.add("deprecated", boolean(true))
	default:
		m.add("deprecated", text(v))
	}
}

func (m mapping) empty() bool { return len(m.n.Content) == 0 }

// jsonNode turns a JSON value (an example's input or output, a waiter's
// expected value) into YAML, keeping key order.
func jsonNode(v *value) *yaml.Node {
	switch v.kind {
	case kNull:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
	case kBool:
		return boolean(v.b)
	case kNumber:
		return number(v.str)
	case kString:
		return text(v.str)
	case kArray:
		n := seq()
		for _, it := range v.items {
			n.Content = append(n.Content, jsonNode(it))
		}
		if len(n.Content) == 0 {
			n.Style = yaml.FlowStyle
		}
		return n
	}
	m := newMapping()
	for _, f := range v.fields {
		m.add(f.key, jsonNode(f.val))
	}
	if m.empty() {
		m.n.Style = yaml.FlowStyle
	}
	return m.n
}
