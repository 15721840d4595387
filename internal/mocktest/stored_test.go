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
			shape := descShape(res)
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

// descShape is the shape of res's description: the member of its read's
// output (else its create's) that holds it.
func descShape(res *model.Resource) *model.Shape {
	for _, role := range []string{"read", "create"} {
		for _, ro := range res.Operations {
			if ro.Role != role || ro.Description == "-" {
				continue
			}
			if ro.Description == "" {
				return ro.Operation.Output
			}
			for _, m := range ro.Operation.Output.Members {
				if m.Name == ro.Description {
					return m.Shape
				}
			}
		}
	}
	return nil
}

// storedCount counts what srv keeps of what op created: the resources of
// the kind it creates, else the mock blocks' items.
func storedCount(srv *mockrt.Server, op string) int {
	for _, res := range srv.Service().Resources {
		for _, ro := range res.Operations {
			if ro.Operation == op && ro.Role == mockrt.RoleCreate {
				return len(srv.Resources(res.Name))
			}
		}
	}
	n := 0
	for _, c := range srv.Store().Collections() {
		n += len(srv.Store().List(c))
	}
	return n
}
