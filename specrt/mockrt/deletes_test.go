package mockrt

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type DeleteWidgetsInput struct {
	Widgets []string `json:"widgets,omitempty"`
}

func (*DeleteWidgetsInput) Validate() error { return nil }

// deletesService is the widget service with DeleteWidgets, a deleteMany,
// and Part as a parent of Bolt, so that a cascade reaches grandchildren;
// change adjusts the bindings of DeleteWidget and DeleteWidgets.
func deletesService(change func(one, many *ResourceOperation)) *Service {
	svc := widgetService()
	svc.Operations = append(svc.Operations,
		&Operation{Name: "DeleteWidgets", NewInput: func() Input { return new(DeleteWidgetsInput) }, NewOutput: func() any { return new(WidgetOutput) }},
		&Operation{Name: "CreateBolt", NewInput: func() Input { return new(CreatePartInput) }, NewOutput: func() any { return new(CreatePartOutput) }})
	w := svc.Resources[0]
	w.Operations = append(w.Operations, ResourceOperation{Role: RoleDeleteMany, Operation: "DeleteWidgets", Identifier: "widgets"})
	var one *ResourceOperation
	for i := range w.Operations {
		if w.Operations[i].Operation == "DeleteWidget" {
			one = &w.Operations[i]
		}
	}
	change(one, &w.Operations[len(w.Operations)-1])
	// A bolt belongs to a part: CreateBolt names the part in "widget".
	svc.Resources = append(svc.Resources, &Resource{Name: "Bolt", Parent: "Part", ID: "id", NameMember: "name",
		Operations: []ResourceOperation{{Role: RoleCreate, Operation: "CreateBolt", ParentIdentifier: "widget", Description: "part"}}})
	return svc
}

// names are the names of the stored resources of a kind, in creation
// order.
func names(s *Server, kind string) []string {
	var out []string
	for _, r := range s.Resources(kind) {
		out = append(out, r.Name)
	}
	return out
}

func TestDeletesOfSeveralAndOfChildren(t *testing.T) {
	plain := func(one, many *ResourceOperation) {}
	for _, tc := range []struct {
		name       string
		change     func(one, many *ResourceOperation)
		op, body   string
		wantStatus int
		wantCode   string
		// the widgets, parts and bolts left
		widgets, parts, bolts []string
	}{
		{"deleteMany deletes every widget it names, one named twice once", plain, "DeleteWidgets", `{"widgets":["a","c","a"]}`, 200, "",
			[]string{"b", "held"}, []string{"p"}, []string{"x"}},
		{"an unknown name answers not found and deletes none", plain, "DeleteWidgets", `{"widgets":["a","nope"]}`, 404, "ResourceNotFoundException",
			[]string{"a", "b", "c", "held"}, []string{"p"}, []string{"x"}},
		{"with ignoreMissing an unknown name is passed over", func(_, m *ResourceOperation) { m.IgnoreMissing = true }, "DeleteWidgets", `{"widgets":["a","nope"]}`, 200, "",
			[]string{"b", "c", "held"}, []string{"p"}, []string{"x"}},
		{"a widget that has parts answers the conflict and none is deleted", plain, "DeleteWidgets", `{"widgets":["a","held"]}`, 409, "ConflictException",
			[]string{"a", "b", "c", "held"}, []string{"p"}, []string{"x"}},
		{"with cascade the parts and their bolts go with their widget", func(_, m *ResourceOperation) { m.Cascade = true }, "DeleteWidgets", `{"widgets":["a","held"]}`, 200, "",
			[]string{"b", "c"}, nil, nil},
		{"a delete of one that cascades takes the parts and bolts too", func(o, _ *ResourceOperation) { o.Cascade = true }, "DeleteWidget", `{"widget":"held"}`, 200, "",
			[]string{"a", "b", "c"}, nil, nil},
		{"a delete of one without cascade answers the conflict", plain, "DeleteWidget", `{"widget":"held"}`, 409, "ConflictException",
			[]string{"a", "b", "c", "held"}, []string{"p"}, []string{"x"}},
		{"a delete of an unknown one answers not found", plain, "DeleteWidget", `{"widget":"nope"}`, 404, "ResourceNotFoundException",
			[]string{"a", "b", "c", "held"}, []string{"p"}, []string{"x"}},
		{"a delete of an unknown one with ignoreMissing succeeds", func(o, _ *ResourceOperation) { o.IgnoreMissing = true }, "DeleteWidget", `{"widget":"nope"}`, 200, "",
			[]string{"a", "b", "c", "held"}, []string{"p"}, []string{"x"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := NewServer(deletesService(tc.change), WithTransitionDelay(0))
			for _, n := range []string{"a", "b", "c", "held"} {
				if status, out := call(t, s, "CreateWidget", fmt.Sprintf(`{"name":%q}`, n)); status != http.StatusOK {
					t.Fatalf("create %s: %d %v", n, status, out)
				}
			}
			_, part := call(t, s, "CreatePart", `{"widget":"held","name":"p"}`)
			partID, _ := part["part"].(map[string]any)["id"].(string)
			if status, out := call(t, s, "CreateBolt", fmt.Sprintf(`{"widget":%q,"name":"x"}`, partID)); status != http.StatusOK {
				t.Fatalf("create bolt: %d %v", status, out)
			}
			status, out := call(t, s, tc.op, tc.body)
			if code, _ := out["__type"].(string); status != tc.wantStatus || code != tc.wantCode {
				t.Errorf("%s answered %d %v, want %d %q", tc.op, status, out, tc.wantStatus, tc.wantCode)
			}
			got := [][]string{names(s, "Widget"), names(s, "Part"), names(s, "Bolt")}
			if diff := cmp.Diff([][]string{tc.widgets, tc.parts, tc.bolts}, got); diff != "" {
				t.Errorf("left (-want +got):\n%s", diff)
			}
		})
	}
}
