package lightsail_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/specgen/specgen/gen/lightsail"
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
type input = lightsail.CreateCertificateInput

func ptr[T any](v T) *T { return &v }

// validInput returns a CreateCertificate input with every member set.
func validInput() *input {
	return &input{
		CertificateName:         ptr("example-cert"),
		DomainName:              ptr("example.com"),
		SubjectAlternativeNames: []string{"www.example.com", "blog.example.com"},
		Tags: []lightsail.Tag{
			{Key: ptr("env"), Value: ptr("prod")},
			{Key: ptr("owner"), Value: ptr("")},
		},
	}
}

func TestValidInputValidates(t *testing.T) {
	in := validInput()
	if err := in.Validate(); err != nil {
		t.Fatalf("Validate() = %v, want nil", err)
	}
}

func names(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("host%d.example.com", i)
	}
	return out
}

func TestCreateCertificateValidate(t *testing.T) {
	r := strings.Repeat
	tests := []struct {
		name   string
		mutate func(*input)
		want   []problem
	}{
		// certificateName and domainName: required, otherwise unconstrained.
		{"a missing certificate name is reported as required", func(in *input) { in.CertificateName = nil }, []problem{missing("certificateName")}},
		{"a missing domain name is reported as required", func(in *input) { in.DomainName = nil }, []problem{missing("domainName")}},
		{"an empty certificate name is set, so it passes", func(in *input) { in.CertificateName = ptr("") }, nil},

		// subjectAlternativeNames: at most nine, no wildcard entries.
		{"no subject alternative names pass", func(in *input) { in.SubjectAlternativeNames = nil }, nil},
		{"an empty list of subject alternative names passes", func(in *input) { in.SubjectAlternativeNames = []string{} }, nil},
		{"nine subject alternative names pass", func(in *input) { in.SubjectAlternativeNames = names(9) }, nil},
		{"ten subject alternative names are too many", func(in *input) { in.SubjectAlternativeNames = names(10) }, []problem{
			bad("subjectAlternativeNames", specrt.RuleLength, ""),
		}},
		{"a wildcard subject alternative name is rejected", func(in *input) { in.SubjectAlternativeNames[1] = "*.example.com" }, []problem{
			bad("subjectAlternativeNames[1]", specrt.RulePattern, "*.example.com"),
		}},
		{"an asterisk anywhere in a subject alternative name is rejected", func(in *input) { in.SubjectAlternativeNames[0] = "www.example.com*" }, []problem{
			bad("subjectAlternativeNames[0]", specrt.RulePattern, "www.example.com*"),
		}},
		{"an empty subject alternative name is rejected", func(in *input) { in.SubjectAlternativeNames[0] = "" }, []problem{
			bad("subjectAlternativeNames[0]", specrt.RulePattern, ""),
		}},
		{"an internationalised subject alternative name passes", func(in *input) { in.SubjectAlternativeNames[0] = "日本.example.jp" }, nil},
		{"ten names with a wildcard report both the size and the entry", func(in *input) {
			in.SubjectAlternativeNames = names(10)
			in.SubjectAlternativeNames[9] = "*.example.com"
		}, []problem{
			bad("subjectAlternativeNames", specrt.RuleLength, ""),
			bad("subjectAlternativeNames[9]", specrt.RulePattern, "*.example.com"),
		}},

		// tags: key at most 128, value at most 256, letters, digits, spaces
		// and _.:/=+-@.
		{"no tags pass", func(in *input) { in.Tags = nil }, nil},
		{"a tag with neither key nor value passes", func(in *input) { in.Tags = []lightsail.Tag{{}} }, nil},
		{"an empty tag key passes (no minimum length)", func(in *input) { in.Tags[0].Key = ptr("") }, nil},
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
		{"a tag value with a character outside the set is rejected", func(in *input) { in.Tags[1].Value = ptr("a*b") }, []problem{
			bad("tags[1].value", specrt.RulePattern, "a*b"),
		}},
		{"a valid tag value with a trailing newline fails the whole-value pattern", func(in *input) { in.Tags[1].Value = ptr("prod\n") }, []problem{
			bad("tags[1].value", specrt.RulePattern, "prod\n"),
		}},
		{"a 257-character value with a bad character breaks length and pattern", func(in *input) { in.Tags[1].Value = ptr(r("v", 256) + "#") }, []problem{
			bad("tags[1].value", specrt.RuleLength, r("v", 256)+"#"),
			bad("tags[1].value", specrt.RulePattern, r("v", 256)+"#"),
		}},

		// One call reports every violation.
		{"one call reports every violation", func(in *input) {
			in.DomainName = nil
			in.SubjectAlternativeNames = []string{"ok.example.com", "*.example.com"}
			in.Tags[0].Key = ptr("bad key!")
			in.Tags[1].Value = ptr(r("v", 257))
		}, []problem{
			missing("domainName"),
			bad("subjectAlternativeNames[1]", specrt.RulePattern, "*.example.com"),
			bad("tags[0].key", specrt.RulePattern, "bad key!"),
			bad("tags[1].value", specrt.RuleLength, r("v", 257)),
		}},
		{"an empty input reports both required members", func(in *input) { *in = input{} }, []problem{
			missing("certificateName"), missing("domainName"),
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

// TestUnknownEnumDecodes checks that output enum values the spec does not
// list yet decode from wire JSON (the input has no enum members).
func TestUnknownEnumDecodes(t *testing.T) {
	const wire = `{"certificate": {"certificateDetail": {"status": "SOMETHING_NEW"}}}`
	var out lightsail.CreateCertificateOutput
	if err := jsonwire.Unmarshal([]byte(wire), lightsail.WireShape(&out), &out); err != nil {
		t.Fatalf("decoding an unknown enum value: %v", err)
	}
	if got := out.Certificate.CertificateDetail.Status; got != "SOMETHING_NEW" {
		t.Errorf("status = %q, want SOMETHING_NEW", got)
	}
}

// TestTimestampsAreEpochSeconds checks that certificate timestamps travel as
// epoch seconds, with fractional seconds.
func TestTimestampsAreEpochSeconds(t *testing.T) {
	const wire = `{"certificate": {"certificateDetail": {"createdAt": 1.5e9, "issuedAt": 1500000000.25}}}`
	var out lightsail.CreateCertificateOutput
	if err := jsonwire.Unmarshal([]byte(wire), lightsail.WireShape(&out), &out); err != nil {
		t.Fatalf("decode: %v", err)
	}
	d := out.Certificate.CertificateDetail
	if want := time.Unix(1500000000, 0); d.CreatedAt == nil || !d.CreatedAt.Equal(want) {
		t.Errorf("createdAt = %v, want %v", d.CreatedAt, want)
	}
	if want := time.Unix(1500000000, 250e6); d.IssuedAt == nil || !d.IssuedAt.Equal(want) {
		t.Errorf("issuedAt = %v, want %v", d.IssuedAt, want)
	}
	b, err := jsonwire.Marshal(lightsail.WireShape(&out), &out)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	for _, s := range []string{`"createdAt":1500000000`, `"issuedAt":1500000000.25`} {
		if !strings.Contains(string(b), s) {
			t.Errorf("encoded %s does not contain %s", b, s)
		}
	}
}
