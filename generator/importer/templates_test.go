package importer

import "testing"

func TestIDTemplateFromPattern(t *testing.T) {
	tests := []struct {
		name, pattern, want string
	}{
		{"a prefix and a counted class draw that many characters", "tg-[0-9a-z]{17}", "tg-{random:0-9a-z:17}"},
		{"anchors are left out", "^svc-[0-9a-z]{17}$", "svc-{random:0-9a-z:17}"},
		{"a range of counts draws the least", "[a-f0-9]{8,64}", "{random:a-f0-9:8}"},
		{"digits read as a class", `ns-\d{4}`, "ns-{random:0-9:4}"},
		{"the first simple alternative of an id or an ARN is drawn", `((snsa-[0-9a-z]{17})|(arn:[a-z0-9\-]+:vpc-lattice:[a-zA-Z0-9\-]+:\d{12}:servicenetworkserviceassociation/snsa-[0-9a-z]{17}))`, "snsa-{random:0-9a-z:17}"},
		{"an unbounded repeat draws nothing", "[a-z]+", ""},
		{"a negated class draws nothing", "[^/]{3}", ""},
		{"literal text alone draws nothing", "default", ""},
		{"a group draws nothing", "(ab){3}", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := idTemplate(tt.pattern); got != tt.want {
				t.Errorf("idTemplate(%q) = %q, want %q", tt.pattern, got, tt.want)
			}
		})
	}
}

func TestARNTemplateFromPattern(t *testing.T) {
	members := [][2]string{{"listener-[0-9a-z]{17}", "id"}, {"svc-[0-9a-z]{17}", "serviceId"}}
	tests := []struct {
		name, pattern, want string
	}{
		{"a member's pattern in the resource part becomes the member", `arn:[a-z0-9\-]+:vpc-lattice:[a-zA-Z0-9\-]+:\d{12}:service/svc-[0-9a-z]{17}/listener/listener-[0-9a-z]{17}`,
			"arn:{partition}:vpc-lattice:{region}:{account}:service/{output.serviceId}/listener/{output.id}"},
		{"anchors are left out", `^arn:[a-z0-9\-]+:vpc-lattice:[a-zA-Z0-9\-]+:\d{12}:listener/listener-[0-9a-z]{17}$`,
			"arn:{partition}:vpc-lattice:{region}:{account}:listener/{output.id}"},
		{"a resource part naming no member gives nothing", `arn:aws:vpc-lattice:[a-z]+:\d{12}:rule/rule-[0-9a-z]{17}`, ""},
		{"a service part that is no literal gives nothing", `arn:aws:[a-z]+:[a-z]+:\d{12}:listener/listener-[0-9a-z]{17}`, ""},
		{"what is no ARN gives nothing", `listener-[0-9a-z]{17}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := arnFromPattern(tt.pattern, members); got != tt.want {
				t.Errorf("arnFromPattern(%q) = %q, want %q", tt.pattern, got, tt.want)
			}
		})
	}
}
