package mocktest

import (
	"errors"
	"regexp"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/ec2"
	"github.com/specgen/specgen/gen/ec2/ec2mock"
	"github.com/specgen/specgen/specrt"
	"github.com/specgen/specgen/specrt/mockrt"
)

// TestEC2Lifecycle drives EC2's generated client against its mock, whose
// resources (VPCs, subnets, security groups, internet gateways, key pairs)
// specs/ec2/mock.overlay.yaml declares: reads through DescribeXs and their
// lists of ids, EC2's error codes (which its model does not declare), the
// statuses a waiter polls for, and tags.
func TestEC2Lifecycle(t *testing.T) {
	ctx := t.Context()
	clock := mockrt.NewManualClock(manualStart)
	srv, url := ec2mock.NewTestServer(t, mockrt.WithClock(clock.Now))
	c := ec2.New(options(url))

	// wantError checks an error's code and message, as EC2 answers them.
	wantError := func(t *testing.T, err error, code, msg string) {
		t.Helper()
		var ae specrt.APIError
		if !errors.As(err, &ae) {
			t.Fatalf("got %v, want the error %s", err, code)
		}
		if diff := cmp.Diff([]any{code, msg, 400}, []any{ae.ErrorCode(), ae.ErrorMessage(), ae.HTTPStatusCode()}); diff != "" {
			t.Errorf("code, message, status (-want +got):\n%s", diff)
		}
	}
	vpcState := func(t *testing.T, id string) ec2.VPCState {
		t.Helper()
		out := must(c.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{VPCIDs: []string{id}}))(t)
		if len(out.VPCs) != 1 {
			t.Fatalf("DescribeVpcs(%s) answered %d VPCs, want 1", id, len(out.VPCs))
		}
		return out.VPCs[0].State
	}

	var vpcID, subnetID string
	t.Run("CreateVpc answers a pending VPC with an id of EC2's form, the block and the account", func(t *testing.T) {
		out := must(c.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: new("10.0.0.0/16"),
			TagSpecifications: []ec2.TagSpecification{{ResourceType: "vpc", Tags: []ec2.Tag{{Key: new("Name"), Value: new("main")}}}}}))(t)
		vpcID = *out.VPC.VPCID
		if !regexp.MustCompile(`^vpc-[0-9a-f]{17}$`).MatchString(vpcID) {
			t.Errorf("id %s, want vpc- and 17 hex digits", vpcID)
		}
		got := []any{*out.VPC.CidrBlock, out.VPC.State, *out.VPC.OwnerID, out.VPC.Tags}
		want := []any{"10.0.0.0/16", ec2.VPCStatePending, "123456789012", []ec2.Tag{{Key: new("Name"), Value: new("main")}}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("cidrBlock, state, ownerId, tags (-want +got):\n%s", diff)
		}
	})
	t.Run("the VPC is available once its transition is due, as the VpcAvailable waiter polls", func(t *testing.T) {
		if got := vpcState(t, vpcID); got != ec2.VPCStatePending {
			t.Fatalf("state %s before the transition, want pending", got)
		}
		clock.Advance(time.Minute)
		if got := vpcState(t, vpcID); got != ec2.VPCStateAvailable {
			t.Fatalf("state %s after the transition, want available", got)
		}
	})
	t.Run("CreateSubnet in the VPC answers it with the VPC's id", func(t *testing.T) {
		out := must(c.CreateSubnet(ctx, &ec2.CreateSubnetInput{VPCID: &vpcID, CidrBlock: new("10.0.1.0/24"), AvailabilityZone: new("us-east-1a")}))(t)
		subnetID = *out.Subnet.SubnetID
		got := []any{*out.Subnet.VPCID, *out.Subnet.CidrBlock, out.Subnet.State, *out.Subnet.SubnetARN}
		want := []any{vpcID, "10.0.1.0/24", ec2.SubnetStatePending, "arn:aws:ec2:us-east-1:123456789012:subnet/" + subnetID}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("vpcId, cidrBlock, state, arn (-want +got):\n%s", diff)
		}
		clock.Advance(time.Minute)
		subnets := must(c.DescribeSubnets(ctx, &ec2.DescribeSubnetsInput{Filters: []ec2.Filter{{Name: new("vpc-id"), Values: []string{vpcID}}}}))(t)
		if len(subnets.Subnets) != 1 || subnets.Subnets[0].State != ec2.SubnetStateAvailable {
			t.Errorf("DescribeSubnets(vpc-id) answered %+v, want the subnet, available", subnets.Subnets)
		}
	})
	t.Run("a subnet in a VPC that does not exist answers InvalidVpcID.NotFound", func(t *testing.T) {
		_, err := c.CreateSubnet(ctx, &ec2.CreateSubnetInput{VPCID: new("vpc-0123456789abcdef0"), CidrBlock: new("10.9.0.0/24")})
		wantError(t, err, "InvalidVpcID.NotFound", "The vpc ID 'vpc-0123456789abcdef0' does not exist")
	})
	t.Run("DeleteVpc of a VPC that still has a subnet answers DependencyViolation", func(t *testing.T) {
		_, err := c.DeleteVpc(ctx, &ec2.DeleteVpcInput{VPCID: &vpcID})
		wantError(t, err, "DependencyViolation", "The vpc '"+vpcID+"' has dependencies and cannot be deleted.")
	})
	t.Run("DeleteSubnet, then DeleteVpc, leaves nothing to describe", func(t *testing.T) {
		must(c.DeleteSubnet(ctx, &ec2.DeleteSubnetInput{SubnetID: &subnetID}))(t)
		must(c.DeleteVpc(ctx, &ec2.DeleteVpcInput{VPCID: &vpcID}))(t)
		_, err := c.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{VPCIDs: []string{vpcID}})
		wantError(t, err, "InvalidVpcID.NotFound", "The vpc ID '"+vpcID+"' does not exist")
		_, err = c.DeleteSubnet(ctx, &ec2.DeleteSubnetInput{SubnetID: &subnetID})
		wantError(t, err, "InvalidSubnetID.NotFound", "The subnet ID '"+subnetID+"' does not exist")
	})
	t.Run("a request without a required parameter answers MissingParameter", func(t *testing.T) {
		_, err := c.DeleteVpc(ctx, &ec2.DeleteVpcInput{})
		wantError(t, err, "MissingParameter", "The request must contain the parameter VpcId")
	})
	t.Run("a value that breaks a constraint still answers InvalidParameterValue", func(t *testing.T) {
		_, err := c.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{MaxResults: new(int32(1))})
		var ae specrt.APIError
		if !errors.As(err, &ae) || ae.ErrorCode() != "InvalidParameterValue" {
			t.Errorf("MaxResults 1: got %v, want InvalidParameterValue", err)
		}
	})
	if t.Failed() {
		return
	}
	_ = srv
}
