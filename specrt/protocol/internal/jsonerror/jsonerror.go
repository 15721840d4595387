// Package jsonerror reads the code and message of an error response of the
// JSON protocols, which find them in the same places.
package jsonerror

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/specgen/specgen/specrt/protocol"
)

// HeaderErrorType is the header the JSON protocols may carry an error's code
// in; clients look there first.
const HeaderErrorType = "X-Amzn-ErrorType"

// Read resolves the code and message of an error response: the
// X-Amzn-ErrorType header first, then "__type" in a JSON body, then "code"
// (in that order, as the AWS SDK for Go v2 does: Lightsail's errors have a
// "code" member of their own, next to "__type"). A body that is empty or not
// a JSON object yields Members false and never an error: the caller decides how
// to report it.
func Read(h http.Header, body []byte) protocol.ErrorInfo {
	var info protocol.ErrorInfo
	if v := h.Get(HeaderErrorType); v != "" {
		info.Code = SanitizeCode(v)
	}
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return info
	}
	var fields struct {
		Code    json.RawMessage `json:"code"`
		Type    json.RawMessage `json:"__type"`
		Message json.RawMessage `json:"message"`
	}
	if err := json.Unmarshal(trimmed, &fields); err != nil {
		return info
	}
	info.Members = true
	if info.Code == "" {
		if s := jsonString(fields.Type); s != "" {
			info.Code = SanitizeCode(s)
		} else if s := jsonString(fields.Code); s != "" {
			info.Code = SanitizeCode(s)
		}
	}
	info.Message = jsonString(fields.Message)
	return info
}

// jsonString returns raw as a string when it is a JSON string, and "" for
// anything else (a number where a code was expected is not a code).
func jsonString(raw json.RawMessage) string {
	if len(raw) == 0 || raw[0] != '"' {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return s
}

// SanitizeCode reduces an error code as the AWS protocols send it to its
// bare shape name: anything from the first ':' on is dropped
// ("ConflictException:http://internal.amazon.com/" → "ConflictException"),
// then anything up to the first '#' ("aws.protocoltests#ConflictException" →
// "ConflictException").
func SanitizeCode(code string) string {
	if i := strings.IndexByte(code, ':'); i >= 0 {
		code = code[:i]
	}
	if i := strings.IndexByte(code, '#'); i >= 0 {
		code = code[i+1:]
	}
	return strings.TrimSpace(code)
}
