package engine

import (
	"math"
	"sort"
)

// The cross-section statistics behind the claims: valuation, leverage and
// dispersion of a group of companies (a mask over a snapshot's rows).

// PEStats are a group's price/earnings aggregates from market caps and
// TTM net income (both USD millions).
type PEStats struct {
	// N companies in the group; Priced with a market cap and net income;
	// Profitable of those with net income > 0.
	N, Priced, Profitable int
	// Harmonic is the weighted harmonic mean over the profitable
	// companies, Σw / Σ(w·E/P) with E/P = ni/mcap; with w = mcap it is
	// Σmcap / Σni, the index's own P/E as fund pages state it.
	Harmonic float64
	// HarmonicAll is the same over every priced company, losses included
	// (Σw / Σ(w·E/P), NaN when the summed earnings are ≤ 0).
	HarmonicAll float64
	// Median is the median of mcap/ni over the profitable companies.
	Median float64
}

// GroupPE computes PEStats over the rows i with in[i], weighting by w
// (mcap for cap weights, a fund weight column for fund weights; a row
// without a weight is left out).
func GroupPE(in []bool, mcap, ni, w []float64) PEStats {
	st := PEStats{Harmonic: math.NaN(), HarmonicAll: math.NaN(), Median: math.NaN()}
	var sw, swe, swAll, sweAll float64
	var pes []float64
	for i, ok := range in {
		if !ok {
			continue
		}
		st.N++
		m, e := mcap[i], ni[i]
		if !(m > 0) || math.IsNaN(e) || !(w[i] > 0) {
			continue
		}
		st.Priced++
		swAll += w[i]
		sweAll += w[i] * e / m
		if e > 0 {
			st.Profitable++
			sw += w[i]
			swe += w[i] * e / m
			pes = append(pes, m/e)
		}
	}
	if swe > 0 {
		st.Harmonic = sw / swe
	}
	if sweAll > 0 {
		st.HarmonicAll = swAll / sweAll
	}
	sort.Float64s(pes)
	st.Median = quantileSorted(pes, 0.5)
	return st
}

// LeverageStats are a group's borrowing ratios from the latest balance
// sheet (debt, cash, assets) and TTM operating income (EBIT). EBITDA is
// EBIT + D&A; the data rarely has D&A (cash-flow statements end earlier),
// so where D&A is missing the ratio uses EBIT alone, which overstates
// leverage a little for both groups alike.
type LeverageStats struct {
	// N companies; WithEarnings have debt and EBITDA, Positive of them
	// EBITDA > 0; WithAssets have debt and assets > 0.
	N, WithEarnings, Positive, WithAssets int
	// DebtEBITDA is Σdebt / ΣEBITDA over the companies with EBITDA > 0;
	// DebtEBITDAAll the same over every company with both (losses lower
	// the denominator); DebtEBITDAMedian the median of debt/EBITDA over
	// EBITDA > 0.
	DebtEBITDA, DebtEBITDAAll, DebtEBITDAMedian float64
	// NetDebtEBITDA is Σ(debt − cash) / ΣEBITDA over EBITDA > 0 (missing
	// cash read as 0); NetDebtEBITDAMedian its median.
	NetDebtEBITDA, NetDebtEBITDAMedian float64
	// DebtAssets is Σdebt / Σassets; DebtAssetsMedian the median of
	// debt/assets.
	DebtAssets, DebtAssetsMedian float64
}

// GroupLeverage computes LeverageStats over the rows i with in[i].
func GroupLeverage(in []bool, debt, cash, assets, opinc, da []float64) LeverageStats {
	nan := math.NaN()
	st := LeverageStats{DebtEBITDA: nan, DebtEBITDAAll: nan, DebtEBITDAMedian: nan, NetDebtEBITDA: nan, NetDebtEBITDAMedian: nan, DebtAssets: nan, DebtAssetsMedian: nan}
	var sd, se, sdAll, seAll, snd, sdA, sA float64
	var de, nde, da2 []float64
	for i, ok := range in {
		if !ok {
			continue
		}
		st.N++
		d := debt[i]
		if math.IsNaN(d) {
			continue
		}
		if a := assets[i]; a > 0 {
			st.WithAssets++
			sdA += d
			sA += a
			da2 = append(da2, d/a)
		}
		e := opinc[i]
		if math.IsNaN(e) {
			continue
		}
		if !math.IsNaN(da[i]) {
			e += da[i]
		}
		st.WithEarnings++
		sdAll += d
		seAll += e
		if e <= 0 {
			continue
		}
		st.Positive++
		c := cash[i]
		if math.IsNaN(c) {
			c = 0
		}
		sd += d
		se += e
		snd += d - c
		de = append(de, d/e)
		nde = append(nde, (d-c)/e)
	}
	if se > 0 {
		st.DebtEBITDA, st.NetDebtEBITDA = sd/se, snd/se
	}
	if seAll > 0 {
		st.DebtEBITDAAll = sdAll / seAll
	}
	if sA > 0 {
		st.DebtAssets = sdA / sA
	}
	st.DebtEBITDAMedian, st.NetDebtEBITDAMedian, st.DebtAssetsMedian = median(de), median(nde), median(da2)
	return st
}

// median of xs (sorted in place); NaN when empty.
func median(xs []float64) float64 {
	sort.Float64s(xs)
	return quantileSorted(xs, 0.5)
}

// Dispersion is the cross-sectional spread of a group's returns.
type Dispersion struct {
	N int
	// StDev is the sample standard deviation √(Σ(r−r̄)²/(n−1)); IQR the
	// 75th minus the 25th percentile (type 7), which a few extreme
	// returns cannot move.
	StDev, IQR float64
}

// GroupDispersion computes Dispersion over the rows i with in[i] and a
// return ret[i].
func GroupDispersion(in []bool, ret []float64) Dispersion {
	var xs []float64
	for i, ok := range in {
		if ok && !math.IsNaN(ret[i]) {
			xs = append(xs, ret[i])
		}
	}
	d := Dispersion{N: len(xs), StDev: math.NaN(), IQR: math.NaN()}
	if len(xs) < 2 {
		return d
	}
	var mean float64
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	var ss float64
	for _, x := range xs {
		ss += (x - mean) * (x - mean)
	}
	d.StDev = math.Sqrt(ss / float64(len(xs)-1))
	sort.Float64s(xs)
	d.IQR = quantileSorted(xs, 0.75) - quantileSorted(xs, 0.25)
	return d
}
