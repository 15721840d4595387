package mocktest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/ec2"
	"github.com/specgen/specgen/gen/ec2/ec2mock"
	"github.com/specgen/specgen/generator"
	"github.com/specgen/specgen/generator/model"
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
	_, url := ec2mock.NewTestServer(t, mockrt.WithClock(clock.Now))
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
}

// TestEC2ResourcesAndTags covers the other resources of the overlay, the
// reads through lists of ids, EC2's filters and its tag operations, which
// name several resources of any kind at once.
func TestEC2ResourcesAndTags(t *testing.T) {
	ctx := t.Context()
	_, url := ec2mock.NewTestServer(t, mockrt.WithTransitionDelay(0))
	c := ec2.New(options(url))
	codeOf := func(err error) string {
		var ae specrt.APIError
		if errors.As(err, &ae) {
			return ae.ErrorCode()
		}
		return ""
	}
	vpcs := make([]string, 3)
	for i, cidr := range []string{"10.0.0.0/16", "10.1.0.0/16", "10.2.0.0/16"} {
		vpcs[i] = *must(c.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: new(cidr)}))(t).VPC.VPCID
	}
	ids := func(vs []ec2.VPC) []string {
		var out []string
		for _, v := range vs {
			out = append(out, *v.VPCID)
		}
		return out
	}

	t.Run("DescribeVpcs with ids answers those VPCs in the order asked, each once", func(t *testing.T) {
		out := must(c.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{VPCIDs: []string{vpcs[2], vpcs[0], vpcs[2]}}))(t)
		if diff := cmp.Diff([]string{vpcs[2], vpcs[0]}, ids(out.VPCs)); diff != "" {
			t.Errorf("VPCs (-want +got):\n%s", diff)
		}
	})
	t.Run("DescribeVpcs with one id naming no VPC answers InvalidVpcID.NotFound", func(t *testing.T) {
		_, err := c.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{VPCIDs: []string{vpcs[0], "vpc-00000000000000000"}})
		if got := codeOf(err); got != "InvalidVpcID.NotFound" {
			t.Errorf("got %v, want InvalidVpcID.NotFound", err)
		}
	})
	t.Run("DescribeVpcs without ids pages through every VPC", func(t *testing.T) {
		var got []string
		p := ec2.NewDescribeVpcsPaginator(c, &ec2.DescribeVpcsInput{MaxResults: new(int32(5))})
		for p.HasMorePages() {
			got = append(got, ids(must(p.NextPage(ctx))(t).VPCs)...)
		}
		if diff := cmp.Diff(vpcs, got); diff != "" {
			t.Errorf("VPCs (-want +got):\n%s", diff)
		}
	})
	t.Run("CreateTags tags several resources of different kinds at once", func(t *testing.T) {
		igw := *must(c.CreateInternetGateway(ctx, &ec2.CreateInternetGatewayInput{}))(t).InternetGateway.InternetGatewayID
		must(c.CreateTags(ctx, &ec2.CreateTagsInput{Resources: []string{vpcs[0], vpcs[1], igw},
			Tags: []ec2.Tag{{Key: new("env"), Value: new("test")}, {Key: new("team"), Value: new("a")}}}))(t)
		out := must(c.DescribeInternetGateways(ctx, &ec2.DescribeInternetGatewaysInput{InternetGatewayIDs: []string{igw}}))(t)
		want := []ec2.Tag{{Key: new("env"), Value: new("test")}, {Key: new("team"), Value: new("a")}}
		if len(out.InternetGateways) != 1 {
			t.Fatalf("DescribeInternetGateways answered %d gateways, want 1", len(out.InternetGateways))
		}
		if diff := cmp.Diff(want, out.InternetGateways[0].Tags); diff != "" {
			t.Errorf("gateway tags (-want +got):\n%s", diff)
		}
	})
	t.Run("AttachInternetGateway records the VPC; DetachInternetGateway clears it", func(t *testing.T) {
		igw := must(c.CreateInternetGateway(ctx, &ec2.CreateInternetGatewayInput{}))(t).InternetGateway.InternetGatewayID
		attachments := func() []ec2.InternetGatewayAttachment {
			out := must(c.DescribeInternetGateways(ctx, &ec2.DescribeInternetGatewaysInput{InternetGatewayIDs: []string{*igw}}))(t)
			return out.InternetGateways[0].Attachments
		}
		must(c.AttachInternetGateway(ctx, &ec2.AttachInternetGatewayInput{InternetGatewayID: igw, VPCID: &vpcs[0]}))(t)
		if diff := cmp.Diff([]ec2.InternetGatewayAttachment{{VPCID: &vpcs[0], State: ec2.AttachmentStatusAttached}}, attachments()); diff != "" {
			t.Errorf("attachments (-want +got):\n%s", diff)
		}
		must(c.DetachInternetGateway(ctx, &ec2.DetachInternetGatewayInput{InternetGatewayID: igw, VPCID: &vpcs[0]}))(t)
		if got := attachments(); len(got) != 0 {
			t.Errorf("attachments %+v after the detach, want none", got)
		}
		_, err := c.AttachInternetGateway(ctx, &ec2.AttachInternetGatewayInput{InternetGatewayID: new("igw-00000000000000000"), VPCID: &vpcs[0]})
		if got := codeOf(err); got != "InvalidInternetGatewayID.NotFound" {
			t.Errorf("attaching a missing gateway: got %v, want InvalidInternetGatewayID.NotFound", err)
		}
	})
	t.Run("CreateTags naming a missing resource answers its kind's NotFound and tags none", func(t *testing.T) {
		_, err := c.CreateTags(ctx, &ec2.CreateTagsInput{Resources: []string{vpcs[2], "subnet-00000000000000000"},
			Tags: []ec2.Tag{{Key: new("env"), Value: new("prod")}}})
		if got := codeOf(err); got != "InvalidSubnetID.NotFound" {
			t.Errorf("got %v, want InvalidSubnetID.NotFound", err)
		}
		out := must(c.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{VPCIDs: []string{vpcs[2]}}))(t)
		if len(out.VPCs[0].Tags) != 0 {
			t.Errorf("tags %v on %s, want none", out.VPCs[0].Tags, vpcs[2])
		}
	})
	t.Run("filters keep a resource matching any of their values, every filter at once", func(t *testing.T) {
		for _, tc := range []struct {
			name    string
			filters []ec2.Filter
			want    []string
		}{
			{"one filter, two values", []ec2.Filter{{Name: new("cidr"), Values: []string{"10.1.0.0/16", "10.2.0.0/16"}}}, []string{vpcs[1], vpcs[2]}},
			{"a tag and a state", []ec2.Filter{{Name: new("tag:env"), Values: []string{"test"}}, {Name: new("state"), Values: []string{"available"}}}, []string{vpcs[0], vpcs[1]}},
			{"a tag and a block", []ec2.Filter{{Name: new("tag:env"), Values: []string{"test"}}, {Name: new("cidr"), Values: []string{"10.1.0.0/16"}}}, []string{vpcs[1]}},
			{"a tag no VPC has", []ec2.Filter{{Name: new("tag:owner"), Values: []string{"test"}}}, nil},
			{"a tag key", []ec2.Filter{{Name: new("tag-key"), Values: []string{"owner", "team"}}}, []string{vpcs[0], vpcs[1]}},
			{"a filter name EC2 does not document", []ec2.Filter{{Name: new("colour"), Values: []string{"blue"}}}, nil},
		} {
			out := must(c.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{Filters: tc.filters}))(t)
			if diff := cmp.Diff(tc.want, ids(out.VPCs)); diff != "" {
				t.Errorf("%s: VPCs (-want +got):\n%s", tc.name, diff)
			}
		}
	})
	t.Run("DeleteTags removes a key, and a key with a value only when the value matches", func(t *testing.T) {
		must(c.DeleteTags(ctx, &ec2.DeleteTagsInput{Resources: []string{vpcs[0], vpcs[1]},
			Tags: []ec2.Tag{{Key: new("env"), Value: new("other")}, {Key: new("team")}}}))(t)
		out := must(c.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{VPCIDs: []string{vpcs[0], vpcs[1]}}))(t)
		for _, v := range out.VPCs {
			if diff := cmp.Diff([]ec2.Tag{{Key: new("env"), Value: new("test")}}, v.Tags); diff != "" {
				t.Errorf("%s tags (-want +got):\n%s", *v.VPCID, diff)
			}
		}
	})
	t.Run("a subnet holding a network interface and a VPC holding a route table are not deleted", func(t *testing.T) {
		vpc := must(c.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: new("10.9.0.0/16")}))(t).VPC.VPCID
		subnet := must(c.CreateSubnet(ctx, &ec2.CreateSubnetInput{VPCID: vpc, CidrBlock: new("10.9.1.0/24")}))(t).Subnet.SubnetID
		eni := must(c.CreateNetworkInterface(ctx, &ec2.CreateNetworkInterfaceInput{SubnetID: subnet}))(t).NetworkInterface.NetworkInterfaceID
		rtb := must(c.CreateRouteTable(ctx, &ec2.CreateRouteTableInput{VPCID: vpc}))(t).RouteTable
		if !regexp.MustCompile(`^rtb-[0-9a-f]{17}$`).MatchString(*rtb.RouteTableID) || *rtb.VPCID != *vpc {
			t.Errorf("route table %s in %s, want rtb- and 17 hex digits in %s", *rtb.RouteTableID, *rtb.VPCID, *vpc)
		}
		for _, tc := range []struct {
			what string
			err  error
			code string
		}{
			{"DeleteSubnet with a network interface", second(c.DeleteSubnet(ctx, &ec2.DeleteSubnetInput{SubnetID: subnet})), "DependencyViolation"},
			{"DeleteNetworkInterface", second(c.DeleteNetworkInterface(ctx, &ec2.DeleteNetworkInterfaceInput{NetworkInterfaceID: eni})), ""},
			{"DeleteNetworkInterface again", second(c.DeleteNetworkInterface(ctx, &ec2.DeleteNetworkInterfaceInput{NetworkInterfaceID: eni})), "InvalidNetworkInterfaceID.NotFound"},
			{"DeleteSubnet", second(c.DeleteSubnet(ctx, &ec2.DeleteSubnetInput{SubnetID: subnet})), ""},
			{"DeleteVpc with a route table", second(c.DeleteVpc(ctx, &ec2.DeleteVpcInput{VPCID: vpc})), "DependencyViolation"},
			{"DeleteRouteTable", second(c.DeleteRouteTable(ctx, &ec2.DeleteRouteTableInput{RouteTableID: rtb.RouteTableID})), ""},
			{"DeleteVpc", second(c.DeleteVpc(ctx, &ec2.DeleteVpcInput{VPCID: vpc})), ""},
		} {
			if got := codeOf(tc.err); got != tc.code || tc.code == "" && tc.err != nil {
				t.Errorf("%s: got %v, want %q", tc.what, tc.err, tc.code)
			}
		}
	})
	t.Run("CreateSecurityGroup answers its id; DescribeSecurityGroups the whole group", func(t *testing.T) {
		out := must(c.CreateSecurityGroup(ctx, &ec2.CreateSecurityGroupInput{GroupName: new("web"), Description: new("web servers"), VPCID: &vpcs[0]}))(t)
		if !regexp.MustCompile(`^sg-[0-9a-f]{17}$`).MatchString(*out.GroupID) {
			t.Fatalf("group id %s, want sg- and 17 hex digits", *out.GroupID)
		}
		got := must(c.DescribeSecurityGroups(ctx, &ec2.DescribeSecurityGroupsInput{GroupIDs: []string{*out.GroupID}}))(t)
		if len(got.SecurityGroups) != 1 {
			t.Fatalf("DescribeSecurityGroups answered %d groups, want 1", len(got.SecurityGroups))
		}
		g := got.SecurityGroups[0]
		if diff := cmp.Diff([]string{"web", "web servers", vpcs[0], "123456789012", *out.SecurityGroupARN},
			[]string{*g.GroupName, *g.Description, *g.VPCID, *g.OwnerID, *g.SecurityGroupARN}); diff != "" {
			t.Errorf("name, description, vpc, owner, ARN (-want +got):\n%s", diff)
		}
		_, err := c.CreateSecurityGroup(ctx, &ec2.CreateSecurityGroupInput{GroupName: new("web"), Description: new("again"), VPCID: &vpcs[0]})
		if got := codeOf(err); got != "InvalidGroup.Duplicate" {
			t.Errorf("a second group named web: got %v, want InvalidGroup.Duplicate", err)
		}
		must(c.CreateSecurityGroup(ctx, &ec2.CreateSecurityGroupInput{GroupName: new("web"), Description: new("other VPC"), VPCID: &vpcs[1]}))(t)
		_, err = c.DeleteVpc(ctx, &ec2.DeleteVpcInput{VPCID: &vpcs[0]})
		if got := codeOf(err); got != "DependencyViolation" {
			t.Errorf("DeleteVpc with a group in it: got %v, want DependencyViolation", err)
		}
		must(c.DeleteSecurityGroup(ctx, &ec2.DeleteSecurityGroupInput{GroupID: out.GroupID}))(t)
		_, err = c.DescribeSecurityGroups(ctx, &ec2.DescribeSecurityGroupsInput{GroupIDs: []string{*out.GroupID}})
		if got := codeOf(err); got != "InvalidGroup.NotFound" {
			t.Errorf("DescribeSecurityGroups of the deleted group: got %v, want InvalidGroup.NotFound", err)
		}
	})
	t.Run("key pairs are known by name: a second of the name is a duplicate, DescribeKeyPairs reads them by name", func(t *testing.T) {
		out := must(c.CreateKeyPair(ctx, &ec2.CreateKeyPairInput{KeyName: new("deploy")}))(t)
		if out.KeyMaterial == nil || *out.KeyFingerprint == "" || !regexp.MustCompile(`^key-[0-9a-f]{17}$`).MatchString(*out.KeyPairID) {
			t.Errorf("CreateKeyPair answered %+v, want its private key, fingerprint and a key- id", out)
		}
		_, err := c.CreateKeyPair(ctx, &ec2.CreateKeyPairInput{KeyName: new("deploy")})
		if got := codeOf(err); got != "InvalidKeyPair.Duplicate" {
			t.Errorf("a second key named deploy: got %v, want InvalidKeyPair.Duplicate", err)
		}
		must(c.CreateKeyPair(ctx, &ec2.CreateKeyPairInput{KeyName: new("admin")}))(t)
		got := must(c.DescribeKeyPairs(ctx, &ec2.DescribeKeyPairsInput{KeyNames: []string{"admin", "deploy"}}))(t)
		var names []string
		for _, k := range got.KeyPairs {
			names = append(names, *k.KeyName)
		}
		if diff := cmp.Diff([]string{"admin", "deploy"}, names); diff != "" {
			t.Errorf("DescribeKeyPairs (-want +got):\n%s", diff)
		}
		if all := must(c.DescribeKeyPairs(ctx, &ec2.DescribeKeyPairsInput{}))(t); len(all.KeyPairs) != 2 {
			t.Errorf("DescribeKeyPairs of all answered %d key pairs, want 2", len(all.KeyPairs))
		}
		must(c.DeleteKeyPair(ctx, &ec2.DeleteKeyPairInput{KeyName: new("deploy")}))(t)
		_, err = c.DescribeKeyPairs(ctx, &ec2.DescribeKeyPairsInput{KeyNames: []string{"deploy"}})
		if got := codeOf(err); got != "InvalidKeyPair.NotFound" {
			t.Errorf("DescribeKeyPairs of the deleted key: got %v, want InvalidKeyPair.NotFound", err)
		}
		// DeleteKeyPair names the key by KeyName or by KeyPairId.
		admin := must(c.DescribeKeyPairs(ctx, &ec2.DescribeKeyPairsInput{KeyNames: []string{"admin"}}))(t).KeyPairs[0].KeyPairID
		must(c.DeleteKeyPair(ctx, &ec2.DeleteKeyPairInput{KeyPairID: admin}))(t)
		if all := must(c.DescribeKeyPairs(ctx, &ec2.DescribeKeyPairsInput{}))(t); len(all.KeyPairs) != 0 {
			t.Errorf("DescribeKeyPairs after deleting both answered %d key pairs, want none", len(all.KeyPairs))
		}
	})
}

