package main

import (
	"math"
)

// historyNote is the honesty box the History view opens with: the past
// universes are modelled by rule, the price data lacks delisted companies
// (survivorship bias, with each year's count of companies lost), names
// without a forward price are counted and left out, and forward returns
// never feed the scores (design brief, "History"; issue 6 item 4).
type historyNote struct {
	Lang lang
	Data *historyData
	Res  *historyResult
}

func (n *historyNote) write(w *htmlWriter) {
	l := histLang{n.Lang}
	w.open("section", "id", "hist-note", "class", "hist-note", "aria-labelledby", "hist-note-title")
	w.elem("h3", l.t("hist.note.title"), "id", "hist-note-title")
	w.open("ul")
	w.elem("li", l.t("hist.note.modelled"))
	w.open("li", "id", "hist-survivorship")
	w.elem("strong", l.t("hist.note.surv.lead"))
	w.text(" " + l.t("hist.note.surv"))
	w.close("li")
	w.elem("li", l.t("hist.note.missing"))
	w.elem("li", l.t("hist.note.lookahead"))
	w.close("ul")
	w.open("div", "class", "table-wrap")
	w.open("table", "id", "hist-lost", "class", "hist-table")
	w.elem("caption", l.t("hist.lost.caption"), "class", "visually-hidden")
	w.open("thead")
	w.open("tr")
	w.elem("th", l.t("hist.col.date"))
	w.elem("th", l.t("hist.col.universe"), "class", "num")
	w.elem("th", l.t("hist.col.lost"), "class", "num", "title", l.t("hist.col.lost.title"))
	w.elem("th", l.t("hist.col.lostshare"), "class", "num")
	w.elem("th", l.t("hist.col.delisted"), "class", "num")
	w.elem("th", l.t("hist.col.nofwd"), "class", "num", "title", l.t("hist.col.nofwd.title"))
	w.close("tr")
	w.close("thead")
	w.open("tbody")
	for i, d := range n.Res.Dates {
		var c survivorshipCounts
		if n.Data != nil && i < len(n.Data.Surv) {
			c = n.Data.Surv[i]
		}
		lost, share, delisted := missingText, missingText, missingText
		if c.OK {
			lost = l.tf("hist.lost.of", formatCount(c.NoPrice), formatCount(c.Reporting))
			if c.Reporting > 0 {
				share = formatFixed(math.Round(float64(c.NoPrice)/float64(c.Reporting)*100), 0) + "%"
			}
			delisted = formatCount(c.Delisted)
		} else if !histIs12m(d) {
			lost = l.t("hist.lost.current")
		}
		w.open("tr", "data-asof", d.AsOf)
		w.elem("th", histDate(l.lang, d.AsOf), "scope", "row")
		w.elem("td", formatCount(d.Universe), "class", "num")
		w.elem("td", lost, "class", "num", "data-k", "lost")
		w.elem("td", share, "class", "num")
		w.elem("td", delisted, "class", "num")
		w.elem("td", formatCount(d.MissingFwd), "class", "num", "data-k", "nofwd")
		w.close("tr")
	}
	w.close("tbody")
	w.close("table")
	w.close("div")
	w.close("section")
}
