package compat

import (
	"encoding/json"
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
		delete(out.Attributes, "Policy") // TestSDKSNSConfirmPublishAndPolicies reads these
		delete(out.Attributes, "EffectiveDeliveryPolicy")
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

// TestSDKSNSConfirmPublishAndPolicies confirms a pending subscription
// with the token the mock keeps, publishes to standard and FIFO topics,
// alone and in batches, and reads a topic's default policies, all through
// the SDK's client.
func TestSDKSNSConfirmPublishAndPolicies(t *testing.T) {
	srv, url := snsmock.NewTestServer(t, mockOptions()...)
	c := sdksns.New(sdksns.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	topic := func(name string, attrs map[string]string) string {
		t.Helper()
		out, err := c.CreateTopic(ctx, &sdksns.CreateTopicInput{Name: aws.String(name), Attributes: attrs})
		if err != nil {
			t.Fatal(err)
		}
		return aws.ToString(out.TopicArn)
	}
	std, fifo := topic("alerts", nil), topic("alerts.fifo", map[string]string{"FifoTopic": "true"})
	listed := func() string {
		t.Helper()
		out, err := c.ListSubscriptionsByTopic(ctx, &sdksns.ListSubscriptionsByTopicInput{TopicArn: aws.String(std)})
		if err != nil || len(out.Subscriptions) != 1 {
			t.Fatalf("ListSubscriptionsByTopic: %v, %v", out, err)
		}
		return aws.ToString(out.Subscriptions[0].SubscriptionArn)
	}
	t.Run("ConfirmSubscription confirms a pending subscription by the token the mock keeps", func(t *testing.T) {
		out, err := c.Subscribe(ctx, &sdksns.SubscribeInput{TopicArn: aws.String(std), Protocol: aws.String("https"),
			Endpoint: aws.String("https://example.com/hook"), ReturnSubscriptionArn: true})
		if err != nil {
			t.Fatal(err)
		}
		sub := aws.ToString(out.SubscriptionArn)
		if got := listed(); got != "PendingConfirmation" {
			t.Errorf("listed SubscriptionArn %q while pending, want PendingConfirmation", got)
		}
		st, ok := srv.Resource("Subscription", sub)
		var desc struct{ Token string }
		if !ok || json.Unmarshal(st.Description, &desc) != nil || desc.Token == "" {
			t.Fatalf("no token kept for %s: %s", sub, st.Description)
		}
		_, err = c.ConfirmSubscription(ctx, &sdksns.ConfirmSubscriptionInput{TopicArn: aws.String(std), Token: aws.String("feed")})
		wantTyped[*snstypes.InvalidParameterException](t, err, "Invalid parameter: Token")
		conf, err := c.ConfirmSubscription(ctx, &sdksns.ConfirmSubscriptionInput{TopicArn: aws.String(std), Token: aws.String(desc.Token)})
		if err != nil {
			t.Fatal(err)
		}
		if got := aws.ToString(conf.SubscriptionArn); got != sub {
			t.Errorf("ConfirmSubscription answered %q, want %q", got, sub)
		}
		if got := listed(); got != sub {
			t.Errorf("listed SubscriptionArn %q once confirmed, want %q", got, sub)
		}
		attrs, err := c.GetTopicAttributes(ctx, &sdksns.GetTopicAttributesInput{TopicArn: aws.String(std)})
		if err != nil {
			t.Fatal(err)
		}
		got := []string{attrs.Attributes["SubscriptionsPending"], attrs.Attributes["SubscriptionsConfirmed"]}
		if d := cmp.Diff([]string{"0", "1"}, got); d != "" {
			t.Errorf("SubscriptionsPending, SubscriptionsConfirmed (-want +got):\n%s", d)
		}
	})
	t.Run("Publish answers a MessageId, and a SequenceNumber on a FIFO topic", func(t *testing.T) {
		a, err := c.Publish(ctx, &sdksns.PublishInput{TopicArn: aws.String(std), Message: aws.String("m")})
		if err != nil {
			t.Fatal(err)
		}
		b, err := c.Publish(ctx, &sdksns.PublishInput{TopicArn: aws.String(fifo), Message: aws.String("m"), MessageGroupId: aws.String("g")})
		if err != nil {
			t.Fatal(err)
		}
		if len(aws.ToString(a.MessageId)) != 36 || a.SequenceNumber != nil || len(aws.ToString(b.MessageId)) != 36 || len(aws.ToString(b.SequenceNumber)) != 20 {
			t.Errorf("standard: %v %v; FIFO: %v %v", a.MessageId, a.SequenceNumber, b.MessageId, b.SequenceNumber)
		}
		_, err = c.Publish(ctx, &sdksns.PublishInput{TopicArn: aws.String(std + "-gone"), Message: aws.String("m")})
		wantTyped[*snstypes.NotFoundException](t, err, std+"-gone")
	})
	t.Run("PublishBatch answers an entry for each message", func(t *testing.T) {
		out, err := c.PublishBatch(ctx, &sdksns.PublishBatchInput{TopicArn: aws.String(fifo), PublishBatchRequestEntries: []snstypes.PublishBatchRequestEntry{
			{Id: aws.String("one"), Message: aws.String("1"), MessageGroupId: aws.String("g")},
			{Id: aws.String("two"), Message: aws.String("2"), MessageGroupId: aws.String("g")}}})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, e := range out.Successful {
			if len(aws.ToString(e.MessageId)) != 36 || len(aws.ToString(e.SequenceNumber)) != 20 {
				t.Errorf("entry %s: MessageId %v, SequenceNumber %v", aws.ToString(e.Id), e.MessageId, e.SequenceNumber)
			}
			ids = append(ids, aws.ToString(e.Id))
		}
		if d := cmp.Diff([]string{"one", "two"}, ids); d != "" || len(out.Failed) != 0 {
			t.Errorf("Successful (-want +got):\n%s; Failed %v", d, out.Failed)
		}
	})
	t.Run("a .fifo name without FifoTopic is InvalidParameterException", func(t *testing.T) {
		_, err := c.CreateTopic(ctx, &sdksns.CreateTopicInput{Name: aws.String("other.fifo")})
		wantTyped[*snstypes.InvalidParameterException](t, err, "Invalid parameter: Topic Name")
	})
	t.Run("a topic created without policies answers SNS's defaults", func(t *testing.T) {
		attrs, err := c.GetTopicAttributes(ctx, &sdksns.GetTopicAttributesInput{TopicArn: aws.String(std)})
		if err != nil {
			t.Fatal(err)
		}
		var policy struct{ Statement []struct{ Resource string } }
		var delivery map[string]any
		if json.Unmarshal([]byte(attrs.Attributes["Policy"]), &policy) != nil || len(policy.Statement) != 1 || policy.Statement[0].Resource != std {
			t.Errorf("Policy %s", attrs.Attributes["Policy"])
		}
		if json.Unmarshal([]byte(attrs.Attributes["EffectiveDeliveryPolicy"]), &delivery) != nil || delivery["http"] == nil {
			t.Errorf("EffectiveDeliveryPolicy %s", attrs.Attributes["EffectiveDeliveryPolicy"])
		}
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
