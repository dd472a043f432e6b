package data

import (
	"fmt"
	"sort"
	"strings"
)

// buildEnv is the loaded input shared (read-only) by the snapshot jobs.
type buildEnv struct {
	fu       *Fundamentals
	prices   *Prices
	info     map[string]holdingsInfo
	dec      iwmDecember
	fundKeys map[string]bool
	// to2024 are the ticker keys of prices-to-2024/ (file names: the
	// current snapshot's survivorship counts).
	to2024 map[string]bool
	// old is prices-to-2024/ read (empty when the folder is missing);
	// oldFirst its first date; oldByKey the files matched to the company
	// whose statements they pair with (oldprices.go); pricedOld the
	// companies priced only by such a file; oldStats for the report.
	old       *Prices
	oldFirst  Day
	oldByKey  map[string]*series
	pricedOld map[string]bool
	oldStats  oldPriceStats
	// lists are the real membership lists by history year; years the
	// history models (russellYears unless a test overrides it).
	lists map[int]*realList
	years map[int]russellYear
	// pricesFirst is prices/' first date; reusedPrices the prices/ files
	// left out of the history pool as another company's (ownsSeries).
	pricesFirst  Day
	reusedPrices []string
	// rankFirst, rankLast: the history universe's market-cap ranks.
	rankFirst, rankLast int
	byName              map[string]*company
	byCIK               map[string]*company
	// cikTickers counts us-companies tickers per CIK.
	cikTickers map[string]int
	// priced marks statement companies that some prices/ file maps to and
	// that own it (ownsSeries); anyFile those some prices/ file maps to
	// at all (the survivorship count before prices-to-2024/ and the
	// ownership test).
	priced, anyFile map[string]bool
	// anySeries is the first prices/ file mapped to each company (owned
	// or not): the "before" survivorship counts.
	anySeries map[string]*series
	// pool is every non-fund price file with its statement company, one
	// price file per company.
	pool []poolEntry
}

type poolEntry struct {
	s   *series
	c   *company
	old bool // s is a prices-to-2024/ file
}

// companyFor finds the statements of a ticker: the exact key first, then
// (for tickers that visibly name a share class) the class siblings, then
// a renamed ticker: the same SEC CIK in us-companies.csv (CECO's
// statements sit under its old ticker CECE), or, for tickers SimFin does
// not list at all, the same company name (see indexNames).
func (e *buildEnv) companyFor(ticker, name string) *company {
	for _, k := range classCandidates(ticker, name) {
		if c := e.fu.companies[k]; c != nil {
			return c
		}
	}
	if m, ok := e.fu.meta[tickerKey(ticker)]; ok {
		c := e.byCIK[m.cik]
		if c == nil {
			return nil
		}
		// A CIK listed under three or more tickers is a family of
		// tracking stocks (Liberty Media's CIK also carries the Braves
		// stocks): its statements describe the parent, unless the names agree.
		if e.cikTickers[m.cik] > 2 && nameKey(m.name) != nameKey(c.name) {
			return nil
		}
		return c
	}
	if name == "" {
		return nil
	}
	return e.byName[nameKey(name)]
}

// indexNames maps CIKs and normalised company names (us-companies.csv)
// to companies whose statements sit under a ticker with no price file of
// its own (an old ticker). A CIK or name shared by two such companies is
// dropped, so that namesakes (First BanCorp / First Bancorp) never merge.
func (e *buildEnv) indexNames() {
	e.byName = map[string]*company{}
	e.byCIK = map[string]*company{}
	nameCount := map[string]int{}
	cikCount := map[string]int{}
	for _, k := range sortedKeys(e.fu.companies) {
		c := e.fu.companies[k]
		nk := nameKey(c.name)
		if nk != "" {
			nameCount[nk]++
		}
		if c.cik != "" {
			cikCount[c.cik]++
		}
		if e.prices.byKey[k] != nil || strings.HasSuffix(k, delistedSuffix) {
			continue
		}
		if nk != "" {
			e.byName[nk] = c
		}
		if c.cik != "" {
			e.byCIK[c.cik] = c
		}
	}
	for nk, n := range nameCount {
		if n > 1 {
			delete(e.byName, nk)
		}
	}
	e.cikTickers = map[string]int{}
	for _, m := range e.fu.meta {
		if m.cik != "" {
			e.cikTickers[m.cik]++
		}
	}
	for ck, n := range cikCount {
		if n > 1 {
			delete(e.byCIK, ck)
		}
	}
}

