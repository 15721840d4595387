package compat

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdkvpclattice "github.com/aws/aws-sdk-go-v2/service/vpclattice"
	vltypes "github.com/aws/aws-sdk-go-v2/service/vpclattice/types"
	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/vpclattice/vpclatticemock"
)

// TestSDKVPCLatticeLifecycle: VPC Lattice's model has no waiters; the
// scenario advances the mock's clock and reads the status again, as a
// caller polling GetService would.
func TestSDKVPCLatticeLifecycle(t *testing.T) {
	srv, url := vpclatticemock.NewTestServer(t, mockOptions()...)
	requireResources(t, srv.Server, "Service", "Listener")
	c := sdkvpclattice.New(sdkvpclattice.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()

	created, err := c.CreateService(ctx, &sdkvpclattice.CreateServiceInput{Name: aws.String("checkout"), Tags: map[string]string{"team": "a"}})
	if err != nil {
		t.Fatalf("CreateService: %v", err)
	}
	id, arn := aws.ToString(created.Id), aws.ToString(created.Arn)
	if want := "arn:aws:vpc-lattice:us-west-2:123456789012:service/" + id; arn != want || created.Status != vltypes.ServiceStatusCreateInProgress {
		t.Errorf("CreateService answered ARN %q status %q, want %q CREATE_IN_PROGRESS", arn, created.Status, want)
	}

	t.Run("the service reads the same by id and by ARN", func(t *testing.T) {
		for _, ident := range []string{id, arn} {
			got, err := c.GetService(ctx, &sdkvpclattice.GetServiceInput{ServiceIdentifier: aws.String(ident)})
			if err != nil {
				t.Fatalf("GetService %s: %v", ident, err)
			}
			if diff := cmp.Diff([]string{id, arn, "checkout"}, []string{aws.ToString(got.Id), aws.ToString(got.Arn), aws.ToString(got.Name)}); diff != "" {
				t.Errorf("GetService %s (-want +got):\n%s", ident, diff)
			}
		}
	})
	t.Run("the service becomes ACTIVE once its delay has passed", func(t *testing.T) {
		srv.AdvanceClock(time.Hour)
		got, err := c.GetService(ctx, &sdkvpclattice.GetServiceInput{ServiceIdentifier: aws.String(id)})
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != vltypes.ServiceStatusActive {
			t.Errorf("status %q, want ACTIVE", got.Status)
		}
	})
	t.Run("the service's creation and update times are set", func(t *testing.T) {
		got, err := c.GetService(ctx, &sdkvpclattice.GetServiceInput{ServiceIdentifier: aws.String(id)})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range []*time.Time{got.CreatedAt, got.LastUpdatedAt} {
			if d == nil || time.Since(*d).Abs() > 24*time.Hour {
				t.Errorf("date %v, want about now", d)
			}
		}
	})
	t.Run("a second service of the same name is a ConflictException", func(t *testing.T) {
		_, err := c.CreateService(ctx, &sdkvpclattice.CreateServiceInput{Name: aws.String("checkout")})
		wantSDKError[*vltypes.ConflictException](t, "second checkout", err)
	})
	t.Run("the SDK's paginator lists the services in pages of two", func(t *testing.T) {
		want := []string{"checkout"}
		for i := range 4 {
			name := fmt.Sprintf("shop-%d", i)
			if _, err := c.CreateService(ctx, &sdkvpclattice.CreateServiceInput{Name: aws.String(name)}); err != nil {
				t.Fatal(err)
			}
			want = append(want, name)
		}
		p := sdkvpclattice.NewListServicesPaginator(c, &sdkvpclattice.ListServicesInput{MaxResults: aws.Int32(2)})
		var got []string
		pages := 0
		for p.HasMorePages() {
			out, err := p.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			pages++
			for _, s := range out.Items {
				got = append(got, aws.ToString(s.Name))
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("listed (-want +got):\n%s", diff)
		}
		if pages != 3 {
			t.Errorf("%d pages, want 3", pages)
		}
	})
	t.Run("a token the mock did not issue is a ValidationException", func(t *testing.T) {
		_, err := c.ListServices(ctx, &sdkvpclattice.ListServicesInput{NextToken: aws.String("forged")})
		wantSDKError[*vltypes.ValidationException](t, "forged token", err)
	})
	t.Run("the service's tags are listed, added and removed by ARN", func(t *testing.T) {
		tags := func() map[string]string {
			out, err := c.ListTagsForResource(ctx, &sdkvpclattice.ListTagsForResourceInput{ResourceArn: aws.String(arn)})
			if err != nil {
				t.Fatal(err)
			}
			return out.Tags
		}
		if diff := cmp.Diff(map[string]string{"team": "a"}, tags()); diff != "" {
			t.Errorf("tags given at create (-want +got):\n%s", diff)
		}
		if _, err := c.TagResource(ctx, &sdkvpclattice.TagResourceInput{ResourceArn: aws.String(arn), Tags: map[string]string{"env": "test"}}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(map[string]string{"team": "a", "env": "test"}, tags()); diff != "" {
			t.Errorf("tags after TagResource (-want +got):\n%s", diff)
		}
		if _, err := c.UntagResource(ctx, &sdkvpclattice.UntagResourceInput{ResourceArn: aws.String(arn), TagKeys: []string{"team"}}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(map[string]string{"env": "test"}, tags()); diff != "" {
			t.Errorf("tags after UntagResource (-want +got):\n%s", diff)
		}
	})
	t.Run("the tags of an ARN naming no resource are a ResourceNotFoundException", func(t *testing.T) {
		_, err := c.ListTagsForResource(ctx, &sdkvpclattice.ListTagsForResourceInput{ResourceArn: aws.String("arn:aws:vpc-lattice:us-west-2:123456789012:service/svc-0123456789abcdefg")})
		wantSDKError[*vltypes.ResourceNotFoundException](t, "tags of nothing", err)
	})
	t.Run("an update changes the auth type and keeps the name", func(t *testing.T) {
		out, err := c.UpdateService(ctx, &sdkvpclattice.UpdateServiceInput{ServiceIdentifier: aws.String(arn), AuthType: vltypes.AuthTypeAwsIam})
		if err != nil {
			t.Fatal(err)
		}
		if out.AuthType != vltypes.AuthTypeAwsIam || aws.ToString(out.Id) != id {
			t.Errorf("UpdateService answered id %q authType %q, want %q AWS_IAM", aws.ToString(out.Id), out.AuthType, id)
		}
		got, err := c.GetService(ctx, &sdkvpclattice.GetServiceInput{ServiceIdentifier: aws.String(id)})
		if err != nil {
			t.Fatal(err)
		}
		if got.AuthType != vltypes.AuthTypeAwsIam || aws.ToString(got.Name) != "checkout" {
			t.Errorf("after update: name %q authType %q, want checkout AWS_IAM", aws.ToString(got.Name), got.AuthType)
		}
	})

	var listenerID string
	t.Run("a listener is created in the service and listed under it", func(t *testing.T) {
		l, err := c.CreateListener(ctx, &sdkvpclattice.CreateListenerInput{
			ServiceIdentifier: aws.String(id), Name: aws.String("http"), Protocol: vltypes.ListenerProtocolHttp, Port: aws.Int32(80),
			DefaultAction: &vltypes.RuleActionMemberFixedResponse{Value: vltypes.FixedResponseAction{StatusCode: aws.Int32(404)}},
		})
		if err != nil {
			t.Fatal(err)
		}
		listenerID = aws.ToString(l.Id)
		if aws.ToString(l.ServiceId) != id || aws.ToString(l.ServiceArn) != arn {
			t.Errorf("listener's service %q %q, want %q %q", aws.ToString(l.ServiceId), aws.ToString(l.ServiceArn), id, arn)
		}
		out, err := c.ListListeners(ctx, &sdkvpclattice.ListListenersInput{ServiceIdentifier: aws.String(arn)})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, l := range out.Items {
			got = append(got, aws.ToString(l.Id))
		}
		if diff := cmp.Diff([]string{listenerID}, got); diff != "" {
			t.Errorf("listeners (-want +got):\n%s", diff)
		}
	})
	t.Run("a service that still has a listener is not deleted", func(t *testing.T) {
		_, err := c.DeleteService(ctx, &sdkvpclattice.DeleteServiceInput{ServiceIdentifier: aws.String(id)})
		wantSDKError[*vltypes.ConflictException](t, "delete with listener", err)
	})
	t.Run("deleted, the listener and then the service read as ResourceNotFoundException", func(t *testing.T) {
		if _, err := c.DeleteListener(ctx, &sdkvpclattice.DeleteListenerInput{ServiceIdentifier: aws.String(id), ListenerIdentifier: aws.String(listenerID)}); err != nil {
			t.Fatal(err)
		}
		_, err := c.GetListener(ctx, &sdkvpclattice.GetListenerInput{ServiceIdentifier: aws.String(id), ListenerIdentifier: aws.String(listenerID)})
		wantSDKError[*vltypes.ResourceNotFoundException](t, "deleted listener", err)
		out, err := c.DeleteService(ctx, &sdkvpclattice.DeleteServiceInput{ServiceIdentifier: aws.String(arn)})
		if err != nil {
			t.Fatal(err)
		}
		if out.Status != vltypes.ServiceStatusDeleteInProgress {
			t.Errorf("DeleteService answered status %q, want DELETE_IN_PROGRESS", out.Status)
		}
		srv.AdvanceClock(time.Hour)
		_, err = c.GetService(ctx, &sdkvpclattice.GetServiceInput{ServiceIdentifier: aws.String(id)})
		wantSDKError[*vltypes.ResourceNotFoundException](t, "deleted service", err)
	})
}
