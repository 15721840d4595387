package mockrt

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go"

	"github.com/specgen/specgen/specrt"
	"github.com/specgen/specgen/specrt/jsonwire"
	"github.com/specgen/specgen/specrt/mockrt/tmpl"
	"github.com/specgen/specgen/specrt/protocol"
	"github.com/specgen/specgen/specrt/schema"
)

// HandlerFunc is an operation's behaviour: it gets a validated input (a
// pointer to the generated input type) and returns the output (a pointer to
// the generated output type) or an error, typically a generated error type.
type HandlerFunc func(ctx context.Context, in any) (any, error)

// Server is a mock of one service. It is an http.Handler; the zero value is
// not usable, build one with NewServer. All methods are safe for concurrent
// use, also while requests are being served.
type Server struct {
	svc *Service
	// speakers are the protocols the mock answers, the primary first.
	speakers []*speaker
	opts     options
	ops      map[string]*compiledOp // by operation name
	opList   []*compiledOp          // in svc.Operations' order, as routers number them
	store    *Store
	res      *engine      // the resources' behaviour; nil when the service declares none
	skew     atomic.Int64 // how far AdvanceClock moved the resources' time, in nanoseconds

	validation, serialization, throttling *compiledErr
	missing                               *compiledErr // the missing parameter error; nil for none
	// signer recomputes signatures. It is the server's own: the SDK's signer
	// caches derived keys by service and region, checking only the access
	// key id, so a signer shared by servers that know the same key id with
	// different secrets would verify with the wrong one.
	signer *v4.Signer

	mu        sync.Mutex
	overrides map[string]HandlerFunc
	injected  []*injection
	latency   map[string]time.Duration
	records   []Record // oldest first; at most recordLimit, bodies within recordBytes
	recBytes  int64    // the bodies' bytes in records
}

type compiledOp struct {
	*Operation
	inType   *wireType // the input's members, for the exact decoder
	outType  *wireType // the output's members: an output holds nothing else
	inShape  *schema.Shape
	outShape *schema.Shape // decode.go
	// wireShape is Service.WireShape, which also describes the structure
	// payloads; nil when the service describes no shapes.
	wireShape func(any) *schema.Shape
	payload   *Binding     // the input member that is the whole body, if any
	outBinds  []outBinding // binding.go
	resource  string
	unique    []*template
	token     []string
	conflict  *compiledErr
	mismatch  *compiledErr
	quota     *compiledErr
	defaults  []compiledField
	output    []compiledField
	state     []compiledField
}

type compiledField struct {
	path []string
	tmpl *template
}

type compiledErr struct {
	new       func() error
	members   []compiledField
	fieldList []string
	code      string // an error of no shape: its wire code
	status    int
}

type injection struct {
	op        string
	remaining int
	err       error
}

// Record is one request the mock received, and how it answered.
type Record struct {
	// Time is when the request arrived.
	Time time.Time
	// Operation is the operation it was routed to; empty when unknown.
	Operation string
	// Protocol is the protocol the request was answered in: the one its
	// framing names, among those the service answers (Service.Protocols).
	Protocol string
	// Method and Path are the request line's.
	Method, Path string
	// Header is the request's header.
	Header http.Header
	// Body is the request body as read (at most the body limit).
	Body []byte
	// Status is the HTTP status answered.
	Status int
	// ErrorCode is the error code answered; empty on success.
	ErrorCode string
	// RequestID is the x-amzn-RequestId answered.
	RequestID string
	// Duration is how long the mock took to answer.
	Duration time.Duration
}

// NewServer returns a mock of svc. It panics when svc is malformed (a
// template with an unknown expression, say): the generator checks templates
// when it loads a spec, so this only happens to hand-built services.
func NewServer(svc *Service, opts ...Option) *Server {
	s, err := newServer(svc, opts...)
	if err != nil {
		panic("mockrt: " + err.Error())
	}
	return s
}

