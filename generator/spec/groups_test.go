package spec

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/generator/model"
)

// boxes is a service whose boxes are launched several at a time in a
// batch, listed by batch and stopped a list at a time, as EC2's
// instances are.
const boxes = `service:
  name: boxes
  title: Example Boxes
  apiVersion: "2025-01-01"
  protocol: awsJson1_0
  targetPrefix: Boxes
  signingName: boxes
  endpointPrefix: boxes
  validationError: ValidationException
operations:
  CreateShelf:
    http: {method: POST, path: /, status: 200}
    input: CreateShelfInput
    output: Shelf
    errors: [ValidationException]
  RunBoxes:
    http: {method: POST, path: /, status: 200}
    input: RunBoxesInput
    output: Batch
    errors: [ValidationException]
  DescribeBoxes:
    http: {method: POST, path: /, status: 200}
    input: DescribeBoxesInput
    output: DescribeBoxesOutput
    errors: [ValidationException]
    paginator: {inputToken: NextToken, outputToken: NextToken, resultKey: Batches}
  StopBoxes:
    http: {method: POST, path: /, status: 200}
    input: StopBoxesInput
    output: StopBoxesOutput
    errors: [ValidationException]
resources:
  Shelf:
    id: ShelfId
    referencedBy: {Box: Room}
    operations:
      CreateShelf: {role: create, description: "", companions: [{resource: Box, input: {MinCount: 1, MaxCount: 1}, set: {Room: '{parent.Room}'}}]}
  Box:
    parent: Shelf
    id: BoxId
    parentId: ShelfId
    status: State.Name
    operations:
      RunBoxes:
        role: create
        parentIdentifier: ShelfId
        description: Boxes
        count: {min: MinCount, max: MaxCount, index: Index}
        group: BatchId
        set: {Room: '{parent.Room}'}
      DescribeBoxes:
        role: list
        groups: {items: Boxes, id: BatchId, set: {Owner: '{account}'}}
      StopBoxes:
        role: action
        identifier: BoxIds
        changes: {member: Changes, id: BoxId, previous: Before, current: After}
        refuse: {statuses: [gone], error: ValidationException}
        status: {during: stopping, then: stopped}
shapes:
  ValidationException:
    type: structure
    error: {status: 400}
    members:
      message: string
  CreateShelfInput:
    type: structure
    members:
      Room: string
  Shelf:
    type: structure
    members:
      ShelfId: string
      Room: string
  RunBoxesInput:
    type: structure
    members:
      ShelfId: {shape: string, required: true}
      MinCount: {shape: integer, required: true}
      MaxCount: {shape: integer, required: true}
  Batch:
    type: structure
    members:
      BatchId: string
      Owner: string
      Boxes: BoxList
  BoxList:
    type: list
    member: Box
  Box:
    type: structure
    members:
      BoxId: string
      ShelfId: string
      Room: string
      Index: integer
      State: BoxState
  BoxState:
    type: structure
    members:
      Code: integer
      Name: string
  DescribeBoxesInput:
    type: structure
    members:
      NextToken: string
  DescribeBoxesOutput:
    type: structure
    members:
      NextToken: string
      Batches: BatchList
  BatchList:
    type: list
    member: Batch
  StopBoxesInput:
    type: structure
    members:
      BoxIds: {shape: IdList, required: true}
  IdList:
    type: list
    member: string
  StopBoxesOutput:
    type: structure
    members:
      Changes: ChangeList
  ChangeList:
    type: list
    member: Change
  Change:
    type: structure
    members:
      BoxId: string
      Before: BoxState
      After: BoxState
`

