package mockrt

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"strings"
)

// decodeContentEncoding undoes the gzip a client applied last to a request
// body (the model's requestcompression), within the body limit, and leaves
// in the Content-Encoding header the encodings before it, which a member
// of the input may name (restJson1). A body that is not gzip is the
// protocol's serialization error; any other encoding is left as it is.
func decodeContentEncoding(r *http.Request, body []byte, limit int64) ([]byte, error) {
	var codings []string
	for _, v := range r.Header.Values("Content-Encoding") {
		for _, c := range strings.Split(v, ",") {
			if c = strings.TrimSpace(c); c != "" {
				codings = append(codings, c)
			}
		}
	}
	if len(codings) == 0 || !strings.EqualFold(codings[len(codings)-1], "gzip") {
		return body, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		return nil, serializationError("the request body is not valid gzip")
	}
	data, err := io.ReadAll(io.LimitReader(zr, limit+1))
	if err != nil {
		return nil, serializationError("the request body is not valid gzip")
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(limit)
	}
	r.Header = r.Header.Clone() // the request's record keeps what was sent
	if rest := codings[:len(codings)-1]; len(rest) > 0 {
		r.Header.Set("Content-Encoding", strings.Join(rest, ", "))
	} else {
		r.Header.Del("Content-Encoding")
	}
	return data, nil
}
