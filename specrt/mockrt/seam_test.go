package mockrt

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/specrt"
	"github.com/specgen/specgen/specrt/jsonwire"
	"github.com/specgen/specgen/specrt/protocol"
	"github.com/specgen/specgen/specrt/protocol/ident"
	"github.com/specgen/specgen/specrt/protocol/registry"
	"github.com/specgen/specgen/specrt/schema"
)

// envelopeJSON is a test double of a protocol that is not bare JSON, to
// prove the seam before the real ones land: every request is POST / with
// {"op": <operation>, "version": <API version>, "input": {...}}, which its
// router reads (so that routing needs the body, as awsQuery's Action does);
// a success is {"Result": {...}, "RequestId": ...} and an error
// {"Error": {"Code", "Message", "Fault", "Members": {...}}, "RequestId": ...},
// as the query protocols wrap theirs. Contents are jsonwire's.
type envelopeJSON struct{}

var envelopeIdentity = &ident.Identity{Name: "envelopeJson", ContentType: "application/x-envelope+json", AlwaysSendsBody: true}

type envelopeRequest struct {
	Op      string          `json:"op"`
	Version string          `json:"version"`
	Input   json.RawMessage `json:"input,omitempty"`
}

type envelopeResponse struct {
	Result    json.RawMessage `json:"Result,omitempty"`
	Error     *envelopeError  `json:"Error,omitempty"`
	RequestID string          `json:"RequestId,omitempty"`
}

type envelopeError struct {
	Code    string          `json:"Code"`
	Message string          `json:"Message,omitempty"`
	Fault   string          `json:"Fault"`
	Members json.RawMessage `json:"Members,omitempty"`
}

func (envelopeJSON) Identity() *ident.Identity { return envelopeIdentity }
func (envelopeJSON) Body() protocol.Body       { return jsonCodec{} }

func (envelopeJSON) RequestLine(string, protocol.Route) (string, string) {
	return http.MethodPost, "/"
}

func (envelopeJSON) SetRequestHeaders(h http.Header, _, _ string) {
	h.Set("Content-Type", envelopeIdentity.ContentType)
}

func (envelopeJSON) EncodeRequest(m *protocol.Message, s *schema.Shape, v any) ([]byte, error) {
	input, err := jsonwire.Marshal(s, v)
	if err != nil {
		return nil, err
	}
	return json.Marshal(envelopeRequest{Op: m.Operation, Version: m.Version, Input: input})
}

func (envelopeJSON) DecodeRequest(m *protocol.Message, data []byte, s *schema.Shape, v any) error {
	var req envelopeRequest
	if err := json.Unmarshal(data, &req); err != nil {
		return fmt.Errorf("not an envelope: %v", err)
	}
	if req.Op != m.Operation {
		return fmt.Errorf("the envelope is for %q, not %q", req.Op, m.Operation)
	}
	if len(req.Input) == 0 {
		return nil
	}
	return jsonwire.Unmarshal(req.Input, s, v)
}

func (envelopeJSON) EncodeResponse(m *protocol.Message, s *schema.Shape, v any) ([]byte, error) {
	result, err := jsonwire.Marshal(s, v)
	if err != nil {
		return nil, err
	}
	return json.Marshal(envelopeResponse{Result: result, RequestID: m.RequestID})
}

func (envelopeJSON) DecodeResponse(_ *protocol.Message, data []byte, s *schema.Shape, v any) error {
	var resp envelopeResponse
	if err := json.Unmarshal(data, &resp); err != nil {
		return err
	}
	if len(resp.Result) == 0 {
		return errors.New("no Result in the envelope")
	}
	return jsonwire.Unmarshal(resp.Result, s, v)
}

func (envelopeJSON) ReadError(_ http.Header, body []byte) protocol.ErrorInfo {
	var resp envelopeResponse
	if json.Unmarshal(body, &resp) != nil || resp.Error == nil {
		return protocol.ErrorInfo{}
	}
	return protocol.ErrorInfo{Code: resp.Error.Code, Message: resp.Error.Message, RequestID: resp.RequestID, Members: true}
}

