package mockrt

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"
)

// chromium finds Debian's chromium (which .ci/run installs when missing).
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestControlPageInAHeadlessBrowser loads the control page in a real
// headless browser and checks the DOM it built: the page must parse as a
// person's browser parses it, with its tables where the markup puts them.
func TestControlPageInAHeadlessBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	bin := chromium()
	if bin == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no chromium on CI: .ci/run installs it")
		}
		t.Skip("no chromium (apt-get install chromium; .ci/run installs it)")
	}
	clock := NewManualClock(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	s := filledWidgets(t, clock)
	srv := httptest.NewServer(&Control{Servers: []*Server{s}})
	defer srv.Close()
	// The bound is for a browser that hangs, not a measure of speed.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--user-data-dir="+t.TempDir(), "--dump-dom", srv.URL+ControlPrefix)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	dom := string(out)
	rows := func(tableStart string) int {
		i := strings.Index(dom, tableStart)
		if i < 0 {
			return -1
		}
		j := strings.Index(dom[i:], "</table>")
		return len(regexp.MustCompile(`<tr>`).FindAllString(dom[i:i+j], -1))
	}
	for _, tc := range []struct {
		table string
		want  int
	}{
		{`<table id="services">`, 2},                            // the header and widgets
		{`<table class="resources" data-service="widgets">`, 4}, // the header, a, b and the part
		{`<table id="requests">`, 4},                            // the header and the three creates
	} {
		if got := rows(tc.table); got != tc.want {
			t.Errorf("%s has %d rows in the browser's DOM, want %d", tc.table, got, tc.want)
		}
	}
	for _, want := range []string{`<td class="status">READY</td>`, `<td class="status">CREATING</td>`, "<h1>specgen mocks</h1>"} {
		if !strings.Contains(dom, want) {
			t.Errorf("the browser's DOM lacks %s", want)
		}
	}
}
