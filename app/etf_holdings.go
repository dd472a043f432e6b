package main

import (
	"strconv"

	"screener/engine"
)

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
	stat := func(label, hint, metric string, get func(engine.HoldingsStats) float64, percent bool, dec int) {
		unit := ""
		if percent {
			unit = "%"
		}
		row(label, hint, unit, func(_ int, fv etfFundView) etfTCell {
			x := get(fv.Hold.Stats)
			if !percent {
				return etfNumCell(fv.Fund.Ticker, metric, etfNumber(x, dec), x, "")
			}
			return etfPctCell(fv.Fund.Ticker, metric, etfPct(x, dec), x, "")
		})
	}
	row(l.t("etf.hold.basis"), "", "", func(_ int, fv etfFundView) etfTCell {
		if fv.Hold.Portfolio.Modelled {
			cl := etfText(l.t("etf.modelled"), "")
			cl.Class, cl.Title = "etf-modelled-cell", fv.Hold.Portfolio.Note
			return cl
		}
		return etfText(l.t("etf.hold.file"), "")
	})
	stat(l.t("etf.hold.names"), "", "names", func(s engine.HoldingsStats) float64 { return float64(s.Holdings) }, false, 0)
	stat(l.t("etf.hold.pe"), l.t("etf.hold.pe.hint"), "pe", func(s engine.HoldingsStats) float64 { return s.PE }, false, 1)
	stat(l.t("etf.hold.peprof"), l.t("etf.hold.peprof.hint"), "peprof", func(s engine.HoldingsStats) float64 { return s.PEProfitable }, false, 1)
	stat(l.t("etf.hold.pb"), l.t("etf.hold.pb.hint"), "pb", func(s engine.HoldingsStats) float64 { return s.PB }, false, 2)
	stat(l.t("etf.hold.ey"), "", "ey", func(s engine.HoldingsStats) float64 { return s.EarningsYield }, true, 2)
	stat(l.t("etf.hold.fcfy"), "", "fcfy", func(s engine.HoldingsStats) float64 { return s.FCFYield }, true, 2)
	stat(l.t("etf.hold.losscount"), "", "losscount", func(s engine.HoldingsStats) float64 { return s.LossCount }, true, 1)
	stat(l.t("etf.hold.lossweight"), "", "lossweight", func(s engine.HoldingsStats) float64 { return s.LossWeight }, true, 1)
	stat(l.t("etf.hold.debt"), "", "debt", func(s engine.HoldingsStats) float64 { return s.DebtToAssets }, true, 1)
	stat(l.t("etf.hold.roe"), "", "roe", func(s engine.HoldingsStats) float64 { return s.ROE }, true, 1)
	stat(l.t("etf.hold.cover"), l.t("etf.hold.cover.hint"), "cover", func(s engine.HoldingsStats) float64 { return s.StatementCover }, true, 0)

	bd.group(l.t("etf.prof.title"))
	profile := func(label, hint, metric string, get func(engine.FactorProfile) float64, share bool) {
		row(label, hint, "", func(i int, fv etfFundView) etfTCell {
			x := nan()
			if i < len(prof) {
				x = get(prof[i])
			}
			if share {
				return etfPctCell(fv.Fund.Ticker, metric, etfPct(x, 0), x, "")
			}
			return etfNumCell(fv.Fund.Ticker, metric, formatPercentile(x, 1), x, heatClass(x))
		})
	}
	for f := engine.Factor(0); f < engine.NumFactors; f++ {
		profile(l.t("factor."+f.Key()), "", "pct-"+f.Key(), func(p engine.FactorProfile) float64 { return p.Factor[f] }, false)
	}
	profile(l.t("etf.prof.composite"), l.t("etf.prof.composite.hint"), "pct-composite", func(p engine.FactorProfile) float64 { return p.Composite }, false)
	profile(l.t("etf.prof.inscreen"), l.t("etf.prof.inscreen.hint"), "inscreen", func(p engine.FactorProfile) float64 { return p.InScreen }, true)
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
			cl := etfNumCell(fv.Fund.Ticker, "sector-"+strconv.Itoa(k), etfPct(w, 1), w, "etf-bar-cell")
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