// second is the error of a call's two results.
func second[T any](_ T, err error) error { return err }

// notFoundCode tells whether code is the not-found error of one of svc's
// resources in a service whose operations declare no errors (EC2): its
// code, or the engine's generic one for a resource that names none. An
// operation acting on a resource (or a parent) that an empty input names
// answers it; a create of a child naming no parent answers the service's
// missing parameter error, which is accepted too.
func notFoundCode(svc *model.Service, code string) bool {
	for _, op := range svc.Operations {
		if len(op.Errors) > 0 {
			return false
		}
	}
	if m := svc.Mock; m != nil && m.MissingParameter != nil && m.MissingParameter.Code == code {
		return true
	}
	for _, res := range svc.Resources {
		switch {
		case res.NotFound == nil && code == "ResourceNotFoundException":
			return true
		case res.NotFound != nil && res.NotFound.Code == code:
			return true
		}
	}
	return false
}

// TestEC2WaitersFinish runs EC2's own waiters, as the spec keeps them
// (waiters-2.json), with the generated client against the mock: each
// attempt calls the waiter's operation, its acceptors decide, and a retry
// moves the mock's manual clock by the waiter's delay. VpcAvailable and
// SubnetAvailable see the pending resource first, then the available one.
// Only the acceptors these waiters use are evaluated: pathAll over a
// "list[].member" argument, and error codes.
func TestEC2WaitersFinish(t *testing.T) {
	svcs, _, err := generator.Load([]string{"../../specs/ec2/ec2.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	waiters := map[string]*model.Waiter{}
	for _, w := range svcs[0].Waiters {
		waiters[w.Name] = w
	}
	ctx := t.Context()
	clock := mockrt.NewManualClock(manualStart)
	_, url := ec2mock.NewTestServer(t, mockrt.WithClock(clock.Now))
	c := ec2.New(options(url))
	vpc := must(c.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: new("10.0.0.0/16")}))(t).VPC.VPCID
	subnet := must(c.CreateSubnet(ctx, &ec2.CreateSubnetInput{VPCID: vpc, CidrBlock: new("10.0.1.0/24")}))(t).Subnet.SubnetID

	for _, tc := range []struct {
		waiter   string
		call     func() (any, error)
		attempts int
	}{
		{"VpcAvailable", func() (any, error) { return c.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{VPCIDs: []string{*vpc}}) }, 2},
		{"SubnetAvailable", func() (any, error) {
			return c.DescribeSubnets(ctx, &ec2.DescribeSubnetsInput{SubnetIDs: []string{*subnet}})
		}, 1}, // the VPC's wait moved the clock past the subnet's transition too
	} {
		t.Run(tc.waiter+" succeeds against the mock", func(t *testing.T) {
			w := waiters[tc.waiter]
			if w == nil {
				t.Fatalf("no waiter %s in the spec", tc.waiter)
			}
			for attempt := 1; attempt <= w.MaxAttempts; attempt++ {
				out, err := tc.call()
				switch state := acceptorState(t, w, out, err); state {
				case "success":
					if attempt != tc.attempts {
						t.Errorf("success at attempt %d, want %d", attempt, tc.attempts)
					}
					return
				case "failure":
					t.Fatalf("attempt %d: the waiter failed (%v)", attempt, err)
				}
				clock.Advance(time.Duration(w.Delay) * time.Second)
			}
			t.Fatalf("no success in %d attempts", w.MaxAttempts)
		})
	}
}

