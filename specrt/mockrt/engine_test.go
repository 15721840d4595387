package mockrt

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/google/go-cmp/cmp"
)

// Hand-written stand-ins for a generated awsJson service with one resource,
// a widget, for the resource engine's own tests.

type Widget struct {
	ID     *string `json:"id,omitempty"`
	ARN    *string `json:"arn,omitempty"`
	Name   *string `json:"name,omitempty"`
	Status *string `json:"status,omitempty"`
	Size   *int32  `json:"size,omitempty"`
	Note   *string `json:"note,omitempty"`
	// CreatedAt and UpdatedAt are the resource's Created and Modified.
	CreatedAt *time.Time `json:"createdAt,omitempty"`
	UpdatedAt *time.Time `json:"updatedAt,omitempty"`
}

type CreateWidgetInput struct {
	ClientToken *string `json:"clientToken,omitempty"`
	Name        *string `json:"name,omitempty"`
	Size        *int32  `json:"size,omitempty"`
	Note        *string `json:"note,omitempty"`
}

type WidgetOutput struct {
	Widget *Widget `json:"widget,omitempty"`
}

type WidgetInput struct {
	Widget *string `json:"widget,omitempty"`
	Name   *string `json:"name,omitempty"`
	Size   *int32  `json:"size,omitempty"`
}

type ListWidgetsInput struct {
	NextToken  *string `json:"nextToken,omitempty"`
	MaxResults *int32  `json:"maxResults,omitempty"`
}

type ListWidgetsOutput struct {
	Widgets   []Widget `json:"widgets,omitempty"`
	NextToken *string  `json:"nextToken,omitempty"`
}

type Part struct {
	ID       *string `json:"id,omitempty"`
	Name     *string `json:"name,omitempty"`
	WidgetID *string `json:"widgetId,omitempty"`
}

type CreatePartInput struct {
	Widget *string `json:"widget,omitempty"`
	Name   *string `json:"name,omitempty"`
}

type CreatePartOutput struct {
	Part *Part `json:"part,omitempty"`
}

func (*CreatePartInput) Validate() error   { return nil }
func (*CreateWidgetInput) Validate() error { return nil }
func (*WidgetInput) Validate() error       { return nil }
func (*ListWidgetsInput) Validate() error  { return nil }

func widgetService() *Service {
	op := func(name string, in func() Input, out func() any) *Operation {
		return &Operation{Name: name, NewInput: in, NewOutput: out}
	}
	widgetIn := func() Input { return new(WidgetInput) }
	widgetOut := func() any { return new(WidgetOutput) }
	return &Service{
		Name: "widgets", Protocol: "awsJson1_1", TargetPrefix: "Widgets",
		Operations: []*Operation{
			op("CreateWidget", func() Input { return new(CreateWidgetInput) }, widgetOut),
			op("GetWidget", widgetIn, widgetOut),
			op("UpdateWidget", widgetIn, widgetOut),
			op("DeleteWidget", widgetIn, widgetOut),
			op("ListWidgets", func() Input { return new(ListWidgetsInput) }, func() any { return new(ListWidgetsOutput) }),
			op("CreatePart", func() Input { return new(CreatePartInput) }, func() any { return new(CreatePartOutput) }),
		},
		Resources: []*Resource{{
			Name: "Widget", ID: "id", NameMember: "name", ARN: "arn", Status: "status", Created: "createdAt", Modified: "updatedAt",
			IDTemplate:  "w-{random:0-9a-z:12}",
			ARNTemplate: "arn:{partition}:widgets:{region}:{account}:widget/{output.id}",
			Operations: []ResourceOperation{
				{Role: RoleCreate, Operation: "CreateWidget", Description: "widget", IdempotencyToken: "clientToken",
					Transition: &Transition{During: "CREATING", Then: "READY"}},
				{Role: RoleRead, Operation: "GetWidget", Identifier: "widget", Description: "widget"},
				{Role: RoleUpdate, Operation: "UpdateWidget", Identifier: "widget", Description: "widget"},
				{Role: RoleDelete, Operation: "DeleteWidget", Identifier: "widget", Description: "widget"},
				{Role: RoleList, Operation: "ListWidgets", Items: "widgets", InputToken: "nextToken", OutputToken: "nextToken", LimitKey: "maxResults", MaxPageSize: 10},
			},
		}, {
			Name: "Part", Parent: "Widget", ID: "id", NameMember: "name", ParentID: "widgetId",
			Operations: []ResourceOperation{
				{Role: RoleCreate, Operation: "CreatePart", ParentIdentifier: "widget", Description: "part"},
			},
		}},
	}
}

