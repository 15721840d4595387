package specrt

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go"

	"github.com/specgen/specgen/specrt/protocol"
	"github.com/specgen/specgen/specrt/protocol/registry"
	"github.com/specgen/specgen/specrt/schema"
)

// HTTPDoer sends one HTTP request. *http.Client implements it; so can a test
// double or a client with middleware of its own.
type HTTPDoer interface {
	Do(*http.Request) (*http.Response, error)
}

// Options configures a generated client. Every generated package declares
// `type Options = specrt.Options`, so options written for one service work for
// all. The zero value of every field means its default.
type Options struct {
	// Region is the AWS Region the client signs for and, unless BaseEndpoint
	// is set, sends to (https://<endpointPrefix>.<Region>.amazonaws.com).
	Region string
	// BaseEndpoint, when set, replaces the default endpoint: a URL such as
	// "http://localhost:8080" for a mock server. A path in it is kept as a
	// prefix of every operation's path.
	BaseEndpoint string
	// HTTPClient sends the requests; nil means http.DefaultClient.
	HTTPClient HTTPDoer
	// Credentials sign requests with SigV4, for example those of
	// config.LoadDefaultConfig. nil (or aws.AnonymousCredentials) sends
	// requests unsigned. Providers that are not an *aws.CredentialsCache are
	// wrapped in one.
	Credentials aws.CredentialsProvider
	// RetryMaxAttempts is the number of attempts a call makes, the first
	// included: 0 means DefaultRetryMaxAttempts, 1 disables retries.
	RetryMaxAttempts int
	// RetryMaxBackoff caps the wait between attempts; 0 means
	// DefaultRetryMaxBackoff. A server's Retry-After longer than this ends the
	// call with the error instead of waiting.
	RetryMaxBackoff time.Duration
	// DisableValidation skips the client-side Validate of inputs, leaving the
	// service to reject what it does not accept.
	DisableValidation bool
	// DisableHostPrefix sends operations that have a host prefix
	// ("data-", "{Name}.") to the endpoint's host as it is, as the AWS SDK's
	// option of the same name does: for a fixed endpoint that serves every
	// operation, such as a proxy. The prefix is never applied to an IP
	// address or localhost (a local mock), with or without this option.
	DisableHostPrefix bool
	// IdempotencyTokens, when set, gives the value of each idempotency-token
	// member the caller left empty, instead of a random UUID: a test can
	// make requests that carry such a token reproducible.
	IdempotencyTokens func() string
	// DisableRequestCompression sends every request body uncompressed, even
	// for operations whose model lets clients gzip them.
	DisableRequestCompression bool
	// RequestMinCompressSizeBytes is the smallest body such an operation
	// sends gzipped; 0 means DefaultRequestMinCompressSizeBytes.
	RequestMinCompressSizeBytes int64
	// UserAgent is appended to the User-Agent header, to identify the
	// application in the service's logs.
	UserAgent string
	// MaxResponseBytes is the largest response body a call reads, counted
	// after the HTTP client decompresses it: a larger one fails the call
	// with a *ResponseTooLargeError. 0 means DefaultMaxResponseBytes; a
	// negative value means no limit.
	MaxResponseBytes int64

	// Sleep waits between attempts; it must return early with ctx.Err() when
	// ctx is done. nil means Sleep. Tests set it to record the backoff.
	Sleep func(ctx context.Context, d time.Duration) error
	// RetryJitter returns a random value in [0, 1) that scales the backoff
	// ("full jitter"); nil means math/rand/v2.Float64.
	RetryJitter func() float64
	// Clock returns the current time, used for signing and for Retry-After
	// dates; nil means time.Now.
	Clock func() time.Time
}

// DefaultMaxResponseBytes is the largest response body a call reads when
// Options.MaxResponseBytes is zero: 32 MiB. The JSON responses of AWS APIs
// are a few kilobytes, and pages of a list a few megabytes at most; the
// limit is there so that a broken or hostile endpoint (or a small gzip body
// that decompresses to gigabytes) cannot take the caller's memory.
const DefaultMaxResponseBytes = 32 << 20

