package main

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"screener/engine"
)

// etfGrowthChart draws growth of 10,000 (engine.GrowthOf) for every
// selected fund as an inline SVG line chart on month-end closes: one
// colour per fund (the same colour as its sector bars), a legend with the
// end value, year ticks on the x axis and value ticks on the y axis. A
// fund that started after the chosen month starts at 10,000 on its first
// close, and the legend says so.
type etfGrowthChart struct {
	app.Compo

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

func (g *etfGrowthChart) Render() app.UI {
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

	kids := []app.UI{
		svgEl("title").ID("etf-chart-title").Text(l.tf("etf.growth.title", monthLabel(c.Start), monthLabel(c.AsOf))),
		svgEl("desc").ID("etf-chart-desc").Text(g.describe()),
	}
	for _, v := range ticks {
		yy := fmtf(y(v))
		kids = append(kids,
			svgEl("line").Attr("class", "etf-grid").Attr("x1", fmtf(etfChartL)).Attr("x2", fmtf(chartW-etfChartR)).Attr("y1", yy).Attr("y2", yy),
			svgEl("text").Attr("class", "etf-axis").Attr("x", fmtf(etfChartL-6)).Attr("y", yy).
				Attr("text-anchor", "end").Attr("dominant-baseline", "middle").Text(etfThousands(v)))
	}
	years := t1.Year() - t0.Year()
	step := max(1, int(math.Ceil(float64(years+1)/(chartW/95))))
	for yr := t0.Year() + 1; yr <= t1.Year(); yr++ {
		if (yr-t0.Year()-1)%step != 0 {
			continue
		}
		d := time.Date(yr, 1, 1, 0, 0, 0, 0, time.UTC)
		xx := fmtf(x(d))
		kids = append(kids,
			svgEl("line").Attr("class", "etf-tick").Attr("x1", xx).Attr("x2", xx).
				Attr("y1", fmtf(etfChartH-etfChartB)).Attr("y2", fmtf(etfChartH-etfChartB+4)),
			svgEl("text").Attr("class", "etf-axis").Attr("x", xx).Attr("y", fmtf(etfChartH-8)).
				Attr("text-anchor", "middle").Text(strconv.Itoa(yr)))
	}
	kids = append(kids, svgEl("line").Attr("class", "etf-base").
		Attr("x1", fmtf(etfChartL)).Attr("x2", fmtf(chartW-etfChartR)).
		Attr("y1", fmtf(y(etfChartAmount))).Attr("y2", fmtf(y(etfChartAmount))))
	for i, fv := range c.Funds {
		if len(fv.Price.Growth) < 2 {
			continue
		}
		var b strings.Builder
		for k, p := range fv.Price.Growth {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(fmtf(x(p.Date)))
			b.WriteByte(',')
			b.WriteString(fmtf(y(p.Value)))
		}
		kids = append(kids, svgEl("polyline").Attr("class", "etf-line etf-c"+strconv.Itoa(i)).
			Attr("points", b.String()).DataSet("fund", fv.Fund.Ticker))
	}
	legend := make([]app.UI, 0, len(c.Funds))
	for i, fv := range c.Funds {
		gr := fv.Price.Growth
		kids := []app.UI{
			app.Span().Class("etf-swatch etf-c"+strconv.Itoa(i)).Aria("hidden", true),
			app.Strong().Text(fv.Fund.Ticker),
		}
		if len(gr) == 0 {
			kids = append(kids, app.Span().Class("muted").Text(" "+l.t("etf.noprices")))
		} else {
			extra := ""
			if engine.MonthOf(gr[0].Date) > engine.MonthOf(c.Start) {
				extra = " " + l.tf("etf.growth.from", monthLabel(gr[0].Date))
			}
			kids = append(kids, app.Span().Text(" "+etfThousands(gr[len(gr)-1].Value)+extra))
		}
		item := app.Li().Body(kids...)
		legend = append(legend, item)
	}
	return app.Div().Class("etf-chart").Body(
		svgEl("svg").ID("etf-growth").
			Attr("viewBox", "0 0 "+fmtf(chartW)+" "+fmtf(etfChartH)).
			Attr("role", "img").
			Attr("aria-labelledby", "etf-chart-title etf-chart-desc").
			Attr("preserveAspectRatio", "xMidYMid meet").
			Body(kids...),
		app.Ul().Class("etf-legend").Body(legend...),
	)
}

// describe is the chart's text equivalent: each fund's end value.
func (g *etfGrowthChart) describe() string {
	var parts []string
	for _, fv := range g.C.Funds {
		if gr := fv.Price.Growth; len(gr) > 0 {
			parts = append(parts, fv.Fund.Ticker+" "+etfThousands(gr[len(gr)-1].Value))
		}
	}
	return strings.Join(parts, "; ")
}
