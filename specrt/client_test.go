package specrt_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
	"unsafe"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/specrt"
	"github.com/specgen/specgen/specrt/jsonwire"
	"github.com/specgen/specgen/specrt/protocol"
	"github.com/specgen/specgen/specrt/protocol/registry"
	"github.com/specgen/specgen/specrt/schema"
)

// The types below stand in for a generated package ("petstore") so that the
// protocol code is tested without the generator.

type createPetInput struct {
	Name        *string `json:"name,omitempty"`
	ClientToken *string `json:"clientToken,omitempty"`
	Age         *int32  `json:"age,omitempty"`
}

func (v *createPetInput) Validate() error {
	if v.Name == nil {
		return &specrt.ValidationError{Fields: []specrt.FieldError{{Path: "name", Rule: specrt.RuleRequired, Message: "is required"}}}
	}
	return nil
}

type createPetOutput struct {
	ID   *string `json:"id,omitempty"`
	Name *string `json:"name,omitempty"`
	Age  *int32  `json:"age,omitempty"`
}

type conflictException struct {
	Message    *string              `json:"message,omitempty"`
	ResourceID *string              `json:"resourceId,omitempty"`
	Metadata   specrt.ErrorMetadata `json:"-"`
}

func (e *conflictException) Error() string {
	return specrt.FormatAPIError(e.ErrorCode(), e.ErrorMessage())
}
func (e *conflictException) ErrorCode() string { return "ConflictException" }
func (e *conflictException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}
func (e *conflictException) ErrorFault() smithy.ErrorFault        { return smithy.FaultClient }
func (e *conflictException) HTTPStatusCode() int                  { return 409 }
func (e *conflictException) ErrorMetadata() *specrt.ErrorMetadata { return &e.Metadata }

type throttlingException struct {
	Message           *string
	RetryAfterSeconds *int32
	Metadata          specrt.ErrorMetadata
}

// schemaThrottlingException describes the error's body members, as a
// generated package's schemas.go does.
var schemaThrottlingException = schema.Shape{
	Kind:    schema.KindStruct,
	Members: []schema.Member{{Name: "message", Alias: "Message", Offset: unsafe.Offsetof(throttlingException{}.Message), Shape: &schema.String}},
	Type:    (*throttlingException)(nil),
}

// UnmarshalJSON decodes the error's body, as a generated error type does.
func (e *throttlingException) UnmarshalJSON(data []byte) error {
	return jsonwire.Unmarshal(data, &schemaThrottlingException, e)
}

func (e *throttlingException) Error() string {
	return specrt.FormatAPIError(e.ErrorCode(), e.ErrorMessage())
}
func (e *throttlingException) ErrorCode() string { return "ThrottlingException" }
func (e *throttlingException) ErrorMessage() string {
	if e.Message == nil {
		return ""
	}
	return *e.Message
}
func (e *throttlingException) ErrorFault() smithy.ErrorFault        { return smithy.FaultClient }
func (e *throttlingException) HTTPStatusCode() int                  { return 429 }
func (e *throttlingException) ErrorMetadata() *specrt.ErrorMetadata { return &e.Metadata }

func newPetError(code string, h http.Header) specrt.APIError {
	switch code {
	case "ConflictException":
		return &conflictException{}
	case "ThrottlingException":
		return &throttlingException{RetryAfterSeconds: specrt.HeaderInt32(h, "Retry-After")}
	}
	return nil
}

var (
	restService = specrt.Service{
		Name: "petstore", Protocol: "restJson1", SigningName: "pets",
		EndpointPrefix: "pets", NewError: newPetError,
	}
	jsonService = specrt.Service{
		Name: "petstore", Protocol: "awsJson1_1", TargetPrefix: "PetStore_2024",
		SigningName: "pets", EndpointPrefix: "pets", NewError: newPetError,
	}
	// queryService is jsonService, awsQuery-compatible.
	queryService = specrt.Service{
		Name: "petstore", Protocol: "awsJson1_0", TargetPrefix: "PetStore_2024",
		SigningName: "pets", EndpointPrefix: "pets", NewError: newPetError, QueryCompatible: true,
	}
	opCreatePet = specrt.Operation{Name: "CreatePet", Method: "POST", Path: "/pets"}
)

// recorded is one request as the server saw it.
type recorded struct {
	Method, URL string
	Header      http.Header
	Body        string
}

// canned is one response the fake server gives.
type canned struct {
	status int
	header map[string]string
	body   string
	err    error // a transport error instead of a response
}

// fakeServer is an HTTPDoer that records requests and answers from a script;
// the last response repeats.
type fakeServer struct {
	mu        sync.Mutex
	responses []canned
	requests  []recorded
}

func (f *fakeServer) Do(r *http.Request) (*http.Response, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var body []byte
	if r.Body != nil {
		body, _ = io.ReadAll(r.Body)
		r.Body.Close()
	}
	f.requests = append(f.requests, recorded{Method: r.Method, URL: r.URL.String(), Header: r.Header.Clone(), Body: string(body)})
	c := f.responses[min(len(f.requests), len(f.responses))-1]
	if c.err != nil {
		return nil, c.err
	}
	resp := &http.Response{StatusCode: c.status, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(c.body)), Request: r}
	for k, v := range c.header {
		resp.Header.Set(k, v)
	}
	return resp, nil
}