func (envelopeJSON) DecodeError(data []byte, s *schema.Shape, v any) error {
	var resp envelopeResponse
	if err := json.Unmarshal(data, &resp); err != nil {
		return err
	}
	if resp.Error == nil || len(resp.Error.Members) == 0 || s == nil {
		return nil
	}
	return jsonwire.Unmarshal(resp.Error.Members, s, v)
}

func (envelopeJSON) EncodeError(m *protocol.Message, e protocol.ErrorBody, s *schema.Shape, v any) ([]byte, error) {
	ee := &envelopeError{Code: e.Code, Message: e.Message, Fault: e.Fault}
	if s != nil {
		members, err := jsonwire.Marshal(s, v)
		if err != nil {
			return nil, err
		}
		ee.Members = members
	}
	return json.Marshal(envelopeResponse{Error: ee, RequestID: m.RequestID})
}

func (envelopeJSON) NewRouter(e protocol.Endpoint) protocol.Router {
	rt := envelopeRouter{version: e.Version, ops: map[string]int{}}
	for i, op := range e.Ops {
		rt.ops[op.Name] = i
	}
	return rt
}

type envelopeRouter struct {
	version string
	ops     map[string]int
}

func (rt envelopeRouter) Route(r *http.Request, body []byte) (int, map[string]string, string) {
	// Only a request in the envelope's framing: a mock of several
	// protocols asks this router about all of its requests.
	if r.Method != http.MethodPost || r.Header.Get("Content-Type") != envelopeIdentity.ContentType {
		return -1, nil, "(not an envelope)"
	}
	var req envelopeRequest
	if json.Unmarshal(body, &req) != nil || req.Op == "" {
		return -1, nil, "(no op in the body)"
	}
	if i, ok := rt.ops[req.Op]; ok && req.Version == rt.version {
		return i, nil, ""
	}
	return -1, nil, req.Op + " of version " + req.Version
}

func (envelopeJSON) NewIndex(eps []protocol.Endpoint) protocol.Index {
	x := envelopeIndex{}
	for i, e := range eps {
		x[e.Version] = append(x[e.Version], i)
	}
	return x
}

type envelopeIndex map[string][]int

func (x envelopeIndex) Candidates(r *http.Request, body []byte) []int {
	var req envelopeRequest
	if r.Header.Get("Content-Type") != envelopeIdentity.ContentType || json.Unmarshal(body, &req) != nil {
		return nil
	}
	return x[req.Version]
}

func (envelopeJSON) Address(_ string, op protocol.Route) protocol.Address {
	return protocol.Address{Method: http.MethodPost, Path: "/"}
}

func (envelopeJSON) SuccessStatus(int) int               { return http.StatusOK }
func (envelopeJSON) SetErrorHeaders(http.Header, string) {}
func (envelopeJSON) SetResponseHeaders(http.Header)      {}
func (envelopeJSON) AuthErrorStatus(string) int          { return http.StatusForbidden }

