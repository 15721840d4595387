package compat

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdkcloudwatch "github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwschemas "github.com/aws/aws-sdk-go-v2/service/cloudwatch/schemas"
	sdkroute53 "github.com/aws/aws-sdk-go-v2/service/route53"
	sdksns "github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/smithy-go/transport/http/protocol/awsquery"
	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/ec2"
	"github.com/specgen/specgen/gen/mocks"
	"github.com/specgen/specgen/specrt/mockrt"
)

// TestNewServicesOnOneMux serves every generated mock on one mux, as
// cmd/mockserver does, and sends it what SNS, EC2 and CloudWatch's
// awsQuery framing share (a form POST to /) and Route 53's XML: the mux
// tells them apart by the SigV4 signing name (sns, ec2, monitoring,
// route53), and each request reaches its own mock, which verifies the
// signature scoped to its service.
func TestNewServicesOnOneMux(t *testing.T) {
	servers := mocks.All(mockOptions()...)
	url := mockrt.StartTest(t, mockrt.NewMux(nil, servers...))
	ctx := t.Context()

	sns := sdksns.New(sdksns.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	if _, err := sns.ListTopics(ctx, &sdksns.ListTopicsInput{}); err != nil {
		t.Errorf("SNS ListTopics: %v", err)
	}
	cw := sdkcloudwatch.New(sdkcloudwatch.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	if _, err := cw.ListMetrics(ctx, &sdkcloudwatch.ListMetricsInput{}); err != nil {
		t.Errorf("CloudWatch ListMetrics (rpcv2Cbor): %v", err)
	}
	if _, err := cw.ListMetrics(ctx, &sdkcloudwatch.ListMetricsInput{}, func(o *sdkcloudwatch.Options) {
		o.Protocol = awsquery.New(cwschemas.GraniteServiceVersion20100801)
	}); err != nil {
		t.Errorf("CloudWatch ListMetrics (awsQuery): %v", err)
	}
	r53 := sdkroute53.New(sdkroute53.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	if _, err := r53.ListHostedZones(ctx, &sdkroute53.ListHostedZonesInput{}); err != nil {
		t.Errorf("Route 53 ListHostedZones: %v", err)
	}
	e := ec2.New(ec2.Options{Region: mockRegion, BaseEndpoint: url, Credentials: testCreds})
	if _, err := e.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{}); err != nil {
		t.Errorf("EC2 DescribeVpcs: %v", err)
	}

	got := map[string][]string{}
	for _, s := range servers {
		for _, r := range s.Requests() {
			got[s.Service().Name] = append(got[s.Service().Name], r.Operation)
		}
	}
	want := map[string][]string{
		"sns":        {"ListTopics"},
		"cloudwatch": {"ListMetrics", "ListMetrics"},
		"route53":    {"ListHostedZones"},
		"ec2":        {"DescribeVpcs"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("operations served, by mock (-want +got):\n%s", d)
	}
}