// sleepRecorder is an Options.Sleep that returns at once and remembers.
type sleepRecorder struct{ sleeps []time.Duration }

func (s *sleepRecorder) sleep(ctx context.Context, d time.Duration) error {
	s.sleeps = append(s.sleeps, d)
	return ctx.Err()
}

func newTestClient(svc *specrt.Service, srv *fakeServer, sl *sleepRecorder, optFns ...func(*specrt.Options)) *specrt.Client {
	o := specrt.Options{
		Region:       "us-west-2",
		BaseEndpoint: "https://pets.example.com/base/",
		HTTPClient:   srv,
		Credentials:  aws.NewCredentialsCache(staticCreds{}),
		Sleep:        sl.sleep,
		RetryJitter:  func() float64 { return 0.5 },
	}
	return specrt.NewClient(svc, o, optFns...)
}

type staticCreds struct{}

func (staticCreds) Retrieve(context.Context) (aws.Credentials, error) {
	return aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "secret", Source: "test"}, nil
}

func ptr[T any](v T) *T { return &v }

func TestInvokeBuildsTheRequestTheProtocolSpecifies(t *testing.T) {
	tests := []struct {
		name        string
		svc         *specrt.Service
		wantURL     string
		wantType    string
		wantTarget  string
		wantHasBody string
	}{
		{"restJson1 uses the operation's method and path under the endpoint's path", &restService,
			"https://pets.example.com/base/pets", "application/json", "", `{"name":"rex","age":3}`},
		{"awsJson1_1 posts to the endpoint with X-Amz-Target", &jsonService,
			"https://pets.example.com/base/", "application/x-amz-json-1.1", "PetStore_2024.CreatePet", `{"name":"rex","age":3}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := &fakeServer{responses: []canned{{status: 200, body: `{"id":"p-1","name":"rex","age":3,"unknown":{"x":[1]}}`}}}
			c := newTestClient(tt.svc, srv, &sleepRecorder{})
			out := &createPetOutput{}
			if err := c.Invoke(context.Background(), &opCreatePet, &createPetInput{Name: ptr("rex"), Age: ptr[int32](3)}, out); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(&createPetOutput{ID: ptr("p-1"), Name: ptr("rex"), Age: ptr[int32](3)}, out); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
			r := srv.requests[0]
			got := map[string]string{
				"method": r.Method, "url": r.URL, "content-type": r.Header.Get("Content-Type"),
				"target": r.Header.Get("X-Amz-Target"), "body": r.Body,
			}
			want := map[string]string{
				"method": "POST", "url": tt.wantURL, "content-type": tt.wantType,
				"target": tt.wantTarget, "body": tt.wantHasBody,
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("request (-want +got):\n%s", diff)
			}
			auth := r.Header.Get("Authorization")
			if !strings.HasPrefix(auth, "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/") || !strings.Contains(auth, "/us-west-2/pets/aws4_request") {
				t.Errorf("Authorization = %q, want a SigV4 signature for pets in us-west-2", auth)
			}
			if r.Header.Get("X-Amz-Date") == "" {
				t.Error("X-Amz-Date is missing")
			}
		})
	}
}

func TestInvokeSendsUnsignedRequestsWithoutCredentials(t *testing.T) {
	for _, creds := range []aws.CredentialsProvider{nil, aws.AnonymousCredentials{}} {
		srv := &fakeServer{responses: []canned{{status: 200, body: `{}`}}}
		c := specrt.NewClient(&restService, specrt.Options{BaseEndpoint: "http://localhost:1", HTTPClient: srv, Credentials: creds})
		if err := c.Invoke(context.Background(), &opCreatePet, &createPetInput{Name: ptr("a")}, &createPetOutput{}); err != nil {
			t.Fatal(err)
		}
		if h := srv.requests[0].Header.Get("Authorization"); h != "" {
			t.Errorf("credentials %T: Authorization = %q, want none", creds, h)
		}
	}
}

func TestEndpointResolution(t *testing.T) {
	tests := []struct {
		name    string
		opts    specrt.Options
		wantURL string
		wantErr string
	}{
		{"the default endpoint is built from the prefix and region", specrt.Options{Region: "eu-west-1"}, "https://pets.eu-west-1.amazonaws.com/pets", ""},
		{"China regions use amazonaws.com.cn", specrt.Options{Region: "cn-north-1"}, "https://pets.cn-north-1.amazonaws.com.cn/pets", ""},
		{"a base endpoint replaces the default", specrt.Options{Region: "eu-west-1", BaseEndpoint: "http://127.0.0.1:9000"}, "http://127.0.0.1:9000/pets", ""},
		{"no region and no endpoint is an error", specrt.Options{}, "", "no endpoint"},
		{"a region that is not a host label is an error", specrt.Options{Region: "us-east-1.evil.com/"}, "", "invalid region"},
		{"signing needs a region", specrt.Options{BaseEndpoint: "http://x", Credentials: staticCreds{}}, "", "region is required"},
		{"an endpoint without a scheme is an error", specrt.Options{BaseEndpoint: "localhost:80"}, "", "invalid endpoint"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := &fakeServer{responses: []canned{{status: 200}}}
			tt.opts.HTTPClient = srv
			c := specrt.NewClient(&restService, tt.opts)
			err := c.Invoke(context.Background(), &opCreatePet, &createPetInput{Name: ptr("a")}, &createPetOutput{})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				if len(srv.requests) != 0 {
					t.Errorf("sent %d requests, want none", len(srv.requests))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := srv.requests[0].URL; got != tt.wantURL {
				t.Errorf("URL = %q, want %q", got, tt.wantURL)
			}
		})
	}
}

func TestInvalidInputIsNotSent(t *testing.T) {
	srv := &fakeServer{responses: []canned{{status: 200}}}
	c := newTestClient(&restService, srv, &sleepRecorder{})
	err := c.Invoke(context.Background(), &opCreatePet, &createPetInput{}, &createPetOutput{})
	var ve *specrt.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want a *specrt.ValidationError", err)
	}
	var oe *specrt.OperationError
	if !errors.As(err, &oe) || oe.Attempts != 0 || oe.Operation != "CreatePet" || oe.Service != "petstore" {
		t.Errorf("err = %#v, want an OperationError for petstore CreatePet with 0 attempts", err)
	}
	if len(srv.requests) != 0 {
		t.Errorf("sent %d requests, want none", len(srv.requests))
	}

	t.Run("unless validation is disabled for the call", func(t *testing.T) {
		err := c.Invoke(context.Background(), &opCreatePet, &createPetInput{}, &createPetOutput{}, func(o *specrt.Options) { o.DisableValidation = true })
		if err != nil {
			t.Fatal(err)
		}
		if len(srv.requests) != 1 || srv.requests[0].Body != "{}" {
			t.Errorf("requests = %+v, want one with body {}", srv.requests)
		}
	})
}

func TestErrorResponsesDecodeToTypedErrors(t *testing.T) {
	tests := []struct {
		name   string
		svc    *specrt.Service
		resp   canned
		want   error
		status int
	}{
		{
			name: "restJson1: the X-Amzn-ErrorType header wins over the body",
			svc:  &restService,
			resp: canned{status: 409, header: map[string]string{"X-Amzn-ErrorType": "ConflictException:http://internal.amazon.com/", "X-Amzn-RequestId": "req-1"},
				body: `{"__type":"Other","message":"pet exists","resourceId":"p-1"}`},
			want: &conflictException{Message: ptr("pet exists"), ResourceID: ptr("p-1"), Metadata: specrt.ErrorMetadata{StatusCode: 409, RequestID: "req-1"}},
		},
		{
			name: "awsJson: __type with a namespace",
			svc:  &jsonService,
			resp: canned{status: 400, header: map[string]string{"x-amz-request-id": "req-2"},
				body: `{"__type":"com.example.pets#ConflictException","Message":"capital M"}`},
			want: &conflictException{Message: ptr("capital M"), Metadata: specrt.ErrorMetadata{StatusCode: 400, RequestID: "req-2"}},
		},
		{
			name: "code in the body",
			svc:  &restService,
			resp: canned{status: 409, body: `{"code":"ConflictException","message":"m"}`},
			want: &conflictException{Message: ptr("m"), Metadata: specrt.ErrorMetadata{StatusCode: 409}},
		},
		{
			name: "header-bound members are read from the headers",
			svc:  &restService,
			resp: canned{status: 400, header: map[string]string{"X-Amzn-ErrorType": "ThrottlingException", "Retry-After": "7"}, body: `{"message":"slow down"}`},
			want: &throttlingException{Message: ptr("slow down"), RetryAfterSeconds: ptr[int32](7), Metadata: specrt.ErrorMetadata{StatusCode: 400}},
		},
		{
			name: "a member of the wrong type is dropped, the error is still typed",
			svc:  &restService,
			resp: canned{status: 409, body: `{"__type":"ConflictException","message":42,"resourceId":"p-1"}`},
			want: &conflictException{Message: ptr(""), ResourceID: ptr("p-1"), Metadata: specrt.ErrorMetadata{StatusCode: 409}},
		},
		{
			name: "a code from the header with an HTML body still gives the typed error",
			svc:  &restService,
			resp: canned{status: 409, header: map[string]string{"X-Amzn-ErrorType": "ConflictException"}, body: `<html>oops</html>`},
			want: &conflictException{Metadata: specrt.ErrorMetadata{StatusCode: 409}},
		},
		{
			name: "an unknown code gives a generic API error",
			svc:  &jsonService,
			resp: canned{status: 400, body: `{"__type":"PetAllergyException","message":"achoo"}`},
			want: &specrt.GenericAPIError{Code: "PetAllergyException", Message: "achoo", Fault: smithy.FaultClient, Metadata: specrt.ErrorMetadata{StatusCode: 400}},
		},
		{
			name: "a JSON body without a code is an UnknownError",
			svc:  &jsonService,
			resp: canned{status: 501, body: `{"message":"nope"}`},
			want: &specrt.GenericAPIError{Code: "UnknownError", Message: "nope", Fault: smithy.FaultServer, Metadata: specrt.ErrorMetadata{StatusCode: 501}},
		},
		{
			name: "a number where the code belongs is not a code",
			svc:  &jsonService,
			resp: canned{status: 400, body: `{"__type":12,"message":"m"}`},
			want: &specrt.GenericAPIError{Code: "UnknownError", Message: "m", Fault: smithy.FaultClient, Metadata: specrt.ErrorMetadata{StatusCode: 400}},
		},
		{
			name: "an awsQuery-compatible service's x-amzn-query-error gives the typed error its query code",
			svc:  &queryService,
			resp: canned{status: 409, header: map[string]string{"X-Amzn-Query-Error": "AWS.PetStore.Conflict;Sender"},
				body: `{"__type":"ConflictException","message":"taken"}`},
			want: &conflictException{Message: ptr("taken"), Metadata: specrt.ErrorMetadata{StatusCode: 409, QueryCode: "AWS.PetStore.Conflict"}},
		},
		{
			name: "an awsQuery-compatible service's x-amzn-query-error gives an unknown error its code and fault",
			svc:  &queryService,
			resp: canned{status: 500, header: map[string]string{"X-Amzn-Query-Error": "AWS.PetStore.Internal;Receiver"},
				body: `{"__type":"InternalError","message":"oops"}`},
			want: &specrt.GenericAPIError{Code: "AWS.PetStore.Internal", Message: "oops", Fault: smithy.FaultServer,
				Metadata: specrt.ErrorMetadata{StatusCode: 500, QueryCode: "AWS.PetStore.Internal"}},
		},
		{
			name: "an awsQuery-compatible service's x-amzn-query-error names the error of a body without a code",
			svc:  &queryService,
			resp: canned{status: 400, header: map[string]string{"X-Amzn-Query-Error": "AWS.PetStore.Odd;Sender"}, body: `<html>oops</html>`},
			want: &specrt.GenericAPIError{Code: "AWS.PetStore.Odd", Fault: smithy.FaultClient,
				Metadata: specrt.ErrorMetadata{StatusCode: 400, QueryCode: "AWS.PetStore.Odd"}},
		},
		{
			name: "a malformed x-amzn-query-error is ignored",
			svc:  &queryService,
			resp: canned{status: 400, header: map[string]string{"X-Amzn-Query-Error": "NoSeparator"}, body: `{"__type":"PetAllergyException","message":"achoo"}`},
			want: &specrt.GenericAPIError{Code: "PetAllergyException", Message: "achoo", Fault: smithy.FaultClient, Metadata: specrt.ErrorMetadata{StatusCode: 400}},
		},
		{
			name: "a service that is not awsQuery-compatible ignores x-amzn-query-error",
			svc:  &jsonService,
			resp: canned{status: 400, header: map[string]string{"X-Amzn-Query-Error": "AWS.PetStore.Allergy;Sender"}, body: `{"__type":"PetAllergyException","message":"achoo"}`},
			want: &specrt.GenericAPIError{Code: "PetAllergyException", Message: "achoo", Fault: smithy.FaultClient, Metadata: specrt.ErrorMetadata{StatusCode: 400}},
		},
		{
			name: "a proxy's HTML page is reported with a snippet",
			svc:  &restService,
			resp: canned{status: 403, header: map[string]string{"Content-Type": "text/html"}, body: "<html>\n  <body>Forbidden by proxy</body>\n</html>"},
			want: &specrt.ResponseError{StatusCode: 403, ContentType: "text/html", Snippet: "<html> <body>Forbidden by proxy</body> </html>"},
		},
		{
			name: "an empty error body is reported with its status",
			svc:  &restService,
			resp: canned{status: 404},
			want: &specrt.ResponseError{StatusCode: 404},
		},
		{
			name: "truncated JSON in an error body is reported with a snippet",
			svc:  &jsonService,
			resp: canned{status: 400, body: `{"__type":"ConflictExc`},
			want: &specrt.ResponseError{StatusCode: 400, Snippet: `{"__type":"ConflictExc`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := &fakeServer{responses: []canned{tt.resp}}
			c := newTestClient(tt.svc, srv, &sleepRecorder{}, func(o *specrt.Options) { o.RetryMaxAttempts = 1 })
			err := c.Invoke(context.Background(), &opCreatePet, &createPetInput{Name: ptr("rex")}, &createPetOutput{})
			var oe *specrt.OperationError
			if !errors.As(err, &oe) {
				t.Fatalf("err = %v (%T), want an *OperationError", err, err)
			}
			if diff := cmp.Diff(tt.want, oe.Err); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			if !strings.HasPrefix(err.Error(), "operation error petstore: CreatePet, ") {
				t.Errorf("message %q does not name the service and operation", err)
			}
		})
	}
}

func TestQueryModeHeader(t *testing.T) {
	tests := []struct {
		name string
		svc  *specrt.Service
		want []string
	}{
		{name: "an awsQuery-compatible service is sent x-amzn-query-mode: true", svc: &queryService, want: []string{"true"}},
		{name: "another service is sent no x-amzn-query-mode", svc: &jsonService},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := &fakeServer{responses: []canned{{status: 200, body: `{}`}}}
			c := newTestClient(tt.svc, srv, &sleepRecorder{})
			if err := c.Invoke(context.Background(), &opCreatePet, &createPetInput{Name: ptr("rex")}, &createPetOutput{}); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, srv.requests[0].Header.Values("X-Amzn-Query-Mode")); diff != "" {
				t.Errorf("x-amzn-query-mode (-want +got):\n%s", diff)
			}
		})
	}
}

