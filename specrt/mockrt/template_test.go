package mockrt

import "testing"

func TestUniqueEntriesArePathsOrTemplates(t *testing.T) {
	var unique []*template
	for _, u := range []string{"{arnName:input.cluster|\"default\"}", "serviceName"} {
		tmpl, err := compileUnique(u)
		if err != nil {
			t.Fatal(err)
		}
		unique = append(unique, tmpl)
	}
	key := func(in map[string]any) string { return uniqueKey(&env{Input: in}, unique) }
	byName := key(map[string]any{"cluster": "default", "serviceName": "web"})
	byARN := key(map[string]any{"cluster": "arn:aws:ecs:us-east-1:123456789012:cluster/default", "serviceName": "web"})
	byDefault := key(map[string]any{"serviceName": "web"})
	if byName != byARN || byName != byDefault {
		t.Errorf("keys by name %q, by ARN %q, by default %q: want one key", byName, byARN, byDefault)
	}
	if k := key(map[string]any{"cluster": "default"}); k != "" {
		t.Errorf("key without serviceName = %q, want none: an absent value exempts the request", k)
	}
}
