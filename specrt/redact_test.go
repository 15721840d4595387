package specrt

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"
)

type inner struct {
	Token *string `json:"token" specgen:"sensitive"`
	Name  string  `json:"name"`
}

func (v inner) Format(f fmt.State, verb rune) { Format(f, verb, v) }
func (v inner) LogValue() slog.Value          { return LogValue(v) }

type outer struct {
	ID      *string           `json:"id"`
	Env     map[string]string `json:"env" specgen:"sensitive"`
	Parts   []inner           `json:"parts"`
	Created *time.Time        `json:"created"`
}

func (v outer) Format(f fmt.State, verb rune) { Format(f, verb, v) }
func (v outer) LogValue() slog.Value          { return LogValue(v) }

func TestSensitiveValuesNeverPrint(t *testing.T) {
	id, tok := "svc-1", "tok-SECRET"
	at := time.Unix(1700000000, 0).UTC()
	v := outer{ID: &id, Env: map[string]string{"PASSWORD": "pw-SECRET"}, Parts: []inner{{Token: &tok, Name: "a"}}, Created: &at}
	var outputs []string
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		outputs = append(outputs, fmt.Sprintf(verb, v), fmt.Sprintf(verb, &v))
	}
	for _, h := range []func(*bytes.Buffer) slog.Handler{
		func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) },
		func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) },
	} {
		var buf bytes.Buffer
		slog.New(h(&buf)).Info("call", "in", v, "ptr", &v)
		outputs = append(outputs, buf.String())
	}
	for _, out := range outputs {
		if strings.Contains(out, "SECRET") || strings.Contains(out, "PASSWORD") {
			t.Errorf("output leaks a sensitive value: %s", out)
		}
		if !strings.Contains(out, Redacted) {
			t.Errorf("output does not mark the redaction: %s", out)
		}
		if !strings.Contains(out, "svc-1") {
			t.Errorf("output lost a plain value: %s", out)
		}
	}
	if got := fmt.Sprintf("%+v", v); !strings.Contains(got, "ID:svc-1") || !strings.Contains(got, "Name:a") {
		t.Errorf("%%+v = %s, want field names and values", got)
	}
}

// node is shaped like the generated type of a recursive structure: it holds
// itself through a pointer, a list and a map, and a sensitive member.
type node struct {
	Name     *string         `json:"name"`
	Secret   *string         `json:"secret" specgen:"sensitive"`
	Parent   *node           `json:"parent"`
	Children []node          `json:"children"`
	ByName   map[string]node `json:"byName"`
}

func (v node) Format(f fmt.State, verb rune) { Format(f, verb, v) }
func (v node) LogValue() slog.Value          { return LogValue(v) }

func TestValuesThatContainThemselvesPrintOnce(t *testing.T) {
	name, secret := "root", "tok-SECRET"
	cases := []struct {
		name string
		make func() *node
	}{
		{"a child pointing back to its parent", func() *node {
			root := &node{Name: &name, Secret: &secret}
			root.Children = []node{{Name: &name, Parent: root}}
			return root
		}},
		{"a node that is its own parent", func() *node {
			root := &node{Name: &name, Secret: &secret}
			root.Parent = root
			return root
		}},
		{"a list that holds itself", func() *node {
			list := make([]node, 1)
			list[0] = node{Name: &name, Secret: &secret, Children: list}
			return &node{Children: list}
		}},
		{"a map that holds itself", func() *node {
			m := map[string]node{}
			m["self"] = node{Name: &name, Secret: &secret, ByName: m}
			return &node{ByName: m}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := c.make()
			var buf bytes.Buffer
			slog.New(slog.NewJSONHandler(&buf, nil)).Info("call", "in", v)
			for _, out := range []string{fmt.Sprintf("%+v", v), fmt.Sprintf("%v", *v), buf.String()} {
				if !strings.Contains(out, Cycle) {
					t.Errorf("output does not mark the cycle: %s", out)
				}
				if strings.Contains(out, "SECRET") || !strings.Contains(out, Redacted) {
					t.Errorf("output does not redact the secret in the cycle: %s", out)
				}
			}
		})
	}
}
