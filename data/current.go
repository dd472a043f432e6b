package data

import (
	"fmt"
	"math"
	"strings"

	"screener/data/schema"
)

// holdingRows makes one row per company held by any of funds (stock rows
// only; a row without a ticker is found by its name), in first-seen order,
// and calls mark for every holding row with its fund's index: the rows
// of a snapshot built from holdings files.
func (e *buildEnv) holdingRows(funds [][]holding, mark func(r *row, fund int, h holding)) (order []string, byKey map[string]*row) {
	byKey = map[string]*row{}
	for fi, hs := range funds {
		for _, h := range hs {
			if !isEquity(h) {
				continue
			}
			k := tickerKey(h.Ticker)
			if k == "" {
				// A stock row without a ticker ("-"): find it by name.
				t := e.tickerByName(h.Name)
				if t == "" {
					continue
				}
				h.Ticker, k = t, tickerKey(t)
			}
			r := byKey[k]
			if r == nil {
				r = &row{ticker: strings.TrimSpace(h.Ticker), name: strings.TrimSpace(h.Name), sector: strings.TrimSpace(h.Sector),
					iwm: math.NaN(), ijr: math.NaN(), sp600: -1}
				byKey[k] = r
				order = append(order, k)
			}
			mark(r, fi, h)
		}
	}
	return order, byKey
}

// valueRow fills r on asof (point-in-time statements with the stale rule,
// the checked price, forward returns to fwdEnd) and returns its price
// series, nil if it has none.
func (e *buildEnv) valueRow(r *row, asof, fwdEnd Day) *series {
	s := e.priceFor(r.ticker, r.name)
	e.fill(r, s, e.companyFor(r.ticker, r.name), asof)
	r.forward(s, asof, fwdEnd, e.prices.last, false)
	r.asofDay = asof
	return s
}

// current builds the current snapshot: every equity in the IWM and IJR
// holdings, with its weights.
func (e *buildEnv) current(asof Day, iwm, ijr []holding) ([]byte, SnapshotStats) {
	order, byKey := e.holdingRows([][]holding{iwm, ijr}, func(r *row, fund int, h holding) {
		w := weightOf(h)
		if fund == 0 && math.IsNaN(r.iwm) {
			r.iwm = w
		} else if fund == 1 && math.IsNaN(r.ijr) {
			r.ijr = w
		}
	})
	fwdEnd := Day(0)
	if d := asof.AddMonths(12); d <= e.prices.last {
		fwdEnd = d
	}
	rows := make([]*row, 0, len(order))
	var pairs []pricePair
	var sv holdingsSurvivorship
	for _, k := range order {
		r := byKey[k]
		s := e.valueRow(r, asof, fwdEnd)
		r.held = e.dec.held[k]
		if px, ok := e.dec.price[k]; ok && s != nil && tickerKey(s.ticker) == k {
			pairs = append(pairs, pricePair{r, s, px})
		}
		sv.count(e, r, s, asof)
		rows = append(rows, r)
	}
	sortRows(rows)
	decDate := priceFactors(asof, pairs)
	// Pass 1: today's rules, to estimate the fund-wide constants from the
	// stocks that pass them; pass 2: with the fund evidence.
	for _, r := range rows {
		sizeRow(r, nil)
	}
	ev := estimateEvidence(rows)
	for _, r := range rows {
		sizeRow(r, ev)
	}
	meta := snapshotMeta{
		kind: schema.KindCurrent, asof: asof,
		universe:     fmt.Sprintf("IWM + IJR holdings as of %s (%d equities)", asof, len(rows)),
		survivorship: sv.text("IWM and IJR", asof, e.prices.last),
		survCounts:   sv.stats(),
		survKey:      schema.SurvivorshipHoldings,
		provenance:   currentProvenance(e.prices.last),
	}
	body, st := e.write(meta, rows)
	if decDate != 0 {
		st.Checks = append(st.Checks, fmt.Sprintf("second IWM file dated %s by its prices (%d of its tickers priced here)", decDate, len(pairs)))
	} else {
		st.Checks = append(st.Checks, "second IWM file: no date matched its prices; no price rescaled")
	}
	st.Checks = append(st.Checks, "fund evidence: "+ev.String())
	st.Checks = append(st.Checks, checkFundWeights(rows, ev).lines()...)
	return body, st
}

func currentProvenance(lastPrice Day) []provenance {
	return append([]provenance{{"holdings/IWM.json", schema.CurrentAsOf}, {"holdings/IJR.json", schema.CurrentAsOf},
		{"holdings/" + iwmDecemberFile + " (shares held and real prices: share-count, market-cap and price cross-checks)", "2025-12"},
		{"prices-to-2024/ (file names only: survivorship counts)", "2024-03-08"}}, commonProvenance(lastPrice)...)
}
