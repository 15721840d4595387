package conformance

import (
	"bytes"
	"context"
	"crypto/md5"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/generator"
	"github.com/specgen/specgen/generator/model"
	"github.com/specgen/specgen/internal/conformance/gen/ec2protocol"
	"github.com/specgen/specgen/internal/conformance/gen/ec2protocol/ec2protocolmock"
	"github.com/specgen/specgen/internal/conformance/gen/jsonprotocol"
	"github.com/specgen/specgen/internal/conformance/gen/jsonprotocol/jsonprotocolmock"
	"github.com/specgen/specgen/internal/conformance/gen/jsonrpc10"
	"github.com/specgen/specgen/internal/conformance/gen/jsonrpc10/jsonrpc10mock"
	"github.com/specgen/specgen/internal/conformance/gen/nonquerycompatiblerpcv2protocol"
	"github.com/specgen/specgen/internal/conformance/gen/nonquerycompatiblerpcv2protocol/nonquerycompatiblerpcv2protocolmock"
	"github.com/specgen/specgen/internal/conformance/gen/querycompatiblejsonrpc10"
	"github.com/specgen/specgen/internal/conformance/gen/querycompatiblejsonrpc10/querycompatiblejsonrpc10mock"
	"github.com/specgen/specgen/internal/conformance/gen/querycompatiblerpcv2protocol"
	"github.com/specgen/specgen/internal/conformance/gen/querycompatiblerpcv2protocol/querycompatiblerpcv2protocolmock"
	"github.com/specgen/specgen/internal/conformance/gen/queryprotocol"
	"github.com/specgen/specgen/internal/conformance/gen/queryprotocol/queryprotocolmock"
	"github.com/specgen/specgen/internal/conformance/gen/restjson"
	"github.com/specgen/specgen/internal/conformance/gen/restjson/restjsonmock"
	"github.com/specgen/specgen/internal/conformance/gen/restxml"
	"github.com/specgen/specgen/internal/conformance/gen/restxml/restxmlmock"
	"github.com/specgen/specgen/internal/conformance/gen/rpcv2protocol"
	"github.com/specgen/specgen/internal/conformance/gen/rpcv2protocol/rpcv2protocolmock"
	"github.com/specgen/specgen/internal/conformance/suite"
	"github.com/specgen/specgen/specrt"
	"github.com/specgen/specgen/specrt/protocol/ident"
	"github.com/specgen/specgen/specrt/protocol/registry"
)

var report = flag.String("conformance.report", "", "write the table of results to this file")

// generated are the generated packages, by package name: the client's
// constructor and the mock's.
var generated = map[string]struct {
	client func(specrt.Options) any
	mock   func() http.Handler
}{
	"jsonrpc10":                       {func(o specrt.Options) any { return jsonrpc10.New(o) }, func() http.Handler { return jsonrpc10mock.New() }},
	"jsonprotocol":                    {func(o specrt.Options) any { return jsonprotocol.New(o) }, func() http.Handler { return jsonprotocolmock.New() }},
	"restjson":                        {func(o specrt.Options) any { return restjson.New(o) }, func() http.Handler { return restjsonmock.New() }},
	"queryprotocol":                   {func(o specrt.Options) any { return queryprotocol.New(o) }, func() http.Handler { return queryprotocolmock.New() }},
	"ec2protocol":                     {func(o specrt.Options) any { return ec2protocol.New(o) }, func() http.Handler { return ec2protocolmock.New() }},
	"restxml":                         {func(o specrt.Options) any { return restxml.New(o) }, func() http.Handler { return restxmlmock.New() }},
	"rpcv2protocol":                   {func(o specrt.Options) any { return rpcv2protocol.New(o) }, func() http.Handler { return rpcv2protocolmock.New() }},
	"querycompatiblejsonrpc10":        {func(o specrt.Options) any { return querycompatiblejsonrpc10.New(o) }, func() http.Handler { return querycompatiblejsonrpc10mock.New() }},
	"querycompatiblerpcv2protocol":    {func(o specrt.Options) any { return querycompatiblerpcv2protocol.New(o) }, func() http.Handler { return querycompatiblerpcv2protocolmock.New() }},
	"nonquerycompatiblerpcv2protocol": {func(o specrt.Options) any { return nonquerycompatiblerpcv2protocol.New(o) }, func() http.Handler { return nonquerycompatiblerpcv2protocolmock.New() }},
}

