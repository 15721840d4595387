package compat

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"testing"
	"unsafe"

	sdkroute53 "github.com/aws/aws-sdk-go-v2/service/route53"
	r53types "github.com/aws/aws-sdk-go-v2/service/route53/types"
	smithyxml "github.com/aws/smithy-go/encoding/xml"
	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/specrt/schema"
	"github.com/specgen/specgen/specrt/xmlwire"
)

// The XML codec benchmarks put package xmlwire side by side with the AWS
// SDK for Go v2's restXml serializers and deserializers for Route 53, on a
// ListResourceRecordSets answer of 300 record sets and a
// ChangeResourceRecordSets request of 300 changes.
//
// Route 53 is not generated into gen/ yet, so the Go types and shape data
// below are written by hand the way specgen generates them (pointers for
// scalars, values for enums and lists, members in the model's order, wire
// names and list item names from botocore's route53 model). The SDK's own
// serializer and deserializer functions are unexported: they are reached
// through go:linkname (the empty linkname.s lets the declarations go
// without bodies), so that both sides run the codec alone, from bytes to a
// value and back, without a client or a transport around them.

//go:linkname sdkDecodeListResourceRecordSets github.com/aws/aws-sdk-go-v2/service/route53.awsRestxml_deserializeOpDocumentListResourceRecordSetsOutput
func sdkDecodeListResourceRecordSets(v **sdkroute53.ListResourceRecordSetsOutput, decoder smithyxml.NodeDecoder) error

//go:linkname sdkEncodeChangeResourceRecordSets github.com/aws/aws-sdk-go-v2/service/route53.awsRestxml_serializeOpDocumentChangeResourceRecordSetsInput
func sdkEncodeChangeResourceRecordSets(v *sdkroute53.ChangeResourceRecordSetsInput, value smithyxml.Value) error

const route53NS = "https://route53.amazonaws.com/doc/2013-04-01/"

type (
	r53RecordSet struct {
		Name                    *string
		Type                    string
		SetIdentifier           *string
		Weight                  *int64
		Region                  string
		GeoLocation             *r53GeoLocation
		Failover                string
		MultiValueAnswer        *bool
		TTL                     *int64
		ResourceRecords         []r53Record
		AliasTarget             *r53AliasTarget
		HealthCheckID           *string
		TrafficPolicyInstanceID *string
	}
	r53Record      struct{ Value *string }
	r53GeoLocation struct {
		ContinentCode, CountryCode, SubdivisionCode *string
	}
	r53AliasTarget struct {
		HostedZoneID         *string
		DNSName              *string
		EvaluateTargetHealth *bool
	}
	r53ListOutput struct {
		ResourceRecordSets   []r53RecordSet
		IsTruncated          *bool
		NextRecordName       *string
		NextRecordType       string
		NextRecordIdentifier *string
		MaxItems             *int32
	}
	r53Change struct {
		Action            string
		ResourceRecordSet *r53RecordSet
	}
	r53ChangeBatch struct {
		Comment *string
		Changes []r53Change
	}
	r53ChangeInput struct{ ChangeBatch *r53ChangeBatch }
)

