package mockrt

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// StartTest serves h on a new httptest server that is closed when the test
// ends, and returns the server's base URL.
func StartTest(t testing.TB, h http.Handler) string {
	t.Helper()
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts.URL
}
