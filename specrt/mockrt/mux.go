package mockrt

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/specgen/specgen/specrt"
)

// Mux serves several mocks on one address, as LocalStack does: a request
// goes to the mock whose service has its X-Amz-Target (awsJson protocols)
// or its method and path (restJson1). GET / that no mock claims is answered
// with the services and operations served, as JSON (or, to a client that
// accepts text/html, a small page); any other request no mock claims is
// answered 400 UnknownOperationException.
type Mux struct {
	servers []*Server
	logger  *slog.Logger
}

// NewMux returns a mux over servers. A logger, if not nil, logs the requests
// no server claims; the servers log their own with WithLogger.
func NewMux(logger *slog.Logger, servers ...*Server) *Mux {
	return &Mux{servers: servers, logger: logger}
}

// Servers returns the mocks the mux routes to.
func (m *Mux) Servers() []*Server { return m.servers }

// ServeHTTP routes one request.
func (m *Mux) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, s := range m.servers {
		if s.handles(r) {
			s.ServeHTTP(w, r)
			return
		}
	}
	start := time.Now()
	rec := Record{Time: start, Method: r.Method, Path: r.URL.Path, RequestID: newUUID()}
	w.Header().Set("x-amzn-RequestId", rec.RequestID)
	if isChunked(r) {
		// The answer does not depend on the body: do not wait for it.
		abandonBody(w)
	}
	var status int
	var code string
	if (r.Method == http.MethodGet || r.Method == http.MethodHead) && r.URL.Path == "/" && r.Header.Get("X-Amz-Target") == "" {
		status = m.serveIndex(w, r)
	} else {
		what := r.Method + " " + r.URL.Path
		if t := r.Header.Get("X-Amz-Target"); t != "" {
			what = t
		}
		status, code = writeError(w, specrt.AWSJSON11, unknownOperation(what), nil)
	}
	if m.logger != nil {
		rec.Status, rec.ErrorCode, rec.Duration = status, code, time.Since(start)
		m.logger.LogAttrs(r.Context(), levelFor(status), "request", slogAttrs("", &rec)...)
	}
}
