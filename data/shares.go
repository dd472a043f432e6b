package data

import (
	"fmt"
	"math"
)

// Share-count and market-cap cross-checks.
//
// A stock's market cap is price × shares, and both factors have glitches
// in the raw files: SimFin share counts off by 1,000x (in thousands in
// some years, in units ×1,000 in others), and adjusted closes rescaled by
// a split made after the date. The neighbour test (markShareGlitches)
// catches an isolated bad period, but not a company whose counts are all
// wrong the same way, and it rejects a correct count that follows wrong
// ones. The current snapshot has independent evidence of each company's
// size, which the history snapshots lack:
//
//   - its IWM and IJR weights on the as-of date: an index weight is
//     float-adjusted cap / index cap, so weight × K_fund (K estimated as
//     the median of mcap / weight over stocks that pass every other test)
//     is a float-adjusted cap; the full cap is that or more (1–3x for
//     most companies);
//   - the shares IWM holds a month later (second IWM file): the fund holds
//     about the same fraction of every company's float, so shares held /
//     that fraction (median) estimates shares outstanding;
//   - the company's book equity and revenue (P/B, P/S in very wide ranges)
//     and its other share counts (the neighbour test).
//
// The count used is the newest candidate (suspect ones included) that
// agrees with every piece of fund evidence within fundAgree and passes
// the plausibility tests, provided it differs materially (materialFactor)
// from the count today's rules pick; where today's pick looks like low
// float (above the evidence by at most lowFloatMax), only counts of its
// period or newer may replace it. Where none agrees but today's pick is
// above the evidence by at most lowFloatMax and plausible, it is kept and
// flagged mcap_low_float; otherwise shares and mcap are null and flagged
// mcap_unsupported. Each count is tried at the adjusted close and, where a
// later corporate action rescaled the price series (priceOptions), at the
// real price of the day. Without fund evidence (history) the same code
// applies today's rules: neighbour test, assets ratio, shares held.

const (
	// fundAgree: a count agrees with a piece of fund evidence when the
	// two are within 3x of each other.
	fundAgree = 3.0
	// lowFloatMax: the Russell indexes leave out companies with 5% float
	// or less, so a full market cap can exceed the float-adjusted one by
	// 20x at most; a larger gap is a wrong count (or price), not low float.
	lowFloatMax = 20.0
	// weightHalfStep: holdings weights are rounded to 0.01%, so a weight
	// w stands for [w-0.005, w+0.005].
	weightHalfStep = 0.005
	// kMinWeight: only weights of 0.05% or more estimate K (rounding
	// error at most 10%).
	kMinWeight = 0.05
	// minEvidenceSample: fewer clean stocks than this and a fund-wide
	// constant is not estimated (no fund evidence).
	minEvidenceSample = 3
	// Very wide plausibility ranges for a market cap against the balance
	// sheet and sales (current snapshot, with fund evidence): they only
	// exclude scale errors, never expensive or cheap stocks.
	assetsRatioMax = 1e4
	pbMin, pbMax   = 0.005, 1000.0
	psMin, psMax   = 0.002, 2000.0
	// priceScaleTol: an adjusted close 1.5x or more away from the second
	// IWM file's own price on that file's date was rescaled by a later
	// split, reverse split or distribution (dividends between the two
	// dates move it by a few percent only); the real price is then a
	// second way to size the company (see priceOptions).
	priceScaleTol = materialFactor
	// decDateWindow: the second IWM file is dated by its prices: the day
	// within this many days after the as-of date whose closes match the
	// file's prices most often.
	decDateWindow = 60
)

// Correction is one change a cross-check made to one stock's values,
// listed by the coverage report.
type Correction struct {
	Ticker string
	Rule   string // a flag name
	Old    string
	New    string
	Reason string
}

func (c Correction) String() string {
	return fmt.Sprintf("%-7s %-21s %s -> %s: %s", c.Ticker, c.Rule, c.Old, c.New, c.Reason)
}

// materialFactor: a count (or count and price) that differs from the one
// today's rules pick by less than this is not an alternative to it: the
// evidence is not that precise, and counts drift that much in a year or two.
const materialFactor = 1.5

// shareFlags are the bits sizeRow decides.
const shareFlags = 1<<FlagSharesScale | 1<<FlagSharesFundCorrected | 1<<FlagMcapLowFloat | 1<<FlagMcapUnsupported | 1<<FlagPriceRescaled

