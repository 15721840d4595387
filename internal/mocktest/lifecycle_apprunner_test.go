package mocktest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/apprunner"
	"github.com/specgen/specgen/gen/apprunner/apprunnermock"
	"github.com/specgen/specgen/specrt/mockrt"
)

// TestAppRunnerLifecycle drives App Runner's generated client against its
// generated mock: the seed's CreateService (its mock block shapes the
// answer and the description kept), the services' asynchronous operations
// (OPERATION_IN_PROGRESS, then RUNNING or PAUSED, on a clock the test
// moves), auto scaling configurations and connections.
func TestAppRunnerLifecycle(t *testing.T) {
	ctx := t.Context()
	clock := mockrt.NewManualClock(manualStart)
	_, url := apprunnermock.NewTestServer(t, mockrt.WithClock(clock.Now))
	c := apprunner.New(options(url))
	source := &apprunner.SourceConfiguration{ImageRepository: &apprunner.ImageRepository{
		ImageIdentifier: new("public.ecr.aws/aws-containers/hello-app-runner:latest"), ImageRepositoryType: apprunner.ImageRepositoryTypeEcrPublic}}

	var arns, names, opIDs []string
	for i := range 5 {
		name := fmt.Sprintf("web-%d", i)
		out := must(c.CreateService(ctx, &apprunner.CreateServiceInput{ServiceName: &name, SourceConfiguration: source,
			Tags: []apprunner.Tag{{Key: new("team"), Value: new("a")}}}))(t)
		if out.Service.Status != apprunner.ServiceStatusOperationInProgress || out.OperationID == nil {
			t.Errorf("new service: %s, operation %v; want OPERATION_IN_PROGRESS and an operation id", out.Service.Status, out.OperationID)
		}
		arns, names, opIDs = append(arns, *out.Service.ServiceARN), append(names, name), append(opIDs, *out.OperationID)
	}
	operations := func(t *testing.T, arn string) []string {
		t.Helper()
		var got []string
		for _, op := range must(c.ListOperations(ctx, &apprunner.ListOperationsInput{ServiceARN: &arn}))(t).OperationSummaryList {
			got = append(got, fmt.Sprintf("%s %s %s %s", *op.ID, op.Type, op.Status, *op.TargetARN))
		}
		return got
	}
	t.Run("a service's operations list the create's, IN_PROGRESS", func(t *testing.T) {
		want := []string{opIDs[1] + " CREATE_SERVICE IN_PROGRESS " + arns[1]}
		if diff := cmp.Diff(want, operations(t, arns[1])); diff != "" {
			t.Errorf("ListOperations (-want +got):\n%s", diff)
		}
	})
	describe := func(t *testing.T, arn string) *apprunner.Service {
		t.Helper()
		return must(c.DescribeService(ctx, &apprunner.DescribeServiceInput{ServiceARN: &arn}))(t).Service
	}
	t.Run("a name already taken answers the seed's InvalidRequestException", func(t *testing.T) {
		_, err := c.CreateService(ctx, &apprunner.CreateServiceInput{ServiceName: new("web-0"), SourceConfiguration: source})
		wantCode(t, "second web-0", err, "InvalidRequestException")
	})
	t.Run("the service is read by ARN as the seed's mock block built it", func(t *testing.T) {
		s := describe(t, arns[0])
		if !strings.HasPrefix(*s.ServiceARN, "arn:aws:apprunner:us-east-1:123456789012:service/web-0/") || !strings.HasSuffix(*s.ServiceARN, *s.ServiceID) {
			t.Errorf("ARN %s, id %s", *s.ServiceARN, *s.ServiceID)
		}
		got := []string{*s.InstanceConfiguration.CPU, *s.InstanceConfiguration.Memory, string(s.HealthCheckConfiguration.Protocol), string(s.Status)}
		if diff := cmp.Diff([]string{"1 vCPU", "2 GB", "TCP", "OPERATION_IN_PROGRESS"}, got); diff != "" {
			t.Errorf("described (-want +got):\n%s", diff)
		}
	})
	ended := func(t *testing.T, arn string) []*time.Time {
		t.Helper()
		var got []*time.Time
		for _, op := range must(c.ListOperations(ctx, &apprunner.ListOperationsInput{ServiceARN: &arn}))(t).OperationSummaryList {
			got = append(got, op.EndedAt)
		}
		return got
	}
	t.Run("an operation in progress has not ended", func(t *testing.T) {
		if diff := cmp.Diff([]*time.Time{nil}, ended(t, arns[0])); diff != "" {
			t.Errorf("EndedAt (-want +got):\n%s", diff)
		}
	})
	t.Run("the service is RUNNING once the operation is over", func(t *testing.T) {
		clock.Advance(time.Second)
		done := manualStart.Add(time.Second)
		if diff := cmp.Diff([]*time.Time{&done}, ended(t, arns[0])); diff != "" {
			t.Errorf("EndedAt once over (-want +got):\n%s", diff)
		}
		if s := describe(t, arns[0]); s.Status != apprunner.ServiceStatusRunning {
			t.Errorf("status %s, want RUNNING", s.Status)
		}
		want := []string{opIDs[0] + " CREATE_SERVICE SUCCEEDED " + arns[0]}
		if diff := cmp.Diff(want, operations(t, arns[0])); diff != "" {
			t.Errorf("ListOperations (-want +got):\n%s", diff)
		}
	})
	t.Run("the services list in pages of two", func(t *testing.T) {
		p := apprunner.NewListServicesPaginator(c, &apprunner.ListServicesInput{MaxResults: new(int32(2))})
		var got []string
		pages := 0
		for p.HasMorePages() {
			out := must(p.NextPage(ctx))(t)
			pages++
			for _, s := range out.ServiceSummaryList {
				got = append(got, *s.ServiceName)
			}
		}
		if diff := cmp.Diff(names, got); diff != "" {
			t.Errorf("listed (-want +got):\n%s", diff)
		}
		if pages != 3 {
			t.Errorf("%d pages, want 3", pages)
		}
	})
	t.Run("tags given at create are listed, added and removed by ARN", func(t *testing.T) {
		must(c.TagResource(ctx, &apprunner.TagResourceInput{ResourceARN: &arns[1], Tags: []apprunner.Tag{{Key: new("env"), Value: new("test")}}}))(t)
		tags := func() []apprunner.Tag {
			return must(c.ListTagsForResource(ctx, &apprunner.ListTagsForResourceInput{ResourceARN: &arns[1]}))(t).Tags
		}
		if diff := cmp.Diff([]apprunner.Tag{{Key: new("env"), Value: new("test")}, {Key: new("team"), Value: new("a")}}, tags()); diff != "" {
			t.Errorf("tags (-want +got):\n%s", diff)
		}
		must(c.UntagResource(ctx, &apprunner.UntagResourceInput{ResourceARN: &arns[1], TagKeys: []string{"team"}}))(t)
		if diff := cmp.Diff([]apprunner.Tag{{Key: new("env"), Value: new("test")}}, tags()); diff != "" {
			t.Errorf("tags after untag (-want +got):\n%s", diff)
		}
	})
	t.Run("an update runs as an operation and changes the instance", func(t *testing.T) {
		out := must(c.UpdateService(ctx, &apprunner.UpdateServiceInput{ServiceARN: &arns[2], InstanceConfiguration: &apprunner.InstanceConfiguration{CPU: new("2 vCPU"), Memory: new("4 GB")}}))(t)
		if out.Service.Status != apprunner.ServiceStatusOperationInProgress {
			t.Errorf("updating: %s, want OPERATION_IN_PROGRESS", out.Service.Status)
		}
		want := []string{*out.OperationID + " UPDATE_SERVICE IN_PROGRESS " + arns[2], opIDs[2] + " CREATE_SERVICE SUCCEEDED " + arns[2]}
		if diff := cmp.Diff(want, operations(t, arns[2])); diff != "" {
			t.Errorf("ListOperations while updating (-want +got):\n%s", diff)
		}
		clock.Advance(time.Second)
		s := describe(t, arns[2])
		if s.Status != apprunner.ServiceStatusRunning || *s.InstanceConfiguration.CPU != "2 vCPU" {
			t.Errorf("updated: %s %s, want RUNNING with 2 vCPU", s.Status, *s.InstanceConfiguration.CPU)
		}
		want[0] = *out.OperationID + " UPDATE_SERVICE SUCCEEDED " + arns[2]
		if diff := cmp.Diff(want, operations(t, arns[2])); diff != "" {
			t.Errorf("ListOperations once updated (-want +got):\n%s", diff)
		}
	})
	t.Run("a service pauses and resumes, each an operation listed newest first", func(t *testing.T) {
		pause := must(c.PauseService(ctx, &apprunner.PauseServiceInput{ServiceARN: &arns[3]}))(t)
		clock.Advance(time.Second)
		if s := describe(t, arns[3]); s.Status != apprunner.ServiceStatusPaused {
			t.Errorf("paused: %s", s.Status)
		}
		resume := must(c.ResumeService(ctx, &apprunner.ResumeServiceInput{ServiceARN: &arns[3]}))(t)
		want := []string{
			*resume.OperationID + " RESUME_SERVICE IN_PROGRESS " + arns[3],
			*pause.OperationID + " PAUSE_SERVICE SUCCEEDED " + arns[3],
			opIDs[3] + " CREATE_SERVICE SUCCEEDED " + arns[3],
		}
		if diff := cmp.Diff(want, operations(t, arns[3])); diff != "" {
			t.Errorf("ListOperations while resuming (-want +got):\n%s", diff)
		}
		clock.Advance(time.Second)
		if s := describe(t, arns[3]); s.Status != apprunner.ServiceStatusRunning {
			t.Errorf("resumed: %s", s.Status)
		}
		want[0] = *resume.OperationID + " RESUME_SERVICE SUCCEEDED " + arns[3]
		if diff := cmp.Diff(want, operations(t, arns[3])); diff != "" {
			t.Errorf("ListOperations once resumed (-want +got):\n%s", diff)
		}
	})
	t.Run("operations page newest first", func(t *testing.T) {
		var got []string
		in := &apprunner.ListOperationsInput{ServiceARN: &arns[3], MaxResults: new(int32(2))}
		for pages := 0; ; pages++ {
			if pages == 3 {
				t.Fatal("more than 3 pages")
			}
			out := must(c.ListOperations(ctx, in))(t)
			for _, op := range out.OperationSummaryList {
				got = append(got, string(op.Type))
			}
			if in.NextToken = out.NextToken; in.NextToken == nil {
				break
			}
		}
		if diff := cmp.Diff([]string{"RESUME_SERVICE", "PAUSE_SERVICE", "CREATE_SERVICE"}, got); diff != "" {
			t.Errorf("pages (-want +got):\n%s", diff)
		}
	})
	t.Run("a deleted service is gone once the operation is over", func(t *testing.T) {
		out := must(c.DeleteService(ctx, &apprunner.DeleteServiceInput{ServiceARN: &arns[4]}))(t)
		if out.Service.Status != apprunner.ServiceStatusOperationInProgress || out.OperationID == nil {
			t.Fatalf("deleting: %s, operation %v", out.Service.Status, out.OperationID)
		}
		want := []string{*out.OperationID + " DELETE_SERVICE IN_PROGRESS " + arns[4], opIDs[4] + " CREATE_SERVICE SUCCEEDED " + arns[4]}
		if diff := cmp.Diff(want, operations(t, arns[4])); diff != "" {
			t.Errorf("ListOperations while deleting (-want +got):\n%s", diff)
		}
		clock.Advance(time.Second)
		_, err := c.DescribeService(ctx, &apprunner.DescribeServiceInput{ServiceARN: &arns[4]})
		wantCode(t, "the deleted service", err, "ResourceNotFoundException")
		want[0] = *out.OperationID + " DELETE_SERVICE SUCCEEDED " + arns[4]
		if diff := cmp.Diff(want, operations(t, arns[4])); diff != "" {
			t.Errorf("ListOperations once deleted (-want +got):\n%s", diff)
		}
	})
	t.Run("an auto scaling configuration is created, read by ARN and deleted", func(t *testing.T) {
		asc := must(c.CreateAutoScalingConfiguration(ctx, &apprunner.CreateAutoScalingConfigurationInput{AutoScalingConfigurationName: new("small"), MaxSize: new(int32(3))}))(t).AutoScalingConfiguration
		if !strings.HasPrefix(*asc.AutoScalingConfigurationARN, "arn:aws:apprunner:us-east-1:123456789012:autoscalingconfiguration/small/1/") || *asc.AutoScalingConfigurationRevision != 1 || asc.Status != "ACTIVE" {
			t.Errorf("created %s revision %d %s", *asc.AutoScalingConfigurationARN, *asc.AutoScalingConfigurationRevision, asc.Status)
		}
		_, err := c.CreateAutoScalingConfiguration(ctx, &apprunner.CreateAutoScalingConfigurationInput{AutoScalingConfigurationName: new("small")})
		wantCode(t, "second small", err, "InvalidRequestException")
		got := must(c.DescribeAutoScalingConfiguration(ctx, &apprunner.DescribeAutoScalingConfigurationInput{AutoScalingConfigurationARN: asc.AutoScalingConfigurationARN}))(t).AutoScalingConfiguration
		if *got.MaxSize != 3 {
			t.Errorf("max size %d, want 3", *got.MaxSize)
		}
		must(c.DeleteAutoScalingConfiguration(ctx, &apprunner.DeleteAutoScalingConfigurationInput{AutoScalingConfigurationARN: asc.AutoScalingConfigurationARN}))(t)
		_, err = c.DescribeAutoScalingConfiguration(ctx, &apprunner.DescribeAutoScalingConfigurationInput{AutoScalingConfigurationARN: asc.AutoScalingConfigurationARN})
		wantCode(t, "the deleted configuration", err, "ResourceNotFoundException")
	})
	t.Run("a connection waits for its handshake and is listed by name", func(t *testing.T) {
		conn := must(c.CreateConnection(ctx, &apprunner.CreateConnectionInput{ConnectionName: new("github"), ProviderType: apprunner.ProviderTypeGithub}))(t).Connection
		must(c.CreateConnection(ctx, &apprunner.CreateConnectionInput{ConnectionName: new("other"), ProviderType: apprunner.ProviderTypeGithub}))(t)
		if conn.Status != apprunner.ConnectionStatusPendingHandshake {
			t.Errorf("new connection: %s", conn.Status)
		}
		clock.Advance(time.Second)
		got := must(c.ListConnections(ctx, &apprunner.ListConnectionsInput{ConnectionName: new("github")}))(t).ConnectionSummaryList
		if len(got) != 1 || *got[0].ConnectionARN != *conn.ConnectionARN || got[0].Status != apprunner.ConnectionStatusAvailable {
			t.Errorf("listed by name: %+v, want github AVAILABLE", got)
		}
		must(c.DeleteConnection(ctx, &apprunner.DeleteConnectionInput{ConnectionARN: conn.ConnectionARN}))(t)
		_, err := c.DeleteConnection(ctx, &apprunner.DeleteConnectionInput{ConnectionARN: conn.ConnectionARN})
		wantCode(t, "the deleted connection", err, "ResourceNotFoundException")
	})
}
