package mocktest

import (
	"bytes"
	"encoding/json"
	"errors"
	neturl "net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/cloudwatch"
	"github.com/specgen/specgen/gen/cloudwatch/cloudwatchmock"
	"github.com/specgen/specgen/gen/sns"
	"github.com/specgen/specgen/gen/sns/snsmock"
	"github.com/specgen/specgen/specrt"
	"github.com/specgen/specgen/specrt/mockrt"
)

// TestSNSLifecycle drives SNS's generated client against its mock over
// awsQuery: topics and subscriptions kept as the attribute maps SNS reads
// them as (specs/sns/resources.overlay.yaml).
func TestSNSLifecycle(t *testing.T) {
	ctx := t.Context()
	srv, url := snsmock.NewTestServer(t)
	c := sns.New(options(url))
	const arn = "arn:aws:sns:us-east-1:123456789012:orders"

	t.Run("a topic created twice by name is one topic, with one ARN", func(t *testing.T) {
		first := must(c.CreateTopic(ctx, &sns.CreateTopicInput{Name: new("orders"),
			Attributes: map[string]string{"DisplayName": "Orders"}, Tags: []sns.Tag{{Key: new("team"), Value: new("a")}}}))(t)
		again := must(c.CreateTopic(ctx, &sns.CreateTopicInput{Name: new("orders")}))(t)
		if diff := cmp.Diff([]string{arn, arn}, []string{*first.TopicARN, *again.TopicARN}); diff != "" {
			t.Errorf("ARNs (-want +got):\n%s", diff)
		}
	})
	t.Run("GetTopicAttributes answers the create's attributes and what SNS always answers", func(t *testing.T) {
		got := must(c.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicARN: new(arn)}))(t).Attributes
		delete(got, "Policy") // TestSNSTopicAttributeDefaults reads these
		delete(got, "EffectiveDeliveryPolicy")
		want := map[string]string{"TopicArn": arn, "Owner": "123456789012", "DisplayName": "Orders",
			"SubscriptionsConfirmed": "0", "SubscriptionsPending": "0", "SubscriptionsDeleted": "0"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("attributes (-want +got):\n%s", diff)
		}
	})
	t.Run("SetTopicAttributes changes one attribute", func(t *testing.T) {
		must(c.SetTopicAttributes(ctx, &sns.SetTopicAttributesInput{TopicARN: new(arn), AttributeName: new("DisplayName"), AttributeValue: new("Orders v2")}))(t)
		must(c.SetTopicAttributes(ctx, &sns.SetTopicAttributesInput{TopicARN: new(arn), AttributeName: new("TracingConfig"), AttributeValue: new("Active")}))(t)
		got := must(c.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicARN: new(arn)}))(t).Attributes
		if got["DisplayName"] != "Orders v2" || got["TracingConfig"] != "Active" || got["TopicArn"] != arn {
			t.Errorf("attributes after the sets: %v", got)
		}
	})
	t.Run("SetTopicAttributes of the topic's ARN answers InvalidParameter", func(t *testing.T) {
		_, err := c.SetTopicAttributes(ctx, &sns.SetTopicAttributesInput{TopicARN: new(arn), AttributeName: new("TopicArn"), AttributeValue: new("x")})
		wantCode(t, "set TopicArn", err, "InvalidParameter")
	})
	t.Run("ListTopics pages the topics by NextToken", func(t *testing.T) {
		for i := range 120 {
			must(c.CreateTopic(ctx, &sns.CreateTopicInput{Name: new("t" + string(rune('a'+i/26)) + string(rune('a'+i%26)))}))(t)
		}
		var pages, topics int
		for p := sns.NewListTopicsPaginator(c, &sns.ListTopicsInput{}); p.HasMorePages(); {
			out := must(p.NextPage(ctx))(t)
			pages++
			topics += len(out.Topics)
		}
		if pages != 2 || topics != 121 {
			t.Errorf("%d topics in %d pages, want 121 in 2", topics, pages)
		}
	})
	var subARN string
	t.Run("Subscribe makes a subscription of the topic, named by the topic's ARN and a UUID", func(t *testing.T) {
		subARN = *must(c.Subscribe(ctx, &sns.SubscribeInput{TopicARN: new(arn), Protocol: new("sqs"), Endpoint: new("arn:aws:sqs:us-east-1:123456789012:q")}))(t).SubscriptionARN
		if !strings.HasPrefix(subARN, arn+":") || len(subARN) != len(arn)+37 {
			t.Fatalf("subscription ARN %s, want %s:<uuid>", subARN, arn)
		}
		got := must(c.GetSubscriptionAttributes(ctx, &sns.GetSubscriptionAttributesInput{SubscriptionARN: new(subARN)}))(t).Attributes
		want := map[string]string{"SubscriptionArn": subARN, "TopicArn": arn, "Owner": "123456789012", "Protocol": "sqs",
			"Endpoint": "arn:aws:sqs:us-east-1:123456789012:q", "PendingConfirmation": "false", "ConfirmationWasAuthenticated": "true",
			"RawMessageDelivery": "false"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("subscription attributes (-want +got):\n%s", diff)
		}
		must(c.SetSubscriptionAttributes(ctx, &sns.SetSubscriptionAttributesInput{SubscriptionARN: new(subARN), AttributeName: new("RawMessageDelivery"), AttributeValue: new("true")}))(t)
		got = must(c.GetSubscriptionAttributes(ctx, &sns.GetSubscriptionAttributesInput{SubscriptionARN: new(subARN)}))(t).Attributes
		if got["RawMessageDelivery"] != "true" {
			t.Errorf("RawMessageDelivery %q after the set, want true", got["RawMessageDelivery"])
		}
	})
	t.Run("the topic counts its subscriptions as they come and go", func(t *testing.T) {
		confirmed := func() string {
			return must(c.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicARN: new(arn)}))(t).Attributes["SubscriptionsConfirmed"]
		}
		if got := confirmed(); got != "1" {
			t.Errorf("SubscriptionsConfirmed %s after one Subscribe, want 1", got)
		}
		other := must(c.Subscribe(ctx, &sns.SubscribeInput{TopicARN: new(arn), Protocol: new("lambda"), Endpoint: new("arn:aws:lambda:us-east-1:123456789012:function:f")}))(t)
		if got := confirmed(); got != "2" {
			t.Errorf("SubscriptionsConfirmed %s after two, want 2", got)
		}
		must(c.Unsubscribe(ctx, &sns.UnsubscribeInput{SubscriptionARN: other.SubscriptionARN}))(t)
		if got := confirmed(); got != "1" {
			t.Errorf("SubscriptionsConfirmed %s after an Unsubscribe, want 1", got)
		}
		deleted := must(c.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicARN: new(arn)}))(t).Attributes["SubscriptionsDeleted"]
		if deleted != "1" {
			t.Errorf("SubscriptionsDeleted %s after an Unsubscribe, want 1", deleted)
		}
		_, err := c.GetSubscriptionAttributes(ctx, &sns.GetSubscriptionAttributesInput{SubscriptionARN: other.SubscriptionARN})
		wantCode(t, "read an unsubscribed subscription", err, "NotFound")
	})
	t.Run("a subscription of an email or http endpoint is pending confirmation", func(t *testing.T) {
		attrs := func(arn string) map[string]string {
			return must(c.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicARN: new(arn)}))(t).Attributes
		}
		for _, tc := range []struct {
			protocol, endpoint string
			returnARN          *bool
			wantARN            bool
		}{
			{"email", "someone@example.com", nil, false},
			{"https", "https://example.com/hook", new(false), false},
			{"email-json", "someone@example.com", new(true), true},
		} {
			out := must(c.Subscribe(ctx, &sns.SubscribeInput{TopicARN: new(arn), Protocol: new(tc.protocol), Endpoint: new(tc.endpoint), ReturnSubscriptionARN: tc.returnARN}))(t)
			if got := *out.SubscriptionARN; (got != "pending confirmation") != tc.wantARN || tc.wantARN && !strings.HasPrefix(got, arn+":") {
				t.Errorf("Subscribe %s (ReturnSubscriptionArn %v) answered %q", tc.protocol, tc.returnARN != nil && *tc.returnARN, got)
			}
		}
		a := attrs(arn)
		if a["SubscriptionsPending"] != "3" || a["SubscriptionsConfirmed"] != "1" {
			t.Errorf("SubscriptionsPending %s, SubscriptionsConfirmed %s, want 3 and 1", a["SubscriptionsPending"], a["SubscriptionsConfirmed"])
		}
		// A pending subscription is listed with the ARN PendingConfirmation,
		// as SNS lists it: its ARN is the mock's to tell.
		var pending, arns []string
		for _, st := range srv.Resources("Subscription") {
			arns = append(arns, st.ID)
		}
		for i, s := range must(c.ListSubscriptionsByTopic(ctx, &sns.ListSubscriptionsByTopicInput{TopicARN: new(arn)}))(t).Subscriptions {
			sa := must(c.GetSubscriptionAttributes(ctx, &sns.GetSubscriptionAttributesInput{SubscriptionARN: new(arns[i])}))(t).Attributes
			pending = append(pending, sa["Protocol"]+"="+sa["PendingConfirmation"]+","+sa["ConfirmationWasAuthenticated"]+","+*s.SubscriptionARN)
		}
		if diff := cmp.Diff([]string{"sqs=false,true," + subARN, "email=true,false,PendingConfirmation", "https=true,false,PendingConfirmation",
			"email-json=true,false,PendingConfirmation"}, pending); diff != "" {
			t.Errorf("Protocol=PendingConfirmation,ConfirmationWasAuthenticated,listed ARN (-want +got):\n%s", diff)
		}
		for _, a := range arns[1:] {
			must(c.Unsubscribe(ctx, &sns.UnsubscribeInput{SubscriptionARN: new(a)}))(t)
		}
		if a := attrs(arn); a["SubscriptionsPending"] != "0" || a["SubscriptionsConfirmed"] != "1" || a["SubscriptionsDeleted"] != "4" {
			t.Errorf("after the unsubscribes: SubscriptionsPending %s, SubscriptionsConfirmed %s, SubscriptionsDeleted %s, want 0, 1 and 4",
				a["SubscriptionsPending"], a["SubscriptionsConfirmed"], a["SubscriptionsDeleted"])
		}
	})
	t.Run("the lists of subscriptions answer it, by topic and in all", func(t *testing.T) {
		want := []sns.Subscription{{SubscriptionARN: new(subARN), TopicARN: new(arn), Owner: new("123456789012"), Protocol: new("sqs"), Endpoint: new("arn:aws:sqs:us-east-1:123456789012:q")}}
		byTopic := must(c.ListSubscriptionsByTopic(ctx, &sns.ListSubscriptionsByTopicInput{TopicARN: new(arn)}))(t)
		if diff := cmp.Diff(want, byTopic.Subscriptions); diff != "" {
			t.Errorf("ListSubscriptionsByTopic (-want +got):\n%s", diff)
		}
		all := must(c.ListSubscriptions(ctx, &sns.ListSubscriptionsInput{}))(t)
		if diff := cmp.Diff(want, all.Subscriptions); diff != "" {
			t.Errorf("ListSubscriptions (-want +got):\n%s", diff)
		}
	})
	t.Run("tags follow TagResource and UntagResource", func(t *testing.T) {
		must(c.TagResource(ctx, &sns.TagResourceInput{ResourceARN: new(arn), Tags: []sns.Tag{{Key: new("env"), Value: new("prod")}}}))(t)
		must(c.UntagResource(ctx, &sns.UntagResourceInput{ResourceARN: new(arn), TagKeys: []string{"team"}}))(t)
		got := must(c.ListTagsForResource(ctx, &sns.ListTagsForResourceInput{ResourceARN: new(arn)}))(t).Tags
		if diff := cmp.Diff([]sns.Tag{{Key: new("env"), Value: new("prod")}}, got); diff != "" {
			t.Errorf("tags (-want +got):\n%s", diff)
		}
	})
	t.Run("DeleteTopic deletes the topic and its subscriptions", func(t *testing.T) {
		must(c.DeleteTopic(ctx, &sns.DeleteTopicInput{TopicARN: new(arn)}))(t)
		_, err := c.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicARN: new(arn)})
		wantCode(t, "read a deleted topic", err, "NotFound")
		_, err = c.GetSubscriptionAttributes(ctx, &sns.GetSubscriptionAttributesInput{SubscriptionARN: new(subARN)})
		wantCode(t, "read a deleted topic's subscription", err, "NotFound")
		if all := must(c.ListSubscriptions(ctx, &sns.ListSubscriptionsInput{}))(t); len(all.Subscriptions) != 0 {
			t.Errorf("ListSubscriptions after the delete: %v", all.Subscriptions)
		}
	})
	t.Run("DeleteTopic of a topic that does not exist succeeds", func(t *testing.T) {
		must(c.DeleteTopic(ctx, &sns.DeleteTopicInput{TopicARN: new(arn)}))(t)
	})
	t.Run("operations on a topic that does not exist answer NotFound", func(t *testing.T) {
		_, err := c.Subscribe(ctx, &sns.SubscribeInput{TopicARN: new(arn), Protocol: new("sqs"), Endpoint: new("arn:aws:sqs:us-east-1:123456789012:q")})
		wantCode(t, "subscribe", err, "NotFound")
		_, err = c.ListSubscriptionsByTopic(ctx, &sns.ListSubscriptionsByTopicInput{TopicARN: new(arn)})
		wantCode(t, "list subscriptions", err, "NotFound")
		_, err = c.SetTopicAttributes(ctx, &sns.SetTopicAttributesInput{TopicARN: new(arn), AttributeName: new("DisplayName"), AttributeValue: new("x")})
		wantCode(t, "set attributes", err, "NotFound")
		_, err = c.Unsubscribe(ctx, &sns.UnsubscribeInput{SubscriptionARN: new(subARN)})
		wantCode(t, "unsubscribe", err, "NotFound")
		_, err = c.ListTagsForResource(ctx, &sns.ListTagsForResourceInput{ResourceARN: new(arn)})
		wantCode(t, "list tags", err, "ResourceNotFound")
	})
}

