package compat

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdkapprunner "github.com/aws/aws-sdk-go-v2/service/apprunner"
	apprunnertypes "github.com/aws/aws-sdk-go-v2/service/apprunner/types"
	sdkecs "github.com/aws/aws-sdk-go-v2/service/ecs"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	sdklightsail "github.com/aws/aws-sdk-go-v2/service/lightsail"
	lightsailtypes "github.com/aws/aws-sdk-go-v2/service/lightsail/types"
	sdkservicediscovery "github.com/aws/aws-sdk-go-v2/service/servicediscovery"
	sdtypes "github.com/aws/aws-sdk-go-v2/service/servicediscovery/types"
	sdkvpclattice "github.com/aws/aws-sdk-go-v2/service/vpclattice"
	vltypes "github.com/aws/aws-sdk-go-v2/service/vpclattice/types"

	"github.com/specgen/specgen/gen/apprunner/apprunnermock"
	"github.com/specgen/specgen/gen/ecs/ecsmock"
	"github.com/specgen/specgen/gen/lightsail/lightsailmock"
	"github.com/specgen/specgen/gen/servicediscovery/servicediscoverymock"
	"github.com/specgen/specgen/gen/vpclattice/vpclatticemock"
)

// The AWS SDK for Go v2 calling operations beyond the seeds', which the
// mocks serve since the services are imported in full: each valid call is
// answered, each invalid one rejected as the service's validation
// exception, typed by the SDK. The invalid calls break a constraint the
// SDK does not check itself (a range, a length, a pattern), or leave out a
// required member with the SDK's own check removed.

// sdkCall is one call of a sample: call makes it and check looks at the
// error (nil for a valid call).
type sdkCall struct {
	name  string
	call  func(ctx context.Context) error
	check func(t *testing.T, err error)
}

func answered(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("valid call: %v", err)
	}
}

func runCalls(t *testing.T, calls []sdkCall) {
	for _, c := range calls {
		t.Run(c.name, func(t *testing.T) { c.check(t, c.call(t.Context())) })
	}
}

