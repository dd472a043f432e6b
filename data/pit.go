package data

import (
	"math"
	"sort"
)

// Point-in-time assembly: a company's statements as they were known on
// one date. Only what was published on or before the date is used, so
// that no history snapshot sees the future.

// StaleMonths is the age limit of statement-based inputs: a TTM window or
// balance sheet whose period ended more than 15 calendar months before the
// as-of date (end + 15 months < asof) is stale. Its values are missing
// (null), but the snapshot still names it (inc_end, bal_end, cf_end, their
// _pub/_src and the *2_* columns) so the reader can say "stale: period
// ended …", and the stock carries the `stale` flag. Fifteen months is a
// fiscal year plus the three months a filer has to publish it: a company
// whose newest statement is older has stopped reporting in these files.
// Written into every current/history body as "stale_months".
const StaleMonths = 15

// isStale applies StaleMonths: the period ending on end is stale on asof.
func isStale(end, asof Day) bool { return end.AddMonths(StaleMonths) < asof }

// maxAge bounds, in days before the as-of date, how old a fall-back share
// count may be (the newest count is used however old; sh_end shows it),
// and with two more years of look-back (for year-earlier windows) which
// statements are read at all.
const maxAge = 730

// quarterGap bounds the days between consecutive quarter ends (52/53-week
// fiscal calendars make them 84–98 days).
const quarterGapMin, quarterGapMax = 75, 105

// sameEnd is the tolerance for two sources' period ends to name the same period.
const sameEnd = 15

// yearTol is the tolerance around "one year earlier".
const yearTol = 45

// srcRank orders sources for the same period: the quarterly summary is the
// newer derivation of the same SimFin data and reaches a year further, so
// it wins where both have a value ("newer source wins").
func srcRank(s uint8) int {
	if s == srcSummary {
		return 1
	}
	return 0
}

// pitBlock is one block's statements as known on the as-of date.
type pitBlock struct {
	q []record // merged quarters, ascending end
	a []record // annual reports, ascending end
}

// visibleBlock keeps the records published on or before asof and merges
// quarters that two sources report for the same period: per field, the
// higher-ranked source wins, then the later publication.
func visibleBlock(recs []record, asof Day) pitBlock {
	var q, a []record
	for _, r := range recs {
		if r.pub > asof || r.end > asof || r.end < asof-maxAge-2*366 {
			continue
		}
		if r.annual {
			a = append(a, r)
		} else {
			q = append(q, r)
		}
	}
	return pitBlock{q: mergePeriods(q), a: mergePeriods(a)}
}

func mergePeriods(rs []record) []record {
	if len(rs) == 0 {
		return nil
	}
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].end != rs[j].end {
			return rs[i].end < rs[j].end
		}
		if srcRank(rs[i].src) != srcRank(rs[j].src) {
			return srcRank(rs[i].src) < srcRank(rs[j].src)
		}
		return rs[i].pub < rs[j].pub
	})
	// Within a group, later entries (higher rank, later publication) overwrite.
	var out []record
	start := 0
	for i := 1; i <= len(rs); i++ {
		if i < len(rs) && rs[i].end-rs[start].end <= sameEnd {
			continue
		}
		m := rs[start]
		for _, r := range rs[start+1 : i] {
			for f := range r.v {
				if !math.IsNaN(r.v[f]) {
					m.v[f], m.fpub[f], m.fsrc[f] = r.v[f], r.fpub[f], r.fsrc[f]
				}
			}
			if r.pub > m.pub {
				m.pub = r.pub
			}
			m.src = r.src
			m.end = r.end
		}
		// FCF recomputed only where no source gave it directly.
		if math.IsNaN(m.v[fFCF]) {
			m.v[fFCF] = m.v[fOCF] - m.v[fCapex]
			m.fpub[fFCF], m.fsrc[fFCF] = m.fpub[fOCF], m.fsrc[fOCF]
		}
		out = append(out, m)
		start = i
	}
	return out
}

// window is a TTM (or point) value and where it came from. A stale window
// (see StaleMonths) has ok false, so its value is never used, but keeps
// end, pub, src and annual so the snapshot can name it.
type window struct {
	v        float64
	end, pub Day
	src      uint8
	annual   bool
	ok       bool
	stale    bool
}

// staled turns w into a stale window: not ok, so no snapshot value uses
// it; the period (and the value, for the share-count plausibility test
// only) are kept.
func staled(w window) window {
	w.ok, w.stale = false, true
	return w
}

