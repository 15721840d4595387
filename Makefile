# The two commands of the README are `make generate` and `make test`.
GO ?= go

.PHONY: generate check test js-deps lint bench bench-ec2 buildcost fuzz conformance

## generate: regenerate gen/ from specs/ (only changed files are rewritten)
generate:
	$(GO) generate ./gen/...

## check: check every spec and print problems as file:line:col: message
check:
	$(GO) run ./cmd/specgen check

## test: every test of the module and of the compat module (AWS SDK interop), with the race detector;
## then the AWS SDK's EC2 client against the mock, without it (the SDK's service/ec2 alone takes a
## minute and more of CPU and over 3 GB to compile, twice that with -race; once per cache)
# -race goes in GOFLAGS rather than on the command line so that the tests that
# run the go command themselves (building cmd/mockserver, the golden packages,
# a throwaway module) inherit it and reuse the race-built packages instead of
# compiling the standard library and every dependency a second time.
# go env GOFLAGS keeps what is already set, in the environment or go env -w.
test: js-deps
	GOFLAGS="$$($(GO) env GOFLAGS) -race" $(GO) test ./...
	cd compat && GOFLAGS="$$($(GO) env GOFLAGS) -race" $(GO) test ./...
	cd compat && $(GO) test -tags ec2bench -run '^TestSDK(AgainstEC2Mock|EC2.*)$$' .

## js-deps: the AWS SDK for JavaScript clients the compat scenarios run (npm ci, when
## package-lock.json is newer than what is installed); SPECGEN_SKIP_JS=1 skips them
js-deps:
	@if [ -z "$$SPECGEN_SKIP_JS" ] && [ ! compat/js/node_modules/.package-lock.json -nt compat/js/package-lock.json ]; then \
	  command -v npm >/dev/null || { echo "make test needs node and npm for compat/js (or SPECGEN_SKIP_JS=1)"; exit 1; }; \
	  cd compat/js && npm ci --no-audit --no-fund; \
	fi

## conformance: AWS's protocol test suites (awsJson1_0, awsJson1_1, restJson1, awsQuery, ec2Query, restXml,
## rpcv2Cbor) through the generated clients and mocks, as a table per suite and side (a protocol with no
## implementation yet counts as skipped, pending); fails when a case fails (make test runs it too)
conformance:
	@report=$$(mktemp) log=$$(mktemp); \
	$(GO) test -count=1 -run '^TestConformance$$' ./internal/conformance/ -args -conformance.report=$$report >$$log 2>&1; \
	status=$$?; if [ $$status -ne 0 ]; then cat $$log; fi; cat $$report; rm -f $$report $$log; exit $$status

## lint: gofmt and go vet over both modules
lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' | grep -v /testdata/)); \
	if [ -n "$$out" ]; then echo "not gofmt'd:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	cd compat && $(GO) vet ./...

## bench: the benchmarks that compare specgen with what a user would otherwise use
bench:
	cd compat && $(GO) test -run '^$$' -bench . -benchmem ./...
	$(GO) test -run '^$$' -bench LoadRatio -benchtime 3x ./internal/mocktest/
	$(GO) test -run '^$$' -bench . -benchmem ./generator/

## bench-ec2: the ec2Query codec against the AWS SDK for Go v2's service/ec2, whose compile alone
## takes minutes and gigabytes (hence a target, and the ec2bench build tag, of its own)
bench-ec2:
	cd compat && $(GO) test -tags ec2bench -run '^TestEC2' -bench EC2 -benchmem .

## buildcost: the compile of the generated Lightsail and ECS packages against the AWS SDK for Go v2's (user CPU and peak RSS; builds the standard library once, several minutes)
buildcost:
	cd compat && $(GO) test -run '^Test(BuildCost|BinarySize)$$' -buildcost -v -timeout 30m .

## fuzz: a short run of each fuzz target
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzLoad -fuzztime 30s ./generator/spec/
	$(GO) test -run '^$$' -fuzz FuzzMockRequest -fuzztime 30s ./internal/conformance/
	$(GO) test -run '^$$' -fuzz FuzzClientResponse -fuzztime 30s ./internal/conformance/
	$(GO) test -run '^$$' -fuzz FuzzUnmarshal -fuzztime 30s ./specrt/querywire/
	$(GO) test -run '^$$' -fuzz FuzzUnmarshal -fuzztime 30s ./specrt/xmlwire/
	$(GO) test -run '^$$' -fuzz FuzzUnmarshal -fuzztime 30s ./specrt/cborwire/
