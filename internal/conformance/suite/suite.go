// Package suite reads botocore's JSON rendering of the Smithy protocol tests
// (testdata/suites, input and output cases per protocol) and synthesizes,
// per protocol, the one botocore service model that carries every group's
// shapes and operations, so that the suite can be imported and generated the
// way a user imports a service.
package suite

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// Protocol is one protocol's suite: the file name botocore gives it and the
// package its synthesized model is imported as.
type Protocol struct {
	// File is the suite's file name under input/ and output/.
	File string
	// Package is the Go package the synthesized model imports as; it is
	// derived by the importer from ServiceID.
	Package string
	// ServiceID is the synthesized model's serviceId.
	ServiceID string
	// Name is the protocol's name in specs (awsJson1_0, ...).
	Name string
	// Binary is set when the suite writes bodies in base64 (CBOR).
	Binary bool
}

// Protocols are the suites the conformance test runs, in report order.
var Protocols = []Protocol{
	{File: "json_1_0", Package: "jsonrpc10", ServiceID: "JsonRpc10", Name: "awsJson1_0"},
	{File: "json", Package: "jsonprotocol", ServiceID: "Json Protocol", Name: "awsJson1_1"},
	{File: "rest-json", Package: "restjson", ServiceID: "Rest Json", Name: "restJson1"},
	{File: "query", Package: "queryprotocol", ServiceID: "Query Protocol", Name: "awsQuery"},
	{File: "ec2", Package: "ec2protocol", ServiceID: "EC2 Protocol", Name: "ec2Query"},
	{File: "rest-xml", Package: "restxml", ServiceID: "Rest Xml", Name: "restXml"},
	{File: "smithy-rpc-v2-cbor", Package: "rpcv2protocol", ServiceID: "RpcV2 Protocol", Name: "rpcv2Cbor", Binary: true},
	{File: "json_1_0-query-compatible", Package: "querycompatiblejsonrpc10",
		ServiceID: "Query Compatible JSON RPC 10", Name: "awsJson1_0"},
	{File: "smithy-rpc-v2-cbor-query-compatible", Package: "querycompatiblerpcv2protocol",
		ServiceID: "Query Compatible RpcV2 Protocol", Name: "rpcv2Cbor", Binary: true},
	{File: "smithy-rpc-v2-cbor-non-query-compatible", Package: "nonquerycompatiblerpcv2protocol",
		ServiceID: "Non Query Compatible RpcV2 Protocol", Name: "rpcv2Cbor", Binary: true},
}

// Body returns a body as a case gives it (a request's or a response's),
// as bytes: decoded from base64 in a suite of binary bodies.
func (p Protocol) Body(s *string) ([]byte, error) {
	if s == nil {
		return nil, nil
	}
	if !p.Binary {
		return []byte(*s), nil
	}
	b, err := base64.StdEncoding.DecodeString(*s)
	if err != nil {
		return nil, fmt.Errorf("%s: a body that is not base64: %w", p.File, err)
	}
	return b, nil
}

// Group is one group of cases: the model fragment they share and the cases.
type Group struct {
	Description    string                     `json:"description"`
	Metadata       map[string]json.RawMessage `json:"metadata"`
	Shapes         map[string]json.RawMessage `json:"shapes"`
	ClientEndpoint string                     `json:"clientEndpoint"`
	Cases          []*Case                    `json:"cases"`
}

// Case is one input case (Params and Serialized) or output case (Response
// and Result, or Error with ErrorCode).
type Case struct {
	ID          string          `json:"id"`
	Description string          `json:"description"`
	Given       json.RawMessage `json:"given"`

	Params     json.RawMessage `json:"params"`
	Serialized *Request        `json:"serialized"`

	Response     *Response       `json:"response"`
	Result       json.RawMessage `json:"result"`
	Error        json.RawMessage `json:"error"`
	ErrorCode    string          `json:"errorCode"`
	ErrorMessage string          `json:"errorMessage"`

	// Set by Load.
	Operation string `json:"-"` // the operation's name, from Given
	Group     *Group `json:"-"`
}

// Request is the request an input case must become.
type Request struct {
	Method         string            `json:"method"`
	URI            string            `json:"uri"`
	Host           string            `json:"host"`
	Headers        map[string]string `json:"headers"`
	Body           *string           `json:"body"`
	RequireHeaders []string          `json:"requireHeaders"`
	ForbidHeaders  []string          `json:"forbidHeaders"`
}

// Response is the response an output case decodes.
type Response struct {
	StatusCode int               `json:"status_code"`
	Headers    map[string]string `json:"headers"`
	Body       *string           `json:"body"`
}

