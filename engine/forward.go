package engine

import (
	"math"
	"time"
)

// Forward returns: what a stock, a portfolio or a fund returned after a
// snapshot date. They are read only after scoring and never feed a
// composite.

// ForwardBasis names a snapshot's forward window. Its value is the label
// the CLI's JSON prints.
type ForwardBasis string

const (
	// ForwardYear is asof → asof + 12 months: the yearly windows, which
	// do not overlap, so summaries add or compound them.
	ForwardYear ForwardBasis = "12 months"
	// ForwardToLast is asof → the last price in the data (the current
	// snapshot): it overlaps the newest yearly window and is never summed
	// with them.
	ForwardToLast ForwardBasis = "to last price"
)

// ForwardColumn picks the forward-return column of a snapshot for
// reporting (never for scoring): Fwd12 (asof → asof + 12 months) where the
// builder filled any value, else FwdLast (asof → FwdLastDate).
func ForwardColumn(s *Snapshot) (col []float64, from, to time.Time, basis ForwardBasis, ok bool) {
	from, err := ParseDate(s.AsOf)
	if err != nil {
		return nil, time.Time{}, time.Time{}, "", false
	}
	for _, v := range s.Fwd12 {
		if !math.IsNaN(v) {
			return s.Fwd12, from, from.AddDate(1, 0, 0), ForwardYear, true
		}
	}
	to, err = ParseDate(s.FwdLastDate)
	if err != nil {
		return nil, from, time.Time{}, "", false
	}
	return s.FwdLast, from, to, ForwardToLast, true
}

// PortfolioForwardReturn is the buy-and-hold return Σwᵢrᵢ / Σwᵢ of a
// portfolio over the forward window of col, over the names with a forward
// price; cover is the share of weight that had one (names delisted since
// are missing from the price data, which flatters the result).
func PortfolioForwardReturn(p Portfolio, col []float64) (ret, cover float64) {
	var num, den, tot float64
	for i := range p.W {
		w := p.weight(i)
		if w == 0 || i >= len(col) {
			continue
		}
		tot += w
		if !math.IsNaN(col[i]) {
			num += w * col[i]
			den += w
		}
	}
	if den == 0 {
		return math.NaN(), 0
	}
	return num / den, den / tot
}

// WindowReturn is a fund's total return between the closes nearest to
// from and to (within 16 days; month-end closes only, so a mid-month date
// is matched to a month end and the dates used are returned).
func WindowReturn(f *Fund, from, to time.Time) (r float64, used0, used1 time.Time) {
	pts := f.Points()
	a, b := nearestPoint(pts, from), nearestPoint(pts, to)
	if a < 0 || b < 0 || b <= a {
		return math.NaN(), time.Time{}, time.Time{}
	}
	return pts[b].Value/pts[a].Value - 1, pts[a].Date, pts[b].Date
}

func nearestPoint(pts []PricePoint, d time.Time) int {
	best, bestGap := -1, 16*24*time.Hour+1
	for i, p := range pts {
		gap := p.Date.Sub(d)
		if gap < 0 {
			gap = -gap
		}
		if gap < bestGap {
			best, bestGap = i, gap
		}
	}
	return best
}

// FundWindowReturns gives each fund's total return over each date's
// forward window (NaN where the fund has no closes near both ends), for
// comparing "my screen" with the funds. It does not depend on weights.
func (bt *Backtest) FundWindowReturns(funds []*Fund) [][]float64 {
	out := make([][]float64, len(bt.Dates))
	for i, d := range bt.Dates {
		out[i] = make([]float64, len(funds))
		for k, f := range funds {
			out[i][k] = math.NaN()
			if f != nil {
				out[i][k], _, _ = WindowReturn(f, d.From, d.To)
			}
		}
	}
	return out
}

// Compound turns successive period returns into the cumulative growth of
// 1 after each period, Πₜ(1+rₜ) − 1, for the "my screen vs funds" chart. A
// NaN period stops the line (later values NaN): a gap must not be read as
// a zero return.
func Compound(rs []float64) []float64 {
	out := make([]float64, len(rs))
	g := 1.0
	for i, r := range rs {
		g *= 1 + r
		out[i] = g - 1
	}
	return out
}