// quarterWindow sums field f over the four quarters ending at q[i], which
// must be consecutive (each 75–105 days after the previous) and all carry
// f. Cash flow quarters in these files are already per-quarter, not
// year-to-date, so a plain sum is right.
func quarterWindow(q []record, i int, f field) window {
	if i < 3 {
		return window{}
	}
	s := 0.0
	pub := Day(0)
	for k := i - 3; k <= i; k++ {
		v := q[k].v[f]
		if math.IsNaN(v) {
			return window{}
		}
		if k > i-3 {
			gap := int(q[k].end - q[k-1].end)
			if gap < quarterGapMin || gap > quarterGapMax {
				return window{}
			}
		}
		s += v
		if q[k].fpub[f] > pub {
			pub = q[k].fpub[f]
		}
	}
	return window{v: s, end: q[i].end, pub: pub, src: q[i].fsrc[f], ok: true}
}

// ttm is the trailing-twelve-month value of f on the as-of date: the sum of
// the newest four consecutive published quarters carrying f, or the newest
// published annual report where that is more recent (or quarters are
// missing). prior is the same sum one year earlier: the window ending
// 365±45 days before, from quarters or else an annual report.
func ttm(b pitBlock, f field, asof Day) (cur, prior window) {
	for i := len(b.q) - 1; i >= 3; i-- {
		if w := quarterWindow(b.q, i, f); w.ok {
			cur = w
			break
		}
	}
	for i := len(b.a) - 1; i >= 0; i-- {
		if v := b.a[i].v[f]; !math.IsNaN(v) {
			if !cur.ok || b.a[i].end > cur.end+sameEnd {
				cur = window{v: v, end: b.a[i].end, pub: b.a[i].fpub[f], src: b.a[i].fsrc[f], annual: true, ok: true}
			}
			break
		}
	}
	if !cur.ok {
		return window{}, window{}
	}
	if isStale(cur.end, asof) {
		// The year-earlier window follows: null too.
		return staled(cur), window{}
	}
	target := cur.end - 365
	fromQuarters := func() window {
		for i := len(b.q) - 1; i >= 3; i-- {
			if d := int(b.q[i].end - target); d >= -yearTol && d <= yearTol {
				if w := quarterWindow(b.q, i, f); w.ok {
					return w
				}
			}
		}
		return window{}
	}
	fromAnnual := func() window {
		for i := len(b.a) - 1; i >= 0; i-- {
			r := b.a[i]
			if d := int(r.end - target); d >= -yearTol && d <= yearTol && !math.IsNaN(r.v[f]) {
				return window{v: r.v[f], end: r.end, pub: r.fpub[f], src: r.fsrc[f], annual: true, ok: true}
			}
		}
		return window{}
	}
	if cur.annual {
		if prior = fromAnnual(); !prior.ok {
			prior = fromQuarters()
		}
	} else if prior = fromQuarters(); !prior.ok {
		prior = fromAnnual()
	}
	return cur, prior
}

// sameWindow is the TTM sum of f over the same period as w (the annual
// report, or the four quarters, ending at w.end), or not ok where f is
// missing for that period.
func sameWindow(b pitBlock, f field, w window) window {
	if !w.ok {
		return window{}
	}
	near := func(end Day) bool { d := int(end - w.end); return d >= -sameEnd && d <= sameEnd }
	if w.annual {
		for _, r := range b.a {
			if near(r.end) && !math.IsNaN(r.v[f]) {
				return window{v: r.v[f], end: r.end, pub: r.fpub[f], src: r.fsrc[f], annual: true, ok: true}
			}
		}
		return window{}
	}
	for i := range b.q {
		if near(b.q[i].end) {
			return quarterWindow(b.q, i, f)
		}
	}
	return window{}
}

// point is the newest balance-sheet value of f (quarter or annual report,
// whichever period ends later) and the value about a year before it.
func point(b pitBlock, f field, asof Day) (cur, prior window) {
	pick := func(match func(r record) bool) window {
		var best window
		for _, rs := range [][]record{b.q, b.a} {
			for i := len(rs) - 1; i >= 0; i-- {
				r := rs[i]
				if math.IsNaN(r.v[f]) || !match(r) {
					continue
				}
				if !best.ok || r.end > best.end+sameEnd {
					best = window{v: r.v[f], end: r.end, pub: r.fpub[f], src: r.fsrc[f], annual: r.annual, ok: true}
				}
				break
			}
		}
		return best
	}
	cur = pick(func(record) bool { return true })
	if !cur.ok {
		return window{}, window{}
	}
	if isStale(cur.end, asof) {
		return staled(cur), window{}
	}
	target := cur.end - 365
	prior = pick(func(r record) bool { d := int(r.end - target); return d >= -yearTol && d <= yearTol })
	return cur, prior
}

