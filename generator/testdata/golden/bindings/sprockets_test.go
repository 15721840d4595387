package sprockets_test

// Run by internal/mocktest (TestGoldenBindingsRun) next to the package
// generated from sprockets.yaml.

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"example.com/goldenrun/gen/sprockets"
	"example.com/goldenrun/gen/sprockets/sprocketsmock"
)

// hosts sends every request to the mock's address, whatever its host, and
// records the hosts.
type hosts struct {
	mu   sync.Mutex
	seen []string
	rt   http.RoundTripper
}

func (h *hosts) RoundTrip(r *http.Request) (*http.Response, error) {
	h.mu.Lock()
	h.seen = append(h.seen, r.URL.Host)
	h.mu.Unlock()
	return h.rt.RoundTrip(r)
}

func TestHostPrefixes(t *testing.T) {
	_, endpoint := sprocketsmock.NewTestServer(t)
	u, err := url.Parse(endpoint)
	if err != nil {
		t.Fatal(err)
	}
	tr := &http.Transport{DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, network, u.Host)
	}}
	defer tr.CloseIdleConnections()
	rec := &hosts{rt: tr}
	c := sprockets.New(sprockets.Options{Region: "eu-west-1", HTTPClient: &http.Client{Transport: rec}, RetryMaxAttempts: 1,
		BaseEndpoint: "http://sprockets.eu-west-1.amazonaws.com"})
	ctx := context.Background()
	if _, err := c.Discover(ctx, &sprockets.DiscoverInput{}); err != nil {
		t.Fatal(err)
	}
	name := "s-1"
	out, err := c.Spin(ctx, &sprockets.SpinInput{Name: &name})
	if err != nil {
		t.Fatal(err)
	}
	if out.Name == nil || *out.Name != name {
		t.Errorf("the host label did not travel in the body too: %+v", out)
	}
	want := []string{"data-sprockets.eu-west-1.amazonaws.com", "s-1.sprockets.eu-west-1.amazonaws.com"}
	if diff := cmp.Diff(want, rec.seen); diff != "" {
		t.Errorf("hosts (-want +got):\n%s", diff)
	}
}
