// Package mocktest holds the behaviour tests of the generated mock servers:
// the generated clients call them over HTTP, as users' tests would.
package mocktest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/specgen/specgen/gen/apprunner"
	"github.com/specgen/specgen/gen/apprunner/apprunnermock"
	"github.com/specgen/specgen/gen/ecs"
	"github.com/specgen/specgen/gen/ecs/ecsmock"
	"github.com/specgen/specgen/gen/lightsail"
	"github.com/specgen/specgen/gen/lightsail/lightsailmock"
	"github.com/specgen/specgen/gen/servicediscovery"
	"github.com/specgen/specgen/gen/servicediscovery/servicediscoverymock"
	"github.com/specgen/specgen/gen/vpclattice"
	"github.com/specgen/specgen/gen/vpclattice/vpclatticemock"
	"github.com/specgen/specgen/specrt"
	"github.com/specgen/specgen/specrt/mockrt"
)

// service is one generated service under test: how to start its mock and
// call its create operation with the generated client, the input given as
// wire JSON and the output returned as decoded JSON, so that one table covers
// all five.
type service struct {
	name  string
	op    string
	start func(t *testing.T, opts ...mockrt.Option) (*mockrt.Server, string)
	call  func(ctx context.Context, o specrt.Options, in string) (map[string]any, error)
	// valid is a valid input; NAME in it is replaced by a unique name.
	valid string
	// duplicateCode is the error a second create with the same name answers.
	duplicateCode string
	// validationCode is the service's validation error.
	validationCode string
	// invalid inputs, each with a text the error message must contain.
	invalid []invalidCase
	// check asserts the documented defaults and formats of a valid output.
	check func(t *testing.T, out map[string]any)
}

type invalidCase struct {
	what, in, wantInMessage string
}

func decode[T any](in string) *T {
	v := new(T)
	if err := unmarshalWire([]byte(in), v); err != nil {
		panic(fmt.Sprintf("test input %s: %v", in, err))
	}
	return v
}

func toMap(v any, err error) (map[string]any, error) {
	if err != nil {
		return nil, err
	}
	data, mErr := marshalWire(v)
	if mErr != nil {
		return nil, mErr
	}
	var m map[string]any
	return m, json.Unmarshal(data, &m)
}

func get(m map[string]any, path string) any {
	var cur any = m
	for _, p := range strings.Split(path, ".") {
		if i := strings.Index(p, "["); i >= 0 {
			obj, _ := cur.(map[string]any)
			list, _ := obj[p[:i]].([]any)
			var n int
			fmt.Sscanf(p[i:], "[%d]", &n)
			if n >= len(list) {
				return nil
			}
			cur = list[n]
			continue
		}
		obj, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = obj[p]
	}
	return cur
}

func want(t *testing.T, out map[string]any, path string, v any) {
	t.Helper()
	if got := get(out, path); fmt.Sprint(got) != fmt.Sprint(v) {
		t.Errorf("%s = %v, want %v", path, got, v)
	}
}

func wantMatch(t *testing.T, out map[string]any, path, re string) {
	t.Helper()
	s, _ := get(out, path).(string)
	if !regexp.MustCompile("^(?:" + re + ")$").MatchString(s) {
		t.Errorf("%s = %q, want a match of %s", path, s, re)
	}
}

const uuidRE = `[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}`

