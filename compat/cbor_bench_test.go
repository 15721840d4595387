package compat

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"reflect"
	"strconv"
	"testing"
	"time"
	"unsafe"

	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/schemas"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	smithy "github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/aws/smithy-go/transport/http/protocol/rpcv2"
	"github.com/fxamacker/cbor/v2"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/specgen/specgen/specrt/protocol"
	"github.com/specgen/specgen/specrt/protocol/rpcv2cbor"
	"github.com/specgen/specgen/specrt/schema"
)

// The CBOR benchmarks compare, on CloudWatch's two heaviest bodies, the
// rpcv2Cbor body code of three engines over the same Go values: specgen's
// (package rpcv2cbor over package cborwire), the AWS SDK for Go v2's
// (smithy-go's rpcv2 protocol with the service's schemas), and
// github.com/fxamacker/cbor/v2 through an intermediate tree walked with the
// same shapes (the way that library would have to be used, generated types
// carrying no struct tags). Until gen/cloudwatch exists, the shapes below
// are written by hand and describe the SDK's own types (cloudwatch and
// cloudwatch/types), whose layout follows the same conventions as
// generated types: pointers for scalars and structures, values for enums
// and lists. Each side's bytes are checked to decode to the same value on
// the other side before the loops run.
//
//	go test -run '^$' -bench 'CBOR' -benchmem
//
// Each also reports cpu-ns/op, the CPU time of its loop, steadier than
// ns/op on a shared machine.

