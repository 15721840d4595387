package mockrt

import (
	"encoding/json"
	htmltemplate "html/template"
	"net/http"
	"strings"

	"github.com/specgen/specgen/specrt/protocol"
)

// index is what GET / on a Mux answers: the services and operations it
// serves, so that someone who points a browser or curl at the mock sees
// what is there instead of an UnknownOperationException.
type index struct {
	Services []indexService `json:"services"`
}

// indexService names the signing name too: a client that signs with it
// reaches the service even where another has the same paths.
type indexService struct {
	Name     string `json:"name"`
	Protocol string `json:"protocol"`
	// OtherProtocols are those the mock answers besides Protocol; the
	// operations' addresses are Protocol's.
	OtherProtocols []string         `json:"otherProtocols,omitempty"`
	SigningName    string           `json:"signingName"`
	Operations     []indexOperation `json:"operations"`
}

// indexOperation says how to call an operation: its X-Amz-Target (targeted
// protocols) or its method and path.
type indexOperation struct {
	Name   string `json:"name"`
	Target string `json:"target,omitempty"`
	Method string `json:"method,omitempty"`
	Path   string `json:"path,omitempty"`
}

func (m *Mux) index() index {
	x := index{Services: make([]indexService, 0, len(m.servers))}
	for _, s := range m.servers {
		svc := indexService{Name: s.svc.Name, Protocol: s.svc.Protocol, SigningName: s.svc.SigningName,
			Operations: make([]indexOperation, 0, len(s.svc.Operations))}
		for _, sp := range s.speakers[1:] {
			svc.OtherProtocols = append(svc.OtherProtocols, sp.proto.Identity().Name)
		}
		for _, op := range s.svc.Operations {
			a := s.speakers[0].proto.Address(s.svc.TargetPrefix, protocol.Route{Name: op.Name, Method: op.Method, Path: op.Path})
			svc.Operations = append(svc.Operations, indexOperation{Name: op.Name, Target: a.Target, Method: a.Method, Path: a.Path})
		}
		x.Services = append(x.Services, svc)
	}
	return x
}

var indexPage = htmltemplate.Must(htmltemplate.New("index").Parse(`<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Mock services</title></head>
<body>
<h1>Mock services</h1>
{{range .Services}}<h2>{{.Name}} ({{.Protocol}}{{range .OtherProtocols}}; also {{.}}{{end}})</h2>
<p>SigV4 signing name: {{.SigningName}}</p>
<ul>
{{range .Operations}}<li>{{.Name}}: {{if .Target}}POST / with X-Amz-Target: {{.Target}}{{else}}{{.Method}} {{.Path}}{{end}}</li>
{{end}}</ul>
{{end}}</body></html>
`))

// serveIndex answers the index as JSON, or as a small HTML page to a client
// that accepts text/html (a browser).
func (m *Mux) serveIndex(w http.ResponseWriter, r *http.Request) int {
	x := m.index()
	if strings.Contains(r.Header.Get("Accept"), "text/html") {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		// The page is small and its template fixed: an error here can only
		// be a write to a closed connection, which nobody can be told of.
		_ = indexPage.Execute(w, x)
		return http.StatusOK
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(x)
	return http.StatusOK
}
