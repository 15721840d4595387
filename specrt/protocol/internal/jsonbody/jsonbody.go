// Package jsonbody is the body codec of the JSON protocols (awsJson1_0,
// awsJson1_1, restJson1): package jsonwire behind protocol.Body, and the
// message methods of protocol.Protocol, which for these protocols add no
// envelope to a body beside an error's "__type".
package jsonbody

import (
	"encoding/json"

	"github.com/specgen/specgen/specrt/jsonwire"

	"github.com/specgen/specgen/specrt/protocol"
	"github.com/specgen/specgen/specrt/schema"
)

// Codec is the JSON body codec. It has no state: its value in an interface
// costs no allocation.
type Codec struct{}

var _ protocol.Body = Codec{}

// Marshal implements protocol.Body with jsonwire.Marshal.
func (Codec) Marshal(s *schema.Shape, v any) ([]byte, error) { return jsonwire.Marshal(s, v) }

// Unmarshal implements protocol.Body with jsonwire.Unmarshal.
func (Codec) Unmarshal(data []byte, s *schema.Shape, v any) error {
	return jsonwire.Unmarshal(data, s, v)
}

// Messages implements the body methods of protocol.Protocol for the JSON
// protocols, which embed it: a request or a response is the JSON of its
// structure, whatever the operation. A nil shape falls back to
// encoding/json, for values that describe themselves (hand-written inputs
// and outputs in tests, generated types' MarshalJSON).
type Messages struct{}

// EncodeRequest implements protocol.Protocol.
func (Messages) EncodeRequest(_ *protocol.Message, s *schema.Shape, v any) ([]byte, error) {
	return marshal(s, v)
}

// DecodeRequest implements protocol.Protocol.
func (Messages) DecodeRequest(_ *protocol.Message, data []byte, s *schema.Shape, v any) error {
	return unmarshal(data, s, v)
}

// EncodeResponse implements protocol.Protocol.
func (Messages) EncodeResponse(_ *protocol.Message, s *schema.Shape, v any) ([]byte, error) {
	return marshal(s, v)
}

// DecodeResponse implements protocol.Protocol.
func (Messages) DecodeResponse(_ *protocol.Message, data []byte, s *schema.Shape, v any) error {
	return unmarshal(data, s, v)
}

// DecodeError implements protocol.Protocol: the error's members are the
// body's, beside "__type".
func (Messages) DecodeError(data []byte, s *schema.Shape, v any) error {
	return unmarshal(data, s, v)
}

// EncodeError implements protocol.Protocol: "__type" set to the code, which
// every JSON protocol's clients understand, then the error's modeled
// members. An error without a shape carries its message, if it has one,
// as "message". The fault is said by the status alone.
func (Messages) EncodeError(_ *protocol.Message, e protocol.ErrorBody, s *schema.Shape, v any) ([]byte, error) {
	code, err := json.Marshal(e.Code)
	if err != nil {
		return nil, err
	}
	b := make([]byte, 0, 64)
	b = append(b, `{"__type":`...)
	b = append(b, code...)
	if s == nil {
		if e.Message != "" {
			text, err := json.Marshal(e.Message)
			if err != nil {
				return nil, err
			}
			b = append(b, `,"message":`...)
			b = append(b, text...)
		}
		return append(b, '}'), nil
	}
	members, err := jsonwire.Marshal(s, v)
	if err != nil {
		return nil, err
	}
	if len(members) > 2 {
		b = append(b, ',')
		return append(b, members[1:]...), nil
	}
	return append(b, '}'), nil
}

func marshal(s *schema.Shape, v any) ([]byte, error) {
	if s == nil {
		return json.Marshal(v)
	}
	return jsonwire.Marshal(s, v)
}

func unmarshal(data []byte, s *schema.Shape, v any) error {
	if s == nil {
		return json.Unmarshal(data, v)
	}
	return jsonwire.Unmarshal(data, s, v)
}
