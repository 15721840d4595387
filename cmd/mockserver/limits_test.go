package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// startInProcess runs the server in this process with -addr 127.0.0.1:0
// and the given flags, logging to stderr, and returns its base URL; the
// server is shut down when the test ends.
func startInProcess(t *testing.T, stderr io.Writer, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"-addr", "127.0.0.1:0"}, args...), pw, stderr)
		pw.Close()
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("run: %v", err)
		}
	})
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("reading the first line: %v", err)
	}
	go io.Copy(io.Discard, pr)
	return strings.TrimSpace(strings.TrimPrefix(line, "listening on "))
}

func TestIdleTimeoutFlagClosesAnIdleConnection(t *testing.T) {
	url := startInProcess(t, io.Discard, "-idle-timeout", "50ms")
	c, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	// A guard against a hang; the test passes long before it.
	c.SetDeadline(time.Now().Add(10 * time.Second))
	io.WriteString(c, "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: Nope.Nothing\r\nContent-Length: 2\r\n\r\n{}")
	br := bufio.NewReader(c)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if rest, err := io.ReadAll(br); err != nil || len(rest) != 0 {
		t.Errorf("after the answer: read %q, %v; want the connection closed", rest, err)
	}
}

func TestLimitFlagsRejectBadValues(t *testing.T) {
	for _, args := range [][]string{
		{"-read-timeout", "soon"},
		{"-write-timeout", "10"},
		{"-idle-timeout", "x"},
		{"-max-conns", "many"},
	} {
		t.Run(strings.Join(args, " ")+" is refused", func(t *testing.T) {
			if err := run(t.Context(), args, io.Discard, io.Discard); err == nil {
				t.Error("accepted")
			}
		})
	}
}

// logLines hands each line written to it to a channel, so that a test can
// wait for the log line of a request, written after its answer is sent.
type logLines chan string

func (l logLines) Write(p []byte) (int, error) {
	l <- string(p)
	return len(p), nil
}

func TestMaxConnsFlagHoldsTheNextConnection(t *testing.T) {
	lines := make(logLines, 10)
	url := startInProcess(t, lines, "-max-conns", "1")
	dial := func() (net.Conn, *bufio.Reader) {
		c, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		c.SetDeadline(time.Now().Add(10 * time.Second)) // a guard against a hang
		return c, bufio.NewReader(c)
	}
	get := func(c net.Conn, br *bufio.Reader, path string) {
		t.Helper()
		io.WriteString(c, "GET "+path+" HTTP/1.1\r\nHost: x\r\n\r\n")
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	loggedPath := func() string {
		var line struct{ Path string }
		json.Unmarshal([]byte(<-lines), &line)
		return line.Path
	}

	a, ar := dial()
	get(a, ar, "/first")
	b, br := dial()
	io.WriteString(b, "GET /second HTTP/1.1\r\nHost: x\r\n\r\n")
	get(a, ar, "/first-again")
	got := []string{loggedPath(), loggedPath()}
	if diff := cmp.Diff([]string{"/first", "/first-again"}, got); diff != "" {
		t.Errorf("served while one connection is open (-want +got):\n%s", diff)
	}
	a.Close()
	if _, err := http.ReadResponse(br, nil); err != nil {
		t.Fatalf("the second connection after the first closed: %v", err)
	}
	if got := loggedPath(); got != "/second" {
		t.Errorf("then served %q, want /second", got)
	}
}
