package main

import (
	"math"
)

// historySpread shows, per date, the top-minus-bottom bucket spread of the
// composite's forward returns under the chosen statistic and their running
// sum over the yearly windows (bar chart, with the charts), and the same
// with the top bucket's hit rate and the information coefficient
// (Spearman rank correlation of composite and forward return) with its
// mean, sd and t statistic over the yearly windows (table, with the
// tables).
type historySpread struct {
	Lang   lang
	R      *historyResult
	Narrow bool
}

// cumulated is the running sum of the yearly spreads at each date (NaN at
// the to-last-price date, which is never added).
func (s *historySpread) cumulated() []float64 {
	r := s.R
	cum := make([]float64, len(r.Dates))
	y := 0
	for i, d := range r.Dates {
		cum[i] = math.NaN()
		if histIs12m(d) && y < len(r.SpreadPath) {
			cum[i] = r.SpreadPath[y]
			y++
		}
	}
	return cum
}

func (s *historySpread) writeChart(w *htmlWriter) {
	l := histLang{s.Lang}
	r := s.R
	k := r.Config.Buckets
	top, bottom := bucketName(l.lang, k-1, k), bucketName(l.lang, 0, k)
	labels := make([]string, len(r.Dates))
	yearly := make([]float64, len(r.Dates))
	for i, d := range r.Dates {
		labels[i] = histShortLabel(l.lang, d)
		yearly[i] = d.Spread
	}
	cw, ch := 640.0, 240.0
	if s.Narrow {
		cw, ch = 360, 220
	}
	chart := BarChart{
		Title:   l.tf("hist.spread.chart", top, bottom, histStatNoun(l, r)),
		Class:   "hist-spread-chart",
		Width:   cw,
		Height:  ch,
		Labels:  labels,
		FormatY: formatPctTick,
		Series: []ChartSeries{
			{Name: l.t("hist.spread.year"), Values: yearly, Class: "s0"},
			{Name: l.t("hist.spread.cum"), Values: s.cumulated(), Class: "s3"},
		},
	}
	w.tagText(`<section id="hist-spread" class="hist-block" aria-labelledby="hist-spread-title"><h3 id="hist-spread-title">`,
		l.tf("hist.spread.title", top, bottom, histStatNoun(l, r)), "</h3>")
	w.tagText(`<p class="small muted">`, l.t("hist.spread.help"), "</p>")
	chart.write(w)
	w.WriteString("</section>")
}

func (s *historySpread) writeTable(w *htmlWriter) {
	l := histLang{s.Lang}
	r := s.R
	k := r.Config.Buckets
	cum := s.cumulated()
	w.tagText(`<section id="hist-spread-tab" class="hist-block" aria-labelledby="hist-spread-tab-title"><h3 id="hist-spread-tab-title">`,
		l.tf("hist.spread.table", bucketName(l.lang, k-1, k), bucketName(l.lang, 0, k), histStatNoun(l, r)), "</h3>")
	w.tagText(`<p class="small muted">`, l.t("hist.spread.table.help"), "</p>")
	w.tagText(`<div class="table-wrap"><table id="hist-spread-table" class="hist-table"><thead><tr><th>`, l.t("hist.col.window"), "</th>")
	w.tagText(`<th class="num">`, l.t("hist.col.spread"), "</th>")
	w.tagText(`<th class="num">`, l.t("hist.col.cumspread"), "</th>")
	w.elem("th", l.t("hist.col.hit"), "class", "num", "title", l.t("hist.col.hit.title"))
	w.elem("th", l.t("hist.col.ic"), "class", "num", "title", l.t("hist.col.ic.title"))
	w.elem("th", l.t("hist.col.icn"), "class", "num", "title", l.t("hist.col.icn.title"))
	w.WriteString("</tr></thead><tbody>")
	for i, d := range r.Dates {
		basis := "last"
		if histIs12m(d) {
			basis = "year"
		}
		w.tagText(`<tr data-asof="`, d.AsOf, `" data-basis="`+basis+`">`)
		histWindowHead(w, l.lang, d)
		histReturnCell(w, "spread", d.Spread)
		histReturnCell(w, "cumspread", cum[i])
		w.tagText(`<td class="num" data-k="hit" data-v="`+rawNum(d.HitRate)+`">`, formatNum(d.HitRate*100, 0, "%", false), "</td>")
		w.tagText(`<td class="num" data-k="ic" data-v="`+rawNum(d.IC)+`">`, formatNum(d.IC, 3, "", true), "</td>")
		w.tagText(`<td class="num">`, formatCount(d.ICN), "</td></tr>")
	}
	w.tagText(`</tbody><tfoot><tr><th scope="row">`, l.tf("hist.ic.mean", r.Years), `</th>`)
	w.tagText(`<td class="num small" id="hist-spread-wins" data-v="`+itoa(r.SpreadWins)+`">`, l.tf("hist.spread.wins", r.SpreadWins, r.Years), "</td>")
	histReturnCell(w, "sumspread", r.CumSpread)
	w.WriteString(`<td class="num"></td>`)
	w.tagText(`<td class="num" id="hist-ic-mean" data-v="`+rawNum(r.MeanIC)+`">`, formatNum(r.MeanIC, 3, "", true), "</td>")
	w.tagText(`<td class="num small" id="hist-ic-t" data-v="`+rawNum(r.TStatIC)+`">`, l.tf("hist.ic.t", formatNum(r.SDIC, 3, "", true), formatNum(r.TStatIC, 2, "", true)), "</td>")
	w.WriteString("</tr></tfoot></table></div></section>")
}

// histStatNoun names the run's statistic in a title ("median",
// "winsorised mean").
func histStatNoun(l histLang, r *historyResult) string {
	return l.t("hist.stat.noun." + r.Config.Stat.Key())
}
