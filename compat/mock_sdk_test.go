package compat

import (
	"context"
	"errors"
	"regexp"
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
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"

	"github.com/specgen/specgen/gen/apprunner/apprunnermock"
	"github.com/specgen/specgen/gen/ecs/ecsmock"
	"github.com/specgen/specgen/gen/lightsail/lightsailmock"
	"github.com/specgen/specgen/gen/servicediscovery/servicediscoverymock"
	"github.com/specgen/specgen/gen/vpclattice/vpclatticemock"
	"github.com/specgen/specgen/specrt/mockrt"
)

// The AWS SDK for Go v2 against the generated mocks. The mocks verify the
// SDK's SigV4 signatures with the same key pair, so every call here also
// proves that the signature check accepts what the real SDK sends.

const mockRegion = "us-west-2"

func mockOptions() []mockrt.Option {
	creds, _ := testCreds.Retrieve(context.Background())
	return []mockrt.Option{mockrt.WithRegion(mockRegion), mockrt.WithCredentials(creds.AccessKeyID, creds.SecretAccessKey)}
}

// withoutSDKValidation removes the SDK's client-side check of required
// members, so that the mock is the one to reject a missing member.
func withoutSDKValidation(stack *middleware.Stack) error {
	_, err := stack.Initialize.Remove("OperationInputValidation")
	return err
}

// wantTyped checks that err is the SDK's typed exception T and that its
// message names field.
func wantTyped[T error](t *testing.T, err error, field string) T {
	t.Helper()
	var target T
	if !errors.As(err, &target) {
		t.Fatalf("error %v (%T), want %T", err, err, target)
	}
	var ae smithy.APIError
	if errors.As(err, &ae) && field != "" && !strings.Contains(ae.ErrorMessage(), field) {
		t.Errorf("message %q does not name %q", ae.ErrorMessage(), field)
	}
	return target
}