func TestErrorsAsFindsTheTypedError(t *testing.T) {
	srv := &fakeServer{responses: []canned{{status: 409, body: `{"__type":"ConflictException","message":"taken"}`}}}
	c := newTestClient(&jsonService, srv, &sleepRecorder{})
	err := c.Invoke(context.Background(), &opCreatePet, &createPetInput{Name: ptr("rex")}, &createPetOutput{})
	var ce *conflictException
	if !errors.As(err, &ce) || ce.ErrorMessage() != "taken" {
		t.Fatalf("errors.As(%v, *conflictException) failed", err)
	}
	var api smithy.APIError
	if !errors.As(err, &api) || api.ErrorCode() != "ConflictException" {
		t.Fatalf("errors.As(%v, smithy.APIError) failed", err)
	}
	want := "operation error petstore: CreatePet, https response error StatusCode: 409, RequestID: , ConflictException: taken"
	if err.Error() != want {
		t.Errorf("Error() = %q, want %q", err.Error(), want)
	}
}

func TestMalformedSuccessResponses(t *testing.T) {
	tests := []struct {
		name, body string
		wantErr    bool
	}{
		{"an empty body leaves the output empty", "", false},
		{"white space leaves the output empty", " \n", false},
		{"unknown fields are ignored", `{"other":1,"id":"x"}`, false},
		{"truncated JSON is an error", `{"id":"p-`, true},
		{"a string where a number belongs is an error", `{"age":"three"}`, true},
		{"an HTML page is an error", `<html>hello</html>`, true},
		{"a JSON array is an error", `[1,2]`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := &fakeServer{responses: []canned{{status: 200, body: tt.body}}}
			c := newTestClient(&restService, srv, &sleepRecorder{})
			err := c.Invoke(context.Background(), &opCreatePet, &createPetInput{Name: ptr("rex")}, &createPetOutput{})
			if !tt.wantErr {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var re *specrt.ResponseError
			if !errors.As(err, &re) || !re.Success || re.StatusCode != 200 || re.Err == nil {
				t.Fatalf("err = %v, want a *ResponseError for a 200 with its cause", err)
			}
			if len(srv.requests) != 1 {
				t.Errorf("sent %d requests, want 1: a bad success body is not retried", len(srv.requests))
			}
		})
	}
}

