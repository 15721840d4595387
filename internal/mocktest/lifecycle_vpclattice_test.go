package mocktest

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/vpclattice"
	"github.com/specgen/specgen/gen/vpclattice/vpclatticemock"
	"github.com/specgen/specgen/specrt"
	"github.com/specgen/specgen/specrt/mockrt"
)

// wantCode fails unless err is an API error with code.
func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	var ae specrt.APIError
	if !errors.As(err, &ae) || ae.ErrorCode() != code {
		t.Fatalf("%s: got %v, want %s", what, err, code)
	}
}

// must returns v, after failing the test given to it on err:
// must(c.GetService(ctx, in))(t).
func must[T any](v T, err error) func(*testing.T) T {
	return func(t *testing.T) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

// manualStart is the start time of the manual clocks of the lifecycle tests.
var manualStart = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// TestVPCLatticeLifecycle drives VPC Lattice's generated client against
// its generated mock: the seed's CreateService (its mock block shapes the
// answer) and the resources the importer inferred keep a service, its
// listener and a target group through their whole life, on a clock the
// test moves.
func TestVPCLatticeLifecycle(t *testing.T) {
	ctx := t.Context()
	clock := mockrt.NewManualClock(manualStart)
	_, url := vpclatticemock.NewTestServer(t, mockrt.WithClock(clock.Now))
	c := vpclattice.New(options(url))

	var ids, arns []string
	for i := range 5 {
		out := must(c.CreateService(ctx, &vpclattice.CreateServiceInput{Name: new(fmt.Sprintf("web-%d", i)), Tags: map[string]string{"team": "a"}}))(t)
		if out.Status != vpclattice.ServiceStatusCreateInProgress {
			t.Errorf("new service: status %s, want CREATE_IN_PROGRESS", out.Status)
		}
		ids, arns = append(ids, *out.ID), append(arns, *out.ARN)
	}
	t.Run("a name already taken answers the seed's ConflictException", func(t *testing.T) {
		_, err := c.CreateService(ctx, &vpclattice.CreateServiceInput{Name: new("web-0")})
		wantCode(t, "second web-0", err, "ConflictException")
		var ce *vpclattice.ConflictException
		if errors.As(err, &ce) && (ce.ResourceID == nil || *ce.ResourceID != ids[0]) {
			t.Errorf("conflict names %v, want %s", ce.ResourceID, ids[0])
		}
	})
	t.Run("the service is read by id and by ARN, as created", func(t *testing.T) {
		for _, ident := range []string{ids[0], arns[0]} {
			got := must(c.GetService(ctx, &vpclattice.GetServiceInput{ServiceIdentifier: &ident}))(t)
			if *got.ID != ids[0] || *got.Name != "web-0" || got.Status != vpclattice.ServiceStatusCreateInProgress || got.AuthType != vpclattice.AuthTypeNone {
				t.Errorf("by %s: %s %s %s %s", ident, *got.ID, *got.Name, got.Status, got.AuthType)
			}
			if got.DNSEntry == nil || got.DNSEntry.DomainName == nil {
				t.Errorf("by %s: no DNS entry, which the seed's mock block gives", ident)
			}
		}
	})
	t.Run("the service is ACTIVE once its creation is over", func(t *testing.T) {
		clock.Advance(time.Second)
		got := must(c.GetService(ctx, &vpclattice.GetServiceInput{ServiceIdentifier: &ids[0]}))(t)
		if got.Status != vpclattice.ServiceStatusActive {
			t.Errorf("status %s, want ACTIVE", got.Status)
		}
	})
	t.Run("the services list in pages of two", func(t *testing.T) {
		p := vpclattice.NewListServicesPaginator(c, &vpclattice.ListServicesInput{MaxResults: new(int32(2))})
		var got []string
		pages := 0
		for p.HasMorePages() {
			out := must(p.NextPage(ctx))(t)
			pages++
			for _, s := range out.Items {
				got = append(got, *s.ID)
			}
		}
		if diff := cmp.Diff(ids, got); diff != "" {
			t.Errorf("listed (-want +got):\n%s", diff)
		}
		if pages != 3 {
			t.Errorf("%d pages, want 3", pages)
		}
	})
	t.Run("a forged page token answers ValidationException", func(t *testing.T) {
		_, err := c.ListServices(ctx, &vpclattice.ListServicesInput{NextToken: new("forged")})
		wantCode(t, "forged token", err, "ValidationException")
	})
	t.Run("tags given at create are listed, added and removed by ARN", func(t *testing.T) {
		tags := func() map[string]string {
			return must(c.ListTagsForResource(ctx, &vpclattice.ListTagsForResourceInput{ResourceARN: &arns[1]}))(t).Tags
		}
		must(c.TagResource(ctx, &vpclattice.TagResourceInput{ResourceARN: &arns[1], Tags: map[string]string{"env": "test"}}))(t)
		if diff := cmp.Diff(map[string]string{"team": "a", "env": "test"}, tags()); diff != "" {
			t.Errorf("tags (-want +got):\n%s", diff)
		}
		must(c.UntagResource(ctx, &vpclattice.UntagResourceInput{ResourceARN: &arns[1], TagKeys: []string{"team"}}))(t)
		if diff := cmp.Diff(map[string]string{"env": "test"}, tags()); diff != "" {
			t.Errorf("tags after untag (-want +got):\n%s", diff)
		}
	})
	t.Run("an update changes the auth type and answers the service as it is now", func(t *testing.T) {
		up := must(c.UpdateService(ctx, &vpclattice.UpdateServiceInput{ServiceIdentifier: &ids[2], AuthType: vpclattice.AuthTypeAwsIam}))(t)
		got := must(c.GetService(ctx, &vpclattice.GetServiceInput{ServiceIdentifier: &arns[2]}))(t)
		if got.AuthType != vpclattice.AuthTypeAwsIam {
			t.Errorf("auth type %s, want AWS_IAM", got.AuthType)
		}
		answered := []string{*up.ID, *up.ARN, *up.Name, string(up.AuthType)}
		stored := []string{*got.ID, *got.ARN, *got.Name, string(got.AuthType)}
		if diff := cmp.Diff(stored, answered); diff != "" {
			t.Errorf("update's answer against the stored service (-want +got):\n%s", diff)
		}
	})

	listener := must(c.CreateListener(ctx, &vpclattice.CreateListenerInput{ServiceIdentifier: &ids[0], Name: new("http"),
		Protocol: vpclattice.ListenerProtocolHttp, DefaultAction: &vpclattice.RuleAction{FixedResponse: &vpclattice.FixedResponseAction{StatusCode: new(int32(404))}}}))(t)
	t.Run("a listener belongs to its service", func(t *testing.T) {
		want := "arn:aws:vpc-lattice:us-east-1:123456789012:service/" + ids[0] + "/listener/" + *listener.ID
		if *listener.ARN != want {
			t.Errorf("listener ARN %s, want %s", *listener.ARN, want)
		}
		got := must(c.GetListener(ctx, &vpclattice.GetListenerInput{ServiceIdentifier: &arns[0], ListenerIdentifier: listener.ARN}))(t)
		if *got.ID != *listener.ID || *got.ServiceID != ids[0] {
			t.Errorf("listener %s of %s, want %s of %s", *got.ID, *got.ServiceID, *listener.ID, ids[0])
		}
		if diff := cmp.Diff([]string{arns[0], arns[0]}, []string{*listener.ServiceARN, *got.ServiceARN}); diff != "" {
			t.Errorf("the listener's serviceArn as created and read (-want +got):\n%s", diff)
		}
		items := must(c.ListListeners(ctx, &vpclattice.ListListenersInput{ServiceIdentifier: &ids[0]}))(t).Items
		if len(items) != 1 || *items[0].ID != *listener.ID {
			t.Errorf("listeners of the service: %v, want the one", items)
		}
		items = must(c.ListListeners(ctx, &vpclattice.ListListenersInput{ServiceIdentifier: &ids[1]}))(t).Items
		if len(items) != 0 {
			t.Errorf("listeners of another service: %v, want none", items)
		}
		_, err := c.GetListener(ctx, &vpclattice.GetListenerInput{ServiceIdentifier: &ids[1], ListenerIdentifier: listener.ID})
		wantCode(t, "the listener under another service", err, "ResourceNotFoundException")
	})
	t.Run("a service with a listener cannot be deleted", func(t *testing.T) {
		_, err := c.DeleteService(ctx, &vpclattice.DeleteServiceInput{ServiceIdentifier: &ids[0]})
		wantCode(t, "delete web-0", err, "ConflictException")
	})
	t.Run("a target group is created, becomes ACTIVE and is deleted", func(t *testing.T) {
		tg := must(c.CreateTargetGroup(ctx, &vpclattice.CreateTargetGroupInput{Name: new("web-targets"), Type: vpclattice.TargetGroupTypeIp,
			Config: &vpclattice.TargetGroupConfig{Port: new(int32(80)), Protocol: vpclattice.TargetGroupProtocolHttp, VPCIdentifier: new("vpc-0123456789abcdef0")}}))(t)
		if tg.Status != vpclattice.TargetGroupStatusCreateInProgress {
			t.Errorf("new target group: %s, want CREATE_IN_PROGRESS", tg.Status)
		}
		clock.Advance(time.Second)
		if got := must(c.GetTargetGroup(ctx, &vpclattice.GetTargetGroupInput{TargetGroupIdentifier: tg.ARN}))(t); got.Status != vpclattice.TargetGroupStatusActive {
			t.Errorf("target group: %s, want ACTIVE", got.Status)
		}
		del := must(c.DeleteTargetGroup(ctx, &vpclattice.DeleteTargetGroupInput{TargetGroupIdentifier: tg.ID}))(t)
		if del.Status != vpclattice.TargetGroupStatusDeleteInProgress {
			t.Errorf("deleted target group: %s, want DELETE_IN_PROGRESS", del.Status)
		}
		clock.Advance(time.Second)
		_, err := c.GetTargetGroup(ctx, &vpclattice.GetTargetGroupInput{TargetGroupIdentifier: tg.ID})
		wantCode(t, "the deleted target group", err, "ResourceNotFoundException")
	})
	t.Run("a service is deleted through DELETE_IN_PROGRESS, then not found", func(t *testing.T) {
		must(c.DeleteListener(ctx, &vpclattice.DeleteListenerInput{ServiceIdentifier: &ids[0], ListenerIdentifier: listener.ID}))(t)
		del := must(c.DeleteService(ctx, &vpclattice.DeleteServiceInput{ServiceIdentifier: &ids[0]}))(t)
		if del.Status != vpclattice.ServiceStatusDeleteInProgress || *del.ID != ids[0] {
			t.Errorf("deleted service: %s %s, want %s DELETE_IN_PROGRESS", *del.ID, del.Status, ids[0])
		}
		clock.Advance(time.Second)
		_, err := c.GetService(ctx, &vpclattice.GetServiceInput{ServiceIdentifier: &ids[0]})
		wantCode(t, "the deleted service", err, "ResourceNotFoundException")
		var nf *vpclattice.ResourceNotFoundException
		if !errors.As(err, &nf) {
			t.Errorf("not a *ResourceNotFoundException: %T", err)
		}
		// The name is free again.
		must(c.CreateService(ctx, &vpclattice.CreateServiceInput{Name: new("web-0")}))(t)
	})
}
