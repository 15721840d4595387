// Package importer translates AWS service models in the botocore JSON format
// (service-2.json and, beside it, paginators-1.json, waiters-2.json and
// examples-1.json) into spec YAML. It never emits Go: the spec it writes goes
// through the same loader, checker and emitters as a hand-written one.
//
// Everything in a model is carried over or refused with a message naming
// the file, the JSON path and the reason. The XML and query serialization
// traits (xmlNamespace, flattened, xmlAttribute, queryName, resultWrapper,
// locationName on a structure, a list's member and a map's key and value)
// are carried for a service that speaks restXml, awsQuery or ec2Query, and
// left out of the others, whose protocols do not read them. The few keys
// read and then left out are those with nowhere to go in a spec: xmlOrder
// (the members' order says it), a list's or map's own locationName (the
// members holding it name their elements; EC2's two such lists are held
// only by members that do), Java's box,
// the endpoint rule parameters (contextParam, staticContextParams),
// globalEndpoint, serviceAbbreviation and uid (the title and the API
// version say as much), documentationUrl, an operation's alias, and the
// documentation botocore allows on a list's member, a map's key and value
// and an operation's error reference (the shapes' own docs are kept).
// requestcompression becomes a comment: sending uncompressed is always
// allowed.
package importer

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"
)

// DefaultMaxSize bounds each model file read. EC2's service-2.json, the
// largest AWS model, is about 4 MiB; a file eight times that is not a model.
const DefaultMaxSize = 32 << 20

// Options tune an import.
type Options struct {
	// MaxSize bounds each file read, in bytes; 0 means DefaultMaxSize.
	MaxSize int64
	// Progress, when set, is told each stage as it starts.
	Progress func(stage string)
}

// File is one model file read.
type File struct {
	Name string // its name in botocore's data tree: service-2.json, paginators-1.json, ...
	Path string // the path read, for messages (default: Name in Import's dir)
	Data []byte
}

// Result is an imported service.
type Result struct {
	Package string // the Go package name, from the model's serviceId
	Spec    []byte // the spec YAML
	Files   []File // the model files it was imported from, service-2.json first
	// Warnings are problems that do not stop the import: examples that
	// could not be checked because the spec does not load, and why.
	Warnings []string
}

// Error is a refused import: every problem found, each naming the file,
// the JSON path and the reason.
type Error struct {
	Problems []string
}

func (e *Error) Error() string { return strings.Join(e.Problems, "\n") }

// companions are the files read when they sit beside service-2.json.
var companions = []string{"paginators-1.json", "waiters-2.json", "examples-1.json"}

// ImportFile imports the model at path and the companion files beside it;
// when path ends in .gz, the companions are read compressed too.
func ImportFile(path string, opts Options) (*Result, error) {
	data, err := readFile(path, opts.max())
	if err != nil {
		return nil, err
	}
	files := []File{{Name: "service-2.json", Path: path, Data: data}}
	gz := strings.HasSuffix(path, ".gz")
	for _, name := range companions {
		p := filepath.Join(filepath.Dir(path), name)
		if gz {
			p += ".gz"
		}
		data, err := readFile(p, opts.max())
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		files = append(files, File{Name: name, Path: p, Data: data})
	}
	return Import(filepath.Dir(path), files, opts)
}

func (o Options) max() int64 {
	if o.MaxSize > 0 {
		return o.MaxSize
	}
	return DefaultMaxSize
}

// readFile reads at most max bytes, so a huge file is refused without being
// read whole. A name ending in .gz (botocore's data tree compresses its
// models) is decompressed, and the limit applies to what it decompresses
// to, so a small file that would expand without end is refused too.
func readFile(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, &Error{[]string{fmt.Sprintf("%s: %v", path, err)}}
		}
		defer zr.Close()
		r = zr
	}
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		if strings.HasSuffix(path, ".gz") {
			return nil, &Error{[]string{fmt.Sprintf("%s: %v", path, err)}}
		}
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, &Error{[]string{fmt.Sprintf("%s: larger than %d bytes, the most a model may have", path, max)}}
	}
	return data, nil
}

