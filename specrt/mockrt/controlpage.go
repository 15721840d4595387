package mockrt

import (
	htmltemplate "html/template"
	"net/http"
	"time"
)

// The page at ControlPrefix: for a person debugging a test, the services a
// mock serves, the resources of each with their status, and the last
// requests with their answers. It is plain server-rendered HTML (no script)
// and shows no request bodies, headers or descriptions, which may hold
// credentials and sensitive members: identifiers, statuses and outcomes
// only.

// pageRequests is how many of the latest requests the page lists.
const pageRequests = 50

var controlPage = htmltemplate.Must(htmltemplate.New("page").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>specgen mocks</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2em; }
table { border-collapse: collapse; margin-bottom: 1.5em; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left; }
th { background: #f0f0f0; }
.error { color: #a00; }
</style>
</head>
<body>
<h1>specgen mocks</h1>
<h2>Services</h2>
<table id="services">
<tr><th>Service</th><th>Protocol</th><th>Operations</th><th>Resources</th></tr>
{{range .Services}}<tr><td><a href="#{{.Name}}">{{.Name}}</a></td><td>{{.Protocol}}</td><td>{{.Operations}}</td><td>{{len .Resources}}</td></tr>
{{end}}</table>
{{range .Services}}{{if .Kinds}}<h2 id="{{.Name}}">{{.Name}}</h2>
<table class="resources" data-service="{{.Name}}">
<tr><th>Kind</th><th>ID</th><th>Name</th><th>Status</th><th>Next</th><th>ARN</th></tr>
{{range .Resources}}<tr><td>{{.Kind}}</td><td>{{.ID}}</td><td>{{.Name}}</td><td class="status">{{.Status}}</td><td>{{with .Pending}}{{if .Gone}}gone{{else}}{{.Then}}{{end}} at {{.Due.Format "15:04:05"}}{{end}}</td><td>{{.ARN}}</td></tr>
{{else}}<tr><td colspan="6">no resources ({{range $i, $k := .Kinds}}{{if $i}}, {{end}}{{$k}}{{end}})</td></tr>
{{end}}</table>
{{end}}{{end}}<h2>Last requests</h2>
{{if .Requests}}<table id="requests">
<tr><th>Time</th><th>Service</th><th>Operation</th><th>Request</th><th>Status</th><th>Error</th></tr>
{{range .Requests}}<tr><td>{{.Time.Format "15:04:05.000"}}</td><td>{{.Service}}</td><td>{{.Operation}}</td><td>{{.Method}} {{.Path}}</td><td>{{.Status}}</td><td class="error">{{.ErrorCode}}</td></tr>
{{end}}</table>
{{else}}<p>No requests recorded{{if not .Recording}} (the mocks keep none: start cmd/mockserver with -records N){{end}}.</p>
{{end}}<p>Generated {{.Now.Format "2006-01-02 15:04:05 MST"}}. JSON: <a href="resources">resources</a>, <a href="requests">requests</a>.</p>
</body>
</html>
`))

type pageService struct {
	Name, Protocol string
	Operations     int
	Kinds          []string
	Resources      []ResourceState
}

type pageData struct {
	Services  []pageService
	Requests  []requestSummary
	Recording bool
	Now       time.Time
}

// servePage writes the page.
func (c *Control) servePage(w http.ResponseWriter) {
	d := pageData{Now: time.Now().UTC()}
	for _, s := range c.Servers {
		ps := pageService{Name: s.svc.Name, Protocol: s.svc.Protocol, Operations: len(s.svc.Operations), Resources: s.Resources("")}
		for _, r := range s.svc.Resources {
			ps.Kinds = append(ps.Kinds, r.Name)
		}
		d.Services = append(d.Services, ps)
		d.Recording = d.Recording || s.opts.recordLimit > 0
	}
	all := requestsOf(c.Servers)
	if len(all) > pageRequests {
		all = all[len(all)-pageRequests:]
	}
	for i := len(all) - 1; i >= 0; i-- { // newest first
		d.Requests = append(d.Requests, all[i])
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	// An error here is a write to a client that went away; the status is
	// sent already, so there is nothing left to tell it.
	controlPage.Execute(w, d)
}
