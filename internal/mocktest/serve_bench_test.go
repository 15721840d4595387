package mocktest

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/specgen/specgen/gen/vpclattice/vpclatticemock"
)

// BenchmarkServeCreateService is the mock's own cost per valid
// CreateService, without the network.
func BenchmarkServeCreateService(b *testing.B) {
	h := vpclatticemock.New()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		body := `{"name":"load-` + fmt.Sprintf("%07d", i) + `","tags":{"env":"load"}}`
		req := httptest.NewRequest("POST", "/services", strings.NewReader(body))
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != 201 {
			b.Fatalf("status %d: %s", w.Code, w.Body)
		}
	}
}