func TestSDKAgainstVPCLatticeMock(t *testing.T) {
	_, url := vpclatticemock.NewTestServer(t, mockOptions()...)
	c := sdkvpclattice.New(sdkvpclattice.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()

	out, err := c.CreateService(ctx, &sdkvpclattice.CreateServiceInput{Name: aws.String("my-service"), Tags: map[string]string{"env": "test"}})
	if err != nil {
		t.Fatalf("valid CreateService: %v", err)
	}
	if !regexp.MustCompile(`^svc-[0-9a-z]{17}$`).MatchString(aws.ToString(out.Id)) || out.AuthType != vltypes.AuthTypeNone ||
		out.Status != vltypes.ServiceStatusCreateInProgress || aws.ToString(out.Name) != "my-service" ||
		!strings.HasPrefix(aws.ToString(out.Arn), "arn:aws:vpc-lattice:us-west-2:123456789012:service/svc-") {
		t.Errorf("output id %q arn %q authType %q status %q name %q", aws.ToString(out.Id), aws.ToString(out.Arn), out.AuthType, out.Status, aws.ToString(out.Name))
	}

	_, err = c.CreateService(ctx, &sdkvpclattice.CreateServiceInput{Name: aws.String(strings.Repeat("a", 41))})
	ve := wantTyped[*vltypes.ValidationException](t, err, "name: length")
	if ve.Reason != vltypes.ValidationExceptionReasonFieldValidationFailed || len(ve.FieldList) != 1 || aws.ToString(ve.FieldList[0].Name) != "name" {
		t.Errorf("name too long: reason %q fieldList %+v", ve.Reason, ve.FieldList)
	}
	_, err = c.CreateService(ctx, &sdkvpclattice.CreateServiceInput{Name: aws.String("ok-name"), AuthType: "BOGUS"})
	wantTyped[*vltypes.ValidationException](t, err, "authType")
	_, err = c.CreateService(ctx, &sdkvpclattice.CreateServiceInput{}, func(o *sdkvpclattice.Options) {
		o.APIOptions = append(o.APIOptions, withoutSDKValidation)
	})
	wantTyped[*vltypes.ValidationException](t, err, "name: is required")

	_, err = c.CreateService(ctx, &sdkvpclattice.CreateServiceInput{Name: aws.String("my-service")})
	ce := wantTyped[*vltypes.ConflictException](t, err, "my-service")
	if aws.ToString(ce.ResourceId) != aws.ToString(out.Id) {
		t.Errorf("conflict names %q, want the existing %q", aws.ToString(ce.ResourceId), aws.ToString(out.Id))
	}

	in := &sdkvpclattice.CreateServiceInput{Name: aws.String("idem"), ClientToken: aws.String("token-1")}
	first, err := c.CreateService(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	again, err := c.CreateService(ctx, in)
	if err != nil || aws.ToString(again.Id) != aws.ToString(first.Id) {
		t.Errorf("retry with the same token: %v, id %q, want %q", err, aws.ToString(again.Id), aws.ToString(first.Id))
	}
	_, err = c.CreateService(ctx, &sdkvpclattice.CreateServiceInput{Name: aws.String("idem-2"), ClientToken: aws.String("token-1")})
	wantTyped[*vltypes.ConflictException](t, err, "token-1")
}

func TestSDKAgainstAppRunnerMock(t *testing.T) {
	_, url := apprunnermock.NewTestServer(t, mockOptions()...)
	c := sdkapprunner.New(sdkapprunner.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	valid := func(name string) *sdkapprunner.CreateServiceInput {
		return &sdkapprunner.CreateServiceInput{
			ServiceName: aws.String(name),
			SourceConfiguration: &apprunnertypes.SourceConfiguration{ImageRepository: &apprunnertypes.ImageRepository{
				ImageIdentifier:     aws.String("public.ecr.aws/aws-containers/hello-app-runner:latest"),
				ImageRepositoryType: apprunnertypes.ImageRepositoryTypeEcrPublic,
			}},
		}
	}
	out, err := c.CreateService(ctx, valid("my-service"))
	if err != nil {
		t.Fatalf("valid CreateService: %v", err)
	}
	if !regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(aws.ToString(out.OperationId)) ||
		out.Service.Status != apprunnertypes.ServiceStatusOperationInProgress ||
		aws.ToString(out.Service.InstanceConfiguration.Cpu) != "1 vCPU" || out.Service.CreatedAt == nil ||
		aws.ToString(out.Service.ServiceName) != "my-service" {
		t.Errorf("output %+v", out.Service)
	}
	_, err = c.CreateService(ctx, valid(strings.Repeat("a", 41)))
	wantTyped[*apprunnertypes.InvalidRequestException](t, err, "ServiceName: length")
	bad := valid("abcd")
	bad.SourceConfiguration.ImageRepository.ImageRepositoryType = "DOCKERHUB"
	_, err = c.CreateService(ctx, bad)
	wantTyped[*apprunnertypes.InvalidRequestException](t, err, "SourceConfiguration.ImageRepository.ImageRepositoryType")
	_, err = c.CreateService(ctx, &sdkapprunner.CreateServiceInput{ServiceName: aws.String("abcd")}, func(o *sdkapprunner.Options) {
		o.APIOptions = append(o.APIOptions, withoutSDKValidation)
	})
	wantTyped[*apprunnertypes.InvalidRequestException](t, err, "SourceConfiguration: is required")
	_, err = c.CreateService(ctx, valid("my-service"))
	wantTyped[*apprunnertypes.InvalidRequestException](t, err, "already exists")
}

func TestSDKAgainstECSMock(t *testing.T) {
	_, url := ecsmock.NewTestServer(t, mockOptions()...)
	c := sdkecs.New(sdkecs.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	valid := func() *sdkecs.CreateExpressGatewayServiceInput {
		return &sdkecs.CreateExpressGatewayServiceInput{
			ServiceName:           aws.String("my-service"),
			ExecutionRoleArn:      aws.String("arn:aws:iam::123456789012:role/exec"),
			InfrastructureRoleArn: aws.String("arn:aws:iam::123456789012:role/infra"),
			PrimaryContainer:      &ecstypes.ExpressGatewayContainer{Image: aws.String("nginx")},
		}
	}
	out, err := c.CreateExpressGatewayService(ctx, valid())
	if err != nil {
		t.Fatalf("valid call: %v", err)
	}
	cfg := out.Service.ActiveConfigurations[0]
	if aws.ToInt32(cfg.PrimaryContainer.ContainerPort) != 80 || aws.ToString(cfg.Cpu) != "256" || aws.ToString(cfg.Memory) != "512" ||
		aws.ToString(cfg.HealthCheckPath) != "/ping" || aws.ToString(out.Service.ServiceName) != "my-service" {
		t.Errorf("defaults: port %d cpu %q memory %q path %q", aws.ToInt32(cfg.PrimaryContainer.ContainerPort), aws.ToString(cfg.Cpu), aws.ToString(cfg.Memory), aws.ToString(cfg.HealthCheckPath))
	}
	bad := valid()
	bad.ServiceName = aws.String("tagged")
	bad.Tags = []ecstypes.Tag{{Key: aws.String("aws:team"), Value: aws.String("x")}}
	_, err = c.CreateExpressGatewayService(ctx, bad)
	wantTyped[*ecstypes.InvalidParameterException](t, err, "tags[0].key")
	_, err = c.CreateExpressGatewayService(ctx, valid())
	wantTyped[*ecstypes.InvalidParameterException](t, err, "not idempotent")
}

func TestSDKAgainstLightsailMock(t *testing.T) {
	_, url := lightsailmock.NewTestServer(t, mockOptions()...)
	c := sdklightsail.New(sdklightsail.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	out, err := c.CreateCertificate(ctx, &sdklightsail.CreateCertificateInput{
		CertificateName: aws.String("my-cert"), DomainName: aws.String("example.com"), SubjectAlternativeNames: []string{"www.example.com"},
	})
	if err != nil {
		t.Fatalf("valid call: %v", err)
	}
	if out.Certificate.CertificateDetail.Status != lightsailtypes.CertificateStatusPendingValidation || len(out.Operations) != 1 {
		t.Errorf("status %q, %d operations", out.Certificate.CertificateDetail.Status, len(out.Operations))
	}
	_, err = c.CreateCertificate(ctx, &sdklightsail.CreateCertificateInput{
		CertificateName: aws.String("wild"), DomainName: aws.String("example.com"), SubjectAlternativeNames: []string{"*.example.com"},
	})
	wantTyped[*lightsailtypes.InvalidInputException](t, err, "subjectAlternativeNames[0]")
	_, err = c.CreateCertificate(ctx, &sdklightsail.CreateCertificateInput{CertificateName: aws.String("my-cert"), DomainName: aws.String("example.com")})
	wantTyped[*lightsailtypes.InvalidInputException](t, err, "already in use")
}

func TestSDKAgainstCloudMapMock(t *testing.T) {
	_, url := servicediscoverymock.NewTestServer(t, mockOptions()...)
	c := sdkservicediscovery.New(sdkservicediscovery.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	out, err := c.CreatePrivateDnsNamespace(ctx, &sdkservicediscovery.CreatePrivateDnsNamespaceInput{Name: aws.String("example.local"), Vpc: aws.String("vpc-1")})
	if err != nil || aws.ToString(out.OperationId) == "" {
		t.Fatalf("valid call: %v", err)
	}
	_, err = c.CreatePrivateDnsNamespace(ctx, &sdkservicediscovery.CreatePrivateDnsNamespaceInput{Name: aws.String("x.local")}, func(o *sdkservicediscovery.Options) {
		o.APIOptions = append(o.APIOptions, withoutSDKValidation)
	})
	wantTyped[*sdtypes.InvalidInput](t, err, "Vpc: is required")
	_, err = c.CreatePrivateDnsNamespace(ctx, &sdkservicediscovery.CreatePrivateDnsNamespaceInput{Name: aws.String(strings.Repeat("a", 254)), Vpc: aws.String("vpc-1")})
	wantTyped[*sdtypes.InvalidInput](t, err, "Name: length")
	_, err = c.CreatePrivateDnsNamespace(ctx, &sdkservicediscovery.CreatePrivateDnsNamespaceInput{Name: aws.String("example.local"), Vpc: aws.String("vpc-1")})
	wantTyped[*sdtypes.NamespaceAlreadyExists](t, err, "example.local")
}

func TestSDKSignatureProblemsAreAWSErrors(t *testing.T) {
	_, url := vpclatticemock.NewTestServer(t, mockOptions()...)
	for _, tc := range []struct {
		name  string
		creds aws.CredentialsProvider
		code  string
	}{
		{"a wrong secret", aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "wrong"}, nil
		}), "InvalidSignatureException"},
		{"an unknown key", aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: "AKIDOTHER", SecretAccessKey: "wrong"}, nil
		}), "UnrecognizedClientException"},
		{"no credentials", aws.AnonymousCredentials{}, "MissingAuthenticationTokenException"},
	} {
		t.Run(tc.name+" is "+tc.code, func(t *testing.T) {
			c := sdkvpclattice.New(sdkvpclattice.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: tc.creds, RetryMaxAttempts: 1})
			_, err := c.CreateService(t.Context(), &sdkvpclattice.CreateServiceInput{Name: aws.String("signed")})
			var ae smithy.APIError
			if !errors.As(err, &ae) || ae.ErrorCode() != tc.code {
				t.Errorf("got %v, want %s", err, tc.code)
			}
		})
	}
}

