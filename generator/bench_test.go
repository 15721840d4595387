package generator

import (
	"testing"

	"github.com/specgen/specgen/generator/golang"
)

// BenchmarkGenerate measures a whole run over this repository's specs: load,
// check, compile patterns, emit and format every file, in memory.
func BenchmarkGenerate(b *testing.B) {
	files, err := SpecFiles("../specs")
	if err != nil {
		b.Fatal(err)
	}
	cfg := golang.Config{ImportBase: DefaultImportBase}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Generate(files, cfg); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad measures loading and checking alone, patterns included.
func BenchmarkLoad(b *testing.B) {
	files, err := SpecFiles("../specs")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Load(files); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGenerateBySize generates one spec at a time, from a tiny one to
// the largest imported service (Lightsail), so that the cost of generation
// as a spec grows is known: each result also reports the time per
// operation.
func BenchmarkGenerateBySize(b *testing.B) {
	for _, tc := range []struct{ name, path string }{
		{"tiny widgets", "testdata/golden/jsonrpc/widgets.yaml"},
		{"servicediscovery", "../specs/servicediscovery/servicediscovery.yaml"},
		{"apprunner", "../specs/apprunner/apprunner.yaml"},
		{"vpclattice", "../specs/vpclattice/vpclattice.yaml"},
		{"ecs", "../specs/ecs/ecs.yaml"},
		{"lightsail", "../specs/lightsail/lightsail.yaml"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			svcs, _, err := Load([]string{tc.path})
			if err != nil {
				b.Fatal(err)
			}
			ops := len(svcs[0].Operations)
			cfg := golang.Config{ImportBase: DefaultImportBase}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Generate([]string{tc.path}, cfg); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(ops), "operations")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(ops)/1e6, "ms/operation")
		})
	}
}
