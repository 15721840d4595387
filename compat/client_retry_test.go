package compat

import (
	"context"
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/servicediscovery"
	"github.com/specgen/specgen/gen/vpclattice"
	"github.com/specgen/specgen/specrt"
)

// These tests drive generated clients end to end over HTTP: retries,
// idempotency tokens, cancellation and responses no service should send.

// newScript starts a recorder that answers with replies in turn.
func newScript(t *testing.T, replies ...reply) *recorder {
	r := newRecorder(t)
	r.set(replies...)
	return r
}

// validLatticeInput is a CreateService input that passes validation.
func validLatticeInput() *vpclattice.CreateServiceInput {
	return &vpclattice.CreateServiceInput{
		Name:     aws.String("my-service"),
		Tags:     map[string]string{"env": "prod"},
		AuthType: vpclattice.AuthTypeAwsIam,
	}
}

// sleeps records the backoff a client asked for, without waiting.
type sleeps []time.Duration

func (s *sleeps) sleep(ctx context.Context, d time.Duration) error {
	*s = append(*s, d)
	return ctx.Err()
}

func latticeClient(url string, sl *sleeps, optFns ...func(*vpclattice.Options)) *vpclattice.Client {
	o := ourOptions(url)
	o.DisableValidation = false
	o.RetryMaxAttempts = 0
	o.Sleep = sl.sleep
	o.RetryJitter = func() float64 { return 0.25 }
	return vpclattice.New(o, optFns...)
}

var okLattice = reply{Status: 201, Header: map[string]string{"Content-Type": "application/json"}, Body: []byte(`{"id":"svc-0123456789abcdef0","name":"my-service","status":"CREATE_IN_PROGRESS"}`)}

func throttled(retryAfter string) reply {
	h := map[string]string{"X-Amzn-ErrorType": "ThrottlingException", "Content-Type": "application/json"}
	if retryAfter != "" {
		h["Retry-After"] = retryAfter
	}
	return reply{Status: 429, Header: h, Body: []byte(`{"message":"Rate exceeded"}`)}
}

func TestClientRetries(t *testing.T) {
	internal := reply{Status: 500, Header: map[string]string{"X-Amzn-ErrorType": "InternalServerException"}, Body: []byte(`{"message":"oops"}`)}
	conflict := reply{Status: 409, Header: map[string]string{"X-Amzn-ErrorType": "ConflictException"}, Body: []byte(`{"message":"exists","resourceId":"r","resourceType":"SERVICE"}`)}
	tests := []struct {
		name         string
		replies      []reply
		attempts     int
		wantRequests int
		wantSleeps   sleeps
		wantErrCode  string
	}{
		{"throttling then success retries once", []reply{throttled(""), okLattice}, 0, 2, sleeps{250 * time.Millisecond}, ""},
		{"Retry-After longer than the backoff is waited for", []reply{throttled("4"), throttled("2"), okLattice}, 0, 3, sleeps{4 * time.Second, 2 * time.Second}, ""},
		{"a 500 is retried until attempts run out", []reply{internal}, 0, 3, sleeps{250 * time.Millisecond, 500 * time.Millisecond}, "InternalServerException"},
		{"attempts are configurable", []reply{internal}, 4, 4, sleeps{250 * time.Millisecond, 500 * time.Millisecond, time.Second}, "InternalServerException"},
		{"a conflict is not retried", []reply{conflict}, 0, 1, nil, "ConflictException"},
		{"Retry-After beyond RetryMaxBackoff gives up at once", []reply{throttled("120")}, 0, 1, nil, "ThrottlingException"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newScript(t, tt.replies...)
			var sl sleeps
			c := latticeClient(srv.URL, &sl, func(o *vpclattice.Options) { o.RetryMaxAttempts = tt.attempts })
			out, err := c.CreateService(context.Background(), validLatticeInput())
			reqs := srv.take()
			if len(reqs) != tt.wantRequests {
				t.Errorf("sent %d requests, want %d", len(reqs), tt.wantRequests)
			}
			if diff := cmp.Diff(tt.wantSleeps, sl); diff != "" {
				t.Errorf("backoff (-want +got):\n%s", diff)
			}
			if tt.wantErrCode == "" {
				if err != nil || out == nil || *out.ID != "svc-0123456789abcdef0" {
					t.Fatalf("CreateService = %v, %v; want the service", out, err)
				}
				return
			}
			var api specrt.APIError
			if !errors.As(err, &api) || api.ErrorCode() != tt.wantErrCode {
				t.Fatalf("err = %v, want %s", err, tt.wantErrCode)
			}
			var oe *specrt.OperationError
			if !errors.As(err, &oe) || oe.Attempts != tt.wantRequests {
				t.Errorf("OperationError.Attempts = %v, want %d", oe, tt.wantRequests)
			}
		})
	}
}

