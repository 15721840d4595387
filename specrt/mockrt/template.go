package mockrt

import (
	"strconv"
	"strings"

	"github.com/specgen/specgen/specrt/mockrt/tmpl"
)

// The template language lives in package tmpl, which the generator imports
// without the mock's HTTP stack; these names keep the engine's code as it
// reads around it.
type (
	template = tmpl.Template
	env      = tmpl.Env
)

// missing is what an expression that found nothing yields.
var missing = tmpl.Missing

func compileTemplate(v any) (*template, error) { return tmpl.Compile(v) }

func lookup(m map[string]any, path []string) any { return tmpl.Lookup(m, path) }

func writeText(b *strings.Builder, v any) { tmpl.WriteText(b, v) }

func newUUID() string { return tmpl.NewUUID() }

// NewUUID returns a random UUID version 4, for hooks that need one.
func NewUUID() string { return tmpl.NewUUID() }

// setPath stores v at path in m, creating the objects on the way. A
// segment after a list is an index into it (deployments.0.runningCount);
// it does nothing when a value on the way is neither an object nor such
// a list.
func setPath(m map[string]any, path []string, v any) {
	for k := 0; k < len(path)-1; k++ {
		p := path[k]
		next, ok := m[p]
		if !ok || next == nil {
			child := map[string]any{}
			m[p] = child
			m = child
			continue
		}
		if list, ok := next.([]any); ok && k+1 < len(path)-1 {
			i, err := strconv.Atoi(path[k+1])
			if err != nil || i < 0 || i >= len(list) {
				return
			}
			next = list[i]
			k++
		}
		child, ok := next.(map[string]any)
		if !ok {
			return
		}
		m = child
	}
	m[path[len(path)-1]] = v
}
