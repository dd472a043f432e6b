package data

import (
	"fmt"
	"math"
	"sort"
	"strings"
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

// fundEvidence are the fund-wide constants of the current snapshot.
type fundEvidence struct {
	kIWM, kIJR float64 // USD millions of market cap per 1% of fund weight
	frac       float64 // shares IWM holds / shares outstanding (median)
	nIWM, nIJR int     // stocks behind each estimate
	nFrac      int
}

func (ev *fundEvidence) String() string {
	return fmt.Sprintf("K_IWM = %.0f M USD per 1%% weight (median of %d stocks with weight >= %.2f%%), K_IJR = %.0f (%d stocks), IWM holds %.4f of shares outstanding (median of %d)",
		ev.kIWM, ev.nIWM, kMinWeight, ev.kIJR, ev.nIJR, ev.frac, ev.nFrac)
}

// verdict of one piece of evidence on one candidate count.
type verdict int8

const (
	vAgree verdict = iota
	vHigh          // the count's cap is above the evidence by more than fundAgree
	vLow           // below it by more than fundAgree
)

// evCheck is one piece of fund evidence applied to one count.
type evCheck struct {
	name    string
	implied float64 // implied market cap (USD millions), or shares (millions) for an unpriced stock
	shares  bool    // implied is a share count
	ratio   float64 // candidate / implied (point estimate)
	least   float64 // the ratio closest to 1 that the weight's rounding allows
	v       verdict
}

// realPrice is the as-of price in the units of the second IWM file's day
// (the adjusted close divided by the later corporate actions' factor).
func (r *row) realPrice() float64 {
	if r.decF > 0 {
		return r.price / r.decF
	}
	return r.price
}

// priceOptions are the prices a count may be multiplied by: the adjusted
// close (the unit of counts SimFin restated for a later split), and where
// a later split or distribution rescaled the series by priceScaleTol or
// more, the real price of the day (the unit of counts as first reported).
func (r *row) priceOptions() []float64 {
	out := []float64{r.price}
	if f := r.decF; f > 0 && (f >= priceScaleTol || f <= 1/priceScaleTol) && !math.IsNaN(r.price) {
		out = append(out, r.price/f)
	}
	return out
}

// checks applies the fund evidence to a count of shares (not millions)
// at a price (NaN: the stock has none, so only shares held apply).
func (ev *fundEvidence) checks(r *row, shares, price float64) []evCheck {
	if ev == nil {
		return nil
	}
	var out []evCheck
	mcap := price * shares / million
	weight := func(name string, w, k float64) {
		// A weight rounded to 0.00% is no evidence: it bounds the cap only
		// from above, and positions being bought or sold around an index
		// change are that small whatever the company's size.
		if !(w > 0) || !(k > 0) || !(mcap > 0) {
			return
		}
		lo, hi := math.Max(w-weightHalfStep, 0)*k, (w+weightHalfStep)*k
		c := evCheck{name: name, implied: w * k, ratio: mcap / (w * k), least: 1}
		switch {
		case mcap/hi > fundAgree:
			c.v, c.least = vHigh, mcap/hi
		case lo > 0 && mcap/lo < 1/fundAgree:
			c.v, c.least = vLow, mcap/lo
		}
		out = append(out, c)
	}
	weight("IWM weight", r.iwm, ev.kIWM)
	weight("IJR weight", r.ijr, ev.kIJR)
	if r.held > 0 && ev.frac > 0 {
		c := evCheck{name: "IWM shares held"}
		if real := r.realPrice(); mcap > 0 && real > 0 {
			c.implied = real * r.held / ev.frac / million
			c.ratio = mcap / c.implied
		} else {
			c.implied, c.shares = r.held/ev.frac/million, true
			c.ratio = shares / million / c.implied
		}
		c.least = c.ratio
		switch {
		case c.ratio > fundAgree:
			c.v = vHigh
		case c.ratio < 1/fundAgree:
			c.v = vLow
		default:
			c.least = 1
		}
		out = append(out, c)
	}
	return out
}

func allAgree(cs []evCheck) bool {
	for _, c := range cs {
		if c.v != vAgree {
			return false
		}
	}
	return len(cs) > 0
}

// distance is how far a count is from the evidence: the largest
// |log ratio| over the checks (the rounding-aware ratio for weights).
func distance(cs []evCheck) float64 {
	d := 0.0
	for _, c := range cs {
		x := c.ratio
		if strings.HasSuffix(c.name, "weight") {
			x = c.least
			if c.v == vAgree {
				x = c.ratio
			}
		}
		d = math.Max(d, math.Abs(math.Log(x)))
	}
	return d
}

// lowFloat: no evidence says the cap is too small, some says it is too
// large, and by no more than a 5% float allows.
func lowFloat(cs []evCheck) bool {
	high := false
	for _, c := range cs {
		switch c.v {
		case vLow:
			return false
		case vHigh:
			if c.least > lowFloatMax {
				return false
			}
			high = true
		}
	}
	return high
}

func describeChecks(cs []evCheck) string {
	var parts []string
	for _, c := range cs {
		unit := "M USD"
		if c.shares {
			unit = "M shares"
		}
		s := fmt.Sprintf("%s implies %s %s (%sx)", c.name, fmtSig(c.implied, 3), unit, fmtSig(c.ratio, 3))
		if c.v != vAgree {
			s += " disagrees"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
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

// shareFlags are the bits sizeRow decides.
const shareFlags = 1<<FlagSharesScale | 1<<FlagSharesFundCorrected | 1<<FlagMcapLowFloat | 1<<FlagMcapUnsupported | 1<<FlagPriceRescaled

// materialFactor: a count (or count and price) that differs from the one
// today's rules pick by less than this is not an alternative to it: the
// evidence is not that precise, and counts drift that much in a year or two.
const materialFactor = 1.5

// sizing is a count with the price it is used at.
type sizing struct {
	i     int
	price float64
	cs    []evCheck
	d     float64
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

// estimateEvidence estimates the fund-wide constants from the rows sized
// by today's rules, using only stocks whose newest count passed every
// test (no flag) and whose price no later corporate action rescaled — so
// the glitches being hunted cannot bias them much, and the medians ignore
// the few that remain.
func estimateEvidence(rows []*row) *fundEvidence {
	var kIWM, kIJR, frac []float64
	for _, r := range rows {
		if r.baseIdx != 0 || r.flags&shareFlags != 0 || !(r.mcap > 0) || len(r.priceOptions()) > 1 {
			continue
		}
		if r.iwm >= kMinWeight {
			kIWM = append(kIWM, r.mcap/r.iwm)
		}
		if r.ijr >= kMinWeight {
			kIJR = append(kIJR, r.mcap/r.ijr)
		}
		if r.held > 0 {
			frac = append(frac, r.held/(r.shares*million))
		}
	}
	ev := &fundEvidence{kIWM: median(kIWM), kIJR: median(kIJR), frac: median(frac), nIWM: len(kIWM), nIJR: len(kIJR), nFrac: len(frac)}
	return ev
}

// median of xs; NaN with fewer than minEvidenceSample values.
func median(xs []float64) float64 {
	if len(xs) < minEvidenceSample {
		return math.NaN()
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// decFileDate dates the second IWM file by its prices: the day in
// (asof, asof+decDateWindow] on which most price files close exactly
// (0.1%) at the file's price. 0 when fewer than a fifth of them (or
// fewer than two) match on any day.
func decFileDate(asof Day, pairs []pricePair) Day {
	best, bestN := Day(0), 0
	for d := asof + 1; d <= asof+decDateWindow; d++ {
		n := 0
		for _, p := range pairs {
			i := p.s.idx(d)
			if i >= 0 && p.s.days[i] == d && math.Abs(p.s.close[i]/p.price-1) <= 0.001 {
				n++
			}
		}
		if n > bestN {
			best, bestN = d, n
		}
	}
	if bestN < 2 || 5*bestN < len(pairs) {
		return 0
	}
	return best
}

type pricePair struct {
	r     *row
	s     *series
	price float64
}

// priceFactors sets each row's decF: its adjusted close on the second IWM
// file's date / the file's own price there, the factor by which later
// corporate actions rescaled the series (about 1 without any: dividends
// move it by a few percent). Only where the price file is the holding's
// own (not a sibling class's). It returns the file's date.
func priceFactors(asof Day, pairs []pricePair) Day {
	date := decFileDate(asof, pairs)
	if date == 0 {
		return 0
	}
	for _, p := range pairs {
		if adj, ok := p.s.at(date); ok {
			p.r.decF = adj / p.price
			p.r.decDate = date
		}
	}
	return date
}

// fundWeightCheck is the acceptance test of the cross-checks: listed
// market caps that disagree with an IWM or IJR weight by more than
// fundAgree (allowing for the weights' rounding to 0.01%), and how many of
// them carry no share/mcap/price flag (must be 0). The same on the point
// ratio mcap / (weight × K) for weights of at least kMinWeight.
type fundWeightCheck struct {
	listed, withWeight, disagree, unflagged  int
	bigWeight, pointDisagree, pointUnflagged int
	unflaggedTickers, pointTickers           []string
}

func checkFundWeights(rows []*row, ev *fundEvidence) fundWeightCheck {
	var fc fundWeightCheck
	for _, r := range rows {
		if !(r.mcap > 0) {
			continue
		}
		fc.listed++
		cs := ev.checks(r, r.shares*million, r.price)
		dis, point, any, big := false, false, false, false
		for _, c := range cs {
			if !strings.HasSuffix(c.name, "weight") {
				continue
			}
			any = true
			if c.v != vAgree {
				dis = true
			}
			w := r.iwm
			if strings.HasPrefix(c.name, "IJR") {
				w = r.ijr
			}
			if w >= kMinWeight {
				big = true
				if c.ratio > fundAgree || c.ratio < 1/fundAgree {
					point = true
				}
			}
		}
		if any {
			fc.withWeight++
		}
		if big {
			fc.bigWeight++
		}
		flagged := r.flags&shareFlags != 0
		if dis {
			fc.disagree++
			if !flagged {
				fc.unflagged++
				fc.unflaggedTickers = append(fc.unflaggedTickers, r.ticker)
			}
		}
		if point {
			fc.pointDisagree++
			if !flagged {
				fc.pointUnflagged++
				fc.pointTickers = append(fc.pointTickers, r.ticker)
			}
		}
	}
	return fc
}

func (fc fundWeightCheck) lines() []string {
	return []string{
		fmt.Sprintf("fund-weight check: %d listed market caps, %d with an IWM/IJR weight > 0; %d disagree with a weight by more than %gx (weight taken as +-%.3f%% for its rounding), %d of them unflagged%s",
			fc.listed, fc.withWeight, fc.disagree, fundAgree, weightHalfStep, fc.unflagged, tickerList(fc.unflaggedTickers)),
		fmt.Sprintf("fund-weight check on the point ratio mcap / (weight x K), weights >= %.2f%% only (%d stocks): %d disagree by more than %gx, %d of them unflagged%s",
			kMinWeight, fc.bigWeight, fc.pointDisagree, fundAgree, fc.pointUnflagged, tickerList(fc.pointTickers)),
	}
}

func tickerList(ts []string) string {
	if len(ts) == 0 {
		return ""
	}
	return " (" + strings.Join(ts, " ") + ")"
}
