package importer

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"

	"github.com/specgen/specgen/generator/spec"
)

// modelsDir finds the real botocore models in ../shared beside the
// repository root. The root is the main checkout's, found through git's
// common directory, so the test also runs in a git worktree kept elsewhere.
func modelsDir(t testing.TB) string {
	root := "../.."
	if out, err := exec.Command("git", "rev-parse", "--path-format=absolute", "--git-common-dir").Output(); err == nil {
		root = filepath.Dir(strings.TrimSpace(string(out)))
	}
	dir := filepath.Join(root, "..", "shared", "reference", "aws-models")
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("the reference models must sit in ../shared beside the repository root: %v", err)
	}
	return dir
}

// TestRealModels imports every model in ../shared/reference/aws-models,
// whatever its protocol: each gives a spec that checks without errors,
// twice the same bytes, speaking the first protocol of the model's list
// and listing them all.
func TestRealModels(t *testing.T) {
	protocols := map[string]struct {
		protocol string
		all      []string
	}{
		"cloudwatch":  {"rpcv2Cbor", []string{"rpcv2Cbor", "awsJson1_0", "awsQuery"}},
		"ec2":         {"ec2Query", []string{"ec2Query"}},
		"route53":     {"restXml", []string{"restXml"}},
		"sns":         {"awsQuery", []string{"awsQuery"}},
		"ecs":         {"awsJson1_1", []string{"awsJson1_1"}},
		"vpc-lattice": {"restJson1", []string{"restJson1"}},
	}
	models := modelsDir(t)
	dirs, err := os.ReadDir(models)
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, d := range dirs {
		path := filepath.Join(models, d.Name(), "service-2.json")
		if _, err := os.Stat(path); err != nil {
			continue
		}
		seen++
		t.Run(d.Name(), func(t *testing.T) {
			start := time.Now()
			r, err := ImportFile(path, Options{})
			t.Logf("%s: imported in %v", d.Name(), time.Since(start).Round(time.Millisecond))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(r.Spec, []byte("# "+Header+"\n")) {
				t.Errorf("the spec does not start with the generated-code header")
			}
			// Escaped markup in the docs (&lt;Tag&gt;) is text; the
			// model's own tags must all be gone. (EC2 escapes a few
			// <code> tags itself: those stay, as text.)
			for _, tag := range []string{"<p>", "</p>", "<code>", "</code>", "<li>", "<ul>", "<a href", "</a>", "<b>", "<i>"} {
				escaped := strings.NewReplacer("<", "&lt;", ">", "&gt;").Replace(tag)
				if bytes.Contains(r.Spec, []byte(tag)) && !bytes.Contains(r.Files[0].Data, []byte(escaped)) {
					t.Errorf("the spec holds the raw tag %s", tag)
				}
			}
			var doc struct {
				Service struct {
					Protocol  string
					Protocols []string
				}
			}
			if err := yaml.Unmarshal(r.Spec, &doc); err != nil {
				t.Fatalf("the spec is not YAML: %v", err)
			}
			if want, ok := protocols[d.Name()]; ok {
				got := doc.Service
				if got.Protocol != want.protocol || !slices.Equal(got.Protocols, want.all) {
					t.Errorf("protocol %s, protocols %v; want %s, %v", got.Protocol, got.Protocols, want.protocol, want.all)
				}
			}
			if _, ds := spec.Check(r.Package+".yaml", r.Spec); ds.Errors() > 0 {
				t.Errorf("the spec does not check:\n%v", ds)
			}
			again, err := ImportFile(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(r.Spec, again.Spec) {
				t.Errorf("two imports of the same model differ")
			}
		})
	}
	if seen != 10 {
		t.Errorf("found %d models, want the ten of ../shared/reference/aws-models", seen)
	}
}

// TestDeterministic imports each golden case twice.
func TestDeterministic(t *testing.T) {
	dirs, _ := filepath.Glob("testdata/*/service-2.json")
	for _, p := range dirs {
		dir := filepath.Dir(p)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			a, errA := Import("", readCase(t, dir), Options{})
			b, errB := Import("", readCase(t, dir), Options{})
			if errA != nil || errB != nil {
				if errA == nil || errB == nil || errA.Error() != errB.Error() {
					t.Errorf("errors differ: %v and %v", errA, errB)
				}
				return
			}
			if !bytes.Equal(a.Spec, b.Spec) {
				t.Errorf("two imports differ")
			}
		})
	}
}

func TestLimits(t *testing.T) {
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	tests := []struct {
		name    string
		data    string
		max     int64
		wantErr string
	}{
		{"a file over the size limit is refused", `{"version": "2.0"}`, 10, "service-2.json: larger than 10 bytes"},
		{"deep nesting is refused", `{"shapes": ` + deep + `}`, 0, "service-2.json:1:76: shapes.0.0.0"},
		{"too many values are refused", "[" + strings.Repeat("0,", 1_000_000) + "0]", 0, "service-2.json:1:1999999: 999999: more than 1000000 values"},
		{"a number no float holds is refused", `{"shapes": {"A": {"max": 1e400}}}`, 0, "shapes.A.max: number 1e400 is out of range"},
		{"a file that is not JSON is refused", "<html>", 0, "service-2.json:1:2: invalid character '<'"},
		{"an empty file is refused", "", 0, "service-2.json:1:1: truncated JSON"},
		{"two values are refused", "{} {}", 0, "unexpected data after the top-level value"},
		{"a duplicate key is refused", `{"shapes": {"A": {}, "A": {}}}`, 0, `shapes: duplicate key "A"`},
		{"the wrong document is refused", `[1, 2]`, 0, "service-2.json: must be an object, found an array"},
		{"a model without its parts is refused", `{}`, 0, `missing key "metadata": not a botocore service model`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Import("", []File{{Name: "service-2.json", Data: []byte(tt.data)}}, Options{MaxSize: tt.max})
			var ie *Error
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("got %v, want an *Error containing %q", err, tt.wantErr)
			}
		})
	}
}