func TestRetries(t *testing.T) {
	throttle := canned{status: 400, body: `{"__type":"ThrottlingException","message":"slow"}`}
	ok := canned{status: 200, body: `{"id":"p-1"}`}
	tests := []struct {
		name         string
		responses    []canned
		maxAttempts  int
		wantAttempts int
		wantSleeps   []time.Duration
		wantErr      bool
	}{
		{"a 503 then success takes two attempts", []canned{{status: 503, body: `{"message":"busy"}`}, ok}, 0, 2, []time.Duration{500 * time.Millisecond}, false},
		{"a throttling code is retried whatever its status", []canned{throttle, throttle, ok}, 0, 3, []time.Duration{500 * time.Millisecond, time.Second}, false},
		{"a bare 429 is retried", []canned{{status: 429}, ok}, 0, 2, []time.Duration{500 * time.Millisecond}, false},
		{"a transport error is retried", []canned{{err: errors.New("connection reset")}, ok}, 0, 2, []time.Duration{500 * time.Millisecond}, false},
		{"an HTML 502 from a proxy is retried", []canned{{status: 502, body: "<html>bad gateway</html>"}, ok}, 0, 2, []time.Duration{500 * time.Millisecond}, false},
		{"attempts stop at the default of three", []canned{{status: 500, body: `{}`}}, 0, 3, []time.Duration{500 * time.Millisecond, time.Second}, true},
		{"attempts are configurable", []canned{{status: 500, body: `{}`}}, 5, 5, []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second}, true},
		{"one attempt disables retries", []canned{{status: 500, body: `{}`}}, 1, 1, nil, true},
		{"a modeled 4xx is not retried", []canned{{status: 409, body: `{"__type":"ConflictException"}`}}, 0, 1, nil, true},
		{"a 501 is not retried", []canned{{status: 501, body: `{}`}}, 0, 1, nil, true},
		{"Retry-After is a floor on the backoff", []canned{{status: 503, header: map[string]string{"Retry-After": "3"}}, ok}, 0, 2, []time.Duration{3 * time.Second}, false},
		{"Retry-After below the backoff does not shorten it", []canned{{status: 503, header: map[string]string{"Retry-After": "0"}}, ok}, 0, 2, []time.Duration{500 * time.Millisecond}, false},
		{"Retry-After beyond the maximum backoff ends the call", []canned{{status: 503, header: map[string]string{"Retry-After": "3600"}}, ok}, 0, 1, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := &fakeServer{responses: tt.responses}
			sl := &sleepRecorder{}
			c := newTestClient(&jsonService, srv, sl, func(o *specrt.Options) { o.RetryMaxAttempts = tt.maxAttempts })
			err := c.Invoke(context.Background(), &opCreatePet, &createPetInput{Name: ptr("rex"), ClientToken: ptr("tok")}, &createPetOutput{})
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error: %v", err, tt.wantErr)
			}
			if len(srv.requests) != tt.wantAttempts {
				t.Errorf("sent %d requests, want %d", len(srv.requests), tt.wantAttempts)
			}
			if diff := cmp.Diff(tt.wantSleeps, sl.sleeps); diff != "" {
				t.Errorf("sleeps (-want +got):\n%s", diff)
			}
			var oe *specrt.OperationError
			if err != nil && (!errors.As(err, &oe) || oe.Attempts != tt.wantAttempts) {
				t.Errorf("err = %#v, want an OperationError with Attempts %d", err, tt.wantAttempts)
			}
			for i, r := range srv.requests {
				if r.Body != srv.requests[0].Body {
					t.Errorf("attempt %d sent body %q, want the first attempt's %q", i+1, r.Body, srv.requests[0].Body)
				}
			}
		})
	}
}