var (
	cwDimension = schema.Shape{Kind: schema.KindStruct, Type: (*types.Dimension)(nil), Members: []schema.Member{
		{Name: "Name", Offset: unsafe.Offsetof(types.Dimension{}.Name), Shape: &schema.String},
		{Name: "Value", Offset: unsafe.Offsetof(types.Dimension{}.Value), Shape: &schema.String},
	}}
	cwDimensions   = schema.Shape{Kind: schema.KindList, Type: (*[]types.Dimension)(nil), Elem: &cwDimension}
	cwFloats       = schema.Shape{Kind: schema.KindList, Type: (*[]float64)(nil), Elem: &schema.Float64}
	cwTimes        = schema.Shape{Kind: schema.KindList, Type: (*[]time.Time)(nil), Elem: &schema.Timestamp}
	cwStatisticSet = schema.Shape{Kind: schema.KindStruct, Type: (*types.StatisticSet)(nil), Members: []schema.Member{
		{Name: "Maximum", Offset: unsafe.Offsetof(types.StatisticSet{}.Maximum), Shape: &schema.Float64},
		{Name: "Minimum", Offset: unsafe.Offsetof(types.StatisticSet{}.Minimum), Shape: &schema.Float64},
		{Name: "SampleCount", Offset: unsafe.Offsetof(types.StatisticSet{}.SampleCount), Shape: &schema.Float64},
		{Name: "Sum", Offset: unsafe.Offsetof(types.StatisticSet{}.Sum), Shape: &schema.Float64},
	}}
	cwMetricDatum = schema.Shape{Kind: schema.KindStruct, Type: (*types.MetricDatum)(nil), Members: []schema.Member{
		{Name: "Counts", Offset: unsafe.Offsetof(types.MetricDatum{}.Counts), Shape: &cwFloats},
		{Name: "Dimensions", Offset: unsafe.Offsetof(types.MetricDatum{}.Dimensions), Shape: &cwDimensions},
		{Name: "MetricName", Offset: unsafe.Offsetof(types.MetricDatum{}.MetricName), Shape: &schema.String},
		{Name: "StatisticValues", Offset: unsafe.Offsetof(types.MetricDatum{}.StatisticValues), Shape: &cwStatisticSet},
		{Name: "StorageResolution", Offset: unsafe.Offsetof(types.MetricDatum{}.StorageResolution), Shape: &schema.Int32},
		{Name: "Timestamp", Offset: unsafe.Offsetof(types.MetricDatum{}.Timestamp), Shape: &schema.Timestamp},
		{Name: "Unit", Offset: unsafe.Offsetof(types.MetricDatum{}.Unit), Shape: &schema.Enum},
		{Name: "Value", Offset: unsafe.Offsetof(types.MetricDatum{}.Value), Shape: &schema.Float64},
		{Name: "Values", Offset: unsafe.Offsetof(types.MetricDatum{}.Values), Shape: &cwFloats},
	}}
	cwMetricData         = schema.Shape{Kind: schema.KindList, Type: (*[]types.MetricDatum)(nil), Elem: &cwMetricDatum}
	cwPutMetricDataInput = schema.Shape{Kind: schema.KindStruct, Type: (*cloudwatch.PutMetricDataInput)(nil), Members: []schema.Member{
		{Name: "MetricData", Offset: unsafe.Offsetof(cloudwatch.PutMetricDataInput{}.MetricData), Shape: &cwMetricData},
		{Name: "Namespace", Offset: unsafe.Offsetof(cloudwatch.PutMetricDataInput{}.Namespace), Shape: &schema.String},
		{Name: "StrictEntityValidation", Offset: unsafe.Offsetof(cloudwatch.PutMetricDataInput{}.StrictEntityValidation), Shape: &schema.Bool},
	}}
	cwMessageData = schema.Shape{Kind: schema.KindStruct, Type: (*types.MessageData)(nil), Members: []schema.Member{
		{Name: "Code", Offset: unsafe.Offsetof(types.MessageData{}.Code), Shape: &schema.String},
		{Name: "Value", Offset: unsafe.Offsetof(types.MessageData{}.Value), Shape: &schema.String},
	}}
	cwMessages         = schema.Shape{Kind: schema.KindList, Type: (*[]types.MessageData)(nil), Elem: &cwMessageData}
	cwMetricDataResult = schema.Shape{Kind: schema.KindStruct, Type: (*types.MetricDataResult)(nil), Members: []schema.Member{
		{Name: "Id", Offset: unsafe.Offsetof(types.MetricDataResult{}.Id), Shape: &schema.String},
		{Name: "Label", Offset: unsafe.Offsetof(types.MetricDataResult{}.Label), Shape: &schema.String},
		{Name: "Messages", Offset: unsafe.Offsetof(types.MetricDataResult{}.Messages), Shape: &cwMessages},
		{Name: "StatusCode", Offset: unsafe.Offsetof(types.MetricDataResult{}.StatusCode), Shape: &schema.Enum},
		{Name: "Timestamps", Offset: unsafe.Offsetof(types.MetricDataResult{}.Timestamps), Shape: &cwTimes},
		{Name: "Values", Offset: unsafe.Offsetof(types.MetricDataResult{}.Values), Shape: &cwFloats},
	}}
	cwMetricDataResults   = schema.Shape{Kind: schema.KindList, Type: (*[]types.MetricDataResult)(nil), Elem: &cwMetricDataResult}
	cwGetMetricDataOutput = schema.Shape{Kind: schema.KindStruct, Type: (*cloudwatch.GetMetricDataOutput)(nil), Members: []schema.Member{
		{Name: "Messages", Offset: unsafe.Offsetof(cloudwatch.GetMetricDataOutput{}.Messages), Shape: &cwMessages},
		{Name: "MetricDataResults", Offset: unsafe.Offsetof(cloudwatch.GetMetricDataOutput{}.MetricDataResults), Shape: &cwMetricDataResults},
		{Name: "NextToken", Offset: unsafe.Offsetof(cloudwatch.GetMetricDataOutput{}.NextToken), Shape: &schema.String},
	}}
)

// bigPutMetricData is a PutMetricData input of n datums: each has a name,
// two dimensions, a timestamp with milliseconds, a value, a unit and a
// storage resolution; every tenth also has statistic values and five
// values with their counts.
func bigPutMetricData(n int) *cloudwatch.PutMetricDataInput {
	in := &cloudwatch.PutMetricDataInput{Namespace: ptrTo("Specgen/Benchmark"), MetricData: make([]types.MetricDatum, n)}
	start := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	for i := range in.MetricData {
		d := types.MetricDatum{
			MetricName: ptrTo("RequestLatency"),
			Dimensions: []types.Dimension{
				{Name: ptrTo("Service"), Value: ptrTo("checkout-api")},
				{Name: ptrTo("Operation"), Value: ptrTo("GetItem-" + strconv.Itoa(i%37))},
			},
			Timestamp:         ptrTo(start.Add(time.Duration(i) * 1500 * time.Millisecond)),
			Value:             ptrTo(12.5 + float64(i)*0.25),
			Unit:              types.StandardUnitMilliseconds,
			StorageResolution: ptrTo[int32](60),
		}
		if i%10 == 0 {
			d.StatisticValues = &types.StatisticSet{Maximum: ptrTo(99.5), Minimum: ptrTo(0.5), SampleCount: ptrTo(1000.0), Sum: ptrTo(25000.25)}
			d.Values = []float64{1, 2.5, 3.75, 10, 100.125}
			d.Counts = []float64{10, 20, 30, 40, 50}
		}
		in.MetricData[i] = d
	}
	return in
}