// sizing is a count with the price it is used at.
type sizing struct {
	i     int
	price float64
	cs    []evCheck
	d     float64
}

// plausible is today's test of a count: positive, not below the shares
// IWM alone holds, and a market cap within 10,000x of total assets.
// full adds the wide P/B and P/S ranges (used with fund evidence).
func plausible(r *row, shares, price float64, full bool) (bool, string) {
	if !(shares > 0) {
		return false, "count not positive"
	}
	// Shares held are real shares; a count used at the adjusted price of
	// a later-split stock is in the split's units.
	unit := 1.0
	if real := r.realPrice(); real > 0 && price > 0 {
		unit = price / real
	}
	if r.held > 1.5*shares*unit {
		return false, fmt.Sprintf("IWM alone holds %s M shares", fmtSig(r.held/million, 3))
	}
	mcap := price * shares / million
	if math.IsNaN(mcap) {
		return true, ""
	}
	if a := r.sizeAssets; a > 1 {
		if q := mcap / a; q > assetsRatioMax || q < 1/assetsRatioMax {
			return false, fmt.Sprintf("mcap/assets %s", fmtSig(q, 3))
		}
	}
	if !full {
		return true, ""
	}
	if eq := r.cur[fEquity]; eq > 1 {
		if q := mcap / eq; q > pbMax || q < pbMin {
			return false, fmt.Sprintf("P/B %s", fmtSig(q, 3))
		}
	}
	if rev := r.cur[fRev]; rev > 10 {
		if q := mcap / rev; q > psMax || q < psMin {
			return false, fmt.Sprintf("P/S %s", fmtSig(q, 3))
		}
	}
	return true, ""
}

// baselinePick applies today's rules: the newest count that the neighbour
// test accepts and that passes plausible (one per period), else the next
// older one; flagged when any newer count was passed over. Also returns
// why the newest count was passed over.
func baselinePick(r *row) (idx int, flagged bool, why string) {
	idx = -1
	var tried Day
	for i, c := range r.cands {
		if c.suspect {
			flagged = true
			if why == "" {
				why = fmt.Sprintf("count %s M (%s) >= %dx off the company's counts within 3 years", fmtSig(c.v/million, 5), c.end, shareScaleLimit)
			}
			continue
		}
		if tried != 0 && c.end >= tried-sameEnd {
			continue // a lower-ranked count of a period already tried
		}
		tried = c.end
		if ok, bad := plausible(r, c.v, r.price, false); !ok {
			flagged = true
			if why == "" {
				why = fmt.Sprintf("count %s M (%s): %s", fmtSig(c.v/million, 5), c.end, bad)
			}
			continue
		}
		return i, flagged || i > 0, why
	}
	return -1, flagged, why
}

