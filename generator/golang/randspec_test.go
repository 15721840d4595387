package golang_test

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/generator/golang"
	"github.com/specgen/specgen/generator/spec"
)

var (
	randSpecs = flag.Int("randspecs", 40, "how many random specs TestRandomSpecsCompile generates")
	randSeed  = flag.Uint64("randseed", 1, "the seed of the first random spec; spec i uses seed+i")
)

// Name pools of the random specs: spellings that derive the same Go name,
// Go keywords and built-ins, initialisms, the names of the methods and
// helpers the generated code declares, and wire names that are not
// identifiers.
var (
	randShapeNames = []string{
		"Thing", "thing", "ServiceName", "serviceName", "Id", "ID", "id", "VpcId", "VPCId", "vpcID", "Arn",
		"Tag", "tag", "Format", "Validate", "String", "Values", "Metadata", "ErrorCode", "Node", "node",
		"Secret", "Client", "API_Key", "apiKey", "http", "Type", "X1", "_x", "Tags", "TagList",
		"DoResponse", "GetResponse", "Url", "URLs", "Options", "New", "Error", "Service",
	}
	randMemberNames = []string{
		"validate", "Validate_", "string", "format", "logValue", "errorCode", "error", "errorMessage",
		"errorFault", "httpStatusCode", "errorMetadata", "metadata", "marshalJSON", "unmarshalJSON",
		"message", "Message", "type", "func", "id", "Id", "arn", "values", "name", "x", "r", "p", "v",
		"len", "nil", "_", "default", "$ref", "@type", "a-b", "1st", "plain", "wire", "in", "out", "ctx",
		"time", "vpcIds", "URL", "tags", "self", "children", "parent",
	}
	randEnumValues = []string{"AWS_IAM", "aws-iam", "a.b", "1st", "", "ÜBER", "x y", "NONE", "none", "None", "-", "type", "Values", "ok", "v2"}
	randOpNames    = []string{"Get", "Put", "List", "Format", "Validate", "New", "String", "Error", "Do", "GetThing", "Get_Thing", "X", "Reset"}
	randPatterns   = []string{"[a-z]+", "^[A-Z][a-z0-9-]*$", "(?!aws)[a-z]{1,10}", "[^/]+", `\d+`, "[a-z]+"}
	randDocs       = []string{"*/ func init() { panic(1) } /*", "First.\n\nSecond paragraph.", "The `x` is %v %s \\ done.", "A thing.", "Validate checks.", "// not a comment", "Tags are tags."}
	randGoNames    = []string{"Validate", "Format", "Named", "Thing_", "ID", "Metadata", "X"}
	scalarKinds    = []string{"string", "integer", "long", "float", "double", "boolean", "timestamp", "blob"}
	bindableKinds  = []string{"string", "integer", "long", "float", "double", "boolean", "timestamp"}
	headerKinds    = []string{"string", "integer", "long", "boolean", "timestamp"}
)

// randSpec writes a random spec: most pass check, some do not (two names
// that clash where only a report can settle them), and every one that
// passes must generate Go that compiles and vets.
type randSpec struct {
	r      *rand.Rand
	name   string
	rest   bool
	shapes []randShape
	used   map[string]bool
}

type randShape struct {
	name, kind string
	yaml       string
}

func (g *randSpec) pick(list []string) string { return list[g.r.IntN(len(list))] }
func (g *randSpec) chance(p float64) bool     { return g.r.Float64() < p }

// fresh picks up to n distinct spellings from list.
func (g *randSpec) fresh(list []string, n int) []string {
	perm := g.r.Perm(len(list))
	var out []string
	for _, i := range perm[:min(n, len(list))] {
		out = append(out, list[i])
	}
	return out
}

