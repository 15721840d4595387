package compat

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdkapprunner "github.com/aws/aws-sdk-go-v2/service/apprunner"
	apprunnertypes "github.com/aws/aws-sdk-go-v2/service/apprunner/types"
	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/apprunner/apprunnermock"
)

func appRunnerServiceInput(name string) *sdkapprunner.CreateServiceInput {
	return &sdkapprunner.CreateServiceInput{
		ServiceName: aws.String(name),
		SourceConfiguration: &apprunnertypes.SourceConfiguration{ImageRepository: &apprunnertypes.ImageRepository{
			ImageIdentifier:     aws.String("public.ecr.aws/aws-containers/hello-app-runner:latest"),
			ImageRepositoryType: apprunnertypes.ImageRepositoryTypeEcrPublic,
		}},
	}
}

// TestSDKAppRunnerLifecycle: App Runner's model has no waiters and reads a
// service by ARN only; statuses move on the mock's clock, which the
// scenario advances before reading again.
func TestSDKAppRunnerLifecycle(t *testing.T) {
	srv, url := apprunnermock.NewTestServer(t, mockOptions()...)
	requireResources(t, srv.Server, "Service")
	c := sdkapprunner.New(sdkapprunner.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	describe := func(t *testing.T, arn string) *apprunnertypes.Service {
		t.Helper()
		out, err := c.DescribeService(ctx, &sdkapprunner.DescribeServiceInput{ServiceArn: aws.String(arn)})
		if err != nil {
			t.Fatalf("DescribeService: %v", err)
		}
		return out.Service
	}

	in := appRunnerServiceInput("frontend")
	in.Tags = []apprunnertypes.Tag{{Key: aws.String("team"), Value: aws.String("a")}}
	created, err := c.CreateService(ctx, in)
	if err != nil {
		t.Fatalf("CreateService: %v", err)
	}
	svc := created.Service
	arn := aws.ToString(svc.ServiceArn)
	wantARN := regexp.MustCompile(`^arn:aws:apprunner:us-west-2:123456789012:service/frontend/[0-9a-f]{32}$`)
	if !wantARN.MatchString(arn) || svc.Status != apprunnertypes.ServiceStatusOperationInProgress || aws.ToString(created.OperationId) == "" {
		t.Errorf("CreateService answered ARN %q status %q operation %q, want service/frontend/<32 hex> OPERATION_IN_PROGRESS and an operation id",
			arn, svc.Status, aws.ToString(created.OperationId))
	}

	t.Run("the service read by ARN echoes what created it and becomes RUNNING", func(t *testing.T) {
		got := describe(t, arn)
		if diff := cmp.Diff([]string{"frontend", aws.ToString(svc.ServiceId), "public.ecr.aws/aws-containers/hello-app-runner:latest"},
			[]string{aws.ToString(got.ServiceName), aws.ToString(got.ServiceId), aws.ToString(got.SourceConfiguration.ImageRepository.ImageIdentifier)}); diff != "" {
			t.Errorf("DescribeService (-want +got):\n%s", diff)
		}
		srv.AdvanceClock(time.Hour)
		if got := describe(t, arn).Status; got != apprunnertypes.ServiceStatusRunning {
			t.Errorf("status after the delay %q, want RUNNING", got)
		}
	})
	t.Run("ListOperations lists the create's operation", func(t *testing.T) {
		out, err := c.ListOperations(ctx, &sdkapprunner.ListOperationsInput{ServiceArn: aws.String(arn)})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, op := range out.OperationSummaryList {
			got = append(got, aws.ToString(op.Id)+" "+string(op.Type))
		}
		if diff := cmp.Diff([]string{aws.ToString(created.OperationId) + " CREATE_SERVICE"}, got); diff != "" {
			t.Errorf("operations (-want +got):\n%s", diff)
		}
	})
	t.Run("a second service of the same name is an InvalidRequestException", func(t *testing.T) {
		_, err := c.CreateService(ctx, appRunnerServiceInput("frontend"))
		wantSDKError[*apprunnertypes.InvalidRequestException](t, "second frontend", err)
	})
	t.Run("the SDK's paginator lists the services in pages of two", func(t *testing.T) {
		want := []string{"frontend"}
		for i := range 4 {
			name := fmt.Sprintf("backend-%d", i)
			if _, err := c.CreateService(ctx, appRunnerServiceInput(name)); err != nil {
				t.Fatal(err)
			}
			want = append(want, name)
		}
		p := sdkapprunner.NewListServicesPaginator(c, &sdkapprunner.ListServicesInput{MaxResults: aws.Int32(2)})
		var got []string
		pages := 0
		for p.HasMorePages() {
			out, err := p.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			pages++
			for _, s := range out.ServiceSummaryList {
				got = append(got, aws.ToString(s.ServiceName))
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("listed (-want +got):\n%s", diff)
		}
		if pages != 3 {
			t.Errorf("%d pages, want 3", pages)
		}
	})
	t.Run("the service's tags are listed, added and removed by ARN", func(t *testing.T) {
		tags := func() []string {
			out, err := c.ListTagsForResource(ctx, &sdkapprunner.ListTagsForResourceInput{ResourceArn: aws.String(arn)})
			if err != nil {
				t.Fatal(err)
			}
			var kv []string
			for _, tag := range out.Tags {
				kv = append(kv, aws.ToString(tag.Key)+"="+aws.ToString(tag.Value))
			}
			return kv
		}
		if diff := cmp.Diff([]string{"team=a"}, tags()); diff != "" {
			t.Errorf("tags given at create (-want +got):\n%s", diff)
		}
		if _, err := c.TagResource(ctx, &sdkapprunner.TagResourceInput{ResourceArn: aws.String(arn), Tags: []apprunnertypes.Tag{{Key: aws.String("env"), Value: aws.String("test")}}}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"env=test", "team=a"}, tags(), sortStrings); diff != "" {
			t.Errorf("tags after TagResource (-want +got):\n%s", diff)
		}
		if _, err := c.UntagResource(ctx, &sdkapprunner.UntagResourceInput{ResourceArn: aws.String(arn), TagKeys: []string{"team"}}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"env=test"}, tags()); diff != "" {
			t.Errorf("tags after UntagResource (-want +got):\n%s", diff)
		}
	})
	t.Run("an update of the instance size is kept and the service is RUNNING again", func(t *testing.T) {
		out, err := c.UpdateService(ctx, &sdkapprunner.UpdateServiceInput{ServiceArn: aws.String(arn),
			InstanceConfiguration: &apprunnertypes.InstanceConfiguration{Cpu: aws.String("2048"), Memory: aws.String("4096")}})
		if err != nil {
			t.Fatal(err)
		}
		if out.Service.Status != apprunnertypes.ServiceStatusOperationInProgress {
			t.Errorf("UpdateService answered status %q, want OPERATION_IN_PROGRESS", out.Service.Status)
		}
		srv.AdvanceClock(time.Hour)
		got := describe(t, arn)
		if aws.ToString(got.InstanceConfiguration.Cpu) != "2048" || aws.ToString(got.InstanceConfiguration.Memory) != "4096" || got.Status != apprunnertypes.ServiceStatusRunning {
			t.Errorf("after update: cpu %q memory %q status %q, want 2048 4096 RUNNING",
				aws.ToString(got.InstanceConfiguration.Cpu), aws.ToString(got.InstanceConfiguration.Memory), got.Status)
		}
	})
	var opIDs []string
	t.Run("pause and resume pass through PAUSED back to RUNNING", func(t *testing.T) {
		pause, err := c.PauseService(ctx, &sdkapprunner.PauseServiceInput{ServiceArn: aws.String(arn)})
		if err != nil {
			t.Fatal(err)
		}
		srv.AdvanceClock(time.Hour)
		if got := describe(t, arn).Status; got != apprunnertypes.ServiceStatusPaused {
			t.Errorf("after pause %q, want PAUSED", got)
		}
		resume, err := c.ResumeService(ctx, &sdkapprunner.ResumeServiceInput{ServiceArn: aws.String(arn)})
		if err != nil {
			t.Fatal(err)
		}
		srv.AdvanceClock(time.Hour)
		if got := describe(t, arn).Status; got != apprunnertypes.ServiceStatusRunning {
			t.Errorf("after resume %q, want RUNNING", got)
		}
		opIDs = []string{aws.ToString(resume.OperationId), aws.ToString(pause.OperationId)}
	})
	t.Run("ListOperations lists every operation, newest first, each SUCCEEDED", func(t *testing.T) {
		if len(opIDs) == 0 {
			t.Skip("pause and resume failed")
		}
		out, err := c.ListOperations(ctx, &sdkapprunner.ListOperationsInput{ServiceArn: aws.String(arn)})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, op := range out.OperationSummaryList {
			got = append(got, string(op.Type)+" "+string(op.Status))
			if op.Type == apprunnertypes.OperationTypeResumeService && aws.ToString(op.Id) != opIDs[0] ||
				op.Type == apprunnertypes.OperationTypePauseService && aws.ToString(op.Id) != opIDs[1] {
				t.Errorf("%s has id %s, not the one its answer gave", op.Type, aws.ToString(op.Id))
			}
		}
		want := []string{"RESUME_SERVICE SUCCEEDED", "PAUSE_SERVICE SUCCEEDED", "UPDATE_SERVICE SUCCEEDED", "CREATE_SERVICE SUCCEEDED"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("operations (-want +got):\n%s", diff)
		}
	})
	t.Run("a deleted service is then a ResourceNotFoundException", func(t *testing.T) {
		if _, err := c.DeleteService(ctx, &sdkapprunner.DeleteServiceInput{ServiceArn: aws.String(arn)}); err != nil {
			t.Fatal(err)
		}
		srv.AdvanceClock(time.Hour)
		_, err := c.DescribeService(ctx, &sdkapprunner.DescribeServiceInput{ServiceArn: aws.String(arn)})
		wantSDKError[*apprunnertypes.ResourceNotFoundException](t, "deleted service", err)
		_, err = c.DeleteService(ctx, &sdkapprunner.DeleteServiceInput{ServiceArn: aws.String(arn)})
		wantSDKError[*apprunnertypes.ResourceNotFoundException](t, "deleted again", err)
	})
}
