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

// ListWidgetsTruncatedOutput is ListWidgetsOutput with a boolean saying
// whether another page follows, as Route 53's IsTruncated does.
type ListWidgetsTruncatedOutput struct {
	Widgets     []Widget `json:"widgets,omitempty"`
	NextToken   *string  `json:"nextToken,omitempty"`
	IsTruncated *bool    `json:"isTruncated,omitempty"`
}

// moreResultsService is widgetService whose ListWidgets answers
// isTruncated, its paginator's moreResults.
func moreResultsService() *Service {
	svc := widgetService()
	for _, op := range svc.Operations {
		if op.Name == "ListWidgets" {
			op.NewOutput = func() any { return new(ListWidgetsTruncatedOutput) }
		}
	}
	ops := svc.Resources[0].Operations
	for i := range ops {
		if ops[i].Role == RoleList {
			ops[i].MoreResults = "isTruncated"
		}
	}
	return svc
}

func TestPagesSayWhetherMoreFollow(t *testing.T) {
	tests := []struct {
		name      string
		widgets   int
		deleted   []string // names deleted after the creates
		pages     []string // maxResults of each page, following the tokens
		wantItems []int
		wantMore  []bool
	}{
		{name: "an empty list says none follow", pages: []string{"5"}, wantItems: []int{0}, wantMore: []bool{false}},
		{name: "a first page of a longer list says more follow and the last says none",
			widgets: 12, pages: []string{"5", "5", "5"}, wantItems: []int{5, 5, 2}, wantMore: []bool{true, true, false}},
		{name: "a page holding exactly the rest says none follow",
			widgets: 10, pages: []string{"4", "6"}, wantItems: []int{4, 6}, wantMore: []bool{true, false}},
		{name: "a page cut at the largest size says more follow",
			widgets: 11, pages: []string{"50", "50"}, wantItems: []int{10, 1}, wantMore: []bool{true, false}},
		{name: "a page followed only by deleted widgets says none follow",
			widgets: 7, deleted: []string{"w5", "w6"}, pages: []string{"5"}, wantItems: []int{5}, wantMore: []bool{false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewServer(moreResultsService(), WithTransitionDelay(0))
			for i := range tt.widgets {
				if status, body := call(t, s, "CreateWidget", fmt.Sprintf(`{"name":"w%d"}`, i)); status != 200 {
					t.Fatalf("CreateWidget answered %d %v", status, body)
				}
			}
			for _, name := range tt.deleted {
				if status, body := call(t, s, "DeleteWidget", fmt.Sprintf(`{"widget":%q}`, name)); status != 200 {
					t.Fatalf("DeleteWidget answered %d %v", status, body)
				}
			}
			var gotItems []int
			var gotMore []bool
			token := ""
			for _, limit := range tt.pages {
				req := fmt.Sprintf(`{"maxResults":%s}`, limit)
				if token != "" {
					req = fmt.Sprintf(`{"maxResults":%s,"nextToken":%q}`, limit, token)
				}
				status, body := call(t, s, "ListWidgets", req)
				if status != 200 {
					t.Fatalf("ListWidgets answered %d %v", status, body)
				}
				widgets, _ := body["widgets"].([]any)
				more, _ := body["isTruncated"].(bool)
				gotItems, gotMore = append(gotItems, len(widgets)), append(gotMore, more)
				token, _ = body["nextToken"].(string)
				if (token != "") != more {
					t.Errorf("page %d: isTruncated %v with next token %q", len(gotItems), more, token)
				}
			}
			if d := cmp.Diff(tt.wantItems, gotItems); d != "" {
				t.Errorf("items per page (-want +got):\n%s", d)
			}
			if d := cmp.Diff(tt.wantMore, gotMore); d != "" {
				t.Errorf("isTruncated per page (-want +got):\n%s", d)
			}
		})
	}
}
