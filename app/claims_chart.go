package main

import (
	"math"

	"screener/engine"
)

// writeClaimChart draws a card's picture with the shared SVG charts: the
// price ratio against the highest ratio of the window before each day
// (52-week / 8-month highs), daily bars of one fund's return minus
// another's (days in a row; the run's dates are in the table), or pairs of bars,
// small caps against large caps, per definition (leverage, P/E,
// dispersion).
func writeClaimChart(w *htmlWriter, l lang, c engine.ClaimCard, narrow bool) {
	wd, ht := 560.0, 200.0
	if narrow {
		wd, ht = 340, 180
	}
	ch := c.Chart
	switch ch.Kind {
	case "ratio":
		labels := make([]string, len(ch.Points))
		ratio := make([]float64, len(ch.Points))
		prior := make([]float64, len(ch.Points))
		for i, p := range ch.Points {
			labels[i], ratio[i], prior[i] = p.Day.String(), p.Value, p.Ref
		}
		series := []ChartSeries{{Name: l.t("claims.chart.ratio"), Values: ratio, Emphasis: true}}
		if !allNaN(prior) {
			series = append(series, ChartSeries{Name: l.t("claims.chart.prior_high"), Values: prior})
		}
		LineChart{Title: l.t("claims.chart.ratio"), Class: "claim-chart", Width: wd, Height: ht, XLabels: labels, Series: series,
			FormatY: func(x float64) string { return formatFixed(x, 3) }}.write(w)
	case "bars":
		labels := make([]string, len(ch.Points))
		vals := make([]float64, len(ch.Points))
		for i, p := range ch.Points {
			labels[i], vals[i] = p.Day.String()[5:], p.Value
		}
		title := l.t("claims.chart.diff")
		if c.ID == "A1" {
			title = l.t("claims.chart.ytd")
		}
		w.elem("p", title, "class", "chart-caption muted")
		BarChart{Title: title, Class: "claim-chart", Width: wd, Height: ht, Labels: labels,
			Series: []ChartSeries{{Name: title, Values: vals}}, SignColors: true, FormatY: formatPctTickFine}.write(w)
	case "pairs":
		labels := make([]string, len(ch.Pairs))
		small := make([]float64, len(ch.Pairs))
		large := make([]float64, len(ch.Pairs))
		for i, p := range ch.Pairs {
			labels[i], small[i], large[i] = p.Key, p.Small, p.Large
		}
		BarChart{Title: l.t("claims.claim." + c.ID), Class: "claim-chart", Width: wd, Height: ht, Labels: labels,
			Series:  []ChartSeries{{Name: l.t("claims.chart.small"), Values: small}, {Name: l.t("claims.chart.large"), Values: large}},
			FormatY: formatRatio, ValueLabels: true}.write(w)
	}
}

// formatPctTickFine is a y-axis label for small daily fractions: one
// decimal of a percent ("0.5%").
func formatPctTickFine(x float64) string { return formatNum(x*100, 1, "%", true) }

func allNaN(xs []float64) bool {
	for _, x := range xs {
		if !math.IsNaN(x) {
			return false
		}
	}
	return true
}
