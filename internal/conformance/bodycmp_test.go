package conformance

import (
	"encoding/hex"
	"strings"
	"testing"
)

// TestCompareBody holds the body comparison to what each encoding means:
// equal bodies written differently are equal, and bodies that differ in
// one value, name, attribute, namespace or item are not.
func TestCompareBody(t *testing.T) {
	cbor := func(h string) []byte {
		b, err := hex.DecodeString(strings.ReplaceAll(h, " ", ""))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name        string
		contentType string
		want, got   []byte
		equal       bool
	}{
		{"JSON objects are equal whatever their key order and spacing", "application/json",
			[]byte(`{"a": 1, "b": [true]}`), []byte(`{"b":[true],"a":1}`), true},
		{"a JSON value that differs is a difference", "application/x-amz-json-1.0",
			[]byte(`{"a": 1}`), []byte(`{"a": 2}`), false},

		{"form pairs are equal in any order", "application/x-www-form-urlencoded",
			[]byte("Action=Op&Version=2020-01-08&Foo=bar"), []byte("Foo=bar&Action=Op&Version=2020-01-08"), true},
		{"a case's form written on several lines is one form", "application/x-www-form-urlencoded",
			[]byte("Action=Op\n&Version=2020-01-08"), []byte("Action=Op&Version=2020-01-08"), true},
		{"form escapes are decoded before comparing", "application/x-www-form-urlencoded",
			[]byte("Key=a%20b%2Fc"), []byte("Key=a+b/c"), true},
		{"a pair sent twice is not the pair sent once", "application/x-www-form-urlencoded",
			[]byte("A=1"), []byte("A=1&A=1"), false},
		{"an empty value is not a missing pair", "application/x-www-form-urlencoded",
			[]byte("Action=Op&ListArg="), []byte("Action=Op"), false},
		{"a form value that differs is a difference", "application/x-www-form-urlencoded",
			[]byte("A=1&B=2"), []byte("A=1&B=3"), false},

		{"white space between XML elements does not matter", "application/xml",
			[]byte("<A>\n    <B>x</B>\n    <C>y</C>\n</A>\n"), []byte(`<?xml version="1.0"?><A><B>x</B><C>y</C></A>`), true},
		{"XML attributes are equal in any order", "application/xml",
			[]byte(`<A b="1" c="2"/>`), []byte(`<A c="2" b="1"></A>`), true},
		{"a namespace declared again on a child is a difference, as declarations are compared", "text/xml",
			[]byte(`<A xmlns="http://foo.com"><B>x</B></A>`), []byte(`<A xmlns="http://foo.com"><B xmlns="http://foo.com">x</B></A>`), false},
		{"XML text is compared exactly, white space included", "application/xml",
			[]byte("<A><B> x </B></A>"), []byte("<A><B>x</B></A>"), false},
		{"an XML element's text that is only white space is kept", "application/xml",
			[]byte("<A><B> </B></A>"), []byte("<A><B></B></A>"), false},
		{"XML elements in another order are a difference", "application/xml",
			[]byte("<A><B>1</B><B>2</B></A>"), []byte("<A><B>2</B><B>1</B></A>"), false},
		{"an XML attribute's value that differs is a difference", "application/xml",
			[]byte(`<A b="1"/>`), []byte(`<A b="2"/>`), false},
		{"an XML namespace that differs is a difference", "application/xml",
			[]byte(`<A xmlns="http://foo.com"/>`), []byte(`<A xmlns="http://bar.com"/>`), false},
		{"an XML namespace prefix that differs is a difference", "application/xml",
			[]byte(`<A xmlns:baz="http://foo.com"/>`), []byte(`<A xmlns:bar="http://foo.com"/>`), false},
		{"an XML element's name that differs is a difference", "application/xml",
			[]byte("<A><B>x</B></A>"), []byte("<A><C>x</C></A>"), false},
		{"character references and CDATA are the text they stand for", "application/xml",
			[]byte("<A>&lt;b&gt; &amp;</A>"), []byte("<A><![CDATA[<b> &]]></A>"), true},
		{"a body that is not XML under an XML media type is compared as bytes", "application/xml",
			[]byte("blobby blob blob"), []byte("blobby blob blob"), true},
		{"a blob that differs under an XML media type is a difference", "application/xml",
			[]byte("blobby blob blob"), []byte("blobby"), false},

		{"CBOR maps are equal whatever their key order and length encoding", "application/cbor",
			cbor("a2 61 61 01 61 62 02"), cbor("bf 61 62 02 61 61 01 ff"), true},
		{"a CBOR float is equal in half, single and double precision", "application/cbor",
			cbor("f9 3e 00"), cbor("fb 3f f8 00 00 00 00 00 00"), true},
		{"a CBOR integer equals the float of its value", "application/cbor",
			cbor("19 01 00"), cbor("f9 5c 00"), true},
		{"CBOR NaN equals NaN", "application/cbor",
			cbor("f9 7e 00"), cbor("fb 7f f8 00 00 00 00 00 00"), true},
		{"an indefinite-length CBOR string is the string of its chunks", "application/cbor",
			cbor("7f 61 61 61 62 ff"), cbor("62 61 62"), true},
		{"a CBOR byte string is not the text string of the same bytes", "application/cbor",
			cbor("43 66 6f 6f"), cbor("63 66 6f 6f"), false},
		{"a CBOR tag that differs is a difference", "application/cbor",
			cbor("c1 1a 00 00 00 01"), cbor("c0 1a 00 00 00 01"), false},
		{"a tagged CBOR timestamp equals one of the same value", "application/cbor",
			cbor("c1 fb 41 cc 37 db 38 0f be 77"), cbor("c1 fb 41 cc 37 db 38 0f be 77"), true},
		{"a CBOR float that differs is a difference", "application/cbor",
			cbor("fb 3f f8 00 00 00 00 00 00"), cbor("fb 3f f8 00 00 00 00 00 01"), false},
		{"a CBOR body the other side cannot decode is a difference", "application/cbor",
			cbor("a1 61 61 01"), cbor("a1 61 61"), false},

		{"no body is equal to no body", "application/json", nil, nil, true},
		{"a body where none is expected is a difference", "application/json", nil, []byte("{}"), false},
		{"bytes of another media type are compared exactly", "application/octet-stream",
			[]byte("abc"), []byte("abd"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problems := compareBody(tt.want, tt.got, tt.contentType)
			if got := len(problems) == 0; got != tt.equal {
				t.Errorf("compareBody(%q, %q, %q): equal = %v, want %v; problems: %v",
					tt.want, tt.got, tt.contentType, got, tt.equal, problems)
			}
		})
	}
}
