package ecs_test

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/specgen/specgen/gen/ecs"
	"github.com/specgen/specgen/specrt"
	"github.com/specgen/specgen/specrt/jsonwire"
)

// problem is the part of a specrt.FieldError the tables compare: where, which
// rule, and the value shown (empty and Sensitive for sensitive members).
type problem struct {
	Path      string
	Rule      specrt.Rule
	Value     string
	Sensitive bool
}

func missing(path string) problem { return problem{Path: path, Rule: specrt.RuleRequired} }

func bad(path string, rule specrt.Rule, value string) problem {
	return problem{Path: path, Rule: rule, Value: value}
}

// problems returns the problems err reports, failing the test when err is
// not a *specrt.ValidationError or a problem has no message.
func problems(t *testing.T, err error) []problem {
	t.Helper()
	if err == nil {
		return nil
	}
	var ve *specrt.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Validate returned %T (%v), want *specrt.ValidationError", err, err)
	}
	var got []problem
	for _, f := range ve.Fields {
		if f.Message == "" {
			t.Errorf("problem at %q (%s) has no message", f.Path, f.Rule)
		}
		got = append(got, problem{Path: f.Path, Rule: f.Rule, Value: f.Value, Sensitive: f.Sensitive})
	}
	return got
}

// input is the type under test.
type input = ecs.CreateExpressGatewayServiceInput

func ptr[T any](v T) *T { return &v }

// envSecret is the value of an environment variable, a sensitive member: it
// must never be printed or logged.
const envSecret = "hunter2-env-db-password"

// validInput returns a CreateExpressGatewayService input with every member
// set and every nested structure populated.
func validInput() *input {
	return &input{
		ExecutionRoleARN:      ptr("arn:aws:iam::123456789012:role/ecsTaskExecutionRole"),
		InfrastructureRoleARN: ptr("arn:aws:iam::123456789012:role/ecsInfrastructureRole"),
		ServiceName:           ptr("my-express_service1"),
		Cluster:               ptr("default"),
		HealthCheckPath:       ptr("/health"),
		PrimaryContainer: &ecs.ExpressGatewayContainer{
			Image:         ptr("123456789012.dkr.ecr.us-east-1.amazonaws.com/app:latest"),
			ContainerPort: ptr(int32(8080)),
			AWSLogsConfiguration: &ecs.ExpressGatewayServiceAWSLogsConfiguration{
				LogGroup:        ptr("/ecs/app"),
				LogStreamPrefix: ptr("ecs"),
			},
			RepositoryCredentials: &ecs.ExpressGatewayRepositoryCredentials{
				CredentialsParameter: ptr("arn:aws:secretsmanager:us-east-1:123456789012:secret:registry"),
			},
			Command:     []string{"./server", "--port", "8080"},
			Environment: []ecs.KeyValuePair{{Name: ptr("DB_PASSWORD"), Value: ptr(envSecret)}},
			Secrets: []ecs.Secret{
				{Name: ptr("API_KEY"), ValueFrom: ptr("arn:aws:ssm:us-east-1:123456789012:parameter/api-key")},
				{Name: ptr("TOKEN"), ValueFrom: ptr("token-param")},
			},
		},
		TaskRoleARN: ptr("arn:aws:iam::123456789012:role/appTaskRole"),
		NetworkConfiguration: &ecs.ExpressGatewayServiceNetworkConfiguration{
			SecurityGroups: []string{"sg-0123456789abcdef0"},
			Subnets:        []string{"subnet-0123456789abcdef0", "subnet-0fedcba9876543210"},
		},
		CPU:    ptr("256"),
		Memory: ptr("512"),
		ScalingTarget: &ecs.ExpressGatewayScalingTarget{
			MinTaskCount:           ptr(int32(1)),
			MaxTaskCount:           ptr(int32(10)),
			AutoScalingMetric:      ecs.ExpressGatewayServiceScalingMetricAverageCpu,
			AutoScalingTargetValue: ptr(int32(60)),
		},
		Tags: []ecs.Tag{
			{Key: ptr("env"), Value: ptr("prod")},
			{Key: ptr("team"), Value: ptr("")},
		},
	}
}

