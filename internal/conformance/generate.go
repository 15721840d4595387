// Package conformance runs AWS's protocol test suites for awsJson1_0,
// awsJson1_1 and restJson1 (testdata/suites) through code generated the way
// users generate it: each suite becomes one botocore model
// (testdata/models), imported into a spec (specs/) and generated into gen/,
// client and mock. conformance_test.go runs every case, client side and
// mock side; make conformance prints the table.
package conformance

//go:generate go run ./synth
//go:generate go run ../../cmd/specgen import -q -o specs testdata/models/jsonrpc10/service-2.json
//go:generate go run ../../cmd/specgen import -q -o specs testdata/models/jsonprotocol/service-2.json
//go:generate go run ../../cmd/specgen import -q -o specs testdata/models/restjson/service-2.json
//go:generate go run ../../cmd/specgen import -q -o specs testdata/models/querycompatiblejsonrpc10/service-2.json
//go:generate go run ../../cmd/specgen generate -q -specs specs -out gen