var (
	r53NS            = &schema.XMLNamespace{URI: route53NS}
	schemaR53Record  = schema.Shape{Kind: schema.KindStruct, Type: (*r53Record)(nil), Members: []schema.Member{{Name: "Value", Shape: &schema.String}}}
	schemaR53Records = schema.Shape{Kind: schema.KindList, Type: (*[]r53Record)(nil), Elem: &schemaR53Record, XML: &schema.XMLShape{ElemName: "ResourceRecord"}}
	schemaR53GeoLoc  = schema.Shape{Kind: schema.KindStruct, Type: (*r53GeoLocation)(nil), Members: []schema.Member{
		{Name: "ContinentCode", Offset: unsafe.Offsetof(r53GeoLocation{}.ContinentCode), Shape: &schema.String},
		{Name: "CountryCode", Offset: unsafe.Offsetof(r53GeoLocation{}.CountryCode), Shape: &schema.String},
		{Name: "SubdivisionCode", Offset: unsafe.Offsetof(r53GeoLocation{}.SubdivisionCode), Shape: &schema.String},
	}}
	schemaR53Alias = schema.Shape{Kind: schema.KindStruct, Type: (*r53AliasTarget)(nil), Members: []schema.Member{
		{Name: "HostedZoneId", Offset: unsafe.Offsetof(r53AliasTarget{}.HostedZoneID), Shape: &schema.String},
		{Name: "DNSName", Offset: unsafe.Offsetof(r53AliasTarget{}.DNSName), Shape: &schema.String},
		{Name: "EvaluateTargetHealth", Offset: unsafe.Offsetof(r53AliasTarget{}.EvaluateTargetHealth), Shape: &schema.Bool},
	}}
	schemaR53RecordSet = schema.Shape{Kind: schema.KindStruct, Type: (*r53RecordSet)(nil), Members: []schema.Member{
		{Name: "Name", Offset: unsafe.Offsetof(r53RecordSet{}.Name), Shape: &schema.String},
		{Name: "Type", Offset: unsafe.Offsetof(r53RecordSet{}.Type), Shape: &schema.Enum},
		{Name: "SetIdentifier", Offset: unsafe.Offsetof(r53RecordSet{}.SetIdentifier), Shape: &schema.String},
		{Name: "Weight", Offset: unsafe.Offsetof(r53RecordSet{}.Weight), Shape: &schema.Int64},
		{Name: "Region", Offset: unsafe.Offsetof(r53RecordSet{}.Region), Shape: &schema.Enum},
		{Name: "GeoLocation", Offset: unsafe.Offsetof(r53RecordSet{}.GeoLocation), Shape: &schemaR53GeoLoc},
		{Name: "Failover", Offset: unsafe.Offsetof(r53RecordSet{}.Failover), Shape: &schema.Enum},
		{Name: "MultiValueAnswer", Offset: unsafe.Offsetof(r53RecordSet{}.MultiValueAnswer), Shape: &schema.Bool},
		{Name: "TTL", Offset: unsafe.Offsetof(r53RecordSet{}.TTL), Shape: &schema.Int64},
		{Name: "ResourceRecords", Offset: unsafe.Offsetof(r53RecordSet{}.ResourceRecords), Shape: &schemaR53Records},
		{Name: "AliasTarget", Offset: unsafe.Offsetof(r53RecordSet{}.AliasTarget), Shape: &schemaR53Alias},
		{Name: "HealthCheckId", Offset: unsafe.Offsetof(r53RecordSet{}.HealthCheckID), Shape: &schema.String},
		{Name: "TrafficPolicyInstanceId", Offset: unsafe.Offsetof(r53RecordSet{}.TrafficPolicyInstanceID), Shape: &schema.String},
	}}
	schemaR53RecordSets = schema.Shape{Kind: schema.KindList, Type: (*[]r53RecordSet)(nil), Elem: &schemaR53RecordSet, XML: &schema.XMLShape{ElemName: "ResourceRecordSet"}}
	schemaR53ListOutput = schema.Shape{Kind: schema.KindStruct, Type: (*r53ListOutput)(nil),
		XML: &schema.XMLShape{Name: "ListResourceRecordSetsResponse", NS: r53NS}, Members: []schema.Member{
			{Name: "ResourceRecordSets", Offset: unsafe.Offsetof(r53ListOutput{}.ResourceRecordSets), Shape: &schemaR53RecordSets},
			{Name: "IsTruncated", Offset: unsafe.Offsetof(r53ListOutput{}.IsTruncated), Shape: &schema.Bool},
			{Name: "NextRecordName", Offset: unsafe.Offsetof(r53ListOutput{}.NextRecordName), Shape: &schema.String},
			{Name: "NextRecordType", Offset: unsafe.Offsetof(r53ListOutput{}.NextRecordType), Shape: &schema.Enum},
			{Name: "NextRecordIdentifier", Offset: unsafe.Offsetof(r53ListOutput{}.NextRecordIdentifier), Shape: &schema.String},
			{Name: "MaxItems", Offset: unsafe.Offsetof(r53ListOutput{}.MaxItems), Shape: &schema.Int32},
		}}
	schemaR53Change = schema.Shape{Kind: schema.KindStruct, Type: (*r53Change)(nil), Members: []schema.Member{
		{Name: "Action", Offset: unsafe.Offsetof(r53Change{}.Action), Shape: &schema.Enum},
		{Name: "ResourceRecordSet", Offset: unsafe.Offsetof(r53Change{}.ResourceRecordSet), Shape: &schemaR53RecordSet},
	}}
	schemaR53Changes     = schema.Shape{Kind: schema.KindList, Type: (*[]r53Change)(nil), Elem: &schemaR53Change, XML: &schema.XMLShape{ElemName: "Change"}}
	schemaR53ChangeBatch = schema.Shape{Kind: schema.KindStruct, Type: (*r53ChangeBatch)(nil), Members: []schema.Member{
		{Name: "Comment", Offset: unsafe.Offsetof(r53ChangeBatch{}.Comment), Shape: &schema.String},
		{Name: "Changes", Offset: unsafe.Offsetof(r53ChangeBatch{}.Changes), Shape: &schemaR53Changes},
	}}
	schemaR53ChangeInput = schema.Shape{Kind: schema.KindStruct, Type: (*r53ChangeInput)(nil),
		XML: &schema.XMLShape{Name: "ChangeResourceRecordSetsRequest", NS: r53NS}, Members: []schema.Member{
			{Name: "ChangeBatch", Offset: unsafe.Offsetof(r53ChangeInput{}.ChangeBatch), Shape: &schemaR53ChangeBatch},
		}}
)

