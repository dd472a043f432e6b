package main

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"screener/engine"
)

// stockDetail is the panel for one company: its rank and score, the "why
// this rank" contribution bars, its factor percentiles and every metric
// with the fiscal period, publish date and source it was computed from.
type stockDetail struct {
	app.Compo

	M   *screenModel
	Rev int
}

func (d *stockDetail) Render() app.UI {
	m := d.M
	l := m.lang
	s := m.snap
	row := m.selected
	j, ok := m.screen.Pos(row)
	if !ok || row < 0 {
		return app.Div()
	}
	sc := m.screen
	contrib := sc.Contributions(j, m.weights)
	rank := formatCount(int(m.rank[j]))
	if math.IsNaN(sc.Composite[j]) {
		rank = missingText
	}
	return app.Elem("aside").ID("stock-detail").Class("detail").Role("dialog").Aria("label", s.Ticker[row]+" "+s.Name[row]).DataSet("ticker", s.Ticker[row]).Body(
		app.Elem("header").Class("detail-head").Body(
			app.Raw(`<div><h2><span class="ticker">`+escapeHTML(s.Ticker[row])+`</span> <span class="company">`+
				escapeHTML(s.Name[row])+`</span></h2><p class="muted">`+
				escapeHTML(l.sector(sectorName(s, row))+" · "+l.mcap(s.Mcap[row])+" · "+l.t("detail.price")+" "+formatPrice(s.Price[row]))+`</p></div>`),
			app.Button().Type("button").ID("detail-close").Class("close").Aria("label", l.t("detail.close")).Text("×").OnClick(d.onClose),
		),
		rawElem("p", l.tf("detail.rank", rank, formatCount(len(sc.Members)), formatPercentile(sc.CompositePct[j], 1)), "class", "detail-rank"),
		rawElem("p", l.t("detail.index")+": IWM "+weightText(l, s.IWM[row])+" · IJR "+weightText(l, s.IJR[row]), "class", "muted small"),
		rawElem("h3", l.t("detail.why")),
		&contribChart{Lang: l, Values: contrib},
		rawElem("p", l.t("detail.why.note"), "class", "muted small"),
		rawElem("h3", l.t("detail.metrics")),
		d.renderMetrics(j, row),
	)
}

// renderMetrics writes the metric table as one HTML string: it is
// read-only, and a string is a fraction of the wasm of element chains.
func (d *stockDetail) renderMetrics(j, row int) app.UI {
	m := d.M
	l := m.lang
	sc := m.screen
	var w htmlWriter
	w.WriteString(`<div class="table-wrap"><table class="metrics"><thead><tr>`)
	w.elem("th", l.t("detail.metric"), "scope", "col", "class", "txt")
	w.elem("th", l.t("detail.value"), "scope", "col", "class", "num")
	w.elem("th", l.t("detail.pct"), "scope", "col", "class", "num", "title", l.t("detail.pct.title"))
	w.elem("th", l.t("detail.period"), "scope", "col", "class", "num")
	w.elem("th", l.t("detail.published"), "scope", "col", "class", "num")
	w.WriteString(`</tr></thead><tbody>`)
	for f := engine.Factor(0); f < engine.NumFactors; f++ {
		w.WriteString(`<tr class="factor-row">`)
		w.elem("th", l.t("factor."+f.Key()), "scope", "rowgroup", "class", "txt")
		w.WriteString(`<td></td>`)
		w.elem("td", formatPercentile(sc.FactorPct[f][j], 0), "class", "num")
		w.WriteString(`<td colspan="2"></td></tr>`)
		for _, mt := range engine.FactorMetrics(f) {
			d.writeMetricRow(&w, mt, j, row)
		}
	}
	w.WriteString(`</tbody></table></div>`)
	return app.Raw(w.String())
}

// writeMetricRow writes one metric: its value and percentile, and for each
// distinct input block the fiscal period end and publish date, with the
// data source under the metric's name.
func (d *stockDetail) writeMetricRow(w *htmlWriter, mt engine.Metric, j, row int) {
	m := d.M
	l := m.lang
	s := m.snap
	v := m.metrics.Value[mt][row]
	pct := m.screen.MetricPct[mt][j]
	var ends, pubs htmlWriter
	var sources []string
	for _, p := range inputPeriods(s, mt, row) {
		title := l.t(blockKey(p.Block))
		end, pub, src := engine.FormatDate(p.End), engine.FormatDate(p.Pub), l.source(p.Source)
		if p.Block == engine.BlockMarket {
			end, pub, src = s.AsOf, s.AsOf, l.t("detail.source.prices")
		}
		ends.elem("div", orMissing(end), "title", title)
		pubs.elem("div", orMissing(pub), "title", title)
		if src = orMissing(src); !slices.Contains(sources, src) {
			sources = append(sources, src)
		}
	}
	w.open("tr", "data-metric", mt.Key())
	w.WriteString(`<td class="txt">`)
	w.elem("div", l.t("metric."+mt.Key()))
	w.elem("div", l.t("detail.source")+": "+strings.Join(sources, ", "), "class", "muted source")
	w.WriteString(`</td>`)
	w.elem("td", formatMetric(mt, v), "class", "num")
	w.elem("td", formatPercentile(pct, 0), "class", "num "+heatClass(pct))
	w.WriteString(`<td class="num">` + ends.String() + `</td><td class="num">` + pubs.String() + `</td></tr>`)
}

func blockKey(b engine.Block) string {
	switch b {
	case engine.BlockIncome:
		return "detail.block.inc"
	case engine.BlockBalance:
		return "detail.block.bal"
	case engine.BlockCashFlow:
		return "detail.block.cf"
	}
	return "detail.block.px"
}

// orMissing shows an empty date or source as the missing-value mark.
func orMissing(s string) string {
	if s == "" {
		return missingText
	}
	return s
}

// weightText shows a fund weight in percent of the fund, or "not held".
func weightText(l lang, w float64) string {
	if math.IsNaN(w) {
		return l.t("detail.notheld")
	}
	return strconv.FormatFloat(w, 'f', 3, 64) + "%"
}

// OnMount moves the keyboard focus into the panel (its close button), as
// a dialog should; Escape closes it (screenerView.onKeyDown).
func (d *stockDetail) OnMount(ctx app.Context) {
	ctx.Defer(func(app.Context) {
		if b := app.Window().GetElementByID("detail-close"); b.Truthy() {
			b.Call("focus")
		}
	})
}

func (d *stockDetail) onClose(ctx app.Context, e app.Event) {
	d.M.selectRow(-1)
}
