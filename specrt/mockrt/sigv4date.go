package mockrt

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/aws/smithy-go/encoding/httpbinding"
)

// signatureAt computes the SigV4 signature a client holding secret made of
// r, signing the headers a.signedHeaders at t, with payloadHash the hex
// SHA-256 of the body.
//
// verify uses it for requests dated by the Date header alone, which SigV4
// accepts when X-Amz-Date is absent: the SDK's signer, which verify uses
// otherwise, always adds X-Amz-Date to what it signs, so it cannot
// reproduce such a signature. The canonical request is built the way that
// signer builds it (a test checks they agree on requests it can sign).
func signatureAt(r *http.Request, a authHeader, secret, payloadHash string, contentLength int64, t time.Time) string {
	var canon strings.Builder
	canon.WriteString(r.Method + "\n")
	path := r.URL.EscapedPath()
	if path == "" {
		path = "/"
	}
	// Paths are escaped twice, as every AWS service but S3 expects.
	canon.WriteString(httpbinding.EscapePath(path, false) + "\n")
	canon.WriteString(canonicalQuery(r.URL.RawQuery) + "\n")
	for _, name := range a.signedHeaders {
		canon.WriteString(name + ":")
		switch name {
		case "host":
			canon.WriteString(collapseSpaces(r.Host))
		case "content-length":
			canon.WriteString(strconv.FormatInt(contentLength, 10))
		default:
			for i, v := range r.Header.Values(name) {
				if i > 0 {
					canon.WriteByte(',')
				}
				canon.WriteString(collapseSpaces(v))
			}
		}
		canon.WriteByte('\n')
	}
	canon.WriteString("\n" + strings.Join(a.signedHeaders, ";") + "\n" + payloadHash)

	canonHash := sha256.Sum256([]byte(canon.String()))
	scope := a.date + "/" + a.region + "/" + a.service + "/aws4_request"
	stringToSign := sigAlgorithm + "\n" + t.UTC().Format(amzDateFormat) + "\n" + scope + "\n" + hex.EncodeToString(canonHash[:])
	key := hmacSHA256([]byte("AWS4"+secret), a.date)
	for _, part := range []string{a.region, a.service, "aws4_request"} {
		key = hmacSHA256(key, part)
	}
	return hex.EncodeToString(hmacSHA256(key, stringToSign))
}

func hmacSHA256(key []byte, data string) []byte {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(data))
	return h.Sum(nil)
}

// canonicalQuery is the query string with its parameters sorted by name
// and then value, each escaped as SigV4 wants (spaces as %20).
func canonicalQuery(raw string) string {
	q, _ := url.ParseQuery(raw)
	type param struct{ k, v string }
	params := make([]param, 0, len(q))
	for k, vs := range q {
		for _, v := range vs {
			params = append(params, param{escapeQuery(k), escapeQuery(v)})
		}
	}
	slices.SortFunc(params, func(a, b param) int {
		if c := strings.Compare(a.k, b.k); c != 0 {
			return c
		}
		return strings.Compare(a.v, b.v)
	})
	var b strings.Builder
	for i, p := range params {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(p.k + "=" + p.v)
	}
	return b.String()
}

func escapeQuery(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }

// collapseSpaces turns each run of spaces in a header value into one and
// trims it.
func collapseSpaces(v string) string {
	for strings.Contains(v, "  ") {
		v = strings.ReplaceAll(v, "  ", " ")
	}
	return strings.TrimSpace(v)
}
