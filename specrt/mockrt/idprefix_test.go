package mockrt

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// prefixedService is widgetService whose widgets' ids begin with
// /widget/, as Route 53's hosted zones' begin with /hostedzone/.
func prefixedService() *Service {
	svc := widgetService()
	svc.Resources[0].IDPrefix = "/widget/"
	return svc
}

func TestAnIDPrefixIsAnsweredAndOptionalInRequests(t *testing.T) {
	s := NewServer(prefixedService(), WithTransitionDelay(0))
	_, created := call(t, s, "CreateWidget", `{"name":"a"}`)
	id, _ := widgetField(created, "id").(string)
	bare, ok := strings.CutPrefix(id, "/widget/w-")
	if !ok || len(bare) != 12 {
		t.Fatalf("created id %q, want /widget/w- and 12 characters", id)
	}
	bare = "w-" + bare
	tests := []struct {
		name       string
		ident      string
		wantStatus int
		wantID     any
	}{
		{name: "the id as answered names the widget", ident: id, wantStatus: 200, wantID: id},
		{name: "the id without its prefix names the widget", ident: bare, wantStatus: 200, wantID: id},
		{name: "the name still names the widget", ident: "a", wantStatus: 200, wantID: id},
		{name: "the id behind another prefix names nothing", ident: "/other/" + bare, wantStatus: 404},
		{name: "the prefix alone names nothing", ident: "/widget/", wantStatus: 404},
		{name: "a part of the id names nothing", ident: bare[:5], wantStatus: 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := call(t, s, "GetWidget", fmt.Sprintf(`{"widget":%q}`, tt.ident))
			want := []any{tt.wantStatus, tt.wantID}
			got := []any{status, widgetField(body, "id")}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("status, id (-want +got):\n%s\nbody: %v", d, body)
			}
		})
	}
	t.Run("a list answers the ids with their prefix", func(t *testing.T) {
		_, body := call(t, s, "ListWidgets", `{}`)
		widgets, _ := body["widgets"].([]any)
		var ids []any
		for _, w := range widgets {
			ids = append(ids, w.(map[string]any)["id"])
		}
		if d := cmp.Diff([]any{id}, ids); d != "" {
			t.Errorf("ids (-want +got):\n%s", d)
		}
	})
	t.Run("a delete by the bare id removes the widget", func(t *testing.T) {
		if status, body := call(t, s, "DeleteWidget", fmt.Sprintf(`{"widget":%q}`, bare)); status != 200 {
			t.Fatalf("DeleteWidget answered %d %v", status, body)
		}
		if status, _ := call(t, s, "GetWidget", fmt.Sprintf(`{"widget":%q}`, id)); status != 404 {
			t.Errorf("GetWidget after the delete answered %d, want 404", status)
		}
	})
}

func TestAnIDPrefixIsPutBeforeAnIDTheInputGave(t *testing.T) {
	svc := prefixedService()
	svc.Resources[0].IDTemplate = ""
	svc.Resources[0].ID = "name" // a widget whose id is its name
	s := NewServer(svc, WithTransitionDelay(0))
	_, created := call(t, s, "CreateWidget", `{"name":"a"}`)
	if d := cmp.Diff(any("/widget/a"), widgetField(created, "name")); d != "" {
		t.Errorf("id (-want +got):\n%s", d)
	}
}