// acceptorState is the state of w's first acceptor that matches the
// answer (out, err); "retry" when none does.
func acceptorState(t *testing.T, w *model.Waiter, out any, err error) string {
	t.Helper()
	var body map[string]any
	if err == nil {
		data, werr := marshalWire(out)
		if werr != nil {
			t.Fatal(werr)
		}
		if err := json.Unmarshal(data, &body); err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range w.Acceptors {
		switch a.Matcher {
		case "error":
			var ae specrt.APIError
			if errors.As(err, &ae) && ae.ErrorCode() == a.Expected {
				return a.State
			}
		case "pathAll", "pathAny":
			values := project(body, a.Argument)
			n := 0
			for _, v := range values {
				if v == a.Expected {
					n++
				}
			}
			if err == nil && (a.Matcher == "pathAll" && n == len(values) && n > 0 || a.Matcher == "pathAny" && n > 0) {
				return a.State
			}
		default:
			t.Fatalf("%s: matcher %s is not evaluated here", w.Name, a.Matcher)
		}
	}
	if err != nil {
		t.Fatalf("%s: %v", w.Name, err)
	}
	return "retry"
}

// project evaluates a waiter argument of list projections and members
// ("reservationSet[].instancesSet[].instanceState.name") against v.
func project(v any, arg string) []any {
	vals := []any{v}
	for _, seg := range strings.Split(arg, ".") {
		name, flat := strings.CutSuffix(seg, "[]")
		var next []any
		for _, cur := range vals {
			m, _ := cur.(map[string]any)
			x, ok := m[name]
			if !ok {
				continue
			}
			if l, isList := x.([]any); flat && isList {
				next = append(next, l...)
			} else if !flat {
				next = append(next, x)
			}
		}
		vals = next
	}
	return vals
}

// TestEC2Instances drives instances through their life with the generated
// client: RunInstances makes MaxCount of them in one reservation of a
// subnet, DescribeInstances answers them by reservation, by ids and by
// filters, the InstanceRunning, InstanceStopped and InstanceTerminated
// waiters (evaluated from the spec's acceptors on the mock's manual clock)
// finish, and a terminated instance stays visible and cannot be started.
func TestEC2Instances(t *testing.T) {
	svcs, _, err := generator.Load([]string{"../../specs/ec2/ec2.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	waiters := map[string]*model.Waiter{}
	for _, w := range svcs[0].Waiters {
		waiters[w.Name] = w
	}
	ctx := t.Context()
	clock := mockrt.NewManualClock(manualStart)
	_, url := ec2mock.NewTestServer(t, mockrt.WithClock(clock.Now))
	c := ec2.New(options(url))
	vpc := must(c.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: new("10.0.0.0/16")}))(t).VPC.VPCID
	subnet := must(c.CreateSubnet(ctx, &ec2.CreateSubnetInput{VPCID: vpc, CidrBlock: new("10.0.1.0/24")}))(t).Subnet.SubnetID

	// wait polls DescribeInstances of ids as the waiter does, moving the
	// clock by its delay, and answers the attempts it took.
	wait := func(t *testing.T, name string, ids []string) int {
		t.Helper()
		w := waiters[name]
		for attempt := 1; attempt <= w.MaxAttempts; attempt++ {
			out, err := c.DescribeInstances(ctx, &ec2.DescribeInstancesInput{InstanceIDs: ids})
			switch acceptorState(t, w, out, err) {
			case "success":
				return attempt
			case "failure":
				t.Fatalf("%s: attempt %d: the waiter failed", name, attempt)
			}
			clock.Advance(time.Duration(w.Delay) * time.Second)
		}
		t.Fatalf("%s: no success in %d attempts", name, w.MaxAttempts)
		return 0
	}
	states := func(t *testing.T, in *ec2.DescribeInstancesInput) map[string]string {
		t.Helper()
		got := map[string]string{}
		for _, r := range must(c.DescribeInstances(ctx, in))(t).Reservations {
			for _, in := range r.Instances {
				got[*in.InstanceID] = string(in.State.Name)
			}
		}
		return got
	}
	wantError := func(t *testing.T, err error, code, msg string) {
		t.Helper()
		var ae specrt.APIError
		if !errors.As(err, &ae) {
			t.Fatalf("got %v, want the error %s", err, code)
		}
		if diff := cmp.Diff([]any{code, msg}, []any{ae.ErrorCode(), ae.ErrorMessage()}); diff != "" {
			t.Errorf("code, message (-want +got):\n%s", diff)
		}
	}

	var ids []string
	var reservation string
	t.Run("RunInstances makes MaxCount pending instances in one reservation of the subnet", func(t *testing.T) {
		out := must(c.RunInstances(ctx, &ec2.RunInstancesInput{ImageID: new("ami-12345678"), InstanceType: "t3.micro",
			MinCount: new(int32(1)), MaxCount: new(int32(2)), SubnetID: subnet, KeyName: new("k"),
			TagSpecifications: []ec2.TagSpecification{{ResourceType: "instance", Tags: []ec2.Tag{{Key: new("app"), Value: new("web")}}}}}))(t)
		reservation = *out.ReservationID
		if !regexp.MustCompile(`^r-[0-9a-f]{17}$`).MatchString(reservation) || *out.OwnerID != "123456789012" {
			t.Errorf("reservation %s, owner %s; want r- and 17 hex digits, the account", reservation, *out.OwnerID)
		}
		if len(out.Instances) != 2 {
			t.Fatalf("%d instances, want 2", len(out.Instances))
		}
		for i, in := range out.Instances {
			ids = append(ids, *in.InstanceID)
			if !regexp.MustCompile(`^i-[0-9a-f]{17}$`).MatchString(*in.InstanceID) {
				t.Errorf("instance id %s, want i- and 17 hex digits", *in.InstanceID)
			}
			got := []any{in.State.Name, *in.State.Code, *in.ImageID, in.InstanceType, *in.SubnetID, *in.VPCID, *in.KeyName, *in.AmiLaunchIndex, in.Tags, in.LaunchTime != nil, in.PrivateIPAddress != nil}
			want := []any{ec2.InstanceStateNamePending, int32(0), "ami-12345678", ec2.InstanceType("t3.micro"), *subnet, *vpc, "k", int32(i), []ec2.Tag{{Key: new("app"), Value: new("web")}}, true, true}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("instance %d: state, code, image, type, subnet, VPC, key, launch index, tags, launch time?, private IP? (-want +got):\n%s", i, diff)
			}
		}
	})
	t.Run("MinCount above MaxCount is EC2's InvalidParameterValue", func(t *testing.T) {
		_, err := c.RunInstances(ctx, &ec2.RunInstancesInput{ImageID: new("ami-1"), MinCount: new(int32(3)), MaxCount: new(int32(2)), SubnetID: subnet})
		var ae specrt.APIError
		if !errors.As(err, &ae) || ae.ErrorCode() != "InvalidParameterValue" {
			t.Fatalf("got %v, want InvalidParameterValue", err)
		}
	})
	t.Run("a MaxCount of 0 is EC2's InvalidParameterValue", func(t *testing.T) {
		_, err := c.RunInstances(ctx, &ec2.RunInstancesInput{ImageID: new("ami-1"), MinCount: new(int32(1)), MaxCount: new(int32(0)), SubnetID: subnet})
		var ae specrt.APIError
		if !errors.As(err, &ae) || ae.ErrorCode() != "InvalidParameterValue" {
			t.Fatalf("got %v, want InvalidParameterValue", err)
		}
	})
	t.Run("RunInstances in an unknown subnet is InvalidSubnetID.NotFound", func(t *testing.T) {
		_, err := c.RunInstances(ctx, &ec2.RunInstancesInput{ImageID: new("ami-1"), MinCount: new(int32(1)), MaxCount: new(int32(1)), SubnetID: new("subnet-00000000000000000")})
		wantError(t, err, "InvalidSubnetID.NotFound", "The subnet ID 'subnet-00000000000000000' does not exist")
	})
	t.Run("RunInstances without a subnet is MissingParameter: the mock has no default VPC", func(t *testing.T) {
		_, err := c.RunInstances(ctx, &ec2.RunInstancesInput{ImageID: new("ami-1"), MinCount: new(int32(1)), MaxCount: new(int32(1))})
		wantError(t, err, "MissingParameter", "The request must contain the parameter SubnetId")
	})
	t.Run("DescribeInstances answers both instances in their one reservation, by ids and by filters", func(t *testing.T) {
		out := must(c.DescribeInstances(ctx, &ec2.DescribeInstancesInput{InstanceIDs: ids}))(t)
		if len(out.Reservations) != 1 || *out.Reservations[0].ReservationID != reservation || len(out.Reservations[0].Instances) != 2 {
			t.Fatalf("reservations %+v, want %s holding both instances", out.Reservations, reservation)
		}
		for _, tc := range []struct {
			name   string
			values []string
			want   int
		}{
			{"instance-state-name", []string{"pending"}, 2},
			{"instance-state-name", []string{"running"}, 0},
			{"subnet-id", []string{*subnet}, 2},
			{"vpc-id", []string{*vpc}, 2},
			{"vpc-id", []string{"vpc-00000000000000000"}, 0},
			{"instance-id", []string{ids[1]}, 1},
			{"tag:app", []string{"web"}, 2},
			{"tag:app", []string{"db"}, 0},
		} {
			got := states(t, &ec2.DescribeInstancesInput{Filters: []ec2.Filter{{Name: &tc.name, Values: tc.values}}})
			if len(got) != tc.want {
				t.Errorf("filter %s=%v: %d instances, want %d", tc.name, tc.values, len(got), tc.want)
			}
		}
	})
	t.Run("DescribeInstances of an unknown id is InvalidInstanceID.NotFound", func(t *testing.T) {
		_, err := c.DescribeInstances(ctx, &ec2.DescribeInstancesInput{InstanceIDs: []string{"i-00000000000000000"}})
		wantError(t, err, "InvalidInstanceID.NotFound", "The instance ID 'i-00000000000000000' does not exist")
	})
	t.Run("DescribeInstances pages by MaxResults and NextToken", func(t *testing.T) {
		first := must(c.DescribeInstances(ctx, &ec2.DescribeInstancesInput{MaxResults: new(int32(1))}))(t)
		if len(first.Reservations) != 1 || len(first.Reservations[0].Instances) != 1 || first.NextToken == nil {
			t.Fatalf("first page %+v, want one instance and a token", first)
		}
		second := must(c.DescribeInstances(ctx, &ec2.DescribeInstancesInput{MaxResults: new(int32(1)), NextToken: first.NextToken}))(t)
		if len(second.Reservations) != 1 || *second.Reservations[0].Instances[0].InstanceID != ids[1] || second.NextToken != nil {
			t.Fatalf("second page %+v, want the second instance and no token", second)
		}
	})
	t.Run("the InstanceRunning waiter finishes once the transition is due", func(t *testing.T) {
		if n := wait(t, "InstanceRunning", ids); n != 2 {
			t.Errorf("success at attempt %d, want 2", n)
		}
	})
	t.Run("a subnet holding running instances cannot be deleted", func(t *testing.T) {
		_, err := c.DeleteSubnet(ctx, &ec2.DeleteSubnetInput{SubnetID: subnet})
		wantError(t, err, "DependencyViolation", "The subnet '"+*subnet+"' has dependencies and cannot be deleted.")
	})
	change := func(s *ec2.InstanceState) string { return fmt.Sprintf("%s/%d", s.Name, *s.Code) }
	t.Run("StopInstances answers each instance's state before and after, and InstanceStopped finishes", func(t *testing.T) {
		out := must(c.StopInstances(ctx, &ec2.StopInstancesInput{InstanceIDs: ids}))(t)
		var got []string
		for _, ch := range out.StoppingInstances {
			got = append(got, *ch.InstanceID+" "+change(ch.PreviousState)+" -> "+change(ch.CurrentState))
		}
		want := []string{ids[0] + " running/16 -> stopping/64", ids[1] + " running/16 -> stopping/64"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("changes (-want +got):\n%s", diff)
		}
		wait(t, "InstanceStopped", ids)
		out2 := must(c.DescribeInstances(ctx, &ec2.DescribeInstancesInput{InstanceIDs: ids[:1]}))(t)
		if s := change(out2.Reservations[0].Instances[0].State); s != "stopped/80" {
			t.Errorf("state %s, want stopped/80", s)
		}
	})
	t.Run("TerminateInstances moves them to shutting-down, then terminated, still described", func(t *testing.T) {
		out := must(c.TerminateInstances(ctx, &ec2.TerminateInstancesInput{InstanceIDs: ids}))(t)
		if s := change(out.TerminatingInstances[0].CurrentState); s != "shutting-down/32" {
			t.Errorf("current state %s, want shutting-down/32", s)
		}
		wait(t, "InstanceTerminated", ids)
		want := map[string]string{ids[0]: "terminated", ids[1]: "terminated"}
		if diff := cmp.Diff(want, states(t, &ec2.DescribeInstancesInput{})); diff != "" {
			t.Errorf("states (-want +got):\n%s", diff)
		}
	})
	t.Run("a terminated instance cannot be started: IncorrectInstanceState, nothing changes", func(t *testing.T) {
		_, err := c.StartInstances(ctx, &ec2.StartInstancesInput{InstanceIDs: ids})
		wantError(t, err, "IncorrectInstanceState", "The instance '"+ids[0]+"' is not in a state from which it can be started.")
	})
	t.Run("StartInstances of an unknown id is InvalidInstanceID.NotFound", func(t *testing.T) {
		_, err := c.StartInstances(ctx, &ec2.StartInstancesInput{InstanceIDs: []string{"i-00000000000000001"}})
		wantError(t, err, "InvalidInstanceID.NotFound", "The instance ID 'i-00000000000000001' does not exist")
	})
	t.Run("terminated instances no longer hold their subnet", func(t *testing.T) {
		must(c.DeleteSubnet(ctx, &ec2.DeleteSubnetInput{SubnetID: subnet}))(t)
	})
}