// Service describes a service to the protocol code; each generated package
// declares one.
type Service struct {
	// Name is the Go package name, used in error messages.
	Name string
	// Protocol is the name of the wire protocol, as the model spells it; the
	// registry (package protocol/registry) resolves it.
	Protocol string
	// TargetPrefix is the X-Amz-Target prefix (targeted protocols).
	TargetPrefix string
	// SigningName is the SigV4 service name.
	SigningName string
	// EndpointPrefix is the host prefix of the default endpoint.
	EndpointPrefix string
	// APIVersion is the service's API version ("2010-03-31"), which the
	// query protocols send with every request.
	APIVersion string
	// XMLNamespace is the namespace of the service's XML bodies, for the
	// protocols that have them; "" for none.
	XMLNamespace string
	// QueryCompatible is set for a service that once spoke awsQuery: the
	// client sends x-amzn-query-mode: true, and takes an error's code and
	// fault from the x-amzn-query-error header when the response has one.
	QueryCompatible bool
	// NewError returns a new, empty typed error for a sanitized error code,
	// with its header-bound members already read from h; nil for a code the
	// service does not define. The client then decodes the body into it.
	NewError func(code string, h http.Header) APIError
	// WireShape describes the type of v, a pointer to a typed error that
	// NewError returned, to the protocol, which decodes the error's
	// members from the body with it; nil, or a nil answer, leaves them to
	// the protocol's fallback (encoding/json for the JSON protocols).
	WireShape func(v any) *schema.Shape
}

// Operation describes one operation to the protocol code; each generated
// package declares one per operation.
type Operation struct {
	// Name is the operation's wire name.
	Name string
	// Method and Path are the HTTP route (restJson1); awsJson operations use
	// POST /. Path may hold labels ({name}, greedy {name+}) and a literal
	// query string.
	Method, Path string
	// NoBody is set for an operation whose requests carry no body and no
	// Content-Type: under HTTP bindings, one whose input has no body
	// members; under rpcv2Cbor, one without a modeled input.
	NoBody bool
	// HostPrefix is prepended to the endpoint's host name ("data-",
	// "{Name}."); its labels are filled from BindRequest's HostLabel calls.
	HostPrefix string
	// Compress lets the client gzip request bodies of at least
	// Options.RequestMinCompressSizeBytes (the model's requestcompression).
	Compress bool
	// ContentMD5 makes the client send the MD5 of the request body, as
	// sent, in Content-MD5 (the model's httpChecksumRequired).
	ContentMD5 bool
	// BindRequest, for an input with members bound to the path, query
	// string, headers, host prefix or the whole body (restJson1; awsJson
	// binds host labels only), hands their values to b. in is the input.
	BindRequest func(in any, b *RequestBinding)
	// BindResponse, for an output with members bound to headers or to the
	// status, reads them from the response's status and h into out.
	BindResponse func(out any, status int, h http.Header)
	// Input and Output describe the input and output structures to the
	// protocol's body codec (protocol.Body), which encodes the input and
	// decodes a success body into the output; nil means encoding/json.
	Input, Output *schema.Shape
	// Decode, when set, decodes a success body into out instead: generated
	// clients set it for outputs whose body is a payload member, which a
	// structure payload decodes with body, the protocol's body codec.
	Decode func(body protocol.Body, data []byte, out any) error
	// Wrapper is the element an awsQuery response's members are wrapped
	// in, when it is not "<Name>Result".
	Wrapper string
}

// Client is the protocol engine behind a generated client: it validates,
// encodes, signs, sends, retries and decodes. Generated methods are one call
// to Invoke. A Client is safe for concurrent use.
type Client struct {
	svc   *Service
	proto protocol.Protocol // nil when svc.Protocol is unknown
	cfg   *config
}

// config is Options resolved: defaults filled in and the endpoint parsed.
type config struct {
	opts     Options
	endpoint *url.URL
	err      error // a configuration problem, reported by every call
	creds    aws.CredentialsProvider
	signer   *v4.Signer
	ua       []string
}

// NewClient returns a client for svc configured by o and then optFns.
func NewClient(svc *Service, o Options, optFns ...func(*Options)) *Client {
	for _, fn := range optFns {
		fn(&o)
	}
	proto, _ := registry.Lookup(svc.Protocol)
	return &Client{svc: svc, proto: proto, cfg: resolve(svc, o)}
}