func TestSDKSeesTheQuotaErrorPastTheMocksLimit(t *testing.T) {
	_, url := vpclatticemock.NewTestServer(t, append(mockOptions(), mockrt.WithMaxResources(1))...)
	c := sdkvpclattice.New(sdkvpclattice.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	if _, err := c.CreateService(t.Context(), &sdkvpclattice.CreateServiceInput{Name: aws.String("first")}); err != nil {
		t.Fatal(err)
	}
	_, err := c.CreateService(t.Context(), &sdkvpclattice.CreateServiceInput{Name: aws.String("second")})
	qe := wantTyped[*vltypes.ServiceQuotaExceededException](t, err, "limit of 1 resources")
	if aws.ToString(qe.ResourceType) != "SERVICE" || aws.ToString(qe.ServiceCode) != "vpc-lattice" || aws.ToString(qe.QuotaCode) == "" {
		t.Errorf("quota error resourceType %q serviceCode %q quotaCode %q, want every required member", aws.ToString(qe.ResourceType), aws.ToString(qe.ServiceCode), aws.ToString(qe.QuotaCode))
	}
}

func TestSDKSeesCloudMapNamespaceAlreadyExistsWithItsIDs(t *testing.T) {
	_, url := servicediscoverymock.NewTestServer(t, mockOptions()...)
	c := sdkservicediscovery.New(sdkservicediscovery.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	in := &sdkservicediscovery.CreatePrivateDnsNamespaceInput{Name: aws.String("ids.local"), Vpc: aws.String("vpc-1"), CreatorRequestId: aws.String("first-request")}
	if _, err := c.CreatePrivateDnsNamespace(t.Context(), in); err != nil {
		t.Fatal(err)
	}
	in.CreatorRequestId = aws.String("second-request")
	_, err := c.CreatePrivateDnsNamespace(t.Context(), in)
	nae := wantTyped[*sdtypes.NamespaceAlreadyExists](t, err, "ids.local")
	if aws.ToString(nae.CreatorRequestId) != "first-request" || !regexp.MustCompile(`^ns-[a-z0-9]{16}$`).MatchString(aws.ToString(nae.NamespaceId)) {
		t.Errorf("NamespaceAlreadyExists CreatorRequestId %q NamespaceId %q, want first-request and an ns- id", aws.ToString(nae.CreatorRequestId), aws.ToString(nae.NamespaceId))
	}
}

func TestSDKSeesAnECSClusterByNameOrARNAsOneCluster(t *testing.T) {
	_, url := ecsmock.NewTestServer(t, mockOptions()...)
	c := sdkecs.New(sdkecs.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	in := func(cluster string) *sdkecs.CreateExpressGatewayServiceInput {
		return &sdkecs.CreateExpressGatewayServiceInput{
			Cluster:               aws.String(cluster),
			ServiceName:           aws.String("web"),
			ExecutionRoleArn:      aws.String("arn:aws:iam::123456789012:role/exec"),
			InfrastructureRoleArn: aws.String("arn:aws:iam::123456789012:role/infra"),
			PrimaryContainer:      &ecstypes.ExpressGatewayContainer{Image: aws.String("nginx")},
		}
	}
	out, err := c.CreateExpressGatewayService(t.Context(), in("arn:aws:ecs:us-west-2:123456789012:cluster/prod"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := aws.ToString(out.Service.Cluster), "arn:aws:ecs:us-west-2:123456789012:cluster/prod"; got != want {
		t.Errorf("cluster %q, want %q", got, want)
	}
	if got, want := aws.ToString(out.Service.ServiceArn), "arn:aws:ecs:us-west-2:123456789012:service/prod/web"; got != want {
		t.Errorf("service ARN %q, want %q", got, want)
	}
	_, err = c.CreateExpressGatewayService(t.Context(), in("prod"))
	wantTyped[*ecstypes.InvalidParameterException](t, err, "not idempotent")
}
