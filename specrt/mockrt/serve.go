package mockrt

import (
	"net"
	"net/http"
	"sync"
	"time"
)

// The connection limits of the servers NewHTTPServer, Listen and StartTest
// build, unless told otherwise. A test suite never comes near them: a mock
// answers in microseconds, requests are at most the body limit, and test
// clients keep a few connections each. What they stop is a peer that holds
// connections open for nothing (a body sent a byte at a time, a keep-alive
// connection never used again, an answer never read) until the process runs
// out of file descriptors or memory.
const (
	// DefaultReadHeaderTimeout bounds the time to read a request's header.
	DefaultReadHeaderTimeout = 10 * time.Second
	// DefaultReadTimeout bounds the time to read a whole request.
	DefaultReadTimeout = 30 * time.Second
	// DefaultWriteTimeout bounds the time from the end of a request's
	// header to the end of its answer.
	DefaultWriteTimeout = 60 * time.Second
	// DefaultIdleTimeout bounds how long a keep-alive connection waits for
	// its next request.
	DefaultIdleTimeout = 30 * time.Second
	// DefaultMaxConns bounds how many connections are open at once: with
	// about 30 KB per connection, the mock stays under 32 MB of them.
	DefaultMaxConns = 1024
)

type connLimits struct {
	read, write, idle time.Duration
	maxConns          int
}

func defaultConnLimits() connLimits {
	return connLimits{read: DefaultReadTimeout, write: DefaultWriteTimeout, idle: DefaultIdleTimeout, maxConns: DefaultMaxConns}
}

func limitsOf(opts []Option) connLimits {
	o := defaultOptions()
	for _, opt := range opts {
		opt(&o)
	}
	return o.limits
}

// NewHTTPServer returns an http.Server that serves h with the read, write
// and idle timeouts of opts (WithReadTimeout, WithWriteTimeout,
// WithIdleTimeout; the other options are the mock's and are ignored here).
// Serve it on a listener from Listen, which bounds the connections.
func NewHTTPServer(h http.Handler, opts ...Option) *http.Server {
	l := limitsOf(opts)
	srv := &http.Server{Handler: h, ReadHeaderTimeout: DefaultReadHeaderTimeout}
	l.apply(srv)
	return srv
}

func (l connLimits) apply(srv *http.Server) {
	srv.ReadTimeout = max(l.read, 0)
	srv.WriteTimeout = max(l.write, 0)
	srv.IdleTimeout = max(l.idle, 0)
	if l.read > 0 && l.read < srv.ReadHeaderTimeout {
		srv.ReadHeaderTimeout = l.read
	}
}

// Listen listens on the TCP address addr and lets at most WithMaxConns of
// opts connections be open at once (see LimitListener).
func Listen(addr string, opts ...Option) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	return LimitListener(ln, limitsOf(opts).maxConns), nil
}

// LimitListener returns ln with at most n of the connections it accepted
// open at once; n <= 0 returns ln itself.
//
// When n are open, Accept waits until one is closed rather than accepting
// and closing the next: a client then waits in the kernel's listen queue
// and is served as soon as a connection is freed (the timeouts bound how
// long that is) instead of failing at once, and the process holds no file
// descriptor for it meanwhile. Closing the listener ends a waiting Accept.
func LimitListener(ln net.Listener, n int) net.Listener {
	if n <= 0 {
		return ln
	}
	return &limitListener{Listener: ln, slots: make(chan struct{}, n), closed: make(chan struct{})}
}

type limitListener struct {
	net.Listener
	slots     chan struct{} // one element per open connection
	closed    chan struct{}
	closeOnce sync.Once
}

func (l *limitListener) Accept() (net.Conn, error) {
	select {
	case l.slots <- struct{}{}:
	case <-l.closed:
		return nil, net.ErrClosed
	}
	c, err := l.Listener.Accept()
	if err != nil {
		<-l.slots
		return nil, err
	}
	return &limitConn{Conn: c, release: func() { <-l.slots }}, nil
}

func (l *limitListener) Close() error {
	l.closeOnce.Do(func() { close(l.closed) })
	return l.Listener.Close()
}

// limitConn gives its slot back when it is closed, once however often it
// is closed.
type limitConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *limitConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.release)
	return err
}
