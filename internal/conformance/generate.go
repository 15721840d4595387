// Package conformance runs AWS's protocol test suites for awsJson1_0,
// awsJson1_1, restJson1, awsQuery, ec2Query, restXml and rpcv2Cbor, and
// the awsQuery-compatible variants of awsJson1_0 and rpcv2Cbor
// (testdata/suites), through code generated the way users generate it:
// each suite becomes one botocore model (testdata/models), imported into a
// spec (specs/) and generated into gen/, client and mock.
// conformance_test.go runs every case, client side and mock side, comparing
// bodies by what they mean in their encoding (body_test.go); the cases of a
// protocol the run time does not implement yet are skipped as pending.
// make conformance prints the table.
package conformance

//go:generate go run ./synth
//go:generate go run ../../cmd/specgen import -q -o specs testdata/models/jsonrpc10/service-2.json
//go:generate go run ../../cmd/specgen import -q -o specs testdata/models/jsonprotocol/service-2.json
//go:generate go run ../../cmd/specgen import -q -o specs testdata/models/restjson/service-2.json
//go:generate go run ../../cmd/specgen import -q -o specs testdata/models/querycompatiblejsonrpc10/service-2.json
//go:generate go run ../../cmd/specgen import -q -o specs testdata/models/queryprotocol/service-2.json
//go:generate go run ../../cmd/specgen import -q -o specs testdata/models/ec2protocol/service-2.json
//go:generate go run ../../cmd/specgen import -q -o specs testdata/models/restxml/service-2.json
//go:generate go run ../../cmd/specgen import -q -o specs testdata/models/rpcv2protocol/service-2.json
//go:generate go run ../../cmd/specgen import -q -o specs testdata/models/querycompatiblerpcv2protocol/service-2.json
//go:generate go run ../../cmd/specgen import -q -o specs testdata/models/nonquerycompatiblerpcv2protocol/service-2.json
//go:generate go run ../../cmd/specgen generate -q -specs specs -out gen
