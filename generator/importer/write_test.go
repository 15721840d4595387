package importer

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteRemovesStaleCompanions(t *testing.T) {
	dir := t.TempDir()
	r, err := ImportFile("testdata/awsjson/service-2.json", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Write(dir, r); err != nil {
		t.Fatal(err)
	}
	// The same service again, now without its waiters.
	var files []File
	for _, f := range r.Files {
		if f.Name != "waiters-2.json" {
			files = append(files, f)
		}
	}
	r.Files = files
	if _, err := Write(dir, r); err != nil {
		t.Fatal(err)
	}
	model := filepath.Join(dir, "examplewidgetsservice", "model")
	if _, err := os.Stat(filepath.Join(model, "waiters-2.json")); !os.IsNotExist(err) {
		t.Errorf("waiters-2.json from the first import is still there (stat: %v)", err)
	}
	if _, err := os.Stat(filepath.Join(model, "paginators-1.json")); err != nil {
		t.Errorf("paginators-1.json is gone: %v", err)
	}
}
