package compat

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"unsafe"

	sdksns "github.com/aws/aws-sdk-go-v2/service/sns"
	snsschemas "github.com/aws/aws-sdk-go-v2/service/sns/schemas"
	snstypes "github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/aws/smithy-go/transport/http/protocol/awsquery"
	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/specrt/protocol"
	specawsquery "github.com/specgen/specgen/specrt/protocol/awsquery"
	"github.com/specgen/specgen/specrt/schema"
)

// The awsQuery benchmarks put package querywire (requests) and the
// awsQuery envelope over xmlwire (responses) side by side with the AWS SDK
// for Go v2's awsQuery protocol for SNS, on a PublishBatch request of 100
// entries with three message attributes each (wrapped lists, maps of
// structures with the model's key and value names) and a ListSubscriptions
// answer of 1,000 subscriptions.
//
// SNS is not generated into gen/ yet, so the Go types and shape data below
// are written by hand the way specgen generates them (pointers for scalars,
// values for lists and maps, members in the model's order, wire names and
// map entry names from botocore's sns model). The SDK side is its public
// protocol (smithy-go's awsquery.Protocol, which its client calls through
// its schemas): SerializeRequest from the input to the form body, and
// DeserializeResponse from the body to the output; ours is the protocol's
// EncodeRequest and DecodeResponse, the same layer.

type (
	snsAttr struct {
		DataType    *string
		StringValue *string
		BinaryValue []byte
	}
	snsEntry struct {
		ID                     *string
		Message                *string
		Subject                *string
		MessageStructure       *string
		MessageAttributes      map[string]snsAttr
		MessageDeduplicationID *string
		MessageGroupID         *string
	}
	snsPublishBatchInput struct {
		TopicArn                   *string
		PublishBatchRequestEntries []snsEntry
	}
	snsSubscription struct {
		SubscriptionArn, Owner, Protocol, Endpoint, TopicArn *string
	}
	snsListSubscriptionsOutput struct {
		Subscriptions []snsSubscription
		NextToken     *string
	}
)

var (
	shapeSNSAttr = schema.Shape{Kind: schema.KindStruct, Type: (*snsAttr)(nil), Members: []schema.Member{
		{Name: "DataType", Offset: unsafe.Offsetof(snsAttr{}.DataType), Shape: &schema.String},
		{Name: "StringValue", Offset: unsafe.Offsetof(snsAttr{}.StringValue), Shape: &schema.String},
		{Name: "BinaryValue", Offset: unsafe.Offsetof(snsAttr{}.BinaryValue), Shape: &schema.Blob},
	}}
	shapeSNSAttrMap = schema.Shape{Kind: schema.KindMap, Type: (*map[string]snsAttr)(nil), Elem: &shapeSNSAttr,
		XML: &schema.XMLShape{KeyName: "Name", ValueName: "Value"}}
	shapeSNSEntry = schema.Shape{Kind: schema.KindStruct, Type: (*snsEntry)(nil), Members: []schema.Member{
		{Name: "Id", Offset: unsafe.Offsetof(snsEntry{}.ID), Shape: &schema.String},
		{Name: "Message", Offset: unsafe.Offsetof(snsEntry{}.Message), Shape: &schema.String},
		{Name: "Subject", Offset: unsafe.Offsetof(snsEntry{}.Subject), Shape: &schema.String},
		{Name: "MessageStructure", Offset: unsafe.Offsetof(snsEntry{}.MessageStructure), Shape: &schema.String},
		{Name: "MessageAttributes", Offset: unsafe.Offsetof(snsEntry{}.MessageAttributes), Shape: &shapeSNSAttrMap},
		{Name: "MessageDeduplicationId", Offset: unsafe.Offsetof(snsEntry{}.MessageDeduplicationID), Shape: &schema.String},
		{Name: "MessageGroupId", Offset: unsafe.Offsetof(snsEntry{}.MessageGroupID), Shape: &schema.String},
	}}
	shapeSNSEntryList     = schema.Shape{Kind: schema.KindList, Type: (*[]snsEntry)(nil), Elem: &shapeSNSEntry}
	shapeSNSPublishBatchI = schema.Shape{Kind: schema.KindStruct, Type: (*snsPublishBatchInput)(nil), Members: []schema.Member{
		{Name: "TopicArn", Offset: unsafe.Offsetof(snsPublishBatchInput{}.TopicArn), Shape: &schema.String},
		{Name: "PublishBatchRequestEntries", Offset: unsafe.Offsetof(snsPublishBatchInput{}.PublishBatchRequestEntries), Shape: &shapeSNSEntryList},
	}}
	shapeSNSSubscription = schema.Shape{Kind: schema.KindStruct, Type: (*snsSubscription)(nil), Members: []schema.Member{
		{Name: "SubscriptionArn", Offset: unsafe.Offsetof(snsSubscription{}.SubscriptionArn), Shape: &schema.String},
		{Name: "Owner", Offset: unsafe.Offsetof(snsSubscription{}.Owner), Shape: &schema.String},
		{Name: "Protocol", Offset: unsafe.Offsetof(snsSubscription{}.Protocol), Shape: &schema.String},
		{Name: "Endpoint", Offset: unsafe.Offsetof(snsSubscription{}.Endpoint), Shape: &schema.String},
		{Name: "TopicArn", Offset: unsafe.Offsetof(snsSubscription{}.TopicArn), Shape: &schema.String},
	}}
	shapeSNSSubscriptionList   = schema.Shape{Kind: schema.KindList, Type: (*[]snsSubscription)(nil), Elem: &shapeSNSSubscription}
	shapeSNSListSubscriptionsO = schema.Shape{Kind: schema.KindStruct, Type: (*snsListSubscriptionsOutput)(nil), Members: []schema.Member{
		{Name: "Subscriptions", Offset: unsafe.Offsetof(snsListSubscriptionsOutput{}.Subscriptions), Shape: &shapeSNSSubscriptionList},
		{Name: "NextToken", Offset: unsafe.Offsetof(snsListSubscriptionsOutput{}.NextToken), Shape: &schema.String},
	}}
)

