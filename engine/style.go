package engine

import (
	"cmp"
	"math"
	"slices"
	"time"

	"gonum.org/v1/gonum/stat"
)

// Russell style split, after FTSE Russell, "Russell US Indexes
// Construction and Methodology", section "Style indexes" (Russell
// Investments 1987–; variables as revised in 2011):
//
//  1. Value variable: book-to-price B/P. Growth variables: I/B/E/S
//     medium-term (2-year) forecast growth and 5-year historical sales per
//     share growth. Each is ranked and converted to a standardised score;
//     value counts 50%, growth 50%.
//  2. Missing data, and negative B/P, take the average score of the
//     stock's industry peers.
//  3. The composite value score CVS ranks the stocks from growth (low) to
//     value (high). A non-linear probability algorithm on the cumulative
//     market cap of the CVS ranking puts about 70% of the cap wholly in
//     growth or value and splits the middle ~30% between both in
//     proportion to its position, so each stock's growth and value weights
//     sum to its weight in the parent index (Russell 2000 = Growth + Value).
//
// What this model does with the data we have (so it is labelled modelled):
// no I/B/E/S forecasts and no 5-year history exist here, so the growth
// score is the percentile of one-year sales growth rev/rev_p − 1; peer
// groups are GICS sectors, not ICB; scores are Hazen percentiles (0..1)
// rather than Russell's standardised units; the middle band is the cap
// between cumulative positions 35% and 65% of the CVS ranking, with the
// value share rising linearly across it (0 at 35%, 1 at 65%) at each
// stock's cap midpoint; Russell's ±0.10 turnover banding is not applied
// (there is no previous year's assignment to band against).

// Middle-band edges on the cumulative-cap axis of the CVS ranking.
const (
	StyleBandLow  = 0.35
	StyleBandHigh = 0.65
)

// StyleNote labels portfolios built by StyleSplit.
const StyleNote = "modelled: IWM holdings split by the Russell style method (B/P value score; one-year sales growth stands in for I/B/E/S and 5-year sales growth); not the fund's published holdings"

// StyleResult is the style split of a base portfolio over snapshot rows.
type StyleResult struct {
	// Growth[i] + Value[i] = base[i] for every held row (totals conserved).
	Growth, Value []float64
	// ValueShare is Value/base (0..1) and CVS the composite value score,
	// per row; NaN where the row is not in the base portfolio.
	ValueShare, CVS []float64
}

