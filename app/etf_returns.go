package main

import (
	"slices"
)

// etfReturnsTable lays out, one column per fund, the facts (each with its
// as-of date), trailing 1/3/5/10-year annualised total returns as of the
// chosen month, volatility, maximum drawdown and growth of 10,000 from the
// start, and calendar-year returns (newest first; * = partial year).
func etfReturnsTable(l lang, c *etfComparison) *etfTable {
	t := &etfTable{ID: "etf-returns", Title: l.t("etf.returns.title"), Head: etfHead(l, c)}
	bd := etfBuilder{t: t, c: c}
	row := func(label, unit string, cell func(i int, fv etfFundView) etfTCell) { bd.row(label, "", unit, cell) }
	group := bd.group
	pct := func(fund, metric string, x float64, text, class string) etfTCell {
		return etfPctCell(fund, metric, text, x, class)
	}

	group(l.t("etf.facts"))
	row(l.t("etf.fact.name"), "", func(_ int, fv etfFundView) etfTCell {
		cl := etfText(fv.Fund.Name, "")
		cl.Class = "small"
		return cl
	})
	row(l.t("etf.fact.index"), "", func(_ int, fv etfFundView) etfTCell { return etfText(orMissing(fv.Fund.Index), "") })
	row(l.t("etf.fact.expense"), "%", func(_ int, fv etfFundView) etfTCell {
		f := fv.Fund
		return etfFact(l, f.Ticker, "expense", f.ExpenseRatioPct, formatFixed(f.ExpenseRatioPct, 2)+"%", factsSource(l, f.FactsSource))
	})
	row(l.t("etf.fact.assets"), "USD", func(_ int, fv etfFundView) etfTCell {
		f := fv.Fund
		return etfFact(l, f.Ticker, "assets", f.NetAssetsUSD, l.mcap(f.NetAssetsUSD/1e6), asOfText(l, f.NetAssetsAsOf))
	})
	row(l.t("etf.csv.assetsasof"), "", func(_ int, fv etfFundView) etfTCell { return etfText(orMissing(fv.Fund.NetAssetsAsOf), "") })
	t.Rows[len(t.Rows)-1].Class = "etf-csv-only"
	row(l.t("etf.fact.inception"), "", func(_ int, fv etfFundView) etfTCell {
		if fv.Fund.Inception == "" {
			return etfNone(l)
		}
		return etfText(fv.Fund.Inception, "")
	})
	// The issuer's published holdings count and turnover, with their dates.
	row(l.t("etf.fact.holdings"), "", func(_ int, fv etfFundView) etfTCell {
		f := fv.Fund
		if !(f.HoldingsCount > 0) {
			return etfNone(l)
		}
		return etfFact(l, f.Ticker, "holdings-count", f.HoldingsCount, formatThousands(f.HoldingsCount), asOfText(l, f.HoldingsCountAsOf))
	})
	row(l.t("etf.fact.turnover"), "%", func(_ int, fv etfFundView) etfTCell {
		f := fv.Fund
		return etfFact(l, f.Ticker, "turnover", f.TurnoverPct, formatFixed(f.TurnoverPct, 1)+"%", factsSource(l, f.FactsSource))
	})
	row(l.t("etf.fact.prices"), "", func(_ int, fv etfFundView) etfTCell {
		if fv.Price.Source == nil {
			return etfText(missingText, "")
		}
		return etfText(fv.Price.Source.Ticker, l.tf("etf.to.date", fv.Price.Source.LastDate.Format("2006-01-02")))
	})

	group(l.tf("etf.trailing", monthLabel(c.AsOf)))
	for k, y := range etfTrailingYears {
		row(l.tf("etf.trailing.y", y), "%", func(_ int, fv etfFundView) etfTCell {
			x := nan()
			if k < len(fv.Price.Trailing) {
				x = fv.Price.Trailing[k].Annualised
				if fv.Price.Trailing[k].Short && fv.Price.Source != nil {
					// Say why: the price file starts after the window.
					cl := etfText(missingText, l.tf("etf.trailing.short", fv.Price.Source.FirstMonth.String()))
					cl.Class = "muted"
					return cl
				}
			}
			return pct(fv.Fund.Ticker, "ret"+itoa(y), x, etfSignedPct(x, 1), signClass(x))
		})
	}

	group(l.tf("etf.risk", monthLabel(c.Start), monthLabel(c.AsOf)))
	row(l.t("etf.vol"), "%", func(_ int, fv etfFundView) etfTCell {
		return pct(fv.Fund.Ticker, "vol", fv.Price.Vol, etfPct(fv.Price.Vol, 1), "")
	})
	row(l.t("etf.maxdd"), "%", func(_ int, fv etfFundView) etfTCell {
		dd := fv.Price.Drawdown
		if dd.Depth != dd.Depth {
			return etfText(missingText, "")
		}
		cl := pct(fv.Fund.Ticker, "maxdd", dd.Depth, "−"+etfPct(dd.Depth, 1), "neg")
		cl.Sub = monthLabel(dd.Peak) + " → " + monthLabel(dd.Trough)
		return cl
	})
	row(l.t("etf.growth.end"), "", func(_ int, fv etfFundView) etfTCell {
		x := nan()
		if g := fv.Price.Growth; len(g) > 0 {
			x = g[len(g)-1].Value
		}
		return etfNumCell(fv.Fund.Ticker, "growth", formatThousands(x), x, "")
	})

	group(l.t("etf.years"))
	var years []int
	for _, fv := range c.Funds {
		for _, y := range fv.Price.Years {
			if !slices.Contains(years, y.Year) {
				years = append(years, y.Year)
			}
		}
	}
	slices.Sort(years)
	slices.Reverse(years)
	for _, yr := range years {
		row(itoa(yr), "%", func(_ int, fv etfFundView) etfTCell {
			for _, y := range fv.Price.Years {
				if y.Year == yr {
					s := etfSignedPct(y.Return, 1)
					if y.Partial {
						s += "*"
					}
					return pct(fv.Fund.Ticker, "y"+itoa(yr), y.Return, s, signClass(y.Return))
				}
			}
			return etfText(missingText, "")
		})
	}
	return t
}

// etfNone is the cell of a fact the data does not have.
//
//go:noinline
func etfNone(l lang) etfTCell {
	cl := etfText(l.t("etf.fact.none"), "")
	cl.Class = etfNoneClass
	return cl
}

// etfFact is a fund fact's cell: the value as text with its source or date
// under it, or "not in the data" when the value is unknown.
func etfFact(l lang, fund, metric string, v float64, text, sub string) etfTCell {
	if !finite(v) {
		return etfNone(l)
	}
	cl := etfNumCell(fund, metric, text, v, "")
	cl.Sub = sub
	return cl
}

// asOfText is "as of <date>", or "" without a date.
func asOfText(l lang, date string) string {
	if date == "" {
		return ""
	}
	return l.tf("etf.asof.date", date)
}

// etfNoneClass marks etfNone cells (empty in the CSV).
const etfNoneClass = "muted etf-none"

// etfHead is the header of a fund comparison table.
func etfHead(l lang, c *etfComparison) []string {
	h := []string{l.t("etf.fund")}
	for _, fv := range c.Funds {
		h = append(h, fv.Fund.Ticker)
	}
	return h
}
