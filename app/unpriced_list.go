package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"screener/engine"
)

// unpricedList shows, below the ranked table, the stocks the filters keep
// but the screen cannot rank: the data has no price or no market cap for
// them on the snapshot date (engine.Screen.Unpriced). They are counted and
// named with the reason, never silently dropped. Folded by default; it
// changes only with the filters.
type unpricedList struct {
	app.Compo

	M    *screenModel
	Opts engine.Options
	Lang lang
}

func (u *unpricedList) Render() app.UI {
	m := u.M
	l := m.lang
	s := m.snap
	rows := m.screen.Unpriced
	if len(rows) == 0 {
		return app.Div().ID("unpriced")
	}
	var w htmlWriter
	w.open("details", "id", "unpriced", "class", "unpriced")
	summary := l.tf("unpriced.summary", formatCount(len(rows)), l.date(s.AsOf))
	if len(rows) == 1 {
		summary = l.tf("unpriced.summary.one", formatCount(len(rows)), l.date(s.AsOf))
	}
	w.elem("summary", summary)
	w.elem("p", l.t("unpriced.note"), "class", "muted small")
	w.WriteString(`<div class="table-wrap"><table class="unpriced-table"><thead><tr>`)
	w.elem("th", l.t("col.ticker"), "scope", "col", "class", "txt")
	w.elem("th", l.t("col.name"), "scope", "col", "class", "txt")
	w.elem("th", l.t("unpriced.reason"), "scope", "col", "class", "txt")
	w.WriteString(`</tr></thead><tbody>`)
	for _, r := range rows {
		w.tagText(`<tr><td class="ticker">`, s.Ticker[r], `</td>`)
		w.tagText(`<td class="name">`, s.Name[r], `</td>`)
		w.tagText(`<td>`, l.t("unpriced.reason."+s.WhyUnpriced(int(r)).Key()), `</td></tr>`)
	}
	w.WriteString(`</tbody></table></div></details>`)
	return w.UI()
}
