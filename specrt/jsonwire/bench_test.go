package jsonwire

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// benchBody is a structure holding n items, each a structure with
// scalars, a list, a map and a nested structure: the shape lookups a
// response of many small structures makes (one per structure, list and map
// decoded or encoded).
func benchBody(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"items":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":"item-%d","count":%d,"on":true,"color":"red","tags":["a","b"],"labels":{"k":"v%d"},"sub":{"id":"sub-%d","score":1.5}}`, i, i, i, i)
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

// reportCPU adds the CPU time the process spent since start, per
// operation, as "cpu-ns/op": on a shared machine ns/op also counts the
// time spent waiting for a core.
func reportCPU(b *testing.B, start time.Duration, ok bool) {
	if end, ok2 := processCPU(); ok && ok2 && b.N > 0 {
		b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
	}
}

func BenchmarkUnmarshal(b *testing.B) {
	body := benchBody(1000)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	start, ok := processCPU()
	for b.Loop() {
		var v item
		if err := Unmarshal(body, &schemaItem, &v); err != nil {
			b.Fatal(err)
		}
		if len(v.Items) != 1000 {
			b.Fatalf("decoded %d items, want 1000", len(v.Items))
		}
	}
	reportCPU(b, start, ok)
}

func BenchmarkMarshal(b *testing.B) {
	body := benchBody(1000)
	var v item
	if err := Unmarshal(body, &schemaItem, &v); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	start, ok := processCPU()
	for b.Loop() {
		if _, err := Marshal(&schemaItem, &v); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start, ok)
}
