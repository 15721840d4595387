package specrt

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDocument(t *testing.T) {
	for _, tc := range []struct {
		name string
		wire string
		want string // the document's text; "" for none
	}{
		{"an object is kept as sent", `{"doc":{"b":[1,2.5,"x"],"a":null}}`, `{"b":[1,2.5,"x"],"a":null}`},
		{"a scalar is a document", `{"doc":"text"}`, `"text"`},
		{"a number keeps its digits", `{"doc":12345678901234567890}`, `12345678901234567890`},
		{"null is no document", `{"doc":null}`, ``},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var w struct {
				Doc Document `json:"doc,omitempty"`
			}
			if err := json.Unmarshal([]byte(tc.wire), &w); err != nil {
				t.Fatal(err)
			}
			if tc.want == "" {
				// encoding/json hands null to UnmarshalJSON, which leaves the
				// document unset.
				if w.Doc != nil {
					t.Errorf("got %q for null, want nil", w.Doc)
				}
				return
			}
			if diff := cmp.Diff(tc.want, w.Doc.String()); diff != "" {
				t.Errorf("encoding/json document differs (-want +got):\n%s", diff)
			}
			back, err := json.Marshal(w)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(`{"doc":`+tc.want+`}`, string(back)); diff != "" {
				t.Errorf("re-encoding differs (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("a document that is not JSON is refused when encoded", func(t *testing.T) {
		if _, err := json.Marshal(struct{ D Document }{Document("{")}); err == nil {
			t.Error("encoded a broken document")
		}
	})
	t.Run("NewDocument and Decode round-trip a Go value", func(t *testing.T) {
		doc, err := NewDocument(map[string]any{"k": []int{1, 2}})
		if err != nil {
			t.Fatal(err)
		}
		var got map[string][]int
		if err := doc.Decode(&got); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(map[string][]int{"k": {1, 2}}, got); diff != "" {
			t.Errorf("round trip differs (-want +got):\n%s", diff)
		}
	})
}
