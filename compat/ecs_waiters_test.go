package compat

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdkecs "github.com/aws/aws-sdk-go-v2/service/ecs"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/specgen/specgen/gen/ecs/ecsmock"
	"github.com/specgen/specgen/specrt/mockrt"
)

// ECS's waiters (waiters-2.json) run by the AWS SDK for Go v2's own waiter
// code against the generated mock: each waits for what the mock's resource
// engine moves on its clock, and each failure acceptor is met too (a
// MISSING service, a task that stopped before it ran). The mock's
// transitions take an hour of resource time; a waiter's Retryable is
// wrapped so that each poll it retries after moves that clock past the
// transition (Server.AdvanceClock), so that every waiter sees the
// transitional answer first and polls again: deterministic, with no sleep
// but the waiter's own few milliseconds.
//
// All nine waiters are here. DaemonDeploymentStopped finishes when a later
// UpdateDaemon or DeleteDaemon stops the deployment: their next deployment
// supersedes it (the resource engine's creates: current, supersedes).

const (
	waitersTransition = time.Hour
	waitersMaxWait    = 30 * time.Second
)

// advancing wraps a waiter's Retryable: each retry moves srv's resource
// clock past a transition, and counts it in retries.
func advancing[In, Out any](srv *mockrt.Server, retries *int, inner func(context.Context, In, Out, error) (bool, error)) func(context.Context, In, Out, error) (bool, error) {
	return func(ctx context.Context, in In, out Out, err error) (bool, error) {
		retry, err := inner(ctx, in, out, err)
		if retry && err == nil {
			*retries++
			srv.AdvanceClock(waitersTransition)
		}
		return retry, err
	}
}

