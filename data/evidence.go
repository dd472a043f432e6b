package data

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// The fund evidence the cross-checks of shares.go weigh a count against,
// apart from the sizing rules so that each can be read alone: the
// fund-wide constants and how they are estimated, the verdict of each
// piece of evidence on a count, and the dating of the second IWM file by
// its prices.

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