// ref returns a shape reference: a built-in, or a named shape that is a
// structure, a scalar, or (for a collection, to keep cycles going through
// structures) a collection declared before index below.
func (g *randSpec) ref(below int, collection bool) string {
	if g.chance(0.35) || len(g.shapes) == 0 {
		return g.pick(scalarKinds)
	}
	for range 8 {
		i := g.r.IntN(len(g.shapes))
		s := g.shapes[i]
		if s.kind == "error" || (collection && (s.kind == "list" || s.kind == "map") && i >= below) {
			continue
		}
		g.used[s.name] = true
		return s.name
	}
	return g.pick(scalarKinds)
}

func (g *randSpec) member(name, shape string) string {
	var attrs []string
	attrs = append(attrs, "shape: "+strconv.Quote(shape))
	if g.chance(0.3) {
		attrs = append(attrs, "required: true")
	}
	if (shape == "string" || g.kindOf(shape) == "string") && g.chance(0.15) {
		attrs = append(attrs, "idempotencyToken: true")
	}
	if g.chance(0.2) {
		attrs = append(attrs, "doc: "+strconv.Quote(g.pick(randDocs)))
	}
	if g.chance(0.05) {
		attrs = append(attrs, "goName: "+g.pick(randGoNames))
	}
	if g.chance(0.1) {
		switch shape {
		case "string":
			attrs = append(attrs, `default: "d"`)
		case "integer", "long":
			attrs = append(attrs, "default: 1")
		case "boolean":
			attrs = append(attrs, "default: true")
		}
	}
	return fmt.Sprintf("      %s: {%s}\n", strconv.Quote(name), strings.Join(attrs, ", "))
}

// shape declares a named shape of a random kind.
func (g *randSpec) shape(i int, name string) randShape {
	var b strings.Builder
	kinds := []string{"structure", "structure", "structure", "list", "map", "string", "string", "integer", "long", "float", "double", "boolean", "timestamp", "blob", "document"}
	kind := g.pick(kinds)
	fmt.Fprintf(&b, "  %s:\n    type: %s\n", name, kind)
	if g.chance(0.3) {
		fmt.Fprintf(&b, "    doc: %s\n", strconv.Quote(g.pick(randDocs)))
	}
	if g.chance(0.25) {
		b.WriteString("    sensitive: true\n")
	}
	if g.chance(0.15) {
		fmt.Fprintf(&b, "    deprecated: %s\n", g.pick([]string{"true", strconv.Quote(g.pick(randDocs))}))
	}
	switch kind {
	case "structure":
		b.WriteString("    members:\n")
		if g.r.IntN(5) == 0 {
			b.WriteString("      {}\n")
		}
		return randShape{name, kind, b.String()} // members are added once every shape exists
	case "list":
		fmt.Fprintf(&b, "    member: %s\n", strconv.Quote(g.ref(i, true)))
		if g.chance(0.4) {
			b.WriteString("    length: {max: 5}\n")
		}
	case "map":
		fmt.Fprintf(&b, "    value: %s\n", strconv.Quote(g.ref(i, true)))
		if k := g.stringShape(); k != "" && g.chance(0.5) {
			fmt.Fprintf(&b, "    key: %s\n", k)
		}
		if g.chance(0.4) {
			b.WriteString("    length: {min: 1}\n")
		}
	case "string":
		switch g.r.IntN(3) {
		case 0:
			var vals []string
			for _, v := range g.fresh(randEnumValues, 1+g.r.IntN(4)) {
				if g.chance(0.2) {
					vals = append(vals, fmt.Sprintf("{value: %s, name: %s, doc: %s}", strconv.Quote(v), g.pick(randGoNames), strconv.Quote(g.pick(randDocs))))
					continue
				}
				vals = append(vals, strconv.Quote(v))
			}
			fmt.Fprintf(&b, "    enum: [%s]\n", strings.Join(vals, ", "))
		case 1:
			fmt.Fprintf(&b, "    pattern: %s\n", strconv.Quote(g.pick(randPatterns)))
			if g.chance(0.2) {
				b.WriteString("    patternEnforced: false\n")
			}
		default:
			b.WriteString("    length: {min: 1, max: 64}\n")
		}
	case "integer", "long", "float", "double":
		if g.chance(0.5) {
			b.WriteString("    range: {min: 0, max: 100}\n")
		}
	case "blob":
		if g.chance(0.5) {
			b.WriteString("    length: {max: 1024}\n")
		}
	case "timestamp":
		if g.chance(0.6) {
			fmt.Fprintf(&b, "    timestampFormat: %s\n", g.pick([]string{"epoch-seconds", "iso8601", "http-date"}))
		}
	}
	return randShape{name, kind, b.String()}
}

