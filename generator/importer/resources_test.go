package importer

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/generator/spec"
)

// TestInferredResources imports the inference cases and checks both that
// the spec written passes check and which resources it holds: the regular
// model gets them all, the irregular one (a read with no identifier, a list
// with no paginator, a create with no read) none.
func TestInferredResources(t *testing.T) {
	tests := []struct {
		dir  string
		want []string
	}{
		{"testdata/infer-regular", []string{"Cabin", "Crate", "Dock", "Fleet", "Ship"}},
		{"testdata/infer-irregular", nil},
	}
	for _, tt := range tests {
		t.Run(tt.dir+" loads with the resources inferred", func(t *testing.T) {
			r, err := Import("", readCase(t, tt.dir), Options{})
			if err != nil {
				t.Fatal(err)
			}
			svc, ds := spec.Check(r.Package+".yaml", r.Spec)
			for _, d := range ds {
				if !d.Warning {
					t.Errorf("check: %v", d)
				}
			}
			if svc == nil {
				t.Fatal("check gave no service")
			}
			var got []string
			for _, res := range svc.Resources {
				got = append(got, res.Name)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("resources (-want +got):\n%s", diff)
			}
		})
	}
}

// TestInferredFromServiceModels imports the services' own models (kept in
// specs/<pkg>/model) and checks what the importer reads from their shapes
// and docs beyond the operations: outputs that answer only an ARN, list
// filters named after description members, and a parent that requests
// leaving it out mean (Scheduler's default group), a child's member holding
// its parent's ARN, and updates answering a part of the description. No other service gets a
// builtin instance or a default parent.
func TestInferredFromServiceModels(t *testing.T) {
	type facts struct {
		ARNOutputs, Filters, PrefixFilters []string
		Builtin                            []string
		DefaultParents                     []string
		ParentARNs, WholeUpdates           []string
		// Times are the created and modified members: "Resource created/modified".
		Times []string
	}
	tests := []struct {
		pkg  string
		want facts
	}{
		{"scheduler", facts{
			ARNOutputs:     []string{"CreateSchedule ScheduleArn", "UpdateSchedule ScheduleArn", "CreateScheduleGroup ScheduleGroupArn"},
			Filters:        []string{"ListSchedules State=State"},
			PrefixFilters:  []string{"ListSchedules NamePrefix^Name", "ListScheduleGroups NamePrefix^Name"},
			Builtin:        []string{"ScheduleGroup default"},
			DefaultParents: []string{"Schedule default"},
			Times:          []string{"Schedule CreationDate/LastModificationDate", "ScheduleGroup CreationDate/LastModificationDate"},
		}},
		{"apprunner", facts{
			Filters: []string{
				"ListAutoScalingConfigurations AutoScalingConfigurationName=AutoScalingConfigurationName",
				"ListObservabilityConfigurations ObservabilityConfigurationName=ObservabilityConfigurationName",
			},
			Times: []string{"AutoScalingConfiguration CreatedAt/", "ObservabilityConfiguration CreatedAt/",
				"Service CreatedAt/UpdatedAt", "VpcConnector CreatedAt/", "VpcIngressConnection CreatedAt/"},
		}},
		{"vpclattice", facts{
			ParentARNs: []string{"Listener serviceArn"},
			WholeUpdates: []string{"UpdateAccessLogSubscription", "UpdateListener", "UpdateResourceConfiguration", "UpdateRule",
				"UpdateService", "UpdateServiceNetwork", "UpdateServiceNetworkVpcAssociation", "UpdateTargetGroup"},
			Times: []string{"AccessLogSubscription createdAt/lastUpdatedAt", "Listener createdAt/lastUpdatedAt",
				"ResourceConfiguration createdAt/lastUpdatedAt", "ResourceGateway createdAt/lastUpdatedAt", "Rule createdAt/lastUpdatedAt",
				"Service createdAt/lastUpdatedAt", "ServiceNetwork createdAt/lastUpdatedAt",
				"ServiceNetworkResourceAssociation createdAt/lastUpdatedAt", "ServiceNetworkServiceAssociation createdAt/",
				"ServiceNetworkVpcAssociation createdAt/lastUpdatedAt", "TargetGroup createdAt/lastUpdatedAt"},
		}},
		{"lightsail", facts{Times: []string{"Disk createdAt/", "DiskSnapshot createdAt/", "Domain createdAt/",
			"InstanceSnapshot createdAt/", "KeyPair createdAt/", "LoadBalancer createdAt/",
			"RelationalDatabase createdAt/", "RelationalDatabaseSnapshot createdAt/"}}},
	}
	for _, tt := range tests {
		t.Run(tt.pkg+" has the ARN outputs, filters and builtin instances its model says", func(t *testing.T) {
			r, err := ImportFile("../../specs/"+tt.pkg+"/model/service-2.json", Options{})
			if err != nil {
				t.Fatal(err)
			}
			svc, _ := spec.Check(r.Package+".yaml", r.Spec)
			if svc == nil {
				t.Fatal("check gave no service")
			}
			var got facts
			for _, res := range svc.Resources {
				for _, b := range res.Builtin {
					got.Builtin = append(got.Builtin, res.Name+" "+b)
				}
				if res.ParentARN != "" {
					got.ParentARNs = append(got.ParentARNs, res.Name+" "+res.ParentARN)
				}
				if res.Created != "" || res.Modified != "" {
					got.Times = append(got.Times, res.Name+" "+res.Created+"/"+res.Modified)
				}
				if res.DefaultParent != "" {
					got.DefaultParents = append(got.DefaultParents, res.Name+" "+res.DefaultParent)
				}
				for _, ro := range res.Operations {
					if ro.Role == "update" && ro.Description == "" {
						got.WholeUpdates = append(got.WholeUpdates, ro.Operation.Name)
					}
					if ro.ARNOutput != "" {
						got.ARNOutputs = append(got.ARNOutputs, ro.Operation.Name+" "+ro.ARNOutput)
					}
					for i, f := range ro.Filters {
						got.Filters = append(got.Filters, ro.Operation.Name+" "+f+"="+ro.FilterMembers[i])
					}
					for i, f := range ro.PrefixFilters {
						got.PrefixFilters = append(got.PrefixFilters, ro.Operation.Name+" "+f+"^"+ro.PrefixFilterMembers[i])
					}
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("inferred (-want +got):\n%s", diff)
			}
		})
	}
}
