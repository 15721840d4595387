package conformance

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"mime"
	"net/url"
	"reflect"
	"sort"
	"strings"

	"github.com/fxamacker/cbor/v2"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// A case's body and the body sent are compared by what they mean, not by
// their bytes, in the encoding the request's media type names: JSON as
// values, form bodies as a multiset of pairs, XML as element trees, CBOR
// as decoded items. A body the case gives that does not parse in that
// encoding (a blob payload) is compared byte for byte.

// bodyKind names the encoding of a body of the given media type: "json",
// "form", "xml", "cbor", or "" for bytes.
func bodyKind(contentType string) string {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(contentType))
	}
	switch {
	case mt == "application/x-www-form-urlencoded":
		return "form"
	case mt == "application/cbor":
		return "cbor"
	case mt == "application/xml" || mt == "text/xml" || strings.HasSuffix(mt, "+xml"):
		return "xml"
	case mt == "" || strings.Contains(mt, "json"):
		return "json"
	}
	return ""
}

// compareBody compares the body sent with the one the case expects, in
// the encoding contentType names (the case's Content-Type, else the
// protocol's); want is the case's body as bytes (a CBOR suite's, decoded
// from base64).
func compareBody(want, got []byte, contentType string) []string {
	if len(want) == 0 {
		if len(got) != 0 {
			return []string{fmt.Sprintf("body: want none, got %q", got)}
		}
		return nil
	}
	var problems []string
	switch bodyKind(contentType) {
	case "json":
		problems = compareJSON(want, got)
	case "form":
		problems = compareForm(want, got)
	case "xml":
		problems = compareXML(want, got)
	case "cbor":
		problems = compareCBOR(want, got)
	}
	if problems != nil {
		return problems
	}
	if !bytes.Equal(want, got) && !parses(want, contentType) {
		return []string{fmt.Sprintf("body: want %q, got %q", want, got)}
	}
	return nil
}

// parses reports whether a case's body is in the encoding contentType
// names; one that is not (a blob payload under a JSON or XML protocol) is
// compared byte for byte.
func parses(body []byte, contentType string) bool {
	switch bodyKind(contentType) {
	case "json":
		return json.Valid(body)
	case "form":
		return true
	case "xml":
		_, err := parseXML(body)
		return err == nil
	case "cbor":
		_, err := decodeCBOR(body)
		return err == nil
	}
	return false
}

func compareJSON(want, got []byte) []string {
	var w, g any
	if json.Unmarshal(want, &w) != nil {
		return nil
	}
	if err := json.Unmarshal(got, &g); err != nil {
		return []string{fmt.Sprintf("body: want JSON %s, got %q (%v)", want, got, err)}
	}
	if d := cmp.Diff(w, g); d != "" {
		return []string{"body (-want +got):\n" + d}
	}
	return nil
}

// compareForm compares form bodies as multisets of decoded key=value
// pairs: their order does not matter, a repeated pair counts twice.
func compareForm(want, got []byte) []string {
	w, err := formPairs(string(want))
	if err != nil {
		return []string{fmt.Sprintf("body: the case's form %q: %v", want, err)}
	}
	g, err := formPairs(string(got))
	if err != nil {
		return []string{fmt.Sprintf("body: want a form, got %q (%v)", got, err)}
	}
	if d := cmp.Diff(w, g); d != "" {
		return []string{"form body (-want +got):\n" + d}
	}
	return nil
}

// formPairs lists a form body's pairs, decoded, as a sorted multiset. A
// case writes its form on several lines, joined by & at their start.
func formPairs(body string) ([]string, error) {
	var out []string
	for _, kv := range strings.Split(body, "&") {
		kv = strings.TrimSpace(kv)
		if kv == "" {
			continue
		}
		k, v, _ := strings.Cut(kv, "=")
		var err error
		if k, err = url.QueryUnescape(k); err != nil {
			return nil, err
		}
		if v, err = url.QueryUnescape(v); err != nil {
			return nil, err
		}
		out = append(out, k+"="+v)
	}
	sort.Strings(out)
	return out, nil
}

// xmlNode is an XML element as compareXML sees it: its name with the
// namespace it resolves to, its attributes (namespace declarations among
// them, so that a prefix declared or not is a difference), and its
// content, elements and the text between them.
type xmlNode struct {
	Name  string   // {namespace}local
	Attrs []string // sorted {namespace}local="value"
	// Text is the element's text when it has no child element, exact.
	Text string
	// Children are its child elements and, when it has some, the text
	// between them that is not only white space.
	Children []xmlChild
}

// xmlChild is an element or a run of text.
type xmlChild struct {
	Elem *xmlNode `json:",omitempty"`
	Text string   `json:",omitempty"`
}