// registerEnvelope registers the double for the test.
func registerEnvelope(t testing.TB) {
	t.Helper()
	remove, err := registry.Register(envelopeJSON{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(remove)
}

// schemaThingOut is CreateThing's output whole, as a generated package's
// WireShape describes it (the input's is schemaCreateInput).
var schemaThingOut = schema.Shape{Kind: schema.KindStruct, Type: (*CreateThingOutput)(nil), Members: []schema.Member{
	{Name: "id", Offset: unsafe.Offsetof(CreateThingOutput{}.ID), Shape: &schema.String},
	{Name: "arn", Offset: unsafe.Offsetof(CreateThingOutput{}.ARN), Shape: &schema.String},
	{Name: "name", Offset: unsafe.Offsetof(CreateThingOutput{}.Name), Shape: &schema.String},
	{Name: "status", Offset: unsafe.Offsetof(CreateThingOutput{}.Status), Shape: &schema.String},
	{Name: "authType", Offset: unsafe.Offsetof(CreateThingOutput{}.AuthType), Shape: &schema.Enum},
	{Name: "config", Offset: unsafe.Offsetof(CreateThingOutput{}.Config), Shape: &schemaConfig},
	{Name: "createdAt", Offset: unsafe.Offsetof(CreateThingOutput{}.CreatedAt), Shape: &schema.Float64},
	{Name: "tags", Offset: unsafe.Offsetof(CreateThingOutput{}.Tags), Shape: &schemaTags},
}}

// thingWireShape is the WireShape of the seam's services, client and mock.
func thingWireShape(v any) *schema.Shape {
	switch v.(type) {
	case *CreateThingInput:
		return &schemaCreateInput
	case *CreateThingOutput:
		return &schemaThingOut
	}
	return errorWireShape(v)
}

const thingVersion = "2020-01-01"

// envelopeService is the fixture's awsJson service speaking the double
// first and awsJson1_1 beside it when both is set.
func envelopeService(version string, both bool) *Service {
	svc := jsonService()
	svc.Protocol, svc.APIVersion, svc.WireShape = envelopeIdentity.Name, version, thingWireShape
	if both {
		svc.Protocols = []string{envelopeIdentity.Name, "awsJson1_1"}
	}
	svc.ValidationError = restService().ValidationError
	return svc
}

// thingClient is a client of the mock at url in protocol p.
func thingClient(url, p string, version string, hc specrt.HTTPDoer) *specrt.Client {
	svc := &specrt.Service{
		Name: "jthings", Protocol: p, APIVersion: version, TargetPrefix: "Things_20200101", SigningName: "jthings",
		NewError: func(code string, _ http.Header) specrt.APIError {
			switch code {
			case "ConflictException":
				return new(ConflictException)
			case "ValidationException":
				return new(ValidationException)
			}
			return nil
		},
		WireShape: thingWireShape,
	}
	return specrt.NewClient(svc, specrt.Options{BaseEndpoint: url, HTTPClient: hc, RetryMaxAttempts: 1, DisableValidation: true})
}

var opCreateThing = specrt.Operation{Name: "CreateThing", Input: &schemaCreateInput, Output: &schemaThingOut}

// wireLog records the bodies of the requests a client sends and of the
// responses it gets.
type wireLog struct {
	requests, responses []string
}

func (l *wireLog) Do(r *http.Request) (*http.Response, error) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	l.requests = append(l.requests, string(body))
	resp, err := http.DefaultClient.Do(r)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(data))
	l.responses = append(l.responses, string(data))
	return resp, nil
}

func createThing(c *specrt.Client, name string) (*CreateThingOutput, error) {
	out := new(CreateThingOutput)
	err := c.Invoke(context.Background(), &opCreateThing, &CreateThingInput{Name: &name}, out)
	return out, err
}

