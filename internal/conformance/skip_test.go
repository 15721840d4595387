package conformance

import (
	"strings"
	"testing"

	"github.com/specgen/specgen/internal/conformance/suite"
)

// Why cases are skipped; one constant per cause, so that the list reads by
// cause. A client-side skip of a case in
// testdata/suites/botocore-ignore-list.json says so with botocoreSkips,
// and only such a skip does (TestSkipReasonsFollowBotocoreIgnoreList).
const (
	botocoreSkips = "botocore skips it too"

	noBody = "the case gives no body, only the Content-Encoding header a client sends with a gzipped one: " +
		"its params cannot be read from the request (TestRequestCompression shows the client and the mock on gzipped bodies)"
	emptyNotSent = "an empty list or map sends nothing, so the request cannot tell it from an absent one, " +
		"and the mock decodes it as not set; Smithy gives the case no appliesTo"
	clientOnlyToken = "the client fills the idempotency token, so the request carries one and the case's params do not; " +
		"the Smithy model tags the operation client-only (@tags([\"client-only\"])) but gives the case no appliesTo"
	serverQueryMap = "a server puts every query parameter in the httpQueryParams map as well " +
		"(Smithy's RestXmlServersPutAllQueryParamsInMap), which this case's params, written for a client, leave out; " +
		"Smithy gives the case no appliesTo"
	mapOrder = "the case lists a map's entries in the order of its params, which a Go map does not keep: " +
		"specgen writes them sorted by key, and XML bodies are compared as ordered trees"
	shapeXMLName = "the root element is the structure's own xmlName (Ahoy) in Smithy; the botocore model " +
		"carries it beside the operation input's locationName, which specgen takes; " + botocoreSkips
	emptyPrefixMap = "a response without any header of the prefix gives a nil map, which the case's result " +
		"cannot tell from an absent one; it wants an empty map"
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

	"query/mock/input/SDKAppliedContentEncoding_awsQuery":                    noBody,
	"query/mock/input/SDKAppendsGzipAndIgnoresHttpProvidedEncoding_awsQuery": noBody,
	"query/mock/input/QueryProtocolIdempotencyTokenAutoFill":                 clientOnlyToken,
	"query/mock/input/QueryEmptyQueryMaps":                                   emptyNotSent,

	"ec2/mock/input/SDKAppliedContentEncoding_ec2Query":                    noBody,
	"ec2/mock/input/SDKAppendsGzipAndIgnoresHttpProvidedEncoding_ec2Query": noBody,
	"ec2/mock/input/Ec2ProtocolIdempotencyTokenAutoFill":                   clientOnlyToken,
	"ec2/mock/input/Ec2EmptyQueryLists":                                    emptyNotSent,

	"rest-xml/mock/input/SDKAppliedContentEncoding_restXml":               noBody,
	"rest-xml/client/input/FlattenedXmlMap":                               mapOrder,
	"rest-xml/client/input/XmlMaps":                                       mapOrder,
	"rest-xml/client/input/XmlMapsXmlName":                                mapOrder,
	"rest-xml/client/input/NestedXmlMapWithXmlNameSerializes":             mapOrder,
	"rest-xml/client/input/BodyWithXmlName":                               shapeXMLName,
	"rest-xml/client/output/HttpPrefixHeadersAreNotPresent":               emptyPrefixMap,
	"rest-xml/mock/output/HttpPrefixHeadersAreNotPresent":                 emptyPrefixMap,
	"rest-xml/mock/input/SDKAppendedGzipAfterProvidedEncoding_restXml":    noBody,
	"rest-xml/mock/input/AllQueryStringTypes":                             serverQueryMap,
	"rest-xml/mock/input/RestXmlQueryStringEscaping":                      serverQueryMap,
	"rest-xml/mock/input/RestXmlSupportsNaNFloatQueryValues":              serverQueryMap,
	"rest-xml/mock/input/RestXmlSupportsInfinityFloatQueryValues":         serverQueryMap,
	"rest-xml/mock/input/RestXmlSupportsNegativeInfinityFloatQueryValues": serverQueryMap,
	"rest-xml/mock/input/RestXmlZeroAndFalseQueryValues":                  serverQueryMap,
}

// notApplicable lists the cases that the Smithy protocol tests mark
// appliesTo: "client" (smithy-lang/smithy,
// smithy-aws-protocol-tests/model/{restJson1,restXml}/http-query.smithy and
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

	// smithy-aws-protocol-tests/model/restXml/http-query.smithy and
	// http-prefix-headers.smithy, as for restJson1.
	"rest-xml/mock/input/QueryIdempotencyTokenAutoFill": "the client fills the idempotency token, " +
		"so the request carries one and the case's params do not",
	"rest-xml/mock/input/HttpPrefixHeadersAreNotPresent": "an empty map of prefix headers sends nothing, " +
		"so the request cannot tell it from an absent one",
	"rest-xml/mock/input/RestXmlQueryPrecedence": "the named parameter wins over the map's entry of the same name " +
		"in what a client sends; a server puts every parameter in the map (RestXmlServersPutAllQueryParamsInMap)",
	"rest-xml/mock/input/RestXmlQueryParamsStringListMap": "the named parameter is left out of the map in what a " +
		"client sends; a server puts every parameter in the map (RestXmlServersQueryParamsStringListMap)",
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

// TestSkipReasonsFollowBotocoreIgnoreList ties the client-side skips to
// botocore's ignore list: a skipped case botocore leaves out too says so,
// and no other skip claims it; every case the list names for a suite here
// is one of the suite's cases, so that the copy stays in step.
func TestSkipReasonsFollowBotocoreIgnoreList(t *testing.T) {
	ig, err := suite.LoadIgnored("testdata/suites")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range suite.Protocols {
		s, err := suite.Load("testdata/suites", p)
		if err != nil {
			t.Fatal(err)
		}
		ids := map[string]bool{}
		for _, side := range []struct {
			way    string
			groups []*suite.Group
		}{{clientInput, s.Input}, {clientOutput, s.Output}} {
			for _, g := range side.groups {
				for _, c := range g.Cases {
					ids[strings.TrimPrefix(side.way, "client/")+"/"+c.ID] = true
					key := p.File + "/" + side.way + "/" + c.ID
					reason, skipped := skips[key]
					says := strings.Contains(reason, botocoreSkips)
					ignored := ig.Has(p.File, side.way == clientInput, c)
					switch {
					case skipped && ignored && !says:
						t.Errorf("%s: botocore ignores it too; say so in its reason (%s)", key, botocoreSkips)
					case says && !ignored:
						t.Errorf("%s: its reason says %q, but botocore's ignore list does not name it", key, botocoreSkips)
					}
				}
			}
		}
		for side, cs := range ig.Protocols[p.File] {
			for _, id := range cs.Cases {
				if !ids[side+"/"+id] {
					t.Errorf("botocore's ignore list names %s %s case %s, which the suite has not", p.File, side, id)
				}
			}
		}
	}
}
