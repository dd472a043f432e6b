package main

import (
	"math"
)

// historySpread shows, per date, the top-minus-bottom bucket spread of the
// composite's forward returns and their running sum over the yearly
// windows (bar chart), and the information coefficient (Spearman rank correlation
// of composite and forward return) with its mean, sd and t statistic over
// the yearly windows (table).
type historySpread struct {
	Lang   lang
	R      *historyResult
	Narrow bool
}

func (s *historySpread) write(w *htmlWriter) {
	l := histLang{s.Lang}
	r := s.R
	k := r.Config.Buckets
	top, bottom := bucketName(l.lang, k-1, k), bucketName(l.lang, 0, k)
	labels := make([]string, len(r.Dates))
	yearly := make([]float64, len(r.Dates))
	cum := make([]float64, len(r.Dates))
	var spreads []float64
	for _, d := range r.Dates {
		if histIs12m(d) {
			spreads = append(spreads, d.Spread)
		}
	}
	sums := cumulativeSum(spreads)
	y := 0
	for i, d := range r.Dates {
		labels[i] = histShortLabel(l.lang, d)
		yearly[i] = d.Spread
		cum[i] = math.NaN()
		if histIs12m(d) {
			cum[i] = sums[y]
			y++
		}
	}
	cw, ch := 640.0, 240.0
	if s.Narrow {
		cw, ch = 360, 220
	}
	chart := BarChart{
		Title:   l.tf("hist.spread.chart", top, bottom),
		Class:   "hist-spread-chart",
		Width:   cw,
		Height:  ch,
		Labels:  labels,
		FormatY: formatPctTick,
		Series: []ChartSeries{
			{Name: l.t("hist.spread.year"), Values: yearly, Class: "s0"},
			{Name: l.t("hist.spread.cum"), Values: cum, Class: "s3"},
		},
	}

	w.open("section", "id", "hist-spread", "class", "hist-block", "aria-labelledby", "hist-spread-title")
	w.elem("h3", l.tf("hist.spread.title", top, bottom), "id", "hist-spread-title")
	w.elem("p", l.t("hist.spread.help"), "class", "small muted")
	w.WriteString(chart.HTML())
	w.open("div", "class", "table-wrap")
	w.open("table", "id", "hist-spread-table", "class", "hist-table")
	w.open("thead")
	w.open("tr")
	w.elem("th", l.t("hist.col.window"))
	w.elem("th", l.t("hist.col.spread"), "class", "num")
	w.elem("th", l.t("hist.col.cumspread"), "class", "num")
	w.elem("th", l.t("hist.col.ic"), "class", "num", "title", l.t("hist.col.ic.title"))
	w.elem("th", l.t("hist.col.icn"), "class", "num", "title", l.t("hist.col.icn.title"))
	w.close("tr")
	w.close("thead")
	w.open("tbody")
	for i, d := range r.Dates {
		w.open("tr", "data-asof", d.AsOf)
		histWindowHead(w, l.lang, d)
		histReturnCell(w, "spread", d.Spread)
		histReturnCell(w, "cumspread", cum[i])
		w.elem("td", formatIC(d.IC), "class", "num", "data-k", "ic", "data-v", rawNum(d.IC))
		w.elem("td", formatCount(d.ICN), "class", "num")
		w.close("tr")
	}
	w.close("tbody")
	w.open("tfoot")
	w.open("tr")
	w.elem("th", l.tf("hist.ic.mean", r.Years), "scope", "row")
	w.elem("td", "", "class", "num")
	histReturnCell(w, "sumspread", r.SumSpread)
	w.elem("td", formatIC(r.MeanIC), "class", "num", "id", "hist-ic-mean", "data-v", rawNum(r.MeanIC))
	w.elem("td", l.tf("hist.ic.t", formatIC(r.SDIC), formatT(r.TStatIC)), "class", "num small", "id", "hist-ic-t", "data-v", rawNum(r.TStatIC))
	w.close("tr")
	w.close("tfoot")
	w.close("table")
	w.close("div")
	w.close("section")
}