func TestValidInputValidates(t *testing.T) {
	in := validInput()
	if err := in.Validate(); err != nil {
		t.Fatalf("Validate() = %v, want nil", err)
	}
}

func tags(n int) []ecs.Tag {
	out := make([]ecs.Tag, n)
	for i := range out {
		out[i] = ecs.Tag{Key: ptr(fmt.Sprintf("k%d", i)), Value: ptr("v")}
	}
	return out
}

func TestCreateExpressGatewayServiceValidate(t *testing.T) {
	r := strings.Repeat
	tests := []struct {
		name   string
		mutate func(*input)
		want   []problem
	}{
		// Required top-level members.
		{"a missing execution role is reported as required", func(in *input) { in.ExecutionRoleARN = nil }, []problem{missing("executionRoleArn")}},
		{"a missing infrastructure role is reported as required", func(in *input) { in.InfrastructureRoleARN = nil }, []problem{missing("infrastructureRoleArn")}},
		{"a missing primary container is reported as required", func(in *input) { in.PrimaryContainer = nil }, []problem{missing("primaryContainer")}},

		// serviceName: 1..255, [a-zA-Z0-9_-]+.
		{"an absent service name passes", func(in *input) { in.ServiceName = nil }, nil},
		{"a one-character service name passes", func(in *input) { in.ServiceName = ptr("a") }, nil},
		{"a 255-character service name passes", func(in *input) { in.ServiceName = ptr(r("a", 255)) }, nil},
		{"an empty service name breaks length and pattern", func(in *input) { in.ServiceName = ptr("") }, []problem{
			bad("serviceName", specrt.RuleLength, ""),
			bad("serviceName", specrt.RulePattern, ""),
		}},
		{"a 256-character service name is too long", func(in *input) { in.ServiceName = ptr(r("a", 256)) }, []problem{
			bad("serviceName", specrt.RuleLength, r("a", 256)),
		}},
		{"non-ASCII letters are not in the service name pattern", func(in *input) { in.ServiceName = ptr("日本") }, []problem{
			bad("serviceName", specrt.RulePattern, "日本"),
		}},
		{"a valid service name with a trailing dot fails the whole-value pattern", func(in *input) { in.ServiceName = ptr("my-service.") }, []problem{
			bad("serviceName", specrt.RulePattern, "my-service."),
		}},

		// healthCheckPath: must start with /.
		{"the root health check path passes", func(in *input) { in.HealthCheckPath = ptr("/") }, nil},
		{"a health check path with a query passes", func(in *input) { in.HealthCheckPath = ptr("/ping?format=json") }, nil},
		{"a health check path without a leading slash is rejected", func(in *input) { in.HealthCheckPath = ptr("health") }, []problem{
			bad("healthCheckPath", specrt.RulePattern, "health"),
		}},
		{"an empty health check path is rejected", func(in *input) { in.HealthCheckPath = ptr("") }, []problem{
			bad("healthCheckPath", specrt.RulePattern, ""),
		}},
		{"a health check path with a leading space is rejected", func(in *input) { in.HealthCheckPath = ptr(" /health") }, []problem{
			bad("healthCheckPath", specrt.RulePattern, " /health"),
		}},
		{"a valid health check path with a trailing newline fails the whole-value pattern", func(in *input) { in.HealthCheckPath = ptr("/health\n") }, []problem{
			bad("healthCheckPath", specrt.RulePattern, "/health\n"),
		}},

		// primaryContainer: image required, port 1..65535, logs configuration
		// with both members required, secrets with name and valueFrom required.
		{"a container without an image reports it as required", func(in *input) { in.PrimaryContainer.Image = nil }, []problem{
			missing("primaryContainer.image"),
		}},
		{"container port 1 passes", func(in *input) { in.PrimaryContainer.ContainerPort = ptr(int32(1)) }, nil},
		{"container port 65535 passes", func(in *input) { in.PrimaryContainer.ContainerPort = ptr(int32(65535)) }, nil},
		{"container port 0 is out of range", func(in *input) { in.PrimaryContainer.ContainerPort = ptr(int32(0)) }, []problem{
			bad("primaryContainer.containerPort", specrt.RuleRange, "0"),
		}},
		{"container port 65536 is out of range", func(in *input) { in.PrimaryContainer.ContainerPort = ptr(int32(65536)) }, []problem{
			bad("primaryContainer.containerPort", specrt.RuleRange, "65536"),
		}},
		{"a logs configuration without a log group reports it as required", func(in *input) { in.PrimaryContainer.AWSLogsConfiguration.LogGroup = nil }, []problem{
			missing("primaryContainer.awsLogsConfiguration.logGroup"),
		}},
		{"a logs configuration without a stream prefix reports it as required", func(in *input) { in.PrimaryContainer.AWSLogsConfiguration.LogStreamPrefix = nil }, []problem{
			missing("primaryContainer.awsLogsConfiguration.logStreamPrefix"),
		}},
		{"a secret without valueFrom is reported at primaryContainer.secrets[0].valueFrom", func(in *input) { in.PrimaryContainer.Secrets[0].ValueFrom = nil }, []problem{
			missing("primaryContainer.secrets[0].valueFrom"),
		}},
		{"a secret without a name is reported at its index", func(in *input) { in.PrimaryContainer.Secrets[1].Name = nil }, []problem{
			missing("primaryContainer.secrets[1].name"),
		}},
		{"an empty secret reports both members", func(in *input) { in.PrimaryContainer.Secrets = append(in.PrimaryContainer.Secrets, ecs.Secret{}) }, []problem{
			missing("primaryContainer.secrets[2].name"),
			missing("primaryContainer.secrets[2].valueFrom"),
		}},
		{"an environment variable with neither name nor value passes", func(in *input) { in.PrimaryContainer.Environment = []ecs.KeyValuePair{{}} }, nil},

		// scalingTarget: task counts at least 0, metric from the enum.
		{"task counts of 0 pass", func(in *input) {
			in.ScalingTarget.MinTaskCount = ptr(int32(0))
			in.ScalingTarget.MaxTaskCount = ptr(int32(0))
		}, nil},
		{"a minimum task count of -1 is out of range", func(in *input) { in.ScalingTarget.MinTaskCount = ptr(int32(-1)) }, []problem{
			bad("scalingTarget.minTaskCount", specrt.RuleRange, "-1"),
		}},
		{"a maximum task count of -1 is out of range", func(in *input) { in.ScalingTarget.MaxTaskCount = ptr(int32(-1)) }, []problem{
			bad("scalingTarget.maxTaskCount", specrt.RuleRange, "-1"),
		}},
		{"every listed scaling metric passes", func(in *input) {
			in.ScalingTarget.AutoScalingMetric = ecs.ExpressGatewayServiceScalingMetricRequestCountPerTarget
		}, nil},
		{"an unknown scaling metric is rejected", func(in *input) { in.ScalingTarget.AutoScalingMetric = "AVERAGE_GPU" }, []problem{
			bad("scalingTarget.autoScalingMetric", specrt.RuleEnum, "AVERAGE_GPU"),
		}},
		{"scaling metrics are case-sensitive", func(in *input) { in.ScalingTarget.AutoScalingMetric = "average_cpu" }, []problem{
			bad("scalingTarget.autoScalingMetric", specrt.RuleEnum, "average_cpu"),
		}},

		// tags: at most 50; key 1..128 and value 0..256, letters, digits,
		// spaces and _.:/=+-@, and neither may start with aws: in any case.
		{"50 tags pass", func(in *input) { in.Tags = tags(50) }, nil},
		{"51 tags are too many", func(in *input) { in.Tags = tags(51) }, []problem{bad("tags", specrt.RuleLength, "")}},
		{"a tag key starting with aws: is rejected", func(in *input) { in.Tags[0].Key = ptr("aws:x") }, []problem{bad("tags[0].key", specrt.RulePattern, "aws:x")}},
		{"a tag key starting with AWS: is rejected", func(in *input) { in.Tags[0].Key = ptr("AWS:x") }, []problem{bad("tags[0].key", specrt.RulePattern, "AWS:x")}},
		{"a tag key starting with Aws: is rejected", func(in *input) { in.Tags[0].Key = ptr("Aws:x") }, []problem{bad("tags[0].key", specrt.RulePattern, "Aws:x")}},
		{"a tag key starting with aWs: is rejected", func(in *input) { in.Tags[0].Key = ptr("aWs:x") }, []problem{bad("tags[0].key", specrt.RulePattern, "aWs:x")}},
		{"a tag key that is just aws: is rejected", func(in *input) { in.Tags[0].Key = ptr("aws:") }, []problem{bad("tags[0].key", specrt.RulePattern, "aws:")}},
		{"a tag key awsx is allowed", func(in *input) { in.Tags[0].Key = ptr("awsx") }, nil},
		{"a tag key with aws: after the start is allowed", func(in *input) { in.Tags[0].Key = ptr("x-aws:y") }, nil},
		{"a tag value starting with aws: is rejected", func(in *input) { in.Tags[1].Value = ptr("aws:x") }, []problem{bad("tags[1].value", specrt.RulePattern, "aws:x")}},
		{"a tag value starting with AWS: is rejected", func(in *input) { in.Tags[1].Value = ptr("AWS:x") }, []problem{bad("tags[1].value", specrt.RulePattern, "AWS:x")}},
		{"a tag value starting with Aws: is rejected", func(in *input) { in.Tags[1].Value = ptr("Aws:x") }, []problem{bad("tags[1].value", specrt.RulePattern, "Aws:x")}},
		{"a tag value awsx is allowed", func(in *input) { in.Tags[1].Value = ptr("awsx") }, nil},
		{"an empty tag key is too short", func(in *input) { in.Tags[0].Key = ptr("") }, []problem{bad("tags[0].key", specrt.RuleLength, "")}},
		{"a 128-character tag key of three-byte letters passes", func(in *input) { in.Tags[0].Key = ptr(r("日", 128)) }, nil},
		{"a 129-character tag key is too long", func(in *input) { in.Tags[0].Key = ptr(r("k", 129)) }, []problem{
			bad("tags[0].key", specrt.RuleLength, r("k", 129)),
		}},
		{"a 256-character tag value of two-byte letters passes", func(in *input) { in.Tags[1].Value = ptr(r("é", 256)) }, nil},
		{"a 257-character tag value is too long", func(in *input) { in.Tags[1].Value = ptr(r("v", 257)) }, []problem{
			bad("tags[1].value", specrt.RuleLength, r("v", 257)),
		}},
		{"tag keys accept letters, digits, spaces and _.:/=+-@", func(in *input) { in.Tags[0].Key = ptr("Env 1_.:/=+-@") }, nil},
		{"a tag key with a character outside the set is rejected", func(in *input) { in.Tags[0].Key = ptr("env!") }, []problem{
			bad("tags[0].key", specrt.RulePattern, "env!"),
		}},
		{"a valid tag value with a trailing newline fails the whole-value pattern", func(in *input) { in.Tags[1].Value = ptr("prod\n") }, []problem{
			bad("tags[1].value", specrt.RulePattern, "prod\n"),
		}},

		// One call reports every violation.
		{"one call reports every violation at top level and nested", func(in *input) {
			in.ExecutionRoleARN = nil
			in.HealthCheckPath = ptr("health")
			in.PrimaryContainer.ContainerPort = ptr(int32(0))
			in.PrimaryContainer.Secrets[0].ValueFrom = nil
			in.ScalingTarget.AutoScalingMetric = "GPU"
			in.Tags[1].Key = ptr("AWS:reserved")
		}, []problem{
			missing("executionRoleArn"),
			bad("healthCheckPath", specrt.RulePattern, "health"),
			bad("primaryContainer.containerPort", specrt.RuleRange, "0"),
			missing("primaryContainer.secrets[0].valueFrom"),
			bad("scalingTarget.autoScalingMetric", specrt.RuleEnum, "GPU"),
			bad("tags[1].key", specrt.RulePattern, "AWS:reserved"),
		}},
		{"an empty input reports the three required members", func(in *input) { *in = input{} }, []problem{
			missing("executionRoleArn"), missing("infrastructureRoleArn"), missing("primaryContainer"),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := validInput()
			tt.mutate(in)
			got := problems(t, in.Validate())
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Validate() problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestUnknownEnumDecodes checks that a scaling metric the spec does not list
// decodes from wire JSON but does not validate.
func TestUnknownEnumDecodes(t *testing.T) {
	const wire = `{
		"executionRoleArn": "arn:aws:iam::123456789012:role/exec",
		"infrastructureRoleArn": "arn:aws:iam::123456789012:role/infra",
		"primaryContainer": {"image": "nginx"},
		"scalingTarget": {"autoScalingMetric": "AVERAGE_GPU"}
	}`
	var in input
	if err := jsonwire.Unmarshal([]byte(wire), ecs.WireShape(&in), &in); err != nil {
		t.Fatalf("decoding an unknown enum value: %v", err)
	}
	if in.ScalingTarget == nil || in.ScalingTarget.AutoScalingMetric != "AVERAGE_GPU" {
		t.Fatalf("scalingTarget = %+v, want autoScalingMetric AVERAGE_GPU", in.ScalingTarget)
	}
	got := problems(t, in.Validate())
	want := []problem{bad("scalingTarget.autoScalingMetric", specrt.RuleEnum, "AVERAGE_GPU")}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Validate() problems mismatch (-want +got):\n%s", diff)
	}
}

// TestEnvironmentIsNeverPrinted checks that the sensitive environment list
// never shows in errors, fmt output or slog output, and that [sensitive]
// stands in for it.
func TestEnvironmentIsNeverPrinted(t *testing.T) {
	in := validInput()
	in.PrimaryContainer.ContainerPort = ptr(int32(0)) // so that there is an error to print
	err := in.Validate()
	if err == nil {
		t.Fatal("Validate() = nil, want an error")
	}
	if strings.Contains(err.Error(), envSecret) {
		t.Errorf("err.Error() shows the environment: %s", err)
	}

	outputs := map[string]string{
		"%v of the input":            fmt.Sprintf("%v", in),
		"%+v of the input":           fmt.Sprintf("%+v", in),
		"%#v of the input":           fmt.Sprintf("%#v", in),
		"%v of the input value":      fmt.Sprintf("%v", *in),
		"String of the input":        in.String(),
		"%v of the container":        fmt.Sprintf("%v", in.PrimaryContainer),
		"%+v of the container value": fmt.Sprintf("%+v", *in.PrimaryContainer),
		"String of the container":    in.PrimaryContainer.String(),
	}
	for _, h := range []struct {
		name string
		new  func(*bytes.Buffer) slog.Handler
	}{
		{"JSON", func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) }},
		{"text", func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) }},
	} {
		var buf bytes.Buffer
		logger := slog.New(h.new(&buf))
		logger.Info("creating service", "input", in)
		logger.Info("creating service", "input", *in)
		logger.Info("container", "container", in.PrimaryContainer)
		outputs["slog "+h.name+" handler"] = buf.String()
	}
	for name, out := range outputs {
		if strings.Contains(out, envSecret) {
			t.Errorf("%s shows the environment:\n%s", name, out)
		}
		if !strings.Contains(out, specrt.Redacted) {
			t.Errorf("%s has no %s marker:\n%s", name, specrt.Redacted, out)
		}
		// Non-sensitive members are still shown.
		if !strings.Contains(out, "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:latest") {
			t.Errorf("%s does not show the non-sensitive image:\n%s", name, out)
		}
	}

	// The wire encoding still carries the value: only printing redacts it.
	b, err := jsonwire.Marshal(ecs.WireShape(in), in)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), envSecret) {
		t.Errorf("the encoding lost the environment value: %s", b)
	}
}

