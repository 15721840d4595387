package mockrt

import (
	"errors"
	"mime"
	"net/http"
	"reflect"
	"strconv"

	"github.com/specgen/specgen/specrt/jsonwire"

	"github.com/specgen/specgen/specrt/protocol"
	"github.com/specgen/specgen/specrt/protocol/registry"
	"github.com/specgen/specgen/specrt/schema"
)

// speaker is one protocol a mock answers: its implementation, its router
// over the mock's operations, and its body codec.
type speaker struct {
	proto  protocol.Protocol
	router protocol.Router
	// body is proto.Body(), kept here so that a test can record what the
	// mock hands it.
	body protocol.Body
	// json is proto's Identity().JSONBody: requests are read by the exact
	// JSON decoder and the resource engine's JSON answers go out as they
	// are. Any other protocol reads and writes typed values through its
	// message methods.
	json bool
}

// newSpeakers resolves the protocols svc answers: Protocol first, then the
// others Protocols lists, in its order.
func newSpeakers(svc *Service) ([]*speaker, error) {
	names := []string{svc.Protocol}
	for _, name := range svc.Protocols {
		if name != svc.Protocol {
			names = append(names, name)
		}
	}
	e := endpoint(svc)
	speakers := make([]*speaker, 0, len(names))
	for _, name := range names {
		p, err := registry.Lookup(name)
		if err != nil {
			return nil, err
		}
		speakers = append(speakers, &speaker{proto: p, router: p.NewRouter(e), body: p.Body(), json: p.Identity().JSONBody})
	}
	return speakers, nil
}

// endpoint describes svc to its protocols' routers and indexes.
func endpoint(svc *Service) protocol.Endpoint {
	return protocol.Endpoint{TargetPrefix: svc.TargetPrefix, Version: svc.APIVersion, Ops: routes(svc)}
}

// exchange is one request as the mock answers it: the protocol it came in,
// which answers it, and what the answer's body says of it beside its shape.
type exchange struct {
	sp  *speaker
	msg protocol.Message
}

// message returns a copy of the exchange's message, for the protocol.
func (x *exchange) message() *protocol.Message {
	m := x.msg
	return &m
}

// setOperation notes the operation the request was routed to.
func (x *exchange) setOperation(op *compiledOp) {
	x.msg.Operation, x.msg.Wrapper = op.Name, op.Wrapper
}

// route finds the protocol and the operation a request is for, with its
// path labels: the first of the mock's protocols whose router claims it
// wins. When none does, it returns the protocol whose framing the request
// has (see framing) and that router's description of the request, for the
// error message.
func (s *Server) route(r *http.Request, body []byte) (*speaker, *compiledOp, map[string]string, string) {
	for _, sp := range s.speakers {
		if i, labels, _ := sp.router.Route(r, body); i >= 0 {
			return sp, s.opList[i], labels, ""
		}
	}
	sp := s.framing(r)
	_, _, what := sp.router.Route(r, body)
	return sp, nil, nil, what
}

// framing is the protocol to answer a request no router claims in: the
// first of the mock's protocols whose request media type the request's
// Content-Type names, else the primary one.
func (s *Server) framing(r *http.Request) *speaker {
	if len(s.speakers) > 1 {
		if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err == nil {
			for _, sp := range s.speakers {
				if sp.proto.Identity().ContentType == mt {
					return sp
				}
			}
		}
	}
	return s.speakers[0]
}

// decompressed reports whether decodeContentEncoding gave a new body, not
// raw itself.
func decompressed(raw, body []byte) bool {
	if len(raw) != len(body) {
		return true
	}
	return len(body) > 0 && &raw[0] != &body[0]
}

// decodeMessage reads the body of a request in a protocol whose bodies are
// not bare JSON: the protocol decodes it into the typed input, and the
// tree the resource engine works on is made from that. An empty body is
// an empty input.
func (s *Server) decodeMessage(x *exchange, op *compiledOp, body []byte) (map[string]any, Input, error) {
	in := op.NewInput()
	if len(body) > 0 {
		if err := x.sp.proto.DecodeRequest(x.message(), body, op.inShape, in); err != nil {
			return nil, nil, s.serializationFailed(err.Error())
		}
	}
	tree, err := op.toTree(in) // encode.go
	if err != nil {
		return nil, nil, &Error{Code: "InternalFailure", Message: "the mock cannot read its input: " + err.Error(), Status: 500}
	}
	return tree, in, nil
}

// writeMessage answers a typed output in a protocol whose bodies are not
// bare JSON: members bound to the status and headers as writeBound sets
// them, a structure payload through the protocol's body codec, any other
// payload as it is, and otherwise the body the protocol's EncodeResponse
// writes.
func (s *Server) writeMessage(w http.ResponseWriter, x *exchange, op *compiledOp, out any) (int, string) {
	if isNil(out) {
		out = op.NewOutput()
	}
	failed := func(err error) (int, string) {
		return s.writeError(w, x, &Error{Code: "InternalFailure", Message: "the mock cannot encode its output: " + err.Error(), Status: 500})
	}
	status := x.sp.proto.SuccessStatus(op.Status)
	contentType := x.sp.proto.Identity().ResponseType()
	h := w.Header()
	x.sp.proto.SetResponseHeaders(h)
	var data []byte
	var payload *outBinding
	if len(op.outBinds) > 0 {
		tree, err := treeOf(op, out)
		if err != nil {
			return failed(err)
		}
		var bound []byte
		if status, contentType, bound, err = writeBound(op, h, status, contentType, tree); err != nil { // binding.go
			return failed(err)
		}
		for i := range op.outBinds {
			if op.outBinds[i].Location == "payload" {
				payload = &op.outBinds[i]
			}
		}
		if payload != nil && (payload.doc || payload.kind != reflect.Struct) {
			data = bound
		}
	}
	switch {
	case payload == nil:
		var err error
		if data, err = x.sp.proto.EncodeResponse(x.message(), op.outShape, out); err != nil {
			return failed(err)
		}
	case !payload.doc && payload.kind == reflect.Struct:
		f := reflect.ValueOf(out).Elem().FieldByName(payload.Field)
		if f.IsNil() {
			contentType = ""
			break
		}
		shape := op.structShape(f.Type())
		if shape == nil {
			return failed(errNoPayloadShape)
		}
		if payload.Name != "" {
			shape = namedPayload(shape, payload.Name) // payload.go
		}
		var err error
		if data, err = x.sp.body.Marshal(shape, f.Interface()); err != nil {
			return failed(err)
		}
	}
	if contentType != "" && len(data) > 0 {
		h.Set("Content-Type", contentType)
	}
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	w.Write(data)
	return status, ""
}

// treeOf is the JSON of a typed output with its bound members, as
// writeBound reads it.
func treeOf(op *compiledOp, out any) ([]byte, error) {
	data, err := op.encodeOutput(jsonCodec{}, out) // encode.go
	if err != nil {
		return nil, err
	}
	return addBoundOutput(op, out, data) // binding.go
}

var errNoPayloadShape = errors.New("the service describes no shape of the output's payload")

// jsonCodec is package jsonwire as a body codec: the mock's own JSON (its
// trees, its stored outputs) under every protocol.
type jsonCodec struct{}

func (jsonCodec) Marshal(s *schema.Shape, v any) ([]byte, error) { return jsonwire.Marshal(s, v) }

func (jsonCodec) Unmarshal(data []byte, s *schema.Shape, v any) error {
	return jsonwire.Unmarshal(data, s, v)
}
