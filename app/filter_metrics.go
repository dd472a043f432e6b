package main

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"screener/engine"
)

// metricFilters bounds any metric: a value in its own unit (P/E ≤ 15,
// ROE ≥ 10%) or any metric's percentile (0..100). Only the filters in use
// are shown, each as a min–max row; "Add a filter" adds one. Rows hold
// text inputs applied on change; a number that does not parse is named
// under its row and changes nothing.
type metricFilters struct {
	app.Compo

	M    *screenModel
	Opts engine.Options
	Lang lang

	bad string // the input whose last value did not parse
}

// filterRow is one row's identity: a value field (kind 'v') or a
// metric's percentile (kind 'p').
type filterRow struct {
	kind byte
	k    int
}

func (r filterRow) id() string {
	if r.kind == 'v' {
		return "v." + engine.Field(r.k).Key()
	}
	return "p." + engine.Metric(r.k).Key()
}

// domID is the row's part of element ids ("v-pe"): ids without dots, so
// CSS selectors need no escaping.
func (r filterRow) domID() string { return strings.Replace(r.id(), ".", "-", 1) }

func parseFilterRow(id string) (filterRow, bool) {
	kind, key, _ := strings.Cut(id, ".")
	switch kind {
	case "v":
		f, ok := engine.ParseField(key)
		return filterRow{'v', int(f)}, ok
	case "p":
		m, ok := engine.ParseMetric(key)
		return filterRow{'p', int(m)}, ok
	}
	return filterRow{}, false
}

func (r filterRow) bound(o *engine.Options) *engine.Bound {
	if r.kind == 'v' {
		return &o.Values[r.k]
	}
	return &o.Pcts[r.k]
}

// label names the row: "P/E", "ROE (percentile)".
func (r filterRow) label(l lang) string {
	if r.kind == 'v' {
		return l.t("flt." + engine.Field(r.k).Key())
	}
	return l.tf("flt.pct", l.t("metric."+engine.Metric(r.k).Key()))
}

// scale is the factor between the engine's value and what the user types:
// fractions are typed in percent.
func (r filterRow) scale() float64 {
	if r.kind == 'v' && engine.Field(r.k).Fraction() {
		return 100
	}
	return 1
}

// unit is shown after the inputs.
func (r filterRow) unit() string {
	switch {
	case r.kind == 'p': // the label says "percentile"
		return ""
	case r.scale() == 100:
		return "%"
	case engine.Field(r.k) == engine.FieldPrice:
		return "$"
	}
	return "" // a ratio: P/E 15
}

// rows lists the rows shown: every active bound, then the added ones.
func (c *metricFilters) rows() []filterRow {
	var out []filterRow
	o := c.M.opts
	for k, b := range o.Values {
		if b.Active() {
			out = append(out, filterRow{'v', k})
		}
	}
	for k, b := range o.Pcts {
		if b.Active() {
			out = append(out, filterRow{'p', k})
		}
	}
	for _, id := range c.M.filterRows {
		if r, ok := parseFilterRow(id); ok && !r.bound(&o).Active() {
			out = append(out, r)
		}
	}
	return out
}

func (c *metricFilters) Render() app.UI {
	l := c.Lang
	rows := c.rows()
	body := []app.UI{rawElem("span", l.t("flt.title"), "class", "field-label", "id", "mf-title")}
	for _, r := range rows {
		body = append(body, c.renderRow(r))
	}
	body = append(body, divClass("mf-add").OnChange(c.onAdd).Body(c.addSelect(rows)))
	return divClass("field metric-filters").ID("metric-filters").Body(body...)
}

// renderRow is "label [min] – [max] unit ×" with an error line when the
// last input did not parse.
func (c *metricFilters) renderRow(r filterRow) app.UI {
	l := c.Lang
	o := c.M.opts
	b := *r.bound(&o)
	id := r.domID()
	label := r.label(l)
	input := func(side, sideLabel string, x float64, has bool) app.UI {
		v := ""
		if has {
			v = formatBoundNumber(x * r.scale())
		}
		inputID := "mf-" + id + "-" + side
		return app.Input().Type("text").ID(inputID).Class("mf-input").Attr("inputmode", "decimal").
			Placeholder(sideLabel).Aria("label", label+" "+sideLabel).
			Aria("invalid", c.bad == inputID).Value(v).
			OnChange(func(ctx app.Context, e app.Event) { c.onBound(ctx, r, side, inputID) }, app.EventScope(inputID))
	}
	parts := []app.UI{
		rawElem("span", label, "class", "mf-label"),
		input("min", l.t("flt.min"), b.Min, b.HasMin),
		rawElem("span", "–", "aria-hidden", "true"),
		input("max", l.t("flt.max"), b.Max, b.HasMax),
		rawElem("span", r.unit(), "class", "mf-unit muted", "aria-hidden", "true"),
		app.Button().Type("button").Class("mf-remove").Aria("label", l.tf("flt.remove", label)).Text("×").
			OnClick(func(ctx app.Context, e app.Event) { c.onRemove(r) }, app.EventScope("rm-"+id)),
	}
	if strings.HasPrefix(c.bad, "mf-"+id+"-") {
		parts = append(parts, rawElem("span", l.t("flt.bad"), "class", "mf-error", "role", "alert"))
	}
	return divClass("mf-row").DataSet("filter", r.id()).Body(parts...)
}

