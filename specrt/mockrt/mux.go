package mockrt

import (
	"bytes"
	"io"
	"log/slog"
	"maps"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/specgen/specgen/specrt/protocol"
	"github.com/specgen/specgen/specrt/protocol/awsjson"
)

// Mux serves several mocks on one address, routing as AWS front ends do.
//
// A request signed with SigV4 names its service in its credential scope
// (Credential=AKID/20260101/us-east-1/vpc-lattice/aws4_request, in the
// Authorization header or, presigned, in the X-Amz-Credential query
// parameter): it goes to the mock whose service has that signing name, even
// when the mock has no such operation, so that the service answers its own
// errors (an unknown operation, a bad signature) in its own protocol. A
// request without a credential scope goes to the mock that has its
// X-Amz-Target (awsJson protocols), its method and path (restJson1), or
// what its body says (the query protocols' Action), read only when its
// headers and path name no operation of any mock; a body gzipped by the
// client's request compression is routed on what it decompresses to,
// within the body limit (WithBodyLimit), which a gzip bomb cannot pass. A
// mock that answers several protocols (Service.Protocols) is found by
// each of them.
//
// Several REST services use the same paths (POST /tags/{resourceArn}), so a
// request that more than one mock has an operation for is answered 400
// AmbiguousRouteException naming them: an unsigned one, or a signed one
// whose signing name two mocks share. A signing name that no mock has is
// answered 400 UnknownServiceException naming those served: AWS never sees
// such a request (each service has its own endpoint), and routing it by path
// instead would hide a misconfigured client.
//
// GET / that no mock claims is answered with the services and operations
// served, as JSON (or, to a client that accepts text/html, a small page);
// any other request no mock claims is answered 400
// UnknownOperationException. The mux's own errors are in the protocol of the
// mocks whose request media type the request's Content-Type names, and in
// awsJson1_1 when none does.
type Mux struct {
	servers []*Server
	// bySigning and groups index servers so that a request is checked
	// against the few mocks it may be for, not against all of them.
	bySigning map[string][]*Server // by SigV4 signing name
	groups    []protocolGroup      // by protocol, in the order of their names
	// bodyLimit is the largest body a server takes, the most the mux reads
	// of a request whose headers and path name no operation it has.
	bodyLimit int64
	// framings are the protocols of the mocks by their request media type,
	// for the answers of the mux's own: a request no mock claims is
	// answered in the protocol whose framing it has.
	framings map[string]protocol.Protocol
	logger   *slog.Logger
}

// protocolGroup is the mocks that answer one protocol, indexed by it for
// unsigned requests; a mock answering several protocols is in each of
// their groups.
type protocolGroup struct {
	servers []*Server
	index   protocol.Index
}

// NewMux returns a mux over servers. A logger, if not nil, logs the requests
// the mux answers itself; the servers log their own with WithLogger.
func NewMux(logger *slog.Logger, servers ...*Server) *Mux {
	m := &Mux{
		servers:   servers,
		bySigning: map[string][]*Server{},
		framings:  map[string]protocol.Protocol{},
		logger:    logger,
	}
	byProtocol := map[string][]*Server{}
	protocols := map[string]protocol.Protocol{}
	for _, s := range servers {
		m.bySigning[s.svc.SigningName] = append(m.bySigning[s.svc.SigningName], s)
		for _, sp := range s.speakers {
			name := sp.proto.Identity().Name
			byProtocol[name] = append(byProtocol[name], s)
			protocols[name] = sp.proto
			if _, ok := m.framings[sp.proto.Identity().ContentType]; !ok {
				m.framings[sp.proto.Identity().ContentType] = sp.proto
			}
		}
		m.bodyLimit = max(m.bodyLimit, s.opts.bodyLimit)
	}
	for _, name := range slices.Sorted(maps.Keys(byProtocol)) {
		g := protocolGroup{servers: byProtocol[name]}
		endpoints := make([]protocol.Endpoint, len(g.servers))
		for i, s := range g.servers {
			endpoints[i] = endpoint(s.svc)
		}
		g.index = protocols[name].NewIndex(endpoints)
		m.groups = append(m.groups, g)
	}
	return m
}

// Servers returns the mocks the mux routes to.
func (m *Mux) Servers() []*Server { return m.servers }

