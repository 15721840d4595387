package main

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// startInProcess runs the server in this process with -addr 127.0.0.1:0
// and the given flags, and returns its base URL; the server is shut down
// when the test ends.
func startInProcess(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"-addr", "127.0.0.1:0"}, args...), pw, io.Discard)
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
	url := startInProcess(t, "-idle-timeout", "50ms")
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