// Suite is one protocol's cases, input and output.
type Suite struct {
	Protocol      Protocol
	Input, Output []*Group
}

// Load reads the protocol's suite from dir (testdata/suites).
func Load(dir string, p Protocol) (*Suite, error) {
	s := &Suite{Protocol: p}
	for _, side := range []struct {
		name string
		dst  *[]*Group
	}{{"input", &s.Input}, {"output", &s.Output}} {
		path := filepath.Join(dir, side.name, p.File+".json")
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(side.dst); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		for _, g := range *side.dst {
			for _, c := range g.Cases {
				var given struct {
					Name string `json:"name"`
				}
				if err := json.Unmarshal(c.Given, &given); err != nil || given.Name == "" {
					return nil, fmt.Errorf("%s: case %s: given has no operation name", path, c.ID)
				}
				c.Operation, c.Group = given.Name, g
			}
		}
	}
	return s, nil
}

// Unsupported are, per suite file, the operations the synthesized model
// leaves out because specgen check refuses their shapes, each with the
// refusal: their cases are skipped with it. Each is a gap in what the spec
// format and the generated code carry.
var Unsupported = map[string]map[string]string{}

// Model synthesizes the protocol's botocore service model: the suite's
// metadata with the keys a real model has, every group's shapes, and every
// operation, its input, output and errors merged from the cases that name
// it. Shapes or operations that two groups define differently are an error.
func (s *Suite) Model() ([]byte, error) {
	return s.ModelLeavingOut(Unsupported[s.Protocol.File])
}