func TestBackoffIsCappedAndJittered(t *testing.T) {
	for attempt := 1; attempt <= 40; attempt++ {
		if d := specrt.Backoff(attempt, 20*time.Second, func() float64 { return 0.999999 }); d > 20*time.Second || d < 0 {
			t.Errorf("Backoff(%d) = %v, want within [0, 20s]", attempt, d)
		}
		if d := specrt.Backoff(attempt, 20*time.Second, func() float64 { return 0 }); d != 0 {
			t.Errorf("Backoff(%d) with jitter 0 = %v, want 0", attempt, d)
		}
	}
	if d := specrt.Backoff(3, time.Minute, func() float64 { return 0.5 }); d != 2*time.Second {
		t.Errorf("Backoff(3) with jitter 0.5 = %v, want 2s", d)
	}
}

func TestEachAttemptIsSignedAfresh(t *testing.T) {
	srv := &fakeServer{responses: []canned{{status: 500, body: `{}`}, {status: 200}}}
	now := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	c := newTestClient(&jsonService, srv, &sleepRecorder{}, func(o *specrt.Options) {
		o.Clock = func() time.Time { now = now.Add(time.Minute); return now }
	})
	if err := c.Invoke(context.Background(), &opCreatePet, &createPetInput{Name: ptr("rex")}, &createPetOutput{}); err != nil {
		t.Fatal(err)
	}
	d1, d2 := srv.requests[0].Header.Get("X-Amz-Date"), srv.requests[1].Header.Get("X-Amz-Date")
	if d1 == d2 || srv.requests[0].Header.Get("Authorization") == srv.requests[1].Header.Get("Authorization") {
		t.Errorf("attempts share X-Amz-Date %q/%q or signature: each attempt must be signed again", d1, d2)
	}
}

