package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// siteDataDir is where the static site serves the snapshots (the
// builder's output folder, copied by dist).
const siteDataDir = "/web/data/"

// registerRoutes is shared by the wasm and native builds: the native side
// needs the same routes to pre-render the static site. Every path shows the
// one page (state lives in query parameters), so a sub-path without its
// trailing slash ("/screener") still starts the app.
func registerRoutes() {
	app.Route("/", func() app.Composer { return &shell{} })
	app.RouteWithRegexp("^/.*", func() app.Composer { return &shell{} })
}
