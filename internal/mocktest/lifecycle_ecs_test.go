package mocktest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/ecs"
	"github.com/specgen/specgen/gen/ecs/ecsmock"
	"github.com/specgen/specgen/specrt/mockrt"
)

// steady is what ECS's services-stable waiter asks of a service: one
// deployment, and as many running tasks as desired.
func steady(s ecs.Service) bool {
	return len(s.Deployments) == 1 && s.RunningCount != nil && s.DesiredCount != nil && *s.RunningCount == *s.DesiredCount
}

// TestECSLifecycle drives ECS's generated client against its generated
// mock: clusters and services (named by short name or ARN, read several at
// once, steady as the services-stable waiter asks once their deployment
// has rolled out on the mock's clock, INACTIVE after delete as
// services-inactive asks, and then not updated: ServiceNotActiveException)
// and express gateway services (by ARN, the seed's mock block shaping the
// create), all from the resources of specs/ecs/mock.overlay.yaml.
func TestECSLifecycle(t *testing.T) {
	ctx := t.Context()
	clock := mockrt.NewManualClock(manualStart)
	_, url := ecsmock.NewTestServer(t, mockrt.WithClock(clock.Now))
	c := ecs.New(options(url))

	def := must(c.CreateCluster(ctx, &ecs.CreateClusterInput{}))(t).Cluster
	prod := must(c.CreateCluster(ctx, &ecs.CreateClusterInput{ClusterName: new("prod"), Tags: []ecs.Tag{{Key: new("team"), Value: new("a")}}}))(t).Cluster
	t.Run("a cluster without a name is the default cluster, ACTIVE", func(t *testing.T) {
		got := []string{*def.ClusterName, *def.ClusterARN, *def.Status, *prod.ClusterARN}
		want := []string{"default", "arn:aws:ecs:us-east-1:123456789012:cluster/default", "ACTIVE", "arn:aws:ecs:us-east-1:123456789012:cluster/prod"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("clusters (-want +got):\n%s", diff)
		}
	})
	t.Run("a cluster created again is the same cluster", func(t *testing.T) {
		again := must(c.CreateCluster(ctx, &ecs.CreateClusterInput{ClusterName: new("prod")}))(t).Cluster
		if *again.ClusterARN != *prod.ClusterARN || len(again.Tags) != 1 {
			t.Errorf("prod again: %s with %d tags, want %s with its tag", *again.ClusterARN, len(again.Tags), *prod.ClusterARN)
		}
	})
	t.Run("clusters are described by name and ARN at once, unknown ones as MISSING failures", func(t *testing.T) {
		out := must(c.DescribeClusters(ctx, &ecs.DescribeClustersInput{Clusters: []string{"prod", *def.ClusterARN, "nope"}}))(t)
		var got []string
		for _, cl := range out.Clusters {
			got = append(got, *cl.ClusterName)
		}
		if diff := cmp.Diff([]string{"prod", "default"}, got); diff != "" {
			t.Errorf("described (-want +got):\n%s", diff)
		}
		if len(out.Failures) != 1 || *out.Failures[0].ARN != "nope" || *out.Failures[0].Reason != "MISSING" {
			t.Errorf("failures %+v, want nope MISSING", out.Failures)
		}
	})
	t.Run("clusters list as ARNs", func(t *testing.T) {
		got := must(c.ListClusters(ctx, &ecs.ListClustersInput{}))(t).ClusterARNs
		if diff := cmp.Diff([]string{*def.ClusterARN, *prod.ClusterARN}, got); diff != "" {
			t.Errorf("listed (-want +got):\n%s", diff)
		}
	})

	var arns []string
	for i := range 5 {
		out := must(c.CreateService(ctx, &ecs.CreateServiceInput{Cluster: new("prod"), ServiceName: new(fmt.Sprintf("web-%d", i)),
			TaskDefinition: new("web:1"), DesiredCount: new(int32(2)), Tags: []ecs.Tag{{Key: new("team"), Value: new("a")}}}))(t)
		arns = append(arns, *out.Service.ServiceARN)
	}
	t.Run("a cluster counts its active services", func(t *testing.T) {
		got := must(c.DescribeClusters(ctx, &ecs.DescribeClustersInput{Clusters: []string{"prod"}}))(t).Clusters[0]
		if *got.ActiveServicesCount != 5 {
			t.Errorf("prod counts %d services, want 5", *got.ActiveServicesCount)
		}
	})
	t.Run("a service is named after its cluster and steady once its deployment has rolled out", func(t *testing.T) {
		describe := func() ecs.Service {
			got := must(c.DescribeServices(ctx, &ecs.DescribeServicesInput{Cluster: prod.ClusterARN, Services: []string{"web-0", arns[1]}}))(t)
			if len(got.Services) != 2 || len(got.Failures) != 0 {
				t.Fatalf("described %d services, %v failures, want 2 and none", len(got.Services), got.Failures)
			}
			return got.Services[0]
		}
		s := describe()
		if *s.ServiceARN != "arn:aws:ecs:us-east-1:123456789012:service/prod/web-0" || *s.ClusterARN != *prod.ClusterARN || *s.Status != "ACTIVE" {
			t.Errorf("service %s in %s, %s", *s.ServiceARN, *s.ClusterARN, *s.Status)
		}
		if steady(s) || *s.RunningCount != 0 || *s.PendingCount != 2 || s.Deployments[0].RolloutState != "IN_PROGRESS" {
			t.Errorf("new service: %d/%d running, %d pending, rollout %s; want 0/2, 2 pending, IN_PROGRESS", *s.RunningCount, *s.DesiredCount, *s.PendingCount, s.Deployments[0].RolloutState)
		}
		clock.Advance(time.Second)
		s = describe()
		if !steady(s) || *s.RunningCount != 2 || *s.PendingCount != 0 || *s.Deployments[0].Status != "PRIMARY" || *s.Deployments[0].RunningCount != 2 || s.Deployments[0].RolloutState != "COMPLETED" {
			t.Errorf("service a second later not steady: %d/%d running, %d deployments", *s.RunningCount, *s.DesiredCount, len(s.Deployments))
		}
	})
	t.Run("a service name already taken in the cluster answers InvalidParameterException", func(t *testing.T) {
		_, err := c.CreateService(ctx, &ecs.CreateServiceInput{Cluster: new("prod"), ServiceName: new("web-0"), TaskDefinition: new("web:1")})
		wantCode(t, "second web-0", err, "InvalidParameterException")
		must(c.CreateService(ctx, &ecs.CreateServiceInput{ServiceName: new("web-0"), TaskDefinition: new("web:1")}))(t) // in the default cluster
	})
	t.Run("a service in a cluster that does not exist answers ClusterNotFoundException", func(t *testing.T) {
		_, err := c.CreateService(ctx, &ecs.CreateServiceInput{Cluster: new("nope"), ServiceName: new("web"), TaskDefinition: new("web:1")})
		wantCode(t, "service in nope", err, "ClusterNotFoundException")
	})
	t.Run("the services of a cluster list as ARNs in pages of two", func(t *testing.T) {
		p := ecs.NewListServicesPaginator(c, &ecs.ListServicesInput{Cluster: new("prod"), MaxResults: new(int32(2))})
		var got []string
		pages := 0
		for p.HasMorePages() {
			out := must(p.NextPage(ctx))(t)
			pages++
			got = append(got, out.ServiceARNs...)
		}
		if diff := cmp.Diff(arns, got); diff != "" {
			t.Errorf("listed (-want +got):\n%s", diff)
		}
		if pages != 3 {
			t.Errorf("%d pages, want 3", pages)
		}
	})
	t.Run("tags are added, listed and removed by ARN", func(t *testing.T) {
		must(c.TagResource(ctx, &ecs.TagResourceInput{ResourceARN: &arns[0], Tags: []ecs.Tag{{Key: new("env"), Value: new("test")}}}))(t)
		tags := func() []ecs.Tag {
			return must(c.ListTagsForResource(ctx, &ecs.ListTagsForResourceInput{ResourceARN: &arns[0]}))(t).Tags
		}
		if diff := cmp.Diff([]ecs.Tag{{Key: new("env"), Value: new("test")}, {Key: new("team"), Value: new("a")}}, tags()); diff != "" {
			t.Errorf("tags (-want +got):\n%s", diff)
		}
		described := must(c.DescribeServices(ctx, &ecs.DescribeServicesInput{Cluster: new("prod"), Services: []string{arns[0]}}))(t).Services[0].Tags
		if diff := cmp.Diff([]ecs.Tag{{Key: new("env"), Value: new("test")}, {Key: new("team"), Value: new("a")}}, described); diff != "" {
			t.Errorf("tags in the description (-want +got):\n%s", diff)
		}
		must(c.UntagResource(ctx, &ecs.UntagResourceInput{ResourceARN: &arns[0], TagKeys: []string{"env"}}))(t)
		if diff := cmp.Diff([]ecs.Tag{{Key: new("team"), Value: new("a")}}, tags()); diff != "" {
			t.Errorf("tags after untag (-want +got):\n%s", diff)
		}
	})
	t.Run("an update scales the service, steady again", func(t *testing.T) {
		out := must(c.UpdateService(ctx, &ecs.UpdateServiceInput{Cluster: new("prod"), Service: &arns[2], DesiredCount: new(int32(5))}))(t).Service
		if *out.DesiredCount != 5 || steady(*out) || *out.TaskDefinition != "web:1" {
			t.Errorf("updated: %d desired, %d running, task definition %s; want 5 desired, not steady yet", *out.DesiredCount, *out.RunningCount, *out.TaskDefinition)
		}
		clock.Advance(time.Second)
		got := must(c.DescribeServices(ctx, &ecs.DescribeServicesInput{Cluster: new("prod"), Services: []string{arns[2]}}))(t).Services[0]
		if !steady(got) || *got.RunningCount != 5 {
			t.Errorf("a second after the update: %d/%d running, %d deployments", *got.RunningCount, *got.DesiredCount, len(got.Deployments))
		}
	})
	t.Run("a cluster with services cannot be deleted", func(t *testing.T) {
		_, err := c.DeleteCluster(ctx, &ecs.DeleteClusterInput{Cluster: new("prod")})
		wantCode(t, "delete prod", err, "ClusterContainsServicesException")
	})
	t.Run("a deleted service drains, then is INACTIVE and still described", func(t *testing.T) {
		out := must(c.DeleteService(ctx, &ecs.DeleteServiceInput{Cluster: new("prod"), Service: new("web-4")}))(t).Service
		if *out.Status != "DRAINING" {
			t.Errorf("deleted service: %s, want DRAINING", *out.Status)
		}
		clock.Advance(time.Second)
		got := must(c.DescribeServices(ctx, &ecs.DescribeServicesInput{Cluster: new("prod"), Services: []string{"web-4"}}))(t)
		if len(got.Services) != 1 || *got.Services[0].Status != "INACTIVE" {
			t.Errorf("described after delete: %+v %+v, want web-4 INACTIVE", got.Services, got.Failures)
		}
		listed := must(c.ListServices(ctx, &ecs.ListServicesInput{Cluster: new("prod")}))(t).ServiceARNs
		if diff := cmp.Diff(arns[:4], listed); diff != "" {
			t.Errorf("listed after delete (-want +got):\n%s", diff)
		}
		if n := *must(c.DescribeClusters(ctx, &ecs.DescribeClustersInput{Clusters: []string{"prod"}}))(t).Clusters[0].ActiveServicesCount; n != 4 {
			t.Errorf("prod counts %d services after a delete, want 4", n)
		}
		_, err := c.UpdateService(ctx, &ecs.UpdateServiceInput{Cluster: new("prod"), Service: new("web-4"), DesiredCount: new(int32(1))})
		wantCode(t, "update of the inactive web-4", err, "ServiceNotActiveException")
		again := must(c.CreateService(ctx, &ecs.CreateServiceInput{Cluster: new("prod"), ServiceName: new("web-4"), TaskDefinition: new("web:2")}))(t).Service
		if *again.Status != "ACTIVE" || *again.TaskDefinition != "web:2" {
			t.Errorf("web-4 created again: %s %s, want ACTIVE web:2", *again.Status, *again.TaskDefinition)
		}
	})
	t.Run("a cluster without services is deleted INACTIVE, described, not listed", func(t *testing.T) {
		must(c.CreateCluster(ctx, &ecs.CreateClusterInput{ClusterName: new("spare")}))(t)
		out := must(c.DeleteCluster(ctx, &ecs.DeleteClusterInput{Cluster: new("spare")}))(t).Cluster
		if *out.Status != "INACTIVE" {
			t.Errorf("deleted cluster: %s, want INACTIVE", *out.Status)
		}
		got := must(c.DescribeClusters(ctx, &ecs.DescribeClustersInput{Clusters: []string{"spare"}}))(t).Clusters
		if len(got) != 1 || *got[0].Status != "INACTIVE" {
			t.Errorf("described after delete: %+v, want spare INACTIVE", got)
		}
		listed := must(c.ListClusters(ctx, &ecs.ListClustersInput{}))(t).ClusterARNs
		if diff := cmp.Diff([]string{*def.ClusterARN, *prod.ClusterARN}, listed); diff != "" {
			t.Errorf("listed after delete (-want +got):\n%s", diff)
		}
		_, err := c.CreateService(ctx, &ecs.CreateServiceInput{Cluster: new("spare"), ServiceName: new("web"), TaskDefinition: new("web:1")})
		wantCode(t, "a service in the inactive cluster", err, "ClusterNotFoundException")
	})

	t.Run("an express gateway service is addressed by ARN", func(t *testing.T) {
		in := &ecs.CreateExpressGatewayServiceInput{ServiceName: new("api"), ExecutionRoleARN: new("arn:aws:iam::123456789012:role/exec"),
			InfrastructureRoleARN: new("arn:aws:iam::123456789012:role/infra"), PrimaryContainer: &ecs.ExpressGatewayContainer{Image: new("nginx")}}
		created := must(c.CreateExpressGatewayService(ctx, in))(t).Service
		arn := created.ServiceARN
		if *arn != "arn:aws:ecs:us-east-1:123456789012:service/default/api" || created.Status.StatusCode != ecs.ExpressGatewayServiceStatusCodeActive {
			t.Errorf("created %s %s", *arn, created.Status.StatusCode)
		}
		_, err := c.CreateExpressGatewayService(ctx, in)
		wantCode(t, "second api", err, "InvalidParameterException")
		got := must(c.DescribeExpressGatewayService(ctx, &ecs.DescribeExpressGatewayServiceInput{ServiceARN: arn}))(t).Service
		if *got.ServiceName != "api" || len(got.ActiveConfigurations) != 1 || *got.ActiveConfigurations[0].CPU != "256" {
			t.Errorf("described %+v, want api with the seed's defaults", got)
		}
		must(c.UpdateExpressGatewayService(ctx, &ecs.UpdateExpressGatewayServiceInput{ServiceARN: arn, CPU: new("512")}))(t)
		must(c.UpdateExpressGatewayService(ctx, &ecs.UpdateExpressGatewayServiceInput{ServiceARN: arn, HealthCheckPath: new("/healthz")}))(t)
		ac := must(c.DescribeExpressGatewayService(ctx, &ecs.DescribeExpressGatewayServiceInput{ServiceARN: arn}))(t).Service.ActiveConfigurations
		if len(ac) != 1 {
			t.Fatalf("%d active configurations after two updates, want 1", len(ac))
		}
		// Each update changes what it names in the active configuration
		// and keeps the rest.
		if diff := cmp.Diff([]string{"512", "/healthz", "nginx"}, []string{*ac[0].CPU, *ac[0].HealthCheckPath, *ac[0].PrimaryContainer.Image}); diff != "" {
			t.Errorf("active configuration after the updates (-want +got):\n%s", diff)
		}
		del := must(c.DeleteExpressGatewayService(ctx, &ecs.DeleteExpressGatewayServiceInput{ServiceARN: arn}))(t).Service
		if del.Status.StatusCode != ecs.ExpressGatewayServiceStatusCodeDraining {
			t.Errorf("deleted: %s, want DRAINING", del.Status.StatusCode)
		}
		clock.Advance(time.Second)
		if got := must(c.DescribeExpressGatewayService(ctx, &ecs.DescribeExpressGatewayServiceInput{ServiceARN: arn}))(t).Service; got.Status.StatusCode != ecs.ExpressGatewayServiceStatusCodeInactive {
			t.Errorf("after delete: %s, want INACTIVE", got.Status.StatusCode)
		}
		_, err = c.UpdateExpressGatewayService(ctx, &ecs.UpdateExpressGatewayServiceInput{ServiceARN: arn, CPU: new("1024")})
		wantCode(t, "update of the inactive api", err, "ServiceNotActiveException")
		_, err = c.DeleteExpressGatewayService(ctx, &ecs.DeleteExpressGatewayServiceInput{ServiceARN: arn})
		wantCode(t, "second delete", err, "ServiceNotFoundException")
		_, err = c.DescribeExpressGatewayService(ctx, &ecs.DescribeExpressGatewayServiceInput{ServiceARN: new("arn:aws:ecs:us-east-1:123456789012:service/default/none")})
		wantCode(t, "describe of none", err, "ResourceNotFoundException")
	})
}

