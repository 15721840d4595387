package spec

import (
	"go/token"
	"strings"
	"unicode"
)

// initialisms are the words Go spells in capitals (Effective Go, go lint).
var initialisms = map[string]bool{
	"ACL": true, "API": true, "ARN": true, "AWS": true, "CPU": true, "DNS": true,
	"ECR": true, "HTTP": true, "HTTPS": true, "IAM": true, "ID": true, "IP": true,
	"JSON": true, "KMS": true, "SSL": true, "TLS": true, "TTL": true, "URI": true,
	"URL": true, "UUID": true, "VPC": true,
}

// words splits an identifier-like name into words at case changes and at any character that is not a letter or digit:
// "certificateArn" → certificate Arn, "VPCId" → VPC Id, "AWS_IAM" → AWS IAM.
func words(s string) []string {
	var out []string
	rs := []rune(s)
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			out = append(out, string(rs[start:end]))
		}
		start = -1
	}
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		prev := rs[i-1]
		switch {
		case unicode.IsUpper(r) && unicode.IsLower(prev):
			flush(i)
			start = i
		case unicode.IsUpper(r) && unicode.IsUpper(prev) && i+1 < len(rs) && unicode.IsLower(rs[i+1]):
			// "VPCId": the I of Id starts a word.
			flush(i)
			start = i
		}
	}
	flush(len(rs))
	return out
}

// exportedName turns a wire or shape name into an exported Go identifier,
// keeping the name's own word breaks and spelling initialisms in capitals:
// clientToken → ClientToken, certificateArn → CertificateARN, Ids → IDs.
func exportedName(s string) string {
	var b strings.Builder
	for _, w := range words(s) {
		up := strings.ToUpper(w)
		switch {
		case initialisms[up]:
			b.WriteString(up)
		case strings.HasSuffix(up, "S") && initialisms[up[:len(up)-1]] && len(w) > 2:
			b.WriteString(up[:len(up)-1] + "s")
		default:
			r := []rune(w)
			r[0] = unicode.ToUpper(r[0])
			b.WriteString(string(r))
		}
	}
	out := b.String()
	if out == "" || !unicode.IsLetter([]rune(out)[0]) {
		out = "X" + out
	}
	return out
}

// enumConstName is the Go constant name for an enum value: the type name and
// the value's words, each capitalised once (AWS_IAM → AuthTypeAwsIam, in the
// style of the AWS SDK for Go v2, which keeps constants readable for values
// that are all capitals).
func enumConstName(typeName, value string) string {
	var b strings.Builder
	b.WriteString(typeName)
	ws := words(value)
	for _, w := range ws {
		r := []rune(strings.ToLower(w))
		r[0] = unicode.ToUpper(r[0])
		b.WriteString(string(r))
	}
	if len(ws) == 0 {
		b.WriteString("Empty")
	}
	return b.String()
}

// isIdentifier reports whether s can be a Go identifier.
func isIdentifier(s string) bool { return token.IsIdentifier(s) }
