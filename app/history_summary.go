package main

import (
	"strconv"
)

// historySummary gives the headline numbers under the verdict: the mean
// information coefficient with its t statistic, the top-minus-bottom
// spreads (chosen statistic) added up over the yearly windows with how
// many were positive and their t, and "my screen" compounded beside the
// funds.
// Every number is over the non-overlapping 12-month windows only
// (engine.BacktestResult).
type historySummary struct {
	Lang lang
	R    *historyResult
}

func (s *historySummary) write(w *htmlWriter) {
	l := histLang{s.Lang}
	r := s.R
	k := r.Config.Buckets
	w.open("div", "id", "hist-summary", "class", "hist-summary")

	w.open("div", "class", "hist-card")
	w.elem("span", l.t("hist.sum.ic"), "class", "hist-card-label")
	w.elem("strong", formatNum(r.MeanIC, 3, "", true), "id", "hist-mean-ic", "data-v", rawNum(r.MeanIC))
	w.elem("span", l.tf("hist.sum.ic.detail", formatNum(r.TStatIC, 2, "", true), r.Years), "class", "small muted")
	w.close("div")

	// The legs are added up like the spread (top − bottom = the sum), by
	// the same statistic.
	var top, bottom float64
	for _, d := range r.Dates {
		if histIs12m(d) && len(d.Buckets) == k {
			top += d.Buckets[k-1].Of(r.Config.Stat)
			bottom += d.Buckets[0].Of(r.Config.Stat)
		}
	}
	w.open("div", "class", "hist-card")
	w.elem("span", l.tf("hist.sum.spread", bucketName(l.lang, k-1, k), bucketName(l.lang, 0, k), histStatNoun(l, r)), "class", "hist-card-label")
	w.elem("strong", histPP(l.lang, r.CumSpread), "id", "hist-sum-spread", "data-v", rawNum(r.CumSpread))
	w.open("span", "class", "small muted")
	w.text(l.tf("hist.sum.spread.detail", r.Years, r.SpreadWins) + " · ")
	w.elem("span", l.tf("hist.sum.spread.t", formatNum(r.TStatSpread, 2, "", true)), "id", "hist-spread-t", "data-v", rawNum(r.TStatSpread))
	w.close("span")
	w.elem("span", l.tf("hist.sum.legs", bucketName(l.lang, k-1, k), histPP(l.lang, top), bucketName(l.lang, 0, k), histPP(l.lang, bottom)), "class", "small muted")
	w.close("div")

	w.open("div", "class", "hist-card")
	w.elem("span", l.tf("hist.sum.topn", r.Config.TopN), "class", "hist-card-label")
	w.elem("strong", formatSignedPct(r.CumTopN), "id", "hist-cum-topn", "data-v", rawNum(r.CumTopN))
	w.open("span", "class", "small muted hist-funds")
	for f, t := range r.Funds.Tickers {
		w.elem("span", t+" "+formatSignedPct(r.Funds.Cum[f]), "class", "hist-fund")
	}
	w.close("span")
	w.close("div")

	weights := l.t("hist.weights.custom")
	if r.Preset != "" {
		weights = l.tf("hist.weights.preset", l.t("preset."+r.Preset))
	}
	w.open("p", "class", "small muted hist-meta")
	w.text(weights + " · ")
	w.elem("span", l.tf("hist.sum.runms", strconv.FormatFloat(r.RunMs, 'f', 1, 64), len(r.Dates)), "id", "hist-run-ms", "data-v", rawNum(r.RunMs))
	w.close("p")
	w.close("div")
}
