package data

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"

	"screener/schema"
)

// holdingsSurvivorship counts the current holdings without a price on
// the as-of date, and why.
type holdingsSurvivorship struct {
	holdings, noPrice, noFile, inTo2024, ended, startsLater, gap int
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
	default:
		h.gap++
	}
}

func (h *holdingsSurvivorship) stats() []Stat {
	return []Stat{{schema.HoldHoldings, float64(h.holdings)}, {schema.HoldNoPrice, float64(h.noPrice)}, {schema.HoldNoPriceFile, float64(h.noFile)},
		{schema.HoldInPricesTo2024, float64(h.inTo2024)}, {schema.HoldPriceFileEnded, float64(h.ended)},
		{schema.HoldPriceFileStartsLater, float64(h.startsLater)}, {schema.HoldPriceGap, float64(h.gap)}}
}

func (h *holdingsSurvivorship) text(asof, lastPrice Day) string {
	t := fmt.Sprintf("Current holdings: %d equities in the IWM and IJR holdings of %s. No price on %s for %d of them, so no market cap, "+
		"valuation or momentum, and no rank: no price file at all for %d (the price source kept only names still trading in mid-2026; "+
		"for %d of these prices-to-2024/ has a file, but it ends in March 2024), a price file that ends before %s for %d",
		h.holdings, asof, asof, h.noPrice, h.noFile, h.inTo2024, asof, h.ended)
	if h.startsLater > 0 {
		t += fmt.Sprintf(", a price file that starts only after %s (a later listing under the same ticker) for %d", asof, h.startsLater)
	}
	if h.gap > 0 {
		t += fmt.Sprintf(", a gap of more than %d days in the price file around %s for %d", maxStale, asof, h.gap)
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

// historySurvivorship counts what the modelled history universe cannot
// see: companies that published statements in the year before the date
// but have no price file (the price source kept only names still trading
// in 2026), so they were never ranked.
type historySurvivorship struct {
	pool, kept                   int // ranked companies, and those kept
	reporting, noPrice, delisted int
}

// reportingSurvivorship counts the companies reporting in the 12 months
// before asof and those of them without a price file.
func (e *buildEnv) reportingSurvivorship(asof Day) historySurvivorship {
	var h historySurvivorship
	for _, k := range sortedKeys(e.fu.companies) {
		c := e.fu.companies[k]
		if !c.reportedWithin(asof-365, asof) {
			continue
		}
		h.reporting++
		if !e.priced[c.key] {
			h.noPrice++
			if strings.HasSuffix(c.key, delistedSuffix) {
				h.delisted++
			}
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
		{schema.SurvNoPrice, float64(h.noPrice)}, {schema.SurvNoPriceDelisted, float64(h.delisted)}}
}

func (h historySurvivorship) text(asof Day, rankFirst, rankLast int) string {
	return fmt.Sprintf("Modelled universe (no historical constituent list exists here): %d US companies had a price and a share count on %s; "+
		"ranks %d-%d by market cap are kept (%d companies). Survivorship bias: the price files carry only names still trading in 2026, "+
		"so %d of the %d companies that published statements in the 12 months before %s (%.0f%%; %d of them marked delisted) have no price "+
		"and are missing from this universe. Companies that later failed are under-represented, which flatters weak companies and "+
		"overstates forward returns.",
		h.pool, asof, rankFirst, rankLast, h.kept, h.noPrice, h.reporting, asof, 100*float64(h.noPrice)/math.Max(1, float64(h.reporting)), h.delisted)
}
