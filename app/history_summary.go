package main

import (
	"strconv"
)

// historySummary states the answer first: the mean information
// coefficient with its t statistic, the top-minus-bottom spread compounded
// over the yearly windows, and "my screen" compounded beside the funds.
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

	w.open("div", "class", "hist-card")
	w.elem("span", l.tf("hist.sum.spread", bucketName(l.lang, k-1, k), bucketName(l.lang, 0, k)), "class", "hist-card-label")
	w.elem("strong", formatSignedPct(r.CumSpread), "id", "hist-sum-spread", "data-v", rawNum(r.CumSpread))
	w.elem("span", l.tf("hist.sum.spread.detail", r.Years), "class", "small muted")
	w.elem("span", l.tf("hist.sum.legs", bucketName(l.lang, k-1, k), formatSignedPct(r.BucketGrowth[k-1]), bucketName(l.lang, 0, k), formatSignedPct(r.BucketGrowth[0])), "class", "small muted")
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
