package mocktest

import (
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"testing"

	"github.com/specgen/specgen/gen/apprunner/apprunnermock"
	"github.com/specgen/specgen/gen/vpclattice/vpclatticemock"
	"github.com/specgen/specgen/specrt/mockrt"
)

// memoryCase is a create whose stored cost is measured: body(i) is the
// i-th request, all of them successful creates.
type memoryCase struct {
	name    string
	handler func(opts ...mockrt.Option) http.Handler
	target  string
	path    string
	body    func(i int) string
	large   bool // requests of 900 KB: the benchmark makes at most 500
}

func memoryCases() []memoryCase {
	lattice := func(opts ...mockrt.Option) http.Handler { return vpclatticemock.New(opts...) }
	apprunner := func(opts ...mockrt.Option) http.Handler { return apprunnermock.New(opts...) }
	const image = `"SourceConfiguration":{"ImageRepository":{"ImageIdentifier":"public.ecr.aws/aws-containers/hello-app-runner:latest","ImageRepositoryType":"ECR_PUBLIC","ImageConfiguration":{"Port":"8080","RuntimeEnvironmentVariables":{"STAGE":"test","REGION":"us-east-1"}}},"AutoDeploymentsEnabled":false}`
	injected := strings.Repeat("x", 900<<10)
	return []memoryCase{
		{"VPC Lattice", lattice, "", "/services", func(i int) string {
			return fmt.Sprintf(`{"name":"lattice-%07d","clientToken":"token-%07d","tags":{"env":"test","team":"platform"}}`, i, i)
		}, false},
		{"App Runner", apprunner, "AppRunner.CreateService", "/", func(i int) string {
			return fmt.Sprintf(`{"ServiceName":"svc-%07d",%s,"InstanceConfiguration":{"Cpu":"1 vCPU","Memory":"2 GB"},"Tags":[{"Key":"env","Value":"test"}]}`, i, image)
		}, false},
		{"App Runner with a 900 KB unknown member", apprunner, "AppRunner.CreateService", "/", func(i int) string {
			return fmt.Sprintf(`{"ServiceName":"svc-%07d","SourceConfiguration":{"ImageRepository":{"ImageIdentifier":"public.ecr.aws/x/y:latest","ImageRepositoryType":"ECR_PUBLIC","Injected":"%s"}}}`, i, injected)
		}, true},
	}
}

func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkStoredBytesPerResource reports what one stored resource costs on
// the heap (runtime.MemStats.HeapAlloc after a collection, before and after
// b.N creates, divided by b.N), records off and limits lifted so that every
// create is stored, beside the size of one stored description's JSON and
// their ratio (issue 11's bar: at most 2). Run it with -benchtime 20000x,
// say; the case of 900 KB requests makes at most 500.
func BenchmarkStoredBytesPerResource(b *testing.B) {
	for _, c := range memoryCases() {
		b.Run(c.name, func(b *testing.B) {
			h := c.handler(mockrt.WithRecordLimit(0), mockrt.WithMaxResources(0), mockrt.WithMaxStoreBytes(0))
			n := b.N
			if c.large {
				n = min(n, 500) // each request is 900 KB to read and decode
			}
			before := heapInUse()
			b.ResetTimer()
			for i := range n {
				// The body is made here and dropped after the call: only
				// what the mock keeps is left on the heap.
				if w := serveRaw(h, c.target, c.path, []byte(c.body(i))); w.Code >= 300 {
					b.Fatalf("create %d: %d %s", i, w.Code, w.Body)
				}
			}
			b.StopTimer()
			after := heapInUse()
			b.ReportMetric(float64(int64(after)-int64(before))/float64(n), "heapB/resource")
			// What the byte limit counts, for comparison with the heap.
			b.ReportMetric(float64(h.(interface{ StoredBytes() int64 }).StoredBytes())/float64(n), "countedB/resource")
			// The description's own JSON, which the heap per resource is
			// compared with (the bar: at most twice it).
			if rs := h.(interface {
				Resources(kind string) []mockrt.ResourceState
			}).Resources("Service"); len(rs) > 0 {
				heap := float64(int64(after)-int64(before)) / float64(n)
				b.ReportMetric(float64(len(rs[0].Description)), "jsonB/resource")
				b.ReportMetric(heap/float64(len(rs[0].Description)), "heap/json")
			}
			runtime.KeepAlive(h)
		})
	}
}

// storedPerResource is what each of n creates of c leaves on the heap
// (records off, limits lifted), and the JSON size of the first stored
// description.
func storedPerResource(t *testing.T, c memoryCase, n int) (heap, json float64) {
	h := c.handler(mockrt.WithRecordLimit(0), mockrt.WithMaxResources(0), mockrt.WithMaxStoreBytes(0))
	before := heapInUse()
	for i := range n {
		// The body is made here and dropped after the call: only what
		// the mock keeps stays reachable.
		if w := serveRaw(h, c.target, c.path, []byte(c.body(i))); w.Code >= 300 {
			t.Fatalf("create %d: %d %s", i, w.Code, w.Body)
		}
	}
	after := heapInUse()
	rs := h.(interface {
		Resources(kind string) []mockrt.ResourceState
	}).Resources("Service")
	if len(rs) != n {
		t.Fatalf("%d resources stored of %d created", len(rs), n)
	}
	runtime.KeepAlive(h)
	return float64(int64(after)-int64(before)) / float64(n), float64(len(rs[0].Description))
}

// Issue 11's bar: a stored resource costs at most twice its JSON
// description on the heap. The heap is read after full collections,
// before and after 6,000 creates (about 4 MB for VPC Lattice), so what
// else the process allocates meanwhile is lost in the rounding; the
// measured ratios (BenchmarkStoredBytesPerResource) are 1.9 and 1.6.
func TestAStoredResourceCostsAtMostTwiceItsJSON(t *testing.T) {
	if testing.Short() {
		t.Skip("creates 12,000 resources")
	}
	for _, c := range memoryCases()[:2] {
		t.Run(c.name, func(t *testing.T) {
			heap, json := storedPerResource(t, c, 6000)
			t.Logf("%.0f heap bytes per resource, %.0f bytes of JSON: %.2f times", heap, json, heap/json)
			if heap > 2*json {
				t.Errorf("a stored resource costs %.0f heap bytes, %.2f times its %0.f bytes of JSON: over twice", heap, heap/json, json)
			}
		})
	}
}

// The store's byte limit holds however large the accepted requests are: a
// create that would pass it gets the quota error instead.
func TestTheStoreStaysWithinItsByteLimit(t *testing.T) {
	for _, c := range memoryCases()[:2] {
		t.Run(c.name, func(t *testing.T) {
			const limit = 64 << 10
			h := c.handler(mockrt.WithMaxStoreBytes(limit), mockrt.WithRecordLimit(0))
			srv := h.(interface{ StoredBytes() int64 })
			quota := 0
			for i := range 400 {
				w := serveRaw(h, c.target, c.path, []byte(c.body(i)))
				if w.Code == 402 || w.Code == 400 {
					quota++
				}
			}
			if b := srv.StoredBytes(); b > limit {
				t.Errorf("the store holds %d bytes, over its limit of %d", b, limit)
			}
			if quota == 0 {
				t.Errorf("400 creates fit in %d bytes: the limit was never reached", limit)
			}
		})
	}
}
