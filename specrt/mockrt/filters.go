package mockrt

// equalsFilter tells whether a description member's value passes a
// list's filter: equal to it (compared as JSON text, so that a number from
// a query string equals the stored number), or, for a filter given as a
// list of values (CloudWatch's DescribeAlarms AlarmNames), equal to one
// of them. An empty list filters nothing, as a request leaving it out.
func equalsFilter(have, want any) bool {
	list, ok := want.([]any)
	if !ok {
		return textOf(have) == textOf(want)
	}
	if len(list) == 0 {
		return true
	}
	h := textOf(have)
	for _, w := range list {
		if textOf(w) == h {
			return true
		}
	}
	return false
}