// TestEC2RunInstancesWithinLimits: RunInstances makes as many instances as
// the mock's limit of resources of a kind allows when that is at least
// MinCount, and none, answering InstanceLimitExceeded, when it is not.
func TestEC2RunInstancesWithinLimits(t *testing.T) {
	ctx := t.Context()
	_, url := ec2mock.NewTestServer(t, mockrt.WithMaxResources(5))
	c := ec2.New(options(url))
	vpc := must(c.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: new("10.0.0.0/16")}))(t).VPC.VPCID
	subnet := must(c.CreateSubnet(ctx, &ec2.CreateSubnetInput{VPCID: vpc, CidrBlock: new("10.0.1.0/24")}))(t).Subnet.SubnetID
	run := func(lo, hi int32) (*ec2.RunInstancesOutput, error) {
		return c.RunInstances(ctx, &ec2.RunInstancesInput{ImageID: new("ami-1"), MinCount: &lo, MaxCount: &hi, SubnetID: subnet})
	}
	count := func(t *testing.T) int {
		n := 0
		for _, r := range must(c.DescribeInstances(ctx, &ec2.DescribeInstancesInput{}))(t).Reservations {
			n += len(r.Instances)
		}
		return n
	}
	t.Run("three of three fit", func(t *testing.T) {
		if out := must(run(3, 3))(t); len(out.Instances) != 3 {
			t.Errorf("%d instances, want 3", len(out.Instances))
		}
	})
	t.Run("a MinCount of 3 when 2 fit answers InstanceLimitExceeded and keeps none of them", func(t *testing.T) {
		_, err := run(3, 10)
		var ae specrt.APIError
		if !errors.As(err, &ae) || ae.ErrorCode() != "InstanceLimitExceeded" {
			t.Fatalf("got %v, want InstanceLimitExceeded", err)
		}
		if n := count(t); n != 3 {
			t.Errorf("%d instances described, want the 3 before", n)
		}
	})
	t.Run("a MaxCount of 10 when 2 fit and MinCount is 1 makes 2", func(t *testing.T) {
		if out := must(run(1, 10))(t); len(out.Instances) != 2 || count(t) != 5 {
			t.Errorf("%d instances answered, %d described, want 2 and 5", len(out.Instances), count(t))
		}
	})
}

