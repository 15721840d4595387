package mocktest

import (
	"encoding/json"
	"testing"

	"github.com/specgen/specgen/generator/model"
	"github.com/specgen/specgen/specrt/mockrt"
)

// storedOf is what srv keeps of what op created, as JSON, with the shape
// of that JSON: the descriptions the resource engine keeps (the shape of
// the member of op's output holding one) when op creates a resource of
// svc, else the items of the mock block's store (op's output).
func storedOf(t *testing.T, srv *mockrt.Server, svc *model.Service, op *model.Operation) ([]any, *model.Shape) {
	t.Helper()
	for _, res := range svc.Resources {
		for _, ro := range res.Operations {
			if ro.Operation != op || ro.Role != "create" {
				continue
			}
			shape := op.Output
			for _, m := range op.Output.Members {
				if m.Name == ro.Description {
					shape = m.Shape
				}
			}
			var out []any
			for _, st := range srv.Resources(res.Name) {
				var v any
				if err := json.Unmarshal(st.Description, &v); err != nil {
					t.Fatal(err)
				}
				out = append(out, v)
			}
			return out, shape
		}
	}
	var out []any
	for _, c := range srv.Store().Collections() {
		for _, it := range srv.Store().List(c) {
			out = append(out, roundTrip(it.JSON()))
		}
	}
	return out, op.Output
}

// storedCount counts the resources and the mock blocks' items srv keeps.
func storedCount(srv *mockrt.Server) int {
	n := 0
	for _, c := range srv.Store().Collections() {
		n += len(srv.Store().List(c))
	}
	for _, res := range srv.Service().Resources {
		n += len(srv.Resources(res.Name))
	}
	return n
}
