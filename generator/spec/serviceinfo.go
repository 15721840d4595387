package spec

import "strings"

// serviceInfo resolves what an imported spec carries about the service
// beyond what the client needs: the model's serviceId and the protocols it
// lists. A protocol the model lists and the client does not speak is kept
// as data, since only protocol decides the generated code; protocol must
// be among the listed ones, or the spec contradicts its model.
func (r *resolver) serviceInfo(s rawService) {
	r.svc.ServiceID = s.serviceID.v
	if s.protocols == nil {
		return
	}
	var found bool
	for _, p := range r.strings(s.protocols, "protocols") {
		r.svc.Protocols = append(r.svc.Protocols, p.v)
		found = found || p.v == s.protocol.v
	}
	if !found && s.protocol.ok() && len(r.svc.Protocols) > 0 {
		r.errorf(s.protocol.n, "protocol %s is not among the protocols listed (%s)", s.protocol.v, strings.Join(r.svc.Protocols, ", "))
	}
}
