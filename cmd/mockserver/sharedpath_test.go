package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestGeneratedServicesSharingAPathAreRoutedBySigningName generates the two
// specs of testdata/sharedpath (restJson1, both with POST
// /tags/{resourceArn}, signing names alpha and beta-svc) through the real
// pipeline into a throwaway module, and runs there a test that serves the
// generated registry on one mux, as this command does: each generated
// client, signing with its own service's name, reaches its own mock, and an
// unsigned request for the shared path is refused naming both.
func TestGeneratedServicesSharingAPathAreRoutedBySigningName(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a throwaway module")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	goMod := "module example.com/sharedpath\n\ngo 1.26.0\n\nrequire github.com/specgen/specgen v0.0.0\n\nreplace github.com/specgen/specgen => " + root + "\n"
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"go.mod": []byte(goMod), "go.sum": sum, "route_test.go": []byte(sharedPathTest)} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(wd string, args ...string) {
		t.Helper()
		cmd := exec.Command("go", args...)
		cmd.Dir = wd
		cmd.Env = append(os.Environ(), "GOFLAGS="+os.Getenv("GOFLAGS")+" -mod=mod") // keeps make test's -race
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %v: %v\n%s", args, err, out)
		}
	}
	run(root, "run", "./cmd/specgen", "generate", "-q",
		"-specs", filepath.Join(root, "cmd", "mockserver", "testdata", "sharedpath"),
		"-out", filepath.Join(dir, "gen"), "-import", "example.com/sharedpath/gen")
	run(dir, "test", ".")
}

const sharedPathTest = `package sharedpath_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/specgen/specgen/specrt/mockrt"

	"example.com/sharedpath/gen/alpha"
	"example.com/sharedpath/gen/beta"
	"example.com/sharedpath/gen/mocks"
)

func TestSharedPathIsRoutedBySigningName(t *testing.T) {
	// Signatures are verified, so a request the mux sent to the wrong mock
	// would fail there, scoped to another service.
	servers := mocks.All(mockrt.WithCredentials("AKID", "SECRET"))
	if len(servers) != 2 {
		t.Fatalf("the registry lists %d mocks, want alpha and beta", len(servers))
	}
	url := mockrt.StartTest(t, mockrt.NewMux(nil, servers...))
	creds := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET"}, nil
	})
	a := alpha.New(alpha.Options{Region: "us-east-1", BaseEndpoint: url, Credentials: creds})
	b := beta.New(beta.Options{Region: "us-east-1", BaseEndpoint: url, Credentials: creds})
	arn := "arn:aws:example:us-east-1:123456789012:thing/t-1"
	tags := map[string]string{"env": "test"}
	if _, err := a.TagResource(t.Context(), &alpha.TagResourceInput{ResourceARN: &arn, Tags: tags}); err != nil {
		t.Fatalf("alpha: %v", err)
	}
	for range 2 {
		if _, err := b.TagResource(t.Context(), &beta.TagResourceInput{ResourceARN: &arn, Tags: tags}); err != nil {
			t.Fatalf("beta: %v", err)
		}
	}
	if got, want := [2]int{len(servers[0].Requests()), len(servers[1].Requests())}, [2]int{1, 2}; got != want {
		t.Errorf("requests served by alpha and beta: %v, want %v", got, want)
	}

	resp, err := http.Post(url+"/tags/t-1", "application/json", strings.NewReader(` + "`" + `{"tags":{}}` + "`" + `))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	code := resp.Header.Get("X-Amzn-ErrorType")
	if resp.StatusCode != 400 || code != "AmbiguousRouteException" ||
		!strings.Contains(string(body), "alpha (signing name 'alpha')") || !strings.Contains(string(body), "beta (signing name 'beta-svc')") {
		t.Errorf("unsigned request for the shared path: %d %s %s; want 400 AmbiguousRouteException naming both", resp.StatusCode, code, body)
	}
}
`
