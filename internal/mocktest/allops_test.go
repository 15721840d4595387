package mocktest

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/specgen/specgen/gen/apprunner/apprunnermock"
	"github.com/specgen/specgen/gen/cloudwatch/cloudwatchmock"
	"github.com/specgen/specgen/gen/ec2/ec2mock"
	"github.com/specgen/specgen/gen/ecs/ecsmock"
	"github.com/specgen/specgen/gen/lightsail/lightsailmock"
	"github.com/specgen/specgen/gen/route53/route53mock"
	"github.com/specgen/specgen/gen/servicediscovery/servicediscoverymock"
	"github.com/specgen/specgen/gen/sns/snsmock"
	"github.com/specgen/specgen/gen/vpclattice/vpclatticemock"
	"github.com/specgen/specgen/generator"
	"github.com/specgen/specgen/generator/model"
	"github.com/specgen/specgen/specrt/mockrt"
	"github.com/specgen/specgen/specrt/protocol/registry"
)

// labelRE matches the path labels of a restJson1 operation, greedy or not.
var labelRE = regexp.MustCompile(`\{[^}]+\}`)

// TestEveryOperationIsServed sends every operation of the five services,
// imported in full, to its mock with no input members but its path labels.
// Each must be routed, decoded and validated: answered with a success whose
// body conforms to the output shape, or, when the input has required
// members or its labels break a constraint, with the service's own
// validation error, or, acting on a resource that does not exist, with
// an error the operation declares (its not-found); never an unknown
// operation, another error or a 5xx.
func TestEveryOperationIsServed(t *testing.T) {
	for _, tc := range []struct {
		pkg     string
		handler http.Handler
		ops     int
	}{
		{"apprunner", apprunnermock.New(), 37},
		{"ecs", ecsmock.New(), 77},
		{"lightsail", lightsailmock.New(), 161},
		{"servicediscovery", servicediscoverymock.New(), 30},
		{"vpclattice", vpclatticemock.New(), 73},
	} {
		t.Run(tc.pkg, func(t *testing.T) {
			svcs, _, err := generator.Load([]string{"../../specs/" + tc.pkg + "/" + tc.pkg + ".yaml"})
			if err != nil {
				t.Fatal(err)
			}
			svc := svcs[0]
			if len(svc.Operations) != tc.ops {
				t.Errorf("%d operations, want %d", len(svc.Operations), tc.ops)
			}
			answered := 0
			for _, op := range svc.Operations {
				w := serveOperation(t, tc.handler, svc, op)
				code := w.Header().Get("X-Amzn-ErrorType")
				switch {
				case w.Code >= 200 && w.Code < 300:
					answered++
					var body any
					if w.Body.Len() > 0 {
						if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
							t.Errorf("%s: answer is not JSON: %v: %s", op.Name, err, w.Body)
							continue
						}
					}
					for _, p := range conformBody(op.Output, body) {
						t.Errorf("%s: %s", op.Name, p)
					}
				case w.Code == 400 && strings.HasPrefix(code, svc.ValidationError.Name):
				case w.Code >= 400 && w.Code < 500 && declares(op, code):
				default:
					t.Errorf("%s: %d %q %s, want a success or %s", op.Name, w.Code, code, w.Body, svc.ValidationError.Name)
				}
			}
			// Most operations have a required member; those that have none
			// (List*, Describe* without filters) must answer a conforming body.
			if answered == 0 {
				t.Errorf("no operation answered a success")
			}
			t.Logf("%d operations: %d answered, %d refused as %s", len(svc.Operations), answered, len(svc.Operations)-answered, svc.ValidationError.Name)
		})
	}
}

// declares tells whether op declares the error code (an X-Amzn-ErrorType,
// which may carry a ":" suffix).
func declares(op *model.Operation, code string) bool {
	code, _, _ = strings.Cut(code, ":")
	for _, e := range op.Errors {
		if e.Name == code || e.Error != nil && e.Error.Code == code {
			return true
		}
	}
	return false
}

