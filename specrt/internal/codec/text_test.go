package codec

import (
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	t.Run("a string is a copy that outlives changes to the body", func(t *testing.T) {
		var text Text
		body := []byte("hello world")
		got := text.String(body[:5], len(body)-5)
		copy(body, "XXXXX")
		if got != "hello" {
			t.Errorf("String = %q, want hello", got)
		}
	})
	tests := []struct {
		name      string
		remaining int
		strs      []string
		wantCap   int // of the chunk after the last string
	}{
		{"a chunk is no larger than the rest of the body", 10, []string{"abc"}, 10},
		{"a chunk holds at least the string", 0, []string{"abcdef"}, 6},
		{"a chunk is no larger than 8 KiB", 1 << 20, []string{"abc"}, textChunk},
		{"a string larger than 8 KiB has a chunk of its own", 1 << 20, []string{strings.Repeat("x", textChunk+1)}, textChunk + 1},
		{"strings share a chunk while they fit", 10, []string{"abc", "defg", "hij"}, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var text Text
			var got []string
			for _, s := range tt.strs {
				got = append(got, text.String([]byte(s), tt.remaining))
			}
			if strings.Join(got, "|") != strings.Join(tt.strs, "|") {
				t.Errorf("strings = %q, want %q", got, tt.strs)
			}
			if cap(text.chunk) != tt.wantCap {
				t.Errorf("chunk of %d bytes, want %d", cap(text.chunk), tt.wantCap)
			}
		})
	}
}
