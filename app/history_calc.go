package main

import (
	"math"

	"screener/engine"
)

// cumulativeSum is the running sum of the yearly top-minus-bottom spreads,
// Σₜ≤ᵢ sₜ: how far the top bucket pulled ahead of the bottom one in
// percentage points, year after year: the series whose last point is
// engine.BacktestResult.CumSpread (compounding a long-short spread means
// nothing once a year falls below −100%, and this history has one). A NaN
// year stops the line (NaN after it): a gap is never read as zero.
func cumulativeSum(rs []float64) []float64 {
	out := make([]float64, len(rs))
	sum := 0.0
	for i, r := range rs {
		sum += r
		out[i] = sum
	}
	return out
}

// legGrowth compounds bucket b's mean forward return over the 12-month
// windows (engine.Compound): what holding that bucket, rebalanced yearly,
// returned in total. NaN when a window lacks it or there is none.
func legGrowth(res engine.BacktestResult, b int) float64 {
	var rs []float64
	for _, d := range res.Dates {
		if !histIs12m(d) {
			continue
		}
		v := math.NaN()
		if b >= 0 && b < len(d.Buckets) {
			v = d.Buckets[b].Mean
		}
		rs = append(rs, v)
	}
	if len(rs) == 0 {
		return math.NaN()
	}
	c := engine.Compound(rs)
	return c[len(c)-1]
}