// TestHugeFileNotRead checks that a file over the limit is refused after
// reading only the limit.
func TestHugeFileNotRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "service-2.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse 50 MiB file: refusing it costs nothing on disk either.
	if err := f.Truncate(50 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = ImportFile(path, Options{})
	if err == nil || !strings.Contains(err.Error(), "larger than 33554432 bytes") {
		t.Errorf("got %v, want a size error", err)
	}
}

// TestMarkExamples checks the examples of a spec in today's format: the
// checker's verdict on each one decides conforms.
func TestMarkExamples(t *testing.T) {
	const src = `service:
  name: demo
  title: Demo
  apiVersion: "2024-01-01"
  protocol: awsJson1_0
  targetPrefix: Demo
  signingName: demo
  endpointPrefix: demo
  validationError: ValidationException
operations:
  Put:
    doc: Puts.
    http: {method: POST, path: /, status: 200}
    input: PutInput
    output: PutOutput
    examples:
      - title: good
        input: {name: a}
        output: {}
      - title: wrong member
        input: {nmae: a}
      - title: good again
        input: {name: b}
      - title: wrong type
        input: {name: [1]}
shapes:
  PutInput:
    type: structure
    members:
      name: {shape: string, required: true}
  PutOutput:
    type: structure
    members: {}
  ValidationException:
    type: structure
    members:
      message: string
    error: {status: 400}
`
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	warnings, err := markExamples("demo", &doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) > 0 {
		t.Fatalf("warnings: %v", warnings)
	}
	var got []string
	for _, ex := range exampleNodes(&doc) {
		line := get(ex, "title").Value + ": conforms by default"
		if c := get(ex, "conforms"); c != nil {
			line = get(ex, "title").Value + ": conforms: " + c.Value + " # " + ex.Content[len(ex.Content)-2].LineComment
		}
		got = append(got, line)
	}
	want := []string{
		"good: conforms by default",
		"wrong member: conforms: false # example input: required member name is missing",
		"good again: conforms by default",
		"wrong type: conforms: false # example input.name: want a string, found a list",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("examples marked (-want +got):\n%s", diff)
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	r, err := ImportFile("testdata/awsjson/service-2.json", Options{})
	if err != nil {
		t.Fatal(err)
	}
	path, err := Write(dir, r)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "examplewidgetsservice", "examplewidgetsservice.yaml"); path != want {
		t.Errorf("wrote %s, want %s", path, want)
	}
	var got []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			got = append(got, filepath.ToSlash(rel))
		}
		return err
	})
	want := []string{
		"examplewidgetsservice/examplewidgetsservice.yaml",
		"examplewidgetsservice/model/NOTICE",
		"examplewidgetsservice/model/examples-1.json",
		"examplewidgetsservice/model/paginators-1.json",
		"examplewidgetsservice/model/service-2.json",
		"examplewidgetsservice/model/waiters-2.json",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("files written (-want +got):\n%s", diff)
	}
	orig, _ := os.ReadFile("testdata/awsjson/service-2.json")
	copied, _ := os.ReadFile(filepath.Join(dir, "examplewidgetsservice/model/service-2.json"))
	if !bytes.Equal(orig, copied) {
		t.Errorf("the model copy differs from the model")
	}
}

func TestPackageName(t *testing.T) {
	for id, want := range map[string]string{
		"VPC Lattice": "vpclattice", "ServiceDiscovery": "servicediscovery", "AppRunner": "apprunner",
		"DynamoDB": "dynamodb", "Secrets Manager": "secretsmanager", "Route 53": "route53", "Example-Widgets Service": "examplewidgetsservice",
	} {
		t.Run(id+" becomes "+want, func(t *testing.T) {
			if got := PackageName(id); got != want {
				t.Errorf("PackageName(%q) = %q, want %q", id, got, want)
			}
		})
	}
}

func TestProgress(t *testing.T) {
	var got []string
	_, err := ImportFile("testdata/awsjson/service-2.json", Options{Progress: func(stage string) { got = append(got, stage) }})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"reading service-2.json", "reading paginators-1.json", "reading waiters-2.json", "reading examples-1.json",
		"checking the model", "writing the spec", "checking the examples"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stages (-want +got):\n%s", diff)
	}
}

func TestImportGzip(t *testing.T) {
	dir := t.TempDir()
	for _, name := range append([]string{"service-2.json"}, companions...) {
		data, err := os.ReadFile(filepath.Join("testdata/awsjson", name))
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write(data)
		zw.Close()
		if err := os.WriteFile(filepath.Join(dir, name+".gz"), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := ImportFile(filepath.Join(dir, "service-2.json.gz"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := ImportFile("testdata/awsjson/service-2.json", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want.Spec), string(got.Spec)); diff != "" {
		t.Errorf("the compressed model imports differently (-want +got):\n%s", diff)
	}
	if len(got.Files) != 4 {
		t.Errorf("read %d files, want the model and its three companions", len(got.Files))
	}
}

// TestGzipBomb checks that the size limit applies to what a compressed
// file expands to.
func TestGzipBomb(t *testing.T) {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(bytes.Repeat([]byte(" "), 40<<20))
	zw.Close()
	path := filepath.Join(t.TempDir(), "service-2.json.gz")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ImportFile(path, Options{})
	if err == nil || !strings.Contains(err.Error(), "larger than 33554432 bytes") {
		t.Errorf("got %v, want a size error", err)
	}
}
