// Command specgen generates Go packages from YAML API specs.
//
// Usage:
//
//	specgen generate [-specs dir] [-out dir] [-import path]   write the packages
//	specgen check    [spec.yaml ...]                           check specs, write nothing
//	specgen diff     [-specs dir] [-out dir] [-import path]   show what generate would change
//
// Problems in specs are printed as file:line:col: message, every one of them,
// and nothing is written. diff exits 1 when the output is out of date.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/google/go-cmp/cmp"

	"github.com/specgen/specgen/generator"
	"github.com/specgen/specgen/generator/golang"
	"github.com/specgen/specgen/generator/spec"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage:
  specgen generate [-specs dir] [-out dir] [-import path]
  specgen check    [-specs dir] [spec.yaml ...]
  specgen diff     [-specs dir] [-out dir] [-import path]
`

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, args := args[0], args[1:]
	fs := flag.NewFlagSet("specgen "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	specs := fs.String("specs", "specs", "directory of *.yaml specs")
	out := fs.String("out", "gen", "output directory")
	importBase := fs.String("import", generator.DefaultImportBase, "import path of the output directory")
	quiet := fs.Bool("q", false, "print nothing on success")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	cfg := golang.Config{ImportBase: *importBase}
	files := fs.Args()
	if len(files) == 0 {
		var err error
		if files, err = generator.SpecFiles(*specs); err != nil {
			fmt.Fprintln(stderr, "specgen:", err)
			return 1
		}
	}
	switch cmd {
	case "check":
		svcs, err := generator.Load(files)
		if err != nil {
			return fail(stderr, err)
		}
		if !*quiet {
			for _, s := range svcs {
				fmt.Fprintf(stdout, "%s: ok (%d operations, %d shapes)\n", s.Pos.File, len(s.Operations), len(s.Shapes))
			}
		}
		return 0
	case "generate":
		gen, err := generator.Generate(files, cfg)
		if err != nil {
			return fail(stderr, err)
		}
		ch, err := generator.Write(*out, gen)
		if err != nil {
			return fail(stderr, err)
		}
		if !*quiet {
			for _, p := range ch.Written {
				fmt.Fprintln(stdout, "wrote", strings.TrimPrefix(*out+"/"+p, "./"))
			}
			for _, p := range ch.Removed {
				fmt.Fprintln(stdout, "removed", strings.TrimPrefix(*out+"/"+p, "./"))
			}
			if len(ch.Written)+len(ch.Removed) == 0 {
				fmt.Fprintf(stdout, "%s is up to date (%d files)\n", *out, len(gen))
			}
		}
		return 0
	case "diff":
		gen, err := generator.Generate(files, cfg)
		if err != nil {
			return fail(stderr, err)
		}
		diffs, err := generator.Drift(*out, gen)
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
	fmt.Fprintf(stderr, "specgen: unknown command %q\n%s", cmd, usage)
	return 2
}

func fail(stderr io.Writer, err error) int {
	var ds spec.Diagnostics
	if errors.As(err, &ds) {
		fmt.Fprintln(stderr, ds.Error())
		fmt.Fprintf(stderr, "specgen: %d problems; nothing written\n", len(ds))
		return 1
	}
	fmt.Fprintln(stderr, "specgen:", err)
	return 1
}