var services = []service{
	{
		name: "VPC Lattice", op: "CreateService",
		start: func(t *testing.T, opts ...mockrt.Option) (*mockrt.Server, string) {
			s, url := vpclatticemock.NewTestServer(t, opts...)
			return s.Server, url
		},
		call: func(ctx context.Context, o specrt.Options, in string) (map[string]any, error) {
			return toMap(vpclattice.New(o).CreateService(ctx, decode[vpclattice.CreateServiceInput](in)))
		},
		valid:          `{"name":"NAME","tags":{"env":"test"}}`,
		duplicateCode:  "ConflictException",
		validationCode: "ValidationException",
		invalid: []invalidCase{
			{"a name too long", `{"name":"` + strings.Repeat("a", 41) + `"}`, "name: length"},
			{"a name with a doubled hyphen", `{"name":"my--service"}`, "name: "},
			{"a bad enum value", `{"name":"ok-name","authType":"BOGUS"}`, "authType: "},
			{"a missing required member", `{}`, "name: is required"},
			{"a tag key starting with aws:", `{"name":"ok-name","tags":{"aws:x":"1"}}`, `tags["aws:x"]`},
		},
		check: func(t *testing.T, out map[string]any) {
			wantMatch(t, out, "id", `svc-[0-9a-z]{17}`)
			wantMatch(t, out, "arn", `arn:aws:vpc-lattice:us-east-1:123456789012:service/svc-[0-9a-z]{17}`)
			want(t, out, "authType", "NONE")
			want(t, out, "status", "CREATE_IN_PROGRESS")
			if !strings.HasSuffix(get(out, "arn").(string), get(out, "id").(string)) {
				t.Errorf("arn %v does not end with id %v", get(out, "arn"), get(out, "id"))
			}
		},
	},
	{
		name: "App Runner", op: "CreateService",
		start: func(t *testing.T, opts ...mockrt.Option) (*mockrt.Server, string) {
			s, url := apprunnermock.NewTestServer(t, opts...)
			return s.Server, url
		},
		call: func(ctx context.Context, o specrt.Options, in string) (map[string]any, error) {
			return toMap(apprunner.New(o).CreateService(ctx, decode[apprunner.CreateServiceInput](in)))
		},
		valid:          `{"ServiceName":"NAME","SourceConfiguration":{"ImageRepository":{"ImageIdentifier":"public.ecr.aws/aws-containers/hello-app-runner:latest","ImageRepositoryType":"ECR_PUBLIC"}}}`,
		duplicateCode:  "InvalidRequestException",
		validationCode: "InvalidRequestException",
		invalid: []invalidCase{
			{"a name too long", `{"ServiceName":"` + strings.Repeat("a", 41) + `","SourceConfiguration":{}}`, "ServiceName: length"},
			{"a missing required member", `{"ServiceName":"abcd"}`, "SourceConfiguration: is required"},
			{"both repositories (a rule spanning members)", `{"ServiceName":"abcd","SourceConfiguration":{"CodeRepository":{"RepositoryUrl":"u","SourceCodeVersion":{"Type":"BRANCH","Value":"main"}},"ImageRepository":{"ImageIdentifier":"public.ecr.aws/x/y:latest","ImageRepositoryType":"ECR_PUBLIC"}}}`, "SourceConfiguration: exactly one of CodeRepository and ImageRepository must be set, found CodeRepository and ImageRepository"},
			{"a bad enum value", `{"ServiceName":"abcd","SourceConfiguration":{"ImageRepository":{"ImageIdentifier":"public.ecr.aws/x/y:latest","ImageRepositoryType":"DOCKERHUB"}}}`, "SourceConfiguration.ImageRepository.ImageRepositoryType: "},
		},
		check: func(t *testing.T, out map[string]any) {
			wantMatch(t, out, "OperationId", uuidRE)
			wantMatch(t, out, "Service.ServiceId", `[0-9a-f]{32}`)
			want(t, out, "Service.Status", "OPERATION_IN_PROGRESS")
			want(t, out, "Service.InstanceConfiguration.Cpu", "1 vCPU")
			want(t, out, "Service.InstanceConfiguration.Memory", "2 GB")
			want(t, out, "Service.SourceConfiguration.ImageRepository.ImageRepositoryType", "ECR_PUBLIC")
		},
	},
	{
		name: "ECS", op: "CreateExpressGatewayService",
		start: func(t *testing.T, opts ...mockrt.Option) (*mockrt.Server, string) {
			s, url := ecsmock.NewTestServer(t, opts...)
			return s.Server, url
		},
		call: func(ctx context.Context, o specrt.Options, in string) (map[string]any, error) {
			return toMap(ecs.New(o).CreateExpressGatewayService(ctx, decode[ecs.CreateExpressGatewayServiceInput](in)))
		},
		valid:          `{"serviceName":"NAME","executionRoleArn":"arn:aws:iam::123456789012:role/exec","infrastructureRoleArn":"arn:aws:iam::123456789012:role/infra","primaryContainer":{"image":"nginx"}}`,
		duplicateCode:  "InvalidParameterException",
		validationCode: "InvalidParameterException",
		invalid: []invalidCase{
			{"a tag key starting with aws:", `{"executionRoleArn":"a","infrastructureRoleArn":"b","primaryContainer":{"image":"nginx"},"tags":[{"key":"AWS:team","value":"x"}]}`, "tags[0].key"},
			{"a missing required member", `{"executionRoleArn":"a","infrastructureRoleArn":"b"}`, "primaryContainer: is required"},
			{"a repeated tag key (a rule spanning elements)", `{"executionRoleArn":"a","infrastructureRoleArn":"b","primaryContainer":{"image":"nginx"},"tags":[{"key":"env","value":"a"},{"key":"env","value":"b"}]}`, "tags[1].key: must be unique, tags[0].key has the same value"},
			{"a health check path without a slash", `{"executionRoleArn":"a","infrastructureRoleArn":"b","primaryContainer":{"image":"nginx"},"healthCheckPath":"ping"}`, "healthCheckPath"},
		},
		check: func(t *testing.T, out map[string]any) {
			want(t, out, "service.activeConfigurations[0].primaryContainer.containerPort", 80)
			want(t, out, "service.activeConfigurations[0].cpu", "256")
			want(t, out, "service.activeConfigurations[0].memory", "512")
			want(t, out, "service.activeConfigurations[0].healthCheckPath", "/ping")
			want(t, out, "service.status.statusCode", "ACTIVE")
			wantMatch(t, out, "service.serviceArn", `arn:aws:ecs:us-east-1:123456789012:service/default/.+`)
		},
	},
	{
		name: "Lightsail", op: "CreateCertificate",
		start: func(t *testing.T, opts ...mockrt.Option) (*mockrt.Server, string) {
			s, url := lightsailmock.NewTestServer(t, opts...)
			return s.Server, url
		},
		call: func(ctx context.Context, o specrt.Options, in string) (map[string]any, error) {
			return toMap(lightsail.New(o).CreateCertificate(ctx, decode[lightsail.CreateCertificateInput](in)))
		},
		valid:          `{"certificateName":"NAME","domainName":"example.com","subjectAlternativeNames":["www.example.com"]}`,
		duplicateCode:  "InvalidInputException",
		validationCode: "InvalidInputException",
		invalid: []invalidCase{
			{"a wildcard subject alternative name", `{"certificateName":"c","domainName":"example.com","subjectAlternativeNames":["*.example.com"]}`, "subjectAlternativeNames[0]"},
			{"ten subject alternative names", `{"certificateName":"c","domainName":"example.com","subjectAlternativeNames":["a.com","b.com","c.com","d.com","e.com","f.com","g.com","h.com","i.com","j.com"]}`, "subjectAlternativeNames"},
			{"a missing required member", `{"certificateName":"c"}`, "domainName: is required"},
		},
		check: func(t *testing.T, out map[string]any) {
			want(t, out, "certificate.certificateDetail.status", "PENDING_VALIDATION")
			wantMatch(t, out, "certificate.certificateArn", `arn:aws:lightsail:us-east-1:123456789012:Certificate/`+uuidRE)
			want(t, out, "certificate.certificateDetail.subjectAlternativeNames", []any{"www.example.com"})
		},
	},
	{
		name: "Cloud Map", op: "CreatePrivateDnsNamespace",
		start: func(t *testing.T, opts ...mockrt.Option) (*mockrt.Server, string) {
			s, url := servicediscoverymock.NewTestServer(t, opts...)
			return s.Server, url
		},
		call: func(ctx context.Context, o specrt.Options, in string) (map[string]any, error) {
			return toMap(servicediscovery.New(o).CreatePrivateDnsNamespace(ctx, decode[servicediscovery.CreatePrivateDnsNamespaceInput](in)))
		},
		valid:          `{"Name":"NAME.local","Vpc":"vpc-0123456789abcdef0"}`,
		duplicateCode:  "NamespaceAlreadyExists",
		validationCode: "InvalidInput",
		invalid: []invalidCase{
			{"a missing required member", `{"Name":"example.local"}`, "Vpc: is required"},
			{"a name too long", `{"Name":"` + strings.Repeat("a", 254) + `","Vpc":"vpc-1"}`, "Name: length"},
		},
		check: func(t *testing.T, out map[string]any) {
			wantMatch(t, out, "OperationId", `[a-z0-9]{32}-[a-z0-9]{8}`)
		},
	},
}

