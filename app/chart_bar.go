package main

import (
	"math"
)

// BarChart is a vertical bar chart of one or more series per category
// (grouped bars), measured from a zero baseline so negative values hang
// below it. With one series and SignColors, bars are coloured by sign
// (.pos / .neg); otherwise by series. A NaN value draws no bar and, with
// ValueLabels, a "—" where its label would be.
type BarChart struct {
	Title         string
	Class         string
	Width, Height float64
	Labels        []string // one per category, left to right
	Series        []ChartSeries
	FormatY       func(float64) string // tick and value labels; default two decimals
	ValueLabels   bool                 // print each bar's value at its end
	SignColors    bool
}

// HTML is the chart as an escaped <figure> with inline SVG.
func (c BarChart) HTML() string {
	var w htmlWriter
	c.write(&w)
	return w.String()
}

// write writes the chart as a <figure> with inline SVG.
func (c BarChart) write(w *htmlWriter) {
	wd, h := chartSize(c.Width, c.Height)
	m := chartMargins{top: 14, right: 10, bottom: 26, left: 52}
	if c.ValueLabels {
		m.top += 6
	}
	format := c.FormatY
	if format == nil {
		format = formatRatio
	}
	n := len(c.Labels)
	lo, hi, ok := dataRange(c.Series, true)
	cls := "bar " + c.Class
	if !ok || n == 0 || len(c.Series) == 0 {
		chartEmpty(w, cls, c.Title, wd, h)
		return
	}
	ticks := niceTicks(lo, hi, 5)
	y := linearScale{ticks[0], ticks[len(ticks)-1], h - m.bottom, m.top}
	plotW := wd - m.left - m.right
	band := plotW / float64(n)
	group := band * 0.72
	barW := group / float64(len(c.Series))
	center := func(i int) float64 { return m.left + band*(float64(i)+0.5) }
	chartOpen(w, cls, c.Title, wd, h)
	yAxis(w, ticks, y, m.left, wd-m.right, format)
	xLabels(w, c.Labels, center, h-m.bottom+16, plotW)
	y0 := y.at(0)
	for k, s := range c.Series {
		for i := 0; i < n; i++ {
			v := math.NaN()
			if i < len(s.Values) {
				v = s.Values[i]
			}
			bx := center(i) - group/2 + float64(k)*barW
			if math.IsNaN(v) || math.IsInf(v, 0) {
				if c.ValueLabels {
					barValueLabel(w, bx+barW/2, y0-4, missingText)
				}
				continue
			}
			bc := "bar " + seriesClass(s, k)
			if c.SignColors && len(c.Series) == 1 {
				bc = "bar pos"
				if v < 0 {
					bc = "bar neg"
				}
			}
			top, bottom := y.at(v), y0
			if v < 0 {
				top, bottom = y0, y.at(v)
			}
			w.open("rect", "x", fmtf(bx+barW*0.06), "y", fmtf(top), "width", fmtf(barW*0.88),
				"height", fmtf(math.Max(bottom-top, 0.5)), "class", bc)
			w.elem("title", c.Labels[i]+" · "+s.Name+": "+format(v))
			w.close("rect")
			if c.ValueLabels {
				ly := top - 4
				if v < 0 {
					ly = bottom + 11
				}
				barValueLabel(w, bx+barW/2, ly, format(v))
			}
		}
	}
	chartClose(w, c.Series)
}

func barValueLabel(w *htmlWriter, x, y float64, s string) {
	w.elem("text", s, "x", fmtf(x), "y", fmtf(y), "text-anchor", "middle", "class", "value")
}
