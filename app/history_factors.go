package main

import (
	"math"

	"screener/engine"
)

// historyFactors compares the composite with each single factor: the
// factor's own top-minus-bottom spread at each date (same bucket count),
// its mean over the yearly windows and its mean IC. These do not depend
// on the weights; they show which factors carried or hurt the composite.
type historyFactors struct {
	Lang lang
	R    *historyResult
}

func (h *historyFactors) write(w *htmlWriter) {
	l := histLang{h.Lang}
	r := h.R
	w.open("section", "id", "hist-factors", "class", "hist-block", "aria-labelledby", "hist-factors-title")
	w.elem("h3", l.t("hist.factors.title"), "id", "hist-factors-title")
	w.elem("p", l.tf("hist.factors.help", histStatNoun(l, r)), "class", "small muted")
	w.open("div", "class", "table-wrap")
	w.open("table", "id", "hist-factor-table", "class", "hist-table")
	w.open("thead")
	w.open("tr")
	w.elem("th", l.t("hist.col.factor"))
	for _, d := range r.Dates {
		w.elem("th", histShortLabel(l.lang, d), "class", "num")
	}
	w.elem("th", l.t("hist.col.meanspread"), "class", "num")
	w.elem("th", l.t("hist.col.meanic"), "class", "num")
	w.close("tr")
	w.close("thead")
	w.open("tbody")
	// The composite first, for comparison.
	w.open("tr", "class", "hist-composite")
	w.elem("th", l.t("hist.factor.composite"), "scope", "row")
	sum, n := 0.0, 0
	for _, d := range r.Dates {
		histReturnCell(w, d.AsOf, d.Spread)
		if histIs12m(d) {
			sum += d.Spread
			n++
		}
	}
	mean := math.NaN()
	if n > 0 {
		mean = sum / float64(n)
	}
	histReturnCell(w, "mean", mean)
	w.elem("td", formatNum(r.MeanIC, 3, "", true), "class", "num")
	w.close("tr")
	for f := engine.Factor(0); f < engine.NumFactors; f++ {
		w.open("tr", "data-factor", f.Key())
		w.elem("th", l.t("factor."+f.Key()), "scope", "row")
		for _, d := range r.Dates {
			histReturnCell(w, d.AsOf, d.FactorSpread[f])
		}
		histReturnCell(w, "mean", r.MeanFactorS[f])
		w.elem("td", formatNum(r.MeanFactorIC[f], 3, "", true), "class", "num")
		w.close("tr")
	}
	w.close("tbody")
	w.close("table")
	w.close("div")
	w.close("section")
}
