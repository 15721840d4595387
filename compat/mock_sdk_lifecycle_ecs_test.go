package compat

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdkecs "github.com/aws/aws-sdk-go-v2/service/ecs"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/ecs/ecsmock"
	"github.com/specgen/specgen/specrt/mockrt"
)

// ECS through the AWS SDK for Go v2 and its own waiters (the model has
// nine). Transitions take an hour of the mock's resource time, which moves
// only when told: each waiter is given a Retryable that, when the SDK's
// acceptors say "retry", advances it past the transition before the next
// poll (Server.AdvanceClock, which leaves the SigV4 clock alone). So each
// waiter sees the transitional status, polls again, and meets its success
// acceptor: deterministic, with no sleep but the waiter's own (MinDelay, a
// few milliseconds).

// waiterPolls counts the polls a waiter retried after and moves the clock
// forward at each, so that the next poll sees the next status.
type waiterPolls struct {
	srv     *mockrt.Server
	retries int
}

// saw notes one answer of the waiter's acceptors: on "retry", the clock
// moves past any pending transition.
func (w *waiterPolls) saw(retry bool, err error) (bool, error) {
	if retry && err == nil {
		w.retries++
		w.srv.AdvanceClock(ecsTransition)
	}
	return retry, err
}

const (
	ecsTransition  = time.Hour
	waiterMinDelay = 5 * time.Millisecond
	waiterMaxDelay = 20 * time.Millisecond
	waiterMaxWait  = 30 * time.Second
)

func servicesStable(w *waiterPolls) func(*sdkecs.ServicesStableWaiterOptions) {
	return func(o *sdkecs.ServicesStableWaiterOptions) {
		o.MinDelay, o.MaxDelay = waiterMinDelay, waiterMaxDelay
		inner := o.Retryable
		o.Retryable = func(ctx context.Context, in *sdkecs.DescribeServicesInput, out *sdkecs.DescribeServicesOutput, err error) (bool, error) {
			return w.saw(inner(ctx, in, out, err))
		}
	}
}

func servicesInactive(w *waiterPolls) func(*sdkecs.ServicesInactiveWaiterOptions) {
	return func(o *sdkecs.ServicesInactiveWaiterOptions) {
		o.MinDelay, o.MaxDelay = waiterMinDelay, waiterMaxDelay
		inner := o.Retryable
		o.Retryable = func(ctx context.Context, in *sdkecs.DescribeServicesInput, out *sdkecs.DescribeServicesOutput, err error) (bool, error) {
			return w.saw(inner(ctx, in, out, err))
		}
	}
}

func tasksRunning(w *waiterPolls) func(*sdkecs.TasksRunningWaiterOptions) {
	return func(o *sdkecs.TasksRunningWaiterOptions) {
		o.MinDelay, o.MaxDelay = waiterMinDelay, waiterMaxDelay
		inner := o.Retryable
		o.Retryable = func(ctx context.Context, in *sdkecs.DescribeTasksInput, out *sdkecs.DescribeTasksOutput, err error) (bool, error) {
			return w.saw(inner(ctx, in, out, err))
		}
	}
}

func tasksStopped(w *waiterPolls) func(*sdkecs.TasksStoppedWaiterOptions) {
	return func(o *sdkecs.TasksStoppedWaiterOptions) {
		o.MinDelay, o.MaxDelay = waiterMinDelay, waiterMaxDelay
		inner := o.Retryable
		o.Retryable = func(ctx context.Context, in *sdkecs.DescribeTasksInput, out *sdkecs.DescribeTasksOutput, err error) (bool, error) {
			return w.saw(inner(ctx, in, out, err))
		}
	}
}