const snsTopic = "arn:aws:sns:us-east-1:123456789012:orders"

// snsBatch returns the PublishBatch input of n entries, ours and the SDK's.
func snsBatch(n int) (*snsPublishBatchInput, *sdksns.PublishBatchInput) {
	ours := &snsPublishBatchInput{TopicArn: ptr(snsTopic)}
	sdk := &sdksns.PublishBatchInput{TopicArn: ptr(snsTopic)}
	for i := range n {
		id := fmt.Sprintf("msg-%04d", i)
		msg := fmt.Sprintf(`{"order":%d,"note":"café & crème, 100%% <fresh>"}`, i)
		group := fmt.Sprintf("group-%d", i%7)
		ours.PublishBatchRequestEntries = append(ours.PublishBatchRequestEntries, snsEntry{
			ID: ptr(id), Message: ptr(msg), Subject: ptr("Order update"), MessageGroupID: ptr(group),
			MessageAttributes: map[string]snsAttr{
				"customer": {DataType: ptr("String"), StringValue: ptr(fmt.Sprintf("customer-%d", i))},
				"priority": {DataType: ptr("Number"), StringValue: ptr(fmt.Sprint(i % 5))},
				"payload":  {DataType: ptr("Binary"), BinaryValue: []byte(id)},
			},
		})
		sdk.PublishBatchRequestEntries = append(sdk.PublishBatchRequestEntries, snstypes.PublishBatchRequestEntry{
			Id: ptr(id), Message: ptr(msg), Subject: ptr("Order update"), MessageGroupId: ptr(group),
			MessageAttributes: map[string]snstypes.MessageAttributeValue{
				"customer": {DataType: ptr("String"), StringValue: ptr(fmt.Sprintf("customer-%d", i))},
				"priority": {DataType: ptr("Number"), StringValue: ptr(fmt.Sprint(i % 5))},
				"payload":  {DataType: ptr("Binary"), BinaryValue: []byte(id)},
			},
		})
	}
	return ours, sdk
}

// snsSubscriptionsBody is a ListSubscriptions answer of n subscriptions as
// SNS sends it.
func snsSubscriptionsBody(n int) []byte {
	var b strings.Builder
	b.WriteString(`<ListSubscriptionsResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">` + "\n  <ListSubscriptionsResult>\n    <Subscriptions>\n")
	for i := range n {
		fmt.Fprintf(&b, `      <member>
        <TopicArn>%s</TopicArn>
        <Protocol>https</Protocol>
        <SubscriptionArn>%s:%08x-6a1f-4c4b-9a55-0e1c2d3b4a5f</SubscriptionArn>
        <Owner>123456789012</Owner>
        <Endpoint>https://hooks.example.com/orders?shard=%d&amp;v=2</Endpoint>
      </member>
`, snsTopic, snsTopic, i, i%16)
	}
	b.WriteString("    </Subscriptions>\n    <NextToken>AAEBAAAAAAAAAAAAAAAAAAAAAAAA</NextToken>\n  </ListSubscriptionsResult>\n" +
		"  <ResponseMetadata>\n    <RequestId>384ac68d-3775-11df-8963-01868b7c937a</RequestId>\n  </ResponseMetadata>\n</ListSubscriptionsResponse>\n")
	return []byte(b.String())
}

var (
	snsProtocol            = awsquery.New(snsschemas.AmazonSimpleNotificationService)
	snsPublishBatchOp      = smithy.NewOperationSchema(snsschemas.PublishBatch, snsschemas.PublishBatchInput, snsschemas.PublishBatchResponse)
	snsListSubscriptionsOp = smithy.NewOperationSchema(snsschemas.ListSubscriptions, snsschemas.ListSubscriptionsInput, snsschemas.ListSubscriptionsResponse)
	snsPublishBatchMsg     = protocol.Message{Operation: "PublishBatch", Version: "2010-03-31"}
	snsListSubscriptionsM  = protocol.Message{Operation: "ListSubscriptions", Version: "2010-03-31", Wrapper: "ListSubscriptionsResult"}
)