// TestEC2WhatANewVPCComesWith: CreateVpc makes the VPC's default security
// group, main route table and default network ACL (the create's
// companions), seen through their Describe…s by vpc-id and gone with the
// VPC, which they do not keep; an attached internet gateway keeps the VPC
// (DependencyViolation) until it is detached.
func TestEC2WhatANewVPCComesWith(t *testing.T) {
	ctx := t.Context()
	_, url := ec2mock.NewTestServer(t)
	c := ec2.New(options(url))
	vpc := *must(c.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: new("10.1.0.0/16")}))(t).VPC.VPCID
	byVPC := []ec2.Filter{{Name: new("vpc-id"), Values: []string{vpc}}}
	// what lists the VPC's security groups, route tables and network ACLs.
	what := func(t *testing.T) []string {
		t.Helper()
		var got []string
		for _, g := range must(c.DescribeSecurityGroups(ctx, &ec2.DescribeSecurityGroupsInput{Filters: byVPC}))(t).SecurityGroups {
			got = append(got, "security group "+*g.GroupName+" "+*g.VPCID)
		}
		for _, rt := range must(c.DescribeRouteTables(ctx, &ec2.DescribeRouteTablesInput{Filters: byVPC}))(t).RouteTables {
			main := len(rt.Associations) == 1 && *rt.Associations[0].Main && *rt.Associations[0].RouteTableID == *rt.RouteTableID
			local := len(rt.Routes) == 1 && *rt.Routes[0].DestinationCidrBlock == "10.1.0.0/16" && *rt.Routes[0].GatewayID == "local"
			got = append(got, fmt.Sprintf("route table main=%t local=%t %s", main, local, *rt.VPCID))
		}
		for _, acl := range must(c.DescribeNetworkAcls(ctx, &ec2.DescribeNetworkAclsInput{Filters: byVPC}))(t).NetworkACLs {
			got = append(got, fmt.Sprintf("network ACL default=%t %s", *acl.IsDefault, *acl.VPCID))
		}
		return got
	}
	t.Run("the VPC comes with its default security group, main route table and default network ACL", func(t *testing.T) {
		want := []string{"security group default " + vpc, "route table main=true local=true " + vpc, "network ACL default=true " + vpc}
		if diff := cmp.Diff(want, what(t)); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
	t.Run("a second security group named default in the VPC is InvalidGroup.Duplicate", func(t *testing.T) {
		_, err := c.CreateSecurityGroup(ctx, &ec2.CreateSecurityGroupInput{VPCID: &vpc, GroupName: new("default"), Description: new("again")})
		var ae specrt.APIError
		if !errors.As(err, &ae) || ae.ErrorCode() != "InvalidGroup.Duplicate" {
			t.Fatalf("got %v, want InvalidGroup.Duplicate", err)
		}
	})
	igw := *must(c.CreateInternetGateway(ctx, &ec2.CreateInternetGatewayInput{}))(t).InternetGateway.InternetGatewayID
	t.Run("an attached internet gateway keeps the VPC: DependencyViolation", func(t *testing.T) {
		must(c.AttachInternetGateway(ctx, &ec2.AttachInternetGatewayInput{InternetGatewayID: &igw, VPCID: &vpc}))(t)
		_, err := c.DeleteVpc(ctx, &ec2.DeleteVpcInput{VPCID: &vpc})
		var ae specrt.APIError
		if !errors.As(err, &ae) || ae.ErrorCode() != "DependencyViolation" {
			t.Fatalf("got %v, want DependencyViolation", err)
		}
		if n := len(what(t)); n != 3 {
			t.Errorf("%d of the VPC's companions left after the refused delete, want 3", n)
		}
	})
	t.Run("once the gateway is detached, the VPC is deleted with what it came with", func(t *testing.T) {
		must(c.DetachInternetGateway(ctx, &ec2.DetachInternetGatewayInput{InternetGatewayID: &igw, VPCID: &vpc}))(t)
		must(c.DeleteVpc(ctx, &ec2.DeleteVpcInput{VPCID: &vpc}))(t)
		if got := what(t); len(got) != 0 {
			t.Errorf("left after the VPC's delete: %v", got)
		}
	})
}

// TestEC2ReservationsAndCompanionsSurviveSavedState: a saved and loaded
// mock still answers instances by their reservation, and a VPC's
// companions still go with it rather than keep it.
func TestEC2ReservationsAndCompanionsSurviveSavedState(t *testing.T) {
	ctx := t.Context()
	first, url := ec2mock.NewTestServer(t)
	c := ec2.New(options(url))
	vpc := must(c.CreateVpc(ctx, &ec2.CreateVpcInput{CidrBlock: new("10.0.0.0/16")}))(t).VPC.VPCID
	subnet := must(c.CreateSubnet(ctx, &ec2.CreateSubnetInput{VPCID: vpc, CidrBlock: new("10.0.1.0/24")}))(t).Subnet.SubnetID
	run := must(c.RunInstances(ctx, &ec2.RunInstancesInput{ImageID: new("ami-1"), MinCount: new(int32(2)), MaxCount: new(int32(2)), SubnetID: subnet}))(t)
	var buf bytes.Buffer
	if err := mockrt.SaveState(&buf, first.Server); err != nil {
		t.Fatal(err)
	}
	second, url2 := ec2mock.NewTestServer(t)
	if err := mockrt.LoadState(&buf, second.Server); err != nil {
		t.Fatal(err)
	}
	c2 := ec2.New(options(url2))
	out := must(c2.DescribeInstances(ctx, &ec2.DescribeInstancesInput{}))(t)
	var got []string
	for _, r := range out.Reservations {
		got = append(got, fmt.Sprintf("%s: %d", aws.ToString(r.ReservationID), len(r.Instances)))
	}
	if diff := cmp.Diff([]string{*run.ReservationID + ": 2"}, got); diff != "" {
		t.Errorf("reservations after the load: instances (-want +got):\n%s", diff)
	}
	ids := []string{*run.Instances[0].InstanceID, *run.Instances[1].InstanceID}
	must(c2.TerminateInstances(ctx, &ec2.TerminateInstancesInput{InstanceIDs: ids}))(t)
	second.AdvanceClock(time.Hour)
	must(c2.DeleteSubnet(ctx, &ec2.DeleteSubnetInput{SubnetID: subnet}))(t)
	must(c2.DeleteVpc(ctx, &ec2.DeleteVpcInput{VPCID: vpc}))(t)
	if n := len(must(c2.DescribeSecurityGroups(ctx, &ec2.DescribeSecurityGroupsInput{}))(t).SecurityGroups); n != 0 {
		t.Errorf("%d security groups left after the VPC's delete, want none", n)
	}
}
