package compat

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdkcloudwatch "github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwschemas "github.com/aws/aws-sdk-go-v2/service/cloudwatch/schemas"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/aws/smithy-go/transport/http/protocol/awsjson"
	"github.com/aws/smithy-go/transport/http/protocol/awsquery"
	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/cloudwatch"
	"github.com/specgen/specgen/gen/cloudwatch/cloudwatchmock"
)

// CloudWatch's model lists rpcv2Cbor, awsJson1_0 and awsQuery: the
// generated client speaks the first, and the mock answers all three, since
// older clients still send the others. The AWS SDK's client speaks
// rpcv2Cbor too, and takes the other two as its Protocol option, so each
// framing is checked with the real SDK's serializers. The mock keeps the
// alarms (specs/cloudwatch/alarms.overlay.yaml), so an alarm put in one
// framing is described in it, and in the others.

func TestSDKAgainstCloudWatchMock(t *testing.T) {
	_, url := cloudwatchmock.NewTestServer(t, mockOptions()...)
	for _, tc := range []struct {
		name        string
		protocol    smithyhttp.ClientProtocol
		contentType string
	}{
		{"rpcv2Cbor, the SDK's default", nil, "application/cbor"},
		{"awsJson1_0", awsjson.New10(cwschemas.GraniteServiceVersion20100801), "application/x-amz-json-1.0"},
		{"awsQuery", awsquery.New(cwschemas.GraniteServiceVersion20100801), "application/x-www-form-urlencoded"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sent := &contentTypes{}
			c := sdkcloudwatch.New(sdkcloudwatch.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds, HTTPClient: sent}, func(o *sdkcloudwatch.Options) {
				if tc.protocol != nil {
					o.Protocol = tc.protocol
				}
			})
			t.Cleanup(func() {
				if len(sent.seen) != 5 {
					t.Errorf("%d requests sent, want 5", len(sent.seen))
				}
				for _, ct := range sent.seen {
					if !strings.HasPrefix(ct, tc.contentType) {
						t.Errorf("a request was sent as %q, want %q", ct, tc.contentType)
					}
				}
			})
			ctx := t.Context()
			_, err := c.PutMetricAlarm(ctx, &sdkcloudwatch.PutMetricAlarmInput{
				AlarmName:          aws.String("high-cpu"),
				EvaluationPeriods:  aws.Int32(3),
				ComparisonOperator: cwtypes.ComparisonOperatorGreaterThanThreshold,
				MetricName:         aws.String("CPUUtilization"),
				Namespace:          aws.String("AWS/EC2"),
				Period:             aws.Int32(60),
				Statistic:          cwtypes.StatisticAverage,
				Threshold:          aws.Float64(80.5),
				Dimensions:         []cwtypes.Dimension{{Name: aws.String("InstanceId"), Value: aws.String("i-0123456789abcdef0")}},
				Tags:               []cwtypes.Tag{{Key: aws.String("env"), Value: aws.String("test")}},
			})
			if err != nil {
				t.Errorf("PutMetricAlarm: %v", err)
			}
			out, err := c.DescribeAlarms(ctx, &sdkcloudwatch.DescribeAlarmsInput{AlarmNames: []string{"high-cpu"}, MaxRecords: aws.Int32(10)})
			if err != nil {
				t.Fatalf("DescribeAlarms: %v", err)
			}
			if len(out.MetricAlarms) != 1 {
				t.Fatalf("DescribeAlarms answered %d alarms, want 1", len(out.MetricAlarms))
			}
			a := out.MetricAlarms[0]
			got := []any{aws.ToString(a.AlarmName), aws.ToString(a.AlarmArn), a.StateValue, aws.ToFloat64(a.Threshold), len(a.Dimensions)}
			want := []any{"high-cpu", "arn:aws:cloudwatch:us-west-2:123456789012:alarm:high-cpu", cwtypes.StateValueInsufficientData, 80.5, 1}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("the alarm described (-want +got):\n%s", d)
			}
			if _, err := c.ListMetrics(ctx, &sdkcloudwatch.ListMetricsInput{Namespace: aws.String("AWS/EC2")}); err != nil {
				t.Errorf("ListMetrics: %v", err)
			}
			_, err = c.PutMetricAlarm(ctx, &sdkcloudwatch.PutMetricAlarmInput{AlarmName: aws.String("no-period"), EvaluationPeriods: aws.Int32(0),
				ComparisonOperator: cwtypes.ComparisonOperatorGreaterThanThreshold})
			wantTyped[*cwtypes.InvalidParameterValueException](t, err, "EvaluationPeriods")
			_, err = c.PutMetricAlarm(ctx, &sdkcloudwatch.PutMetricAlarmInput{}, func(o *sdkcloudwatch.Options) {
				o.APIOptions = append(o.APIOptions, withoutSDKValidation)
			})
			wantTyped[*cwtypes.InvalidParameterValueException](t, err, "AlarmName: is required")
		})
	}
}

