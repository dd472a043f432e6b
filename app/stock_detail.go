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
	return app.Aside().ID("stock-detail").Class("detail").Role("dialog").Aria("label", s.Ticker[row]+" "+s.Name[row]).DataSet("ticker", s.Ticker[row]).Body(
		app.Header().Class("detail-head").Body(
			app.Div().Body(
				app.H2().Body(
					app.Span().Class("ticker").Text(s.Ticker[row]),
					app.Text(" "),
					app.Span().Class("company").Text(s.Name[row]),
				),
				app.P().Class("muted").Text(l.sector(sectorName(s, row))+" · "+l.mcap(s.Mcap[row])+" · "+l.t("detail.price")+" "+formatPrice(s.Price[row])),
			),
			app.Button().Type("button").ID("detail-close").Class("close").Aria("label", l.t("detail.close")).Text("×").OnClick(d.onClose),
		),
		app.P().Class("detail-rank").Text(l.tf("detail.rank", rank, formatCount(len(sc.Members)), formatPercentile(sc.CompositePct[j], 1))),
		app.P().Class("muted small").Text(l.t("detail.index")+": IWM "+weightText(l, s.IWM[row])+" · IJR "+weightText(l, s.IJR[row])),
		app.H3().Text(l.t("detail.why")),
		&contribChart{Lang: l, Values: contrib},
		app.P().Class("muted small").Text(l.t("detail.why.note")),
		app.H3().Text(l.t("detail.metrics")),
		d.renderMetrics(j, row),
	)
}

func (d *stockDetail) renderMetrics(j, row int) app.UI {
	m := d.M
	l := m.lang
	sc := m.screen
	var body []app.UI
	for f := engine.Factor(0); f < engine.NumFactors; f++ {
		body = append(body, app.Tr().Class("factor-row").Body(
			app.Th().Scope("rowgroup").Class("txt").Text(l.t("factor."+f.Key())),
			app.Td(),
			app.Td().Class("num").Text(formatPercentile(sc.FactorPct[f][j], 0)),
			app.Td().ColSpan(2),
		))
		for _, mt := range engine.FactorMetrics(f) {
			body = append(body, d.renderMetricRow(mt, j, row))
		}
	}
	return app.Div().Class("table-wrap").Body(app.Table().Class("metrics").Body(
		app.THead().Body(app.Tr().Body(
			app.Th().Scope("col").Class("txt").Text(l.t("detail.metric")),
			app.Th().Scope("col").Class("num").Text(l.t("detail.value")),
			app.Th().Scope("col").Class("num").Title(l.t("detail.pct.title")).Text(l.t("detail.pct")),
			app.Th().Scope("col").Class("num").Text(l.t("detail.period")),
			app.Th().Scope("col").Class("num").Text(l.t("detail.published")),
		)),
		app.TBody().Body(body...),
	))
}

// renderMetricRow shows one metric: its value and percentile, and for each
// distinct input block the fiscal period end and publish date, with the
// data source under the metric's name.
func (d *stockDetail) renderMetricRow(mt engine.Metric, j, row int) app.UI {
	m := d.M
	l := m.lang
	s := m.snap
	v := m.metrics.Value[mt][row]
	pct := m.screen.MetricPct[mt][j]
	var ends, pubs []app.UI
	var sources []string
	for _, p := range inputPeriods(s, mt, row) {
		title := l.t(blockKey(p.Block))
		end, pub, src := engine.FormatDate(p.End), engine.FormatDate(p.Pub), l.source(p.Source)
		if p.Block == engine.BlockMarket {
			end, pub, src = s.AsOf, s.AsOf, l.t("detail.source.prices")
		}
		ends = append(ends, app.Div().Title(title).Text(orMissing(end)))
		pubs = append(pubs, app.Div().Title(title).Text(orMissing(pub)))
		if src = orMissing(src); !slices.Contains(sources, src) {
			sources = append(sources, src)
		}
	}
	return app.Tr().DataSet("metric", mt.Key()).Body(
		app.Td().Class("txt").Body(
			app.Div().Text(l.t("metric."+mt.Key())),
			app.Div().Class("muted source").Text(l.t("detail.source")+": "+strings.Join(sources, ", ")),
		),
		app.Td().Class("num").Text(formatMetric(mt, v)),
		app.Td().Class("num "+heatClass(pct)).Text(formatPercentile(pct, 0)),
		app.Td().Class("num").Body(ends...),
		app.Td().Class("num").Body(pubs...),
	)
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
