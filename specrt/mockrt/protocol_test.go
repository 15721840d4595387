package mockrt

import "testing"

func TestAServiceOfAnUnknownProtocolIsRefused(t *testing.T) {
	for _, tc := range []struct{ name, protocol, want string }{
		{"an unknown protocol is refused naming the known ones", "awsJson2_0", `things: unknown protocol "awsJson2_0" (want awsJson1_0, awsJson1_1, awsQuery, ec2Query, restJson1, restXml, rpcv2Cbor)`},
		{"no protocol at all is refused", "", `things: unknown protocol "" (want awsJson1_0, awsJson1_1, awsQuery, ec2Query, restJson1, restXml, rpcv2Cbor)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := newServer(&Service{Name: "things", Protocol: tc.protocol, SigningName: "things"})
			if err == nil || err.Error() != tc.want {
				t.Errorf("newServer: err = %v, want %s", err, tc.want)
			}
		})
	}
}