func newServer(svc *Service, opts ...Option) (*Server, error) {
	s := &Server{
		svc:       svc,
		opts:      defaultOptions(),
		ops:       map[string]*compiledOp{},
		store:     NewStore(),
		overrides: map[string]HandlerFunc{},
		latency:   map[string]time.Duration{},
		signer:    v4.NewSigner(),
	}
	for _, o := range opts {
		o(&s.opts)
	}
	s.store.limits = s.opts.storeLimits
	var err error
	if s.speakers, err = newSpeakers(svc); err != nil {
		return nil, fmt.Errorf("%s: %w", svc.Name, err)
	}
	if s.validation, err = compileError(svc.ValidationError); err != nil {
		return nil, fmt.Errorf("%s: validation error: %w", svc.Name, err)
	}
	if s.missing, err = compileError(svc.MissingParameter); err != nil {
		return nil, fmt.Errorf("%s: missing parameter error: %w", svc.Name, err)
	}
	if s.serialization, err = compileError(svc.SerializationError); err != nil {
		return nil, fmt.Errorf("%s: serialization error: %w", svc.Name, err)
	}
	if s.throttling, err = compileError(svc.ThrottlingError); err != nil {
		return nil, fmt.Errorf("%s: throttling error: %w", svc.Name, err)
	}
	for _, op := range svc.Operations {
		c, err := compileOp(op, svc.WireShape)
		if err != nil {
			return nil, fmt.Errorf("%s.%s: %w", svc.Name, op.Name, err)
		}
		s.ops[op.Name] = c
		s.opList = append(s.opList, c)
	}
	if s.res, err = newEngine(svc, s.ops); err != nil {
		return nil, fmt.Errorf("%s: %w", svc.Name, err)
	}
	return s, nil
}

func compileOp(op *Operation, wireShape func(any) *schema.Shape) (*compiledOp, error) {
	c := &compiledOp{Operation: op}
	c.findShapes(wireShape) // decode.go
	c.describeTypes()
	if err := c.compileBindings(); err != nil { // binding.go
		return nil, err
	}
	b := op.Behavior
	if b == nil {
		return c, nil
	}
	c.resource = b.Resource
	for _, u := range b.Unique {
		t, err := compileUnique(u)
		if err != nil {
			return nil, fmt.Errorf("unique %q: %w", u, err)
		}
		c.unique = append(c.unique, t)
	}
	if b.IdempotencyToken != "" {
		c.token = strings.Split(b.IdempotencyToken, ".")
	}
	var err error
	if c.conflict, err = compileError(b.Conflict); err != nil {
		return nil, fmt.Errorf("conflict: %w", err)
	}
	if c.mismatch, err = compileError(b.IdempotencyMismatch); err != nil {
		return nil, fmt.Errorf("idempotency mismatch: %w", err)
	}
	if c.quota, err = compileError(b.QuotaExceeded); err != nil {
		return nil, fmt.Errorf("quota exceeded: %w", err)
	}
	if c.state, err = compileFields(b.State); err != nil {
		return nil, fmt.Errorf("state: %w", err)
	}
	if c.defaults, err = compileFields(b.Defaults); err != nil {
		return nil, fmt.Errorf("defaults: %w", err)
	}
	if c.output, err = compileFields(b.Output); err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	return c, nil
}

func compileFields(fs []Field) ([]compiledField, error) {
	out := make([]compiledField, 0, len(fs))
	for _, f := range fs {
		if f.Path == "" {
			return nil, errors.New("empty member path")
		}
		t, err := compileTemplate(f.Value)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Path, err)
		}
		out = append(out, compiledField{strings.Split(f.Path, "."), t})
	}
	return out, nil
}

func compileError(t *ErrorTemplate) (*compiledErr, error) {
	if t == nil {
		return nil, nil
	}
	m, err := compileFields(t.Members)
	if err != nil {
		return nil, err
	}
	c := &compiledErr{new: t.New, members: m, code: t.Code, status: t.Status}
	if t.FieldList != "" {
		c.fieldList = strings.Split(t.FieldList, ".")
	}
	return c, nil
}