// sizeRow sets shares, mcap and sh_end (and, with fund evidence, maybe
// price) from the row's candidate counts. ev nil (history, or the first
// pass of current): today's rules.
func sizeRow(r *row, ev *fundEvidence) {
	r.price = r.adjPrice
	r.flags &^= shareFlags
	r.shares, r.mcap, r.shEnd = math.NaN(), math.NaN(), 0
	r.corr = r.corr[:0]
	r.baseIdx = -1
	if len(r.cands) == 0 {
		return
	}
	use := func(z sizing) {
		c := r.cands[z.i]
		if !samePrice(z.price, r.price) {
			r.flags |= 1 << FlagPriceRescaled
			r.corr = append(r.corr, Correction{Ticker: r.ticker, Rule: flagNames[FlagPriceRescaled], Old: "price " + fmtSig(r.price, 6), New: "price " + fmtSig(z.price, 6),
				Reason: fmt.Sprintf("the adjusted series was rescaled %sx by a split or distribution after %s (adjusted close vs the second IWM file's price on %s); count %s M (%s) is in the units of the real price",
					fmtSig(r.decF, 4), r.asofDay, r.decDate, fmtSig(c.v/million, 5), c.end)})
			r.price = z.price
		}
		r.shares = c.v / million
		r.mcap = r.price * c.v / million
		r.shEnd = c.end.YMD()
	}
	base, baseFlag, why := baselinePick(r)
	r.baseIdx = base
	hasEv := false
	for _, c := range r.cands {
		if c.v > 0 {
			hasEv = len(ev.checks(r, c.v, r.price)) > 0
			break
		}
	}
	if !hasEv {
		if base >= 0 {
			use(sizing{i: base, price: r.price})
		}
		if baseFlag {
			r.flags |= 1 << FlagSharesScale
			r.note(FlagSharesScale, 0, base, "newest "+why)
		}
		return
	}
	// best is the count's price option closest to the evidence among
	// those accepted by keep.
	best := func(i int, keep func(cs []evCheck) bool) (sizing, bool) {
		var z sizing
		found := false
		for _, p := range r.priceOptions() {
			if ok, _ := plausible(r, r.cands[i].v, p, true); !ok {
				continue
			}
			cs := ev.checks(r, r.cands[i].v, p)
			if !keep(cs) {
				continue
			}
			if d := distance(cs); !found || d < z.d {
				z, found = sizing{i: i, price: p, cs: cs, d: d}, true
			}
		}
		return z, found
	}
	material := func(z sizing) bool {
		if base < 0 || z.i == base && samePrice(z.price, r.price) {
			return true
		}
		a, b := z.price*r.cands[z.i].v, r.price*r.cands[base].v
		if math.IsNaN(a) || math.IsNaN(b) {
			a, b = r.cands[z.i].v, r.cands[base].v
		}
		return a/b >= materialFactor || b/a >= materialFactor
	}
	// A count up to lowFloatMax above the evidence looks like low float:
	// an older, smaller count is then more likely outdated than right, so
	// only counts of the same or newer periods may replace it.
	lowBand := false
	if base >= 0 {
		_, lowBand = best(base, lowFloat)
	}
	var chosen sizing
	found := false
	for i := range r.cands {
		if lowBand && r.cands[i].end < r.cands[base].end-sameEnd {
			break
		}
		if z, ok := best(i, allAgree); ok && material(z) {
			chosen, found = z, true
			break
		}
	}
	switch {
	case found && chosen.i == base:
		use(chosen)
		if baseFlag {
			r.flags |= 1 << FlagSharesScale
			r.note(FlagSharesScale, 0, base, "newest "+why+"; the fund evidence agrees with the count used")
		}
	case found:
		old := sizing{i: base, price: r.price}
		use(chosen)
		r.flags |= 1 << FlagSharesFundCorrected
		reason := "agrees with the fund evidence: " + describeChecks(chosen.cs)
		if r.cands[chosen.i].suspect {
			reason += "; the neighbour test had rejected it"
		}
		if base >= 0 {
			reason += "; the count today's rules pick: " + describeChecks(ev.checks(r, r.cands[base].v, old.price))
		}
		r.note(FlagSharesFundCorrected, base, chosen.i, reason)
	default:
		if base >= 0 {
			if z, ok := best(base, lowFloat); ok {
				use(z)
				r.flags |= 1 << FlagMcapLowFloat
				if baseFlag {
					r.flags |= 1 << FlagSharesScale
				}
				r.note(FlagMcapLowFloat, base, base, fmt.Sprintf("no count within %gx of the fund evidence; kept (neighbours, P/B and P/S plausible, at most %gx above): %s",
					fundAgree, lowFloatMax, describeChecks(z.cs)))
				return
			}
		}
		r.flags |= 1 << FlagMcapUnsupported
		if baseFlag {
			r.flags |= 1 << FlagSharesScale
		}
		shown, label := base, "today's"
		if shown < 0 {
			shown, label = 0, "newest"
		}
		c := r.cands[shown]
		reason := fmt.Sprintf("no count agrees with the fund evidence; %s count %s M (%s): %s", label, fmtSig(c.v/million, 5), c.end, describeChecks(ev.checks(r, c.v, r.price)))
		if ok, bad := plausible(r, c.v, r.price, true); !ok {
			reason += "; " + bad
		}
		r.note(FlagMcapUnsupported, base, -1, reason)
	}
}

func samePrice(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }

// note records a correction from candidate old to candidate new (-1 =
// null), at the row's price (the adjusted close for old, the price used
// for new).
func (r *row) note(f Flag, old, new int, reason string) {
	val := func(i int, price float64) string {
		if i < 0 {
			return "null"
		}
		c := r.cands[i]
		s := fmt.Sprintf("shares %s M (%s)", fmtSig(c.v/million, 5), c.end)
		if m := price * c.v / million; !math.IsNaN(m) {
			s += " mcap " + fmtSig(m, 5)
		}
		return s
	}
	r.corr = append(r.corr, Correction{Ticker: r.ticker, Rule: flagNames[f], Old: val(old, r.adjPrice), New: val(new, r.price), Reason: reason})
}
