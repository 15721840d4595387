package mockrt

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"time"
)

// ControlPrefix is the reserved path prefix of the control endpoints, as
// moto has /moto-api/: no AWS API path starts with it.
const ControlPrefix = "/_specgen/"

// Control serves the control endpoints of a set of mocks over HTTP, for
// tests written in other languages and for people debugging one:
//
//	GET  /_specgen/                                    a page for people: services, resources, last requests
//	GET  /_specgen/resources[?service=S&kind=K]        the stored resources, by service
//	GET  /_specgen/resources/{service}/{kind}/{ident}  one resource, by id, name or ARN
//	POST /_specgen/reset[?service=S]                   forget every resource, record and injection
//	POST /_specgen/clock?advance=30s[&service=S]       move the resources' time forward
//	POST /_specgen/errors                              inject an error: {"service", "operation", "count", "code", "message", "status"}
//	GET  /_specgen/requests[?service=S]                the recorded requests (no headers, no bodies)
//	POST /_specgen/state                               save the state now (with Save)
//
// Answers are JSON; a problem is answered {"message": "..."} with a 4xx
// status.
type Control struct {
	// Servers are the mocks controlled.
	Servers []*Server
	// Save saves the state, for POST /_specgen/state; nil answers 404
	// there (cmd/mockserver sets it with -state).
	Save func() error
}

