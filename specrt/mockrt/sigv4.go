package mockrt

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
)

const (
	sigAlgorithm  = "AWS4-HMAC-SHA256"
	amzDateFormat = "20060102T150405Z"
	// maxSkew is how far the signing time may be from the server's clock.
	maxSkew = 15 * time.Minute
)

// authError builds one of the errors AWS answers a request it cannot
// authenticate with, in protocol sp. Messages are AWS's own; none of them carries the
// signature the server expected.
func (s *Server) authError(sp *speaker, code, msg string) *Error {
	return &Error{Code: code, Message: msg, Status: sp.proto.AuthErrorStatus(code)}
}

type authHeader struct {
	accessKey, date, region, service string
	signedHeaders                    []string
	signature                        string
}

// parseAuth parses an Authorization header of the SigV4 form
// "AWS4-HMAC-SHA256 Credential=AK/20260101/us-east-1/svc/aws4_request,
// SignedHeaders=host;x-amz-date, Signature=hex".
func parseAuth(h string) (authHeader, []string) {
	var a authHeader
	var problems []string
	rest, ok := strings.CutPrefix(h, sigAlgorithm+" ")
	if !ok {
		return a, []string{"Authorization header requires the " + sigAlgorithm + " algorithm."}
	}
	var cred, signed, sig string
	for part := range strings.SplitSeq(rest, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "Credential":
			cred = v
		case "SignedHeaders":
			signed = v
		case "Signature":
			sig = v
		}
	}
	if cred == "" {
		problems = append(problems, "Authorization header requires 'Credential' parameter.")
	}
	if signed == "" {
		problems = append(problems, "Authorization header requires 'SignedHeaders' parameter.")
	}
	if sig == "" {
		problems = append(problems, "Authorization header requires 'Signature' parameter.")
	}
	if cred != "" {
		scope := strings.Split(cred, "/")
		if len(scope) != 5 || scope[4] != "aws4_request" || scope[0] == "" {
			problems = append(problems, "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '"+truncateText(cred, 128)+"'")
		} else {
			a.accessKey, a.date, a.region, a.service = scope[0], scope[1], scope[2], scope[3]
		}
	}
	if signed != "" {
		a.signedHeaders = strings.Split(signed, ";")
	}
	a.signature = sig
	return a, problems
}

func truncateText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