// The four ways a case is run: an input case by the client (params to a
// request) and by the mock (request to params); an output case by the
// client (response to result) and by the mock (result, answered by a
// handler, read back by the client).
const (
	clientInput  = "client/input"
	mockInput    = "mock/input"
	clientOutput = "client/output"
	mockOutput   = "mock/output"
)

var ways = []string{clientInput, clientOutput, mockInput, mockOutput}

type outcome int

const (
	passed outcome = iota
	failed
	skipped
	notApplies // the case is not meant for this side (appliesTo in Smithy)
	pending    // skipped: the protocol has no implementation in the run time yet
	outcomes   // the number of outcomes
)

// results counts outcomes by suite file and way, for the table.
type results struct {
	mu     sync.Mutex
	counts map[string]map[string][outcomes]int
}

func (r *results) add(file, way string, o outcome) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.counts[file] == nil {
		r.counts[file] = map[string][outcomes]int{}
	}
	c := r.counts[file][way]
	c[o]++
	r.counts[file][way] = c
}

func (r *results) table() string {
	var b strings.Builder
	var total [outcomes]int
	width := len("suite")
	for _, p := range suite.Protocols {
		width = max(width, len(p.File))
	}
	fmt.Fprintf(&b, "%-*s %-14s %7s %7s %7s %7s\n", width, "suite", "side", "passed", "failed", "skipped", "n/a")
	for _, p := range suite.Protocols {
		for _, w := range ways {
			c := r.counts[p.File][w]
			fmt.Fprintf(&b, "%-*s %-14s %7d %7d %7d %7d\n", width, p.File, w, c[passed], c[failed], c[skipped]+c[pending], c[notApplies])
			for i := range total {
				total[i] += c[i]
			}
		}
	}
	// The last line keeps the form the issue gives it; cases that Smithy
	// applies to clients only, and the skipped ones whose protocol is not
	// implemented yet, are counted on the lines before.
	fmt.Fprintf(&b, "not applicable (Smithy's appliesTo: client, mock side): %d\n", total[notApplies])
	fmt.Fprintf(&b, "skipped as implementation pending (no protocol in the run time's registry): %d\n", total[pending])
	fmt.Fprintf(&b, "conformance: %d passed, %d failed, %d skipped\n",
		total[passed], total[failed], total[skipped]+total[pending])
	return b.String()
}

