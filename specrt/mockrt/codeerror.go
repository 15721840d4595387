package mockrt

import (
	"net/http"

	"github.com/specgen/specgen/specrt"
)

// codeError builds an error that no shape declares, from its code and the
// template of its message: the errors of a service whose model declares
// none (EC2 answers InvalidVpcID.NotFound, DependencyViolation,
// MissingParameter by code only). Without a message template the engine's
// own message is answered.
func (s *Server) codeError(t *compiledErr, e *env) error {
	msg := e.Message
	if len(t.members) > 0 {
		if m, ok := s.errorBody(t, e)["message"].(string); ok {
			msg = m
		}
	}
	status := t.status
	if status == 0 {
		status = http.StatusBadRequest
	}
	return &Error{Code: t.code, Message: msg, Status: status}
}

// missingParameter is the service's missing parameter error for the first
// required member ve reports left out; nil when the service has none or no
// member is missing.
func (s *Server) missingParameter(ve *specrt.ValidationError) error {
	if s.missing == nil {
		return nil
	}
	for _, f := range ve.Fields {
		if f.Rule == specrt.RuleRequired && f.Path != "" {
			return s.buildError(s.missing, &env{Message: f.Error(), Subject: f.Path}, nil)
		}
	}
	return nil
}
