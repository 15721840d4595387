// This file is empty on purpose: a package with an assembly file may
// declare functions without bodies, which xml_bench_test.go does to reach
// the AWS SDK's unexported restXml codec through go:linkname.
