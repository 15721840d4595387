//go:build ec2bench

// The AWS SDK for Go v2's EC2 client against the generated mock. It
// compiles the SDK's service/ec2 (minutes and gigabytes), so it runs only
// with the ec2bench tag, as the EC2 benchmarks do:
//
//	cd compat && go test -tags ec2bench -run EC2 .

package compat

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdkec2 "github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/ec2/ec2mock"
	"github.com/specgen/specgen/specrt/mockrt"
)

func TestSDKAgainstEC2Mock(t *testing.T) {
	_, url := ec2mock.NewTestServer(t, mockOptions()...)
	c := sdkec2.New(sdkec2.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()

	out, err := c.CreateVpc(ctx, &sdkec2.CreateVpcInput{CidrBlock: aws.String("10.0.0.0/16"),
		TagSpecifications: []ec2types.TagSpecification{{ResourceType: ec2types.ResourceTypeVpc, Tags: []ec2types.Tag{{Key: aws.String("env"), Value: aws.String("test")}}}}})
	if err != nil {
		t.Fatal(err)
	}
	if out.Vpc == nil || !vpcIDRE.MatchString(aws.ToString(out.Vpc.VpcId)) {
		t.Fatalf("CreateVpc answered %+v, want a vpc-<17 hex> id", out.Vpc)
	}
	if d := cmp.Diff([]any{"10.0.0.0/16", ec2types.VpcStatePending, "123456789012", false},
		[]any{aws.ToString(out.Vpc.CidrBlock), out.Vpc.State, aws.ToString(out.Vpc.OwnerId), aws.ToBool(out.Vpc.IsDefault)}); d != "" {
		t.Errorf("cidrBlock, state, ownerId, isDefault (-want +got):\n%s", d)
	}
	t.Run("tags, a read and a list are answered and decoded", func(t *testing.T) {
		if _, err := c.CreateTags(ctx, &sdkec2.CreateTagsInput{Resources: []string{aws.ToString(out.Vpc.VpcId)},
			Tags: []ec2types.Tag{{Key: aws.String("team"), Value: aws.String("net")}}}); err != nil {
			t.Errorf("CreateTags: %v", err)
		}
		if _, err := c.DescribeVpcs(ctx, &sdkec2.DescribeVpcsInput{VpcIds: []string{aws.ToString(out.Vpc.VpcId)},
			Filters: []ec2types.Filter{{Name: aws.String("cidr"), Values: []string{"10.0.0.0/16"}}}}); err != nil {
			t.Errorf("DescribeVpcs: %v", err)
		}
		if _, err := c.DescribeTags(ctx, &sdkec2.DescribeTagsInput{MaxResults: aws.Int32(10)}); err != nil {
			t.Errorf("DescribeTags: %v", err)
		}
	})
	t.Run("an invalid call is InvalidParameterValue, EC2's own code; a missing parameter MissingParameter", func(t *testing.T) {
		// EC2's model declares no error shape: the SDK surfaces every EC2
		// error as a smithy.APIError with the service's code.
		_, err := c.DescribeVpcs(ctx, &sdkec2.DescribeVpcsInput{MaxResults: aws.Int32(1)})
		var ae smithy.APIError
		if !errors.As(err, &ae) || ae.ErrorCode() != "InvalidParameterValue" || !strings.Contains(ae.ErrorMessage(), "MaxResults") {
			t.Errorf("DescribeVpcs with MaxResults 1: %v (%T), want InvalidParameterValue naming MaxResults", err, err)
		}
		_, err = c.DeleteVpc(ctx, &sdkec2.DeleteVpcInput{}, func(o *sdkec2.Options) {
			o.APIOptions = append(o.APIOptions, withoutSDKValidation)
		})
		if !errors.As(err, &ae) || ae.ErrorCode() != "MissingParameter" || ae.ErrorMessage() != "The request must contain the parameter VpcId" {
			t.Errorf("DeleteVpc without VpcId: %v (%T), want MissingParameter naming VpcId", err, err)
		}
	})
}

// TestSDKEC2VpcLifecycle runs the SDK's EC2 client, and its own waiters,
// through a VPC's life in the mock: VpcAvailable and SubnetAvailable wait
// while the mock's transitions (an hour of resource time) are pending,
// each retry moving the mock's clock past them (advancing, in
// ecs_waiters_test.go), and the errors are EC2's codes as the SDK's
// smithy.APIError.
func TestSDKEC2VpcLifecycle(t *testing.T) {
	srv, url := ec2mock.NewTestServer(t, append(mockOptions(), mockrt.WithTransitionDelay(waitersTransition))...)
	c := sdkec2.New(sdkec2.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	wantCode := func(t *testing.T, what string, err error, code string) {
		t.Helper()
		var ae smithy.APIError
		if !errors.As(err, &ae) || ae.ErrorCode() != code {
			t.Errorf("%s: %v (%T), want the code %s", what, err, err, code)
		}
	}

	vpc, err := c.CreateVpc(ctx, &sdkec2.CreateVpcInput{CidrBlock: aws.String("10.0.0.0/16")})
	if err != nil {
		t.Fatal(err)
	}
	vpcID := aws.ToString(vpc.Vpc.VpcId)
	var subnetID string
	t.Run("VpcAvailable waits for the pending VPC", func(t *testing.T) {
		var retries int
		out, err := sdkec2.NewVpcAvailableWaiter(c).WaitForOutput(ctx, &sdkec2.DescribeVpcsInput{VpcIds: []string{vpcID}}, waitersMaxWait,
			func(o *sdkec2.VpcAvailableWaiterOptions) {
				o.MinDelay, o.MaxDelay = time.Millisecond, 5*time.Millisecond
				o.Retryable = advancing(srv.Server, &retries, o.Retryable)
			})
		if err != nil {
			t.Fatal(err)
		}
		if len(out.Vpcs) != 1 || out.Vpcs[0].State != ec2types.VpcStateAvailable || retries != 1 {
			t.Errorf("waited for %+v after %d retries, want the VPC available after 1", out.Vpcs, retries)
		}
	})
	t.Run("SubnetAvailable waits for the pending subnet", func(t *testing.T) {
		sn, err := c.CreateSubnet(ctx, &sdkec2.CreateSubnetInput{VpcId: &vpcID, CidrBlock: aws.String("10.0.1.0/24")})
		if err != nil {
			t.Fatal(err)
		}
		subnetID = aws.ToString(sn.Subnet.SubnetId)
		var retries int
		err = sdkec2.NewSubnetAvailableWaiter(c).Wait(ctx, &sdkec2.DescribeSubnetsInput{SubnetIds: []string{subnetID}}, waitersMaxWait,
			func(o *sdkec2.SubnetAvailableWaiterOptions) {
				o.MinDelay, o.MaxDelay = time.Millisecond, 5*time.Millisecond
				o.Retryable = advancing(srv.Server, &retries, o.Retryable)
			})
		if err != nil || retries != 1 {
			t.Errorf("SubnetAvailable: %v after %d retries, want success after 1", err, retries)
		}
	})
	t.Run("a VPC with a subnet is not deleted; once the subnet is, the VPC is gone", func(t *testing.T) {
		_, err := c.DeleteVpc(ctx, &sdkec2.DeleteVpcInput{VpcId: &vpcID})
		wantCode(t, "DeleteVpc with a subnet", err, "DependencyViolation")
		if _, err := c.DeleteSubnet(ctx, &sdkec2.DeleteSubnetInput{SubnetId: &subnetID}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.DeleteVpc(ctx, &sdkec2.DeleteVpcInput{VpcId: &vpcID}); err != nil {
			t.Fatal(err)
		}
		_, err = c.DescribeVpcs(ctx, &sdkec2.DescribeVpcsInput{VpcIds: []string{vpcID}})
		wantCode(t, "DescribeVpcs of the deleted VPC", err, "InvalidVpcID.NotFound")
	})
}

// TestSDKEC2InstanceLifecycle: the SDK's RunInstances, DescribeInstances
// (by ids, by filter), StopInstances, TerminateInstances and
// StartInstances against the mock, and its InstanceRunning,
// InstanceStopped and InstanceTerminated waiters finishing, the mock's
// clock advanced by each retry.
func TestSDKEC2InstanceLifecycle(t *testing.T) {
	srv, url := ec2mock.NewTestServer(t, append(mockOptions(), mockrt.WithTransitionDelay(waitersTransition))...)
	c := sdkec2.New(sdkec2.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	vpc, err := c.CreateVpc(ctx, &sdkec2.CreateVpcInput{CidrBlock: aws.String("10.0.0.0/16")})
	if err != nil {
		t.Fatal(err)
	}
	sn, err := c.CreateSubnet(ctx, &sdkec2.CreateSubnetInput{VpcId: vpc.Vpc.VpcId, CidrBlock: aws.String("10.0.1.0/24")})
	if err != nil {
		t.Fatal(err)
	}
	subnetID := aws.ToString(sn.Subnet.SubnetId)
	run, err := c.RunInstances(ctx, &sdkec2.RunInstancesInput{ImageId: aws.String("ami-12345678"), InstanceType: ec2types.InstanceTypeT3Micro,
		MinCount: aws.Int32(2), MaxCount: aws.Int32(2), SubnetId: &subnetID,
		TagSpecifications: []ec2types.TagSpecification{{ResourceType: ec2types.ResourceTypeInstance, Tags: []ec2types.Tag{{Key: aws.String("app"), Value: aws.String("web")}}}}})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, in := range run.Instances {
		ids = append(ids, aws.ToString(in.InstanceId))
	}
	if len(ids) != 2 || !strings.HasPrefix(aws.ToString(run.ReservationId), "r-") || run.Instances[0].State.Name != ec2types.InstanceStateNamePending {
		t.Fatalf("RunInstances answered %d instances in %s, the first %+v; want 2 pending in an r- reservation", len(ids), aws.ToString(run.ReservationId), run.Instances[0].State)
	}
	described := func(t *testing.T, in *sdkec2.DescribeInstancesInput) map[string]string {
		t.Helper()
		out, err := c.DescribeInstances(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, r := range out.Reservations {
			for _, in := range r.Instances {
				got[aws.ToString(in.InstanceId)] = string(in.State.Name) + " " + aws.ToString(in.VpcId)
			}
		}
		return got
	}
	t.Run("DescribeInstances by ids and by the tag filter answers both", func(t *testing.T) {
		want := map[string]string{ids[0]: "pending " + aws.ToString(vpc.Vpc.VpcId), ids[1]: "pending " + aws.ToString(vpc.Vpc.VpcId)}
		if d := cmp.Diff(want, described(t, &sdkec2.DescribeInstancesInput{InstanceIds: ids})); d != "" {
			t.Errorf("by ids (-want +got):\n%s", d)
		}
		if d := cmp.Diff(want, described(t, &sdkec2.DescribeInstancesInput{Filters: []ec2types.Filter{{Name: aws.String("tag:app"), Values: []string{"web"}}}})); d != "" {
			t.Errorf("by tag:app (-want +got):\n%s", d)
		}
	})
	waitOpts := func(retries *int) func(*sdkec2.InstanceRunningWaiterOptions) {
		return func(o *sdkec2.InstanceRunningWaiterOptions) {
			o.MinDelay, o.MaxDelay = time.Millisecond, 5*time.Millisecond
			o.Retryable = advancing(srv.Server, retries, o.Retryable)
		}
	}
	t.Run("InstanceRunning waits for both", func(t *testing.T) {
		var retries int
		if err := sdkec2.NewInstanceRunningWaiter(c).Wait(ctx, &sdkec2.DescribeInstancesInput{InstanceIds: ids}, waitersMaxWait, waitOpts(&retries)); err != nil || retries != 1 {
			t.Errorf("InstanceRunning: %v after %d retries, want success after 1", err, retries)
		}
	})
	t.Run("StopInstances answers running -> stopping, and InstanceStopped waits for stopped", func(t *testing.T) {
		out, err := c.StopInstances(ctx, &sdkec2.StopInstancesInput{InstanceIds: ids})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, ch := range out.StoppingInstances {
			got = append(got, string(ch.PreviousState.Name)+" -> "+string(ch.CurrentState.Name))
		}
		if d := cmp.Diff([]string{"running -> stopping", "running -> stopping"}, got); d != "" {
			t.Errorf("StoppingInstances (-want +got):\n%s", d)
		}
		var retries int
		err = sdkec2.NewInstanceStoppedWaiter(c).Wait(ctx, &sdkec2.DescribeInstancesInput{InstanceIds: ids}, waitersMaxWait,
			func(o *sdkec2.InstanceStoppedWaiterOptions) {
				o.MinDelay, o.MaxDelay = time.Millisecond, 5*time.Millisecond
				o.Retryable = advancing(srv.Server, &retries, o.Retryable)
			})
		if err != nil || retries != 1 {
			t.Errorf("InstanceStopped: %v after %d retries, want success after 1", err, retries)
		}
	})
	t.Run("TerminateInstances, InstanceTerminated, and the instances stay described as terminated", func(t *testing.T) {
		if _, err := c.TerminateInstances(ctx, &sdkec2.TerminateInstancesInput{InstanceIds: ids}); err != nil {
			t.Fatal(err)
		}
		var retries int
		err := sdkec2.NewInstanceTerminatedWaiter(c).Wait(ctx, &sdkec2.DescribeInstancesInput{InstanceIds: ids}, waitersMaxWait,
			func(o *sdkec2.InstanceTerminatedWaiterOptions) {
				o.MinDelay, o.MaxDelay = time.Millisecond, 5*time.Millisecond
				o.Retryable = advancing(srv.Server, &retries, o.Retryable)
			})
		if err != nil || retries != 1 {
			t.Errorf("InstanceTerminated: %v after %d retries, want success after 1", err, retries)
		}
		got := described(t, &sdkec2.DescribeInstancesInput{Filters: []ec2types.Filter{{Name: aws.String("instance-state-name"), Values: []string{"terminated"}}}})
		if len(got) != 2 {
			t.Errorf("terminated instances described: %v, want both", got)
		}
	})
	t.Run("StartInstances of a terminated instance is IncorrectInstanceState", func(t *testing.T) {
		_, err := c.StartInstances(ctx, &sdkec2.StartInstancesInput{InstanceIds: ids[:1]})
		var ae smithy.APIError
		if !errors.As(err, &ae) || ae.ErrorCode() != "IncorrectInstanceState" {
			t.Errorf("StartInstances: %v, want IncorrectInstanceState", err)
		}
	})
}
