package mocktest

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/scheduler"
	"github.com/specgen/specgen/gen/scheduler/schedulermock"
	"github.com/specgen/specgen/specrt/mockrt"
)

// TestSchedulerLifecycle drives EventBridge Scheduler's generated client
// against its mock, imported with no overlay, for what the importer infers
// beyond the scenario of TestSchedulerImportedRuns: the ARNs the creates and
// updates answer, the built-in default group, and the name-prefix and state
// filters of the lists.
func TestSchedulerLifecycle(t *testing.T) {
	ctx := t.Context()
	_, url := schedulermock.NewTestServer(t, mockrt.WithTransitionDelay(0))
	c := scheduler.New(options(url))
	newSchedule := func(name string, group *string) *scheduler.CreateScheduleInput {
		return &scheduler.CreateScheduleInput{Name: new(name), GroupName: group, ScheduleExpression: new("rate(1 hour)"),
			FlexibleTimeWindow: &scheduler.FlexibleTimeWindow{Mode: scheduler.FlexibleTimeWindowModeOff},
			Target:             &scheduler.Target{ARN: new("arn:aws:sqs:us-east-1:123456789012:q"), RoleARN: new("arn:aws:iam::123456789012:role/r")}}
	}

	t.Run("the creates and the update answer the ARN the resource has", func(t *testing.T) {
		g := must(c.CreateScheduleGroup(ctx, &scheduler.CreateScheduleGroupInput{Name: new("team-a")}))(t)
		s := must(c.CreateSchedule(ctx, newSchedule("nightly", new("team-a"))))(t)
		in := newSchedule("nightly", new("team-a"))
		u := must(c.UpdateSchedule(ctx, &scheduler.UpdateScheduleInput{Name: in.Name, GroupName: in.GroupName,
			ScheduleExpression: new("rate(2 hours)"), FlexibleTimeWindow: in.FlexibleTimeWindow, Target: in.Target}))(t)
		got := []string{*g.ScheduleGroupARN, *s.ScheduleARN, *u.ScheduleARN}
		want := []string{
			"arn:aws:scheduler:us-east-1:123456789012:schedule-group/team-a",
			"arn:aws:scheduler:us-east-1:123456789012:schedule/team-a/nightly",
			"arn:aws:scheduler:us-east-1:123456789012:schedule/team-a/nightly",
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("ARNs (-want +got):\n%s", diff)
		}
		read := must(c.GetSchedule(ctx, &scheduler.GetScheduleInput{Name: new("nightly"), GroupName: new("team-a")}))(t)
		if *read.ARN != want[1] {
			t.Errorf("read ARN %s, want %s", *read.ARN, want[1])
		}
	})

	t.Run("a schedule created without a group lives in the default group", func(t *testing.T) {
		s := must(c.CreateSchedule(ctx, newSchedule("hourly", nil)))(t)
		if want := "arn:aws:scheduler:us-east-1:123456789012:schedule/default/hourly"; *s.ScheduleARN != want {
			t.Errorf("ARN %s, want %s", *s.ScheduleARN, want)
		}
		read := must(c.GetSchedule(ctx, &scheduler.GetScheduleInput{Name: new("hourly")}))(t)
		if *read.GroupName != "default" {
			t.Errorf("group %s, want default", *read.GroupName)
		}
	})
	t.Run("the default group exists, ACTIVE, and cannot be deleted", func(t *testing.T) {
		g := must(c.GetScheduleGroup(ctx, &scheduler.GetScheduleGroupInput{Name: new("default")}))(t)
		got := []string{*g.Name, string(g.State), *g.ARN}
		want := []string{"default", "ACTIVE", "arn:aws:scheduler:us-east-1:123456789012:schedule-group/default"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("default group (-want +got):\n%s", diff)
		}
		_, err := c.DeleteScheduleGroup(ctx, &scheduler.DeleteScheduleGroupInput{Name: new("default")})
		wantCode(t, "delete default", err, "ValidationException")
		must(c.GetScheduleGroup(ctx, &scheduler.GetScheduleGroupInput{Name: new("default")}))(t)
	})

	t.Run("ListScheduleGroups keeps the names with the prefix asked", func(t *testing.T) {
		must(c.CreateScheduleGroup(ctx, &scheduler.CreateScheduleGroupInput{Name: new("team-b")}))(t)
		must(c.CreateScheduleGroup(ctx, &scheduler.CreateScheduleGroupInput{Name: new("ops")}))(t)
		for _, tc := range []struct {
			prefix *string
			want   []string
		}{
			{nil, []string{"default", "team-a", "team-b", "ops"}},
			{new("team-"), []string{"team-a", "team-b"}},
			{new("nope"), nil},
		} {
			out := must(c.ListScheduleGroups(ctx, &scheduler.ListScheduleGroupsInput{NamePrefix: tc.prefix}))(t)
			var got []string
			for _, g := range out.ScheduleGroups {
				got = append(got, *g.Name)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("prefix %v (-want +got):\n%s", tc.prefix, diff)
			}
		}
	})
	t.Run("ListSchedules keeps the names with the prefix, the state and the group asked", func(t *testing.T) {
		off := newSchedule("nightly-off", new("team-a"))
		off.State = scheduler.ScheduleStateDisabled
		must(c.CreateSchedule(ctx, off))(t)
		must(c.CreateSchedule(ctx, newSchedule("weekly", new("team-b"))))(t)
		for _, tc := range []struct {
			name string
			in   scheduler.ListSchedulesInput
			want []string
		}{
			{"every schedule", scheduler.ListSchedulesInput{}, []string{"nightly", "hourly", "nightly-off", "weekly"}},
			{"by prefix", scheduler.ListSchedulesInput{NamePrefix: new("nightly")}, []string{"nightly", "nightly-off"}},
			{"by state", scheduler.ListSchedulesInput{State: scheduler.ScheduleStateDisabled}, []string{"nightly-off"}},
			{"by group", scheduler.ListSchedulesInput{GroupName: new("team-b")}, []string{"weekly"}},
			{"by group and prefix", scheduler.ListSchedulesInput{GroupName: new("team-a"), NamePrefix: new("nightly-")}, []string{"nightly-off"}},
		} {
			out := must(c.ListSchedules(ctx, &tc.in))(t)
			var got []string
			for _, s := range out.Schedules {
				got = append(got, *s.Name)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tc.name, diff)
			}
		}
	})
}
