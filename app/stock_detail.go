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

	copied string // the card embed's copy result, announced politely
	manual string // the card's embed code to copy by hand after a refused copy
}

func (d *stockDetail) Render() app.UI {
	m := d.M
	l := m.lang
	s := m.snap
	row := m.selected
	if row < 0 || row >= s.N {
		return app.Div()
	}
	sc, j := m.detailScreen(row)
	contrib := sc.Contributions(j, m.weights)
	rank := missingText
	switch {
	case j < 0 || math.IsNaN(sc.Composite[j]):
	case sc == m.screen:
		rank = formatCount(int(m.rank[j]))
	default:
		rank = formatCount(sc.Rank(j))
	}
	missing := missingFactorsText(m, sc, j)
	hidden := ""
	if why := m.why(row); why != engine.Listed {
		hidden = l.tf("detail.hidden", whyText(l, m, row, why))
		if sc != m.screen {
			hidden += " " + l.t("detail.hidden.wide")
		}
	}
	var head htmlWriter
	head.tagText(`<div><h2><span class="ticker">`, s.Ticker[row], `</span> <span class="company">`)
	head.tagText("", s.Name[row], `</span></h2><p class="muted">`)
	head.tagText("", l.sector(sectorName(s, row))+" · "+l.mcap(s.Mcap[row])+" · "+l.t("detail.price")+" "+formatPrice(s.Price[row]), `</p></div>`)
	return app.Elem("aside").ID("stock-detail").Class("detail").Role("dialog").Aria("label", s.Ticker[row]+" "+s.Name[row]).DataSet("ticker", s.Ticker[row]).Body(
		app.Elem("header").Class("detail-head").Body(
			head.UI(),
			app.Button().Type("button").ID("detail-close").Class("close").Aria("label", l.t("detail.close")).Text("×").OnClick(d.onClose),
		),
		app.If(hidden != "", func() app.UI {
			return rawElem("p", hidden, "class", "small hidden-note", "id", "detail-hidden")
		}),
		rawElem("p", l.tf("detail.rank", rank, formatCount(len(sc.Members)), formatFixed(memberValue(sc.CompositePct, j), 1)), "class", "detail-rank"),
		rawElem("p", l.t("detail.index")+": IWM "+weightText(l, s.IWM[row])+" · IJR "+weightText(l, s.IJR[row]), "class", "muted small"),
		divClass("detail-actions").Body(
			d.renderCompareButton(row),
			app.Button().Type("button").ID("detail-embed").Class("secondary").Text(l.t("share.card")).OnClick(d.onCopyCard),
			app.Span().Class("share-status").Role("status").Aria("live", "polite").Text(d.copied),
			app.If(d.manual != "", func() app.UI {
				return app.Input().Type("text").ID("card-text").Class("manual-copy").ReadOnly(true).Value(d.manual).
					Aria("label", l.t("share.text")).
					OnFocus(func(ctx app.Context, e app.Event) { ctx.JSSrc().Call("select") })
			}),
		),
		rawElem("h3", l.t("detail.why")),
		&contribChart{Lang: l, Values: contrib},
		rawElem("p", l.t("detail.why.note"), "class", "muted small"),
		app.If(missing != "", func() app.UI {
			return rawElem("p", missing, "class", "small missing-note", "id", "detail-missing")
		}),
		rawElem("h3", l.t("detail.metrics")),
		d.renderMetrics(sc, j, row),
		rawElem("p", l.t("detail.restated"), "class", "muted small"),
	)
}

// missingFactorsText says which weighted factors member j lacks and how
// the composite treated them under the screen's rule; "" when none is
// missing.
func missingFactorsText(m *screenModel, sc *engine.Screen, j int) string {
	l := m.lang
	var names []string
	for _, f := range sc.MissingWeighted(j, m.weights) {
		names = append(names, l.t("factor."+f.Key()))
	}
	if len(names) == 0 {
		return ""
	}
	return l.tf("detail.missing."+sc.Opts.Missing.Key(), strings.Join(names, l.t("list.sep")))
}

// memberValue is column[j], NaN for j < 0 (a stock no screen ranks).
func memberValue(column []float64, j int) float64 {
	if j < 0 || j >= len(column) {
		return math.NaN()
	}
	return column[j]
}

// renderMetrics writes the metric table as one HTML string: it is
// read-only, and a string is a fraction of the wasm of element chains.
func (d *stockDetail) renderMetrics(sc *engine.Screen, j, row int) app.UI {
	m := d.M
	l := m.lang
	var w htmlWriter
	// One root element: go-app keeps only the first of raw HTML.
	w.WriteString(`<div><div class="table-wrap"><table class="metrics"><thead><tr>`)
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
		w.elem("td", formatFixed(memberValue(sc.FactorPct[f], j), 0), "class", "num")
		w.WriteString(`<td colspan="2"></td></tr>`)
		for _, mt := range engine.FactorMetrics(f) {
			d.writeMetricRow(&w, sc, mt, j, row)
		}
	}
	w.WriteString(`</tbody></table></div>`)
	// The definitions, folded under the table (one tap away on a phone).
	w.tagText(`<details class="defs small muted"><summary>`, l.t("def.metrics"), `</summary><dl>`)
	for mt := engine.Metric(0); mt < engine.NumMetrics; mt++ {
		w.tagText(`<dt>`, l.t("metric."+mt.Key()), `</dt>`)
		w.tagText(`<dd>`, l.t("metric.def."+mt.Key()), `</dd>`)
	}
	w.WriteString(`</dl></details></div>`)
	return w.UI()
}