// CheckTemplate reports whether v is a valid template (see the package
// documentation of templates in Expand); the generator calls it when it
// loads a spec, so that a bad mock block is a spec error.
func CheckTemplate(v any) error {
	_, err := compileTemplate(v)
	return err
}

// Service returns the description the server was built from.
func (s *Server) Service() *Service { return s.svc }

// Store returns the server's state.
func (s *Server) Store() *Store { return s.store }

// Region returns the region the server pretends to be in.
func (s *Server) Region() string { return s.opts.region }

// AccountID returns the account id the server uses in ARNs.
func (s *Server) AccountID() string { return s.opts.account }

func (s *Server) op(name string) *compiledOp {
	op, ok := s.ops[name]
	if !ok {
		panic(fmt.Sprintf("mockrt: %s has no operation %q", s.svc.Name, name))
	}
	return op
}

// Override replaces the behaviour of the operation named op by h; a nil h
// restores the default. Validation still runs first: h only sees valid input.
// It panics if the service has no such operation.
func (s *Server) Override(op string, h HandlerFunc) {
	s.op(op)
	s.mu.Lock()
	defer s.mu.Unlock()
	if h == nil {
		delete(s.overrides, op)
		return
	}
	s.overrides[op] = h
}

// InjectError makes the next n calls of op (of any operation when op is
// empty) answer err before their input is even decoded. Injections are used
// in the order they were made.
func (s *Server) InjectError(op string, n int, err error) {
	if op != "" {
		s.op(op)
	}
	if n <= 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.injected = append(s.injected, &injection{op: op, remaining: n, err: err})
}

// Throttle makes the next n calls of op (any operation when empty) answer
// the service's throttling error.
func (s *Server) Throttle(op string, n int) {
	s.InjectError(op, n, s.buildError(s.throttling, &env{Message: "Rate exceeded"}, throttlingError()))
}

// SetLatency delays every answer of op (of every operation when op is empty)
// by d; zero removes the delay. A request whose context ends while waiting
// is dropped.
func (s *Server) SetLatency(op string, d time.Duration) {
	if op != "" {
		s.op(op)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latency[op] = d
}

// Requests returns the requests received so far, oldest first.
func (s *Server) Requests() []Record {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.records)
}

// Reset forgets the state, the records, the injected errors, the latencies
// and the overrides: the server is as new.
func (s *Server) Reset() {
	s.store.Reset()
	if s.res != nil {
		s.res.Reset()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.records, s.recBytes = nil, 0
	s.injected = nil
	s.latency = map[string]time.Duration{}
	s.overrides = map[string]HandlerFunc{}
}

// control returns the latency to add to a call of op and the error to
// answer it with, if any.
func (s *Server) control(op string) (time.Duration, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.latency[op]
	if !ok {
		d = s.latency[""]
	}
	for i, in := range s.injected {
		if in.op != "" && in.op != op {
			continue
		}
		in.remaining--
		if in.remaining <= 0 {
			s.injected = append(s.injected[:i:i], s.injected[i+1:]...)
		}
		return d, in.err
	}
	return d, nil
}

func (s *Server) record(r Record) {
	if s.opts.recordLimit <= 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.records = append(s.records, r)
	s.recBytes += int64(len(r.Body))
	drop := 0
	for len(s.records)-drop > 1 && (len(s.records)-drop > s.opts.recordLimit || s.opts.recordBytes > 0 && s.recBytes > s.opts.recordBytes) {
		s.recBytes -= int64(len(s.records[drop].Body))
		s.records[drop] = Record{} // let the collector have its body
		drop++
	}
	if drop > 0 {
		// Dropping from the front keeps the array; append copies the live
		// records into a new one when it fills, so the memory is bounded.
		s.records = s.records[drop:]
	}
}

// routes describes svc's operations to its protocols' routers and indexes.
func routes(svc *Service) []protocol.Route {
	rs := make([]protocol.Route, len(svc.Operations))
	for i, op := range svc.Operations {
		rs[i] = protocol.Route{Name: op.Name, Method: op.Method, Path: op.Path}
	}
	return rs
}

// handles reports whether the request, whose body is body (nil when the
// caller has not read it), is for this service, for Mux.
func (s *Server) handles(r *http.Request, body []byte) bool {
	_, op, _, _ := s.route(r, body)
	return op != nil
}

// ServeHTTP answers one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := s.opts.now()
	// The record keeps the request's own header map: net/http makes a new
	// one for every request and the mock never changes it.
	rec := Record{Time: start, Method: r.Method, Path: r.URL.Path, Header: r.Header, RequestID: newUUID()}
	status, code := s.serveRecovered(w, r, &rec)
	rec.Status, rec.ErrorCode, rec.Duration = status, code, s.opts.now().Sub(start)
	s.record(rec)
	if s.opts.logger != nil {
		s.opts.logger.LogAttrs(r.Context(), levelFor(status), "request",
			slogAttrs(s.svc.Name, &rec)...)
	}
}

