package specrt

import (
	"bytes"
	"compress/gzip"
)

// DefaultRequestMinCompressSizeBytes is the smallest request body an
// operation with request compression sends gzipped when
// Options.RequestMinCompressSizeBytes is zero: 10 KiB, the AWS SDKs'
// default, below which compressing costs more than it saves.
const DefaultRequestMinCompressSizeBytes = 10240

// HeaderContentEncoding names the encodings applied to a request body.
const HeaderContentEncoding = "Content-Encoding"

// gzipBody returns body gzipped.
func gzipBody(body []byte) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(body) / 4)
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(body); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