// contentTypes sends requests with the default client and keeps the
// Content-Type of each.
type contentTypes struct{ seen []string }

func (c *contentTypes) Do(r *http.Request) (*http.Response, error) {
	c.seen = append(c.seen, r.Header.Get("Content-Type"))
	return http.DefaultClient.Do(r)
}

func TestGeneratedCloudWatchClientAgainstMock(t *testing.T) {
	_, url := cloudwatchmock.NewTestServer(t, mockOptions()...)
	c := cloudwatch.New(cloudwatch.Options{Region: mockRegion, BaseEndpoint: url, Credentials: testCreds})
	ctx := t.Context()
	_, err := c.PutMetricAlarm(ctx, &cloudwatch.PutMetricAlarmInput{
		AlarmName: aws.String("high-cpu"), EvaluationPeriods: aws.Int32(3), ComparisonOperator: cloudwatch.ComparisonOperatorGreaterThanThreshold,
		MetricName: aws.String("CPUUtilization"), Namespace: aws.String("AWS/EC2"), Period: aws.Int32(60), Statistic: cloudwatch.StatisticAverage, Threshold: aws.Float64(80.5),
	})
	if err != nil {
		t.Errorf("PutMetricAlarm: %v", err)
	}
	if _, err := c.DescribeAlarms(ctx, &cloudwatch.DescribeAlarmsInput{AlarmNames: []string{"high-cpu"}}); err != nil {
		t.Errorf("DescribeAlarms: %v", err)
	}
	if _, err := c.ListMetrics(ctx, &cloudwatch.ListMetricsInput{Namespace: aws.String("AWS/EC2")}); err != nil {
		t.Errorf("ListMetrics: %v", err)
	}
	_, err = c.PutMetricAlarm(ctx, &cloudwatch.PutMetricAlarmInput{}, func(o *cloudwatch.Options) { o.DisableValidation = true })
	var ipv *cloudwatch.InvalidParameterValueException
	if !errors.As(err, &ipv) {
		t.Errorf("PutMetricAlarm without members: %v (%T), want *cloudwatch.InvalidParameterValueException", err, err)
	}
}

