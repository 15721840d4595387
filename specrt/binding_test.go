package specrt_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/specrt"
	"github.com/specgen/specgen/specrt/protocol"
)

func TestHeaderListsRoundTrip(t *testing.T) {
	tests := []struct {
		name   string
		values []string
		wire   string
	}{
		{"plain values are joined with a comma and a space", []string{"a", "b c"}, "a, b c"},
		{"a value with a comma is quoted", []string{"a,b", "c"}, `"a,b", c`},
		{"a value with a quote is quoted and the quote escaped", []string{`say "hi"`}, `"say \"hi\""`},
		{"a backslash inside quotes is escaped", []string{`a\,b`}, `"a\\,b"`},
		{"an empty value is quoted so that it is kept", []string{"", "x"}, `"", x`},
		{"white space around a value is kept by quoting", []string{" x "}, `" x "`},
		{"an empty list is an empty value (RestJsonNullAndEmptyHeaders)", []string{}, ""},
		{"a list of one empty value is told from an empty list", []string{""}, `""`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wire := specrt.JoinHeaderList(tt.values)
			if diff := cmp.Diff(tt.wire, wire); diff != "" {
				t.Errorf("JoinHeaderList (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.values, specrt.SplitHeaderList(wire)); diff != "" {
				t.Errorf("SplitHeaderList (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSplitHeaderListReadsWhatServersSend(t *testing.T) {
	tests := []struct {
		name string
		wire string
		want []string
	}{
		{"white space around elements is dropped", " a ,b\t, c", []string{"a", "b", "c"}},
		{"a comma inside quotes belongs to the element", `"a, b" , c`, []string{"a, b", "c"}},
		{"an unterminated quote runs to the end", `"a, b`, []string{"a, b"}},
		{"text after a closing quote is dropped", `"a"b, c`, []string{"a", "c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, specrt.SplitHeaderList(tt.wire)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestResponseHeaderHelpers(t *testing.T) {
	h := http.Header{}
	h.Add("X-Meta-Color", "red")
	h.Add("x-meta-size", "L")
	h.Add("X-Other", "no")
	h.Add("X-List", `a, "b,c"`)
	h.Add("X-List", "d")
	h.Set("X-Doc", specrt.JSONHeader(`{"a":[1,2]}`))
	h.Set("X-Bad", "not base64!")
	if diff := cmp.Diff(map[string]string{"color": "red", "size": "L"}, specrt.HeaderMap(h, "X-Meta-")); diff != "" {
		t.Errorf("HeaderMap (-want +got):\n%s", diff)
	}
	if got := specrt.HeaderMap(h, "X-None-"); got != nil {
		t.Errorf("HeaderMap of an absent prefix = %v, want nil", got)
	}
	if diff := cmp.Diff([]string{"a", "b,c", "d"}, specrt.HeaderValues(h, "X-List")); diff != "" {
		t.Errorf("HeaderValues (-want +got):\n%s", diff)
	}
	if got := specrt.HeaderJSON(h, "X-Doc"); got == nil || *got != `{"a":[1,2]}` {
		t.Errorf("HeaderJSON = %v, want the JSON text", got)
	}
	if got := specrt.HeaderJSON(h, "X-Bad"); got != nil {
		t.Errorf("HeaderJSON of a value that is not base64 = %q, want nil", *got)
	}
}

type thingInput struct {
	Name    *string
	Filter  []string
	Params  map[string]string
	Tags    []string
	Meta    map[string]string
	Payload []byte
}

type thingOutput struct {
	Status *int32
	Meta   map[string]string
	Data   []byte
}

var opPutThing = specrt.Operation{
	Name: "PutThing", Method: "PUT", Path: "/things/{name}?tagging=", NoBody: true, HostPrefix: "{Name}.data-",
	BindRequest: func(in any, b *specrt.RequestBinding) {
		v := in.(*thingInput)
		if v.Name != nil {
			b.Label("name", *v.Name)
			b.HostLabel("Name", *v.Name)
		}
		for _, f := range v.Filter {
			b.Query("filter", f)
		}
		for k, p := range v.Params {
			b.QueryParam(k, p)
		}
		if len(v.Tags) > 0 {
			b.HeaderList("X-Tags", v.Tags)
		}
		for k, m := range v.Meta {
			b.Header("X-Meta-"+k, m)
		}
		b.Payload(v.Payload, "application/octet-stream")
	},
	BindResponse: func(out any, status int, h http.Header) {
		v := out.(*thingOutput)
		s := int32(status)
		v.Status = &s
		v.Meta = specrt.HeaderMap(h, "X-Meta-")
	},
	Decode: func(_ protocol.Body, data []byte, out any) error {
		out.(*thingOutput).Data = append([]byte(nil), data...)
		return nil
	},
}

func TestRequestBindings(t *testing.T) {
	tests := []struct {
		name   string
		in     *thingInput
		opts   func(*specrt.Options)
		url    string
		header map[string]string
		body   string
		err    string
	}{
		{
			// SigV4 signing sorts the query and writes "tagging" as "tagging=", as
			// the SDK does.
			name: "the query holds the literal query, members and map entries, a member winning over an entry of its name",
			in: &thingInput{Name: ptr("t1"), Filter: []string{"a b", "c+d"},
				Params: map[string]string{"filter": "lost", "z": "1", "y": "é"}},
			url: "https://t1.data-pets.example.com/base/things/t1?filter=a%20b&filter=c%2Bd&tagging=&y=%C3%A9&z=1",
		},
		{
			name:   "a list header is quoted where needed, a header map sets one header per entry, a payload is the raw body",
			in:     &thingInput{Name: ptr("t1"), Tags: []string{"a,b", "c"}, Meta: map[string]string{"Color": "red"}, Payload: []byte{0, 1, 2}},
			url:    "https://t1.data-pets.example.com/base/things/t1?tagging=",
			header: map[string]string{"X-Tags": `"a,b", c`, "X-Meta-Color": "red", "Content-Type": "application/octet-stream"},
			body:   "\x00\x01\x02",
		},
		{
			name:   "an unset payload sends no body and no content type",
			in:     &thingInput{Name: ptr("t1")},
			url:    "https://t1.data-pets.example.com/base/things/t1?tagging=",
			header: map[string]string{"Content-Type": ""},
		},
		{
			name: "DisableHostPrefix sends to the endpoint's host as it is",
			in:   &thingInput{Name: ptr("t1")},
			opts: func(o *specrt.Options) { o.DisableHostPrefix = true },
			url:  "https://pets.example.com/base/things/t1?tagging=",
		},
		{
			name: "the host prefix is not applied to an IP address",
			in:   &thingInput{Name: ptr("t1")},
			opts: func(o *specrt.Options) { o.BaseEndpoint = "http://127.0.0.1:8080" },
			url:  "http://127.0.0.1:8080/things/t1?tagging=",
		},
		{
			name: "a host label that is not a label of a host name is refused before sending",
			in:   &thingInput{Name: ptr("evil.com/x")},
			err:  `host label Name: "evil.com/x" is not a valid host name label`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := &fakeServer{responses: []canned{{status: 202, header: map[string]string{"X-Meta-Size": "L"}, body: "raw"}}}
			var opts []func(*specrt.Options)
			if tt.opts != nil {
				opts = append(opts, tt.opts)
			}
			c := newTestClient(&restService, srv, &sleepRecorder{}, opts...)
			out := &thingOutput{}
			err := c.Invoke(context.Background(), &opPutThing, tt.in, out)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || len(srv.requests) != 0 {
					t.Fatalf("err = %v after %d requests, want %q and nothing sent", err, len(srv.requests), tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			r := srv.requests[0]
			if diff := cmp.Diff(tt.url, r.URL); diff != "" {
				t.Errorf("URL (-want +got):\n%s", diff)
			}
			for k, v := range tt.header {
				if got := r.Header.Get(k); got != v {
					t.Errorf("header %s = %q, want %q", k, got, v)
				}
			}
			if r.Body != tt.body {
				t.Errorf("body %q, want %q", r.Body, tt.body)
			}
			want := &thingOutput{Status: ptr[int32](202), Meta: map[string]string{"size": "L"}, Data: []byte("raw")}
			if diff := cmp.Diff(want, out); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAWSJSONHostPrefix(t *testing.T) {
	op := specrt.Operation{Name: "CreatePet", HostPrefix: "{name}.data-",
		BindRequest: func(in any, b *specrt.RequestBinding) {
			if v := in.(*createPetInput); v.Name != nil {
				b.HostLabel("name", *v.Name)
			}
		}}
	srv := &fakeServer{responses: []canned{{status: 200, body: `{}`}}}
	c := newTestClient(&jsonService, srv, &sleepRecorder{})
	if err := c.Invoke(context.Background(), &op, &createPetInput{Name: ptr("rex")}, &createPetOutput{}); err != nil {
		t.Fatal(err)
	}
	r := srv.requests[0]
	got := recorded{Method: r.Method, URL: r.URL, Body: r.Body}
	// The host label is also a member of the body, as awsJson sends it.
	want := recorded{Method: "POST", URL: "https://rex.data-pets.example.com/base/", Body: `{"name":"rex"}`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("request (-want +got):\n%s", diff)
	}
}

func TestHeadersHTTPCannotCarryAreRefusedBeforeSending(t *testing.T) {
	tests := []struct {
		name string
		op   *specrt.Operation
		in   any
		want string
	}{
		{"a value with a line break", &opGetPet, &getPetInput{PetID: ptr("p"), Path: ptr("x"), TraceID: ptr("a\r\nX-Injected: 1")},
			"header X-Trace-Id: a value cannot hold control characters"},
		{"a header map key with a space", &opPutThing, &thingInput{Name: ptr("t1"), Meta: map[string]string{"a b": "v"}},
			`header name "X-Meta-a b": a header map key may hold only`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := &fakeServer{responses: []canned{{status: 200}}}
			c := newTestClient(&restService, srv, &sleepRecorder{})
			err := c.Invoke(context.Background(), tt.op, tt.in, nil)
			var te *specrt.TransportError
			if err == nil || errors.As(err, &te) || !strings.Contains(err.Error(), tt.want) || len(srv.requests) != 0 {
				t.Fatalf("err = %v after %d requests; want %q before sending, not a transport error", err, len(srv.requests), tt.want)
			}
		})
	}
}

// FuzzHeaderList checks that any list survives JoinHeaderList and
// SplitHeaderList, and that splitting any header value terminates without
// a panic.
func FuzzHeaderList(f *testing.F) {
	for _, seed := range []string{"a", "a,b", `"a,b", c`, `"`, `\`, `"a\"`, " , ,", ""} {
		f.Add(seed, "x")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		specrt.SplitHeaderList(a)
		list := []string{a, b}
		if diff := cmp.Diff(list, specrt.SplitHeaderList(specrt.JoinHeaderList(list))); diff != "" {
			t.Errorf("round trip of %q (-want +got):\n%s", list, diff)
		}
	})
}