// StyleSplit splits base weights (any scale, e.g. IWM's) into growth and
// value weights by the modelled Russell method above.
func StyleSplit(s *Snapshot, base []float64) StyleResult {
	n := s.N
	r := StyleResult{Growth: make([]float64, n), Value: make([]float64, n), ValueShare: nanFloats(n), CVS: nanFloats(n)}
	var held []int32
	for i := 0; i < n && i < len(base); i++ {
		if base[i] > 0 && !math.IsInf(base[i], 1) {
			held = append(held, int32(i))
		}
	}
	if len(held) == 0 {
		return r
	}
	bp, g := nanFloats(n), nanFloats(n)
	for _, i := range held {
		if b := s.Equity[i] / s.Mcap[i]; s.Mcap[i] > 0 && b > 0 && !math.IsInf(b, 0) {
			bp[i] = b // negative B/P is substituted like missing data (Russell)
		}
		if s.RevP[i] > 0 && !math.IsNaN(s.Rev[i]) {
			g[i] = s.Rev[i]/s.RevP[i] - 1
		}
	}
	vs := peerFilledScores(s, held, bp)
	gs := peerFilledScores(s, held, g)
	for _, i := range held {
		r.CVS[i] = 0.5*vs[i] + 0.5*(1-gs[i])
	}
	order := slices.Clone(held)
	sortPositions(order, func(a, b int32) int {
		if c := cmp.Compare(r.CVS[a], r.CVS[b]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	total := 0.0
	for _, i := range order {
		total += base[i]
	}
	cum := 0.0
	for _, i := range order {
		mid := (cum + base[i]/2) / total
		cum += base[i]
		v := math.Min(1, math.Max(0, (mid-StyleBandLow)/(StyleBandHigh-StyleBandLow)))
		r.ValueShare[i] = v
		r.Value[i] = base[i] * v
		r.Growth[i] = base[i] - r.Value[i]
	}
	return r
}

// peerFilledScores is the percentile (0..1) of x among the held rows where
// x is present, and for the others the mean score of their sector's rows
// with x present (0.5 when the sector has none).
func peerFilledScores(s *Snapshot, held []int32, x []float64) []float64 {
	out := nanFloats(s.N)
	var have []int32
	for _, i := range held {
		if !math.IsNaN(x[i]) {
			have = append(have, i)
		}
	}
	stylePercentiles(x, slices.Clone(have), out)
	sum := make([]float64, len(s.Sectors)+1)
	cnt := make([]float64, len(s.Sectors)+1)
	for _, i := range have {
		out[i] /= 100
		sum[s.Sector[i]] += out[i]
		cnt[s.Sector[i]]++
	}
	for _, i := range held {
		if !math.IsNaN(out[i]) {
			continue
		}
		out[i] = 0.5
		if c := cnt[s.Sector[i]]; c > 0 {
			out[i] = sum[s.Sector[i]] / c
		}
	}
	return out
}

// StyleWindow compares, over one snapshot's forward window, the
// holdings-modelled Russell 2000 (blend) and its growth and value halves
// with the real IWM, VTWG and VTWV.
type StyleWindow struct {
	AsOf     string
	Basis    ForwardBasis
	From, To time.Time
	// Model[k] and Cover[k], k = blend, growth, value: buy-and-hold
	// forward return and the weight share with a forward price; Model[3]
	// is the style spread growth − value.
	Model, Cover [4]float64
	// Real[k]: IWM, VTWG, VTWV between the month-end closes nearest
	// From and To (RealFrom, RealTo); Real[3] = VTWG − VTWV.
	Real             [4]float64
	RealFrom, RealTo time.Time
}

// StyleTracking summarises the windows; k as in StyleWindow.
type StyleTracking struct {
	Windows []StyleWindow
	// Over the non-overlapping 12-month windows: mean of Model − Real
	// (tracking difference), its sample sd (tracking error), and the
	// correlation of Model with Real across windows; N windows used. The
	// spread (k = 3) isolates the style model: errors the data shares
	// between growth and value (survivorship, universe) cancel in it.
	MeanDiff, TrackingError, Corr [4]float64
	N                             int
}

// TrackStyle measures how well the modelled growth/value split tracks the
// real funds. Monthly-return correlation cannot be measured: a snapshot
// holds one forward return per stock (asof → +12 months, asof → last
// price), not monthly stock returns, and only the current snapshot has
// real IWM weights. So each history snapshot (June 30, universe = the
// modelled Russell-2000-like set, weights ∝ market cap) gives one 12-month
// window, and the current snapshot (IWM weights) one window to the last
// price. The blend row is the control: its gap to the real IWM measures
// what the data alone gets wrong (survivorship, cap vs float weights,
// modelled universe), before any style modelling.
func TrackStyle(snaps []*Snapshot, iwm, vtwg, vtwv *Fund) StyleTracking {
	var tr StyleTracking
	for _, s := range snaps {
		col, from, to, basis, ok := ForwardColumn(s)
		if !ok {
			continue
		}
		base := Portfolio{Ticker: "R2000 model", W: make([]float64, s.N)}
		for i := 0; i < s.N; i++ {
			if s.Kind == "current" {
				if s.IWM[i] > 0 {
					base.W[i] = s.IWM[i]
				}
			} else if s.Mcap[i] > 0 {
				base.W[i] = s.Mcap[i]
			}
		}
		st := StyleSplit(s, base.W)
		w := StyleWindow{AsOf: s.AsOf, Basis: basis, From: from, To: to}
		for k, p := range []Portfolio{base, {W: st.Growth}, {W: st.Value}} {
			w.Model[k], w.Cover[k] = PortfolioForwardReturn(p, col)
		}
		for k, f := range []*Fund{iwm, vtwg, vtwv} {
			w.Real[k] = math.NaN()
			if f != nil {
				w.Real[k], w.RealFrom, w.RealTo = WindowReturn(f, from, to)
			}
		}
		w.Model[3], w.Real[3], w.Cover[3] = w.Model[1]-w.Model[2], w.Real[1]-w.Real[2], math.NaN()
		tr.Windows = append(tr.Windows, w)
	}
	// Insertion sort by start date: a few dozen windows, and a generic
	// sort over this struct type would compile its own ~12 KB copy.
	for i := 1; i < len(tr.Windows); i++ {
		for j := i; j > 0 && tr.Windows[j].From.Before(tr.Windows[j-1].From); j-- {
			tr.Windows[j], tr.Windows[j-1] = tr.Windows[j-1], tr.Windows[j]
		}
	}
	for k := 0; k < 4; k++ {
		var m, r, d []float64
		for _, w := range tr.Windows {
			if w.Basis != ForwardYear || math.IsNaN(w.Model[k]) || math.IsNaN(w.Real[k]) {
				continue
			}
			m, r, d = append(m, w.Model[k]), append(r, w.Real[k]), append(d, w.Model[k]-w.Real[k])
		}
		tr.N = max(tr.N, len(d))
		tr.MeanDiff[k], tr.TrackingError[k], tr.Corr[k] = math.NaN(), math.NaN(), math.NaN()
		if len(d) > 0 {
			tr.MeanDiff[k] = stat.Mean(d, nil)
		}
		if len(d) > 1 {
			tr.TrackingError[k] = stat.StdDev(d, nil)
		}
		if len(d) > 2 {
			tr.Corr[k] = stat.Correlation(m, r, nil)
		}
	}
	return tr
}

// nanFloats is a slice of n NaNs (missing until set).
func nanFloats(n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = math.NaN()
	}
	return v
}

// stylePercentiles writes into out[p], for p in pos, the Hazen percentile
// 100·(r − ½)/n of x[p] among {x[q] : q in pos} (r the average 1-based
// rank, ties shared). Kept apart from the scoring ranker on purpose: the
// style model is a reporting tool and must not change when scoring is
// tuned.
func stylePercentiles(x []float64, pos []int32, out []float64) {
	n := len(pos)
	// Ties broken by position: a total order (sortPositions); tied values
	// share their rank either way.
	sortPositions(pos, func(a, b int32) int {
		if c := cmp.Compare(x[a], x[b]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	for i := 0; i < n; {
		k := i + 1
		for k < n && x[pos[k]] == x[pos[i]] {
			k++
		}
		p := 100 * (float64(i+1+k)/2 - 0.5) / float64(n)
		for _, q := range pos[i:k] {
			out[q] = p
		}
		i = k
	}
}
