package main

import "math"

// Shared inline-SVG chart helpers (chart_line.go, chart_bar.go). Charts are
// built in Go (measured as fast as a JS charting library at our sizes, and
// no dependency) with the HTML writer (html.go): write(w) adds the
// chart to a writer, HTML() gives it as a string. Colours come from CSS
// classes (.chart .s0 … .s7, .pos, .neg in web/app.css), so light and dark
// themes need no Go code. The SVG has a viewBox of Width × Height and scales to
// its box's width; pick a narrower Width on phones so text stays legible.

// ChartSeries is one named series of a line or bar chart: Values[i]
// belongs to the chart's i-th x label; NaN is a missing value (a gap in a
// line, no bar), never a zero.
type ChartSeries struct {
	Name   string
	Values []float64
	// Class is the colour class (CSS); "" uses s0, s1, … by position.
	Class string
	// Emphasis draws the series thicker (the user's own series).
	Emphasis bool
}

// seriesClass is the CSS colour class of the k-th series.
func seriesClass(s ChartSeries, k int) string {
	if s.Class != "" {
		return s.Class
	}
	return "s" + itoa(k%8)
}

// chartMargins is the room around the plot for the axes' labels.
type chartMargins struct{ top, right, bottom, left float64 }

// linearScale maps the data interval [d0, d1] onto the pixel interval
// [r0, r1] (r1 < r0 for a y axis growing upwards).
type linearScale struct{ d0, d1, r0, r1 float64 }

func (s linearScale) at(v float64) float64 {
	if s.d1 == s.d0 {
		return (s.r0 + s.r1) / 2
	}
	return s.r0 + (v-s.d0)/(s.d1-s.d0)*(s.r1-s.r0)
}

// dataRange is the smallest and largest finite value of every series,
// with zero included when includeZero is set. ok is false when no value is
// finite.
func dataRange(series []ChartSeries, includeZero bool) (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, s := range series {
		for _, v := range s.Values {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			lo, hi = math.Min(lo, v), math.Max(hi, v)
			ok = true
		}
	}
	if !ok {
		return 0, 0, false
	}
	if includeZero {
		lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	}
	return lo, hi, true
}

// niceTicks returns about n evenly spaced round tick values (steps of 1,
// 2 or 5 × 10ᵏ, Heckbert 1990 "Nice numbers for graph labels") covering
// [lo, hi]; the first and last ticks bound the axis.
func niceTicks(lo, hi float64, n int) []float64 {
	if n < 2 {
		n = 2
	}
	if !(hi > lo) { // a single value: an interval around it
		d := math.Abs(lo) / 2
		if d == 0 {
			d = 1
		}
		lo, hi = lo-d, hi+d
	}
	step := niceNumber((hi-lo)/float64(n-1), true)
	first := math.Floor(lo/step) * step
	last := math.Ceil(hi/step) * step
	var ticks []float64
	for v := first; v <= last+step/2; v += step {
		// Snap accumulated float error so labels read "0.3", not "0.30000000000000004".
		ticks = append(ticks, math.Round(v/step)*step)
		if len(ticks) > 50 { // cannot happen for finite input; never loop forever
			break
		}
	}
	return ticks
}

// niceNumber is the round number near x: 1, 2, 5 or 10 × 10ᵏ (rounded
// when round is set, else the next one up).
func niceNumber(x float64, round bool) float64 {
	if !(x > 0) || math.IsInf(x, 0) {
		return 1
	}
	exp := math.Floor(math.Log10(x))
	f := x / math.Pow(10, exp)
	var nf float64
	switch {
	case round && f < 1.5, !round && f <= 1:
		nf = 1
	case round && f < 3, !round && f <= 2:
		nf = 2
	case round && f < 7, !round && f <= 5:
		nf = 5
	default:
		nf = 10
	}
	return nf * math.Pow(10, exp)
}

// yAxis draws horizontal grid lines with their labels at the left edge of
// the plot; the zero line, when in range, is drawn stronger.
func yAxis(w *htmlWriter, ticks []float64, y linearScale, x0, x1 float64, format func(float64) string) {
	for _, t := range ticks {
		py := fmtf(y.at(t))
		cls := "grid"
		if t == 0 {
			cls = "grid zero"
		}
		w.void("line", "x1", fmtf(x0), "x2", fmtf(x1), "y1", py, "y2", py, "class", cls)
		w.elem("text", format(t), "x", fmtf(x0-6), "y", py, "text-anchor", "end", "dominant-baseline", "middle", "class", "tick")
	}
}

// labelStride is how many x positions one label may span so that labels
// of about labelW pixels each do not overlap on a plot plotW pixels wide.
func labelStride(n int, plotW, labelW float64) int {
	if n <= 1 || labelW <= 0 {
		return 1
	}
	fit := int(plotW / labelW)
	if fit < 1 {
		fit = 1
	}
	return max(1, (n+fit-1)/fit)
}

// chartLegend is the HTML legend under a chart (it wraps on narrow
// screens, which SVG text cannot).
func chartLegend(w *htmlWriter, series []ChartSeries) {
	w.open("ul", "class", "chart-legend")
	for k, s := range series {
		cls := "swatch " + seriesClass(s, k)
		if s.Emphasis {
			cls += " em"
		}
		w.open("li")
		w.void("span", "class", cls, "aria-hidden", "true")
		w.elem("span", s.Name)
		w.close("li")
	}
	w.close("ul")
}

// chartOpen starts the figure and its <svg> with a viewBox and an
// accessible title; chartClose ends them, with the legend when there is
// more than one series.
func chartOpen(w *htmlWriter, class, title string, width, height float64) {
	w.open("figure", "class", "chart "+class)
	w.open("svg", "viewBox", "0 0 "+fmtf(width)+" "+fmtf(height), "preserveAspectRatio", "xMidYMid meet",
		"role", "img", "aria-label", title, "class", "chart-svg")
	w.elem("title", title)
}

func chartClose(w *htmlWriter, legend []ChartSeries) {
	w.close("svg")
	if len(legend) > 1 {
		chartLegend(w, legend)
	}
	w.close("figure")
}

// chartEmpty draws a chart frame that says the data is missing.
func chartEmpty(w *htmlWriter, class, title string, width, height float64) {
	chartOpen(w, class, title, width, height)
	w.elem("text", missingText, "x", fmtf(width/2), "y", fmtf(height/2), "text-anchor", "middle", "class", "tick")
	chartClose(w, nil)
}
