package mockrt

import "testing"

func TestAServiceOfAnUnknownProtocolIsRefused(t *testing.T) {
	for _, tc := range []struct{ name, protocol, want string }{
		{"a protocol no one implements is refused naming the known ones", "awsQuery", `things: unknown protocol "awsQuery" (want awsJson1_0, awsJson1_1, restJson1)`},
		{"no protocol at all is refused", "", `things: unknown protocol "" (want awsJson1_0, awsJson1_1, restJson1)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := newServer(&Service{Name: "things", Protocol: tc.protocol, SigningName: "things"})
			if err == nil || err.Error() != tc.want {
				t.Errorf("newServer: err = %v, want %s", err, tc.want)
			}
		})
	}
}
