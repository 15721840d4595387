package things_test

// Run by internal/mocktest (TestGoldenBindingsRun) next to the package
// generated from things.yaml: the generated client calls the generated mock
// with every HTTP binding, and both sides must agree on every value.

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"example.com/goldenrun/gen/things"
	"example.com/goldenrun/gen/things/thingsmock"
)

func ptr[T any](v T) *T { return &v }

func newClient(t *testing.T) (*thingsmock.Server, *things.Client) {
	srv, endpoint := thingsmock.NewTestServer(t)
	return srv, things.New(things.Options{Region: "us-east-1", BaseEndpoint: endpoint, RetryMaxAttempts: 1})
}

func TestEveryInputBindingReachesTheMock(t *testing.T) {
	srv, c := newClient(t)
	var got *things.PutObjectInput
	srv.HandlePutObject(func(ctx context.Context, in *things.PutObjectInput) (*things.PutObjectOutput, error) {
		got = in
		return &things.PutObjectOutput{}, nil
	})
	expires := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	in := &things.PutObjectInput{
		Bucket: ptr("b-1"), Key: ptr("a/b c%2F.txt"), Data: []byte{0, 1, 2, 0xff},
		Meta: map[string]string{"color": "red", "size": "L"}, Tags: []string{"a,b", `say "hi"`, "c"},
		Expires: &expires, TTL: ptr[int32](30), Ratio: ptr(0.25),
		Modes: []things.Mode{"fast", "slow"}, Policy: ptr(`{"allow":["*"]}`),
	}
	if _, err := c.PutObject(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, got); diff != "" {
		t.Errorf("input as the mock decoded it (-want +got):\n%s", diff)
	}
}

