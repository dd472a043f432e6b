package data

import (
	"fmt"
	"sort"
	"strings"
)

// prices-to-2024/: daily adjusted closes, to 2024-03-08, of tickers
// without a file in prices/ (mostly companies that stopped trading
// between 2024 and 2026). The history snapshots use them for their
// universes, momentum and forward returns; the current snapshot does not
// (they end before its date), except to count holdings that have one.
//
// A ticker can have been reused by another company: statements filed
// under it may describe a company other than the one whose prices the
// file holds. Two checks guard against pairing them:
//
//   - ownsSeries (once per file): enough of the company's statement
//     periods that the folder could cover (2018 to the folder's last
//     date) must fall within the series' own dates, give or take
//     ownsSlack days: at least ownsMinPeriods of them, or half (a company
//     with fewer than ownsMinEvidence such periods passes: too little to
//     judge by);
//   - shareCovered (per snapshot date): the share count used for the
//     market cap must come from a period ending no earlier than ownsSlack
//     days before the series' first close — a count the new listing's
//     company reported, not one from before it existed.

const (
	ownsSlack       = 100
	ownsMinPeriods  = 4
	ownsMinEvidence = 3 // fewer checkable periods prove nothing: accepted, the per-date check still applies
)

// ownsSeries applies the first check; it returns the periods the series
// covers and those it could cover.
func (c *company) ownsSeries(s *series, folderFirst, folderLast Day) (ok bool, inside, checkable int) {
	var ends []Day
	for b := range c.recs {
		for _, r := range c.recs[b] {
			ends = append(ends, r.end)
		}
	}
	for _, sh := range c.shares {
		ends = append(ends, sh.end)
	}
	sort.Slice(ends, func(i, j int) bool { return ends[i] < ends[j] })
	lo, hi := s.days[0]-ownsSlack, s.last()+ownsSlack
	prev := Day(0)
	for _, e := range ends {
		if prev != 0 && e-prev <= sameEnd {
			continue // the same period from another block or source
		}
		prev = e
		if e < folderFirst-ownsSlack || e > folderLast {
			continue
		}
		checkable++
		if e >= lo && e <= hi {
			inside++
		}
	}
	return checkable < ownsMinEvidence || inside >= ownsMinPeriods || 2*inside >= checkable, inside, checkable
}

// owns applies ownsSeries over the dates of s's folder (prices/ or
// prices-to-2024/).
func (e *buildEnv) owns(c *company, s *series) bool {
	first, last := e.pricesFirst, e.prices.last
	if e.old != nil && e.old.byKey[tickerKey(s.ticker)] == s {
		first, last = e.oldFirst, e.old.last
	}
	ok, _, _ := c.ownsSeries(s, first, last)
	return ok
}

// shareCovered applies the second check to a row sized from s.
func shareCovered(r *row, s *series) bool {
	return r.shEnd == 0 || dayFromYMD(r.shEnd) >= s.days[0]-ownsSlack
}

// oldPriceStats are what matching prices-to-2024/ found, for the report.
type oldPriceStats struct {
	files, matched, alreadyPriced, unmatched, tooLate int
	reused                                            []string // files rejected by ownsSeries, with the numbers
}

func (e *buildEnv) matchLines() []string {
	out := e.oldStats.lines()
	out = append(out, fmt.Sprintf("prices/: %d files left out of the history universes as another company's series (the same test)", len(e.reusedPrices)))
	if len(e.reusedPrices) > 0 {
		out = append(out, "  left out: "+strings.Join(e.reusedPrices, "; "))
	}
	return out
}

func (st oldPriceStats) lines() []string {
	out := []string{fmt.Sprintf("prices-to-2024/: %d files; %d matched to a company's statements and used for history (one file per company); %d of a company that already has a prices/ file (not used); %d with no statements; %d whose company reports only after the file ends; %d rejected as another company's series (ticker reuse: fewer than %d, and fewer than half, of the company's statement periods up to the folder's end fall within the series' dates +-%d days)",
		st.files, st.matched, st.alreadyPriced, st.unmatched, st.tooLate, len(st.reused), ownsMinPeriods, ownsSlack)}
	if len(st.reused) > 0 {
		out = append(out, "  rejected: "+strings.Join(st.reused, "; "))
	}
	return out
}

// matchOldPrices pairs prices-to-2024/ files with statement companies
// that no prices/ file priced, after matchPriceFiles. Accepted files join
// the history pool (poolEntry.old) and oldByKey.
func (e *buildEnv) matchOldPrices() {
	e.oldByKey = map[string]*series{}
	e.pricedOld = map[string]bool{}
	if e.old == nil {
		return
	}
	first := Day(0)
	for _, s := range e.old.all {
		if first == 0 || s.days[0] < first {
			first = s.days[0]
		}
	}
	e.oldFirst = first
	st := &e.oldStats
	st.files = len(e.old.all)
	for _, s := range e.old.all {
		k := tickerKey(s.ticker)
		if e.fundKeys[k] {
			continue
		}
		c := e.seriesCompany(s)
		if c == nil {
			st.unmatched++
			continue
		}
		ok, in, n := c.ownsSeries(s, first, e.old.last)
		if n == 0 {
			st.tooLate++ // statements only after the file ends: no use
			continue
		}
		if !ok {
			st.reused = append(st.reused, fmt.Sprintf("%s (%s to %s; statements of %s: %d of %d periods inside)", s.file, s.days[0], s.last(), c.key, in, n))
			continue
		}
		e.oldByKey[k] = s
		if e.priced[c.key] || e.pricedOld[c.key] {
			st.alreadyPriced++
			continue
		}
		st.matched++
		e.pricedOld[c.key] = true
		e.pool = append(e.pool, poolEntry{s: s, c: c, old: true})
	}
}