// call sends one request to s and returns its status and decoded body.
func call(t testing.TB, s http.Handler, op, body string) (int, map[string]any) {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
	req.Header.Set("X-Amz-Target", "Widgets."+op)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	var out map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
		t.Fatalf("%s answered %q: %v", op, rec.Body.String(), err)
	}
	return rec.Code, out
}

func widgetField(body map[string]any, member string) any {
	w, _ := body["widget"].(map[string]any)
	return w[member]
}

func TestResourceCreateReplaysItsIdempotencyToken(t *testing.T) {
	s := NewServer(widgetService(), WithTransitionDelay(0))
	_, first := call(t, s, "CreateWidget", `{"name":"a","clientToken":"t1"}`)
	_, again := call(t, s, "CreateWidget", `{"name":"a","clientToken":"t1"}`)
	if diff := cmp.Diff(first, again); diff != "" {
		t.Errorf("a repeated token answered another widget (-first +again):\n%s", diff)
	}
	status, other := call(t, s, "CreateWidget", `{"name":"a","clientToken":"t2"}`)
	if status != http.StatusConflict || other["__type"] != "ConflictException" {
		t.Errorf("another token with a taken name: %d %v, want 409 ConflictException", status, other)
	}
}

// rawCall sends one request to s and returns its body as it is.
func rawCall(s http.Handler, op, body string) string {
	req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
	req.Header.Set("X-Amz-Target", "Widgets."+op)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec.Body.String()
}

func TestARepeatedTokenAnswersTheFirstAnswerByteForByte(t *testing.T) {
	const create = `{"name":"a","size":1,"clientToken":"t1"}`
	for _, tc := range []struct {
		name   string
		before []string // op, body pairs sent between the create and its retry
	}{
		{"a retry right away", nil},
		{"a retry after the widget's status moved on", []string{"GetWidget", `{"widget":"a"}`}},
		{"a retry after an update changed the widget", []string{"UpdateWidget", `{"widget":"a","size":2}`, "UpdateWidget", `{"widget":"a","name":"b"}`}},
		{"a retry after the widget was deleted", []string{"DeleteWidget", `{"widget":"a"}`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := NewServer(widgetService(), WithTransitionDelay(0))
			first := rawCall(s, "CreateWidget", create)
			for i := 0; i < len(tc.before); i += 2 {
				rawCall(s, tc.before[i], tc.before[i+1])
			}
			if diff := cmp.Diff(first, rawCall(s, "CreateWidget", create)); diff != "" {
				t.Errorf("the retry answered otherwise (-first +retry):\n%s", diff)
			}
		})
	}
}

func TestATokenKeepsNoCopyOfAnAnswerItCanBuildAgain(t *testing.T) {
	s := NewServer(widgetService(), WithTransitionDelay(0))
	call(t, s, "CreateWidget", `{"name":"a","clientToken":"t1"}`)
	kept := s.res.kinds["Widget"].tokens.get(0, "t1")
	r := s.res.kinds["Widget"].named(nil, "a")
	if !kept.fromDesc || unsafe.StringData(kept.kept) != unsafe.StringData(r.desc) {
		t.Errorf("the token does not share the stored description")
	}
}

func TestATokenEntryFitsFortyEightBytes(t *testing.T) {
	const want = 48
	if got := unsafe.Sizeof(tokenAnswer{}); got != want {
		t.Errorf("a token entry is %d bytes, want %d", got, want)
	}
}

// viewOf tells whether s is a view of desc's bytes.
func viewOf(s, desc string) bool {
	p, d := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(desc)))
	return s != "" && p >= d && p+uintptr(len(s)) <= d+uintptr(len(desc))
}

