package main

import (
	"math"
	"strings"
	"time"

	"screener/engine"
)

// etfGrowthChart draws growth of 10,000 (engine.GrowthOf) for every
// selected fund as an inline SVG line chart on month-end closes: one
// colour per fund (the same colour as its sector bars), a legend with the
// end value, year ticks on the x axis and value ticks on the y axis. A
// fund that started after the chosen month starts at 10,000 on its first
// close, and the legend says so.
type etfGrowthChart struct {
	Lang lang
	C    *etfComparison
}

const (
	etfChartWide, etfChartNarrow         = 760.0, 400.0
	etfChartH                            = 300.0
	etfChartL, etfChartR                 = 62.0, 14.0
	etfChartT, etfChartB                 = 12.0, 28.0
	etfChartAmount               float64 = 10000
)

// write writes the chart and its legend.
func (g *etfGrowthChart) write(w *htmlWriter) {
	l, c := g.Lang, g.C
	// The x axis runs from the start month to the latest close shown.
	t0, t1 := c.Start, c.Start
	lo, hi := etfChartAmount, etfChartAmount
	for _, fv := range c.Funds {
		for _, p := range fv.Price.Growth {
			lo, hi = math.Min(lo, p.Value), math.Max(hi, p.Value)
			if p.Date.After(t1) {
				t1 = p.Date
			}
		}
	}
	if !t1.After(t0) {
		t1 = t0.AddDate(0, 1, 0)
	}
	ticks := niceTicks(lo, hi, 5)
	ylo, yhi := math.Min(lo, ticks[0]), math.Max(hi, ticks[len(ticks)-1])
	// A narrower viewBox on phones keeps the axis text legible.
	chartW := etfChartWide
	if narrowScreen() {
		chartW = etfChartNarrow
	}
	pw, ph := chartW-etfChartL-etfChartR, etfChartH-etfChartT-etfChartB
	x := func(t time.Time) float64 {
		return etfChartL + pw*float64(t.Sub(t0))/float64(t1.Sub(t0))
	}
	y := func(v float64) float64 { return etfChartT + ph*(1-(v-ylo)/(yhi-ylo)) }

	w.open("div", "class", "etf-chart")
	w.open("svg", "id", "etf-growth", "viewBox", "0 0 "+fmtf(chartW)+" "+fmtf(etfChartH), "role", "img",
		"aria-labelledby", "etf-chart-title etf-chart-desc", "preserveAspectRatio", "xMidYMid meet")
	w.elem("title", l.tf("etf.growth.title", monthLabel(c.Start), monthLabel(c.AsOf)), "id", "etf-chart-title")
	w.elem("desc", g.describe(), "id", "etf-chart-desc")
	xl, xr := fmtf(etfChartL), fmtf(chartW-etfChartR)
	for _, v := range ticks {
		yy := fmtf(y(v))
		w.void("line", "class", "etf-grid", "x1", xl, "x2", xr, "y1", yy, "y2", yy)
		w.elem("text", formatThousands(v), "class", "etf-axis", "x", fmtf(etfChartL-6), "y", yy,
			"text-anchor", "end", "dominant-baseline", "middle")
	}
	years := t1.Year() - t0.Year()
	step := max(1, int(math.Ceil(float64(years+1)/(chartW/95))))
	for yr := t0.Year() + 1; yr <= t1.Year(); yr++ {
		if (yr-t0.Year()-1)%step != 0 {
			continue
		}
		xx := fmtf(x(time.Date(yr, 1, 1, 0, 0, 0, 0, time.UTC)))
		w.void("line", "class", "etf-tick", "x1", xx, "x2", xx,
			"y1", fmtf(etfChartH-etfChartB), "y2", fmtf(etfChartH-etfChartB+4))
		w.elem("text", itoa(yr), "class", "etf-axis", "x", xx, "y", fmtf(etfChartH-8), "text-anchor", "middle")
	}
	yb := fmtf(y(etfChartAmount))
	w.void("line", "class", "etf-base", "x1", xl, "x2", xr, "y1", yb, "y2", yb)
	for i, fv := range c.Funds {
		if len(fv.Price.Growth) < 2 {
			continue
		}
		var b strings.Builder
		for k, p := range fv.Price.Growth {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(fmtf(x(p.Date)) + "," + fmtf(y(p.Value)))
		}
		w.void("polyline", "class", "etf-line etf-c"+itoa(i), "points", b.String(), "data-fund", fv.Fund.Ticker)
	}
	w.close("svg")
	w.open("ul", "class", "etf-legend")
	for i, fv := range c.Funds {
		gr := fv.Price.Growth
		w.open("li")
		w.void("span", "class", "etf-swatch etf-c"+itoa(i), "aria-hidden", "true")
		w.elem("strong", fv.Fund.Ticker)
		if len(gr) == 0 {
			w.elem("span", " "+l.t("etf.noprices"), "class", "muted")
		} else {
			extra := ""
			if engine.MonthOf(gr[0].Date) > engine.MonthOf(c.Start) {
				extra = " " + l.tf("etf.growth.from", monthLabel(gr[0].Date))
			}
			w.elem("span", " "+formatThousands(gr[len(gr)-1].Value)+extra)
		}
		w.close("li")
	}
	w.close("ul")
	w.close("div")
}

// describe is the chart's text equivalent: each fund's end value.
func (g *etfGrowthChart) describe() string {
	var parts []string
	for _, fv := range g.C.Funds {
		if gr := fv.Price.Growth; len(gr) > 0 {
			parts = append(parts, fv.Fund.Ticker+" "+formatThousands(gr[len(gr)-1].Value))
		}
	}
	return strings.Join(parts, "; ")
}
