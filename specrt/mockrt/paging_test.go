package mockrt

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// ListWidgetsByStringInput is ListWidgetsInput with a limit held in a
// string, as Route 53's MaxItems is.
type ListWidgetsByStringInput struct {
	NextToken *string `json:"nextToken,omitempty"`
	MaxItems  *string `json:"maxItems,omitempty"`
}

func (*ListWidgetsByStringInput) Validate() error { return nil }

// stringLimitService is widgetService whose ListWidgets takes its limit in
// a string member.
func stringLimitService() *Service {
	svc := widgetService()
	for _, op := range svc.Operations {
		if op.Name == "ListWidgets" {
			op.NewInput = func() Input { return new(ListWidgetsByStringInput) }
		}
	}
	ops := svc.Resources[0].Operations
	for i := range ops {
		if ops[i].Role == RoleList {
			ops[i].LimitKey = "maxItems"
		}
	}
	return svc
}

func TestPagingWithAStringLimit(t *testing.T) {
	tests := []struct {
		name       string
		body       string
		wantStatus int
		wantItems  int
		wantType   string
	}{
		{name: "a string holding a number limits the page", body: `{"maxItems":"3"}`, wantStatus: 200, wantItems: 3},
		{name: "a number with spaces around it limits the page", body: `{"maxItems":" 2 "}`, wantStatus: 200, wantItems: 2},
		{name: "a limit above the largest page gives the largest page", body: `{"maxItems":"50"}`, wantStatus: 200, wantItems: 10},
		{name: "a number too large for an int64 gives the largest page", body: `{"maxItems":"99999999999999999999999"}`, wantStatus: 200, wantItems: 10},
		{name: "no limit gives the largest page", body: `{}`, wantStatus: 200, wantItems: 10},
		{name: "a string that is not a number is a validation error", body: `{"maxItems":"many"}`, wantStatus: 400, wantType: "ValidationException"},
		{name: "a fraction in a string is a validation error", body: `{"maxItems":"2.5"}`, wantStatus: 400, wantType: "ValidationException"},
	}
	s := NewServer(stringLimitService(), WithTransitionDelay(0))
	for i := range 12 {
		if status, body := call(t, s, "CreateWidget", fmt.Sprintf(`{"name":"w%d"}`, i)); status != 200 {
			t.Fatalf("CreateWidget answered %d %v", status, body)
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := call(t, s, "ListWidgets", tt.body)
			widgets, _ := body["widgets"].([]any)
			typ, _ := body["__type"].(string)
			want := []any{tt.wantStatus, tt.wantItems, tt.wantType}
			got := []any{status, len(widgets), typ}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("status, items, error type (-want +got):\n%s\nbody: %v", d, body)
			}
		})
	}
}
