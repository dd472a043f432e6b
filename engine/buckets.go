package engine

import "math"

// Quantile buckets of a backtest date: who falls in which bucket, and
// each bucket's forward return under every Statistic.

// AssignBuckets puts the scored members into k quantile buckets of their
// score: bucket 0 holds the lowest scores, k−1 the highest. order lists
// the scored members by score descending (as Screen.Order does, without
// its NaN tail). With n scored members, ascending position p (0..n−1)
// falls in bucket ⌊p·k/n⌋. Ties at a boundary are not split by ticker
// order: a run of equal scores occupying positions a..c is placed, as a
// whole, in the bucket of its mean position (a+c)/2, so equal scores always
// share a bucket and the result does not depend on how ties were ordered.
// Buckets may therefore differ in size by more than one when ties straddle
// a boundary. out[j] is set for every j in order.
func AssignBuckets(order []int32, score []float64, k int, out []int8) {
	n := len(order)
	for i := 0; i < n; {
		e := i + 1
		for e < n && score[order[e]] == score[order[i]] {
			e++
		}
		// Descending indexes i..e−1 are ascending positions n−e .. n−1−i.
		mean := float64((n-e)+(n-1-i)) / 2
		b := int8(math.Floor(mean * float64(k) / float64(n)))
		if int(b) >= k {
			b = int8(k - 1)
		}
		for _, j := range order[i:e] {
			out[j] = b
		}
		i = e
	}
}

// BucketStat is one quantile bucket at one date.
type BucketStat struct {
	// N members in the bucket; Missing of them have no forward price and
	// are left out of every statistic.
	N, Missing int
	// Mean, Median, Winsor and CapW are the bucket's forward return under
	// each Statistic (CapW over the members with a market cap); NaN when
	// no member has a forward return.
	Mean, Median, Winsor, CapW float64
}

// assignBuckets is AssignBuckets after marking every member unbucketed
// (-1), so that members outside order never count.
func (d *BacktestDate) assignBuckets(order []int32, score []float64, k int) {
	for j := range d.bucket {
		d.bucket[j] = -1
	}
	AssignBuckets(order, score, k, d.bucket)
}

// bucketStats summarises the k buckets set by assignBuckets. One pass over
// order gives counts, sums and cap-weighted sums; the medians come from
// one walk of the date's returns in ascending order (fwdAsc), each bucket
// picking its middle values as they go by: O(n), no sorting per run.
func (d *BacktestDate) bucketStats(order []int32, k int) []BucketStat {
	bs := make([]BucketStat, k)
	acc := make([]float64, 4*k) // sum, clipped sum, cap×return, cap
	mcap := d.Snap.Mcap
	for _, j := range order {
		b := d.bucket[j]
		bs[b].N++
		r := d.Fwd[j]
		if math.IsNaN(r) {
			bs[b].Missing++
			continue
		}
		acc[4*b] += r
		acc[4*b+1] += min(max(r, d.winLo), d.winHi)
		if m := mcap[d.Screen.Members[j]]; m > 0 {
			acc[4*b+2] += m * r
			acc[4*b+3] += m
		}
	}
	seen := make([]int, k)
	for b := range bs {
		bs[b].Mean, bs[b].Median, bs[b].Winsor, bs[b].CapW = math.NaN(), math.NaN(), math.NaN(), math.NaN()
		if m := bs[b].N - bs[b].Missing; m > 0 {
			bs[b].Mean = acc[4*b] / float64(m)
			bs[b].Winsor = acc[4*b+1] / float64(m)
			bs[b].Median = 0
		}
		if acc[4*b+3] > 0 {
			bs[b].CapW = acc[4*b+2] / acc[4*b+3]
		}
	}
	for _, j := range d.fwdAsc {
		b := d.bucket[j]
		if b < 0 {
			continue
		}
		m := bs[b].N - bs[b].Missing
		// The median is the mean of the ascending values at positions
		// ⌊(m−1)/2⌋ and ⌊m/2⌋ (the same one when m is odd).
		if i := seen[b]; i == (m-1)/2 || i == m/2 {
			if m%2 == 1 {
				bs[b].Median = d.Fwd[j]
			} else {
				bs[b].Median += d.Fwd[j] / 2
			}
		}
		seen[b]++
	}
	return bs
}

// hitRate is the share of bucket b's members with a forward return that
// beat the universe median (d.median): how broad the bucket's result is,
// whatever a few extreme returns do to its mean.
func (d *BacktestDate) hitRate(order []int32, b int) float64 {
	n, hits := 0, 0
	for _, j := range order {
		if int(d.bucket[j]) != b || math.IsNaN(d.Fwd[j]) {
			continue
		}
		n++
		if d.Fwd[j] > d.median {
			hits++
		}
	}
	if n == 0 {
		return math.NaN()
	}
	return float64(hits) / float64(n)
}

// NumMovers is how many of a bucket's largest returns DateResult.Movers
// names.
const NumMovers = 3

// Mover is one stock's forward return over a backtest window.
type Mover struct {
	Ticker string
	Return float64
}

// movers walks the returns from the largest down and keeps the first
// NumMovers of the bottom and of the top bucket (set by assignBuckets).
func (d *BacktestDate) movers(bottom, top int8) (out [2][]Mover) {
	for i := len(d.fwdAsc) - 1; i >= 0 && (len(out[0]) < NumMovers || len(out[1]) < NumMovers); i-- {
		j := d.fwdAsc[i]
		k := -1
		switch d.bucket[j] {
		case bottom:
			k = 0
		case top:
			k = 1
		}
		if k >= 0 && len(out[k]) < NumMovers {
			out[k] = append(out[k], Mover{d.Snap.Ticker[d.Screen.Members[j]], d.Fwd[j]})
		}
	}
	return out
}