// bigGetMetricData is a GetMetricData output of results results of points
// points each: a day at one point a minute is 1440.
func bigGetMetricData(results, points int) *cloudwatch.GetMetricDataOutput {
	out := &cloudwatch.GetMetricDataOutput{NextToken: ptrTo("eyJuZXh0IjoidG9rZW4ifQ=="), Messages: []types.MessageData{{Code: ptrTo("Info"), Value: ptrTo("partial data")}}}
	start := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	for r := range results {
		res := types.MetricDataResult{
			Id: ptrTo("m" + strconv.Itoa(r)), Label: ptrTo("CPUUtilization i-0123456789abcdef" + strconv.Itoa(r)),
			StatusCode: types.StatusCodeComplete, Timestamps: make([]time.Time, points), Values: make([]float64, points),
		}
		for p := range points {
			res.Timestamps[p] = start.Add(time.Duration(p) * time.Minute)
			res.Values[p] = math.Round(50+40*math.Sin(float64(p)/60)*1000) / 1000
		}
		out.MetricDataResults = append(out.MetricDataResults, res)
	}
	return out
}

// sdkCBOR is the SDK's protocol with CloudWatch's service schema.
func sdkCBOR() *rpcv2.Protocol { return rpcv2.NewCBOR(schemas.GraniteServiceVersion20100801) }

// sdkSerialize encodes in as the SDK's client does, returning the body.
func sdkSerialize(tb testing.TB, p *rpcv2.Protocol, op *smithy.OperationSchema, ctx context.Context, in smithy.Serializable) []byte {
	req := smithyhttp.NewStackRequest().(*smithyhttp.Request)
	if err := p.SerializeRequest(ctx, op, in, req); err != nil {
		tb.Fatal(err)
	}
	body, err := io.ReadAll(req.GetStream())
	if err != nil {
		tb.Fatal(err)
	}
	return body
}

// sdkDeserialize decodes a 200 response with body into out as the SDK's
// client does.
func sdkDeserialize(tb testing.TB, p *rpcv2.Protocol, op *smithy.OperationSchema, body []byte, out smithy.Deserializable) {
	resp := &smithyhttp.Response{Response: &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(body))}}
	if err := p.DeserializeResponse(context.Background(), op, cloudwatch.TypeRegistry, resp, out); err != nil {
		tb.Fatal(err)
	}
}

var cmpSDK = cmp.Options{cmpopts.IgnoreUnexported(
	cloudwatch.PutMetricDataInput{}, cloudwatch.GetMetricDataOutput{}, types.MetricDatum{}, types.Dimension{},
	types.StatisticSet{}, types.MetricDataResult{}, types.MessageData{}),
	cmpopts.IgnoreFields(cloudwatch.GetMetricDataOutput{}, "ResultMetadata")}