// sdkSNSEncode serializes in as the SDK's client does and returns the body.
func sdkSNSEncode(in *sdksns.PublishBatchInput) ([]byte, error) {
	req := smithyhttp.NewStackRequest().(*smithyhttp.Request)
	req.URL = &url.URL{Scheme: "https", Host: "sns.us-east-1.amazonaws.com", Path: "/"}
	if err := snsProtocol.SerializeRequest(context.Background(), snsPublishBatchOp, in, req); err != nil {
		return nil, err
	}
	return io.ReadAll(req.GetStream())
}

// sdkSNSDecode deserializes body as the SDK's client does.
func sdkSNSDecode(body []byte, out *sdksns.ListSubscriptionsOutput) error {
	resp := &smithyhttp.Response{Response: &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(body))}}
	return snsProtocol.DeserializeResponse(context.Background(), snsListSubscriptionsOp, sdksns.TypeRegistry, resp, out)
}

// formPairs returns the pairs of a form body, decoded and sorted, so that
// two encoders are compared by what they say, not by their escaping.
func formPairs(t testing.TB, body []byte) []string {
	t.Helper()
	v, err := url.ParseQuery(string(body))
	if err != nil {
		t.Fatal(err)
	}
	var pairs []string
	for k, vs := range v {
		for _, x := range vs {
			pairs = append(pairs, k+"="+x)
		}
	}
	slices.Sort(pairs)
	return pairs
}

// TestQueryBenchSidesDoTheSameWork checks that both sides of each
// benchmark produce the same thing: the same form pairs for the request,
// the same subscriptions from the answer.
func TestQueryBenchSidesDoTheSameWork(t *testing.T) {
	t.Run("PublishBatch encodes to the same form pairs", func(t *testing.T) {
		ours, sdk := snsBatch(100)
		got, err := specawsquery.AWSQuery.EncodeRequest(&snsPublishBatchMsg, &shapeSNSPublishBatchI, ours)
		if err != nil {
			t.Fatal(err)
		}
		want, err := sdkSNSEncode(sdk)
		if err != nil {
			t.Fatal(err)
		}
		wantPairs := formPairs(t, want)
		if len(wantPairs) < 100*10 {
			t.Fatalf("the SDK's body has %d pairs, want over 1000: %.300s", len(wantPairs), want)
		}
		if diff := cmp.Diff(wantPairs, formPairs(t, got)); diff != "" {
			t.Errorf("form pairs (-sdk +ours):\n%s", diff)
		}
	})
	t.Run("ListSubscriptions decodes to the same subscriptions", func(t *testing.T) {
		body := snsSubscriptionsBody(1000)
		var sdk sdksns.ListSubscriptionsOutput
		if err := sdkSNSDecode(body, &sdk); err != nil {
			t.Fatal(err)
		}
		var ours snsListSubscriptionsOutput
		if err := specawsquery.AWSQuery.DecodeResponse(&snsListSubscriptionsM, body, &shapeSNSListSubscriptionsO, &ours); err != nil {
			t.Fatal(err)
		}
		if len(ours.Subscriptions) != 1000 || len(sdk.Subscriptions) != 1000 {
			t.Fatalf("decoded %d and %d subscriptions, want 1000", len(ours.Subscriptions), len(sdk.Subscriptions))
		}
		want := make([]snsSubscription, len(sdk.Subscriptions))
		for i, s := range sdk.Subscriptions {
			want[i] = snsSubscription{SubscriptionArn: s.SubscriptionArn, Owner: s.Owner, Protocol: s.Protocol, Endpoint: s.Endpoint, TopicArn: s.TopicArn}
		}
		if diff := cmp.Diff(want, ours.Subscriptions); diff != "" {
			t.Errorf("subscriptions (-sdk +ours):\n%s", diff)
		}
		if diff := cmp.Diff(sdk.NextToken, ours.NextToken); diff != "" {
			t.Errorf("next token (-sdk +ours):\n%s", diff)
		}
	})
}

func BenchmarkQueryEncodePublishBatch(b *testing.B) {
	ours, sdk := snsBatch(100)
	b.Run("specgen", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := specawsquery.AWSQuery.EncodeRequest(&snsPublishBatchMsg, &shapeSNSPublishBatchI, ours); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("aws-sdk-go-v2", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			req := smithyhttp.NewStackRequest().(*smithyhttp.Request)
			req.URL = &url.URL{Scheme: "https", Host: "sns.us-east-1.amazonaws.com", Path: "/"}
			if err := snsProtocol.SerializeRequest(context.Background(), snsPublishBatchOp, sdk, req); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkQueryDecodeListSubscriptions(b *testing.B) {
	body := snsSubscriptionsBody(1000)
	b.Run("specgen", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			var out snsListSubscriptionsOutput
			if err := specawsquery.AWSQuery.DecodeResponse(&snsListSubscriptionsM, body, &shapeSNSListSubscriptionsO, &out); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("aws-sdk-go-v2", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			var out sdksns.ListSubscriptionsOutput
			if err := sdkSNSDecode(body, &out); err != nil {
				b.Fatal(err)
			}
		}
	})
}
