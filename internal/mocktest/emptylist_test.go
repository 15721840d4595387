package mocktest

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/gen/ecs"
	"github.com/specgen/specgen/gen/ecs/ecsmock"
)

// An empty list is not an absent one: ECS's PutClusterCapacityProviders
// takes an empty capacityProviders (required) to remove every capacity
// provider. A list set to an empty, non-nil slice travels as [] and the
// mock reads it back as set; a nil one is left out, and the mock reports
// the required member missing.
func TestAnEmptyListIsSentAndReadBackAsSet(t *testing.T) {
	tests := []struct {
		name      string
		providers []string
		wantErr   bool
	}{
		{"an empty list is sent as [] and is present", []string{}, false},
		{"a nil list is left out and is missing", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mock, url := ecsmock.NewTestServer(t)
			var got *ecs.PutClusterCapacityProvidersInput
			mock.HandlePutClusterCapacityProviders(func(_ context.Context, in *ecs.PutClusterCapacityProvidersInput) (*ecs.PutClusterCapacityProvidersOutput, error) {
				got = in
				return &ecs.PutClusterCapacityProvidersOutput{}, nil
			})
			in := &ecs.PutClusterCapacityProvidersInput{
				Cluster:                         aws.String("default"),
				CapacityProviders:               tt.providers,
				DefaultCapacityProviderStrategy: []ecs.CapacityProviderStrategyItem{},
			}
			_, err := ecs.New(options(url)).PutClusterCapacityProviders(t.Context(), in)
			if tt.wantErr {
				if err == nil {
					t.Fatalf("the mock accepted a request without capacityProviders: %+v", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(in, got); diff != "" {
				t.Errorf("input the mock decoded (-want +got):\n%s", diff)
			}
			if got.CapacityProviders == nil || got.DefaultCapacityProviderStrategy == nil {
				t.Errorf("the mock decoded an empty list as nil: %+v", got)
			}
		})
	}
}
