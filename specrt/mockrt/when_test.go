package mockrt

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCaseConditions(t *testing.T) {
	cases, err := compileCases([]Case{{
		Input:    []Field{{Path: "Name", Value: []any{map[string]any{"endsWith": ".fifo"}}}, {Path: "Attributes.FifoTopic", Value: []any{nil, "false"}}},
		Resource: []Field{{Path: "Kind", Value: []any{"topic"}}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	c := &cases[0]
	topic := map[string]any{"Kind": "topic"}
	for _, tc := range []struct {
		name       string
		tree, desc map[string]any
		want       bool
	}{
		{"a name with the suffix and no attribute applies", map[string]any{"Name": "a.fifo"}, topic, true},
		{"an attribute of a listed value applies", map[string]any{"Name": "a.fifo", "Attributes": map[string]any{"FifoTopic": "false"}}, topic, true},
		{"an attribute of another value does not", map[string]any{"Name": "a.fifo", "Attributes": map[string]any{"FifoTopic": "true"}}, topic, false},
		{"a name without the suffix does not", map[string]any{"Name": "a.fifo.x"}, topic, false},
		{"a name left out does not", map[string]any{}, topic, false},
		{"a resource of another value does not", map[string]any{"Name": "a.fifo"}, map[string]any{"Kind": "queue"}, false},
		{"no resource at all does not", map[string]any{"Name": "a.fifo"}, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := c.applies(tc.tree, tc.desc); got != tc.want {
				t.Errorf("applies = %v, want %v", got, tc.want)
			}
		})
	}
	t.Run("a condition value of another form is refused", func(t *testing.T) {
		_, err := compileCases([]Case{{Input: []Field{{Path: "Name", Value: []any{map[string]any{"startsWith": "a"}}}}}})
		if err == nil {
			t.Error("compileCases took {startsWith}")
		}
	})
}

func TestHidePrivateMembers(t *testing.T) {
	k := &kind{privatePaths: [][]string{{"Token"}, {"secret", "key"}, {"absent", "x"}}}
	got := k.hide(map[string]any{"Token": "t", "Arn": "a", "secret": map[string]any{"key": "k", "other": "o"}})
	want := map[string]any{"Arn": "a", "secret": map[string]any{"other": "o"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("hide (-want +got):\n%s", diff)
	}
}

func TestCountDeletedNeverFalls(t *testing.T) {
	parent := &kind{Resource: &Resource{Name: "Topic", Attributes: "Attributes"}}
	child := &kind{Resource: &Resource{Name: "Sub"}, parent: parent,
		countsWhere: compileCounts([]Count{{Member: "Live"}, {Member: "Deleted", Deleted: true}})}
	en := &engine{}
	p := &record{kind: parent, desc: `{"Live":"0","Deleted":"0"}`}
	r := &record{kind: child, parent: p, desc: `{}`}
	step := func(gone bool) []string {
		r.gone = gone
		desc := p.tree()
		en.countWhere(r, desc)
		data, _ := appendJSON(nil, desc)
		p.desc = string(data)
		d := p.tree()
		return []string{textOf(d["Live"]), textOf(d["Deleted"])}
	}
	if diff := cmp.Diff([]string{"1", "0"}, step(false)); diff != "" {
		t.Errorf("live, deleted after one comes (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"0", "1"}, step(true)); diff != "" {
		t.Errorf("live, deleted after it goes (-want +got):\n%s", diff)
	}
}
