package compat

import (
	"regexp"
	"strings"
	"testing"

	"github.com/go-playground/validator/v10"

	"github.com/specgen/specgen/gen/apprunner"
)

// The comparison: App Runner's CreateServiceInput validated by its generated
// Validate method, and the same value, with the same constraints written as
// go-playground/validator struct tags and the same patterns as custom
// validators over Go's regexp, which is what a Go user would otherwise
// reach for. Patterns with a leading lookahead, which RE2 lacks, become a
// prefix check plus a regexp, as a user would write them.

func ptr[T any](v T) *T { return &v }

// fullAppRunnerInput is a valid input with every part the benchmark names:
// image repository with configuration, authentication role, health check,
// instance configuration and tags.
func fullAppRunnerInput() *apprunner.CreateServiceInput {
	return &apprunner.CreateServiceInput{
		ServiceName: ptr("python-app"),
		SourceConfiguration: &apprunner.SourceConfiguration{
			AuthenticationConfiguration: &apprunner.AuthenticationConfiguration{
				AccessRoleARN: ptr("arn:aws:iam::123456789012:role/service-role/AppRunnerECRAccessRole"),
			},
			AutoDeploymentsEnabled: ptr(true),
			ImageRepository: &apprunner.ImageRepository{
				ImageIdentifier:     ptr("123456789012.dkr.ecr.us-east-1.amazonaws.com/python-app:latest"),
				ImageRepositoryType: apprunner.ImageRepositoryTypeEcr,
				ImageConfiguration: &apprunner.ImageConfiguration{
					Port:                        ptr("8080"),
					StartCommand:                ptr("python server.py"),
					RuntimeEnvironmentVariables: map[string]string{"NAME": "Jane", "STAGE": "prod"},
					RuntimeEnvironmentSecrets:   map[string]string{"DB_PASSWORD": "arn:aws:secretsmanager:us-east-1:123456789012:secret:db"},
				},
			},
		},
		InstanceConfiguration: &apprunner.InstanceConfiguration{
			CPU:             ptr("1 vCPU"),
			Memory:          ptr("3 GB"),
			InstanceRoleARN: ptr("arn:aws:iam::123456789012:role/AppRunnerInstanceRole"),
		},
		HealthCheckConfiguration: &apprunner.HealthCheckConfiguration{
			Protocol:           apprunner.HealthCheckProtocolHttp,
			Path:               ptr("/health"),
			Interval:           ptr(int32(10)),
			Timeout:            ptr(int32(5)),
			HealthyThreshold:   ptr(int32(1)),
			UnhealthyThreshold: ptr(int32(5)),
		},
		Tags: []apprunner.Tag{
			{Key: ptr("team"), Value: ptr("payments")},
			{Key: ptr("env"), Value: ptr("production")},
		},
	}
}

// The same structure with go-playground/validator tags.
type pgInput struct {
	ServiceName              *string          `validate:"required,min=4,max=40,ar_servicename"`
	SourceConfiguration      *pgSource        `validate:"required"`
	InstanceConfiguration    *pgInstance      `validate:"omitempty"`
	HealthCheckConfiguration *pgHealth        `validate:"omitempty"`
	Tags                     []pgTag          `validate:"omitempty,dive"`
	Encryption               *pgEncryptionCfg `validate:"omitempty"`
}

type pgEncryptionCfg struct {
	KmsKey *string `validate:"required,max=256,ar_kms"`
}

type pgSource struct {
	AuthenticationConfiguration *pgAuth      `validate:"omitempty"`
	AutoDeploymentsEnabled      *bool        `validate:"omitempty"`
	ImageRepository             *pgImageRepo `validate:"omitempty"`
}

type pgAuth struct {
	AccessRoleArn *string `validate:"omitempty,min=29,max=1024,ar_rolearn"`
	ConnectionArn *string `validate:"omitempty,min=1,max=1011,ar_resourcearn"`
}

