package main

import (
	"strconv"
	"strings"
)

// htmlWriter builds escaped HTML (and inline SVG) as one string, for views
// that only display numbers: app.Raw of the string replaces the node in
// one parse instead of diffing hundreds of go-app elements, and the code
// is a fraction of the size of go-app element chains in wasm (each chained
// call is an interface call). SVG written this way needs no namespace
// attribute: the HTML parser puts <svg> content in the SVG namespace.
type htmlWriter struct{ strings.Builder }

// open writes a start tag; attrs are name, value pairs (values escaped).
func (w *htmlWriter) open(tag string, attrs ...string) {
	w.WriteByte('<')
	w.WriteString(tag)
	for i := 0; i+1 < len(attrs); i += 2 {
		w.WriteByte(' ')
		w.WriteString(attrs[i])
		w.WriteString(`="`)
		w.WriteString(escapeHTML(attrs[i+1]))
		w.WriteByte('"')
	}
	w.WriteByte('>')
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
	w.WriteString(escapeHTML(text))
	w.WriteString(end)
}

// void writes an element without content (<line …></line>, <circle …>):
// SVG in HTML also accepts the explicit end tag.
func (w *htmlWriter) void(tag string, attrs ...string) {
	w.open(tag, attrs...)
	w.close(tag)
}

// itoa is strconv.Itoa kept out of line: inlined at each of its ~100 call
// sites it would cost wasm bytes every time.
//
//go:noinline
func itoa(n int) string { return strconv.Itoa(n) }