// serveRecovered is serve, with a panic (in an override, typically)
// answered as a 500 InternalFailure instead of a dropped connection. The
// fuzz tests treat any 5xx as a failure, so this hides no bug of the mock.
func (s *Server) serveRecovered(w http.ResponseWriter, r *http.Request, rec *Record) (status int, code string) {
	// x stays on the stack: what escapes is a copy of its message, made
	// only on the paths that hand it to the protocol (errors, bodies that
	// are not bare JSON).
	x := &exchange{sp: s.speakers[0], msg: protocol.Message{
		Version: s.svc.APIVersion, Namespace: s.svc.XMLNamespace, RequestID: rec.RequestID,
	}}
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			status, code = s.writeError(w, x, &Error{Code: "InternalFailure", Message: fmt.Sprintf("the mock panicked: %v", p), Fault: smithy.FaultServer})
		}
		rec.Protocol = x.sp.proto.Identity().Name
	}()
	return s.serve(w, r, rec, x)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request, rec *Record, x *exchange) (int, string) {
	w.Header().Set("x-amzn-RequestId", rec.RequestID)
	if err := s.refuseChunked(w, r); err != nil {
		s.routeUnread(r, rec, x)
		return s.writeError(w, x, err)
	}
	body, err := readBody(r, s.opts.bodyLimit)
	rec.Body = body
	if err != nil {
		s.routeUnread(r, rec, x)
		return s.writeError(w, x, err)
	}
	// The request is routed on the body as sent, before anything may
	// change its headers, so that an authentication error is answered in
	// its protocol; a compressed body is routed again once decompressed.
	sp, op, labels, what := s.route(r, body)
	x.sp = sp
	if op != nil {
		rec.Operation = op.Name
		x.setOperation(op)
	}
	if len(s.opts.creds) > 0 {
		if err := s.verify(r, body, sp); err != nil {
			return s.writeError(w, x, err)
		}
	}
	raw := body
	if body, err = decodeContentEncoding(r, body, s.opts.bodyLimit); err != nil { // encoding.go
		return s.writeError(w, x, err)
	}
	if op == nil && decompressed(raw, body) {
		if sp, op, labels, what = s.route(r, body); op != nil {
			x.sp = sp
			rec.Operation = op.Name
			x.setOperation(op)
		}
	}
	if op == nil {
		return s.writeError(w, x, unknownOperation(what))
	}
	if x.sp.proto.Identity().FormInQuery {
		if form := protocol.GetForm(r, body); form != nil {
			body = form
		}
	}
	delay, injected := s.control(op.Name)
	if delay > 0 {
		t := time.NewTimer(delay)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return 499, "RequestCanceled"
		}
	}
	if injected != nil {
		return s.writeError(w, x, injected)
	}
	var tree map[string]any
	var in Input
	var problems []specrt.FieldError
	switch {
	case op.payload != nil:
		tree, in, problems, err = s.decodePayload(x.sp, op, body) // binding.go
	case x.sp.json:
		tree, in, problems, err = s.decodeInput(x.sp, op, body)
	default:
		tree, in, err = s.decodeMessage(x, op, body)
	}
	if err != nil {
		return s.writeError(w, x, err)
	}
	if err := bind(op, r, labels, in, tree); err != nil {
		return s.writeError(w, x, s.serializationFailed(err.Error()))
	}
	if err := validate(in, problems); err != nil {
		return s.writeError(w, x, s.validationFailed(err))
	}
	s.mu.Lock()
	h := s.overrides[op.Name]
	s.mu.Unlock()
	if h == nil {
		raw, err := s.runDefault(r.Context(), op, tree)
		if err != nil {
			return s.writeError(w, x, err)
		}
		if !x.sp.json {
			out, err := decodeOutput(op, raw)
			if err != nil {
				return s.writeError(w, x, err)
			}
			return s.writeMessage(w, x, op, out)
		}
		return s.writeRaw(w, x, op, raw)
	}
	out, err := h(r.Context(), in)
	if err != nil {
		return s.writeError(w, x, err)
	}
	if !x.sp.json {
		return s.writeMessage(w, x, op, out)
	}
	return s.writeOutput(w, x, op, out)
}

