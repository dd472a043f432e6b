package data

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"screener/data/schema"
)

// buildFunds writes the funds body: every fund of the fund facts (in their
// order), then every other fund price file (sorted), each with facts and
// monthly closes. A missing facts file still yields the price series, with
// err naming the file.
func buildFunds(dataDir string, prices *Prices) (body []byte, asof Day, err error) {
	facts, ferr := loadFundFacts(dataDir)
	list := fundList(facts, prices)
	for _, f := range list {
		if s := prices.byKey[tickerKey(f.Ticker)]; s != nil && s.last() > asof {
			asof = s.last()
		}
	}
	var w jsonWriter
	w.raw(`{"kind":`)
	w.str(schema.KindFunds)
	w.raw(`,"asof":`)
	w.str(asof.String())
	w.raw(`,"provenance":[`)
	w.raw(`{"file":"funds.json","asof":"2025-06-30 (Vanguard) / 2025-10-31 (iShares)"}`)
	w.raw(`,{"file":"prices/<fund>.csv","asof":`)
	w.str(asof.String())
	w.raw(`}],"funds":[`)
	for i, f := range list {
		if i > 0 {
			w.raw(",")
		}
		writeFund(&w, f, prices.byKey[tickerKey(f.Ticker)])
	}
	w.raw("]}")
	if ferr != nil {
		err = fmt.Errorf("fund facts: %w", ferr)
	}
	return w.Bytes(), asof, err
}

// fundList is the facts without repeated tickers, then a bare entry for
// each fund price file without facts, so that every fund series reaches
// the ETF view even before someone copies its facts by hand.
func fundList(facts []fundFacts, prices *Prices) []fundFacts {
	seen := map[string]bool{}
	var list []fundFacts
	for _, f := range facts {
		k := tickerKey(f.Ticker)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		list = append(list, f)
	}
	var extra []string
	for _, t := range fundPriceTickers {
		if !seen[tickerKey(t)] && prices.byKey[tickerKey(t)] != nil {
			extra = append(extra, t)
		}
	}
	sort.Strings(extra)
	for _, t := range extra {
		list = append(list, fundFacts{Ticker: t})
		seen[tickerKey(t)] = true
	}
	return list
}

// fundNote is the fund's note, or one explaining a missing price series:
// a VTWO without a price file is told that IWM's prices, which track the
// same index, stand in (prices/VTWO.csv exists now and is used as is);
// SLY was merged into SPSM in 2023.
func fundNote(f fundFacts, s *series) *string {
	note := f.Note
	switch strings.ToUpper(f.Ticker) {
	case "VTWO":
		if s == nil {
			n := "No price file for VTWO: IWM tracks the same Russell 2000 index, so IWM's prices stand in."
			note = &n
		}
	case "SPSM":
		if note == nil {
			n := "SPDR S&P 600 Small Cap ETF (SLY) was merged into SPSM in 2023; SLY has no price file."
			note = &n
		}
	}
	if s == nil && note == nil {
		n := "No price file for this fund."
		note = &n
	}
	return note
}

// writeFund writes one entry of "funds"; s is its price series (nil: none).
func writeFund(w *jsonWriter, f fundFacts, s *series) {
	w.raw(`{"ticker":`)
	w.str(f.Ticker)
	w.raw(`,"name":`)
	w.strp(f.Name)
	w.raw(`,"issuer":`)
	w.strp(f.Issuer)
	w.raw(`,"index":`)
	w.strp(f.Index)
	w.raw(`,"segment":`)
	w.strp(f.Segment)
	w.raw(`,"style":`)
	w.strp(f.Style)
	w.raw(`,"expense_ratio_pct":`)
	w.exactp(f.ExpenseRatioPct)
	w.raw(`,"net_assets_usd":`)
	w.exactp(f.NetAssetsUSD)
	w.raw(`,"net_assets_as_of":`)
	w.strp(f.NetAssetsAsOf)
	w.raw(`,"inception":`)
	w.strp(f.Inception)
	w.raw(`,"holdings_count":`)
	w.exactp(f.HoldingsCount)
	w.raw(`,"holdings_count_as_of":`)
	w.strp(f.HoldingsCountAsOf)
	w.raw(`,"turnover_pct":`)
	w.exactp(f.TurnoverPct)
	w.raw(`,"facts_source":`)
	w.strp(factsSource(f.Issuer))
	first, monthly := monthlyCloses(s)
	w.raw(`,"first_month":`)
	if first == "" {
		w.raw("null")
	} else {
		w.str(first)
	}
	w.raw(`,"monthly":[`)
	for j, v := range monthly {
		if j > 0 {
			w.raw(",")
		}
		w.num(v, 6)
	}
	w.raw(`],"last_date":`)
	if s == nil {
		w.raw("null")
	} else {
		w.str(s.last().String())
	}
	w.raw(`,"note":`)
	w.strp(fundNote(f, s))
	w.raw("}")
}

// monthlyCloses is the close of the last trading day of every month from
// the first price on; the last entry is the last close (a partial month).
// A month without any trading day is null (NaN): the ETF view must not
// bridge a gap with an invented price.
func monthlyCloses(s *series) (first string, out []float64) {
	if s == nil || len(s.days) == 0 {
		return "", nil
	}
	ym := func(d Day) int { t := d.Time(); return t.Year()*12 + int(t.Month()) - 1 }
	start := ym(s.days[0])
	for i, d := range s.days {
		m := ym(d) - start
		for len(out) <= m {
			out = append(out, math.NaN())
		}
		out[m] = s.close[i]
	}
	t := s.days[0].Time()
	return fmt.Sprintf("%04d-%02d", t.Year(), int(t.Month())), out
}