// Options returns a copy of the options the client was created with, with
// defaults filled in.
func (c *Client) Options() Options { return c.cfg.opts }

func resolve(svc *Service, o Options) *config {
	if o.HTTPClient == nil {
		o.HTTPClient = http.DefaultClient
	}
	if o.RetryMaxAttempts <= 0 {
		o.RetryMaxAttempts = DefaultRetryMaxAttempts
	}
	if o.RetryMaxBackoff <= 0 {
		o.RetryMaxBackoff = DefaultRetryMaxBackoff
	}
	if o.Sleep == nil {
		o.Sleep = Sleep
	}
	if o.RetryJitter == nil {
		o.RetryJitter = defaultJitter
	}
	if o.Clock == nil {
		o.Clock = time.Now
	}
	if o.MaxResponseBytes == 0 {
		o.MaxResponseBytes = DefaultMaxResponseBytes
	}
	if o.RequestMinCompressSizeBytes <= 0 {
		o.RequestMinCompressSizeBytes = DefaultRequestMinCompressSizeBytes
	}
	// The cache replaces the provider in the stored options, so that a call
	// whose option functions re-resolve them keeps using the same cache.
	o.Credentials = cacheCredentials(o.Credentials)
	cfg := &config{opts: o, creds: o.Credentials, signer: v4.NewSigner()}
	ua := "specgen/1 " + svc.Name
	if o.UserAgent != "" {
		ua += " " + o.UserAgent
	}
	cfg.ua = []string{ua}
	cfg.endpoint, cfg.err = endpointURL(svc, o)
	if _, err := registry.Lookup(svc.Protocol); err != nil {
		cfg.err = fmt.Errorf("service %s: %w", svc.Name, err)
	}
	if cfg.err == nil && cfg.creds != nil && o.Region == "" {
		cfg.err = errors.New("a region is required to sign requests: set Options.Region")
	}
	return cfg
}

