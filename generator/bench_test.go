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
