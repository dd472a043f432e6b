package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"

	"screener/engine"
)

// The ETF comparison's numbers (computeETFComparison), shared by the ETF
// view and the etf CLI so the browser and the command line agree to the
// last digit. Nothing here touches the DOM.

// etfTrailingYears are the trailing windows of the returns table.
var etfTrailingYears = []int{1, 3, 5, 10}

// etfPriceStats are the price-based numbers of one fund.
type etfPriceStats struct {
	Source   *engine.Fund // the series used (IWM for VTWO), nil = none
	Trailing []engine.Trailing
	Years    []engine.YearReturn // calendar years ending after the start
	Vol      float64
	Drawdown engine.Drawdown
	Growth   []engine.PricePoint // growth of 10,000 from the start
}

// etfHoldView is a fund's holdings portfolio over the current snapshot and
// its look-through aggregates; it does not depend on the factor weights.
type etfHoldView struct {
	Portfolio engine.Portfolio
	Stats     engine.HoldingsStats
}

// etfFundView is one column of the comparison.
type etfFundView struct {
	Fund  *engine.Fund
	Notes []string
	Price etfPriceStats
	Hold  *etfHoldView // nil: no holdings in the data
}

// etfComparison is everything the view shows for one selection.
type etfComparison struct {
	Funds       []etfFundView
	Start, AsOf time.Time
	// Corr[i][j] is the correlation of complete monthly returns between
	// Start and AsOf over CorrN[i][j] common months; NaN without prices.
	Corr  [][]float64
	CorrN [][]int
	// Overlap[i][j] = Σ min(wᵢ, wⱼ) in percent (engine.Overlap); NaN when
	// either fund has no holdings.
	Overlap [][]float64
}

// etfMonthRange is the span of months the date pickers offer for the
// selected funds: from the earliest first close to the latest last close,
// and the default start, the latest first close (the first month every
// selected fund has a price, as the CLI chooses).
func etfMonthRange(fs *engine.Funds, tickers []string) (first, last, defStart engine.Month, ok bool) {
	for _, t := range tickers {
		f, _ := priceFund(fs, t)
		if f == nil {
			continue
		}
		pts := f.Points()
		if len(pts) == 0 {
			continue
		}
		a, b := engine.MonthOf(pts[0].Date), engine.MonthOf(pts[len(pts)-1].Date)
		if !ok || a < first {
			first = a
		}
		if !ok || b > last {
			last = b
		}
		if !ok || a > defStart {
			defStart = a
		}
		ok = true
	}
	return first, last, defStart, ok
}

// etfResolveDates turns the picker months ("YYYY-MM", "" = default) into
// the engine's dates: a month stands for its last day, so a month picks
// the close on or before its end (the last, possibly mid-month, close for
// the latest month) — the same closes the CLI picks for a date in it.
func etfResolveDates(fs *engine.Funds, tickers []string, from, asof string) (start, end time.Time, err error) {
	_, last, defStart, ok := etfMonthRange(fs, tickers)
	if !ok {
		return start, end, errors.New("none of the selected funds has prices")
	}
	sm, em := defStart, last
	if from != "" {
		if sm, err = engine.ParseMonth(from); err != nil {
			return start, end, fmt.Errorf("start month: %w", err)
		}
	}
	if asof != "" {
		if em, err = engine.ParseMonth(asof); err != nil {
			return start, end, fmt.Errorf("as-of month: %w", err)
		}
	}
	if sm >= em {
		return start, end, fmt.Errorf("the start month %s is not before the as-of month %s", sm, em)
	}
	return sm.End(), em.End(), nil
}

// etfPrices computes one fund's price-based numbers between start and end.
func etfPrices(f *engine.Fund, start, end time.Time) etfPriceStats {
	ps := etfPriceStats{Source: f, Vol: math.NaN(), Drawdown: engine.Drawdown{Depth: math.NaN()}}
	if f == nil {
		return ps
	}
	ps.Trailing = engine.TrailingReturns(f, end, etfTrailingYears)
	for _, y := range engine.CalendarYearReturns(f, end) {
		if y.To.After(start) {
			ps.Years = append(ps.Years, y)
		}
	}
	ps.Vol = engine.Volatility(f, start, end)
	ps.Drawdown = engine.MaxDrawdown(f, start, end)
	ps.Growth = engine.GrowthOf(f, start, end, 10000)
	return ps
}

