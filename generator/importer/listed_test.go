package importer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/generator/spec"
)

// TestInferredFromEC2Model imports EC2's model (specs/ec2/model) and checks
// the resources read through lists of ids that it infers: their ids drawn
// as the examples show them, their statuses, their tags carried in
// TagSpecifications and by CreateTags and DeleteTags, their lists by ids
// and by the filters the Filters docs list, and a subnet's parent.
func TestInferredFromEC2Model(t *testing.T) {
	r, err := ImportFile("../../specs/ec2/model/service-2.json", Options{})
	if err != nil {
		t.Fatal(err)
	}
	svc, ds := spec.Check(r.Package+".yaml", r.Spec)
	if svc == nil {
		t.Fatalf("check gave no service: %v", ds)
	}
	if got := len(svc.Resources); got != 53 {
		t.Errorf("%d resources inferred, want 53", got)
	}
	got := map[string]string{}
	for _, res := range svc.Resources {
		if res.Name != "Vpc" && res.Name != "Subnet" && res.Name != "InternetGateway" && res.Name != "CustomerGateway" {
			continue
		}
		var b strings.Builder
		parent := ""
		if res.Parent != nil {
			parent = res.Parent.Name
		}
		fmt.Fprintf(&b, "id=%s template=%s status=%s tags=%s parent=%s/%s;", res.ID, res.IDTemplate, res.Status, res.Tags, parent, res.ParentID)
		for _, ro := range res.Operations {
			fmt.Fprintf(&b, " %s %s", ro.Role, ro.Operation.Name)
			switch ro.Role {
			case "create":
				fmt.Fprintf(&b, " tags=%s parent=%s", ro.Tags, ro.ParentIdentifier)
				if t := ro.Transition; t != nil {
					fmt.Fprintf(&b, " %s->%s", t.During, t.Then)
				}
			case "delete":
				fmt.Fprintf(&b, " by=%s", ro.Identifier)
			case "list":
				fmt.Fprintf(&b, " ids=%v items=%s", ro.Identifiers, ro.Items)
				if fl := ro.FilterList; fl != nil {
					fmt.Fprintf(&b, " filters=%s/%s/%s %s %s %s vpc-id=%s", fl.Member, fl.Name, fl.Values, fl.DefaultCondition, fl.TagPrefix, fl.TagKeyName, fl.Fields["vpc-id"])
				}
			case "tag", "untag":
				fmt.Fprintf(&b, " resources=%s tags=%s", ro.ResourceIDs, ro.Tags)
			}
			b.WriteString(";")
		}
		got[res.Name] = b.String()
	}
	want := map[string]string{
		"Vpc": "id=vpcId template=vpc-{random:0-9a-f:17} status=state tags=tagSet parent=/;" +
			" tag CreateTags resources=ResourceId tags=Tag; create CreateVpc tags=TagSpecification.Tag parent= pending->available;" +
			" untag DeleteTags resources=resourceId tags=tag; delete DeleteVpc by=VpcId;" +
			" list DescribeVpcs ids=[VpcId] items= filters=Filter/Name/Value IN tag: tag-key vpc-id=vpcId;",
		"Subnet": "id=subnetId template=subnet-{random:0-9a-f:17} status=state tags=tagSet parent=Vpc/vpcId;" +
			" create CreateSubnet tags=TagSpecification.Tag parent=VpcId pending->available; tag CreateTags resources=ResourceId tags=Tag;" +
			" delete DeleteSubnet by=SubnetId; untag DeleteTags resources=resourceId tags=tag;" +
			" list DescribeSubnets ids=[SubnetId] items= filters=Filter/Name/Value IN tag: tag-key vpc-id=vpcId;",
		// An internet gateway has no status.
		"InternetGateway": "id=internetGatewayId template=igw-{random:0-9a-f:17} status= tags=tagSet parent=/;" +
			" create CreateInternetGateway tags=TagSpecification.Tag parent=; tag CreateTags resources=ResourceId tags=Tag;" +
			" delete DeleteInternetGateway by=internetGatewayId; untag DeleteTags resources=resourceId tags=tag;" +
			" list DescribeInternetGateways ids=[internetGatewayId] items= filters=Filter/Name/Value IN tag: tag-key vpc-id=;",
		// DescribeCustomerGateways has no paginator: one page, items. Its
		// state is a string of no enum: no transition.
		"CustomerGateway": "id=customerGatewayId template=cgw-{random:0-9a-f:17} status=state tags=tagSet parent=/;" +
			" create CreateCustomerGateway tags=TagSpecification.Tag parent=; tag CreateTags resources=ResourceId tags=Tag;" +
			" delete DeleteCustomerGateway by=CustomerGatewayId; untag DeleteTags resources=resourceId tags=tag;" +
			" list DescribeCustomerGateways ids=[CustomerGatewayId] items=customerGatewaySet filters=Filter/Name/Value IN tag: tag-key vpc-id=;",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("inferred (-want +got):\n%s", diff)
		for k, v := range got {
			t.Logf("%s: %s", k, v)
		}
	}
}

func TestPlural(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Vpc", "Vpcs"},
		{"InternetGateway", "InternetGateways"},
		{"IpamPolicy", "IpamPolicies"},
		{"Key", "Keys"},
		{"Address", "Addresses"},
		{"Proxy", "Proxies"},
	} {
		t.Run(tc.in+" is "+tc.want, func(t *testing.T) {
			if got := plural(tc.in); got != tc.want {
				t.Errorf("plural(%s) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}