func noSleep(ctx context.Context, d time.Duration) error { return ctx.Err() }

// options are client options for url: unsigned, no client-side validation
// (the mock must catch what the client would), no waiting between retries.
func options(url string) specrt.Options {
	return specrt.Options{Region: "us-east-1", BaseEndpoint: url, DisableValidation: true, Sleep: noSleep}
}

func named(in, name string) string { return strings.ReplaceAll(in, "NAME", name) }

func TestValidCreateAnswersTheDocumentedOutput(t *testing.T) {
	for _, svc := range services {
		t.Run(svc.name, func(t *testing.T) {
			_, url := svc.start(t)
			out, err := svc.call(t.Context(), options(url), named(svc.valid, "first-one"))
			if err != nil {
				t.Fatalf("%s: %v", svc.op, err)
			}
			svc.check(t, out)
		})
	}
}

func TestInvalidInputIsTheServicesValidationError(t *testing.T) {
	for _, svc := range services {
		for _, tc := range svc.invalid {
			t.Run(svc.name+" answers "+tc.what+" with "+svc.validationCode, func(t *testing.T) {
				_, url := svc.start(t)
				_, err := svc.call(t.Context(), options(url), tc.in)
				var ae specrt.APIError
				if !errors.As(err, &ae) {
					t.Fatalf("error %v (%T), want a typed API error", err, err)
				}
				if ae.ErrorCode() != svc.validationCode || ae.HTTPStatusCode() != 400 {
					t.Errorf("error %s (%d), want %s (400)", ae.ErrorCode(), ae.HTTPStatusCode(), svc.validationCode)
				}
				if typ := fmt.Sprintf("%T", ae); !strings.HasSuffix(typ, "."+svc.validationCode) {
					t.Errorf("error type %s, want the generated %s", typ, svc.validationCode)
				}
				if !strings.Contains(ae.ErrorMessage(), tc.wantInMessage) {
					t.Errorf("message %q does not name %q", ae.ErrorMessage(), tc.wantInMessage)
				}
			})
		}
	}
}

