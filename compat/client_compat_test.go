package compat

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdkapprunner "github.com/aws/aws-sdk-go-v2/service/apprunner"
	sdkecs "github.com/aws/aws-sdk-go-v2/service/ecs"
	sdklightsail "github.com/aws/aws-sdk-go-v2/service/lightsail"
	sdkservicediscovery "github.com/aws/aws-sdk-go-v2/service/servicediscovery"
	sdkvpclattice "github.com/aws/aws-sdk-go-v2/service/vpclattice"
	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/apprunner"
	"github.com/specgen/specgen/gen/ecs"
	"github.com/specgen/specgen/gen/lightsail"
	"github.com/specgen/specgen/gen/servicediscovery"
	"github.com/specgen/specgen/gen/vpclattice"
)

// caller sends a wire fixture as the input of one operation to the server at
// url and returns the decoded output.
type caller func(ctx context.Context, url string, in []byte) (any, error)

// sideBySide is one operation, called through the generated client and
// through the AWS SDK for Go v2.
type sideBySide struct {
	spec, op string
	ours     caller
	sdk      caller
}

func sdkRegion(url string) (string, *string) { return "us-west-2", aws.String(url) }

var operations = []sideBySide{
	{
		spec: "apprunner", op: "CreateService",
		ours: func(ctx context.Context, url string, in []byte) (any, error) {
			c := apprunner.New(ourOptions(url))
			return call(in, func(v *apprunner.CreateServiceInput) (*apprunner.CreateServiceOutput, error) {
				return c.CreateService(ctx, v)
			})
		},
		sdk: func(ctx context.Context, url string, in []byte) (any, error) {
			region, base := sdkRegion(url)
			c := sdkapprunner.New(sdkapprunner.Options{Region: region, BaseEndpoint: base, Credentials: testCreds, RetryMaxAttempts: 1})
			return call(in, func(v *sdkapprunner.CreateServiceInput) (*sdkapprunner.CreateServiceOutput, error) {
				return c.CreateService(ctx, v)
			})
		},
	},
	{
		spec: "ecs", op: "CreateExpressGatewayService",
		ours: func(ctx context.Context, url string, in []byte) (any, error) {
			c := ecs.New(ourOptions(url))
			return call(in, func(v *ecs.CreateExpressGatewayServiceInput) (*ecs.CreateExpressGatewayServiceOutput, error) {
				return c.CreateExpressGatewayService(ctx, v)
			})
		},
		sdk: func(ctx context.Context, url string, in []byte) (any, error) {
			region, base := sdkRegion(url)
			c := sdkecs.New(sdkecs.Options{Region: region, BaseEndpoint: base, Credentials: testCreds, RetryMaxAttempts: 1})
			return call(in, func(v *sdkecs.CreateExpressGatewayServiceInput) (*sdkecs.CreateExpressGatewayServiceOutput, error) {
				return c.CreateExpressGatewayService(ctx, v)
			})
		},
	},
	{
		spec: "lightsail", op: "CreateCertificate",
		ours: func(ctx context.Context, url string, in []byte) (any, error) {
			c := lightsail.New(ourOptions(url))
			return call(in, func(v *lightsail.CreateCertificateInput) (*lightsail.CreateCertificateOutput, error) {
				return c.CreateCertificate(ctx, v)
			})
		},
		sdk: func(ctx context.Context, url string, in []byte) (any, error) {
			region, base := sdkRegion(url)
			c := sdklightsail.New(sdklightsail.Options{Region: region, BaseEndpoint: base, Credentials: testCreds, RetryMaxAttempts: 1})
			return call(in, func(v *sdklightsail.CreateCertificateInput) (*sdklightsail.CreateCertificateOutput, error) {
				return c.CreateCertificate(ctx, v)
			})
		},
	},
	{
		spec: "servicediscovery", op: "CreatePrivateDnsNamespace",
		ours: func(ctx context.Context, url string, in []byte) (any, error) {
			c := servicediscovery.New(ourOptions(url))
			return call(in, func(v *servicediscovery.CreatePrivateDnsNamespaceInput) (*servicediscovery.CreatePrivateDnsNamespaceOutput, error) {
				return c.CreatePrivateDnsNamespace(ctx, v)
			})
		},
		sdk: func(ctx context.Context, url string, in []byte) (any, error) {
			region, base := sdkRegion(url)
			c := sdkservicediscovery.New(sdkservicediscovery.Options{Region: region, BaseEndpoint: base, Credentials: testCreds, RetryMaxAttempts: 1})
			return call(in, func(v *sdkservicediscovery.CreatePrivateDnsNamespaceInput) (*sdkservicediscovery.CreatePrivateDnsNamespaceOutput, error) {
				return c.CreatePrivateDnsNamespace(ctx, v)
			})
		},
	},
	{
		spec: "vpclattice", op: "CreateService",
		ours: func(ctx context.Context, url string, in []byte) (any, error) {
			c := vpclattice.New(ourOptions(url))
			return call(in, func(v *vpclattice.CreateServiceInput) (*vpclattice.CreateServiceOutput, error) {
				return c.CreateService(ctx, v)
			})
		},
		sdk: func(ctx context.Context, url string, in []byte) (any, error) {
			region, base := sdkRegion(url)
			c := sdkvpclattice.New(sdkvpclattice.Options{Region: region, BaseEndpoint: base, Credentials: testCreds, RetryMaxAttempts: 1})
			return call(in, func(v *sdkvpclattice.CreateServiceInput) (*sdkvpclattice.CreateServiceOutput, error) {
				return c.CreateService(ctx, v)
			})
		},
	},
}

