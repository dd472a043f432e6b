package main

import (
	"math"
	"strconv"
)

// etfMatrixTable lays out a fund-by-fund matrix: kind "overlap" is the
// holdings overlap Σ min(wᵢ, wⱼ) in percent (engine.Overlap; 100 =
// identical), "corr" the correlation of monthly returns over the chosen
// window (engine.CorrelationMatrix; the months used are in each cell's
// tooltip). Cells are shaded by value so the structure reads at a glance.
func etfMatrixTable(l lang, c *etfComparison, kind string) *etfTable {
	vals, title := c.Overlap, l.t("etf.overlap.title")
	if kind == "corr" {
		vals, title = c.Corr, l.tf("etf.corr.title", monthLabel(c.Start), monthLabel(c.AsOf))
	}
	t := &etfTable{ID: "etf-" + kind, Title: title, Head: etfHead(l, c)}
	t.Head[0] = ""
	for i, a := range c.Funds {
		r := etfRow{Label: a.Fund.Ticker}
		for j := range c.Funds {
			x := vals[i][j]
			text, shade := formatFixed(x, 1), x/100
			if kind == "corr" {
				// Small-cap funds all correlate above ~0.8: shade the
				// range 0.5..1 so the differences show.
				text, shade = formatFixed(x, 2), math.Max(0, math.Min(1, 2*(x-0.5)))
			}
			cl := etfNumCell(a.Fund.Ticker, kind+"-"+c.Funds[j].Fund.Ticker, text, x, "etf-heat")
			switch {
			case math.IsNaN(x) && kind == "overlap":
				cl.Class, cl.Title = "muted", l.t("etf.hold.none")
			case math.IsNaN(x):
			default:
				cl.Style = "--shade:" + strconv.FormatFloat(math.Round(shade*100), 'f', 0, 64) + "%"
				if kind == "corr" {
					cl.Title = l.tf("etf.corr.months", c.CorrN[i][j])
				}
			}
			r.Cells = append(r.Cells, cl)
		}
		t.Rows = append(t.Rows, r)
	}
	return t
}
