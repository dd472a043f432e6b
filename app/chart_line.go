package main

import (
	"math"
	"strings"
)

// LineChart is a line chart of several series over evenly spaced x
// positions (one per XLabels entry), with a y axis of round ticks, x
// labels thinned to fit, and a legend when there is more than one series.
// A NaN value breaks its line: a gap is never drawn as a zero.
type LineChart struct {
	Title         string // accessible name (SVG <title>, aria-label)
	Class         string // extra class on the <figure>
	Width, Height float64
	XLabels       []string
	Series        []ChartSeries
	FormatY       func(float64) string // tick labels; default two decimals
	// Markers draws a dot at every point (few points: yearly windows).
	Markers bool
	// ZeroBased keeps 0 on the y axis (returns, spreads).
	ZeroBased bool
}

// HTML is the chart as an escaped <figure> with inline SVG.
func (c LineChart) HTML() string {
	var w htmlWriter
	c.write(&w)
	return w.String()
}

// write writes the chart as a <figure> with inline SVG.
func (c LineChart) write(w *htmlWriter) {
	wd, h := chartSize(c.Width, c.Height)
	// The last x label is centred on the plot's right edge: leave it room.
	m := chartMargins{top: 10, right: math.Max(14, float64(longestRunes(c.XLabels))*chartCharW/2+4), bottom: 26, left: 52}
	format := c.FormatY
	if format == nil {
		format = formatRatio
	}
	n := len(c.XLabels)
	lo, hi, ok := dataRange(c.Series, c.ZeroBased)
	cls := "line " + c.Class
	if !ok || n == 0 {
		chartEmpty(w, cls, c.Title, wd, h)
		return
	}
	ticks := niceTicks(lo, hi, 5)
	y := linearScale{ticks[0], ticks[len(ticks)-1], h - m.bottom, m.top}
	x := pointScale(n, m.left, wd-m.right)
	chartOpen(w, cls, c.Title, wd, h)
	yAxis(w, ticks, y, m.left, wd-m.right, format)
	xLabels(w, c.XLabels, x, h-m.bottom+16, wd-m.left-m.right)
	for k, s := range c.Series {
		sc := seriesClass(s, k)
		lc := "line " + sc
		if s.Emphasis {
			lc += " em"
		}
		if d := linePath(s.Values, x, y); d != "" {
			w.void("path", "d", d, "class", lc)
		}
		if c.Markers {
			for i, v := range s.Values {
				if i < n && !math.IsNaN(v) && !math.IsInf(v, 0) {
					w.void("circle", "cx", fmtf(x(i)), "cy", fmtf(y.at(v)), "r", "3", "class", "dot "+sc)
				}
			}
		}
	}
	chartClose(w, c.Series)
}

// chartSize applies the default viewBox (640 × 260).
func chartSize(w, h float64) (float64, float64) {
	if !(w > 0) {
		w = 640
	}
	if !(h > 0) {
		h = 260
	}
	return w, h
}

// pointScale places n points evenly from x0 to x1 (one point: centred).
func pointScale(n int, x0, x1 float64) func(int) float64 {
	if n <= 1 {
		return func(int) float64 { return (x0 + x1) / 2 }
	}
	step := (x1 - x0) / float64(n-1)
	return func(i int) float64 { return x0 + float64(i)*step }
}

// xLabels writes the x labels at baseline yText, skipping labels so that
// they do not overlap (the first and last are always shown).
func xLabels(w *htmlWriter, labels []string, x func(int) float64, yText, plotW float64) {
	stride := labelStride(len(labels), plotW, float64(longestRunes(labels))*chartCharW+10)
	last := len(labels) - 1
	for i, l := range labels {
		if i != last && (i%stride != 0 || (i != 0 && last-i < stride)) {
			continue
		}
		w.elem("text", l, "x", fmtf(x(i)), "y", fmtf(yText), "text-anchor", "middle", "class", "tick")
	}
}

// linePath is the SVG path of one series; NaN values start a new segment.
func linePath(vals []float64, x func(int) float64, y linearScale) string {
	var b strings.Builder
	pen := false
	for i, v := range vals {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			pen = false
			continue
		}
		if pen {
			b.WriteString(" L")
		} else {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteByte('M')
		}
		b.WriteString(fmtf(x(i)))
		b.WriteByte(' ')
		b.WriteString(fmtf(y.at(v)))
		pen = true
	}
	return b.String()
}

// chartCharW is the approximate width of one tick-label character (11 px
// system font) in viewBox units.
const chartCharW = 6.5

// longestRunes is the length in characters of the longest label.
func longestRunes(labels []string) int {
	n := 0
	for _, l := range labels {
		n = max(n, len([]rune(l)))
	}
	return n
}
