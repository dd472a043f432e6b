package main

import (
	"html"
	"strings"
	"testing"
)

// FuzzEscapeHTML: escapeHTML is the page's only guard between data
// (company names, translations, error details) and markup, and it is a
// hand-written loop kept to stay small in app.wasm. It must equal
// html.EscapeString byte for byte for every input, valid UTF-8 or not.
//
// `go test` runs the seeds below (and any file under
// testdata/fuzz/FuzzEscapeHTML); `make fuzz` or
// `go test -run '^$' -fuzz '^FuzzEscapeHTML$' ./app` searches further.
func FuzzEscapeHTML(f *testing.F) {
	for _, s := range []string{
		"", "plain", "AT&T", `<script>alert("x")</script>`, "O'Reilly & Sons",
		"日本語 <b>", "&&&", "ends with <", "> starts", "&amp;", "&#39;&#34;",
		`"'<>&`, "\x00\xff&\xc3<", "\u2028\u2029", "a\"b'c<d>e&f", "x\xe2\x82<y",
		strings.Repeat("<&>", 50),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := escapeHTML(s), html.EscapeString(s)
		if got != want {
			t.Fatalf("escapeHTML(%q)\n got %q\nwant %q (html.EscapeString)", s, got, want)
		}
		// What the equality buys, spelled out: nothing that opens or closes
		// markup or a quoted attribute survives, and the text reads back.
		if i := strings.IndexAny(got, `<>"'`); i >= 0 {
			t.Fatalf("escapeHTML(%q) = %q keeps %q at %d", s, got, got[i], i)
		}
		if back := html.UnescapeString(got); back != s {
			t.Fatalf("escapeHTML(%q) = %q unescapes to %q", s, got, back)
		}
		// Nothing to escape: the same string comes back (no copy needed).
		if !strings.ContainsAny(s, `&<>"'`) && got != s {
			t.Fatalf("escapeHTML(%q) changed a string with nothing to escape: %q", s, got)
		}
	})
}
