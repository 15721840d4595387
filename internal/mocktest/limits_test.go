package mocktest

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/lightsail"
	"github.com/specgen/specgen/gen/lightsail/lightsailmock"
	"github.com/specgen/specgen/gen/servicediscovery"
	"github.com/specgen/specgen/gen/servicediscovery/servicediscoverymock"
	"github.com/specgen/specgen/specrt"
	"github.com/specgen/specgen/specrt/mockrt"
)

func TestACreatePastTheLimitIsTheServicesQuotaError(t *testing.T) {
	quotaCode := map[string]string{
		"VPC Lattice": "ServiceQuotaExceededException",
		"App Runner":  "ServiceQuotaExceededException",
		"ECS":         "ClientException",
		"Lightsail":   "InvalidInputException",
		"Cloud Map":   "ResourceLimitExceeded",
	}
	for _, svc := range services {
		t.Run(svc.name+" answers "+quotaCode[svc.name], func(t *testing.T) {
			srv, url := svc.start(t, mockrt.WithMaxResources(2))
			for _, name := range []string{"first-one", "second-one"} {
				if _, err := svc.call(t.Context(), options(url), named(svc.valid, name)); err != nil {
					t.Fatalf("create %s: %v", name, err)
				}
			}
			_, err := svc.call(t.Context(), options(url), named(svc.valid, "third-one"))
			var ae specrt.APIError
			if !errors.As(err, &ae) || ae.ErrorCode() != quotaCode[svc.name] || !strings.Contains(ae.ErrorMessage(), "limit of 2 resources") {
				t.Errorf("third create: %v, want %s about the limit of 2 resources", err, quotaCode[svc.name])
			}
			if _, err := svc.call(t.Context(), options(url), named(svc.valid, "first-one")); errors.As(err, &ae) && ae.ErrorCode() != svc.duplicateCode {
				t.Errorf("a duplicate past the limit: %v, want the duplicate's %s", err, svc.duplicateCode)
			}
			if n := storedCount(srv, svc.op); n != 2 {
				t.Errorf("%d items stored, want 2", n)
			}
		})
	}
}

func TestCloudMapNamespaceAlreadyExistsCarriesItsIDs(t *testing.T) {
	_, url := servicediscoverymock.NewTestServer(t)
	c := servicediscovery.New(options(url))
	in := &servicediscovery.CreatePrivateDnsNamespaceInput{Name: aws.String("dup.local"), VPC: aws.String("vpc-1"), CreatorRequestID: aws.String("req-1")}
	if _, err := c.CreatePrivateDnsNamespace(t.Context(), in); err != nil {
		t.Fatal(err)
	}
	again := *in
	again.CreatorRequestID = aws.String("req-2")
	_, err := c.CreatePrivateDnsNamespace(t.Context(), &again)
	var nae *servicediscovery.NamespaceAlreadyExists
	if !errors.As(err, &nae) {
		t.Fatalf("second create: %v, want NamespaceAlreadyExists", err)
	}
	if got := aws.ToString(nae.CreatorRequestID); got != "req-1" {
		t.Errorf("CreatorRequestId = %q, want the first request's req-1", got)
	}
	if id := aws.ToString(nae.NamespaceID); !regexp.MustCompile(`^ns-[a-z0-9]{16}$`).MatchString(id) {
		t.Errorf("NamespaceId = %q, want ns- and 16 characters", id)
	}
}

func TestLightsailInARegionItsEnumDoesNotListAnswersValidOutput(t *testing.T) {
	for _, tc := range []struct {
		name, region string
		want         map[string]any
	}{
		{"a listed region is the location's region", "eu-west-1", map[string]any{"availabilityZone": "all", "regionName": "eu-west-1"}},
		{"an unlisted region is left out of the location", "sa-east-1", map[string]any{"availabilityZone": "all"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, url := lightsailmock.NewTestServer(t, mockrt.WithRegion(tc.region))
			o := options(url)
			o.Region = tc.region
			out, err := toMap(lightsail.New(o).CreateCertificate(t.Context(), &lightsail.CreateCertificateInput{
				CertificateName: aws.String("c"), DomainName: aws.String("example.com"),
			}))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, get(out, "operations[0].location")); diff != "" {
				t.Errorf("location (-want +got):\n%s", diff)
			}
			wantMatch(t, out, "certificate.certificateArn", `arn:aws:lightsail:`+tc.region+`:123456789012:Certificate/`+uuidRE)
		})
	}
}
