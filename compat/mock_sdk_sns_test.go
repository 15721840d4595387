package compat

import (
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdksns "github.com/aws/aws-sdk-go-v2/service/sns"
	snstypes "github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/specgen/specgen/gen/sns"
	"github.com/specgen/specgen/gen/sns/snsmock"
)

// SNS speaks awsQuery: form-encoded requests, XML answers wrapped in
// <OperationResponse><OperationResult>, errors in <ErrorResponse>. Its
// mock keeps topics and subscriptions as the attribute maps SNS reads them
// as (specs/sns/resources.overlay.yaml); the SDK's client goes through a
// topic's life and its subscription's here.

func TestSDKAgainstSNSMock(t *testing.T) {
	_, url := snsmock.NewTestServer(t, mockOptions()...)
	c := sdksns.New(sdksns.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	const arn = "arn:aws:sns:us-west-2:123456789012:orders"
	const queue = "arn:aws:sqs:us-west-2:123456789012:q"

	t.Run("a create answers the topic's ARN, the same for the same name", func(t *testing.T) {
		for range 2 {
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
		}
	})
	t.Run("GetTopicAttributes answers the topic's attributes, SetTopicAttributes changes one", func(t *testing.T) {
		if _, err := c.SetTopicAttributes(ctx, &sdksns.SetTopicAttributesInput{TopicArn: aws.String(arn),
			AttributeName: aws.String("DisplayName"), AttributeValue: aws.String("All orders")}); err != nil {
			t.Fatal(err)
		}
		out, err := c.GetTopicAttributes(ctx, &sdksns.GetTopicAttributesInput{TopicArn: aws.String(arn)})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{"TopicArn": arn, "Owner": "123456789012", "DisplayName": "All orders",
			"SubscriptionsConfirmed": "0", "SubscriptionsPending": "0", "SubscriptionsDeleted": "0"}
		if d := cmp.Diff(want, out.Attributes); d != "" {
			t.Errorf("attributes (-want +got):\n%s", d)
		}
	})
	t.Run("ListTopics pages every topic", func(t *testing.T) {
		var got []string
		for p := sdksns.NewListTopicsPaginator(c, &sdksns.ListTopicsInput{}); p.HasMorePages(); {
			out, err := p.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for _, tp := range out.Topics {
				got = append(got, aws.ToString(tp.TopicArn))
			}
		}
		if d := cmp.Diff([]string{arn}, got); d != "" {
			t.Errorf("topics (-want +got):\n%s", d)
		}
	})
	var sub string
	t.Run("Subscribe makes a subscription the lists and its read answer", func(t *testing.T) {
		out, err := c.Subscribe(ctx, &sdksns.SubscribeInput{TopicArn: aws.String(arn), Protocol: aws.String("sqs"), Endpoint: aws.String(queue),
			Attributes: map[string]string{"RawMessageDelivery": "true"}})
		if err != nil {
			t.Fatal(err)
		}
		sub = aws.ToString(out.SubscriptionArn)
		list, err := c.ListSubscriptionsByTopic(ctx, &sdksns.ListSubscriptionsByTopicInput{TopicArn: aws.String(arn)})
		if err != nil {
			t.Fatal(err)
		}
		want := []snstypes.Subscription{{SubscriptionArn: aws.String(sub), TopicArn: aws.String(arn), Owner: aws.String("123456789012"),
			Protocol: aws.String("sqs"), Endpoint: aws.String(queue)}}
		if d := cmp.Diff(want, list.Subscriptions, cmpopts.IgnoreUnexported(snstypes.Subscription{})); d != "" {
			t.Errorf("subscriptions (-want +got):\n%s", d)
		}
		attrs, err := c.GetSubscriptionAttributes(ctx, &sdksns.GetSubscriptionAttributesInput{SubscriptionArn: aws.String(sub)})
		if err != nil {
			t.Fatal(err)
		}
		if got := attrs.Attributes; got["RawMessageDelivery"] != "true" || got["TopicArn"] != arn || got["SubscriptionArn"] != sub {
			t.Errorf("subscription attributes %v", got)
		}
	})
	t.Run("an email subscription is pending confirmation, and counted so", func(t *testing.T) {
		out, err := c.Subscribe(ctx, &sdksns.SubscribeInput{TopicArn: aws.String(arn), Protocol: aws.String("email"), Endpoint: aws.String("someone@example.com")})
		if err != nil {
			t.Fatal(err)
		}
		if got := aws.ToString(out.SubscriptionArn); got != "pending confirmation" {
			t.Errorf("SubscriptionArn %q, want %q", got, "pending confirmation")
		}
		attrs, err := c.GetTopicAttributes(ctx, &sdksns.GetTopicAttributesInput{TopicArn: aws.String(arn)})
		if err != nil {
			t.Fatal(err)
		}
		got := []string{attrs.Attributes["SubscriptionsConfirmed"], attrs.Attributes["SubscriptionsPending"]}
		if d := cmp.Diff([]string{"1", "1"}, got); d != "" {
			t.Errorf("SubscriptionsConfirmed, SubscriptionsPending (-want +got):\n%s", d)
		}
	})
	t.Run("the topic's tags are listed as TagResource and UntagResource leave them", func(t *testing.T) {
		if _, err := c.TagResource(ctx, &sdksns.TagResourceInput{ResourceArn: aws.String(arn), Tags: []snstypes.Tag{{Key: aws.String("team"), Value: aws.String("a")}}}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.UntagResource(ctx, &sdksns.UntagResourceInput{ResourceArn: aws.String(arn), TagKeys: []string{"env"}}); err != nil {
			t.Fatal(err)
		}
		out, err := c.ListTagsForResource(ctx, &sdksns.ListTagsForResourceInput{ResourceArn: aws.String(arn)})
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff([]snstypes.Tag{{Key: aws.String("team"), Value: aws.String("a")}}, out.Tags, cmpopts.IgnoreUnexported(snstypes.Tag{})); d != "" {
			t.Errorf("tags (-want +got):\n%s", d)
		}
	})
	t.Run("Unsubscribe deletes the subscription", func(t *testing.T) {
		if _, err := c.Unsubscribe(ctx, &sdksns.UnsubscribeInput{SubscriptionArn: aws.String(sub)}); err != nil {
			t.Fatal(err)
		}
		_, err := c.GetSubscriptionAttributes(ctx, &sdksns.GetSubscriptionAttributesInput{SubscriptionArn: aws.String(sub)})
		wantTyped[*snstypes.NotFoundException](t, err, sub)
	})
	t.Run("DeleteTopic deletes the topic, its subscriptions, and is idempotent", func(t *testing.T) {
		out, err := c.Subscribe(ctx, &sdksns.SubscribeInput{TopicArn: aws.String(arn), Protocol: aws.String("sqs"), Endpoint: aws.String(queue)})
		if err != nil {
			t.Fatal(err)
		}
		for range 2 {
			if _, err := c.DeleteTopic(ctx, &sdksns.DeleteTopicInput{TopicArn: aws.String(arn)}); err != nil {
				t.Fatal(err)
			}
		}
		_, err = c.GetTopicAttributes(ctx, &sdksns.GetTopicAttributesInput{TopicArn: aws.String(arn)})
		e := wantTyped[*snstypes.NotFoundException](t, err, arn)
		if e.ErrorCode() != "NotFound" {
			t.Errorf("code %q, want NotFound", e.ErrorCode())
		}
		_, err = c.GetSubscriptionAttributes(ctx, &sdksns.GetSubscriptionAttributesInput{SubscriptionArn: out.SubscriptionArn})
		wantTyped[*snstypes.NotFoundException](t, err, "")
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