// etfHoldingsOf builds a fund's holdings aggregates from the current
// snapshot, or nil when the data has no holdings for it (engine
// FundPortfolio: IWM, IJR, modelled VTWG/VTWV, and the funds tracking the
// same index as one of them: VTWO, IWO, IWN, VIOO, SPSM).
func etfHoldingsOf(cur *engine.Snapshot, ticker string) *etfHoldView {
	p, err := engine.FundPortfolio(cur, ticker)
	if err != nil {
		return nil
	}
	return &etfHoldView{Portfolio: p, Stats: engine.ComputeHoldingsStats(cur, p)}
}

// buildETFComparison computes the comparison of tickers (known to fs).
// hold returns a fund's holdings (cached by the caller; nil = none).
func buildETFComparison(fs *engine.Funds, tickers []string, from, asof string, hold func(string) *etfHoldView) (*etfComparison, error) {
	if len(tickers) < MinFunds || len(tickers) > MaxFunds {
		return nil, fmt.Errorf("pick %d to %d funds (got %d)", MinFunds, MaxFunds, len(tickers))
	}
	start, end, err := etfResolveDates(fs, tickers, from, asof)
	if err != nil {
		return nil, err
	}
	return computeETFComparison(fs, tickers, start, end, hold)
}

// computeETFComparison computes the comparison of tickers (known to fs)
// between resolved dates: the one computation behind the ETF view and the
// etf CLI, which differ only in how they pick the dates (months in the
// page, days on the command line).
func computeETFComparison(fs *engine.Funds, tickers []string, start, end time.Time, hold func(string) *etfHoldView) (*etfComparison, error) {
	c := &etfComparison{Start: start, AsOf: end}
	var priced []*engine.Fund
	idx := make([]int, len(tickers))
	for i, t := range tickers {
		f, ok := fs.Lookup(t)
		if !ok {
			return nil, fmt.Errorf("unknown fund %q", t)
		}
		pf, _ := priceFund(fs, t)
		fv := etfFundView{Fund: f, Notes: fundNotes(fs, f), Price: etfPrices(pf, start, end), Hold: hold(f.Ticker)}
		idx[i] = -1
		if pf != nil {
			idx[i] = len(priced)
			priced = append(priced, pf)
		}
		c.Funds = append(c.Funds, fv)
	}
	corr, n := engine.CorrelationMatrix(priced, start, end)
	c.Corr, c.CorrN, c.Overlap = nanMatrix(len(tickers)), make([][]int, len(tickers)), nanMatrix(len(tickers))
	for i := range tickers {
		c.CorrN[i] = make([]int, len(tickers))
		for j := range tickers {
			if idx[i] >= 0 && idx[j] >= 0 {
				c.Corr[i][j], c.CorrN[i][j] = corr[idx[i]][idx[j]], n[idx[i]][idx[j]]
			}
			if a, b := c.Funds[i].Hold, c.Funds[j].Hold; a != nil && b != nil {
				c.Overlap[i][j] = engine.Overlap(a.Portfolio, b.Portfolio)
			}
		}
	}
	return c, nil
}

// etfProfiles are the funds' average factor percentiles in the screen as
// currently scored (the user's weights and filters); recomputed on every
// weight change, it is one pass over the screen per fund.
func etfProfiles(sc *engine.Screen, c *etfComparison) []engine.FactorProfile {
	out := make([]engine.FactorProfile, len(c.Funds))
	for i, fv := range c.Funds {
		if fv.Hold == nil || sc == nil {
			out[i] = engine.FactorProfile{Composite: math.NaN(), InScreen: math.NaN()}
			for f := range out[i].Factor {
				out[i].Factor[f] = math.NaN()
			}
			continue
		}
		out[i] = engine.PortfolioFactorProfile(sc, fv.Hold.Portfolio)
	}
	return out
}

func nanMatrix(n int) [][]float64 {
	m := make([][]float64, n)
	for i := range m {
		m[i] = make([]float64, n)
		for j := range m[i] {
			m[i][j] = math.NaN()
		}
	}
	return m
}

// etfPct shows a fraction as a percentage with dec decimals ("12.3%"),
// missing as "—".
//
//go:noinline
func etfPct(x float64, dec int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return missingText
	}
	s := strconv.FormatFloat(100*x, 'f', dec, 64) + "%"
	if s[0] == '-' {
		s = "−" + s[1:] // a real minus sign, as in the signed cells
	}
	return s
}

// etfSignedPct is etfPct with an explicit sign ("+4.2%", "−3.1%").
//
//go:noinline
func etfSignedPct(x float64, dec int) string {
	s := etfPct(x, dec)
	switch {
	case s == missingText:
		return s
	case x >= 0:
		return "+" + s
	}
	return s
}

func nan() float64 { return math.NaN() }
