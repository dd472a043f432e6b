package data

import (
	"math"
	"sort"

	"screener/data/schema"
)

// row is one stock of a snapshot, values in snapshot units.
type row struct {
	ticker, name, sector string
	iwm, ijr             float64
	sp600                int
	r1000, sp500         int // large-cap snapshot: 0/1 index membership
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
	// pxNotes are the values the price checks nulled (see fill, forward).
	pxNotes []Correction
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
	// History: the company key (else the ticker key) the universes are
	// compared by, the price series and statements the row came from,
	// and whether the series is a prices-to-2024/ file.
	key  string
	src  *series
	comp *company
	old  bool
}

// primary and secondary fields name the window recorded per block: each
// field uses its own newest window, so e.g. TTM net income may reach a
// 2025 quarter from the quarterly summary while operating income (SimFin
// only) ends at the last SimFin report.
var blockPrimary = [nBlocks][]field{bInc: {fNI, fRev}, bBal: {fEquity, fAssets}, bCF: {fFCF, fOCF}}

var blockSecondary = [nBlocks]field{bInc: fOpInc, bBal: fDebt, bCF: fOCF}

const million = 1e6

// fill computes a stock's values on asof from its price series and
// statements, except shares and mcap (sizeRow) and the forward returns
// (forward). A price, momentum or trend over a glitchy stretch of the
// series (pricecheck.go) is null, flagged price_glitch and noted.
func (e *buildEnv) fill(r *row, s *series, c *company, asof Day) {
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
	var pxFlags uint32
	r.pxNotes = r.pxNotes[:0]
	glitched := func(col string, from, to Day, g *glitch) {
		pxFlags |= 1 << FlagPriceGlitch
		r.notePrice(FlagPriceGlitch, s, col, from, to, g)
	}
	if s != nil {
		p, g := s.price(asof)
		if g != nil {
			glitched(schema.ColPrice, asof, asof, g)
		}
		if !math.IsNaN(p) {
			r.price = p
			m1 := asof.AddMonths(-1)
			for _, m := range []struct {
				col    string
				months int
				dst    *float64
			}{{schema.ColMom12_1, 12, &r.mom12}, {schema.ColMom6_1, 6, &r.mom6}} {
				from := asof.AddMonths(-m.months)
				v, g, _ := s.ret(from, m1, false)
				if g != nil {
					glitched(m.col, from, m1, g)
				}
				*m.dst = v
			}
			var g *glitch
			if r.trend, g = s.trend(asof); g != nil {
				glitched(schema.ColTrend, asof, asof, g)
			}
		}
	}
	r.adjPrice = r.price
	r.flags = pxFlags
	if c == nil {
		return
	}
	p := c.asOf(asof)
	r.flags |= p.flags
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

// forward fills the FORWARD returns of a row priced on asof: fwd12 to
// fwdEnd (0: none) and fwdlast to last. With toLast (history) a series
// that ends inside a window earns its return to its last close (flag
// fwd_to_last_price); a return over a glitchy stretch is null (flag
// fwd_price_glitch). Nothing that selects or scores a stock reads these.
func (r *row) forward(s *series, asof, fwdEnd, last Day, toLast bool) {
	r.fwd12, r.fwdlast = math.NaN(), math.NaN()
	if s == nil || math.IsNaN(r.price) {
		return
	}
	for _, w := range []struct {
		col string
		end Day
		dst *float64
	}{{schema.ColFwd12, fwdEnd, &r.fwd12}, {schema.ColFwdLast, last, &r.fwdlast}} {
		if w.end == 0 {
			continue
		}
		v, g, toEnd := s.ret(asof, w.end, toLast)
		if g != nil {
			r.flags |= 1 << FlagFwdPriceGlitch
			r.notePrice(FlagFwdPriceGlitch, s, w.col, asof, w.end, g)
		}
		if toEnd {
			r.flags |= 1 << FlagFwdToLastPrice
		}
		*w.dst = v
	}
}

// notePrice records that column col (over from..to) is null because of
// glitch g in s's file (flag f).
func (r *row) notePrice(f Flag, s *series, col string, from, to Day, g *glitch) {
	what := col + " " + from.String()
	if to != from {
		what += ".." + to.String()
	}
	r.pxNotes = append(r.pxNotes, Correction{Ticker: r.ticker, Rule: flagNames[f], Old: what, New: "null", Reason: g.describe(s.file)})
}

func sortRows(rows []*row) {
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].ticker < rows[j].ticker })
}