type pgImageRepo struct {
	ImageIdentifier     *string        `validate:"required,min=1,max=1024,ar_image"`
	ImageRepositoryType string         `validate:"required,oneof=ECR ECR_PUBLIC"`
	ImageConfiguration  *pgImageConfig `validate:"omitempty"`
}

type pgImageConfig struct {
	Port                        *string           `validate:"omitempty,max=51200,ar_line"`
	StartCommand                *string           `validate:"omitempty,ar_command"`
	RuntimeEnvironmentVariables map[string]string `validate:"omitempty,dive,keys,min=1,max=51200,ar_line,endkeys,max=51200,ar_line"`
	RuntimeEnvironmentSecrets   map[string]string `validate:"omitempty,dive,keys,min=1,max=2048,endkeys,min=1,max=2048"`
}

type pgInstance struct {
	Cpu             *string `validate:"omitempty,min=3,max=9,ar_cpu"`
	Memory          *string `validate:"omitempty,min=3,max=6,ar_memory"`
	InstanceRoleArn *string `validate:"omitempty,min=29,max=1024,ar_rolearn"`
}

type pgHealth struct {
	Protocol           string  `validate:"omitempty,oneof=TCP HTTP"`
	Path               *string `validate:"omitempty,min=1"`
	Interval           *int32  `validate:"omitempty,min=1,max=20"`
	Timeout            *int32  `validate:"omitempty,min=1,max=20"`
	HealthyThreshold   *int32  `validate:"omitempty,min=1,max=20"`
	UnhealthyThreshold *int32  `validate:"omitempty,min=1,max=20"`
}

type pgTag struct {
	Key   *string `validate:"omitempty,min=1,max=128,ar_tagkey"`
	Value *string `validate:"omitempty,max=256,ar_line"`
}

func toPlayground(in *apprunner.CreateServiceInput) *pgInput {
	src := in.SourceConfiguration
	img := src.ImageRepository
	out := &pgInput{
		ServiceName: in.ServiceName,
		SourceConfiguration: &pgSource{
			AuthenticationConfiguration: &pgAuth{AccessRoleArn: src.AuthenticationConfiguration.AccessRoleARN},
			AutoDeploymentsEnabled:      src.AutoDeploymentsEnabled,
			ImageRepository: &pgImageRepo{
				ImageIdentifier:     img.ImageIdentifier,
				ImageRepositoryType: string(img.ImageRepositoryType),
				ImageConfiguration: &pgImageConfig{
					Port:                        img.ImageConfiguration.Port,
					StartCommand:                img.ImageConfiguration.StartCommand,
					RuntimeEnvironmentVariables: img.ImageConfiguration.RuntimeEnvironmentVariables,
					RuntimeEnvironmentSecrets:   img.ImageConfiguration.RuntimeEnvironmentSecrets,
				},
			},
		},
		InstanceConfiguration: &pgInstance{
			Cpu:             in.InstanceConfiguration.CPU,
			Memory:          in.InstanceConfiguration.Memory,
			InstanceRoleArn: in.InstanceConfiguration.InstanceRoleARN,
		},
		HealthCheckConfiguration: &pgHealth{
			Protocol:           string(in.HealthCheckConfiguration.Protocol),
			Path:               in.HealthCheckConfiguration.Path,
			Interval:           in.HealthCheckConfiguration.Interval,
			Timeout:            in.HealthCheckConfiguration.Timeout,
			HealthyThreshold:   in.HealthCheckConfiguration.HealthyThreshold,
			UnhealthyThreshold: in.HealthCheckConfiguration.UnhealthyThreshold,
		},
	}
	for _, t := range in.Tags {
		out.Tags = append(out.Tags, pgTag{Key: t.Key, Value: t.Value})
	}
	return out
}

// ecmaLine is ECMA's "." for whole-value patterns: anything but line
// terminators, which RE2's "." does not exclude all of.
const ecmaLine = `[^\n\r\x{2028}\x{2029}]`