// endpointURL is BaseEndpoint parsed, or the default endpoint of o.Region.
func endpointURL(svc *Service, o Options) (*url.URL, error) {
	raw := o.BaseEndpoint
	if raw == "" {
		if o.Region == "" {
			return nil, errors.New("no endpoint: set Options.Region or Options.BaseEndpoint")
		}
		if !validRegion(o.Region) {
			return nil, fmt.Errorf("invalid region %q: want lower-case letters, digits and hyphens", o.Region)
		}
		suffix := ".amazonaws.com"
		if strings.HasPrefix(o.Region, "cn-") {
			suffix = ".amazonaws.com.cn"
		}
		raw = "https://" + svc.EndpointPrefix + "." + o.Region + suffix
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("invalid endpoint: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("invalid endpoint %q: want an http or https URL with a host", raw)
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""
	u.RawQuery, u.Fragment = "", ""
	return u, nil
}

// validRegion reports whether region can be put into a host name safely.
func validRegion(region string) bool {
	for _, r := range region {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return region != "" && region[0] != '-' && region[len(region)-1] != '-'
}

// OperationError is the error every failed call returns: it names the service
// and operation and wraps the cause, so errors.As finds the typed error
// (*vpclattice.ConflictException), a *ValidationError, a *GenericAPIError, a
// *ResponseError or a *TransportError, and errors.Is finds
// context.Canceled.
type OperationError struct {
	// Service is the Go package name of the service.
	Service string
	// Operation is the operation name.
	Operation string
	// Attempts is the number of requests sent; 0 when the input was rejected
	// before sending.
	Attempts int
	// Err is the cause.
	Err error
}

// Error renders "operation error vpclattice: CreateService, <details>", the
// shape of the AWS SDK for Go v2's messages.
func (e *OperationError) Error() string {
	var b strings.Builder
	b.WriteString("operation error ")
	b.WriteString(e.Service)
	b.WriteString(": ")
	b.WriteString(e.Operation)
	b.WriteString(", ")
	var api APIError
	if errors.As(e.Err, &api) {
		if md := api.ErrorMetadata(); md != nil && md.StatusCode != 0 {
			fmt.Fprintf(&b, "https response error StatusCode: %d, RequestID: %s, ", md.StatusCode, md.RequestID)
		}
	}
	b.WriteString(e.Err.Error())
	if e.Attempts > 1 {
		fmt.Fprintf(&b, " (after %d attempts)", e.Attempts)
	}
	return b.String()
}

// Unwrap returns the cause.
func (e *OperationError) Unwrap() error { return e.Err }

// GenericAPIError is an error response whose code the service's spec does not
// define (or that names no code at all: Code is then "UnknownError").
type GenericAPIError struct {
	// Code is the sanitized error code.
	Code string `json:"-"`
	// Message is the error message from the body.
	Message string `json:"message,omitempty"`
	// Fault is server for 5xx responses and client otherwise.
	Fault smithy.ErrorFault `json:"-"`
	// Metadata describes the response.
	Metadata ErrorMetadata `json:"-"`
}

// Error renders "Code: message".
func (e *GenericAPIError) Error() string { return FormatAPIError(e.Code, e.Message) }

// ErrorCode returns the error code.
func (e *GenericAPIError) ErrorCode() string { return e.Code }

// ErrorMessage returns the message.
func (e *GenericAPIError) ErrorMessage() string { return e.Message }

// ErrorFault returns whether the client or the server is at fault.
func (e *GenericAPIError) ErrorFault() smithy.ErrorFault { return e.Fault }

// HTTPStatusCode returns the status of the response.
func (e *GenericAPIError) HTTPStatusCode() int { return e.Metadata.StatusCode }

// ErrorMetadata returns the response metadata.
func (e *GenericAPIError) ErrorMetadata() *ErrorMetadata { return &e.Metadata }

// ResponseError is a response the client could not make sense of: an error
// status whose body names no error code and is not JSON (a proxy's HTML page,
// an empty 502), or a success whose body does not decode into the output.
type ResponseError struct {
	// StatusCode is the HTTP status.
	StatusCode int
	// RequestID is the response's request id, if any.
	RequestID string
	// ContentType is the response's Content-Type.
	ContentType string
	// Snippet is the start of the body, on one line.
	Snippet string
	// Success is true for a 2xx response whose body failed to decode.
	Success bool
	// Err is the decoding error, if there was one.
	Err error
}

// Error describes the response.
func (e *ResponseError) Error() string {
	var b strings.Builder
	if e.Success {
		b.WriteString("cannot decode response")
	} else {
		b.WriteString("error response with no error code")
	}
	fmt.Fprintf(&b, ": HTTP %d", e.StatusCode)
	if t := http.StatusText(e.StatusCode); t != "" {
		b.WriteString(" " + t)
	}
	if e.RequestID != "" {
		b.WriteString(", request id " + e.RequestID)
	}
	if e.ContentType != "" {
		b.WriteString(", content type " + e.ContentType)
	}
	if e.Snippet == "" {
		b.WriteString(", empty body")
	} else {
		fmt.Fprintf(&b, ", body %q", e.Snippet)
	}
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the decoding error.
func (e *ResponseError) Unwrap() error { return e.Err }

// HTTPStatusCode returns the status of the response.
func (e *ResponseError) HTTPStatusCode() int { return e.StatusCode }

// TransportError is a request that got no HTTP response: the connection
// failed, or the response body could not be read. It is retried.
type TransportError struct {
	Err error
}

// Error describes the failure.
func (e *TransportError) Error() string { return "send request: " + e.Err.Error() }

// Unwrap returns the cause.
func (e *TransportError) Unwrap() error { return e.Err }

// validator is implemented by every generated input.
type validator interface{ Validate() error }

// Invoke calls op with input in (a pointer to the generated input struct,
// already holding its idempotency tokens) and decodes a success into out (a
// pointer to the output struct). optFns adjust the client's options for this
// call only. Every error is an *OperationError.
func (c *Client) Invoke(ctx context.Context, op *Operation, in, out any, optFns ...func(*Options)) error {
	cfg := c.cfg
	if len(optFns) > 0 {
		o := cfg.opts
		for _, fn := range optFns {
			fn(&o)
		}
		cfg = resolve(c.svc, o)
	}
	attempts, err := c.invoke(ctx, cfg, op, in, out)
	if err != nil {
		return &OperationError{Service: c.svc.Name, Operation: op.Name, Attempts: attempts, Err: err}
	}
	return nil
}

func (c *Client) invoke(ctx context.Context, cfg *config, op *Operation, in, out any) (int, error) {
	if cfg.err != nil {
		return 0, cfg.err
	}
	if v, ok := in.(validator); ok && !cfg.opts.DisableValidation {
		if err := v.Validate(); err != nil {
			return 0, err
		}
	}
	rt, err := c.route(cfg, op, in)
	if err != nil {
		return 0, err
	}
	o := &cfg.opts
	var last error
	for attempt := 1; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return attempt - 1, attemptErr(err, last)
		}
		var retryAfter time.Duration
		var haveRetryAfter bool
		retryAfter, haveRetryAfter, last = c.attempt(ctx, cfg, op, rt, out)
		if last == nil {
			return attempt, nil
		}
		if ctx.Err() != nil || attempt >= o.RetryMaxAttempts || !IsRetryable(last) {
			return attempt, last
		}
		d, ok := retryDelay(attempt, o, retryAfter, haveRetryAfter)
		if !ok {
			return attempt, last
		}
		if err := o.Sleep(ctx, d); err != nil {
			return attempt, attemptErr(err, last)
		}
	}
}

// attemptErr is the error of a call whose context ended between attempts:
// the context's error, which callers test with errors.Is, noting the last
// attempt's failure.
func attemptErr(ctxErr, last error) error {
	if last == nil {
		return ctxErr
	}
	return fmt.Errorf("%w (last attempt: %v)", ctxErr, last)
}

// bufPool recycles response-body buffers across calls.
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// attempt sends one request and decodes its response. It also returns the
// response's Retry-After, for the retry loop.
func (c *Client) attempt(ctx context.Context, cfg *config, op *Operation, rt *route, out any) (retryAfter time.Duration, haveRetryAfter bool, err error) {
	req, err := rt.newRequest(ctx)
	if err != nil {
		return 0, false, err
	}
	if err := signRequest(ctx, cfg.signer, req, cfg.creds, rt.payloadHash, c.svc.SigningName, cfg.opts.Region, cfg.opts.Clock()); err != nil {
		return 0, false, err
	}
	resp, err := cfg.opts.HTTPClient.Do(req)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return 0, false, ctxErr
		}
		return 0, false, &TransportError{Err: err}
	}
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer func() {
		if buf.Cap() <= 1<<20 {
			bufPool.Put(buf)
		}
	}()
	rerr := readLimited(buf, resp, cfg.opts.MaxResponseBytes)
	resp.Body.Close()
	if rerr != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return 0, false, ctxErr
		}
		if errors.Is(rerr, errTooLarge) {
			return 0, false, &ResponseTooLargeError{StatusCode: resp.StatusCode, RequestID: RequestID(resp.Header), Limit: cfg.opts.MaxResponseBytes}
		}
		return 0, false, &TransportError{Err: fmt.Errorf("read response body: %w", rerr)}
	}
	data := buf.Bytes()
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		if err := decodeSuccess(c.proto, &rt.msg, resp, data, out, op); err != nil {
			return 0, false, err
		}
		if op.BindResponse != nil && out != nil {
			op.BindResponse(out, resp.StatusCode, resp.Header)
		}
		return 0, false, nil
	}
	retryAfter, haveRetryAfter = ParseRetryAfter(resp.Header, cfg.opts.Clock())
	return retryAfter, haveRetryAfter, c.decodeError(resp, data)
}

