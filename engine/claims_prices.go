package engine

import (
	"fmt"
	"math"
)

// The price computations behind the claims, over daily.json's closes.
// Every one says which closes it used: a date asked for (a month end, a
// holiday) is read as the last close on or before it.

// closeIdx is the axis index of s's last close on or before d, or -1.
func (dp *DailyPrices) closeIdx(s *DailySeries, d Day) int {
	lo, hi := 0, len(dp.Days) // first index with day > d
	for lo < hi {
		m := (lo + hi) / 2
		if dp.Days[m] <= d {
			lo = m + 1
		} else {
			hi = m
		}
	}
	for i := lo - 1; i >= 0; i-- {
		if !math.IsNaN(s.Close[i]) {
			return i
		}
	}
	return -1
}

// maxCloseLag is how many calendar days the close used for a date may
// precede it (a long weekend with a holiday is 4); beyond it the series
// has no price on that date.
const maxCloseLag = 7

// CloseOn is ticker's last close on or before d and the day of that close.
func (dp *DailyPrices) CloseOn(ticker string, d Day) (v float64, used Day, err error) {
	s, ok := dp.Lookup(ticker)
	if !ok {
		return math.NaN(), 0, fmt.Errorf("no daily prices for %s", ticker)
	}
	i := dp.closeIdx(s, d)
	if i < 0 || int(d-dp.Days[i]) > maxCloseLag {
		return math.NaN(), 0, fmt.Errorf("%s has no close on or in the %d days before %s", ticker, maxCloseLag, d)
	}
	return s.Close[i], dp.Days[i], nil
}

// PeriodReturn is a total return between two closes.
type PeriodReturn struct {
	Ticker string
	// From and To are the dates asked for; FromUsed and ToUsed the days of
	// the closes used (the last on or before each).
	From, To, FromUsed, ToUsed Day
	// Return is close(ToUsed)/close(FromUsed) − 1: a total return, since
	// the closes are dividend-adjusted.
	Return float64
	// Annualised is (1+Return)^(1/y) − 1 with y = YearFraction(FromUsed,
	// ToUsed); NaN for periods under a year, which are not annualised.
	Annualised float64
}

// Return is ticker's total return from the close on or before from to
// the close on or before to. A year-to-date return to d is Return(t,
// Dec 31 of the year before, d): the base is the last close of that year.
func (dp *DailyPrices) Return(ticker string, from, to Day) (PeriodReturn, error) {
	r := PeriodReturn{Ticker: ticker, From: from, To: to, Return: math.NaN(), Annualised: math.NaN()}
	v0, d0, err := dp.CloseOn(ticker, from)
	if err != nil {
		return r, err
	}
	v1, d1, err := dp.CloseOn(ticker, to)
	if err != nil {
		return r, err
	}
	r.FromUsed, r.ToUsed, r.Return = d0, d1, v1/v0-1
	if YearFraction(d0.Time(), d1.Time()) >= 1 {
		r.Annualised = AnnualisedReturn(v0, v1, d0.Time(), d1.Time())
	}
	return r, nil
}

// DayDiff is one trading day's daily return of A minus that of B.
type DayDiff struct {
	Day  Day
	Diff float64
}

// DailyDiffs are, for each axis day in [from, to] on which both A and B
// closed and closed on the previous axis day too, rA − rB with r = close
// / previous close − 1. A day either series lacks is left out (and
// breaks no run: it is not a day on which A beat B or lost).
func (dp *DailyPrices) DailyDiffs(a, b string, from, to Day) ([]DayDiff, error) {
	sa, sb, err := dp.pair(a, b)
	if err != nil {
		return nil, err
	}
	var out []DayDiff
	for i := 1; i < len(dp.Days); i++ {
		d := dp.Days[i]
		if d < from || d > to {
			continue
		}
		pa, ca, pb, cb := sa.Close[i-1], sa.Close[i], sb.Close[i-1], sb.Close[i]
		if math.IsNaN(pa) || math.IsNaN(ca) || math.IsNaN(pb) || math.IsNaN(cb) {
			continue
		}
		out = append(out, DayDiff{d, (ca/pa - 1) - (cb/pb - 1)})
	}
	return out, nil
}

// pair is the series of a and b, or an error naming the one missing.
func (dp *DailyPrices) pair(a, b string) (sa, sb *DailySeries, err error) {
	var ok bool
	if sa, ok = dp.Lookup(a); !ok {
		return nil, nil, fmt.Errorf("no daily prices for %s", a)
	}
	if sb, ok = dp.Lookup(b); !ok {
		return nil, nil, fmt.Errorf("no daily prices for %s", b)
	}
	return sa, sb, nil
}

// Streak is a run of consecutive trading days on which A's daily return
// beat B's (strictly greater).
type Streak struct {
	From, To Day
	Days     int
}

// LongestStreak is the longest run of days with Diff > 0 in diffs (the
// earliest of equally long runs); Days 0 when A never beat B.
func LongestStreak(diffs []DayDiff) Streak {
	var best, cur Streak
	for _, d := range diffs {
		if d.Diff > 0 {
			if cur.Days == 0 {
				cur.From = d.Day
			}
			cur.To, cur.Days = d.Day, cur.Days+1
			if cur.Days > best.Days {
				best = cur
			}
		} else {
			cur = Streak{}
		}
	}
	return best
}

// RatioPoint is the price ratio A/B on one day and the highest ratio of
// the lookback window before it.
type RatioPoint struct {
	Day   Day
	Ratio float64
	// PriorHigh is the highest ratio on the axis days in [Day − months,
	// Day), NaN without any; High is Ratio ≥ PriorHigh: a new high of the
	// window ("a 52-week high" with months = 12).
	PriorHigh float64
	High      bool
}

// RatioHighs is the ratio close(A)/close(B) on each axis day in [from,
// to] on which both closed, each against its own trailing window of
// `months` calendar months (time.AddDate). The window must be covered: a
// day whose window starts before the first common close has PriorHigh
// NaN and High false.
func (dp *DailyPrices) RatioHighs(a, b string, months int, from, to Day) ([]RatioPoint, error) {
	sa, sb, err := dp.pair(a, b)
	if err != nil {
		return nil, err
	}
	ratio := func(i int) float64 { return sa.Close[i] / sb.Close[i] } // NaN when either is
	firstCommon := -1
	for i := range dp.Days {
		if !math.IsNaN(ratio(i)) {
			firstCommon = i
			break
		}
	}
	var out []RatioPoint
	if firstCommon < 0 {
		return out, nil
	}
	for i, d := range dp.Days {
		if d < from || d > to || math.IsNaN(ratio(i)) {
			continue
		}
		p := RatioPoint{Day: d, Ratio: ratio(i), PriorHigh: math.NaN()}
		start := DayOf(d.Time().AddDate(0, -months, 0))
		if start >= dp.Days[firstCommon] {
			for j := i - 1; j >= 0 && dp.Days[j] >= start; j-- {
				if r := ratio(j); !math.IsNaN(r) && !(r <= p.PriorHigh) {
					p.PriorHigh = r
				}
			}
			p.High = !math.IsNaN(p.PriorHigh) && p.Ratio >= p.PriorHigh
		}
		out = append(out, p)
	}
	return out, nil
}
