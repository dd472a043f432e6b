//go:build wasm

package main

import (
	"runtime/debug"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// main is the browser program: routes and the go-app runtime only. The
// native commands (serve, dist, CLI) live in files built with !wasm, so
// net/http and the static-site generator stay out of app.wasm.
func main() {
	publishTiming("goStartAt", pageClock())
	// The live heap is small (one decoded snapshot, a few MB) and wasm
	// collects without concurrency, on the UI thread: collect less often.
	debug.SetGCPercent(400)
	registerRoutes()
	app.RunWhenOnBrowser()
}
