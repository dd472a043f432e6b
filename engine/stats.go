package engine

import "math"

// Statistic is how a bucket's forward returns are summarised. A few
// extreme returns (several hundred to several thousand percent in a
// small-cap year) decide a plain mean, so the robust ones exist beside it.
// Alphalens ("factor returns") reports the plain mean of each quantile;
// its IC is Spearman's, as here.
type Statistic uint8

const (
	// StatMean is the equal-weighted mean forward return Σrᵢ/n.
	StatMean Statistic = iota
	// StatMedian is the median forward return (the mean of the two middle
	// values for an even count): what the typical stock did.
	StatMedian
	// StatWinsor is the mean after clipping every return to the 1st and
	// 99th percentiles of that date's whole universe (linear
	// interpolation between order statistics, Hyndman and Fan's type 7):
	// extremes count, but only as much as the 1%/99% stocks.
	StatWinsor
	// StatCapWeighted is Σmᵢrᵢ/Σmᵢ with mᵢ the market cap on the snapshot
	// date: what an index-like holding of the bucket returned.
	StatCapWeighted
	NumStatistics = 4
)

var statisticKeys = [NumStatistics]string{"mean", "median", "winsor", "capw"}

// Key is the statistic's short stable name ("mean", "median", "winsor",
// "capw"), shared by URLs, CLI flags and JSON.
func (s Statistic) Key() string { return keyAt(statisticKeys[:], int(s)) }

// ParseStatistic is the inverse of Key.
func ParseStatistic(key string) (Statistic, bool) {
	i, ok := keyIndex(statisticKeys[:], key)
	return Statistic(i), ok
}

// DefaultStatistic is the statistic the History view and the backtest
// command start with: the median, what the typical stock of a bucket did,
// which a few extreme returns cannot decide as they decide a mean.
const DefaultStatistic = StatMedian

// WinsorPercentile is the tail share StatWinsor clips on each side (1%).
const WinsorPercentile = 0.01

// Of picks the statistic s of a bucket.
func (b BucketStat) Of(s Statistic) float64 {
	switch s {
	case StatMedian:
		return b.Median
	case StatWinsor:
		return b.Winsor
	case StatCapWeighted:
		return b.CapW
	}
	return b.Mean
}

// quantileSorted is the q-quantile (0..1) of ascending xs by linear
// interpolation between order statistics (Hyndman and Fan 1996, type 7:
// h = (n−1)q); NaN for an empty xs.
func quantileSorted(xs []float64, q float64) float64 {
	n := len(xs)
	if n == 0 {
		return math.NaN()
	}
	h := float64(n-1) * q
	lo := int(math.Floor(h))
	if lo >= n-1 {
		return xs[n-1]
	}
	return xs[lo] + (h-float64(lo))*(xs[lo+1]-xs[lo])
}