// routeUnread routes a request whose body the mock refuses to read, on
// its headers and path alone, so that the record names its operation and
// the error is in its protocol.
func (s *Server) routeUnread(r *http.Request, rec *Record, x *exchange) {
	sp, op, _, _ := s.route(r, nil)
	x.sp = sp
	if op != nil {
		rec.Operation = op.Name
		x.setOperation(op)
	}
}

func readBody(r *http.Request, limit int64) ([]byte, error) {
	if r.Body == nil {
		return nil, nil
	}
	if r.ContentLength > limit {
		return nil, tooLarge(limit)
	}
	data, err := io.ReadAll(io.LimitReader(r.Body, limit+1))
	if err != nil {
		return nil, serializationError("cannot read the request body")
	}
	if int64(len(data)) > limit {
		return data[:limit], tooLarge(limit)
	}
	return data, nil
}

// validate runs the input's validator and adds the problems the decoder
// found, which the typed input cannot show, to its report.
func validate(in Input, problems []specrt.FieldError) error {
	err := in.Validate()
	if len(problems) == 0 {
		return err
	}
	var ve *specrt.ValidationError
	if err != nil && !errors.As(err, &ve) {
		return err
	}
	fields := slices.Clone(problems)
	if ve != nil {
		fields = append(fields, ve.Fields...)
	}
	return &specrt.ValidationError{Fields: fields}
}

// describeDecodeError says what is wrong with a body, naming the member.
func describeDecodeError(err error) string {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te):
		where := "the request body"
		if te.Field != "" {
			where = "'" + te.Field + "'"
		}
		return fmt.Sprintf("expected %s at %s, found %s", jsonKind(te.Type), where, te.Value)
	case errors.As(err, &se):
		return fmt.Sprintf("malformed JSON at offset %d: %s", se.Offset, se.Error())
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "malformed JSON: unexpected end of the body"
	}
	return "cannot decode the request body: " + err.Error()
}

func jsonKind(t reflect.Type) string {
	if t == nil {
		return "a value"
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return "a base64 string"
		}
		return "an array"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "a boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer in range"
	case reflect.Float32, reflect.Float64:
		return "a number"
	}
	return "a " + t.String()
}

func (s *Server) serializationFailed(msg string) error {
	return s.buildError(s.serialization, &env{Message: msg}, serializationError(msg))
}