func TestARecordsIdentifiersAreViewsOfItsDescription(t *testing.T) {
	svc := widgetService()
	svc.Operations = append(svc.Operations, &Operation{Name: "CreateUniqueWidget", NewInput: func() Input { return new(CreateWidgetInput) }, NewOutput: func() any { return new(WidgetOutput) },
		Behavior: &Behavior{Unique: []string{"name"}}})
	svc.Resources[0].Operations = append(svc.Resources[0].Operations, ResourceOperation{Role: RoleCreate, Operation: "CreateUniqueWidget", Description: "widget"})
	for _, tc := range []struct {
		name  string
		after []string // op, body pairs sent after the create
	}{
		{"as created", nil},
		// The update replaces the description: the identifiers must move
		// to the new one, or they would keep the old one alive.
		{"after an update", []string{"UpdateWidget", `{"widget":"a","size":2}`}},
		{"after a rename", []string{"UpdateWidget", `{"widget":"a","name":"b"}`}},
		{"after its status moved on", []string{"GetWidget", `{"widget":"a"}`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := NewServer(svc, WithTransitionDelay(0))
			if status, body := call(t, s, "CreateUniqueWidget", `{"name":"a"}`); status != http.StatusOK {
				t.Fatalf("create: %d %v", status, body)
			}
			r := s.res.records(s.res.kinds["Widget"])[0]
			for i := 0; i < len(tc.after); i += 2 {
				if status, body := call(t, s, tc.after[i], tc.after[i+1]); status != http.StatusOK {
					t.Fatalf("%s: %d %v", tc.after[i], status, body)
				}
			}
			for _, id := range []struct{ what, s string }{{"id", r.id}, {"ARN", r.arn}, {"name", r.name}} {
				if !viewOf(id.s, r.desc) {
					t.Errorf("the %s %q is not a view of the description %s", id.what, id.s, r.desc)
				}
			}
			if r.uniq != "a" || !viewOf(r.uniq, r.desc) && r.name == "a" {
				t.Errorf("the unique key %q (name %q) is not a view of the description", r.uniq, r.name)
			}
		})
	}
}

func TestResourceGeneratedIDsThatCollideAreDrawnAgain(t *testing.T) {
	svc := widgetService()
	// 300 ids among 10,000: a few collisions are all but certain, and a
	// create failing eight draws in a row all but impossible.
	svc.Resources[0].IDTemplate = "w-{random:0-9:4}"
	s := NewServer(svc, WithTransitionDelay(0))
	ids := map[any]bool{}
	for i := range 300 {
		status, body := call(t, s, "CreateWidget", fmt.Sprintf(`{"name":"n%d"}`, i))
		if status != http.StatusOK {
			t.Fatalf("create %d: %d %v", i, status, body)
		}
		ids[widgetField(body, "id")] = true
	}
	if len(ids) != 300 {
		t.Errorf("%d distinct ids for 300 widgets", len(ids))
	}
}

func TestReplayAnswersCountAgainstTheByteLimit(t *testing.T) {
	bytesAfter := func(body string) int64 {
		s := NewServer(widgetService(), WithTransitionDelay(0))
		call(t, s, "CreateWidget", body)
		return s.res.bytes
	}
	without, with := bytesAfter(`{"name":"a"}`), bytesAfter(`{"name":"a","clientToken":"t1"}`)
	if with-without < tokenOverhead {
		t.Errorf("a kept replay answer costs %d bytes, want at least %d", with-without, tokenOverhead)
	}
}

func TestTheByteLimitHoldsWithReplayAnswers(t *testing.T) {
	// Every byte limit from one that holds a single widget to one that
	// holds a few: the create that would pass it, its replay answer
	// counted, answers the quota error instead.
	one := func() int64 {
		s := NewServer(widgetService(), WithTransitionDelay(0))
		call(t, s, "CreateWidget", `{"name":"w-000","clientToken":"t-000"}`)
		return s.res.bytes
	}()
	for limit := one; limit < 4*one; limit += 7 {
		s := NewServer(widgetService(), WithTransitionDelay(0), WithMaxStoreBytes(limit))
		for i := range 5 {
			call(t, s, "CreateWidget", fmt.Sprintf(`{"name":"w-%03d","clientToken":"t-%03d"}`, i, i))
		}
		if s.res.bytes > limit {
			t.Fatalf("with a limit of %d bytes the store holds %d", limit, s.res.bytes)
		}
	}
}

func TestResourceUpdateRenames(t *testing.T) {
	s := NewServer(widgetService(), WithTransitionDelay(0))
	call(t, s, "CreateWidget", `{"name":"a","size":1}`)
	call(t, s, "CreateWidget", `{"name":"b"}`)
	for _, tc := range []struct {
		name, op, body string
		status         int
		size           any
	}{
		{"a rename answers the new name with the other members kept", "UpdateWidget", `{"widget":"a","name":"c"}`, 200, 1.0},
		{"the new name finds the widget", "GetWidget", `{"widget":"c"}`, 200, 1.0},
		{"the old name is free", "GetWidget", `{"widget":"a"}`, 404, nil},
		{"a rename to a taken name is a conflict", "UpdateWidget", `{"widget":"c","name":"b"}`, 409, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, body := call(t, s, tc.op, tc.body)
			if status != tc.status || widgetField(body, "size") != tc.size {
				t.Errorf("got %d, size %v (%v); want %d, size %v", status, widgetField(body, "size"), body, tc.status, tc.size)
			}
		})
	}
}

