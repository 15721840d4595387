package mockrt

import (
	"bufio"
	"io"
	"net/http"
	"testing"
)

func TestChunkedBodiesAreRefusedAtOnce(t *testing.T) {
	// The server has the default timeouts: a request that waited for one
	// would run into the guard of dialRaw instead.
	url := StartTest(t, NewMux(nil, NewServer(restService()), NewServer(jsonService())))
	const json = "Content-Type: application/x-amz-json-1.1\r\nX-Amz-Target: Things_20200101.CreateThing\r\n"
	tests := []struct {
		name    string
		request string
		status  int
		code    string
	}{
		{"a restJson1 body with Content-Length and chunked that is not chunked",
			"POST /things HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 14\r\nTransfer-Encoding: chunked\r\n\r\n{\"name\":\"abc\"}",
			400, "ValidationException"},
		{"an awsJson body with Content-Length and chunked that is not chunked",
			"POST / HTTP/1.1\r\nHost: x\r\n" + json + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}",
			400, "SerializationException"},
		{"an empty body with Content-Length 0 and chunked",
			"POST / HTTP/1.1\r\nHost: x\r\n" + json + "Content-Length: 0\r\nTransfer-Encoding: chunked\r\n\r\n",
			400, "SerializationException"},
		{"a chunk that never ends",
			"POST / HTTP/1.1\r\nHost: x\r\n" + json + "Content-Length: 7\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}",
			400, "SerializationException"},
		{"an honest chunked body",
			"POST / HTTP/1.1\r\nHost: x\r\n" + json + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
			400, "SerializationException"},
		{"a request no mock claims",
			"POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: Nope.Nothing\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}",
			400, "UnknownOperationException"},
		{"GET / with a body",
			"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}",
			200, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name+" is answered at once", func(t *testing.T) {
			c := dialRaw(t, url)
			io.WriteString(c, tc.request)
			br := bufio.NewReader(c)
			resp, err := http.ReadResponse(br, nil)
			if err != nil {
				t.Fatalf("no answer: %v", err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tc.status || resp.Header.Get("X-Amzn-ErrorType") != tc.code {
				t.Errorf("answer %d %q, want %d %q", resp.StatusCode, resp.Header.Get("X-Amzn-ErrorType"), tc.status, tc.code)
			}
			if rest, err := io.ReadAll(br); err != nil || len(rest) != 0 {
				t.Errorf("after the answer: read %q, %v; want the connection closed", rest, err)
			}
		})
	}
}
