// Package ident is the identity of each wire protocol: its name as the model
// spells it and the traits that decide what a spec may say and what the
// generator emits. It is the one place both the generator and the run time
// read them from, and it imports nothing of net/http, so that the generator
// does not link an HTTP stack.
//
// Adding a protocol adds its line to known here, its implementation under
// specrt/protocol, and that implementation's line in package registry.
package ident

import (
	"fmt"
	"slices"
	"strings"
)

// Identity is what the generator needs to know of a protocol.
type Identity struct {
	// Name is the protocol's name as the model and the spec spell it.
	Name string
	// ContentType is the media type of request bodies, and of response
	// bodies unless ResponseContentType says otherwise.
	ContentType string
	// ResponseContentType is the media type of response bodies (success
	// and error) when it is not ContentType: the query protocols send
	// forms and answer XML.
	ResponseContentType string
	// JSONBody is set when bodies are JSON documents whose members are the
	// shape's, with no envelope: the mock then reads requests with its
	// exact JSON decoder, which names the member at fault, and its
	// resource engine's JSON answers go out as they are.
	JSONBody bool
	// HTTPBindings is set when members may travel outside the body (in the
	// path, the query string, headers or the status code) and operations
	// have a method, path and success status of their own.
	HTTPBindings bool
	// Targeted is set when operations are named by the service's target
	// prefix and their own name: in an X-Amz-Target header (awsJson), or
	// in the path (rpcv2Cbor's /service/<prefix>/operation/<name>).
	Targeted bool
	// AlwaysSendsBody is set when a request has a body even when the
	// operation's input has no member in it.
	AlwaysSendsBody bool
	// FormInQuery is set when a GET request may carry the members of the
	// body's form in its query string instead (protocol.GetForm), as older
	// clients of the query protocols and hand-written requests send them.
	FormInQuery bool
}

// String returns the protocol's name, so that templates and messages print
// it as the spec spells it.
func (id *Identity) String() string { return id.Name }

// ResponseType returns the media type of response bodies.
func (id *Identity) ResponseType() string {
	if id.ResponseContentType != "" {
		return id.ResponseContentType
	}
	return id.ContentType
}

// The protocols.
var (
	// AWSJSON10 is awsJson1_0: POST /, the operation in X-Amz-Target.
	AWSJSON10 = &Identity{Name: "awsJson1_0", ContentType: "application/x-amz-json-1.0", Targeted: true, AlwaysSendsBody: true, JSONBody: true}
	// AWSJSON11 is awsJson1_1: as awsJson1_0 with another content type.
	AWSJSON11 = &Identity{Name: "awsJson1_1", ContentType: "application/x-amz-json-1.1", Targeted: true, AlwaysSendsBody: true, JSONBody: true}
	// RestJSON1 is restJson1: operations by method and path, members bound
	// to the request's parts.
	RestJSON1 = &Identity{Name: "restJson1", ContentType: "application/json", HTTPBindings: true, JSONBody: true}
	// AWSQuery is awsQuery: POST / with a form body naming the operation
	// (Action) and the API version (Version); XML responses.
	AWSQuery = &Identity{Name: "awsQuery", ContentType: "application/x-www-form-urlencoded", ResponseContentType: "text/xml", AlwaysSendsBody: true, FormInQuery: true}
	// EC2Query is ec2Query: awsQuery with EC2's keys and error envelope.
	EC2Query = &Identity{Name: "ec2Query", ContentType: "application/x-www-form-urlencoded", ResponseContentType: "text/xml", AlwaysSendsBody: true, FormInQuery: true}
	// RestXML is restXml: the HTTP bindings of restJson1 with XML bodies.
	RestXML = &Identity{Name: "restXml", ContentType: "application/xml", HTTPBindings: true}
	// RPCv2CBOR is rpcv2Cbor: POST /service/<Service>/operation/<Operation>
	// with CBOR bodies, <Service> being the target prefix (the service's
	// shape name); no body when the operation has no input.
	RPCv2CBOR = &Identity{Name: "rpcv2Cbor", ContentType: "application/cbor", Targeted: true}
)

// known holds one line per protocol.
var known = []*Identity{
	AWSJSON10,
	AWSJSON11,
	RestJSON1,
	AWSQuery,
	EC2Query,
	RestXML,
	RPCv2CBOR,
}

// Lookup returns the protocol of the given name, or an error naming the
// known ones.
func Lookup(name string) (*Identity, error) {
	for _, id := range known {
		if id.Name == name {
			return id, nil
		}
	}
	return nil, fmt.Errorf("unknown protocol %q (want %s)", name, strings.Join(Names(), ", "))
}

// Names returns the names of the known protocols, sorted.
func Names() []string {
	names := make([]string, 0, len(known))
	for _, id := range known {
		names = append(names, id.Name)
	}
	slices.Sort(names)
	return names
}

// All returns the known protocols, sorted by name.
func All() []*Identity {
	all := slices.Clone(known)
	slices.SortFunc(all, func(a, b *Identity) int { return strings.Compare(a.Name, b.Name) })
	return all
}
