package servicediscovery_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/specgen/specgen/gen/servicediscovery"
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
type input = servicediscovery.CreatePrivateDnsNamespaceInput

func ptr[T any](v T) *T { return &v }

// validInput returns a CreatePrivateDnsNamespace input with every member set
// and every nested structure populated.
func validInput() *servicediscovery.CreatePrivateDnsNamespaceInput {
	return &servicediscovery.CreatePrivateDnsNamespaceInput{
		Name:             ptr("example.com"),
		CreatorRequestID: ptr("eedd6892-50f3-41b2-8af9-611d6e1d1a8c"),
		Description:      ptr("Private namespace for the backend"),
		VPC:              ptr("vpc-1c56417b"),
		Tags: []servicediscovery.Tag{
			{Key: ptr("team"), Value: ptr("backend")},
			{Key: ptr("empty-value"), Value: ptr("")},
		},
		Properties: &servicediscovery.PrivateDNSNamespaceProperties{
			DNSProperties: &servicediscovery.PrivateDNSPropertiesMutable{
				SOA: &servicediscovery.SOA{TTL: ptr(int64(60))},
			},
		},
	}
}

func TestValidInputValidates(t *testing.T) {
	in := validInput()
	if err := in.Validate(); err != nil {
		t.Fatalf("Validate() = %v, want nil", err)
	}
}

func tags(n int) []servicediscovery.Tag {
	out := make([]servicediscovery.Tag, n)
	for i := range out {
		out[i] = servicediscovery.Tag{Key: ptr("k"), Value: ptr("v")}
	}
	return out
}

