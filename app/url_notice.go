package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// urlNotice says what of the page's address could not be shown: a stock
// (sel=) the snapshot does not have, and filter values that did not
// parse (ignored, the rest of the link still applies). A link that half
// works should say so, not fail silently.
type urlNotice struct {
	app.Compo

	M    *screenModel
	Lang lang
}

func (n *urlNotice) Render() app.UI {
	m, l := n.M, n.Lang
	var lines []app.UI
	if m.selMissing != "" {
		lines = append(lines, rawElem("p", l.tf("notice.sel", m.selMissing, l.date(m.snap.AsOf)), "id", "notice-sel"))
	}
	for _, bad := range m.urlBad {
		lines = append(lines, rawElem("p", l.tf("notice.bad", bad), "class", "notice-bad"))
	}
	if len(lines) == 0 {
		return app.Div().Class("url-notice-none")
	}
	lines = append(lines, app.Button().Type("button").Class("close").Aria("label", l.t("notice.dismiss")).Text("×").OnClick(n.onDismiss))
	return divClass("url-notice panel").ID("url-notice").Role("status").Body(lines...)
}

func (n *urlNotice) onDismiss(ctx app.Context, e app.Event) {
	n.M.selMissing, n.M.urlBad = "", nil
}