func TestCancellation(t *testing.T) {
	t.Run("cancelling during the backoff stops the call at once", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		srv := &fakeServer{responses: []canned{{status: 503}}}
		sleeps := 0
		c := newTestClient(&jsonService, srv, nil, func(o *specrt.Options) {
			o.RetryMaxAttempts = 10
			o.Sleep = func(ctx context.Context, d time.Duration) error {
				sleeps++
				cancel()
				return specrt.Sleep(ctx, time.Hour) // returns as soon as ctx is done
			}
		})
		err := c.Invoke(ctx, &opCreatePet, &createPetInput{Name: ptr("rex")}, &createPetOutput{})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
		if len(srv.requests) != 1 || sleeps != 1 {
			t.Errorf("sent %d requests and slept %d times, want 1 and 1", len(srv.requests), sleeps)
		}
	})
	t.Run("a cancelled context sends nothing", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		srv := &fakeServer{responses: []canned{{status: 200}}}
		c := newTestClient(&jsonService, srv, &sleepRecorder{})
		err := c.Invoke(ctx, &opCreatePet, &createPetInput{Name: ptr("rex")}, &createPetOutput{})
		if !errors.Is(err, context.Canceled) || len(srv.requests) != 0 {
			t.Fatalf("err = %v after %d requests, want context.Canceled and none", err, len(srv.requests))
		}
	})
	t.Run("a transport error caused by cancellation is not retried", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		srv := &fakeServer{responses: []canned{{err: fmt.Errorf("dial: %w", context.Canceled)}}}
		c := newTestClient(&jsonService, srv, &sleepRecorder{}, func(o *specrt.Options) {
			o.HTTPClient = doFunc(func(r *http.Request) (*http.Response, error) {
				cancel()
				return srv.Do(r)
			})
		})
		err := c.Invoke(ctx, &opCreatePet, &createPetInput{Name: ptr("rex")}, &createPetOutput{})
		if !errors.Is(err, context.Canceled) || len(srv.requests) != 1 {
			t.Fatalf("err = %v after %d requests, want context.Canceled after 1", err, len(srv.requests))
		}
	})
	t.Run("the default sleep returns when the context ends", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if err := specrt.Sleep(ctx, time.Hour); !errors.Is(err, context.Canceled) {
			t.Fatalf("Sleep = %v, want context.Canceled", err)
		}
	})
}

type doFunc func(*http.Request) (*http.Response, error)

func (f doFunc) Do(r *http.Request) (*http.Response, error) { return f(r) }