var errTooLarge = errors.New("response body too large")

// readLimited reads resp's body into buf, failing with errTooLarge as soon
// as it is known to exceed limit bytes (limit < 0: no limit). A declared
// Content-Length over the limit fails before anything is read; otherwise
// the body is read to one byte past the limit, so a decompressed body
// (whose length nobody declared) is stopped there too.
func readLimited(buf *bytes.Buffer, resp *http.Response, limit int64) error {
	if limit < 0 {
		_, err := buf.ReadFrom(resp.Body)
		return err
	}
	if resp.ContentLength > limit {
		return errTooLarge
	}
	n, err := buf.ReadFrom(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return err
	}
	if n > limit {
		return errTooLarge
	}
	return nil
}

// route is what every attempt of one call sends: worked out once per call.
type route struct {
	msg         protocol.Message // what the protocol's bodies say of the call
	method      string
	url         url.URL
	header      http.Header // fixed and bound headers, shared by attempts
	body        []byte      // nil: no body
	payloadHash string      // empty when requests are not signed
}

// route encodes the input and works out the request line and headers.
func (c *Client) route(cfg *config, op *Operation, in any) (*route, error) {
	rt := &route{url: *cfg.endpoint}
	rt.msg = protocol.Message{Operation: op.Name, Version: c.svc.APIVersion, Namespace: c.svc.XMLNamespace, Wrapper: op.Wrapper}
	var path string
	rt.method, path = c.proto.RequestLine(c.svc.TargetPrefix, protocol.Route{Name: op.Name, Method: op.Method, Path: op.Path})
	var b RequestBinding
	if op.BindRequest != nil {
		op.BindRequest(in, &b)
	}
	if op.HostPrefix != "" && !cfg.opts.DisableHostPrefix && prefixesHost(rt.url.Host) {
		host, err := b.expandHost(op.HostPrefix, rt.url.Host)
		if err != nil {
			return nil, err
		}
		rt.url.Host = host
	}
	tmpl, query, _ := strings.Cut(path, "?")
	p, raw, err := b.ExpandPath(tmpl)
	if err != nil {
		return nil, err
	}
	// The raw path is kept even when it equals the path: net/http would
	// otherwise escape the sub-delimiters of a literal segment ("(a+)+"),
	// which RFC 3986 allows in a path as they are.
	rt.url.RawPath = rt.url.EscapedPath() + raw
	rt.url.Path += p
	rt.url.RawQuery = b.encodeQuery(query)

	if err := b.checkHeaders(); err != nil {
		return nil, err
	}
	h := make(http.Header, 4+len(b.header))
	for k, v := range b.header {
		h[k] = v
	}
	switch {
	case b.payloadSet:
		rt.body = b.payload
		if b.payloadV != nil {
			if b.payloadShape != nil {
				rt.body, err = c.proto.Body().Marshal(b.payloadShape, b.payloadV)
			} else {
				rt.body, err = json.Marshal(b.payloadV)
			}
			if err != nil {
				return nil, fmt.Errorf("encode input payload: %w", err)
			}
		}
		// A member bound to Content-Type names the payload's media type.
		if _, bound := h[HeaderContentType]; rt.body != nil && !bound {
			h[HeaderContentType] = []string{b.payloadCT}
		}
	case !op.NoBody || c.proto.Identity().AlwaysSendsBody:
		if rt.body, err = c.proto.EncodeRequest(&rt.msg, op.Input, in); err != nil {
			return nil, fmt.Errorf("encode input: %w", err)
		}
		c.proto.SetRequestHeaders(h, c.svc.TargetPrefix, op.Name)
	default:
		// No body: the protocol's own headers still go (rpcv2Cbor's
		// smithy-protocol and Accept), but not its body's content type.
		ct, bound := h[HeaderContentType]
		c.proto.SetRequestHeaders(h, c.svc.TargetPrefix, op.Name)
		if delete(h, HeaderContentType); bound {
			h[HeaderContentType] = ct
		}
	}
	if op.Compress && !cfg.opts.DisableRequestCompression && int64(len(rt.body)) >= cfg.opts.RequestMinCompressSizeBytes {
		if rt.body, err = gzipBody(rt.body); err != nil {
			return nil, fmt.Errorf("compress input: %w", err)
		}
		// After any encoding a member of the input named (restJson1).
		h[HeaderContentEncoding] = []string{strings.Join(append(h.Values(HeaderContentEncoding), "gzip"), ", ")}
	}
	if op.ContentMD5 {
		h[HeaderContentMD5] = []string{contentMD5(rt.body)}
	}
	if c.svc.QueryCompatible {
		h[HeaderQueryMode] = queryMode
	}
	h["User-Agent"] = cfg.ua
	rt.header = h
	if cfg.creds != nil {
		rt.payloadHash = PayloadHash(rt.body)
	}
	return rt, nil
}