func TestCreatePrivateDnsNamespaceValidate(t *testing.T) {
	r := strings.Repeat
	name254 := r("a", 254)
	tests := []struct {
		name   string
		mutate func(*input)
		want   []problem
	}{
		// Name: required, at most 253 characters, ^(?!arn:)[!-~]{1,253}$.
		{"a missing name is reported as required", func(in *input) { in.Name = nil }, []problem{missing("Name")}},
		{"a one-character name passes", func(in *input) { in.Name = ptr("a") }, nil},
		{"an empty name breaks the pattern's {1,253}", func(in *input) { in.Name = ptr("") }, []problem{bad("Name", specrt.RulePattern, "")}},
		{"a 253-character name passes", func(in *input) { in.Name = ptr(r("a", 253)) }, nil},
		{"a 254-character name breaks length and pattern", func(in *input) { in.Name = ptr(name254) }, []problem{
			bad("Name", specrt.RuleLength, name254),
			bad("Name", specrt.RulePattern, name254),
		}},
		{"253 two-byte characters fit the length but not the printable-ASCII pattern", func(in *input) { in.Name = ptr(r("é", 253)) }, []problem{
			bad("Name", specrt.RulePattern, r("é", 253)),
		}},
		{"a name starting with arn: is rejected", func(in *input) { in.Name = ptr("arn:aws:example") }, []problem{
			bad("Name", specrt.RulePattern, "arn:aws:example"),
		}},
		{"a name that is just arn: is rejected", func(in *input) { in.Name = ptr("arn:") }, []problem{
			bad("Name", specrt.RulePattern, "arn:"),
		}},
		{"a name starting with arn but no colon passes", func(in *input) { in.Name = ptr("arnx.example.com") }, nil},
		{"the arn: lookahead is case-sensitive, so ARN: passes", func(in *input) { in.Name = ptr("ARN:example") }, nil},
		{"a name with arn: after the start passes", func(in *input) { in.Name = ptr("x-arn:example") }, nil},
		{"a name with every printable ASCII character from ! to ~ passes", func(in *input) { in.Name = ptr("!~09AZaz.-_") }, nil},
		{"a valid name with a trailing space fails the whole-value pattern", func(in *input) { in.Name = ptr("example.com ") }, []problem{
			bad("Name", specrt.RulePattern, "example.com "),
		}},
		{"a name with a newline fails the pattern", func(in *input) { in.Name = ptr("example.com\n") }, []problem{
			bad("Name", specrt.RulePattern, "example.com\n"),
		}},

		// CreatorRequestId: at most 64 characters, optional.
		{"an absent creator request id passes", func(in *input) { in.CreatorRequestID = nil }, nil},
		{"an empty creator request id passes", func(in *input) { in.CreatorRequestID = ptr("") }, nil},
		{"a 64-character creator request id passes", func(in *input) { in.CreatorRequestID = ptr(r("x", 64)) }, nil},
		{"a creator request id of 64 two-byte characters passes", func(in *input) { in.CreatorRequestID = ptr(r("é", 64)) }, nil},
		{"a 65-character creator request id is too long", func(in *input) { in.CreatorRequestID = ptr(r("x", 65)) }, []problem{
			bad("CreatorRequestId", specrt.RuleLength, r("x", 65)),
		}},

		// Description: at most 1024 characters.
		{"a 1024-character description passes", func(in *input) { in.Description = ptr(r("d", 1024)) }, nil},
		{"a description of 1024 three-byte characters passes", func(in *input) { in.Description = ptr(r("日", 1024)) }, nil},
		{"a 1025-character description is too long", func(in *input) { in.Description = ptr(r("d", 1025)) }, []problem{
			bad("Description", specrt.RuleLength, r("d", 1025)),
		}},

		// Vpc: required, at most 64 characters.
		{"a missing vpc is reported as required", func(in *input) { in.VPC = nil }, []problem{missing("Vpc")}},
		{"a 64-character vpc passes", func(in *input) { in.VPC = ptr(r("v", 64)) }, nil},
		{"a 65-character vpc is too long", func(in *input) { in.VPC = ptr(r("v", 65)) }, []problem{
			bad("Vpc", specrt.RuleLength, r("v", 65)),
		}},

		// Tags: 0 to 200 tags; Key required, 1..128; Value required, 0..256.
		{"an empty tag list passes", func(in *input) { in.Tags = []servicediscovery.Tag{} }, nil},
		{"200 tags pass", func(in *input) { in.Tags = tags(200) }, nil},
		{"201 tags are too many", func(in *input) { in.Tags = tags(201) }, []problem{
			bad("Tags", specrt.RuleLength, ""),
		}},
		{"a tag without a key is reported at its index", func(in *input) { in.Tags[1].Key = nil }, []problem{missing("Tags[1].Key")}},
		{"a tag without a value is reported at its index", func(in *input) { in.Tags[0].Value = nil }, []problem{missing("Tags[0].Value")}},
		{"an empty tag key is too short", func(in *input) { in.Tags[0].Key = ptr("") }, []problem{
			bad("Tags[0].Key", specrt.RuleLength, ""),
		}},
		{"a 128-character tag key of two-byte characters passes", func(in *input) { in.Tags[0].Key = ptr(r("é", 128)) }, nil},
		{"a 129-character tag key is too long", func(in *input) { in.Tags[0].Key = ptr(r("k", 129)) }, []problem{
			bad("Tags[0].Key", specrt.RuleLength, r("k", 129)),
		}},
		{"a 256-character tag value passes", func(in *input) { in.Tags[0].Value = ptr(r("日本", 128)) }, nil},
		{"a 257-character tag value is too long", func(in *input) { in.Tags[1].Value = ptr(r("v", 257)) }, []problem{
			bad("Tags[1].Value", specrt.RuleLength, r("v", 257)),
		}},

		// Properties.DnsProperties.SOA.TTL: each level required, TTL 0..2147483647.
		{"absent properties pass", func(in *input) { in.Properties = nil }, nil},
		{"properties without dns properties report them as required", func(in *input) { in.Properties.DNSProperties = nil }, []problem{
			missing("Properties.DnsProperties"),
		}},
		{"dns properties without an SOA report it as required", func(in *input) { in.Properties.DNSProperties.SOA = nil }, []problem{
			missing("Properties.DnsProperties.SOA"),
		}},
		{"an SOA without a TTL reports it as required", func(in *input) { in.Properties.DNSProperties.SOA.TTL = nil }, []problem{
			missing("Properties.DnsProperties.SOA.TTL"),
		}},
		{"a TTL of 0 passes", func(in *input) { in.Properties.DNSProperties.SOA.TTL = ptr(int64(0)) }, nil},
		{"a TTL of 2147483647 passes", func(in *input) { in.Properties.DNSProperties.SOA.TTL = ptr(int64(2147483647)) }, nil},
		{"a TTL of -1 is out of range", func(in *input) { in.Properties.DNSProperties.SOA.TTL = ptr(int64(-1)) }, []problem{
			bad("Properties.DnsProperties.SOA.TTL", specrt.RuleRange, "-1"),
		}},
		{"a TTL of 2147483648 is out of range", func(in *input) { in.Properties.DNSProperties.SOA.TTL = ptr(int64(2147483648)) }, []problem{
			bad("Properties.DnsProperties.SOA.TTL", specrt.RuleRange, "2147483648"),
		}},

		// One call reports every violation, in member order.
		{"one call reports every violation at top level and nested", func(in *input) {
			in.Name = ptr("arn:x")
			in.VPC = nil
			in.Tags[1].Key = nil
			in.Tags[1].Value = ptr(r("v", 257))
			in.Properties.DNSProperties.SOA.TTL = ptr(int64(-5))
		}, []problem{
			bad("Name", specrt.RulePattern, "arn:x"),
			missing("Vpc"),
			missing("Tags[1].Key"),
			bad("Tags[1].Value", specrt.RuleLength, r("v", 257)),
			bad("Properties.DnsProperties.SOA.TTL", specrt.RuleRange, "-5"),
		}},
		{"an empty input reports both required top-level members", func(in *input) {
			*in = servicediscovery.CreatePrivateDnsNamespaceInput{}
		}, []problem{missing("Name"), missing("Vpc")}},
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

// TestSpecExampleValidates decodes the request of the conforming example of
// CreatePrivateDnsNamespace in specs/servicediscovery.yaml ("Create private
// DNS namespace"), copied here as JSON, and checks that it validates.
func TestSpecExampleValidates(t *testing.T) {
	const input = `{
		"CreatorRequestId": "eedd6892-50f3-41b2-8af9-611d6e1d1a8c",
		"Name": "example.com",
		"Vpc": "vpc-1c56417b"
	}`
	var in servicediscovery.CreatePrivateDnsNamespaceInput
	if err := jsonwire.Unmarshal([]byte(input), servicediscovery.WireShape(&in), &in); err != nil {
		t.Fatalf("decoding the example input: %v", err)
	}
	want := servicediscovery.CreatePrivateDnsNamespaceInput{
		CreatorRequestID: ptr("eedd6892-50f3-41b2-8af9-611d6e1d1a8c"),
		Name:             ptr("example.com"),
		VPC:              ptr("vpc-1c56417b"),
	}
	if diff := cmp.Diff(want, in); diff != "" {
		t.Errorf("decoded example input mismatch (-want +got):\n%s", diff)
	}
	if err := in.Validate(); err != nil {
		t.Errorf("Validate() of the spec example = %v, want nil", err)
	}

	const output = `{"OperationId": "gv4g5meo7ndmeh4fqskygvk23d2fijwa-k9302yzd"}`
	var out servicediscovery.CreatePrivateDnsNamespaceOutput
	if err := jsonwire.Unmarshal([]byte(output), servicediscovery.WireShape(&out), &out); err != nil {
		t.Fatalf("decoding the example output: %v", err)
	}
	if out.OperationID == nil || *out.OperationID != "gv4g5meo7ndmeh4fqskygvk23d2fijwa-k9302yzd" {
		t.Errorf("OperationID = %v, want the example's", out.OperationID)
	}
}

// TestValidationErrorMessage checks that the error text names each path and
// shows non-sensitive offending values.
func TestValidationErrorMessage(t *testing.T) {
	in := validInput()
	in.Name = ptr("arn:bad")
	in.VPC = nil
	err := in.Validate()
	if err == nil {
		t.Fatal("Validate() = nil, want an error")
	}
	for _, s := range []string{"2 problems", "Name:", `"arn:bad"`, "Vpc: is required"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("error %q does not contain %q", err, s)
		}
	}
}