// TestSNSConfirmSubscription confirms a pending subscription with the
// token the mock keeps for it, as the endpoint would have received it.
func TestSNSConfirmSubscription(t *testing.T) {
	ctx := t.Context()
	srv, url := snsmock.NewTestServer(t)
	c := sns.New(options(url))
	topic := *must(c.CreateTopic(ctx, &sns.CreateTopicInput{Name: new("alerts")}))(t).TopicARN
	sub := *must(c.Subscribe(ctx, &sns.SubscribeInput{TopicARN: new(topic), Protocol: new("https"), Endpoint: new("https://example.com/hook"),
		ReturnSubscriptionARN: new(true)}))(t).SubscriptionARN
	st, ok := srv.Resource("Subscription", sub)
	if !ok {
		t.Fatalf("the mock holds no subscription %s", sub)
	}
	var desc struct{ Token string }
	if err := json.Unmarshal(st.Description, &desc); err != nil || len(desc.Token) != 256 {
		t.Fatalf("the subscription's Token %q (%v), want 256 hex digits", desc.Token, err)
	}
	counts := func() []string {
		a := must(c.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicARN: new(topic)}))(t).Attributes
		return []string{a["SubscriptionsPending"], a["SubscriptionsConfirmed"]}
	}
	listed := func() string {
		return *must(c.ListSubscriptions(ctx, &sns.ListSubscriptionsInput{}))(t).Subscriptions[0].SubscriptionARN
	}
	t.Run("while pending, the lists show PendingConfirmation and the topic counts it pending", func(t *testing.T) {
		if got := listed(); got != "PendingConfirmation" {
			t.Errorf("ListSubscriptions' SubscriptionArn %q, want PendingConfirmation", got)
		}
		if diff := cmp.Diff([]string{"1", "0"}, counts()); diff != "" {
			t.Errorf("pending, confirmed (-want +got):\n%s", diff)
		}
	})
	t.Run("GetSubscriptionAttributes does not answer the token", func(t *testing.T) {
		got := must(c.GetSubscriptionAttributes(ctx, &sns.GetSubscriptionAttributesInput{SubscriptionARN: new(sub)}))(t).Attributes
		if _, ok := got["Token"]; ok || got["PendingConfirmation"] != "true" {
			t.Errorf("attributes of the pending subscription: %v", got)
		}
	})
	t.Run("a token that names no subscription answers InvalidParameter", func(t *testing.T) {
		_, err := c.ConfirmSubscription(ctx, &sns.ConfirmSubscriptionInput{TopicARN: new(topic), Token: new("0123")})
		wantCode(t, "confirm with a wrong token", err, "InvalidParameter")
	})
	t.Run("the token of another topic's subscription answers InvalidParameter", func(t *testing.T) {
		other := *must(c.CreateTopic(ctx, &sns.CreateTopicInput{Name: new("other")}))(t).TopicARN
		_, err := c.ConfirmSubscription(ctx, &sns.ConfirmSubscriptionInput{TopicARN: new(other), Token: new(desc.Token)})
		wantCode(t, "confirm on another topic", err, "InvalidParameter")
	})
	t.Run("a topic that does not exist answers NotFound", func(t *testing.T) {
		_, err := c.ConfirmSubscription(ctx, &sns.ConfirmSubscriptionInput{TopicARN: new(topic + "x"), Token: new(desc.Token)})
		wantCode(t, "confirm on no topic", err, "NotFound")
	})
	t.Run("the token confirms the subscription and answers its ARN", func(t *testing.T) {
		out := must(c.ConfirmSubscription(ctx, &sns.ConfirmSubscriptionInput{TopicARN: new(topic), Token: new(desc.Token)}))(t)
		if diff := cmp.Diff(sub, *out.SubscriptionARN); diff != "" {
			t.Errorf("SubscriptionArn (-want +got):\n%s", diff)
		}
		got := must(c.GetSubscriptionAttributes(ctx, &sns.GetSubscriptionAttributesInput{SubscriptionARN: new(sub)}))(t).Attributes
		if got["PendingConfirmation"] != "false" || got["ConfirmationWasAuthenticated"] != "true" {
			t.Errorf("PendingConfirmation %q, ConfirmationWasAuthenticated %q after the confirmation, want false and true",
				got["PendingConfirmation"], got["ConfirmationWasAuthenticated"])
		}
		if got := listed(); got != sub {
			t.Errorf("ListSubscriptions' SubscriptionArn %q, want %s", got, sub)
		}
		if diff := cmp.Diff([]string{"0", "1"}, counts()); diff != "" {
			t.Errorf("pending, confirmed (-want +got):\n%s", diff)
		}
	})
}

