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