func BenchmarkCBOREncodePutMetricData(b *testing.B) {
	in := bigPutMetricData(1000)
	msg := &protocol.Message{Operation: "PutMetricData"}
	p := rpcv2cbor.RPCv2CBOR
	sdk := sdkCBOR()
	op := smithy.NewOperationSchema(schemas.PutMetricData, schemas.PutMetricDataInput, nil)
	ctx := middleware.WithOperationName(context.Background(), "PutMetricData")

	// Each side's body decodes, on the other side, to the input.
	ours, err := p.EncodeRequest(msg, &cwPutMetricDataInput, in)
	if err != nil {
		b.Fatal(err)
	}
	theirs := sdkSerialize(b, sdk, op, ctx, in)
	got := &cloudwatch.PutMetricDataInput{}
	if err := p.DecodeRequest(msg, theirs, &cwPutMetricDataInput, got); err != nil {
		b.Fatal(err)
	}
	if diff := cmp.Diff(in, got, cmpSDK); diff != "" {
		b.Fatalf("the SDK's body decodes to another input (-want +got):\n%s", diff)
	}
	var tree any
	if err := cbor.Unmarshal(ours, &tree); err != nil {
		b.Fatalf("fxamacker cannot read our body: %v", err)
	}

	b.Run("specgen", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(ours)))
		cpu := startCPU()
		for b.Loop() {
			method, path := p.RequestLine("GraniteServiceVersion20100801", protocol.Route{Name: "PutMetricData"})
			h := make(http.Header, 4)
			p.SetRequestHeaders(h, "GraniteServiceVersion20100801", "PutMetricData")
			body, err := p.EncodeRequest(msg, &cwPutMetricDataInput, in)
			if err != nil || method == "" || path == "" {
				b.Fatal(err)
			}
			_ = body
		}
		cpu.report(b)
	})
	b.Run("aws-sdk-go-v2", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(theirs)))
		cpu := startCPU()
		for b.Loop() {
			req := smithyhttp.NewStackRequest().(*smithyhttp.Request)
			if err := sdk.SerializeRequest(ctx, op, in, req); err != nil {
				b.Fatal(err)
			}
		}
		cpu.report(b)
	})
	b.Run("fxamacker", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(ours)))
		cpu := startCPU()
		for b.Loop() {
			if _, err := cbor.Marshal(toTree(&cwPutMetricDataInput, unsafe.Pointer(in))); err != nil {
				b.Fatal(err)
			}
		}
		cpu.report(b)
	})
}

func BenchmarkCBORDecodeGetMetricData(b *testing.B) {
	want := bigGetMetricData(10, 1440)
	msg := &protocol.Message{Operation: "GetMetricData"}
	p := rpcv2cbor.RPCv2CBOR
	sdk := sdkCBOR()
	op := smithy.NewOperationSchema(schemas.GetMetricData, nil, schemas.GetMetricDataOutput)
	body, err := p.EncodeResponse(msg, &cwGetMetricDataOutput, want)
	if err != nil {
		b.Fatal(err)
	}

	// Every side decodes the body to the output it was made from.
	for name, decode := range map[string]func() *cloudwatch.GetMetricDataOutput{
		"specgen": func() *cloudwatch.GetMetricDataOutput {
			out := &cloudwatch.GetMetricDataOutput{}
			if err := p.DecodeResponse(msg, body, &cwGetMetricDataOutput, out); err != nil {
				b.Fatal(err)
			}
			return out
		},
		"aws-sdk-go-v2": func() *cloudwatch.GetMetricDataOutput {
			out := &cloudwatch.GetMetricDataOutput{}
			sdkDeserialize(b, sdk, op, body, out)
			return out
		},
		"fxamacker": func() *cloudwatch.GetMetricDataOutput {
			out := &cloudwatch.GetMetricDataOutput{}
			if err := fxDecode(body, &cwGetMetricDataOutput, unsafe.Pointer(out)); err != nil {
				b.Fatal(err)
			}
			return out
		},
	} {
		if diff := cmp.Diff(want, decode(), cmpSDK); diff != "" {
			b.Fatalf("%s decodes another output (-want +got):\n%s", name, diff)
		}
	}

	b.Run("specgen", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(body)))
		cpu := startCPU()
		for b.Loop() {
			if err := p.DecodeResponse(msg, body, &cwGetMetricDataOutput, &cloudwatch.GetMetricDataOutput{}); err != nil {
				b.Fatal(err)
			}
		}
		cpu.report(b)
	})
	b.Run("aws-sdk-go-v2", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(body)))
		cpu := startCPU()
		for b.Loop() {
			sdkDeserialize(b, sdk, op, body, &cloudwatch.GetMetricDataOutput{})
		}
		cpu.report(b)
	})
	b.Run("fxamacker", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(body)))
		cpu := startCPU()
		for b.Loop() {
			if err := fxDecode(body, &cwGetMetricDataOutput, unsafe.Pointer(&cloudwatch.GetMetricDataOutput{})); err != nil {
				b.Fatal(err)
			}
		}
		cpu.report(b)
	})
}

// fxDecMode decodes maps with text keys as map[string]any.
var fxDecMode, _ = cbor.DecOptions{DefaultMapType: reflect.TypeOf(map[string]any(nil))}.DecMode()