// TestECSTasks follows ECS tasks on the mock's clock, as the tasks-running
// and tasks-stopped waiters read them: run in the default cluster when the
// request names none, PROVISIONING then RUNNING, listed by cluster and
// desired status, STOPPING then STOPPED after StopTask and still described.
func TestECSTasks(t *testing.T) {
	ctx := t.Context()
	clock := mockrt.NewManualClock(manualStart)
	_, url := ecsmock.NewTestServer(t, mockrt.WithClock(clock.Now))
	c := ecs.New(options(url))
	t.Run("a task in a cluster that does not exist answers ClusterNotFoundException", func(t *testing.T) {
		_, err := c.RunTask(ctx, &ecs.RunTaskInput{TaskDefinition: new("web:1")})
		wantCode(t, "run in no cluster", err, "ClusterNotFoundException")
	})
	must(c.CreateCluster(ctx, &ecs.CreateClusterInput{}))(t)
	run := must(c.RunTask(ctx, &ecs.RunTaskInput{TaskDefinition: new("web:1"), StartedBy: new("ci")}))(t)
	if len(run.Tasks) != 1 {
		t.Fatalf("RunTask answered %d tasks, want 1", len(run.Tasks))
	}
	task := run.Tasks[0]
	describe := func(t *testing.T) ecs.Task {
		t.Helper()
		out := must(c.DescribeTasks(ctx, &ecs.DescribeTasksInput{Tasks: []string{*task.TaskARN}}))(t)
		if len(out.Tasks) != 1 || len(out.Failures) != 0 {
			t.Fatalf("described %d tasks, failures %+v; want the task", len(out.Tasks), out.Failures)
		}
		return out.Tasks[0]
	}
	statuses := func(k ecs.Task) []string { return []string{*k.LastStatus, *k.DesiredStatus} }
	t.Run("a task runs in the default cluster, PROVISIONING then RUNNING", func(t *testing.T) {
		got := []string{*task.ClusterARN, *task.TaskDefinitionARN, *task.LastStatus, *task.DesiredStatus}
		want := []string{"arn:aws:ecs:us-east-1:123456789012:cluster/default", "web:1", "PROVISIONING", "RUNNING"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("run task (-want +got):\n%s", diff)
		}
		if !strings.HasPrefix(*task.TaskARN, "arn:aws:ecs:us-east-1:123456789012:task/default/") {
			t.Errorf("task ARN %s", *task.TaskARN)
		}
		clock.Advance(time.Second)
		k := describe(t)
		if diff := cmp.Diff([]string{"RUNNING", "RUNNING"}, statuses(k)); diff != "" || k.StartedAt == nil {
			t.Errorf("a second later (-want +got):\n%s\nstartedAt %v", diff, k.StartedAt)
		}
	})
	t.Run("a cluster with a running task cannot be deleted: ClusterContainsTasksException", func(t *testing.T) {
		_, err := c.DeleteCluster(ctx, &ecs.DeleteClusterInput{Cluster: new("default")})
		wantCode(t, "delete default", err, "ClusterContainsTasksException")
	})
	t.Run("tasks are listed by cluster and by the filters set", func(t *testing.T) {
		other := must(c.RunTask(ctx, &ecs.RunTaskInput{Cluster: new("default"), TaskDefinition: new("batch:3")}))(t).Tasks[0]
		for _, tc := range []struct {
			name string
			in   ecs.ListTasksInput
			want []string
		}{
			{"all", ecs.ListTasksInput{}, []string{*task.TaskARN, *other.TaskARN}},
			{"started by ci", ecs.ListTasksInput{StartedBy: new("ci")}, []string{*task.TaskARN}},
			{"stopped", ecs.ListTasksInput{DesiredStatus: ecs.DesiredStatusStopped}, []string{}},
		} {
			got := must(c.ListTasks(ctx, &tc.in))(t).TaskARNs
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tc.name, diff)
			}
		}
	})
	t.Run("a stopped task is STOPPING, then STOPPED and still described", func(t *testing.T) {
		stop := must(c.StopTask(ctx, &ecs.StopTaskInput{Task: task.TaskARN, Reason: new("done")}))(t).Task
		if diff := cmp.Diff([]string{"STOPPING", "STOPPED"}, statuses(*stop)); diff != "" || *stop.StoppedReason != "done" {
			t.Errorf("StopTask (-want +got):\n%s\nreason %v", diff, *stop.StoppedReason)
		}
		clock.Advance(time.Second)
		k := describe(t)
		if diff := cmp.Diff([]string{"STOPPED", "STOPPED"}, statuses(k)); diff != "" || k.StoppedAt == nil {
			t.Errorf("a second later (-want +got):\n%s\nstoppedAt %v", diff, k.StoppedAt)
		}
	})
	t.Run("an unknown task is a MISSING failure, and stopping it InvalidParameterException", func(t *testing.T) {
		out := must(c.DescribeTasks(ctx, &ecs.DescribeTasksInput{Tasks: []string{"nope"}}))(t)
		if len(out.Tasks) != 0 || len(out.Failures) != 1 || *out.Failures[0].Reason != "MISSING" {
			t.Errorf("described %+v, failures %+v; want one MISSING", out.Tasks, out.Failures)
		}
		_, err := c.StopTask(ctx, &ecs.StopTaskInput{Task: new("nope")})
		wantCode(t, "stop nope", err, "InvalidParameterException")
	})
	t.Run("a cluster whose tasks are all STOPPED is deleted", func(t *testing.T) {
		arns := must(c.ListTasks(ctx, &ecs.ListTasksInput{DesiredStatus: ecs.DesiredStatusRunning}))(t).TaskARNs
		for _, arn := range arns {
			must(c.StopTask(ctx, &ecs.StopTaskInput{Task: new(arn)}))(t)
		}
		_, err := c.DeleteCluster(ctx, &ecs.DeleteClusterInput{Cluster: new("default")})
		wantCode(t, "delete default while its last task is STOPPING", err, "ClusterContainsTasksException")
		clock.Advance(time.Second)
		out := must(c.DeleteCluster(ctx, &ecs.DeleteClusterInput{Cluster: new("default")}))(t).Cluster
		if *out.Status != "INACTIVE" {
			t.Errorf("deleted cluster: %s, want INACTIVE", *out.Status)
		}
	})
}

