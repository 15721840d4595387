package compat

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The build cost of a generated package against the AWS SDK for Go v2's
// package for the same service, as `make buildcost` reports it: the user CPU
// time and the peak memory of compiling that one package, its dependencies
// already built. The go command runs the compiler through -toolexec, and the
// test binary, started again as that wrapper, records the compile's resource
// usage. Each run starts from its own copy of a build cache that holds every
// dependency, so the package itself is always compiled and nothing else is.

var buildCost = flag.Bool("buildcost", false, "measure the compile of the generated packages against the SDK's (slow: builds the standard library once)")

// buildCostEC2 measures EC2 instead, whose SDK packages alone take minutes
// and gigabytes to compile: once rather than the median of three.
var buildCostEC2 = flag.Bool("buildcost.ec2", false, "with -buildcost, measure EC2 instead (once; the SDK's service/ec2 and its types take minutes)")

// toolexecOut names the file the wrapper appends its measurement to; set only
// in the go command's environment when the test binary is the wrapper.
const toolexecOut = "SPECGEN_BUILDCOST_OUT"

func TestMain(m *testing.M) {
	if out := os.Getenv(toolexecOut); out != "" {
		os.Exit(runTool(out, os.Args[1:]))
	}
	os.Exit(m.Run())
}

// runTool runs one tool of the go command and, when it compiles a package
// being measured (SPECGEN_BUILDCOST_PKG, a comma-separated list), appends
// "user-seconds max-rss-KiB" to the file out.
func runTool(out string, args []string) int {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	if cmd.ProcessState == nil {
		fmt.Fprintln(os.Stderr, "buildcost:", err)
		return 1
	}
	target := os.Getenv("SPECGEN_BUILDCOST_PKG")
	measured := target != "" && filepath.Base(args[0]) == "compile" && slices.ContainsFunc(strings.Split(target, ","), func(p string) bool { return slices.Contains(args, p) })
	if measured {
		ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		user := time.Duration(ru.Utime.Nano())
		line := fmt.Sprintf("%.3f %d\n", user.Seconds(), ru.Maxrss)
		f, ferr := os.OpenFile(out, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if ferr == nil {
			_, ferr = f.WriteString(line)
			f.Close()
		}
		if ferr != nil {
			fmt.Fprintln(os.Stderr, "buildcost:", ferr)
			return 1
		}
	}
	return cmd.ProcessState.ExitCode()
}

func TestBuildCost(t *testing.T) {
	if !*buildCost {
		t.Skip("run with -buildcost (make buildcost)")
	}
	// sdk lists the SDK's packages of the service that a generated
	// package stands for: the client, and for EC2 its types, a separate
	// package there, which is as large (specgen's types are in the one
	// package). They are compiled in one go command and their costs added.
	type pair struct {
		service, ours string
		sdk           []string
		runs          int
	}
	pairs := []pair{
		{"Lightsail", "github.com/specgen/specgen/gen/lightsail", []string{"github.com/aws/aws-sdk-go-v2/service/lightsail"}, 3},
		{"ECS", "github.com/specgen/specgen/gen/ecs", []string{"github.com/aws/aws-sdk-go-v2/service/ecs"}, 3},
	}
	if *buildCostEC2 {
		pairs = []pair{{"EC2", "github.com/specgen/specgen/gen/ec2",
			[]string{"github.com/aws/aws-sdk-go-v2/service/ec2/types", "github.com/aws/aws-sdk-go-v2/service/ec2"}, 1}}
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	var all []string
	for _, p := range pairs {
		all = append(all, p.ours)
		all = append(all, p.sdk...)
	}
	// Every dependency of the measured packages, built once.
	deps := goCmd(t, cache, nil, append([]string{"list", "-deps"}, all...)...)
	var prebuild []string
	for _, d := range strings.Fields(deps) {
		if !slices.Contains(all, d) {
			prebuild = append(prebuild, d)
		}
	}
	// The go command keys its cache on the -toolexec wrapper too, so the
	// dependencies are built through it, measuring nothing.
	goCmd(t, cache, []string{toolexecOut + "=" + filepath.Join(t.TempDir(), "none"), "SPECGEN_BUILDCOST_PKG="},
		append([]string{"build", "-toolexec", self}, prebuild...)...)

	t.Logf("compile of the service's packages, dependencies built, median of the runs (user CPU, peak RSS):")
	for _, p := range pairs {
		ours := measureCompile(t, self, cache, []string{p.ours}, p.runs)
		sdk := measureCompile(t, self, cache, p.sdk, p.runs)
		t.Logf("%-9s specgen %.2f s %4d MB | AWS SDK for Go v2 %.2f s %4d MB (%d package(s), %d run(s)) | %.2fx the time, %.2fx the memory",
			p.service, ours.user, ours.rssKiB>>10, sdk.user, sdk.rssKiB>>10, len(p.sdk), p.runs, ours.user/sdk.user, float64(ours.rssKiB)/float64(sdk.rssKiB))
	}
}

// The programs whose binaries are compared: each calls one Lightsail
// operation; the baseline only links what both need anyway (net/http and the
// SDK's SigV4 signer).
var sizePrograms = map[string]string{
	"baseline": `package main

import (
	"net/http"

	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

func main() {
	_ = v4.NewSigner()
	_, _ = http.Get("http://localhost:1/")
}
`,
	"sdk": `package main

import (
	"context"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/service/lightsail"
)

func main() {
	_ = v4.NewSigner()
	_, _ = http.Get("http://localhost:1/")
	c := lightsail.NewFromConfig(aws.Config{Region: "us-east-1"})
	_, _ = c.GetInstances(context.Background(), &lightsail.GetInstancesInput{})
}
`,
	"specgen": `package main

import (
	"context"
	"net/http"

	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/specgen/specgen/gen/lightsail"
)

func main() {
	_ = v4.NewSigner()
	_, _ = http.Get("http://localhost:1/")
	c := lightsail.New(lightsail.Options{Region: "us-east-1"})
	_, _ = c.GetInstances(context.Background(), &lightsail.GetInstancesInput{})
}
`,
}

// TestBinarySize reports the bytes the Lightsail package adds to a program
// over the baseline, specgen's against the SDK's.
func TestBinarySize(t *testing.T) {
	if !*buildCost {
		t.Skip("run with -buildcost (make buildcost)")
	}
	// The programs live inside this module so that its go.mod resolves them.
	root, err := os.MkdirTemp(".", "buildcost-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(root) })
	size := map[string]int64{}
	for name, src := range sizePrograms {
		dir := filepath.Join(root, name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		bin := filepath.Join(t.TempDir(), name)
		cmd := exec.Command("go", "build", "-trimpath", "-o", bin, "./"+filepath.ToSlash(dir))
		cmd.Env = append(os.Environ(), "GOFLAGS=")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", name, err, out)
		}
		fi, err := os.Stat(bin)
		if err != nil {
			t.Fatal(err)
		}
		size[name] = fi.Size()
	}
	mb := func(n int64) float64 { return float64(n) / (1 << 20) }
	ours, sdk := size["specgen"]-size["baseline"], size["sdk"]-size["baseline"]
	t.Logf("binary calling one Lightsail operation: baseline %.2f MB; specgen +%.2f MB, AWS SDK for Go v2 +%.2f MB: %.2fx the added bytes",
		mb(size["baseline"]), mb(ours), mb(sdk), float64(ours)/float64(sdk))
}

type compileCost struct {
	user   float64
	rssKiB int64
}

// measureCompile compiles pkgs runs times, each from a fresh copy of the
// prebuilt cache, and returns the median of their added user time and the
// median of their largest peak RSS.
func measureCompile(t *testing.T, self, cache string, pkgs []string, runs int) compileCost {
	var users []float64
	var rss []int64
	for i := range runs {
		dir := filepath.Join(t.TempDir(), "cache")
		if err := os.CopyFS(dir, os.DirFS(cache)); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), "cost")
		goCmd(t, dir, []string{toolexecOut + "=" + out, "SPECGEN_BUILDCOST_PKG=" + strings.Join(pkgs, ",")}, append([]string{"build", "-toolexec", self}, pkgs...)...)
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatalf("run %d of %s: the compiler did not run: %v", i, pkgs, err)
		}
		lines := strings.Split(strings.TrimSpace(string(data)), "\n")
		if len(lines) != len(pkgs) {
			t.Fatalf("run %d of %s: want %d compiles, got %q", i, pkgs, len(pkgs), data)
		}
		var user float64
		var peak int64
		for _, l := range lines {
			f := strings.Fields(l)
			if len(f) != 2 {
				t.Fatalf("run %d of %s: bad measurement %q", i, pkgs, l)
			}
			u, _ := strconv.ParseFloat(f[0], 64)
			r, _ := strconv.ParseInt(f[1], 10, 64)
			user, peak = user+u, max(peak, r)
		}
		users, rss = append(users, user), append(rss, peak)
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
	}
	slices.Sort(users)
	slices.Sort(rss)
	return compileCost{users[runs/2], rss[runs/2]}
}

// goCmd runs the go command with its own build cache and returns its output.
func goCmd(t *testing.T, cache string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Env = append(os.Environ(), "GOCACHE="+cache, "GOFLAGS=")
	cmd.Env = append(cmd.Env, env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}
