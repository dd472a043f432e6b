package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// updateBanner offers a reload when the host serves newer files than the
// page shows: new data (AsOf, its date) or a new build of the page. The
// screen is kept (it is in the URL). Plain elements rather than a
// component: a component type links go-app's component wrappers into
// app.wasm.
type updateBanner struct {
	Lang     lang
	AsOf     string // date of the newer current snapshot, "" if only the page changed
	OnReload app.EventHandler
}

func (b updateBanner) render() app.UI {
	l := b.Lang
	text := l.t("update.page")
	if b.AsOf != "" {
		text = l.tf("update.data", l.date(b.AsOf))
	}
	return app.Div().ID("update-banner").Class("update-banner").Role("status").DataSet("asof", b.AsOf).Body(
		app.Span().Text(text),
		app.Button().Type("button").Class("primary").Text(l.t("update.reload")).OnClick(b.OnReload),
	)
}
