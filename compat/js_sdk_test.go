package compat

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// The AWS SDK for JavaScript v3 against cmd/mockserver: each script of
// js/scenarios drives one service's resources through the SDK's own
// clients, paginators and typed exceptions (see js/lib.mjs), and its exit
// code is the verdict. The SDK packages are pinned in js/package-lock.json
// and installed by `npm ci` in compat/js (.ci/run does it).

// skipJSEnv names the environment variable that skips the JavaScript
// scenarios on a machine without node or the installed packages; CI does
// not set it.
const skipJSEnv = "SPECGEN_SKIP_JS"

// jsScenarioTimeout bounds one scenario: they take a second or two; a mock
// that hangs must not hang the test run.
const jsScenarioTimeout = 2 * time.Minute

func TestJSSDKScenarios(t *testing.T) {
	if testing.Short() {
		t.Skip("builds cmd/mockserver and runs node")
	}
	if os.Getenv(skipJSEnv) != "" {
		t.Skipf("%s is set", skipJSEnv)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("node is not installed: install Node.js 18 or later and run `npm ci` in compat/js (as .ci/run does), or set %s=1 to skip", skipJSEnv)
	}
	if _, err := os.Stat(filepath.Join("js", "node_modules", "@aws-sdk")); err != nil {
		t.Fatalf("compat/js/node_modules is missing: run `npm ci` in compat/js (as .ci/run does), or set %s=1 to skip", skipJSEnv)
	}
	scripts, err := filepath.Glob(filepath.Join("js", "scenarios", "*.mjs"))
	if err != nil || len(scripts) == 0 {
		t.Fatalf("no scenarios in js/scenarios: %v", err)
	}
	creds, _ := testCreds.Retrieve(t.Context())
	url := startMockserver(t, "-region", mockRegion, "-access-key", creds.AccessKeyID, "-secret-key", creds.SecretAccessKey)

	for _, script := range scripts {
		name := strings.TrimSuffix(filepath.Base(script), ".mjs")
		t.Run(name+" runs through the JavaScript SDK", func(t *testing.T) {
			ctx, cancel := context.WithTimeout(t.Context(), jsScenarioTimeout)
			defer cancel()
			cmd := exec.CommandContext(ctx, node, script)
			cmd.Env = append(os.Environ(),
				"SPECGEN_ENDPOINT="+url, "SPECGEN_REGION="+mockRegion,
				"SPECGEN_ACCESS_KEY="+creds.AccessKeyID, "SPECGEN_SECRET_KEY="+creds.SecretAccessKey,
				// The SDK warns on stderr that its 2027 releases need node 22.
				"NODE_NO_WARNINGS=1")
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			if ctx.Err() != nil {
				t.Fatalf("node %s did not finish in %v:\n%s%s", script, jsScenarioTimeout, &stdout, &stderr)
			}
			if err != nil {
				t.Fatalf("node %s: %v\n%s%s", script, err, &stdout, &stderr)
			}
			if first, _, _ := strings.Cut(stdout.String(), "\n"); strings.HasPrefix(first, "skip  every step") {
				t.Skip(first)
			}
			for _, line := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
				if strings.HasPrefix(line, "skip") {
					t.Log(line)
				}
			}
		})
	}
}

// startMockserver builds cmd/mockserver, starts it on a free port of the
// loopback with args, and returns its base URL; the server is stopped when
// the test ends.
func startMockserver(t *testing.T, args ...string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "mockserver")
	build := exec.Command("go", "build", "-o", bin, "github.com/specgen/specgen/cmd/mockserver")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build cmd/mockserver: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, append([]string{"-addr", "127.0.0.1:0"}, args...)...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr lockedBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		// Built under make test's -race, the server reports a data race on
		// its standard error and goes on serving: the test says so.
		if log := stderr.String(); strings.Contains(log, "WARNING: DATA RACE") {
			t.Errorf("the race detector reported a data race in cmd/mockserver:\n%s", log)
		} else if t.Failed() {
			t.Logf("mockserver's log:\n%s", log)
		}
	})
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("mockserver's first line: %v (log: %s)", err, stderr.String())
	}
	m := regexp.MustCompile(`^listening on (http://127\.0\.0\.1:[0-9]+)\n$`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("mockserver's first line %q, want \"listening on http://HOST:PORT\"", line)
	}
	go io.Copy(io.Discard, stdout)
	return m[1]
}

// lockedBuffer is a bytes.Buffer the server's process writes to while the
// test may read it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
