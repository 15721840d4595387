package specrt

import (
	"crypto/md5"
	"encoding/base64"
)

// HeaderContentMD5 carries the MD5 of a request body, as sent, for the
// operations whose model requires it (httpChecksumRequired).
const HeaderContentMD5 = "Content-Md5"

// contentMD5 is the value of Content-MD5 for body: its MD5 digest in
// standard base64 (RFC 1864).
func contentMD5(body []byte) string {
	sum := md5.Sum(body)
	return base64.StdEncoding.EncodeToString(sum[:])
}
