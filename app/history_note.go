package main

import (
	"math"
	"strings"
)

// historyNote is the honesty box of the History view: which past
// universes are the real index lists and which are modelled (and how well
// the model matches the real lists), the companies the price data lacks
// (survivorship bias, counted per year), names without a forward price,
// and forward returns never feeding the scores.
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
	if check := n.modelCheck(); check != "" {
		w.elem("li", check, "id", "hist-model-check")
	}
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
	w.elem("th", l.t("hist.col.kind"))
	w.elem("th", l.t("hist.col.universe"), "class", "num")
	w.elem("th", l.t("hist.col.lost"), "class", "num", "title", l.t("hist.col.lost.title"))
	w.elem("th", l.t("hist.col.lostshare"), "class", "num")
	w.elem("th", l.t("hist.col.before"), "class", "num", "title", l.t("hist.col.before.title"))
	w.elem("th", l.t("hist.col.nofwd"), "class", "num", "title", l.t("hist.col.nofwd.title"))
	w.close("tr")
	w.close("thead")
	w.open("tbody")
	for i, d := range n.Res.Dates {
		var c survivorshipCounts
		if n.Data != nil && i < len(n.Data.Surv) {
			c = n.Data.Surv[i]
		}
		lost, share, before := missingText, missingText, missingText
		if c.OK {
			lost = l.tf("hist.lost.of", formatCount(c.Unpriced), formatCount(c.Reporting))
			if c.Reporting > 0 {
				share = formatFixed(math.Round(float64(c.Unpriced)/float64(c.Reporting)*100), 0) + "%"
			}
			before = formatCount(c.Before)
		} else if !histIs12m(d) {
			lost = l.t("hist.lost.current")
		}
		kind := l.t("hist.kind.model")
		if !d.Modelled {
			kind = l.t("hist.kind.real")
		}
		w.open("tr", "data-asof", d.AsOf)
		w.elem("th", histDate(l.lang, d.AsOf), "scope", "row")
		w.elem("td", kind, "data-k", "kind")
		w.elem("td", formatCount(d.Universe), "class", "num")
		w.elem("td", lost, "class", "num", "data-k", "lost")
		w.elem("td", share, "class", "num")
		w.elem("td", before, "class", "num", "data-k", "before")
		w.elem("td", formatCount(d.MissingFwd), "class", "num", "data-k", "nofwd")
		w.close("tr")
	}
	w.close("tbody")
	w.close("table")
	w.close("div")
	w.close("section")
}

// modelCheck says how well the modelled universe matches the real index
// list in each year that has one (engine.UniverseCheck): the share of the
// real list the model holds, and the weight they share. "" without any.
func (n *historyNote) modelCheck() string {
	if n.Data == nil {
		return ""
	}
	l := histLang{n.Lang}
	var parts []string
	for _, s := range n.Data.Snaps {
		if c := s.UniverseCheck; c != nil {
			parts = append(parts, l.tf("hist.check.year", s.AsOf[:4], formatFixed(100*c.RealInModel, 0)+"%", formatFixed(100*c.ModelInReal, 0)+"%", formatFixed(100*c.WeightOverlap, 0)+"%"))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return l.t("hist.check.lead") + " " + strings.Join(parts, l.t("list.sep")) + "."
}
