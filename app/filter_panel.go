package main

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"screener/engine"
)

// mcapSteps are the market-cap bounds offered, in USD millions (0 = no
// bound): small caps span roughly 0.1–10 B.
var mcapSteps = []float64{0, 100, 300, 1000, 2000, 5000, 10000}

// indexChoices lists the fund-membership filter values in display order.
var indexChoices = []struct {
	Index engine.Index
	Key   string
}{
	{engine.IndexAny, "any"},
	{engine.IndexIWM, "iwm"},
	{engine.IndexIJR, "ijr"},
	{engine.IndexBoth, "both"},
}

// filterPanel holds the universe filters and ranking options; any change
// recomputes the percentiles over the new universe (engine.NewScreen).
type filterPanel struct {
	app.Compo

	M           *screenModel
	Opts        engine.Options
	MinCoverage int
	Lang        lang // re-render on a language switch
}

// coverageChoices are the minimum numbers of factors offered.
var coverageChoices = []int{0, 3, 4, 5, 6}

func (p *filterPanel) onCoverage(ctx app.Context, e app.Event) {
	k, err := strconv.Atoi(ctx.JSSrc().Get("value").String())
	if err != nil || k < 0 || k > engine.NumFactors {
		return
	}
	p.M.setMinCoverage(k)
}

func (p *filterPanel) Render() app.UI {
	m := p.M
	l := m.lang
	o := m.opts
	sectors := m.snap.Sectors
	// A details element: folded by default on phones so that the table
	// follows the sliders; the browser keeps the user's open/closed choice
	// because the rendered value never changes afterwards.
	return app.Details().Class("group filters").Open(m.filtersOpen).Body(
		app.Summary().Body(rawElem("h2", l.t("filters.title"))),
		app.Div().Class("field").Body(
			rawElem("label", l.t("filters.index"), "for", "f-index"),
			app.Select().ID("f-index").OnChange(p.onIndex).Body(p.indexOptions()...),
		),
		app.Div().Class("field").Body(
			rawElem("label", l.t("filters.sector"), "for", "f-sector"),
			app.Select().ID("f-sector").OnChange(p.onSector).Body(p.sectorOptions(sectors)...),
		),
		app.Div().Class("field mcap").Body(
			rawElem("span", l.t("filters.mcap"), "class", "field-label", "id", "f-mcap-label"),
			p.mcapSelect("f-mcap-min", l.t("filters.mcap.min"), o.MinMcap, p.onMinMcap),
			p.mcapSelect("f-mcap-max", l.t("filters.mcap.max"), o.MaxMcap, p.onMaxMcap),
		),
		app.Div().Class("field").Body(
			rawElem("label", l.t("filters.coverage"), "for", "f-coverage"),
			app.Select().ID("f-coverage").OnChange(p.onCoverage).Body(p.coverageOptions()...),
		),
		p.checkbox("f-profitable", l.t("filters.profitable"), o.ProfitableOnly, func(o *engine.Options, v bool) { o.ProfitableOnly = v }),
		p.checkbox("f-neutral", l.t("filters.sectorneutral"), o.SectorNeutral, func(o *engine.Options, v bool) { o.SectorNeutral = v }),
		p.checkbox("f-exclfin", l.t("filters.exclfin"), o.ExcludeFinancials, func(o *engine.Options, v bool) { o.ExcludeFinancials = v }),
		app.If(o != (engine.Options{}) || p.MinCoverage != defaultMinCoverage, func() app.UI {
			return app.Button().Type("button").Class("link reset").Text(l.t("filters.reset")).OnClick(p.onReset)
		}),
	)
}

// selectOptions builds a select's options from parallel value and label
// lists: one element chain for every select of the panel, which keeps the
// wasm small.
//
//go:noinline
func selectOptions(values, labels []string, selected int) []app.UI {
	opts := make([]app.UI, len(values))
	for i, v := range values {
		opts[i] = app.Option().Value(v).Selected(i == selected).Text(labels[i])
	}
	return opts
}

