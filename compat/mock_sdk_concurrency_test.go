package compat

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdkecs "github.com/aws/aws-sdk-go-v2/service/ecs"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
	sdkscheduler "github.com/aws/aws-sdk-go-v2/service/scheduler"
	schedtypes "github.com/aws/aws-sdk-go-v2/service/scheduler/types"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/specgen/specgen/gen/ecs/ecsmock"
	"github.com/specgen/specgen/specrt/mockrt"
)

// Many SDK clients at once against one mock, under the race detector
// (make test): parallel creates, reads, lists and deletes of the same
// resource and of different ones. Nothing is lost, nothing is listed twice,
// and the counts add up.

// listScheduleNames reads every page of a group's schedules through the
// SDK's paginator, with pages of size.
func listScheduleNames(t *testing.T, c *sdkscheduler.Client, group string, size int32) ([]string, error) {
	p := sdkscheduler.NewListSchedulesPaginator(c, &sdkscheduler.ListSchedulesInput{GroupName: aws.String(group), MaxResults: aws.Int32(size)})
	var names []string
	for p.HasMorePages() {
		out, err := p.NextPage(t.Context())
		if err != nil {
			return names, err
		}
		for _, s := range out.Schedules {
			names = append(names, aws.ToString(s.Name))
		}
	}
	return names, nil
}

func duplicates(names []string) []string {
	seen := map[string]bool{}
	var dup []string
	for _, n := range names {
		if seen[n] {
			dup = append(dup, n)
		}
		seen[n] = true
	}
	return dup
}