// pitFundamentals is a company's statement data as known on one date.
type pitFundamentals struct {
	cur, prior [nFields]window
	// revAtOp and revAtOpPrior are TTM revenue over exactly the windows of
	// cur[fOpInc] and prior[fOpInc]: operating income exists only in
	// SimFin, revenue also in the newer quarterly summary, so the newest
	// revenue can be a quarter or more younger than the newest operating
	// income, and a margin must not divide numbers from two periods.
	revAtOp, revAtOpPrior window
	// shares are the plausible counts (not rejected by the neighbour
	// test), newest period first, one per period; sharesFlag says a
	// rejected count was newer than the first of them.
	shares     []window
	sharesFlag bool
	// shareCands are all counts, newest period first, the neighbour test's
	// suspects included (marked): fund evidence can rehabilitate them.
	shareCands []shareCand
	flags      uint32
}

// shareCand is one share count that could size the company.
type shareCand struct {
	window
	// suspect: rejected by the neighbour test (markShareGlitches).
	suspect bool
}

// asOf assembles the company's point-in-time fundamentals: only statements
// published on or before asof are used.
func (c *company) asOf(asof Day) pitFundamentals {
	var p pitFundamentals
	var blocks [nBlocks]pitBlock
	for b := block(0); b < nBlocks; b++ {
		blocks[b] = visibleBlock(c.recs[b], asof)
	}
	for f := field(0); f < nFields; f++ {
		b := blocks[fieldBlock[f]]
		if fieldBlock[f] == bBal {
			p.cur[f], p.prior[f] = point(b, f, asof)
		} else {
			p.cur[f], p.prior[f] = ttm(b, f, asof)
		}
	}
	p.revAtOp = sameWindow(blocks[bInc], fRev, p.cur[fOpInc])
	p.revAtOpPrior = sameWindow(blocks[bInc], fRev, p.prior[fOpInc])
	p.shareCands = c.shareCandidates(asof)
	for _, sc := range p.shareCands {
		if sc.suspect {
			if len(p.shares) == 0 {
				p.sharesFlag = true
			}
			continue
		}
		if n := len(p.shares); n > 0 && sc.end >= p.shares[n-1].end-sameEnd {
			continue // a lower-ranked count of the same period
		}
		p.shares = append(p.shares, sc.window)
	}
	for _, e := range c.events {
		if e.pub <= asof {
			p.flags |= 1 << e.flag
		}
	}
	if p.sharesFlag {
		p.flags |= 1 << FlagSharesScale
	}
	return p
}

// hasPlausible: some count in cs passed the neighbour test.
func hasPlausible(cs []shareCand) bool {
	for _, c := range cs {
		if !c.suspect {
			return true
		}
	}
	return false
}

// shareCandidates are the share counts published on or before asof,
// newest period first; the first plausible one (not rejected by the
// neighbour test) is the newest count however old (its period end is
// written as sh_end so staleness shows). Where sources share a period the
// quarterly summary's `shares_outstanding` comes first (a period-end
// count), else SimFin's basic weighted shares (diluted where basic is
// missing): basic, not diluted, because market cap counts shares that
// exist, not options. Within a period plausible counts come before
// suspect ones, and repeated values are dropped. Older entries are the
// fall-backs used when a newer count fails the price-implied size or fund
// tests; once a plausible count is listed, older ones are kept only
// within maxAge of asof, since share counts drift by a few percent a year
// — far less than the 1,000x error they replace, but not nothing.
func (c *company) shareCandidates(asof Day) []shareCand {
	var out []shareCand
	var group []shareCand
	flush := func() {
		sort.SliceStable(group, func(i, j int) bool {
			if group[i].suspect != group[j].suspect {
				return !group[i].suspect
			}
			return srcRank(group[i].src) > srcRank(group[j].src)
		})
		for _, g := range group {
			dup := false
			for _, o := range out {
				if o.end <= g.end+sameEnd && o.v == g.v {
					dup = true
					break
				}
			}
			if !dup {
				out = append(out, g)
			}
		}
		group = group[:0]
	}
	for i := len(c.shares) - 1; i >= 0; i-- {
		s := c.shares[i]
		if s.pub > asof || s.end > asof {
			continue
		}
		if len(group) > 0 && s.end < group[0].end-sameEnd {
			flush()
		}
		if len(group) == 0 && int(asof-s.end) > maxAge && hasPlausible(out) {
			break
		}
		group = append(group, shareCand{window: window{v: s.v, end: s.end, pub: s.pub, src: s.src, ok: true}, suspect: s.bad})
	}
	flush()
	return out
}
