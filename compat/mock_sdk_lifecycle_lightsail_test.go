package compat

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdklightsail "github.com/aws/aws-sdk-go-v2/service/lightsail"
	lightsailtypes "github.com/aws/aws-sdk-go-v2/service/lightsail/types"
	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/lightsail/lightsailmock"
)

// Lightsail names its resources (each is read, tagged and deleted by
// name), keeps their tags inside the description, and pages its GetXs with
// a page size of its own, which the SDK exposes through PageToken alone (no
// paginator, no limit). The model has no waiters; the scenarios advance the
// mock's clock and read again.

func lightsailTags(tags []lightsailtypes.Tag) []string {
	var kv []string
	for _, tag := range tags {
		kv = append(kv, aws.ToString(tag.Key)+"="+aws.ToString(tag.Value))
	}
	return kv
}

func TestSDKLightsailCertificateLifecycle(t *testing.T) {
	srv, url := lightsailmock.NewTestServer(t, mockOptions()...)
	requireResources(t, srv.Server, "Certificate")
	c := sdklightsail.New(sdklightsail.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	byName := func(t *testing.T, name string) lightsailtypes.CertificateSummary {
		t.Helper()
		out, err := c.GetCertificates(ctx, &sdklightsail.GetCertificatesInput{CertificateName: aws.String(name), IncludeCertificateDetails: true})
		if err != nil {
			t.Fatalf("GetCertificates %s: %v", name, err)
		}
		if len(out.Certificates) != 1 {
			t.Fatalf("GetCertificates %s answered %d certificates, want 1", name, len(out.Certificates))
		}
		return out.Certificates[0]
	}

	// More than one page: GetCertificates pages hold 100 in the mock.
	var names []string
	for i := range 103 {
		name := fmt.Sprintf("cert-%03d", i)
		in := &sdklightsail.CreateCertificateInput{CertificateName: aws.String(name), DomainName: aws.String("example.com")}
		if i == 0 {
			in.Tags = []lightsailtypes.Tag{{Key: aws.String("team"), Value: aws.String("a")}}
		}
		out, err := c.CreateCertificate(ctx, in)
		if err != nil {
			t.Fatalf("CreateCertificate %s: %v", name, err)
		}
		if i == 0 && (out.Certificate == nil || aws.ToString(out.Certificate.CertificateName) != name ||
			!strings.HasPrefix(aws.ToString(out.Certificate.CertificateArn), "arn:aws:lightsail:us-west-2:123456789012:")) {
			t.Errorf("CreateCertificate answered %+v", out.Certificate)
		}
		names = append(names, name)
	}

	t.Run("a certificate read by name is PENDING_VALIDATION, then ISSUED", func(t *testing.T) {
		got := byName(t, "cert-000")
		if got.CertificateDetail == nil || got.CertificateDetail.Status != lightsailtypes.CertificateStatusPendingValidation ||
			aws.ToString(got.DomainName) != "example.com" {
			t.Fatalf("cert-000: domain %q detail %+v, want example.com PENDING_VALIDATION", aws.ToString(got.DomainName), got.CertificateDetail)
		}
		srv.AdvanceClock(time.Hour)
		if s := byName(t, "cert-000").CertificateDetail.Status; s != lightsailtypes.CertificateStatusIssued {
			t.Errorf("after the delay %q, want ISSUED", s)
		}
	})
	t.Run("a certificate name already taken is an InvalidInputException", func(t *testing.T) {
		_, err := c.CreateCertificate(ctx, &sdklightsail.CreateCertificateInput{CertificateName: aws.String("cert-000"), DomainName: aws.String("example.com")})
		wantSDKError[*lightsailtypes.InvalidInputException](t, "second cert-000", err)
	})
	t.Run("GetCertificates pages with PageToken list every certificate once in order", func(t *testing.T) {
		var got []string
		pages := 0
		for token := (*string)(nil); ; {
			out, err := c.GetCertificates(ctx, &sdklightsail.GetCertificatesInput{PageToken: token})
			if err != nil {
				t.Fatal(err)
			}
			pages++
			for _, cert := range out.Certificates {
				got = append(got, aws.ToString(cert.CertificateName))
			}
			if token = out.NextPageToken; aws.ToString(token) == "" {
				break
			}
		}
		if diff := cmp.Diff(names, got); diff != "" {
			t.Errorf("listed (-want +got):\n%s", diff)
		}
		if pages != 2 {
			t.Errorf("%d pages, want 2", pages)
		}
	})
	t.Run("tags given at create, added and removed by name show in the certificate", func(t *testing.T) {
		if diff := cmp.Diff([]string{"team=a"}, lightsailTags(byName(t, "cert-000").Tags)); diff != "" {
			t.Errorf("tags given at create (-want +got):\n%s", diff)
		}
		if _, err := c.TagResource(ctx, &sdklightsail.TagResourceInput{ResourceName: aws.String("cert-000"), Tags: []lightsailtypes.Tag{{Key: aws.String("env"), Value: aws.String("test")}}}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"env=test", "team=a"}, lightsailTags(byName(t, "cert-000").Tags), sortStrings); diff != "" {
			t.Errorf("tags after TagResource (-want +got):\n%s", diff)
		}
		if _, err := c.UntagResource(ctx, &sdklightsail.UntagResourceInput{ResourceName: aws.String("cert-000"), TagKeys: []string{"team"}}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"env=test"}, lightsailTags(byName(t, "cert-000").Tags)); diff != "" {
			t.Errorf("tags after UntagResource (-want +got):\n%s", diff)
		}
	})
	// GetCertificates filters by name: an unknown name reads as an empty
	// list, not an error, as Lightsail answers it.
	t.Run("a deleted certificate is no longer read, and deleting it again is a NotFoundException", func(t *testing.T) {
		if _, err := c.DeleteCertificate(ctx, &sdklightsail.DeleteCertificateInput{CertificateName: aws.String("cert-001")}); err != nil {
			t.Fatal(err)
		}
		out, err := c.GetCertificates(ctx, &sdklightsail.GetCertificatesInput{CertificateName: aws.String("cert-001")})
		if err != nil || len(out.Certificates) != 0 {
			t.Errorf("GetCertificates of the deleted cert-001: %v, %+v, want no certificate", err, out)
		}
		_, err = c.DeleteCertificate(ctx, &sdklightsail.DeleteCertificateInput{CertificateName: aws.String("cert-001")})
		wantSDKError[*lightsailtypes.NotFoundException](t, "deleted again", err)
	})
}

