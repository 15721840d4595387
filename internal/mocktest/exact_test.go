package mocktest

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/apprunner"
	"github.com/specgen/specgen/gen/ecs/ecsmock"
	"github.com/specgen/specgen/gen/vpclattice"
	"github.com/specgen/specgen/gen/vpclattice/vpclatticemock"
)

// answer is a raw answer of a mock, decoded.
type answer struct {
	status int
	code   string
	body   map[string]any
	raw    string
}

func send(t *testing.T, c rawCase, body string) answer {
	t.Helper()
	w := serveRaw(c.handler, c.target, c.path, []byte(body))
	a := answer{status: w.Code, code: w.Header().Get("X-Amzn-ErrorType"), raw: w.Body.String()}
	if err := json.Unmarshal(w.Body.Bytes(), &a.body); err != nil {
		t.Fatalf("answer is not a JSON object: %s", w.Body)
	}
	return a
}

// message is an error body's message, under either spelling the services
// use.
func message(body map[string]any) string {
	if m, ok := body["message"].(string); ok {
		return m
	}
	m, _ := body["Message"].(string)
	return m
}

func rawCase1(name string) rawCase {
	for _, c := range rawCases() {
		if c.name == name {
			return c
		}
	}
	panic("no raw case " + name)
}

// A member whose key differs in case from the wire name is an unknown key:
// ignored, never taken for the member.
func TestWireNamesAreCaseSensitive(t *testing.T) {
	for _, tc := range []struct {
		name, service, body string
		status              int
		code, wantInMessage string
		want                map[string]any // output paths and values
		absent              []string       // output paths that must be left out
	}{
		{
			name: "VPC Lattice: Name is not name, so the required name is missing", service: "VPC Lattice",
			body: `{"Name":"x"}`, status: 400, code: "ValidationException", wantInMessage: "name: is required",
		},
		{
			name: "VPC Lattice: the valid name is used and Name is ignored", service: "VPC Lattice",
			body: `{"name":"ok-svc","Name":"-BAD-"}`, status: 201,
			want: map[string]any{"name": "ok-svc"}, absent: []string{"Name"},
		},
		{
			name: "App Runner: CPU is not Cpu, so Cpu gets its default", service: "App Runner",
			body:   `{"ServiceName":"cpu-case","SourceConfiguration":{"ImageRepository":{"ImageIdentifier":"public.ecr.aws/x/y:latest","ImageRepositoryType":"ECR_PUBLIC"}},"InstanceConfiguration":{"CPU":"not a cpu"}}`,
			status: 200, want: map[string]any{"Service.InstanceConfiguration.Cpu": "1 vCPU"}, absent: []string{"Service.InstanceConfiguration.CPU"},
		},
		{
			name: "App Runner: an unknown member is not echoed into the output", service: "App Runner",
			body:   `{"ServiceName":"injected","SourceConfiguration":{"ImageRepository":{"ImageIdentifier":"public.ecr.aws/x/y:latest","ImageRepositoryType":"ECR_PUBLIC","Injected":"x"}}}`,
			status: 200, absent: []string{"Service.SourceConfiguration.ImageRepository.Injected"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := send(t, rawCase1(tc.service), tc.body)
			if a.status != tc.status || a.code != tc.code {
				t.Fatalf("answer %d %q %s, want %d %q", a.status, a.code, a.raw, tc.status, tc.code)
			}
			if msg := message(a.body); tc.wantInMessage != "" && !strings.Contains(msg, tc.wantInMessage) {
				t.Errorf("message %q does not contain %q", msg, tc.wantInMessage)
			}
			for path, v := range tc.want {
				want(t, a.body, path, v)
			}
			for _, path := range tc.absent {
				if v := get(a.body, path); v != nil {
					t.Errorf("%s = %v, want it left out", path, v)
				}
			}
		})
	}
}

func TestVPCLatticeDuplicateIsFoundFromTheExactName(t *testing.T) {
	c := rawCase{"VPC Lattice", vpclatticemock.New(), "", "/services"}
	if a := send(t, c, `{"name":"dup-svc","Name":"-a"}`); a.status != 201 {
		t.Fatalf("first create: %d %s", a.status, a.raw)
	}
	if a := send(t, c, `{"Name":"-b","name":"dup-svc"}`); a.status != 409 || a.code != "ConflictException" {
		t.Errorf("second create: %d %q %s, want 409 ConflictException", a.status, a.code, a.raw)
	}
}

