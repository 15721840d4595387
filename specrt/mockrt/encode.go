package mockrt

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/specgen/specgen/specrt/jsonwire"
	"github.com/specgen/specgen/specrt/protocol"
)

// appendJSON appends the JSON of a decoded-JSON value (what templates
// produce: maps, lists, strings, json.Number, float64, int, bool, nil) to b.
// It is encoding/json's output for these types (keys sorted, no HTML
// escaping) without its reflection, which is most of the cost of answering a
// create.
func appendJSON(b []byte, v any) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case string:
		return appendString(b, v), nil
	case bool:
		return strconv.AppendBool(b, v), nil
	case json.Number:
		if !json.Valid([]byte(v)) {
			return nil, fmt.Errorf("invalid number %q", string(v))
		}
		return append(b, v...), nil
	case float64:
		if math.IsInf(v, 0) || math.IsNaN(v) {
			return nil, fmt.Errorf("unsupported number %v", v)
		}
		return strconv.AppendFloat(b, v, 'f', -1, 64), nil
	case int:
		return strconv.AppendInt(b, int64(v), 10), nil
	case int64:
		return strconv.AppendInt(b, v, 10), nil
	case json.RawMessage:
		// JSON the mock wrote itself (a stored resource's description).
		return append(b, v...), nil
	case []any:
		b = append(b, '[')
		for i, e := range v {
			if i > 0 {
				b = append(b, ',')
			}
			var err error
			if b, err = appendJSON(b, e); err != nil {
				return nil, err
			}
		}
		return append(b, ']'), nil
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b = append(b, '{')
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, k)
			b = append(b, ':')
			var err error
			if b, err = appendJSON(b, v[k]); err != nil {
				return nil, err
			}
		}
		return append(b, '}'), nil
	}
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return append(b, data...), nil
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string; invalid UTF-8 becomes U+FFFD, as
// in encoding/json.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// encodeOutput encodes an operation's output, the body of its success
// response, with body, a JSON codec, when the service described its shape,
// and with encoding/json otherwise.
func (c *compiledOp) encodeOutput(body protocol.Body, out any) ([]byte, error) {
	if c.outShape != nil {
		return body.Marshal(c.outShape, out)
	}
	return json.Marshal(out)
}

// toTree turns a typed input into decoded JSON, numbers kept exact: through
// the codec when the service described the input's shape, else through
// encoding/json. The tree is the mock's own representation under every
// protocol (its rules and resources work on JSON trees), so this is
// jsonwire, not the protocol's body codec.
func (c *compiledOp) toTree(v any) (map[string]any, error) {
	var data []byte
	var err error
	if c.inShape != nil {
		data, err = jsonwire.Marshal(c.inShape, v)
	} else {
		data, err = json.Marshal(v)
	}
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return nil, err
	}
	if m == nil {
		m = map[string]any{}
	}
	return m, nil
}
