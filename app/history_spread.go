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
	y := 0
	for i, d := range r.Dates {
		labels[i] = histShortLabel(l.lang, d)
		yearly[i] = d.Spread
		cum[i] = math.NaN()
		if histIs12m(d) {
			cum[i] = r.SpreadPath[y]
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

	w.tagText(`<section id="hist-spread" class="hist-block" aria-labelledby="hist-spread-title"><h3 id="hist-spread-title">`,
		l.tf("hist.spread.title", top, bottom), "</h3>")
	w.tagText(`<p class="small muted">`, l.t("hist.spread.help"), "</p>")
	chart.write(w)
	w.tagText(`<div class="table-wrap"><table id="hist-spread-table" class="hist-table"><thead><tr><th>`, l.t("hist.col.window"), "</th>")
	w.tagText(`<th class="num">`, l.t("hist.col.spread"), "</th>")
	w.tagText(`<th class="num">`, l.t("hist.col.cumspread"), "</th>")
	w.elem("th", l.t("hist.col.ic"), "class", "num", "title", l.t("hist.col.ic.title"))
	w.elem("th", l.t("hist.col.icn"), "class", "num", "title", l.t("hist.col.icn.title"))
	w.WriteString("</tr></thead><tbody>")
	for i, d := range r.Dates {
		w.tagText(`<tr data-asof="`, d.AsOf, `">`)
		histWindowHead(w, l.lang, d)
		histReturnCell(w, "spread", d.Spread)
		histReturnCell(w, "cumspread", cum[i])
		w.tagText(`<td class="num" data-k="ic" data-v="`+rawNum(d.IC)+`">`, formatNum(d.IC, 3, "", true), "</td>")
		w.tagText(`<td class="num">`, formatCount(d.ICN), "</td></tr>")
	}
	w.tagText(`</tbody><tfoot><tr><th scope="row">`, l.tf("hist.ic.mean", r.Years), `</th><td class="num"></td>`)
	histReturnCell(w, "sumspread", r.CumSpread)
	w.tagText(`<td class="num" id="hist-ic-mean" data-v="`+rawNum(r.MeanIC)+`">`, formatNum(r.MeanIC, 3, "", true), "</td>")
	w.tagText(`<td class="num small" id="hist-ic-t" data-v="`+rawNum(r.TStatIC)+`">`, l.tf("hist.ic.t", formatNum(r.SDIC, 3, "", true), formatNum(r.TStatIC, 2, "", true)), "</td>")
	w.WriteString("</tr></tfoot></table></div></section>")
}
