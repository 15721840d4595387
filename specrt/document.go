package specrt

import (
	"bytes"
	"encoding/json"
	"errors"
)

// Document is a value of a document shape: any JSON value, kept as its JSON
// text. The AWS SDK for Go v2 has an interface (document.Interface) with a
// lazy encoder per protocol; the JSON protocols need no more than the text,
// which costs nothing to carry and lets the caller decode it into whatever
// Go value suits (Decode) or build one from any value (NewDocument).
//
// The zero value (nil) is a document left out. A member sent as null is
// left out too, as for every other member; NewDocument(nil) makes the
// Document "null" for a caller who means to send one.
type Document []byte

// NewDocument encodes v (anything encoding/json accepts) as a Document.
func NewDocument(v any) (Document, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return Document(b), nil
}

// PayloadDocument reads a response body that is a document payload: an
// empty body leaves the member unset, anything else must be well-formed
// JSON.
func PayloadDocument(data []byte) (Document, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil
	}
	if !json.Valid(data) {
		return nil, errors.New("document payload is not well-formed JSON")
	}
	return Document(bytes.Clone(data)), nil
}

// Decode decodes the document into v, as json.Unmarshal does.
func (d Document) Decode(v any) error {
	if d == nil {
		return errors.New("document is not set")
	}
	return json.Unmarshal(d, v)
}

// String returns the document's JSON text.
func (d Document) String() string { return string(d) }

// MarshalJSON returns the document's JSON text; a document that is not
// well-formed JSON is an error, not a broken request.
func (d Document) MarshalJSON() ([]byte, error) {
	if d == nil {
		return []byte("null"), nil
	}
	if !json.Valid(d) {
		return nil, errors.New("document is not well-formed JSON")
	}
	return d, nil
}

// UnmarshalJSON keeps a copy of the JSON text of the value; null leaves d
// as it is, as encoding/json does for other types.
func (d *Document) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		return nil
	}
	if !json.Valid(data) {
		return errors.New("document is not well-formed JSON")
	}
	*d = Document(bytes.Clone(bytes.TrimSpace(data)))
	return nil
}
