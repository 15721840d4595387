package mocktest

import (
	"encoding/json"

	"github.com/specgen/specgen/gen/apprunner"
	"github.com/specgen/specgen/gen/cloudwatch"
	"github.com/specgen/specgen/gen/ec2"
	"github.com/specgen/specgen/gen/ecs"
	"github.com/specgen/specgen/gen/lightsail"
	"github.com/specgen/specgen/gen/route53"
	"github.com/specgen/specgen/gen/scheduler"
	"github.com/specgen/specgen/gen/servicediscovery"
	"github.com/specgen/specgen/gen/sns"
	"github.com/specgen/specgen/gen/vpclattice"
	"github.com/specgen/specgen/specrt/jsonwire"
	"github.com/specgen/specgen/specrt/schema"
)

// The generated types carry no wire form of their own: the JSON body codec
// gives it from each package's shapes. These helpers put a generated input
// or output in its wire form, and read one from it, as client and mock do;
// any other value goes through encoding/json.

var wireShapes = []func(any) *schema.Shape{
	apprunner.WireShape, ecs.WireShape, lightsail.WireShape,
	scheduler.WireShape, servicediscovery.WireShape, vpclattice.WireShape,
	sns.WireShape, route53.WireShape, cloudwatch.WireShape, ec2.WireShape,
}

func shapeOf(v any) *schema.Shape {
	for _, f := range wireShapes {
		if s := f(v); s != nil {
			return s
		}
	}
	return nil
}

// marshalWire encodes v in its wire form.
func marshalWire(v any) ([]byte, error) {
	if s := shapeOf(v); s != nil {
		return jsonwire.Marshal(s, v)
	}
	return json.Marshal(v)
}

// unmarshalWire decodes data, in wire form, into v.
func unmarshalWire(data []byte, v any) error {
	if s := shapeOf(v); s != nil {
		return jsonwire.Unmarshal(data, s, v)
	}
	return json.Unmarshal(data, v)
}