func TestSDKECSWaiters(t *testing.T) {
	srv, url := ecsmock.NewTestServer(t, append(mockOptions(), mockrt.WithTransitionDelay(waitersTransition))...)
	c := sdkecs.New(sdkecs.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	if _, err := c.CreateCluster(ctx, &sdkecs.CreateClusterInput{ClusterName: aws.String("waiters")}); err != nil {
		t.Fatal(err)
	}
	cluster := aws.String("waiters")
	stable := func(retries *int) func(*sdkecs.ServicesStableWaiterOptions) {
		return func(o *sdkecs.ServicesStableWaiterOptions) {
			o.MinDelay, o.MaxDelay = time.Millisecond, 5*time.Millisecond
			o.Retryable = advancing(srv.Server, retries, o.Retryable)
		}
	}
	inactive := func(retries *int) func(*sdkecs.ServicesInactiveWaiterOptions) {
		return func(o *sdkecs.ServicesInactiveWaiterOptions) {
			o.MinDelay, o.MaxDelay = time.Millisecond, 5*time.Millisecond
			o.Retryable = advancing(srv.Server, retries, o.Retryable)
		}
	}
	running := func(retries *int) func(*sdkecs.TasksRunningWaiterOptions) {
		return func(o *sdkecs.TasksRunningWaiterOptions) {
			o.MinDelay, o.MaxDelay = time.Millisecond, 5*time.Millisecond
			o.Retryable = advancing(srv.Server, retries, o.Retryable)
		}
	}
	stopped := func(retries *int) func(*sdkecs.TasksStoppedWaiterOptions) {
		return func(o *sdkecs.TasksStoppedWaiterOptions) {
			o.MinDelay, o.MaxDelay = time.Millisecond, 5*time.Millisecond
			o.Retryable = advancing(srv.Server, retries, o.Retryable)
		}
	}
	runTask := func(t *testing.T) string {
		t.Helper()
		out, err := c.RunTask(ctx, &sdkecs.RunTaskInput{Cluster: cluster, TaskDefinition: aws.String("job:1")})
		if err != nil || len(out.Tasks) != 1 {
			t.Fatalf("RunTask: %v, %d tasks", err, len(out.Tasks))
		}
		return aws.ToString(out.Tasks[0].TaskArn)
	}
	wantFailure := func(t *testing.T, err error) {
		t.Helper()
		if err == nil || !strings.Contains(err.Error(), "transitioned to Failure") {
			t.Errorf("waiter: %v, want the failure state", err)
		}
	}

	t.Run("ServicesStable waits while the service's deployment rolls out", func(t *testing.T) {
		if _, err := c.CreateService(ctx, &sdkecs.CreateServiceInput{Cluster: cluster, ServiceName: aws.String("api"), TaskDefinition: aws.String("api:1"), DesiredCount: aws.Int32(3)}); err != nil {
			t.Fatal(err)
		}
		var retries int
		out, err := sdkecs.NewServicesStableWaiter(c).WaitForOutput(ctx, &sdkecs.DescribeServicesInput{Cluster: cluster, Services: []string{"api"}}, waitersMaxWait, stable(&retries))
		if err != nil {
			t.Fatal(err)
		}
		if s := out.Services[0]; aws.ToInt32(&s.RunningCount) != 3 || retries != 1 {
			t.Errorf("stable with %d running after %d retries, want 3 after 1", s.RunningCount, retries)
		}
	})
	t.Run("ServicesStable fails at once for a MISSING service", func(t *testing.T) {
		var retries int
		err := sdkecs.NewServicesStableWaiter(c).Wait(ctx, &sdkecs.DescribeServicesInput{Cluster: cluster, Services: []string{"nope"}}, waitersMaxWait, stable(&retries))
		wantFailure(t, err)
		if retries != 0 {
			t.Errorf("%d retries, want none", retries)
		}
	})
	t.Run("ServicesStable fails for a service that is draining", func(t *testing.T) {
		if _, err := c.CreateService(ctx, &sdkecs.CreateServiceInput{Cluster: cluster, ServiceName: aws.String("gone"), TaskDefinition: aws.String("gone:1")}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.DeleteService(ctx, &sdkecs.DeleteServiceInput{Cluster: cluster, Service: aws.String("gone")}); err != nil {
			t.Fatal(err)
		}
		var retries int
		err := sdkecs.NewServicesStableWaiter(c).Wait(ctx, &sdkecs.DescribeServicesInput{Cluster: cluster, Services: []string{"gone"}}, waitersMaxWait, stable(&retries))
		wantFailure(t, err)
	})
	t.Run("ServicesInactive waits while the deleted service drains", func(t *testing.T) {
		if _, err := c.DeleteService(ctx, &sdkecs.DeleteServiceInput{Cluster: cluster, Service: aws.String("api")}); err != nil {
			t.Fatal(err)
		}
		var retries int
		out, err := sdkecs.NewServicesInactiveWaiter(c).WaitForOutput(ctx, &sdkecs.DescribeServicesInput{Cluster: cluster, Services: []string{"api"}}, waitersMaxWait, inactive(&retries))
		if err != nil {
			t.Fatal(err)
		}
		if got := aws.ToString(out.Services[0].Status); got != "INACTIVE" || retries != 1 {
			t.Errorf("%s after %d retries, want INACTIVE after 1", got, retries)
		}
	})
	t.Run("TasksRunning waits while the task is provisioned, then TasksStopped while it stops", func(t *testing.T) {
		task := runTask(t)
		in := &sdkecs.DescribeTasksInput{Cluster: cluster, Tasks: []string{task}}
		var up, down int
		if err := sdkecs.NewTasksRunningWaiter(c).Wait(ctx, in, waitersMaxWait, running(&up)); err != nil {
			t.Fatal(err)
		}
		if _, err := c.StopTask(ctx, &sdkecs.StopTaskInput{Cluster: cluster, Task: aws.String(task)}); err != nil {
			t.Fatal(err)
		}
		out, err := sdkecs.NewTasksStoppedWaiter(c).WaitForOutput(ctx, in, waitersMaxWait, stopped(&down))
		if err != nil {
			t.Fatal(err)
		}
		if got := aws.ToString(out.Tasks[0].LastStatus); got != "STOPPED" || up != 1 || down != 1 {
			t.Errorf("%s after %d and %d retries, want STOPPED after 1 and 1", got, up, down)
		}
	})
	t.Run("TasksRunning fails for a task that stopped before it ran", func(t *testing.T) {
		task := runTask(t)
		if _, err := c.StopTask(ctx, &sdkecs.StopTaskInput{Cluster: cluster, Task: aws.String(task)}); err != nil {
			t.Fatal(err)
		}
		srv.AdvanceClock(waitersTransition)
		var retries int
		err := sdkecs.NewTasksRunningWaiter(c).Wait(ctx, &sdkecs.DescribeTasksInput{Cluster: cluster, Tasks: []string{task}}, waitersMaxWait, running(&retries))
		wantFailure(t, err)
	})
	t.Run("TasksRunning fails at once for a MISSING task", func(t *testing.T) {
		var retries int
		err := sdkecs.NewTasksRunningWaiter(c).Wait(ctx, &sdkecs.DescribeTasksInput{Cluster: cluster, Tasks: []string{"arn:aws:ecs:us-west-2:123456789012:task/waiters/0123"}}, waitersMaxWait, running(&retries))
		wantFailure(t, err)
	})

	t.Run("DaemonTaskDefinitionActive finishes once it is registered, DaemonTaskDefinitionDeleted once the delete is over", func(t *testing.T) {
		reg, err := c.RegisterDaemonTaskDefinition(ctx, &sdkecs.RegisterDaemonTaskDefinitionInput{Family: aws.String("agent"),
			ContainerDefinitions: []ecstypes.DaemonContainerDefinition{{Name: aws.String("agent"), Image: aws.String("agent:1")}}})
		if err != nil {
			t.Fatal(err)
		}
		arn := aws.ToString(reg.DaemonTaskDefinitionArn)
		if want := "arn:aws:ecs:us-west-2:123456789012:daemon-task-definition/agent:1"; arn != want {
			t.Errorf("registered %s, want %s", arn, want)
		}
		in := &sdkecs.DescribeDaemonTaskDefinitionInput{DaemonTaskDefinition: aws.String(arn)}
		var up, down int
		err = sdkecs.NewDaemonTaskDefinitionActiveWaiter(c).Wait(ctx, in, waitersMaxWait, func(o *sdkecs.DaemonTaskDefinitionActiveWaiterOptions) {
			o.MinDelay, o.MaxDelay = time.Millisecond, 5*time.Millisecond
			o.Retryable = advancing(srv.Server, &up, o.Retryable)
		})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.DeleteDaemonTaskDefinition(ctx, &sdkecs.DeleteDaemonTaskDefinitionInput{DaemonTaskDefinition: aws.String(arn)}); err != nil {
			t.Fatal(err)
		}
		out, err := sdkecs.NewDaemonTaskDefinitionDeletedWaiter(c).WaitForOutput(ctx, in, waitersMaxWait, func(o *sdkecs.DaemonTaskDefinitionDeletedWaiterOptions) {
			o.MinDelay, o.MaxDelay = time.Millisecond, 5*time.Millisecond
			o.Retryable = advancing(srv.Server, &down, o.Retryable)
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := out.DaemonTaskDefinition.Status; got != ecstypes.DaemonTaskDefinitionStatusDeleted || up != 0 || down != 1 {
			t.Errorf("%s after %d and %d retries, want DELETED after 0 and 1", got, up, down)
		}
	})
	t.Run("DaemonActive finishes for a created daemon, DaemonDeploymentSuccessful once its deployment is over", func(t *testing.T) {
		created, err := c.CreateDaemon(ctx, &sdkecs.CreateDaemonInput{ClusterArn: aws.String("waiters"), DaemonName: aws.String("agent"),
			DaemonTaskDefinitionArn: aws.String("arn:aws:ecs:us-west-2:123456789012:daemon-task-definition/agent:1"), CapacityProviderArns: []string{"arn:aws:ecs:us-west-2:123456789012:capacity-provider/cp"}})
		if err != nil {
			t.Fatal(err)
		}
		var active, deployed int
		err = sdkecs.NewDaemonActiveWaiter(c).Wait(ctx, &sdkecs.DescribeDaemonInput{DaemonArn: created.DaemonArn}, waitersMaxWait, func(o *sdkecs.DaemonActiveWaiterOptions) {
			o.MinDelay, o.MaxDelay = time.Millisecond, 5*time.Millisecond
			o.Retryable = advancing(srv.Server, &active, o.Retryable)
		})
		if err != nil {
			t.Fatal(err)
		}
		in := &sdkecs.DescribeDaemonDeploymentsInput{DaemonDeploymentArns: []string{aws.ToString(created.DeploymentArn)}}
		out, err := sdkecs.NewDaemonDeploymentSuccessfulWaiter(c).WaitForOutput(ctx, in, waitersMaxWait, func(o *sdkecs.DaemonDeploymentSuccessfulWaiterOptions) {
			o.MinDelay, o.MaxDelay = time.Millisecond, 5*time.Millisecond
			o.Retryable = advancing(srv.Server, &deployed, o.Retryable)
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := out.DaemonDeployments[0].Status; got != ecstypes.DaemonDeploymentStatusSuccessful || active != 0 || deployed != 1 {
			t.Errorf("deployment %s after %d and %d retries, want SUCCESSFUL after 0 and 1", got, active, deployed)
		}
	})
	t.Run("DaemonDeploymentStopped finishes once an update starts the next deployment, and a delete stops that one", func(t *testing.T) {
		taskDef := aws.String("arn:aws:ecs:us-west-2:123456789012:daemon-task-definition/agent:1")
		providers := []string{"arn:aws:ecs:us-west-2:123456789012:capacity-provider/cp"}
		created, err := c.CreateDaemon(ctx, &sdkecs.CreateDaemonInput{ClusterArn: aws.String("waiters"), DaemonName: aws.String("stopper"),
			DaemonTaskDefinitionArn: taskDef, CapacityProviderArns: providers})
		if err != nil {
			t.Fatal(err)
		}
		// The first poll sees the first deployment IN_PROGRESS; before the
		// second, an UpdateDaemon starts the next one, which stops it.
		var retries int
		var updated *sdkecs.UpdateDaemonOutput
		in := &sdkecs.DescribeDaemonDeploymentsInput{DaemonDeploymentArns: []string{aws.ToString(created.DeploymentArn)}}
		out, err := sdkecs.NewDaemonDeploymentStoppedWaiter(c).WaitForOutput(ctx, in, waitersMaxWait, func(o *sdkecs.DaemonDeploymentStoppedWaiterOptions) {
			o.MinDelay, o.MaxDelay = time.Millisecond, 5*time.Millisecond
			inner := o.Retryable
			o.Retryable = func(ctx context.Context, in *sdkecs.DescribeDaemonDeploymentsInput, out *sdkecs.DescribeDaemonDeploymentsOutput, err error) (bool, error) {
				retry, err := inner(ctx, in, out, err)
				if retry {
					if retries++; retries == 1 {
						updated, err = c.UpdateDaemon(ctx, &sdkecs.UpdateDaemonInput{DaemonArn: created.DaemonArn, DaemonTaskDefinitionArn: taskDef, CapacityProviderArns: providers})
					}
				}
				return retry, err
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := out.DaemonDeployments[0].Status; got != ecstypes.DaemonDeploymentStatusStopped || retries != 1 {
			t.Errorf("first deployment %s after %d retries, want STOPPED after 1", got, retries)
		}
		next := aws.ToString(updated.DeploymentArn)
		daemon, err := c.DescribeDaemon(ctx, &sdkecs.DescribeDaemonInput{DaemonArn: created.DaemonArn})
		if err != nil {
			t.Fatal(err)
		}
		if got := aws.ToString(daemon.Daemon.DeploymentArn); next == "" || next == aws.ToString(created.DeploymentArn) || got != next {
			t.Errorf("daemon's deployment %s, update's %s, create's %s: want the update's, a new one", got, next, aws.ToString(created.DeploymentArn))
		}
		if _, err := c.DeleteDaemon(ctx, &sdkecs.DeleteDaemonInput{DaemonArn: created.DaemonArn}); err != nil {
			t.Fatal(err)
		}
		retries = 0
		err = sdkecs.NewDaemonDeploymentStoppedWaiter(c).Wait(ctx, &sdkecs.DescribeDaemonDeploymentsInput{DaemonDeploymentArns: []string{next}}, waitersMaxWait,
			func(o *sdkecs.DaemonDeploymentStoppedWaiterOptions) {
				o.MinDelay, o.MaxDelay = time.Millisecond, 5*time.Millisecond
				o.Retryable = advancing(srv.Server, &retries, o.Retryable)
			})
		if err != nil || retries != 0 {
			t.Errorf("the update's deployment after the delete: %d retries, %v; want STOPPED at once", retries, err)
		}
	})
	t.Run("DaemonDeploymentSuccessful fails at once for a MISSING deployment", func(t *testing.T) {
		var retries int
		err := sdkecs.NewDaemonDeploymentSuccessfulWaiter(c).Wait(ctx, &sdkecs.DescribeDaemonDeploymentsInput{DaemonDeploymentArns: []string{"arn:aws:ecs:us-west-2:123456789012:daemon-deployment/nope/0"}}, waitersMaxWait,
			func(o *sdkecs.DaemonDeploymentSuccessfulWaiterOptions) {
				o.MinDelay, o.MaxDelay = time.Millisecond, 5*time.Millisecond
				o.Retryable = advancing(srv.Server, &retries, o.Retryable)
			})
		wantFailure(t, err)
	})
}