// validationFailed turns a Validate error into the service's validation
// error, listing each bad field when the error shape has a field list.
func (s *Server) validationFailed(err error) error {
	var ve *specrt.ValidationError
	if !errors.As(err, &ve) {
		return s.buildError(s.validation, &env{Message: err.Error()}, &Error{Code: "ValidationException", Message: err.Error()})
	}
	if err := s.missingParameter(ve); err != nil {
		return err
	}
	e := &env{Message: ve.Error()}
	if s.validation == nil || s.validation.new == nil {
		return &Error{Code: "ValidationException", Message: e.Message}
	}
	body := s.errorBody(s.validation, e)
	if s.validation.fieldList != nil {
		list := make([]any, 0, len(ve.Fields))
		for _, f := range ve.Fields {
			list = append(list, map[string]any{"name": f.Path, "message": f.Error()})
		}
		setPath(body, s.validation.fieldList, list)
	}
	return s.typedError(s.validation, body, e.Message)
}

// buildError builds the error t describes, or fallback when t is nil.
func (s *Server) buildError(t *compiledErr, e *env, fallback *Error) error {
	if t != nil && t.new == nil && t.code != "" {
		return s.codeError(t, e)
	}
	if t == nil || t.new == nil {
		if t != nil && fallback != nil {
			// A template without a type still decides the message.
			body := s.errorBody(t, e)
			if m, ok := body["message"].(string); ok {
				fallback.Message = m
			}
		}
		return fallback
	}
	return s.typedError(t, s.errorBody(t, e), e.Message)
}

func (s *Server) errorBody(t *compiledErr, e *env) map[string]any {
	s.fillEnv(e)
	body := map[string]any{}
	for _, f := range t.members {
		if v := f.tmpl.Eval(e); v != missing && v != nil {
			setPath(body, f.path, v)
		}
	}
	return body
}

func (s *Server) typedError(t *compiledErr, body map[string]any, msg string) error {
	target := t.new()
	data, err := json.Marshal(body)
	if err == nil {
		// The template's body is keyed by wire names: the codec reads it
		// through the error's shape (generated types carry no tags); a
		// hand-written error type without one decodes with encoding/json.
		var shape *schema.Shape
		if s.svc.WireShape != nil {
			shape = s.svc.WireShape(target)
		}
		if shape != nil {
			err = jsonwire.Unmarshal(data, shape, target)
		} else {
			err = json.Unmarshal(data, target)
		}
	}
	if err != nil {
		return &Error{Code: "InternalFailure", Message: "the mock cannot build its error: " + err.Error(), Status: 500}
	}
	return target
}

func (s *Server) fillEnv(e *env) {
	e.Region, e.Account, e.Partition = s.opts.region, s.opts.account, partition(s.opts.region)
	if e.Now.IsZero() {
		e.Now = s.opts.now()
	}
}

func (s *Server) writeError(w http.ResponseWriter, x *exchange, err error) (int, string) {
	headers := s.svc.ErrorHeaders
	if s.svc.QueryCompatible {
		headers = func(err error, h http.Header) {
			setQueryError(err, h) // errors.go
			if s.svc.ErrorHeaders != nil {
				s.svc.ErrorHeaders(err, h)
			}
		}
	}
	return writeError(w, x.sp.proto, x.message(), err, headers, s.svc.WireShape)
}

func (s *Server) writeOutput(w http.ResponseWriter, x *exchange, op *compiledOp, out any) (int, string) {
	var data []byte
	var err error
	if isNil(out) {
		data = []byte("{}")
	} else if data, err = op.encodeOutput(x.sp.body, out); err != nil { // encode.go
		return s.writeError(w, x, &Error{Code: "InternalFailure", Message: "the mock cannot encode its output", Status: 500})
	} else if len(op.outBinds) > 0 {
		if data, err = addBoundOutput(op, out, data); err != nil { // binding.go
			return s.writeError(w, x, &Error{Code: "InternalFailure", Message: "the mock cannot encode its output", Status: 500})
		}
	}
	return s.writeRaw(w, x, op, data)
}