// TestSNSPublish publishes to standard and FIFO topics, alone and in
// batches: each message gets a MessageId, a FIFO topic's a SequenceNumber
// too, and the mock's request records hold what was sent.
func TestSNSPublish(t *testing.T) {
	ctx := t.Context()
	srv, url := snsmock.NewTestServer(t)
	c := sns.New(options(url))
	std := *must(c.CreateTopic(ctx, &sns.CreateTopicInput{Name: new("std")}))(t).TopicARN
	fifo := *must(c.CreateTopic(ctx, &sns.CreateTopicInput{Name: new("f.fifo"), Attributes: map[string]string{"FifoTopic": "true"}}))(t).TopicARN
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	seq := regexp.MustCompile(`^[1-9][0-9]{19}$`)
	t.Run("a publish answers a MessageId, and a SequenceNumber only on a FIFO topic", func(t *testing.T) {
		for _, tc := range []struct {
			topic   string
			wantSeq bool
		}{{std, false}, {fifo, true}} {
			out := must(c.Publish(ctx, &sns.PublishInput{TopicARN: new(tc.topic), Message: new("hello"), MessageGroupID: fifoOnly(tc.wantSeq, "g")}))(t)
			if out.MessageID == nil || !uuid.MatchString(*out.MessageID) {
				t.Errorf("Publish to %s: MessageId %v, want a UUID", tc.topic, out.MessageID)
			}
			if got := out.SequenceNumber != nil && seq.MatchString(*out.SequenceNumber); got != tc.wantSeq {
				t.Errorf("Publish to %s: SequenceNumber %v, want one: %v", tc.topic, out.SequenceNumber, tc.wantSeq)
			}
		}
	})
	t.Run("a publish to a phone number names no topic and succeeds", func(t *testing.T) {
		out := must(c.Publish(ctx, &sns.PublishInput{PhoneNumber: new("+15555550100"), Message: new("hi")}))(t)
		if out.MessageID == nil {
			t.Error("Publish to a phone number answered no MessageId")
		}
	})
	t.Run("a publish to a topic that does not exist answers NotFound", func(t *testing.T) {
		_, err := c.Publish(ctx, &sns.PublishInput{TopicARN: new(std + "x"), Message: new("hello")})
		wantCode(t, "publish", err, "NotFound")
		_, err = c.PublishBatch(ctx, &sns.PublishBatchInput{TopicARN: new(std + "x"), PublishBatchRequestEntries: []sns.PublishBatchRequestEntry{{ID: new("1"), Message: new("m")}}})
		wantCode(t, "publish a batch", err, "NotFound")
	})
	t.Run("a batch answers an entry for each message", func(t *testing.T) {
		for _, tc := range []struct {
			topic   string
			wantSeq bool
		}{{std, false}, {fifo, true}} {
			out := must(c.PublishBatch(ctx, &sns.PublishBatchInput{TopicARN: new(tc.topic), PublishBatchRequestEntries: []sns.PublishBatchRequestEntry{
				{ID: new("a"), Message: new("one"), MessageGroupID: fifoOnly(tc.wantSeq, "g")}, {ID: new("b"), Message: new("two"), MessageGroupID: fifoOnly(tc.wantSeq, "g")}}}))(t)
			var ids []string
			for _, e := range out.Successful {
				ids = append(ids, *e.ID)
				if !uuid.MatchString(*e.MessageID) || (e.SequenceNumber != nil && seq.MatchString(*e.SequenceNumber)) != tc.wantSeq {
					t.Errorf("PublishBatch to %s: entry %s: MessageId %s, SequenceNumber %v", tc.topic, *e.ID, *e.MessageID, e.SequenceNumber)
				}
			}
			if diff := cmp.Diff([]string{"a", "b"}, ids); diff != "" || len(out.Failed) != 0 {
				t.Errorf("PublishBatch to %s: Successful ids (-want +got):\n%s; Failed %v", tc.topic, diff, out.Failed)
			}
		}
	})
	t.Run("a batch of two messages of one Id, or of eleven messages, answers SNS's errors", func(t *testing.T) {
		_, err := c.PublishBatch(ctx, &sns.PublishBatchInput{TopicARN: new(std), PublishBatchRequestEntries: []sns.PublishBatchRequestEntry{
			{ID: new("a"), Message: new("one")}, {ID: new("a"), Message: new("two")}}})
		wantCode(t, "the same Id twice", err, "BatchEntryIdsNotDistinct")
		var many []sns.PublishBatchRequestEntry
		for i := range 11 {
			many = append(many, sns.PublishBatchRequestEntry{ID: new(strconv.Itoa(i)), Message: new("m")})
		}
		_, err = c.PublishBatch(ctx, &sns.PublishBatchInput{TopicARN: new(std), PublishBatchRequestEntries: many})
		wantCode(t, "eleven messages", err, "TooManyEntriesInBatchRequest")
	})
	t.Run("the request records hold the messages published", func(t *testing.T) {
		var got []string
		for _, r := range srv.Requests() {
			if r.Operation != "Publish" || r.ErrorCode != "" {
				continue
			}
			form, err := neturl.ParseQuery(string(r.Body))
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, form.Get("TopicArn")+" "+form.Get("Message"))
		}
		if diff := cmp.Diff([]string{std + " hello", fifo + " hello", " hi"}, got); diff != "" {
			t.Errorf("published (-want +got):\n%s", diff)
		}
	})
}

