package beacons_test

// Hand-written tests of the golden traits case, run against its generated
// package by TestGoldenTraitsRun (generator/rules_run_test.go): the values
// of imported models (documents, NaN and infinities, timestamp formats,
// blobs) travel through the generated client and mock; unions are
// validated; paginators page; retryable errors are retried.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/generator/testdata/golden/out/beacons"
	"github.com/specgen/specgen/generator/testdata/golden/out/beacons/beaconsmock"
	"github.com/specgen/specgen/specrt"
	"github.com/specgen/specgen/specrt/mockrt"
)

func ptr[T any](v T) *T { return &v }

func client(url string, validate bool) *beacons.Client {
	return beacons.New(beacons.Options{
		Region: "us-east-1", BaseEndpoint: url, DisableValidation: !validate,
		Sleep: func(context.Context, time.Duration) error { return nil },
	})
}

// echo answers PutBeacon with the beacon it was given.
func echo(s *beaconsmock.Server) {
	s.HandlePutBeacon(func(_ context.Context, in *beacons.PutBeaconInput) (*beacons.PutBeaconOutput, error) {
		return &beacons.PutBeaconOutput{Beacon: &beacons.Beacon{
			Name: in.Name, Signal: in.Signal, Settings: in.Settings, Brightness: in.Brightness, Levels: in.Levels,
			InstalledAt: in.InstalledAt, CheckedAt: in.CheckedAt,
		}}, nil
	})
}