// TestRequestsMatchTheSDK sends the same fully populated input through the
// generated client and the AWS SDK for Go v2 and compares what reaches the
// server: method, path, X-Amz-Target, Content-Type, the signing scope and
// the JSON body. The SDK's body is also compared with the fixture itself,
// which shows that the fixture reached the SDK whole (it is decoded into the
// SDK's input by field name) and so that the comparison covers every member.
func TestRequestsMatchTheSDK(t *testing.T) {
	for _, tc := range operations {
		t.Run(tc.spec+"."+tc.op, func(t *testing.T) {
			svc := loadSpec(t, tc.spec)
			op := operation(t, svc, tc.op)
			fixture := mustJSON(t, populate(op.Input, "", 0))
			srv := newRecorder(t)
			srv.set(reply{Status: op.Status, Header: map[string]string{"Content-Type": "application/json"}, Body: []byte("{}")})
			ctx := context.Background()

			if _, err := tc.sdk(ctx, srv.URL, fixture); err != nil {
				t.Fatalf("SDK call: %v", err)
			}
			sdkReqs := srv.take()
			if _, err := tc.ours(ctx, srv.URL, fixture); err != nil {
				t.Fatalf("generated client call: %v", err)
			}
			ourReqs := srv.take()
			if len(sdkReqs) != 1 || len(ourReqs) != 1 {
				t.Fatalf("got %d SDK and %d generated requests, want one each", len(sdkReqs), len(ourReqs))
			}
			want, got := sdkReqs[0], ourReqs[0]
			wantBody, gotBody := decodeJSON(t, want.Body), decodeJSON(t, got.Body)
			want.Body, got.Body = nil, nil
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("request line and headers (-want SDK +got generated):\n%s", diff)
			}
			if diff := cmp.Diff(wantBody, gotBody); diff != "" {
				t.Errorf("request body (-want SDK +got generated):\n%s", diff)
			}
			if diff := cmp.Diff(decodeJSON(t, fixture), wantBody); diff != "" {
				t.Errorf("the SDK did not send the whole fixture (-want fixture +got SDK):\n%s", diff)
			}
		})
	}
}

// TestResponsesDecodeLikeTheSDK answers both clients with the same fully
// populated success response and compares the decoded outputs, and checks
// the generated output against the response itself, so nothing is dropped.
func TestResponsesDecodeLikeTheSDK(t *testing.T) {
	for _, tc := range operations {
		t.Run(tc.spec+"."+tc.op, func(t *testing.T) {
			svc := loadSpec(t, tc.spec)
			op := operation(t, svc, tc.op)
			wire := populate(op.Output, "", 0)
			body := mustJSON(t, wire)
			srv := newRecorder(t)
			srv.set(reply{Status: op.Status, Header: map[string]string{"Content-Type": "application/json", "X-Amzn-RequestId": "req-1"}, Body: body})
			ctx := context.Background()
			in := mustJSON(t, populate(op.Input, "", 0))

			sdkOut, err := tc.sdk(ctx, srv.URL, in)
			if err != nil {
				t.Fatalf("SDK call: %v", err)
			}
			ourOut, err := tc.ours(ctx, srv.URL, in)
			if err != nil {
				t.Fatalf("generated client call: %v", err)
			}
			want, got := normalize(reflect.ValueOf(sdkOut)), normalize(reflect.ValueOf(ourOut))
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("decoded output (-want SDK +got generated):\n%s", diff)
			}
			if diff := cmp.Diff(normalizeKeys(wire), normalizeKeys(got)); diff != "" {
				t.Errorf("generated output lost part of the response (-want response +got generated):\n%s", diff)
			}
		})
	}
}

