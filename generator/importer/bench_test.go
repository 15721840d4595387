package importer

import (
	"path/filepath"
	"testing"
)

// BenchmarkImport imports the five services of issue 9 and EC2, the largest
// model (refused: ec2Query), from ../shared/reference/aws-models.
func BenchmarkImport(b *testing.B) {
	models := modelsDir(b)
	for _, name := range []string{"apprunner", "ecs", "lightsail", "servicediscovery", "vpc-lattice", "ec2"} {
		b.Run(name, func(b *testing.B) {
			path := filepath.Join(models, name, "service-2.json")
			for b.Loop() {
				if _, err := ImportFile(path, Options{}); err != nil && name != "ec2" {
					b.Fatal(err)
				}
			}
		})
	}
}