// A member present on the wire is validated as sent: "" is no enum value,
// null is absent.
func TestEmptyEnumsAreInvalidAndNullIsAbsent(t *testing.T) {
	const image = `"SourceConfiguration":{"ImageRepository":{"ImageIdentifier":"public.ecr.aws/x/y:latest","ImageRepositoryType":"ECR_PUBLIC"}}`
	const ecsBase = `"executionRoleArn":"arn:aws:iam::123456789012:role/e","infrastructureRoleArn":"arn:aws:iam::123456789012:role/i","primaryContainer":{"image":"nginx"}`
	for _, tc := range []struct {
		name, service, body string
		wantField           string // the member the validation error names; empty for a success
	}{
		{"VPC Lattice authType", "VPC Lattice", `{"name":"enum-svc","authType":""}`, "authType"},
		{"App Runner health check Protocol", "App Runner", `{"ServiceName":"enum-svc",` + image + `,"HealthCheckConfiguration":{"Protocol":""}}`, "HealthCheckConfiguration.Protocol"},
		{"App Runner EgressType", "App Runner", `{"ServiceName":"enum-svc",` + image + `,"NetworkConfiguration":{"EgressConfiguration":{"EgressType":""}}}`, "NetworkConfiguration.EgressConfiguration.EgressType"},
		{"App Runner IpAddressType", "App Runner", `{"ServiceName":"enum-svc",` + image + `,"NetworkConfiguration":{"IpAddressType":""}}`, "NetworkConfiguration.IpAddressType"},
		{"ECS autoScalingMetric", "ECS", `{` + ecsBase + `,"scalingTarget":{"autoScalingMetric":""}}`, "scalingTarget.autoScalingMetric"},
		{"VPC Lattice null authType", "VPC Lattice", `{"name":"null-svc","authType":null}`, ""},
		{"App Runner null Protocol", "App Runner", `{"ServiceName":"null-svc",` + image + `,"HealthCheckConfiguration":{"Protocol":null}}`, ""},
	} {
		name := tc.name + " present and empty is invalid"
		if tc.wantField == "" {
			name = tc.name + " null is absent"
		}
		t.Run(name, func(t *testing.T) {
			a := send(t, rawCase1(tc.service), tc.body)
			if tc.wantField == "" {
				if a.status >= 300 {
					t.Fatalf("answer %d %s, want success", a.status, a.raw)
				}
				return
			}
			if a.status != 400 {
				t.Fatalf("answer %d %s, want 400", a.status, a.raw)
			}
			if msg := message(a.body); !strings.Contains(msg, tc.wantField+": must be one of") {
				t.Errorf("message %q does not name %s as not an enum value", msg, tc.wantField)
			}
		})
	}
	t.Run("VPC Lattice null authType gets the documented default NONE", func(t *testing.T) {
		a := send(t, rawCase1("VPC Lattice"), `{"name":"null-default","authType":null}`)
		want(t, a.body, "authType", "NONE")
	})
}

func TestInvalidUTF8IsTheSerializationError(t *testing.T) {
	bodies := map[string][2]string{
		"App Runner":  {"{\"ServiceName\":\"a\xff\"}", `{"ServiceName":"a\udfff"}`},
		"ECS":         {"{\"serviceName\":\"a\xff\"}", `{"serviceName":"a\ud800"}`},
		"Lightsail":   {"{\"certificateName\":\"a\xff\"}", `{"certificateName":"a\ud800"}`},
		"Cloud Map":   {"{\"Name\":\"a\xfe\"}", `{"Name":"a\ud800x"}`},
		"VPC Lattice": {"{\"name\":\"a\xc3\"}", `{"name":"a\udc00"}`},
	}
	for _, c := range rawCases() {
		t.Run(c.name+" answers bad UTF-8 as it answers malformed JSON", func(t *testing.T) {
			malformed := send(t, c, `not json`)
			for _, body := range bodies[c.name] {
				a := send(t, c, body)
				if a.status != malformed.status || a.code != malformed.code {
					t.Errorf("%q: %d %q, want %d %q as for malformed JSON", body, a.status, a.code, malformed.status, malformed.code)
				}
			}
		})
	}
}