// fxDecode decodes data with fxamacker into a tree, then fills the
// structure at p from the tree with the shapes.
func fxDecode(data []byte, s *schema.Shape, p unsafe.Pointer) error {
	var tree map[string]any
	if err := fxDecMode.Unmarshal(data, &tree); err != nil {
		return err
	}
	return fromTree(s, tree, p)
}

// isHeld reports whether a structure member of shape s is held through a
// pointer (schema.Kind's rule).
func isHeld(s *schema.Shape) bool {
	switch s.Kind {
	case schema.KindEnum, schema.KindBlob, schema.KindList, schema.KindMap:
		return false
	}
	return true
}

// toTree builds the intermediate value fxamacker encodes: a map of the
// present members of the structure at p, or the Go value at p of shape s.
func toTree(s *schema.Shape, p unsafe.Pointer) any {
	switch s.Kind {
	case schema.KindString, schema.KindEnum:
		return *(*string)(p)
	case schema.KindBool:
		return *(*bool)(p)
	case schema.KindInt32:
		return *(*int32)(p)
	case schema.KindInt64:
		return *(*int64)(p)
	case schema.KindFloat32:
		return *(*float32)(p)
	case schema.KindFloat64:
		return *(*float64)(p)
	case schema.KindTime:
		return cbor.Tag{Number: 1, Content: float64((*time.Time)(p).UnixMilli()) / 1000}
	case schema.KindBlob:
		return *(*[]byte)(p)
	case schema.KindList:
		v := reflect.NewAt(reflect.TypeOf(s.Type).Elem(), p).Elem()
		size := v.Type().Elem().Size()
		out := make([]any, v.Len())
		for i := range out {
			out[i] = toTree(s.Elem, unsafe.Add(v.UnsafePointer(), uintptr(i)*size))
		}
		return out
	case schema.KindStruct:
		m := make(map[string]any, len(s.Members))
		for _, mb := range s.Members {
			fp := unsafe.Add(p, mb.Offset)
			if isHeld(mb.Shape) {
				if fp = *(*unsafe.Pointer)(fp); fp == nil {
					continue
				}
			} else if absentValue(mb.Shape, fp) {
				continue
			}
			m[mb.Name] = toTree(mb.Shape, fp)
		}
		return m
	}
	panic(fmt.Sprintf("toTree: kind %d is not in the benchmark's shapes", s.Kind))
}

// absentValue reports whether a member held by value is absent.
func absentValue(s *schema.Shape, p unsafe.Pointer) bool {
	switch s.Kind {
	case schema.KindEnum:
		return *(*string)(p) == ""
	case schema.KindBlob:
		return len(*(*[]byte)(p)) == 0
	}
	return reflect.NewAt(reflect.TypeOf(s.Type).Elem(), p).Elem().IsNil()
}