// kindOf returns the kind of the named shape declared so far, or "".
func (g *randSpec) kindOf(name string) string {
	for _, s := range g.shapes {
		if s.name == name {
			return s.kind
		}
	}
	return ""
}

// stringShape returns a named string shape declared so far, or "".
func (g *randSpec) stringShape() string {
	for _, i := range g.r.Perm(len(g.shapes)) {
		if s := g.shapes[i]; s.kind == "string" {
			g.used[s.name] = true
			return s.name
		}
	}
	return ""
}

// bindable returns a shape that can travel in a query parameter or a header
// (list true) or a path label: a built-in scalar, a named string shape, or a
// list of either.
func (g *randSpec) bindable(list bool) string {
	if s := g.stringShape(); s != "" && g.chance(0.3) {
		return s
	}
	if list && g.chance(0.3) {
		for _, s := range g.shapes {
			if s.kind == "list" && strings.Contains(s.yaml, "member: \"string\"") {
				g.used[s.name] = true
				return s.name
			}
		}
	}
	return g.pick(bindableKinds)
}

// randMember is a member written so far, for rules to name.
type randMember struct{ name, shape string }

// structureMembers writes random members of a structure and returns them.
func (g *randSpec) structureMembers(n int) (string, []randMember) {
	var b strings.Builder
	var ms []randMember
	for _, name := range g.fresh(randMemberNames, n) {
		shape := g.ref(len(g.shapes), false)
		b.WriteString(g.member(name, shape))
		ms = append(ms, randMember{name, shape})
	}
	return b.String(), ms
}

// rules writes random cross-member rules over ms, or nothing.
func (g *randSpec) rules(ms []randMember) string {
	if len(ms) < 2 || g.chance(0.5) {
		return ""
	}
	var b strings.Builder
	b.WriteString("    rules:\n")
	perm := g.r.Perm(len(ms))
	a, c := ms[perm[0]], ms[perm[1]]
	switch g.r.IntN(3) {
	case 0:
		fmt.Fprintf(&b, "      - oneOf: [%s, %s]\n", strconv.Quote(a.name), strconv.Quote(c.name))
	case 1:
		fmt.Fprintf(&b, "      - atMostOneOf: [%s, %s]\n", strconv.Quote(a.name), strconv.Quote(c.name))
	default:
		value := map[string]string{"boolean": "true", "string": `"x"`, "integer": "1", "long": "2"}[c.shape]
		if value == "" {
			return ""
		}
		fmt.Fprintf(&b, "      - member: %s\n        %s: {member: %s, equals: %s}\n",
			strconv.Quote(a.name), g.pick([]string{"requiredWhen", "onlyWhen"}), strconv.Quote(c.name), value)
	}
	return b.String()
}