func TestWriteErrorRoundTrips(t *testing.T) {
	for _, svc := range []*specrt.Service{&restService, &jsonService} {
		t.Run(svc.Protocol, func(t *testing.T) {
			p, err := registry.Lookup(svc.Protocol)
			if err != nil {
				t.Fatal(err)
			}
			rec := &responseRecorder{header: http.Header{}}
			rec.header.Set("Retry-After", "2")
			in := &throttlingException{Message: ptr("slow down"), Metadata: specrt.ErrorMetadata{RequestID: "req-9"}}
			if err := specrt.WriteError(rec, p, &protocol.Message{Operation: "CreatePet"}, in, &schemaThrottlingException); err != nil {
				t.Fatal(err)
			}
			if got, want := rec.header.Get("Content-Type"), p.Identity().ContentType; got != want {
				t.Errorf("Content-Type = %q, want %q", got, want)
			}
			h := map[string]string{}
			for k := range rec.header {
				h[k] = rec.header.Get(k)
			}
			srv := &fakeServer{responses: []canned{{status: rec.status, header: h, body: rec.body.String()}}}
			c := newTestClient(svc, srv, &sleepRecorder{}, func(o *specrt.Options) { o.RetryMaxAttempts = 1 })
			err = c.Invoke(context.Background(), &opCreatePet, &createPetInput{Name: ptr("rex")}, &createPetOutput{})
			want := &throttlingException{Message: ptr("slow down"), RetryAfterSeconds: ptr[int32](2), Metadata: specrt.ErrorMetadata{StatusCode: 429, RequestID: "req-9"}}
			var got *throttlingException
			if !errors.As(err, &got) {
				t.Fatalf("err = %v, want *throttlingException", err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("decoded error (-want +got):\n%s", diff)
			}
		})
	}
}

func TestJSONErrorBodies(t *testing.T) {
	p, err := registry.Lookup(jsonService.Protocol)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		err   specrt.APIError
		shape *schema.Shape
		want  string
	}{
		{"an error with a shape carries its code and its members", &throttlingException{Message: ptr("slow \"down\"")}, &schemaThrottlingException, `{"__type":"ThrottlingException","message":"slow \"down\""}`},
		{"an error with a shape and no members set carries its code only", &throttlingException{}, &schemaThrottlingException, `{"__type":"ThrottlingException"}`},
		{"an error without a shape carries its code and message", &throttlingException{Message: ptr("slow down")}, nil, `{"__type":"ThrottlingException","message":"slow down"}`},
		{"an error without a shape or message carries its code only", &throttlingException{}, nil, `{"__type":"ThrottlingException"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var v any
			if tc.shape != nil {
				v = tc.err
			}
			got, err := p.EncodeError(&protocol.Message{Operation: "CreatePet"}, specrt.ErrorBody(tc.err), tc.shape, v)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, string(got)); diff != "" {
				t.Errorf("body (-want +got):\n%s", diff)
			}
		})
	}
}

type responseRecorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *responseRecorder) Header() http.Header         { return r.header }
func (r *responseRecorder) WriteHeader(s int)           { r.status = s }
func (r *responseRecorder) Write(b []byte) (int, error) { return r.body.Write(b) }

func TestNewUUID(t *testing.T) {
	re := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	seen := map[string]bool{}
	for range 1000 {
		u := specrt.NewUUID()
		if !re.MatchString(u) {
			t.Fatalf("NewUUID() = %q, not a version 4 UUID", u)
		}
		if seen[u] {
			t.Fatalf("NewUUID() repeated %q", u)
		}
		seen[u] = true
	}
	if !specrt.NeedsToken(nil) || !specrt.NeedsToken(ptr("")) || specrt.NeedsToken(ptr("x")) {
		t.Error("NeedsToken: want true for nil and empty, false otherwise")
	}
}

func TestRequestBodyIsJSONOfTheInput(t *testing.T) {
	srv := &fakeServer{responses: []canned{{status: 200}}}
	c := newTestClient(&jsonService, srv, &sleepRecorder{})
	in := &createPetInput{Name: ptr("rex"), ClientToken: ptr("t-1")}
	if err := c.Invoke(context.Background(), &opCreatePet, in, &createPetOutput{}); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(srv.requests[0].Body), &got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]any{"name": "rex", "clientToken": "t-1"}, got); diff != "" {
		t.Errorf("body (-want +got):\n%s", diff)
	}
}

type getPetInput struct {
	PetID   *string  `json:"-"`
	Path    *string  `json:"-"`
	Limit   *int32   `json:"-"`
	Tags    []string `json:"-"`
	TraceID *string  `json:"-"`
}

type getPetOutput struct {
	Name *string `json:"name,omitempty"`
	ETag *string `json:"-"`
}

var opGetPet = specrt.Operation{
	Name: "GetPet", Method: "GET", Path: "/pets/{petId}/files/{path+}?v=2", NoBody: true,
	BindRequest: func(in any, b *specrt.RequestBinding) {
		v := in.(*getPetInput)
		if v.PetID != nil {
			b.Label("petId", *v.PetID)
		}
		if v.Path != nil {
			b.Label("path", *v.Path)
		}
		if v.Limit != nil {
			b.Query("limit", fmt.Sprint(*v.Limit))
		}
		for _, t := range v.Tags {
			b.Query("tag", t)
		}
		if v.TraceID != nil {
			b.Header("X-Trace-Id", *v.TraceID)
		}
	},
	BindResponse: func(out any, _ int, h http.Header) {
		out.(*getPetOutput).ETag = specrt.HeaderString(h, "ETag")
	},
}

func TestRestJSONBindings(t *testing.T) {
	srv := &fakeServer{responses: []canned{{status: 200, header: map[string]string{"ETag": `"abc"`}, body: `{"name":"rex"}`}}}
	c := newTestClient(&restService, srv, &sleepRecorder{})
	in := &getPetInput{PetID: ptr("p 1/2"), Path: ptr("a/b c.txt"), Limit: ptr[int32](5), Tags: []string{"x&y", "z"}, TraceID: ptr("t-1")}
	out := &getPetOutput{}
	if err := c.Invoke(context.Background(), &opGetPet, in, out); err != nil {
		t.Fatal(err)
	}
	r := srv.requests[0]
	want := recorded{
		Method: "GET",
		// SigV4 signing sorts the query string, as the SDK's does.
		URL: "https://pets.example.com/base/pets/p%201%2F2/files/a/b%20c.txt?limit=5&tag=x%26y&tag=z&v=2",
	}
	if diff := cmp.Diff(want, recorded{Method: r.Method, URL: r.URL}); diff != "" {
		t.Errorf("request line (-want +got):\n%s", diff)
	}
	if r.Body != "" || r.Header.Get("Content-Type") != "" || r.Header.Get("X-Trace-Id") != "t-1" {
		t.Errorf("body %q, Content-Type %q, X-Trace-Id %q: want no body, no content type, the bound header", r.Body, r.Header.Get("Content-Type"), r.Header.Get("X-Trace-Id"))
	}
	if diff := cmp.Diff(&getPetOutput{Name: ptr("rex"), ETag: ptr(`"abc"`)}, out); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}

	t.Run("a missing path label is an error and nothing is sent", func(t *testing.T) {
		srv := &fakeServer{responses: []canned{{status: 200}}}
		c := newTestClient(&restService, srv, &sleepRecorder{})
		err := c.Invoke(context.Background(), &opGetPet, &getPetInput{Path: ptr("x")}, &getPetOutput{})
		if err == nil || !strings.Contains(err.Error(), `path label "petId" has no value`) || len(srv.requests) != 0 {
			t.Fatalf("err = %v after %d requests", err, len(srv.requests))
		}
	})
}

func TestEscapePathLabel(t *testing.T) {
	tests := []struct {
		in     string
		greedy bool
		want   string
	}{
		{"abc-_.~XYZ09", false, "abc-_.~XYZ09"},
		{"a/b", false, "a%2Fb"},
		{"a/b", true, "a/b"},
		{"é ?#%", false, "%C3%A9%20%3F%23%25"},
	}
	for _, tt := range tests {
		if got := specrt.EscapePathLabel(tt.in, tt.greedy); got != tt.want {
			t.Errorf("EscapePathLabel(%q, %v) = %q, want %q", tt.in, tt.greedy, got, tt.want)
		}
	}
}

func TestClientIsSafeForConcurrentUse(t *testing.T) {
	srv := &fakeServer{responses: []canned{{status: 500, body: `{}`}, {status: 200, body: `{"id":"p-1"}`}}}
	c := newTestClient(&jsonService, srv, nil, func(o *specrt.Options) {
		o.Sleep = func(ctx context.Context, d time.Duration) error { return nil }
	})
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			out := &createPetOutput{}
			err := c.Invoke(context.Background(), &opCreatePet, &createPetInput{Name: ptr(fmt.Sprint("pet-", i))}, out,
				func(o *specrt.Options) { o.UserAgent = "worker" })
			if err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if len(srv.requests) != 17 {
		t.Errorf("sent %d requests, want 17 (one retried 500, then successes)", len(srv.requests))
	}
}

func TestAServiceOfAnUnknownProtocolFailsEveryCallWithoutSending(t *testing.T) {
	svc := specrt.Service{Name: "petstore", Protocol: "awsJson2_0", SigningName: "pets", EndpointPrefix: "pets"}
	srv := &fakeServer{}
	c := newTestClient(&svc, srv, &sleepRecorder{})
	for _, tc := range []struct {
		name   string
		optFns []func(*specrt.Options)
	}{
		{"a call with the client's options fails", nil},
		{"a call with options of its own fails too", []func(*specrt.Options){func(o *specrt.Options) { o.RetryMaxAttempts = 1 }}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := c.Invoke(context.Background(), &opCreatePet, &createPetInput{Name: ptr("rex")}, &createPetOutput{}, tc.optFns...)
			want := `operation error petstore: CreatePet, service petstore: unknown protocol "awsJson2_0" (want awsJson1_0, awsJson1_1, awsQuery, ec2Query, restJson1, restXml, rpcv2Cbor)`
			if err == nil || err.Error() != want {
				t.Errorf("err = %v, want %s", err, want)
			}
			if len(srv.requests) != 0 {
				t.Errorf("sent %d requests, want none", len(srv.requests))
			}
		})
	}
}

func TestErrorBodySaysWhoseFaultItIs(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  specrt.APIError
		want protocol.ErrorBody
	}{
		{"a client error is the sender's", &specrt.GenericAPIError{Code: "Bad", Message: "m", Fault: smithy.FaultClient, Metadata: specrt.ErrorMetadata{StatusCode: 400}}, protocol.ErrorBody{Code: "Bad", Message: "m", Fault: "Sender"}},
		{"a server error is the receiver's", &specrt.GenericAPIError{Code: "Down", Fault: smithy.FaultServer, Metadata: specrt.ErrorMetadata{StatusCode: 503}}, protocol.ErrorBody{Code: "Down", Fault: "Receiver"}},
		{"a 5xx error of no stated fault is the receiver's", &specrt.GenericAPIError{Code: "InternalFailure", Metadata: specrt.ErrorMetadata{StatusCode: 500}}, protocol.ErrorBody{Code: "InternalFailure", Fault: "Receiver"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, specrt.ErrorBody(tc.err)); diff != "" {
				t.Errorf("ErrorBody (-want +got):\n%s", diff)
			}
		})
	}
}
