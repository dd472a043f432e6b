package main

import (
	"strconv"
	"strings"

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

	M    *screenModel
	Opts engine.Options
	Lang lang // re-render on a language switch

	mcapBad string // the free market-cap field whose value did not parse
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
	// Table-driven: one call site per kind of control keeps the wasm small.
	body := []app.UI{
		app.Elem("summary").Body(rawElem("h2", l.t("filters.title"))),
		labelledSelect(l.t("filters.index"), "f-index", p.onIndex, p.indexOptions()),
		p.sectorChecks(m.snap.Sectors),
		divClass("field mcap").Body(
			rawElem("span", l.t("filters.mcap"), "class", "field-label", "id", "f-mcap-label"),
			p.mcapSelect("f-mcap-min", l.t("filters.mcap.min"), o.MinMcap, p.onMinMcap),
			p.mcapSelect("f-mcap-max", l.t("filters.mcap.max"), o.MaxMcap, p.onMaxMcap),
			p.mcapFree(),
		),
		&metricFilters{M: m, Opts: o, Lang: l},
		labelledSelect(l.t("filters.coverage"), "f-coverage", p.onCoverage, p.coverageOptions()),
		labelledSelect(l.t("filters.missing"), "f-missing", p.onMissing, p.missingOptions()),
		rawElem("p", l.t("filters.missing.note."+o.Missing.Key()), "class", "muted small field-note", "id", "f-missing-note"),
	}
	checks := [...]struct {
		id, label string
		on        bool
		set       func(*engine.Options, bool)
	}{
		{"f-profitable", l.t("filters.profitable"), o.ProfitableOnly, func(o *engine.Options, v bool) { o.ProfitableOnly = v }},
		{"f-neutral", l.t("filters.sectorneutral"), o.SectorNeutral, func(o *engine.Options, v bool) { o.SectorNeutral = v }},
		{"f-exclfin", l.t("filters.exclfin"), o.ExcludeFinancials, func(o *engine.Options, v bool) { o.ExcludeFinancials = v }},
	}
	for _, c := range checks {
		body = append(body, p.checkbox(c.id, c.label, c.on, c.set))
	}
	if o != (engine.Options{MinCoverage: engine.DefaultMinCoverage}) {
		body = append(body, app.Button().Type("button").Class("link reset").Text(l.t("filters.reset")).OnClick(p.onReset))
	}
	// A details element: folded by default on phones so that the table
	// follows the sliders; the browser keeps the user's open/closed choice
	// because the rendered value never changes afterwards.
	return app.Elem("details").Class("group filters").Attr("open", m.filtersOpen).Body(body...)
}

// labelledSelect is one "field" row: a label and its select.
//
//go:noinline
func labelledSelect(label, id string, h app.EventHandler, opts []app.UI) app.UI {
	return divClass("field").Body(rawElem("label", label, "for", id), selectElem(id, h, opts))
}

// selectElem is a select firing h on change (app.Elem: no go-app select
// type of its own, ~14 KB of wasm).
//
//go:noinline
func selectElem(id string, h app.EventHandler, opts []app.UI) app.UI {
	return app.Elem("select").ID(id).OnChange(h).Body(opts...)
}

