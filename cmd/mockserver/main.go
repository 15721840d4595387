// Command mockserver serves the mock of every generated service on one
// address, as LocalStack does: awsJson requests are routed by their
// X-Amz-Target header, restJson1 requests by method and path.
//
//	go run ./cmd/mockserver -addr 127.0.0.1:4566
//
// The first line on standard output is exactly "listening on
// http://HOST:PORT" (with -addr 127.0.0.1:0 the port is picked free), so a
// script can wait for it. Each request is logged as one JSON line on
// standard error. SIGINT or SIGTERM shuts the server down cleanly, letting
// requests in flight finish.
//
// It is built from the generated mock packages only; it does not import the
// generator.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/specgen/specgen/gen/apprunner/apprunnermock"
	"github.com/specgen/specgen/gen/ecs/ecsmock"
	"github.com/specgen/specgen/gen/lightsail/lightsailmock"
	"github.com/specgen/specgen/gen/servicediscovery/servicediscoverymock"
	"github.com/specgen/specgen/gen/vpclattice/vpclatticemock"
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
		mockrt.WithRecordLimit(0),
	}
	if *accessKey != "" {
		opts = append(opts, mockrt.WithCredentials(*accessKey, *secretKey))
	}
	opts = append(opts, mockrt.WithMaxResources(*maxResources), mockrt.WithMaxStoreBytes(*maxStoreBytes))
	mux := mockrt.NewMux(logger,
		apprunnermock.New(opts...).Server,
		ecsmock.New(opts...).Server,
		lightsailmock.New(opts...).Server,
		servicediscoverymock.New(opts...).Server,
		vpclatticemock.New(opts...).Server,
	)

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
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
	return nil
}