func TestValuesTravelBothWays(t *testing.T) {
	at := time.Date(2024, 3, 3, 10, 20, 30, 0, time.UTC)
	settings, err := specrt.NewDocument(map[string]any{"color": "red", "levels": []int{1, 2}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name       string
		brightness float64
		wire       string // what the request body holds for it
	}{
		{"a finite double", 0.75, `"brightness":0.75`},
		{"NaN", math.NaN(), `"brightness":"NaN"`},
		{"Infinity", math.Inf(1), `"brightness":"Infinity"`},
		{"-Infinity", math.Inf(-1), `"brightness":"-Infinity"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, url := beaconsmock.NewTestServer(t)
			echo(srv)
			in := &beacons.PutBeaconInput{
				Name: ptr("north"), Signal: &beacons.Signal{Light: ptr("red")}, Settings: settings,
				Firmware: []byte{0, 1, 0xfe}, Brightness: ptr(tc.brightness),
				InstalledAt: &at, CheckedAt: &at, SeenAt: &at,
				Levels: []float64{tc.brightness, 2}, Gains: map[string]float32{"g": float32(tc.brightness)},
			}
			out, err := client(url, true).PutBeacon(t.Context(), in)
			if err != nil {
				t.Fatal(err)
			}
			body := string(srv.Requests()[0].Body)
			for _, want := range []string{
				tc.wire,
				`"settings":{"color":"red","levels":[1,2]}`,
				`"firmware":"AAH+"`,
				`"installedAt":"2024-03-03T10:20:30Z"`,
				`"checkedAt":"Sun, 03 Mar 2024 10:20:30 GMT"`,
				`"seenAt":1709461230`,
				`"levels":[` + strings.TrimPrefix(tc.wire, `"brightness":`) + `,2]`,
				`"gains":{"g":` + strings.TrimPrefix(tc.wire, `"brightness":`) + `}`,
			} {
				if !strings.Contains(body, want) {
					t.Errorf("request body %s does not hold %s", body, want)
				}
			}
			b := out.Beacon
			same := func(f float64) bool { return f == tc.brightness || math.IsNaN(f) && math.IsNaN(tc.brightness) }
			if b == nil || b.Brightness == nil || !same(*b.Brightness) || len(b.Levels) != 2 || !same(b.Levels[0]) {
				t.Fatalf("brightness came back as %+v", b)
			}
			got := map[string]string{"settings": b.Settings.String(), "installedAt": b.InstalledAt.String(), "checkedAt": b.CheckedAt.String()}
			want := map[string]string{"settings": `{"color":"red","levels":[1,2]}`, "installedAt": at.String(), "checkedAt": at.String()}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("values came back changed (-want +got):\n%s", diff)
			}
		})
	}
}

func TestUnionsNeedExactlyOneMember(t *testing.T) {
	oneOf := func(found string) []specrt.FieldError {
		return []specrt.FieldError{{Path: "signal", Rule: specrt.RuleOneOf, Message: "exactly one of light, sound and pattern must be set, found " + found}}
	}
	for _, tc := range []struct {
		name   string
		signal *beacons.Signal
		want   []specrt.FieldError
	}{
		{"one member passes", &beacons.Signal{Sound: ptr(int32(3))}, nil},
		{"no member is refused", &beacons.Signal{}, oneOf("none")},
		{"two members are refused, naming them", &beacons.Signal{Light: ptr("red"), Sound: ptr(int32(3))}, oneOf("light and sound")},
		{"a union left out is fine", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := &beacons.PutBeaconInput{Name: ptr("n"), Signal: tc.signal}
			var got []specrt.FieldError
			var ve *specrt.ValidationError
			if err := in.Validate(); errors.As(err, &ve) {
				got = ve.Fields
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("problems differ (-want +got):\n%s", diff)
			}
			// The mock refuses what Validate refuses, with the service's error.
			_, url := beaconsmock.NewTestServer(t)
			_, err := client(url, false).PutBeacon(t.Context(), in)
			var mockVE *beacons.ValidationException
			if refused := errors.As(err, &mockVE); refused != (tc.want != nil) {
				t.Errorf("mock answered %v", err)
			}
		})
	}
}

func TestUnknownUnionMemberIsAccepted(t *testing.T) {
	srv, url := beaconsmock.NewTestServer(t)
	var got *beacons.Signal
	srv.HandlePutBeacon(func(_ context.Context, in *beacons.PutBeaconInput) (*beacons.PutBeaconOutput, error) {
		got = in.Signal
		return &beacons.PutBeaconOutput{}, nil
	})
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, url, bytes.NewReader([]byte(`{"name":"n","signal":{"light":"red","hologram":{"x":1}}}`)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("X-Amz-Target", "Beacons.PutBeacon")
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || got == nil || got.Light == nil || *got.Light != "red" {
		t.Errorf("status %d, signal %+v; want 200 and the known member", resp.StatusCode, got)
	}
}

func TestSensitiveDocumentsAreRedacted(t *testing.T) {
	in := beacons.PutBeaconInput{Name: ptr("n"), Secret: specrt.Document(`{"pin":"4321"}`), Settings: specrt.Document(`{"shown":true}`)}
	for _, s := range []string{fmt.Sprint(in), fmt.Sprintf("%+v", in)} {
		if strings.Contains(s, "4321") || !strings.Contains(s, specrt.Redacted) || !strings.Contains(s, "shown") {
			t.Errorf("printed %s", s)
		}
	}
}

func TestPaginators(t *testing.T) {
	t.Run("pages follow the token until it is left out", func(t *testing.T) {
		srv, url := beaconsmock.NewTestServer(t)
		srv.HandleListBeacons(func(_ context.Context, in *beacons.ListBeaconsInput) (*beacons.ListBeaconsOutput, error) {
			switch {
			case in.NextToken == nil:
				return &beacons.ListBeaconsOutput{Beacons: []beacons.Beacon{{Name: ptr("a")}}, NextToken: ptr("p2")}, nil
			case *in.NextToken == "p2":
				return &beacons.ListBeaconsOutput{Beacons: []beacons.Beacon{{Name: ptr("b")}}, NextToken: ptr("p3")}, nil
			}
			return &beacons.ListBeaconsOutput{Beacons: []beacons.Beacon{{Name: ptr("c")}}}, nil
		})
		params := &beacons.ListBeaconsInput{MaxResults: ptr(int32(1))}
		p := beacons.NewListBeaconsPaginator(client(url, true), params)
		var names []string
		for p.HasMorePages() {
			out, err := p.NextPage(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range out.Beacons {
				names = append(names, *b.Name)
			}
		}
		if diff := cmp.Diff([]string{"a", "b", "c"}, names); diff != "" {
			t.Errorf("pages differ (-want +got):\n%s", diff)
		}
		if params.NextToken != nil {
			t.Errorf("the caller's params were changed: %+v", params)
		}
		if _, err := p.NextPage(t.Context()); err == nil {
			t.Error("NextPage after the last page did not fail")
		}
	})
	t.Run("a repeated token ends the pages", func(t *testing.T) {
		srv, url := beaconsmock.NewTestServer(t)
		srv.HandleListBeacons(func(context.Context, *beacons.ListBeaconsInput) (*beacons.ListBeaconsOutput, error) {
			return &beacons.ListBeaconsOutput{NextToken: ptr("same")}, nil
		})
		p := beacons.NewListBeaconsPaginator(client(url, true), nil)
		pages := 0
		for p.HasMorePages() && pages < 10 {
			if _, err := p.NextPage(t.Context()); err != nil {
				t.Fatal(err)
			}
			pages++
		}
		if pages != 2 {
			t.Errorf("fetched %d pages, want 2 (the second repeats the token)", pages)
		}
	})
	t.Run("moreResults false ends the pages, tokens on a dotted path", func(t *testing.T) {
		srv, url := beaconsmock.NewTestServer(t)
		var markers []string
		srv.HandleListSignals(func(_ context.Context, in *beacons.ListSignalsInput) (*beacons.ListSignalsOutput, error) {
			m := ""
			if in.Marker != nil {
				m = *in.Marker
			}
			markers = append(markers, m)
			return &beacons.ListSignalsOutput{Page: &beacons.SignalPage{Marker: ptr(m + "x"), Truncated: ptr(len(m) < 2)}}, nil
		})
		p := beacons.NewListSignalsPaginator(client(url, true), nil)
		for p.HasMorePages() {
			if _, err := p.NextPage(t.Context()); err != nil {
				t.Fatal(err)
			}
		}
		if diff := cmp.Diff([]string{"", "x", "xx"}, markers); diff != "" {
			t.Errorf("markers sent differ (-want +got):\n%s", diff)
		}
	})
}

func TestOperationWithoutInputOrOutput(t *testing.T) {
	srv, url := beaconsmock.NewTestServer(t)
	out, err := client(url, true).Ping(t.Context(), nil)
	if err != nil || out == nil {
		t.Fatalf("Ping: %v, %v", out, err)
	}
	if got := string(srv.Requests()[0].Body); got != "{}" {
		t.Errorf("request body %q, want {}", got)
	}
}

func TestRetryTraits(t *testing.T) {
	for _, tc := range []struct {
		name     string
		err      error
		attempts int
	}{
		{"a retryable error is retried", &beacons.BusyException{Message: ptr("busy")}, 2},
		{"a throttling error is retried", &beacons.SlowDownException{Message: ptr("slow down")}, 2},
		{"an error without the traits is final", &beacons.ValidationException{Message: ptr("no")}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, url := beaconsmock.NewTestServer(t)
			srv.InjectError("PutBeacon", 1, tc.err)
			_, _ = client(url, true).PutBeacon(t.Context(), &beacons.PutBeaconInput{Name: ptr("n")})
			if got := len(srv.Requests()); got != tc.attempts {
				t.Errorf("%d attempts, want %d", got, tc.attempts)
			}
		})
	}
	if got := (&beacons.BusyException{}).ErrorQueryCode(); got != "AWS.Beacons.Busy" {
		t.Errorf("ErrorQueryCode = %q", got)
	}
}

func TestMockTemplatesFollowTimestampFormats(t *testing.T) {
	at := time.Date(2024, 3, 3, 10, 20, 30, 500e6, time.UTC)
	srv, url := beaconsmock.NewTestServer(t, mockrt.WithClock(func() time.Time { return at }))
	out, err := client(url, true).GetBeacon(t.Context(), &beacons.GetBeaconInput{Name: ptr("north")})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{"installedAt": out.Beacon.InstalledAt.String(), "checkedAt": out.Beacon.CheckedAt.String()}
	want := map[string]string{"installedAt": at.String(), "checkedAt": at.Truncate(time.Second).String()}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("timestamps differ (-want +got):\n%s", diff)
	}
	_ = srv
}