// newRequest builds the HTTP request of one attempt. The body is a fresh
// reader over the same bytes each time (GetBody lets the transport rewind it
// on redirects and HTTP/2 retries), and the headers a fresh copy, since
// signing adds to them.
func (rt *route) newRequest(ctx context.Context) (*http.Request, error) {
	var body io.Reader = http.NoBody
	if rt.body != nil {
		body = bytes.NewReader(rt.body)
	}
	req, err := http.NewRequestWithContext(ctx, rt.method, "", body)
	if err != nil {
		return nil, err
	}
	u := rt.url
	req.URL = &u
	req.Host = u.Host
	h := make(http.Header, len(rt.header)+4)
	for k, v := range rt.header {
		h[k] = v
	}
	req.Header = h
	return req, nil
}

// decodeSuccess decodes a 2xx body into out with op's decoder, or through
// the protocol with op's output shape. An empty body leaves out zero;
// fields the output does not know are ignored.
func decodeSuccess(p protocol.Protocol, m *protocol.Message, resp *http.Response, data []byte, out any, op *Operation) error {
	if len(bytes.TrimSpace(data)) == 0 || out == nil {
		return nil
	}
	var err error
	switch {
	case op.Decode != nil:
		err = op.Decode(p.Body(), data, out)
	default:
		err = p.DecodeResponse(m, data, op.Output, out)
	}
	if err != nil {
		return &ResponseError{
			StatusCode:  resp.StatusCode,
			RequestID:   RequestID(resp.Header),
			ContentType: resp.Header.Get(HeaderContentType),
			Snippet:     Snippet(data),
			Success:     true,
			Err:         err,
		}
	}
	return nil
}