// TestSNSFIFOTopicNames creates topics of .fifo names with and without
// the FifoTopic attribute.
func TestSNSFIFOTopicNames(t *testing.T) {
	ctx := t.Context()
	_, url := snsmock.NewTestServer(t)
	c := sns.New(options(url))
	for _, tc := range []struct {
		name, fifo string
		wantErr    bool
	}{
		{"a .fifo name without FifoTopic is refused", "", true},
		{"a .fifo name with FifoTopic false is refused", "false", true},
		{"a .fifo name with FifoTopic true is a FIFO topic", "true", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := &sns.CreateTopicInput{Name: new("orders.fifo")}
			if tc.fifo != "" {
				in.Attributes = map[string]string{"FifoTopic": tc.fifo}
			}
			_, err := c.CreateTopic(ctx, in)
			if !tc.wantErr {
				must(struct{}{}, err)(t)
				return
			}
			wantCode(t, "create", err, "InvalidParameter")
			var ae specrt.APIError
			if errors.As(err, &ae) && ae.ErrorMessage() != "Invalid parameter: Topic Name" {
				t.Errorf("message %q, want SNS's", ae.ErrorMessage())
			}
		})
	}
}

// fifoOnly is v for a message to a FIFO topic, nil otherwise.
func fifoOnly(fifo bool, v string) *string {
	if !fifo {
		return nil
	}
	return &v
}