// TestECSDaemonDeploymentSuperseded checks the engine's creates current
// and supersedes: a daemon's update records its next deployment, which
// stops the one before at once and for good (its pending move to
// SUCCESSFUL dropped), while the next one moves on.
func TestECSDaemonDeploymentSuperseded(t *testing.T) {
	ctx := t.Context()
	clock := mockrt.NewManualClock(manualStart)
	_, url := ecsmock.NewTestServer(t, mockrt.WithClock(clock.Now))
	c := ecs.New(options(url))
	taskDef := new("arn:aws:ecs:us-east-1:123456789012:daemon-task-definition/agent:1")
	providers := []string{"arn:aws:ecs:us-east-1:123456789012:capacity-provider/cp"}
	must(c.CreateCluster(ctx, &ecs.CreateClusterInput{ClusterName: new("default")}))(t)
	created := must(c.CreateDaemon(ctx, &ecs.CreateDaemonInput{DaemonName: new("agent"), DaemonTaskDefinitionARN: taskDef, CapacityProviderARNs: providers}))(t)
	updated := must(c.UpdateDaemon(ctx, &ecs.UpdateDaemonInput{DaemonARN: created.DaemonARN, DaemonTaskDefinitionARN: taskDef, CapacityProviderARNs: providers}))(t)
	statuses := func(t *testing.T) []ecs.DaemonDeploymentStatus {
		t.Helper()
		out := must(c.DescribeDaemonDeployments(ctx, &ecs.DescribeDaemonDeploymentsInput{DaemonDeploymentARNs: []string{*created.DeploymentARN, *updated.DeploymentARN}}))(t)
		var got []ecs.DaemonDeploymentStatus
		for _, d := range out.DaemonDeployments {
			got = append(got, d.Status)
		}
		return got
	}
	t.Run("the update's deployment is new and the daemon's current one", func(t *testing.T) {
		daemon := must(c.DescribeDaemon(ctx, &ecs.DescribeDaemonInput{DaemonARN: created.DaemonARN}))(t).Daemon
		if *updated.DeploymentARN == *created.DeploymentARN || *daemon.DeploymentARN != *updated.DeploymentARN {
			t.Errorf("create's %s, update's %s, daemon's %s", *created.DeploymentARN, *updated.DeploymentARN, *daemon.DeploymentARN)
		}
	})
	t.Run("the first deployment is STOPPED at once and stays so, the next one succeeds", func(t *testing.T) {
		if diff := cmp.Diff([]ecs.DaemonDeploymentStatus{ecs.DaemonDeploymentStatusStopped, ecs.DaemonDeploymentStatusInProgress}, statuses(t)); diff != "" {
			t.Errorf("after the update (-want +got):\n%s", diff)
		}
		clock.Advance(time.Hour)
		if diff := cmp.Diff([]ecs.DaemonDeploymentStatus{ecs.DaemonDeploymentStatusStopped, ecs.DaemonDeploymentStatusSuccessful}, statuses(t)); diff != "" {
			t.Errorf("later (-want +got):\n%s", diff)
		}
	})
	stoppedAt := func(t *testing.T) []*time.Time {
		t.Helper()
		out := must(c.DescribeDaemonDeployments(ctx, &ecs.DescribeDaemonDeploymentsInput{DaemonDeploymentARNs: []string{*created.DeploymentARN, *updated.DeploymentARN}}))(t)
		var got []*time.Time
		for _, d := range out.DaemonDeployments {
			got = append(got, d.StoppedAt)
		}
		return got
	}
	t.Run("the superseded deployment was stopped at the update's time, the next one not yet", func(t *testing.T) {
		if diff := cmp.Diff([]*time.Time{&manualStart, nil}, stoppedAt(t)); diff != "" {
			t.Errorf("stoppedAt (-want +got):\n%s", diff)
		}
	})
	t.Run("a delete of the daemon stops its current deployment", func(t *testing.T) {
		must(c.DeleteDaemon(ctx, &ecs.DeleteDaemonInput{DaemonARN: created.DaemonARN}))(t)
		if diff := cmp.Diff([]ecs.DaemonDeploymentStatus{ecs.DaemonDeploymentStatusStopped, ecs.DaemonDeploymentStatusStopped}, statuses(t)); diff != "" {
			t.Errorf("after the delete (-want +got):\n%s", diff)
		}
		deleted := manualStart.Add(time.Hour)
		if diff := cmp.Diff([]*time.Time{&manualStart, &deleted}, stoppedAt(t)); diff != "" {
			t.Errorf("stoppedAt (-want +got):\n%s", diff)
		}
	})
}
