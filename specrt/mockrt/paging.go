package mockrt

import (
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/specgen/specgen/specrt"
)

// pageLimit reads a list request's limit member, v, found at path: a
// number, or a string holding one, as Route 53's MaxItems is. It returns 0
// when the request sets none. A string that is not a whole number is the
// service's validation error, as the service answers it; a number too large
// for an int64 is as good as no limit.
func (s *Server) pageLimit(v any, path []string) (int64, error) {
	var text string
	switch v := v.(type) {
	case json.Number:
		text = v.String()
	case string:
		text = v
	default:
		return 0, nil
	}
	n, err := strconv.ParseInt(strings.TrimSpace(text), 10, 64)
	switch {
	case err == nil:
		return n, nil
	case errors.Is(err, strconv.ErrRange):
		return math.MaxInt64, nil
	case isNumber(v):
		// A JSON number with a fraction or an exponent was accepted by the
		// typed input's decoder; it sets no limit, as before.
		return 0, nil
	}
	return 0, s.validationFailed(&specrt.ValidationError{Fields: []specrt.FieldError{{
		Path: strings.Join(path, "."), Rule: specrt.RuleRange,
		Message: "must be a whole number", Value: logText(text),
	}}})
}

func isNumber(v any) bool {
	_, ok := v.(json.Number)
	return ok
}