// generate returns the spec's YAML.
func (g *randSpec) generate() string {
	g.used = map[string]bool{}
	var b strings.Builder
	protocol := g.pick([]string{"awsJson1_0", "awsJson1_1", "restJson1"})
	g.rest = protocol == "restJson1"
	fmt.Fprintf(&b, "service:\n  name: %s\n  title: Random %s\n  apiVersion: \"1\"\n  protocol: %s\n", g.name, g.name, protocol)
	if !g.rest {
		b.WriteString("  targetPrefix: Random\n")
	}
	b.WriteString("  signingName: random\n  endpointPrefix: random\n  validationError: BadInput\n")

	names := g.fresh(randShapeNames, 2+g.r.IntN(7))
	for i, n := range names {
		g.shapes = append(g.shapes, g.shape(i, n))
	}
	errs := []string{"BadInput"}
	if g.chance(0.5) {
		errs = append(errs, "Conflict")
	}
	var shapes strings.Builder
	for i := range g.shapes {
		s := &g.shapes[i]
		shapes.WriteString(s.yaml)
		if s.kind == "structure" && !strings.HasSuffix(s.yaml, "{}\n") {
			text, ms := g.structureMembers(1 + g.r.IntN(4))
			shapes.WriteString(text + g.rules(ms))
		}
	}
	for _, e := range errs {
		message := "string"
		if s := g.stringShape(); s != "" && g.chance(0.3) {
			message = s // an enum, a pattern or a length
		}
		fmt.Fprintf(&shapes, "  %s:\n    type: structure\n    error: {status: 400}\n    members:\n      message: %s\n", e, message)
		for _, name := range g.fresh(randMemberNames, g.r.IntN(3)) {
			if strings.EqualFold(name, "message") {
				continue
			}
			if g.rest && g.chance(0.3) {
				fmt.Fprintf(&shapes, "      %s: {shape: %s, location: header, locationName: X-%d}\n", strconv.Quote(name), g.pick(headerKinds), g.r.IntN(100))
				continue
			}
			fmt.Fprintf(&shapes, "      %s: %s\n", strconv.Quote(name), strconv.Quote(g.ref(len(g.shapes), false)))
		}
	}

	b.WriteString("operations:\n")
	var ops []string
	for _, op := range g.fresh(randOpNames, 1+g.r.IntN(3)) {
		if !slices.ContainsFunc(names, func(n string) bool { return n == op+"Request" || n == op+"Response" }) {
			ops = append(ops, op)
		}
	}
	for i, op := range ops {
		path := "/"
		var bound strings.Builder
		if g.rest {
			path = "/" + strings.ToLower(op)
			n := g.r.IntN(3)
			for j := range n {
				label := fmt.Sprintf("l%d", j)
				if j == n-1 && g.chance(0.3) {
					path += "/{" + label + "+}"
				} else {
					path += "/{" + label + "}"
				}
				fmt.Fprintf(&bound, "      %s: {shape: %s, required: true, location: uri, locationName: %s}\n", label, g.bindable(false), label)
			}
			if g.chance(0.5) {
				fmt.Fprintf(&bound, "      q: {shape: %s, location: query, locationName: q-%d}\n", g.bindable(true), i)
			}
			if g.chance(0.5) {
				fmt.Fprintf(&bound, "      h: {shape: %s, location: header, locationName: X-H%d}\n", g.bindable(true), i)
			}
		}
		method := "POST"
		if g.rest {
			method = g.pick([]string{"GET", "PUT", "POST", "DELETE", "PATCH"})
		}
		fmt.Fprintf(&b, "  %s:\n    doc: Does %s.\n    http: {method: %s, path: %s, status: 200}\n", op, op, method, strconv.Quote(path))
		fmt.Fprintf(&b, "    input: %sRequest\n    output: %sResponse\n    errors: [%s]\n", op, op, strings.Join(errs, ", "))

		fmt.Fprintf(&shapes, "  %sRequest:\n    type: structure\n    members:\n", op)
		shapes.WriteString(bound.String())
		text, ms := g.structureMembers(g.r.IntN(4))
		shapes.WriteString(text)
		if i == 0 {
			// Every named shape must be used: the first input uses the rest.
			for _, s := range g.shapes {
				if !g.used[s.name] {
					fmt.Fprintf(&shapes, "      use%s: %s\n", strings.TrimLeft(s.name, "_"), s.name)
				}
			}
		}
		fmt.Fprintf(&shapes, "      pad%d: string\n", i)
		shapes.WriteString(g.rules(append(ms, randMember{fmt.Sprintf("pad%d", i), "string"})))
		fmt.Fprintf(&shapes, "  %sResponse:\n    type: structure\n    members:\n      pad%d: string\n", op, i)
		if g.rest && g.chance(0.4) {
			kind := g.pick(headerKinds)
			if s := g.stringShape(); s != "" && g.chance(0.4) {
				kind = s
			}
			fmt.Fprintf(&shapes, "      rh: {shape: %s, location: header, locationName: X-R%d}\n", kind, i)
		}
		text, ms = g.structureMembers(g.r.IntN(4))
		shapes.WriteString(text + g.rules(ms))
	}
	b.WriteString("shapes:\n")
	b.WriteString(shapes.String())
	return b.String()
}

