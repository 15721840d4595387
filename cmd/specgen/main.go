// Command specgen generates Go packages from YAML API specs.
//
// Usage:
//
//	specgen generate [-specs dir] [-out dir] [-import path]   write the packages
//	specgen check    [-specs dir] [spec.yaml ...]              check specs, write nothing
//	specgen diff     [-specs dir] [-out dir] [-import path]   show what generate would change
//	specgen import   [-o dir] [-q] path/to/service-2.json      write the spec of an AWS model
//	specgen help [command]                                     print usage
//	specgen version                                            print specgen's module version
//
// The import path of the output defaults to the one the go.mod enclosing
// -out gives it, so the generated packages build in whichever module they
// land in. Problems in specs are printed as file:line:col: message, every
// one of them, and nothing is written; warnings (file:line:col: warning:
// message) are printed but do not stop generation. diff exits 1 when the
// output is out of date. An imported spec, specs/<pkg>/<pkg>.yaml, is
// loaded with the overlays next to it (specs/README.md, Layout).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/generator"
	"github.com/specgen/specgen/generator/golang"
	"github.com/specgen/specgen/generator/spec"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `specgen turns YAML API specs into Go packages: types, validation, a client
and a mock server.

usage:
  specgen generate [-specs dir] [-out dir] [-import path] [-q]   write the packages
  specgen check    [-specs dir] [-q] [spec.yaml ...]              check specs, write nothing
  specgen diff     [-specs dir] [-out dir] [-import path]         show what generate would change
  specgen import   [-o dir] [-q] path/to/service-2.json           write the spec of an AWS model
  specgen help [command]                                          print this, or a command's flags
  specgen version                                                 print specgen's version

Run "specgen help generate" for the flags.
`

// commands are the subcommands that take the flags below.
var commands = []string{"generate", "check", "diff"}

// flags holds one parse of a subcommand's flags.
type flags struct {
	fs                *flag.FlagSet
	specs, out, imprt *string
	quiet             *bool
}

func newFlags(cmd string, stderr io.Writer) flags {
	fs := flag.NewFlagSet("specgen "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	f := flags{fs: fs, specs: fs.String("specs", "specs", "directory of specs: <pkg>.yaml, and imported <pkg>/<pkg>.yaml with its *.overlay.yaml")}
	if cmd != "check" { // check writes nothing, so it has no output to name
		f.out = fs.String("out", "gen", "output directory; one package per spec is written below it")
		f.imprt = fs.String("import", "", "import path of the output directory (default: worked out from the go.mod enclosing -out)")
	}
	if cmd != "diff" {
		f.quiet = fs.Bool("q", false, "print nothing on success")
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: specgen %s [flags]%s\n\nflags:\n", cmd, map[string]string{"check": " [spec.yaml ...]"}[cmd])
		fs.PrintDefaults()
	}
	return f
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	case "help":
		if len(args) == 0 {
			fmt.Fprint(stdout, usage)
			return 0
		}
		if args[0] == "import" {
			importHelp(stdout)
			return 0
		}
		if !contains(commands, args[0]) {
			fmt.Fprintf(stderr, "specgen: unknown command %q\n%s", args[0], usage)
			return 2
		}
		newFlags(args[0], stdout).fs.Usage()
		return 0
	case "version":
		fmt.Fprintln(stdout, "specgen", version())
		return 0
	case "import":
		return runImport(args, stdout, stderr)
	}
	if !contains(commands, cmd) {
		fmt.Fprintf(stderr, "specgen: unknown command %q\n%s", cmd, usage)
		return 2
	}
	f := newFlags(cmd, stderr)
	if err := f.fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	files := f.fs.Args()
	if len(files) == 0 {
		var err error
		if files, err = generator.SpecFiles(*f.specs); err != nil {
			fmt.Fprintln(stderr, "specgen:", err)
			return 1
		}
	}
	svcs, warnings, err := generator.Load(files)
	if err != nil {
		return fail(stderr, err)
	}
	if len(warnings) > 0 {
		fmt.Fprintln(stderr, warnings.Error())
	}
	if cmd == "check" {
		if !*f.quiet {
			for _, s := range svcs {
				fmt.Fprintf(stdout, "%s: ok (%s, %s)\n", s.Pos.File,
					count(len(s.Operations), "operation", "operations"), count(len(s.Shapes), "shape", "shapes"))
			}
		}
		return 0
	}
	importBase := *f.imprt
	if importBase == "" {
		if importBase, err = generator.ImportPath(*f.out); err != nil {
			fmt.Fprintln(stderr, "specgen:", err)
			return 1
		}
	}
	gen, err := generator.GenerateServices(svcs, golang.Config{ImportBase: importBase})
	if err != nil {
		return fail(stderr, err)
	}
	if cmd == "diff" {
		return diff(stdout, stderr, *f.out, gen)
	}
	ch, err := generator.Write(*f.out, gen)
	if err != nil {
		return fail(stderr, err)
	}
	if !*f.quiet {
		for _, p := range ch.Written {
			fmt.Fprintln(stdout, "wrote", strings.TrimPrefix(*f.out+"/"+p, "./"))
		}
		for _, p := range ch.Removed {
			fmt.Fprintln(stdout, "removed", strings.TrimPrefix(*f.out+"/"+p, "./"))
		}
		if len(ch.Written)+len(ch.Removed) == 0 {
			fmt.Fprintf(stdout, "%s is up to date (%d files)\n", *f.out, len(gen))
		}
	}
	return 0
}

// diff prints how the files under out differ from gen and exits 1 when they
// do.
func diff(stdout, stderr io.Writer, out string, gen []golang.File) int {
	diffs, err := generator.Drift(out, gen)
	if err != nil {
		return fail(stderr, err)
	}
	for _, d := range diffs {
		fmt.Fprintf(stdout, "%s: %s (-on disk +generated):\n%s\n", d.Path, d.Kind,
			cmp.Diff(strings.Split(d.Got, "\n"), strings.Split(d.Want, "\n")))
	}
	if len(diffs) > 0 {
		return 1
	}
	return 0
}

// version is the module version specgen was built from: a tagged version
// when installed with go install or go get -tool, "(devel)" when built from
// a checkout.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok || info.Main.Version == "" {
		return "(devel)"
	}
	return info.Main.Version
}

func fail(stderr io.Writer, err error) int {
	var ds spec.Diagnostics
	if errors.As(err, &ds) {
		fmt.Fprintln(stderr, ds.Error())
		fmt.Fprintf(stderr, "specgen: %s; nothing written\n", ds.Summary())
		return 1
	}
	fmt.Fprintln(stderr, "specgen:", err)
	return 1
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// count renders n with the singular or the plural noun.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