// writeMetricRow writes one metric: its value and percentile, and for each
// distinct input block the fiscal period end and publish date, with the
// data source under the metric's name.
func (d *stockDetail) writeMetricRow(w *htmlWriter, sc *engine.Screen, mt engine.Metric, j, row int) {
	m := d.M
	l := m.lang
	s := m.snap
	v := m.metrics.Value[mt][row]
	pct := memberValue(sc.MetricPct[mt], j)
	var ends, pubs htmlWriter
	var sources []string
	for _, p := range inputPeriods(s, mt, row) {
		title := l.t(blockKey(p.Block))
		end, pub, src := periodLabel(l, s, p), engine.FormatDate(p.Pub), l.source(p.Source)
		class := ""
		if p.Block == engine.BlockMarket {
			end, pub, src = s.AsOf, s.AsOf, l.t("detail.source.prices")
		} else if s.Stale(p.End) {
			class, title = "stale", title+": "+l.tf("detail.stale.title", s.StaleMonths)
		}
		ends.elem("div", orMissing(end), "title", title, "class", class)
		pubs.elem("div", orMissing(pub), "title", title)
		if src = orMissing(src); !slices.Contains(sources, src) {
			sources = append(sources, src)
		}
	}
	w.open("tr", "data-metric", mt.Key())
	w.WriteString(`<td class="txt">`)
	w.elem("div", l.t("metric."+mt.Key()), "title", l.t("metric.def."+mt.Key()))
	w.elem("div", l.t("detail.source")+": "+strings.Join(sources, ", "), "class", "muted source")
	w.WriteString(`</td>`)
	w.elem("td", metricText(l, mt, v), "class", "num")
	w.elem("td", formatFixed(pct, 0), "class", "num "+heatClass(pct))
	w.WriteString(`<td class="num">` + ends.String() + `</td><td class="num">` + pubs.String() + `</td></tr>`)
}

// periodLabel names a statement window the way an analyst reads it: "TTM
// 2025-06-30" for four consecutive quarters, "FY 2024-12-31" for one
// annual report, the bare date for a balance sheet; "stale" is prepended
// when the window is past the snapshot's age limit (its values are then
// missing). "" for a missing window.
func periodLabel(l lang, s *engine.Snapshot, p inputPeriod) string {
	d := engine.FormatDate(p.End)
	if d == "" {
		return ""
	}
	switch {
	case p.Block == engine.BlockBalance:
	case p.Annual():
		d = l.t("period.fy") + " " + d
	default:
		d = l.t("period.ttm") + " " + d
	}
	if s.Stale(p.End) {
		d = l.t("period.stale") + " " + d
	}
	return d
}

// metricText shows a metric value; ±Inf is the best value a debt-free or
// interest-free company gets (engine.NetDebtOverEBITDA,
// engine.EBITOverInterest) and is said in words.
func metricText(l lang, mt engine.Metric, v float64) string {
	if math.IsInf(v, 0) {
		return l.t("metric.best." + mt.Key())
	}
	return formatMetric(mt, v)
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
			// The panel is fixed in place: no scroll is needed, and in an
			// embed one would move the host page.
			b.Call("focus", map[string]any{"preventScroll": true})
		}
	})
}

func (d *stockDetail) onClose(ctx app.Context, e app.Event) {
	d.M.selectRow(-1)
}

// onCopyCard copies the embed code of this stock's card: the current
// screen (weights, filters) in embed mode with card= the ticker.
func (d *stockDetail) onCopyCard(ctx app.Context, e app.Event) {
	m := d.M
	st := ParseState(pageQuery()).ForEmbed()
	st.Card = m.snap.Ticker[m.selected]
	d.copied, d.manual = "", ""
	text := embedSnippet(pageURL(st.Query()), embedCardHeight, m.lang.t("embed.frame"))
	copyText(ctx, text, func(ctx app.Context, ok bool) {
		if ok {
			d.copied = m.lang.t("share.copied")
			return
		}
		d.copied, d.manual = m.lang.t("share.failed"), text
	})
}

// renderCompareButton adds the stock to the side-by-side comparison or
// takes it out; with MaxCompare picked, adding says the panel is full.
func (d *stockDetail) renderCompareButton(row int) app.UI {
	m := d.M
	l := m.lang
	in := m.isCompared(row)
	full := !in && len(m.compare) >= MaxCompare
	text := l.t("compare.add")
	switch {
	case in:
		text = l.t("compare.remove")
	case full:
		text = l.tf("compare.full", MaxCompare)
	}
	return app.Button().Type("button").ID("detail-compare").Class("secondary").
		Aria("pressed", in).Disabled(full).Text(text).
		OnClick(func(ctx app.Context, e app.Event) { m.toggleCompare(row) })
}