// TestRandomSpecsCompile generates random specs (seeded, so every run sees
// the same ones) and checks the promise of spec.Load: a spec that passes
// generates, twice the same, Go that builds and vets. The specs that pass
// are built together in one throwaway module, with the go command, so the
// cost is one build. -randspecs and -randseed run more, or others.
func TestRandomSpecsCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	_, self, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(self), "..", "..")
	tmp := t.TempDir()
	write := func(name string, content []byte) {
		p := filepath.Join(tmp, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	write("go.mod", []byte("module randspecs\n\ngo 1.26.0\n\nrequire github.com/specgen/specgen v0.0.0-00010101000000-000000000000\n\nreplace github.com/specgen/specgen => "+root+"\n"))
	write("go.sum", sum)

	specs := map[string]string{}
	passed, refused := 0, map[string]int{}
	for i := range *randSpecs {
		seed := *randSeed + uint64(i)
		g := &randSpec{r: rand.New(rand.NewPCG(seed, 0x5eed)), name: fmt.Sprintf("rs%d", seed)}
		src := g.generate()
		svc, err := spec.Load(g.name+".yaml", []byte(src))
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				refused[diagKind(line)]++
			}
			continue
		}
		passed++
		specs[g.name] = src
		files, err := generateNoPanic(t, g.name, src)
		if err != nil {
			t.Errorf("seed %d: spec passes check but does not generate: %v\n%s", seed, err, src)
			continue
		}
		again, _ := generateNoPanic(t, g.name, src)
		if diff := cmp.Diff(files, again); diff != "" {
			t.Errorf("seed %d: two generations differ (-first +second):\n%s", seed, diff)
		}
		_ = svc
		for _, f := range files {
			write(f.Path, f.Content)
		}
	}
	t.Logf("%d of %d random specs pass check; refusals by kind: %v", passed, *randSpecs, refused)
	if passed < *randSpecs/3 {
		t.Errorf("only %d of %d random specs pass check: the generator of random specs has drifted from the format", passed, *randSpecs)
	}
	if passed == 0 {
		return
	}
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS="+os.Getenv("GOFLAGS")+" -mod=mod") // keeps make test's -race
	if out, err := cmd.CombinedOutput(); err != nil {
		var broken []string
		for name, src := range specs {
			if regexp.MustCompile(`\b` + name + `\b`).Match(out) {
				broken = append(broken, fmt.Sprintf("--- %s.yaml:\n%s", name, src))
			}
		}
		slices.Sort(broken)
		t.Fatalf("generated code from specs that pass check does not vet: %v\n%s\n%s", err, out, strings.Join(broken, "\n"))
	}
}

// generateNoPanic loads and generates src, turning an emitter's panic into
// an error so that the test names the seed.
func generateNoPanic(t *testing.T, name, src string) (files []golang.File, err error) {
	t.Helper()
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	svc, err := spec.Load(name+".yaml", []byte(src))
	if err != nil {
		return nil, err
	}
	return golang.Generate(svc, golang.Config{ImportBase: "randspecs"})
}

// diagKind shortens a diagnostic to its kind, for the log of refusals.
func diagKind(line string) string {
	_, msg, _ := strings.Cut(line, ": ")
	for _, w := range strings.Fields(msg) {
		if strings.ContainsAny(w, `"{}`) || strings.ToLower(w) != w {
			msg = strings.Replace(msg, w, "_", 1)
		}
	}
	if len(msg) > 50 {
		msg = msg[:50]
	}
	return msg
}
