package importer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// value is one JSON value with its object keys in file order: botocore
// models list members in the order the service documents them, and
// encoding/json's maps would lose it.
type value struct {
	kind   kind
	str    string // the string, or a number's literal text
	b      bool
	fields []field // objects
	items  []*value
}

type field struct {
	key string
	val *value
}

type kind int

const (
	kNull kind = iota
	kBool
	kNumber
	kString
	kObject
	kArray
)

func (k kind) String() string {
	return [...]string{"null", "a boolean", "a number", "a string", "an object", "an array"}[k]
}

// get returns the value of key in an object, or nil.
func (v *value) get(key string) *value {
	for _, f := range v.fields {
		if f.key == key {
			return f.val
		}
	}
	return nil
}

// maxDepth bounds nesting: real models nest about ten levels (examples a
// few more); a hostile file of a million '[' must not exhaust the stack.
const maxDepth = 64

// maxValues bounds the number of values in one file, and so the memory its
// tree takes: EC2's model, the largest, has about 65,000 (its size is
// mostly documentation), while a hostile file of "[0,0,0,..." would hold a
// value every two bytes.
const maxValues = 1_000_000

// parseJSON reads one JSON document. Errors name the byte offset's line
// and column, and the JSON path reached.
func parseJSON(data []byte) (*value, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	p := &jparser{d: d, data: data}
	v, err := p.value(nil, 0)
	if err != nil {
		return nil, err
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, p.errorf(nil, "unexpected data after the top-level value")
	}
	return v, nil
}

type jparser struct {
	d      *json.Decoder
	data   []byte
	values int
}

func (p *jparser) errorf(path []string, format string, args ...any) error {
	line, col := lineCol(p.data, int(p.d.InputOffset()))
	msg := fmt.Sprintf(format, args...)
	if len(path) > 0 {
		return fmt.Errorf("%d:%d: %s: %s", line, col, joinPath(path), msg)
	}
	return fmt.Errorf("%d:%d: %s", line, col, msg)
}

func (p *jparser) value(path []string, depth int) (*value, error) {
	if depth > maxDepth {
		return nil, p.errorf(path, "nested more than %d levels deep", maxDepth)
	}
	if p.values++; p.values > maxValues {
		return nil, p.errorf(path, "more than %d values: not a service model", maxValues)
	}
	tok, err := p.d.Token()
	if err != nil {
		return nil, p.syntax(path, err)
	}
	switch t := tok.(type) {
	case nil:
		return &value{kind: kNull}, nil
	case bool:
		return &value{kind: kBool, b: t}, nil
	case json.Number:
		// A number no float64 holds has no YAML spelling either.
		if _, err := strconv.ParseFloat(t.String(), 64); err != nil {
			return nil, p.errorf(path, "number %s is out of range", t)
		}
		return &value{kind: kNumber, str: t.String()}, nil
	case string:
		return &value{kind: kString, str: t}, nil
	case json.Delim:
		switch t {
		case '{':
			v := &value{kind: kObject}
			seen := map[string]bool{}
			for p.d.More() {
				kt, err := p.d.Token()
				if err != nil {
					return nil, p.syntax(path, err)
				}
				k := kt.(string) // the decoder only yields string keys
				if seen[k] {
					return nil, p.errorf(path, "duplicate key %q", k)
				}
				seen[k] = true
				fv, err := p.value(append(path[:len(path):len(path)], k), depth+1)
				if err != nil {
					return nil, err
				}
				v.fields = append(v.fields, field{k, fv})
			}
			if _, err := p.d.Token(); err != nil {
				return nil, p.syntax(path, err)
			}
			return v, nil
		case '[':
			v := &value{kind: kArray}
			for p.d.More() {
				iv, err := p.value(append(path[:len(path):len(path)], strconv.Itoa(len(v.items))), depth+1)
				if err != nil {
					return nil, err
				}
				v.items = append(v.items, iv)
			}
			if _, err := p.d.Token(); err != nil {
				return nil, p.syntax(path, err)
			}
			return v, nil
		}
	}
	return nil, p.errorf(path, "unexpected %v", tok)
}

func (p *jparser) syntax(path []string, err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return p.errorf(path, "truncated JSON: the file ends inside a value")
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := lineCol(p.data, int(se.Offset))
		if len(path) > 0 {
			return fmt.Errorf("%d:%d: %s: %s", line, col, joinPath(path), msg)
		}
		return fmt.Errorf("%d:%d: %s", line, col, msg)
	}
	return p.errorf(path, "%s", msg)
}

func lineCol(data []byte, off int) (int, int) {
	if off > len(data) {
		off = len(data)
	}
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := off - bytes.LastIndexByte(before, '\n')
	return line, col
}

// joinPath writes a JSON path as botocore's docs do: shapes.Foo.members.Bar,
// with keys that are not plain words quoted.
func joinPath(path []string) string {
	var b strings.Builder
	for i, k := range path {
		if i > 0 {
			b.WriteByte('.')
		}
		if plainKey(k) {
			b.WriteString(k)
		} else {
			b.WriteString(strconv.Quote(k))
		}
	}
	return b.String()
}

func plainKey(k string) bool {
	if k == "" {
		return false
	}
	for _, r := range k {
		if !(r == '_' || r == '-' || r == '#' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}
