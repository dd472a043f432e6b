package main

import (
	"html"
	"strings"
	"testing"
)

// escapeHTML must match html.EscapeString byte for byte: company names
// and translations from data files go into markup through it.
func TestEscapeHTMLMatchesStdlib(t *testing.T) {
	for _, s := range []string{"", "plain", "AT&T", `<script>alert("x")</script>`, "O'Reilly & Sons", "日本語 <b>", "&&&", "ends with <"} {
		if got, want := escapeHTML(s), html.EscapeString(s); got != want {
			t.Errorf("escapeHTML(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestRawElemEscapesTextAndAttributes(t *testing.T) {
	var w htmlWriter
	w.elem("p", `a<b & "c"`, "title", `x"><script>`)
	got := w.String()
	if strings.Contains(got, "<script>") || strings.Contains(got, `a<b`) {
		t.Fatalf("unescaped markup in %q", got)
	}
	if want := `<p title="x&#34;&gt;&lt;script&gt;">a&lt;b &amp; &#34;c&#34;</p>`; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// attr writes an optional attribute only when it has a value, escaped;
// tagText escapes only its middle argument.
func TestWriterAttrAndTagText(t *testing.T) {
	var w htmlWriter
	w.WriteString("<td")
	w.attr("title", "")
	w.attr("data-v", `1"<2`)
	w.tagText(`><b class="x">`, "a&b", "</b></td>")
	if got, want := w.String(), `<td data-v="1&#34;&lt;2"><b class="x">a&amp;b</b></td>`; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}