// verify checks the request's SigV4 signature by signing the same request
// again with the AWS SDK's signer and the secret of the access key it names,
// and comparing the signatures in constant time. A request dated by Date
// rather than X-Amz-Date is signed again by signatureAt instead.
//
// The copy that is signed again carries only the headers the client says it
// signed, so a client that signs a header the SDK's signer never signs
// (User-Agent, for one) cannot be verified.
func (s *Server) verify(r *http.Request, body []byte, sp *speaker) error {
	auths := r.Header.Values("Authorization")
	if len(auths) == 0 || auths[0] == "" {
		return s.authError(sp, "MissingAuthenticationTokenException", "Missing Authentication Token")
	}
	// Which of two Authorization headers counts depends on who reads them
	// (a proxy may take the last, the mock the first): a request with two
	// is refused rather than verified with either.
	if len(auths) > 1 {
		return s.authError(sp, "IncompleteSignatureException", "Authorization header must appear only once, found "+strconv.Itoa(len(auths))+".")
	}
	a, problems := parseAuth(auths[0])
	// SigV4 dates a request by X-Amz-Date or, when it is absent, by Date.
	amzDate, dateHeader := r.Header.Get("X-Amz-Date"), ""
	if amzDate == "" {
		dateHeader = r.Header.Get("Date")
	}
	if amzDate == "" && dateHeader == "" {
		problems = append(problems, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.")
	}
	if len(problems) > 0 {
		return s.authError(sp, "IncompleteSignatureException", strings.Join(problems, " "))
	}
	secret, ok := s.opts.creds[a.accessKey]
	if !ok {
		return s.authError(sp, "UnrecognizedClientException", "The security token included in the request is invalid.")
	}
	var signingTime time.Time
	var err error
	if amzDate != "" {
		if signingTime, err = time.Parse(amzDateFormat, amzDate); err != nil {
			return s.authError(sp, "IncompleteSignatureException", "X-Amz-Date must be in ISO-8601 basic format (20060102T150405Z), got '"+truncateText(amzDate, 32)+"'.")
		}
	} else {
		if signingTime, err = http.ParseTime(dateHeader); err != nil {
			return s.authError(sp, "IncompleteSignatureException", "Date must be an HTTP date (Mon, 02 Jan 2006 15:04:05 GMT), got '"+truncateText(dateHeader, 40)+"'.")
		}
		signingTime = signingTime.UTC()
		amzDate = signingTime.Format(amzDateFormat)
	}
	now := s.opts.now().UTC()
	switch {
	case a.service != s.svc.SigningName:
		return s.authError(sp, "InvalidSignatureException", "Credential should be scoped to correct service: '"+s.svc.SigningName+"'.")
	case a.region != s.opts.region:
		return s.authError(sp, "InvalidSignatureException", "Credential should be scoped to a valid region.")
	case a.date != signingTime.Format("20060102"):
		return s.authError(sp, "InvalidSignatureException", "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"+a.date+"' != '"+signingTime.Format("20060102")+"', from '"+amzDate+"'.")
	case signingTime.Before(now.Add(-maxSkew)):
		return s.authError(sp, "InvalidSignatureException", fmt.Sprintf("Signature expired: %s is now earlier than %s (%s - 15 min.)",
			amzDate, now.Add(-maxSkew).Format(amzDateFormat), now.Format(amzDateFormat)))
	case signingTime.After(now.Add(maxSkew)):
		return s.authError(sp, "InvalidSignatureException", fmt.Sprintf("Signature not yet current: %s is still later than %s (%s + 15 min.)",
			amzDate, now.Add(maxSkew).Format(amzDateFormat), now.Format(amzDateFormat)))
	}

	contentLength := int64(len(body))
	if v := r.Header.Get("Content-Length"); v != "" {
		contentLength, _ = strconv.ParseInt(v, 10, 64)
	} else if r.ContentLength > 0 {
		contentLength = r.ContentLength
	}
	sum := sha256.Sum256(body)
	if dateHeader != "" {
		// Unsigned, the Date would not bind the signature to a time; the
		// SDK's signer, for X-Amz-Date, always signs it and the host.
		if !slices.Contains(a.signedHeaders, "date") || !slices.Contains(a.signedHeaders, "host") {
			return s.badSignature(sp)
		}
		got := signatureAt(r, a, secret, hex.EncodeToString(sum[:]), contentLength, signingTime)
		if subtle.ConstantTimeCompare([]byte(got), []byte(a.signature)) != 1 {
			return s.badSignature(sp)
		}
		return nil
	}

	req := &http.Request{
		Method: r.Method,
		URL:    &url.URL{Scheme: "http", Host: r.Host, Path: r.URL.Path, RawPath: r.URL.RawPath, RawQuery: r.URL.RawQuery},
		Host:   r.Host,
		Header: http.Header{},
	}
	sessionToken := ""
	for _, name := range a.signedHeaders {
		switch name {
		case "host":
		case "content-length":
			req.ContentLength = contentLength
		case "x-amz-security-token":
			sessionToken = r.Header.Get(name)
		default:
			if vs := r.Header.Values(name); len(vs) > 0 {
				req.Header[http.CanonicalHeaderKey(name)] = vs
			}
		}
	}
	creds := aws.Credentials{AccessKeyID: a.accessKey, SecretAccessKey: secret, SessionToken: sessionToken}
	if err := s.signer.SignHTTP(r.Context(), creds, req, hex.EncodeToString(sum[:]), a.service, a.region, signingTime); err != nil {
		return s.authError(sp, "InvalidSignatureException", "The request signature could not be computed.")
	}
	want, _ := parseAuth(req.Header.Get("Authorization"))
	match := subtle.ConstantTimeCompare([]byte(want.signature), []byte(a.signature)) == 1
	if !match || strings.Join(want.signedHeaders, ";") != strings.Join(a.signedHeaders, ";") {
		return s.badSignature(sp)
	}
	return nil
}

func (s *Server) badSignature(sp *speaker) error {
	return s.authError(sp, "InvalidSignatureException", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.")
}
