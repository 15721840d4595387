package mockrt

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// guard bounds every raw-connection read of these tests, so that a broken
// limit fails the test instead of hanging it; no assertion depends on it.
const guard = 10 * time.Second

// dialRaw opens a TCP connection to the server at url.
func dialRaw(t *testing.T, url string) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	if err := c.SetDeadline(time.Now().Add(guard)); err != nil {
		t.Fatal(err)
	}
	return c
}

// readUntilClosed reads c until the server closes it; it fails the test if
// the guard runs out first.
func readUntilClosed(t *testing.T, c net.Conn) string {
	t.Helper()
	data, err := io.ReadAll(c)
	if err != nil {
		t.Fatalf("the server did not close the connection: %v (read %q)", err, data)
	}
	return string(data)
}

func TestServerTimeouts(t *testing.T) {
	t.Run("a body sent too slowly is cut off by the read timeout", func(t *testing.T) {
		url := StartTest(t, NewServer(restService()), WithReadTimeout(50*time.Millisecond))
		c := dialRaw(t, url)
		// Two bytes of a 100-byte body, and then nothing.
		io.WriteString(c, "POST /things HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"")
		got := readUntilClosed(t, c)
		if strings.HasPrefix(got, "HTTP/1.1 5") {
			t.Errorf("answered a server error:\n%s", got)
		}
	})
	t.Run("an idle keep-alive connection is closed by the idle timeout", func(t *testing.T) {
		url := StartTest(t, NewServer(restService()), WithIdleTimeout(50*time.Millisecond))
		c := dialRaw(t, url)
		io.WriteString(c, "GET /things HTTP/1.1\r\nHost: x\r\n\r\n")
		br := bufio.NewReader(c)
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.Close {
			t.Fatal("the server meant to close the connection anyway; the test proves nothing")
		}
		if rest, err := io.ReadAll(br); err != nil || len(rest) != 0 {
			t.Errorf("after the answer: read %q, %v; want the connection closed", rest, err)
		}
	})
}

func TestMaxConnsHoldsTheNextConnectionUntilOneCloses(t *testing.T) {
	var mu sync.Mutex
	var served []string
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		served = append(served, r.URL.Path)
		mu.Unlock()
	})
	servedSoFar := func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(served)
	}
	url := StartTest(t, h, WithMaxConns(2))
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
	a, b := dialRaw(t, url), dialRaw(t, url)
	ar, br := bufio.NewReader(a), bufio.NewReader(b)
	get(a, ar, "/a")
	get(b, br, "/b")

	// The third connection is made (the kernel queues it) and sends its
	// request, which nobody reads while a and b are open.
	c := dialRaw(t, url)
	io.WriteString(c, "GET /c HTTP/1.1\r\nHost: x\r\n\r\n")
	get(a, ar, "/a-again")
	if diff := cmp.Diff([]string{"/a", "/b", "/a-again"}, servedSoFar()); diff != "" {
		t.Errorf("served while two connections are open (-want +got):\n%s", diff)
	}

	a.Close()
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("the third connection after the first closed: %v", err)
	}
	resp.Body.Close()
	if diff := cmp.Diff([]string{"/a", "/b", "/a-again", "/c"}, servedSoFar()); diff != "" {
		t.Errorf("served after one connection closed (-want +got):\n%s", diff)
	}
}

func TestLimitListenerCloseEndsAWaitingAccept(t *testing.T) {
	inner, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ln := LimitListener(inner, 1)
	defer ln.Close()
	d, err := net.Dial("tcp", inner.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	held, err := ln.Accept()
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	done := make(chan error, 1)
	go func() {
		_, err := ln.Accept()
		done <- err
	}()
	ln.Close()
	if err := <-done; !errors.Is(err, net.ErrClosed) {
		t.Errorf("Accept after Close: %v, want net.ErrClosed", err)
	}
}

func TestNewHTTPServerTimeouts(t *testing.T) {
	type timeouts struct{ ReadHeader, Read, Write, Idle time.Duration }
	cases := []struct {
		name string
		opts []Option
		want timeouts
	}{
		{"defaults are used without options", nil,
			timeouts{DefaultReadHeaderTimeout, DefaultReadTimeout, DefaultWriteTimeout, DefaultIdleTimeout}},
		{"options set each timeout",
			[]Option{WithReadTimeout(time.Minute), WithWriteTimeout(2 * time.Minute), WithIdleTimeout(3 * time.Minute)},
			timeouts{DefaultReadHeaderTimeout, time.Minute, 2 * time.Minute, 3 * time.Minute}},
		{"a read timeout shorter than the header's bounds the header too",
			[]Option{WithReadTimeout(time.Second)},
			timeouts{time.Second, time.Second, DefaultWriteTimeout, DefaultIdleTimeout}},
		{"negative timeouts mean none",
			[]Option{WithReadTimeout(-1), WithWriteTimeout(-1), WithIdleTimeout(-1)},
			timeouts{DefaultReadHeaderTimeout, 0, 0, 0}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := NewHTTPServer(http.NotFoundHandler(), c.opts...)
			got := timeouts{srv.ReadHeaderTimeout, srv.ReadTimeout, srv.WriteTimeout, srv.IdleTimeout}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("timeouts (-want +got):\n%s", diff)
			}
		})
	}
}
