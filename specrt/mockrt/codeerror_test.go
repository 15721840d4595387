package mockrt

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A service whose model declares no errors (EC2) names its errors by code:
// a required member left out answers MissingParameter, its message naming
// the member ({subject}), while a value breaking a constraint still
// answers the validation error.
func TestMissingParameterIsAnErrorOfItsOwn(t *testing.T) {
	svc := jsonService()
	svc.MissingParameter = &ErrorTemplate{Code: "MissingParameter", Members: []Field{{"message", "The request must contain the parameter {subject}"}}}
	s := NewServer(svc)
	for _, tc := range []struct {
		name, body string
		status     int
		code, msg  string
	}{
		{"a required member left out", `{}`, 400, "MissingParameter", "The request must contain the parameter name"},
		{"a value too short", `{"name":"ab"}`, 400, "ValidationException", "validation failed: name: length must be between 3 and 10 characters, got 2 (value \"ab\")"},
	} {
		t.Run(tc.name+" answers "+tc.code, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(tc.body))
			req.Header.Set("X-Amz-Target", "Things_20200101.CreateThing")
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			var body struct {
				Type    string `json:"__type"`
				Message string `json:"message"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
				t.Fatalf("%q: %v", rec.Body.String(), err)
			}
			if diff := cmp.Diff([]any{tc.status, tc.code, tc.msg}, []any{rec.Code, body.Type, body.Message}); diff != "" {
				t.Errorf("status, code, message (-want +got):\n%s", diff)
			}
		})
	}
}