func TestSDKSchedulerConcurrency(t *testing.T) {
	c := newSchedulerSDK(t)
	ctx := t.Context()
	if _, err := c.CreateScheduleGroup(ctx, &sdkscheduler.CreateScheduleGroupInput{Name: aws.String("busy")}); err != nil {
		t.Fatal(err)
	}

	t.Run("parallel creates of one name give one success and conflicts for the rest", func(t *testing.T) {
		const racers = 16
		var wg sync.WaitGroup
		results := make(chan error, racers)
		for range racers {
			wg.Go(func() {
				_, err := c.CreateSchedule(ctx, newScheduleInput("contested", "busy", "rate(1 hour)"))
				results <- err
			})
		}
		wg.Wait()
		close(results)
		won, conflicts := 0, 0
		for err := range results {
			var ce *schedtypes.ConflictException
			switch {
			case err == nil:
				won++
			case errors.As(err, &ce):
				conflicts++
			default:
				t.Errorf("create: %v", err)
			}
		}
		if won != 1 || conflicts != racers-1 {
			t.Errorf("%d successes and %d conflicts, want 1 and %d", won, conflicts, racers-1)
		}
	})

	t.Run("parallel deletes of one schedule give one success and not-found for the rest", func(t *testing.T) {
		const racers = 16
		var wg sync.WaitGroup
		results := make(chan error, racers)
		for range racers {
			wg.Go(func() {
				_, err := c.DeleteSchedule(ctx, &sdkscheduler.DeleteScheduleInput{Name: aws.String("contested"), GroupName: aws.String("busy")})
				results <- err
			})
		}
		wg.Wait()
		close(results)
		won, notFound := 0, 0
		for err := range results {
			var nf *schedtypes.ResourceNotFoundException
			switch {
			case err == nil:
				won++
			case errors.As(err, &nf):
				notFound++
			default:
				t.Errorf("delete: %v", err)
			}
		}
		if won != 1 || notFound != racers-1 {
			t.Errorf("%d successes and %d not-found, want 1 and %d", won, notFound, racers-1)
		}
	})

	t.Run("workers creating, reading, listing and deleting their own schedules lose none", func(t *testing.T) {
		const workers, each = 8, 16
		var wg sync.WaitGroup
		errs := make(chan error, workers*each*4)
		for w := range workers {
			wg.Go(func() {
				for i := range each {
					name := fmt.Sprintf("w%d-%02d", w, i)
					if _, err := c.CreateSchedule(ctx, newScheduleInput(name, "busy", "rate(5 minutes)")); err != nil {
						errs <- fmt.Errorf("create %s: %w", name, err)
						continue
					}
					if got, err := c.GetSchedule(ctx, &sdkscheduler.GetScheduleInput{Name: aws.String(name), GroupName: aws.String("busy")}); err != nil {
						errs <- fmt.Errorf("read %s: %w", name, err)
					} else if aws.ToString(got.Name) != name {
						errs <- fmt.Errorf("read %s answered %s", name, aws.ToString(got.Name))
					}
					// A listing taken while others create and delete
					// holds each schedule at most once.
					if listed, err := listScheduleNames(t, c, "busy", 7); err != nil {
						errs <- fmt.Errorf("list: %w", err)
					} else if dup := duplicates(listed); len(dup) > 0 {
						errs <- fmt.Errorf("one listing holds %v twice", dup)
					}
					if i%2 == 1 {
						if _, err := c.DeleteSchedule(ctx, &sdkscheduler.DeleteScheduleInput{Name: aws.String(name), GroupName: aws.String("busy")}); err != nil {
							errs <- fmt.Errorf("delete %s: %w", name, err)
						}
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		var want []string
		for w := range workers {
			for i := 0; i < each; i += 2 {
				want = append(want, fmt.Sprintf("w%d-%02d", w, i))
			}
		}
		got, err := listScheduleNames(t, c, "busy", 10)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got, sortStrings); diff != "" {
			t.Errorf("schedules left (-want +got):\n%s", diff)
		}
		if dup := duplicates(got); len(dup) > 0 {
			t.Errorf("listed twice: %v", dup)
		}
	})

	t.Run("groups created in parallel are each listed once", func(t *testing.T) {
		const n = 40
		var wg sync.WaitGroup
		errs := make(chan error, n)
		for i := range n {
			wg.Go(func() {
				name := fmt.Sprintf("g-%02d", i)
				if _, err := c.CreateScheduleGroup(ctx, &sdkscheduler.CreateScheduleGroupInput{Name: aws.String(name)}); err != nil {
					errs <- fmt.Errorf("create %s: %w", name, err)
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		p := sdkscheduler.NewListScheduleGroupsPaginator(c, &sdkscheduler.ListScheduleGroupsInput{MaxResults: aws.Int32(3)})
		var got []string
		for p.HasMorePages() {
			out, err := p.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for _, g := range out.ScheduleGroups {
				if n := aws.ToString(g.Name); n != "default" { // the service's own
					got = append(got, n)
				}
			}
		}
		want := []string{"busy"}
		for i := range n {
			want = append(want, fmt.Sprintf("g-%02d", i))
		}
		if diff := cmp.Diff(want, got, sortStrings); diff != "" {
			t.Errorf("groups listed (-want +got):\n%s", diff)
		}
		if dup := duplicates(got); len(dup) > 0 {
			t.Errorf("listed twice: %v", dup)
		}
	})
}

// sortStrings compares lists of names as sets, for what parallel work
// creates in no fixed order (duplicates are checked apart).
var sortStrings = cmpopts.SortSlices(func(a, b string) bool { return a < b })

// TestSDKECSConcurrency: services of one cluster created, described, listed
// and deleted from many goroutines; a deleted ECS service stays listed as
// INACTIVE for a while in the service, so the mock's transitions are made
// immediate and the listing checked is the cluster's ACTIVE services.
func TestSDKECSConcurrency(t *testing.T) {
	srv, url := ecsmock.NewTestServer(t, append(mockOptions(), mockrt.WithTransitionDelay(0))...)
	requireResources(t, srv.Server, "Cluster", "Service")
	c := sdkecs.New(sdkecs.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	if _, err := c.CreateCluster(ctx, &sdkecs.CreateClusterInput{ClusterName: aws.String("busy")}); err != nil {
		t.Fatal(err)
	}
	create := func(name string) error {
		_, err := c.CreateService(ctx, &sdkecs.CreateServiceInput{Cluster: aws.String("busy"), ServiceName: aws.String(name), TaskDefinition: aws.String("api"), DesiredCount: aws.Int32(1)})
		return err
	}
	listARNs := func(size int32) ([]string, error) {
		p := sdkecs.NewListServicesPaginator(c, &sdkecs.ListServicesInput{Cluster: aws.String("busy"), MaxResults: aws.Int32(size)})
		var arns []string
		for p.HasMorePages() {
			out, err := p.NextPage(ctx)
			if err != nil {
				return arns, err
			}
			arns = append(arns, out.ServiceArns...)
		}
		return arns, nil
	}
	arn := func(name string) string { return "arn:aws:ecs:us-west-2:123456789012:service/busy/" + name }

	t.Run("parallel creates of one service name give one success", func(t *testing.T) {
		const racers = 16
		var wg sync.WaitGroup
		results := make(chan error, racers)
		for range racers {
			wg.Go(func() { results <- create("contested") })
		}
		wg.Wait()
		close(results)
		won, refused := 0, 0
		for err := range results {
			var ip *ecstypes.InvalidParameterException
			switch {
			case err == nil:
				won++
			case errors.As(err, &ip):
				refused++
			default:
				t.Errorf("create: %v", err)
			}
		}
		if won != 1 || refused != racers-1 {
			t.Errorf("%d successes and %d InvalidParameterException, want 1 and %d", won, refused, racers-1)
		}
	})
	t.Run("workers creating, describing, listing and deleting their own services lose none", func(t *testing.T) {
		const workers, each = 8, 12
		var wg sync.WaitGroup
		errs := make(chan error, workers*each*4)
		for w := range workers {
			wg.Go(func() {
				for i := range each {
					name := fmt.Sprintf("w%d-%02d", w, i)
					if err := create(name); err != nil {
						errs <- fmt.Errorf("create %s: %w", name, err)
						continue
					}
					out, err := c.DescribeServices(ctx, &sdkecs.DescribeServicesInput{Cluster: aws.String("busy"), Services: []string{name, arn(name)}})
					switch {
					case err != nil:
						errs <- fmt.Errorf("describe %s: %w", name, err)
					case len(out.Services) != 2 || len(out.Failures) != 0:
						errs <- fmt.Errorf("describe %s: %d services, %d failures, want 2 and 0", name, len(out.Services), len(out.Failures))
					}
					if listed, err := listARNs(5); err != nil {
						errs <- fmt.Errorf("list: %w", err)
					} else if dup := duplicates(listed); len(dup) > 0 {
						errs <- fmt.Errorf("one listing holds %v twice", dup)
					}
					if i%3 == 2 {
						if _, err := c.DeleteService(ctx, &sdkecs.DeleteServiceInput{Cluster: aws.String("busy"), Service: aws.String(name), Force: aws.Bool(true)}); err != nil {
							errs <- fmt.Errorf("delete %s: %w", name, err)
						}
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		want := []string{arn("contested")}
		for w := range workers {
			for i := range each {
				if i%3 != 2 {
					want = append(want, arn(fmt.Sprintf("w%d-%02d", w, i)))
				}
			}
		}
		got, err := listARNs(10)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got, sortStrings); diff != "" {
			t.Errorf("services left (-want +got):\n%s", diff)
		}
		if dup := duplicates(got); len(dup) > 0 {
			t.Errorf("listed twice: %v", dup)
		}
	})
}