func sp(s string) *string { return &s }

// r53RecordSetN is the i-th record set of the fixtures: plain, weighted,
// geolocated and alias record sets in turn, as a real zone mixes them.
func r53RecordSetN(i int) r53RecordSet {
	ttl := int64(300)
	rs := r53RecordSet{Name: sp(fmt.Sprintf("host-%03d.example.com.", i)), Type: "A"}
	switch i % 4 {
	case 0:
		rs.TTL = &ttl
		rs.ResourceRecords = []r53Record{{Value: sp(fmt.Sprintf("192.0.2.%d", i%250))}, {Value: sp(fmt.Sprintf("198.51.100.%d", i%250))}}
	case 1:
		w := int64(i)
		rs.SetIdentifier, rs.Weight, rs.TTL = sp(fmt.Sprintf("weighted-%d", i)), &w, &ttl
		rs.ResourceRecords = []r53Record{{Value: sp(fmt.Sprintf("203.0.113.%d", i%250))}}
		rs.HealthCheckID = sp("abcdef11-2222-3333-4444-555555fedcba")
	case 2:
		rs.Type = "TXT"
		rs.SetIdentifier, rs.TTL = sp(fmt.Sprintf("geo-%d", i)), &ttl
		rs.GeoLocation = &r53GeoLocation{ContinentCode: sp("EU"), CountryCode: sp("FR")}
		rs.ResourceRecords = []r53Record{{Value: sp(`"v=spf1 include:_spf.example.com ~all"`)}}
	case 3:
		rs.AliasTarget = &r53AliasTarget{HostedZoneID: sp("Z2FDTNDATAQYW2"), DNSName: sp(fmt.Sprintf("d%03d.cloudfront.net.", i)), EvaluateTargetHealth: ptrTo(i%2 == 0)}
	}
	return rs
}

func ptrTo[T any](v T) *T { return &v }

