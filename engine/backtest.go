package engine

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"time"
)

// History backtest: for each point-in-time snapshot, score the universe
// with the user's weights, bucket the composite into quantiles and read
// each bucket's FORWARD return.
//
// Look-ahead: forward returns (Snapshot.Fwd12, FwdLast) are copied into
// BacktestDate.Fwd once, before any scoring, and only ever read after
// Screen.Score has produced the composite; the Screen never sees them
// (TestForwardReturnsNeverFeedScoring scrambles them and checks the order).
//
// Speed: NewBacktest builds metrics and a Screen per date once per option
// set; Run (on every weight change) re-runs only Score plus O(n) bucket
// and rank statistics on preallocated scratch.

// BacktestDate is one snapshot prepared for repeated scoring.
type BacktestDate struct {
	Snap   *Snapshot
	Screen *Screen
	// Basis is ForwardYear (Fwd12: From → From+12 months) or ForwardToLast
	// (FwdLast: From → FwdLastDate).
	Basis    ForwardBasis
	From, To time.Time
	// Fwd[j] is member j's forward total return; NaN = no later price.
	Fwd []float64
	// MissingFwd counts members without a forward price.
	MissingFwd int
	// FactorSpread[b][s][f] and FactorIC[f] are single-factor results
	// (they do not depend on the weights): top-minus-bottom bucket return
	// under Statistic s with b = 0 for quintiles, 1 for deciles, and the
	// Spearman IC.
	FactorSpread [2][NumStatistics][NumFactors]float64
	FactorIC     [NumFactors]float64

	fwdAsc            []int32 // members with a forward return, ascending return, ties by position
	winLo, winHi      float64 // StatWinsor's clip: the 1st and 99th percentiles of Fwd
	median            float64 // the median of Fwd: the bar of the hit rate
	bucket            []int8
	rankX, rankY, tmp []float64
}

// Backtest holds the prepared dates, oldest first.
type Backtest struct {
	Dates []*BacktestDate
	Opts  Options
}

// NewBacktest prepares every snapshot under one option set. Snapshots
// without a usable forward window are an error.
func NewBacktest(snaps []*Snapshot, o Options) (*Backtest, error) {
	if len(snaps) == 0 {
		return nil, errors.New("backtest: no snapshots")
	}
	bt := &Backtest{Opts: o}
	for _, s := range snaps {
		col, from, to, basis, ok := ForwardColumn(s)
		if !ok {
			return nil, fmt.Errorf("backtest: snapshot %s %q has no forward window (asof %q, fwd_last_date %q)", s.Kind, s.AsOf, s.AsOf, s.FwdLastDate)
		}
		sc := NewScreen(s, ComputeMetrics(s), o)
		n := len(sc.Members)
		d := &BacktestDate{Snap: s, Screen: sc, Basis: basis, From: from, To: to,
			Fwd: make([]float64, n), bucket: make([]int8, n),
			rankX: make([]float64, n), rankY: make([]float64, n), tmp: make([]float64, n)}
		for j, row := range sc.Members {
			d.Fwd[j] = col[row]
			if math.IsNaN(d.Fwd[j]) {
				d.MissingFwd++
			} else {
				d.fwdAsc = append(d.fwdAsc, int32(j))
			}
		}
		sortPositions(d.fwdAsc, func(a, b int32) int {
			if c := cmp.Compare(d.Fwd[a], d.Fwd[b]); c != 0 {
				return c
			}
			return cmp.Compare(a, b)
		})
		asc := make([]float64, len(d.fwdAsc))
		for i, j := range d.fwdAsc {
			asc[i] = d.Fwd[j]
		}
		d.winLo, d.winHi = quantileSorted(asc, WinsorPercentile), quantileSorted(asc, 1-WinsorPercentile)
		d.median = quantileSorted(asc, 0.5)
		d.factorStats()
		bt.Dates = append(bt.Dates, d)
	}
	SortDatesByFrom(bt.Dates)
	return bt, nil
}

// SortDatesByFrom orders rebalance dates by start date, stably. An
// insertion sort: there are at most a few hundred dates, and it spares the
// wasm binary a generic stable sort over pointers (~8 KB).
func SortDatesByFrom(ds []*BacktestDate) {
	for i := 1; i < len(ds); i++ {
		for j := i; j > 0 && ds[j].From.Before(ds[j-1].From); j-- {
			ds[j], ds[j-1] = ds[j-1], ds[j]
		}
	}
}

