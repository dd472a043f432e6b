package main

import (
	"math"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"screener/engine"
)

// comparePanel sets the picked stocks side by side: rank and score, each
// factor's percentile and its contribution to the composite, every
// metric's value and percentile, the best of each row marked. A pick the
// filters leave out keeps its raw values and says so.
type comparePanel struct {
	app.Compo

	M   *screenModel
	Rev int
}

func (p *comparePanel) Render() app.UI {
	m := p.M
	l := m.lang
	return app.Elem("aside").ID("compare-panel").Class("detail compare").Role("dialog").Aria("label", l.t("compare.title")).Body(
		app.Elem("header").Class("detail-head").Body(
			rawElem("h2", l.t("compare.title")),
			app.Button().Type("button").ID("compare-close").Class("close").Aria("label", l.t("detail.close")).Text("×").OnClick(p.onClose),
		),
		p.renderTable(m.comparedStocks()),
		rawElem("p", l.t("compare.note"), "class", "muted small"),
	)
}

// OnMount moves the focus into the panel, as the stock detail does.
func (p *comparePanel) OnMount(ctx app.Context) {
	ctx.Defer(func(app.Context) {
		if b := app.Window().GetElementByID("compare-close"); b.Truthy() {
			// The panel is fixed in place: no scroll is needed, and in an
			// embed one would move the host page.
			b.Call("focus", map[string]any{"preventScroll": true})
		}
	})
}

func (p *comparePanel) onClose(ctx app.Context, e app.Event) {
	p.M.showCompare(false)
	if b := app.Window().GetElementByID("compare-open"); b.Truthy() {
		b.Call("focus")
	}
}

func (p *comparePanel) renderTable(cs []comparedStock) app.UI {
	m := p.M
	l := m.lang
	s := m.snap
	var w htmlWriter
	w.WriteString(`<div class="table-wrap"><table class="metrics compare-table"><thead><tr><th></th>`)
	for _, c := range cs {
		w.open("th", "scope", "col", "class", "num", "data-ticker", s.Ticker[c.Row])
		w.elem("div", s.Ticker[c.Row], "class", "ticker")
		w.elem("div", s.Name[c.Row], "class", "muted company")
		w.close("th")
	}
	w.WriteString(`</tr></thead><tbody>`)
	row := func(label, key string, cells func(c comparedStock) (text string, score float64), heat bool) {
		w.open("tr", "data-row", key)
		w.elem("th", label, "scope", "row", "class", "txt")
		best := math.Inf(-1)
		for _, c := range cs {
			if _, v := cells(c); v > best {
				best = v
			}
		}
		for _, c := range cs {
			text, v := cells(c)
			class := "num"
			if heat {
				class += " " + heatClass(v)
			}
			if len(cs) > 1 && v == best && !math.IsInf(best, -1) {
				class += " best"
			}
			w.elem("td", text, "class", class)
		}
		w.close("tr")
	}
	row(l.t("compare.rank"), "rank", func(c comparedStock) (string, float64) {
		switch {
		case !c.Ranked:
			return l.t("compare.filtered"), math.NaN()
		case c.Rank == 0:
			return missingText, math.NaN()
		}
		return formatCount(c.Rank), -float64(c.Rank)
	}, false)
	row(l.t("compare.score"), "score", func(c comparedStock) (string, float64) { return formatFixed(c.Score, 1), c.Score }, true)
	row(l.t("col.mcap"), "mcap", func(c comparedStock) (string, float64) { return l.mcap(s.Mcap[c.Row]), math.NaN() }, false)
	row(l.t("col.sector"), "sector", func(c comparedStock) (string, float64) { return l.sector(sectorName(s, c.Row)), math.NaN() }, false)
	for f := engine.Factor(0); f < engine.NumFactors; f++ {
		w.WriteString(`<tr class="factor-row">`)
		w.elem("th", l.t("factor."+f.Key()), "scope", "rowgroup", "class", "txt", "colspan", itoa(len(cs)+1))
		w.WriteString(`</tr>`)
		row(l.t("compare.factorpct"), "pct-"+f.Key(), func(c comparedStock) (string, float64) {
			return formatFixed(c.FactorPct[f], 0), c.FactorPct[f]
		}, true)
		row(l.t("compare.contrib"), "contrib-"+f.Key(), func(c comparedStock) (string, float64) {
			return formatSigned(c.Contrib[f], 2, ""), c.Contrib[f]
		}, false)
		for _, mt := range engine.FactorMetrics(f) {
			row(l.t("metric."+mt.Key()), mt.Key(), func(c comparedStock) (string, float64) {
				return metricText(l, mt, c.MetricValue[mt]) + " · " + formatFixed(c.MetricPct[mt], 0), c.MetricPct[mt]
			}, false)
		}
	}
	w.WriteString(`</tbody></table></div>`)
	return w.UI()
}
