package mocktest

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/cloudwatch"
	"github.com/specgen/specgen/gen/cloudwatch/cloudwatchmock"
	"github.com/specgen/specgen/specrt/mockrt"
)

// TestCloudWatchLifecycle drives CloudWatch's generated client (rpcv2Cbor)
// against its mock: metric alarms put, described by names, prefix and
// state, set, tagged and deleted (specs/cloudwatch/alarms.overlay.yaml).
func TestCloudWatchLifecycle(t *testing.T) {
	ctx := t.Context()
	clock := mockrt.NewManualClock(manualStart)
	_, url := cloudwatchmock.NewTestServer(t, mockrt.WithClock(clock.Now))
	c := cloudwatch.New(options(url))
	// put puts an alarm, with a description unless desc is "".
	put := func(name, desc string) *cloudwatch.PutMetricAlarmInput {
		var d *string
		if desc != "" {
			d = new(desc)
		}
		return &cloudwatch.PutMetricAlarmInput{AlarmName: new(name), AlarmDescription: d, MetricName: new("CPUUtilization"),
			Namespace: new("AWS/EC2"), Statistic: cloudwatch.StatisticAverage, Period: new(int32(60)), EvaluationPeriods: new(int32(1)),
			Threshold: new(80.0), ComparisonOperator: cloudwatch.ComparisonOperatorGreaterThanThreshold,
			Tags: []cloudwatch.Tag{{Key: new("team"), Value: new("a")}}}
	}
	describe := func(t *testing.T, in *cloudwatch.DescribeAlarmsInput) []string {
		t.Helper()
		var names []string
		for _, a := range must(c.DescribeAlarms(ctx, in))(t).MetricAlarms {
			names = append(names, *a.AlarmName)
		}
		return names
	}
	const arn = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:cpu-high"

	t.Run("PutMetricAlarm creates an alarm in INSUFFICIENT_DATA", func(t *testing.T) {
		must(c.PutMetricAlarm(ctx, put("cpu-high", "first")))(t)
		got := must(c.DescribeAlarms(ctx, &cloudwatch.DescribeAlarmsInput{AlarmNames: []string{"cpu-high"}}))(t).MetricAlarms
		if len(got) != 1 {
			t.Fatalf("%d alarms, want 1", len(got))
		}
		a := got[0]
		want := []any{"cpu-high", arn, "first", cloudwatch.StateValueInsufficientData, "Unchecked: Initial alarm creation", true, 80.0,
			manualStart, manualStart}
		have := []any{*a.AlarmName, *a.AlarmARN, *a.AlarmDescription, a.StateValue, *a.StateReason, *a.ActionsEnabled, *a.Threshold,
			a.StateUpdatedTimestamp.UTC(), a.AlarmConfigurationUpdatedTimestamp.UTC()}
		if diff := cmp.Diff(want, have); diff != "" {
			t.Errorf("alarm (-want +got):\n%s", diff)
		}
	})
	t.Run("a put of the same name replaces the configuration and leaves the state", func(t *testing.T) {
		clock.Advance(time.Minute)
		must(c.SetAlarmState(ctx, &cloudwatch.SetAlarmStateInput{AlarmName: new("cpu-high"), StateValue: cloudwatch.StateValueAlarm, StateReason: new("testing")}))(t)
		clock.Advance(time.Minute)
		again := put("cpu-high", "")
		again.Threshold, again.ActionsEnabled = new(90.0), new(false)
		must(c.PutMetricAlarm(ctx, again))(t)
		got := must(c.DescribeAlarms(ctx, &cloudwatch.DescribeAlarmsInput{AlarmNames: []string{"cpu-high"}}))(t).MetricAlarms
		if len(got) != 1 {
			t.Fatalf("%d alarms, want 1", len(got))
		}
		a := got[0]
		want := []any{(*string)(nil), 90.0, false, "arn:aws:cloudwatch:us-east-1:123456789012:alarm:cpu-high", cloudwatch.StateValueAlarm, "testing",
			manualStart.Add(time.Minute), manualStart.Add(2 * time.Minute)}
		have := []any{a.AlarmDescription, *a.Threshold, *a.ActionsEnabled, *a.AlarmARN, a.StateValue, *a.StateReason,
			a.StateUpdatedTimestamp.UTC(), a.AlarmConfigurationUpdatedTimestamp.UTC()}
		if diff := cmp.Diff(want, have); diff != "" {
			t.Errorf("alarm (-want +got):\n%s", diff)
		}
	})
	t.Run("DescribeAlarms filters by names, prefix and state", func(t *testing.T) {
		must(c.PutMetricAlarm(ctx, put("cpu-low", "")))(t)
		must(c.PutMetricAlarm(ctx, put("disk-full", "")))(t)
		for _, tc := range []struct {
			name string
			in   *cloudwatch.DescribeAlarmsInput
			want []string
		}{
			{"no filter lists every alarm", &cloudwatch.DescribeAlarmsInput{}, []string{"cpu-high", "cpu-low", "disk-full"}},
			{"names keep the alarms named, unknown names none", &cloudwatch.DescribeAlarmsInput{AlarmNames: []string{"disk-full", "nope", "cpu-high"}}, []string{"cpu-high", "disk-full"}},
			{"only unknown names answer nothing", &cloudwatch.DescribeAlarmsInput{AlarmNames: []string{"nope"}}, nil},
			{"a prefix keeps the names it begins", &cloudwatch.DescribeAlarmsInput{AlarmNamePrefix: new("cpu-")}, []string{"cpu-high", "cpu-low"}},
			{"a state keeps the alarms in it", &cloudwatch.DescribeAlarmsInput{StateValue: cloudwatch.StateValueInsufficientData}, []string{"cpu-low", "disk-full"}},
			{"filters combine", &cloudwatch.DescribeAlarmsInput{AlarmNamePrefix: new("cpu-"), StateValue: cloudwatch.StateValueAlarm}, []string{"cpu-high"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				if diff := cmp.Diff(tc.want, describe(t, tc.in)); diff != "" {
					t.Errorf("alarms (-want +got):\n%s", diff)
				}
			})
		}
	})
	t.Run("DescribeAlarms pages by MaxRecords and NextToken", func(t *testing.T) {
		var names []string
		pages := 0
		for p := cloudwatch.NewDescribeAlarmsPaginator(c, &cloudwatch.DescribeAlarmsInput{MaxRecords: new(int32(2))}); p.HasMorePages(); pages++ {
			for _, a := range must(p.NextPage(ctx))(t).MetricAlarms {
				names = append(names, *a.AlarmName)
			}
		}
		if diff := cmp.Diff([]string{"cpu-high", "cpu-low", "disk-full"}, names); diff != "" || pages != 2 {
			t.Errorf("%d pages, alarms (-want +got):\n%s", pages, diff)
		}
	})
	t.Run("tags follow the put, TagResource and UntagResource", func(t *testing.T) {
		must(c.TagResource(ctx, &cloudwatch.TagResourceInput{ResourceARN: new(arn), Tags: []cloudwatch.Tag{{Key: new("env"), Value: new("prod")}}}))(t)
		must(c.UntagResource(ctx, &cloudwatch.UntagResourceInput{ResourceARN: new(arn), TagKeys: []string{"team"}}))(t)
		got := must(c.ListTagsForResource(ctx, &cloudwatch.ListTagsForResourceInput{ResourceARN: new(arn)}))(t).Tags
		if diff := cmp.Diff([]cloudwatch.Tag{{Key: new("env"), Value: new("prod")}}, got); diff != "" {
			t.Errorf("tags (-want +got):\n%s", diff)
		}
	})
	t.Run("an alarm that does not exist answers ResourceNotFound", func(t *testing.T) {
		_, err := c.SetAlarmState(ctx, &cloudwatch.SetAlarmStateInput{AlarmName: new("nope"), StateValue: cloudwatch.StateValueOk, StateReason: new("x")})
		wantCode(t, "set state", err, "ResourceNotFound")
		_, err = c.ListTagsForResource(ctx, &cloudwatch.ListTagsForResourceInput{ResourceARN: new(arn + "-nope")})
		wantCode(t, "list tags", err, "ResourceNotFoundException")
	})
	t.Run("DeleteAlarms deletes the alarms named and passes over unknown names", func(t *testing.T) {
		must(c.DeleteAlarms(ctx, &cloudwatch.DeleteAlarmsInput{AlarmNames: []string{"cpu-high", "nope", "disk-full", "cpu-high"}}))(t)
		if diff := cmp.Diff([]string{"cpu-low"}, describe(t, &cloudwatch.DescribeAlarmsInput{})); diff != "" {
			t.Errorf("alarms left (-want +got):\n%s", diff)
		}
		must(c.PutMetricAlarm(ctx, put("cpu-high", "again")))(t)
		if diff := cmp.Diff([]string{"cpu-low", "cpu-high"}, describe(t, &cloudwatch.DescribeAlarmsInput{})); diff != "" {
			t.Errorf("alarms after a new put (-want +got):\n%s", diff)
		}
	})
}

