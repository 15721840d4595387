// Package jsonbody is the body codec of the JSON protocols (awsJson1_0,
// awsJson1_1, restJson1): package jsonwire behind protocol.Body.
package jsonbody

import (
	"github.com/specgen/specgen/specrt/jsonwire"
	"github.com/specgen/specgen/specrt/protocol"
)

// Codec is the JSON body codec. It has no state: its value in an interface
// costs no allocation.
type Codec struct{}

var _ protocol.Body = Codec{}

// Marshal implements protocol.Body with jsonwire.Marshal.
func (Codec) Marshal(s *jsonwire.Shape, v any) ([]byte, error) { return jsonwire.Marshal(s, v) }

// Unmarshal implements protocol.Body with jsonwire.Unmarshal.
func (Codec) Unmarshal(data []byte, s *jsonwire.Shape, v any) error {
	return jsonwire.Unmarshal(data, s, v)
}
