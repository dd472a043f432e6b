//go:build !wasm

package main

import "errors"

// saveFile needs a browser; the native build (pre-rendering, CLI) never
// offers a download.
func saveFile(name, mime string, data []byte) error {
	return errors.New("saveFile: downloads need a browser")
}
