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

// TestLightsailInstances drives Lightsail's instances: CreateInstances
// makes one for each name (the engine's each), their state structure's
// name moves (pending, running; stopping, stopped) with its code, and
// they are read, paged, tagged by name and deleted.
func TestLightsailInstances(t *testing.T) {
	ctx := t.Context()
	clock := mockrt.NewManualClock(manualStart)
	_, url := lightsailmock.NewTestServer(t, mockrt.WithClock(clock.Now))
	c := lightsail.New(options(url))
	create := func(names ...string) (*lightsail.CreateInstancesOutput, error) {
		return c.CreateInstances(ctx, &lightsail.CreateInstancesInput{InstanceNames: names, AvailabilityZone: new("us-east-1a"),
			BlueprintID: new("amazon_linux_2023"), BundleID: new("nano_3_0"), Tags: []lightsail.Tag{{Key: new("team"), Value: new("a")}}})
	}
	state := func(t *testing.T, name string) [2]any {
		t.Helper()
		in := must(c.GetInstance(ctx, &lightsail.GetInstanceInput{InstanceName: &name}))(t).Instance
		return [2]any{*in.State.Name, *in.State.Code}
	}
	var names []string
	for i := range 102 {
		names = append(names, fmt.Sprintf("vm-%03d", i))
	}
	out := must(create(names...))(t)
	t.Run("CreateInstances answers one operation for each instance", func(t *testing.T) {
		var got []string
		for _, op := range out.Operations {
			got = append(got, *op.ResourceName)
		}
		if diff := cmp.Diff(names, got); diff != "" {
			t.Errorf("operations' resources (-want +got):\n%s", diff)
		}
	})
	t.Run("a new instance is pending, then running, its code following its name", func(t *testing.T) {
		if diff := cmp.Diff([2]any{"pending", int32(0)}, state(t, "vm-000")); diff != "" {
			t.Errorf("new (-want +got):\n%s", diff)
		}
		clock.Advance(time.Second)
		if diff := cmp.Diff([2]any{"running", int32(16)}, state(t, "vm-101")); diff != "" {
			t.Errorf("later (-want +got):\n%s", diff)
		}
		in := must(c.GetInstance(ctx, &lightsail.GetInstanceInput{InstanceName: new("vm-001")}))(t).Instance
		if *in.BundleID != "nano_3_0" || *in.Location.AvailabilityZone != "us-east-1a" || len(in.Tags) != 1 {
			t.Errorf("vm-001: bundle %s zone %s tags %+v", *in.BundleID, *in.Location.AvailabilityZone, in.Tags)
		}
	})
	t.Run("a name already taken, or given twice, creates none of them", func(t *testing.T) {
		for _, tc := range []struct {
			name  string
			names []string
		}{
			{"taken", []string{"fresh-1", "vm-000"}},
			{"twice", []string{"fresh-2", "fresh-2"}},
		} {
			_, err := create(tc.names...)
			wantCode(t, tc.name, err, "InvalidInputException")
			_, err = c.GetInstance(ctx, &lightsail.GetInstanceInput{InstanceName: &tc.names[0]})
			wantCode(t, tc.name+": "+tc.names[0], err, "NotFoundException")
		}
	})
	t.Run("GetInstances pages through all of them", func(t *testing.T) {
		var got []string
		var token *string
		pages := 0
		for {
			out := must(c.GetInstances(ctx, &lightsail.GetInstancesInput{PageToken: token}))(t)
			pages++
			for _, in := range out.Instances {
				got = append(got, *in.Name)
			}
			if token = out.NextPageToken; token == nil {
				break
			}
		}
		if diff := cmp.Diff(names, got); diff != "" || pages != 2 {
			t.Errorf("%d pages, listed (-want +got):\n%s", pages, diff)
		}
	})
	t.Run("a stopped instance is stopping, then stopped, and starts again", func(t *testing.T) {
		must(c.StopInstance(ctx, &lightsail.StopInstanceInput{InstanceName: new("vm-000")}))(t)
		if diff := cmp.Diff([2]any{"stopping", int32(64)}, state(t, "vm-000")); diff != "" {
			t.Errorf("stopping (-want +got):\n%s", diff)
		}
		clock.Advance(time.Second)
		if diff := cmp.Diff([2]any{"stopped", int32(80)}, state(t, "vm-000")); diff != "" {
			t.Errorf("stopped (-want +got):\n%s", diff)
		}
		must(c.StartInstance(ctx, &lightsail.StartInstanceInput{InstanceName: new("vm-000")}))(t)
		clock.Advance(time.Second)
		if diff := cmp.Diff([2]any{"running", int32(16)}, state(t, "vm-000")); diff != "" {
			t.Errorf("started (-want +got):\n%s", diff)
		}
	})
	t.Run("tags change by instance name", func(t *testing.T) {
		must(c.UntagResource(ctx, &lightsail.UntagResourceInput{ResourceName: new("vm-000"), TagKeys: []string{"team"}}))(t)
		if got := must(c.GetInstance(ctx, &lightsail.GetInstanceInput{InstanceName: new("vm-000")}))(t).Instance.Tags; len(got) != 0 {
			t.Errorf("tags after untag: %+v", got)
		}
	})
	t.Run("a deleted instance is NotFoundException, as is an unknown one stopped", func(t *testing.T) {
		must(c.DeleteInstance(ctx, &lightsail.DeleteInstanceInput{InstanceName: new("vm-000")}))(t)
		_, err := c.GetInstance(ctx, &lightsail.GetInstanceInput{InstanceName: new("vm-000")})
		wantCode(t, "deleted vm-000", err, "NotFoundException")
		_, err = c.StopInstance(ctx, &lightsail.StopInstanceInput{InstanceName: new("none")})
		wantCode(t, "stop none", err, "NotFoundException")
	})
}

// TestLightsailCreateInstancesPastTheQuotaCreatesNone checks that a
// CreateInstances naming more instances than the quota leaves room for
// creates none of them and answers the quota error, as Lightsail does.
func TestLightsailCreateInstancesPastTheQuotaCreatesNone(t *testing.T) {
	ctx := t.Context()
	srv, url := lightsailmock.NewTestServer(t, mockrt.WithMaxResources(3))
	c := lightsail.New(options(url))
	create := func(names ...string) error {
		_, err := c.CreateInstances(ctx, &lightsail.CreateInstancesInput{InstanceNames: names, AvailabilityZone: new("us-east-1a"),
			BlueprintID: new("amazon_linux_2023"), BundleID: new("nano_3_0")})
		return err
	}
	if err := create("vm-a"); err != nil {
		t.Fatal(err)
	}
	t.Run("three names with room for two create none", func(t *testing.T) {
		wantCode(t, "CreateInstances past the quota", create("vm-b", "vm-c", "vm-d"), "InvalidInputException")
		var got []string
		for _, r := range srv.Resources("Instance") {
			got = append(got, r.ID)
		}
		if diff := cmp.Diff([]string{"vm-a"}, got); diff != "" {
			t.Errorf("instances stored (-want +got):\n%s", diff)
		}
		_, err := c.GetInstance(ctx, &lightsail.GetInstanceInput{InstanceName: new("vm-b")})
		wantCode(t, "vm-b", err, "NotFoundException")
	})
	t.Run("two names with room for two create both", func(t *testing.T) {
		if err := create("vm-b", "vm-c"); err != nil {
			t.Fatal(err)
		}
		if n := len(srv.Resources("Instance")); n != 3 {
			t.Errorf("%d instances stored, want 3", n)
		}
	})
}
