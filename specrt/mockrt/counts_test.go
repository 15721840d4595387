package mockrt

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type Gear struct {
	ID       *string `json:"id,omitempty"`
	Name     *string `json:"name,omitempty"`
	WidgetID *string `json:"widgetId,omitempty"`
	Kind     *string `json:"kind,omitempty"`
}

type CreateGearInput struct {
	Widget *string `json:"widget,omitempty"`
	Name   *string `json:"name,omitempty"`
	Kind   *string `json:"kind,omitempty"`
}

type GearInput struct {
	Gear *string `json:"gear,omitempty"`
	Kind *string `json:"kind,omitempty"`
}

type GearOutput struct {
	Gear *Gear `json:"gear,omitempty"`
}

func (*CreateGearInput) Validate() error { return nil }
func (*GearInput) Validate() error       { return nil }

// gearService is the widget service with gears, a widget's children that
// it counts by kind: size holds how many big ones it has.
func gearService() *Service {
	svc := widgetService()
	gearOut := func() any { return new(GearOutput) }
	svc.Operations = append(svc.Operations,
		&Operation{Name: "CreateGear", NewInput: func() Input { return new(CreateGearInput) }, NewOutput: gearOut},
		&Operation{Name: "UpdateGear", NewInput: func() Input { return new(GearInput) }, NewOutput: gearOut},
		&Operation{Name: "DeleteGear", NewInput: func() Input { return new(GearInput) }, NewOutput: gearOut})
	svc.Resources[0].CountsWhere = map[string][]Count{"Gear": {{Member: "size", Where: []Field{{Path: "kind", Value: "big"}}}}}
	svc.Resources = append(svc.Resources, &Resource{Name: "Gear", Parent: "Widget", ID: "id", NameMember: "name", ParentID: "widgetId",
		Operations: []ResourceOperation{
			{Role: RoleCreate, Operation: "CreateGear", ParentIdentifier: "widget", Description: "gear"},
			{Role: RoleUpdate, Operation: "UpdateGear", Identifier: "gear", Description: "gear"},
			{Role: RoleDelete, Operation: "DeleteGear", Identifier: "gear", Description: "gear"},
		}})
	return svc
}

func TestCountsByValueFollowTheChildren(t *testing.T) {
	s := NewServer(gearService(), WithTransitionDelay(0))
	call(t, s, "CreateWidget", `{"name":"w"}`)
	size := func() any {
		_, out := call(t, s, "GetWidget", `{"widget":"w"}`)
		return widgetField(out, "size")
	}
	ids := map[string]string{}
	var got []any
	for _, step := range []struct{ op, body string }{
		{"CreateGear", `{"widget":"w","name":"a","kind":"big"}`},
		{"CreateGear", `{"widget":"w","name":"b","kind":"small"}`},
		{"CreateGear", `{"widget":"w","name":"c","kind":"big"}`},
		{"UpdateGear", `{"gear":"b","kind":"big"}`},
		{"UpdateGear", `{"gear":"a","kind":"small"}`},
		{"UpdateGear", `{"gear":"a","kind":"small"}`},
		{"DeleteGear", `{"gear":"c"}`},
		{"DeleteGear", `{"gear":"a"}`},
	} {
		body := step.body
		for name, id := range ids {
			body = replaceJSON(body, name, id)
		}
		status, out := call(t, s, step.op, body)
		if status != 200 {
			t.Fatalf("%s %s: %d %v", step.op, body, status, out)
		}
		if g, ok := out["gear"].(map[string]any); ok && step.op == "CreateGear" {
			ids[g["name"].(string)] = g["id"].(string)
		}
		got = append(got, size())
	}
	// size is kept as JSON numbers, which the widget's answer decodes as
	// float64.
	want := []any{1.0, 1.0, 2.0, 3.0, 2.0, 2.0, 1.0, 1.0}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the widget's count of big gears after each step (-want +got):\n%s", diff)
	}
}

// replaceJSON replaces the JSON string "name" in body with "id".
func replaceJSON(body, name, id string) string {
	return strings.ReplaceAll(body, fmt.Sprintf(`"gear":%q`, name), fmt.Sprintf(`"gear":%q`, id))
}