func TestEveryOutputBindingReachesTheClient(t *testing.T) {
	modified := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		name     string
		override *things.PutObjectOutput // nil: the spec's mock block
		want     *things.PutObjectOutput
	}{
		{
			name: "from the mock block's templates",
			want: &things.PutObjectOutput{Etag: ptr("k/1"), Status: ptr[int32](201), Meta: map[string]string{"color": "red"},
				Tags: []string{"a,b", "c"}, Modified: &modified},
		},
		{
			name: "from a handler's typed output",
			override: &things.PutObjectOutput{Etag: ptr(`"abc"`), Status: ptr[int32](202), Meta: map[string]string{"k": "v"},
				Tags: []string{"x"}, Modified: &modified},
			want: &things.PutObjectOutput{Etag: ptr(`"abc"`), Status: ptr[int32](202), Meta: map[string]string{"k": "v"},
				Tags: []string{"x"}, Modified: &modified},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := newClient(t)
			if tt.override != nil {
				srv.HandlePutObject(func(ctx context.Context, in *things.PutObjectInput) (*things.PutObjectOutput, error) {
					return tt.override, nil
				})
			}
			out, err := c.PutObject(context.Background(), &things.PutObjectInput{
				Bucket: ptr("b-1"), Key: ptr("k/1"), Meta: map[string]string{"color": "red"}, Tags: []string{"a,b", "c"}, Expires: &modified,
			})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, out); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPayloadsOfEachKind(t *testing.T) {
	srv, c := newClient(t)
	ctx := context.Background()
	obj, err := c.GetObject(ctx, &things.GetObjectInput{Bucket: ptr("b-1"), Key: ptr("k")})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(&things.GetObjectOutput{Data: []byte("hello"), Size: ptr[int64](5)}, obj); diff != "" {
		t.Errorf("blob payload (-want +got):\n%s", diff)
	}
	// A structure payload travels through the JSON body codec both ways: a
	// timestamp in epoch seconds, a list of timestamps in its elements'
	// format (iso8601).
	updated := time.Date(2026, 5, 6, 7, 8, 9, 0, time.UTC)
	history := []time.Time{updated.Add(-time.Hour), updated}
	cfg := &things.PutConfigInput{Name: ptr("n"), Config: &things.Config{Level: ptr[int32](3), Tags: []string{"t"}, UpdatedAt: &updated, History: history}, Doc: ptr(`{"a":1}`)}
	out, err := c.PutConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	wantBody := `{"level":3,"tags":["t"],"updatedAt":1778051289,"history":["2026-05-06T06:08:09Z","2026-05-06T07:08:09Z"]}`
	if r := srv.Requests(); string(r[len(r)-1].Body) != wantBody {
		t.Errorf("structure payload sent %s, want %s", r[len(r)-1].Body, wantBody)
	}
	if diff := cmp.Diff(&things.PutConfigOutput{Config: cfg.Config, Doc: cfg.Doc}, out); diff != "" {
		t.Errorf("structure payload (-want +got):\n%s", diff)
	}
	empty, err := c.PutConfig(ctx, &things.PutConfigInput{Name: ptr("n")})
	if err != nil || empty.Config != nil {
		t.Errorf("an unset structure payload: %v, %+v; want no error and no config", err, empty)
	}
	if r := srv.Requests(); string(r[len(r)-1].Body) != "{}" {
		t.Errorf("an unset structure payload sent body %q, want {} (RestJsonHttpWithEmptyStructurePayload)", r[len(r)-1].Body)
	}
	note, err := c.PutNote(ctx, &things.PutNoteInput{Text: ptr("a note, with \"quotes\"\n")})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(ptr("a note, with \"quotes\"\n"), note.Text); diff != "" {
		t.Errorf("string payload (-want +got):\n%s", diff)
	}
}

func TestAPayloadIsValidatedByTheMock(t *testing.T) {
	_, c := newClient(t)
	_, err := c.PutConfig(context.Background(), &things.PutConfigInput{Name: ptr("n"), Config: &things.Config{Level: ptr[int32](500)}},
		func(o *things.Options) { o.DisableValidation = true })
	var bad *things.BadRequest
	if !errors.As(err, &bad) {
		t.Fatalf("err = %v, want the service's BadRequest", err)
	}
}

func TestQueryBindings(t *testing.T) {
	_, c := newClient(t)
	since := time.Date(2026, 5, 6, 7, 8, 9, 0, time.UTC)
	in := &things.SearchInput{
		Account: ptr("acct-1"), Limit: ptr[int32](7), Flag: ptr(true), Mode: "slow", IDs: []string{"a b", "c&d"},
		Since: &since, Ratio: ptr[float32](1.5), Size: ptr[int64](1 << 40),
		Params: map[string][]string{"extra": {"1", "2"}, "limit": {"lost"}}, Modes: []things.Mode{"fast"},
	}
	out, err := c.Search(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	want := &things.SearchOutput{
		Count: ptr[int32](7), Flag: ptr(true), Mode: "slow", IDs: []string{"a b", "c&d"}, Since: &since,
		Ratio: ptr[float32](1.5), Size: ptr[int64](1 << 40),
		// The member limit wins over the map entry of the same name on the
		// wire; the mock, as a server, sees every parameter in the map
		// (Smithy's RestJsonServersPutAllQueryParamsInMap).
		Params: map[string][]string{
			"extra": {"1", "2"}, "flag": {"true"}, "id": {"a b", "c&d"}, "limit": {"7"}, "mode": {"slow"},
			"modes": {"fast"}, "ratio": {"1.5"}, "since": {"2026-05-06T07:08:09Z"}, "size": {"1099511627776"},
		},
		Modes: []things.Mode{"fast"},
	}
	if diff := cmp.Diff(want, out); diff != "" {
		t.Errorf("output echoing the query (-want +got):\n%s", diff)
	}
}

// hostRecorder sends every request to the mock's address, whatever its
// host, and records the hosts.
type hostRecorder struct {
	mu    sync.Mutex
	hosts []string
	rt    http.RoundTripper
}

func (h *hostRecorder) RoundTrip(r *http.Request) (*http.Response, error) {
	h.mu.Lock()
	h.hosts = append(h.hosts, r.URL.Host)
	h.mu.Unlock()
	return h.rt.RoundTrip(r)
}

func TestHostPrefix(t *testing.T) {
	_, endpoint := thingsmock.NewTestServer(t)
	u, err := url.Parse(endpoint)
	if err != nil {
		t.Fatal(err)
	}
	tr := &http.Transport{DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, network, u.Host)
	}}
	defer tr.CloseIdleConnections()
	rec := &hostRecorder{rt: tr}
	c := things.New(things.Options{Region: "us-east-1", BaseEndpoint: "http://things.test", HTTPClient: &http.Client{Transport: rec}, RetryMaxAttempts: 1})
	ctx := context.Background()
	if _, err := c.Search(ctx, &things.SearchInput{Account: ptr("acct-1")}); err != nil {
		t.Fatalf("with the prefix: %v", err)
	}
	if _, err := c.Search(ctx, &things.SearchInput{Account: ptr("acct-1")}, func(o *things.Options) { o.DisableHostPrefix = true }); err != nil {
		t.Fatalf("without the prefix: %v", err)
	}
	if _, err := c.Search(ctx, &things.SearchInput{Account: ptr("evil.com#")}, func(o *things.Options) { o.DisableValidation = true }); err == nil {
		t.Error("a host label with a dot was sent")
	}
	if diff := cmp.Diff([]string{"acct-1.search-things.test", "things.test"}, rec.hosts); diff != "" {
		t.Errorf("hosts (-want +got):\n%s", diff)
	}
}

func TestErrorHeaderList(t *testing.T) {
	srv, c := newClient(t)
	srv.InjectError("PutObject", 1, &things.SlowDown{Message: ptr("slow"), Reasons: []string{"x,y", "z"}})
	_, err := c.PutObject(context.Background(), &things.PutObjectInput{Bucket: ptr("b-1"), Key: ptr("k")})
	var slow *things.SlowDown
	if !errors.As(err, &slow) {
		t.Fatalf("err = %v, want *SlowDown", err)
	}
	if diff := cmp.Diff([]string{"x,y", "z"}, slow.Reasons); diff != "" {
		t.Errorf("error header list (-want +got):\n%s", diff)
	}
}