func TestSDKCallsNewVPCLatticeOperations(t *testing.T) {
	_, url := vpclatticemock.NewTestServer(t, mockOptions()...)
	c := sdkvpclattice.New(sdkvpclattice.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	invalid := func(field string) func(*testing.T, error) {
		return func(t *testing.T, err error) { wantTyped[*vltypes.ValidationException](t, err, field) }
	}
	runCalls(t, []sdkCall{
		{"ListServices with a page size is answered", func(ctx context.Context) error {
			_, err := c.ListServices(ctx, &sdkvpclattice.ListServicesInput{MaxResults: aws.Int32(10)})
			return err
		}, answered},
		{"ListServices with a page size of 0 is a ValidationException", func(ctx context.Context) error {
			_, err := c.ListServices(ctx, &sdkvpclattice.ListServicesInput{MaxResults: aws.Int32(0)})
			return err
		}, invalid("maxResults")},
		{"GetService of a well-formed id naming no service is a ResourceNotFoundException", func(ctx context.Context) error {
			_, err := c.GetService(ctx, &sdkvpclattice.GetServiceInput{ServiceIdentifier: aws.String("svc-0123456789abcdefg")})
			return err
		}, func(t *testing.T, err error) {
			wantTyped[*vltypes.ResourceNotFoundException](t, err, "svc-0123456789abcdefg")
		}},
		{"GetService of a malformed id is a ValidationException", func(ctx context.Context) error {
			_, err := c.GetService(ctx, &sdkvpclattice.GetServiceInput{ServiceIdentifier: aws.String("not-a-service-identifier")})
			return err
		}, invalid("serviceIdentifier")},
		{"CreateServiceNetwork is answered", func(ctx context.Context) error {
			_, err := c.CreateServiceNetwork(ctx, &sdkvpclattice.CreateServiceNetworkInput{Name: aws.String("my-network")})
			return err
		}, answered},
		{"CreateServiceNetwork with a double hyphen is a ValidationException", func(ctx context.Context) error {
			_, err := c.CreateServiceNetwork(ctx, &sdkvpclattice.CreateServiceNetworkInput{Name: aws.String("my--network")})
			return err
		}, invalid("name")},
	})
}

func TestSDKCallsNewECSOperations(t *testing.T) {
	_, url := ecsmock.NewTestServer(t, mockOptions()...)
	c := sdkecs.New(sdkecs.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	invalid := func(field string) func(*testing.T, error) {
		return func(t *testing.T, err error) { wantTyped[*ecstypes.InvalidParameterException](t, err, field) }
	}
	runCalls(t, []sdkCall{
		{"ListClusters is answered", func(ctx context.Context) error {
			_, err := c.ListClusters(ctx, &sdkecs.ListClustersInput{MaxResults: aws.Int32(10)})
			return err
		}, answered},
		{"DescribeServices in a cluster that does not exist is a ClusterNotFoundException", func(ctx context.Context) error {
			_, err := c.DescribeServices(ctx, &sdkecs.DescribeServicesInput{Cluster: aws.String("default"), Services: []string{"web"}})
			return err
		}, func(t *testing.T, err error) { wantTyped[*ecstypes.ClusterNotFoundException](t, err, "default") }},
		{"DescribeServices of a service the cluster does not hold answers a MISSING failure", func(ctx context.Context) error {
			if _, err := c.CreateCluster(ctx, &sdkecs.CreateClusterInput{}); err != nil {
				return err
			}
			out, err := c.DescribeServices(ctx, &sdkecs.DescribeServicesInput{Services: []string{"web"}})
			if err == nil && (len(out.Failures) != 1 || aws.ToString(out.Failures[0].Reason) != "MISSING") {
				return fmt.Errorf("failures %+v, want web MISSING", out.Failures)
			}
			return err
		}, answered},
		{"DescribeServices without services is an InvalidParameterException", func(ctx context.Context) error {
			_, err := c.DescribeServices(ctx, &sdkecs.DescribeServicesInput{Cluster: aws.String("default")}, func(o *sdkecs.Options) {
				o.APIOptions = append(o.APIOptions, withoutSDKValidation)
			})
			return err
		}, invalid("services")},
		{"CreateCluster with a tag key over 128 characters is an InvalidParameterException", func(ctx context.Context) error {
			_, err := c.CreateCluster(ctx, &sdkecs.CreateClusterInput{ClusterName: aws.String("c1"), Tags: []ecstypes.Tag{{Key: aws.String(strings.Repeat("k", 129)), Value: aws.String("v")}}})
			return err
		}, invalid("tags[0].key")},
	})
}

func TestSDKCallsNewLightsailOperations(t *testing.T) {
	_, url := lightsailmock.NewTestServer(t, mockOptions()...)
	c := sdklightsail.New(sdklightsail.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	invalid := func(field string) func(*testing.T, error) {
		return func(t *testing.T, err error) { wantTyped[*lightsailtypes.InvalidInputException](t, err, field) }
	}
	runCalls(t, []sdkCall{
		{"GetInstances is answered", func(ctx context.Context) error {
			_, err := c.GetInstances(ctx, &sdklightsail.GetInstancesInput{})
			return err
		}, answered},
		{"CreateInstances is answered", func(ctx context.Context) error {
			_, err := c.CreateInstances(ctx, &sdklightsail.CreateInstancesInput{
				InstanceNames: []string{"web-1"}, AvailabilityZone: aws.String("us-west-2a"),
				BlueprintId: aws.String("amazon_linux_2023"), BundleId: aws.String("nano_3_0"),
			})
			return err
		}, answered},
		{"CreateInstances without instance names is an InvalidInputException", func(ctx context.Context) error {
			_, err := c.CreateInstances(ctx, &sdklightsail.CreateInstancesInput{
				AvailabilityZone: aws.String("us-west-2a"), BlueprintId: aws.String("amazon_linux_2023"), BundleId: aws.String("nano_3_0"),
			}, func(o *sdklightsail.Options) { o.APIOptions = append(o.APIOptions, withoutSDKValidation) })
			return err
		}, invalid("instanceNames")},
		{"CreateInstances with a tag key over 128 characters is an InvalidInputException", func(ctx context.Context) error {
			_, err := c.CreateInstances(ctx, &sdklightsail.CreateInstancesInput{
				InstanceNames: []string{"web-2"}, AvailabilityZone: aws.String("us-west-2a"),
				BlueprintId: aws.String("amazon_linux_2023"), BundleId: aws.String("nano_3_0"),
				Tags: []lightsailtypes.Tag{{Key: aws.String(strings.Repeat("k", 129))}},
			})
			return err
		}, invalid("tags[0].key")},
	})
}

func TestSDKCallsNewCloudMapOperations(t *testing.T) {
	_, url := servicediscoverymock.NewTestServer(t, mockOptions()...)
	c := sdkservicediscovery.New(sdkservicediscovery.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	invalid := func(field string) func(*testing.T, error) {
		return func(t *testing.T, err error) { wantTyped[*sdtypes.InvalidInput](t, err, field) }
	}
	runCalls(t, []sdkCall{
		{"ListNamespaces is answered", func(ctx context.Context) error {
			_, err := c.ListNamespaces(ctx, &sdkservicediscovery.ListNamespacesInput{MaxResults: aws.Int32(50)})
			return err
		}, answered},
		{"ListNamespaces with a page size of 101 is InvalidInput", func(ctx context.Context) error {
			_, err := c.ListNamespaces(ctx, &sdkservicediscovery.ListNamespacesInput{MaxResults: aws.Int32(101)})
			return err
		}, invalid("MaxResults")},
		{"GetNamespace of an id naming no namespace is NamespaceNotFound", func(ctx context.Context) error {
			_, err := c.GetNamespace(ctx, &sdkservicediscovery.GetNamespaceInput{Id: aws.String("ns-e4anhexample0004")})
			return err
		}, func(t *testing.T, err error) { wantTyped[*sdtypes.NamespaceNotFound](t, err, "ns-e4anhexample0004") }},
		{"GetNamespace with an id over 255 characters is InvalidInput", func(ctx context.Context) error {
			_, err := c.GetNamespace(ctx, &sdkservicediscovery.GetNamespaceInput{Id: aws.String(strings.Repeat("n", 256))})
			return err
		}, invalid("Id")},
	})
}

func TestSDKCallsNewAppRunnerOperations(t *testing.T) {
	_, url := apprunnermock.NewTestServer(t, mockOptions()...)
	c := sdkapprunner.New(sdkapprunner.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	invalid := func(field string) func(*testing.T, error) {
		return func(t *testing.T, err error) { wantTyped[*apprunnertypes.InvalidRequestException](t, err, field) }
	}
	arn := "arn:aws:apprunner:us-west-2:123456789012:service/python-app/8fe1e10304f84fd2b0df550fe98a71fa"
	runCalls(t, []sdkCall{
		{"ListServices is answered", func(ctx context.Context) error {
			_, err := c.ListServices(ctx, &sdkapprunner.ListServicesInput{MaxResults: aws.Int32(5)})
			return err
		}, answered},
		{"ListServices with a page size of 21 is an InvalidRequestException", func(ctx context.Context) error {
			_, err := c.ListServices(ctx, &sdkapprunner.ListServicesInput{MaxResults: aws.Int32(21)})
			return err
		}, invalid("MaxResults")},
		{"DescribeService of an ARN naming no service is a ResourceNotFoundException", func(ctx context.Context) error {
			_, err := c.DescribeService(ctx, &sdkapprunner.DescribeServiceInput{ServiceArn: aws.String(arn)})
			return err
		}, func(t *testing.T, err error) { wantTyped[*apprunnertypes.ResourceNotFoundException](t, err, arn) }},
		{"DescribeService of something not an ARN is an InvalidRequestException", func(ctx context.Context) error {
			_, err := c.DescribeService(ctx, &sdkapprunner.DescribeServiceInput{ServiceArn: aws.String("python-app")})
			return err
		}, invalid("ServiceArn")},
	})
}
