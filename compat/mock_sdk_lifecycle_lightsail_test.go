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

// TestSDKLightsailLifecycle: Lightsail names its resources (an instance is
// read, tagged, stopped and deleted by name), keeps their tags inside the
// description, and pages GetInstances with a page size of its own, which
// the SDK exposes through PageToken alone (no paginator, no limit): the
// scenario creates instances until a second page exists.
func TestSDKLightsailLifecycle(t *testing.T) {
	srv, url := lightsailmock.NewTestServer(t, mockOptions()...)
	requireResources(t, srv.Server, "Instance")
	c := sdklightsail.New(sdklightsail.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	create := func(t *testing.T, names []string, tags []lightsailtypes.Tag) {
		t.Helper()
		if _, err := c.CreateInstances(ctx, &sdklightsail.CreateInstancesInput{
			InstanceNames: names, AvailabilityZone: aws.String("us-west-2a"),
			BlueprintId: aws.String("amazon_linux_2023"), BundleId: aws.String("nano_3_0"), Tags: tags,
		}); err != nil {
			t.Fatalf("CreateInstances %v: %v", names, err)
		}
	}
	get := func(t *testing.T, name string) *lightsailtypes.Instance {
		t.Helper()
		out, err := c.GetInstance(ctx, &sdklightsail.GetInstanceInput{InstanceName: aws.String(name)})
		if err != nil {
			t.Fatalf("GetInstance %s: %v", name, err)
		}
		return out.Instance
	}
	state := func(t *testing.T, name string) string {
		t.Helper()
		if s := get(t, name).State; s != nil {
			return aws.ToString(s.Name)
		}
		return ""
	}
	tags := func(t *testing.T, name string) []string {
		t.Helper()
		var kv []string
		for _, tag := range get(t, name).Tags {
			kv = append(kv, aws.ToString(tag.Key)+"="+aws.ToString(tag.Value))
		}
		return kv
	}

	create(t, []string{"web-0", "web-1"}, []lightsailtypes.Tag{{Key: aws.String("team"), Value: aws.String("a")}})

	t.Run("an instance read by name echoes what created it and runs once the clock has moved", func(t *testing.T) {
		got := get(t, "web-0")
		if aws.ToString(got.Name) != "web-0" || aws.ToString(got.BlueprintId) != "amazon_linux_2023" || aws.ToString(got.BundleId) != "nano_3_0" ||
			!strings.HasPrefix(aws.ToString(got.Arn), "arn:aws:lightsail:us-west-2:123456789012:") {
			t.Errorf("GetInstance answered name %q blueprint %q bundle %q ARN %q", aws.ToString(got.Name), aws.ToString(got.BlueprintId), aws.ToString(got.BundleId), aws.ToString(got.Arn))
		}
		srv.AdvanceClock(time.Hour)
		if s := state(t, "web-0"); s != "running" {
			t.Errorf("state %q, want running", s)
		}
	})
	t.Run("GetInstances pages with PageToken list every instance once in order", func(t *testing.T) {
		want := []string{"web-0", "web-1"}
		first := func() *sdklightsail.GetInstancesOutput {
			out, err := c.GetInstances(ctx, &sdklightsail.GetInstancesInput{})
			if err != nil {
				t.Fatal(err)
			}
			return out
		}
		for i := 0; aws.ToString(first().NextPageToken) == ""; i++ {
			if i == 50 {
				t.Fatalf("no second page with %d instances", len(want))
			}
			var batch []string
			for j := range 10 {
				batch = append(batch, fmt.Sprintf("batch-%02d-%d", i, j))
			}
			create(t, batch, nil)
			want = append(want, batch...)
		}
		var got []string
		pages := 0
		for token := (*string)(nil); ; {
			out, err := c.GetInstances(ctx, &sdklightsail.GetInstancesInput{PageToken: token})
			if err != nil {
				t.Fatal(err)
			}
			pages++
			for _, in := range out.Instances {
				got = append(got, aws.ToString(in.Name))
			}
			if token = out.NextPageToken; aws.ToString(token) == "" {
				break
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("listed in %d pages (-want +got):\n%s", pages, diff)
		}
		t.Logf("%d instances in %d pages", len(got), pages)
	})
	t.Run("tags given at create, added and removed by name show in the instance", func(t *testing.T) {
		if diff := cmp.Diff([]string{"team=a"}, tags(t, "web-0")); diff != "" {
			t.Errorf("tags given at create (-want +got):\n%s", diff)
		}
		if _, err := c.TagResource(ctx, &sdklightsail.TagResourceInput{ResourceName: aws.String("web-0"), Tags: []lightsailtypes.Tag{{Key: aws.String("env"), Value: aws.String("test")}}}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"env=test", "team=a"}, tags(t, "web-0"), sortStrings); diff != "" {
			t.Errorf("tags after TagResource (-want +got):\n%s", diff)
		}
		if _, err := c.UntagResource(ctx, &sdklightsail.UntagResourceInput{ResourceName: aws.String("web-0"), TagKeys: []string{"team"}}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"env=test"}, tags(t, "web-0")); diff != "" {
			t.Errorf("tags after UntagResource (-want +got):\n%s", diff)
		}
	})
	t.Run("stop and start pass through stopped back to running", func(t *testing.T) {
		if _, err := c.StopInstance(ctx, &sdklightsail.StopInstanceInput{InstanceName: aws.String("web-1")}); err != nil {
			t.Fatal(err)
		}
		srv.AdvanceClock(time.Hour)
		if s := state(t, "web-1"); s != "stopped" {
			t.Errorf("after stop %q, want stopped", s)
		}
		if _, err := c.StartInstance(ctx, &sdklightsail.StartInstanceInput{InstanceName: aws.String("web-1")}); err != nil {
			t.Fatal(err)
		}
		srv.AdvanceClock(time.Hour)
		if s := state(t, "web-1"); s != "running" {
			t.Errorf("after start %q, want running", s)
		}
	})
	t.Run("a deleted instance is then a NotFoundException", func(t *testing.T) {
		if _, err := c.DeleteInstance(ctx, &sdklightsail.DeleteInstanceInput{InstanceName: aws.String("web-0")}); err != nil {
			t.Fatal(err)
		}
		srv.AdvanceClock(time.Hour)
		_, err := c.GetInstance(ctx, &sdklightsail.GetInstanceInput{InstanceName: aws.String("web-0")})
		wantSDKError[*lightsailtypes.NotFoundException](t, "deleted web-0", err)
		_, err = c.StopInstance(ctx, &sdklightsail.StopInstanceInput{InstanceName: aws.String("web-0")})
		wantSDKError[*lightsailtypes.NotFoundException](t, "stop deleted web-0", err)
	})
}
