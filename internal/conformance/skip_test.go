package conformance

import (
	"strings"
	"testing"

	"github.com/specgen/specgen/internal/conformance/suite"
)

// Why cases are skipped; one constant per cause, so that the list reads by
// cause. "botocore skips it too" is said only of cases in
// testdata/suites/botocore-ignore-list.json.
const (
	noBody = "the case gives no body, only the Content-Encoding header a client sends with a gzipped one: " +
		"its params cannot be read from the request (TestRequestCompression shows the client and the mock on gzipped bodies)"
	noQueryMode = "the client of an awsQuery-compatible service sends x-amzn-query-mode: true; " +
		"the spec keeps only each error's queryCode, not that the service is awsQuery-compatible, " +
		"so the client cannot tell it to send the header"
	emptyQueryListNotSent = "an empty query list sends nothing, so the request cannot tell it from an absent one, " +
		"and the mock decodes it as not set; the Smithy model tags the operation client-only " +
		"(OmitsSerializingEmptyLists, @tags([\"client-only\"])) but gives the case no appliesTo, so it stays a skip"
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

	"rest-json/mock/input/RestJsonOmitsEmptyListQueryValues": emptyQueryListNotSent,

	"json_1_0-query-compatible/client/input/QueryCompatibleAwsJson10CborSendsQueryModeHeader": noQueryMode,
}

// notApplicable lists the cases that the Smithy protocol tests mark
// appliesTo: "client" (smithy-lang/smithy,
// smithy-aws-protocol-tests/model/restJson1/http-query.smithy and
// http-prefix-headers.smithy): they say what a client sends, which a
// server is not asked to read back. botocore's rendering leaves appliesTo
// out, so it is listed here, by case, for the mock side only; such a case
// is not run there and counts as n/a, not as a skip. Each one's server
// counterpart, where Smithy has one, says what a server does instead.
var notApplicable = map[string]string{
	"rest-json/mock/input/RestJsonQueryIdempotencyTokenAutoFill": "the client fills the idempotency token, " +
		"so the request carries one and the case's params do not",
	"rest-json/mock/input/RestJsonHttpPrefixHeadersAreNotPresent": "an empty map of prefix headers sends nothing, " +
		"so the request cannot tell it from an absent one",
	"rest-json/mock/input/RestJsonQueryPrecedence": "the named parameter wins over the map's entry of the same name " +
		"in what a client sends; a server puts every parameter in the map (RestJsonServersPutAllQueryParamsInMap)",
	"rest-json/mock/input/RestJsonQueryParamsStringListMap": "the named parameter is left out of the map in what a " +
		"client sends; a server puts every parameter in the map (RestJsonServersQueryParamsStringListMap)",
}

// TestSkipListsNameRealCases keeps the lists honest: a key that names no
// case (a typo, a case renamed upstream) would otherwise skip nothing in
// silence, and a case marked not applicable is so on the mock side only.
func TestSkipListsNameRealCases(t *testing.T) {
	cases := map[string]bool{}
	for _, p := range suite.Protocols {
		s, err := suite.Load("testdata/suites", p)
		if err != nil {
			t.Fatal(err)
		}
		for _, way := range ways {
			groups := s.Input
			if way == clientOutput || way == mockOutput {
				groups = s.Output
			}
			for _, g := range groups {
				for _, c := range g.Cases {
					cases[p.File+"/"+way+"/"+c.ID] = true
				}
			}
		}
	}
	for key := range skips {
		if !cases[key] {
			t.Errorf("skips lists %s, which is no case", key)
		}
	}
	for key := range notApplicable {
		if !cases[key] {
			t.Errorf("notApplicable lists %s, which is no case", key)
		}
		if !strings.Contains(key, "/"+mockInput+"/") && !strings.Contains(key, "/"+mockOutput+"/") {
			t.Errorf("notApplicable lists %s, which is not a mock-side case", key)
		}
		if _, ok := skips[key]; ok {
			t.Errorf("%s is both skipped and not applicable", key)
		}
	}
}
