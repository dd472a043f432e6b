package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// rawElem is one read-only element with escaped text, as an app.Raw node.
// Headings and notes written this way need no go-app element type of their
// own: each distinct element type costs ~14 KB of wasm, each builder chain
// several call sites.
//
//go:noinline
func rawElem(tag, text string, attrs ...string) app.UI {
	var w htmlWriter
	w.elem(tag, text, attrs...)
	return app.Raw(w.String())
}
