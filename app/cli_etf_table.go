//go:build !wasm

package main

import (
	"fmt"
	"io"
	"math"
	"screener/engine"
	"slices"
	"strconv"
	"text/tabwriter"
)

// The etf command's text table.

func pctCell(x jsonNum, decimals int) string {
	f := float64(x)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "—"
	}
	return strconv.FormatFloat(100*f, 'f', decimals, 64)
}

func numCell(x jsonNum, decimals int) string {
	f := float64(x)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "—"
	}
	return strconv.FormatFloat(f, 'f', decimals, 64)
}

func writeETFTable(out io.Writer, rep *etfReport) error {
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	row := func(label string, cell func(ef *etfFund) string) {
		fmt.Fprint(tw, label+"\t")
		for _, ef := range rep.Funds {
			fmt.Fprint(tw, cell(ef)+"\t")
		}
		fmt.Fprintln(tw)
	}
	head := func(title string) {
		fmt.Fprint(tw, title+"\t")
		for _, ef := range rep.Funds {
			fmt.Fprint(tw, ef.Ticker+"\t")
		}
		fmt.Fprintln(tw)
	}
	fmt.Fprintf(out, "ETF comparison as of %s (prices to %s; holdings as of %s); window from %s\n\n", rep.AsOf, rep.PricesTo, rep.HoldingsAsOf, rep.Start)
	head("FACTS")
	row("expense ratio %", func(ef *etfFund) string { return numCell(ef.ExpenseRatioPct, 2) })
	row("net assets $bn", func(ef *etfFund) string { return numCell(ef.NetAssetsUSD/1e9, 1) })
	row("  as of", func(ef *etfFund) string { return cellStr(ef.NetAssetsAsOf) })
	row("inception", func(ef *etfFund) string { return cellStr(ef.Inception) })
	row("holdings (issuer)", func(ef *etfFund) string { return numCell(ef.HoldingsCount, 0) })
	row("  as of", func(ef *etfFund) string { return cellStr(ef.HoldingsCountAsOf) })
	row("turnover % (issuer)", func(ef *etfFund) string { return numCell(ef.TurnoverPct, 1) })
	row("prices", func(ef *etfFund) string {
		if ef.price == nil {
			return "none"
		}
		return ef.price.Ticker
	})
	fmt.Fprintln(tw)
	head("TOTAL RETURN % a year, to " + rep.AsOf)
	for k, y := range []int{1, 3, 5, 10} {
		row(strconv.Itoa(y)+"y", func(ef *etfFund) string {
			if k >= len(ef.Trailing) {
				return "—"
			}
			if ef.Trailing[k].Note != "" {
				return "— (prices from " + ef.price.FirstMonth.String() + ")"
			}
			return pctCell(ef.Trailing[k].Annualised, 2)
		})
	}
	fmt.Fprintln(tw)
	head("RISK from " + rep.Start)
	row("volatility %", func(ef *etfFund) string { return pctCell(ef.Volatility, 1) })
	row("max drawdown %", func(ef *etfFund) string { return pctCell(ef.MaxDrawdown, 1) })
	row("  trough", func(ef *etfFund) string { return cellStr(ef.DrawdownTrough) })
	row("10,000 grows to", func(ef *etfFund) string {
		if len(ef.Growth) == 0 {
			return "—"
		}
		return numCell(ef.Growth[len(ef.Growth)-1].Value, 0)
	})
	fmt.Fprintln(tw)
	head("CALENDAR YEAR %")
	years := map[int]bool{}
	for _, ef := range rep.Funds {
		for _, y := range ef.CalendarYears {
			years[y.Year] = true
		}
	}
	var ys []int
	for y := range years {
		ys = append(ys, y)
	}
	slices.Sort(ys)
	for _, y := range ys {
		row(strconv.Itoa(y), func(ef *etfFund) string {
			for _, cy := range ef.CalendarYears {
				if cy.Year == y {
					s := pctCell(cy.Return, 1)
					if cy.Partial {
						s += "*"
					}
					return s
				}
			}
			return "—"
		})
	}
	fmt.Fprintln(tw)
	head("HOLDINGS (" + rep.HoldingsAsOf + ")")
	h := func(label string, cell func(h *etfHoldings) string) {
		row(label, func(ef *etfFund) string {
			if ef.Holdings == nil {
				return "n/a"
			}
			return cell(ef.Holdings)
		})
	}
	h("basis", func(h *etfHoldings) string {
		if h.Modelled {
			return "modelled"
		}
		return "holdings"
	})
	h("names", func(h *etfHoldings) string { return strconv.Itoa(h.Holdings) })
	h("  + at 0.00% weight", func(h *etfHoldings) string { return strconv.Itoa(h.ZeroWeight) })
	h("names · issuer's count", func(h *etfHoldings) string {
		if h.VsIssuer == nil {
			return "—"
		}
		return strconv.Itoa(h.VsIssuer.HoldingsInData) + " · " + numCell(h.VsIssuer.HoldingsIssuer, 0) + " (" + h.VsIssuer.HoldingsIssuerAsOf + ")"
	})
	h("weight matched %", func(h *etfHoldings) string { return numCell(h.WeightMatched, 1) })
	h("P/E profitable (harmonic)", func(h *etfHoldings) string { return numCell(h.PEProfitable, 1) })
	h("  weight covered %", func(h *etfHoldings) string { return pctCell(h.PEProfitableCover, 0) })
	h("P/B positive book (harm.)", func(h *etfHoldings) string { return numCell(h.PBPositive, 2) })
	h("  weight covered %", func(h *etfHoldings) string { return pctCell(h.PBPositiveCover, 0) })
	h("P/E incl. losses (aggr.)", func(h *etfHoldings) string { return numCell(h.PE, 1) })
	h("median mcap wtd, $M", func(h *etfHoldings) string { return numCell(h.MedianMcap, 0) })
	h("earnings yield %", func(h *etfHoldings) string { return pctCell(h.EarningsYield, 2) })
	h("FCF yield %", func(h *etfHoldings) string { return pctCell(h.FCFYield, 2) })
	h("loss-makers % names", func(h *etfHoldings) string { return pctCell(h.LossCount, 1) })
	h("loss-makers % weight", func(h *etfHoldings) string { return pctCell(h.LossWeight, 1) })
	h("debt/assets %", func(h *etfHoldings) string { return pctCell(h.DebtToAssets, 1) })
	h("ROE wtd avg, equity>0 %", func(h *etfHoldings) string { return pctCell(h.ROEWeighted, 1) })
	h("  weight covered %", func(h *etfHoldings) string { return pctCell(h.ROEWeightedCover, 0) })
	h("ROE aggregate %", func(h *etfHoldings) string { return pctCell(h.ROE, 1) })
	h("statement cover %", func(h *etfHoldings) string { return pctCell(h.StatementCover, 1) })
	for f := engine.Factor(0); f < engine.NumFactors; f++ {
		h("avg pct "+f.Key(), func(h *etfHoldings) string { return numCell(h.FactorPct[f.Key()], 1) })
	}
	h("avg composite pct", func(h *etfHoldings) string { return numCell(h.CompositePct, 1) })
	fmt.Fprintln(tw)
	head("SECTOR %")
	for _, name := range rep.Sectors {
		h(cliShort(name, 22), func(h *etfHoldings) string { return pctCell(h.Sectors[name], 1) })
	}
	fmt.Fprintln(tw)
	matrix := func(title string, m [][]jsonNum, scale float64, dec int) {
		head(title)
		for i, ef := range rep.Funds {
			fmt.Fprint(tw, ef.Ticker+"\t")
			for j := range rep.Funds {
				fmt.Fprint(tw, numCell(m[i][j]*jsonNum(scale), dec)+"\t")
			}
			fmt.Fprintln(tw)
		}
		fmt.Fprintln(tw)
	}
	matrix("OVERLAP % Σmin(w)", rep.Overlap, 1, 1)
	matrix("CORRELATION (monthly)", rep.Correlation, 1, 3)
	if err := tw.Flush(); err != nil {
		return err
	}
	if st := rep.Style; st != nil {
		tw = tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(out, "MODELLED STYLE TRACKING (model vs real, %): "+st.Method)
		fmt.Fprintln(tw, "window\tbasis\tfund closes\tR2000 model\tIWM\tgrowth model\tVTWG\tvalue model\tVTWV\tG−V model\tVTWG−VTWV\tcover\t")
		for _, w := range st.Windows {
			fmt.Fprintf(tw, "%s → %s\t%s\t%s\t", w.From, w.To, w.Basis, w.Fund)
			for k := 0; k < 4; k++ {
				fmt.Fprintf(tw, "%s\t%s\t", pctCell(w.Model[k], 1), pctCell(w.Real[k], 1))
			}
			fmt.Fprintf(tw, "%s\t\n", pctCell(w.Covered[0], 0))
		}
		sum := func(label string, v [4]jsonNum, cell func(jsonNum) string) {
			fmt.Fprintf(tw, "%s\t\t\t", label)
			for k := 0; k < 4; k++ {
				fmt.Fprintf(tw, "%s\t\t", cell(v[k]))
			}
			fmt.Fprintln(tw, "\t")
		}
		sum(fmt.Sprintf("mean diff (%d×12m)", st.N), st.MeanDiff, func(x jsonNum) string { return pctCell(x, 1) })
		sum("tracking error", st.TrackingError, func(x jsonNum) string { return pctCell(x, 1) })
		sum("correlation", st.Corr, func(x jsonNum) string { return numCell(x, 3) })
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintln(out, "limits: "+st.Limits)
	}
	fmt.Fprintln(out, "\nNOTES")
	for _, ef := range rep.Funds {
		for _, n := range ef.Notes {
			fmt.Fprintf(out, "  %s: %s\n", ef.Ticker, n)
		}
	}
	for _, n := range rep.Notes {
		fmt.Fprintln(out, "  "+n)
	}
	fmt.Fprintln(out, "  * = partial year.")
	return nil
}
