package mockrt

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/specrt"
)

type GetThingInput struct {
	ThingID *string    `json:"-"`
	Key     *string    `json:"-"`
	Limit   *int32     `json:"-"`
	Verbose *bool      `json:"-"`
	Kinds   []AuthType `json:"-"`
	Trace   *string    `json:"-"`
	Since   *time.Time `json:"-"`
	Note    *string    `json:"note,omitempty"`
}

func (v *GetThingInput) Validate() error {
	var r specrt.Report
	var root specrt.Path
	if v.Limit != nil && *v.Limit > 100 {
		r.Add(root.Member("limit"), specrt.RuleRange, specrt.FormatInt(int64(*v.Limit)), "must be at most 100")
	}
	return r.Err()
}

type GetThingOutput struct {
	ThingID *string  `json:"thingId,omitempty"`
	Key     *string  `json:"key,omitempty"`
	Limit   *int32   `json:"limit,omitempty"`
	Verbose *bool    `json:"verbose,omitempty"`
	Kinds   []string `json:"kinds,omitempty"`
	Trace   *string  `json:"trace,omitempty"`
	Note    *string  `json:"note,omitempty"`
}

func boundService() *Service {
	svc := restService()
	bindings := []Binding{
		{Location: "uri", Name: "thingId", Member: "thingId", Field: "ThingID"},
		{Location: "uri", Name: "key", Member: "key", Field: "Key"},
		{Location: "query", Name: "limit", Member: "limit", Field: "Limit"},
		{Location: "query", Name: "verbose", Member: "verbose", Field: "Verbose"},
		{Location: "query", Name: "kind", Member: "kinds", Field: "Kinds"},
		{Location: "header", Name: "X-Trace", Member: "trace", Field: "Trace"},
		{Location: "header", Name: "X-Since", Member: "since", Field: "Since"},
	}
	output := []Field{
		{"thingId", "{input.thingId}"}, {"key", "{input.key}"}, {"limit", "{input.limit}"},
		{"verbose", "{input.verbose}"}, {"kinds", "{input.kinds}"}, {"trace", "{input.trace}"}, {"note", "{input.note}"},
	}
	for _, path := range []string{"/things/{thingId}", "/things/{thingId}/files/{key+}"} {
		svc.Operations = append(svc.Operations, &Operation{
			Name:   "Get" + map[bool]string{true: "File", false: "Thing"}[strings.Contains(path, "files")],
			Method: "GET", Path: path, Status: 200,
			NewInput:  func() Input { return new(GetThingInput) },
			NewOutput: func() any { return new(GetThingOutput) },
			Bindings:  bindings,
			Behavior:  &Behavior{Output: output},
		})
	}
	svc.Operations = append(svc.Operations, &Operation{
		Name: "GetSpecial", Method: "GET", Path: "/things/special", Status: 200,
		NewInput:  func() Input { return new(GetThingInput) },
		NewOutput: func() any { return new(GetThingOutput) },
		Behavior:  &Behavior{Output: []Field{{"note", "special"}}},
	})
	return svc
}

func TestRestJSONBindings(t *testing.T) {
	s := NewServer(boundService())
	url := StartTest(t, s)
	get := func(path string, h map[string]string) response {
		req, _ := http.NewRequest("GET", url+path, nil)
		for k, v := range h {
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		r := response{status: resp.StatusCode}
		var raw strings.Builder
		buf := make([]byte, 4096)
		for {
			n, err := resp.Body.Read(buf)
			raw.Write(buf[:n])
			if err != nil {
				break
			}
		}
		r.raw = raw.String()
		return r
	}
	tests := []struct {
		name, path string
		header     map[string]string
		status     int
		want       string
	}{
		{"labels, query and headers are bound", "/things/t%201?limit=5&verbose=true&kind=NONE&kind=AWS_IAM", map[string]string{"X-Trace": "abc"}, 200,
			`{"kinds":["NONE","AWS_IAM"],"limit":5,"thingId":"t 1","trace":"abc","verbose":true}`},
		{"a greedy label keeps its slashes", "/things/t1/files/a/b/c.txt", nil, 200, `{"key":"a/b/c.txt","thingId":"t1"}`},
		{"a literal route wins over a label", "/things/special", nil, 200, `{"note":"special"}`},
		{"a bound value is validated", "/things/t1?limit=500", nil, 400, "limit: must be at most 100"},
		{"a bound value of the wrong type is a serialization error", "/things/t1?limit=many", nil, 400, "query parameter limit: expected an integer"},
		{"a bad header timestamp is a serialization error", "/things/t1", map[string]string{"X-Since": "yesterday"}, 400, "header X-Since: expected a timestamp"},
		{"a path that fits no route is unknown", "/things/t1/other", nil, 400, "UnknownOperationException"},
		{"a label that is not UTF-8 is a serialization error", "/things/t%FF1", nil, 400, "path label thingId: invalid UTF-8"},
		{"a query value that is not UTF-8 is a serialization error", "/things/t1?kind=%C3", nil, 400, "query parameter kind: invalid UTF-8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := get(tc.path, tc.header)
			if r.status != tc.status || !strings.Contains(r.raw, tc.want) {
				t.Errorf("GET %s: %d %s, want %d containing %s", tc.path, r.status, r.raw, tc.status, tc.want)
			}
		})
	}
}

func TestDefaultSeesBoundMembers(t *testing.T) {
	s := NewServer(boundService())
	out, err := s.Default(context.Background(), "GetThing", &GetThingInput{ThingID: new("t9"), Note: new("n")})
	if err != nil {
		t.Fatal(err)
	}
	got := out.(*GetThingOutput)
	if diff := cmp.Diff(&GetThingOutput{ThingID: new("t9"), Note: new("n")}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
