package mockrt

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// StartTest serves h on a new httptest server that is closed when the test
// ends, and returns the server's base URL. The server has the connection
// limits of opts (WithReadTimeout, WithWriteTimeout, WithIdleTimeout,
// WithMaxConns), or the defaults.
func StartTest(t testing.TB, h http.Handler, opts ...Option) string {
	t.Helper()
	l := limitsOf(opts)
	ts := httptest.NewUnstartedServer(h)
	ts.Config.ReadHeaderTimeout = DefaultReadHeaderTimeout
	l.apply(ts.Config)
	ts.Listener = LimitListener(ts.Listener, l.maxConns)
	ts.Start()
	t.Cleanup(ts.Close)
	return ts.URL
}
