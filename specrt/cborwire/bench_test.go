package cborwire

import (
	"strconv"
	"testing"
	"time"
)

// benchItems is a structure holding n items of every scalar kind, a list
// and a map: the codec's work on a large body, without another engine to
// compare with (compat/cbor_bench_test.go does that, on CloudWatch).
func benchItems(n int) *item {
	in := &item{}
	at := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	for i := range n {
		in.Items = append(in.Items, item{
			ID: ptr("identifier-" + strconv.Itoa(i)), Count: ptr(int32(i)), Big: ptr(int64(i) << 20), Ratio: ptr(float32(i) / 3),
			Score: ptr(float64(i) * 1.5), On: ptr(i%2 == 0), At: ptr(at.Add(time.Duration(i) * time.Second)), Color: "red",
			Tags: []string{"a", "bb", "ccc"}, Labels: map[string]string{"k": "v"},
		})
	}
	return in
}

func BenchmarkMarshal(b *testing.B) {
	in := benchItems(1000)
	data, err := Marshal(&schemaItem, in)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Marshal(&schemaItem, in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkUnmarshal(b *testing.B) {
	data, err := Marshal(&schemaItem, benchItems(1000))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if err := Unmarshal(data, &schemaItem, &item{}); err != nil {
			b.Fatal(err)
		}
	}
}
