package tmpl

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestARNNameTakesTheLastResourceSegment(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"a short name is itself", "default", "default"},
		{"a cluster ARN ends with its name", "arn:aws:ecs:us-east-1:123456789012:cluster/default", "default"},
		{"a nested resource ends with its last segment", "arn:aws:ecs:us-east-1:123456789012:service/prod/web", "web"},
		{"a resource after a colon ends with its last segment", "arn:aws:lambda:us-east-1:123456789012:function:my-fn", "my-fn"},
		{"a resource without segments is the resource", "arn:aws:sns:us-east-1:123456789012:topic", "topic"},
		{"a text that only starts like an ARN is itself", "arn:aws:ecs", "arn:aws:ecs"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tmpl, err := Compile("{arnName:input.cluster}")
			if err != nil {
				t.Fatal(err)
			}
			got := tmpl.Eval(&Env{Input: map[string]any{"cluster": tc.in}})
			if diff := cmp.Diff(any(tc.want), got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestTemplateAlternatives(t *testing.T) {
	tmpl, err := Compile(map[string]any{
		"a": `{input.x|input.y|"none"}`,
		"b": `{input.missing|80}`,
		"c": `{input.missing|true}`,
		"d": `pre-{input.missing|"x"}`,
		"e": `{input.y|"none"}`,
	})
	if err != nil {
		t.Fatal(err)
	}
	got := tmpl.Eval(&Env{Input: map[string]any{"y": "why"}})
	want := map[string]any{"a": "why", "b": json.Number("80"), "c": true, "d": "pre-x", "e": "why"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if _, err := Compile(`{input.x|"unclosed}`); err == nil {
		t.Error("a bad literal alternative was accepted")
	}
}

func TestRefsNamesTheMembersAFunctionTakes(t *testing.T) {
	refs, err := Refs("{arnName:input.cluster}")
	if diff := cmp.Diff([]string{"input.cluster"}, refs); diff != "" || err != nil {
		t.Errorf("Refs: %v (-want +got):\n%s", err, diff)
	}
}