func TestRetryAfterIsBoundOnTheThrottlingException(t *testing.T) {
	srv := newScript(t, throttled("3"))
	var sl sleeps
	c := latticeClient(srv.URL, &sl, func(o *vpclattice.Options) { o.RetryMaxAttempts = 1 })
	_, err := c.CreateService(context.Background(), validLatticeInput())
	var te *vpclattice.ThrottlingException
	if !errors.As(err, &te) {
		t.Fatalf("err = %v, want *vpclattice.ThrottlingException", err)
	}
	if te.RetryAfterSeconds == nil || *te.RetryAfterSeconds != 3 || te.ErrorMessage() != "Rate exceeded" || te.Metadata.StatusCode != 429 {
		t.Errorf("ThrottlingException = %+v, want retryAfterSeconds 3 from the header", te)
	}
}

var uuidV4 = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

// bodyToken returns member name of a recorded JSON body.
func bodyToken(t *testing.T, body []byte, name string) string {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatal(err)
	}
	s, _ := m[name].(string)
	return s
}

func TestIdempotencyTokens(t *testing.T) {
	t.Run("an empty token is filled with one UUID, the same on every attempt", func(t *testing.T) {
		srv := newScript(t, throttled(""), throttled(""), okLattice)
		var sl sleeps
		in := validLatticeInput()
		if _, err := latticeClient(srv.URL, &sl).CreateService(context.Background(), in); err != nil {
			t.Fatal(err)
		}
		reqs := srv.take()
		if len(reqs) != 3 {
			t.Fatalf("sent %d requests, want 3", len(reqs))
		}
		tok := bodyToken(t, reqs[0].Body, "clientToken")
		if !uuidV4.MatchString(tok) {
			t.Fatalf("clientToken = %q, want a UUID v4", tok)
		}
		for i, r := range reqs[1:] {
			if got := bodyToken(t, r.Body, "clientToken"); got != tok {
				t.Errorf("attempt %d sent clientToken %q, want %q", i+2, got, tok)
			}
		}
		if in.ClientToken != nil {
			t.Errorf("the caller's input was modified: ClientToken = %q", *in.ClientToken)
		}
	})
	t.Run("each call gets a new token", func(t *testing.T) {
		srv := newScript(t, okLattice)
		var sl sleeps
		c := latticeClient(srv.URL, &sl)
		in := validLatticeInput()
		for range 2 {
			if _, err := c.CreateService(context.Background(), in); err != nil {
				t.Fatal(err)
			}
		}
		reqs := srv.take()
		if a, b := bodyToken(t, reqs[0].Body, "clientToken"), bodyToken(t, reqs[1].Body, "clientToken"); a == b {
			t.Errorf("two calls shared token %q", a)
		}
	})
	t.Run("a token the caller set is sent as is", func(t *testing.T) {
		srv := newScript(t, okLattice)
		var sl sleeps
		in := validLatticeInput()
		in.ClientToken = aws.String("my-token")
		if _, err := latticeClient(srv.URL, &sl).CreateService(context.Background(), in); err != nil {
			t.Fatal(err)
		}
		if got := bodyToken(t, srv.take()[0].Body, "clientToken"); got != "my-token" {
			t.Errorf("clientToken = %q, want my-token", got)
		}
	})
	t.Run("Cloud Map's CreatorRequestId is filled too", func(t *testing.T) {
		srv := newScript(t, reply{Status: 200, Body: []byte(`{"OperationId":"op-1"}`)})
		o := ourOptions(srv.URL)
		c := servicediscovery.New(o)
		in := &servicediscovery.CreatePrivateDnsNamespaceInput{Name: aws.String("example.local"), VPC: aws.String("vpc-0123456789abcdef0")}
		if _, err := c.CreatePrivateDnsNamespace(context.Background(), in); err != nil {
			t.Fatal(err)
		}
		if got := bodyToken(t, srv.take()[0].Body, "CreatorRequestId"); !uuidV4.MatchString(got) {
			t.Errorf("CreatorRequestId = %q, want a UUID v4", got)
		}
	})
}

