package main

import (
	"screener/engine"
)

// etfHoldStats are the holdings-statistics rows, in display order: i18n
// keys of the label and hint, the metric key, the value, its format
// (percent, decimals, or a market cap) and, for the fund-page figures, the
// share of weight the value covers (a row of its own under it). A table, not a helper
// closure per row (which the compiler inlined, and with it a copy of the
// cell closure, once per row). The definitions are engine.HoldingsStats'.
var etfHoldStats = []struct {
	key, hint, metric string
	get, cover        func(*engine.HoldingsStats) float64
	percent, mcap     bool
	dec               int
}{
	{"etf.hold.names", "", "names", func(s *engine.HoldingsStats) float64 { return float64(s.Holdings) }, nil, false, false, 0},
	{"etf.hold.peprof", "etf.hold.peprof.hint", "pe", func(s *engine.HoldingsStats) float64 { return s.PEProfitable },
		func(s *engine.HoldingsStats) float64 { return s.PEProfitableCover }, false, false, 1},
	{"etf.hold.pb", "etf.hold.pb.hint", "pb-positive-book", func(s *engine.HoldingsStats) float64 { return s.PBPositive },
		func(s *engine.HoldingsStats) float64 { return s.PBPositiveCover }, false, false, 2},
	{"etf.hold.pe", "etf.hold.pe.hint", "pe-loss-inclusive", func(s *engine.HoldingsStats) float64 { return s.PE }, nil, false, false, 1},
	{"etf.hold.mcap", "etf.hold.mcap.hint", "median-mcap", func(s *engine.HoldingsStats) float64 { return s.MedianMcap }, nil, false, true, 0},
	{"etf.hold.roe", "etf.hold.roe.hint", "roe-weighted", func(s *engine.HoldingsStats) float64 { return s.ROEWeighted },
		func(s *engine.HoldingsStats) float64 { return s.ROEWeightedCover }, true, false, 1},
	{"etf.hold.roeagg", "etf.hold.roeagg.hint", "roe-aggregate", func(s *engine.HoldingsStats) float64 { return s.ROE }, nil, true, false, 1},
	{"etf.hold.ey", "", "ey", func(s *engine.HoldingsStats) float64 { return s.EarningsYield }, nil, true, false, 2},
	{"etf.hold.fcfy", "", "fcfy", func(s *engine.HoldingsStats) float64 { return s.FCFYield }, nil, true, false, 2},
	{"etf.hold.losscount", "", "losscount", func(s *engine.HoldingsStats) float64 { return s.LossCount }, nil, true, false, 1},
	{"etf.hold.lossweight", "", "lossweight", func(s *engine.HoldingsStats) float64 { return s.LossWeight }, nil, true, false, 1},
	{"etf.hold.debt", "", "debt", func(s *engine.HoldingsStats) float64 { return s.DebtToAssets }, nil, true, false, 1},
	{"etf.hold.cover", "etf.hold.cover.hint", "cover", func(s *engine.HoldingsStats) float64 { return s.StatementCover }, nil, true, false, 0},
}

// etfHoldDefinitions writes the definitions of the holdings rows as a
// disclosure under the table (one tap away on a phone, where the row
// titles' tooltips are not).
func etfHoldDefinitions(w *htmlWriter, l lang) {
	w.tagText(`<details class="defs etf-defs small muted"><summary>`, l.t("etf.hold.defs"), `</summary><dl>`)
	for _, sr := range etfHoldStats {
		if sr.hint != "" {
			w.tagText(`<dt>`, l.t(sr.key), `</dt>`)
			w.tagText(`<dd>`, l.t(sr.hint), `</dd>`)
		}
	}
	w.WriteString(`</dl></details>`)
}

