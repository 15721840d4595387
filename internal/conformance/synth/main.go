// Command synth writes, for each protocol suite under testdata/suites, the
// botocore service model that carries all its cases' shapes and operations,
// to testdata/models/<package>/service-2.json, for specgen import to read.
// It runs from internal/conformance (go generate).
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/specgen/specgen/internal/conformance/suite"
)

func main() {
	if err := run("testdata"); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}

func run(testdata string) error {
	for _, p := range suite.Protocols {
		s, err := suite.Load(filepath.Join(testdata, "suites"), p)
		if err != nil {
			return err
		}
		model, err := s.Model()
		if err != nil {
			return err
		}
		dir := filepath.Join(testdata, "models", p.Package)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, "service-2.json"), model, 0o644); err != nil {
			return err
		}
	}
	return nil
}
