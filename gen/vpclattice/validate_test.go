package vpclattice_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/specgen/specgen/gen/vpclattice"
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
type input = vpclattice.CreateServiceInput

func ptr[T any](v T) *T { return &v }

const validCertificateARN = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789"

// validInput returns a CreateService input with every member set.
func validInput() *input {
	return &input{
		ClientToken:      ptr("6c2b2f7e-2d4e-4a0a-9e57-0b7c0f1f2a3b"),
		Name:             ptr("my-lattice-service"),
		Tags:             map[string]string{"env": "prod", "team": "payments"},
		CustomDomainName: ptr("checkout.example.com"),
		CertificateARN:   ptr(validCertificateARN),
		AuthType:         vpclattice.AuthTypeAwsIam,
	}
}

func TestValidInputValidates(t *testing.T) {
	in := validInput()
	if err := in.Validate(); err != nil {
		t.Fatalf("Validate() = %v, want nil", err)
	}
}

func tagMap(n int) map[string]string {
	m := make(map[string]string, n)
	for i := range n {
		m[fmt.Sprintf("k%d", i)] = "v"
	}
	return m
}

func TestCreateServiceValidate(t *testing.T) {
	r := strings.Repeat
	// A certificate ARN of exactly 2048 characters (the suffix is [0-9a-z-]+).
	prefix := "arn:aws:acm:us-east-1:123456789012:certificate/"
	arn2048 := prefix + r("a", 2048-len(prefix))
	arn2049 := arn2048 + "a"
	tests := []struct {
		name   string
		mutate func(*input)
		want   []problem
	}{
		// clientToken: 1..64 characters, .*[!-~]+.*
		{"a missing client token passes (the client fills it)", func(in *input) { in.ClientToken = nil }, nil},
		{"a one-character client token passes", func(in *input) { in.ClientToken = ptr("x") }, nil},
		{"an empty client token breaks length and pattern", func(in *input) { in.ClientToken = ptr("") }, []problem{
			bad("clientToken", specrt.RuleLength, ""),
			bad("clientToken", specrt.RulePattern, ""),
		}},
		{"a 64-character client token of mostly two-byte characters passes", func(in *input) { in.ClientToken = ptr(r("é", 63) + "x") }, nil},
		{"a 65-character client token is too long", func(in *input) { in.ClientToken = ptr(r("x", 65)) }, []problem{
			bad("clientToken", specrt.RuleLength, r("x", 65)),
		}},
		{"a client token of spaces has no printable ASCII character", func(in *input) { in.ClientToken = ptr("   ") }, []problem{
			bad("clientToken", specrt.RulePattern, "   "),
		}},
		{"a client token of only non-ASCII characters fails the pattern", func(in *input) { in.ClientToken = ptr("日本") }, []problem{
			bad("clientToken", specrt.RulePattern, "日本"),
		}},
		{"a valid client token with a trailing newline fails the whole-value pattern", func(in *input) { in.ClientToken = ptr("token\n") }, []problem{
			bad("clientToken", specrt.RulePattern, "token\n"),
		}},

		// name: required, 3..40, a-z 0-9 and hyphens, no hyphen first, last or
		// doubled, no svc- prefix.
		{"a missing name is reported as required", func(in *input) { in.Name = nil }, []problem{missing("name")}},
		{"a 3-character name passes", func(in *input) { in.Name = ptr("abc") }, nil},
		{"a 40-character name passes", func(in *input) { in.Name = ptr(r("a", 40)) }, nil},
		{"a 2-character name is too short", func(in *input) { in.Name = ptr("ab") }, []problem{bad("name", specrt.RuleLength, "ab")}},
		{"a 41-character name is too long", func(in *input) { in.Name = ptr(r("a", 41)) }, []problem{bad("name", specrt.RuleLength, r("a", 41))}},
		{"two two-byte characters are 2 characters, too short, and not a-z", func(in *input) { in.Name = ptr("éé") }, []problem{
			bad("name", specrt.RuleLength, "éé"),
			bad("name", specrt.RulePattern, "éé"),
		}},
		{"three three-byte characters have a valid length but break the pattern", func(in *input) { in.Name = ptr("日本語") }, []problem{
			bad("name", specrt.RulePattern, "日本語"),
		}},
		{"digits and single hyphens pass", func(in *input) { in.Name = ptr("a1-b2-c3") }, nil},
		{"an all-digit name passes", func(in *input) { in.Name = ptr("123") }, nil},
		{"an upper-case letter is rejected", func(in *input) { in.Name = ptr("Abc") }, []problem{bad("name", specrt.RulePattern, "Abc")}},
		{"an underscore is rejected", func(in *input) { in.Name = ptr("ab_c") }, []problem{bad("name", specrt.RulePattern, "ab_c")}},
		{"a leading hyphen is rejected", func(in *input) { in.Name = ptr("-abc") }, []problem{bad("name", specrt.RulePattern, "-abc")}},
		{"a trailing hyphen is rejected", func(in *input) { in.Name = ptr("abc-") }, []problem{bad("name", specrt.RulePattern, "abc-")}},
		{"a doubled hyphen is rejected", func(in *input) { in.Name = ptr("ab--c") }, []problem{bad("name", specrt.RulePattern, "ab--c")}},
		{"the svc- prefix is rejected", func(in *input) { in.Name = ptr("svc-abc") }, []problem{bad("name", specrt.RulePattern, "svc-abc")}},
		{"svc without a hyphen passes", func(in *input) { in.Name = ptr("svcabc") }, nil},
		{"svc- after the start passes", func(in *input) { in.Name = ptr("my-svc-abc") }, nil},
		{"a valid name with a trailing space fails the whole-value pattern", func(in *input) { in.Name = ptr("abc ") }, []problem{bad("name", specrt.RulePattern, "abc ")}},

		// tags: 0..200 entries; keys 1..128, no aws: prefix, letters, digits,
		// spaces and _.:/=+-@; values 0..256, same characters.
		{"an empty tag map passes", func(in *input) { in.Tags = map[string]string{} }, nil},
		{"200 tags pass", func(in *input) { in.Tags = tagMap(200) }, nil},
		{"201 tags are too many", func(in *input) { in.Tags = tagMap(201) }, []problem{bad("tags", specrt.RuleLength, "")}},
		{"a bad tag value is reported at tags[\"env\"]", func(in *input) { in.Tags["env"] = "prod!" }, []problem{
			bad(`tags["env"]`, specrt.RulePattern, "prod!"),
		}},
		{"an empty tag value passes", func(in *input) { in.Tags["env"] = "" }, nil},
		{"a 256-character tag value of two-byte letters passes", func(in *input) { in.Tags["env"] = r("é", 256) }, nil},
		{"a 257-character tag value is too long", func(in *input) { in.Tags["env"] = r("v", 257) }, []problem{
			bad(`tags["env"]`, specrt.RuleLength, r("v", 257)),
		}},
		{"tag values accept letters, digits, spaces and _.:/=+-@", func(in *input) { in.Tags["env"] = "Prod 1_.:/=+-@ 日本" }, nil},
		{"a tab in a tag value is rejected", func(in *input) { in.Tags["env"] = "a\tb" }, []problem{bad(`tags["env"]`, specrt.RulePattern, "a\tb")}},
		{"an empty tag key is too short", func(in *input) { in.Tags[""] = "v" }, []problem{bad(`tags[""]`, specrt.RuleLength, "")}},
		{"a 128-character tag key passes", func(in *input) { in.Tags[r("日", 128)] = "v" }, nil},
		{"a 129-character tag key is too long", func(in *input) { in.Tags[r("k", 129)] = "v" }, []problem{
			bad(`tags["`+r("k", 129)+`"]`, specrt.RuleLength, r("k", 129)),
		}},
		{"a tag key starting with aws: is rejected", func(in *input) { in.Tags["aws:owner"] = "v" }, []problem{
			bad(`tags["aws:owner"]`, specrt.RulePattern, "aws:owner"),
		}},
		{"the aws: lookahead is case-sensitive, so AWS: passes", func(in *input) { in.Tags["AWS:owner"] = "v" }, nil},
		{"a tag key starting with aws but no colon passes", func(in *input) { in.Tags["awsx"] = "v" }, nil},
		{"a tag key with a character outside the set is rejected", func(in *input) { in.Tags["a*b"] = "v" }, []problem{
			bad(`tags["a*b"]`, specrt.RulePattern, "a*b"),
		}},

		// customDomainName: 3..255.
		{"a 3-character custom domain name passes", func(in *input) { in.CustomDomainName = ptr("a.b") }, nil},
		{"a 255-character custom domain name passes", func(in *input) { in.CustomDomainName = ptr(r("é", 255)) }, nil},
		{"a 2-character custom domain name is too short", func(in *input) { in.CustomDomainName = ptr("ab") }, []problem{
			bad("customDomainName", specrt.RuleLength, "ab"),
		}},
		{"a 256-character custom domain name is too long", func(in *input) { in.CustomDomainName = ptr(r("d", 256)) }, []problem{
			bad("customDomainName", specrt.RuleLength, r("d", 256)),
		}},

		// certificateArn: 0..2048, the whole ARN pattern or nothing.
		{"an empty certificate ARN passes (the pattern is optional)", func(in *input) { in.CertificateARN = ptr("") }, nil},
		{"a 2048-character certificate ARN passes", func(in *input) { in.CertificateARN = ptr(arn2048) }, nil},
		{"a 2049-character certificate ARN is too long", func(in *input) { in.CertificateARN = ptr(arn2049) }, []problem{
			bad("certificateArn", specrt.RuleLength, arn2049),
		}},
		{"a certificate ARN with a trailing upper-case letter fails the whole-value pattern", func(in *input) { in.CertificateARN = ptr(validCertificateARN + "X") }, []problem{
			bad("certificateArn", specrt.RulePattern, validCertificateARN+"X"),
		}},
		{"a non-certificate ARN is rejected", func(in *input) { in.CertificateARN = ptr("arn:aws:acm:us-east-1:123456789012:key/abc") }, []problem{
			bad("certificateArn", specrt.RulePattern, "arn:aws:acm:us-east-1:123456789012:key/abc"),
		}},

		// authType: NONE or AWS_IAM.
		{"auth type NONE passes", func(in *input) { in.AuthType = vpclattice.AuthTypeNone }, nil},
		{"an absent auth type passes", func(in *input) { in.AuthType = "" }, nil},
		{"an unknown auth type is rejected", func(in *input) { in.AuthType = "COGNITO" }, []problem{bad("authType", specrt.RuleEnum, "COGNITO")}},
		{"auth type values are case-sensitive", func(in *input) { in.AuthType = "none" }, []problem{bad("authType", specrt.RuleEnum, "none")}},

		// One call reports every violation, map entries sorted by path.
		{"one call reports every violation", func(in *input) {
			in.ClientToken = ptr("")
			in.Name = ptr("svc-x")
			in.Tags["env"] = "bad!"
			in.Tags["aws:x"] = "ok"
			in.AuthType = "BASIC"
		}, []problem{
			bad("clientToken", specrt.RuleLength, ""),
			bad("clientToken", specrt.RulePattern, ""),
			bad("name", specrt.RulePattern, "svc-x"),
			bad(`tags["aws:x"]`, specrt.RulePattern, "aws:x"),
			bad(`tags["env"]`, specrt.RulePattern, "bad!"),
			bad("authType", specrt.RuleEnum, "BASIC"),
		}},
		{"an empty input reports the required name", func(in *input) { *in = input{} }, []problem{missing("name")}},
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

// TestReportIsStable checks that problems in several map entries come back
// in the same (path) order on every call, although map order is random.
func TestReportIsStable(t *testing.T) {
	in := validInput()
	in.Tags = map[string]string{"c": "!", "a": "!", "b": "!", "d": "!", "e": "!"}
	want := []problem{
		bad(`tags["a"]`, specrt.RulePattern, "!"),
		bad(`tags["b"]`, specrt.RulePattern, "!"),
		bad(`tags["c"]`, specrt.RulePattern, "!"),
		bad(`tags["d"]`, specrt.RulePattern, "!"),
		bad(`tags["e"]`, specrt.RulePattern, "!"),
	}
	for i := range 20 {
		got := problems(t, in.Validate())
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("call %d: problems mismatch (-want +got):\n%s", i, diff)
		}
	}
}

// TestUnknownEnumDecodes checks that an auth type the spec does not list
// decodes from wire JSON (a newer service may send it) but does not validate.
func TestUnknownEnumDecodes(t *testing.T) {
	const wire = `{"name": "my-service", "authType": "SOMETHING_NEW"}`
	var in input
	if err := jsonwire.Unmarshal([]byte(wire), vpclattice.WireShape(&in), &in); err != nil {
		t.Fatalf("decoding an unknown enum value: %v", err)
	}
	if in.AuthType != "SOMETHING_NEW" {
		t.Errorf("AuthType = %q, want SOMETHING_NEW", in.AuthType)
	}
	got := problems(t, in.Validate())
	want := []problem{bad("authType", specrt.RuleEnum, "SOMETHING_NEW")}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Validate() problems mismatch (-want +got):\n%s", diff)
	}

	var out vpclattice.CreateServiceOutput
	if err := jsonwire.Unmarshal([]byte(`{"status": "MIGRATING", "authType": "OTHER"}`), vpclattice.WireShape(&out), &out); err != nil {
		t.Fatalf("decoding unknown output enum values: %v", err)
	}
	if out.Status != "MIGRATING" || out.AuthType != "OTHER" {
		t.Errorf("decoded Status, AuthType = %q, %q; want MIGRATING, OTHER", out.Status, out.AuthType)
	}
}

// TestWireNames checks that the input encodes with the spec's member names.
func TestWireNames(t *testing.T) {
	in := validInput()
	b, err := jsonwire.Marshal(vpclattice.WireShape(in), in)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"clientToken", "name", "tags", "customDomainName", "certificateArn", "authType"} {
		if _, ok := m[k]; !ok {
			t.Errorf("encoded input %s has no member %q", b, k)
		}
	}
}
