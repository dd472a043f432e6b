package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// registerRoutes is shared by the wasm and native builds: the native side
// needs the same routes to pre-render the static site.
// TEMPORARY scaffold: the browser issue replaces the placeholder component.
func registerRoutes() {
	app.Route("/", func() app.Composer { return &placeholder{} })
}

type placeholder struct{ app.Compo }

func (p *placeholder) Render() app.UI { return app.Div().Text("loading") }
