package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runUntilStopped starts run in-process and returns its URL and a function
// that stops it and returns run's error.
func runUntilStopped(t *testing.T, args ...string) (string, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"-addr", "127.0.0.1:0"}, args...), pw, io.Discard)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		cancel()
		t.Fatalf("reading the first line: %v (run: %v)", err, <-done)
	}
	go io.Copy(io.Discard, pr)
	stopped := false
	stop := func() error {
		if stopped {
			return nil
		}
		stopped = true
		cancel()
		return <-done
	}
	t.Cleanup(func() { stop() })
	return strings.TrimSpace(strings.TrimPrefix(line, "listening on ")), stop
}

func controlDo(t *testing.T, method, url string, body string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(data)
}

func TestStateFileIsSavedOnRequestAndAtShutdown(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	url, stop := runUntilStopped(t, "-state", path)
	if status, body := controlDo(t, "POST", url+"/_specgen/state", ""); status != 200 {
		t.Fatalf("POST /_specgen/state: %d %s", status, body)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("no state after POST /_specgen/state: %v", err)
	}
	os.Remove(path)
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no state after shutdown: %v", err)
	}
	var f struct{ Version int }
	if err := json.Unmarshal(data, &f); err != nil || f.Version != 1 {
		t.Errorf("state %q: version %d, %v", data, f.Version, err)
	}
	// The saved state loads again.
	_, stop = runUntilStopped(t, "-state", path)
	if err := stop(); err != nil {
		t.Errorf("restart with the saved state: %v", err)
	}
}

func TestUnreadableStateStopsTheStartAndIsKept(t *testing.T) {
	for _, tc := range []struct{ name, state, want string }{
		{"a corrupt file", `{"version": 1, "services": {`, "not a specgen mock state"},
		{"a state of a later version", `{"version": 99, "services": {}}`, "later specgen"},
		{"a state of a service not served", `{"version": 1, "services": {"other": []}}`, "service other"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "state.json")
			if err := os.WriteFile(path, []byte(tc.state), 0o644); err != nil {
				t.Fatal(err)
			}
			err := run(context.Background(), []string{"-addr", "127.0.0.1:0", "-state", path}, io.Discard, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), path) {
				t.Errorf("got %v, want an error naming %s and saying %q", err, path, tc.want)
			}
			if data, _ := os.ReadFile(path); string(data) != tc.state {
				t.Errorf("the state file changed to %q", data)
			}
		})
	}
}

func TestControlEndpointsBesideTheMocks(t *testing.T) {
	url, _ := runUntilStopped(t, "-records", "10")
	if status, body := controlDo(t, "POST", url+"/_specgen/errors", `{"service":"apprunner","operation":"CreateService","code":"InternalServiceErrorException","status":500}`); status != 200 {
		t.Fatalf("inject: %d %s", status, body)
	}
	status, m := call(t, url, "AppRunner.CreateService", "application/x-amz-json-1.0", "/", `{}`)
	if status != 500 || m["__type"] != "InternalServiceErrorException" {
		t.Errorf("after injection: %d %v", status, m)
	}
	status, body := controlDo(t, "GET", url+"/_specgen/requests?service=apprunner", "")
	if status != 200 || !strings.Contains(body, `"operation": "CreateService"`) {
		t.Errorf("requests: %d %s", status, body)
	}
	if status, body := controlDo(t, "GET", url+"/_specgen/nothing", ""); status != 404 || !strings.Contains(body, "no control endpoint") {
		t.Errorf("unknown endpoint: %d %s", status, body)
	}
}