// factorStats fills the weight-independent single-factor results.
func (d *BacktestDate) factorStats() {
	sc := d.Screen
	n := len(sc.Members)
	ord := make([]int32, 0, n)
	for f := 0; f < NumFactors; f++ {
		ord = ord[:0]
		pct := sc.FactorPct[f]
		for j := 0; j < n; j++ {
			if !math.IsNaN(pct[j]) {
				ord = append(ord, int32(j))
			}
		}
		// Descending score, ties by position: the same convention as Order.
		sortPositions(ord, func(a, b int32) int {
			if c := cmp.Compare(pct[b], pct[a]); c != 0 {
				return c
			}
			return cmp.Compare(a, b)
		})
		for b, k := range []int{5, 10} {
			d.assignBuckets(ord, pct, k)
			bs := d.bucketStats(ord, k)
			for s := Statistic(0); s < NumStatistics; s++ {
				d.FactorSpread[b][s][f] = bs[k-1].Of(s) - bs[0].Of(s)
			}
		}
		d.FactorIC[f], _ = d.spearman(ord, pct)
	}
}

// spearman is Spearman's (1904) rank correlation between score and
// forward return over the members in order (score descending) that have a
// forward return: Pearson's r of their average ranks (ties share the mean
// rank). n is the number of pairs; NaN with fewer than 3.
func (d *BacktestDate) spearman(order []int32, score []float64) (rho float64, n int) {
	inSet := d.tmp // 1 = scored (in order)
	for j := range inSet {
		inSet[j] = 0
	}
	for _, j := range order {
		if !math.IsNaN(d.Fwd[j]) {
			inSet[j] = 1
			n++
		}
	}
	if n < 3 {
		return math.NaN(), n
	}
	// Score ranks: walk order backwards (ascending score).
	r := 0
	for i := len(order) - 1; i >= 0; {
		e := i - 1
		for e >= 0 && score[order[e]] == score[order[i]] {
			e--
		}
		cnt := 0
		for q := i; q > e; q-- {
			if inSet[order[q]] == 1 {
				cnt++
			}
		}
		avg := float64(r) + float64(cnt+1)/2
		for q := i; q > e; q-- {
			if inSet[order[q]] == 1 {
				d.rankX[order[q]] = avg
			}
		}
		r += cnt
		i = e
	}
	// Return ranks from the precomputed ascending order.
	r = 0
	asc := d.fwdAsc
	for i := 0; i < len(asc); {
		e := i + 1
		for e < len(asc) && d.Fwd[asc[e]] == d.Fwd[asc[i]] {
			e++
		}
		cnt := 0
		for _, j := range asc[i:e] {
			if inSet[j] == 1 {
				cnt++
			}
		}
		avg := float64(r) + float64(cnt+1)/2
		for _, j := range asc[i:e] {
			if inSet[j] == 1 {
				d.rankY[j] = avg
			}
		}
		r += cnt
		i = e
	}
	var sx, sy, sxx, syy, sxy float64
	for j, in := range inSet {
		if in == 1 {
			x, y := d.rankX[j], d.rankY[j]
			sx, sy, sxx, syy, sxy = sx+x, sy+y, sxx+x*x, syy+y*y, sxy+x*y
		}
	}
	fn := float64(n)
	cov := sxy - sx*sy/fn
	vx, vy := sxx-sx*sx/fn, syy-sy*sy/fn
	if vx <= 0 || vy <= 0 {
		return math.NaN(), n
	}
	return cov / math.Sqrt(vx*vy), n
}

// BacktestConfig are the per-run settings.
type BacktestConfig struct {
	Buckets int       // 5 (quintiles) or 10 (deciles)
	TopN    int       // size of "my screen"
	Stat    Statistic // how Spread and FactorSpread summarise a bucket
}

// The backtest's defaults: quintiles, and a 30-stock "my screen" (about
// the size of a concentrated small-cap portfolio).
const (
	DefaultBuckets = 5
	DefaultTopN    = 30
)

// DateResult is one date of a backtest run.
type DateResult struct {
	AsOf     string
	Basis    ForwardBasis
	From, To time.Time
	// Universe is the number of members, Scored those with a composite,
	// MissingFwd members without a forward price.
	Universe, Scored, MissingFwd int
	Buckets                      []BucketStat
	// Spread is the top bucket's return minus the bottom bucket's under
	// the run's Statistic.
	Spread float64
	// HitRate is the share of the top bucket's members with a forward
	// return above the median of the whole universe's.
	HitRate float64
	// Movers[0] and Movers[1] are the bottom and the top bucket's largest
	// forward returns, largest first (at most NumMovers each): the names
	// that pull a bucket's mean away from its median.
	Movers [2][]Mover
	// IC is the Spearman rank correlation of composite and forward return
	// over ICN scored members with a forward price.
	IC  float64
	ICN int
	// TopN is the equal-weighted mean forward return of the TopNCount best
	// composites (TopNMissing of them without a forward price, left out).
	TopN                   float64
	TopNCount, TopNMissing int
	FactorSpread           [NumFactors]float64
	FactorIC               [NumFactors]float64
	Modelled               bool
	Survivorship           string
}

