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
	switch {
	case p.Preparing:
		text = l.t("hist.preparing")
	case p.Total == 0:
		text = l.t("hist.loading.index")
	}
	bar := app.Elem("progress").Aria("label", l.t("hist.loading.label"))
	if p.Total > 0 {
		// Without max and value the bar is indeterminate: the number of
		// files is not known before the manifest arrives.
		bar = bar.Attr("max", p.Total).Attr("value", p.Done)
	}
	return app.Div().ID("hist-progress").Class("panel loading hist-progress").Aria("busy", "true").Body(
		app.P().Role("status").Text(text),
		bar,
	)
}
