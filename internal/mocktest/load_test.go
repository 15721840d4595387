package mocktest

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/specgen/specgen/gen/vpclattice/vpclatticemock"
)

// The load comparison: the same load generator sends the same valid VPC
// Lattice CreateService requests (distinct names, so every one is a
// successful create) over loopback to the generated mock and to a bare
// net/http handler that answers a canned copy of the mock's output. The goal
// is that the mock keeps at least half of the bare handler's throughput.

const cannedOutput = `{"arn":"arn:aws:vpc-lattice:us-east-1:123456789012:service/svc-0123456789abcdefg","authType":"NONE",` +
	`"dnsEntry":{"domainName":"load-0000001-0123456789abcdef0.0123456.vpc-lattice-svcs.us-east-1.on.aws","hostedZoneId":"Z0123456789ABC"},` +
	`"id":"svc-0123456789abcdefg","name":"load-0000001","status":"CREATE_IN_PROGRESS"}`

func bareHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		io.WriteString(w, cannedOutput)
	})
}

type loadResult struct {
	requests int
	elapsed  time.Duration
	failures int64
}

func (r loadResult) perSecond() float64 { return float64(r.requests) / r.elapsed.Seconds() }

// load sends n requests from c workers to url and times them. Names start at
// first so that runs against the same mock never collide.
func load(t testing.TB, url string, n, c, first int) loadResult {
	tr := &http.Transport{MaxIdleConns: c, MaxIdleConnsPerHost: c, DialContext: (&net.Dialer{}).DialContext}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}
	var next, failures atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range c {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1))
				if i > n {
					return
				}
				body := `{"name":"load-` + fmt.Sprintf("%07d", first+i) + `","tags":{"env":"load"}}`
				req, _ := http.NewRequest("POST", url+"/services", strings.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				resp, err := client.Do(req)
				if err != nil {
					failures.Add(1)
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusCreated {
					failures.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	return loadResult{requests: n, elapsed: time.Since(start), failures: failures.Load()}
}

func loadParams() (n, c int) {
	n, c = 20000, 32
	if v, err := strconv.Atoi(os.Getenv("SPECGEN_LOAD_REQUESTS")); err == nil && v > 0 {
		n = v
	}
	if v, err := strconv.Atoi(os.Getenv("SPECGEN_LOAD_CONCURRENCY")); err == nil && v > 0 {
		c = v
	}
	return n, c
}

// BenchmarkLoadRatio runs the comparison of the issue: per iteration, a
// fixed number of requests (SPECGEN_LOAD_REQUESTS, default 20000) at fixed
// concurrency (SPECGEN_LOAD_CONCURRENCY, default 32) to a fresh mock and
// then to the bare handler, and reports both throughputs and their ratio
// (mock/bare; the goal is at least 0.5). It is a benchmark, not a test: a
// throughput depends on the machine and on what else runs on it.
//
//	go test -run '^$' -bench LoadRatio ./internal/mocktest/
func BenchmarkLoadRatio(b *testing.B) {
	n, c := loadParams()
	run := func(h http.Handler, requests int) loadResult {
		srv := httptest.NewServer(h)
		defer srv.Close()
		return load(b, srv.URL, requests, c, 0)
	}
	run(vpclatticemock.New(), 1000) // warm up both
	run(bareHandler(), 1000)
	var mock, bare time.Duration
	var requests int
	for b.Loop() {
		m := run(vpclatticemock.New(), n)
		r := run(bareHandler(), n)
		if m.failures > 0 || r.failures > 0 {
			b.Fatalf("failures: mock %d, bare %d", m.failures, r.failures)
		}
		mock += m.elapsed
		bare += r.elapsed
		requests += n
	}
	b.ReportMetric(float64(requests)/mock.Seconds(), "mock-req/s")
	b.ReportMetric(float64(requests)/bare.Seconds(), "bare-req/s")
	b.ReportMetric(bare.Seconds()/mock.Seconds(), "mock/bare")
}

// BenchmarkLoad reports requests per second of the mock and of the bare
// handler under the same load generator (b.N requests, 32 concurrent).
func BenchmarkLoad(b *testing.B) {
	for _, tc := range []struct {
		name string
		h    func() http.Handler
	}{{"mock", func() http.Handler { return vpclatticemock.New() }}, {"bare", bareHandler}} {
		b.Run(tc.name, func(b *testing.B) {
			srv := httptest.NewServer(tc.h()) // a fresh, empty mock for each b.N
			defer srv.Close()
			b.ResetTimer()
			r := load(b, srv.URL, b.N, 32, 0)
			b.ReportMetric(r.perSecond(), "req/s")
			if r.failures > 0 {
				b.Fatalf("%d failures", r.failures)
			}
		})
	}
}
