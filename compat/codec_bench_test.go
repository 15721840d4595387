package compat

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"sync/atomic"
	"testing"

	sdkecs "github.com/aws/aws-sdk-go-v2/service/ecs"
	sdklightsail "github.com/aws/aws-sdk-go-v2/service/lightsail"

	"github.com/specgen/specgen/gen/ecs"
	"github.com/specgen/specgen/gen/lightsail"
	"github.com/specgen/specgen/generator/model"
)

// The codec benchmarks isolate the cost of the body codec in a whole call:
// a large, fully populated input against a tiny answer (encode), and a tiny
// input against a large, fully populated answer (decode), through the
// generated client and through the AWS SDK for Go v2 with the same stub
// transport, credentials and bytes. Each reports the body size it moved
// ("req-bytes", "resp-bytes") so that the two sides are seen to do the same
// work.

// stubTransport answers every request in memory with 200 and body, after
// reading the request body; it keeps the length of the last request body.
type stubTransport struct {
	body    []byte
	reqSize atomic.Int64
}

func (t *stubTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		n, _ := io.Copy(io.Discard, r.Body)
		r.Body.Close()
		t.reqSize.Store(n)
	}
	return &http.Response{
		StatusCode: 200, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: http.Header{
			"Content-Type":     {"application/x-amz-json-1.1"},
			"X-Amzn-Requestid": {"4b2e1c3d-5f6a-4b7c-8d9e-0f1a2b3c4d5e"},
		},
		Body: io.NopCloser(bytes.NewReader(t.body)), ContentLength: int64(len(t.body)), Request: r,
	}, nil
}

// listAnswer is the JSON of op's output, fully populated, with n elements
// in its list member named list.
func listAnswer(t testing.TB, svc *model.Service, op, list string, n int) []byte {
	o := operation(t, svc, op).Output
	v := populate(o, op, 0).(map[string]any)
	for _, m := range o.Members {
		if m.Name == list {
			var elems []any
			for range n {
				elems = append(elems, populate(m.Shape.Member, op+"."+list, 1))
			}
			v[list] = elems
		}
	}
	return mustJSON(t, v)
}

// fullInput is the JSON of op's input, fully populated.
func fullInput(t testing.TB, svc *model.Service, op string) []byte {
	return mustJSON(t, populate(operation(t, svc, op).Input, op, 0))
}

// emptyAnswers makes BenchmarkCodecDecode answer ten empty elements
// instead of ten fully populated ones: the cost of a call without the body
// codec's work, to subtract from the full run's.
var emptyAnswers = flag.Bool("codec.empty", false, "answer empty list elements in BenchmarkCodecDecode")

// unmarshal decodes a fixture into a new T.
func unmarshal[T any](t testing.TB, data []byte) *T {
	v := new(T)
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("fixture into %T: %v", v, err)
	}
	return v
}