// TestSDKCloudWatchAlarmsThroughTheirLife puts an alarm with the SDK's
// client (rpcv2Cbor), waits for it with the SDK's AlarmExists waiter,
// sets its state, tags it and deletes it.
func TestSDKCloudWatchAlarmsThroughTheirLife(t *testing.T) {
	_, url := cloudwatchmock.NewTestServer(t, mockOptions()...)
	c := sdkcloudwatch.New(sdkcloudwatch.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	const arn = "arn:aws:cloudwatch:us-west-2:123456789012:alarm:queue-depth"
	describe := func(t *testing.T) []cwtypes.MetricAlarm {
		t.Helper()
		out, err := c.DescribeAlarms(ctx, &sdkcloudwatch.DescribeAlarmsInput{AlarmNames: []string{"queue-depth"}})
		if err != nil {
			t.Fatal(err)
		}
		return out.MetricAlarms
	}

	t.Run("the AlarmExists waiter finishes once the alarm is put", func(t *testing.T) {
		_, err := c.PutMetricAlarm(ctx, &sdkcloudwatch.PutMetricAlarmInput{
			AlarmName: aws.String("queue-depth"), AlarmDescription: aws.String("too many messages"),
			EvaluationPeriods: aws.Int32(1), ComparisonOperator: cwtypes.ComparisonOperatorGreaterThanOrEqualToThreshold,
			MetricName: aws.String("ApproximateNumberOfMessagesVisible"), Namespace: aws.String("AWS/SQS"), Period: aws.Int32(300),
			Statistic: cwtypes.StatisticMaximum, Threshold: aws.Float64(100),
			Tags: []cwtypes.Tag{{Key: aws.String("team"), Value: aws.String("a")}},
		})
		if err != nil {
			t.Fatal(err)
		}
		w := sdkcloudwatch.NewAlarmExistsWaiter(c)
		if err := w.Wait(ctx, &sdkcloudwatch.DescribeAlarmsInput{AlarmNames: []string{"queue-depth"}}, time.Minute); err != nil {
			t.Fatalf("AlarmExists: %v", err)
		}
	})
	t.Run("SetAlarmState sets the state and its reason", func(t *testing.T) {
		if _, err := c.SetAlarmState(ctx, &sdkcloudwatch.SetAlarmStateInput{AlarmName: aws.String("queue-depth"),
			StateValue: cwtypes.StateValueAlarm, StateReason: aws.String("testing the pager")}); err != nil {
			t.Fatal(err)
		}
		a := describe(t)
		if len(a) != 1 {
			t.Fatalf("%d alarms, want 1", len(a))
		}
		got := []any{a[0].StateValue, aws.ToString(a[0].StateReason), aws.ToString(a[0].AlarmDescription), a[0].StateUpdatedTimestamp != nil}
		if d := cmp.Diff([]any{cwtypes.StateValueAlarm, "testing the pager", "too many messages", true}, got); d != "" {
			t.Errorf("alarm (-want +got):\n%s", d)
		}
	})
	t.Run("its tags are the put's, as TagResource and UntagResource change them", func(t *testing.T) {
		if _, err := c.TagResource(ctx, &sdkcloudwatch.TagResourceInput{ResourceARN: aws.String(arn), Tags: []cwtypes.Tag{{Key: aws.String("env"), Value: aws.String("prod")}}}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.UntagResource(ctx, &sdkcloudwatch.UntagResourceInput{ResourceARN: aws.String(arn), TagKeys: []string{"team"}}); err != nil {
			t.Fatal(err)
		}
		out, err := c.ListTagsForResource(ctx, &sdkcloudwatch.ListTagsForResourceInput{ResourceARN: aws.String(arn)})
		if err != nil {
			t.Fatal(err)
		}
		if len(out.Tags) != 1 || aws.ToString(out.Tags[0].Key) != "env" || aws.ToString(out.Tags[0].Value) != "prod" {
			t.Errorf("tags %+v, want env=prod", out.Tags)
		}
	})
	t.Run("DeleteAlarms deletes it, and SetAlarmState then answers ResourceNotFound", func(t *testing.T) {
		if _, err := c.DeleteAlarms(ctx, &sdkcloudwatch.DeleteAlarmsInput{AlarmNames: []string{"queue-depth", "never-put"}}); err != nil {
			t.Fatal(err)
		}
		if a := describe(t); len(a) != 0 {
			t.Errorf("alarms after the delete: %d, want 0", len(a))
		}
		_, err := c.SetAlarmState(ctx, &sdkcloudwatch.SetAlarmStateInput{AlarmName: aws.String("queue-depth"),
			StateValue: cwtypes.StateValueOk, StateReason: aws.String("x")})
		wantTyped[*cwtypes.ResourceNotFound](t, err, "queue-depth")
		_, err = c.ListTagsForResource(ctx, &sdkcloudwatch.ListTagsForResourceInput{ResourceARN: aws.String(arn)})
		wantTyped[*cwtypes.ResourceNotFoundException](t, err, "")
	})
}

// TestSDKCloudWatchAlarmActionsAndMetrics turns alarms' actions off and
// on, and reads the alarms of a metric, through the SDK's client.
func TestSDKCloudWatchAlarmActionsAndMetrics(t *testing.T) {
	_, url := cloudwatchmock.NewTestServer(t, mockOptions()...)
	c := sdkcloudwatch.New(sdkcloudwatch.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	for _, a := range []struct {
		name, metric string
	}{{"cpu", "CPUUtilization"}, {"net", "NetworkIn"}} {
		if _, err := c.PutMetricAlarm(ctx, &sdkcloudwatch.PutMetricAlarmInput{AlarmName: aws.String(a.name), MetricName: aws.String(a.metric),
			Namespace: aws.String("AWS/EC2"), Statistic: cwtypes.StatisticAverage, Period: aws.Int32(60), EvaluationPeriods: aws.Int32(1),
			Threshold: aws.Float64(1), ComparisonOperator: cwtypes.ComparisonOperatorGreaterThanThreshold}); err != nil {
			t.Fatal(err)
		}
	}
	enabled := func(t *testing.T) []bool {
		t.Helper()
		out, err := c.DescribeAlarms(ctx, &sdkcloudwatch.DescribeAlarmsInput{})
		if err != nil {
			t.Fatal(err)
		}
		var got []bool
		for _, a := range out.MetricAlarms {
			got = append(got, aws.ToBool(a.ActionsEnabled))
		}
		return got
	}
	t.Run("DisableAlarmActions and EnableAlarmActions move ActionsEnabled", func(t *testing.T) {
		if _, err := c.DisableAlarmActions(ctx, &sdkcloudwatch.DisableAlarmActionsInput{AlarmNames: []string{"cpu", "net", "none"}}); err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff([]bool{false, false}, enabled(t)); d != "" {
			t.Errorf("ActionsEnabled after the disable (-want +got):\n%s", d)
		}
		if _, err := c.EnableAlarmActions(ctx, &sdkcloudwatch.EnableAlarmActionsInput{AlarmNames: []string{"net"}}); err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff([]bool{false, true}, enabled(t)); d != "" {
			t.Errorf("ActionsEnabled after the enable (-want +got):\n%s", d)
		}
	})
	t.Run("DescribeAlarmsForMetric answers the alarms of the metric", func(t *testing.T) {
		out, err := c.DescribeAlarmsForMetric(ctx, &sdkcloudwatch.DescribeAlarmsForMetricInput{MetricName: aws.String("NetworkIn"), Namespace: aws.String("AWS/EC2")})
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, a := range out.MetricAlarms {
			names = append(names, aws.ToString(a.AlarmName))
		}
		if d := cmp.Diff([]string{"net"}, names); d != "" {
			t.Errorf("alarms (-want +got):\n%s", d)
		}
	})
}

// TestSDKCloudWatchCompositeAlarms puts a composite alarm beside a metric
// alarm and describes each kind as the SDK's AlarmTypes asks.
func TestSDKCloudWatchCompositeAlarms(t *testing.T) {
	_, url := cloudwatchmock.NewTestServer(t, mockOptions()...)
	c := sdkcloudwatch.New(sdkcloudwatch.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	if _, err := c.PutMetricAlarm(ctx, &sdkcloudwatch.PutMetricAlarmInput{AlarmName: aws.String("cpu"), MetricName: aws.String("CPUUtilization"),
		Namespace: aws.String("AWS/EC2"), Statistic: cwtypes.StatisticAverage, Period: aws.Int32(60), EvaluationPeriods: aws.Int32(1),
		Threshold: aws.Float64(1), ComparisonOperator: cwtypes.ComparisonOperatorGreaterThanThreshold}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.PutCompositeAlarm(ctx, &sdkcloudwatch.PutCompositeAlarmInput{AlarmName: aws.String("any"), AlarmRule: aws.String(`ALARM("cpu")`)}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name              string
		types             []cwtypes.AlarmType
		metric, composite []string
	}{
		{"without AlarmTypes only the metric alarm is described", nil, []string{"cpu"}, nil},
		{"AlarmTypes CompositeAlarm describes the composite alarm", []cwtypes.AlarmType{cwtypes.AlarmTypeCompositeAlarm}, nil, []string{"any"}},
		{"both types describe both", []cwtypes.AlarmType{cwtypes.AlarmTypeMetricAlarm, cwtypes.AlarmTypeCompositeAlarm}, []string{"cpu"}, []string{"any"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := c.DescribeAlarms(ctx, &sdkcloudwatch.DescribeAlarmsInput{AlarmTypes: tc.types})
			if err != nil {
				t.Fatal(err)
			}
			var metric, composite []string
			for _, a := range out.MetricAlarms {
				metric = append(metric, aws.ToString(a.AlarmName))
			}
			for _, a := range out.CompositeAlarms {
				composite = append(composite, aws.ToString(a.AlarmName))
				if aws.ToString(a.AlarmRule) != `ALARM("cpu")` || a.StateValue != cwtypes.StateValueInsufficientData {
					t.Errorf("composite alarm %s: rule %q, state %s", aws.ToString(a.AlarmName), aws.ToString(a.AlarmRule), a.StateValue)
				}
			}
			if d := cmp.Diff([][]string{tc.metric, tc.composite}, [][]string{metric, composite}); d != "" {
				t.Errorf("metric, composite alarms (-want +got):\n%s", d)
			}
		})
	}
	t.Run("SetAlarmState sets the composite alarm's state", func(t *testing.T) {
		if _, err := c.SetAlarmState(ctx, &sdkcloudwatch.SetAlarmStateInput{AlarmName: aws.String("any"), StateValue: cwtypes.StateValueAlarm,
			StateReason: aws.String("test")}); err != nil {
			t.Fatal(err)
		}
		out, err := c.DescribeAlarms(ctx, &sdkcloudwatch.DescribeAlarmsInput{AlarmTypes: []cwtypes.AlarmType{cwtypes.AlarmTypeCompositeAlarm}})
		if err != nil || len(out.CompositeAlarms) != 1 || out.CompositeAlarms[0].StateValue != cwtypes.StateValueAlarm {
			t.Errorf("composite alarms after SetAlarmState: %v (%v)", out, err)
		}
	})
	t.Run("DeleteAlarms deletes the composite alarm", func(t *testing.T) {
		if _, err := c.DeleteAlarms(ctx, &sdkcloudwatch.DeleteAlarmsInput{AlarmNames: []string{"any"}}); err != nil {
			t.Fatal(err)
		}
		out, err := c.DescribeAlarms(ctx, &sdkcloudwatch.DescribeAlarmsInput{AlarmTypes: []cwtypes.AlarmType{cwtypes.AlarmTypeCompositeAlarm}})
		if err != nil || len(out.CompositeAlarms) != 0 {
			t.Errorf("composite alarms after the delete: %v (%v)", out, err)
		}
	})
}
