package mocktest

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/mocks"
	"github.com/specgen/specgen/specrt/mockrt"
)

// An unsigned awsQuery request names its operation in its body alone
// (Action): the mux of every generated mock routes it by that body, gzipped
// or not. SNS speaks awsQuery; CloudWatch answers it beside rpcv2Cbor.
func TestTheMuxRoutesGzippedQueryRequestsByAction(t *testing.T) {
	mux := mockrt.NewMux(nil, mocks.All()...)
	gz := func(s string) []byte {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(s))
		zw.Close()
		return b.Bytes()
	}
	tests := []struct {
		name     string
		body     []byte
		encoding string
		want     []any // status, the mock that recorded it
	}{
		{"a plain SNS request reaches SNS", []byte("Action=ListTopics&Version=2010-03-31"), "", []any{200, "sns"}},
		{"a gzipped SNS request reaches SNS", gz("Action=ListTopics&Version=2010-03-31"), "gzip", []any{200, "sns"}},
		{"a gzipped CloudWatch request reaches CloudWatch", gz("Action=ListMetrics&Version=2010-08-01"), "gzip", []any{200, "cloudwatch"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := map[*mockrt.Server]int{}
			for _, s := range mux.Servers() {
				before[s] = len(s.Requests())
			}
			r := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(tt.body))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			if tt.encoding != "" {
				r.Header.Set("Content-Encoding", tt.encoding)
			}
			w := httptest.NewRecorder()
			mux.ServeHTTP(w, r)
			served := "mux"
			for _, s := range mux.Servers() {
				if len(s.Requests()) != before[s] {
					served = s.Service().Name
				}
			}
			if d := cmp.Diff(tt.want, []any{w.Code, served}); d != "" {
				t.Errorf("status, served by (-want +got):\n%s\nbody: %s", d, w.Body.String())
			}
		})
	}
}
