package engine

import (
	"math"
	"time"

	"gonum.org/v1/gonum/stat"
)

// Price-based fund statistics over the month-end adjusted closes of
// funds.json. Adjusted closes include reinvested distributions, so every
// return here is a total return. Month-end points are dated on the last
// calendar day of their month (the exact last trading day is not in the
// file; the error is at most three days), the final point on Fund.LastDate.

// PricePoint is one dated close (or portfolio value).
type PricePoint struct {
	Date  time.Time
	Value float64
}

// Points is the fund's dated monthly closes, skipping missing months.
func (f *Fund) Points() []PricePoint {
	out := make([]PricePoint, 0, len(f.Monthly))
	for i, p := range f.Monthly {
		if math.IsNaN(p) {
			continue
		}
		out = append(out, PricePoint{f.pointDate(i), p})
	}
	return out
}

func (f *Fund) pointDate(i int) time.Time {
	if i == len(f.Monthly)-1 && !f.LastDate.IsZero() {
		return f.LastDate
	}
	return (f.FirstMonth + Month(i)).End()
}

// lastCompleteIndex is the index of the last month whose close is a true
// month end. The final entry counts as complete when LastDate falls on or
// after the month's last weekday (holidays are not known to the engine).
func (f *Fund) lastCompleteIndex() int {
	n := len(f.Monthly) - 1
	if n < 0 {
		return -1
	}
	if f.LastDate.IsZero() {
		return n
	}
	d := MonthOf(f.LastDate).End()
	for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
		d = d.AddDate(0, 0, -1)
	}
	if f.LastDate.Before(d) {
		return n - 1
	}
	return n
}

// pointOnOrBefore is the last point dated on or before d.
func pointOnOrBefore(pts []PricePoint, d time.Time) (int, bool) {
	i := -1
	for j := range pts {
		if pts[j].Date.After(d) {
			break
		}
		i = j
	}
	return i, i >= 0
}

// YearFraction is the time from a to b in years, counting whole
// anniversaries and then the remaining days over the length of the
// anniversary year that contains them (actual/actual by anniversary, as in
// ISDA 2006 §4.16(b) "Actual/Actual (ICMA)" with annual periods). It makes a
// leap year exactly one year long: 2019-06-30 → 2021-06-30 is 2.0, not
// 731/365.
func YearFraction(a, b time.Time) float64 {
	if b.Before(a) {
		return -YearFraction(b, a)
	}
	years := b.Year() - a.Year()
	anniv := a.AddDate(years, 0, 0)
	if anniv.After(b) {
		years--
		anniv = a.AddDate(years, 0, 0)
	}
	next := a.AddDate(years+1, 0, 0)
	rest := b.Sub(anniv).Hours() / next.Sub(anniv).Hours()
	return float64(years) + rest
}

// AnnualisedReturn is the compound annual growth rate
// (v1/v0)^(1/years) − 1 with years = YearFraction(a, b). Periods shorter
// than a year are not annualised (the simple return is returned), because
// annualising a few months' return overstates it.
func AnnualisedReturn(v0, v1 float64, a, b time.Time) float64 {
	if !(v0 > 0) || !(v1 > 0) {
		return math.NaN()
	}
	y := YearFraction(a, b)
	if y < 1 {
		return v1/v0 - 1
	}
	return math.Pow(v1/v0, 1/y) - 1
}

// Trailing is a trailing-period total return ending on a date.
type Trailing struct {
	Years int
	// From and To are the dates of the closes used (To is the last close on
	// or before the as-of date; From the last close on or before To minus
	// Years years).
	From, To time.Time
	// Total is the cumulative return, Annualised its CAGR. NaN when the fund
	// has no close that far back.
	Total, Annualised float64
	// Short is set when the window reaches back before the fund's first
	// close (the price file starts later): the reason Total is NaN.
	Short bool
}

// TrailingReturns gives the annualised total return over each of years
// (e.g. 1, 3, 5, 10) ending on the last close on or before asof.
func TrailingReturns(f *Fund, asof time.Time, years []int) []Trailing {
	pts := f.Points()
	out := make([]Trailing, len(years))
	end, ok := pointOnOrBefore(pts, asof)
	for k, y := range years {
		out[k] = Trailing{Years: y, Total: math.NaN(), Annualised: math.NaN()}
		if !ok {
			continue
		}
		out[k].To = pts[end].Date
		startWant := pts[end].Date.AddDate(-y, 0, 0)
		// A fund younger than the window has no trailing return for it.
		if len(pts) == 0 || pts[0].Date.After(startWant) {
			out[k].Short = len(pts) > 0
			continue
		}
		st, _ := pointOnOrBefore(pts, startWant)
		out[k].From = pts[st].Date
		out[k].Total = pts[end].Value/pts[st].Value - 1
		out[k].Annualised = AnnualisedReturn(pts[st].Value, pts[end].Value, pts[st].Date, pts[end].Date)
	}
	return out
}

// GrowthOf is the value of amount invested at the last close on or before
// start, marked at every later close up to asof: amount·Pₜ/P₀.
func GrowthOf(f *Fund, start, asof time.Time, amount float64) []PricePoint {
	pts := f.Points()
	s, ok := pointOnOrBefore(pts, start)
	if !ok {
		// Fund incepted after start: begin at its first close.
		if len(pts) == 0 || pts[0].Date.After(asof) {
			return nil
		}
		s = 0
	}
	var out []PricePoint
	for i := s; i < len(pts) && !pts[i].Date.After(asof); i++ {
		out = append(out, PricePoint{pts[i].Date, amount * pts[i].Value / pts[s].Value})
	}
	return out
}

