package mocktest

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/specgen/specgen/gen/mocks"
	"github.com/specgen/specgen/specrt/mockrt"
)

// BenchmarkLoadRatioMux is BenchmarkLoadRatio with the mock behind the mux
// that cmd/mockserver serves, over every generated mock: the unsigned VPC
// Lattice requests are routed by method and path among them first.
//
//	go test -run '^$' -bench LoadRatioMux -benchtime 3x ./internal/mocktest/
func BenchmarkLoadRatioMux(b *testing.B) {
	n, c := loadParams()
	run := func(h http.Handler, requests int) loadResult {
		srv := httptest.NewServer(h)
		defer srv.Close()
		return load(b, srv.URL, requests, c, 0)
	}
	mux := func() http.Handler { return mockrt.NewMux(nil, mocks.All()...) }
	run(mux(), 1000) // warm up both
	run(bareHandler(), 1000)
	var mock, bare time.Duration
	var requests int
	for b.Loop() {
		m := run(mux(), n)
		r := run(bareHandler(), n)
		if m.failures > 0 || r.failures > 0 {
			b.Fatalf("failures: mux %d, bare %d", m.failures, r.failures)
		}
		mock += m.elapsed
		bare += r.elapsed
		requests += n
	}
	b.ReportMetric(float64(requests)/mock.Seconds(), "mux-req/s")
	b.ReportMetric(float64(requests)/bare.Seconds(), "bare-req/s")
	b.ReportMetric(bare.Seconds()/mock.Seconds(), "mux/bare")
}
