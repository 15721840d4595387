package importer

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// notice goes beside the copied model files: they are botocore's, under
// its license, not specgen's.
const notice = `The files in this directory are AWS service models from botocore
(https://github.com/boto/botocore), copied unchanged by specgen import.

Copyright Amazon.com, Inc. or its affiliates. All Rights Reserved.
Licensed under the Apache License, Version 2.0
(http://www.apache.org/licenses/LICENSE-2.0).
`

// Write writes an imported service below dir: dir/<pkg>/<pkg>.yaml, and the
// model files it came from in dir/<pkg>/model/ with a NOTICE (removing
// companions an earlier import left there that this one did not read). Each file is
// written to a temporary name first and renamed, so an interrupted write
// never leaves half a file. It returns the path of the spec.
func Write(dir string, r *Result) (string, error) {
	pkgDir := filepath.Join(dir, r.Package)
	modelDir := filepath.Join(pkgDir, "model")
	if err := os.MkdirAll(modelDir, 0o755); err != nil {
		return "", err
	}
	files := []File{{Name: "NOTICE", Data: []byte(notice)}}
	files = append(files, r.Files...)
	wrote := map[string]bool{}
	for _, f := range files {
		if err := writeFile(filepath.Join(modelDir, f.Name), f.Data); err != nil {
			return "", err
		}
		wrote[f.Name] = true
	}
	// A companion an earlier import copied but this model no longer has
	// would otherwise pass for part of it.
	for _, name := range companions {
		if !wrote[name] {
			if err := os.Remove(filepath.Join(modelDir, name)); err != nil && !errors.Is(err, os.ErrNotExist) {
				return "", err
			}
		}
	}
	specPath := filepath.Join(pkgDir, r.Package+".yaml")
	if err := writeFile(specPath, r.Spec); err != nil {
		return "", err
	}
	return specPath, nil
}

func writeFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}
