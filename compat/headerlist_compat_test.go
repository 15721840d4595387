package compat

import (
	"strconv"
	"strings"
	"testing"

	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/specrt"
)

// TestHeaderListsAgreeWithSmithy checks that a list header written by our
// client is read back by the AWS SDK for Go v2 as the same list, and that
// a list as the SDK writes it (one header line per element, quoted with
// strconv.Quote where it holds a comma or a quote) is read by us as the
// same list.
func TestHeaderListsAgreeWithSmithy(t *testing.T) {
	lists := [][]string{
		{"a"},
		{"a", "b c"},
		{"a,b", "c"},
		{`say "hi"`, "x"},
		{`back\slash`, "a,b,c", `"quoted"`},
	}
	for _, list := range lists {
		t.Run(strings.Join(list, "|"), func(t *testing.T) {
			got, err := smithyhttp.SplitHeaderListValues([]string{specrt.JoinHeaderList(list)})
			if err != nil {
				t.Fatalf("the SDK cannot split our header: %v", err)
			}
			if diff := cmp.Diff(list, got); diff != "" {
				t.Errorf("the SDK reads our header as (-want +got):\n%s", diff)
			}
			var lines []string
			for _, v := range list {
				if strings.ContainsAny(v, `,"`) {
					v = strconv.Quote(v)
				}
				lines = append(lines, v)
			}
			var ours []string
			for _, l := range lines {
				ours = append(ours, specrt.SplitHeaderList(l)...)
			}
			if diff := cmp.Diff(list, ours); diff != "" {
				t.Errorf("we read the SDK's header as (-want +got):\n%s", diff)
			}
		})
	}
}