// selectOptions builds a select's options from parallel value and label
// lists: one element chain for every select of the panel, which keeps the
// wasm small.
//
//go:noinline
func selectOptions(values, labels []string, selected int) []app.UI {
	opts := make([]app.UI, len(values))
	for i, v := range values {
		opts[i] = app.Elem("option").Attr("value", v).Attr("selected", i == selected).Text(labels[i])
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

func (p *filterPanel) coverageOptions() []app.UI {
	l, sel := p.M.lang, -1
	var vals, labels []string
	for i, k := range coverageChoices {
		ks := itoa(k)
		vals, labels = append(vals, ks), append(labels, l.t("filters.coverage."+ks))
		if p.M.opts.MinCoverage == k {
			sel = i
		}
	}
	return selectOptions(vals, labels, sel)
}

func (p *filterPanel) missingOptions() []app.UI {
	l := p.M.lang
	var vals, labels []string
	for r := engine.MissingRule(0); r < engine.NumMissingRules; r++ {
		vals, labels = append(vals, r.Key()), append(labels, l.t("filters.missing."+r.Key()))
	}
	return selectOptions(vals, labels, int(p.M.opts.Missing))
}

func (p *filterPanel) onMissing(ctx app.Context, e app.Event) {
	if r, ok := engine.ParseMissingRule(ctx.JSSrc().Get("value").String()); ok {
		p.M.setMissing(r)
	}
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
	if sel < 0 { // a bound typed in the free fields: shown, not offered
		vals, labels, sel = append(vals, "custom"), append(labels, l.mcap(value)), len(vals)
	}
	return selectOptions(vals, labels, sel)
}

func (p *filterPanel) mcapSelect(id, label string, value float64, h app.EventHandler) app.UI {
	return app.Label().Class("inline").For(id).Body(
		rawElem("span", label),
		selectElem(id, h, p.mcapOptions(value)),
	)
}

func (p *filterPanel) checkbox(id, label string, checked bool, set func(*engine.Options, bool)) app.UI {
	return divClass("check").Body(
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
	p.M.filterRows = nil
	p.M.setOptions(engine.Options{MinCoverage: engine.DefaultMinCoverage})
}

// sectorChecks is the sector filter: a disclosure whose summary names the
// selection and whose checkboxes pick any number of sectors (none = every
// sector). The URL keeps them as GICS slugs (sec=health.tech), the form a
// single-sector link already had.
func (p *filterPanel) sectorChecks(sectors []string) app.UI {
	l := p.M.lang
	mask := p.M.opts.Sectors
	var picked []string
	// The boxes are one HTML string with one delegated change handler: a
	// go-app element chain per box made the first render of the screener
	// measurably slower.
	var w htmlWriter
	w.WriteString(`<div class="sector-boxes">`)
	for i, name := range sectors {
		if i >= 32 {
			break
		}
		on := mask&(1<<uint(i)) != 0
		checked := ""
		if on {
			picked = append(picked, l.sector(name))
			checked = " checked"
		}
		id := "f-sec-" + itoa(i)
		w.WriteString(`<div class="check"><input type="checkbox" id="` + id + `" data-bit="` + itoa(i) + `"` + checked + `>`)
		w.elem("label", l.sector(name), "for", id)
		w.WriteString(`</div>`)
	}
	w.WriteString(`</div>`)
	summary := l.t("filters.sector.all")
	switch {
	case len(picked) > 2:
		summary = l.tf("filters.sector.n", len(picked))
	case len(picked) > 0:
		summary = strings.Join(picked, l.t("list.sep"))
	}
	return divClass("field").Body(
		rawElem("span", l.t("filters.sector"), "class", "field-label", "id", "f-sector-label"),
		app.Elem("details").ID("f-sector").Class("sector-picker").Body(
			app.Elem("summary").Aria("describedby", "f-sector-label").Text(summary),
			app.Div().OnChange(p.onSectorBox).Body(w.UI()),
		),
	)
}

// onSectorBox adds or removes the sector of the box that changed.
func (p *filterPanel) onSectorBox(ctx app.Context, e app.Event) {
	t := e.Get("target")
	bit, err := strconv.Atoi(t.Get("dataset").Get("bit").String())
	if err != nil || bit < 0 || bit >= 32 || bit >= len(p.M.snap.Sectors) {
		ctx.PreventUpdate()
		return
	}
	o := p.M.opts
	if t.Get("checked").Bool() {
		o.Sectors |= 1 << uint(bit)
	} else {
		o.Sectors &^= 1 << uint(bit)
	}
	p.M.setOptions(o)
}

// mcapFree offers market-cap bounds of any size, typed in USD millions,
// beside the steps of the selects.
func (p *filterPanel) mcapFree() app.UI {
	l := p.M.lang
	o := p.M.opts
	field := func(id, label string, v float64, set func(*engine.Options, float64)) app.UI {
		value := ""
		if v > 0 {
			value = formatBoundNumber(v)
		}
		return app.Label().Class("inline").For(id).Body(
			rawElem("span", label),
			app.Input().Type("text").ID(id).Class("mf-input").Attr("inputmode", "numeric").Placeholder("$M").
				Aria("invalid", p.mcapBad == id).Value(value).OnChange(func(ctx app.Context, e app.Event) {
				x, has, ok := parseTypedBound(ctx.JSSrc().Get("value").String(), 1)
				if !ok || has && !(x > 0) {
					p.mcapBad = id
					return
				}
				p.mcapBad = ""
				o := p.M.opts
				set(&o, mcapBound(x))
				if o.MinMcap > 0 && o.MaxMcap > 0 && o.MinMcap > o.MaxMcap {
					o.MinMcap, o.MaxMcap = o.MaxMcap, o.MinMcap
				}
				p.M.setOptions(o)
			}, app.EventScope(id)),
		)
	}
	return divClass("mcap-free").Body(
		field("f-mcap-min-free", l.t("filters.mcap.minfree"), o.MinMcap, func(o *engine.Options, x float64) { o.MinMcap = x }),
		field("f-mcap-max-free", l.t("filters.mcap.maxfree"), o.MaxMcap, func(o *engine.Options, x float64) { o.MaxMcap = x }),
	)
}
