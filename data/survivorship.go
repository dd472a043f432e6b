package data

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"

	"screener/data/schema"
)

// holdingsSurvivorship counts the current holdings without a price on
// the as-of date, and why.
type holdingsSurvivorship struct {
	holdings, noPrice, noFile, inTo2024, ended, startsLater, gap, glitch int
}

func (h *holdingsSurvivorship) count(e *buildEnv, r *row, s *series, asof Day) {
	h.holdings++
	if !math.IsNaN(r.price) {
		return
	}
	h.noPrice++
	switch {
	case s == nil:
		h.noFile++
		for _, k := range classCandidates(r.ticker, r.name) {
			if e.to2024[k] {
				h.inTo2024++
				break
			}
		}
	case s.last() < asof:
		h.ended++
	case s.days[0] > asof:
		h.startsLater++
	case r.flags&(1<<FlagPriceGlitch) != 0 && s.atIdx(asof) >= 0:
		h.glitch++ // a close exists, inside a glitchy stretch
	default:
		h.gap++
	}
}

func (h *holdingsSurvivorship) stats() []Stat {
	return []Stat{{schema.HoldHoldings, float64(h.holdings)}, {schema.HoldNoPrice, float64(h.noPrice)}, {schema.HoldNoPriceFile, float64(h.noFile)},
		{schema.HoldInPricesTo2024, float64(h.inTo2024)}, {schema.HoldPriceFileEnded, float64(h.ended)},
		{schema.HoldPriceFileStartsLater, float64(h.startsLater)}, {schema.HoldPriceGap, float64(h.gap)}, {schema.HoldPriceGlitch, float64(h.glitch)}}
}

// text describes the counts; funds names the holdings files ("IWM and IJR").
func (h *holdingsSurvivorship) text(funds string, asof, lastPrice Day) string {
	t := fmt.Sprintf("Current holdings: %d equities in the %s holdings of %s. No price on %s for %d of them, so no market cap, "+
		"valuation or momentum, and no rank: no price file at all for %d (the price source kept only names still trading in mid-2026; "+
		"for %d of these prices-to-2024/ has a file, but it ends in March 2024), a price file that ends before %s for %d",
		h.holdings, funds, asof, asof, h.noPrice, h.noFile, h.inTo2024, asof, h.ended)
	if h.startsLater > 0 {
		t += fmt.Sprintf(", a price file that starts only after %s (a later listing under the same ticker) for %d", asof, h.startsLater)
	}
	if h.gap > 0 {
		t += fmt.Sprintf(", a gap of more than %d days in the price file around %s for %d", maxStale, asof, h.gap)
	}
	if h.glitch > 0 {
		t += fmt.Sprintf(", a close on %s inside a glitchy stretch of the price file (flag %s) for %d", asof, schema.FlagPriceGlitch, h.glitch)
	}
	t += fmt.Sprintf(". Holdings acquired, merged or delisted since are therefore missing from the rankings, and forward returns (%s to %s) "+
		"exist only for names still trading. Statement values are SimFin's as later restated, not the numbers first reported on the publish date.",
		asof, lastPrice)
	return t
}

// listKeys returns the ticker keys of the *.csv files in dir (names only).
func listKeys(dir string) map[string]bool {
	out := map[string]bool{}
	paths, err := listCSV(dir)
	if err != nil {
		return out
	}
	for _, p := range paths {
		base := filepath.Base(p)
		out[tickerKey(strings.TrimSuffix(base, filepath.Ext(base)))] = true
	}
	return out
}

// historySurvivorship counts what a history universe cannot see:
// companies that published statements in the year before the date but
// have no price series (prices/ kept only names still trading in 2026;
// prices-to-2024/ adds names to March 2024, so companies gone before then
// are in neither), and how the universe's forward returns were treated.
type historySurvivorship struct {
	pool, kept                   int // ranked companies, and the universe
	reporting, noPrice, delisted int // after prices-to-2024/
	noPriceBefore                int // counting prices/ only, any file (as before prices-to-2024/ and the ownership test)
	unpriced, unpricedBefore     int // no price on asof from an own series (after) / from any prices/ file (before)
	fromOld                      int // universe rows priced from prices-to-2024/
	toLast, glitch               int // rows flagged fwd_to_last_price; price_glitch or fwd_price_glitch
}

