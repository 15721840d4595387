package compat

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdkservicediscovery "github.com/aws/aws-sdk-go-v2/service/servicediscovery"
	sdtypes "github.com/aws/aws-sdk-go-v2/service/servicediscovery/types"
	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/servicediscovery/servicediscoverymock"
)

// TestSDKCloudMapLifecycle: Cloud Map creates a namespace asynchronously:
// the create answers an OperationId, which GetOperation resolves to the
// namespace once it has succeeded. The model has no waiters; the scenario
// advances the mock's clock and reads the operation again.
func TestSDKCloudMapLifecycle(t *testing.T) {
	srv, url := servicediscoverymock.NewTestServer(t, mockOptions()...)
	requireResources(t, srv.Server, "Namespace", "Service")
	c := sdkservicediscovery.New(sdkservicediscovery.Options{Region: mockRegion, BaseEndpoint: aws.String(url), Credentials: testCreds})
	ctx := t.Context()
	operation := func(t *testing.T, id string) *sdtypes.Operation {
		t.Helper()
		out, err := c.GetOperation(ctx, &sdkservicediscovery.GetOperationInput{OperationId: aws.String(id)})
		if err != nil {
			t.Fatalf("GetOperation %s: %v", id, err)
		}
		return out.Operation
	}

	created, err := c.CreateHttpNamespace(ctx, &sdkservicediscovery.CreateHttpNamespaceInput{
		Name: aws.String("shop"), Tags: []sdtypes.Tag{{Key: aws.String("team"), Value: aws.String("a")}},
	})
	if err != nil {
		t.Fatalf("CreateHttpNamespace: %v", err)
	}
	var nsID string
	t.Run("the create's operation succeeds once the clock has moved and names the namespace", func(t *testing.T) {
		srv.AdvanceClock(time.Hour)
		op := operation(t, aws.ToString(created.OperationId))
		nsID = op.Targets[string(sdtypes.OperationTargetTypeNamespace)]
		if op.Status != sdtypes.OperationStatusSuccess || op.Type != sdtypes.OperationTypeCreateNamespace || nsID == "" {
			t.Fatalf("operation status %q type %q targets %v, want SUCCESS CREATE_NAMESPACE and a namespace", op.Status, op.Type, op.Targets)
		}
	})
	if nsID == "" {
		t.FailNow()
	}
	ns, err := c.GetNamespace(ctx, &sdkservicediscovery.GetNamespaceInput{Id: aws.String(nsID)})
	if err != nil {
		t.Fatalf("GetNamespace: %v", err)
	}
	nsARN := aws.ToString(ns.Namespace.Arn)
	t.Run("the namespace read by id is the one created", func(t *testing.T) {
		got := []string{aws.ToString(ns.Namespace.Name), string(ns.Namespace.Type), nsARN}
		want := []string{"shop", "HTTP", "arn:aws:servicediscovery:us-west-2:123456789012:namespace/" + nsID}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("namespace (-want +got):\n%s", diff)
		}
	})
	t.Run("a second namespace of the same name is a NamespaceAlreadyExists", func(t *testing.T) {
		_, err := c.CreateHttpNamespace(ctx, &sdkservicediscovery.CreateHttpNamespaceInput{Name: aws.String("shop")})
		wantSDKError[*sdtypes.NamespaceAlreadyExists](t, "second shop", err)
	})

	var ids []string
	for i := range 5 {
		out, err := c.CreateService(ctx, &sdkservicediscovery.CreateServiceInput{Name: aws.String(fmt.Sprintf("api-%d", i)), NamespaceId: aws.String(nsID)})
		if err != nil {
			t.Fatalf("CreateService api-%d: %v", i, err)
		}
		ids = append(ids, aws.ToString(out.Service.Id))
	}
	svcARN := "arn:aws:servicediscovery:us-west-2:123456789012:service/" + ids[0]
	t.Run("a service read by id belongs to the namespace", func(t *testing.T) {
		out, err := c.GetService(ctx, &sdkservicediscovery.GetServiceInput{Id: aws.String(ids[0])})
		if err != nil {
			t.Fatal(err)
		}
		got := []string{aws.ToString(out.Service.Name), aws.ToString(out.Service.NamespaceId), aws.ToString(out.Service.Arn)}
		if diff := cmp.Diff([]string{"api-0", nsID, svcARN}, got); diff != "" {
			t.Errorf("service (-want +got):\n%s", diff)
		}
	})
	t.Run("the SDK's paginator lists the namespace's services in pages of two", func(t *testing.T) {
		p := sdkservicediscovery.NewListServicesPaginator(c, &sdkservicediscovery.ListServicesInput{
			MaxResults: aws.Int32(2),
			Filters:    []sdtypes.ServiceFilter{{Name: sdtypes.ServiceFilterNameNamespaceId, Values: []string{nsID}, Condition: sdtypes.FilterConditionEq}},
		})
		var got []string
		pages := 0
		for p.HasMorePages() {
			out, err := p.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			pages++
			for _, s := range out.Services {
				got = append(got, aws.ToString(s.Id))
			}
		}
		if diff := cmp.Diff(ids, got); diff != "" {
			t.Errorf("listed (-want +got):\n%s", diff)
		}
		if pages != 3 {
			t.Errorf("%d pages, want 3", pages)
		}
	})
	t.Run("the namespace counts its services", func(t *testing.T) {
		out, err := c.GetNamespace(ctx, &sdkservicediscovery.GetNamespaceInput{Id: aws.String(nsID)})
		if err != nil {
			t.Fatal(err)
		}
		if n := aws.ToInt32(out.Namespace.ServiceCount); n != 5 {
			t.Errorf("ServiceCount %d, want 5", n)
		}
	})
	t.Run("the SDK's paginator lists the namespaces", func(t *testing.T) {
		p := sdkservicediscovery.NewListNamespacesPaginator(c, &sdkservicediscovery.ListNamespacesInput{MaxResults: aws.Int32(1)})
		var got []string
		for p.HasMorePages() {
			out, err := p.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range out.Namespaces {
				got = append(got, aws.ToString(n.Id))
			}
		}
		if diff := cmp.Diff([]string{nsID}, got); diff != "" {
			t.Errorf("listed (-want +got):\n%s", diff)
		}
	})
	t.Run("the namespace's tags are listed, added and removed by ARN", func(t *testing.T) {
		tags := func() []string {
			out, err := c.ListTagsForResource(ctx, &sdkservicediscovery.ListTagsForResourceInput{ResourceARN: aws.String(nsARN)})
			if err != nil {
				t.Fatal(err)
			}
			var kv []string
			for _, tag := range out.Tags {
				kv = append(kv, aws.ToString(tag.Key)+"="+aws.ToString(tag.Value))
			}
			return kv
		}
		if diff := cmp.Diff([]string{"team=a"}, tags()); diff != "" {
			t.Errorf("tags given at create (-want +got):\n%s", diff)
		}
		if _, err := c.TagResource(ctx, &sdkservicediscovery.TagResourceInput{ResourceARN: aws.String(nsARN), Tags: []sdtypes.Tag{{Key: aws.String("env"), Value: aws.String("test")}}}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"env=test", "team=a"}, tags(), sortStrings); diff != "" {
			t.Errorf("tags after TagResource (-want +got):\n%s", diff)
		}
		if _, err := c.UntagResource(ctx, &sdkservicediscovery.UntagResourceInput{ResourceARN: aws.String(nsARN), TagKeys: []string{"team"}}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"env=test"}, tags()); diff != "" {
			t.Errorf("tags after UntagResource (-want +got):\n%s", diff)
		}
	})
	t.Run("an update changes the service's description", func(t *testing.T) {
		out, err := c.UpdateService(ctx, &sdkservicediscovery.UpdateServiceInput{Id: aws.String(ids[0]), Service: &sdtypes.ServiceChange{Description: aws.String("the shop's API")}})
		if err != nil {
			t.Fatal(err)
		}
		srv.AdvanceClock(time.Hour)
		if op := operation(t, aws.ToString(out.OperationId)); op.Status != sdtypes.OperationStatusSuccess {
			t.Errorf("update operation %q, want SUCCESS", op.Status)
		}
		got, err := c.GetService(ctx, &sdkservicediscovery.GetServiceInput{Id: aws.String(ids[0])})
		if err != nil {
			t.Fatal(err)
		}
		if d := aws.ToString(got.Service.Description); d != "the shop's API" {
			t.Errorf("description %q after update", d)
		}
	})
	t.Run("an instance registers with a service, which cannot be deleted until it deregisters", func(t *testing.T) {
		requireResources(t, srv.Server, "Instance")
		if _, err := c.RegisterInstance(ctx, &sdkservicediscovery.RegisterInstanceInput{ServiceId: aws.String(ids[0]), InstanceId: aws.String("i-1"),
			Attributes: map[string]string{"AWS_INSTANCE_IPV4": "10.0.0.1"}}); err != nil {
			t.Fatal(err)
		}
		srv.AdvanceClock(time.Hour)
		got, err := c.GetInstance(ctx, &sdkservicediscovery.GetInstanceInput{ServiceId: aws.String(ids[0]), InstanceId: aws.String("i-1")})
		if err != nil {
			t.Fatal(err)
		}
		if got.Instance == nil {
			t.Fatal("GetInstance answered no instance")
		}
		if ip := got.Instance.Attributes["AWS_INSTANCE_IPV4"]; ip != "10.0.0.1" {
			t.Errorf("instance's IPv4 %q, want 10.0.0.1", ip)
		}
		_, err = c.DeleteService(ctx, &sdkservicediscovery.DeleteServiceInput{Id: aws.String(ids[0])})
		wantSDKError[*sdtypes.ResourceInUse](t, "delete a service with an instance", err)
		if _, err := c.DeregisterInstance(ctx, &sdkservicediscovery.DeregisterInstanceInput{ServiceId: aws.String(ids[0]), InstanceId: aws.String("i-1")}); err != nil {
			t.Fatal(err)
		}
		srv.AdvanceClock(time.Hour)
		_, err = c.GetInstance(ctx, &sdkservicediscovery.GetInstanceInput{ServiceId: aws.String(ids[0]), InstanceId: aws.String("i-1")})
		wantSDKError[*sdtypes.InstanceNotFound](t, "deregistered instance", err)
	})
	t.Run("a namespace that still holds services is not deleted", func(t *testing.T) {
		_, err := c.DeleteNamespace(ctx, &sdkservicediscovery.DeleteNamespaceInput{Id: aws.String(nsID)})
		wantSDKError[*sdtypes.ResourceInUse](t, "delete shop", err)
	})
	t.Run("deleted, the services and then the namespace are not found", func(t *testing.T) {
		for _, id := range ids {
			if _, err := c.DeleteService(ctx, &sdkservicediscovery.DeleteServiceInput{Id: aws.String(id)}); err != nil {
				t.Fatalf("DeleteService %s: %v", id, err)
			}
		}
		_, err := c.GetService(ctx, &sdkservicediscovery.GetServiceInput{Id: aws.String(ids[0])})
		wantSDKError[*sdtypes.ServiceNotFound](t, "deleted service", err)
		if _, err := c.DeleteNamespace(ctx, &sdkservicediscovery.DeleteNamespaceInput{Id: aws.String(nsID)}); err != nil {
			t.Fatal(err)
		}
		srv.AdvanceClock(time.Hour)
		_, err = c.GetNamespace(ctx, &sdkservicediscovery.GetNamespaceInput{Id: aws.String(nsID)})
		wantSDKError[*sdtypes.NamespaceNotFound](t, "deleted namespace", err)
	})
}
