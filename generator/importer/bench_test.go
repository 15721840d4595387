package importer

import (
	"path/filepath"
	"testing"

	"github.com/specgen/specgen/generator"
	"github.com/specgen/specgen/generator/golang"
	"github.com/specgen/specgen/generator/model"
	"github.com/specgen/specgen/generator/spec"
)

// realModels are the models of ../shared/reference/aws-models the
// benchmarks read, from the smallest to EC2, the largest AWS model.
var realModels = []string{"apprunner", "ecs", "lightsail", "servicediscovery", "vpc-lattice", "sns", "cloudwatch", "route53", "ec2"}

// BenchmarkImport imports each real model.
func BenchmarkImport(b *testing.B) {
	models := modelsDir(b)
	for _, name := range realModels {
		b.Run(name, func(b *testing.B) {
			path := filepath.Join(models, name, "service-2.json")
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ImportFile(path, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkImportAndGenerate is what a user runs to get a package from a
// model: import, load and check the spec, emit and format every file of
// the package and its mock, in memory. EC2 is the scale test (800
// operations, 4,262 shapes).
func BenchmarkImportAndGenerate(b *testing.B) {
	models := modelsDir(b)
	cfg := golang.Config{ImportBase: generator.DefaultImportBase}
	for _, name := range []string{"sns", "cloudwatch", "route53", "ec2"} {
		b.Run(name, func(b *testing.B) {
			path := filepath.Join(models, name, "service-2.json")
			var bytes int
			b.ReportAllocs()
			for b.Loop() {
				r, err := ImportFile(path, Options{})
				if err != nil {
					b.Fatal(err)
				}
				svc, err := spec.Load(r.Package+".yaml", r.Spec)
				if err != nil {
					b.Fatal(err)
				}
				files, err := generator.GenerateServices([]*model.Service{svc}, cfg)
				if err != nil {
					b.Fatal(err)
				}
				bytes = 0
				for _, f := range files {
					bytes += len(f.Content)
				}
			}
			b.ReportMetric(float64(bytes), "generated-bytes")
		})
	}
}
