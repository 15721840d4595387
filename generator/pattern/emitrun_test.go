package pattern

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
)

// emitStress are patterns that exercise corners of the emitter: several
// runs, runs with other strides, accepting sinks, Unicode decision trees,
// more than 256 classes.
func emitStress() []string {
	var long strings.Builder
	for r := rune(0x100); r < 0x100+300; r++ {
		fmt.Fprintf(&long, `\u%04x`, r)
	}
	return []string{
		`x{1,50}y{1,50}z{1,50}`,
		`(ab){2,300}`,
		`(a|b)*a(a|b){5}`,
		`a[\s\S]*|b{1,20}`,
		`[a-c]{3,40}[\s\S]*`,
		`(?:[\s\S]{0,5}x)[\s\S]*`,
		`[\p{Greek}\p{Lu}]\p{Latin}[\p{N}\p{Greek}]\P{Lu}`,
		`[\p{L}\u00e9\u2028x-z]+\p{Han}?`,
		`(?!.*\p{Lu}.*\p{Lu})[\p{L} ]{0,40}`,
		long.String(),
		`[` + long.String() + `]{2,4}`,
	}
}

// TestEmitCompiled emits matchers for every pattern of the tests, builds
// them with the go command in a scratch module and runs them on strings
// whose expected results come from the interpreter.
func TestEmitCompiled(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a scratch module")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	var srcs []string
	for _, tc := range realPatterns {
		srcs = append(srcs, tc.src)
	}
	for _, tc := range syntaxCases {
		srcs = append(srcs, tc.src)
	}
	srcs = append(srcs, diffPatterns...)
	srcs = append(srcs, lookPatterns...)
	srcs = append(srcs, emitStress()...)

	rng := rand.New(rand.NewPCG(7, 8))
	f := jen.NewFile("main")
	var cases bytes.Buffer
	cases.WriteString("package main\n\nvar cases = []struct {\n\tf    func(string) bool\n\tsrc  string\n\ts    string\n\twant bool\n}{\n")
	for i, src := range srcs {
		d, err := Compile(src)
		if err != nil {
			t.Fatalf("Compile(%q): %v", src, err)
		}
		name := fmt.Sprintf("m%d", i)
		f.Add(d.Emit(name, name+" is a test."))
		f.Line()
		for _, s := range testStrings(d, rng, 40) {
			fmt.Fprintf(&cases, "\t{%s, %s, %s, %v},\n", name, strconv.Quote(src), strconv.Quote(s), d.Match(s))
		}
	}
	cases.WriteString("}\n")
	f.Func().Id("main").Params().Block(jen.Id("run").Call())

	dir := t.TempDir()
	var code bytes.Buffer
	if err := f.Render(&code); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"go.mod":      "module emitcheck\n\ngo 1.26\n",
		"matchers.go": code.String(),
		"cases.go":    cases.String(),
		"run.go": `package main

import (
	"fmt"
	"os"
)

func run() {
	bad := 0
	for _, c := range cases {
		if got := c.f(c.s); got != c.want {
			bad++
			if bad <= 20 {
				fmt.Printf("%q: emitted matcher says %v for %q, the interpreter %v\n", c.src, got, c.s, c.want)
			}
		}
	}
	fmt.Printf("%d cases, %d mismatches\n", len(cases), bad)
	if bad > 0 {
		os.Exit(1)
	}
}
`,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	vet := exec.Command(goTool, "vet", ".")
	vet.Dir = dir
	vet.Env = append(os.Environ(), "GOFLAGS="+os.Getenv("GOFLAGS")+" -mod=mod", "GOTOOLCHAIN=local") // keeps make test's -race
	if out, err := vet.CombinedOutput(); err != nil {
		t.Fatalf("go vet on emitted code: %v\n%s", err, out)
	}
	cmd := exec.Command(goTool, "run", ".")
	cmd.Dir = dir
	cmd.Env = vet.Env
	out, err := cmd.CombinedOutput()
	t.Logf("%s", out)
	if err != nil {
		t.Fatalf("emitted matchers disagree with the interpreter: %v", err)
	}
}