// TestErrorsDecodeLikeTheSDK answers both clients with each documented
// error of the operation, in the protocol's form (restJson1: the code in
// X-Amzn-ErrorType; awsJson: a namespaced __type), with every member set and
// header members in their headers, and compares code, message, status,
// request id and members.
func TestErrorsDecodeLikeTheSDK(t *testing.T) {
	for _, tc := range operations {
		svc := loadSpec(t, tc.spec)
		op := operation(t, svc, tc.op)
		for _, es := range op.Errors {
			t.Run(fmt.Sprintf("%s.%s returns %s", tc.spec, tc.op, es.Error.Code), func(t *testing.T) {
				wire := populate(es, "", 0).(map[string]any)
				header := map[string]string{"Content-Type": "application/json", "X-Amzn-RequestId": "req-err-1"}
				if svc.Protocol.Name == "restJson1" {
					header["X-Amzn-ErrorType"] = es.Error.Code + ":http://internal.amazon.com/coral/com.amazon.coral.validate/"
				} else {
					wire["__type"] = "com.amazonaws." + svc.Package + "#" + es.Error.Code
				}
				for _, m := range es.Members {
					if m.Location == "header" {
						header[m.LocationName] = "5"
					}
				}
				srv := newRecorder(t)
				srv.set(reply{Status: es.Error.Status, Header: header, Body: mustJSON(t, wire)})
				ctx := context.Background()
				in := mustJSON(t, populate(op.Input, "", 0))

				_, sdkErr := tc.sdk(ctx, srv.URL, in)
				_, ourErr := tc.ours(ctx, srv.URL, in)
				want, ok := viewSDK(sdkErr)
				if !ok {
					t.Fatalf("SDK error %v is not an API error", sdkErr)
				}
				got, ok := viewOurs(ourErr)
				if !ok {
					t.Fatalf("generated client error %v is not an API error", ourErr)
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("decoded error (-want SDK +got generated):\n%s", diff)
				}
				if want.Code != es.Error.Code {
					t.Errorf("code = %q, want %q", want.Code, es.Error.Code)
				}
			})
		}
	}
}

// TestErrorsAsFindsGeneratedErrors checks the documented way to handle an
// error: errors.As with a pointer to the generated type, through the
// operation error.
func TestErrorsAsFindsGeneratedErrors(t *testing.T) {
	srv := newRecorder(t)
	srv.set(reply{
		Status: http.StatusConflict,
		Header: map[string]string{"X-Amzn-ErrorType": "ConflictException", "X-Amzn-RequestId": "r-9", "Content-Type": "application/json"},
		Body:   []byte(`{"message":"service exists","resourceId":"svc-0123456789abcdef0","resourceType":"SERVICE"}`),
	})
	c := vpclattice.New(ourOptions(srv.URL))
	_, err := c.CreateService(context.Background(), &vpclattice.CreateServiceInput{Name: aws.String("my-service")})
	var ce *vpclattice.ConflictException
	if !errors.As(err, &ce) {
		t.Fatalf("errors.As(%v, *vpclattice.ConflictException) = false", err)
	}
	want := &vpclattice.ConflictException{
		Message: aws.String("service exists"), ResourceID: aws.String("svc-0123456789abcdef0"), ResourceType: aws.String("SERVICE"),
	}
	want.Metadata.StatusCode, want.Metadata.RequestID = 409, "r-9"
	if diff := cmp.Diff(want, ce); diff != "" {
		t.Errorf("error (-want +got):\n%s", diff)
	}
	const msg = "operation error vpclattice: CreateService, https response error StatusCode: 409, RequestID: r-9, ConflictException: service exists"
	if err.Error() != msg {
		t.Errorf("Error() = %q, want %q", err.Error(), msg)
	}
}
