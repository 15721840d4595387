// Package ec2query is the ec2Query protocol (EC2): awsQuery's requests with
// EC2's keys (the query name, else the member name capitalised) and lists
// always flattened (A.1); answers are XML, the output's members directly
// in <OpResponse> beside <requestId>, errors in
// <Response><Errors><Error>. Package queryproto holds what it shares with
// awsQuery.
package ec2query

import (
	"github.com/specgen/specgen/specrt/protocol/ident"
	"github.com/specgen/specgen/specrt/protocol/internal/queryproto"
	"github.com/specgen/specgen/specrt/querywire"
)

// EC2Query is the protocol.
var EC2Query = queryproto.New(ident.EC2Query, querywire.EC2Query)