// isNil reports whether an override's output is nil or a nil pointer.
func isNil(out any) bool {
	return out == nil || (reflect.ValueOf(out).Kind() == reflect.Pointer && reflect.ValueOf(out).IsNil())
}

func (s *Server) writeRaw(w http.ResponseWriter, x *exchange, op *compiledOp, data []byte) (int, string) {
	status := x.sp.proto.SuccessStatus(op.Status)
	h := w.Header()
	x.sp.proto.SetResponseHeaders(h)
	contentType := x.sp.proto.Identity().ResponseType()
	if len(op.outBinds) > 0 {
		var err error
		if status, contentType, data, err = writeBound(op, h, status, contentType, data); err != nil { // binding.go
			return s.writeError(w, x, &Error{Code: "InternalFailure", Message: "the mock cannot encode its output: " + err.Error(), Status: 500})
		}
	}
	if contentType != "" {
		h.Set("Content-Type", contentType)
	}
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	w.Write(data)
	return status, ""
}

// Default runs the default behaviour of the operation named op on in, for
// overrides that adjust the default rather than replace it. It returns a new
// output value (a pointer to the generated output type).
func (s *Server) Default(ctx context.Context, op string, in Input) (any, error) {
	c := s.op(op)
	tree, err := c.toTree(in) // encode.go
	if err == nil {
		err = boundMembers(c, in, tree)
	}
	if err != nil {
		return nil, &Error{Code: "InternalFailure", Message: "the mock cannot read its input", Status: 500}
	}
	raw, err := s.runDefault(ctx, c, tree)
	if err != nil {
		return nil, err
	}
	return decodeOutput(c, raw)
}

func decodeOutput(op *compiledOp, raw []byte) (any, error) {
	out := op.NewOutput()
	err := op.decodeOutput(raw, out) // decode.go
	if err == nil && len(op.outBinds) > 0 {
		err = setBoundOutput(op, out, raw) // binding.go
	}
	if err != nil {
		return nil, &Error{Code: "InternalFailure", Message: "the mock built an output that does not fit its type: " + err.Error(), Status: 500}
	}
	return out, nil
}

