package mocktest

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// throwaway is a module made for one test in a temporary directory, in
// which generated packages are built and tested as a user's module would
// build them: it requires this repository through a replace, with this
// repository's go.sum.
type throwaway struct {
	t    *testing.T
	root string // this repository
	here string // this package's directory
	dir  string // the throwaway module
	path string // its module path
}

// newThrowaway makes the module example.com/<name>; it skips the test in
// -short mode, since building a module takes seconds.
func newThrowaway(t *testing.T, name string) *throwaway {
	t.Helper()
	if testing.Short() {
		t.Skip("builds a throwaway module")
	}
	_, file, _, _ := runtime.Caller(0)
	here := filepath.Dir(file)
	root, err := filepath.Abs(filepath.Join(here, "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	m := &throwaway{t: t, root: root, here: here, dir: t.TempDir(), path: "example.com/" + name}
	goMod := "module " + m.path + "\n\ngo 1.26.0\n\nrequire github.com/specgen/specgen v0.0.0\n\nreplace github.com/specgen/specgen => " + root + "\n"
	m.write("go.mod", []byte(goMod))
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	m.write("go.sum", sum)
	return m
}

// write writes a file of the module, rel slash-separated.
func (m *throwaway) write(rel string, data []byte) {
	m.t.Helper()
	if err := os.WriteFile(filepath.Join(m.dir, filepath.FromSlash(rel)), data, 0o644); err != nil {
		m.t.Fatal(err)
	}
}

// copy copies a file of this repository (path relative to its root) into
// the module.
func (m *throwaway) copy(src, rel string) {
	m.t.Helper()
	data, err := os.ReadFile(filepath.Join(m.root, filepath.FromSlash(src)))
	if err != nil {
		m.t.Fatal(err)
	}
	m.write(rel, data)
}

// generate runs this repository's specgen on specs into the module's gen
// directory.
func (m *throwaway) generate(specs string) {
	m.t.Helper()
	m.goIn(m.root, "run", "./cmd/specgen", "generate", "-q", "-specs", specs,
		"-out", filepath.Join(m.dir, "gen"), "-import", m.path+"/gen")
}

// goCmd runs the go command in the module.
func (m *throwaway) goCmd(args ...string) {
	m.t.Helper()
	m.goIn(m.dir, args...)
}

// goIn runs the go command in wd. GOFLAGS keeps what make test sets
// (-race), so that the race build of this repository is reused.
func (m *throwaway) goIn(wd string, args ...string) {
	m.t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = wd
	cmd.Env = append(os.Environ(), "GOFLAGS="+os.Getenv("GOFLAGS")+" -mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		m.t.Fatalf("go %v: %v\n%s", args, err, out)
	}
}