// YearReturn is one calendar year's total return, from the December close
// of the year before to the December close of the year (Partial when the
// fund started during the year or the year is not over at asof).
type YearReturn struct {
	Year     int
	From, To time.Time
	Return   float64
	Partial  bool
}

// CalendarYearReturns lists calendar-year total returns up to asof.
func CalendarYearReturns(f *Fund, asof time.Time) []YearReturn {
	pts := f.Points()
	end, ok := pointOnOrBefore(pts, asof)
	if !ok {
		return nil
	}
	pts = pts[:end+1]
	var out []YearReturn
	for y := pts[0].Date.Year(); y <= pts[end].Date.Year(); y++ {
		bi, ok := pointOnOrBefore(pts, time.Date(y-1, 12, 31, 0, 0, 0, 0, time.UTC))
		partial := false
		if !ok {
			bi, partial = 0, true
		}
		ei, _ := pointOnOrBefore(pts, time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC))
		if ei <= bi {
			continue
		}
		if pts[ei].Date.Month() != time.December || pts[ei].Date.Day() != 31 {
			partial = true
		}
		out = append(out, YearReturn{y, pts[bi].Date, pts[ei].Date, pts[ei].Value/pts[bi].Value - 1, partial})
	}
	return out
}

// MonthlyReturns are the simple returns Pₘ/Pₘ₋₁ − 1 of complete months m
// with from < end of m ≤ to (a trailing partial month is left out so it
// does not shrink the volatility). Missing closes give no return.
func MonthlyReturns(f *Fund, from, to time.Time) map[Month]float64 {
	out := map[Month]float64{}
	last := f.lastCompleteIndex()
	for i := 1; i <= last; i++ {
		d := f.pointDate(i)
		if !d.After(from) || d.After(to) {
			continue
		}
		p0, p1 := f.Monthly[i-1], f.Monthly[i]
		if math.IsNaN(p0) || math.IsNaN(p1) {
			continue
		}
		out[f.FirstMonth+Month(i)] = p1/p0 - 1
	}
	return out
}

// Volatility is the annualised standard deviation of monthly total
// returns in (from, to]: sample sd × √12. NaN with fewer than 3 months.
func Volatility(f *Fund, from, to time.Time) float64 {
	rs := MonthlyReturns(f, from, to)
	if len(rs) < 3 {
		return math.NaN()
	}
	xs := make([]float64, 0, len(rs))
	for _, r := range rs {
		xs = append(xs, r)
	}
	return stat.StdDev(xs, nil) * math.Sqrt(12)
}

// Drawdown is the largest peak-to-trough fall of the closes in a window.
type Drawdown struct {
	// Depth is 1 − trough/peak (0.25 = a 25% fall); NaN without closes.
	Depth        float64
	Peak, Trough time.Time
}

// MaxDrawdown is max over t of 1 − Pₜ / max_{s≤t} Pₛ over the closes dated
// in [from, to]. On month-end closes it understates intra-month falls
// (March 2020 bottomed mid-month).
func MaxDrawdown(f *Fund, from, to time.Time) Drawdown {
	dd := Drawdown{Depth: math.NaN()}
	peak := math.NaN()
	var peakDate time.Time
	for _, p := range f.Points() {
		if p.Date.Before(from) || p.Date.After(to) {
			continue
		}
		if math.IsNaN(peak) || p.Value > peak {
			peak, peakDate = p.Value, p.Date
		}
		d := 1 - p.Value/peak
		if math.IsNaN(dd.Depth) || d > dd.Depth {
			dd = Drawdown{Depth: d, Peak: peakDate, Trough: p.Date}
		}
	}
	return dd
}

// CorrelationMatrix is the Pearson correlation of monthly total returns in
// (from, to] for each pair of funds, over the months both have (pairwise
// complete). N[i][j] is the number of months used; fewer than 3 gives NaN.
func CorrelationMatrix(funds []*Fund, from, to time.Time) (corr [][]float64, n [][]int) {
	rets := make([]map[Month]float64, len(funds))
	for i, f := range funds {
		rets[i] = MonthlyReturns(f, from, to)
	}
	corr = make([][]float64, len(funds))
	n = make([][]int, len(funds))
	for i := range funds {
		corr[i] = make([]float64, len(funds))
		n[i] = make([]int, len(funds))
		for j := range funds {
			x, y := pairedReturns(rets[i], rets[j])
			n[i][j] = len(x)
			if len(x) < 3 {
				corr[i][j] = math.NaN()
				continue
			}
			corr[i][j] = stat.Correlation(x, y, nil)
		}
	}
	return corr, n
}

// pairedReturns aligns two monthly return maps on their common months, in
// month order so the result is deterministic.
func pairedReturns(a, b map[Month]float64) (x, y []float64) {
	lo, hi := Month(math.MaxInt32), Month(math.MinInt32)
	for m := range a {
		lo, hi = min(lo, m), max(hi, m)
	}
	for m := lo; m <= hi; m++ {
		ra, okA := a[m]
		rb, okB := b[m]
		if okA && okB {
			x = append(x, ra)
			y = append(y, rb)
		}
	}
	return x, y
}
