package conformance

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/internal/conformance/gen/restxml"
	"github.com/specgen/specgen/internal/conformance/gen/restxml/restxmlmock"
)

// bodyCapture is an HTTP client that keeps the last request body it sends
// and the last response body it receives.
type bodyCapture struct {
	next         http.Handler
	sent, answer []byte
}

func (c *bodyCapture) Do(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		c.sent, _ = io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(c.sent))
	}
	w := httptest.NewRecorder()
	c.next.ServeHTTP(w, r)
	res := w.Result()
	c.answer, _ = io.ReadAll(res.Body)
	res.Body = io.NopCloser(bytes.NewReader(c.answer))
	return res, nil
}

// rootOf is the name of the root element of an XML document.
func rootOf(t *testing.T, doc []byte) string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		tok, err := d.Token()
		if err != nil {
			t.Fatalf("%q: %v", doc, err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name.Local
		}
	}
}

// One structure, PayloadWithXmlName (xmlName Hello), is the payload of two
// operations: HttpPayloadWithXmlName's member leaves the element to the
// shape, HttpPayloadWithMemberXmlName's names it Hola. Client and mock
// each write the element of the member, both ways.
func TestAStructurePayloadIsTheElementItsMemberNames(t *testing.T) {
	mock := restxmlmock.New()
	mock.HandleHttpPayloadWithMemberXmlName(func(_ context.Context, in *restxml.HttpPayloadWithMemberXmlNameInput) (*restxml.HttpPayloadWithMemberXmlNameOutput, error) {
		return &restxml.HttpPayloadWithMemberXmlNameOutput{Nested: in.Nested}, nil
	})
	mock.HandleHttpPayloadWithXmlName(func(_ context.Context, in *restxml.HttpPayloadWithXmlNameInput) (*restxml.HttpPayloadWithXmlNameOutput, error) {
		return &restxml.HttpPayloadWithXmlNameOutput{Nested: in.Nested}, nil
	})
	hc := &bodyCapture{next: mock}
	c := restxml.New(restxml.Options{BaseEndpoint: "https://example.com", HTTPClient: hc, RetryMaxAttempts: 1})
	name := "Phreddy"
	tests := []struct {
		name string
		call func() (*restxml.PayloadWithXmlName, error)
		want string
	}{
		{"the member's own name is the element", func() (*restxml.PayloadWithXmlName, error) {
			out, err := c.HttpPayloadWithMemberXmlName(context.Background(), &restxml.HttpPayloadWithMemberXmlNameInput{Nested: &restxml.PayloadWithXmlName{Name: &name}})
			if err != nil {
				return nil, err
			}
			return out.Nested, nil
		}, "Hola"},
		{"a member that names none leaves the element to the shape", func() (*restxml.PayloadWithXmlName, error) {
			out, err := c.HttpPayloadWithXmlName(context.Background(), &restxml.HttpPayloadWithXmlNameInput{Nested: &restxml.PayloadWithXmlName{Name: &name}})
			if err != nil {
				return nil, err
			}
			return out.Nested, nil
		}, "Hello"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.call()
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff([]string{tt.want, tt.want, name}, []string{rootOf(t, hc.sent), rootOf(t, hc.answer), *got.Name}); d != "" {
				t.Errorf("request's element, response's element, name read back (-want +got):\n%s", d)
			}
		})
	}
}
