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

// void writes an element without content (<line …></line>, <circle …>):
// SVG in HTML also accepts the explicit end tag.
func (w *htmlWriter) void(tag string, attrs ...string) {
	w.open(tag, attrs...)
	w.close(tag)
}

func itoa(n int) string { return strconv.Itoa(n) }