// TestSNSTopicAttributeDefaults reads what SNS answers for a topic's
// policies when its create gives none, and what a create's own are.
func TestSNSTopicAttributeDefaults(t *testing.T) {
	ctx := t.Context()
	_, url := snsmock.NewTestServer(t)
	c := sns.New(options(url))
	const arn = "arn:aws:sns:us-east-1:123456789012:plain"
	must(c.CreateTopic(ctx, &sns.CreateTopicInput{Name: new("plain")}))(t)
	got := must(c.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicARN: new(arn)}))(t).Attributes
	var policy struct {
		Version   string
		Statement []struct {
			Effect, Resource string
			Action           []string
			Condition        map[string]map[string]string
		}
	}
	if err := json.Unmarshal([]byte(got["Policy"]), &policy); err != nil || len(policy.Statement) != 1 {
		t.Fatalf("Policy %q: %v", got["Policy"], err)
	}
	st := policy.Statement[0]
	if diff := cmp.Diff([]string{"2008-10-17", "Allow", arn, "123456789012", "8"},
		[]string{policy.Version, st.Effect, st.Resource, st.Condition["StringEquals"]["AWS:SourceOwner"], strconv.Itoa(len(st.Action))}); diff != "" {
		t.Errorf("Policy's Version, Effect, Resource, SourceOwner, number of actions (-want +got):\n%s", diff)
	}
	var delivery struct {
		HTTP struct {
			DefaultHealthyRetryPolicy struct{ NumRetries int } `json:"defaultHealthyRetryPolicy"`
		} `json:"http"`
	}
	if err := json.Unmarshal([]byte(got["EffectiveDeliveryPolicy"]), &delivery); err != nil || delivery.HTTP.DefaultHealthyRetryPolicy.NumRetries != 3 {
		t.Errorf("EffectiveDeliveryPolicy %q (%v), want SNS's default of 3 retries", got["EffectiveDeliveryPolicy"], err)
	}
	t.Run("a create's own policies are kept", func(t *testing.T) {
		const own, delivery = `{"Version":"2012-10-17","Statement":[]}`, `{"http":{"defaultHealthyRetryPolicy":{"numRetries":5}}}`
		out := must(c.CreateTopic(ctx, &sns.CreateTopicInput{Name: new("own.fifo"),
			Attributes: map[string]string{"Policy": own, "DeliveryPolicy": delivery, "FifoTopic": "true"}}))(t)
		got := must(c.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicARN: out.TopicARN}))(t).Attributes
		if diff := cmp.Diff([]string{own, delivery, delivery, "true", "false"},
			[]string{got["Policy"], got["DeliveryPolicy"], got["EffectiveDeliveryPolicy"], got["FifoTopic"], got["ContentBasedDeduplication"]}); diff != "" {
			t.Errorf("Policy, DeliveryPolicy, EffectiveDeliveryPolicy, FifoTopic, ContentBasedDeduplication (-want +got):\n%s", diff)
		}
	})
}

