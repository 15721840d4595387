package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/specgen/specgen/generator/importer"
)

const importUsage = `usage: specgen import [-o dir] [-q] path/to/service-2.json

Import reads an AWS service model in the botocore JSON format, and the
paginators-1.json, waiters-2.json and examples-1.json beside it, and writes
the spec dir/<pkg>/<pkg>.yaml with a copy of the model files in
dir/<pkg>/model/. <pkg> is the Go package name derived from the model's
serviceId. A model compressed as in botocore's data tree (service-2.json.gz)
is read with its compressed companions. It prints the path of the spec; a
model it cannot carry over whole is refused with every reason, and nothing is
written.

flags:
`

// importFlags are the import subcommand's flags; usage goes to w.
func importFlags(w io.Writer) (fs *flag.FlagSet, out *string, quiet *bool) {
	fs = flag.NewFlagSet("specgen import", flag.ContinueOnError)
	fs.SetOutput(w)
	out = fs.String("o", "specs", "directory the spec is written below")
	quiet = fs.Bool("q", false, "print nothing on success, and no progress")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), importUsage)
		fs.PrintDefaults()
	}
	return fs, out, quiet
}

// importHelp prints the import subcommand's usage.
func importHelp(w io.Writer) {
	fs, _, _ := importFlags(w)
	fs.Usage()
}

// runImport is the import subcommand.
func runImport(args []string, stdout, stderr io.Writer) int {
	fs, out, quiet := importFlags(stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	var opts importer.Options
	if !*quiet && isTerminal(stderr) {
		model := fs.Arg(0)
		opts.Progress = func(stage string) {
			// \r and the erase to end of line redraw one status line.
			fmt.Fprintf(stderr, "\r\x1b[Kimporting %s: %s", model, stage)
		}
	}
	r, err := importer.ImportFile(fs.Arg(0), opts)
	if opts.Progress != nil {
		fmt.Fprint(stderr, "\r\x1b[K")
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		fmt.Fprintln(stderr, "specgen: import refused; nothing written")
		return 1
	}
	for _, w := range r.Warnings {
		fmt.Fprintln(stderr, "warning:", w)
	}
	path, err := importer.Write(*out, r)
	if err != nil {
		fmt.Fprintln(stderr, "specgen:", err)
		return 1
	}
	if !*quiet {
		fmt.Fprintln(stdout, path)
	}
	return 0
}

// isTerminal reports whether w is a terminal, where progress is shown.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
