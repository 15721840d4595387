// Package awsquery is the awsQuery protocol (SNS, SQS's older API, IAM,
// STS, CloudFormation, RDS...): every request is POST / with a form body
// naming the operation (Action) and the API version (Version), members
// under their names with wrapped lists (A.member.1); answers are XML, the
// output's members in <OpResponse><OpResult>, errors in <ErrorResponse>
// with a Sender or Receiver <Type>. Package queryproto holds what it
// shares with ec2Query.
package awsquery

import (
	"github.com/specgen/specgen/specrt/protocol/ident"
	"github.com/specgen/specgen/specrt/protocol/internal/queryproto"
	"github.com/specgen/specgen/specrt/querywire"
)

// AWSQuery is the protocol.
var AWSQuery = queryproto.New(ident.AWSQuery, querywire.AWSQuery)
