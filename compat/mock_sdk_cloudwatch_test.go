package compat

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdkcloudwatch "github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwschemas "github.com/aws/aws-sdk-go-v2/service/cloudwatch/schemas"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/aws/smithy-go/transport/http/protocol/awsjson"
	"github.com/aws/smithy-go/transport/http/protocol/awsquery"

	"github.com/specgen/specgen/gen/cloudwatch"
	"github.com/specgen/specgen/gen/cloudwatch/cloudwatchmock"
)

// CloudWatch's model lists rpcv2Cbor, awsJson1_0 and awsQuery: the
// generated client speaks the first, and the mock answers all three, since
// older clients still send the others. The AWS SDK's client speaks
// rpcv2Cbor too, and takes the other two as its Protocol option, so each
// framing is checked with the real SDK's serializers. The importer infers
// no resource (alarms are put, not created), so the mock is stateless.

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
			if _, err := c.DescribeAlarms(ctx, &sdkcloudwatch.DescribeAlarmsInput{AlarmNames: []string{"high-cpu"}, MaxRecords: aws.Int32(10)}); err != nil {
				t.Errorf("DescribeAlarms: %v", err)
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