func TestSDKECSLifecycle(t *testing.T) {
	srv, url := ecsmock.NewTestServer(t, append(mockOptions(), mockrt.WithTransitionDelay(ecsTransition))...)
	requireResources(t, srv.Server, "Cluster", "Service")
	c := sdkecs.New(sdkecs.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	const prefix = "arn:aws:ecs:us-west-2:123456789012:"

	created, err := c.CreateCluster(ctx, &sdkecs.CreateClusterInput{ClusterName: aws.String("web"), Tags: []ecstypes.Tag{{Key: aws.String("team"), Value: aws.String("a")}}})
	if err != nil {
		t.Fatalf("CreateCluster: %v", err)
	}
	clusterARN := prefix + "cluster/web"
	if got := created.Cluster; got == nil || aws.ToString(got.ClusterArn) != clusterARN || aws.ToString(got.Status) != "ACTIVE" {
		t.Errorf("CreateCluster answered %+v, want ARN %s and status ACTIVE", got, clusterARN)
	}

	t.Run("the cluster reads the same by name and by ARN", func(t *testing.T) {
		out, err := c.DescribeClusters(ctx, &sdkecs.DescribeClustersInput{Clusters: []string{"web", clusterARN}})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, cl := range out.Clusters {
			got = append(got, aws.ToString(cl.ClusterName)+" "+aws.ToString(cl.ClusterArn)+" "+aws.ToString(cl.Status))
		}
		want := []string{"web " + clusterARN + " ACTIVE", "web " + clusterARN + " ACTIVE"}
		if diff := cmp.Diff(want, got); diff != "" || len(out.Failures) != 0 {
			t.Errorf("DescribeClusters (-want +got):\n%s\nfailures %+v", diff, out.Failures)
		}
	})
	t.Run("an unknown cluster is a MISSING failure, as ECS answers", func(t *testing.T) {
		out, err := c.DescribeClusters(ctx, &sdkecs.DescribeClustersInput{Clusters: []string{"nowhere"}})
		if err != nil {
			t.Fatal(err)
		}
		if len(out.Clusters) != 0 || len(out.Failures) != 1 || aws.ToString(out.Failures[0].Reason) != "MISSING" {
			t.Errorf("clusters %+v failures %+v, want none and one MISSING", out.Clusters, out.Failures)
		}
	})
	t.Run("the SDK's paginator lists the clusters' ARNs in pages of two", func(t *testing.T) {
		want := []string{clusterARN}
		for i := range 4 {
			name := fmt.Sprintf("batch-%d", i)
			if _, err := c.CreateCluster(ctx, &sdkecs.CreateClusterInput{ClusterName: aws.String(name)}); err != nil {
				t.Fatal(err)
			}
			want = append(want, prefix+"cluster/"+name)
		}
		p := sdkecs.NewListClustersPaginator(c, &sdkecs.ListClustersInput{MaxResults: aws.Int32(2)})
		var got []string
		pages := 0
		for p.HasMorePages() {
			out, err := p.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			pages++
			got = append(got, out.ClusterArns...)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("listed (-want +got):\n%s", diff)
		}
		if pages != 3 {
			t.Errorf("%d pages, want 3", pages)
		}
	})

	if _, err := c.RegisterTaskDefinition(ctx, &sdkecs.RegisterTaskDefinitionInput{
		Family: aws.String("api"),
		ContainerDefinitions: []ecstypes.ContainerDefinition{{
			Name: aws.String("api"), Image: aws.String("public.ecr.aws/nginx/nginx:latest"), Memory: aws.Int32(256),
		}},
	}); err != nil {
		t.Fatalf("RegisterTaskDefinition: %v", err)
	}
	svc, err := c.CreateService(ctx, &sdkecs.CreateServiceInput{
		Cluster: aws.String("web"), ServiceName: aws.String("api"), TaskDefinition: aws.String("api"), DesiredCount: aws.Int32(2),
		Tags: []ecstypes.Tag{{Key: aws.String("team"), Value: aws.String("a")}},
	})
	if err != nil {
		t.Fatalf("CreateService: %v", err)
	}
	serviceARN := prefix + "service/web/api"
	if got := svc.Service; got == nil || aws.ToString(got.ServiceArn) != serviceARN || aws.ToString(got.ClusterArn) != clusterARN {
		t.Errorf("CreateService answered %+v, want ARN %s in cluster %s", got, serviceARN, clusterARN)
	}
	describe := &sdkecs.DescribeServicesInput{Cluster: aws.String("web"), Services: []string{"api"}}

	t.Run("the SDK's ServicesStable waiter finishes once the service's tasks run", func(t *testing.T) {
		w := &waiterPolls{srv: srv.Server}
		out, err := sdkecs.NewServicesStableWaiter(c).WaitForOutput(ctx, describe, waiterMaxWait, servicesStable(w))
		if err != nil {
			t.Fatal(err)
		}
		s := out.Services[0]
		if s.RunningCount != 2 || s.DesiredCount != 2 || len(s.Deployments) != 1 || aws.ToString(s.Status) != "ACTIVE" {
			t.Errorf("stable service: running %d desired %d deployments %d status %q, want 2 2 1 ACTIVE",
				s.RunningCount, s.DesiredCount, len(s.Deployments), aws.ToString(s.Status))
		}
		t.Logf("ServicesStable retried %d times", w.retries)
	})
	t.Run("the service reads the same by name and by ARN", func(t *testing.T) {
		out, err := c.DescribeServices(ctx, &sdkecs.DescribeServicesInput{Cluster: aws.String(clusterARN), Services: []string{"api", serviceARN}})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range out.Services {
			got = append(got, aws.ToString(s.ServiceName)+" "+aws.ToString(s.ServiceArn))
		}
		if diff := cmp.Diff([]string{"api " + serviceARN, "api " + serviceARN}, got); diff != "" {
			t.Errorf("DescribeServices (-want +got):\n%s", diff)
		}
	})
	t.Run("the SDK's paginator lists the cluster's services one a page", func(t *testing.T) {
		want := []string{serviceARN}
		for _, name := range []string{"worker", "cron"} {
			if _, err := c.CreateService(ctx, &sdkecs.CreateServiceInput{Cluster: aws.String("web"), ServiceName: aws.String(name), TaskDefinition: aws.String("api")}); err != nil {
				t.Fatal(err)
			}
			want = append(want, prefix+"service/web/"+name)
		}
		cl, err := c.DescribeClusters(ctx, &sdkecs.DescribeClustersInput{Clusters: []string{"web"}})
		if err != nil {
			t.Fatal(err)
		}
		if n := cl.Clusters[0].ActiveServicesCount; n != 3 {
			t.Errorf("the cluster counts %d active services, want 3", n)
		}
		p := sdkecs.NewListServicesPaginator(c, &sdkecs.ListServicesInput{Cluster: aws.String("web"), MaxResults: aws.Int32(1)})
		var got []string
		for p.HasMorePages() {
			out, err := p.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, out.ServiceArns...)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("listed (-want +got):\n%s", diff)
		}
	})
	t.Run("the service's tags are listed, added and removed by ARN", func(t *testing.T) {
		tags := func() []string {
			out, err := c.ListTagsForResource(ctx, &sdkecs.ListTagsForResourceInput{ResourceArn: aws.String(serviceARN)})
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
		if _, err := c.TagResource(ctx, &sdkecs.TagResourceInput{ResourceArn: aws.String(serviceARN), Tags: []ecstypes.Tag{{Key: aws.String("env"), Value: aws.String("test")}}}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"env=test", "team=a"}, tags(), sortStrings); diff != "" {
			t.Errorf("tags after TagResource (-want +got):\n%s", diff)
		}
		if _, err := c.UntagResource(ctx, &sdkecs.UntagResourceInput{ResourceArn: aws.String(serviceARN), TagKeys: []string{"team"}}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"env=test"}, tags()); diff != "" {
			t.Errorf("tags after UntagResource (-want +got):\n%s", diff)
		}
	})
	t.Run("an update of the desired count is stable again at the new count", func(t *testing.T) {
		if _, err := c.UpdateService(ctx, &sdkecs.UpdateServiceInput{Cluster: aws.String("web"), Service: aws.String("api"), DesiredCount: aws.Int32(3)}); err != nil {
			t.Fatal(err)
		}
		out, err := sdkecs.NewServicesStableWaiter(c).WaitForOutput(ctx, describe, waiterMaxWait, servicesStable(&waiterPolls{srv: srv.Server}))
		if err != nil {
			t.Fatal(err)
		}
		if s := out.Services[0]; s.DesiredCount != 3 || s.RunningCount != 3 {
			t.Errorf("desired %d running %d, want 3 3", s.DesiredCount, s.RunningCount)
		}
	})
	t.Run("an update of a service that does not exist is a ServiceNotFoundException", func(t *testing.T) {
		_, err := c.UpdateService(ctx, &sdkecs.UpdateServiceInput{Cluster: aws.String("web"), Service: aws.String("nope"), DesiredCount: aws.Int32(1)})
		wantSDKError[*ecstypes.ServiceNotFoundException](t, "update nope", err)
	})
	t.Run("a service in a cluster that does not exist is a ClusterNotFoundException", func(t *testing.T) {
		_, err := c.CreateService(ctx, &sdkecs.CreateServiceInput{Cluster: aws.String("nowhere"), ServiceName: aws.String("api"), TaskDefinition: aws.String("api")})
		wantSDKError[*ecstypes.ClusterNotFoundException](t, "service in nowhere", err)
	})
	t.Run("the SDK's TasksRunning and TasksStopped waiters follow a task", func(t *testing.T) {
		requireResources(t, srv.Server, "Task")
		run, err := c.RunTask(ctx, &sdkecs.RunTaskInput{Cluster: aws.String("web"), TaskDefinition: aws.String("api")})
		if err != nil {
			t.Fatal(err)
		}
		if len(run.Tasks) != 1 {
			t.Fatalf("RunTask answered %d tasks, want 1", len(run.Tasks))
		}
		task := aws.ToString(run.Tasks[0].TaskArn)
		in := &sdkecs.DescribeTasksInput{Cluster: aws.String("web"), Tasks: []string{task}}
		out, err := sdkecs.NewTasksRunningWaiter(c).WaitForOutput(ctx, in, waiterMaxWait, tasksRunning(&waiterPolls{srv: srv.Server}))
		if err != nil {
			t.Fatal(err)
		}
		if got := aws.ToString(out.Tasks[0].LastStatus); got != "RUNNING" {
			t.Errorf("lastStatus %q, want RUNNING", got)
		}
		if _, err := c.StopTask(ctx, &sdkecs.StopTaskInput{Cluster: aws.String("web"), Task: aws.String(task)}); err != nil {
			t.Fatal(err)
		}
		out, err = sdkecs.NewTasksStoppedWaiter(c).WaitForOutput(ctx, in, waiterMaxWait, tasksStopped(&waiterPolls{srv: srv.Server}))
		if err != nil {
			t.Fatal(err)
		}
		if got := aws.ToString(out.Tasks[0].LastStatus); got != "STOPPED" {
			t.Errorf("lastStatus %q, want STOPPED", got)
		}
	})
	t.Run("a deleted service drains, the SDK's ServicesInactive waiter sees it INACTIVE, and an update is refused as not active", func(t *testing.T) {
		out, err := c.DeleteService(ctx, &sdkecs.DeleteServiceInput{Cluster: aws.String("web"), Service: aws.String("api"), Force: aws.Bool(true)})
		if err != nil {
			t.Fatal(err)
		}
		if got := aws.ToString(out.Service.Status); got != "DRAINING" {
			t.Errorf("DeleteService answered status %q, want DRAINING", got)
		}
		w := &waiterPolls{srv: srv.Server}
		if err := sdkecs.NewServicesInactiveWaiter(c).Wait(ctx, describe, waiterMaxWait, servicesInactive(w)); err != nil {
			t.Fatal(err)
		}
		t.Logf("ServicesInactive retried %d times", w.retries)
		_, err = c.UpdateService(ctx, &sdkecs.UpdateServiceInput{Cluster: aws.String("web"), Service: aws.String("api"), DesiredCount: aws.Int32(1)})
		wantSDKError[*ecstypes.ServiceNotActiveException](t, "update inactive api", err)
	})
	t.Run("a deleted cluster is INACTIVE and a service cannot be created in it", func(t *testing.T) {
		for _, name := range []string{"worker", "cron"} {
			if _, err := c.DeleteService(ctx, &sdkecs.DeleteServiceInput{Cluster: aws.String("web"), Service: aws.String(name), Force: aws.Bool(true)}); err != nil {
				t.Fatal(err)
			}
		}
		srv.AdvanceClock(ecsTransition)
		out, err := c.DeleteCluster(ctx, &sdkecs.DeleteClusterInput{Cluster: aws.String("web")})
		if err != nil {
			t.Fatal(err)
		}
		if got := aws.ToString(out.Cluster.Status); got != "INACTIVE" && got != "DEPROVISIONING" {
			t.Errorf("DeleteCluster answered status %q, want INACTIVE", got)
		}
		_, err = c.CreateService(ctx, &sdkecs.CreateServiceInput{Cluster: aws.String("web"), ServiceName: aws.String("late"), TaskDefinition: aws.String("api")})
		wantSDKError[*ecstypes.ClusterNotFoundException](t, "service in deleted web", err)
	})
}

