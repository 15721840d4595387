package conformance

// Why cases are skipped; one constant per cause, so that the list reads by
// cause. "botocore skips it too" is said only of cases in
// testdata/suites/botocore-ignore-list.json.
const (
	noBody = "the case gives no body, only the Content-Encoding header a client sends with a gzipped one: " +
		"its params cannot be read from the request (TestRequestCompression shows the client and the mock on gzipped bodies)"
	omitsEmpty = "the generated JSON encoder leaves out empty lists and maps (omitempty); " +
		"the case wants them sent as [] and {}"
	noChecksum = "the importer refuses httpChecksumRequired, so the synthesized model leaves it out " +
		"and the client sends no Content-MD5; the case's MD5 is of its own pretty-printed body, which a compact " +
		"encoder does not reproduce (botocore skips it too)"
	mockTokenFilled = "a client-only case (its operation is tagged client-only in the Smithy model): the client " +
		"fills the idempotency token, so the request carries one and the case's params do not"
	denseNull = "the decoder keeps a null value of a dense map as an empty entry instead of dropping it " +
		"(botocore skips it too)"
	basePath = "the case's path starts with the client's base path (/custom), which only the client's " +
		"endpoint knows; a mock serves from the root"
	emptyNotSent = "a client-only case (client-only or appliesTo: client in the Smithy model): an empty map or " +
		"list sends nothing, so the request cannot tell it from an absent one, and the mock decodes it as not set"
	clientOnlyPrecedence = "a client-only case (appliesTo: client in the Smithy model): the named parameter wins " +
		"over the map's entry of the same name; servers put every parameter in the map " +
		"(Smithy's RestJsonServersPutAllQueryParamsInMap), as the mock does"
	allHeaders = "a map of every response header also holds the headers the mock itself sets " +
		"(Content-Type, Content-Length, X-Amzn-RequestId), as a real service's response would"
)

// skips lists the cases that do not pass, by suite file, way and case id,
// with why. A listed case that passes fails TestConformance, so the list
// only shrinks. Operations that specgen check refuses are skipped through
// suite.Unsupported.
var skips = map[string]string{
	"json_1_0/mock/input/SDKAppliedContentEncoding_awsJson1_0":                    noBody,
	"json_1_0/mock/input/SDKAppendsGzipAndIgnoresHttpProvidedEncoding_awsJson1_0": noBody,
	"json/mock/input/SDKAppliedContentEncoding_awsJson1_1":                        noBody,
	"json/mock/input/SDKAppendsGzipAndIgnoresHttpProvidedEncoding_awsJson1_1":     noBody,
	"rest-json/mock/input/SDKAppliedContentEncoding_restJson1":                    noBody,
	"rest-json/mock/input/SDKAppendedGzipAfterProvidedEncoding_restJson1":         noBody,

	"json/client/input/serializes_empty_list_shapes": omitsEmpty,
	"json/client/input/serializes_empty_map_shapes":  omitsEmpty,

	"rest-json/client/input/RestJsonHttpChecksumRequired":                 noChecksum,
	"rest-json/mock/input/RestJsonQueryIdempotencyTokenAutoFill":          mockTokenFilled,
	"rest-json/client/output/RestJsonDeserializesDenseSetMapAndSkipsNull": denseNull,

	"rest-json/mock/input/RestJsonHostWithPath":                   basePath,
	"rest-json/mock/input/RestJsonHttpPrefixHeadersAreNotPresent": emptyNotSent,
	"rest-json/mock/input/RestJsonOmitsEmptyListQueryValues":      emptyNotSent,
	"rest-json/mock/input/RestJsonQueryParamsStringListMap":       clientOnlyPrecedence,
	"rest-json/mock/input/RestJsonQueryPrecedence":                clientOnlyPrecedence,
	"rest-json/mock/output/HttpPrefixHeadersResponse":             allHeaders,
}
