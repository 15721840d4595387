package compat

import (
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdksns "github.com/aws/aws-sdk-go-v2/service/sns"
	snstypes "github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/sns"
	"github.com/specgen/specgen/gen/sns/snsmock"
)

// SNS speaks awsQuery: form-encoded requests, XML answers wrapped in
// <OperationResponse><OperationResult>, errors in <ErrorResponse>. The
// importer infers no resource for it (a topic is read with
// GetTopicAttributes, whose answer is a map, not a description), so its
// mock is stateless but for CreateTopic's ARN, which its overlay builds
// from the name.

func TestSDKAgainstSNSMock(t *testing.T) {
	_, url := snsmock.NewTestServer(t, mockOptions()...)
	c := sdksns.New(sdksns.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	const arn = "arn:aws:sns:us-west-2:123456789012:orders"

	t.Run("a create answers the topic's ARN", func(t *testing.T) {
		out, err := c.CreateTopic(ctx, &sdksns.CreateTopicInput{
			Name:       aws.String("orders"),
			Attributes: map[string]string{"DisplayName": "Orders"},
			Tags:       []snstypes.Tag{{Key: aws.String("env"), Value: aws.String("test")}},
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := aws.ToString(out.TopicArn); got != arn {
			t.Errorf("TopicArn %q, want %q", got, arn)
		}
	})
	t.Run("a read and a list are answered and decoded", func(t *testing.T) {
		if _, err := c.GetTopicAttributes(ctx, &sdksns.GetTopicAttributesInput{TopicArn: aws.String(arn)}); err != nil {
			t.Errorf("GetTopicAttributes: %v", err)
		}
		if _, err := c.ListTopics(ctx, &sdksns.ListTopicsInput{}); err != nil {
			t.Errorf("ListTopics: %v", err)
		}
	})
	t.Run("a create without a name is the SDK's InvalidParameterException", func(t *testing.T) {
		_, err := c.CreateTopic(ctx, &sdksns.CreateTopicInput{}, func(o *sdksns.Options) {
			o.APIOptions = append(o.APIOptions, withoutSDKValidation)
		})
		e := wantTyped[*snstypes.InvalidParameterException](t, err, "Name: is required")
		if e.ErrorCode() != "InvalidParameter" {
			t.Errorf("code %q, want InvalidParameter", e.ErrorCode())
		}
	})
	t.Run("a set without an attribute name is InvalidParameterException too", func(t *testing.T) {
		_, err := c.SetTopicAttributes(ctx, &sdksns.SetTopicAttributesInput{TopicArn: aws.String(arn)}, func(o *sdksns.Options) {
			o.APIOptions = append(o.APIOptions, withoutSDKValidation)
		})
		wantTyped[*snstypes.InvalidParameterException](t, err, "AttributeName: is required")
	})
}

func TestGeneratedSNSClientAgainstMock(t *testing.T) {
	_, url := snsmock.NewTestServer(t, mockOptions()...)
	c := sns.New(sns.Options{Region: mockRegion, BaseEndpoint: url, Credentials: testCreds})
	ctx := t.Context()

	out, err := c.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("orders"), Tags: []sns.Tag{{Key: aws.String("env"), Value: aws.String("test")}}})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff("arn:aws:sns:us-west-2:123456789012:orders", aws.ToString(out.TopicARN)); d != "" {
		t.Errorf("TopicArn (-want +got):\n%s", d)
	}
	if _, err := c.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicARN: out.TopicARN}); err != nil {
		t.Errorf("GetTopicAttributes: %v", err)
	}
	if _, err := c.ListTopics(ctx, &sns.ListTopicsInput{}); err != nil {
		t.Errorf("ListTopics: %v", err)
	}
	_, err = c.CreateTopic(ctx, &sns.CreateTopicInput{}, func(o *sns.Options) { o.DisableValidation = true })
	var ip *sns.InvalidParameterException
	if !errors.As(err, &ip) || ip.Metadata.StatusCode != 400 {
		t.Errorf("CreateTopic without a name: %v (%T), want *sns.InvalidParameterException, status 400", err, err)
	}
}