// fromTree fills the Go value at p of shape s from what fxamacker decoded.
func fromTree(s *schema.Shape, v any, p unsafe.Pointer) error {
	switch s.Kind {
	case schema.KindString, schema.KindEnum:
		t, ok := v.(string)
		if !ok {
			return fmt.Errorf("expected a string, found %T", v)
		}
		*(*string)(p) = t
	case schema.KindBool:
		t, ok := v.(bool)
		if !ok {
			return fmt.Errorf("expected a boolean, found %T", v)
		}
		*(*bool)(p) = t
	case schema.KindInt32, schema.KindInt64:
		var n int64
		switch t := v.(type) {
		case uint64:
			n = int64(t)
		case int64:
			n = t
		default:
			return fmt.Errorf("expected an integer, found %T", v)
		}
		if s.Kind == schema.KindInt32 {
			*(*int32)(p) = int32(n)
		} else {
			*(*int64)(p) = n
		}
	case schema.KindFloat64:
		t, ok := v.(float64)
		if !ok {
			return fmt.Errorf("expected a float, found %T", v)
		}
		*(*float64)(p) = t
	case schema.KindTime:
		var t time.Time
		switch tv := v.(type) {
		case time.Time: // fxamacker decodes tag 1 into a time.Time itself
			t = tv
		case float64:
			sec, frac := math.Modf(tv)
			t = time.Unix(int64(sec), int64(math.Round(frac*1e3))*int64(time.Millisecond))
		default:
			return fmt.Errorf("expected a timestamp, found %T", v)
		}
		*(*time.Time)(p) = t.UTC().Round(time.Millisecond)
	case schema.KindList:
		items, ok := v.([]any)
		if !ok {
			return fmt.Errorf("expected an array, found %T", v)
		}
		sv := reflect.NewAt(reflect.TypeOf(s.Type).Elem(), p).Elem()
		sv.Set(reflect.MakeSlice(sv.Type(), len(items), len(items)))
		size := sv.Type().Elem().Size()
		for i, item := range items {
			if err := fromTree(s.Elem, item, unsafe.Add(sv.UnsafePointer(), uintptr(i)*size)); err != nil {
				return err
			}
		}
	case schema.KindStruct:
		m, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("expected a map, found %T", v)
		}
		for _, mb := range s.Members {
			mv, ok := m[mb.Name]
			if !ok || mv == nil {
				continue
			}
			fp := unsafe.Add(p, mb.Offset)
			if isHeld(mb.Shape) {
				var typ reflect.Type
				switch mb.Shape.Kind {
				case schema.KindStruct:
					typ = reflect.TypeOf(mb.Shape.Type).Elem()
				default:
					typ = scalarTypes[mb.Shape.Kind]
				}
				np := reflect.New(typ).UnsafePointer()
				if err := fromTree(mb.Shape, mv, np); err != nil {
					return err
				}
				*(*unsafe.Pointer)(fp) = np
				continue
			}
			if err := fromTree(mb.Shape, mv, fp); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("kind %d is not in the benchmark's shapes", s.Kind)
	}
	return nil
}

var scalarTypes = map[schema.Kind]reflect.Type{
	schema.KindString: reflect.TypeFor[string](), schema.KindBool: reflect.TypeFor[bool](),
	schema.KindInt32: reflect.TypeFor[int32](), schema.KindInt64: reflect.TypeFor[int64](),
	schema.KindFloat64: reflect.TypeFor[float64](), schema.KindTime: reflect.TypeFor[time.Time](),
}

// TestCBORBenchmarkBodiesAgree runs the benchmarks' checks once, so that
// a change on either side that makes the comparison unfair fails a test.
func TestCBORBenchmarkBodiesAgree(t *testing.T) {
	in := bigPutMetricData(25)
	msg := &protocol.Message{Operation: "PutMetricData"}
	ctx := middleware.WithOperationName(context.Background(), "PutMetricData")
	theirs := sdkSerialize(t, sdkCBOR(), smithy.NewOperationSchema(schemas.PutMetricData, schemas.PutMetricDataInput, nil), ctx, in)
	got := &cloudwatch.PutMetricDataInput{}
	if err := rpcv2cbor.RPCv2CBOR.DecodeRequest(msg, theirs, &cwPutMetricDataInput, got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, got, cmpSDK); diff != "" {
		t.Errorf("the SDK's PutMetricData body decodes to another input (-want +got):\n%s", diff)
	}
	ours, err := rpcv2cbor.RPCv2CBOR.EncodeRequest(msg, &cwPutMetricDataInput, in)
	if err != nil {
		t.Fatal(err)
	}
	fx, err := cbor.Marshal(toTree(&cwPutMetricDataInput, unsafe.Pointer(in)))
	if err != nil {
		t.Fatal(err)
	}
	var a, b any
	if err := cbor.Unmarshal(ours, &a); err != nil {
		t.Fatal(err)
	}
	if err := cbor.Unmarshal(fx, &b); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(b, a); diff != "" {
		t.Errorf("our PutMetricData body and fxamacker's differ (-fxamacker +ours):\n%s", diff)
	}

	out := bigGetMetricData(3, 50)
	body, err := rpcv2cbor.RPCv2CBOR.EncodeResponse(&protocol.Message{Operation: "GetMetricData"}, &cwGetMetricDataOutput, out)
	if err != nil {
		t.Fatal(err)
	}
	sdkOut := &cloudwatch.GetMetricDataOutput{}
	sdkDeserialize(t, sdkCBOR(), smithy.NewOperationSchema(schemas.GetMetricData, nil, schemas.GetMetricDataOutput), body, sdkOut)
	if diff := cmp.Diff(out, sdkOut, cmpSDK); diff != "" {
		t.Errorf("the SDK decodes our GetMetricData body to another output (-want +got):\n%s", diff)
	}
}