// TestTimestampsAreEpochSeconds checks that the service's timestamps travel
// as epoch seconds, with fractional seconds.
func TestTimestampsAreEpochSeconds(t *testing.T) {
	const wire = `{"service": {"createdAt": 1.5e9, "updatedAt": 1500000000.125}}`
	var out ecs.CreateExpressGatewayServiceOutput
	if err := jsonwire.Unmarshal([]byte(wire), ecs.WireShape(&out), &out); err != nil {
		t.Fatalf("decode: %v", err)
	}
	if want := time.Unix(1500000000, 0); out.Service.CreatedAt == nil || !out.Service.CreatedAt.Equal(want) {
		t.Errorf("createdAt = %v, want %v", out.Service.CreatedAt, want)
	}
	if want := time.Unix(1500000000, 125e6); out.Service.UpdatedAt == nil || !out.Service.UpdatedAt.Equal(want) {
		t.Errorf("updatedAt = %v, want %v", out.Service.UpdatedAt, want)
	}
	b, err := jsonwire.Marshal(ecs.WireShape(&out), &out)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	for _, s := range []string{`"createdAt":1500000000`, `"updatedAt":1500000000.125`} {
		if !strings.Contains(string(b), s) {
			t.Errorf("encoded %s does not contain %s", b, s)
		}
	}
}

