package main

import "math"

// historyMyScreen is "my screen": the top N names by composite at each
// date, equal-weighted and held over the date's forward window, beside
// IWM, IJR, VTWG and VTWV over the same windows (table), and all of them
// compounded over the yearly windows (line chart).
type historyMyScreen struct {
	Lang   lang
	R      *historyResult
	Narrow bool
}

// writeChart writes the section's title, help and the growth chart (with
// the charts); writeTable the window-by-window table (with the tables).
func (m *historyMyScreen) writeChart(w *htmlWriter) {
	l := histLang{m.Lang}
	r := m.R
	n := r.Config.TopN
	mineName := l.tf("hist.topn.col", n)
	// Cumulative lines over the 12-month windows, starting at 0 on the
	// first snapshot date.
	var labels []string
	for _, d := range r.Dates {
		if !histIs12m(d) {
			continue
		}
		if len(labels) == 0 {
			labels = append(labels, d.From.Format("2006-01"))
		}
		labels = append(labels, d.To.Format("2006-01"))
	}
	series := []ChartSeries{{Name: mineName, Class: "s0", Emphasis: true, Values: withStart(r.TopNPath)}}
	for f, t := range r.Funds.Tickers {
		series = append(series, ChartSeries{Name: t, Class: "s" + itoa(f+1), Values: withStart(r.Funds.Paths[f])})
	}
	cw, ch := 640.0, 260.0
	if m.Narrow {
		cw, ch = 360, 230
	}
	chart := LineChart{
		Title:     l.tf("hist.topn.chart", n),
		Class:     "hist-topn-chart",
		Width:     cw,
		Height:    ch,
		XLabels:   labels,
		Series:    series,
		FormatY:   formatPctTick,
		Markers:   true,
		ZeroBased: true,
	}

	w.open("section", "id", "hist-myscreen", "class", "hist-block", "aria-labelledby", "hist-myscreen-title")
	w.elem("h3", l.tf("hist.topn.title", n), "id", "hist-myscreen-title")
	w.elem("p", l.t("hist.topn.help"), "class", "small muted")
	chart.write(w)
	w.close("section")
}

func (m *historyMyScreen) writeTable(w *htmlWriter) {
	l := histLang{m.Lang}
	r := m.R
	mineName := l.tf("hist.topn.col", r.Config.TopN)
	w.open("section", "id", "hist-myscreen-tab", "class", "hist-block", "aria-labelledby", "hist-myscreen-tab-title")
	w.elem("h3", l.tf("hist.topn.table", r.Config.TopN), "id", "hist-myscreen-tab-title")
	w.open("div", "class", "table-wrap")
	w.open("table", "id", "hist-topn-table", "class", "hist-table")
	w.open("thead")
	w.open("tr")
	w.elem("th", l.t("hist.col.window"))
	w.elem("th", mineName, "class", "num")
	for _, t := range r.Funds.Tickers {
		w.elem("th", t, "class", "num")
	}
	w.close("tr")
	w.close("thead")
	w.open("tbody")
	for i, d := range r.Dates {
		w.open("tr", "data-asof", d.AsOf)
		histWindowHead(w, l.lang, d)
		w.open("td", "class", "num hist-mine", "data-k", "topn", "data-v", rawNum(d.TopN))
		w.elem("span", formatSignedPct(d.TopN), "class", signClass(d.TopN))
		if d.TopNMissing > 0 {
			w.elem("span", l.tf("hist.topn.missing", d.TopNMissing), "class", "small muted hist-n")
		}
		w.close("td")
		for f, t := range r.Funds.Tickers {
			histReturnCell(w, t, fundRet(r, i, f))
		}
		w.close("tr")
	}
	w.close("tbody")
	w.open("tfoot")
	w.open("tr")
	w.elem("th", l.tf("hist.compounded", r.Years), "scope", "row")
	histReturnCell(w, "cumtopn", r.CumTopN)
	for f, t := range r.Funds.Tickers {
		histReturnCell(w, "cum-"+t, r.Funds.Cum[f])
	}
	w.close("tr")
	w.close("tfoot")
	w.close("table")
	w.close("div")
	w.close("section")
}

// fundRet is fund f's return over date i's window (NaN when unknown).
func fundRet(r *historyResult, i, f int) float64 {
	if i < len(r.Funds.Returns) && f < len(r.Funds.Returns[i]) {
		return r.Funds.Returns[i][f]
	}
	return math.NaN()
}

// withStart puts the starting value 0 (nothing gained yet) in front of a
// cumulative series, so the chart starts at the first snapshot date.
func withStart(cum []float64) []float64 {
	return append([]float64{0}, cum...)
}