// serveOperation sends op with no input: an empty JSON object to POST / for
// the protocols without HTTP bindings, the path with each label set to "x"
// for the others.
func serveOperation(t *testing.T, h http.Handler, svc *model.Service, op *model.Operation) *httptest.ResponseRecorder {
	var req *http.Request
	if !svc.Protocol.HTTPBindings {
		req = httptest.NewRequest(http.MethodPost, "/", strings.NewReader(`{}`))
		p, err := registry.Lookup(svc.Protocol.Name)
		if err != nil {
			t.Fatal(err)
		}
		p.SetRequestHeaders(req.Header, svc.TargetPrefix, op.Name)
	} else {
		path := labelRE.ReplaceAllString(op.Path, "x")
		var body *strings.Reader
		if op.Method == http.MethodPost || op.Method == http.MethodPut || op.Method == http.MethodPatch {
			body = strings.NewReader(`{}`)
		} else {
			body = strings.NewReader("")
		}
		req = httptest.NewRequest(op.Method, path, body)
		if body.Len() > 0 {
			req.Header.Set("Content-Type", "application/json")
		}
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

// conformBody checks the body of a success against the members of the
// output that travel in the body (or its payload member).
func conformBody(out *model.Shape, body any) []string {
	if p := out.PayloadMember(); p != nil {
		if p.Shape.Kind == model.Blob || body == nil {
			return nil
		}
		return conform(p.Shape, body, p.Name)
	}
	inBody := &model.Shape{Name: out.Name, Kind: model.Structure}
	for _, m := range out.Members {
		if m.Location == "" {
			inBody.Members = append(inBody.Members, m)
		}
	}
	if body == nil {
		body = map[string]any{}
	}
	return conform(inBody, body, "")
}

// TestEveryDefaultAnswerConforms runs the default behaviour of every
// operation of the imported services (Scheduler aside), past input
// validation, and checks the answer against the output shape: the mock
// fills each required member the spec's mock block does not set with the
// least value that conforms. The
// seeds' operations build their answers from the input, checked with a
// valid input by TestOutputsConformToTheirShapes.
func TestEveryDefaultAnswerConforms(t *testing.T) {
	seedOps := map[string]bool{}
	for _, svc := range services {
		seedOps[svc.op] = true
	}
	for _, tc := range []struct {
		pkg string
		srv *mockrt.Server
	}{
		{"apprunner", apprunnermock.New().Server},
		{"ecs", ecsmock.New().Server},
		{"lightsail", lightsailmock.New().Server},
		{"servicediscovery", servicediscoverymock.New().Server},
		{"vpclattice", vpclatticemock.New().Server},
		{"sns", snsmock.New().Server},
		{"route53", route53mock.New().Server},
		{"cloudwatch", cloudwatchmock.New().Server},
		{"ec2", ec2mock.New().Server},
	} {
		t.Run(tc.pkg, func(t *testing.T) {
			svcs, _, err := generator.Load([]string{"../../specs/" + tc.pkg + "/" + tc.pkg + ".yaml"})
			if err != nil {
				t.Fatal(err)
			}
			byName := map[string]*model.Operation{}
			for _, op := range svcs[0].Operations {
				byName[op.Name] = op
			}
			// A create of a resource whose id is its name needs the name,
			// which an empty input leaves out: no client can send that
			// (Validate refuses it), and the id would not be a name.
			named := map[string]bool{}
			for _, res := range svcs[0].Resources {
				for _, ro := range res.Operations {
					named[ro.Operation.Name] = named[ro.Operation.Name] || ro.Role == "create" && res.ID == res.NameMember
				}
			}
			for _, op := range tc.srv.Service().Operations {
				if seedOps[op.Name] || named[op.Name] {
					continue
				}
				out, err := tc.srv.Default(t.Context(), op.Name, op.NewInput())
				var apiErr interface{ ErrorCode() string }
				if errors.As(err, &apiErr) && (declares(byName[op.Name], apiErr.ErrorCode()) || notFoundCode(svcs[0], apiErr.ErrorCode())) {
					continue // a resource's operation naming none: its not-found
				}
				if err != nil {
					t.Errorf("%s: %v", op.Name, err)
					continue
				}
				data, err := marshalWire(out)
				if err != nil {
					t.Errorf("%s: %v", op.Name, err)
					continue
				}
				var body any
				if err := json.Unmarshal(data, &body); err != nil {
					t.Fatal(err)
				}
				// The Go output type leaves an empty list or map out of its
				// JSON (omitempty), so a required one the mock answered as
				// [] or {} is missing here; TestEveryOperationIsServed sees
				// it on the wire.
				obj, _ := body.(map[string]any)
				for _, m := range byName[op.Name].Output.Members {
					if _, ok := obj[m.Name]; !ok && obj != nil && m.Required && (m.Shape.Kind == model.List || m.Shape.Kind == model.Map) {
						obj[m.Name] = map[model.Kind]any{model.List: []any{}, model.Map: map[string]any{}}[m.Shape.Kind]
					}
				}
				for _, p := range conformBody(byName[op.Name].Output, body) {
					t.Errorf("%s: %s", op.Name, p)
				}
			}
		})
	}
}