// BacktestResult is a full run.
type BacktestResult struct {
	Weights Weights
	Config  BacktestConfig
	Dates   []DateResult
	// Summary over the non-overlapping 12-month windows only (the
	// to-last-price windows overlap them and would count a period twice):
	// mean IC, its sample sd and t = mean/(sd/√n); the spreads added up,
	// Σ spreadₜ (compounding Π(1+spreadₜ) − 1 would treat the spread as a
	// long-short book's return, which means nothing once a year falls below
	// −100%, as 2020–21 does in this data); top-N compounded, Π(1+topₜ) − 1.
	Years                 int
	MeanIC, SDIC, TStatIC float64
	// MeanSpread, SDSpread and TStatSpread: the yearly spreads' mean,
	// sample sd and t = mean/(sd/√n) (is the spread reliably positive?).
	// SpreadWins counts the yearly windows whose spread is positive.
	MeanSpread, SDSpread, TStatSpread float64
	SpreadWins                        int
	CumSpread, CumTopN                float64
	MeanFactorIC, MeanFactorS         [NumFactors]float64
	// The same over time, one entry per 12-month window in date order:
	// SpreadPath[t] = Σₛ≤ₜ spreadₛ (CumSpread is the last) and TopNPath[t]
	// = Πₛ≤ₜ(1+topₛ) − 1 (CumTopN is the last). BucketGrowth[b] =
	// Πₜ(1+meanᵦₜ) − 1: bucket b held and rebalanced yearly (NaN when a
	// window lacks it).
	SpreadPath, TopNPath []float64
	BucketGrowth         []float64
	// Funds are the funds "my screen" is compared with (WithFunds).
	Funds FundComparison
}

// FundComparison holds funds' returns over a backtest's windows.
type FundComparison struct {
	Tickers []string
	// Returns[i][k] is fund k's total return over date i's forward window
	// (Backtest.FundWindowReturns).
	Returns [][]float64
	// Paths[k][t] is fund k compounded over the 12-month windows up to t,
	// Πₛ≤ₜ(1+rₛ) − 1, like TopNPath; Cum[k] is its last value (NaN
	// without a yearly window).
	Paths [][]float64
	Cum   []float64
}

// WithFunds adds the funds' window returns (Backtest.FundWindowReturns,
// [date][fund]) and compounds them over the 12-month windows, so that the
// page and the CLI show one computation.
func (res *BacktestResult) WithFunds(tickers []string, returns [][]float64) {
	fc := FundComparison{Tickers: tickers, Returns: returns, Paths: make([][]float64, len(tickers)), Cum: make([]float64, len(tickers))}
	for k := range tickers {
		var rs []float64
		for i, d := range res.Dates {
			if d.Basis == ForwardYear {
				v := math.NaN()
				if i < len(returns) && k < len(returns[i]) {
					v = returns[i][k]
				}
				rs = append(rs, v)
			}
		}
		fc.Paths[k] = Compound(rs)
		fc.Cum[k] = lastOrNaN(fc.Paths[k])
	}
	res.Funds = fc
}

// lastOrNaN is the last element of xs, NaN when xs is empty.
func lastOrNaN(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	return xs[len(xs)-1]
}

// Run scores every date with w and computes the bucket statistics.
func (bt *Backtest) Run(w Weights, cfg BacktestConfig) BacktestResult {
	if cfg.Buckets != 10 {
		cfg.Buckets = DefaultBuckets
	}
	if cfg.TopN <= 0 {
		cfg.TopN = DefaultTopN
	}
	if cfg.Stat >= NumStatistics {
		cfg.Stat = StatMean
	}
	res := BacktestResult{Weights: w, Config: cfg, Dates: make([]DateResult, len(bt.Dates))}
	for i, d := range bt.Dates {
		res.Dates[i] = d.run(w, cfg)
	}
	res.summarise()
	return res
}