func newPlaygroundValidator() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	re := func(name, pattern string) {
		r := regexp.MustCompile(`^(?:` + pattern + `)$`)
		if err := v.RegisterValidation(name, func(fl validator.FieldLevel) bool {
			return r.MatchString(fl.Field().String())
		}); err != nil {
			panic(err)
		}
	}
	re("ar_servicename", `[A-Za-z0-9][A-Za-z0-9-_]{3,39}`)
	re("ar_image", `([0-9]{12}.dkr.ecr.[a-z\-]+-[0-9]{1}.amazonaws.com\/((?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*)(:([\w\d+\-=._:\/@])+|@([\w\d\:]+))?)|(^public\.ecr\.aws\/.+\/((?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*)(:([\w\d+\-=._:\/@])+|@([\w\d\:]+))?)`)
	re("ar_rolearn", `arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b):iam::[0-9]{12}:(role|role\/service-role)\/[\w+=,.@\-/]{1,1000}`)
	// RE2 refuses {1,1011}; the length check (max=1011) bounds it instead.
	re("ar_resourcearn", `arn:aws(-[\w]+)*:[a-z0-9-\\.]{0,63}:[a-z0-9-\\.]{0,63}:[0-9]{12}:(\w|\/|-)+`)
	re("ar_kms", `arn:aws(-[\w]+)*:kms:[a-z\-]+-[0-9]{1}:[0-9]{12}:key\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)
	re("ar_cpu", `256|512|1024|2048|4096|(0.25|0.5|1|2|4) vCPU`)
	re("ar_memory", `512|1024|2048|3072|4096|6144|8192|10240|12288|(0.5|1|2|3|4|6|8|10|12) GB`)
	re("ar_command", `[^\x0a\x0d]+`)
	re("ar_line", ecmaLine+`*`)
	tagKey := regexp.MustCompile(`^` + ecmaLine + `+$`)
	if err := v.RegisterValidation("ar_tagkey", func(fl validator.FieldLevel) bool {
		s := fl.Field().String()
		return !strings.HasPrefix(s, "aws:") && tagKey.MatchString(s)
	}); err != nil {
		panic(err)
	}
	return v
}

// TestBenchmarkInputsAreValid keeps the comparison honest: both validators
// accept the benchmark's input, and both reject the same broken copy.
func TestBenchmarkInputsAreValid(t *testing.T) {
	in := fullAppRunnerInput()
	if err := in.Validate(); err != nil {
		t.Fatalf("specgen rejects the benchmark input: %v", err)
	}
	pg := newPlaygroundValidator()
	if err := pg.Struct(toPlayground(in)); err != nil {
		t.Fatalf("go-playground rejects the benchmark input: %v", err)
	}
	bad := fullAppRunnerInput()
	bad.Tags[0].Key = ptr("aws:reserved")
	bad.InstanceConfiguration.CPU = ptr("3 vCPU")
	bad.SourceConfiguration.ImageRepository.ImageIdentifier = ptr("nginx")
	if err := bad.Validate(); err == nil {
		t.Error("specgen accepts the broken input")
	}
	if err := pg.Struct(toPlayground(bad)); err == nil {
		t.Error("go-playground accepts the broken input")
	}
}

// TestValidateDoesNotAllocate: validating a valid input costs no allocation.
func TestValidateDoesNotAllocate(t *testing.T) {
	in := fullAppRunnerInput()
	if n := testing.AllocsPerRun(100, func() {
		if err := in.Validate(); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("Validate allocates %v times per call on a valid input, want 0", n)
	}
}

// BenchmarkValidate compares the generated validator with go-playground/
// validator on the same valid input, in one run:
//
//	go test -run '^$' -bench Validate -benchmem ./compat/
func BenchmarkValidate(b *testing.B) {
	in := fullAppRunnerInput()
	b.Run("impl=specgen", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := in.Validate(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=go-playground", func(b *testing.B) {
		pg := newPlaygroundValidator()
		pin := toPlayground(in)
		b.ReportAllocs()
		for b.Loop() {
			if err := pg.Struct(pin); err != nil {
				b.Fatal(err)
			}
		}
	})
}
