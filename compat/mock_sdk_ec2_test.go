package compat

import (
	"errors"
	"regexp"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/ec2"
	"github.com/specgen/specgen/gen/ec2/ec2mock"
)

// EC2 speaks ec2Query: form requests whose keys follow its capitalisation
// rules, XML answers without a result wrapper, errors in
// <Response><Errors>. The mock routes, decodes and validates each of the
// 800 operations, and keeps the resources the importer infers and
// specs/ec2/mock.overlay.yaml completes (VPCs, subnets, security groups,
// ...), answering EC2's own error codes. The AWS SDK's side of this test
// is in mock_sdk_ec2_sdk_test.go, behind the ec2bench build tag, since
// compiling the SDK's service/ec2 takes minutes and gigabytes.

var vpcIDRE = regexp.MustCompile(`^vpc-[0-9a-f]{17}$`)

func TestGeneratedEC2ClientAgainstMock(t *testing.T) {
	_, url := ec2mock.NewTestServer(t, mockOptions()...)
	c := ec2.New(ec2.Options{Region: mockRegion, BaseEndpoint: url, Credentials: testCreds})
	ctx := t.Context()

	out, err := c.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: aws.String("10.0.0.0/16")})
	if err != nil {
		t.Fatal(err)
	}
	if out.VPC == nil || !vpcIDRE.MatchString(aws.ToString(out.VPC.VPCID)) {
		t.Fatalf("CreateVpc answered %+v, want a vpc-<17 hex> id", out.VPC)
	}
	if d := cmp.Diff([]any{"10.0.0.0/16", ec2.VPCStatePending, "123456789012"},
		[]any{aws.ToString(out.VPC.CidrBlock), out.VPC.State, aws.ToString(out.VPC.OwnerID)}); d != "" {
		t.Errorf("cidrBlock, state, ownerId (-want +got):\n%s", d)
	}
	if _, err := c.CreateTags(ctx, &ec2.CreateTagsInput{Resources: []string{aws.ToString(out.VPC.VPCID)},
		Tags: []ec2.Tag{{Key: aws.String("env"), Value: aws.String("test")}}}); err != nil {
		t.Errorf("CreateTags: %v", err)
	}
	if _, err := c.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{VPCIDs: []string{aws.ToString(out.VPC.VPCID)},
		Filters: []ec2.Filter{{Name: aws.String("cidr"), Values: []string{"10.0.0.0/16"}}}}); err != nil {
		t.Errorf("DescribeVpcs: %v", err)
	}
	if _, err := c.DescribeTags(ctx, &ec2.DescribeTagsInput{}); err != nil {
		t.Errorf("DescribeTags: %v", err)
	}

	_, err = c.CreateTags(ctx, &ec2.CreateTagsInput{Tags: []ec2.Tag{{Key: aws.String("env")}}}, func(o *ec2.Options) { o.DisableValidation = true })
	var ae smithy.APIError
	if !errors.As(err, &ae) || ae.ErrorCode() != "MissingParameter" || ae.ErrorMessage() != "The request must contain the parameter ResourceId" {
		t.Errorf("CreateTags without resources: %v (%T), want the code MissingParameter naming ResourceId", err, err)
	}
	_, err = c.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{VPCIDs: []string{"vpc-00000000000000000"}})
	if !errors.As(err, &ae) || ae.ErrorCode() != "InvalidVpcID.NotFound" {
		t.Errorf("DescribeVpcs of a missing VPC: %v (%T), want the code InvalidVpcID.NotFound", err, err)
	}
}
