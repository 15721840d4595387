package compat

import (
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdkroute53 "github.com/aws/aws-sdk-go-v2/service/route53"
	r53types "github.com/aws/aws-sdk-go-v2/service/route53/types"
	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/route53"
	"github.com/specgen/specgen/gen/route53/route53mock"
)

// Route 53 speaks restXml: HTTP bindings with XML bodies whose root
// element and namespace the model names. The importer infers its hosted
// zones, health checks and query logging configurations as resources, so
// the mock keeps a zone from its create to its delete.

func TestSDKAgainstRoute53Mock(t *testing.T) {
	_, url := route53mock.NewTestServer(t, mockOptions()...)
	c := sdkroute53.New(sdkroute53.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()

	out, err := c.CreateHostedZone(ctx, &sdkroute53.CreateHostedZoneInput{Name: aws.String("example.com."), CallerReference: aws.String("ref-1"),
		HostedZoneConfig: &r53types.HostedZoneConfig{Comment: aws.String("test")}})
	if err != nil {
		t.Fatal(err)
	}
	zone := out.HostedZone
	if aws.ToString(zone.Id) == "" || aws.ToString(zone.Name) != "example.com." || aws.ToString(zone.CallerReference) != "ref-1" {
		t.Fatalf("created zone id %q name %q callerReference %q", aws.ToString(zone.Id), aws.ToString(zone.Name), aws.ToString(zone.CallerReference))
	}

	t.Run("a read answers the zone the create made", func(t *testing.T) {
		got, err := c.GetHostedZone(ctx, &sdkroute53.GetHostedZoneInput{Id: zone.Id})
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff([]string{aws.ToString(zone.Id), "example.com.", "ref-1"},
			[]string{aws.ToString(got.HostedZone.Id), aws.ToString(got.HostedZone.Name), aws.ToString(got.HostedZone.CallerReference)}); d != "" {
			t.Errorf("id, name, callerReference (-want +got):\n%s", d)
		}
	})
	t.Run("a list holds it", func(t *testing.T) {
		got, err := c.ListHostedZones(ctx, &sdkroute53.ListHostedZonesInput{})
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, z := range got.HostedZones {
			names = append(names, aws.ToString(z.Name))
		}
		if d := cmp.Diff([]string{"example.com."}, names); d != "" {
			t.Errorf("zones (-want +got):\n%s", d)
		}
	})
	t.Run("a create without a caller reference is the SDK's InvalidInput", func(t *testing.T) {
		_, err := c.CreateHostedZone(ctx, &sdkroute53.CreateHostedZoneInput{Name: aws.String("example.org.")}, func(o *sdkroute53.Options) {
			o.APIOptions = append(o.APIOptions, withoutSDKValidation)
		})
		wantTyped[*r53types.InvalidInput](t, err, "CallerReference: is required")
	})
	t.Run("a name longer than 1024 characters is InvalidInput too", func(t *testing.T) {
		_, err := c.CreateHostedZone(ctx, &sdkroute53.CreateHostedZoneInput{Name: aws.String(strings.Repeat("a", 1025)), CallerReference: aws.String("ref-2")}, func(o *sdkroute53.Options) {
			o.APIOptions = append(o.APIOptions, withoutSDKValidation)
		})
		wantTyped[*r53types.InvalidInput](t, err, "Name: length")
	})
	t.Run("a deleted zone is gone from the list", func(t *testing.T) {
		if _, err := c.DeleteHostedZone(ctx, &sdkroute53.DeleteHostedZoneInput{Id: zone.Id}); err != nil {
			t.Fatal(err)
		}
		got, err := c.ListHostedZones(ctx, &sdkroute53.ListHostedZonesInput{})
		if err != nil {
			t.Fatal(err)
		}
		if len(got.HostedZones) != 0 {
			t.Errorf("after the delete: %d zones", len(got.HostedZones))
		}
		_, err = c.GetHostedZone(ctx, &sdkroute53.GetHostedZoneInput{Id: zone.Id})
		wantTyped[*r53types.NoSuchHostedZone](t, err, aws.ToString(zone.Id))
	})
}

func TestGeneratedRoute53ClientAgainstMock(t *testing.T) {
	_, url := route53mock.NewTestServer(t, mockOptions()...)
	c := route53.New(route53.Options{Region: mockRegion, BaseEndpoint: url, Credentials: testCreds})
	ctx := t.Context()

	out, err := c.CreateHostedZone(ctx, &route53.CreateHostedZoneInput{Name: aws.String("example.com."), CallerReference: aws.String("ref-1")})
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.GetHostedZone(ctx, &route53.GetHostedZoneInput{ID: out.HostedZone.ID})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff("example.com.", aws.ToString(got.HostedZone.Name)); d != "" {
		t.Errorf("read zone name (-want +got):\n%s", d)
	}
	list, err := c.ListHostedZones(ctx, &route53.ListHostedZonesInput{})
	if err != nil || len(list.HostedZones) != 1 {
		t.Errorf("ListHostedZones: %v, %d zones, want 1", err, len(list.HostedZones))
	}
	_, err = c.CreateHostedZone(ctx, &route53.CreateHostedZoneInput{Name: aws.String("example.org.")}, func(o *route53.Options) { o.DisableValidation = true })
	var ii *route53.InvalidInput
	if !errors.As(err, &ii) {
		t.Errorf("CreateHostedZone without a caller reference: %v (%T), want *route53.InvalidInput", err, err)
	}
}

func TestRoute53ListsSayWhetherTheyAreTruncated(t *testing.T) {
	_, url := route53mock.NewTestServer(t, mockOptions()...)
	c := sdkroute53.New(sdkroute53.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	for _, name := range []string{"a.example.", "b.example.", "c.example."} {
		if _, err := c.CreateHostedZone(ctx, &sdkroute53.CreateHostedZoneInput{Name: aws.String(name), CallerReference: aws.String(name)}); err != nil {
			t.Fatal(err)
		}
	}
	type page struct {
		Zones     int
		Truncated bool
		Next      bool
	}
	var got []page
	p := sdkroute53.NewListHostedZonesPaginator(c, &sdkroute53.ListHostedZonesInput{MaxItems: aws.Int32(2)})
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, page{len(out.HostedZones), out.IsTruncated, aws.ToString(out.NextMarker) != ""})
	}
	want := []page{{2, true, true}, {1, false, false}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("pages (-want +got):\n%s", d)
	}

	t.Run("the generated client's paginator follows IsTruncated to the end", func(t *testing.T) {
		gc := route53.New(route53.Options{Region: mockRegion, BaseEndpoint: url, Credentials: testCreds})
		gp := route53.NewListHostedZonesPaginator(gc, &route53.ListHostedZonesInput{MaxItems: aws.String("1")})
		var names []string
		for gp.HasMorePages() {
			out, err := gp.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for _, z := range out.HostedZones {
				names = append(names, aws.ToString(z.Name))
			}
		}
		if d := cmp.Diff([]string{"a.example.", "b.example.", "c.example."}, names); d != "" {
			t.Errorf("zones (-want +got):\n%s", d)
		}
	})
}
