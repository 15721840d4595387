// Package registry maps each protocol's name, as the model spells it, to its
// implementation; the run time resolves a service's protocol through it.
// Adding a protocol is adding its line to implementations (and its identity
// to package ident, which the generator reads).
package registry

import (
	"fmt"

	"github.com/specgen/specgen/specrt/protocol"
	"github.com/specgen/specgen/specrt/protocol/awsjson"
	"github.com/specgen/specgen/specrt/protocol/awsquery"
	"github.com/specgen/specgen/specrt/protocol/ec2query"
	"github.com/specgen/specgen/specrt/protocol/ident"
	"github.com/specgen/specgen/specrt/protocol/restjson"
)

// implementations holds one line per protocol.
var implementations = []protocol.Protocol{
	awsjson.V10,
	awsjson.V11,
	restjson.RestJSON1,
	awsquery.AWSQuery,
	ec2query.EC2Query,
}

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
	if _, err := ident.Lookup(name); err != nil {
		return nil, err
	}
	return nil, fmt.Errorf("protocol %s has no implementation in the run time", name)
}