func TestAProtocolWithEnvelopesPlugsIntoTheClientAndTheMock(t *testing.T) {
	registerEnvelope(t)
	s := NewServer(envelopeService(thingVersion, false))
	url := StartTest(t, s)
	log := &wireLog{}
	c := thingClient(url, envelopeIdentity.Name, thingVersion, log)

	first, err := createThing(c, "abcd")
	t.Run("a create goes out in the envelope, is routed by its body and answered in the envelope", func(t *testing.T) {
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(`{"op":"CreateThing","version":"2020-01-01","input":{"name":"abcd"}}`, log.requests[0]); diff != "" {
			t.Errorf("request body (-want +got):\n%s", diff)
		}
		rec := s.Requests()[0]
		if rec.Operation != "CreateThing" || rec.Status != 200 {
			t.Errorf("the mock recorded %s answered %d, want CreateThing answered 200", rec.Operation, rec.Status)
		}
		var resp envelopeResponse
		if err := json.Unmarshal([]byte(log.responses[0]), &resp); err != nil || len(resp.Result) == 0 {
			t.Fatalf("response %s is not a success envelope: %v", log.responses[0], err)
		}
		if resp.RequestID != rec.RequestID {
			t.Errorf("the envelope's RequestId is %q, want the request's %q", resp.RequestID, rec.RequestID)
		}
		if first.Name == nil || *first.Name != "abcd" || first.Status == nil || *first.Status != "CREATE_IN_PROGRESS" || first.ID == nil || !strings.HasPrefix(*first.ID, "thg-") {
			t.Errorf("decoded output %+v, want thing abcd CREATE_IN_PROGRESS with a thg- id", first)
		}
		if first.AuthType != "NONE" || first.ARN == nil || !strings.HasSuffix(*first.ARN, ":thing/"+*first.ID) {
			t.Errorf("decoded auth type %q and ARN %v, want the default NONE and the thing's ARN", first.AuthType, first.ARN)
		}
	})
	t.Run("a conflict comes back as the typed error with its modeled members", func(t *testing.T) {
		_, err := createThing(c, "abcd")
		var ce *ConflictException
		if !errors.As(err, &ce) {
			t.Fatalf("err = %v, want *ConflictException", err)
		}
		rec := s.Requests()[len(s.Requests())-1]
		want := &ConflictException{
			Message: ptr("Thing abcd already exists"), ResourceID: first.ID, ResourceType: ptr("THING"),
			Metadata: specrt.ErrorMetadata{StatusCode: 409, RequestID: rec.RequestID},
		}
		if diff := cmp.Diff(want, ce); diff != "" {
			t.Errorf("error (-want +got):\n%s", diff)
		}
		var resp envelopeResponse
		if err := json.Unmarshal([]byte(log.responses[len(log.responses)-1]), &resp); err != nil || resp.Error == nil {
			t.Fatalf("response %s is not an error envelope: %v", log.responses[len(log.responses)-1], err)
		}
		if resp.Error.Fault != protocol.FaultSender || resp.RequestID != rec.RequestID {
			t.Errorf("error envelope says fault %q, request id %q; want Sender, %q", resp.Error.Fault, resp.RequestID, rec.RequestID)
		}
	})
	t.Run("an invalid input is answered with the validation error and its field list", func(t *testing.T) {
		_, err := createThing(c, "ab")
		var ve *ValidationException
		if !errors.As(err, &ve) {
			t.Fatalf("err = %v, want *ValidationException", err)
		}
		want := []ValidationExceptionField{{Name: ptr("name"), Message: ptr(`name: length must be between 3 and 10 characters, got 2 (value "ab")`)}}
		if diff := cmp.Diff(want, ve.FieldList); diff != "" {
			t.Errorf("field list (-want +got):\n%s", diff)
		}
	})
}

