package data

import (
	"math"
	"sort"
)

// row is one stock of a snapshot, values in snapshot units.
type row struct {
	ticker, name, sector string
	iwm, ijr             float64
	sp600                int
	price, shares, mcap  float64
	cur, prior           [nFields]float64
	revOp, revOpP        float64 // revenue over the operating-income windows
	mom12, mom6, trend   float64
	fwd12, fwdlast       float64
	ends                 [nBlocks][2]int // [block][primary, secondary] period end YYYYMMDD, 0 = null
	pubs                 [nBlocks][2]int // publish date YYYYMMDD, 0 = null
	srcs                 [nBlocks][2]int // index into sources, -1 = null
	shEnd                int             // period end of the share count, 0 = null
	flags                uint32
	// Sizing inputs (see shares.go): candidate share counts newest first,
	// shares IWM holds (0 = unknown), total assets (USD millions, also a
	// stale balance sheet within maxAge, as before the stale rule) for the
	// plausibility test.
	cands      []shareCand
	held       float64
	sizeAssets float64
	baseIdx    int
	corr       []Correction
	// adjPrice is the adjusted close on asof (price may become the real
	// one); decF the factor later corporate actions put into the adjusted
	// series (adjusted / real on decDate, the second IWM file's day; 0 =
	// unknown); asofDay the snapshot date.
	adjPrice         float64
	decF             float64
	decDate, asofDay Day
	staleMask        uint32           // bit f: field f's window is stale
	staleBlk         [nBlocks][2]bool // the block column's window is stale
	labelWin         [nFields]window  // each field's own window, for the label check
	labelWinP        [nFields]window  // and its year-earlier window
}

// primary and secondary fields name the window recorded per block: each
// field uses its own newest window, so e.g. TTM net income may reach a
// 2025 quarter from the quarterly summary while operating income (SimFin
// only) ends at the last SimFin report.
var blockPrimary = [nBlocks][]field{bInc: {fNI, fRev}, bBal: {fEquity, fAssets}, bCF: {fFCF, fOCF}}

var blockSecondary = [nBlocks]field{bInc: fOpInc, bBal: fDebt, bCF: fOCF}

const million = 1e6

// fill computes a stock's values on asof from its price series and
// statements, except shares and mcap (sizeRow). Forward returns are filled
// here too but nothing else reads them.
func (e *buildEnv) fill(r *row, s *series, c *company, asof Day, fwdEnd Day) {
	nan := math.NaN()
	r.price, r.shares, r.mcap = nan, nan, nan
	r.revOp, r.revOpP = nan, nan
	r.mom12, r.mom6, r.trend, r.fwd12, r.fwdlast = nan, nan, nan, nan, nan
	r.sizeAssets = nan
	for f := range r.cur {
		r.cur[f], r.prior[f] = nan, nan
	}
	for b := range r.srcs {
		r.srcs[b] = [2]int{-1, -1}
	}
	if s != nil {
		if p, ok := s.at(asof); ok {
			r.price = p
			m1 := asof.AddMonths(-1)
			r.mom12 = s.totalReturn(asof.AddMonths(-12), m1)
			r.mom6 = s.totalReturn(asof.AddMonths(-6), m1)
			r.trend = s.trend(asof)
			if fwdEnd != 0 {
				r.fwd12 = s.totalReturn(asof, fwdEnd)
			}
			r.fwdlast = s.totalReturn(asof, e.prices.last)
		}
	}
	r.adjPrice = r.price
	if c == nil {
		return
	}
	p := c.asOf(asof)
	r.flags = p.flags
	r.cands = p.shareCands
	if p.revAtOp.ok {
		r.revOp = p.revAtOp.v / million
	}
	if p.revAtOpPrior.ok {
		r.revOpP = p.revAtOpPrior.v / million
	}
	for f := field(0); f < nFields; f++ {
		r.labelWin[f], r.labelWinP[f] = p.cur[f], p.prior[f]
		if p.cur[f].ok {
			r.cur[f] = p.cur[f].v / million
		}
		if p.prior[f].ok {
			r.prior[f] = p.prior[f].v / million
		}
		if p.cur[f].stale {
			r.staleMask |= 1 << f
			r.flags |= 1 << FlagStale
		}
	}
	if w := p.cur[fAssets]; w.ok || (w.stale && int(asof-w.end) <= maxAge) {
		r.sizeAssets = w.v / million
	}
	// Each block's columns name the window of its primary field (the
	// first fresh one in order, else the newest stale one: "stale: period
	// ended …") and of its secondary field, fresh or stale.
	set := func(b block, i int, w window) {
		r.ends[b][i], r.pubs[b][i], r.srcs[b][i] = w.end.YMD(), w.pub.YMD(), int(w.src)
		r.staleBlk[b][i] = w.stale
	}
	for b := block(0); b < nBlocks; b++ {
		var best window
		for _, f := range blockPrimary[b] {
			if w := p.cur[f]; w.ok {
				best = w
				break
			}
		}
		if !best.ok {
			for _, f := range blockPrimary[b] {
				if w := p.cur[f]; w.stale && (!best.stale || w.end > best.end) {
					best = w
				}
			}
		}
		if best.ok || best.stale {
			set(b, 0, best)
		}
		if w := p.cur[blockSecondary[b]]; w.ok || w.stale {
			set(b, 1, w)
		}
	}
}

func sortRows(rows []*row) {
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].ticker < rows[j].ticker })
}
