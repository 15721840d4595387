package mockrt

import (
	"net/http"
	"time"
)

// A request body in the chunked transfer coding is refused, before it is
// read, with the service's serialization error (400).
//
// net/http believes Transfer-Encoding over Content-Length, as RFC 9112
// §6.3 says, and drops the Content-Length before a handler sees the
// request. A request with both whose body is not really chunked (the usual
// request-smuggling probe, or a confused client) then leaves the server
// waiting for a chunk-size line that never comes: the client waits for an
// answer, the server for the rest of the body, until a timeout. A handler
// cannot tell such a request from an honest chunked one, so both are
// refused. No AWS SDK sends a chunked body to these protocols: SigV4 hashes
// the whole payload before sending, so its length is always known.
const chunkedRefused = "the request body must be sent with a Content-Length; the chunked transfer coding is not accepted"

// isChunked reports whether r's body is in a transfer coding (net/http
// accepts chunked alone).
func isChunked(r *http.Request) bool { return len(r.TransferEncoding) > 0 }

// abandonBody makes the answer to a request whose body will not be read go
// out at once and close the connection. Without it, net/http would read
// the unread body before answering (to keep the connection), and then
// again when the handler returns, which for a body that is not really
// chunked means waiting for the read timeout.
func abandonBody(w http.ResponseWriter) {
	w.Header().Set("Connection", "close")
	// A deadline in the past fails the pending reads at once; a writer that
	// does not support deadlines (a test recorder) has no connection to
	// wait on anyway.
	_ = http.NewResponseController(w).SetReadDeadline(time.Now())
}

// refuseChunked returns the error to answer a request with a chunked body
// with, after abandoning the body; nil for any other request.
func (s *Server) refuseChunked(w http.ResponseWriter, r *http.Request) error {
	if !isChunked(r) {
		return nil
	}
	abandonBody(w)
	return s.serializationFailed(chunkedRefused)
}