func TestVPCLatticeValidationExceptionListsEachField(t *testing.T) {
	_, url := vpclatticemock.NewTestServer(t)
	_, err := vpclattice.New(options(url)).CreateService(t.Context(), &vpclattice.CreateServiceInput{
		Name: new(strings.Repeat("a", 41)), AuthType: "BOGUS",
	})
	var ve *vpclattice.ValidationException
	if !errors.As(err, &ve) {
		t.Fatalf("error %v, want *vpclattice.ValidationException", err)
	}
	if ve.Reason != vpclattice.ValidationExceptionReasonFieldValidationFailed {
		t.Errorf("reason %q, want fieldValidationFailed", ve.Reason)
	}
	var names []string
	for _, f := range ve.FieldList {
		names = append(names, *f.Name)
	}
	if strings.Join(names, ",") != "name,authType" {
		t.Errorf("fieldList names %v, want [name authType]", names)
	}
}

func TestDuplicateCreateIsTheDocumentedConflict(t *testing.T) {
	for _, svc := range services {
		t.Run(svc.name, func(t *testing.T) {
			_, url := svc.start(t)
			in := named(svc.valid, "dup-name")
			if _, err := svc.call(t.Context(), options(url), in); err != nil {
				t.Fatal(err)
			}
			_, err := svc.call(t.Context(), options(url), in)
			var ae specrt.APIError
			if !errors.As(err, &ae) || ae.ErrorCode() != svc.duplicateCode {
				t.Fatalf("second create: %v, want %s", err, svc.duplicateCode)
			}
		})
	}
	t.Run("VPC Lattice's conflict is a 409 naming the existing service", func(t *testing.T) {
		_, url := vpclatticemock.NewTestServer(t)
		c := vpclattice.New(options(url))
		first, err := c.CreateService(t.Context(), &vpclattice.CreateServiceInput{Name: new("dup")})
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.CreateService(t.Context(), &vpclattice.CreateServiceInput{Name: new("dup")})
		var ce *vpclattice.ConflictException
		if !errors.As(err, &ce) || ce.HTTPStatusCode() != 409 || ce.ResourceID == nil || *ce.ResourceID != *first.ID {
			t.Errorf("got %v, want a 409 ConflictException about %s", err, *first.ID)
		}
	})
}

