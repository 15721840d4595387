package golang

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDocFor(t *testing.T) {
	tests := []struct {
		name, decl, text, fallback, want string
	}{
		{"a sentence about something else is kept as written",
			"AccessDeniedException", "The user does not have access to the resource.", "is the AccessDeniedException error.",
			"The user does not have access to the resource."},
		{"a sentence starting with an article is not forced into the name's sentence",
			"AuthTypeNone", "The resource does not use authentication.", "",
			"The resource does not use authentication."},
		{"a plural member keeps its documentation",
			"Tags", "The tags for the service.", "is the tags member.",
			"The tags for the service."},
		{"a sentence that already starts with the name is kept",
			"CreateService", "CreateService creates a service.", "calls the CreateService operation.",
			"CreateService creates a service."},
		{"a verb sentence is kept",
			"CreateService", "Creates a service.", "calls the CreateService operation.",
			"Creates a service."},
		{"no documentation starts with the name and the fallback",
			"Name", "  ", "is the name member.",
			"Name is the name member."},
		{"long documentation is wrapped and its paragraphs kept",
			"Port", "The port on which the service listens for requests from clients of the load balancer.\n\nDefaults to 80.", "",
			"The port on which the service listens for requests from clients of the load\nbalancer.\n\nDefaults to 80."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := docFor(tt.decl, tt.text, tt.fallback)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("docFor(%q, %q, %q) (-want +got):\n%s", tt.decl, tt.text, tt.fallback, diff)
			}
		})
	}
}
