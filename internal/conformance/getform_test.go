package conformance

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/internal/conformance/gen/ec2protocol"
	"github.com/specgen/specgen/internal/conformance/gen/ec2protocol/ec2protocolmock"
	"github.com/specgen/specgen/internal/conformance/gen/querycompatiblejsonrpc10/querycompatiblejsonrpc10mock"
	"github.com/specgen/specgen/internal/conformance/gen/queryprotocol"
	"github.com/specgen/specgen/internal/conformance/gen/queryprotocol/queryprotocolmock"
	"github.com/specgen/specgen/specrt/mockrt"
)

// TestQueryRequestsSentAsGET sends the mocks of an awsQuery and an
// ec2Query service their form as a GET query string, as older clients and
// curl do, beside the POST form: both reach the operation with the same
// input; a GET that is not that form is no operation of theirs.
func TestQueryRequestsSentAsGET(t *testing.T) {
	const form = "Action=SimpleInputParams&Version=2020-01-08&Foo=val1&Bar=val%202"
	tests := []struct {
		name, method, target, body string
		wantStatus                 int
		wantInput                  []string // Foo, Bar as the handler saw them; nil: not called
	}{
		{name: "the POST form reaches the operation", method: http.MethodPost, target: "/", body: form,
			wantStatus: 200, wantInput: []string{"val1", "val 2"}},
		{name: "a GET with the form in its query string reaches the operation", method: http.MethodGet, target: "/?" + form,
			wantStatus: 200, wantInput: []string{"val1", "val 2"}},
		{name: "a GET naming an operation the service lacks is an unknown operation", method: http.MethodGet,
			target: "/?Action=NoSuchThing&Version=2020-01-08", wantStatus: 400},
		{name: "a GET to another path is not the form", method: http.MethodGet, target: "/other?" + form, wantStatus: 400},
		{name: "a GET whose query string is not a form is refused", method: http.MethodGet, target: "/?Action=%zz", wantStatus: 400},
	}
	type mockOf struct {
		name  string
		serve func(r *http.Request) (int, []string)
	}
	mocks := []mockOf{
		{"awsQuery", func(r *http.Request) (int, []string) {
			var got []string
			m := queryprotocolmock.New()
			m.HandleSimpleInputParams(func(_ context.Context, in *queryprotocol.SimpleInputParamsInput) (*queryprotocol.SimpleInputParamsOutput, error) {
				got = []string{deref(in.Foo), deref(in.Bar)}
				return nil, nil
			})
			rec := httptest.NewRecorder()
			m.ServeHTTP(rec, r)
			return rec.Code, got
		}},
		{"ec2Query", func(r *http.Request) (int, []string) {
			var got []string
			m := ec2protocolmock.New()
			m.HandleSimpleInputParams(func(_ context.Context, in *ec2protocol.SimpleInputParamsInput) (*ec2protocol.SimpleInputParamsOutput, error) {
				got = []string{deref(in.Foo), deref(in.Bar)}
				return nil, nil
			})
			rec := httptest.NewRecorder()
			m.ServeHTTP(rec, r)
			return rec.Code, got
		}},
	}
	for _, m := range mocks {
		for _, tt := range tests {
			t.Run(m.name+": "+tt.name, func(t *testing.T) {
				r := httptest.NewRequest(tt.method, "https://example.com"+tt.target, strings.NewReader(tt.body))
				if tt.body != "" {
					r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				}
				status, got := m.serve(r)
				if d := cmp.Diff(tt.wantStatus, status); d != "" {
					t.Errorf("status (-want +got):\n%s", d)
				}
				if d := cmp.Diff(tt.wantInput, got); d != "" {
					t.Errorf("input Foo, Bar (-want +got):\n%s", d)
				}
			})
		}
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

// TestMuxRoutesAnUnsignedQueryGET checks that a mock server serving
// several services finds the query service an unsigned GET form is for,
// as it finds the one a POST form is for.
func TestMuxRoutesAnUnsignedQueryGET(t *testing.T) {
	tests := []struct {
		name, method, target, body string
	}{
		{name: "a POST form reaches the awsQuery mock", method: http.MethodPost, target: "/", body: "Action=SimpleInputParams&Foo=a"},
		{name: "a GET form reaches the awsQuery mock", method: http.MethodGet, target: "/?Action=SimpleInputParams&Foo=a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			q := queryprotocolmock.New()
			q.HandleSimpleInputParams(func(_ context.Context, in *queryprotocol.SimpleInputParamsInput) (*queryprotocol.SimpleInputParamsOutput, error) {
				got = []string{deref(in.Foo)}
				return nil, nil
			})
			mux := mockrt.NewMux(nil, querycompatiblejsonrpc10mock.New().Server, q.Server)
			r := httptest.NewRequest(tt.method, "https://example.com"+tt.target, strings.NewReader(tt.body))
			if tt.body != "" {
				r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			}
			rec := httptest.NewRecorder()
			mux.ServeHTTP(rec, r)
			if d := cmp.Diff([]string{"a"}, got); d != "" {
				t.Errorf("input Foo (-want +got):\n%s\nanswer: %d %s", d, rec.Code, rec.Body)
			}
		})
	}
}

// TestSignedQueryGET checks that a mock checking signatures takes a GET
// form signed as SigV4 signs a GET: the query string in the canonical
// request, the hash of an empty body.
func TestSignedQueryGET(t *testing.T) {
	tests := []struct {
		name       string
		secret     string
		wantStatus int
	}{
		{name: "a GET form signed with the right secret is answered", secret: "secret", wantStatus: 200},
		{name: "a GET form signed with another secret is refused", secret: "other", wantStatus: 403},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := queryprotocolmock.New(mockrt.WithCredentials("AKID", "secret"), mockrt.WithRegion("us-east-1"))
			r := httptest.NewRequest(http.MethodGet, "https://example.com/?Action=SimpleInputParams&Version=2020-01-08&Foo=a", nil)
			empty := sha256.Sum256(nil)
			err := v4.NewSigner().SignHTTP(context.Background(), aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: tt.secret},
				r, hex.EncodeToString(empty[:]), "queryprotocol", "us-east-1", time.Now())
			if err != nil {
				t.Fatal(err)
			}
			rec := httptest.NewRecorder()
			m.ServeHTTP(rec, r)
			if d := cmp.Diff(tt.wantStatus, rec.Code); d != "" {
				t.Errorf("status (-want +got):\n%s\nanswer: %s", d, rec.Body)
			}
		})
	}
}
