package mocktest

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/lightsail"
	"github.com/specgen/specgen/gen/lightsail/lightsailmock"
	"github.com/specgen/specgen/specrt/mockrt"
)

// TestLightsailLifecycle drives Lightsail's generated client against its
// generated mock: certificates (the seed's CreateCertificate shaping the
// description; GetCertificates reading all of them or the one a name
// names; tags by resource name, shown in the description) and disks (read
// by GetDisk, paged by GetDisks, as the importer infers them), with
// Lightsail's NotFoundException.
func TestLightsailLifecycle(t *testing.T) {
	ctx := t.Context()
	clock := mockrt.NewManualClock(manualStart)
	_, url := lightsailmock.NewTestServer(t, mockrt.WithClock(clock.Now))
	c := lightsail.New(options(url))

	// More than one page of GetCertificates, whose pages hold 100.
	var names []string
	for i := range 103 {
		name := fmt.Sprintf("cert-%03d", i)
		in := &lightsail.CreateCertificateInput{CertificateName: &name, DomainName: new("example.com")}
		if i == 0 {
			in.Tags = []lightsail.Tag{{Key: new("team"), Value: new("a")}}
		}
		must(c.CreateCertificate(ctx, in))(t)
		names = append(names, name)
	}
	byName := func(t *testing.T, name string) []lightsail.CertificateSummary {
		t.Helper()
		return must(c.GetCertificates(ctx, &lightsail.GetCertificatesInput{CertificateName: &name}))(t).Certificates
	}
	t.Run("a certificate name already taken answers the seed's InvalidInputException", func(t *testing.T) {
		_, err := c.CreateCertificate(ctx, &lightsail.CreateCertificateInput{CertificateName: new("cert-000"), DomainName: new("example.com")})
		wantCode(t, "second cert-000", err, "InvalidInputException")
	})
	t.Run("GetCertificates by name answers that one, PENDING_VALIDATION, then ISSUED", func(t *testing.T) {
		got := byName(t, "cert-000")
		if len(got) != 1 || *got[0].CertificateName != "cert-000" || got[0].CertificateDetail.Status != lightsail.CertificateStatusPendingValidation {
			t.Fatalf("cert-000: %+v", got)
		}
		clock.Advance(time.Second)
		if got := byName(t, "cert-000"); got[0].CertificateDetail.Status != lightsail.CertificateStatusIssued {
			t.Errorf("cert-000 after validation: %s, want ISSUED", got[0].CertificateDetail.Status)
		}
		if got := byName(t, "none"); len(got) != 0 {
			t.Errorf("a name no certificate has: %+v, want none", got)
		}
	})
	t.Run("GetCertificates without a name pages through all of them", func(t *testing.T) {
		p := lightsail.NewGetCertificatesPaginator(c, &lightsail.GetCertificatesInput{})
		var got []string
		pages := 0
		for p.HasMorePages() {
			out := must(p.NextPage(ctx))(t)
			pages++
			for _, cs := range out.Certificates {
				got = append(got, *cs.CertificateName)
			}
		}
		if diff := cmp.Diff(names, got); diff != "" {
			t.Errorf("listed (-want +got):\n%s", diff)
		}
		if pages != 2 {
			t.Errorf("%d pages, want 2", pages)
		}
	})
	t.Run("tags are changed by resource name and shown in the description", func(t *testing.T) {
		must(c.TagResource(ctx, &lightsail.TagResourceInput{ResourceName: new("cert-000"), Tags: []lightsail.Tag{{Key: new("env"), Value: new("test")}}}))(t)
		if diff := cmp.Diff([]lightsail.Tag{{Key: new("env"), Value: new("test")}, {Key: new("team"), Value: new("a")}}, byName(t, "cert-000")[0].Tags); diff != "" {
			t.Errorf("tags (-want +got):\n%s", diff)
		}
		must(c.UntagResource(ctx, &lightsail.UntagResourceInput{ResourceName: new("cert-000"), TagKeys: []string{"team"}}))(t)
		if diff := cmp.Diff([]lightsail.Tag{{Key: new("env"), Value: new("test")}}, byName(t, "cert-000")[0].Tags); diff != "" {
			t.Errorf("tags after untag (-want +got):\n%s", diff)
		}
		_, err := c.TagResource(ctx, &lightsail.TagResourceInput{ResourceName: new("none"), Tags: []lightsail.Tag{{Key: new("k"), Value: new("v")}}})
		wantCode(t, "tags of nothing", err, "NotFoundException")
	})
	t.Run("a deleted certificate is no longer read, and a second delete is NotFoundException", func(t *testing.T) {
		must(c.DeleteCertificate(ctx, &lightsail.DeleteCertificateInput{CertificateName: new("cert-001")}))(t)
		if got := byName(t, "cert-001"); len(got) != 0 {
			t.Errorf("deleted cert-001 still read: %+v", got)
		}
		_, err := c.DeleteCertificate(ctx, &lightsail.DeleteCertificateInput{CertificateName: new("cert-001")})
		wantCode(t, "second delete", err, "NotFoundException")
	})
	t.Run("a disk is created pending, available later, listed, tagged and deleted", func(t *testing.T) {
		must(c.CreateDisk(ctx, &lightsail.CreateDiskInput{DiskName: new("data"), AvailabilityZone: new("us-east-1a"), SizeInGb: new(int32(32))}))(t)
		disk := must(c.GetDisk(ctx, &lightsail.GetDiskInput{DiskName: new("data")}))(t).Disk
		if disk.State != lightsail.DiskStatePending || *disk.SizeInGb != 32 {
			t.Errorf("new disk: %s %d GB", disk.State, *disk.SizeInGb)
		}
		clock.Advance(time.Second)
		if disk := must(c.GetDisk(ctx, &lightsail.GetDiskInput{DiskName: new("data")}))(t).Disk; disk.State != lightsail.DiskStateAvailable {
			t.Errorf("disk later: %s, want available", disk.State)
		}
		disks := must(c.GetDisks(ctx, &lightsail.GetDisksInput{}))(t).Disks
		if len(disks) != 1 || *disks[0].Name != "data" {
			t.Errorf("disks: %+v", disks)
		}
		must(c.TagResource(ctx, &lightsail.TagResourceInput{ResourceName: new("data"), Tags: []lightsail.Tag{{Key: new("env"), Value: new("test")}}}))(t)
		if got := must(c.GetDisk(ctx, &lightsail.GetDiskInput{DiskName: new("data")}))(t).Disk.Tags; len(got) != 1 || *got[0].Key != "env" {
			t.Errorf("disk tags %+v, want env", got)
		}
		must(c.DeleteDisk(ctx, &lightsail.DeleteDiskInput{DiskName: new("data")}))(t)
		_, err := c.GetDisk(ctx, &lightsail.GetDiskInput{DiskName: new("data")})
		wantCode(t, "the deleted disk", err, "NotFoundException")
	})
	t.Run("buckets and distributions are read by an optional name, like certificates, and a bucket is updated", func(t *testing.T) {
		bucket := must(c.CreateBucket(ctx, &lightsail.CreateBucketInput{BucketName: new("assets"), BundleID: new("small_1_0")}))(t).Bucket
		must(c.CreateBucket(ctx, &lightsail.CreateBucketInput{BucketName: new("logs"), BundleID: new("small_1_0")}))(t)
		got := must(c.GetBuckets(ctx, &lightsail.GetBucketsInput{BucketName: new("assets")}))(t).Buckets
		if len(got) != 1 || *got[0].ARN != *bucket.ARN || *got[0].State.Code != "OK" {
			t.Errorf("bucket assets: %+v", got)
		}
		if all := must(c.GetBuckets(ctx, &lightsail.GetBucketsInput{}))(t).Buckets; len(all) != 2 {
			t.Errorf("%d buckets, want 2", len(all))
		}
		must(c.UpdateBucket(ctx, &lightsail.UpdateBucketInput{BucketName: new("assets"), ReadonlyAccessAccounts: []string{"210987654321"}}))(t)
		got = must(c.GetBuckets(ctx, &lightsail.GetBucketsInput{BucketName: new("assets")}))(t).Buckets
		if diff := cmp.Diff([]string{"210987654321"}, got[0].ReadonlyAccessAccounts); diff != "" {
			t.Errorf("updated bucket's accounts (-want +got):\n%s", diff)
		}
		must(c.DeleteBucket(ctx, &lightsail.DeleteBucketInput{BucketName: new("assets")}))(t)
		_, err := c.DeleteBucket(ctx, &lightsail.DeleteBucketInput{BucketName: new("assets")})
		wantCode(t, "the deleted bucket", err, "NotFoundException")

		dist := must(c.CreateDistribution(ctx, &lightsail.CreateDistributionInput{DistributionName: new("cdn"), BundleID: new("small_1_0"),
			Origin: &lightsail.InputOrigin{Name: new("assets"), RegionName: "us-east-1"}, DefaultCacheBehavior: &lightsail.CacheBehavior{Behavior: lightsail.BehaviorEnumCache}}))(t).Distribution
		if *dist.Status != "InProgress" {
			t.Errorf("new distribution: %s, want InProgress", *dist.Status)
		}
		clock.Advance(time.Second)
		ds := must(c.GetDistributions(ctx, &lightsail.GetDistributionsInput{DistributionName: new("cdn")}))(t).Distributions
		if len(ds) != 1 || *ds[0].Status != "Deployed" {
			t.Errorf("distribution cdn: %+v, want Deployed", ds)
		}
	})
}
