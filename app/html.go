package main

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The one HTML rule. Interactive parts (buttons, inputs, anything with an
// event handler) are go-app elements. Everything read-only — tables,
// charts, headings, notes — is written with htmlWriter, the only place
// markup is put together from data: its methods escape every piece of
// text and every attribute value (escapeHTML, below), and what it wrote
// becomes a go-app node through UI, the program's one app.Raw. Literal
// markup without data may be written as is (WriteString); a value spliced
// into a literal tag (tagText's start and end) must need no escaping, like
// a number or a fixed key.
//
// Why not go-app elements everywhere: one app.Raw node replaces a subtree
// in one parse instead of diffing hundreds of go-app elements, and the
// code is a fraction of the size in wasm (each distinct element type costs
// ~14 KB, each chained builder call is an interface call). SVG written
// this way needs no namespace attribute: the HTML parser puts <svg>
// content in the SVG namespace.

// htmlWriter builds escaped HTML (and inline SVG) as one string.
type htmlWriter struct{ strings.Builder }

// UI is what w wrote as a go-app node. The markup must have one root
// element (app.Raw's rule); the rank table and the History results, which
// are written into a host element's innerHTML, use w.String instead.
func (w *htmlWriter) UI() app.UI { return app.Raw(w.String()) }

// WriteString writes s as it is: literal markup, or what escaped it
// already. Out of line: strings.Builder's, inlined at each of the
// writer's ~200 call sites, cost wasm bytes every time.
//
//go:noinline
func (w *htmlWriter) WriteString(s string) { w.Builder.WriteString(s) }

// open writes a start tag; attrs are name, value pairs (values escaped).
func (w *htmlWriter) open(tag string, attrs ...string) {
	w.WriteByte('<')
	w.WriteString(tag)
	for i := 0; i+1 < len(attrs); i += 2 {
		w.WriteByte(' ')
		w.WriteString(attrs[i])
		w.WriteString(`="`)
		w.text(attrs[i+1])
		w.WriteByte('"')
	}
	w.WriteByte('>')
}

// attr writes ` name="value"` (value escaped) inside a start tag being
// written by hand, when value is not empty.
//
//go:noinline
func (w *htmlWriter) attr(name, value string) {
	if value == "" {
		return
	}
	w.tagText(" "+name+`="`, value, `"`)
}

// close writes an end tag.
func (w *htmlWriter) close(tag string) {
	w.WriteString("</")
	w.WriteString(tag)
	w.WriteByte('>')
}

// text writes escaped text.
func (w *htmlWriter) text(s string) { w.WriteString(escapeHTML(s)) }

// elem writes a whole element with text content.
func (w *htmlWriter) elem(tag, text string, attrs ...string) {
	w.open(tag, attrs...)
	w.text(text)
	w.close(tag)
}

// tagText writes start, then text escaped, then end: start and end are
// literal tags (any value spliced into them must need no escaping, like
// numbers and fixed keys). One call with three strings is far smaller in
// wasm than open/elem calls with variadic attribute lists.
//
//go:noinline
func (w *htmlWriter) tagText(start, text, end string) {
	w.WriteString(start)
	w.text(text)
	w.WriteString(end)
}

// void writes an element without content (<line …></line>, <circle …>):
// SVG in HTML also accepts the explicit end tag.
func (w *htmlWriter) void(tag string, attrs ...string) {
	w.open(tag, attrs...)
	w.close(tag)
}

// rawElem is one read-only element with escaped text, as a go-app node.
// Headings and notes written this way need no go-app element type of their
// own: each distinct element type costs ~14 KB of wasm, each builder chain
// several call sites.
//
//go:noinline
func rawElem(tag, text string, attrs ...string) app.UI {
	var w htmlWriter
	w.elem(tag, text, attrs...)
	return w.UI()
}

// escapeHTML writes s as text: company names come from data files and
// must never become markup. It escapes the five characters that can end
// or open markup in element content and quoted attribute values, exactly
// as html.EscapeString does; a plain loop instead of a strings.Replacer
// keeps the Replacer machinery (~15 KB) out of app.wasm.
func escapeHTML(s string) string {
	var b []byte
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		default:
			continue
		}
		b = append(append(b, s[last:i]...), esc...)
		last = i + 1
	}
	if b == nil {
		return s
	}
	return string(append(b, s[last:]...))
}
