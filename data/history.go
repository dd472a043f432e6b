package data

import (
	"fmt"

	"screener/data/schema"
)

// history builds the history snapshot on asof (June 30): the real
// Russell 2000 list where the data has one for the year (membership.go),
// else the model of FTSE Russell's method (universe.go); values as of
// asof. Nothing forward-looking enters the selection: forward returns
// are computed after the universe is fixed.
func (e *buildEnv) history(asof Day) ([]byte, SnapshotStats) {
	year := asof.Time().Year()
	m := e.model(asof)
	rows, modelled, fromOld := m.rows, true, m.fromOld
	var check *universeCheck
	universe := fmt.Sprintf("Russell-2000-like (modelled, not the real index): %s; the %s of the %s in that range with a price and a share count on %s; sp600 = positive TTM net income",
		m.rule, commas(len(m.rows)), commas(m.inRange), asof)
	l := e.lists[year]
	if l != nil {
		lu := e.listUniverse(asof, l, m.rankDay, m.top)
		uc := compareUniverses(lu, m)
		check = &uc
		rows, modelled, fromOld = lu.rows, false, lu.fromOld
		universe = fmt.Sprintf("Russell 2000 (real list, not modelled): %s, %s (%s rows): the %s companies with a price and a share count on %s (%d listed tickers without a price file in the data, %d without a price on the date, %d without a share count; %d share-class rows merged into their company). The model of the other years keeps %s companies here, %.0f%% of them in the list (universe_check); sp600 = positive TTM net income",
			l.desc, l.file, commas(lu.listed), commas(len(rows)), asof, lu.noPriceFile, lu.noPrice, lu.noShares, lu.merge, commas(uc.model), 100*uc.modelInReal)
	}
	fwdEnd := asof.AddMonths(12)
	if fwdEnd > e.prices.last {
		fwdEnd = e.prices.last // the newest year runs to the last price
	}
	for _, r := range rows {
		r.forward(r.src, asof, fwdEnd, e.prices.last, true)
		k := tickerKey(r.ticker)
		r.name = e.nameOf(k, r.comp)
		r.sector = e.sectorOf(k, r.comp)
		r.sp600 = 0
		if r.cur[fNI] > 0 {
			r.sp600 = 1
		}
	}
	sortRows(rows)

	sv := e.reportingSurvivorship(asof)
	sv.pool, sv.kept, sv.fromOld = m.pool, len(rows), fromOld
	sv.toLast = countRows(rows, func(r *row) bool { return r.flags&(1<<FlagFwdToLastPrice) != 0 })
	sv.glitch = countRows(rows, func(r *row) bool { return r.flags&(1<<FlagPriceGlitch|1<<FlagFwdPriceGlitch) != 0 })
	meta := snapshotMeta{
		kind: schema.KindHistory, asof: asof, modelled: modelled,
		universe:     universe,
		survivorship: sv.text(asof, m, l, check),
		survCounts:   sv.stats(),
		check:        check,
		provenance:   historyProvenance(e.prices.last, e.old.last, l),
	}
	body, st := e.write(meta, rows)
	if check != nil {
		st.Checks = append(st.Checks, check.line(year), "  model: "+check.rule)
	} else {
		st.Checks = append(st.Checks, fmt.Sprintf("model: %s; %d in range, %d priced with shares on %s (%d of them from prices-to-2024/; %d prices-to-2024/ candidates left out: share count older than their series)",
			m.rule, m.inRange, len(m.rows), asof, m.fromOld, m.oldShare))
	}
	return body, st
}

func historyProvenance(lastPrice, oldLast Day, l *realList) []provenance {
	out := []provenance{{"holdings/*.json (sectors and countries only)", schema.CurrentAsOf}}
	if l != nil {
		out = append(out, provenance{l.file + " (the universe)", l.asof})
	}
	out = append(out, commonProvenance(lastPrice)...)
	if oldLast != 0 {
		out = append(out, provenance{"prices-to-2024/*.csv (names without a prices/ file)", oldLast.String()})
	}
	return out
}
