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

	"github.com/aws/aws-sdk-go-v2/aws"
	sdkec2 "github.com/aws/aws-sdk-go-v2/service/ec2"
	ec2types "github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/ec2/ec2mock"
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
	t.Run("an invalid call is InvalidParameterValue, EC2's own code", func(t *testing.T) {
		// EC2's model declares no error shape: the SDK surfaces every EC2
		// error as a smithy.APIError with the service's code.
		_, err := c.DescribeVpcs(ctx, &sdkec2.DescribeVpcsInput{MaxResults: aws.Int32(1)})
		var ae smithy.APIError
		if !errors.As(err, &ae) || ae.ErrorCode() != "InvalidParameterValue" || !strings.Contains(ae.ErrorMessage(), "MaxResults") {
			t.Errorf("DescribeVpcs with MaxResults 1: %v (%T), want InvalidParameterValue naming MaxResults", err, err)
		}
		_, err = c.CreateTags(ctx, &sdkec2.CreateTagsInput{Tags: []ec2types.Tag{{Key: aws.String("env")}}}, func(o *sdkec2.Options) {
			o.APIOptions = append(o.APIOptions, withoutSDKValidation)
		})
		if !errors.As(err, &ae) || ae.ErrorCode() != "InvalidParameterValue" {
			t.Errorf("CreateTags without resources: %v (%T), want InvalidParameterValue", err, err)
		}
	})
}
