package main

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// startBinary builds and starts the mockserver binary with -addr
// 127.0.0.1:0 and returns its base URL, the process and its standard error.
func startBinary(t *testing.T, args ...string) (string, *exec.Cmd, *strings.Builder) {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "mockserver")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		t.Fatalf("build: %v", err)
	}
	cmd := exec.Command(bin, append([]string{"-addr", "127.0.0.1:0"}, args...)...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr := &strings.Builder{}
	cmd.Stderr = stderr // read only after Wait
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("reading the first line: %v", err)
	}
	m := regexp.MustCompile(`^listening on (http://127\.0\.0\.1:[0-9]+)\n$`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("first line %q, want exactly \"listening on http://HOST:PORT\"", line)
	}
	return m[1], cmd, stderr
}

func call(t *testing.T, url, target, contentType, path, body string) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest("POST", url+path, strings.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	if target != "" {
		req.Header.Set("X-Amz-Target", target)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var m map[string]any
	data, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s %s: body %q is not JSON", target, path, data)
	}
	return resp.StatusCode, m
}

func TestBinaryServesAllFiveAndShutsDownOnSignal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	url, cmd, stderr := startBinary(t)
	calls := []struct {
		name, target, contentType, path, body string
		status                                int
	}{
		{"App Runner", "AppRunner.CreateService", "application/x-amz-json-1.0", "/",
			`{"ServiceName":"my-service","SourceConfiguration":{"ImageRepository":{"ImageIdentifier":"public.ecr.aws/aws-containers/hello-app-runner:latest","ImageRepositoryType":"ECR_PUBLIC"}}}`, 200},
		{"ECS", "AmazonEC2ContainerServiceV20141113.CreateExpressGatewayService", "application/x-amz-json-1.1", "/",
			`{"executionRoleArn":"arn:aws:iam::123456789012:role/x","infrastructureRoleArn":"arn:aws:iam::123456789012:role/y","primaryContainer":{"image":"nginx"}}`, 200},
		{"Lightsail", "Lightsail_20161128.CreateCertificate", "application/x-amz-json-1.1", "/",
			`{"certificateName":"my-cert","domainName":"example.com"}`, 200},
		{"Cloud Map", "Route53AutoNaming_v20170314.CreatePrivateDnsNamespace", "application/x-amz-json-1.1", "/",
			`{"Name":"example.local","Vpc":"vpc-1","CreatorRequestId":"r1"}`, 200},
		{"VPC Lattice", "", "application/json", "/services", `{"name":"my-service"}`, 201},
		{"an unknown target", "Nope.Nothing", "application/x-amz-json-1.1", "/", `{}`, 400},
	}
	for _, c := range calls {
		status, body := call(t, url, c.target, c.contentType, c.path, c.body)
		if status != c.status {
			t.Errorf("%s: status %d, want %d (%v)", c.name, status, c.status, body)
		}
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("exit after SIGINT: %v\nstderr:\n%s", err, stderr)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no exit 10s after SIGINT")
	}
	var requests int
	for _, line := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Errorf("log line is not JSON: %q", line)
			continue
		}
		if rec["msg"] == "request" {
			requests++
			if rec["status"] == nil || rec["method"] == nil {
				t.Errorf("request log line lacks status or method: %q", line)
			}
		}
	}
	if requests != len(calls) {
		t.Errorf("%d request log lines, want one per request (%d)\n%s", requests, len(calls), stderr)
	}
}

func TestBinaryVerifiesSignaturesWhenGivenKeys(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	url, _, _ := startBinary(t, "-access-key", "AKID", "-secret-key", "SECRET")
	status, body := call(t, url, "", "application/json", "/services", `{"name":"my-service"}`)
	if status != 403 || body["__type"] != "MissingAuthenticationTokenException" {
		t.Errorf("unsigned request: %d %v", status, body)
	}
}

func TestBadFlags(t *testing.T) {
	var out, errOut strings.Builder
	if err := run(t.Context(), []string{"-access-key", "x"}, &out, &errOut); err == nil {
		t.Error("an access key without a secret was accepted")
	}
	if err := run(t.Context(), []string{"extra"}, &out, &errOut); err == nil {
		t.Error("a stray argument was accepted")
	}
}
