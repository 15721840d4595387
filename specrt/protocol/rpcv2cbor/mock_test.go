package rpcv2cbor_test

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/internal/conformance/gen/rpcv2protocol"
	"github.com/specgen/specgen/internal/conformance/gen/rpcv2protocol/rpcv2protocolmock"
	"github.com/specgen/specgen/specrt"
	"github.com/specgen/specgen/specrt/protocol/rpcv2cbor"
)

// The generated client and mock of the Smithy RPC v2 CBOR test service
// (internal/conformance) talk to each other over HTTP, and the mock
// refuses what is not CBOR of the operation's input with a client error
// in CBOR, never a 5xx.

func TestClientAndMockTalkCBOR(t *testing.T) {
	srv := httptest.NewServer(rpcv2protocolmock.New())
	defer srv.Close()
	var sent http.Header
	client := rpcv2protocol.New(specrt.Options{Region: "us-east-1", BaseEndpoint: srv.URL, RetryMaxAttempts: 1,
		HTTPClient: doerFunc(func(r *http.Request) (*http.Response, error) {
			sent = r.Header.Clone()
			return srv.Client().Do(r)
		})})
	at := time.Date(2026, 11, 29, 20, 30, 0, 0, time.UTC)
	_, err := client.RpcV2CborLists(context.Background(), &rpcv2protocol.RpcV2CborListsInput{
		StringList: []string{"a", "b"}, IntegerList: []int32{1, -2}, TimestampList: []time.Time{at}, BooleanList: []bool{false},
	})
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]string{"Content-Type": "application/cbor", "Accept": "application/cbor", "Smithy-Protocol": "rpc-v2-cbor"} {
		if got := sent.Get(k); got != v {
			t.Errorf("request header %s = %q, want %q", k, got, v)
		}
	}
	if _, err := client.NoInputOutput(context.Background(), &rpcv2protocol.NoInputOutputInput{}); err != nil {
		t.Errorf("NoInputOutput: %v", err)
	}
	if got := sent.Get("Content-Type"); got != "" || sent.Get("Smithy-Protocol") != "rpc-v2-cbor" {
		t.Errorf("a request without input has Content-Type %q and Smithy-Protocol %q, want none and rpc-v2-cbor", got, sent.Get("Smithy-Protocol"))
	}
}

type doerFunc func(*http.Request) (*http.Response, error)

func (f doerFunc) Do(r *http.Request) (*http.Response, error) { return f(r) }

func TestMockRefusesBadBodiesWithAClientError(t *testing.T) {
	mock := rpcv2protocolmock.New()
	for _, tt := range []struct {
		name, op, body string
		message        string // a part of the error's message
	}{
		{"a body that is not CBOR", "SimpleScalarProperties", hex.EncodeToString([]byte(`{"stringValue":"x"}`)), "expected a map"},
		{"a member of the wrong type", "SimpleScalarProperties", "a1 6b737472696e6756616c7565 01", "stringValue"},
		{"a truncated body", "SimpleScalarProperties", "a2 6b737472696e6756616c7565", "the end of the input"},
		{"a huge declared length", "RpcV2CborLists", "a1 6a737472696e674c697374 9b ffffffffffffffff", "declared length"},
		{"nesting without end", "RecursiveShapes", strings.Repeat("a1 666e6573746564", 3000) + "a0", "nested too deeply"},
		{"an invalid tag on a timestamp", "RpcV2CborLists", "a1 6d74696d657374616d704c697374 81 c0 00", "tag 0"},
		{"an indefinite string with a byte chunk", "SimpleScalarProperties", "a1 6b737472696e6756616c7565 7f 4161 ff", "chunk"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			body, err := hex.DecodeString(strings.ReplaceAll(tt.body, " ", ""))
			if err != nil {
				t.Fatal(err)
			}
			req := httptest.NewRequest("POST", rpcv2cbor.Path("RpcV2Protocol", tt.op), bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/cbor")
			req.Header.Set("Smithy-Protocol", "rpc-v2-cbor")
			rec := httptest.NewRecorder()
			mock.ServeHTTP(rec, req)
			if rec.Code < 400 || rec.Code >= 500 {
				t.Fatalf("status %d, want a client error; body %x", rec.Code, rec.Body.Bytes())
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/cbor" {
				t.Errorf("Content-Type %q, want application/cbor", ct)
			}
			info := rpcv2cbor.RPCv2CBOR.ReadError(rec.Header(), rec.Body.Bytes())
			if info.Code == "" || !strings.Contains(info.Message, tt.message) {
				t.Errorf("error %+v, want a code and a message that says %q", info, tt.message)
			}
		})
	}
}

func TestClientReadsTheMocksErrorAsTheServicesError(t *testing.T) {
	mock := rpcv2protocolmock.New()
	mock.HandleGreetingWithErrors(func(context.Context, *rpcv2protocol.GreetingWithErrorsInput) (*rpcv2protocol.GreetingWithErrorsOutput, error) {
		return nil, &rpcv2protocol.ComplexError{TopLevel: ptr("top"), Nested: &rpcv2protocol.ComplexNestedErrorData{Foo: ptr("bar")}}
	})
	srv := httptest.NewServer(mock)
	defer srv.Close()
	client := rpcv2protocol.New(specrt.Options{Region: "us-east-1", BaseEndpoint: srv.URL, HTTPClient: srv.Client(), RetryMaxAttempts: 1})
	_, err := client.GreetingWithErrors(context.Background(), &rpcv2protocol.GreetingWithErrorsInput{})
	var ce *rpcv2protocol.ComplexError
	if !errors.As(err, &ce) {
		t.Fatalf("error %T %v, want a *ComplexError", err, err)
	}
	want := &rpcv2protocol.ComplexError{TopLevel: ptr("top"), Nested: &rpcv2protocol.ComplexNestedErrorData{Foo: ptr("bar")}}
	if diff := cmp.Diff(want.TopLevel, ce.TopLevel); diff != "" {
		t.Errorf("TopLevel (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want.Nested, ce.Nested); diff != "" {
		t.Errorf("Nested (-want +got):\n%s", diff)
	}
	var api smithy.APIError
	if !errors.As(err, &api) || api.ErrorCode() != "ComplexError" {
		t.Errorf("error code %v, want ComplexError", err)
	}
}

func ptr[T any](v T) *T { return &v }
