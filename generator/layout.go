package generator

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/specgen/specgen/generator/model"
	"github.com/specgen/specgen/generator/spec"
)

// The layout of a specs directory:
//
//	<pkg>.yaml                 a hand-written spec
//	<pkg>/<pkg>.yaml           an imported spec, never edited by hand
//	<pkg>/*.overlay.yaml       hand-written overlays merged onto it, in name order
//	<pkg>/model/...            the model it was imported from; not read here
//
// A package has one spec: flat or in its folder, not both.

// findSpecs lists the specs of dir, flat and imported, sorted, and reports
// every file that breaks the layout at once.
func findSpecs(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var specs []string
	var problems []error
	flat := map[string]string{}
	for _, e := range entries {
		name, path := e.Name(), filepath.Join(dir, e.Name())
		switch {
		case !e.IsDir() && strings.HasSuffix(name, spec.OverlaySuffix):
			problems = append(problems, fmt.Errorf("%s: an overlay belongs in the folder of the imported spec it changes, <package>/%s", path, name))
		case !e.IsDir() && strings.HasSuffix(name, ".yaml"):
			specs = append(specs, path)
			flat[strings.TrimSuffix(name, ".yaml")] = path
		}
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		s, err := folderSpec(filepath.Join(dir, e.Name()))
		switch {
		case err != nil:
			problems = append(problems, err)
		case s == "":
		case flat[e.Name()] != "":
			problems = append(problems, fmt.Errorf("two specs for package %s: %s and %s; keep one", e.Name(), flat[e.Name()], s))
		default:
			specs = append(specs, s)
		}
	}
	if len(problems) > 0 {
		return nil, errors.Join(problems...)
	}
	if len(specs) == 0 {
		return nil, fmt.Errorf("no specs in %s (want <package>.yaml or <package>/<package>.yaml)", dir)
	}
	sort.Strings(specs)
	return specs, nil
}

// folderSpec returns the imported spec of the package folder dir, or ""
// when dir holds no YAML at all (it is not a package folder).
func folderSpec(dir string) (string, error) {
	yamls, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil || len(yamls) == 0 {
		return "", err
	}
	want := filepath.Join(dir, filepath.Base(dir)+".yaml")
	var found bool
	var stray []string
	for _, y := range yamls {
		switch {
		case y == want:
			found = true
		case !strings.HasSuffix(y, spec.OverlaySuffix):
			stray = append(stray, y)
		}
	}
	if len(stray) > 0 {
		return "", fmt.Errorf("%s: neither the package's spec %s nor an overlay (*%s)", strings.Join(stray, ", "), filepath.Base(want), spec.OverlaySuffix)
	}
	if !found {
		return "", fmt.Errorf("%s has overlays but no spec %s to merge them onto", dir, filepath.Base(want))
	}
	return want, nil
}

// checkSpec reads and checks the spec at path with the overlays of its
// package folder, if it is an imported spec.
func checkSpec(path string) (*model.Service, spec.Diagnostics, error) {
	src, overlays, err := spec.ReadWithOverlays(path)
	if err != nil {
		return nil, nil, err
	}
	svc, ds := spec.CheckOverlaid(src, overlays)
	return svc, ds, nil
}

// specOf maps an overlay named on the command line to the spec it belongs
// to, so that checking an overlay checks its package.
func specOf(path string) string {
	if !strings.HasSuffix(path, spec.OverlaySuffix) {
		return path
	}
	dir := filepath.Dir(path)
	return filepath.Join(dir, filepath.Base(dir)+".yaml")
}
