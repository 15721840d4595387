package mockrt

import (
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// filledWidgets returns a server holding widgets a (with a part p) and b,
// b still CREATING on clock.
func filledWidgets(t *testing.T, clock *ManualClock) *Server {
	t.Helper()
	s := NewServer(widgetService(), WithClock(clock.Now))
	call(t, s, "CreateWidget", `{"name":"a","size":1}`)
	clock.Advance(DefaultTransitionDelay)
	call(t, s, "CreateWidget", `{"name":"b"}`)
	if status, body := call(t, s, "CreatePart", `{"widget":"a","name":"p"}`); status != http.StatusOK {
		t.Fatalf("create part: %d %v", status, body)
	}
	return s
}

func TestStateSavedIsStateLoaded(t *testing.T) {
	clock := NewManualClock(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	s := filledWidgets(t, clock)
	var buf bytes.Buffer
	if err := SaveState(&buf, s); err != nil {
		t.Fatal(err)
	}
	loaded := NewServer(widgetService(), WithClock(clock.Now))
	if err := LoadState(bytes.NewReader(buf.Bytes()), loaded); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(s.Resources(""), loaded.Resources("")); diff != "" {
		t.Errorf("resources after a round trip (-saved +loaded):\n%s", diff)
	}
	t.Run("a loaded widget is found by name and keeps its pending status", func(t *testing.T) {
		_, body := call(t, loaded, "GetWidget", `{"widget":"b"}`)
		if got := widgetField(body, "status"); got != "CREATING" {
			t.Errorf("b: %v, want CREATING", got)
		}
		clock.Advance(DefaultTransitionDelay)
		_, body = call(t, loaded, "GetWidget", `{"widget":"b"}`)
		if got := widgetField(body, "status"); got != "READY" {
			t.Errorf("b after its delay: %v, want READY", got)
		}
	})
	t.Run("a loaded parent still has its child", func(t *testing.T) {
		status, body := call(t, loaded, "DeleteWidget", `{"widget":"a"}`)
		if status != http.StatusConflict {
			t.Errorf("delete a widget with a part: %d %v, want 409", status, body)
		}
	})
}

func TestLoadStateRefusesWhatItCannotRead(t *testing.T) {
	for _, tc := range []struct{ name, state, want string }{
		{"text that is not JSON", `not json`, "not a specgen mock state"},
		{"a state of a later version", `{"version": 2, "services": {}}`, "version 2, written by a later specgen"},
		{"a state without a version", `{"services": {}}`, "no version"},
		{"an unknown key", `{"version": 1, "services": {}, "extra": 1}`, "not a specgen mock state"},
		{"a service the mock does not serve", `{"version": 1, "services": {"other": []}}`, "service other"},
		{"a kind the service does not have", `{"version": 1, "services": {"widgets": [{"kind": "Gadget", "id": "g", "description": {}}]}}`, `no resource kind "Gadget"`},
		{"a child before its parent", `{"version": 1, "services": {"widgets": [{"kind": "Part", "id": "p", "parent": "w", "description": {}}]}}`, "not in the state before it"},
		{"a resource twice", `{"version": 1, "services": {"widgets": [{"kind": "Widget", "id": "w", "description": {}}, {"kind": "Widget", "id": "w", "description": {}}]}}`, "there twice"},
		{"a resource without a description", `{"version": 1, "services": {"widgets": [{"kind": "Widget", "id": "w"}]}}`, "no valid description"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := NewServer(widgetService(), WithTransitionDelay(0))
			call(t, s, "CreateWidget", `{"name":"kept"}`)
			before := s.Resources("")
			err := LoadState(strings.NewReader(tc.state), s)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error saying %q", err, tc.want)
			}
			if diff := cmp.Diff(before, s.Resources("")); diff != "" {
				t.Errorf("a refused state changed the resources (-before +after):\n%s", diff)
			}
		})
	}
}

func TestStateFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	t.Run("a missing file starts empty", func(t *testing.T) {
		s := NewServer(widgetService())
		if err := LoadStateFile(path, s); err != nil || len(s.Resources("")) != 0 {
			t.Errorf("got %v and %d resources, want no error and none", err, len(s.Resources("")))
		}
	})
	t.Run("a saved file loads, and no temporary file is left", func(t *testing.T) {
		clock := NewManualClock(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
		s := filledWidgets(t, clock)
		if err := SaveStateFile(path, s); err != nil {
			t.Fatal(err)
		}
		loaded := NewServer(widgetService(), WithClock(clock.Now))
		if err := LoadStateFile(path, loaded); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(s.Resources(""), loaded.Resources("")); diff != "" {
			t.Errorf("resources (-saved +loaded):\n%s", diff)
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 1 {
			t.Errorf("%d files in the directory, want only the state", len(entries))
		}
	})
	t.Run("a corrupt file is an error that names it, and stays as it was", func(t *testing.T) {
		if err := os.WriteFile(path, []byte(`{"version": 1, "services": {"widgets": [`), 0o644); err != nil {
			t.Fatal(err)
		}
		err := LoadStateFile(path, NewServer(widgetService()))
		if err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("got %v, want an error naming %s", err, path)
		}
		if data, _ := os.ReadFile(path); string(data) != `{"version": 1, "services": {"widgets": [` {
			t.Errorf("the corrupt file changed: %q", data)
		}
	})
}

func TestAdvanceClockMovesStatuses(t *testing.T) {
	s := NewServer(widgetService()) // the real clock, the default delay
	call(t, s, "CreateWidget", `{"name":"a"}`)
	var got []string
	for _, step := range []time.Duration{0, DefaultTransitionDelay} {
		s.AdvanceClock(step)
		st, ok := s.Resource("Widget", "a")
		if !ok {
			t.Fatal("widget a not found")
		}
		got = append(got, st.Status)
	}
	if diff := cmp.Diff([]string{"CREATING", "READY"}, got); diff != "" {
		t.Errorf("statuses (-want +got):\n%s", diff)
	}
}

// retiringWidgets is widgetService with a delete that keeps a widget,
// retired, in status GONE, as ECS keeps INACTIVE services.
func retiringWidgets() *Service {
	svc := widgetService()
	for i, ro := range svc.Resources[0].Operations {
		if ro.Role == RoleDelete {
			svc.Resources[0].Operations[i].Transition = &Transition{Then: "GONE"}
		}
	}
	return svc
}

func TestARetiredResourceIsReadNotListedAndSurvivesAStateFile(t *testing.T) {
	clock := NewManualClock(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	s := NewServer(retiringWidgets(), WithClock(clock.Now))
	call(t, s, "CreateWidget", `{"name":"a"}`)
	call(t, s, "CreateWidget", `{"name":"b"}`)
	if status, body := call(t, s, "DeleteWidget", `{"widget":"a"}`); status != http.StatusOK || widgetField(body, "status") != "GONE" {
		t.Fatalf("delete a: %d %v, want GONE", status, body)
	}
	var buf bytes.Buffer
	if err := SaveState(&buf, s); err != nil {
		t.Fatal(err)
	}
	loaded := NewServer(retiringWidgets(), WithClock(clock.Now))
	if err := LoadState(bytes.NewReader(buf.Bytes()), loaded); err != nil {
		t.Fatal(err)
	}
	for name, srv := range map[string]*Server{"as deleted": s, "after a state file": loaded} {
		t.Run(name, func(t *testing.T) {
			if _, body := call(t, srv, "GetWidget", `{"widget":"a"}`); widgetField(body, "status") != "GONE" {
				t.Errorf("read of the retired a: %v, want GONE", body)
			}
			_, body := call(t, srv, "ListWidgets", `{}`)
			var names []string
			for _, w := range body["widgets"].([]any) {
				names = append(names, w.(map[string]any)["name"].(string))
			}
			if diff := cmp.Diff([]string{"b"}, names); diff != "" {
				t.Errorf("listed (-want +got):\n%s", diff)
			}
			if status, body := call(t, srv, "UpdateWidget", `{"widget":"a","size":2}`); status != http.StatusNotFound {
				t.Errorf("update of the retired a: %d %v, want 404", status, body)
			}
			if status, body := call(t, srv, "CreateWidget", `{"name":"a"}`); status != http.StatusOK || widgetField(body, "status") != "CREATING" {
				t.Errorf("a created again: %d %v", status, body)
			}
		})
	}
}
