package importer

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDocText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain text stays as it is", "Creates a widget.", "Creates a widget."},
		{"an empty doc stays empty", "", ""},
		{"paragraphs are separated by a blank line", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."},
		{"white space collapses as in a browser", "<p>  One\n   two\tthree  </p>", "One two three"},
		{"list items become dash lines", "<p>Either:</p><ul><li><p>a</p></li><li>b</li></ul><p>End.</p>", "Either:\n\n- a\n- b\n\nEnd."},
		{"ordered lists are dash lines too", "<ol><li>first</li><li>second</li></ol>", "- first\n- second"},
		{"code spans are in backticks", "Call <code>GetWidget</code> first.", "Call `GetWidget` first."},
		{"a code span's own spaces stay outside", "<p><code> &lt;Result&gt; </code></p><p>a<code></code>b</p>", "`<Result>`\n\nab"},
		{"a link is its text and its URL", `See <a href="https://example.com/x">the guide</a>.`, "See the guide (https://example.com/x)."},
		{"a link whose text is its URL is written once", `<a href="https://example.com">https://example.com</a>`, "https://example.com"},
		{"a link without text is its URL", `<a href="https://example.com"></a>`, "https://example.com"},
		{"a link with single-quoted href", `<a href='https://e.com' target=_blank>e</a>`, "e (https://e.com)"},
		{"entities are decoded", "<p>a &lt; b &amp;&amp; c &gt; d &quot;q&quot; &#39;s&#39; &nbsp;x</p>", `a < b && c > d "q" 's' x`},
		{"a lone less-than sign is text", "a < b and 3<4", "a < b and 3<4"},
		{"unknown tags are dropped and their text kept", "<p><b>Bold</b> and <i>it</i> <fullname>Svc</fullname></p>", "Bold and it\n\nSvc"},
		{"notes become paragraphs", "<p>Text.</p><note><p>Careful.</p></note>", "Text.\n\nCareful."},
		{"line breaks become spaces", "one<br/>two<br>three", "one two three"},
		{"definition lists become paragraphs", "<dl><dt>Term</dt><dd>Meaning</dd></dl>", "Term\n\nMeaning"},
		{"an unclosed tag does not swallow text", "text <p", "text <p"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, docText(tt.in)); diff != "" {
				t.Errorf("docText(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}