// TestSNSAndCloudWatchAnswerTheirOwnQuotaErrors fills each mock to its
// limit of resources of a kind: the next create answers the error the
// service answers past its own quota.
func TestSNSAndCloudWatchAnswerTheirOwnQuotaErrors(t *testing.T) {
	ctx := t.Context()
	t.Run("SNS answers TopicLimitExceeded and SubscriptionLimitExceeded", func(t *testing.T) {
		_, url := snsmock.NewTestServer(t, mockrt.WithMaxResources(1))
		c := sns.New(options(url))
		topic := must(c.CreateTopic(ctx, &sns.CreateTopicInput{Name: new("a")}))(t)
		_, err := c.CreateTopic(ctx, &sns.CreateTopicInput{Name: new("b")})
		wantCode(t, "a second topic", err, "TopicLimitExceeded")
		if again := must(c.CreateTopic(ctx, &sns.CreateTopicInput{Name: new("a")}))(t); *again.TopicARN != *topic.TopicARN {
			t.Errorf("the topic created again at the limit: %s, want %s", *again.TopicARN, *topic.TopicARN)
		}
		sub := &sns.SubscribeInput{TopicARN: topic.TopicARN, Protocol: new("sqs"), Endpoint: new("arn:aws:sqs:us-east-1:123456789012:q")}
		must(c.Subscribe(ctx, sub))(t)
		_, err = c.Subscribe(ctx, sub)
		wantCode(t, "a second subscription", err, "SubscriptionLimitExceeded")
	})
	t.Run("CloudWatch answers LimitExceeded, and a put of the alarm there is still an update", func(t *testing.T) {
		_, url := cloudwatchmock.NewTestServer(t, mockrt.WithMaxResources(1))
		c := cloudwatch.New(options(url))
		put := func(name string) *cloudwatch.PutMetricAlarmInput {
			return &cloudwatch.PutMetricAlarmInput{AlarmName: new(name), MetricName: new("m"), Namespace: new("n"), Statistic: cloudwatch.StatisticAverage,
				Period: new(int32(60)), EvaluationPeriods: new(int32(1)), Threshold: new(1.0), ComparisonOperator: cloudwatch.ComparisonOperatorGreaterThanThreshold}
		}
		must(c.PutMetricAlarm(ctx, put("a")))(t)
		_, err := c.PutMetricAlarm(ctx, put("b"))
		wantCode(t, "a second alarm", err, "LimitExceeded") // its awsQuery code, as the client reads it
		must(c.PutMetricAlarm(ctx, put("a")))(t)
	})
}