// etfHoldingsTable lays out the look-through aggregates of the funds with
// holdings in the data (engine.ComputeHoldingsStats: the fund-page P/E
// over profitable holdings and P/B over positive book, each with the
// weight it covers, the loss-inclusive P/E, the weighted median market
// cap, weighted-average and aggregate ROE, yields, loss-makers, leverage,
// statement coverage) and their average factor
// percentiles in the screen as the user has weighted it (prof, from
// engine.PortfolioFactorProfile). Funds without holdings say n/a.
//
// holdAsOf is the date of the holdings (the current snapshot's), shown
// next to the issuer's in the "compared with the issuer" row.
func etfHoldingsTable(l lang, c *etfComparison, prof []engine.FactorProfile, holdAsOf string) *etfTable {
	t := &etfTable{ID: "etf-holdings", Title: l.t("etf.hold.title.short"), Head: etfHead(l, c)}
	bd := etfBuilder{t: t, c: c}
	none := etfText("n/a", "")
	none.Class, none.Title = "muted", l.t("etf.hold.none")
	row := func(label, hint, unit string, cell func(i int, fv etfFundView) etfTCell) {
		bd.row(label, hint, unit, func(i int, fv etfFundView) etfTCell {
			if fv.Hold == nil {
				return none
			}
			return cell(i, fv)
		})
	}
	row(l.t("etf.hold.basis"), "", "", func(_ int, fv etfFundView) etfTCell {
		p := &fv.Hold.Portfolio
		text, sub := l.t("etf.hold.file"), ""
		if p.Shared != "" {
			_, index := engine.HoldingsSource(p.Ticker)
			text, sub = l.tf("etf.hold.shared", p.Shared), index
		}
		if p.Modelled {
			if sub != "" {
				sub = text
			}
			cl := etfText(l.t("etf.modelled"), sub)
			cl.Class, cl.Title = "etf-modelled-cell", l.t(noteModelled)
			return cl
		}
		return etfText(text, sub)
	})
	// Compared with the issuer: names in the data next to the published
	// count, each with its date, not adjusted.
	row(l.t("etf.hold.vsissuer"), l.t("etf.hold.vsissuer.hint"), "", func(_ int, fv etfFundView) etfTCell {
		if !(fv.Fund.HoldingsCount > 0 && finite(fv.Fund.HoldingsCount)) {
			return etfNone(l)
		}
		cl := etfText(formatCount(fv.Hold.Stats.Holdings+fv.Hold.Portfolio.ZeroWeight)+" · "+formatThousands(fv.Fund.HoldingsCount),
			l.tf("etf.hold.vsissuer.sub", holdAsOf, fv.Fund.HoldingsCountAsOf))
		cl.Fund, cl.Metric = fv.Fund.Ticker, "holdings-vs-issuer"
		return cl
	})
	for _, sr := range etfHoldStats {
		hint, unit := "", ""
		if sr.hint != "" {
			hint = l.t(sr.hint)
		}
		if sr.percent {
			unit = "%"
		}
		row(l.t(sr.key), hint, unit, func(_ int, fv etfFundView) etfTCell {
			x := sr.get(&fv.Hold.Stats)
			var cl etfTCell
			if sr.metric == "names" && fv.Hold.Portfolio.ZeroWeight > 0 {
				// Names the file lists at 0.00%: held, said, not dropped.
				cl = etfNumCell(fv.Fund.Ticker, sr.metric, formatFixed(x, 0), x, "")
				cl.Sub = l.tf("etf.hold.zero", fv.Hold.Portfolio.ZeroWeight)
				return cl
			}
			switch {
			case sr.mcap:
				cl = etfNumCell(fv.Fund.Ticker, sr.metric, formatMcap(x), x, "")
			case sr.percent:
				cl = etfPctCell(fv.Fund.Ticker, sr.metric, etfPct(x, sr.dec), x, "")
			default:
				cl = etfNumCell(fv.Fund.Ticker, sr.metric, formatFixed(x, sr.dec), x, "")
			}
			return cl
		})
		if sr.cover != nil {
			row(l.t("etf.hold.covered"), l.t("etf.hold.covered.hint"), "%", func(_ int, fv etfFundView) etfTCell {
				x := sr.cover(&fv.Hold.Stats)
				return etfPctCell(fv.Fund.Ticker, sr.metric+"-cover", etfPct(x, 0), x, "muted")
			})
		}
	}

	bd.group(l.t("etf.prof.title"))
	type profRow struct {
		label, hint, metric string
		get                 func(*engine.FactorProfile) float64
		share               bool
	}
	var profs []profRow
	for f := engine.Factor(0); f < engine.NumFactors; f++ {
		profs = append(profs, profRow{l.t("factor." + f.Key()), "", "pct-" + f.Key(), func(p *engine.FactorProfile) float64 { return p.Factor[f] }, false})
	}
	profs = append(profs,
		profRow{l.t("etf.prof.composite"), l.t("etf.prof.composite.hint"), "pct-composite", func(p *engine.FactorProfile) float64 { return p.Composite }, false},
		profRow{l.t("etf.prof.inscreen"), l.t("etf.prof.inscreen.hint"), "inscreen", func(p *engine.FactorProfile) float64 { return p.InScreen }, true})
	for _, pr := range profs {
		row(pr.label, pr.hint, "", func(i int, fv etfFundView) etfTCell {
			x := nan()
			if i < len(prof) {
				x = pr.get(&prof[i])
			}
			if pr.share {
				return etfPctCell(fv.Fund.Ticker, pr.metric, etfPct(x, 0), x, "")
			}
			return etfNumCell(fv.Fund.Ticker, pr.metric, formatFixed(x, 1), x, heatClass(x))
		})
	}
	return t
}

// etfSectorTable lays out each fund's GICS sector weights (share of the
// weight matched to the snapshot, engine HoldingsStats.Sector) as compact
// bars scaled to the largest weight in the table, so bars compare across
// funds.
func etfSectorTable(l lang, c *etfComparison, sectors []string) *etfTable {
	t := &etfTable{ID: "etf-sectors", Title: l.t("etf.sectors.title"), Head: etfHead(l, c)}
	t.Head[0] = l.t("etf.sector")
	top := 0.0
	for _, fv := range c.Funds {
		if fv.Hold != nil {
			for _, w := range fv.Hold.Stats.Sector {
				if w > top {
					top = w
				}
			}
		}
	}
	for k, name := range sectors {
		r := etfRow{Label: l.sector(name), Unit: "%"}
		for i, fv := range c.Funds {
			if fv.Hold == nil || k >= len(fv.Hold.Stats.Sector) {
				cl := etfText("n/a", "")
				cl.Class = "muted"
				r.Cells = append(r.Cells, cl)
				continue
			}
			w := fv.Hold.Stats.Sector[k]
			cl := etfNumCell(fv.Fund.Ticker, "sector-"+itoa(k), etfPct(w, 1), w, "etf-bar-cell")
			cl.Scale, cl.IsBar, cl.BarColor = 100, true, i
			if top > 0 && w > 0 {
				cl.Bar = 100 * w / top
			}
			r.Cells = append(r.Cells, cl)
		}
		t.Rows = append(t.Rows, r)
	}
	return t
}
