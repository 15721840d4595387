package apprunner_test

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/specgen/specgen/gen/apprunner"
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

// hidden is a problem with a sensitive value: the value is withheld.
func hidden(path string, rule specrt.Rule) problem {
	return problem{Path: path, Rule: rule, Sensitive: true}
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
type input = apprunner.CreateServiceInput

func ptr[T any](v T) *T { return &v }

// Paths of nested members, in wire names.
const (
	img    = "SourceConfiguration.ImageRepository."
	imgCfg = img + "ImageConfiguration."
	code   = "SourceConfiguration.CodeRepository."
	vals   = code + "CodeConfiguration.CodeConfigurationValues."
	auth   = "SourceConfiguration.AuthenticationConfiguration."
	health = "HealthCheckConfiguration."
)

const (
	validARN      = "arn:aws:apprunner:us-east-1:123456789012:autoscalingconfiguration/high-availability/3"
	validRoleARN  = "arn:aws:iam::123456789012:role/my-ecr-role"
	validKMSKey   = "arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-4e5f-6789-abcd-ef0123456789"
	validImage    = "123456789012.dkr.ecr.us-east-1.amazonaws.com/golang-app:latest"
	validConnARN  = "arn:aws:apprunner:us-east-1:123456789012:connection/my-github-connection/e7656250f67242d7819feade6800f59e"
	validVPCConn  = "arn:aws:apprunner:us-east-1:123456789012:vpcconnector/my-connector/1"
	validObserved = "arn:aws:apprunner:us-east-1:123456789012:observabilityconfiguration/xray-tracing/3"
)

// validInput returns a CreateService input with every member set and every
// nested structure populated, deploying from a code repository (the source
// is exactly one of a code and an image repository; imageInput is the other).
func validInput() *input {
	return &input{
		AutoScalingConfigurationARN: ptr(validARN),
		EncryptionConfiguration:     &apprunner.EncryptionConfiguration{KMSKey: ptr(validKMSKey)},
		HealthCheckConfiguration: &apprunner.HealthCheckConfiguration{
			HealthyThreshold:   ptr(int32(1)),
			Interval:           ptr(int32(5)),
			Path:               ptr("/"),
			Protocol:           apprunner.HealthCheckProtocolHttp,
			Timeout:            ptr(int32(2)),
			UnhealthyThreshold: ptr(int32(5)),
		},
		InstanceConfiguration: &apprunner.InstanceConfiguration{
			CPU:             ptr("1 vCPU"),
			InstanceRoleARN: ptr("arn:aws:iam::123456789012:role/app-instance-role"),
			Memory:          ptr("2 GB"),
		},
		NetworkConfiguration: &apprunner.NetworkConfiguration{
			EgressConfiguration: &apprunner.EgressConfiguration{
				EgressType:      apprunner.EgressTypeVpc,
				VPCConnectorARN: ptr(validVPCConn),
			},
			IngressConfiguration: &apprunner.IngressConfiguration{IsPubliclyAccessible: ptr(true)},
			IPAddressType:        apprunner.IPAddressTypeDualStack,
		},
		ObservabilityConfiguration: &apprunner.ServiceObservabilityConfiguration{
			ObservabilityConfigurationARN: ptr(validObserved),
			ObservabilityEnabled:          ptr(true),
		},
		ServiceName: ptr("golang-container-app"),
		SourceConfiguration: &apprunner.SourceConfiguration{
			AuthenticationConfiguration: &apprunner.AuthenticationConfiguration{
				AccessRoleARN: ptr(validRoleARN),
				ConnectionARN: ptr(validConnARN),
			},
			AutoDeploymentsEnabled: ptr(true),
			CodeRepository: &apprunner.CodeRepository{
				CodeConfiguration: &apprunner.CodeConfiguration{
					CodeConfigurationValues: &apprunner.CodeConfigurationValues{
						BuildCommand:                ptr("pip install -r requirements.txt"),
						Port:                        ptr("8080"),
						Runtime:                     apprunner.RuntimePython311,
						RuntimeEnvironmentSecrets:   map[string]string{"DB_PASSWORD": "arn:aws:secretsmanager:us-east-1:123456789012:secret:db"},
						RuntimeEnvironmentVariables: map[string]string{"NAME": "Jane", "EMPTY": ""},
						StartCommand:                ptr("python server.py"),
					},
					ConfigurationSource: apprunner.ConfigurationSourceApi,
				},
				RepositoryURL:     ptr("https://github.com/my-account/python-hello"),
				SourceCodeVersion: &apprunner.SourceCodeVersion{Type: apprunner.SourceCodeVersionTypeBranch, Value: ptr("main")},
				SourceDirectory:   ptr("/app"),
			},
		},
		Tags: []apprunner.Tag{
			{Key: ptr("env"), Value: ptr("prod")},
			{Key: ptr("owner"), Value: ptr("")},
		},
	}
}

// imageRepository is a valid image repository with every member set.
func imageRepository() *apprunner.ImageRepository {
	return &apprunner.ImageRepository{
		ImageConfiguration: &apprunner.ImageConfiguration{
			Port:                        ptr("8080"),
			RuntimeEnvironmentSecrets:   map[string]string{"API_KEY": "api-key-parameter"},
			RuntimeEnvironmentVariables: map[string]string{"MODE": "production"},
			StartCommand:                ptr("./server"),
		},
		ImageIdentifier:     ptr(validImage),
		ImageRepositoryType: apprunner.ImageRepositoryTypeEcr,
	}
}

// imageInput is validInput deploying from an image repository instead.
func imageInput() *input {
	in := validInput()
	in.SourceConfiguration.CodeRepository = nil
	in.SourceConfiguration.ImageRepository = imageRepository()
	return in
}

func TestValidInputValidates(t *testing.T) {
	for name, in := range map[string]*input{"from code": validInput(), "from an image": imageInput()} {
		if err := in.Validate(); err != nil {
			t.Errorf("Validate() of the input %s = %v, want nil", name, err)
		}
	}
}

type row struct {
	name   string
	mutate func(*input)
	want   []problem
}

// run applies each row's mutation to validInput and compares the problems.
func run(t *testing.T, tests []row) { runFrom(t, validInput, tests) }

// runFrom is run with another valid input to start from.
func runFrom(t *testing.T, base func() *input, tests []row) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := base()
			tt.mutate(in)
			got := problems(t, in.Validate())
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Validate() problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

var r = strings.Repeat

func TestServiceName(t *testing.T) {
	run(t, []row{
		{"a missing service name is reported as required", func(in *input) { in.ServiceName = nil }, []problem{missing("ServiceName")}},
		{"a 4-character service name passes", func(in *input) { in.ServiceName = ptr("abcd") }, nil},
		{"a 40-character service name passes", func(in *input) { in.ServiceName = ptr(r("a", 40)) }, nil},
		{"a 3-character service name breaks length and pattern", func(in *input) { in.ServiceName = ptr("abc") }, []problem{
			bad("ServiceName", specrt.RuleLength, "abc"),
			bad("ServiceName", specrt.RulePattern, "abc"),
		}},
		{"a 41-character service name breaks length and pattern", func(in *input) { in.ServiceName = ptr(r("a", 41)) }, []problem{
			bad("ServiceName", specrt.RuleLength, r("a", 41)),
			bad("ServiceName", specrt.RulePattern, r("a", 41)),
		}},
		{"four two-byte characters have a valid length but break the pattern", func(in *input) { in.ServiceName = ptr("éééé") }, []problem{
			bad("ServiceName", specrt.RulePattern, "éééé"),
		}},
		{"forty two-byte characters (80 bytes) have a valid length", func(in *input) { in.ServiceName = ptr(r("é", 40)) }, []problem{
			bad("ServiceName", specrt.RulePattern, r("é", 40)),
		}},
		{"hyphens and underscores after the first character pass", func(in *input) { in.ServiceName = ptr("a-b_c") }, nil},
		{"a leading hyphen is rejected", func(in *input) { in.ServiceName = ptr("-abc") }, []problem{bad("ServiceName", specrt.RulePattern, "-abc")}},
		{"a valid service name with a trailing dot fails the whole-value pattern", func(in *input) { in.ServiceName = ptr("python-app.") }, []problem{
			bad("ServiceName", specrt.RulePattern, "python-app."),
		}},
	})
}

func TestImageRepository(t *testing.T) {
	prefix := "public.ecr.aws/"
	image1024 := prefix + r("a", 1024-len(prefix)-len("/nginx")) + "/nginx"
	runFrom(t, imageInput, []row{
		{"a missing image identifier is reported at SourceConfiguration.ImageRepository.ImageIdentifier", func(in *input) {
			in.SourceConfiguration.ImageRepository.ImageIdentifier = nil
		}, []problem{missing("SourceConfiguration.ImageRepository.ImageIdentifier")}},
		{"a bad image identifier is reported at SourceConfiguration.ImageRepository.ImageIdentifier", func(in *input) {
			in.SourceConfiguration.ImageRepository.ImageIdentifier = ptr("docker.io/library/nginx")
		}, []problem{bad("SourceConfiguration.ImageRepository.ImageIdentifier", specrt.RulePattern, "docker.io/library/nginx")}},
		{"an ECR Public image passes", func(in *input) {
			in.SourceConfiguration.ImageRepository.ImageIdentifier = ptr("public.ecr.aws/nginx/nginx:latest")
		}, nil},
		{"an ECR image with a digest passes", func(in *input) {
			in.SourceConfiguration.ImageRepository.ImageIdentifier = ptr("123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha256:abc123")
		}, nil},
		{"a 1024-character image identifier passes", func(in *input) { in.SourceConfiguration.ImageRepository.ImageIdentifier = ptr(image1024) }, nil},
		{"a 1025-character image identifier is too long", func(in *input) {
			in.SourceConfiguration.ImageRepository.ImageIdentifier = ptr("public.ecr.aws/a" + image1024[len(prefix):])
		}, []problem{bad(img+"ImageIdentifier", specrt.RuleLength, "public.ecr.aws/a"+image1024[len(prefix):])}},
		{"an empty image identifier breaks length and pattern", func(in *input) { in.SourceConfiguration.ImageRepository.ImageIdentifier = ptr("") }, []problem{
			bad(img+"ImageIdentifier", specrt.RuleLength, ""),
			bad(img+"ImageIdentifier", specrt.RulePattern, ""),
		}},
		{"a valid image identifier with a trailing space fails the whole-value pattern", func(in *input) {
			in.SourceConfiguration.ImageRepository.ImageIdentifier = ptr(validImage + " ")
		}, []problem{bad(img+"ImageIdentifier", specrt.RulePattern, validImage+" ")}},
		{"a missing image repository type is reported as required", func(in *input) { in.SourceConfiguration.ImageRepository.ImageRepositoryType = "" }, []problem{
			missing(img + "ImageRepositoryType"),
		}},
		{"image repository type ECR_PUBLIC passes", func(in *input) {
			in.SourceConfiguration.ImageRepository.ImageRepositoryType = apprunner.ImageRepositoryTypeEcrPublic
		}, nil},
		{"an unknown image repository type is rejected", func(in *input) { in.SourceConfiguration.ImageRepository.ImageRepositoryType = "DOCKER_HUB" }, []problem{
			bad(img+"ImageRepositoryType", specrt.RuleEnum, "DOCKER_HUB"),
		}},
		{"an image configuration port with a newline breaks the String pattern", func(in *input) { in.SourceConfiguration.ImageRepository.ImageConfiguration.Port = ptr("80\n") }, []problem{
			bad(imgCfg+"Port", specrt.RulePattern, "80\n"),
		}},
		{"an empty start command is sensitive and breaks the pattern", func(in *input) { in.SourceConfiguration.ImageRepository.ImageConfiguration.StartCommand = ptr("") }, []problem{
			hidden(imgCfg+"StartCommand", specrt.RulePattern),
		}},
		{"an image configuration secret with an empty value is reported at [*]", func(in *input) {
			in.SourceConfiguration.ImageRepository.ImageConfiguration.RuntimeEnvironmentSecrets["API_KEY"] = ""
		}, []problem{hidden(imgCfg+"RuntimeEnvironmentSecrets[*]", specrt.RuleLength)}},
		{"an image configuration variable with a carriage return is reported at [*]", func(in *input) {
			in.SourceConfiguration.ImageRepository.ImageConfiguration.RuntimeEnvironmentVariables["MODE"] = "a\rb"
		}, []problem{hidden(imgCfg+"RuntimeEnvironmentVariables[*]", specrt.RulePattern)}},
	})
}

func TestCodeRepository(t *testing.T) {
	run(t, []row{
		{"a missing repository URL is reported as required", func(in *input) { in.SourceConfiguration.CodeRepository.RepositoryURL = nil }, []problem{
			missing(code + "RepositoryUrl"),
		}},
		{"an empty repository URL passes (String has no minimum)", func(in *input) { in.SourceConfiguration.CodeRepository.RepositoryURL = ptr("") }, nil},
		{"a 51200-character repository URL passes", func(in *input) { in.SourceConfiguration.CodeRepository.RepositoryURL = ptr(r("日", 51200)) }, nil},
		{"a 51201-character repository URL is too long", func(in *input) { in.SourceConfiguration.CodeRepository.RepositoryURL = ptr(r("u", 51201)) }, []problem{
			bad(code+"RepositoryUrl", specrt.RuleLength, r("u", 51201)),
		}},
		{"a line separator U+2028 is a line terminator, so . does not match it", func(in *input) {
			in.SourceConfiguration.CodeRepository.RepositoryURL = ptr("https://x\u2028y")
		}, []problem{bad(code+"RepositoryUrl", specrt.RulePattern, "https://x\u2028y")}},
		{"a missing source code version is reported as required", func(in *input) { in.SourceConfiguration.CodeRepository.SourceCodeVersion = nil }, []problem{
			missing(code + "SourceCodeVersion"),
		}},
		{"a source code version without type and value reports both", func(in *input) {
			in.SourceConfiguration.CodeRepository.SourceCodeVersion = &apprunner.SourceCodeVersion{}
		}, []problem{missing(code + "SourceCodeVersion.Type"), missing(code + "SourceCodeVersion.Value")}},
		{"an unknown source code version type is rejected", func(in *input) { in.SourceConfiguration.CodeRepository.SourceCodeVersion.Type = "TAG" }, []problem{
			bad(code+"SourceCodeVersion.Type", specrt.RuleEnum, "TAG"),
		}},
		{"a one-character source directory passes", func(in *input) { in.SourceConfiguration.CodeRepository.SourceDirectory = ptr("/") }, nil},
		{"a 4096-character source directory of two-byte characters passes", func(in *input) {
			in.SourceConfiguration.CodeRepository.SourceDirectory = ptr(r("é", 4096))
		}, nil},
		{"a 4097-character source directory is too long", func(in *input) { in.SourceConfiguration.CodeRepository.SourceDirectory = ptr(r("d", 4097)) }, []problem{
			bad(code+"SourceDirectory", specrt.RuleLength, r("d", 4097)),
		}},
		{"an empty source directory breaks length and pattern", func(in *input) { in.SourceConfiguration.CodeRepository.SourceDirectory = ptr("") }, []problem{
			bad(code+"SourceDirectory", specrt.RuleLength, ""),
			bad(code+"SourceDirectory", specrt.RulePattern, ""),
		}},
		{"a source directory with a trailing NUL fails the whole-value pattern", func(in *input) {
			in.SourceConfiguration.CodeRepository.SourceDirectory = ptr("/app\x00")
		}, []problem{bad(code+"SourceDirectory", specrt.RulePattern, "/app\x00")}},
		{"a missing configuration source is reported as required", func(in *input) {
			in.SourceConfiguration.CodeRepository.CodeConfiguration.ConfigurationSource = ""
		}, []problem{missing(code + "CodeConfiguration.ConfigurationSource")}},
		{"configuration source Api (as in the seed's response) is rejected", func(in *input) {
			in.SourceConfiguration.CodeRepository.CodeConfiguration.ConfigurationSource = "Api"
		}, []problem{bad(code+"CodeConfiguration.ConfigurationSource", specrt.RuleEnum, "Api")}},
		{"a missing runtime is reported as required", func(in *input) {
			in.SourceConfiguration.CodeRepository.CodeConfiguration.CodeConfigurationValues.Runtime = ""
		}, []problem{
			missing(vals + "Runtime"),
		}},
		{"an unknown runtime is rejected", func(in *input) {
			in.SourceConfiguration.CodeRepository.CodeConfiguration.CodeConfigurationValues.Runtime = "PYTHON_4"
		}, []problem{
			bad(vals+"Runtime", specrt.RuleEnum, "PYTHON_4"),
		}},
	})
}

// TestSensitiveCodeValues checks the sensitive members of
// CodeConfigurationValues: problems are reported without the value, and
// map problems without the key.
func TestSensitiveCodeValues(t *testing.T) {
	values := func(in *input) *apprunner.CodeConfigurationValues {
		return in.SourceConfiguration.CodeRepository.CodeConfiguration.CodeConfigurationValues
	}
	run(t, []row{
		{"a build command with a newline is reported without its value", func(in *input) { values(in).BuildCommand = ptr("make\nmake install") }, []problem{
			hidden(vals+"BuildCommand", specrt.RulePattern),
		}},
		{"an empty build command breaks the pattern", func(in *input) { values(in).BuildCommand = ptr("") }, []problem{
			hidden(vals+"BuildCommand", specrt.RulePattern),
		}},
		{"a build command with a trailing carriage return fails the whole-value pattern", func(in *input) { values(in).BuildCommand = ptr("make\r") }, []problem{
			hidden(vals+"BuildCommand", specrt.RulePattern),
		}},
		{"a start command with a newline is reported without its value", func(in *input) { values(in).StartCommand = ptr("run\n") }, []problem{
			hidden(vals+"StartCommand", specrt.RulePattern),
		}},
		{"a secret with a 2048-character name and value passes", func(in *input) {
			values(in).RuntimeEnvironmentSecrets = map[string]string{r("é", 2048): r("日", 2048)}
		}, nil},
		{"a secret with an empty name is too short", func(in *input) { values(in).RuntimeEnvironmentSecrets[""] = "x" }, []problem{
			hidden(vals+"RuntimeEnvironmentSecrets[*]", specrt.RuleLength),
		}},
		{"a secret with a 2049-character name is too long", func(in *input) { values(in).RuntimeEnvironmentSecrets[r("n", 2049)] = "x" }, []problem{
			hidden(vals+"RuntimeEnvironmentSecrets[*]", specrt.RuleLength),
		}},
		{"a secret with an empty value is too short", func(in *input) { values(in).RuntimeEnvironmentSecrets["DB_PASSWORD"] = "" }, []problem{
			hidden(vals+"RuntimeEnvironmentSecrets[*]", specrt.RuleLength),
		}},
		{"a secret with a 2049-character value is too long", func(in *input) { values(in).RuntimeEnvironmentSecrets["DB_PASSWORD"] = r("v", 2049) }, []problem{
			hidden(vals+"RuntimeEnvironmentSecrets[*]", specrt.RuleLength),
		}},
		{"a variable with an empty name is too short", func(in *input) { values(in).RuntimeEnvironmentVariables[""] = "x" }, []problem{
			hidden(vals+"RuntimeEnvironmentVariables[*]", specrt.RuleLength),
		}},
		{"a variable with a newline in its name breaks the pattern", func(in *input) { values(in).RuntimeEnvironmentVariables["A\nB"] = "x" }, []problem{
			hidden(vals+"RuntimeEnvironmentVariables[*]", specrt.RulePattern),
		}},
		{"a variable with a 51200-character name and value passes", func(in *input) {
			values(in).RuntimeEnvironmentVariables = map[string]string{r("k", 51200): r("é", 51200)}
		}, nil},
		{"a variable with a 51201-character value is too long", func(in *input) { values(in).RuntimeEnvironmentVariables["NAME"] = r("v", 51201) }, []problem{
			hidden(vals+"RuntimeEnvironmentVariables[*]", specrt.RuleLength),
		}},
		{"a variable with a 51201-character name is too long", func(in *input) { values(in).RuntimeEnvironmentVariables[r("k", 51201)] = "v" }, []problem{
			hidden(vals+"RuntimeEnvironmentVariables[*]", specrt.RuleLength),
		}},
		{"a port is not sensitive, so its value is shown", func(in *input) { values(in).Port = ptr("80\n") }, []problem{
			bad(vals+"Port", specrt.RulePattern, "80\n"),
		}},
	})
}

func TestAuthenticationAndARNs(t *testing.T) {
	arnPrefix := "arn:aws:apprunner:us-east-1:123456789012:"
	arn1011 := arnPrefix + r("a", 1011-len(arnPrefix))
	rolePrefix := "arn:aws:iam::123456789012:role/"
	role1024 := rolePrefix + r("r", 1024-len(rolePrefix))
	run(t, []row{
		{"a 1011-character resource ARN passes", func(in *input) { in.AutoScalingConfigurationARN = ptr(arn1011) }, nil},
		{"a 1012-character resource ARN is too long", func(in *input) { in.AutoScalingConfigurationARN = ptr(arn1011 + "a") }, []problem{
			bad("AutoScalingConfigurationArn", specrt.RuleLength, arn1011+"a"),
		}},
		{"an empty resource ARN breaks length and pattern", func(in *input) { in.AutoScalingConfigurationARN = ptr("") }, []problem{
			bad("AutoScalingConfigurationArn", specrt.RuleLength, ""),
			bad("AutoScalingConfigurationArn", specrt.RulePattern, ""),
		}},
		{"a resource ARN in another partition passes", func(in *input) {
			in.AutoScalingConfigurationARN = ptr("arn:aws-cn:apprunner:cn-north-1:123456789012:autoscalingconfiguration/x")
		}, nil},
		{"a valid resource ARN with a trailing dot fails the whole-value pattern", func(in *input) { in.AutoScalingConfigurationARN = ptr(validARN + ".") }, []problem{
			bad("AutoScalingConfigurationArn", specrt.RulePattern, validARN+"."),
		}},
		{"a connection ARN with an 11-digit account is rejected", func(in *input) {
			in.SourceConfiguration.AuthenticationConfiguration.ConnectionARN = ptr("arn:aws:apprunner:us-east-1:12345678901:connection/x")
		}, []problem{bad(auth+"ConnectionArn", specrt.RulePattern, "arn:aws:apprunner:us-east-1:12345678901:connection/x")}},
		{"a 1024-character role ARN passes", func(in *input) { in.SourceConfiguration.AuthenticationConfiguration.AccessRoleARN = ptr(role1024) }, nil},
		{"a 1025-character role ARN is too long", func(in *input) {
			in.SourceConfiguration.AuthenticationConfiguration.AccessRoleARN = ptr(role1024 + "r")
		}, []problem{
			bad(auth+"AccessRoleArn", specrt.RuleLength, role1024+"r"),
		}},
		{"a 28-character role ARN breaks length and pattern", func(in *input) {
			in.SourceConfiguration.AuthenticationConfiguration.AccessRoleARN = ptr("arn:aws:iam::123456789012:ro")
		}, []problem{
			bad(auth+"AccessRoleArn", specrt.RuleLength, "arn:aws:iam::123456789012:ro"),
			bad(auth+"AccessRoleArn", specrt.RulePattern, "arn:aws:iam::123456789012:ro"),
		}},
		{"a service-role path passes", func(in *input) {
			in.SourceConfiguration.AuthenticationConfiguration.AccessRoleARN = ptr("arn:aws-us-gov:iam::123456789012:role/service-role/x")
		}, nil},
		{"a user ARN is not a role ARN", func(in *input) {
			in.SourceConfiguration.AuthenticationConfiguration.AccessRoleARN = ptr("arn:aws:iam::123456789012:user/someone")
		}, []problem{bad(auth+"AccessRoleArn", specrt.RulePattern, "arn:aws:iam::123456789012:user/someone")}},
		{"an instance role ARN with a space fails the pattern", func(in *input) {
			in.InstanceConfiguration.InstanceRoleARN = ptr("arn:aws:iam::123456789012:role/a b")
		}, []problem{bad("InstanceConfiguration.InstanceRoleArn", specrt.RulePattern, "arn:aws:iam::123456789012:role/a b")}},
		{"a bad VPC connector ARN is reported under the egress configuration", func(in *input) {
			in.NetworkConfiguration.EgressConfiguration.VPCConnectorARN = ptr("vpc-connector")
		}, []problem{bad("NetworkConfiguration.EgressConfiguration.VpcConnectorArn", specrt.RulePattern, "vpc-connector")}},
		{"a bad observability configuration ARN is reported", func(in *input) {
			in.ObservabilityConfiguration.ObservabilityConfigurationARN = ptr("xray")
		}, []problem{bad("ObservabilityConfiguration.ObservabilityConfigurationArn", specrt.RulePattern, "xray")}},
		{"a missing ObservabilityEnabled is reported as required", func(in *input) {
			in.ObservabilityConfiguration.ObservabilityEnabled = nil
			in.ObservabilityConfiguration.ObservabilityConfigurationARN = nil
		}, []problem{
			missing("ObservabilityConfiguration.ObservabilityEnabled"),
		}},
		{"ObservabilityEnabled false is set, so it passes without an ARN", func(in *input) {
			in.ObservabilityConfiguration.ObservabilityEnabled = ptr(false)
			in.ObservabilityConfiguration.ObservabilityConfigurationARN = nil
		}, nil},
		{"a missing KMS key is reported as required", func(in *input) { in.EncryptionConfiguration.KMSKey = nil }, []problem{
			missing("EncryptionConfiguration.KmsKey"),
		}},
		{"an empty KMS key fits the length but breaks the pattern", func(in *input) { in.EncryptionConfiguration.KMSKey = ptr("") }, []problem{
			bad("EncryptionConfiguration.KmsKey", specrt.RulePattern, ""),
		}},
		{"a valid KMS key with a trailing character fails the whole-value pattern", func(in *input) { in.EncryptionConfiguration.KMSKey = ptr(validKMSKey + "0") }, []problem{
			bad("EncryptionConfiguration.KmsKey", specrt.RulePattern, validKMSKey+"0"),
		}},
		{"a 257-character KMS key breaks length and pattern", func(in *input) { in.EncryptionConfiguration.KMSKey = ptr(validKMSKey + r("0", 257-len(validKMSKey))) }, []problem{
			bad("EncryptionConfiguration.KmsKey", specrt.RuleLength, validKMSKey+r("0", 257-len(validKMSKey))),
			bad("EncryptionConfiguration.KmsKey", specrt.RulePattern, validKMSKey+r("0", 257-len(validKMSKey))),
		}},
	})
}

func TestHealthCheckConfiguration(t *testing.T) {
	var tests []row
	ints := []struct {
		member string
		field  func(*apprunner.HealthCheckConfiguration) **int32
	}{
		{"HealthyThreshold", func(h *apprunner.HealthCheckConfiguration) **int32 { return &h.HealthyThreshold }},
		{"Interval", func(h *apprunner.HealthCheckConfiguration) **int32 { return &h.Interval }},
		{"Timeout", func(h *apprunner.HealthCheckConfiguration) **int32 { return &h.Timeout }},
		{"UnhealthyThreshold", func(h *apprunner.HealthCheckConfiguration) **int32 { return &h.UnhealthyThreshold }},
	}
	for _, m := range ints {
		for _, c := range []struct {
			v    int32
			want []problem
		}{
			{1, nil},
			{20, nil},
			{0, []problem{bad(health+m.member, specrt.RuleRange, "0")}},
			{21, []problem{bad(health+m.member, specrt.RuleRange, "21")}},
		} {
			verb := "passes"
			if c.want != nil {
				verb = "is out of range"
			}
			tests = append(tests, row{
				name:   fmt.Sprintf("%s %d %s", m.member, c.v, verb),
				mutate: func(in *input) { *m.field(in.HealthCheckConfiguration) = ptr(c.v) },
				want:   c.want,
			})
		}
	}
	tests = append(tests,
		row{"an empty health check path is too short", func(in *input) { in.HealthCheckConfiguration.Path = ptr("") }, []problem{
			bad(health+"Path", specrt.RuleLength, ""),
		}},
		row{"a one-character health check path passes", func(in *input) { in.HealthCheckConfiguration.Path = ptr("é") }, nil},
		row{"health check protocol TCP without a path passes", func(in *input) {
			in.HealthCheckConfiguration.Protocol = apprunner.HealthCheckProtocolTcp
			in.HealthCheckConfiguration.Path = nil
		}, nil},
		row{"an unknown health check protocol is rejected", func(in *input) {
			in.HealthCheckConfiguration.Protocol = "UDP"
			in.HealthCheckConfiguration.Path = nil
		}, []problem{
			bad(health+"Protocol", specrt.RuleEnum, "UDP"),
		}},
		row{"health check protocols are case-sensitive", func(in *input) {
			in.HealthCheckConfiguration.Protocol = "http"
			in.HealthCheckConfiguration.Path = nil
		}, []problem{
			bad(health+"Protocol", specrt.RuleEnum, "http"),
		}},
	)
	run(t, tests)
}

func TestInstanceAndNetworkConfiguration(t *testing.T) {
	cpu := func(v string) func(*input) { return func(in *input) { in.InstanceConfiguration.CPU = ptr(v) } }
	mem := func(v string) func(*input) { return func(in *input) { in.InstanceConfiguration.Memory = ptr(v) } }
	run(t, []row{
		{"cpu 256 (3 characters) passes", cpu("256"), nil},
		{"cpu 0.25 vCPU (9 characters) passes", cpu("0.25 vCPU"), nil},
		{"cpu 4096 passes", cpu("4096"), nil},
		{"cpu 3 vCPU is not a listed size", cpu("3 vCPU"), []problem{bad("InstanceConfiguration.Cpu", specrt.RulePattern, "3 vCPU")}},
		{"cpu 256 vCPU fails: the alternation is anchored as a whole", cpu("256 vCPU"), []problem{bad("InstanceConfiguration.Cpu", specrt.RulePattern, "256 vCPU")}},
		{"cpu 1024x fails the whole-value pattern", cpu("1024x"), []problem{bad("InstanceConfiguration.Cpu", specrt.RulePattern, "1024x")}},
		{"cpu 25 (2 characters) breaks length and pattern", cpu("25"), []problem{
			bad("InstanceConfiguration.Cpu", specrt.RuleLength, "25"),
			bad("InstanceConfiguration.Cpu", specrt.RulePattern, "25"),
		}},
		{"cpu 0.25 vCPUs (10 characters) breaks length and pattern", cpu("0.25 vCPUs"), []problem{
			bad("InstanceConfiguration.Cpu", specrt.RuleLength, "0.25 vCPUs"),
			bad("InstanceConfiguration.Cpu", specrt.RulePattern, "0.25 vCPUs"),
		}},
		{"memory 512 (3 characters) passes", mem("512"), nil},
		{"memory 12 GB passes", mem("12 GB"), nil},
		{"memory 12288 passes", mem("12288"), nil},
		{"memory 5 GB is not a listed size", mem("5 GB"), []problem{bad("InstanceConfiguration.Memory", specrt.RulePattern, "5 GB")}},
		{"memory 512 GB fails: the alternation is anchored as a whole", mem("512 GB"), []problem{bad("InstanceConfiguration.Memory", specrt.RulePattern, "512 GB")}},
		{"memory 2048 GB (7 characters) breaks length and pattern", mem("2048 GB"), []problem{
			bad("InstanceConfiguration.Memory", specrt.RuleLength, "2048 GB"),
			bad("InstanceConfiguration.Memory", specrt.RulePattern, "2048 GB"),
		}},
		{"egress type DEFAULT without a VPC connector passes", func(in *input) {
			in.NetworkConfiguration.EgressConfiguration.EgressType = apprunner.EgressTypeDefault
			in.NetworkConfiguration.EgressConfiguration.VPCConnectorARN = nil
		}, nil},
		{"an unknown egress type is rejected", func(in *input) {
			in.NetworkConfiguration.EgressConfiguration.EgressType = "NAT"
			in.NetworkConfiguration.EgressConfiguration.VPCConnectorARN = nil
		}, []problem{
			bad("NetworkConfiguration.EgressConfiguration.EgressType", specrt.RuleEnum, "NAT"),
		}},
		{"IP address type IPV4 passes", func(in *input) { in.NetworkConfiguration.IPAddressType = apprunner.IPAddressTypeIpv4 }, nil},
		{"an unknown IP address type is rejected", func(in *input) { in.NetworkConfiguration.IPAddressType = "IPV6" }, []problem{
			bad("NetworkConfiguration.IpAddressType", specrt.RuleEnum, "IPV6"),
		}},
	})
}

func TestTags(t *testing.T) {
	run(t, []row{
		{"no tags pass", func(in *input) { in.Tags = nil }, nil},
		{"a tag with neither key nor value passes", func(in *input) { in.Tags = []apprunner.Tag{{}} }, nil},
		{"a tag key starting with aws: is rejected", func(in *input) { in.Tags[0].Key = ptr("aws:reserved") }, []problem{
			bad("Tags[0].Key", specrt.RulePattern, "aws:reserved"),
		}},
		{"a tag key that is just aws: is rejected", func(in *input) { in.Tags[0].Key = ptr("aws:") }, []problem{bad("Tags[0].Key", specrt.RulePattern, "aws:")}},
		{"the aws: lookahead is case-sensitive, so AWS: passes", func(in *input) { in.Tags[0].Key = ptr("AWS:x") }, nil},
		{"a tag key awsx passes", func(in *input) { in.Tags[0].Key = ptr("awsx") }, nil},
		{"a tag key with aws: after the start passes", func(in *input) { in.Tags[0].Key = ptr("x-aws:y") }, nil},
		{"an empty tag key breaks length and pattern", func(in *input) { in.Tags[1].Key = ptr("") }, []problem{
			bad("Tags[1].Key", specrt.RuleLength, ""),
			bad("Tags[1].Key", specrt.RulePattern, ""),
		}},
		{"a 128-character tag key of three-byte characters passes", func(in *input) { in.Tags[0].Key = ptr(r("日", 128)) }, nil},
		{"a 129-character tag key is too long", func(in *input) { in.Tags[0].Key = ptr(r("k", 129)) }, []problem{
			bad("Tags[0].Key", specrt.RuleLength, r("k", 129)),
		}},
		{"a tag key with a trailing newline fails the whole-value pattern", func(in *input) { in.Tags[0].Key = ptr("env\n") }, []problem{
			bad("Tags[0].Key", specrt.RulePattern, "env\n"),
		}},
		{"a 256-character tag value of two-byte characters passes", func(in *input) { in.Tags[1].Value = ptr(r("é", 256)) }, nil},
		{"a 257-character tag value is too long", func(in *input) { in.Tags[1].Value = ptr(r("v", 257)) }, []problem{
			bad("Tags[1].Value", specrt.RuleLength, r("v", 257)),
		}},
		{"a tag value with a newline breaks the pattern", func(in *input) { in.Tags[1].Value = ptr("a\nb") }, []problem{
			bad("Tags[1].Value", specrt.RulePattern, "a\nb"),
		}},
	})
}

func TestEveryViolationIsReported(t *testing.T) {
	run(t, []row{
		{"a missing source configuration is reported as required", func(in *input) { in.SourceConfiguration = nil }, []problem{
			missing("SourceConfiguration"),
		}},
		{"an empty input reports both required top-level members", func(in *input) { *in = input{} }, []problem{
			missing("ServiceName"), missing("SourceConfiguration"),
		}},
		{"one call reports every violation at top level and nested", func(in *input) {
			in.ServiceName = ptr("ab")
			in.HealthCheckConfiguration.Interval = ptr(int32(0))
			in.SourceConfiguration.CodeRepository.CodeConfiguration.CodeConfigurationValues.BuildCommand = ptr("a\nb")
			in.SourceConfiguration.CodeRepository.SourceCodeVersion.Value = nil
			in.SourceConfiguration.ImageRepository = imageRepository()
			in.SourceConfiguration.ImageRepository.ImageIdentifier = nil
			in.Tags[1].Key = ptr("aws:x")
		}, []problem{
			bad("ServiceName", specrt.RuleLength, "ab"),
			bad("ServiceName", specrt.RulePattern, "ab"),
			missing(code + "SourceCodeVersion.Value"),
			hidden(vals+"BuildCommand", specrt.RulePattern),
			missing(img + "ImageIdentifier"),
			{Path: "SourceConfiguration", Rule: specrt.RuleOneOf},
			bad("Tags[1].Key", specrt.RulePattern, "aws:x"),
			bad("HealthCheckConfiguration.Interval", specrt.RuleRange, "0"),
		}},
	})
}

// TestUnknownEnumDecodes checks that enum values the spec does not list
// decode from wire JSON (a newer service may send them) but do not validate.
func TestUnknownEnumDecodes(t *testing.T) {
	const wire = `{
		"ServiceName": "python-app",
		"HealthCheckConfiguration": {"Protocol": "GRPC"},
		"NetworkConfiguration": {"IpAddressType": "IPV6_ONLY", "EgressConfiguration": {"EgressType": "NAT"}},
		"SourceConfiguration": {
			"CodeRepository": {
				"RepositoryUrl": "https://github.com/my-account/python-hello",
				"SourceCodeVersion": {"Type": "TAG", "Value": "v1"},
				"CodeConfiguration": {
					"ConfigurationSource": "Api",
					"CodeConfigurationValues": {"Runtime": "PYTHON_4"}
				}
			},
			"ImageRepository": {"ImageIdentifier": "public.ecr.aws/nginx/nginx", "ImageRepositoryType": "GHCR"}
		}
	}`
	var in input
	if err := jsonwire.Unmarshal([]byte(wire), apprunner.WireShape(&in), &in); err != nil {
		t.Fatalf("decoding unknown enum values: %v", err)
	}
	if got := in.SourceConfiguration.CodeRepository.CodeConfiguration.CodeConfigurationValues.Runtime; got != "PYTHON_4" {
		t.Errorf("Runtime = %q, want PYTHON_4", got)
	}
	got := problems(t, in.Validate())
	want := []problem{
		bad(code+"SourceCodeVersion.Type", specrt.RuleEnum, "TAG"),
		bad(code+"CodeConfiguration.ConfigurationSource", specrt.RuleEnum, "Api"),
		bad(vals+"Runtime", specrt.RuleEnum, "PYTHON_4"),
		bad(img+"ImageRepositoryType", specrt.RuleEnum, "GHCR"),
		{Path: "SourceConfiguration", Rule: specrt.RuleOneOf}, // both repositories, to decode both trees
		bad("HealthCheckConfiguration.Protocol", specrt.RuleEnum, "GRPC"),
		bad("NetworkConfiguration.EgressConfiguration.EgressType", specrt.RuleEnum, "NAT"),
		bad("NetworkConfiguration.IpAddressType", specrt.RuleEnum, "IPV6_ONLY"),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Validate() problems mismatch (-want +got):\n%s", diff)
	}

	var out apprunner.CreateServiceOutput
	if err := jsonwire.Unmarshal([]byte(`{"Service": {"Status": "MIGRATING", "AutoScalingConfigurationSummary": {"Status": "ARCHIVED"}}}`), apprunner.WireShape(&out), &out); err != nil {
		t.Fatalf("decoding unknown output enum values: %v", err)
	}
	if out.Service.Status != "MIGRATING" || out.Service.AutoScalingConfigurationSummary.Status != "ARCHIVED" {
		t.Errorf("decoded statuses = %q, %q; want MIGRATING, ARCHIVED", out.Service.Status, out.Service.AutoScalingConfigurationSummary.Status)
	}
}

// Secrets planted in every sensitive member; each must never be printed.
const (
	secretBuild    = "s3cr3t-build-token"
	secretStart    = "s3cr3t-start-token"
	secretName     = "S3CR3T_SECRET_NAME"
	secretValue    = "s3cr3t-secret-arn-value"
	secretVarName  = "S3CR3T_VAR_NAME"
	secretVarValue = "s3cr3t-var-value"
	secretImgStart = "s3cr3t-image-start"
	secretImgVar   = "s3cr3t-image-var"
)

var allSecrets = []string{secretBuild, secretStart, secretName, secretValue, secretVarName, secretVarValue, secretImgStart, secretImgVar}

// sensitiveInput returns an input whose sensitive members hold the secrets,
// each invalid so that its problem is reported. It has both repositories, so
// that the sensitive members of both are set, and breaks their oneOf too.
func sensitiveInput() *input {
	in := validInput()
	in.SourceConfiguration.ImageRepository = imageRepository()
	v := in.SourceConfiguration.CodeRepository.CodeConfiguration.CodeConfigurationValues
	v.BuildCommand = ptr(secretBuild + "\n")
	v.StartCommand = ptr(secretStart + "\r")
	v.RuntimeEnvironmentSecrets = map[string]string{secretName + r("x", 2048): secretValue + r("x", 2048)}
	v.RuntimeEnvironmentVariables = map[string]string{secretVarName + "\n": secretVarValue + "\n"}
	ic := in.SourceConfiguration.ImageRepository.ImageConfiguration
	ic.StartCommand = ptr(secretImgStart + "\n")
	ic.RuntimeEnvironmentVariables = map[string]string{"MODE": secretImgVar + "\u2029"}
	return in
}

func TestSensitiveValuesAreNeverShown(t *testing.T) {
	in := sensitiveInput()
	err := in.Validate()
	got := problems(t, err)
	want := []problem{
		hidden(vals+"BuildCommand", specrt.RulePattern),
		hidden(vals+"StartCommand", specrt.RulePattern),
		hidden(vals+"RuntimeEnvironmentVariables[*]", specrt.RulePattern),
		hidden(vals+"RuntimeEnvironmentVariables[*]", specrt.RulePattern),
		hidden(vals+"RuntimeEnvironmentSecrets[*]", specrt.RuleLength),
		hidden(vals+"RuntimeEnvironmentSecrets[*]", specrt.RuleLength),
		hidden(imgCfg+"RuntimeEnvironmentVariables[*]", specrt.RulePattern),
		hidden(imgCfg+"StartCommand", specrt.RulePattern),
		{Path: "SourceConfiguration", Rule: specrt.RuleOneOf},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Validate() problems mismatch (-want +got):\n%s", diff)
	}
	if !strings.Contains(err.Error(), "(value is sensitive)") {
		t.Errorf("err.Error() does not say the value is sensitive: %s", err)
	}

	src := in.SourceConfiguration
	outputs := map[string]string{
		"err.Error()":                     err.Error(),
		"%v of the input":                 fmt.Sprintf("%v", in),
		"%+v of the input":                fmt.Sprintf("%+v", in),
		"%v of the input value":           fmt.Sprintf("%v", *in),
		"%+v of the input value":          fmt.Sprintf("%+v", *in),
		"String of the input":             in.String(),
		"%+v of the source configuration": fmt.Sprintf("%+v", src),
		"String of the code values":       src.CodeRepository.CodeConfiguration.CodeConfigurationValues.String(),
		"%v of the code configuration":    fmt.Sprintf("%v", *src.CodeRepository.CodeConfiguration),
		"String of the image repository":  src.ImageRepository.String(),
		"%+v of the image configuration":  fmt.Sprintf("%+v", src.ImageRepository.ImageConfiguration),
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
		logger.Info("source", "source", src, "values", src.CodeRepository.CodeConfiguration.CodeConfigurationValues)
		logger.Error("invalid input", "err", err)
		outputs["slog "+h.name+" handler"] = buf.String()
	}
	for name, out := range outputs {
		for _, s := range allSecrets {
			if strings.Contains(out, s) {
				t.Errorf("%s shows the secret %q:\n%s", name, s, out)
			}
		}
		if name == "err.Error()" {
			continue
		}
		if !strings.Contains(out, specrt.Redacted) {
			t.Errorf("%s has no %s marker:\n%s", name, specrt.Redacted, out)
		}
	}

	// The wire encoding still carries the values: only printing redacts them.
	b, jerr := jsonwire.Marshal(apprunner.WireShape(in), in)
	if jerr != nil {
		t.Fatal(jerr)
	}
	for _, s := range allSecrets {
		if !bytes.Contains(b, []byte(s)) {
			t.Errorf("the encoding lost the sensitive value %q", s)
		}
	}
}

// TestTimestampsRoundTrip checks that CreateServiceOutput's timestamps travel
// as epoch seconds, fractional seconds included, and survive a round trip.
func TestTimestampsRoundTrip(t *testing.T) {
	const wire = `{
		"OperationId": "17fe9f55-7e91-4097-b243-fcabbb69a4cf",
		"Service": {
			"CreatedAt": 1.5e9,
			"UpdatedAt": 1500000000.5,
			"DeletedAt": 1.605e9,
			"AutoScalingConfigurationSummary": {"CreatedAt": 1500000000.125},
			"ServiceName": "python-app"
		}
	}`
	var out apprunner.CreateServiceOutput
	if err := jsonwire.Unmarshal([]byte(wire), apprunner.WireShape(&out), &out); err != nil {
		t.Fatalf("decode: %v", err)
	}
	s := out.Service
	for _, c := range []struct {
		name string
		got  *time.Time
		want time.Time
	}{
		{"Service.CreatedAt", s.CreatedAt, time.Unix(1500000000, 0)},
		{"Service.UpdatedAt", s.UpdatedAt, time.Unix(1500000000, 500e6)},
		{"Service.DeletedAt", s.DeletedAt, time.Unix(1605000000, 0)},
		{"Service.AutoScalingConfigurationSummary.CreatedAt", s.AutoScalingConfigurationSummary.CreatedAt, time.Unix(1500000000, 125e6)},
	} {
		if c.got == nil || !c.got.Equal(c.want) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}

	b, err := jsonwire.Marshal(apprunner.WireShape(&out), &out)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	for _, frag := range []string{`"CreatedAt":1500000000,`, `"UpdatedAt":1500000000.5`, `"DeletedAt":1605000000`, `"CreatedAt":1500000000.125`} {
		if !bytes.Contains(b, []byte(frag)) {
			t.Errorf("encoded %s does not contain %s", b, frag)
		}
	}
	var again apprunner.CreateServiceOutput
	if err := jsonwire.Unmarshal(b, apprunner.WireShape(&again), &again); err != nil {
		t.Fatalf("decode the re-encoded output: %v", err)
	}
	if diff := cmp.Diff(out, again); diff != "" {
		t.Errorf("round trip mismatch (-first +second):\n%s", diff)
	}

	// Timestamps on the wire are numbers: an ISO 8601 string, as in the
	// seed's (non-conforming) examples, is rejected.
	var iso apprunner.CreateServiceOutput
	if err := jsonwire.Unmarshal([]byte(`{"Service": {"CreatedAt": "2020-11-20T19:05:25Z"}}`), apprunner.WireShape(&iso), &iso); err == nil {
		t.Errorf("the decoder accepted an ISO 8601 timestamp: %v", iso.Service.CreatedAt)
	}
}

// TestRules checks the rules that span members, each with its source: the
// model's "You must provide either this member or ImageRepository (but not
// both)", "Only valid when EgressType = VPC", "Specified only when
// ObservabilityEnabled is true", "API - App Runner uses configuration values
// provided in CodeConfigurationValues" and "Path is only applicable when you
// set Protocol to HTTP". Each problem is compared whole, message included.
func TestRules(t *testing.T) {
	const (
		egress = "NetworkConfiguration.EgressConfiguration."
		obs    = "ObservabilityConfiguration."
		codeCf = code + "CodeConfiguration."
	)
	oneOf := func(found string) specrt.FieldError {
		return specrt.FieldError{Path: "SourceConfiguration", Rule: specrt.RuleOneOf,
			Message: "exactly one of CodeRepository and ImageRepository must be set, found " + found}
	}
	onlyWhen := func(path, cond, value string) specrt.FieldError {
		return specrt.FieldError{Path: path, Rule: specrt.RuleOnlyWhen, Message: "is allowed only when " + cond + " is " + value}
	}
	tests := []struct {
		name   string
		base   func() *input
		mutate func(*input)
		want   []specrt.FieldError
	}{
		// SourceConfiguration: exactly one of CodeRepository and ImageRepository.
		{"a code repository alone passes", validInput, func(*input) {}, nil},
		{"an image repository alone passes", imageInput, func(*input) {}, nil},
		{"a source with neither repository is rejected", validInput, func(in *input) {
			in.SourceConfiguration.CodeRepository = nil
		}, []specrt.FieldError{oneOf("none")}},
		{"an empty source configuration is rejected", validInput, func(in *input) {
			in.SourceConfiguration = &apprunner.SourceConfiguration{}
		}, []specrt.FieldError{oneOf("none")}},
		{"a source with both repositories is rejected", validInput, func(in *input) {
			in.SourceConfiguration.ImageRepository = imageRepository()
		}, []specrt.FieldError{oneOf("CodeRepository and ImageRepository")}},

		// EgressConfiguration: VpcConnectorArn only when EgressType is VPC.
		{"a VPC connector with egress type VPC passes", validInput, func(*input) {}, nil},
		{"egress type VPC without a connector passes: the model requires none", validInput, func(in *input) {
			in.NetworkConfiguration.EgressConfiguration.VPCConnectorARN = nil
		}, nil},
		{"a VPC connector with egress type DEFAULT is rejected", validInput, func(in *input) {
			in.NetworkConfiguration.EgressConfiguration.EgressType = apprunner.EgressTypeDefault
		}, []specrt.FieldError{onlyWhen(egress+"VpcConnectorArn", "EgressType", "VPC")}},
		{"a VPC connector without an egress type is rejected", validInput, func(in *input) {
			in.NetworkConfiguration.EgressConfiguration.EgressType = ""
		}, []specrt.FieldError{onlyWhen(egress+"VpcConnectorArn", "EgressType", "VPC")}},

		// ServiceObservabilityConfiguration: the ARN only when enabled.
		{"an observability ARN with observability enabled passes", validInput, func(*input) {}, nil},
		{"observability enabled without an ARN passes: the model requires none", validInput, func(in *input) {
			in.ObservabilityConfiguration.ObservabilityConfigurationARN = nil
		}, nil},
		{"an observability ARN with observability disabled is rejected", validInput, func(in *input) {
			in.ObservabilityConfiguration.ObservabilityEnabled = ptr(false)
		}, []specrt.FieldError{onlyWhen(obs+"ObservabilityConfigurationArn", "ObservabilityEnabled", "true")}},
		{"an observability ARN without ObservabilityEnabled reports both", validInput, func(in *input) {
			in.ObservabilityConfiguration.ObservabilityEnabled = nil
		}, []specrt.FieldError{
			{Path: obs + "ObservabilityEnabled", Rule: specrt.RuleRequired, Message: "is required"},
			onlyWhen(obs+"ObservabilityConfigurationArn", "ObservabilityEnabled", "true"),
		}},

		// CodeConfiguration: CodeConfigurationValues when ConfigurationSource is API.
		{"configuration source API with values passes", validInput, func(*input) {}, nil},
		{"configuration source API without values is rejected", validInput, func(in *input) {
			in.SourceConfiguration.CodeRepository.CodeConfiguration.CodeConfigurationValues = nil
		}, []specrt.FieldError{{Path: codeCf + "CodeConfigurationValues", Rule: specrt.RuleRequiredWhen,
			Message: "is required when ConfigurationSource is API"}}},
		{"configuration source REPOSITORY without values passes", validInput, func(in *input) {
			in.SourceConfiguration.CodeRepository.CodeConfiguration.ConfigurationSource = apprunner.ConfigurationSourceRepository
			in.SourceConfiguration.CodeRepository.CodeConfiguration.CodeConfigurationValues = nil
		}, nil},
		{"configuration source REPOSITORY with values passes: the service ignores them", validInput, func(in *input) {
			in.SourceConfiguration.CodeRepository.CodeConfiguration.ConfigurationSource = apprunner.ConfigurationSourceRepository
		}, nil},

		// HealthCheckConfiguration: Path only for HTTP; Protocol defaults to TCP.
		{"a path with protocol HTTP passes", validInput, func(*input) {}, nil},
		{"a path with protocol TCP is rejected", validInput, func(in *input) {
			in.HealthCheckConfiguration.Protocol = apprunner.HealthCheckProtocolTcp
		}, []specrt.FieldError{onlyWhen(health+"Path", "Protocol", "HTTP")}},
		{"a path without a protocol is rejected, since the protocol defaults to TCP", validInput, func(in *input) {
			in.HealthCheckConfiguration.Protocol = ""
		}, []specrt.FieldError{onlyWhen(health+"Path", "Protocol", "HTTP")}},
		{"no path and no protocol pass", validInput, func(in *input) {
			in.HealthCheckConfiguration.Protocol = ""
			in.HealthCheckConfiguration.Path = nil
		}, nil},

		{"one call reports every broken rule", validInput, func(in *input) {
			in.SourceConfiguration.ImageRepository = imageRepository()
			in.SourceConfiguration.CodeRepository.CodeConfiguration.CodeConfigurationValues = nil
			in.HealthCheckConfiguration.Protocol = apprunner.HealthCheckProtocolTcp
			in.NetworkConfiguration.EgressConfiguration.EgressType = apprunner.EgressTypeDefault
			in.ObservabilityConfiguration.ObservabilityEnabled = ptr(false)
		}, []specrt.FieldError{
			{Path: codeCf + "CodeConfigurationValues", Rule: specrt.RuleRequiredWhen, Message: "is required when ConfigurationSource is API"},
			oneOf("CodeRepository and ImageRepository"),
			onlyWhen(health+"Path", "Protocol", "HTTP"),
			onlyWhen(egress+"VpcConnectorArn", "EgressType", "VPC"),
			onlyWhen(obs+"ObservabilityConfigurationArn", "ObservabilityEnabled", "true"),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.base()
			tt.mutate(in)
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

// TestRuleMessages checks how a broken rule reads in the error text.
func TestRuleMessages(t *testing.T) {
	in := validInput()
	in.SourceConfiguration.ImageRepository = imageRepository()
	in.HealthCheckConfiguration.Protocol = apprunner.HealthCheckProtocolTcp
	want := "validation failed with 2 problems: " +
		"SourceConfiguration: exactly one of CodeRepository and ImageRepository must be set, found CodeRepository and ImageRepository; " +
		"HealthCheckConfiguration.Path: is allowed only when Protocol is HTTP"
	if err := in.Validate(); err == nil || err.Error() != want {
		t.Errorf("Validate() = %v, want %s", err, want)
	}
}

// TestValidateWithRulesDoesNotAllocate: the rules are checked without
// allocating on a valid input, from either kind of repository.
func TestValidateWithRulesDoesNotAllocate(t *testing.T) {
	for name, in := range map[string]*input{"from code": validInput(), "from an image": imageInput()} {
		if n := testing.AllocsPerRun(100, func() {
			if err := in.Validate(); err != nil {
				t.Fatal(err)
			}
		}); n != 0 {
			t.Errorf("Validate of the input %s allocates %v times per call, want 0", name, n)
		}
	}
}