// r53ListFixture is the body of a ListResourceRecordSets answer with n
// record sets, as Route 53 writes it.
func r53ListFixture(tb testing.TB, n int) ([]byte, *r53ListOutput) {
	out := &r53ListOutput{IsTruncated: ptrTo(true), NextRecordName: sp("next.example.com."), NextRecordType: "A", MaxItems: ptrTo(int32(n))}
	for i := range n {
		out.ResourceRecordSets = append(out.ResourceRecordSets, r53RecordSetN(i))
	}
	body, err := xmlwire.Marshal(&schemaR53ListOutput, out)
	if err != nil {
		tb.Fatal(err)
	}
	return append([]byte(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"), body...), out
}

// r53ChangeInputs are a ChangeResourceRecordSets request of n changes,
// the same for both sides.
func r53ChangeInputs(n int) (*r53ChangeInput, *sdkroute53.ChangeResourceRecordSetsInput) {
	ours := &r53ChangeInput{ChangeBatch: &r53ChangeBatch{Comment: sp("bulk update")}}
	sdk := &sdkroute53.ChangeResourceRecordSetsInput{HostedZoneId: sp("Z1"), ChangeBatch: &r53types.ChangeBatch{Comment: sp("bulk update")}}
	for i := range n {
		rs := r53RecordSetN(i)
		ours.ChangeBatch.Changes = append(ours.ChangeBatch.Changes, r53Change{Action: "UPSERT", ResourceRecordSet: &rs})
		srs := &r53types.ResourceRecordSet{Name: rs.Name, Type: r53types.RRType(rs.Type), SetIdentifier: rs.SetIdentifier, Weight: rs.Weight, TTL: rs.TTL, HealthCheckId: rs.HealthCheckID}
		for _, r := range rs.ResourceRecords {
			srs.ResourceRecords = append(srs.ResourceRecords, r53types.ResourceRecord{Value: r.Value})
		}
		if g := rs.GeoLocation; g != nil {
			srs.GeoLocation = &r53types.GeoLocation{ContinentCode: g.ContinentCode, CountryCode: g.CountryCode}
		}
		if a := rs.AliasTarget; a != nil {
			srs.AliasTarget = &r53types.AliasTarget{HostedZoneId: a.HostedZoneID, DNSName: a.DNSName, EvaluateTargetHealth: *a.EvaluateTargetHealth}
		}
		sdk.ChangeBatch.Changes = append(sdk.ChangeBatch.Changes, r53types.Change{Action: r53types.ChangeActionUpsert, ResourceRecordSet: srs})
	}
	return ours, sdk
}

func sdkDecodeList(data []byte) (*sdkroute53.ListResourceRecordSetsOutput, error) {
	root := xml.NewDecoder(bytes.NewReader(data))
	start, err := smithyxml.FetchRootElement(root)
	if err != nil {
		return nil, err
	}
	out := &sdkroute53.ListResourceRecordSetsOutput{}
	err = sdkDecodeListResourceRecordSets(&out, smithyxml.WrapNodeDecoder(root, start))
	return out, err
}

func sdkEncodeChange(in *sdkroute53.ChangeResourceRecordSetsInput) ([]byte, error) {
	enc := smithyxml.NewEncoder(bytes.NewBuffer(nil))
	root := smithyxml.StartElement{Name: smithyxml.Name{Local: "ChangeResourceRecordSetsRequest"},
		Attr: []smithyxml.Attr{smithyxml.NewNamespaceAttribute("", route53NS)}}
	if err := sdkEncodeChangeResourceRecordSets(in, enc.RootElement(root)); err != nil {
		return nil, err
	}
	return enc.Bytes(), nil
}

// fromSDKRecordSets converts what the SDK decoded to the mirror types, to
// compare the two sides' results.
func fromSDKRecordSets(in []r53types.ResourceRecordSet) []r53RecordSet {
	var out []r53RecordSet
	for _, s := range in {
		rs := r53RecordSet{Name: s.Name, Type: string(s.Type), SetIdentifier: s.SetIdentifier, Weight: s.Weight, Region: string(s.Region),
			Failover: string(s.Failover), MultiValueAnswer: s.MultiValueAnswer, TTL: s.TTL, HealthCheckID: s.HealthCheckId, TrafficPolicyInstanceID: s.TrafficPolicyInstanceId}
		for _, r := range s.ResourceRecords {
			rs.ResourceRecords = append(rs.ResourceRecords, r53Record{Value: r.Value})
		}
		if g := s.GeoLocation; g != nil {
			rs.GeoLocation = &r53GeoLocation{ContinentCode: g.ContinentCode, CountryCode: g.CountryCode, SubdivisionCode: g.SubdivisionCode}
		}
		if a := s.AliasTarget; a != nil {
			rs.AliasTarget = &r53AliasTarget{HostedZoneID: a.HostedZoneId, DNSName: a.DNSName, EvaluateTargetHealth: &a.EvaluateTargetHealth}
		}
		out = append(out, rs)
	}
	return out
}

// TestXMLCodecBenchmarksDoTheSameWork checks that both sides of the
// benchmarks read and write the same thing: the SDK decodes the answer
// xmlwire decodes into the same record sets, and the request bodies the two
// write decode to the same changes.
func TestXMLCodecBenchmarksDoTheSameWork(t *testing.T) {
	data, want := r53ListFixture(t, 300)
	sdk, err := sdkDecodeList(data)
	if err != nil {
		t.Fatal(err)
	}
	var ours r53ListOutput
	if err := xmlwire.Unmarshal(data, &schemaR53ListOutput, &ours); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, &ours); diff != "" {
		t.Errorf("xmlwire decode (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want.ResourceRecordSets, fromSDKRecordSets(sdk.ResourceRecordSets)); diff != "" {
		t.Errorf("SDK decode (-want +got):\n%s", diff)
	}
	if !sdk.IsTruncated || *sdk.NextRecordName != "next.example.com." || *sdk.MaxItems != 300 {
		t.Errorf("SDK decode of the list's other members: %v %v %v", sdk.IsTruncated, *sdk.NextRecordName, *sdk.MaxItems)
	}

	oursIn, sdkIn := r53ChangeInputs(300)
	oursBody, err := xmlwire.Marshal(&schemaR53ChangeInput, oursIn)
	if err != nil {
		t.Fatal(err)
	}
	sdkBody, err := sdkEncodeChange(sdkIn)
	if err != nil {
		t.Fatal(err)
	}
	var fromOurs, fromSDK r53ChangeInput
	if err := xmlwire.Unmarshal(oursBody, &schemaR53ChangeInput, &fromOurs); err != nil {
		t.Fatal(err)
	}
	if err := xmlwire.Unmarshal(sdkBody, &schemaR53ChangeInput, &fromSDK); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(oursIn, &fromOurs); diff != "" {
		t.Errorf("xmlwire encode, read back (-want +got):\n%s", diff)
	}
	// The SDK writes EvaluateTargetHealth false, which is a value, not an
	// absence: the mirror has it as a pointer, so both agree.
	if diff := cmp.Diff(&fromOurs, &fromSDK); diff != "" {
		t.Errorf("SDK encode against xmlwire encode, read back (-xmlwire +sdk):\n%s", diff)
	}
	if len(oursBody) > len(sdkBody)+len(sdkBody)/20 || len(sdkBody) > len(oursBody)+len(oursBody)/20 {
		t.Errorf("body sizes differ by more than 5%%: xmlwire %d, SDK %d bytes", len(oursBody), len(sdkBody))
	}
}

// BenchmarkXMLDecode decodes a Route 53 ListResourceRecordSets answer of 300
// record sets into a value.
func BenchmarkXMLDecode(b *testing.B) {
	data, _ := r53ListFixture(b, 300)
	b.Run("codec=xmlwire", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		cpu := startCPU()
		for b.Loop() {
			var out r53ListOutput
			if err := xmlwire.Unmarshal(data, &schemaR53ListOutput, &out); err != nil {
				b.Fatal(err)
			}
		}
		cpu.report(b)
	})
	b.Run("codec=sdk", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		cpu := startCPU()
		for b.Loop() {
			if _, err := sdkDecodeList(data); err != nil {
				b.Fatal(err)
			}
		}
		cpu.report(b)
	})
}

// BenchmarkXMLEncode encodes a Route 53 ChangeResourceRecordSets request of
// 300 changes.
func BenchmarkXMLEncode(b *testing.B) {
	ours, sdk := r53ChangeInputs(300)
	b.Run("codec=xmlwire", func(b *testing.B) {
		b.ReportAllocs()
		cpu := startCPU()
		for b.Loop() {
			if _, err := xmlwire.Marshal(&schemaR53ChangeInput, ours); err != nil {
				b.Fatal(err)
			}
		}
		cpu.report(b)
	})
	b.Run("codec=sdk", func(b *testing.B) {
		b.ReportAllocs()
		cpu := startCPU()
		for b.Loop() {
			if _, err := sdkEncodeChange(sdk); err != nil {
				b.Fatal(err)
			}
		}
		cpu.report(b)
	})
}
