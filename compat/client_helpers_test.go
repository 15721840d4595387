package compat

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"

	"github.com/specgen/specgen/generator"
	"github.com/specgen/specgen/generator/model"
	"github.com/specgen/specgen/specrt"
)

// This file holds what the side-by-side client tests share: loading a spec,
// making fully populated wire values of its shapes, a recording server, and
// a normal form in which a generated value and an AWS SDK value compare.

// loadSpec loads the imported specs/<name>/<name>.yaml with its overlays.
func loadSpec(t testing.TB, name string) *model.Service {
	t.Helper()
	svcs, _, err := generator.Load([]string{"../specs/" + name + "/" + name + ".yaml"})
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	return svcs[0]
}

// operation returns the named operation of svc.
func operation(t testing.TB, svc *model.Service, name string) *model.Operation {
	t.Helper()
	for _, op := range svc.Operations {
		if op.Name == name {
			return op
		}
	}
	t.Fatalf("%s has no operation %s", svc.Package, name)
	return nil
}

// fixedToken is the idempotency token both clients send: the SDK fills
// tokens itself, so the comparison fixes them.
const fixedToken = "5d2a6f0c-8f6e-4b7a-9c1d-3e2f1a0b9c8d"

// populate returns a wire value (as encoding/json would decode it) of shape
// s in which every member is set, so that comparing two encodings of it
// exercises every member. Values are distinct per path but not necessarily
// valid: the comparisons run with validation off. Structures nest at most
// maxDepth deep.
func populate(s *model.Shape, path string, depth int) any {
	const maxDepth = 6
	switch s.Kind {
	case model.Structure:
		if depth > maxDepth {
			return nil
		}
		obj := map[string]any{}
		for _, m := range s.Members {
			if m.Location != "" {
				continue // not in the body
			}
			if m.IdempotencyToken {
				obj[m.Name] = fixedToken
				continue
			}
			if v := populate(m.Shape, path+"."+m.Name, depth+1); v != nil {
				obj[m.Name] = v
			}
		}
		return obj
	case model.List:
		n := 2
		if s.Length != nil && s.Length.Max != nil && *s.Length.Max < 2 {
			n = int(*s.Length.Max)
		}
		var out []any
		for i := range n {
			if v := populate(s.Member, fmt.Sprintf("%s[%d]", path, i), depth+1); v != nil {
				out = append(out, v)
			}
		}
		return out
	case model.Map:
		v := populate(s.Value, path+"{}", depth+1)
		if v == nil {
			return nil
		}
		return map[string]any{"k1" + strings.ToLower(lastName(path)): v, "k2": populate(s.Value, path+"{k2}", depth+1)}
	case model.String:
		if s.IsEnum() {
			return s.Enum[len(s.Enum)-1].Value
		}
		return "v-" + lastName(path)
	case model.Integer, model.Long:
		if s.Range != nil && s.Range.Min != nil && *s.Range.Min > 0 {
			return float64(int64(*s.Range.Min) + 1)
		}
		return float64(7 + len(path)%5)
	case model.Float, model.Double:
		return 2.5
	case model.Boolean:
		return true
	case model.Timestamp:
		return float64(1700000000 + len(path))
	case model.Blob:
		return base64.StdEncoding.EncodeToString([]byte("blob " + lastName(path)))
	case model.Document:
		return map[string]any{"doc": "v-" + lastName(path), "n": 1.0}
	}
	panic("populate: unknown kind " + string(s.Kind))
}

func lastName(path string) string {
	if i := strings.LastIndexAny(path, ".["); i >= 0 {
		return strings.Trim(path[i+1:], "]")
	}
	return path
}

// mustJSON encodes v or fails the test.
func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// decodeJSON decodes b into an any, numbers as float64.
func decodeJSON(t testing.TB, b []byte) any {
	t.Helper()
	if len(bytes.TrimSpace(b)) == 0 {
		return nil
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("decode %q: %v", b, err)
	}
	return v
}

// gotRequest is one request as the recording server saw it.
type gotRequest struct {
	Method, Path, Target, ContentType string
	// Scope is the SigV4 credential scope's region and service.
	Scope string
	Body  []byte
}

// reply is a canned response.
type reply struct {
	Status int
	Header map[string]string
	Body   []byte
}

// recorder is an httptest server that records requests and answers the nth
// request (counting since the last take) with the nth reply; the last reply
// repeats.
type recorder struct {
	*httptest.Server
	mu      sync.Mutex
	reqs    []gotRequest
	replies []reply
}

func newRecorder(t testing.TB) *recorder {
	r := &recorder{}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		scope := ""
		if _, after, ok := strings.Cut(req.Header.Get("Authorization"), "Credential="); ok {
			parts := strings.Split(strings.SplitN(after, ",", 2)[0], "/")
			if len(parts) == 5 {
				scope = parts[2] + "/" + parts[3]
			}
		}
		r.mu.Lock()
		rep := r.replies[min(len(r.reqs), len(r.replies)-1)]
		r.reqs = append(r.reqs, gotRequest{
			Method: req.Method, Path: req.URL.Path, Target: req.Header.Get("X-Amz-Target"),
			ContentType: req.Header.Get("Content-Type"), Scope: scope, Body: body,
		})
		r.mu.Unlock()
		for k, v := range rep.Header {
			w.Header().Set(k, v)
		}
		w.WriteHeader(rep.Status)
		w.Write(rep.Body)
	}))
	t.Cleanup(r.Close)
	return r
}