// priceFor finds a ticker's price file: the exact key, else (for a
// ticker that visibly names a share class, e.g. holdings GEFB or CWENA)
// a sibling class's file (GEF, CWEN). Market cap multiplies by the
// company's total share count, so any class's price serves.
func (e *buildEnv) priceFor(ticker, name string) *series {
	for _, k := range classCandidates(ticker, name) {
		if s := e.prices.byKey[k]; s != nil {
			return s
		}
	}
	return nil
}

// matchPriceFiles pairs price files with statement companies for the
// history universes. Where two share classes map to one company, the
// class whose key equals the company's wins (else the first by ticker),
// so no company is counted twice. A file whose dates do not cover the
// company's reporting periods is another company's (ticker reuse, or a
// new listing after a restructuring: see ownsSeries) and is left out.
func (e *buildEnv) matchPriceFiles() {
	e.priced, e.anyFile, e.anySeries = map[string]bool{}, map[string]bool{}, map[string]*series{}
	chosen := map[string]int{}
	for _, s := range e.prices.all {
		if e.pricesFirst == 0 || s.days[0] < e.pricesFirst {
			e.pricesFirst = s.days[0]
		}
	}
	for _, s := range e.prices.all {
		k := tickerKey(s.ticker)
		c := e.seriesCompany(s)
		if c == nil {
			continue
		}
		e.anyFile[c.key] = true
		if e.anySeries[c.key] == nil {
			e.anySeries[c.key] = s
		}
		if !e.owns(c, s) {
			_, in, n := c.ownsSeries(s, e.pricesFirst, e.prices.last)
			e.reusedPrices = append(e.reusedPrices, fmt.Sprintf("%s (%s to %s; statements of %s: %d of %d periods inside)", s.file, s.days[0], s.last(), c.key, in, n))
			continue
		}
		e.priced[c.key] = true
		if i, ok := chosen[c.key]; ok {
			if tickerKey(e.pool[i].s.ticker) != c.key && k == c.key {
				e.pool[i].s = s
			}
			continue
		}
		chosen[c.key] = len(e.pool)
		e.pool = append(e.pool, poolEntry{s: s, c: c})
	}
}

// seriesCompany is the statement company of a stock's price file (nil for
// a fund's file or a ticker without statements).
func (e *buildEnv) seriesCompany(s *series) *company {
	k := tickerKey(s.ticker)
	if e.fundKeys[k] {
		return nil
	}
	name := ""
	if in, ok := e.info[k]; ok {
		name = in.name
	}
	return e.companyFor(s.ticker, name)
}

// tickerByName resolves a holdings row that has a name but no ticker:
// the one ticker that other holdings files or SimFin's company list give
// that name, provided it has a price file; "" when none or ambiguous.
func (e *buildEnv) tickerByName(name string) string {
	nk := nameKey(name)
	if nk == "" {
		return ""
	}
	found := map[string]bool{}
	for _, k := range sortedKeys(e.info) {
		if nameKey(e.info[k].name) == nk && e.prices.byKey[k] != nil {
			found[k] = true
		}
	}
	for _, k := range sortedKeys(e.fu.meta) {
		if nameKey(e.fu.meta[k].name) == nk && e.prices.byKey[k] != nil {
			found[k] = true
		}
	}
	if len(found) != 1 {
		return ""
	}
	for k := range found {
		return e.prices.byKey[k].ticker
	}
	return ""
}

// isUS applies the "US companies" rule: the holdings country where the
// ticker is in any holdings file, else a US ISIN where SimFin gives one;
// companies with neither are kept (every SimFin file here is its US market).
func (e *buildEnv) isUS(key string, c *company) bool {
	if in, ok := e.info[key]; ok && in.country != "" {
		return in.country == "United States"
	}
	if c != nil && len(c.isin) >= 2 {
		return strings.HasPrefix(c.isin, "US")
	}
	return true
}

func (e *buildEnv) nameOf(key string, c *company) string {
	if in, ok := e.info[key]; ok && in.name != "" {
		return in.name
	}
	if c != nil && c.name != "" {
		return c.name
	}
	return key
}

// sectorOf is the GICS sector: holdings first, else SimFin's industry mapped.
func (e *buildEnv) sectorOf(key string, c *company) string {
	if in, ok := e.info[key]; ok && in.sector != "" {
		return in.sector
	}
	if c != nil {
		if in, ok := e.info[c.key]; ok && in.sector != "" {
			return in.sector
		}
		return simfinToGICS(c.industry)
	}
	return ""
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
