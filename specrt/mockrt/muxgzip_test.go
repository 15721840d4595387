package mockrt

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// gzipOf is data compressed as a client's request compression sends it.
func gzipOf(t testing.TB, parts ...io.Reader) []byte {
	t.Helper()
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	for _, p := range parts {
		if _, err := io.Copy(zw, p); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// spaces reads n spaces without holding them.
type spaces int64

func (s *spaces) Read(p []byte) (int, error) {
	if *s <= 0 {
		return 0, io.EOF
	}
	n := min(int64(len(p)), int64(*s))
	for i := range p[:n] {
		p[i] = ' '
	}
	*s -= spaces(n)
	return int(n), nil
}

func TestTheMuxRoutesGzippedBodiesWithinTheBodyLimit(t *testing.T) {
	registerEnvelope(t)
	older := NewServer(envelopeService("2010-01-01", false))
	newer := NewServer(envelopeService(thingVersion, false))
	m := NewMux(nil, NewServer(jsonService()), older, newer)
	envelope := func(version, name string) string {
		return `{"op":"CreateThing","version":"` + version + `","input":{"name":"` + name + `"}}`
	}
	// 64 MiB of JSON white space after an envelope the newer mock routes:
	// some 64 KiB on the wire, far past the 1 MiB body limit once inflated.
	n := spaces(64 << 20)
	bomb := gzipOf(t, strings.NewReader(envelope(thingVersion, "zipped-e")), &n)
	if len(bomb) > DefaultBodyLimit/4 {
		t.Fatalf("the bomb is %d bytes compressed; it must fit the body limit to reach the decompression", len(bomb))
	}
	tests := []struct {
		name     string
		body     []byte
		encoding string
		want     routed
	}{
		{name: "a gzipped request of one version reaches the mock of that version",
			body: gzipOf(t, strings.NewReader(envelope("2010-01-01", "zipped-a"))), encoding: "gzip", want: routed{Status: 200, ServedBy: "jthings@2010-01-01"}},
		{name: "a gzipped request of the other version reaches the other mock",
			body: gzipOf(t, strings.NewReader(envelope(thingVersion, "zipped-b"))), encoding: "gzip", want: routed{Status: 200, ServedBy: "jthings@" + thingVersion}},
		{name: "gzip applied after another coding is undone for routing",
			body: gzipOf(t, strings.NewReader(envelope(thingVersion, "zipped-c"))), encoding: "identity, gzip", want: routed{Status: 200, ServedBy: "jthings@" + thingVersion}},
		{name: "a gzip bomb is too large, answered by the mux without inflating it whole",
			body: bomb, encoding: "gzip", want: routed{Status: 413, Code: "RequestEntityTooLargeException", ServedBy: "mux"}},
		{name: "a body that is not gzip is the serialization error",
			body: []byte(envelope(thingVersion, "zipped-d")), encoding: "gzip", want: routed{Status: 400, Code: "SerializationException", ServedBy: "mux"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := map[*Server]int{older: len(older.Requests()), newer: len(newer.Requests())}
			r := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(tt.body))
			r.Header.Set("Content-Type", envelopeIdentity.ContentType)
			r.Header.Set("Content-Encoding", tt.encoding)
			w := httptest.NewRecorder()
			var ms0, ms1 runtime.MemStats
			runtime.ReadMemStats(&ms0)
			m.ServeHTTP(w, r)
			runtime.ReadMemStats(&ms1)
			got := routed{Status: w.Code, ServedBy: "mux"}
			if got.Status != 200 {
				got.Code = envelopeCode(t, w.Body.Bytes())
			}
			for s, n := range before {
				if len(s.Requests()) != n {
					got.ServedBy = s.svc.Name + "@" + s.svc.APIVersion
				}
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("routing (-want +got):\n%s\nbody: %s", d, w.Body.String())
			}
			// The request is decompressed twice (to route it, then by the
			// mock), each time to at most the body limit.
			const bound = 8 << 20
			if alloc := ms1.TotalAlloc - ms0.TotalAlloc; alloc > bound {
				t.Errorf("serving the request allocated %d bytes, want at most %d", alloc, bound)
			}
		})
	}
}

// envelopeCode is the error code of an envelope answer.
func envelopeCode(t testing.TB, body []byte) string {
	t.Helper()
	info := envelopeJSON{}.ReadError(nil, body)
	return info.Code
}
