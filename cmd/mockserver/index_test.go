package main

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestGetRootListsWhatIsServed(t *testing.T) {
	url := startInProcess(t, io.Discard)
	get := func(t *testing.T, accept string) (string, string) {
		t.Helper()
		req, _ := http.NewRequest("GET", url+"/", nil)
		if accept != "" {
			req.Header.Set("Accept", accept)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		data, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("status %d: %s", resp.StatusCode, data)
		}
		return resp.Header.Get("Content-Type"), string(data)
	}
	t.Run("as JSON by default, naming every service", func(t *testing.T) {
		ct, body := get(t, "")
		var x struct {
			Services []struct {
				Name       string
				Operations []struct{ Name string }
			}
		}
		if err := json.Unmarshal([]byte(body), &x); ct != "application/json" || err != nil {
			t.Fatalf("Content-Type %q, %v: %s", ct, err, body)
		}
		var names []string
		for _, s := range x.Services {
			names = append(names, s.Name)
			if len(s.Operations) == 0 {
				t.Errorf("%s lists no operation", s.Name)
			}
		}
		if got, want := strings.Join(names, " "), "apprunner cloudwatch ec2 ecs lightsail route53 scheduler servicediscovery sns vpclattice"; got != want {
			t.Errorf("services %q, want %q", got, want)
		}
	})
	t.Run("as HTML to a browser", func(t *testing.T) {
		ct, body := get(t, "text/html")
		if ct != "text/html; charset=utf-8" || !strings.Contains(body, "<h2>vpclattice (restJson1)</h2>") {
			t.Errorf("Content-Type %q, page:\n%s", ct, body)
		}
	})
}
