// Package awsjson is the awsJson1_0 and awsJson1_1 protocols: every request
// is POST / with a JSON body, the operation named by the X-Amz-Target header
// ("<targetPrefix>.<operation>"); the two versions differ only in their
// content type.
package awsjson

import (
	"net/http"
	"strings"

	"github.com/specgen/specgen/specrt/protocol"
	"github.com/specgen/specgen/specrt/protocol/ident"
	"github.com/specgen/specgen/specrt/protocol/internal/jsonbody"
	"github.com/specgen/specgen/specrt/protocol/internal/jsonerror"
)

// HeaderTarget is the header that names the operation.
const HeaderTarget = "X-Amz-Target"

// The two versions of the protocol.
var (
	// V10 is awsJson1_0.
	V10 = newProtocol(ident.AWSJSON10)
	// V11 is awsJson1_1.
	V11 = newProtocol(ident.AWSJSON11)
)

// Protocol is one version of awsJson.
type Protocol struct {
	jsonbody.Messages
	id *ident.Identity
	// contentType is one header value slice shared by every request:
	// nothing on the way to the wire modifies header values in place.
	contentType []string
}

func newProtocol(id *ident.Identity) *Protocol {
	return &Protocol{id: id, contentType: []string{id.ContentType}}
}

var _ protocol.Protocol = (*Protocol)(nil)

// Identity implements protocol.Protocol.
func (p *Protocol) Identity() *ident.Identity { return p.id }

// Body implements protocol.Protocol: bodies are JSON, encoded by package
// jsonwire.
func (*Protocol) Body() protocol.Body { return jsonbody.Codec{} }

// RequestLine implements protocol.Protocol: always POST /.
func (p *Protocol) RequestLine(string, protocol.Route) (string, string) {
	return http.MethodPost, "/"
}

// Target is the X-Amz-Target value of operation op under targetPrefix.
func Target(targetPrefix, op string) string { return targetPrefix + "." + op }

// SplitTarget splits an X-Amz-Target value into its prefix and operation; ok
// is false when the value has no dot.
func SplitTarget(target string) (prefix, op string, ok bool) {
	i := strings.LastIndexByte(target, '.')
	if i < 0 {
		return "", "", false
	}
	return target[:i], target[i+1:], true
}

// SetRequestHeaders implements protocol.Protocol.
func (p *Protocol) SetRequestHeaders(h http.Header, targetPrefix, operation string) {
	h["Content-Type"] = p.contentType
	h[HeaderTarget] = []string{Target(targetPrefix, operation)}
}

// ReadError implements protocol.Protocol.
func (p *Protocol) ReadError(h http.Header, body []byte) protocol.ErrorInfo {
	return jsonerror.Read(h, body)
}

// NewRouter implements protocol.Protocol: operations by target, for POST
// only.
func (p *Protocol) NewRouter(e protocol.Endpoint) protocol.Router {
	rt := router{}
	for i, op := range e.Ops {
		rt[Target(e.TargetPrefix, op.Name)] = i
	}
	return rt
}

type router map[string]int

func (rt router) Route(r *http.Request, _ []byte) (int, map[string]string, string) {
	target := r.Header.Get(HeaderTarget)
	if op, ok := rt[target]; ok && r.Method == http.MethodPost {
		return op, nil, ""
	}
	if target == "" {
		return -1, nil, "(no X-Amz-Target header)"
	}
	return -1, nil, target
}

// NewIndex implements protocol.Protocol: mocks by target prefix.
func (p *Protocol) NewIndex(services []protocol.Endpoint) protocol.Index {
	x := index{}
	for i, s := range services {
		x[s.TargetPrefix] = append(x[s.TargetPrefix], i)
	}
	return x
}

type index map[string][]int

func (x index) Candidates(r *http.Request, _ []byte) []int {
	prefix, _, ok := SplitTarget(r.Header.Get(HeaderTarget))
	if !ok {
		return nil
	}
	return x[prefix]
}

// Address implements protocol.Protocol.
func (p *Protocol) Address(targetPrefix string, op protocol.Route) protocol.Address {
	return protocol.Address{Target: Target(targetPrefix, op.Name)}
}

// SuccessStatus implements protocol.Protocol: always 200.
func (p *Protocol) SuccessStatus(int) int { return http.StatusOK }

// SetResponseHeaders implements protocol.Protocol: awsJson has none.
func (p *Protocol) SetResponseHeaders(http.Header) {}

// SetErrorHeaders implements protocol.Protocol: the code travels in the
// body's __type only.
func (p *Protocol) SetErrorHeaders(http.Header, string) {}

// AuthErrorStatus implements protocol.Protocol: awsJson services answer 400
// to every authentication error.
func (p *Protocol) AuthErrorStatus(string) int { return http.StatusBadRequest }
