package mockrt

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestGatherReadsThroughLists(t *testing.T) {
	tree := decodeTree([]byte(`{"TagSpecification":[{"resourceType":"vpc","Tag":[{"key":"a","value":"1"}]},{"Tag":[{"key":"b","value":"2"}]},{"resourceType":"subnet"}],"name":"x","opts":{"on":true}}`))
	for _, tc := range []struct {
		name string
		path []string
		want any
	}{
		{"a path through a list joins the lists of every element", []string{"TagSpecification", "Tag"},
			[]any{map[string]any{"key": "a", "value": "1"}, map[string]any{"key": "b", "value": "2"}}},
		{"a path through a structure is read as lookup reads it", []string{"opts", "on"}, true},
		{"a top-level member is itself", []string{"name"}, "x"},
		{"a member no element has gathers nothing", []string{"TagSpecification", "nope"}, []any(nil)},
		{"a missing member is missing", []string{"nope", "Tag"}, missing},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, gather(tree, tc.path)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestRetagRemovesPairsWhoseValueMatches(t *testing.T) {
	b := &boundOp{ResourceOperation: ResourceOperation{Role: RoleUntag, TagKey: "key", TagValue: "value"}, tags: []string{"tag"}}
	have := packTags([]tagPair{{"env", "test"}, {"team", "a"}, {"tier", "web"}})
	for _, tc := range []struct {
		name  string
		input string
		want  []tagPair
	}{
		{"a key alone removes the tag", `{"tag":[{"key":"team"}]}`, []tagPair{{"env", "test"}, {"tier", "web"}}},
		{"a key with its value removes the tag", `{"tag":[{"key":"env","value":"test"}]}`, []tagPair{{"team", "a"}, {"tier", "web"}}},
		{"a key with another value keeps the tag", `{"tag":[{"key":"env","value":"prod"}]}`, []tagPair{{"env", "test"}, {"team", "a"}, {"tier", "web"}}},
		{"a key the resource does not have changes nothing", `{"tag":[{"key":"owner"}]}`, []tagPair{{"env", "test"}, {"team", "a"}, {"tier", "web"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := retag(b, have, decodeTree([]byte(tc.input))).pairs()
			if diff := cmp.Diff(tc.want, got, cmp.AllowUnexported(tagPair{})); diff != "" {
				t.Errorf("tags (-want +got):\n%s", diff)
			}
		})
	}
}
