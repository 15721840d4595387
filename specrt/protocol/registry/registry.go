// Package registry maps each protocol's name, as the model spells it, to its
// implementation; the run time resolves a service's protocol through it.
// Adding a protocol is adding its line to implementations (and its identity
// to package ident, which the generator reads).
package registry

import (
	"fmt"
	"sync"

	"github.com/specgen/specgen/specrt/protocol"
	"github.com/specgen/specgen/specrt/protocol/awsjson"
	"github.com/specgen/specgen/specrt/protocol/awsquery"
	"github.com/specgen/specgen/specrt/protocol/ec2query"
	"github.com/specgen/specgen/specrt/protocol/ident"
	"github.com/specgen/specgen/specrt/protocol/restjson"
	"github.com/specgen/specgen/specrt/protocol/restxml"
	"github.com/specgen/specgen/specrt/protocol/rpcv2cbor"
)

// implementations holds one line per protocol.
var implementations = []protocol.Protocol{
	awsjson.V10,
	awsjson.V11,
	restjson.RestJSON1,
	awsquery.AWSQuery,
	ec2query.EC2Query,
	restxml.RestXML,
	rpcv2cbor.RPCv2CBOR,
}

// registered holds the protocols Register added, by name; byName, built
// once, is never modified.
var registered sync.Map // name -> protocol.Protocol

// byName indexes implementations by their identity's name.
var byName = func() map[string]protocol.Protocol {
	m := make(map[string]protocol.Protocol, len(implementations))
	for _, p := range implementations {
		m[p.Identity().Name] = p
	}
	return m
}()

// Lookup returns the implementation of the protocol of the given name, or an
// error naming the known ones.
func Lookup(name string) (protocol.Protocol, error) {
	if p, ok := byName[name]; ok {
		return p, nil
	}
	if p, ok := registered.Load(name); ok {
		return p.(protocol.Protocol), nil
	}
	if _, err := ident.Lookup(name); err != nil {
		return nil, err
	}
	return nil, fmt.Errorf("protocol %s has no implementation in the run time", name)
}

// Register adds p, whose identity's name no implementation has, until the
// returned function removes it: a protocol that lives outside this module,
// or a test's double of one. Clients and mocks made while it is registered
// resolve its name to it. The generator does not know such a protocol;
// services that speak it are described to the run time by hand.
func Register(p protocol.Protocol) (remove func(), err error) {
	name := p.Identity().Name
	if _, ok := byName[name]; ok {
		return nil, fmt.Errorf("protocol %s is already implemented", name)
	}
	if _, loaded := registered.LoadOrStore(name, p); loaded {
		return nil, fmt.Errorf("protocol %s is already registered", name)
	}
	return func() { registered.CompareAndDelete(name, p) }, nil
}
