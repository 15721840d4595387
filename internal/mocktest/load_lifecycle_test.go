package mocktest

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/specgen/specgen/gen/vpclattice/vpclatticemock"
	"github.com/specgen/specgen/specrt/mockrt"
)

// The lifecycle load comparison: each of c workers takes the next number i
// and sends the life of one VPC Lattice service over loopback (create it,
// read it by name, list a page of five, update its auth type, delete it),
// to the generated mock keeping its resources and to a bare net/http
// handler that reads the body and answers a canned service of the same
// size. Every answer must be a success, so the mock's work is real: the
// read finds what the create stored, the update and delete what the read
// found.

// lifecycleSteps are one service's requests: method, path, body, and the
// status the mock answers; id is the service's, from the create's answer.
func lifecycleSteps(i int, id string) [5][4]string {
	return [5][4]string{
		{"POST", "/services", fmt.Sprintf(`{"name":"life-%07d","tags":{"env":"load"}}`, i), "201"},
		{"GET", "/services/" + id, "", "200"},
		{"GET", "/services?maxResults=5", "", "200"},
		{"PATCH", "/services/" + id, `{"authType":"AWS_IAM"}`, "200"},
		{"DELETE", "/services/" + id, "", "200"},
	}
}

func bareLifecycleHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		if r.Method == "POST" {
			w.WriteHeader(http.StatusCreated)
		}
		io.WriteString(w, cannedOutput)
	})
}

// loadLifecycle runs n service lives (5n requests) from c workers against
// url and times them.
func loadLifecycle(url string, n, c int) loadResult {
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
				id := ""
				for step := range 5 {
					st := lifecycleSteps(i, id)[step]
					var body io.Reader
					if st[2] != "" {
						body = strings.NewReader(st[2])
					}
					req, _ := http.NewRequest(st[0], url+st[1], body)
					req.Header.Set("Content-Type", "application/json")
					resp, err := client.Do(req)
					if err != nil {
						failures.Add(1)
						continue
					}
					if step == 0 {
						var created struct{ ID string }
						json.NewDecoder(resp.Body).Decode(&created)
						id = created.ID
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if strconv.Itoa(resp.StatusCode) != st[3] {
						failures.Add(1)
					}
				}
			}
		}()
	}
	wg.Wait()
	return loadResult{requests: 5 * n, elapsed: time.Since(start), failures: failures.Load()}
}

// BenchmarkLoadRatioLifecycle is BenchmarkLoadRatio for the mixed
// lifecycle workload: per iteration, SPECGEN_LOAD_REQUESTS/5 service lives
// (default 4000, so 20000 requests) at SPECGEN_LOAD_CONCURRENCY (32) to a
// fresh mock and then to the bare handler; it reports both throughputs and
// their ratio (the goal is at least 0.5).
//
//	go test -run '^$' -bench LoadRatioLifecycle ./internal/mocktest/
func BenchmarkLoadRatioLifecycle(b *testing.B) {
	n, c := loadParams()
	n /= 5
	run := func(h http.Handler, lives int) loadResult {
		srv := httptest.NewServer(h)
		defer srv.Close()
		return loadLifecycle(srv.URL, lives, c)
	}
	// Transitions are immediate, so that a delete does not wait on the
	// create's; the delete's DELETE_IN_PROGRESS still passes.
	newMock := func() http.Handler { return vpclatticemock.New(mockrt.WithTransitionDelay(0)) }
	run(newMock(), 200) // warm up both
	run(bareLifecycleHandler(), 200)
	var mock, bare time.Duration
	var requests int
	for b.Loop() {
		m := run(newMock(), n)
		r := run(bareLifecycleHandler(), n)
		if m.failures > 0 || r.failures > 0 {
			b.Fatalf("failures: mock %d, bare %d", m.failures, r.failures)
		}
		mock += m.elapsed
		bare += r.elapsed
		requests += m.requests
	}
	b.ReportMetric(float64(requests)/mock.Seconds(), "mock-req/s")
	b.ReportMetric(float64(requests)/bare.Seconds(), "bare-req/s")
	b.ReportMetric(bare.Seconds()/mock.Seconds(), "mock/bare")
}