// TestSDKECSWaiterWithDefaultDelays is what a user who changes nothing
// gets: the mock's own transition delays (a second by default) in real
// time, and the SDK's ServicesInactive waiter with only its MinDelay
// shortened (its default is 15 s). It finishes once the service has
// drained; the bound is generous, so a loaded machine makes it slower, not
// flaky.
func TestSDKECSWaiterWithDefaultDelays(t *testing.T) {
	srv, url := ecsmock.NewTestServer(t, mockOptions()...)
	requireResources(t, srv.Server, "Cluster", "Service")
	c := sdkecs.New(sdkecs.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	if _, err := c.CreateCluster(ctx, &sdkecs.CreateClusterInput{ClusterName: aws.String("web")}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateService(ctx, &sdkecs.CreateServiceInput{Cluster: aws.String("web"), ServiceName: aws.String("api"), TaskDefinition: aws.String("api")}); err != nil {
		t.Fatal(err)
	}
	out, err := c.DeleteService(ctx, &sdkecs.DeleteServiceInput{Cluster: aws.String("web"), Service: aws.String("api"), Force: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	if got := aws.ToString(out.Service.Status); got != "DRAINING" {
		t.Fatalf("DeleteService answered %q, want DRAINING", got)
	}
	polls := 0
	inactive := sdkecs.NewServicesInactiveWaiter(c, func(o *sdkecs.ServicesInactiveWaiterOptions) {
		o.MinDelay, o.MaxDelay = 100*time.Millisecond, 500*time.Millisecond
		inner := o.Retryable
		o.Retryable = func(ctx context.Context, in *sdkecs.DescribeServicesInput, out *sdkecs.DescribeServicesOutput, err error) (bool, error) {
			polls++
			return inner(ctx, in, out, err)
		}
	})
	in := &sdkecs.DescribeServicesInput{Cluster: aws.String("web"), Services: []string{"api"}}
	if err := inactive.Wait(ctx, in, time.Minute); err != nil {
		t.Fatal(err)
	}
	t.Logf("ServicesInactive finished after %d polls", polls)
}

// TestSDKECSExpressGatewayLifecycle: ECS's express gateway services are
// addressed by ARN alone and have no list operation of their own.
func TestSDKECSExpressGatewayLifecycle(t *testing.T) {
	srv, url := ecsmock.NewTestServer(t, append(mockOptions(), mockrt.WithTransitionDelay(ecsTransition))...)
	requireResources(t, srv.Server, "ExpressGatewayService")
	c := sdkecs.New(sdkecs.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	created, err := c.CreateExpressGatewayService(ctx, &sdkecs.CreateExpressGatewayServiceInput{
		ServiceName:           aws.String("gateway"),
		ExecutionRoleArn:      aws.String("arn:aws:iam::123456789012:role/exec"),
		InfrastructureRoleArn: aws.String("arn:aws:iam::123456789012:role/infra"),
		PrimaryContainer:      &ecstypes.ExpressGatewayContainer{Image: aws.String("nginx")},
		Tags:                  []ecstypes.Tag{{Key: aws.String("team"), Value: aws.String("a")}},
	})
	if err != nil {
		t.Fatalf("CreateExpressGatewayService: %v", err)
	}
	arn := aws.ToString(created.Service.ServiceArn)
	if !strings.HasPrefix(arn, "arn:aws:ecs:us-west-2:123456789012:service/") {
		t.Errorf("CreateExpressGatewayService answered ARN %q", arn)
	}
	describe := func(t *testing.T) *ecstypes.ECSExpressGatewayService {
		t.Helper()
		out, err := c.DescribeExpressGatewayService(ctx, &sdkecs.DescribeExpressGatewayServiceInput{ServiceArn: aws.String(arn)})
		if err != nil {
			t.Fatalf("DescribeExpressGatewayService: %v", err)
		}
		return out.Service
	}

	t.Run("the service read by ARN is the one created", func(t *testing.T) {
		got := describe(t)
		if aws.ToString(got.ServiceName) != "gateway" || aws.ToString(got.ServiceArn) != arn || got.Status == nil || got.Status.StatusCode != ecstypes.ExpressGatewayServiceStatusCodeActive {
			t.Errorf("described name %q ARN %q status %+v, want gateway, %s, ACTIVE", aws.ToString(got.ServiceName), aws.ToString(got.ServiceArn), got.Status, arn)
		}
	})
	t.Run("its tags are listed, added and removed by ARN", func(t *testing.T) {
		tags := func() []string {
			out, err := c.ListTagsForResource(ctx, &sdkecs.ListTagsForResourceInput{ResourceArn: aws.String(arn)})
			if err != nil {
				t.Fatal(err)
			}
			var kv []string
			for _, tag := range out.Tags {
				kv = append(kv, aws.ToString(tag.Key)+"="+aws.ToString(tag.Value))
			}
			return kv
		}
		if _, err := c.TagResource(ctx, &sdkecs.TagResourceInput{ResourceArn: aws.String(arn), Tags: []ecstypes.Tag{{Key: aws.String("env"), Value: aws.String("test")}}}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"env=test", "team=a"}, tags(), sortStrings); diff != "" {
			t.Errorf("tags after TagResource (-want +got):\n%s", diff)
		}
		if _, err := c.UntagResource(ctx, &sdkecs.UntagResourceInput{ResourceArn: aws.String(arn), TagKeys: []string{"team"}}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"env=test"}, tags()); diff != "" {
			t.Errorf("tags after UntagResource (-want +got):\n%s", diff)
		}
	})
	t.Run("an update of the health check path is kept", func(t *testing.T) {
		if _, err := c.UpdateExpressGatewayService(ctx, &sdkecs.UpdateExpressGatewayServiceInput{ServiceArn: aws.String(arn), HealthCheckPath: aws.String("/healthz")}); err != nil {
			t.Fatal(err)
		}
		got := describe(t)
		if len(got.ActiveConfigurations) != 1 {
			t.Fatalf("%d active configurations, want 1", len(got.ActiveConfigurations))
		}
		if path := aws.ToString(got.ActiveConfigurations[0].HealthCheckPath); path != "/healthz" {
			t.Errorf("health check path after update %q, want /healthz", path)
		}
	})
	t.Run("an unknown ARN is the SDK's ResourceNotFoundException", func(t *testing.T) {
		_, err := c.DescribeExpressGatewayService(ctx, &sdkecs.DescribeExpressGatewayServiceInput{ServiceArn: aws.String(arn + "-gone")})
		wantSDKError[*ecstypes.ResourceNotFoundException](t, "unknown ARN", err)
	})
	t.Run("a deleted service drains, then reads INACTIVE", func(t *testing.T) {
		out, err := c.DeleteExpressGatewayService(ctx, &sdkecs.DeleteExpressGatewayServiceInput{ServiceArn: aws.String(arn)})
		if err != nil {
			t.Fatal(err)
		}
		if out.Service == nil || out.Service.Status == nil || out.Service.Status.StatusCode != ecstypes.ExpressGatewayServiceStatusCodeDraining {
			t.Errorf("DeleteExpressGatewayService answered %+v, want DRAINING", out.Service)
		}
		srv.AdvanceClock(ecsTransition)
		if got := describe(t).Status; got == nil || got.StatusCode != ecstypes.ExpressGatewayServiceStatusCodeInactive {
			t.Errorf("after the delay %+v, want INACTIVE", got)
		}
	})
}
