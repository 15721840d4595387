package mockrt

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// lineWriter hands each log line it is given to a channel, so that a test
// can wait for the line a request logs after its answer is sent.
type lineWriter chan string

func (w lineWriter) Write(p []byte) (int, error) {
	w <- string(p)
	return len(p), nil
}

func TestLongPathsAreCutInTheLog(t *testing.T) {
	long := "/things/" + strings.Repeat("x", 40<<10)
	wantPath := long[:maxLogged] + "… (" + strconv.Itoa(len(long)-maxLogged) + " more bytes)"
	tests := []struct {
		name  string
		start func(logger *slog.Logger) (string, *Server)
	}{
		{"a request the mux answers", func(logger *slog.Logger) (string, *Server) {
			s := NewServer(restService())
			return StartTest(t, NewMux(logger, s)), s
		}},
		{"a request a mock answers", func(logger *slog.Logger) (string, *Server) {
			s := NewServer(restService(), WithLogger(logger))
			return StartTest(t, s), s
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name+" is logged and answered with the start of its path", func(t *testing.T) {
			lines := make(lineWriter, 1)
			url, s := tc.start(slog.New(slog.NewJSONHandler(lines, nil)))
			resp, err := http.Post(url+long, "application/json", strings.NewReader("{}"))
			if err != nil {
				t.Fatal(err)
			}
			answer, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if len(answer) > 1024 {
				t.Errorf("the answer quotes more than the start of the path: %d bytes", len(answer))
			}
			logged := <-lines
			var line struct{ Path string }
			if err := json.Unmarshal([]byte(logged), &line); err != nil {
				t.Fatalf("log %q: %v", logged, err)
			}
			if diff := cmp.Diff(wantPath, line.Path); diff != "" {
				t.Errorf("logged path (-want +got):\n%s", diff)
			}
			for _, rec := range s.Requests() {
				if rec.Path != long {
					t.Errorf("the record's path was cut too: %d bytes", len(rec.Path))
				}
			}
		})
	}
}