// BenchmarkCodecDecode decodes large responses: ECS DescribeServices with 10
// fully populated services, Lightsail GetInstances with 10 instances.
func BenchmarkCodecDecode(b *testing.B) {
	ctx := context.Background()
	ecsSvc, lsSvc := loadSpec(b, "ecs"), loadSpec(b, "lightsail")
	b.Run("op=ecs.DescribeServices", func(b *testing.B) {
		tr := &stubTransport{body: listAnswer(b, ecsSvc, "DescribeServices", "services", 10)}
		if *emptyAnswers {
			tr.body = []byte(`{"services":[{},{},{},{},{},{},{},{},{},{}]}`)
		}
		hc := &http.Client{Transport: tr}
		in := &ecs.DescribeServicesInput{Services: []string{"a"}}
		b.Run("client=specgen", func(b *testing.B) {
			c := ecs.New(ecs.Options{Region: "us-west-2", HTTPClient: hc, Credentials: testCreds})
			b.ReportAllocs()
			for b.Loop() {
				out, err := c.DescribeServices(ctx, in)
				if err != nil || len(out.Services) != 10 {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(tr.body)), "resp-bytes")
		})
		b.Run("client=aws-sdk-go-v2", func(b *testing.B) {
			c := sdkecs.New(sdkecs.Options{Region: "us-west-2", HTTPClient: hc, Credentials: testCreds})
			b.ReportAllocs()
			for b.Loop() {
				out, err := c.DescribeServices(ctx, &sdkecs.DescribeServicesInput{Services: []string{"a"}})
				if err != nil || len(out.Services) != 10 {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(tr.body)), "resp-bytes")
		})
	})
	b.Run("op=lightsail.GetInstances", func(b *testing.B) {
		tr := &stubTransport{body: listAnswer(b, lsSvc, "GetInstances", "instances", 10)}
		if *emptyAnswers {
			tr.body = []byte(`{"instances":[{},{},{},{},{},{},{},{},{},{}]}`)
		}
		hc := &http.Client{Transport: tr}
		b.Run("client=specgen", func(b *testing.B) {
			c := lightsail.New(lightsail.Options{Region: "us-west-2", HTTPClient: hc, Credentials: testCreds})
			b.ReportAllocs()
			for b.Loop() {
				out, err := c.GetInstances(ctx, &lightsail.GetInstancesInput{})
				if err != nil || len(out.Instances) != 10 {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(tr.body)), "resp-bytes")
		})
		b.Run("client=aws-sdk-go-v2", func(b *testing.B) {
			c := sdklightsail.New(sdklightsail.Options{Region: "us-west-2", HTTPClient: hc, Credentials: testCreds})
			b.ReportAllocs()
			for b.Loop() {
				out, err := c.GetInstances(ctx, &sdklightsail.GetInstancesInput{})
				if err != nil || len(out.Instances) != 10 {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(tr.body)), "resp-bytes")
		})
	})
}

// BenchmarkCodecEncode encodes large, fully populated inputs: ECS
// RegisterTaskDefinition and Lightsail CreateContainerService. Validation is
// off on the generated client (the fixtures are complete, not valid); the
// SDK checks only required members, which the fixtures all set.
func BenchmarkCodecEncode(b *testing.B) {
	ctx := context.Background()
	ecsSvc, lsSvc := loadSpec(b, "ecs"), loadSpec(b, "lightsail")
	b.Run("op=ecs.RegisterTaskDefinition", func(b *testing.B) {
		fixture := fullInput(b, ecsSvc, "RegisterTaskDefinition")
		tr := &stubTransport{body: []byte(`{}`)}
		hc := &http.Client{Transport: tr}
		b.Run("client=specgen", func(b *testing.B) {
			in := unmarshal[ecs.RegisterTaskDefinitionInput](b, fixture)
			c := ecs.New(ecs.Options{Region: "us-west-2", HTTPClient: hc, Credentials: testCreds, DisableValidation: true})
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.RegisterTaskDefinition(ctx, in); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(tr.reqSize.Load()), "req-bytes")
		})
		b.Run("client=aws-sdk-go-v2", func(b *testing.B) {
			in := unmarshal[sdkecs.RegisterTaskDefinitionInput](b, fixture)
			c := sdkecs.New(sdkecs.Options{Region: "us-west-2", HTTPClient: hc, Credentials: testCreds})
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.RegisterTaskDefinition(ctx, in); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(tr.reqSize.Load()), "req-bytes")
		})
	})
	b.Run("op=lightsail.CreateContainerService", func(b *testing.B) {
		fixture := fullInput(b, lsSvc, "CreateContainerService")
		tr := &stubTransport{body: []byte(`{}`)}
		hc := &http.Client{Transport: tr}
		b.Run("client=specgen", func(b *testing.B) {
			in := unmarshal[lightsail.CreateContainerServiceInput](b, fixture)
			c := lightsail.New(lightsail.Options{Region: "us-west-2", HTTPClient: hc, Credentials: testCreds, DisableValidation: true})
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.CreateContainerService(ctx, in); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(tr.reqSize.Load()), "req-bytes")
		})
		b.Run("client=aws-sdk-go-v2", func(b *testing.B) {
			in := unmarshal[sdklightsail.CreateContainerServiceInput](b, fixture)
			c := sdklightsail.New(sdklightsail.Options{Region: "us-west-2", HTTPClient: hc, Credentials: testCreds})
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.CreateContainerService(ctx, in); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(tr.reqSize.Load()), "req-bytes")
		})
	})
}
