package data

import (
	"fmt"
	"math"
	"sort"

	"screener/schema"
)

// history builds the modelled Russell-2000-like universe on asof: US
// companies with a price and a share count on that date, ranked by
// market cap, ranks 1,001–3,000 kept. Nothing forward-looking enters the
// selection: forward returns are computed after the universe is fixed.
func (e *buildEnv) history(asof Day) ([]byte, SnapshotStats) {
	type cand struct {
		r *row
		e poolEntry
	}
	var cands []cand
	for _, pe := range e.pool {
		k := tickerKey(pe.s.ticker)
		if !e.isUS(k, pe.c) {
			continue
		}
		r := &row{ticker: pe.s.ticker, iwm: math.NaN(), ijr: math.NaN()}
		e.fill(r, pe.s, pe.c, asof, 0)
		sizeRow(r, nil)
		if !(r.mcap > 0) {
			continue
		}
		cands = append(cands, cand{r, pe})
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].r.mcap != cands[j].r.mcap {
			return cands[i].r.mcap > cands[j].r.mcap
		}
		return cands[i].r.ticker < cands[j].r.ticker
	})
	pool := len(cands)
	lo, hi := e.rankFirst-1, min(e.rankLast, len(cands))
	if lo > hi {
		lo = hi
	}
	kept := cands[lo:hi]
	fwdEnd := asof.AddMonths(12)
	if fwdEnd > e.prices.last {
		fwdEnd = e.prices.last // the newest year runs to the last price
	}
	rows := make([]*row, 0, len(kept))
	for _, cd := range kept {
		r := cd.r
		k := tickerKey(cd.e.s.ticker)
		r.fwd12 = cd.e.s.totalReturn(asof, fwdEnd)
		r.name = e.nameOf(k, cd.e.c)
		r.sector = e.sectorOf(k, cd.e.c)
		r.sp600 = 0
		if r.cur[fNI] > 0 {
			r.sp600 = 1
		}
		rows = append(rows, r)
	}
	sortRows(rows)

	sv := e.reportingSurvivorship(asof)
	sv.pool, sv.kept = pool, len(rows)
	meta := snapshotMeta{
		kind: schema.KindHistory, asof: asof, modelled: true,
		universe: fmt.Sprintf("Russell-2000-like (modelled): US companies ranked %d-%d by market cap on %s among %d companies with price and shares; sp600 = positive TTM net income",
			e.rankFirst, e.rankLast, asof, pool),
		survivorship: sv.text(asof, e.rankFirst, e.rankLast),
		survCounts:   sv.stats(),
		provenance:   historyProvenance(e.prices.last),
	}
	body, st := e.write(meta, rows)
	return body, st
}

func historyProvenance(lastPrice Day) []provenance {
	return append([]provenance{{"holdings/*.json (sectors and countries only)", schema.CurrentAsOf}}, commonProvenance(lastPrice)...)
}