// TestSNSCountsSurviveSavedState saves a topic with a pending and a
// confirmed subscription and loads it into another mock: the counts by
// value are what they were, and move on from there.
func TestSNSCountsSurviveSavedState(t *testing.T) {
	ctx := t.Context()
	first, url := snsmock.NewTestServer(t)
	c := sns.New(options(url))
	arn := *must(c.CreateTopic(ctx, &sns.CreateTopicInput{Name: new("t")}))(t).TopicARN
	for _, p := range []string{"email", "sqs", "lambda"} {
		must(c.Subscribe(ctx, &sns.SubscribeInput{TopicARN: new(arn), Protocol: new(p), Endpoint: new("e")}))(t)
	}
	gone := first.Resources("Subscription")[2].ID
	must(c.Unsubscribe(ctx, &sns.UnsubscribeInput{SubscriptionARN: new(gone)}))(t)
	var buf bytes.Buffer
	if err := mockrt.SaveState(&buf, first.Server); err != nil {
		t.Fatal(err)
	}
	second, url2 := snsmock.NewTestServer(t)
	if err := mockrt.LoadState(&buf, second.Server); err != nil {
		t.Fatal(err)
	}
	c2 := sns.New(options(url2))
	counts := func() []string {
		a := must(c2.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicARN: new(arn)}))(t).Attributes
		return []string{a["SubscriptionsPending"], a["SubscriptionsConfirmed"], a["SubscriptionsDeleted"]}
	}
	if diff := cmp.Diff([]string{"1", "1", "1"}, counts()); diff != "" {
		t.Errorf("pending, confirmed, deleted after the load (-want +got):\n%s", diff)
	}
	must(c2.Subscribe(ctx, &sns.SubscribeInput{TopicARN: new(arn), Protocol: new("https"), Endpoint: new("https://example.com")}))(t)
	if diff := cmp.Diff([]string{"2", "1", "1"}, counts()); diff != "" {
		t.Errorf("pending, confirmed, deleted after one more (-want +got):\n%s", diff)
	}
}

