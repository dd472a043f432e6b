//go:build wasm

package main

import (
	"errors"
	"syscall/js"
)

// saveFile offers data to the user as a download named name: the bytes
// become a Blob, an object URL points at it and a temporary <a download>
// is clicked. Everything stays in the page (no server round trip), so it
// works offline and inside an iframe. The object URL is revoked a minute
// later, long after the browser has started reading it.
func saveFile(name, mime string, data []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("download failed: the browser refused the file")
		}
	}()
	g := js.Global()
	arr := g.Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(arr, data)
	parts := g.Get("Array").New(arr)
	opts := g.Get("Object").New()
	opts.Set("type", mime)
	blob := g.Get("Blob").New(parts, opts)
	url := g.Get("URL").Call("createObjectURL", blob)
	doc := g.Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Get("style").Set("display", "none")
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	var revoke js.Func
	revoke = js.FuncOf(func(js.Value, []js.Value) any {
		g.Get("URL").Call("revokeObjectURL", url)
		revoke.Release()
		return nil
	})
	g.Call("setTimeout", revoke, 60_000)
	return nil
}