// ServeHTTP routes one request.
func (m *Mux) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s, err := m.route(r)
	if s != nil {
		s.ServeHTTP(w, r)
		return
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
	p := m.framing(r)
	switch {
	case err != nil:
		status, code = writeError(w, p, &protocol.Message{RequestID: rec.RequestID}, err, nil, nil)
	case (r.Method == http.MethodGet || r.Method == http.MethodHead) && r.URL.Path == "/" && r.Header.Get(awsjson.HeaderTarget) == "":
		status = m.serveIndex(w, r)
	default:
		what := r.Method + " " + r.URL.Path
		if t := r.Header.Get(awsjson.HeaderTarget); t != "" {
			what = t
		}
		status, code = writeError(w, p, &protocol.Message{RequestID: rec.RequestID}, unknownOperation(what), nil, nil)
	}
	if m.logger != nil {
		rec.Status, rec.ErrorCode, rec.Duration = status, code, time.Since(start)
		m.logger.LogAttrs(r.Context(), levelFor(status), "request", slogAttrs("", &rec)...)
	}
}

// framing is the protocol the mux answers r in itself: that of the mocks
// whose request media type r's Content-Type names, else awsJson1_1.
func (m *Mux) framing(r *http.Request) protocol.Protocol {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err == nil {
		if p, ok := m.framings[mt]; ok {
			return p
		}
	}
	return awsjson.V11
}

// route picks the mock that serves r. It returns neither a mock nor an
// error when no mock claims an unsigned request (the caller answers GET /
// or UnknownOperationException), and an error when the request's signing
// name is unknown or more than one mock claims it.
func (m *Mux) route(r *http.Request) (*Server, error) {
	if name, ok := signingName(r); ok {
		candidates := m.bySigning[name]
		switch len(candidates) {
		case 0:
			return nil, m.unknownService(name)
		case 1:
			return candidates[0], nil
		}
		pick := func(i int) *Server { return candidates[i] }
		s, err := claimant(r, nil, len(candidates), pick, true)
		if s == nil && err == nil {
			var body []byte
			if body, err = m.peekBody(r); body != nil {
				s, err = claimant(r, body, len(candidates), pick, true)
			}
		}
		if s == nil && err == nil {
			// None of the services of that name has the operation: the
			// first answers, in its protocol, as the service would.
			s = candidates[0]
		}
		return s, err
	}
	// Headers and paths name the operation in most protocols: the body is
	// read only for a request they do not route.
	if s, err := m.byIndex(r, nil); s != nil || err != nil {
		return s, err
	}
	body, err := m.peekBody(r)
	if body == nil {
		return nil, err
	}
	return m.byIndex(r, body)
}

// byIndex returns the one mock that claims the unsigned request r, whose
// body is body (nil: not read), as route does.
func (m *Mux) byIndex(r *http.Request, body []byte) (*Server, error) {
	for _, g := range m.groups {
		picked := g.index.Candidates(r, body)
		if s, err := claimant(r, body, len(picked), func(i int) *Server { return g.servers[picked[i]] }, false); s != nil || err != nil {
			return s, err
		}
	}
	return nil, nil
}

// peekBody reads r's body for routing and puts it back, whole and as
// sent, for the mock that gets the request. A body gzipped last (an
// unsigned client's request compression) is routed on its content,
// decompressed within the body limit: one that inflates past it is
// answered RequestEntityTooLargeException, as a mock would answer it,
// and one that is not gzip the serialization error, before any memory
// goes to more of it (encoding.go). The body is nil, with no error, when
// there is none or it is not read: chunked (the mock refuses it without
// waiting for it) or larger than any mock takes (the mock that gets it
// answers so).
func (m *Mux) peekBody(r *http.Request) ([]byte, error) {
	if r.Body == nil || r.Body == http.NoBody || r.ContentLength == 0 || r.ContentLength > m.bodyLimit || isChunked(r) {
		return nil, nil
	}
	data, err := io.ReadAll(io.LimitReader(r.Body, m.bodyLimit+1))
	r.Body = readCloser{io.MultiReader(bytes.NewReader(data), r.Body), r.Body}
	if err != nil || int64(len(data)) > m.bodyLimit {
		return nil, nil
	}
	if gzipped(contentCodings(r.Header)) {
		return gunzip(data, m.bodyLimit)
	}
	return data, nil
}