func TestCancellationStopsRetries(t *testing.T) {
	srv := newScript(t, throttled("1"))
	ctx, cancel := context.WithCancel(context.Background())
	o := ourOptions(srv.URL)
	o.RetryMaxAttempts = 10
	slept := 0
	o.Sleep = func(ctx context.Context, d time.Duration) error {
		slept++
		cancel()
		return specrt.Sleep(ctx, time.Hour) // returns only because ctx is done
	}
	_, err := vpclattice.New(o).CreateService(ctx, validLatticeInput())
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if n := len(srv.take()); n != 1 || slept != 1 {
		t.Errorf("sent %d requests and slept %d times, want 1 and 1", n, slept)
	}
}

func TestValidationErrorsAreNotSent(t *testing.T) {
	srv := newScript(t, okLattice)
	var sl sleeps
	_, err := latticeClient(srv.URL, &sl).CreateService(context.Background(), &vpclattice.CreateServiceInput{Name: aws.String("-bad--name-")})
	var ve *specrt.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want a *specrt.ValidationError", err)
	}
	if n := len(srv.take()); n != 0 {
		t.Errorf("sent %d requests, want none", n)
	}
	if !strings.Contains(err.Error(), "operation error vpclattice: CreateService, ") || !strings.Contains(err.Error(), "name") {
		t.Errorf("message %q should name the operation and the member", err)
	}
}

func TestMalformedResponses(t *testing.T) {
	tests := []struct {
		name       string
		reply      reply
		wantStatus int
		wantSnip   string
		success    bool
	}{
		{"truncated JSON in a success", reply{Status: 201, Body: []byte(`{"id":"svc-01234`)}, 201, `{"id":"svc-01234`, true},
		{"wrong types in a success", reply{Status: 201, Body: []byte(`{"id":42,"dnsEntry":"nope"}`)}, 201, `{"id":42,"dnsEntry":"nope"}`, true},
		{"an HTML page from a proxy", reply{Status: 403, Header: map[string]string{"Content-Type": "text/html"}, Body: []byte("<!DOCTYPE html>\n<html><head><title>403 Forbidden</title></head>\n<body>Request blocked.</body></html>")}, 403, "<!DOCTYPE html> <html><head><title>403 Forbidden</title>", false},
		{"an empty 404", reply{Status: 404}, 404, "", false},
		{"truncated JSON in an error", reply{Status: 400, Body: []byte(`{"__type":"Valid`)}, 400, `{"__type":"Valid`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newScript(t, tt.reply)
			var sl sleeps
			_, err := latticeClient(srv.URL, &sl).CreateService(context.Background(), validLatticeInput())
			var re *specrt.ResponseError
			if !errors.As(err, &re) {
				t.Fatalf("err = %v (%T), want a *specrt.ResponseError", err, err)
			}
			if re.StatusCode != tt.wantStatus || re.Success != tt.success || !strings.HasPrefix(re.Snippet, tt.wantSnip) {
				t.Errorf("ResponseError = %+v, want status %d, success %v, snippet starting %q", re, tt.wantStatus, tt.success, tt.wantSnip)
			}
			if len(srv.take()) != 1 {
				t.Error("a malformed 4xx or 2xx response must not be retried")
			}
		})
	}
	t.Run("an empty 502 is retried, then reported with its status", func(t *testing.T) {
		srv := newScript(t, reply{Status: 502})
		var sl sleeps
		_, err := latticeClient(srv.URL, &sl).CreateService(context.Background(), validLatticeInput())
		var re *specrt.ResponseError
		if !errors.As(err, &re) || re.StatusCode != 502 || !strings.Contains(err.Error(), "HTTP 502 Bad Gateway, empty body") {
			t.Fatalf("err = %v, want a ResponseError for an empty 502", err)
		}
		if n := len(srv.take()); n != 3 {
			t.Errorf("sent %d requests, want 3", n)
		}
	})
}