func TestResourceTimesFollowTheMockClock(t *testing.T) {
	clock := NewManualClock(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
	s := NewServer(widgetService(), WithTransitionDelay(0), WithClock(clock.Now))
	created := float64(clock.Now().Unix())
	type times struct{ Created, Updated any }
	for _, tc := range []struct {
		name, op, body string
		advance        time.Duration
		want           times
	}{
		{"a create sets both times to the clock's", "CreateWidget", `{"name":"a","size":1}`, 0, times{created, created}},
		{"a read a minute later answers them unchanged", "GetWidget", `{"widget":"a"}`, time.Minute, times{created, created}},
		{"an update moves the modification time only", "UpdateWidget", `{"widget":"a","size":2}`, time.Minute, times{created, created + 120}},
		{"a read after the update answers the update's time", "GetWidget", `{"widget":"a"}`, time.Minute, times{created, created + 120}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clock.Advance(tc.advance)
			status, body := call(t, s, tc.op, tc.body)
			got := times{widgetField(body, "createdAt"), widgetField(body, "updatedAt")}
			if status != http.StatusOK {
				t.Fatalf("%s answered %d: %v", tc.op, status, body)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("times (-want +got):\n%s", diff)
			}
		})
	}
}

func TestResourceCreatesStopAtTheMockLimit(t *testing.T) {
	s := NewServer(widgetService(), WithTransitionDelay(0), WithMaxResources(2))
	var got []int
	for _, body := range []string{`{"name":"a"}`, `{"name":"b"}`, `{"name":"c"}`} {
		status, _ := call(t, s, "CreateWidget", body)
		got = append(got, status)
	}
	call(t, s, "DeleteWidget", `{"widget":"a"}`)
	status, _ := call(t, s, "CreateWidget", `{"name":"c"}`)
	got = append(got, status)
	if diff := cmp.Diff([]int{200, 200, 402, 200}, got); diff != "" {
		t.Errorf("statuses (-want +got):\n%s", diff)
	}
}

func TestNewServerRefusesMalformedResources(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*Resource)
		want   string
	}{
		{"a resource without an id member", func(r *Resource) { r.ID = "" }, "no id member"},
		{"an operation the service does not have", func(r *Resource) { r.Operations[1].Operation = "Nope" }, "no operation Nope"},
		{"a list without its items member", func(r *Resource) { r.Operations[4].Items = "" }, "no items member"},
		{"a read without an identifier", func(r *Resource) { r.Operations[1].Identifier = "" }, "no identifier member"},
		{"a parent that is not a resource", func(r *Resource) { r.Parent = "Box" }, "no parent resource Box"},
		{"a bad ARN template", func(r *Resource) { r.ARNTemplate = "{nope}" }, "template"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svc := widgetService()
			tc.change(svc.Resources[0])
			_, err := newServer(svc)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error saying %q", err, tc.want)
			}
		})
	}
}

// BenchmarkResourceListPage lists the first page and a page from a token
// with 10 and with 100,000 widgets stored: a page's cost must not grow
// with the store.
func BenchmarkResourceListPage(b *testing.B) {
	for _, n := range []int{10, 100000} {
		s := NewServer(widgetService(), WithTransitionDelay(0), WithRecordLimit(0))
		for i := range n {
			if status, body := call(b, s, "CreateWidget", fmt.Sprintf(`{"name":"w%d"}`, i)); status != 200 {
				b.Fatalf("create: %d %v", status, body)
			}
		}
		_, first := call(b, s, "ListWidgets", `{"maxResults":5}`)
		token, _ := first["nextToken"].(string)
		b.Run(fmt.Sprintf("stored=%d", n), func(b *testing.B) {
			body := fmt.Sprintf(`{"maxResults":5,"nextToken":%q}`, token)
			for b.Loop() {
				if status, _ := call(b, s, "ListWidgets", body); status != 200 {
					b.Fatal(status)
				}
			}
		})
		// The oldest half deleted (less than half: compact keeps them in
		// the list): the first page must not read through them.
		for i := range n/2 - 1 {
			if status, body := call(b, s, "DeleteWidget", fmt.Sprintf(`{"widget":"w%d"}`, i)); status != 200 {
				b.Fatalf("delete: %d %v", status, body)
			}
		}
		b.Run(fmt.Sprintf("stored=%d,oldest-deleted=%d", n, n/2-1), func(b *testing.B) {
			for b.Loop() {
				if status, _ := call(b, s, "ListWidgets", `{"maxResults":5}`); status != 200 {
					b.Fatal(status)
				}
			}
		})
	}
}

