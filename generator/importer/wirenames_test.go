package importer

import "testing"

// TestWaiterPathsNameWireMembers rewrites waiters' JMESPath arguments of
// the forms botocore's waiters use from member names into wire names.
func TestWaiterPathsNameWireMembers(t *testing.T) {
	tr := &translator{m: &botoModel{shapes: map[string]*botoShape{
		"Out": {name: "Out", typ: "structure", members: []*botoMember{
			{name: "Reservations", shape: "ResList", locationName: "reservationSet"},
			{name: "PasswordData", shape: "String", locationName: "passwordData"},
			{name: "ChangeInfo", shape: "Info"},
		}},
		"ResList": {name: "ResList", typ: "list", member: "Res"},
		"Res": {name: "Res", typ: "structure", members: []*botoMember{
			{name: "Instances", shape: "InstList", locationName: "instancesSet"},
		}},
		"InstList": {name: "InstList", typ: "list", member: "Inst"},
		"Inst": {name: "Inst", typ: "structure", members: []*botoMember{
			{name: "State", shape: "State", locationName: "instanceState"},
			{name: "Count", shape: "Integer", locationName: "count"},
			{name: "Desired", shape: "Integer", locationName: "desired"},
		}},
		"State":   {name: "State", typ: "structure", members: []*botoMember{{name: "Name", shape: "String", locationName: "name"}}},
		"Info":    {name: "Info", typ: "structure", members: []*botoMember{{name: "Status", shape: "String"}}},
		"String":  {name: "String", typ: "string"},
		"Integer": {name: "Integer", typ: "integer"},
	}}}
	for _, tc := range []struct{ name, in, want string }{
		{"a dotted path through projections", "Reservations[].Instances[].State.Name", "reservationSet[].instancesSet[].instanceState.name"},
		{"a function call and a literal", "length(Reservations[]) > `0`", "length(reservationSet[]) > `0`"},
		{"a scalar member", "length(PasswordData) > `0`", "length(passwordData) > `0`"},
		{"names that are already wire names", "ChangeInfo.Status", "ChangeInfo.Status"},
		{"a filter on elements", "length(Reservations[].Instances[?!(Count == Desired && State.Name == 'Name')]) == `0`",
			"length(reservationSet[].instancesSet[?!(count == desired && instanceState.name == 'Name')]) == `0`"},
		{"an index and a wildcard", "Reservations[0].Instances[*].Count", "reservationSet[0].instancesSet[*].count"},
		{"a member the model lacks is left as written", "Nope[].State", "Nope[].State"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tr.wireJMESPath("Out", tc.in); got != tc.want {
				t.Errorf("wireJMESPath(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