func (d *BacktestDate) run(w Weights, cfg BacktestConfig) DateResult {
	sc := d.Screen
	if len(sc.Members) > 0 { // an empty universe has nothing to score
		sc.Score(w)
	}
	scored := len(sc.Order)
	for scored > 0 && math.IsNaN(sc.Composite[sc.Order[scored-1]]) {
		scored--
	}
	order := sc.Order[:scored]
	r := DateResult{AsOf: d.Snap.AsOf, Basis: d.Basis, From: d.From, To: d.To,
		Universe: len(sc.Members), Scored: scored, MissingFwd: d.MissingFwd,
		Spread: math.NaN(), IC: math.NaN(), TopN: math.NaN(), HitRate: math.NaN(),
		Modelled: d.Snap.Modelled, Survivorship: d.Snap.Survivorship}
	b := 0
	if cfg.Buckets == 10 {
		b = 1
	}
	r.FactorSpread, r.FactorIC = d.FactorSpread[b][cfg.Stat], d.FactorIC
	if scored == 0 {
		return r
	}
	d.assignBuckets(order, sc.Composite, cfg.Buckets)
	r.Buckets = d.bucketStats(order, cfg.Buckets)
	top := &r.Buckets[cfg.Buckets-1]
	r.Spread = top.Of(cfg.Stat) - r.Buckets[0].Of(cfg.Stat)
	r.HitRate = d.hitRate(order, cfg.Buckets-1)
	r.Movers = d.movers(0, int8(cfg.Buckets-1))
	r.IC, r.ICN = d.spearman(order, sc.Composite)
	topN := order[:min(cfg.TopN, scored)]
	sum, m := 0.0, 0
	for _, j := range topN {
		if x := d.Fwd[j]; math.IsNaN(x) {
			r.TopNMissing++
		} else {
			sum += x
			m++
		}
	}
	r.TopNCount = len(topN)
	if m > 0 {
		r.TopN = sum / float64(m)
	}
	return r
}

func (res *BacktestResult) summarise() {
	var ics, spreads, tops []float64
	buckets := make([][]float64, res.Config.Buckets)
	var fic, fsp [NumFactors]float64
	for _, d := range res.Dates {
		if d.Basis != ForwardYear {
			continue
		}
		if !math.IsNaN(d.IC) {
			ics = append(ics, d.IC)
		}
		spreads = append(spreads, d.Spread)
		tops = append(tops, d.TopN)
		for b := range buckets {
			v := math.NaN()
			if b < len(d.Buckets) {
				v = d.Buckets[b].Mean
			}
			buckets[b] = append(buckets[b], v)
		}
		res.Years++
		for f := range fic {
			fic[f] += d.FactorIC[f]
			fsp[f] += d.FactorSpread[f]
		}
	}
	res.SpreadPath, res.TopNPath = RunningSum(spreads), Compound(tops)
	res.CumSpread, res.CumTopN = lastOrNaN(res.SpreadPath), lastOrNaN(res.TopNPath)
	res.BucketGrowth = make([]float64, len(buckets))
	for b, rs := range buckets {
		res.BucketGrowth[b] = lastOrNaN(Compound(rs))
	}
	res.MeanIC, res.SDIC, res.TStatIC = MeanSDT(ics)
	var finite []float64
	for _, x := range spreads {
		if !math.IsNaN(x) {
			finite = append(finite, x)
			if x > 0 {
				res.SpreadWins++
			}
		}
	}
	res.MeanSpread, res.SDSpread, res.TStatSpread = MeanSDT(finite)
	for f := range fic {
		res.MeanFactorIC[f] = fic[f] / float64(res.Years)
		res.MeanFactorS[f] = fsp[f] / float64(res.Years)
	}
}

// RunningSum is Σₛ≤ₜ rₛ for each t: the yearly top-minus-bottom spreads
// added up, in percentage points. Compounding a long-short spread means
// nothing once a year falls below −100%, and this history has one. A NaN
// stops the line (NaN after it): a gap is never read as zero.
func RunningSum(rs []float64) []float64 {
	out := make([]float64, len(rs))
	sum := 0.0
	for i, r := range rs {
		sum += r
		out[i] = sum
	}
	return out
}

// MeanSDT is the mean, sample standard deviation and one-sample t
// statistic mean/(sd/√n) of xs (NaN where undefined: n < 2 or sd = 0).
func MeanSDT(xs []float64) (mean, sd, t float64) {
	n := float64(len(xs))
	if n == 0 {
		return math.NaN(), math.NaN(), math.NaN()
	}
	for _, x := range xs {
		mean += x
	}
	mean /= n
	if n < 2 {
		return mean, math.NaN(), math.NaN()
	}
	for _, x := range xs {
		sd += (x - mean) * (x - mean)
	}
	sd = math.Sqrt(sd / (n - 1))
	t = math.NaN()
	if sd > 0 {
		t = mean / (sd / math.Sqrt(n))
	}
	return mean, sd, t
}
