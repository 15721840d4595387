package mockrt

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func quotaService() *Service {
	svc := restService()
	svc.Operations[0].Behavior.QuotaExceeded = &ErrorTemplate{
		New:     func() error { return new(ConflictException) },
		Members: []Field{{"message", "{message}"}, {"resourceType", "QUOTA"}},
	}
	return svc
}

func TestAFullStoreAnswersTheQuotaError(t *testing.T) {
	for _, tc := range []struct {
		name      string
		opts      []Option
		wantInMsg string
	}{
		{"past the resources per collection", []Option{WithMaxResources(2)}, "limit of 2 resources of type thing"},
		{"past the stored bytes", []Option{WithMaxStoreBytes(2*(itemOverhead+300) + 10)}, "bytes of resources"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := NewServer(quotaService(), tc.opts...)
			url := StartTest(t, s)
			var statuses []int
			for i := range 4 {
				r := do(t, url, "POST", "/things", "", fmt.Sprintf(`{"name":"thing-%d"}`, i))
				statuses = append(statuses, r.status)
				if r.status == 409 {
					if r.body["resourceType"] != "QUOTA" || !strings.Contains(r.body["message"].(string), tc.wantInMsg) {
						t.Errorf("answer %s, want the quota error saying %q", r.raw, tc.wantInMsg)
					}
				}
			}
			if diff := cmp.Diff([]int{201, 201, 409, 409}, statuses); diff != "" {
				t.Errorf("statuses (-want +got):\n%s", diff)
			}
			if n := len(s.Store().List("thing")); n != 2 {
				t.Errorf("%d items stored, want 2", n)
			}
		})
	}
	t.Run("a duplicate past the limit is still the conflict", func(t *testing.T) {
		_, url := startRest(t, WithMaxResources(1))
		do(t, url, "POST", "/things", "", `{"name":"abc"}`)
		if r := do(t, url, "POST", "/things", "", `{"name":"abc"}`); r.body["resourceType"] != "THING" {
			t.Errorf("answer %s, want the conflict about THING", r.raw)
		}
	})
	t.Run("without a quotaExceeded template the generic quota error is answered", func(t *testing.T) {
		_, url := startRest(t, WithMaxResources(1))
		do(t, url, "POST", "/things", "", `{"name":"abc"}`)
		if r := do(t, url, "POST", "/things", "", `{"name":"abd"}`); r.status != 400 || r.header.Get("X-Amzn-ErrorType") != "ServiceQuotaExceededException" {
			t.Errorf("answer %d %s, want 400 ServiceQuotaExceededException", r.status, r.raw)
		}
	})
	t.Run("Reset empties the store and its byte count", func(t *testing.T) {
		s, url := startRest(t, WithMaxResources(1))
		do(t, url, "POST", "/things", "", `{"name":"abc","clientToken":"t"}`)
		if s.Store().Bytes() == 0 {
			t.Fatal("the store counts no bytes for an item")
		}
		s.Reset()
		if b := s.Store().Bytes(); b != 0 {
			t.Errorf("Bytes() = %d after Reset, want 0", b)
		}
		if r := do(t, url, "POST", "/things", "", `{"name":"abd"}`); r.status != 201 {
			t.Errorf("create after Reset: %d %s", r.status, r.raw)
		}
	})
}

func TestTokenEntriesKeepNoCopyOfTheRequest(t *testing.T) {
	s, url := startRest(t)
	big := strings.Repeat("v", 5000)
	do(t, url, "POST", "/things", "", `{"name":"abc","clientToken":"tok","tags":{"k":"`+big+`"}}`)
	// The item's output echoes the tags once; the token entry adds a hash,
	// not another copy.
	if b := s.Store().Bytes(); b > 5000+2*itemOverhead+tokenOverhead+300 {
		t.Errorf("Bytes() = %d for one item of about 5 KB", b)
	}
	if r := do(t, url, "POST", "/things", "", `{"name":"abc","clientToken":"tok","tags":{"k":"`+big+`"}}`); r.status != 201 {
		t.Errorf("a retry with the same token and parameters: %d %s, want the first answer", r.status, r.raw)
	}
	if r := do(t, url, "POST", "/things", "", `{"name":"abc","clientToken":"tok","tags":{"k":"other"}}`); r.status != 409 {
		t.Errorf("the same token with other parameters: %d %s, want 409", r.status, r.raw)
	}
}

func TestRecordsKeepBoundedBodies(t *testing.T) {
	s, url := startRest(t, WithRecordBytes(1000))
	for i := range 5 {
		do(t, url, "POST", "/things", "", fmt.Sprintf(`{"name":"t%d","tags":{"k":"%s"}}`, i, strings.Repeat("x", 300)))
	}
	recs := s.Requests()
	total := 0
	for _, r := range recs {
		total += len(r.Body)
	}
	if total > 1000 || len(recs) != 3 {
		t.Errorf("%d records with %d body bytes, want the newest 3 within 1000 bytes", len(recs), total)
	}
	if !strings.Contains(string(recs[len(recs)-1].Body), `"t4"`) {
		t.Errorf("newest record %s, want the last request", recs[len(recs)-1].Body)
	}
}

func TestStateIsKeptForConflicts(t *testing.T) {
	svc := restService()
	b := svc.Operations[0].Behavior
	b.State = []Field{{"secretName", "{input.name}-{output.id}"}}
	b.Conflict.Members = append(b.Conflict.Members, Field{"message", "kept {state.secretName}"})
	s := NewServer(svc)
	url := StartTest(t, s)
	first := do(t, url, "POST", "/things", "", `{"name":"abc"}`)
	r := do(t, url, "POST", "/things", "", `{"name":"abc"}`)
	if want := "kept abc-" + first.body["id"].(string); r.body["message"] != want {
		t.Errorf("conflict message %v, want %q", r.body["message"], want)
	}
	if _, ok := first.body["secretName"]; ok {
		t.Errorf("the state leaked into the output: %s", first.raw)
	}
}