// take returns and forgets the recorded requests.
func (r *recorder) take() []gotRequest {
	r.mu.Lock()
	defer r.mu.Unlock()
	reqs := r.reqs
	r.reqs = nil
	return reqs
}

// set makes the server answer with replies, from the next request on.
func (r *recorder) set(replies ...reply) {
	r.mu.Lock()
	r.replies = replies
	r.mu.Unlock()
}

// testCreds are the static credentials both clients sign with.
var testCreds = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
	return aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", Source: "test"}, nil
})

// ourOptions configures a generated client for the recorder: one attempt,
// no client-side validation (fixtures are complete, not valid).
func ourOptions(url string) specrt.Options {
	return specrt.Options{
		Region: "us-west-2", BaseEndpoint: url, Credentials: testCreds,
		RetryMaxAttempts: 1, DisableValidation: true,
	}
}

// call decodes a wire fixture into a fresh In, calls f, and returns its
// output as an any (nil on error).
func call[In, Out any](in []byte, f func(*In) (*Out, error)) (any, error) {
	v := new(In)
	if err := json.Unmarshal(in, v); err != nil {
		return nil, fmt.Errorf("decode fixture into %T: %w", v, err)
	}
	out, err := f(v)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// skippedFields are fields of SDK or generated values that are not part of
// the modeled data: response metadata, SDK-internal overrides.
var skippedFields = map[string]bool{
	"ResultMetadata": true, "Metadata": true, "ErrorCodeOverride": true,
}

// normalize renders a generated or SDK value in a form in which the two
// compare: structures become maps keyed by lower-cased field names (the SDK
// says ARN as Arn, we say ARN), unset members and empty collections are
// left out, enums become strings, numbers float64 and timestamps epoch
// seconds.
func normalize(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return normalize(v.Elem())
	case reflect.Struct:
		if t, ok := v.Interface().(time.Time); ok {
			return float64(t.UnixMilli()) / 1000
		}
		out := map[string]any{}
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() || skippedFields[f.Name] {
				continue
			}
			if n := normalize(v.Field(i)); n != nil {
				out[strings.ToLower(f.Name)] = n
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			if v.Len() == 0 {
				return nil
			}
			return string(v.Bytes())
		}
		if v.Len() == 0 {
			return nil
		}
		out := make([]any, v.Len())
		for i := range v.Len() {
			out[i] = normalize(v.Index(i))
		}
		return out
	case reflect.Map:
		if v.Len() == 0 {
			return nil
		}
		out := map[string]any{}
		for it := v.MapRange(); it.Next(); {
			out[fmt.Sprint(it.Key().Interface())] = normalize(it.Value())
		}
		return out
	case reflect.String:
		if v.String() == "" {
			return nil
		}
		return v.String()
	case reflect.Bool:
		return v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return float64(v.Int())
	case reflect.Float32, reflect.Float64:
		return v.Float()
	}
	return fmt.Sprintf("<%s>", v.Type())
}

// normalizeWire renders a decoded wire fixture the way normalize renders
// the value decoded from it, so that a test can check nothing was dropped:
// keys lower-cased except inside maps, which it cannot tell from structures,
// so it lower-cases those too and tests compare with normalizeKeys.
func normalizeKeys(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range v {
			if k == "__type" {
				continue
			}
			out[strings.ToLower(k)] = normalizeKeys(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = normalizeKeys(e)
		}
		return out
	}
	return v
}

// errorView is what both clients' errors are compared on.
type errorView struct {
	Code, Message, RequestID string
	Status                   int
	Fields                   any
}

// viewOurs describes an error returned by a generated client.
func viewOurs(err error) (errorView, bool) {
	var api specrt.APIError
	if !errors.As(err, &api) {
		return errorView{}, false
	}
	md := api.ErrorMetadata()
	return errorView{
		Code: api.ErrorCode(), Message: api.ErrorMessage(), RequestID: md.RequestID,
		Status: md.StatusCode, Fields: normalize(reflect.ValueOf(api)),
	}, true
}

// viewSDK describes an error returned by an AWS SDK client.
func viewSDK(err error) (errorView, bool) {
	var api smithy.APIError
	if !errors.As(err, &api) {
		return errorView{}, false
	}
	v := errorView{Code: api.ErrorCode(), Message: api.ErrorMessage(), Fields: normalize(reflect.ValueOf(api))}
	var re *awshttp.ResponseError
	if errors.As(err, &re) {
		v.Status, v.RequestID = re.HTTPStatusCode(), re.ServiceRequestID()
	}
	return v, true
}