// runDefault is the behaviour the spec's mock block describes: answer an
// earlier response for a repeated idempotency token, refuse a duplicate of a
// unique item, else build the output from its templates and store it. tree
// is the input as decoded JSON; it returns the output's JSON.
//
// The output is built before the store is locked, and thrown away when the
// request turns out to be a duplicate, so that the lock is held only for the
// checks and the write.
func (s *Server) runDefault(ctx context.Context, op *compiledOp, tree map[string]any) ([]byte, error) {
	e := &env{Input: tree}
	s.fillEnv(e)
	for _, d := range op.defaults {
		if lookup(tree, d.path) != missing {
			continue
		}
		if len(d.path) > 1 && lookup(tree, d.path[:len(d.path)-1]) == missing {
			continue // the default belongs to a structure the request left out
		}
		if v := d.tmpl.Eval(e); v != missing {
			setPath(tree, d.path, v)
		}
	}
	if s.res != nil {
		if b := s.res.ops[op.Name]; b != nil {
			return s.runResource(b, op, tree, e)
		}
	}
	// What identifies the request is taken before the output is built: an
	// output may share a structure of the input and trim it to its shape.
	var token, key string
	var fp [sha256.Size]byte
	if op.resource != "" {
		if op.token != nil {
			token, _ = lookup(tree, op.token).(string)
		}
		if token != "" {
			fp = fingerprint(tree, op.token)
		}
		key = uniqueKey(e, op.unique)
	}
	outTree := map[string]any{}
	e.Output = outTree
	for _, f := range op.output {
		if v := f.tmpl.Eval(e); v != missing && v != nil {
			setPath(outTree, f.path, v)
		}
	}
	// An {input.x} template copies a structure as the request sent it; the
	// output keeps only what its shape declares.
	op.outType.trim(outTree, nil, nil)
	raw, err := appendJSON(make([]byte, 0, 512), outTree)
	if err != nil {
		return nil, &Error{Code: "InternalFailure", Message: "the mock cannot build its output: " + err.Error(), Status: 500}
	}
	if op.resource == "" {
		return raw, nil
	}
	var state []byte
	if len(op.state) > 0 {
		st := map[string]any{}
		for _, f := range op.state {
			if v := f.tmpl.Eval(e); v != missing && v != nil {
				setPath(st, f.path, v)
			}
		}
		if state, err = appendJSON(nil, st); err != nil {
			return nil, &Error{Code: "InternalFailure", Message: "the mock cannot build its state: " + err.Error(), Status: 500}
		}
	}
	var existing *Item
	var answer []byte
	var full string // the limit a create would pass, when it would
	conflict := false
	s.store.Update(func(tx *Tx) error {
		if token != "" {
			if te, ok := tx.token(op.resource, token); ok {
				if te.fingerprint == fp || op.mismatch == nil {
					answer = te.item.raw
				} else {
					existing = te.item
				}
				return nil
			}
		}
		if key != "" {
			if it, ok := tx.Get(op.resource, key); ok {
				existing, conflict = it, true
				return nil
			}
		}
		it := &Item{Key: key, raw: raw, state: state, newOutput: op.NewOutput, outShape: op.outShape}
		if full = tx.s.full(op.resource, it, token); full != "" {
			return nil
		}
		tx.Put(op.resource, it)
		if token != "" {
			tx.putToken(op.resource, token, &tokenEntry{fingerprint: fp, item: it})
		}
		answer = raw
		return nil
	})
	switch {
	case answer != nil:
		return answer, nil
	case full != "":
		e.Message = full
		return nil, s.buildError(op.quota, e, &Error{Code: "ServiceQuotaExceededException", Message: full})
	case conflict:
		e.Existing, e.State = existing.JSON(), existing.stateJSON()
		return nil, s.buildError(op.conflict, e, &Error{Code: "ConflictException", Message: "the resource already exists", Status: http.StatusConflict})
	default:
		e.Existing, e.State = existing.JSON(), existing.stateJSON()
		return nil, s.buildError(op.mismatch, e, nil)
	}
}

// fingerprint identifies the parameters of a request, leaving out its
// idempotency token. It is a hash: a token entry must not keep a copy of
// the request.
func fingerprint(tree map[string]any, token []string) [sha256.Size]byte {
	cp := shallowWithout(tree, token)
	data, _ := appendJSON(nil, cp)
	return sha256.Sum256(data)
}

func shallowWithout(m map[string]any, path []string) map[string]any {
	cp := make(map[string]any, len(m))
	for k, v := range m {
		cp[k] = v
	}
	if len(path) == 1 {
		delete(cp, path[0])
	} else if child, ok := cp[path[0]].(map[string]any); ok {
		cp[path[0]] = shallowWithout(child, path[1:])
	}
	return cp
}

// compileUnique compiles an entry of Behavior.Unique: a member path, or a
// template of the input ({arnName:input.cluster}).
func compileUnique(u string) (*template, error) {
	if strings.Contains(u, "{") {
		return compileTemplate(u)
	}
	if u == "" {
		return nil, errors.New("empty member path")
	}
	return tmpl.Input(strings.Split(u, ".")), nil
}

// uniqueKey renders the unique values of the input in e; empty when there
// are none or one is absent.
func uniqueKey(e *env, unique []*template) string {
	if len(unique) == 0 {
		return ""
	}
	var b strings.Builder
	for i, t := range unique {
		v := t.Eval(e)
		if v == missing || v == nil {
			return ""
		}
		if i > 0 {
			b.WriteByte(0)
		}
		writeText(&b, v)
	}
	return b.String()
}