// BenchmarkResourceBytes reports the heap a stored widget takes beside the
// size of its JSON description, for a small description and for one of
// the size AWS services typically answer (about 600 bytes).
func BenchmarkResourceBytes(b *testing.B) {
	const n = 20000
	for _, note := range []int{0, 450} {
		b.Run(fmt.Sprintf("note=%d", note), func(b *testing.B) {
			for b.Loop() {
				s := NewServer(widgetService(), WithTransitionDelay(0), WithRecordLimit(0))
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				for i := range n {
					call(b, s, "CreateWidget", fmt.Sprintf(`{"name":"widget-%06d","size":%d,"note":%q}`, i, i, strings.Repeat("n", note)))
				}
				runtime.GC()
				runtime.ReadMemStats(&after)
				_, one := call(b, s, "GetWidget", `{"widget":"widget-000001"}`)
				desc, _ := json.Marshal(one["widget"])
				b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/n, "heap-B/resource")
				b.ReportMetric(float64(len(desc)), "json-B/resource")
				runtime.KeepAlive(s)
			}
		})
	}
}

// BenchmarkResourceLifecycleMix runs a mixed workload (create, read, list a
// page, update, delete) through the mock, and the same requests through a
// bare net/http handler that only decodes the body and answers {}: the
// brief's bar is that the mock keeps at least half the bare throughput.
func BenchmarkResourceLifecycleMix(b *testing.B) {
	type req struct{ op, body string }
	mix := func(i int) []req {
		name := fmt.Sprintf("w%d", i)
		return []req{
			{"CreateWidget", `{"name":"` + name + `","size":3}`},
			{"GetWidget", `{"widget":"` + name + `"}`},
			{"ListWidgets", `{"maxResults":5}`},
			{"UpdateWidget", `{"widget":"` + name + `","size":4}`},
			{"DeleteWidget", `{"widget":"` + name + `"}`},
		}
	}
	bare := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var v map[string]any
		json.NewDecoder(r.Body).Decode(&v)
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		w.Write([]byte("{}"))
	})
	for _, tc := range []struct {
		name string
		h    http.Handler
	}{
		{"bare", bare},
		{"mock", NewServer(widgetService(), WithTransitionDelay(0), WithRecordLimit(0))},
	} {
		b.Run(tc.name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				for _, r := range mix(i) {
					if status, body := call(b, tc.h, r.op, r.body); status != http.StatusOK {
						b.Fatalf("%s: %d %v", r.op, status, body)
					}
				}
				i++
			}
		})
	}
}

// A top-level resource whose unique key is its name is found through the
// name index (it has no entry of its own in byUnique); a rename moves it
// there, its key staying the old name, as the create made it.
func TestAUniqueKeyThatIsTheNameHoldsThroughARename(t *testing.T) {
	svc := widgetService()
	svc.Operations = append(svc.Operations, &Operation{Name: "CreateUniqueWidget", NewInput: func() Input { return new(CreateWidgetInput) }, NewOutput: func() any { return new(WidgetOutput) },
		Behavior: &Behavior{Unique: []string{"name"}}})
	svc.Resources[0].Operations = append(svc.Resources[0].Operations, ResourceOperation{Role: RoleCreate, Operation: "CreateUniqueWidget", Description: "widget"})
	for _, tc := range []struct {
		name   string
		before []string // op, body pairs sent after the first create of "a"
		create string   // the name created again
		want   int
	}{
		{"the same name again conflicts", nil, "a", http.StatusConflict},
		{"another name is free", nil, "c", http.StatusOK},
		{"the old name still conflicts after a rename", []string{"UpdateWidget", `{"widget":"a","name":"b"}`}, "a", http.StatusConflict},
		{"the old name is free once the renamed widget is deleted", []string{"UpdateWidget", `{"widget":"a","name":"b"}`, "DeleteWidget", `{"widget":"b"}`, "GetWidget", `{"widget":"b"}`}, "a", http.StatusOK},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := NewServer(svc, WithTransitionDelay(0))
			if status, body := call(t, s, "CreateUniqueWidget", `{"name":"a"}`); status != http.StatusOK {
				t.Fatalf("create: %d %v", status, body)
			}
			for i := 0; i < len(tc.before); i += 2 {
				call(t, s, tc.before[i], tc.before[i+1])
			}
			if status, body := call(t, s, "CreateUniqueWidget", fmt.Sprintf(`{"name":%q}`, tc.create)); status != tc.want {
				t.Errorf("create %s: %d %v, want %d", tc.create, status, body, tc.want)
			}
		})
	}
}