func TestSDKLightsailDiskLifecycle(t *testing.T) {
	srv, url := lightsailmock.NewTestServer(t, mockOptions()...)
	requireResources(t, srv.Server, "Disk")
	c := sdklightsail.New(sdklightsail.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	get := func(t *testing.T, name string) *lightsailtypes.Disk {
		t.Helper()
		out, err := c.GetDisk(ctx, &sdklightsail.GetDiskInput{DiskName: aws.String(name)})
		if err != nil {
			t.Fatalf("GetDisk %s: %v", name, err)
		}
		if out.Disk == nil {
			t.Fatalf("GetDisk %s answered no disk", name)
		}
		return out.Disk
	}
	create := func(t *testing.T, name string, tags []lightsailtypes.Tag) {
		t.Helper()
		if _, err := c.CreateDisk(ctx, &sdklightsail.CreateDiskInput{DiskName: aws.String(name), AvailabilityZone: aws.String("us-west-2a"), SizeInGb: aws.Int32(32), Tags: tags}); err != nil {
			t.Fatalf("CreateDisk %s: %v", name, err)
		}
	}
	create(t, "data", []lightsailtypes.Tag{{Key: aws.String("team"), Value: aws.String("a")}})

	t.Run("a disk read by name echoes what created it and is available once the clock has moved", func(t *testing.T) {
		d := get(t, "data")
		if aws.ToString(d.Name) != "data" || aws.ToInt32(d.SizeInGb) != 32 || d.State != lightsailtypes.DiskStatePending ||
			aws.ToString(d.Arn) != "arn:aws:lightsail:us-west-2:123456789012:disk/data" {
			t.Errorf("GetDisk answered name %q size %d state %q ARN %q, want data 32 pending and its ARN", aws.ToString(d.Name), aws.ToInt32(d.SizeInGb), d.State, aws.ToString(d.Arn))
		}
		srv.AdvanceClock(time.Hour)
		if s := get(t, "data").State; s != lightsailtypes.DiskStateAvailable {
			t.Errorf("state %q, want available", s)
		}
	})
	t.Run("GetDisks pages with PageToken list every disk once in order", func(t *testing.T) {
		want := []string{"data"}
		for i := range 104 {
			name := fmt.Sprintf("disk-%03d", i)
			create(t, name, nil)
			want = append(want, name)
		}
		var got []string
		pages := 0
		for token := (*string)(nil); ; {
			out, err := c.GetDisks(ctx, &sdklightsail.GetDisksInput{PageToken: token})
			if err != nil {
				t.Fatal(err)
			}
			pages++
			for _, d := range out.Disks {
				got = append(got, aws.ToString(d.Name))
			}
			if token = out.NextPageToken; aws.ToString(token) == "" {
				break
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("listed (-want +got):\n%s", diff)
		}
		if pages < 2 {
			t.Errorf("%d pages, want at least 2", pages)
		}
	})
	t.Run("tags given at create, added and removed by name show in the disk", func(t *testing.T) {
		if diff := cmp.Diff([]string{"team=a"}, lightsailTags(get(t, "data").Tags)); diff != "" {
			t.Errorf("tags given at create (-want +got):\n%s", diff)
		}
		if _, err := c.TagResource(ctx, &sdklightsail.TagResourceInput{ResourceName: aws.String("data"), Tags: []lightsailtypes.Tag{{Key: aws.String("env"), Value: aws.String("test")}}}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"env=test", "team=a"}, lightsailTags(get(t, "data").Tags), sortStrings); diff != "" {
			t.Errorf("tags after TagResource (-want +got):\n%s", diff)
		}
		if _, err := c.UntagResource(ctx, &sdklightsail.UntagResourceInput{ResourceName: aws.String("data"), TagKeys: []string{"team"}}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"env=test"}, lightsailTags(get(t, "data").Tags)); diff != "" {
			t.Errorf("tags after UntagResource (-want +got):\n%s", diff)
		}
	})
	t.Run("a deleted disk is then a NotFoundException", func(t *testing.T) {
		if _, err := c.DeleteDisk(ctx, &sdklightsail.DeleteDiskInput{DiskName: aws.String("data")}); err != nil {
			t.Fatal(err)
		}
		srv.AdvanceClock(time.Hour)
		_, err := c.GetDisk(ctx, &sdklightsail.GetDiskInput{DiskName: aws.String("data")})
		wantSDKError[*lightsailtypes.NotFoundException](t, "deleted data", err)
	})
}

