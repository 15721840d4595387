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
	codings := contentCodings(r.Header)
	if !gzipped(codings) {
		return body, nil
	}
	data, err := gunzip(body, limit)
	if err != nil {
		return nil, err
	}
	r.Header = r.Header.Clone() // the request's record keeps what was sent
	if rest := codings[:len(codings)-1]; len(rest) > 0 {
		r.Header.Set("Content-Encoding", strings.Join(rest, ", "))
	} else {
		r.Header.Del("Content-Encoding")
	}
	return data, nil
}

// contentCodings are the codings of h's Content-Encoding, in the order the
// client applied them.
func contentCodings(h http.Header) []string {
	var codings []string
	for _, v := range h.Values("Content-Encoding") {
		for _, c := range strings.Split(v, ",") {
			if c = strings.TrimSpace(c); c != "" {
				codings = append(codings, c)
			}
		}
	}
	return codings
}

// gzipped tells whether the last coding applied is gzip.
func gzipped(codings []string) bool {
	return len(codings) > 0 && strings.EqualFold(codings[len(codings)-1], "gzip")
}

// gunzip decompresses body, reading at most limit+1 bytes of its content:
// a body that inflates past limit (a gzip bomb: a few kilobytes that hold
// gigabytes) is refused as too large once limit is passed, never held
// whole. A body that is not gzip is the serialization error.
func gunzip(body []byte, limit int64) ([]byte, error) {
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
	return data, nil
}