func TestTheMockAnswersEachRequestInItsOwnProtocol(t *testing.T) {
	registerEnvelope(t)
	s := NewServer(envelopeService(thingVersion, true))
	url := StartTest(t, s)
	made, err := createThing(thingClient(url, envelopeIdentity.Name, thingVersion, http.DefaultClient), "shared")
	if err != nil {
		t.Fatal(err)
	}
	t.Run("a resource made in one protocol conflicts with a create in the other, answered in that one", func(t *testing.T) {
		log := &wireLog{}
		_, err := createThing(thingClient(url, "awsJson1_1", "", log), "shared")
		var ce *ConflictException
		if !errors.As(err, &ce) {
			t.Fatalf("err = %v, want *ConflictException", err)
		}
		if ce.ResourceID == nil || *ce.ResourceID != *made.ID {
			t.Errorf("conflict names %v, want the thing made in the envelope, %s", ce.ResourceID, *made.ID)
		}
		if got := log.responses[0]; !strings.HasPrefix(got, `{"__type":"ConflictException"`) {
			t.Errorf("awsJson answer %s, want a JSON error", got)
		}
	})
	for _, tc := range []struct {
		name, contentType, target, body string
		wantStatus                      int
		wantBody                        string
		wantProtocol                    string
	}{
		{
			name:        "an unknown operation in the envelope's framing is answered in the envelope",
			contentType: envelopeIdentity.ContentType, body: `{"op":"DeleteThing","version":"2020-01-01"}`,
			wantStatus: 400, wantBody: `{"Error":{"Code":"UnknownOperationException","Message":"unknown operation DeleteThing of version 2020-01-01","Fault":"Sender"},"RequestId":"*"}`,
			wantProtocol: envelopeIdentity.Name,
		},
		{
			name:        "an unknown operation in awsJson's framing is answered in awsJson",
			contentType: "application/x-amz-json-1.1", target: "Things_20200101.DeleteThing", body: `{}`,
			wantStatus: 400, wantBody: `{"__type":"UnknownOperationException","message":"unknown operation Things_20200101.DeleteThing"}`,
			wantProtocol: "awsJson1_1",
		},
		{
			name:        "an envelope the protocol cannot read is a serialization error in the envelope",
			contentType: envelopeIdentity.ContentType, body: `{"op":"CreateThing","version":"2020-01-01","input":{"name":5}}`,
			wantStatus: 400, wantBody: `{"Error":{"Code":"SerializationException","Message":"*","Fault":"Sender"},"RequestId":"*"}`,
			wantProtocol: envelopeIdentity.Name,
		},
		{
			name:        "an awsJson create is answered in awsJson",
			contentType: "application/x-amz-json-1.1", target: "Things_20200101.CreateThing", body: `{"name":"viajson"}`,
			wantStatus: 200, wantBody: `{"arn":"*","authType":"NONE","createdAt":*,"id":"*","name":"viajson","status":"CREATE_IN_PROGRESS"}`,
			wantProtocol: "awsJson1_1",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequest("POST", url, strings.NewReader(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", tc.contentType)
			if tc.target != "" {
				req.Header.Set("X-Amz-Target", tc.target)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			data, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tc.wantStatus || !matchStars(tc.wantBody, string(data)) {
				t.Errorf("got %d %s\nwant %d %s", resp.StatusCode, data, tc.wantStatus, tc.wantBody)
			}
			recs := s.Requests()
			if got := recs[len(recs)-1].Protocol; got != tc.wantProtocol {
				t.Errorf("the request was recorded as answered in %q, want %q", got, tc.wantProtocol)
			}
		})
	}
}

// matchStars reports whether got is pattern with each * standing for any
// text without a double quote.
func matchStars(pattern, got string) bool {
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(got, parts[0]) {
		return false
	}
	got = got[len(parts[0]):]
	for _, p := range parts[1:] {
		i := strings.Index(got, p)
		if p == "" {
			i = len(got)
			if j := strings.IndexByte(got, '"'); j >= 0 {
				i = j
			}
		}
		if i < 0 || strings.Contains(got[:i], `"`) {
			return false
		}
		got = got[i+len(p):]
	}
	return got == ""
}

func TestTheMuxRoutesUnsignedRequestsByTheirBody(t *testing.T) {
	registerEnvelope(t)
	older := NewServer(envelopeService("2010-01-01", false))
	newer := NewServer(envelopeService(thingVersion, false))
	jsonMock := NewServer(jsonService())
	url := StartTest(t, NewMux(nil, jsonMock, older, newer))
	for _, tc := range []struct {
		name, version string
		want          *Server
	}{
		{"a request of one version reaches the mock of that version", "2010-01-01", older},
		{"a request of another version reaches the other mock", thingVersion, newer},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := len(tc.want.Requests())
			if _, err := createThing(thingClient(url, envelopeIdentity.Name, tc.version, http.DefaultClient), "muxed-"+tc.version[:4]); err != nil {
				t.Fatal(err)
			}
			if got := len(tc.want.Requests()); got != before+1 {
				t.Errorf("the mock of version %s got %d requests, want %d", tc.version, got, before+1)
			}
		})
	}
	t.Run("the index lists every protocol a mock answers", func(t *testing.T) {
		both := NewMux(nil, NewServer(envelopeService(thingVersion, true)))
		var got []string
		for _, svc := range both.index().Services {
			got = append(got, svc.Protocol+" "+strings.Join(svc.OtherProtocols, ","))
		}
		if diff := cmp.Diff([]string{"envelopeJson awsJson1_1"}, got); diff != "" {
			t.Errorf("index (-want +got):\n%s", diff)
		}
	})
	t.Run("a request of a version no mock has is an unknown operation, answered in its framing", func(t *testing.T) {
		_, err := createThing(thingClient(url, envelopeIdentity.Name, "1999-01-01", http.DefaultClient), "nowhere")
		var ge *specrt.GenericAPIError
		if !errors.As(err, &ge) || ge.Code != "UnknownOperationException" || ge.Metadata.StatusCode != 400 {
			t.Errorf("err = %v, want a 400 UnknownOperationException", err)
		}
	})
}