// TestCloudWatchAlarmActionsAndMetrics turns alarms' actions off and on by
// name, and reads the alarms of a metric.
func TestCloudWatchAlarmActionsAndMetrics(t *testing.T) {
	ctx := t.Context()
	_, url := cloudwatchmock.NewTestServer(t)
	c := cloudwatch.New(options(url))
	put := func(name, metric string, period int32) {
		must(c.PutMetricAlarm(ctx, &cloudwatch.PutMetricAlarmInput{AlarmName: new(name), MetricName: new(metric), Namespace: new("AWS/EC2"),
			Statistic: cloudwatch.StatisticAverage, Period: new(period), EvaluationPeriods: new(int32(1)), Threshold: new(1.0),
			ComparisonOperator: cloudwatch.ComparisonOperatorGreaterThanThreshold}))(t)
	}
	put("cpu-a", "CPUUtilization", 60)
	put("cpu-b", "CPUUtilization", 300)
	put("net", "NetworkIn", 60)
	enabled := func() []string {
		var out []string
		for _, a := range must(c.DescribeAlarms(ctx, &cloudwatch.DescribeAlarmsInput{}))(t).MetricAlarms {
			out = append(out, fmt.Sprintf("%s=%v", *a.AlarmName, *a.ActionsEnabled))
		}
		return out
	}
	t.Run("DisableAlarmActions turns the named alarms' actions off, passing over names of no alarm", func(t *testing.T) {
		must(c.DisableAlarmActions(ctx, &cloudwatch.DisableAlarmActionsInput{AlarmNames: []string{"cpu-a", "nothing", "net", "cpu-a"}}))(t)
		if diff := cmp.Diff([]string{"cpu-a=false", "cpu-b=true", "net=false"}, enabled()); diff != "" {
			t.Errorf("ActionsEnabled (-want +got):\n%s", diff)
		}
	})
	t.Run("EnableAlarmActions turns them on again", func(t *testing.T) {
		must(c.EnableAlarmActions(ctx, &cloudwatch.EnableAlarmActionsInput{AlarmNames: []string{"net"}}))(t)
		if diff := cmp.Diff([]string{"cpu-a=false", "cpu-b=true", "net=true"}, enabled()); diff != "" {
			t.Errorf("ActionsEnabled (-want +got):\n%s", diff)
		}
	})
	for _, tc := range []struct {
		name string
		in   *cloudwatch.DescribeAlarmsForMetricInput
		want []string
	}{
		{"DescribeAlarmsForMetric answers the alarms of the metric", &cloudwatch.DescribeAlarmsForMetricInput{MetricName: new("CPUUtilization"), Namespace: new("AWS/EC2")}, []string{"cpu-a", "cpu-b"}},
		{"DescribeAlarmsForMetric keeps those of the period asked", &cloudwatch.DescribeAlarmsForMetricInput{MetricName: new("CPUUtilization"), Namespace: new("AWS/EC2"), Period: new(int32(300))}, []string{"cpu-b"}},
		{"DescribeAlarmsForMetric of another namespace answers none", &cloudwatch.DescribeAlarmsForMetricInput{MetricName: new("CPUUtilization"), Namespace: new("AWS/RDS")}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, a := range must(c.DescribeAlarmsForMetric(ctx, tc.in))(t).MetricAlarms {
				got = append(got, *a.AlarmName)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("alarms (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCloudWatchCompositeAlarms puts composite alarms beside metric ones:
// DescribeAlarms answers each kind in its own list as AlarmTypes asks,
// and DeleteAlarms and DisableAlarmActions act on alarms of either kind.
func TestCloudWatchCompositeAlarms(t *testing.T) {
	ctx := t.Context()
	_, url := cloudwatchmock.NewTestServer(t)
	c := cloudwatch.New(options(url))
	must(c.PutMetricAlarm(ctx, &cloudwatch.PutMetricAlarmInput{AlarmName: new("cpu"), MetricName: new("CPUUtilization"), Namespace: new("AWS/EC2"),
		Statistic: cloudwatch.StatisticAverage, Period: new(int32(60)), EvaluationPeriods: new(int32(1)), Threshold: new(1.0),
		ComparisonOperator: cloudwatch.ComparisonOperatorGreaterThanThreshold}))(t)
	for _, name := range []string{"both", "either"} {
		must(c.PutCompositeAlarm(ctx, &cloudwatch.PutCompositeAlarmInput{AlarmName: new(name), AlarmRule: new(`ALARM("cpu")`)}))(t)
	}
	names := func(t *testing.T, in *cloudwatch.DescribeAlarmsInput) (metric, composite []string) {
		t.Helper()
		for p := cloudwatch.NewDescribeAlarmsPaginator(c, in); p.HasMorePages(); {
			out := must(p.NextPage(ctx))(t)
			for _, a := range out.MetricAlarms {
				metric = append(metric, *a.AlarmName)
			}
			for _, a := range out.CompositeAlarms {
				composite = append(composite, *a.AlarmName+"="+string(a.StateValue)+","+*a.AlarmRule)
			}
		}
		return metric, composite
	}
	for _, tc := range []struct {
		name              string
		types             []cloudwatch.AlarmType
		max               int32
		metric, composite []string
	}{
		{"without AlarmTypes only metric alarms are described", nil, 0, []string{"cpu"}, nil},
		{"AlarmTypes CompositeAlarm describes the composite alarms", []cloudwatch.AlarmType{cloudwatch.AlarmTypeCompositeAlarm}, 0,
			nil, []string{`both=INSUFFICIENT_DATA,ALARM("cpu")`, `either=INSUFFICIENT_DATA,ALARM("cpu")`}},
		{"both types are described one after the other, a page of one at a time", []cloudwatch.AlarmType{cloudwatch.AlarmTypeCompositeAlarm, cloudwatch.AlarmTypeMetricAlarm}, 1,
			[]string{"cpu"}, []string{`both=INSUFFICIENT_DATA,ALARM("cpu")`, `either=INSUFFICIENT_DATA,ALARM("cpu")`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := &cloudwatch.DescribeAlarmsInput{AlarmTypes: tc.types}
			if tc.max > 0 {
				in.MaxRecords = new(tc.max)
			}
			metric, composite := names(t, in)
			if diff := cmp.Diff([][]string{tc.metric, tc.composite}, [][]string{metric, composite}); diff != "" {
				t.Errorf("metric, composite alarms (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("a page of both types holds the metric alarms, then composite ones up to MaxRecords", func(t *testing.T) {
		out := must(c.DescribeAlarms(ctx, &cloudwatch.DescribeAlarmsInput{MaxRecords: new(int32(2)),
			AlarmTypes: []cloudwatch.AlarmType{cloudwatch.AlarmTypeMetricAlarm, cloudwatch.AlarmTypeCompositeAlarm}}))(t)
		if len(out.MetricAlarms) != 1 || len(out.CompositeAlarms) != 1 || out.NextToken == nil {
			t.Errorf("first page: %d metric alarms, %d composite alarms, NextToken %v; want 1, 1 and a token", len(out.MetricAlarms), len(out.CompositeAlarms), out.NextToken)
		}
	})
	t.Run("SetAlarmState sets the state of an alarm of either kind", func(t *testing.T) {
		for _, name := range []string{"either", "cpu"} {
			must(c.SetAlarmState(ctx, &cloudwatch.SetAlarmStateInput{AlarmName: new(name), StateValue: cloudwatch.StateValueAlarm, StateReason: new("test")}))(t)
		}
		out := must(c.DescribeAlarms(ctx, &cloudwatch.DescribeAlarmsInput{AlarmNames: []string{"either", "cpu"},
			AlarmTypes: []cloudwatch.AlarmType{cloudwatch.AlarmTypeCompositeAlarm, cloudwatch.AlarmTypeMetricAlarm}}))(t)
		if len(out.CompositeAlarms) != 1 || out.CompositeAlarms[0].StateValue != cloudwatch.StateValueAlarm ||
			len(out.MetricAlarms) != 1 || out.MetricAlarms[0].StateValue != cloudwatch.StateValueAlarm {
			t.Errorf("states after SetAlarmState: %+v, %+v", out.CompositeAlarms, out.MetricAlarms)
		}
		_, err := c.SetAlarmState(ctx, &cloudwatch.SetAlarmStateInput{AlarmName: new("none"), StateValue: cloudwatch.StateValueOk, StateReason: new("test")})
		wantCode(t, "set the state of no alarm", err, "ResourceNotFound")
	})
	t.Run("DisableAlarmActions and DeleteAlarms name alarms of either kind", func(t *testing.T) {
		must(c.DisableAlarmActions(ctx, &cloudwatch.DisableAlarmActionsInput{AlarmNames: []string{"cpu", "both"}}))(t)
		out := must(c.DescribeAlarms(ctx, &cloudwatch.DescribeAlarmsInput{AlarmTypes: []cloudwatch.AlarmType{cloudwatch.AlarmTypeCompositeAlarm, cloudwatch.AlarmTypeMetricAlarm}}))(t)
		if len(out.CompositeAlarms) != 2 || *out.CompositeAlarms[0].ActionsEnabled || !*out.CompositeAlarms[1].ActionsEnabled {
			t.Errorf("composite alarms after the disable: %+v", out.CompositeAlarms)
		}
		must(c.DeleteAlarms(ctx, &cloudwatch.DeleteAlarmsInput{AlarmNames: []string{"cpu", "both"}}))(t)
		metric, composite := names(t, &cloudwatch.DescribeAlarmsInput{AlarmTypes: []cloudwatch.AlarmType{cloudwatch.AlarmTypeCompositeAlarm, cloudwatch.AlarmTypeMetricAlarm}})
		if diff := cmp.Diff([][]string{nil, {`either=ALARM,ALARM("cpu")`}}, [][]string{metric, composite}); diff != "" {
			t.Errorf("metric, composite alarms after the delete (-want +got):\n%s", diff)
		}
	})
}
