package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// compareTray lists the stocks picked for comparison (from their detail
// panel), each removable, with the button that opens the side-by-side
// panel once two are picked. It stays at the bottom of the screen while
// the user browses for the next pick.
type compareTray struct {
	app.Compo

	M    *screenModel
	Rev  int
	Lang lang
}

func (c *compareTray) Render() app.UI {
	m := c.M
	l := c.Lang
	chips := make([]app.UI, 0, len(m.compare))
	for _, r := range m.compare {
		ticker := m.snap.Ticker[r]
		chips = append(chips, app.Button().Type("button").Class("compare-chip").
			Aria("label", l.tf("compare.drop", ticker)).Text(ticker+" ×").
			OnClick(func(ctx app.Context, e app.Event) { m.toggleCompare(r) }, app.EventScope("cmp", ticker)))
	}
	n := len(m.compare)
	return app.Div().ID("compare-tray").Class("compare-tray").Role("region").Aria("label", l.t("compare.title")).Body(
		app.Span().Class("compare-label").Text(l.t("compare.title")+":"),
		divClass("compare-chips").Body(chips...),
		app.Button().Type("button").ID("compare-open").Class("primary").Disabled(n < 2).
			Text(l.tf("compare.open", n)).
			OnClick(func(ctx app.Context, e app.Event) { m.showCompare(true) }),
		app.Button().Type("button").Class("link").Text(l.t("compare.clear")).
			OnClick(func(ctx app.Context, e app.Event) { m.clearCompare() }),
	)
}