func (p *filterPanel) indexOptions() []app.UI {
	l, sel := p.M.lang, -1
	var vals, labels []string
	for i, c := range indexChoices {
		vals, labels = append(vals, c.Key), append(labels, l.t("filters.index."+c.Key))
		if p.M.opts.Index == c.Index {
			sel = i
		}
	}
	return selectOptions(vals, labels, sel)
}

func (p *filterPanel) sectorOptions(sectors []string) []app.UI {
	l, sel := p.M.lang, -1
	vals, labels := []string{"-1"}, []string{l.t("filters.sector.all")}
	if p.M.opts.Sectors == 0 {
		sel = 0
	}
	for i, name := range sectors {
		vals, labels = append(vals, strconv.Itoa(i)), append(labels, l.sector(name))
		if p.M.opts.Sectors == 1<<uint(i) {
			sel = i + 1
		}
	}
	return selectOptions(vals, labels, sel)
}

func (p *filterPanel) coverageOptions() []app.UI {
	l, sel := p.M.lang, -1
	var vals, labels []string
	for i, k := range coverageChoices {
		ks := strconv.Itoa(k)
		vals, labels = append(vals, ks), append(labels, l.t("filters.coverage."+ks))
		if p.MinCoverage == k {
			sel = i
		}
	}
	return selectOptions(vals, labels, sel)
}

func (p *filterPanel) mcapOptions(value float64) []app.UI {
	l, sel := p.M.lang, -1
	var vals, labels []string
	for i, v := range mcapSteps {
		text := l.t("filters.mcap.none")
		if v > 0 {
			text = l.mcap(v)
		}
		vals, labels = append(vals, strconv.FormatFloat(v, 'f', -1, 64)), append(labels, text)
		if value == v {
			sel = i
		}
	}
	return selectOptions(vals, labels, sel)
}

func (p *filterPanel) mcapSelect(id, label string, value float64, h app.EventHandler) app.UI {
	return app.Label().Class("inline").For(id).Body(
		rawElem("span", label),
		app.Select().ID(id).OnChange(h).Body(p.mcapOptions(value)...),
	)
}

func (p *filterPanel) checkbox(id, label string, checked bool, set func(*engine.Options, bool)) app.UI {
	return app.Div().Class("check").Body(
		app.Input().Type("checkbox").ID(id).Checked(checked).OnChange(func(ctx app.Context, e app.Event) {
			o := p.M.opts
			set(&o, ctx.JSSrc().Get("checked").Bool())
			p.M.setOptions(o)
		}, app.EventScope(id)),
		rawElem("label", label, "for", id),
	)
}

func (p *filterPanel) onIndex(ctx app.Context, e app.Event) {
	v := ctx.JSSrc().Get("value").String()
	for _, c := range indexChoices {
		if c.Key == v {
			o := p.M.opts
			o.Index = c.Index
			p.M.setOptions(o)
		}
	}
}

func (p *filterPanel) onSector(ctx app.Context, e app.Event) {
	k, err := strconv.Atoi(ctx.JSSrc().Get("value").String())
	if err != nil || k >= len(p.M.snap.Sectors) || k >= 32 {
		return
	}
	o := p.M.opts
	o.Sectors = 0
	if k >= 0 {
		o.Sectors = 1 << uint(k)
	}
	p.M.setOptions(o)
}

// parseMcap reads a market-cap bound from a select; only offered steps count.
func parseMcap(s string) (float64, bool) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	for _, step := range mcapSteps {
		if v == step {
			return v, true
		}
	}
	return 0, false
}

func (p *filterPanel) onMinMcap(ctx app.Context, e app.Event) {
	if v, ok := parseMcap(ctx.JSSrc().Get("value").String()); ok {
		o := p.M.opts
		o.MinMcap = v
		p.M.setOptions(o)
	}
}

func (p *filterPanel) onMaxMcap(ctx app.Context, e app.Event) {
	if v, ok := parseMcap(ctx.JSSrc().Get("value").String()); ok {
		o := p.M.opts
		o.MaxMcap = v
		p.M.setOptions(o)
	}
}

func (p *filterPanel) onReset(ctx app.Context, e app.Event) {
	p.M.minCoverage = defaultMinCoverage
	p.M.setOptions(engine.Options{})
}