func TestIdempotencyTokens(t *testing.T) {
	t.Run("VPC Lattice: same token and parameters answer the first response, other parameters conflict", func(t *testing.T) {
		_, url := vpclatticemock.NewTestServer(t)
		c := vpclattice.New(options(url))
		in := &vpclattice.CreateServiceInput{Name: new("idem"), ClientToken: new("token-1")}
		first, err := c.CreateService(t.Context(), in)
		if err != nil {
			t.Fatal(err)
		}
		again, err := c.CreateService(t.Context(), in)
		if err != nil || *again.ID != *first.ID {
			t.Fatalf("retry: %v, id %v, want the first answer %s", err, again, *first.ID)
		}
		_, err = c.CreateService(t.Context(), &vpclattice.CreateServiceInput{Name: new("other"), ClientToken: new("token-1")})
		var ce *vpclattice.ConflictException
		if !errors.As(err, &ce) {
			t.Errorf("same token, other parameters: %v, want ConflictException", err)
		}
	})
	t.Run("Cloud Map: a reused CreatorRequestId with other parameters is DuplicateRequest", func(t *testing.T) {
		_, url := servicediscoverymock.NewTestServer(t)
		c := servicediscovery.New(options(url))
		in := &servicediscovery.CreatePrivateDnsNamespaceInput{Name: new("a.local"), VPC: new("vpc-1"), CreatorRequestID: new("req-1")}
		first, err := c.CreatePrivateDnsNamespace(t.Context(), in)
		if err != nil {
			t.Fatal(err)
		}
		again, err := c.CreatePrivateDnsNamespace(t.Context(), in)
		if err != nil || *again.OperationID != *first.OperationID {
			t.Fatalf("retry: %v, want the first OperationId", err)
		}
		_, err = c.CreatePrivateDnsNamespace(t.Context(), &servicediscovery.CreatePrivateDnsNamespaceInput{Name: new("b.local"), VPC: new("vpc-1"), CreatorRequestID: new("req-1")})
		var dr *servicediscovery.DuplicateRequest
		if !errors.As(err, &dr) || dr.DuplicateOperationID == nil || *dr.DuplicateOperationID != *first.OperationID {
			t.Errorf("got %v, want DuplicateRequest naming %s", err, *first.OperationID)
		}
	})
}

func TestClientRetriesInjectedThrottlingAndServerErrors(t *testing.T) {
	for _, svc := range services {
		t.Run(svc.name, func(t *testing.T) {
			srv, url := svc.start(t)
			srv.Throttle(svc.op, 2)
			o := options(url)
			o.RetryMaxAttempts = 3
			if _, err := svc.call(t.Context(), o, named(svc.valid, "retried")); err != nil {
				t.Fatalf("after two throttles: %v", err)
			}
			recs := srv.Requests()
			if len(recs) != 3 || recs[0].Status == 200 || recs[2].Status >= 300 {
				t.Errorf("records %d, want 2 throttled then 1 success", len(recs))
			}
			srv.InjectError(svc.op, 1, &mockrt.Error{Code: "InternalFailure", Message: "try again", Status: 500})
			if _, err := svc.call(t.Context(), o, named(svc.valid, "after-500")); err != nil {
				t.Errorf("after one 500: %v", err)
			}
			srv.Throttle(svc.op, 5)
			_, err := svc.call(t.Context(), o, named(svc.valid, "gives-up"))
			var ae specrt.APIError
			if !errors.As(err, &ae) || ae.ErrorCode() != "ThrottlingException" {
				t.Errorf("after the attempts run out: %v, want ThrottlingException", err)
			}
		})
	}
}

