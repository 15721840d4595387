package mocktest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/specgen/specgen/gen/apprunner/apprunnermock"
	"github.com/specgen/specgen/gen/ecs/ecsmock"
	"github.com/specgen/specgen/gen/lightsail/lightsailmock"
	"github.com/specgen/specgen/gen/servicediscovery/servicediscoverymock"
	"github.com/specgen/specgen/gen/vpclattice/vpclatticemock"
	"github.com/specgen/specgen/specrt/mockrt"
)

func TestConcurrentCreates(t *testing.T) {
	const n = 40
	for _, svc := range services {
		t.Run(svc.name+": distinct names all succeed, one name succeeds once", func(t *testing.T) {
			srv, url := svc.start(t)
			var wg sync.WaitGroup
			errs := make([]error, 2*n)
			for i := range n {
				wg.Add(2)
				go func() {
					defer wg.Done()
					_, errs[i] = svc.call(t.Context(), options(url), named(svc.valid, fmt.Sprintf("distinct-%03d", i)))
				}()
				go func() {
					defer wg.Done()
					_, errs[n+i] = svc.call(t.Context(), options(url), named(svc.valid, "the-same-name"))
				}()
			}
			wg.Wait()
			for i, err := range errs[:n] {
				if err != nil {
					t.Errorf("distinct create %d: %v", i, err)
				}
			}
			ok := 0
			for _, err := range errs[n:] {
				if err == nil {
					ok++
				} else if !strings.Contains(err.Error(), svc.duplicateCode) {
					t.Errorf("same-name create: %v, want success or %s", err, svc.duplicateCode)
				}
			}
			if ok != 1 {
				t.Errorf("%d same-name creates succeeded, want exactly 1", ok)
			}
			if stored := storedCount(srv, svc.op); stored != n+1 {
				t.Errorf("%d items stored, want %d", stored, n+1)
			}
		})
	}
}

// rawCase is a request sent as bytes, for what no client would send.
type rawCase struct {
	name    string
	handler http.Handler
	target  string // X-Amz-Target, empty for restJson1
	path    string
}

func rawCases() []rawCase {
	return []rawCase{
		{"App Runner", apprunnermock.New(), "AppRunner.CreateService", "/"},
		{"ECS", ecsmock.New(), "AmazonEC2ContainerServiceV20141113.CreateExpressGatewayService", "/"},
		{"Lightsail", lightsailmock.New(), "Lightsail_20161128.CreateCertificate", "/"},
		{"Cloud Map", servicediscoverymock.New(), "Route53AutoNaming_v20170314.CreatePrivateDnsNamespace", "/"},
		{"VPC Lattice", vpclatticemock.New(), "", "/services"},
	}
}

func serveRaw(h http.Handler, target, path string, body []byte) *httptest.ResponseRecorder {
	req := httptest.NewRequest("POST", path, bytes.NewReader(body))
	if target != "" {
		req.Header.Set("X-Amz-Target", target)
		req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

func TestMalformedBodiesAreSerializationErrorsNamingTheField(t *testing.T) {
	wrongType := map[string]string{
		"App Runner":  `{"ServiceName":"abcd","SourceConfiguration":[]}`,
		"ECS":         `{"primaryContainer":{"image":"x","containerPort":"80"}}`,
		"Lightsail":   `{"certificateName":"c","domainName":"d","subjectAlternativeNames":{"a":1}}`,
		"Cloud Map":   `{"Name":"n","Vpc":"v","Tags":{"Key":"k"}}`,
		"VPC Lattice": `{"name":"x-y-z","tags":["a"]}`,
	}
	field := map[string]string{
		"App Runner": "SourceConfiguration", "ECS": "primaryContainer.containerPort", "Lightsail": "subjectAlternativeNames",
		"Cloud Map": "Tags", "VPC Lattice": "tags",
	}
	for _, c := range rawCases() {
		t.Run(c.name, func(t *testing.T) {
			for _, body := range []string{wrongType[c.name], `{"name":`, `not json`} {
				w := serveRaw(c.handler, c.target, c.path, []byte(body))
				var m map[string]any
				json.Unmarshal(w.Body.Bytes(), &m)
				if w.Code != 400 || w.Header().Get("X-Amzn-ErrorType") == "" {
					t.Errorf("%s: %d %s, want 400 with X-Amzn-ErrorType", body, w.Code, w.Body)
				}
				if body == wrongType[c.name] && !strings.Contains(w.Body.String(), "'"+field[c.name]+"'") {
					t.Errorf("%s: %s does not name %s", body, w.Body, field[c.name])
				}
			}
		})
	}
}

func TestOversizedBodyIs413(t *testing.T) {
	for _, c := range rawCases() {
		body := `{"x":"` + strings.Repeat("a", mockrt.DefaultBodyLimit) + `"}`
		if w := serveRaw(c.handler, c.target, c.path, []byte(body)); w.Code != 413 {
			t.Errorf("%s: status %d, want 413", c.name, w.Code)
		}
	}
}

// FuzzRequestDecoding sends arbitrary bodies to every generated mock: no
// panic, never a 5xx, and always a JSON answer.
func FuzzRequestDecoding(f *testing.F) {
	seeds := []string{
		`{"name":"my-service","tags":{"env":"x"}}`,
		`{"ServiceName":"abcd","SourceConfiguration":{"ImageRepository":{"ImageIdentifier":"x","ImageRepositoryType":"ECR"}}}`,
		`{"executionRoleArn":"a","infrastructureRoleArn":"b","primaryContainer":{"image":"n","secrets":[{"name":"s"}]}}`,
		`{"certificateName":"c","domainName":"d","subjectAlternativeNames":["*.x"]}`,
		`{"Name":"n","Vpc":"v","Properties":{"DnsProperties":{"SOA":{"TTL":-1}}}}`,
		`{"tags":[{"key":"aws:x"}]}`, `null`, `[]`, `{"a":1e999}`, "{\"name\":\"\xff\"}", ``,
	}
	for _, s := range seeds {
		for i := range rawCases() {
			f.Add(i, []byte(s))
		}
	}
	cases := rawCases()
	for _, c := range cases {
		c.handler.(interface{ Reset() }).Reset()
	}
	f.Fuzz(func(t *testing.T, which int, body []byte) {
		if which < 0 {
			which = -which
		}
		c := cases[which%len(cases)]
		w := serveRaw(c.handler, c.target, c.path, body)
		if w.Code >= 500 {
			t.Fatalf("%s: status %d for %q: %s", c.name, w.Code, body, w.Body)
		}
		var m map[string]any
		if err := json.Unmarshal(w.Body.Bytes(), &m); err != nil {
			t.Fatalf("%s: answer is not a JSON object: %q", c.name, w.Body)
		}
	})
}