// TestConformance runs every case of the suites, client side and mock
// side, through the generated packages; a case in the skip list is skipped
// with its reason, and one that passes there fails the test, so that the
// list only shrinks. The cases of a protocol the run time does not
// implement yet are skipped as pending.
func TestConformance(t *testing.T) {
	services := loadServices(t)
	res := &results{counts: map[string]map[string][outcomes]int{}}
	for _, p := range suite.Protocols {
		s, err := suite.Load("testdata/suites", p)
		if err != nil {
			t.Fatal(err)
		}
		why := pendingReason(p)
		svc := services[p.Package]
		if why == "" {
			if svc == nil {
				t.Fatalf("no spec for package %s", p.Package)
			}
			if _, ok := generated[p.Package]; !ok {
				t.Fatalf("package %s is not in generated", p.Package)
			}
		}
		for _, way := range ways {
			groups := s.Input
			if way == clientOutput || way == mockOutput {
				groups = s.Output
			}
			for _, g := range groups {
				for _, c := range g.Cases {
					name := p.File + "/" + way + "/" + c.ID
					t.Run(name, func(t *testing.T) {
						record := func(o outcome) { res.add(p.File, way, o) }
						if why != "" {
							record(pending)
							t.Skip(why)
						}
						runCase(t, p, svc, way, c, record)
					})
				}
			}
		}
	}
	table := res.table()
	if *report != "" {
		if err := os.WriteFile(*report, []byte(table), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("\n%s", table)
}

// runCase runs one case and records its outcome; a failing case fails t.
func runCase(t *testing.T, p suite.Protocol, svc *model.Service, way string, c *suite.Case, record func(outcome)) {
	key := p.File + "/" + way + "/" + c.ID
	if why, ok := notApplicable[key]; ok {
		record(notApplies)
		t.Skip("not applicable: Smithy gives the case appliesTo: client; " + why)
	}
	reason, listed := skips[key]
	if why := c.Unsupported(p); why != "" && !listed {
		reason, listed = "specgen check refuses the operation: "+why, true
	}
	op := operation(svc, c.Operation)
	var problems []string
	if op == nil {
		problems = []string{fmt.Sprintf("the generated package has no operation %s", c.Operation)}
	} else {
		switch way {
		case clientInput:
			problems = runClientInput(p, svc, op, c)
		case mockInput:
			problems = runMockInput(p, svc, op, c)
		case clientOutput:
			problems = runClientOutput(p, op, c)
		case mockOutput:
			problems = runMockOutput(p, op, c)
		}
	}
	switch {
	case listed && len(problems) == 0:
		record(failed)
		t.Errorf("%s passes: take it off the skip list (%s)", key, reason)
	case listed:
		record(skipped)
		t.Skip(reason)
	case len(problems) > 0:
		record(failed)
		t.Errorf("%s (%s):\n%s", key, c.Description, strings.Join(problems, "\n"))
	default:
		record(passed)
	}
}

// pendingReason says why a suite's cases are not run, when its protocol has
// no implementation in the run time yet, or returns "". The generated mock
// of such a protocol panics when it is made, and its client refuses every
// call: there is nothing to test until the implementation lands, which
// turns the suite's cases into passes, failures or listed skips.
func pendingReason(p suite.Protocol) string {
	_, err := registry.Lookup(p.Name)
	if err != nil && strings.Contains(err.Error(), "has no implementation") {
		return "implementation pending: " + err.Error()
	}
	return ""
}

// sendsTarget reports whether a suite's protocol names operations in an
// X-Amz-Target header (the awsJson protocols).
func sendsTarget(p suite.Protocol) bool {
	return p.Name == "awsJson1_0" || p.Name == "awsJson1_1"
}

func loadServices(t testing.TB) map[string]*model.Service {
	t.Helper()
	files, err := generator.SpecFiles("specs")
	if err != nil {
		t.Fatal(err)
	}
	svcs, _, err := generator.Load(files)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*model.Service{}
	for _, s := range svcs {
		out[s.Package] = s
	}
	return out
}

func operation(svc *model.Service, name string) *model.Operation {
	for _, op := range svc.Operations {
		if op.Name == name {
			return op
		}
	}
	return nil
}

// call calls the client's method for op with in and returns its output
// and error.
func call(client any, op *model.Operation, in reflect.Value) (reflect.Value, error) {
	m := reflect.ValueOf(client).MethodByName(op.Name)
	out := m.Call([]reflect.Value{reflect.ValueOf(context.Background()), in})
	err, _ := out[1].Interface().(error)
	return out[0], err
}

// newInput returns a new *<Op>Input filled from the case's tree.
func newInput(client any, op *model.Operation, raw json.RawMessage) (reflect.Value, error) {
	m := reflect.ValueOf(client).MethodByName(op.Name)
	in := reflect.New(m.Type().In(1).Elem())
	params, err := decodeTree(raw)
	if err != nil {
		return in, err
	}
	return in, set(in.Elem(), op.Input, params)
}

// doer answers every request with one canned response (resp, whose body
// is respBody) and keeps the request, its body read.
type doer struct {
	resp     *suite.Response
	respBody []byte
	req      *http.Request
	body     []byte
}

// responder returns a doer that answers with the case's response.
func responder(p suite.Protocol, c *suite.Case) (*doer, error) {
	body, err := p.Body(c.Response.Body)
	if err != nil {
		return nil, err
	}
	return &doer{resp: c.Response, respBody: body}, nil
}

func (d *doer) Do(r *http.Request) (*http.Response, error) {
	d.req = r
	if r.Body != nil {
		d.body, _ = io.ReadAll(r.Body)
		r.Body.Close()
	}
	status, body, hdr := 200, []byte("{}"), http.Header{}
	if d.resp != nil {
		status, body = d.resp.StatusCode, d.respBody
		for k, v := range d.resp.Headers {
			hdr.Set(k, v)
		}
	}
	return &http.Response{
		StatusCode: status, Status: http.StatusText(status), Header: hdr, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Body: io.NopCloser(bytes.NewReader(body)), ContentLength: int64(len(body)), Request: r,
	}, nil
}

func options(endpoint string, d specrt.HTTPDoer) specrt.Options {
	if endpoint == "" {
		endpoint = "https://example.com"
	}
	return specrt.Options{
		Region: "us-east-1", BaseEndpoint: endpoint, HTTPClient: d,
		RetryMaxAttempts: 1, DisableValidation: true,
		// The suites' cases expect the token their SDKs' test harnesses
		// inject.
		IdempotencyTokens: func() string { return "00000000-0000-4000-8000-000000000000" },
	}
}

func runClientInput(p suite.Protocol, svc *model.Service, op *model.Operation, c *suite.Case) []string {
	d := &doer{}
	client := generated[p.Package].client(options(c.Group.ClientEndpoint, d))
	in, err := newInput(client, op, c.Params)
	if err != nil {
		return []string{"params: " + err.Error()}
	}
	if _, err := call(client, op, in); d.req == nil {
		return []string{fmt.Sprintf("no request was sent: %v", err)}
	}
	return compareRequest(p, c.Serialized, d.req, d.body)
}

// compareRequest compares a request with the one the case expects.
func compareRequest(p suite.Protocol, want *suite.Request, got *http.Request, body []byte) []string {
	var problems []string
	if want.Method != got.Method {
		problems = append(problems, fmt.Sprintf("method: want %s, got %s", want.Method, got.Method))
	}
	wantPath, wantQuery, _ := strings.Cut(want.URI, "?")
	if a, b := normEscapes(wantPath), normEscapes(got.URL.EscapedPath()); a != b {
		problems = append(problems, fmt.Sprintf("path: want %s, got %s", a, b))
	}
	if d := cmp.Diff(queryPairs(wantQuery), queryPairs(got.URL.RawQuery)); d != "" {
		problems = append(problems, "query (-want +got):\n"+d)
	}
	// A host with a path names the endpoint's base path too.
	if want.Host != "" && !strings.HasPrefix(got.URL.Host+got.URL.Path, want.Host) {
		problems = append(problems, fmt.Sprintf("host: want %s, got %s", want.Host, got.URL.Host))
	}
	for _, k := range sortedStrings(want.Headers) {
		if strings.EqualFold(k, "Content-MD5") {
			problems = append(problems, compareMD5(got, body)...)
			continue
		}
		if v, ok := header(got, k); !ok || v != want.Headers[k] {
			problems = append(problems, fmt.Sprintf("header %s: want %q, got %q", k, want.Headers[k], v))
		}
	}
	for _, k := range want.RequireHeaders {
		if _, ok := header(got, k); !ok {
			problems = append(problems, fmt.Sprintf("header %s: required, not sent", k))
		}
	}
	for _, k := range want.ForbidHeaders {
		if v, ok := header(got, k); ok {
			problems = append(problems, fmt.Sprintf("header %s: forbidden, sent %q", k, v))
		}
	}
	if want.Body != nil {
		wantBody, err := p.Body(want.Body)
		if err != nil {
			return append(problems, err.Error())
		}
		problems = append(problems, compareBody(wantBody, body, contentType(p, want.Headers))...)
	}
	return problems
}

// contentType is the media type a case's headers name, or else the
// protocol's: a few cases leave the header out of what they check.
func contentType(p suite.Protocol, h map[string]string) string {
	for k, v := range h {
		if strings.EqualFold(k, "Content-Type") {
			return v
		}
	}
	if id, err := ident.Lookup(p.Name); err == nil {
		return id.ContentType
	}
	return ""
}

// compareMD5 checks a request's Content-MD5 against the body it carries.
// A case's MD5 is of its own rendering of the body (RestJsonHttpChecksumRequired
// pretty-prints it), which compareBody compares as JSON: the header is
// right when it is the MD5 of the body sent, whatever its spacing.
func compareMD5(got *http.Request, body []byte) []string {
	sum := md5.Sum(body)
	want := base64.StdEncoding.EncodeToString(sum[:])
	if v, ok := header(got, "Content-MD5"); !ok || v != want {
		return []string{fmt.Sprintf("header Content-MD5: want %q (the MD5 of the body sent), got %q", want, v)}
	}
	return nil
}

func header(r *http.Request, k string) (string, bool) {
	if strings.EqualFold(k, "Host") {
		return r.URL.Host, true
	}
	if strings.EqualFold(k, "Content-Length") && r.ContentLength > 0 {
		// net/http keeps it out of Header and sends it from here.
		return strconv.FormatInt(r.ContentLength, 10), true
	}
	vs, ok := r.Header[http.CanonicalHeaderKey(k)]
	return strings.Join(vs, ", "), ok
}

var escape = regexp.MustCompile(`%[0-9a-fA-F]{2}`)

func normEscapes(s string) string {
	return escape.ReplaceAllStringFunc(s, strings.ToUpper)
}

// queryPairs lists a query string's parameters, decoded, as a sorted
// multiset.
func queryPairs(q string) []string {
	var out []string
	for _, kv := range strings.Split(q, "&") {
		if kv == "" {
			continue
		}
		k, v, _ := strings.Cut(kv, "=")
		k, _ = url.QueryUnescape(k)
		v, _ = url.QueryUnescape(v)
		out = append(out, k+"="+v)
	}
	sort.Strings(out)
	return out
}

func sortedStrings(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func runClientOutput(p suite.Protocol, op *model.Operation, c *suite.Case) []string {
	d, err := responder(p, c)
	if err != nil {
		return []string{err.Error()}
	}
	client := generated[p.Package].client(options("", d))
	in := reflect.New(reflect.ValueOf(client).MethodByName(op.Name).Type().In(1).Elem())
	out, err := call(client, op, in)
	return compareOutcome(op, c, out, err)
}

// compareOutcome compares what a call returned with the case's result or
// error.
func compareOutcome(op *model.Operation, c *suite.Case, out reflect.Value, err error) []string {
	if c.ErrorCode != "" {
		if err == nil {
			return []string{fmt.Sprintf("want error %s, got none", c.ErrorCode)}
		}
		sh := errorShape(op, c.ErrorCode)
		if sh == nil {
			return []string{fmt.Sprintf("operation %s lists no error %s", op.Name, c.ErrorCode)}
		}
		ev := findError(err, sh.GoName)
		if !ev.IsValid() {
			return []string{fmt.Sprintf("want a *%s, got %T: %v", sh.GoName, err, err)}
		}
		want, werr := decodeTree(c.Error)
		if werr != nil {
			return []string{werr.Error()}
		}
		if d := cmp.Diff(canon(want, sh), tree(ev, sh)); d != "" {
			return []string{"error members (-want +got):\n" + d}
		}
		return nil
	}
	if err != nil {
		return []string{fmt.Sprintf("want a result, got error %v", err)}
	}
	want, werr := decodeTree(c.Result)
	if werr != nil {
		return []string{werr.Error()}
	}
	if d := cmp.Diff(canon(want, op.Output), tree(out, op.Output)); d != "" {
		return []string{"result (-want +got):\n" + d}
	}
	return nil
}

func errorShape(op *model.Operation, code string) *model.Shape {
	for _, e := range op.Errors {
		// An awsQuery-compatible service's case names the error by the
		// code its query protocol answers with.
		if e.Name == code || e.Error != nil && (e.Error.Code == code || e.Error.QueryCode == code) {
			return e
		}
	}
	return nil
}

// findError walks err's chain for a value of the generated type goName.
func findError(err error, goName string) reflect.Value {
	for err != nil {
		v := reflect.ValueOf(err)
		if v.Kind() == reflect.Pointer && v.Type().Elem().Name() == goName {
			return v
		}
		err = errors.Unwrap(err)
	}
	return reflect.Value{}
}

// handlerDoer sends requests to a handler in process.
type handlerDoer struct{ h http.Handler }

func (d handlerDoer) Do(r *http.Request) (*http.Response, error) {
	rec := httptest.NewRecorder()
	d.h.ServeHTTP(rec, r)
	return rec.Result(), nil
}

// recordingDoer sends requests to a handler in process and keeps the
// headers of the last response.
type recordingDoer struct {
	h      http.Handler
	header http.Header
}

func (d *recordingDoer) Do(r *http.Request) (*http.Response, error) {
	rec := httptest.NewRecorder()
	d.h.ServeHTTP(rec, r)
	d.header = rec.Header().Clone()
	return rec.Result(), nil
}

// significantHeaders are the response headers a mock must send as the
// case's response does, because a client reads the outcome from them
// rather than from the body: an awsQuery-compatible service's error code
// and fault; and rpcv2Cbor's Smithy-Protocol, which every response of
// that protocol carries. Other headers of an error case's response are one
// of several ways to say what the body says too (X-Amzn-ErrorType or
// __type), of which the mock picks one.
var significantHeaders = []string{"X-Amzn-Query-Error", "Smithy-Protocol"}

// compareSignificantHeaders checks that the mock's response carries the
// significant headers of the case's response, with their values.
func compareSignificantHeaders(want map[string]string, got http.Header) []string {
	var problems []string
	for k, v := range want {
		for _, h := range significantHeaders {
			if strings.EqualFold(k, h) && got.Get(h) != v {
				problems = append(problems, fmt.Sprintf("response header %s: want %q, got %q", h, v, got.Get(h)))
			}
		}
	}
	return problems
}

// hook sets the mock's Handle<Op> to fn, which sees the decoded input and
// returns an output value (a *<Op>Output, or nil for an empty one) or an
// error.
func hook(mock http.Handler, op *model.Operation, fn func(in reflect.Value) (reflect.Value, error)) {
	m := reflect.ValueOf(mock).MethodByName("Handle" + op.Name)
	ft := m.Type().In(0)
	m.Call([]reflect.Value{reflect.MakeFunc(ft, func(args []reflect.Value) []reflect.Value {
		out, err := fn(args[1])
		if !out.IsValid() {
			out = reflect.New(ft.Out(0).Elem())
		}
		errv := reflect.Zero(ft.Out(1))
		if err != nil {
			errv = reflect.ValueOf(err)
		}
		return []reflect.Value{out, errv}
	})})
}

func runMockInput(p suite.Protocol, svc *model.Service, op *model.Operation, c *suite.Case) []string {
	mock := generated[p.Package].mock()
	var got reflect.Value
	hook(mock, op, func(in reflect.Value) (reflect.Value, error) {
		got = in
		return reflect.Value{}, nil
	})
	r := c.Serialized
	target := "https://example.com" + r.URI
	body, err := p.Body(r.Body)
	if err != nil {
		return []string{err.Error()}
	}
	req := httptest.NewRequest(r.Method, target, bytes.NewReader(body))
	for k, v := range r.Headers {
		req.Header.Set(k, v)
	}
	var handler http.Handler = mock
	if r.Host != "" {
		var base string
		req.Host, base, _ = strings.Cut(r.Host, "/")
		if base != "" {
			// The host names an endpoint with a base path (a service
			// behind a path on a shared host): the mock is mounted there,
			// as a server is, and knows only the paths under it.
			handler = http.StripPrefix("/"+base, mock)
		}
	}
	// Some awsJson cases leave out the headers they do not check; every
	// client sends the target, without which no service can route.
	if _, ok := req.Header["X-Amz-Target"]; !ok && sendsTarget(p) {
		req.Header.Set("X-Amz-Target", svc.TargetPrefix+"."+op.Name)
	}
	rec := httptest.NewRecorder()
	handler.ServeHTTP(rec, req)
	if !got.IsValid() {
		return []string{fmt.Sprintf("the handler was not called: the mock answered %d %s", rec.Code, bytes.TrimSpace(rec.Body.Bytes()))}
	}
	want, err := decodeTree(c.Params)
	if err != nil {
		return []string{err.Error()}
	}
	if d := cmp.Diff(canon(want, op.Input), tree(got, op.Input)); d != "" {
		return []string{"decoded input (-want +got):\n" + d}
	}
	return nil
}

func runMockOutput(p suite.Protocol, op *model.Operation, c *suite.Case) []string {
	mock := generated[p.Package].mock()
	rd := &recordingDoer{h: mock}
	client := generated[p.Package].client(options("https://example.com", rd))
	var answer func(reflect.Value) (reflect.Value, error)
	if c.ErrorCode != "" {
		// The error's Go type is the one the client decodes the case's
		// response into.
		d, err := responder(p, c)
		if err != nil {
			return []string{err.Error()}
		}
		_, err = call(generated[p.Package].client(options("", d)), op,
			reflect.New(reflect.ValueOf(client).MethodByName(op.Name).Type().In(1).Elem()))
		sh := errorShape(op, c.ErrorCode)
		if sh == nil {
			return []string{fmt.Sprintf("operation %s lists no error %s", op.Name, c.ErrorCode)}
		}
		ev := findError(err, sh.GoName)
		if !ev.IsValid() {
			return []string{fmt.Sprintf("no *%s to answer with: the client decodes the case's response as %v", sh.GoName, err)}
		}
		e := reflect.New(ev.Type().Elem())
		members, err := decodeTree(c.Error)
		if err == nil {
			err = set(e.Elem(), sh, members)
		}
		if err != nil {
			return []string{"error: " + err.Error()}
		}
		answer = func(reflect.Value) (reflect.Value, error) { return reflect.Value{}, e.Interface().(error) }
	} else {
		result, err := decodeTree(c.Result)
		if err != nil {
			return []string{err.Error()}
		}
		out := reflect.New(reflect.ValueOf(client).MethodByName(op.Name).Type().Out(0).Elem())
		if err := set(out.Elem(), op.Output, result); err != nil {
			return []string{"result: " + err.Error()}
		}
		answer = func(reflect.Value) (reflect.Value, error) { return out, nil }
	}
	hook(mock, op, answer)
	in := reflect.New(reflect.ValueOf(client).MethodByName(op.Name).Type().In(1).Elem())
	out, err := call(client, op, in)
	if err == nil {
		dropMockHeaders(out.Elem(), op.Output)
	}
	problems := compareOutcome(op, c, out, err)
	if rd.header != nil {
		problems = append(problems, compareSignificantHeaders(c.Response.Headers, rd.header)...)
	}
	return problems
}

// mockHeaders are the headers the mock sets on every response, as a
// service does: they are transport, not the operation's result.
var mockHeaders = []string{"Content-Type", "Content-Length", "X-Amzn-Requestid"}

// dropMockHeaders takes the mock's own headers out of the maps of every
// response header (a headers member with no prefix) of out, the result of
// a call to the mock: the case's result lists only the headers of its own
// response, which a transport adds nothing to. Only the mock's headers
// are dropped, and only when they are there, so a map that lacks one of
// the case's headers, or holds another, still fails.
func dropMockHeaders(out reflect.Value, sh *model.Shape) {
	for _, m := range sh.Members {
		if m.Location != model.LocHeaders || m.LocationName != "" {
			continue
		}
		f := out.FieldByName(m.GoName)
		if f.Kind() != reflect.Map || f.IsNil() {
			continue
		}
		for _, k := range f.MapKeys() {
			for _, h := range mockHeaders {
				if strings.EqualFold(k.String(), h) {
					f.SetMapIndex(k, reflect.Value{})
				}
			}
		}
	}
}

// TestTableCountsPendingCasesAsSkipped holds the table to its form: the
// cases of a protocol not implemented yet are skipped in their suite's
// row and in the last line, and counted apart on the line before it.
func TestTableCountsPendingCasesAsSkipped(t *testing.T) {
	r := &results{counts: map[string]map[string][outcomes]int{}}
	p, q := suite.Protocols[0].File, suite.Protocols[3].File
	for _, o := range []outcome{passed, passed, failed, skipped, notApplies} {
		r.add(p, clientInput, o)
	}
	r.add(q, mockOutput, pending)
	r.add(q, mockOutput, pending)
	lines := strings.Split(strings.TrimSuffix(r.table(), "\n"), "\n")
	got := map[string]string{}
	for _, l := range lines {
		f := strings.Fields(l)
		switch {
		case len(f) == 6 && f[0] == p && f[1] == clientInput, len(f) == 6 && f[0] == q && f[1] == mockOutput:
			got[f[0]+" "+f[1]] = strings.Join(f[2:], " ")
		case strings.HasPrefix(l, "skipped as implementation pending"), strings.HasPrefix(l, "conformance:"):
			got[l[:strings.Index(l, ":")]] = l
		}
	}
	want := map[string]string{
		p + " " + clientInput: "2 1 1 1",
		q + " " + mockOutput:  "0 0 2 0",
		"skipped as implementation pending (no protocol in the run time's registry)": "skipped as implementation pending (no protocol in the run time's registry): 2",
		"conformance": "conformance: 2 passed, 1 failed, 3 skipped",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("table (-want +got):\n%s\n%s", d, strings.Join(lines, "\n"))
	}
}