// parseXML reads a document into its root element's tree. White space
// between elements is insignificant; comments, processing instructions
// and the XML declaration are left out.
func parseXML(data []byte) (*xmlNode, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var stack []*xmlNode
	var texts [][]string // per open element, the text runs since the last child
	var root *xmlNode
	flush := func() {
		n := stack[len(stack)-1]
		t := strings.Join(texts[len(texts)-1], "")
		texts[len(texts)-1] = nil
		if t != "" {
			n.Children = append(n.Children, xmlChild{Text: t})
		}
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if root != nil && len(stack) == 0 {
				return nil, errors.New("more than one root element")
			}
			n := &xmlNode{Name: xmlName(tok.Name)}
			for _, a := range tok.Attr {
				n.Attrs = append(n.Attrs, fmt.Sprintf("%s=%q", xmlName(a.Name), a.Value))
			}
			sort.Strings(n.Attrs)
			if len(stack) > 0 {
				flush()
				p := stack[len(stack)-1]
				p.Children = append(p.Children, xmlChild{Elem: n})
			} else {
				root = n
			}
			stack = append(stack, n)
			texts = append(texts, nil)
		case xml.EndElement:
			flush()
			n := stack[len(stack)-1]
			n.Children, n.Text = content(n.Children)
			stack, texts = stack[:len(stack)-1], texts[:len(texts)-1]
		case xml.CharData:
			if len(stack) == 0 {
				if len(bytes.TrimSpace(tok)) != 0 {
					return nil, errors.New("text outside the root element")
				}
				continue
			}
			texts[len(texts)-1] = append(texts[len(texts)-1], string(tok))
		}
	}
	if root == nil {
		return nil, errors.New("no root element")
	}
	return root, nil
}

// content splits an element's content: the text of one with no child
// element, or its children without the runs of white space between them.
func content(cs []xmlChild) ([]xmlChild, string) {
	elems := false
	for _, c := range cs {
		if c.Elem != nil {
			elems = true
		}
	}
	if !elems {
		text := ""
		for _, c := range cs {
			text += c.Text
		}
		return nil, text
	}
	var out []xmlChild
	for _, c := range cs {
		if c.Elem != nil || strings.TrimSpace(c.Text) != "" {
			out = append(out, c)
		}
	}
	return out, ""
}

func xmlName(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return "{" + n.Space + "}" + n.Local
}

// compareXML compares XML documents as element trees.
func compareXML(want, got []byte) []string {
	w, err := parseXML(want)
	if err != nil {
		return nil // not XML: compared as bytes
	}
	g, err := parseXML(got)
	if err != nil {
		return []string{fmt.Sprintf("body: want XML %s, got %q (%v)", want, got, err)}
	}
	if d := cmp.Diff(w, g); d != "" {
		return []string{"XML body (-want +got):\n" + d}
	}
	return nil
}

// cborDecoder decodes CBOR into generic values: maps keyed by any, byte
// strings as []byte, tags as cbor.Tag, every float as float64 (half and
// single precision widened), indefinite lengths joined.
var cborDecoder = func() cbor.DecMode {
	dm, err := cbor.DecOptions{
		DefaultByteStringType: reflect.TypeOf([]byte(nil)),
		IndefLength:           cbor.IndefLengthAllowed,
		MaxNestedLevels:       64,
	}.DecMode()
	if err != nil {
		panic(err)
	}
	return dm
}()

// decodeCBOR decodes one CBOR item, refusing trailing bytes.
func decodeCBOR(data []byte) (any, error) {
	var v any
	if err := cborDecoder.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	return cborValue(v), nil
}

// cborValue puts a decoded item in the form compareCBOR compares: numbers
// as their value (an integer and a float that are equal are equal, as a
// decoder that widens reads them), maps with string keys where they are
// strings, tags as {"tag N": content}.
func cborValue(v any) any {
	switch x := v.(type) {
	case map[any]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			ks, ok := k.(string)
			if !ok {
				ks = fmt.Sprintf("<%T %v>", k, k)
			}
			out[ks] = cborValue(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = cborValue(e)
		}
		return out
	case cbor.Tag:
		return map[string]any{fmt.Sprintf("tag %d", x.Number): cborValue(x.Content)}
	case uint64:
		return newCBORNumber(new(big.Float).SetUint64(x))
	case int64:
		return newCBORNumber(new(big.Float).SetInt64(x))
	case big.Int:
		return newCBORNumber(new(big.Float).SetInt(&x))
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return x
		}
		return newCBORNumber(big.NewFloat(x))
	}
	return v
}

// cborNumber is a number's exact value as text, so that 256, 256.0 and
// 2.56e2 are one.
type cborNumber string

func newCBORNumber(f *big.Float) cborNumber { return cborNumber(f.Text('g', -1)) }

// compareCBOR compares CBOR items by value; NaN equals NaN.
func compareCBOR(want, got []byte) []string {
	w, err := decodeCBOR(want)
	if err != nil {
		return nil // not CBOR: compared as bytes
	}
	g, err := decodeCBOR(got)
	if err != nil {
		return []string{fmt.Sprintf("body: want CBOR %x, got %x (%v)", want, got, err)}
	}
	if d := cmp.Diff(w, g, cmpopts.EquateNaNs()); d != "" {
		return []string{"CBOR body (-want +got):\n" + d}
	}
	return nil
}