func TestInjectedTypedErrorIsNotRetried(t *testing.T) {
	srv, url := vpclatticemock.NewTestServer(t)
	srv.InjectError("CreateService", 1, &vpclattice.AccessDeniedException{Message: new("no")})
	_, err := vpclattice.New(options(url)).CreateService(t.Context(), &vpclattice.CreateServiceInput{Name: new("x-y-z")})
	var ad *vpclattice.AccessDeniedException
	if !errors.As(err, &ad) || *ad.Message != "no" {
		t.Errorf("got %v, want the injected AccessDeniedException", err)
	}
	if n := len(srv.Requests()); n != 1 {
		t.Errorf("%d requests, want 1 (a 403 is not retried)", n)
	}
}

func TestThrottlingCarriesRetryAfter(t *testing.T) {
	srv, url := vpclatticemock.NewTestServer(t)
	srv.InjectError("CreateService", 1, &vpclattice.ThrottlingException{Message: new("slow down"), RetryAfterSeconds: new(int32(7))})
	o := options(url)
	o.RetryMaxAttempts = 1
	_, err := vpclattice.New(o).CreateService(t.Context(), &vpclattice.CreateServiceInput{Name: new("x-y-z")})
	var te *vpclattice.ThrottlingException
	if !errors.As(err, &te) || te.RetryAfterSeconds == nil || *te.RetryAfterSeconds != 7 {
		t.Errorf("got %v, want ThrottlingException with Retry-After 7", err)
	}
}

func TestOverrideReplacesTheDefault(t *testing.T) {
	srv, url := vpclatticemock.NewTestServer(t)
	srv.HandleCreateService(func(ctx context.Context, in *vpclattice.CreateServiceInput) (*vpclattice.CreateServiceOutput, error) {
		out, err := srv.DefaultCreateService(ctx, in)
		if err != nil {
			return nil, err
		}
		out.Status = vpclattice.ServiceStatusActive
		return out, nil
	})
	out, err := vpclattice.New(options(url)).CreateService(t.Context(), &vpclattice.CreateServiceInput{Name: new("over")})
	if err != nil || out.Status != vpclattice.ServiceStatusActive {
		t.Errorf("got %v, %v; want the override's ACTIVE", out, err)
	}
	if items := srv.Resources("Service"); len(items) != 1 {
		t.Errorf("%d items stored, want the default behaviour's 1", len(items))
	}
}

func TestLatencyAndCancellation(t *testing.T) {
	srv, url := vpclatticemock.NewTestServer(t)
	// An hour of latency: the call can only return because the deadline
	// cuts it short, so the test needs no clock of its own.
	srv.SetLatency("CreateService", time.Hour)
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	o := options(url)
	o.RetryMaxAttempts = 1
	_, err := vpclattice.New(o).CreateService(ctx, &vpclattice.CreateServiceInput{Name: new("slow")})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("got %v, want the context's deadline", err)
	}
}

func TestSignedRequestsOfTheGeneratedClientVerify(t *testing.T) {
	creds := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: "AKIDMOCK", SecretAccessKey: "mock-secret"}, nil
	})
	// The wrong secret goes with the right key id. The SDK signer caches
	// derived keys checking only the key id; every client configuration has
	// a signer of its own, so the key derived for the call before is not
	// reused for this one.
	wrong := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: "AKIDMOCK", SecretAccessKey: "not-the-secret"}, nil
	})
	for _, svc := range services {
		t.Run(svc.name, func(t *testing.T) {
			_, url := svc.start(t, mockrt.WithCredentials("AKIDMOCK", "mock-secret"))
			o := options(url)
			o.Credentials = creds
			if _, err := svc.call(t.Context(), o, named(svc.valid, "signed")); err != nil {
				t.Errorf("signed call: %v", err)
			}
			o.Credentials = wrong
			_, err := svc.call(t.Context(), o, named(svc.valid, "badly-signed"))
			var ae specrt.APIError
			if !errors.As(err, &ae) || ae.ErrorCode() != "InvalidSignatureException" {
				t.Errorf("wrong secret: %v, want InvalidSignatureException", err)
			}
			o.Credentials = nil
			_, err = svc.call(t.Context(), o, named(svc.valid, "unsigned"))
			if !errors.As(err, &ae) || ae.ErrorCode() != "MissingAuthenticationTokenException" {
				t.Errorf("unsigned: %v, want MissingAuthenticationTokenException", err)
			}
		})
	}
}