// queryMode is HeaderQueryMode's value.
var queryMode = []string{"true"}

// decodeError turns an error response into the service's typed error, a
// *GenericAPIError or a *ResponseError. The x-amzn-query-error header of
// an awsQuery-compatible service sets the error's code: a typed error's
// ErrorCode returns it, and a *GenericAPIError takes its code and fault.
func (c *Client) decodeError(resp *http.Response, data []byte) error {
	info := c.proto.ReadError(resp.Header, data)
	md := ErrorMetadata{StatusCode: resp.StatusCode, RequestID: RequestID(resp.Header)}
	if md.RequestID == "" {
		md.RequestID = info.RequestID
	}
	queryFault := smithy.FaultUnknown
	if c.svc.QueryCompatible {
		md.QueryCode, queryFault, _ = ParseQueryError(resp.Header.Get(HeaderQueryError))
	}
	if info.Code == "" && !info.Members && md.QueryCode == "" {
		return &ResponseError{
			StatusCode:  resp.StatusCode,
			RequestID:   md.RequestID,
			ContentType: resp.Header.Get(HeaderContentType),
			Snippet:     Snippet(data),
		}
	}
	var apiErr APIError
	if info.Code != "" && c.svc.NewError != nil {
		apiErr = c.svc.NewError(info.Code, resp.Header)
	}
	if apiErr == nil {
		code := info.Code
		if code == "" {
			code = "UnknownError"
		}
		fault := smithy.FaultClient
		if resp.StatusCode >= 500 {
			fault = smithy.FaultServer
		}
		if md.QueryCode != "" {
			code, fault = md.QueryCode, queryFault
		}
		apiErr = &GenericAPIError{Code: code, Message: info.Message, Fault: fault}
	} else if info.Members {
		// A member of the wrong type is dropped rather than failing the
		// whole error: the code, which decides what the caller does, is
		// known, and the codecs keep decoding past a type mismatch.
		var s *schema.Shape
		if c.svc.WireShape != nil {
			s = c.svc.WireShape(apiErr)
		}
		_ = c.proto.DecodeError(data, s, apiErr)
	}
	if m := apiErr.ErrorMetadata(); m != nil {
		*m = md
	}
	return apiErr
}