// Import translates the model files: files[0] is service-2.json, the others
// companions named as in the botocore data tree. dir prefixes file names
// in messages.
func Import(dir string, files []File, opts Options) (*Result, error) {
	progress := opts.Progress
	if progress == nil {
		progress = func(string) {}
	}
	name := func(f File) string {
		if f.Path != "" {
			return f.Path
		}
		if dir == "" {
			return f.Name
		}
		return filepath.Join(dir, f.Name)
	}
	if len(files) == 0 || files[0].Name != "service-2.json" {
		return nil, errors.New("importer: the first file must be service-2.json")
	}
	var problems []string
	roots := make([]*value, len(files))
	for i, f := range files {
		if int64(len(f.Data)) > opts.max() {
			problems = append(problems, fmt.Sprintf("%s: larger than %d bytes, the most a model may have", name(f), opts.max()))
			continue
		}
		progress("reading " + f.Name)
		v, err := parseJSON(f.Data)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s:%v", name(f), err))
			continue
		}
		roots[i] = v
	}
	if len(problems) > 0 {
		return nil, &Error{problems}
	}
	progress("checking the model")
	m, errs := readModel(name(files[0]), roots[0])
	r := &reader{file: name(files[0])}
	t := &translator{r: r, m: m, pkg: PackageName(m.meta.serviceID)}
	// A protocol the spec cannot speak is the one reason worth giving:
	// the model's other problems would not matter until it can.
	if t.pickProtocol(); len(r.errs) > 0 {
		return nil, &Error{r.errs}
	}
	if m.meta.serviceID != "" && !validPackage(t.pkg) {
		r.errorf("metadata.serviceId", "%q gives package name %q, which is not a Go package name", m.meta.serviceID, t.pkg)
	}
	if m.meta.signatureVersion != "" {
		t.checkAuth()
	}
	if len(errs) == 0 && len(r.errs) == 0 {
		t.checkProtocol()
	}
	if errs = append(r.errs, errs...); len(errs) > 0 {
		return nil, &Error{errs}
	}
	ex := &extras{paginators: map[string]*yaml.Node{}, examples: map[string]*yaml.Node{}}
	for i, f := range files[1:] {
		fr := &reader{file: name(f)}
		switch f.Name {
		case "paginators-1.json":
			t.paginators(fr, roots[i+1], ex)
		case "waiters-2.json":
			t.waiters(fr, roots[i+1], ex)
		case "examples-1.json":
			t.examples(fr, roots[i+1], ex)
		default:
			fr.errorf("", "not a file the importer reads (want one of %s)", strings.Join(companions, ", "))
		}
		problems = append(problems, fr.errs...)
	}
	if len(problems) > 0 {
		return nil, &Error{problems}
	}
	t.ownIOShapes()
	t.settleNames()
	progress("writing the spec")
	doc := t.document(ex)
	keepLoadingResources(t.pkg, doc)
	progress("checking the examples")
	warnings, err := markExamples(t.pkg, doc)
	if err != nil {
		return nil, err
	}
	out, err := encode(doc)
	if err != nil {
		return nil, err
	}
	return &Result{Package: t.pkg, Spec: out, Files: files, Warnings: warnings}, nil
}

// document builds the whole spec.
func (t *translator) document(ex *extras) *yaml.Node {
	root := newMapping()
	root.add("service", t.service())
	// Inferred first: a list it binds may get a paginator its operation
	// must carry.
	found := t.inferResources(ex)
	ops := newMapping()
	for _, op := range t.m.operations {
		ops.add(op.name, t.operation(op, ex))
	}
	root.add("operations", ops.n)
	if len(found) > 0 {
		root.add("resources", t.resources(found))
	}
	shapes := newMapping()
	names, model := t.specShapeNames()
	for _, name := range names {
		s := t.m.shapes[model[name]]
		k := shapes.add(name, t.shape(s))
		switch {
		case name != model[name]:
			k.HeadComment = t.renameNote(model[name])
		case s.copyOf != "":
			k.HeadComment = t.copyNote(s)
		}
	}
	if t.codesOnly() {
		// In its place in the sorted shapes.
		at := len(shapes.n.Content)
		for i := 0; i < len(shapes.n.Content); i += 2 {
			if shapes.n.Content[i].Value > ec2ValidationError {
				at = i
				break
			}
		}
		k := str(ec2ValidationError)
		k.HeadComment = "not in the model, which declares no error shapes: the error EC2 answers invalid input with"
		shapes.n.Content = append(shapes.n.Content[:at], append([]*yaml.Node{k, codesOnlyError()}, shapes.n.Content[at:]...)...)
	}
	k := root.add("shapes", shapes.n)
	k.HeadComment = t.namesNote()
	if ex.waiters != nil {
		root.add("waiters", ex.waiters)
	}
	return &yaml.Node{Kind: yaml.DocumentNode, HeadComment: Header, Content: []*yaml.Node{root.n}}
}

func encode(doc *yaml.Node) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("writing the spec: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("writing the spec: %w", err)
	}
	return b.Bytes(), nil
}
