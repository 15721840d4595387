package mockrt

import (
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
			tmpl, err := compileTemplate("{arnName:input.cluster}")
			if err != nil {
				t.Fatal(err)
			}
			got := tmpl.eval(&env{input: map[string]any{"cluster": tc.in}})
			if diff := cmp.Diff(any(tc.want), got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestUniqueEntriesArePathsOrTemplates(t *testing.T) {
	var unique []*template
	for _, u := range []string{"{arnName:input.cluster|\"default\"}", "serviceName"} {
		tmpl, err := compileUnique(u)
		if err != nil {
			t.Fatal(err)
		}
		unique = append(unique, tmpl)
	}
	key := func(in map[string]any) string { return uniqueKey(&env{input: in}, unique) }
	byName := key(map[string]any{"cluster": "default", "serviceName": "web"})
	byARN := key(map[string]any{"cluster": "arn:aws:ecs:us-east-1:123456789012:cluster/default", "serviceName": "web"})
	byDefault := key(map[string]any{"serviceName": "web"})
	if byName != byARN || byName != byDefault {
		t.Errorf("keys by name %q, by ARN %q, by default %q: want one key", byName, byARN, byDefault)
	}
	if k := key(map[string]any{"cluster": "default"}); k != "" {
		t.Errorf("key without serviceName = %q, want none: an absent value exempts the request", k)
	}
	refs, err := TemplateRefs("{arnName:input.cluster}")
	if diff := cmp.Diff([]string{"input.cluster"}, refs); diff != "" || err != nil {
		t.Errorf("TemplateRefs: %v (-want +got):\n%s", err, diff)
	}
}