// ECS takes a cluster by short name or by ARN; both name one cluster.
func TestECSClusterByNameOrARNIsOneCluster(t *testing.T) {
	const base = `"serviceName":"web","executionRoleArn":"arn:aws:iam::123456789012:role/e","infrastructureRoleArn":"arn:aws:iam::123456789012:role/i","primaryContainer":{"image":"nginx"}`
	c := rawCase{"ECS", ecsmock.New(), "AmazonEC2ContainerServiceV20141113.CreateExpressGatewayService", "/"}
	first := send(t, c, `{`+base+`,"cluster":"arn:aws:ecs:us-east-1:123456789012:cluster/default"}`)
	if first.status != 200 {
		t.Fatalf("create with a cluster ARN: %d %s", first.status, first.raw)
	}
	got := map[string]any{"cluster": get(first.body, "service.cluster"), "serviceArn": get(first.body, "service.serviceArn")}
	wantOut := map[string]any{
		"cluster":    "arn:aws:ecs:us-east-1:123456789012:cluster/default",
		"serviceArn": "arn:aws:ecs:us-east-1:123456789012:service/default/web",
	}
	if diff := cmp.Diff(wantOut, got); diff != "" {
		t.Errorf("ARNs built from a cluster ARN (-want +got):\n%s", diff)
	}
	for _, cluster := range []string{`"cluster":"default",`, ``} {
		a := send(t, c, `{`+cluster+base+`}`)
		if a.status != 400 || a.code != "InvalidParameterException" {
			t.Errorf("create of the same service with %q: %d %q %s, want the duplicate's InvalidParameterException", cluster, a.status, a.code, a.raw)
		}
	}
}

// The generated client's response decoders match member names exactly, as
// the AWS SDKs do: a key that differs in case is not the member.
func TestClientResponseDecodingIsCaseSensitive(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-amz-json-1.0")
		io.WriteString(w, `{"operationId":"wrong","OperationId":"right","service":{"ServiceName":"wrong"},"Service":{"serviceName":"wrong","ServiceName":"right"}}`)
	}))
	t.Cleanup(srv.Close)
	out, err := apprunner.New(options(srv.URL)).CreateService(t.Context(), &apprunner.CreateServiceInput{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{"OperationId": aws.ToString(out.OperationID), "Service.ServiceName": aws.ToString(out.Service.ServiceName)}
	if diff := cmp.Diff(map[string]string{"OperationId": "right", "Service.ServiceName": "right"}, got); diff != "" {
		t.Errorf("decoded output (-want +got):\n%s", diff)
	}
}

// Error bodies are decoded as exactly as outputs: only the message member
// has two spellings, as in the AWS SDKs.
func TestClientErrorDecodingIsCaseSensitive(t *testing.T) {
	for _, tc := range []struct {
		name, body          string
		wantID, wantMessage string
	}{
		{"a member that differs in case is not the member", `{"message":"m","ResourceId":"wrong","resourceType":"SERVICE"}`, "", "m"},
		{"the exact member is read", `{"message":"m","resourceId":"right","RESOURCEID":"wrong"}`, "right", "m"},
		{"the message may be spelled Message", `{"Message":"capital","resourceId":"right"}`, "right", "capital"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				w.Header().Set("X-Amzn-ErrorType", "ConflictException")
				w.WriteHeader(409)
				io.WriteString(w, tc.body)
			}))
			t.Cleanup(srv.Close)
			_, err := vpclattice.New(options(srv.URL)).CreateService(t.Context(), &vpclattice.CreateServiceInput{Name: aws.String("x")})
			var ce *vpclattice.ConflictException
			if !errors.As(err, &ce) {
				t.Fatalf("error %v, want a ConflictException", err)
			}
			got := map[string]string{"resourceId": aws.ToString(ce.ResourceID), "message": ce.ErrorMessage()}
			if diff := cmp.Diff(map[string]string{"resourceId": tc.wantID, "message": tc.wantMessage}, got); diff != "" {
				t.Errorf("decoded error (-want +got):\n%s", diff)
			}
		})
	}
}