func TestSDKLightsailInstanceLifecycle(t *testing.T) {
	srv, url := lightsailmock.NewTestServer(t, mockOptions()...)
	requireResources(t, srv.Server, "Instance")
	c := sdklightsail.New(sdklightsail.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	state := func(t *testing.T, name string) string {
		t.Helper()
		out, err := c.GetInstance(ctx, &sdklightsail.GetInstanceInput{InstanceName: aws.String(name)})
		if err != nil {
			t.Fatalf("GetInstance %s: %v", name, err)
		}
		if out.Instance == nil || out.Instance.State == nil {
			t.Fatalf("GetInstance %s answered no instance state: %+v", name, out.Instance)
		}
		return fmt.Sprintf("%s/%d", aws.ToString(out.Instance.State.Name), aws.ToInt32(out.Instance.State.Code))
	}
	var names []string
	for i := range 101 {
		names = append(names, fmt.Sprintf("vm-%03d", i))
	}
	out, err := c.CreateInstances(ctx, &sdklightsail.CreateInstancesInput{InstanceNames: names, AvailabilityZone: aws.String("us-west-2a"),
		BlueprintId: aws.String("amazon_linux_2023"), BundleId: aws.String("nano_3_0"), Tags: []lightsailtypes.Tag{{Key: aws.String("team"), Value: aws.String("a")}}})
	if err != nil {
		t.Fatalf("CreateInstances: %v", err)
	}

	t.Run("CreateInstances answers an operation for each instance, each pending, then running", func(t *testing.T) {
		var got []string
		for _, op := range out.Operations {
			got = append(got, aws.ToString(op.ResourceName))
		}
		if diff := cmp.Diff(names, got); diff != "" {
			t.Errorf("operations' resources (-want +got):\n%s", diff)
		}
		if s := state(t, "vm-000"); s != "pending/0" {
			t.Errorf("new vm-000 %s, want pending/0", s)
		}
		srv.AdvanceClock(time.Hour)
		if s := state(t, "vm-100"); s != "running/16" {
			t.Errorf("vm-100 later %s, want running/16", s)
		}
	})
	t.Run("GetInstances pages with PageToken list every instance once in order", func(t *testing.T) {
		var got []string
		for token := (*string)(nil); ; {
			out, err := c.GetInstances(ctx, &sdklightsail.GetInstancesInput{PageToken: token})
			if err != nil {
				t.Fatal(err)
			}
			for _, in := range out.Instances {
				got = append(got, aws.ToString(in.Name))
			}
			if token = out.NextPageToken; aws.ToString(token) == "" {
				break
			}
		}
		if diff := cmp.Diff(names, got); diff != "" {
			t.Errorf("listed (-want +got):\n%s", diff)
		}
	})
	t.Run("an instance stops and starts again", func(t *testing.T) {
		if _, err := c.StopInstance(ctx, &sdklightsail.StopInstanceInput{InstanceName: aws.String("vm-001")}); err != nil {
			t.Fatal(err)
		}
		if s := state(t, "vm-001"); s != "stopping/64" {
			t.Errorf("after StopInstance %s, want stopping/64", s)
		}
		srv.AdvanceClock(time.Hour)
		if s := state(t, "vm-001"); s != "stopped/80" {
			t.Errorf("later %s, want stopped/80", s)
		}
		if _, err := c.StartInstance(ctx, &sdklightsail.StartInstanceInput{InstanceName: aws.String("vm-001")}); err != nil {
			t.Fatal(err)
		}
		srv.AdvanceClock(time.Hour)
		if s := state(t, "vm-001"); s != "running/16" {
			t.Errorf("after StartInstance %s, want running/16", s)
		}
	})
	t.Run("tags change by instance name, and a deleted instance is a NotFoundException", func(t *testing.T) {
		if _, err := c.TagResource(ctx, &sdklightsail.TagResourceInput{ResourceName: aws.String("vm-002"), Tags: []lightsailtypes.Tag{{Key: aws.String("env"), Value: aws.String("test")}}}); err != nil {
			t.Fatal(err)
		}
		got, err := c.GetInstance(ctx, &sdklightsail.GetInstanceInput{InstanceName: aws.String("vm-002")})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"env=test", "team=a"}, lightsailTags(got.Instance.Tags)); diff != "" {
			t.Errorf("tags (-want +got):\n%s", diff)
		}
		if _, err := c.DeleteInstance(ctx, &sdklightsail.DeleteInstanceInput{InstanceName: aws.String("vm-002")}); err != nil {
			t.Fatal(err)
		}
		_, err = c.GetInstance(ctx, &sdklightsail.GetInstanceInput{InstanceName: aws.String("vm-002")})
		wantSDKError[*lightsailtypes.NotFoundException](t, "deleted vm-002", err)
		_, err = c.CreateInstances(ctx, &sdklightsail.CreateInstancesInput{InstanceNames: []string{"vm-003"}, AvailabilityZone: aws.String("us-west-2a"),
			BlueprintId: aws.String("amazon_linux_2023"), BundleId: aws.String("nano_3_0")})
		wantSDKError[*lightsailtypes.InvalidInputException](t, "vm-003 again", err)
	})
}