// ServeHTTP answers one control request.
func (c *Control) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	path := strings.TrimPrefix(r.URL.Path, strings.TrimSuffix(ControlPrefix, "/"))
	if strings.Trim(path, "/") == "" && r.Method == http.MethodGet {
		c.servePage(w)
		return
	}
	status, v := c.serve(r, strings.Trim(path, "/"))
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		status, data = http.StatusInternalServerError, []byte(`{"message":"cannot encode the answer"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(append(data, '\n'))
}

type controlError struct {
	Message string `json:"message"`
}

func problem(status int, format string, args ...any) (int, any) {
	return status, controlError{fmt.Sprintf(format, args...)}
}

func (c *Control) serve(r *http.Request, path string) (int, any) {
	seg := strings.Split(path, "/")
	q := r.URL.Query()
	want := func(method string) bool { return r.Method == method }
	switch {
	case seg[0] == "resources" && len(seg) == 1 && want(http.MethodGet):
		servers, err := c.pick(q.Get("service"))
		if err != nil {
			return problem(http.StatusNotFound, "%v", err)
		}
		out := map[string][]ResourceState{}
		for _, s := range servers {
			if list := s.Resources(q.Get("kind")); s.res != nil {
				if list == nil {
					list = []ResourceState{}
				}
				out[s.svc.Name] = list
			}
		}
		return http.StatusOK, out
	case seg[0] == "resources" && len(seg) == 4 && want(http.MethodGet):
		servers, err := c.pick(seg[1])
		if err != nil || seg[1] == "" {
			return problem(http.StatusNotFound, "no service %q", seg[1])
		}
		st, ok := servers[0].Resource(seg[2], seg[3])
		if !ok {
			return problem(http.StatusNotFound, "service %s has no %s %q", seg[1], seg[2], seg[3])
		}
		return http.StatusOK, st
	case seg[0] == "reset" && len(seg) == 1 && want(http.MethodPost):
		servers, err := c.pick(q.Get("service"))
		if err != nil {
			return problem(http.StatusNotFound, "%v", err)
		}
		for _, s := range servers {
			s.Reset()
		}
		return http.StatusOK, struct{}{}
	case seg[0] == "clock" && len(seg) == 1 && want(http.MethodPost):
		d, err := time.ParseDuration(q.Get("advance"))
		if err != nil || d < 0 {
			return problem(http.StatusBadRequest, "advance must be a duration such as 30s, got %q", q.Get("advance"))
		}
		servers, err := c.pick(q.Get("service"))
		if err != nil {
			return problem(http.StatusNotFound, "%v", err)
		}
		for _, s := range servers {
			s.AdvanceClock(d)
		}
		return http.StatusOK, struct{}{}
	case seg[0] == "errors" && len(seg) == 1 && want(http.MethodPost):
		return c.inject(r)
	case seg[0] == "requests" && len(seg) == 1 && want(http.MethodGet):
		servers, err := c.pick(q.Get("service"))
		if err != nil {
			return problem(http.StatusNotFound, "%v", err)
		}
		return http.StatusOK, requestsOf(servers)
	case seg[0] == "state" && len(seg) == 1 && want(http.MethodPost):
		if c.Save == nil {
			return problem(http.StatusNotFound, "this mock keeps no state file (start it with -state FILE)")
		}
		if err := c.Save(); err != nil {
			return problem(http.StatusInternalServerError, "%v", err)
		}
		return http.StatusOK, struct{}{}
	}
	return problem(http.StatusNotFound, "no control endpoint %s %s%s", r.Method, ControlPrefix, path)
}

// pick returns the server named name, or every server when name is empty.
func (c *Control) pick(name string) ([]*Server, error) {
	if name == "" {
		return c.Servers, nil
	}
	for _, s := range c.Servers {
		if s.svc.Name == name {
			return []*Server{s}, nil
		}
	}
	names := make([]string, 0, len(c.Servers))
	for _, s := range c.Servers {
		names = append(names, s.svc.Name)
	}
	sort.Strings(names)
	return nil, fmt.Errorf("no service %q (serving %s)", name, strings.Join(names, ", "))
}

// injectRequest is the body of POST /_specgen/errors.
type injectRequest struct {
	Service   string `json:"service"`
	Operation string `json:"operation"`
	Count     int    `json:"count"`
	Code      string `json:"code"`
	Message   string `json:"message"`
	Status    int    `json:"status"`
}

func (c *Control) inject(r *http.Request) (int, any) {
	var in injectRequest
	dec := json.NewDecoder(io.LimitReader(r.Body, 1<<16))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return problem(http.StatusBadRequest, "the body must be {\"service\", \"operation\", \"count\", \"code\", \"message\", \"status\"}: %v", err)
	}
	servers, err := c.pick(in.Service)
	switch {
	case err != nil || in.Service == "":
		return problem(http.StatusNotFound, "no service %q", in.Service)
	case in.Code == "":
		return problem(http.StatusBadRequest, "code is required")
	case in.Status != 0 && (in.Status < 400 || in.Status > 599):
		return problem(http.StatusBadRequest, "status must be between 400 and 599, got %d", in.Status)
	}
	s := servers[0]
	if _, ok := s.ops[in.Operation]; in.Operation != "" && !ok {
		return problem(http.StatusNotFound, "service %s has no operation %q", in.Service, in.Operation)
	}
	if in.Count <= 0 {
		in.Count = 1
	}
	s.InjectError(in.Operation, in.Count, &Error{Code: in.Code, Message: in.Message, Status: in.Status})
	return http.StatusOK, struct{}{}
}

// requestSummary is a recorded request as the control API shows it:
// without headers or body, which may hold credentials and sensitive
// members.
type requestSummary struct {
	Service   string    `json:"service"`
	Time      time.Time `json:"time"`
	Operation string    `json:"operation,omitempty"`
	Method    string    `json:"method"`
	Path      string    `json:"path"`
	Status    int       `json:"status"`
	ErrorCode string    `json:"errorCode,omitempty"`
	RequestID string    `json:"requestId"`
	Duration  string    `json:"duration"`
}

func requestsOf(servers []*Server) []requestSummary {
	out := []requestSummary{}
	for _, s := range servers {
		for _, rec := range s.Requests() {
			out = append(out, requestSummary{
				Service: s.svc.Name, Time: rec.Time, Operation: rec.Operation, Method: rec.Method, Path: rec.Path,
				Status: rec.Status, ErrorCode: rec.ErrorCode, RequestID: rec.RequestID, Duration: rec.Duration.String(),
			})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Time.Before(out[j].Time) })
	return out
}