// addSelect offers every value field and metric percentile not shown,
// as one HTML string (a delegated change handler reads the choice): 31
// go-app option elements slowed the screener's first render.
func (c *metricFilters) addSelect(shown []filterRow) app.UI {
	l := c.Lang
	var w htmlWriter
	w.WriteString(`<select id="mf-add">`)
	w.elem("option", l.t("flt.add"), "value", "")
	group := func(label string, kind byte, n int) {
		w.open("optgroup", "label", label)
		for k := 0; k < n; k++ {
			r := filterRow{kind, k}
			if !slices.Contains(shown, r) {
				w.elem("option", r.label(l), "value", r.id())
			}
		}
		w.close("optgroup")
	}
	group(l.t("flt.group.values"), 'v', int(engine.NumFields))
	group(l.t("flt.group.pcts"), 'p', engine.NumMetrics)
	w.WriteString(`</select>`)
	return w.UI()
}

func (c *metricFilters) onAdd(ctx app.Context, e app.Event) {
	sel := e.Get("target")
	id := sel.Get("value").String()
	sel.Set("value", "")
	if _, ok := parseFilterRow(id); !ok {
		return
	}
	if !slices.Contains(c.M.filterRows, id) {
		c.M.filterRows = append(c.M.filterRows, id)
	}
	ctx.Defer(func(app.Context) {
		if el := app.Window().GetElementByID("mf-" + strings.Replace(id, ".", "-", 1) + "-min"); el.Truthy() {
			el.Call("focus")
		}
	})
}

func (c *metricFilters) onBound(ctx app.Context, r filterRow, side, inputID string) {
	text := ctx.JSSrc().Get("value").String()
	x, has, ok := parseTypedBound(text, r.scale())
	if !ok {
		c.bad = inputID
		return
	}
	c.bad = ""
	o := c.M.opts
	b := r.bound(&o)
	if side == "min" {
		b.Min, b.HasMin = x, has
	} else {
		b.Max, b.HasMax = x, has
	}
	*b = normalizeBound(*b, r.kind == 'p')
	if id := r.id(); !b.Active() && !slices.Contains(c.M.filterRows, id) {
		c.M.filterRows = append(c.M.filterRows, id) // keep the emptied row on screen
	}
	c.M.setOptions(o)
}

func (c *metricFilters) onRemove(r filterRow) {
	id := r.id()
	kept := c.M.filterRows[:0]
	for _, a := range c.M.filterRows {
		if a != id {
			kept = append(kept, a)
		}
	}
	c.M.filterRows, c.bad = kept, ""
	o := c.M.opts
	*r.bound(&o) = engine.Bound{}
	c.M.setOptions(o)
}

// parseTypedBound reads what a user typed into a bound: "" clears the
// side; a decimal with "." or "," as the separator, an optional "%" and
// spaces, divided by scale (fractions are typed in percent).
func parseTypedBound(text string, scale float64) (x float64, has, ok bool) {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text), "%"))
	if t == "" {
		return 0, false, true
	}
	t = strings.ReplaceAll(strings.ReplaceAll(t, ",", "."), "−", "-")
	for i, r := range t {
		if !(r >= '0' && r <= '9' || r == '.' || r == '-' && i == 0) {
			return 0, false, false
		}
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.Abs(v) > engine.MaxFilterValue {
		return 0, false, false
	}
	return v / scale, true, true
}

// formatBoundNumber shows a bound without float noise (10, not
// 10.000000000000002).
func formatBoundNumber(x float64) string {
	return strconv.FormatFloat(x, 'g', 10, 64)
}

// boundText words a bound for a sentence: "P/E ≤ 15", "ROE ≥ 10%",
// "2 ≤ P/E ≤ 15".
func boundText(l lang, r filterRow, b engine.Bound) string {
	unit := r.unit()
	n := func(x float64) string { return fieldNumber(r, unit, x) }
	name := r.label(l)
	switch {
	case b.HasMin && b.HasMax:
		return n(b.Min) + " ≤ " + name + " ≤ " + n(b.Max)
	case b.HasMin:
		return name + " ≥ " + n(b.Min)
	}
	return name + " ≤ " + n(b.Max)
}

// fieldNumber writes x in the row's display unit: "10%" for a fraction
// 0.1, "$12.5" for a price, "15" for a ratio or a percentile.
func fieldNumber(r filterRow, unit string, x float64) string {
	if unit == "$" {
		return "$" + formatBoundNumber(x)
	}
	return formatBoundNumber(x*r.scale()) + unit
}
