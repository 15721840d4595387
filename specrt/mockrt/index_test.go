package mockrt

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMuxIndex(t *testing.T) {
	url := StartTest(t, NewMux(nil, NewServer(restService()), NewServer(jsonService())))
	get := func(t *testing.T, accept string) (*http.Response, string) {
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
			t.Fatalf("status %d, body %s", resp.StatusCode, data)
		}
		return resp, string(data)
	}

	t.Run("GET / lists the services and operations as JSON", func(t *testing.T) {
		resp, body := get(t, "")
		if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
			t.Errorf("Content-Type %q", ct)
		}
		var got any
		if err := json.Unmarshal([]byte(body), &got); err != nil {
			t.Fatalf("not JSON: %s", body)
		}
		var want any
		json.Unmarshal([]byte(`{"services":[
			{"name":"things","protocol":"restJson1","signingName":"things","operations":[{"name":"CreateThing","method":"POST","path":"/things"}]},
			{"name":"jthings","protocol":"awsJson1_1","signingName":"jthings","operations":[{"name":"CreateThing","target":"Things_20200101.CreateThing"}]}]}`), &want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("index (-want +got):\n%s", diff)
		}
	})
	t.Run("GET / from a browser is a small HTML page", func(t *testing.T) {
		resp, body := get(t, "text/html,application/xhtml+xml,*/*;q=0.8")
		if ct := resp.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
			t.Errorf("Content-Type %q", ct)
		}
		for _, want := range []string{"<h2>things (restJson1)</h2>", "<p>SigV4 signing name: things</p>", "<li>CreateThing: POST /things</li>",
			"<li>CreateThing: POST / with X-Amz-Target: Things_20200101.CreateThing</li>"} {
			if !strings.Contains(body, want) {
				t.Errorf("page lacks %q:\n%s", want, body)
			}
		}
	})
}
