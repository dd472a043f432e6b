package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// historyProgress shows the History view's download: files decoded out of
// those needed, then the one-off preparation of the backtest. Plain
// elements rather than a component: a component type links go-app's
// component wrappers into app.wasm.
type historyProgress struct {
	Lang      lang
	Done      int
	Total     int
	Preparing bool
}

func (p historyProgress) render() app.UI {
	l := p.Lang
	text := l.tf("hist.loading", p.Done, p.Total)
	if p.Preparing {
		text = l.t("hist.preparing")
	}
	return app.Div().ID("hist-progress").Class("panel loading hist-progress").Aria("busy", "true").Body(
		app.P().Role("status").Text(text),
		app.Elem("progress").Attr("max", p.Total).Attr("value", p.Done).Aria("label", l.t("hist.loading.label")),
	)
}