// TestTagKeysAreUnique checks the seed's "For each resource, each tag key
// must be unique": a key repeated in tags is reported at the repeat, naming
// the first element with that key. Keys are case-sensitive ("Tag keys and
// values are case-sensitive") and a tag without a key is exempt.
func TestTagKeysAreUnique(t *testing.T) {
	dup := func(i, j int, key string) specrt.FieldError {
		return specrt.FieldError{Path: fmt.Sprintf("tags[%d].key", i), Rule: specrt.RuleUniqueBy, Value: key,
			Message: fmt.Sprintf("must be unique, tags[%d].key has the same value", j)}
	}
	tag := func(key, value string) ecs.Tag { return ecs.Tag{Key: ptr(key), Value: ptr(value)} }
	tests := []struct {
		name string
		tags []ecs.Tag
		want []specrt.FieldError
	}{
		{"distinct keys pass", []ecs.Tag{tag("env", "prod"), tag("team", "x")}, nil},
		{"the same value under two keys passes", []ecs.Tag{tag("a", "v"), tag("b", "v")}, nil},
		{"keys that differ only in case pass", []ecs.Tag{tag("env", "1"), tag("Env", "2")}, nil},
		{"tags without a key are exempt", []ecs.Tag{{Value: ptr("a")}, {Value: ptr("b")}}, nil},
		{"a repeated key is reported at the repeat", []ecs.Tag{tag("env", "prod"), tag("team", "x"), tag("env", "dev")}, []specrt.FieldError{
			dup(2, 0, "env"),
		}},
		{"a repeated key with the same value is still a repeat", []ecs.Tag{tag("env", "prod"), tag("env", "prod")}, []specrt.FieldError{
			dup(1, 0, "env"),
		}},
		{"every repeat names the first tag with the key", []ecs.Tag{tag("a", "1"), tag("a", "2"), tag("b", "3"), tag("a", "4"), tag("b", "5")}, []specrt.FieldError{
			dup(1, 0, "a"), dup(3, 0, "a"), dup(4, 2, "b"),
		}},
		{"50 distinct tags pass", tags(50), nil},
		{"the 50th tag repeating the first is reported", append(tags(49), tag("k0", "v")), []specrt.FieldError{
			dup(49, 0, "k0"),
		}},
		{"51 tags with a repeat break both the size and uniqueness", append(tags(50), tag("k7", "v")), []specrt.FieldError{
			{Path: "tags", Rule: specrt.RuleLength, Message: "must have at most 50 elements, got 51"},
			dup(50, 7, "k7"),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := validInput()
			in.Tags = tt.tags
			var got []specrt.FieldError
			var ve *specrt.ValidationError
			if err := in.Validate(); errors.As(err, &ve) {
				got = ve.Fields
			} else if err != nil {
				t.Fatalf("Validate returned %T (%v), want *specrt.ValidationError", err, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Validate() problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestUniqueTagsDoNotAllocate: checking 50 distinct tag keys, the most the
// service allows, costs no allocation.
func TestUniqueTagsDoNotAllocate(t *testing.T) {
	in := validInput()
	in.Tags = tags(50)
	if n := testing.AllocsPerRun(100, func() {
		if err := in.Validate(); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("Validate allocates %v times per call with 50 tags, want 0", n)
	}
}
