package compat

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdkscheduler "github.com/aws/aws-sdk-go-v2/service/scheduler"
	schedtypes "github.com/aws/aws-sdk-go-v2/service/scheduler/types"
	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/scheduler/schedulermock"
)

// A resource's whole life driven by the AWS SDK for Go v2 against the
// generated mocks: create, read by each identifier form the service
// accepts, wait for the ready status, list across several pages with the
// SDK's paginators, tag and untag, update, delete, and read again to get
// the SDK's typed not-found error. The SDK decodes every answer with its
// own deserializers, so a member the mock misplaces or mistypes fails here
// even when the generated client (built from the same spec) would accept it.

func newSchedulerSDK(t *testing.T) *sdkscheduler.Client {
	_, url := schedulermock.NewTestServer(t, mockOptions()...)
	return sdkscheduler.New(sdkscheduler.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
}

func newScheduleInput(name, group, expr string) *sdkscheduler.CreateScheduleInput {
	return &sdkscheduler.CreateScheduleInput{
		Name: aws.String(name), GroupName: aws.String(group), ScheduleExpression: aws.String(expr),
		FlexibleTimeWindow: &schedtypes.FlexibleTimeWindow{Mode: schedtypes.FlexibleTimeWindowModeOff},
		Target: &schedtypes.Target{
			Arn:     aws.String("arn:aws:sqs:us-west-2:123456789012:queue"),
			RoleArn: aws.String("arn:aws:iam::123456789012:role/scheduler"),
		},
	}
}

// TestSDKSchedulerLifecycle: Scheduler has no waiters in its model; a
// schedule group is ACTIVE from its create on, which the scenario checks
// instead.
func TestSDKSchedulerLifecycle(t *testing.T) {
	c := newSchedulerSDK(t)
	ctx := t.Context()

	created, err := c.CreateScheduleGroup(ctx, &sdkscheduler.CreateScheduleGroupInput{
		Name: aws.String("jobs"), Tags: []schedtypes.Tag{{Key: aws.String("team"), Value: aws.String("a")}},
	})
	if err != nil {
		t.Fatalf("CreateScheduleGroup: %v", err)
	}
	groupARN := "arn:aws:scheduler:us-west-2:123456789012:schedule-group/jobs"
	var names, arns []string
	for i := range 5 {
		name := fmt.Sprintf("nightly-%d", i)
		out, err := c.CreateSchedule(ctx, newScheduleInput(name, "jobs", "rate(1 hour)"))
		if err != nil {
			t.Fatalf("CreateSchedule %s: %v", name, err)
		}
		names = append(names, name)
		arns = append(arns, aws.ToString(out.ScheduleArn))
	}

	t.Run("the creates answer the new group's and schedules' ARNs", func(t *testing.T) {
		want := []string{groupARN}
		got := []string{aws.ToString(created.ScheduleGroupArn)}
		for i, n := range names {
			want = append(want, "arn:aws:scheduler:us-west-2:123456789012:schedule/jobs/"+n)
			got = append(got, arns[i])
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("ARNs answered by the creates (-want +got):\n%s", diff)
		}
	})

	t.Run("the group read by name is ACTIVE and carries its ARN", func(t *testing.T) {
		g, err := c.GetScheduleGroup(ctx, &sdkscheduler.GetScheduleGroupInput{Name: aws.String("jobs")})
		if err != nil {
			t.Fatal(err)
		}
		got := []string{aws.ToString(g.Name), aws.ToString(g.Arn), string(g.State)}
		if diff := cmp.Diff([]string{"jobs", groupARN, "ACTIVE"}, got); diff != "" {
			t.Errorf("group (-want +got):\n%s", diff)
		}
	})
	t.Run("the group's and a schedule's creation dates are set", func(t *testing.T) {
		g, err := c.GetScheduleGroup(ctx, &sdkscheduler.GetScheduleGroupInput{Name: aws.String("jobs")})
		if err != nil {
			t.Fatal(err)
		}
		s, err := c.GetSchedule(ctx, &sdkscheduler.GetScheduleInput{Name: aws.String("nightly-0"), GroupName: aws.String("jobs")})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range []*time.Time{g.CreationDate, g.LastModificationDate, s.CreationDate, s.LastModificationDate} {
			if d == nil || time.Since(*d).Abs() > time.Hour {
				t.Errorf("date %v, want about now", d)
			}
		}
	})
	t.Run("a schedule read by group and name echoes what created it", func(t *testing.T) {
		s, err := c.GetSchedule(ctx, &sdkscheduler.GetScheduleInput{Name: aws.String("nightly-0"), GroupName: aws.String("jobs")})
		if err != nil {
			t.Fatal(err)
		}
		got := []string{aws.ToString(s.Name), aws.ToString(s.GroupName), aws.ToString(s.ScheduleExpression),
			aws.ToString(s.Target.Arn), string(s.FlexibleTimeWindow.Mode), aws.ToString(s.Arn)}
		want := []string{"nightly-0", "jobs", "rate(1 hour)", "arn:aws:sqs:us-west-2:123456789012:queue", "OFF",
			"arn:aws:scheduler:us-west-2:123456789012:schedule/jobs/nightly-0"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("schedule (-want +got):\n%s", diff)
		}
	})
	t.Run("a second group of the same name is a ConflictException", func(t *testing.T) {
		_, err := c.CreateScheduleGroup(ctx, &sdkscheduler.CreateScheduleGroupInput{Name: aws.String("jobs")})
		wantSDKError[*schedtypes.ConflictException](t, "second group jobs", err)
	})
	t.Run("the SDK's paginator lists the schedules in pages of two", func(t *testing.T) {
		p := sdkscheduler.NewListSchedulesPaginator(c, &sdkscheduler.ListSchedulesInput{GroupName: aws.String("jobs"), MaxResults: aws.Int32(2)})
		var got []string
		pages := 0
		for p.HasMorePages() {
			out, err := p.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			pages++
			for _, s := range out.Schedules {
				got = append(got, aws.ToString(s.Name))
			}
		}
		if diff := cmp.Diff(names, got); diff != "" {
			t.Errorf("listed (-want +got):\n%s", diff)
		}
		if pages != 3 {
			t.Errorf("%d pages, want 3", pages)
		}
	})
	t.Run("the SDK's paginator lists the groups one a page", func(t *testing.T) {
		for _, n := range []string{"reports", "backups"} {
			if _, err := c.CreateScheduleGroup(ctx, &sdkscheduler.CreateScheduleGroupInput{Name: aws.String(n)}); err != nil {
				t.Fatal(err)
			}
		}
		p := sdkscheduler.NewListScheduleGroupsPaginator(c, &sdkscheduler.ListScheduleGroupsInput{MaxResults: aws.Int32(1)})
		var got []string
		for p.HasMorePages() {
			out, err := p.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(out.ScheduleGroups) > 1 {
				t.Errorf("a page of %d groups, want at most 1", len(out.ScheduleGroups))
			}
			for _, g := range out.ScheduleGroups {
				// The service's own default group is listed too.
				if n := aws.ToString(g.Name); n != "default" {
					got = append(got, n)
				}
			}
		}
		if diff := cmp.Diff([]string{"jobs", "reports", "backups"}, got); diff != "" {
			t.Errorf("listed (-want +got):\n%s", diff)
		}
	})
	t.Run("a name prefix keeps the groups whose name starts with it", func(t *testing.T) {
		out, err := c.ListScheduleGroups(ctx, &sdkscheduler.ListScheduleGroupsInput{NamePrefix: aws.String("re")})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, g := range out.ScheduleGroups {
			got = append(got, aws.ToString(g.Name))
		}
		if diff := cmp.Diff([]string{"reports"}, got); diff != "" {
			t.Errorf("listed (-want +got):\n%s", diff)
		}
	})
	t.Run("a schedule created without a group is in the default group, and a listing without a group holds every group's", func(t *testing.T) {
		in := newScheduleInput("hourly", "", "rate(1 hour)")
		in.GroupName = nil
		if _, err := c.CreateSchedule(ctx, in); err != nil {
			t.Fatal(err)
		}
		got, err := c.GetSchedule(ctx, &sdkscheduler.GetScheduleInput{Name: aws.String("hourly")})
		if err != nil {
			t.Fatal(err)
		}
		if g := aws.ToString(got.GroupName); g != "default" {
			t.Errorf("group %q, want default", g)
		}
		out, err := c.ListSchedules(ctx, &sdkscheduler.ListSchedulesInput{})
		if err != nil {
			t.Fatal(err)
		}
		var listed []string
		for _, s := range out.Schedules {
			listed = append(listed, aws.ToString(s.GroupName)+"/"+aws.ToString(s.Name))
		}
		want := []string{"default/hourly"}
		for _, n := range names {
			want = append(want, "jobs/"+n)
		}
		if diff := cmp.Diff(want, listed, sortStrings); diff != "" {
			t.Errorf("every group's schedules (-want +got):\n%s", diff)
		}
		if _, err := c.DeleteSchedule(ctx, &sdkscheduler.DeleteScheduleInput{Name: aws.String("hourly")}); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("a token the mock did not issue is a ValidationException", func(t *testing.T) {
		_, err := c.ListSchedules(ctx, &sdkscheduler.ListSchedulesInput{GroupName: aws.String("jobs"), NextToken: aws.String("forged")})
		wantSDKError[*schedtypes.ValidationException](t, "forged token", err)
	})
	t.Run("the group's tags are listed, added and removed by ARN", func(t *testing.T) {
		tags := func() []string {
			out, err := c.ListTagsForResource(ctx, &sdkscheduler.ListTagsForResourceInput{ResourceArn: aws.String(groupARN)})
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
		if _, err := c.TagResource(ctx, &sdkscheduler.TagResourceInput{ResourceArn: aws.String(groupARN),
			Tags: []schedtypes.Tag{{Key: aws.String("env"), Value: aws.String("test")}}}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"env=test", "team=a"}, tags()); diff != "" {
			t.Errorf("tags after TagResource (-want +got):\n%s", diff)
		}
		if _, err := c.UntagResource(ctx, &sdkscheduler.UntagResourceInput{ResourceArn: aws.String(groupARN), TagKeys: []string{"team"}}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"env=test"}, tags()); diff != "" {
			t.Errorf("tags after UntagResource (-want +got):\n%s", diff)
		}
	})
	t.Run("an update changes the expression and keeps the target", func(t *testing.T) {
		in := newScheduleInput("nightly-1", "jobs", "cron(0 3 * * ? *)")
		if _, err := c.UpdateSchedule(ctx, &sdkscheduler.UpdateScheduleInput{Name: in.Name, GroupName: in.GroupName,
			ScheduleExpression: in.ScheduleExpression, FlexibleTimeWindow: in.FlexibleTimeWindow, Target: in.Target}); err != nil {
			t.Fatal(err)
		}
		s, err := c.GetSchedule(ctx, &sdkscheduler.GetScheduleInput{Name: aws.String("nightly-1"), GroupName: aws.String("jobs")})
		if err != nil {
			t.Fatal(err)
		}
		got := []string{aws.ToString(s.ScheduleExpression), aws.ToString(s.Target.Arn)}
		if diff := cmp.Diff([]string{"cron(0 3 * * ? *)", "arn:aws:sqs:us-west-2:123456789012:queue"}, got); diff != "" {
			t.Errorf("after update (-want +got):\n%s", diff)
		}
	})
	t.Run("an update of a schedule that does not exist is a ResourceNotFoundException", func(t *testing.T) {
		in := newScheduleInput("missing", "jobs", "rate(1 hour)")
		_, err := c.UpdateSchedule(ctx, &sdkscheduler.UpdateScheduleInput{Name: in.Name, GroupName: in.GroupName,
			ScheduleExpression: in.ScheduleExpression, FlexibleTimeWindow: in.FlexibleTimeWindow, Target: in.Target})
		wantSDKError[*schedtypes.ResourceNotFoundException](t, "update missing", err)
	})
	t.Run("a group that still holds schedules is not deleted", func(t *testing.T) {
		_, err := c.DeleteScheduleGroup(ctx, &sdkscheduler.DeleteScheduleGroupInput{Name: aws.String("jobs")})
		wantSDKError[*schedtypes.ConflictException](t, "delete jobs", err)
	})
	t.Run("deleted schedules and then their group read as ResourceNotFoundException", func(t *testing.T) {
		for _, n := range names {
			if _, err := c.DeleteSchedule(ctx, &sdkscheduler.DeleteScheduleInput{Name: aws.String(n), GroupName: aws.String("jobs")}); err != nil {
				t.Fatalf("DeleteSchedule %s: %v", n, err)
			}
		}
		_, err := c.GetSchedule(ctx, &sdkscheduler.GetScheduleInput{Name: aws.String("nightly-0"), GroupName: aws.String("jobs")})
		wantSDKError[*schedtypes.ResourceNotFoundException](t, "get deleted schedule", err)
		if _, err := c.DeleteScheduleGroup(ctx, &sdkscheduler.DeleteScheduleGroupInput{Name: aws.String("jobs")}); err != nil {
			t.Fatalf("DeleteScheduleGroup of the emptied group: %v", err)
		}
		_, err = c.GetScheduleGroup(ctx, &sdkscheduler.GetScheduleGroupInput{Name: aws.String("jobs")})
		wantSDKError[*schedtypes.ResourceNotFoundException](t, "get deleted group", err)
		_, err = c.DeleteSchedule(ctx, &sdkscheduler.DeleteScheduleInput{Name: aws.String("nightly-0"), GroupName: aws.String("jobs")})
		wantSDKError[*schedtypes.ResourceNotFoundException](t, "delete again", err)
	})
}