// BenchmarkSNSConfirmSubscription confirms the newest of a topic's
// pending subscriptions: the token is searched among the topic's
// subscriptions, so the cost grows with them (no index is kept).
func BenchmarkSNSConfirmSubscription(b *testing.B) {
	for _, n := range []int{10, 1000} {
		b.Run(strconv.Itoa(n)+" subscriptions", func(b *testing.B) {
			ctx := b.Context()
			srv, url := snsmock.NewTestServer(b)
			c := sns.New(options(url))
			topic, err := c.CreateTopic(ctx, &sns.CreateTopicInput{Name: new("t")})
			if err != nil {
				b.Fatal(err)
			}
			var sub *sns.SubscribeOutput
			for range n {
				if sub, err = c.Subscribe(ctx, &sns.SubscribeInput{TopicARN: topic.TopicARN, Protocol: new("email"), Endpoint: new("e@example.com"),
					ReturnSubscriptionARN: new(true)}); err != nil {
					b.Fatal(err)
				}
			}
			st, _ := srv.Resource("Subscription", *sub.SubscriptionARN)
			var desc struct{ Token string }
			if err := json.Unmarshal(st.Description, &desc); err != nil {
				b.Fatal(err)
			}
			in := &sns.ConfirmSubscriptionInput{TopicARN: topic.TopicARN, Token: new(desc.Token)}
			for b.Loop() {
				if _, err := c.ConfirmSubscription(ctx, in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
