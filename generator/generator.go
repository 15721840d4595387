// Package generator turns a directory of YAML specs into Go packages.
//
// The pipeline runs one way: load and check every spec (package spec), then
// emit every file in memory (package golang), then write. A spec with any
// problem stops the run before anything is written, so the output directory
// never holds half a generation.
package generator

import (
	"errors"
	"os"
	"path/filepath"
	"sort"

	"github.com/specgen/specgen/generator/golang"
	"github.com/specgen/specgen/generator/model"
	"github.com/specgen/specgen/generator/spec"
)

// DefaultImportBase is the import path of this repository's gen directory.
const DefaultImportBase = "github.com/specgen/specgen/gen"

// SpecFiles lists the specs of dir, sorted: the hand-written <pkg>.yaml and
// the imported <pkg>/<pkg>.yaml (layout.go); Load finds the overlays of the
// latter.
func SpecFiles(dir string) ([]string, error) {
	return findSpecs(dir)
}

// Load loads and checks every spec file, an imported spec with its
// overlays; an overlay in files stands for its spec. When any has problems,
// the error is a spec.Diagnostics listing all of them, warnings included,
// across all files; otherwise warnings lists the problems that do not stop
// generation.
func Load(files []string) (svcs []*model.Service, warnings spec.Diagnostics, err error) {
	var all spec.Diagnostics
	seen := map[string]bool{}
	for _, f := range files {
		if f = specOf(f); seen[f] {
			continue
		}
		seen[f] = true
		svc, ds, err := checkSpec(f)
		if err != nil {
			return nil, nil, err
		}
		all = append(all, ds...)
		if svc != nil {
			svcs = append(svcs, svc)
		}
	}
	if all.Errors() > 0 {
		return nil, nil, all
	}
	return svcs, all, nil
}

// Generate renders every package for the specs in files, in memory, sorted
// by path. Warnings are dropped; Load and GenerateServices keep them.
func Generate(files []string, cfg golang.Config) ([]golang.File, error) {
	svcs, _, err := Load(files)
	if err != nil {
		return nil, err
	}
	return GenerateServices(svcs, cfg)
}

// GenerateServices renders every package of svcs, and the registry of their
// mocks, in memory, sorted by path.
func GenerateServices(svcs []*model.Service, cfg golang.Config) ([]golang.File, error) {
	var out []golang.File
	for _, svc := range svcs {
		fs, err := golang.Generate(svc, cfg)
		if err != nil {
			return nil, err
		}
		out = append(out, fs...)
	}
	reg, err := golang.GenerateRegistry(svcs, cfg)
	if err != nil {
		return nil, err
	}
	out = append(out, reg)
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

// GenerateDir is Generate for every spec in dir.
func GenerateDir(dir string, cfg golang.Config) ([]golang.File, error) {
	files, err := SpecFiles(dir)
	if err != nil {
		return nil, err
	}
	return Generate(files, cfg)
}

// ReadTree reads every file below root that the generator owns (those that
// start with its header), keyed by slash-separated path relative to root.
func ReadTree(root string) (map[string][]byte, error) {
	out := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, os.ErrNotExist) && p == root {
				return filepath.SkipDir
			}
			return err
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if !IsGenerated(data) {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		out[filepath.ToSlash(rel)] = data
		return nil
	})
	return out, err
}