// reportingSurvivorship counts the companies reporting in the 12 months
// before asof and those of them without a price series, with and without
// prices-to-2024/.
func (e *buildEnv) reportingSurvivorship(asof Day) historySurvivorship {
	var h historySurvivorship
	own := map[string]*series{}
	for _, pe := range e.pool {
		own[pe.c.key] = pe.s
	}
	for _, k := range sortedKeys(e.fu.companies) {
		c := e.fu.companies[k]
		if !c.reportedWithin(asof-365, asof) {
			continue
		}
		h.reporting++
		if !e.anyFile[c.key] {
			h.noPriceBefore++
		}
		if _, ok := e.anySeries[c.key].at(asof); !ok {
			h.unpricedBefore++
		}
		if _, ok := own[c.key].at(asof); !ok {
			h.unpriced++
		}
		if e.priced[c.key] || e.pricedOld[c.key] {
			continue
		}
		h.noPrice++
		if strings.HasSuffix(c.key, delistedSuffix) {
			h.delisted++
		}
	}
	return h
}

// reportedWithin: some statement of the company became public in (from, to].
func (c *company) reportedWithin(from, to Day) bool {
	for b := range c.recs {
		for _, r := range c.recs[b] {
			if r.pub > from && r.pub <= to {
				return true
			}
		}
	}
	return false
}

func (h historySurvivorship) stats() []Stat {
	return []Stat{{schema.SurvRankedPool, float64(h.pool)}, {schema.SurvKept, float64(h.kept)}, {schema.SurvReporting, float64(h.reporting)},
		{schema.SurvNoPrice, float64(h.noPrice)}, {schema.SurvNoPriceDelisted, float64(h.delisted)},
		{schema.SurvNoPricePricesOnly, float64(h.noPriceBefore)}, {schema.SurvUnpriced, float64(h.unpriced)},
		{schema.SurvUnpricedPricesOnly, float64(h.unpricedBefore)}, {schema.SurvKeptFromPricesTo2024, float64(h.fromOld)},
		{schema.SurvFwdToLastPrice, float64(h.toLast)}, {schema.SurvPriceGlitch, float64(h.glitch)}}
}

func pct(n, of int) float64 { return 100 * float64(n) / math.Max(1, float64(of)) }

// text is the survivorship statement of a history snapshot, with its
// numbers: what the price sources miss, what the universe lost, and how
// forward returns treat a company that stopped trading.
func (h historySurvivorship) text(asof Day, m modelUniverse, l *realList, uc *universeCheck) string {
	var b strings.Builder
	if uc != nil {
		fmt.Fprintf(&b, "Real universe: %d of the %d listed members of %s are here; %d have no price series of their own in either price folder (companies gone before March 2024, or listed in the data under another ticker), %d no price on %s (a prices-to-2024/ series ends on 2024-03-08; a later listing has none yet) and %d no share count (no statement published by then in the data). ",
			uc.real, uc.listed, l.file, uc.noPriceFile, uc.noPrice, asof, uc.noShares)
		b.WriteString(l.caveat)
	} else {
		fmt.Fprintf(&b, "Modelled universe (no membership list exists here for this year): %d US companies had a price and a share count on the rank day %s; %d of them fell in the Russell 2000 range and %d of those are priced on %s. ",
			m.pool, m.rankDay, m.inRange, h.kept, asof)
	}
	fmt.Fprintf(&b, "Survivorship bias: prices/ carries only names still trading in 2026, and prices-to-2024/ adds series to March 2024 of names that mostly stopped trading between 2024 and 2026. "+
		"Of the %d companies that published statements in the 12 months before %s, %d (%.0f%%) had no price on that date from prices/ (%d no file there at all); with prices-to-2024/, and without the files that turned out to be another company's (a reused ticker), %d (%.0f%%) have no price on the date from a series of their own (%d no series at all, %d of those marked delisted) and cannot be in this universe. "+
		"%d stocks of this universe are priced from prices-to-2024/. ",
		h.reporting, asof, h.unpricedBefore, pct(h.unpricedBefore, h.reporting), h.noPriceBefore, h.unpriced, pct(h.unpriced, h.reporting), h.noPrice, h.delisted, h.fromOld)
	fmt.Fprintf(&b, "A stock whose price series ends inside a forward window earns its return to its last close, as if sold there and held in cash (0%%) after; for a prices-to-2024/ series that ends on 2024-03-08 this is where the file ends, not necessarily where trading did (flag %s: %d stocks here). "+
		"Returns over a glitchy stretch of a price series are null (flags %s, %s: %d stocks here). "+
		"Companies that failed before March 2024 are still under-represented, which flatters weak companies and overstates forward returns.",
		schema.FlagFwdToLastPrice, h.toLast, schema.FlagPriceGlitch, schema.FlagFwdPriceGlitch, h.glitch)
	return b.String()
}