// FuzzAMockOfTwoProtocols sends any body in either framing to a mock that
// answers both: never a 5xx, and an error in the framing the request has.
func FuzzAMockOfTwoProtocols(f *testing.F) {
	for _, seed := range []struct {
		envelope bool
		body     string
	}{
		{true, `{"op":"CreateThing","version":"2020-01-01","input":{"name":"abc"}}`},
		{true, `{"op":"CreateThing","version":"2020-01-01","input":{"name":[1]}}`},
		{true, `{"op":"CreateThing","version":"1999-01-01"}`},
		{true, `{"op":"CreateThing"`},
		{false, `{"name":"abc"}`},
		{false, `{"op":"CreateThing","version":"2020-01-01"}`},
		{true, ``},
	} {
		f.Add(seed.envelope, seed.body)
	}
	registerEnvelope(f)
	s := NewServer(envelopeService(thingVersion, true), WithBodyLimit(4096), WithRecordLimit(0))
	f.Fuzz(func(t *testing.T, envelope bool, body string) {
		req, _ := http.NewRequest("POST", "http://x/", strings.NewReader(body))
		if envelope {
			req.Header.Set("Content-Type", envelopeIdentity.ContentType)
		} else {
			req.Header.Set("Content-Type", "application/x-amz-json-1.1")
			req.Header.Set("X-Amz-Target", "Things_20200101.CreateThing")
		}
		w := &recorder{header: http.Header{}}
		s.ServeHTTP(w, req)
		if w.status >= 500 {
			t.Fatalf("status %d for %q: %s", w.status, body, w.body.String())
		}
		if w.status < 400 {
			return
		}
		var answer map[string]json.RawMessage
		if err := json.Unmarshal(w.body.Bytes(), &answer); err != nil {
			t.Fatalf("answer is not a JSON object: %q", w.body.String())
		}
		_, inEnvelope := answer["Error"]
		_, inJSON := answer["__type"]
		if envelope && !inEnvelope || !envelope && !inJSON {
			t.Errorf("error answer %s to a request in the %s framing", w.body.String(), req.Header.Get("Content-Type"))
		}
	})
}

func ptr[T any](v T) *T { return &v }

func TestARefusedBodyIsAnsweredInItsProtocolAndRecordedWithItsOperation(t *testing.T) {
	registerEnvelope(t)
	s := NewServer(envelopeService(thingVersion, true), WithBodyLimit(16))
	url := StartTest(t, s)
	req, err := http.NewRequest("POST", url, strings.NewReader(`{"name":"far too long for the limit"}`))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", "Things_20200101.CreateThing")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 413 || !strings.HasPrefix(string(data), `{"__type":"RequestEntityTooLargeException"`) {
		t.Errorf("got %d %s, want 413 RequestEntityTooLargeException in awsJson", resp.StatusCode, data)
	}
	rec := s.Requests()[0]
	if diff := cmp.Diff([]string{"CreateThing", "awsJson1_1"}, []string{rec.Operation, rec.Protocol}); diff != "" {
		t.Errorf("recorded operation and protocol (-want +got):\n%s", diff)
	}
}
