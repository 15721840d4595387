package mocktest

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/servicediscovery"
	"github.com/specgen/specgen/gen/servicediscovery/servicediscoverymock"
	"github.com/specgen/specgen/specrt/mockrt"
)

// TestCloudMapLifecycle drives Cloud Map's generated client against its
// generated mock: namespaces created by three operations that answer an
// OperationId, which GetOperation resolves (SUBMITTED, then SUCCESS,
// naming the namespace); namespaces read, filtered, paged, tagged and
// deleted (ResourceInUse while they hold services), all from the
// resources of specs/servicediscovery/mock.overlay.yaml.
func TestCloudMapLifecycle(t *testing.T) {
	ctx := t.Context()
	clock := mockrt.NewManualClock(manualStart)
	_, url := servicediscoverymock.NewTestServer(t, mockrt.WithClock(clock.Now))
	c := servicediscovery.New(options(url))

	operation := func(t *testing.T, id string) *servicediscovery.Operation {
		t.Helper()
		return must(c.GetOperation(ctx, &servicediscovery.GetOperationInput{OperationID: &id}))(t).Operation
	}
	// namespaceOf waits for the operation to succeed and answers the
	// namespace it names.
	namespaceOf := func(t *testing.T, opID string) string {
		t.Helper()
		op := operation(t, opID)
		if op.Status != servicediscovery.OperationStatusSubmitted {
			t.Errorf("operation %s at once: %s, want SUBMITTED", opID, op.Status)
		}
		clock.Advance(time.Second)
		op = operation(t, opID)
		if op.Status != servicediscovery.OperationStatusSuccess || op.Type != servicediscovery.OperationTypeCreateNamespace {
			t.Errorf("operation %s: %s %s, want CREATE_NAMESPACE SUCCESS", opID, op.Type, op.Status)
		}
		return op.Targets["NAMESPACE"]
	}

	private := must(c.CreatePrivateDnsNamespace(ctx, &servicediscovery.CreatePrivateDnsNamespaceInput{Name: new("corp.local"), VPC: new("vpc-1"),
		CreatorRequestID: new("req-1"), Tags: []servicediscovery.Tag{{Key: new("team"), Value: new("a")}}}))(t)
	privateID := namespaceOf(t, *private.OperationID)
	public := must(c.CreatePublicDnsNamespace(ctx, &servicediscovery.CreatePublicDnsNamespaceInput{Name: new("example.com")}))(t)
	publicID := namespaceOf(t, *public.OperationID)
	var httpIDs []string
	for i := range 3 {
		out := must(c.CreateHttpNamespace(ctx, &servicediscovery.CreateHttpNamespaceInput{Name: new(fmt.Sprintf("http-%d", i))}))(t)
		httpIDs = append(httpIDs, namespaceOf(t, *out.OperationID))
	}

	t.Run("the operation's namespace is read by its id", func(t *testing.T) {
		ns := must(c.GetNamespace(ctx, &servicediscovery.GetNamespaceInput{ID: &privateID}))(t).Namespace
		if *ns.Name != "corp.local" || ns.Type != servicediscovery.NamespaceTypeDnsPrivate || *ns.CreatorRequestID != "req-1" ||
			ns.Properties == nil || ns.Properties.DNSProperties == nil || ns.Properties.DNSProperties.HostedZoneID == nil {
			t.Errorf("namespace %+v", ns)
		}
		if want := "arn:aws:servicediscovery:us-east-1:123456789012:namespace/" + privateID; *ns.ARN != want {
			t.Errorf("ARN %s, want %s", *ns.ARN, want)
		}
		if got := must(c.GetNamespace(ctx, &servicediscovery.GetNamespaceInput{ID: &httpIDs[0]}))(t).Namespace; *got.Properties.HTTPProperties.HTTPName != "http-0" {
			t.Errorf("HTTP namespace's HttpName %v, want http-0", got.Properties.HTTPProperties.HTTPName)
		}
	})
	t.Run("an operation id the mock did not answer is OperationNotFound", func(t *testing.T) {
		_, err := c.GetOperation(ctx, &servicediscovery.GetOperationInput{OperationID: new("nope")})
		wantCode(t, "GetOperation nope", err, "OperationNotFound")
	})
	t.Run("the name in the same VPC is NamespaceAlreadyExists naming the namespace", func(t *testing.T) {
		_, err := c.CreatePrivateDnsNamespace(ctx, &servicediscovery.CreatePrivateDnsNamespaceInput{Name: new("corp.local"), VPC: new("vpc-1"), CreatorRequestID: new("req-2")})
		wantCode(t, "second corp.local", err, "NamespaceAlreadyExists")
		must(c.CreatePrivateDnsNamespace(ctx, &servicediscovery.CreatePrivateDnsNamespaceInput{Name: new("corp.local"), VPC: new("vpc-2")}))(t) // another VPC
	})
	t.Run("a repeated CreatorRequestId answers the first OperationId", func(t *testing.T) {
		again := must(c.CreatePrivateDnsNamespace(ctx, &servicediscovery.CreatePrivateDnsNamespaceInput{Name: new("corp.local"), VPC: new("vpc-1"),
			CreatorRequestID: new("req-1"), Tags: []servicediscovery.Tag{{Key: new("team"), Value: new("a")}}}))(t)
		if *again.OperationID != *private.OperationID {
			t.Errorf("retry answered %s, want %s", *again.OperationID, *private.OperationID)
		}
	})
	t.Run("namespaces list in pages of two, filtered by type and name", func(t *testing.T) {
		list := func(t *testing.T, filters ...servicediscovery.NamespaceFilter) []string {
			p := servicediscovery.NewListNamespacesPaginator(c, &servicediscovery.ListNamespacesInput{MaxResults: new(int32(2)), Filters: filters})
			var got []string
			for p.HasMorePages() {
				for _, ns := range must(p.NextPage(ctx))(t).Namespaces {
					got = append(got, *ns.Name)
				}
			}
			return got
		}
		if diff := cmp.Diff([]string{"corp.local", "example.com", "http-0", "http-1", "http-2", "corp.local"}, list(t)); diff != "" {
			t.Errorf("all (-want +got):\n%s", diff)
		}
		byType := servicediscovery.NamespaceFilter{Name: servicediscovery.NamespaceFilterNameType, Values: []string{"HTTP"}}
		if diff := cmp.Diff([]string{"http-0", "http-1", "http-2"}, list(t, byType)); diff != "" {
			t.Errorf("HTTP (-want +got):\n%s", diff)
		}
		byName := servicediscovery.NamespaceFilter{Name: servicediscovery.NamespaceFilterNameName, Values: []string{"http-0", "example.com"}, Condition: servicediscovery.FilterConditionIn}
		if diff := cmp.Diff([]string{"example.com", "http-0"}, list(t, byName)); diff != "" {
			t.Errorf("named (-want +got):\n%s", diff)
		}
	})
	t.Run("tags given at create are listed, added and removed by ARN", func(t *testing.T) {
		arn := *must(c.GetNamespace(ctx, &servicediscovery.GetNamespaceInput{ID: &privateID}))(t).Namespace.ARN
		must(c.TagResource(ctx, &servicediscovery.TagResourceInput{ResourceARN: &arn, Tags: []servicediscovery.Tag{{Key: new("env"), Value: new("test")}}}))(t)
		tags := func() []servicediscovery.Tag {
			return must(c.ListTagsForResource(ctx, &servicediscovery.ListTagsForResourceInput{ResourceARN: &arn}))(t).Tags
		}
		if diff := cmp.Diff([]servicediscovery.Tag{{Key: new("env"), Value: new("test")}, {Key: new("team"), Value: new("a")}}, tags()); diff != "" {
			t.Errorf("tags (-want +got):\n%s", diff)
		}
		must(c.UntagResource(ctx, &servicediscovery.UntagResourceInput{ResourceARN: &arn, TagKeys: []string{"team"}}))(t)
		if diff := cmp.Diff([]servicediscovery.Tag{{Key: new("env"), Value: new("test")}}, tags()); diff != "" {
			t.Errorf("tags after untag (-want +got):\n%s", diff)
		}
		_, err := c.TagResource(ctx, &servicediscovery.TagResourceInput{ResourceARN: new("arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-none"), Tags: []servicediscovery.Tag{{Key: new("k"), Value: new("v")}}})
		wantCode(t, "tags of no namespace", err, "ResourceNotFoundException")
	})

	svc := must(c.CreateService(ctx, &servicediscovery.CreateServiceInput{Name: new("web"), NamespaceID: &publicID}))(t).Service
	t.Run("a service belongs to its namespace, which cannot be deleted while it does", func(t *testing.T) {
		if *svc.NamespaceID != publicID {
			t.Errorf("service in %s, want %s", *svc.NamespaceID, publicID)
		}
		if n := *must(c.GetNamespace(ctx, &servicediscovery.GetNamespaceInput{ID: &publicID}))(t).Namespace.ServiceCount; n != 1 {
			t.Errorf("the namespace counts %d services, want 1", n)
		}
		_, err := c.DeleteNamespace(ctx, &servicediscovery.DeleteNamespaceInput{ID: &publicID})
		wantCode(t, "delete of a namespace with a service", err, "ResourceInUse")
		listed := must(c.ListServices(ctx, &servicediscovery.ListServicesInput{Filters: []servicediscovery.ServiceFilter{{Name: servicediscovery.ServiceFilterNameNamespaceId, Values: []string{publicID}}}}))(t).Services
		if len(listed) != 1 || *listed[0].ID != *svc.ID {
			t.Errorf("services of the namespace: %+v", listed)
		}
		listed = must(c.ListServices(ctx, &servicediscovery.ListServicesInput{Filters: []servicediscovery.ServiceFilter{{Name: servicediscovery.ServiceFilterNameNamespaceId, Values: []string{privateID}}}}))(t).Services
		if len(listed) != 0 {
			t.Errorf("services of another namespace: %+v", listed)
		}
	})
	t.Run("a service update answers an operation and changes the description", func(t *testing.T) {
		out := must(c.UpdateService(ctx, &servicediscovery.UpdateServiceInput{ID: svc.ID, Service: &servicediscovery.ServiceChange{Description: new("front")}}))(t)
		if op := operation(t, *out.OperationID); op.Type != servicediscovery.OperationTypeUpdateService || op.Targets["SERVICE"] != *svc.ID {
			t.Errorf("update operation %s %v", op.Type, op.Targets)
		}
		if got := must(c.GetService(ctx, &servicediscovery.GetServiceInput{ID: svc.ID}))(t).Service; got.Description == nil || *got.Description != "front" {
			t.Errorf("description %v, want front", got.Description)
		}
	})
	t.Run("instances register with a service, which counts them and cannot be deleted until they deregister", func(t *testing.T) {
		for _, id := range []string{"i-1", "i-2"} {
			out := must(c.RegisterInstance(ctx, &servicediscovery.RegisterInstanceInput{ServiceID: svc.ID, InstanceID: new(id),
				Attributes: map[string]string{"AWS_INSTANCE_IPV4": "10.0.0." + id[2:]}}))(t)
			if op := operation(t, *out.OperationID); op.Type != servicediscovery.OperationTypeRegisterInstance || op.Targets["INSTANCE"] != id {
				t.Errorf("register operation %s %v", op.Type, op.Targets)
			}
		}
		got := must(c.GetInstance(ctx, &servicediscovery.GetInstanceInput{ServiceID: svc.ID, InstanceID: new("i-2")}))(t).Instance
		if diff := cmp.Diff([]string{"i-2", "10.0.0.2"}, []string{*got.ID, got.Attributes["AWS_INSTANCE_IPV4"]}); diff != "" {
			t.Errorf("GetInstance (-want +got):\n%s", diff)
		}
		var listed []string
		for _, s := range must(c.ListInstances(ctx, &servicediscovery.ListInstancesInput{ServiceID: svc.ID}))(t).Instances {
			listed = append(listed, *s.ID)
		}
		if diff := cmp.Diff([]string{"i-1", "i-2"}, listed); diff != "" {
			t.Errorf("ListInstances (-want +got):\n%s", diff)
		}
		if n := *must(c.GetService(ctx, &servicediscovery.GetServiceInput{ID: svc.ID}))(t).Service.InstanceCount; n != 2 {
			t.Errorf("the service counts %d instances, want 2", n)
		}
		_, err := c.DeleteService(ctx, &servicediscovery.DeleteServiceInput{ID: svc.ID})
		wantCode(t, "delete of a service with instances", err, "ResourceInUse")
	})
	t.Run("registering an InstanceId again updates its attributes through a new operation", func(t *testing.T) {
		first := must(c.RegisterInstance(ctx, &servicediscovery.RegisterInstanceInput{ServiceID: svc.ID, InstanceID: new("i-2"),
			Attributes: map[string]string{"AWS_INSTANCE_IPV4": "10.0.0.2"}}))(t)
		again := must(c.RegisterInstance(ctx, &servicediscovery.RegisterInstanceInput{ServiceID: svc.ID, InstanceID: new("i-2"),
			Attributes: map[string]string{"AWS_INSTANCE_IPV4": "10.0.9.2", "AWS_INSTANCE_PORT": "8080"}}))(t)
		if *again.OperationID == *first.OperationID {
			t.Errorf("the second registration answered the first's operation %s", *first.OperationID)
		}
		if op := operation(t, *again.OperationID); op.Type != servicediscovery.OperationTypeRegisterInstance || op.Targets["INSTANCE"] != "i-2" {
			t.Errorf("register operation %s %v", op.Type, op.Targets)
		}
		got := must(c.GetInstance(ctx, &servicediscovery.GetInstanceInput{ServiceID: svc.ID, InstanceID: new("i-2")}))(t).Instance
		if diff := cmp.Diff(map[string]string{"AWS_INSTANCE_IPV4": "10.0.9.2", "AWS_INSTANCE_PORT": "8080"}, got.Attributes); diff != "" {
			t.Errorf("attributes (-want +got):\n%s", diff)
		}
		if n := *must(c.GetService(ctx, &servicediscovery.GetServiceInput{ID: svc.ID}))(t).Service.InstanceCount; n != 2 {
			t.Errorf("the service counts %d instances, want still 2", n)
		}
	})
	t.Run("a service's instances deregister, each through an operation", func(t *testing.T) {
		for _, id := range []string{"i-1", "i-2"} {
			out := must(c.DeregisterInstance(ctx, &servicediscovery.DeregisterInstanceInput{ServiceID: svc.ID, InstanceID: new(id)}))(t)
			if op := operation(t, *out.OperationID); op.Type != servicediscovery.OperationTypeDeregisterInstance || op.Targets["INSTANCE"] != id {
				t.Errorf("deregister operation %s %v", op.Type, op.Targets)
			}
		}
		_, err := c.GetInstance(ctx, &servicediscovery.GetInstanceInput{ServiceID: svc.ID, InstanceID: new("i-1")})
		wantCode(t, "a deregistered instance", err, "InstanceNotFound")
		_, err = c.DeregisterInstance(ctx, &servicediscovery.DeregisterInstanceInput{ServiceID: svc.ID, InstanceID: new("i-1")})
		wantCode(t, "a second deregister", err, "InstanceNotFound")
		_, err = c.RegisterInstance(ctx, &servicediscovery.RegisterInstanceInput{ServiceID: new("srv-none"), InstanceID: new("i-3"), Attributes: map[string]string{"AWS_INSTANCE_IPV4": "10.0.0.3"}})
		wantCode(t, "an instance of no service", err, "ServiceNotFound")
	})
	t.Run("a namespace is deleted through an operation, then NamespaceNotFound", func(t *testing.T) {
		must(c.DeleteService(ctx, &servicediscovery.DeleteServiceInput{ID: svc.ID}))(t)
		out := must(c.DeleteNamespace(ctx, &servicediscovery.DeleteNamespaceInput{ID: &publicID}))(t)
		clock.Advance(time.Second)
		if op := operation(t, *out.OperationID); op.Type != servicediscovery.OperationTypeDeleteNamespace || op.Status != servicediscovery.OperationStatusSuccess || op.Targets["NAMESPACE"] != publicID {
			t.Errorf("delete operation %s %s %v", op.Type, op.Status, op.Targets)
		}
		_, err := c.GetNamespace(ctx, &servicediscovery.GetNamespaceInput{ID: &publicID})
		wantCode(t, "the deleted namespace", err, "NamespaceNotFound")
		_, err = c.DeleteNamespace(ctx, &servicediscovery.DeleteNamespaceInput{ID: &publicID})
		wantCode(t, "a second delete", err, "NamespaceNotFound")
	})
}
