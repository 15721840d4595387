// Command mockserver serves the mock of every generated service on one
// address. It routes as AWS front ends do: a signed request goes to the
// service its SigV4 credential scope names (Authorization header, or
// X-Amz-Credential when presigned); an unsigned one by its X-Amz-Target
// header (awsJson) or its method and path (restJson1). An unsigned request
// that several services have an operation for, such as POST
// /tags/{resourceArn}, is answered 400 AmbiguousRouteException naming them;
// a signing name no service has, 400 UnknownServiceException (see
// mockrt.Mux). GET / lists the services and operations served, as JSON or,
// to a browser, as a page.
//
//	go run ./cmd/mockserver -addr 127.0.0.1:4566
//
// The first line on standard output is exactly "listening on
// http://HOST:PORT" (with -addr 127.0.0.1:0 the port is picked free), so a
// script can wait for it. Each request is logged as one JSON line on
// standard error. SIGINT or SIGTERM shuts the server down cleanly, letting
// requests in flight finish.
//
// A peer cannot hold connections for nothing: a request must be read within
// -read-timeout, answered within -write-timeout, and a keep-alive
// connection is closed after -idle-timeout without a request. At most
// -max-conns connections are open at once; past that, new ones wait in the
// listen queue until one closes. The defaults are far beyond what a test
// suite needs.
//
// It serves what gen/mocks, generated with the services, lists: a service
// added to specs/ is served after make generate, with no edit here. It does
// not import the generator.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/specgen/specgen/gen/mocks"
	"github.com/specgen/specgen/specrt/mockrt"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "mockserver:", err)
		os.Exit(1)
	}
}

// shutdownTimeout is how long requests in flight get to finish.
const shutdownTimeout = 5 * time.Second

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("mockserver", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:4566", "address to listen on; port 0 picks a free one")
	maxResources := fs.Int("max-resources", mockrt.DefaultMaxResources, "resources kept per collection before creates get the quota error; 0 for no limit")
	maxStoreBytes := fs.Int64("max-store-bytes", mockrt.DefaultMaxStoreBytes, "bytes of resources kept in all before creates get the quota error; 0 for no limit")
	region := fs.String("region", mockrt.DefaultRegion, "region the mocks pretend to be in (ARNs; SigV4 scope)")
	account := fs.String("account", mockrt.DefaultAccountID, "account id used in ARNs")
	accessKey := fs.String("access-key", "", "with -secret-key: verify SigV4 signatures made with this key pair (default: accept any credentials)")
	secretKey := fs.String("secret-key", "", "the secret access key of -access-key")
	bodyLimit := fs.Int64("body-limit", mockrt.DefaultBodyLimit, "largest request body accepted, in bytes")
	readTimeout := fs.Duration("read-timeout", mockrt.DefaultReadTimeout, "longest time to read a whole request, header and body; 0 means none")
	writeTimeout := fs.Duration("write-timeout", mockrt.DefaultWriteTimeout, "longest time from the end of a request's header to the end of its answer; 0 means none")
	idleTimeout := fs.Duration("idle-timeout", mockrt.DefaultIdleTimeout, "longest time a keep-alive connection waits for its next request; 0 means the read timeout")
	maxConns := fs.Int("max-conns", mockrt.DefaultMaxConns, "most connections open at once; more wait in the listen queue until one closes; 0 means no bound")
	statePath := fs.String("state", "", "file the resources are loaded from at start and saved to (atomically) at shutdown and on POST "+mockrt.ControlPrefix+"state; a missing file starts empty")
	records := fs.Int("records", 0, "requests each mock keeps for GET "+mockrt.ControlPrefix+"requests; 0 keeps none")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if (*accessKey == "") != (*secretKey == "") {
		return errors.New("-access-key and -secret-key go together")
	}

	logger := slog.New(slog.NewJSONHandler(stderr, nil))
	opts := []mockrt.Option{
		mockrt.WithLogger(logger),
		mockrt.WithRegion(*region),
		mockrt.WithAccountID(*account),
		mockrt.WithBodyLimit(*bodyLimit),
		// A long-running server keeps no request records: nobody reads them.
		mockrt.WithRecordLimit(*records),
		mockrt.WithReadTimeout(*readTimeout),
		mockrt.WithWriteTimeout(*writeTimeout),
		mockrt.WithIdleTimeout(*idleTimeout),
		mockrt.WithMaxConns(*maxConns),
	}
	if *accessKey != "" {
		opts = append(opts, mockrt.WithCredentials(*accessKey, *secretKey))
	}
	opts = append(opts, mockrt.WithMaxResources(*maxResources), mockrt.WithMaxStoreBytes(*maxStoreBytes))
	servers := mocks.All(opts...)
	mux := mockrt.NewMux(logger, servers...)
	control := &mockrt.Control{Servers: servers}
	if *statePath != "" {
		// A state that cannot be read stops the start, so that it is never
		// overwritten by the empty state a run without it would save.
		if err := mockrt.LoadStateFile(*statePath, servers...); err != nil {
			return err
		}
		control.Save = func() error { return mockrt.SaveStateFile(*statePath, servers...) }
	}
	handler := withControl(control, mux)

	ln, err := mockrt.Listen(*addr, opts...)
	if err != nil {
		return err
	}
	srv := mockrt.NewHTTPServer(handler, opts...)
	fmt.Fprintf(stdout, "listening on http://%s\n", ln.Addr())

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	if control.Save != nil {
		if err := control.Save(); err != nil {
			return err
		}
		logger.Info("state saved", "file", *statePath)
	}
	return nil
}

// withControl serves the control endpoints under mockrt.ControlPrefix and
// everything else with the mocks. The prefix is tested by hand rather than
// with an http.ServeMux, which would redirect the uncleaned paths that AWS
// APIs may use.
func withControl(control *mockrt.Control, mocks http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, mockrt.ControlPrefix) {
			control.ServeHTTP(w, r)
			return
		}
		mocks.ServeHTTP(w, r)
	})
}