// readCloser is a request body put back after peekBody read some of it.
type readCloser struct {
	io.Reader
	io.Closer
}

// claimant returns the one of n candidates (the ith is candidate(i)) that
// has an operation for r, whose body is body (nil: not read), nil when none
// has, and an error naming them when several have; signed says whether r's
// credential scope already names them all.
func claimant(r *http.Request, body []byte, n int, candidate func(int) *Server, signed bool) (*Server, error) {
	var found *Server
	for i := range n {
		s := candidate(i)
		if !s.handles(r, body) {
			continue
		}
		if found != nil {
			rest := make([]*Server, 0, n-i)
			for j := i; j < n; j++ {
				rest = append(rest, candidate(j))
			}
			return nil, ambiguous(r, body, rest, found, signed)
		}
		found = s
	}
	return found, nil
}

// ambiguous builds the error for a request that first and some of rest
// claim; it runs only on that error path, so it may check rest again.
func ambiguous(r *http.Request, body []byte, rest []*Server, first *Server, signed bool) *Error {
	names := []string{describe(first)}
	for _, s := range rest {
		if s.handles(r, body) {
			names = append(names, describe(s))
		}
	}
	what := r.Method + " " + r.URL.Path
	if t := r.Header.Get(awsjson.HeaderTarget); t != "" {
		what = t
	}
	hint := "; sign the request (SigV4) so that its credential scope names one of them"
	if signed {
		hint = "; they share the signing name of the request's credential scope, so serve them on separate addresses"
	}
	return &Error{
		Code:    "AmbiguousRouteException",
		Message: "more than one service has an operation for " + logText(what) + ": " + strings.Join(names, ", ") + hint,
	}
}

// unknownService builds the error for a signing name no mock has.
func (m *Mux) unknownService(name string) *Error {
	msg := "no service with signing name '" + logText(name) + "' is served here"
	if len(m.servers) > 0 {
		// With whole services imported there may be hundreds: the first
		// few show the form, GET / lists them all.
		const shown = 10
		served := make([]string, 0, shown)
		for _, s := range m.servers[:min(shown, len(m.servers))] {
			served = append(served, describe(s))
		}
		msg += "; served: " + strings.Join(served, ", ")
		if more := len(m.servers) - shown; more > 0 {
			msg += " and " + strconv.Itoa(more) + " more (GET / lists them)"
		}
	}
	return &Error{Code: "UnknownServiceException", Message: msg}
}

// describe names a mock in an error: its package and its signing name.
func describe(s *Server) string {
	return s.svc.Name + " (signing name '" + s.svc.SigningName + "')"
}

// signingName returns the service of the request's SigV4 credential scope:
// the Authorization header's when there is one, else the presigned
// X-Amz-Credential query parameter's. ok is false when the request carries
// no well-formed scope; such a request is routed by target or path, and the
// mock that gets it judges its signature. It does not allocate for a
// header, since every request of a signing client goes through it.
func signingName(r *http.Request) (string, bool) {
	if h := r.Header.Get("Authorization"); h != "" {
		rest, ok := strings.CutPrefix(h, sigAlgorithm+" ")
		if !ok {
			return "", false
		}
		for rest != "" {
			var part string
			part, rest, _ = strings.Cut(rest, ",")
			if cred, ok := strings.CutPrefix(strings.TrimSpace(part), "Credential="); ok {
				return scopeService(cred)
			}
		}
		return "", false
	}
	const param = "X-Amz-Credential="
	q := r.URL.RawQuery
	for q != "" {
		var kv string
		kv, q, _ = strings.Cut(q, "&")
		if v, ok := strings.CutPrefix(kv, param); ok {
			cred, err := url.QueryUnescape(v)
			if err != nil {
				return "", false
			}
			return scopeService(cred)
		}
	}
	return "", false
}

// scopeService returns the service of a credential
// "AKID/20260101/us-east-1/service/aws4_request", checked as parseAuth
// checks it.
func scopeService(cred string) (string, bool) {
	var parts [5]string
	for i := range 4 {
		var ok bool
		if parts[i], cred, ok = strings.Cut(cred, "/"); !ok {
			return "", false
		}
	}
	parts[4] = cred
	if parts[0] == "" || parts[3] == "" || parts[4] != "aws4_request" {
		return "", false
	}
	return parts[3], true
}