// ModelLeavingOut is Model with the operations of leave left out instead
// of the suite's Unsupported ones.
func (s *Suite) ModelLeavingOut(leave map[string]string) ([]byte, error) {
	shapes := map[string]json.RawMessage{}
	ops := map[string]map[string]json.RawMessage{}
	var meta map[string]json.RawMessage
	for _, g := range append(append([]*Group(nil), s.Input...), s.Output...) {
		if meta == nil {
			meta = g.Metadata
		} else if !sameJSON(meta, g.Metadata) {
			return nil, fmt.Errorf("%s: group %q has other metadata", s.Protocol.File, g.Description)
		}
		for name, sh := range g.Shapes {
			if old, ok := shapes[name]; ok && !sameJSON(old, sh) {
				return nil, fmt.Errorf("%s: shape %s is defined differently by two groups", s.Protocol.File, name)
			}
			shapes[name] = sh
		}
		for _, c := range g.Cases {
			var given map[string]json.RawMessage
			if err := json.Unmarshal(c.Given, &given); err != nil {
				return nil, fmt.Errorf("%s: case %s: %w", s.Protocol.File, c.ID, err)
			}
			if _, ok := leave[c.Operation]; ok {
				continue
			}
			op := ops[c.Operation]
			if op == nil {
				ops[c.Operation] = given
				continue
			}
			for k, v := range given {
				if k == "errors" {
					merged, err := mergeErrors(op[k], v)
					if err != nil {
						return nil, fmt.Errorf("%s: case %s: %w", s.Protocol.File, c.ID, err)
					}
					op[k] = merged
					continue
				}
				if old, ok := op[k]; ok && !sameJSON(old, v) && k != "documentation" {
					return nil, fmt.Errorf("%s: case %s: operation %s has another %s", s.Protocol.File, c.ID, c.Operation, k)
				}
				if _, ok := op[k]; !ok {
					op[k] = v
				}
			}
		}
	}
	if _, ok := shapes[validationError]; ok {
		return nil, fmt.Errorf("%s: the suite defines %s itself", s.Protocol.File, validationError)
	}
	shapes[validationError] = json.RawMessage(validationShape)
	if _, ok := shapes["String"]; !ok {
		// The validation error's message; a suite whose operations have
		// no input or output defines no string.
		shapes["String"] = json.RawMessage(`{"type": "string"}`)
	}
	shapes, err := reachable(ops, shapes)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.Protocol.File, err)
	}
	m := map[string]json.RawMessage{}
	for k, v := range meta {
		m[k] = v
	}
	str := func(v string) json.RawMessage { b, _ := json.Marshal(v); return b }
	m["serviceId"] = str(s.Protocol.ServiceID)
	m["serviceFullName"] = str(s.Protocol.ServiceID + " protocol tests")
	m["endpointPrefix"] = str(s.Protocol.Package)
	m["signingName"] = str(s.Protocol.Package)
	m["signatureVersion"] = str("v4")
	model := map[string]any{
		"version":    "2.0",
		"metadata":   m,
		"operations": ops,
		"shapes":     shapes,
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(model); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// validationError is the error shape the synthesized model adds: a spec
// names the error its service answers invalid input with, every AWS model
// has one, and the suites' models do not (no case sends invalid input).
const validationError = "ValidationException"

const validationShape = `{"type": "structure", "members": {"message": {"shape": "String"}}, ` +
	`"error": {"code": "ValidationException", "httpStatusCode": 400, "senderFault": true}, "exception": true}`

// reachable keeps the shapes the operations use, and the validation error:
// the spec checks every shape, so one only an unsupported operation uses
// would refuse the whole model.
func reachable(ops map[string]map[string]json.RawMessage, shapes map[string]json.RawMessage) (map[string]json.RawMessage, error) {
	keep := map[string]json.RawMessage{}
	var visit func(name string) error
	visit = func(name string) error {
		if _, ok := keep[name]; ok {
			return nil
		}
		raw, ok := shapes[name]
		if !ok {
			return fmt.Errorf("shape %s is used but not defined", name)
		}
		keep[name] = raw
		var sh struct {
			Members            map[string]struct{ Shape string } `json:"members"`
			Member, Key, Value *struct{ Shape string }
		}
		if err := json.Unmarshal(raw, &sh); err != nil {
			return fmt.Errorf("shape %s: %w", name, err)
		}
		refs := []string{}
		for _, m := range sh.Members {
			refs = append(refs, m.Shape)
		}
		for _, r := range []*struct{ Shape string }{sh.Member, sh.Key, sh.Value} {
			if r != nil {
				refs = append(refs, r.Shape)
			}
		}
		sort.Strings(refs)
		for _, r := range refs {
			if err := visit(r); err != nil {
				return err
			}
		}
		return nil
	}
	roots := []string{validationError}
	for _, op := range ops {
		for _, side := range []string{"input", "output"} {
			var r struct{ Shape string }
			if v, ok := op[side]; ok && json.Unmarshal(v, &r) == nil && r.Shape != "" {
				roots = append(roots, r.Shape)
			}
		}
		var errs []struct{ Shape string }
		if v, ok := op["errors"]; ok && json.Unmarshal(v, &errs) == nil {
			for _, e := range errs {
				roots = append(roots, e.Shape)
			}
		}
	}
	sort.Strings(roots)
	for _, r := range roots {
		if err := visit(r); err != nil {
			return nil, err
		}
	}
	return keep, nil
}

// mergeErrors unions two operations' error lists, by shape name, in the
// order first seen.
func mergeErrors(a, b json.RawMessage) (json.RawMessage, error) {
	var x, y []map[string]json.RawMessage
	if len(a) > 0 {
		if err := json.Unmarshal(a, &x); err != nil {
			return nil, err
		}
	}
	if err := json.Unmarshal(b, &y); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, e := range x {
		seen[string(e["shape"])] = true
	}
	for _, e := range y {
		if !seen[string(e["shape"])] {
			seen[string(e["shape"])] = true
			x = append(x, e)
		}
	}
	return json.Marshal(x)
}

// Unsupported returns why the synthesized model leaves out case c's
// operation, or "".
func (c *Case) Unsupported(p Protocol) string {
	return Unsupported[p.File][c.Operation]
}

func sameJSON(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	if err1 != nil || err2 != nil {
		return false
	}
	var u, v any
	if json.Unmarshal(x, &u) != nil || json.Unmarshal(y, &v) != nil {
		return false
	}
	x, _ = json.Marshal(u)
	y, _ = json.Marshal(v)
	return bytes.Equal(x, y)
}

// Ignored is botocore's list of the cases its own test run leaves out
// (testdata/suites/botocore-ignore-list.json): whole groups by
// description, for every protocol, and cases by protocol file and side.
type Ignored struct {
	General struct {
		Input, Output struct {
			Suites []string `json:"suites"`
		}
	} `json:"general"`
	Protocols map[string]map[string]struct {
		Cases []string `json:"cases"`
	} `json:"protocols"`
}

// LoadIgnored reads botocore's ignore list from dir (testdata/suites).
func LoadIgnored(dir string) (*Ignored, error) {
	path := filepath.Join(dir, "botocore-ignore-list.json")
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var ig Ignored
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ig); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &ig, nil
}

// Has reports whether botocore leaves out case c of protocol file file,
// an input case when input is set.
func (ig *Ignored) Has(file string, input bool, c *Case) bool {
	side, suites := "output", ig.General.Output.Suites
	if input {
		side, suites = "input", ig.General.Input.Suites
	}
	for _, d := range suites {
		if c.Group != nil && c.Group.Description == d {
			return true
		}
	}
	for _, id := range ig.Protocols[file][side].Cases {
		if id == c.ID {
			return true
		}
	}
	return false
}
