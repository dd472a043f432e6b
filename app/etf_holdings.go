package main

import (
	"screener/engine"
)

// etfHoldStats are the holdings-statistics rows, in display order: i18n
// keys of the label and hint, the metric key, the value and its format.
// A table, not a helper closure per row (which the compiler inlined, and
// with it a copy of the cell closure, once per row).
var etfHoldStats = []struct {
	key, hint, metric string
	get               func(*engine.HoldingsStats) float64
	percent           bool
	dec               int
}{
	{"etf.hold.names", "", "names", func(s *engine.HoldingsStats) float64 { return float64(s.Holdings) }, false, 0},
	{"etf.hold.pe", "etf.hold.pe.hint", "pe", func(s *engine.HoldingsStats) float64 { return s.PE }, false, 1},
	{"etf.hold.peprof", "etf.hold.peprof.hint", "peprof", func(s *engine.HoldingsStats) float64 { return s.PEProfitable }, false, 1},
	{"etf.hold.pb", "etf.hold.pb.hint", "pb", func(s *engine.HoldingsStats) float64 { return s.PB }, false, 2},
	{"etf.hold.ey", "", "ey", func(s *engine.HoldingsStats) float64 { return s.EarningsYield }, true, 2},
	{"etf.hold.fcfy", "", "fcfy", func(s *engine.HoldingsStats) float64 { return s.FCFYield }, true, 2},
	{"etf.hold.losscount", "", "losscount", func(s *engine.HoldingsStats) float64 { return s.LossCount }, true, 1},
	{"etf.hold.lossweight", "", "lossweight", func(s *engine.HoldingsStats) float64 { return s.LossWeight }, true, 1},
	{"etf.hold.debt", "", "debt", func(s *engine.HoldingsStats) float64 { return s.DebtToAssets }, true, 1},
	{"etf.hold.roe", "", "roe", func(s *engine.HoldingsStats) float64 { return s.ROE }, true, 1},
	{"etf.hold.cover", "etf.hold.cover.hint", "cover", func(s *engine.HoldingsStats) float64 { return s.StatementCover }, true, 0},
}

// etfHoldingsTable lays out the look-through aggregates of the funds with
// holdings in the data (engine.ComputeHoldingsStats: harmonic P/E with
// loss-makers counted and over profitable names only, P/B, yields,
// loss-makers, leverage, ROE, statement coverage) and their average factor
// percentiles in the screen as the user has weighted it (prof, from
// engine.PortfolioFactorProfile). Funds without holdings say n/a.
func etfHoldingsTable(l lang, c *etfComparison, prof []engine.FactorProfile) *etfTable {
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
		if fv.Hold.Portfolio.Modelled {
			cl := etfText(l.t("etf.modelled"), "")
			cl.Class, cl.Title = "etf-modelled-cell", l.t(noteModelled)
			return cl
		}
		return etfText(l.t("etf.hold.file"), "")
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
			if !sr.percent {
				return etfNumCell(fv.Fund.Ticker, sr.metric, formatFixed(x, sr.dec), x, "")
			}
			return etfPctCell(fv.Fund.Ticker, sr.metric, etfPct(x, sr.dec), x, "")
		})
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
