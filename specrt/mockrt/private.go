package mockrt

// Private description members (Resource.Private) are kept with the
// resource and answered by no operation: SNS keeps the Token it would
// have sent to a subscription's endpoint, which ConfirmSubscription finds
// the subscription by (findby.go), and GetSubscriptionAttributes does not
// answer. The control API (Server.Resource, Resources, GET
// /_specgen/resources) shows the whole description, so a test can read
// them. A kind with private members never answers its stored JSON as it
// is (kind.fits): each answer is built from the decoded description with
// them taken out.

// hide removes k's private members from desc, a description of k
// decoded (or a copy an answer holds), and returns it.
func (k *kind) hide(desc map[string]any) map[string]any {
	for _, p := range k.privatePaths {
		m := desc
		for _, seg := range p[:len(p)-1] {
			next, ok := m[seg].(map[string]any)
			if !ok {
				m = nil
				break
			}
			m = next
		}
		if m != nil {
			delete(m, p[len(p)-1])
		}
	}
	return desc
}