func TestGroupKeys(t *testing.T) {
	t.Run("count, group, groups, changes, refuse, companions, referencedBy and {parent.*} resolve into the model", func(t *testing.T) {
		svc, ds := Check("boxes.yaml", []byte(boxes))
		if ds.Errors() > 0 {
			t.Fatalf("check: %v", ds)
		}
		got := map[string]*model.ResourceOperation{}
		for _, res := range svc.Resources {
			for _, ro := range res.Operations {
				got[ro.Operation.Name] = ro
			}
		}
		run, list, stop := got["RunBoxes"], got["DescribeBoxes"], got["StopBoxes"]
		shelf := svc.Resources[slices.IndexFunc(svc.Resources, func(r *model.Resource) bool { return r.Name == "Shelf" })]
		if diff := cmp.Diff(map[string]string{"Box": "Room"}, shelf.ReferencedBy); diff != "" {
			t.Errorf("referencedBy (-want +got):\n%s", diff)
		}
		if c := got["CreateShelf"].Companions; len(c) != 1 || c[0].Resource != "Box" || len(c[0].Input) != 2 || len(c[0].Set) != 1 {
			t.Errorf("companions %+v, want Box with 2 input and 1 set values", c)
		}
		want := []any{"MinCount", "MaxCount", "Index", "BatchId", "Boxes", "BatchId", 1,
			&model.Changes{Member: "Changes", ID: "BoxId", Previous: "Before", Current: "After"}, []string{"gone"}, true}
		gotv := []any{run.CountMin, run.CountMax, run.CountIndex, run.Group, list.GroupItems, list.GroupID, len(list.GroupSet),
			stop.Changes, stop.Refuse, stop.Refused != nil}
		if diff := cmp.Diff(want, gotv); diff != "" {
			t.Errorf("count min, max, index, group, groups items, id, set, changes, refuse (-want +got):\n%s", diff)
		}
	})
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"a count of a member that is not an integer is refused",
			"count: {min: MinCount,", "count: {min: ShelfId,", "count min ShelfId must be a integer or long, it is string"},
		{"a group that is not a string output member is refused",
			"group: BatchId", "group: Boxes", "group Boxes must be a string, it is list"},
		{"groups of a list without a paginator are refused",
			"paginator: {inputToken: NextToken, outputToken: NextToken, resultKey: Batches}", "", "groups needs a paginator whose result is a list of structures"},
		{"groups items that are not a list of structures are refused",
			"groups: {items: Boxes,", "groups: {items: Owner,", "groups items Owner must be a list of structures"},
		{"changes with an identifier that is not a list are refused",
			"identifier: BoxIds", "identifier: NextToken", "no member \"NextToken\""},
		{"a change member the change does not have is refused",
			"previous: Before", "previous: Befor", "has no member \"Befor\""},
		{"changes of a member that is not a list of structures are refused",
			"changes: {member: Changes,", "changes: {member: Nope,", "has no member \"Nope\""},
		{"a {parent.*} member the parent does not have is refused",
			"'{parent.Room}'", "'{parent.Rooom}'", "{parent.Rooom}: CreateShelfOutput has no member \"Rooom\""},
		{"{parent.*} outside a create is refused",
			"status: {during: stopping, then: stopped}", "status: {during: stopping, then: stopped}\n        set: {Room: '{parent.Room}'}", "{parent.Room} cannot be used here"},
		{"a companion that is no child of the resource is refused",
			"companions: [{resource: Box,", "companions: [{resource: Shelf,", "companion Shelf must be a resource belonging to Shelf, with a create naming its parent"},
		{"a companion's input member its create does not have is refused",
			"input: {MinCount: 1,", "input: {MinCnt: 1,", "RunBoxesInput has no member \"MinCnt\""},
		{"a companion's {parent.*} member the parent does not have is refused",
			"set: {Room: '{parent.Room}'}}]", "set: {Room: '{parent.Rm}'}}]", "{parent.Rm}: CreateShelfOutput has no member \"Rm\""},
		{"referencedBy a kind that is not a resource is refused",
			"referencedBy: {Box: Room}", "referencedBy: {Crate: Room}", "referencedBy Crate, which is not a resource"},
		{"referencedBy a member the other kind does not have is refused",
			"referencedBy: {Box: Room}", "referencedBy: {Box: Rm}", "Box has no member \"Rm\""},
		{"count on a list is refused",
			"role: list\n", "role: list\n        count: {min: A, max: B}\n", "key \"count\" does not apply to role list"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(boxes, tc.old, tc.new, 1)
			if src == boxes {
				t.Fatalf("the case changes nothing: %q not found", tc.old)
			}
			_, ds := Check("boxes.yaml", []byte(src))
			if !strings.Contains(ds.Error(), tc.want) {
				t.Errorf("check said:\n%v\nwant a problem containing %q", ds, tc.want)
			}
		})
	}
}
