package engine

import (
	"math"
	"strings"
	"testing"
)

// Three holdings, one a loss-maker:
//
//	A: w 50, mcap 100, NI  10 → E/P  0.100, book 50 → B/P 0.5
//	B: w 30, mcap 200, NI   5 → E/P  0.025, book 100 → B/P 0.5
//	C: w 20, mcap  50, NI  −5 → E/P −0.100, book 100 → B/P 2.0
//
// Σw·E/P = 5 + 0.75 − 2 = 3.75 → earnings yield 3.75%, P/E = 100/3.75 =
// 26.667 (dropping C would give 100·80/5.75/100 = 13.9: loss-makers count).
// Σw·B/P = 25 + 15 + 40 = 80 → P/B = 1.25.
func TestHarmonicPEWithLossMaker(t *testing.T) {
	s := fixtureSnapshot("current", 4)
	set := func(col []float64, v ...float64) { copy(col, v) }
	set(s.Mcap, 100, 200, 50, 300)
	set(s.NI, 10, 5, -5, 1)
	set(s.Equity, 50, 100, 100, 10)
	set(s.FCF, 5, 10, -2, 0)
	set(s.Debt, 20, 0, 40, 0)
	set(s.Assets, 100, 200, 200, 50)
	set(s.Rev, 1, 1, 1, math.NaN())
	s.Sector = []uint8{0, 0, 2, 1}
	p := Portfolio{W: []float64{50, 30, 20, 0}}
	st := ComputeHoldingsStats(s, p)
	if st.Holdings != 3 || st.Weight != 100 {
		t.Fatalf("holdings = %d weight = %v", st.Holdings, st.Weight)
	}
	if !closeTo(st.EarningsYield, 0.0375, 1e-12) || !closeTo(st.PE, 100/3.75, 1e-9) {
		t.Errorf("EY = %v PE = %v, want 0.0375 and 26.667", st.EarningsYield, st.PE)
	}
	// Profitable names only: (50 + 30)/(5 + 0.75) = 13.913.
	if !closeTo(st.PEProfitable, 80/5.75, 1e-9) {
		t.Errorf("PE of profitable names = %v, want %v", st.PEProfitable, 80/5.75)
	}
	if !closeTo(st.PB, 1.25, 1e-12) {
		t.Errorf("PB = %v, want 1.25", st.PB)
	}
	// FCF yield: (50·0.05 + 30·0.05 + 20·(−0.04))/100 = 0.032.
	if !closeTo(st.FCFYield, 0.032, 1e-12) {
		t.Errorf("FCF yield = %v, want 0.032", st.FCFYield)
	}
	if !closeTo(st.LossCount, 1.0/3, 1e-12) || !closeTo(st.LossWeight, 0.2, 1e-12) {
		t.Errorf("loss share = %v by count, %v by weight; want 1/3, 0.2", st.LossCount, st.LossWeight)
	}
	// Owned fractions 0.5, 0.15, 0.4: debt 10+0+16 = 26, assets 50+30+80 = 160.
	if !closeTo(st.DebtToAssets, 26.0/160, 1e-12) {
		t.Errorf("debt/assets = %v, want %v", st.DebtToAssets, 26.0/160)
	}
	// ROE (no prior equity → latest): NI 5+0.75−2 = 3.75 over equity 25+15+40 = 80.
	if !closeTo(st.ROE, 3.75/80, 1e-12) {
		t.Errorf("ROE = %v, want %v", st.ROE, 3.75/80)
	}
	if !closeTo(st.Sector[0], 0.8, 1e-12) || !closeTo(st.Sector[2], 0.2, 1e-12) || st.Sector[1] != 0 {
		t.Errorf("sectors = %v", st.Sector)
	}
	if !closeTo(st.StatementCover, 1, 1e-12) {
		t.Errorf("statement cover = %v", st.StatementCover)
	}
	// Aggregate losses: P/E is undefined, the yield still says how bad.
	set(s.NI, -10, 5, -5, 1)
	st = ComputeHoldingsStats(s, p)
	if !math.IsNaN(st.PE) || !(st.EarningsYield < 0) {
		t.Errorf("aggregate loss: PE = %v (want NaN), EY = %v (want < 0)", st.PE, st.EarningsYield)
	}
}

// a = {0: 60, 1: 40}; b = {1: 10, 2: 10} → normalised b = {1: 50, 2: 50};
// overlap = min(40, 50) = 40%.
func TestOverlap(t *testing.T) {
	a := Portfolio{W: []float64{60, 40, 0}}
	b := Portfolio{W: []float64{0, 10, 10}}
	if o := Overlap(a, b); !closeTo(o, 40, 1e-12) {
		t.Errorf("overlap = %v, want 40", o)
	}
	if o := Overlap(a, a); !closeTo(o, 100, 1e-12) {
		t.Errorf("self overlap = %v, want 100", o)
	}
	if o := Overlap(a, Portfolio{W: []float64{0, 0, 5}}); o != 0 {
		t.Errorf("disjoint overlap = %v, want 0", o)
	}
	if o := Overlap(a, Portfolio{W: []float64{0, 0, 0}}); !math.IsNaN(o) {
		t.Errorf("empty overlap = %v, want NaN", o)
	}
}

func TestStyleSplitConservesWeight(t *testing.T) {
	const n = 40
	s := fixtureSnapshot("current", n)
	base := make([]float64, n)
	for i := 0; i < n; i++ {
		s.Mcap[i] = 100 + float64(i*37%11)
		s.Equity[i] = float64(i) * 3 // B/P rises with i (row 0: zero book → substituted)
		s.Rev[i] = 100 + float64(n-i)*2
		s.RevP[i] = 100 // sales growth falls with i
		s.Sector[i] = uint8(i % 3)
		base[i] = 1 + float64(i%7)
	}
	s.Rev[5] = math.NaN() // missing growth: sector average stands in
	base[9] = 0           // not held
	st := StyleSplit(s, base)
	var tb, tg, tv float64
	for i := 0; i < n; i++ {
		if !closeTo(st.Growth[i]+st.Value[i], base[i], 1e-12) || st.Growth[i] < 0 || st.Value[i] < 0 {
			t.Errorf("row %d: growth %v + value %v != base %v", i, st.Growth[i], st.Value[i], base[i])
		}
		tb, tg, tv = tb+base[i], tg+st.Growth[i], tv+st.Value[i]
	}
	if !closeTo(tg+tv, tb, 1e-9) {
		t.Errorf("totals: growth %v + value %v != %v", tg, tv, tb)
	}
	// The symmetric band puts about half of the weight in each style.
	if math.Abs(tv/tb-0.5) > 0.05 {
		t.Errorf("value share of weight = %v, want ≈ 0.5", tv/tb)
	}
	// Cheapest, slowest-growing name is pure value; the dearest, fastest
	// (row 1; row 0 has zero book) pure growth.
	if st.ValueShare[n-1] != 1 || st.ValueShare[1] != 0 {
		t.Errorf("extremes: value share %v (cheap) %v (growth)", st.ValueShare[n-1], st.ValueShare[1])
	}
	if !math.IsNaN(st.ValueShare[9]) || st.Growth[9] != 0 {
		t.Errorf("unheld row got a style: %v", st.ValueShare[9])
	}
	mid := 0
	for i := 0; i < n; i++ {
		if v := st.ValueShare[i]; v > 0 && v < 1 {
			mid++
		}
	}
	if mid == 0 {
		t.Error("no stock in the middle band was split")
	}
}

func TestFundPortfolioAndProfile(t *testing.T) {
	s := fixtureSnapshot("current", 3)
	copy(s.IWM, []float64{1, 2, math.NaN()})
	copy(s.IJR, []float64{0, 1, 1})
	p, err := FundPortfolio(s, "vtwo")
	if err != nil || p.Total() != 3 || p.Note == "" || p.ZeroWeight != 0 {
		t.Fatalf("VTWO = %+v, %v", p, err)
	}
	// A name listed at 0.00% is held (counted), not dropped.
	if q, _ := FundPortfolio(s, "SPSM"); q.ZeroWeight != 1 || q.Total() != 2 {
		t.Errorf("SPSM (IJR's) = %+v, want one name at 0.00%% and weight 2", q)
	}
	if _, err := FundPortfolio(s, "SPY"); err == nil {
		t.Error("SPY has no holdings: want an error")
	}
	g, err1 := FundPortfolio(s, "VTWG")
	v, err2 := FundPortfolio(s, "VTWV")
	if err1 != nil || err2 != nil || !g.Modelled || !closeTo(g.Total()+v.Total(), 3, 1e-12) {
		t.Errorf("VTWG+VTWV = %v + %v, want 3 (%v %v)", g.Total(), v.Total(), err1, err2)
	}
}

// The fund's average percentiles follow the screen's weights: a portfolio
// holding only the best momentum name scores 100-ish on a momentum-only
// composite and low on the reverse.
func TestPortfolioFactorProfileFollowsWeights(t *testing.T) {
	s := momentumFixture("2024-06-30", 20, func(int) float64 { return 0 })
	s.Kind = "current"
	for i := range s.IWM {
		s.IWM[i] = 1
	}
	sc := NewScreen(s, ComputeMetrics(s), Options{})
	sc.Score(Weights{Momentum: 1})
	p := Portfolio{W: make([]float64, 20)}
	p.W[19], p.W[0] = 3, 1
	fp := PortfolioFactorProfile(sc, p)
	// Hazen percentiles of rows 19 and 0 among 20: 97.5 and 2.5 → (3·97.5 + 2.5)/4.
	if !closeTo(fp.Factor[Momentum], (3*97.5+2.5)/4, 1e-9) || !closeTo(fp.Composite, (3*97.5+2.5)/4, 1e-9) || fp.InScreen != 1 {
		t.Errorf("profile = %+v", fp)
	}
	if !math.IsNaN(fp.Factor[Valuation]) {
		t.Errorf("valuation with no data = %v, want NaN", fp.Factor[Valuation])
	}
}

// TrackStyle lines each snapshot's forward window up with the funds'
// month-end closes: when every stock returns 10% and the funds too, the
// tracking difference is 0 in every column.
func TestTrackStyleAlignsWindows(t *testing.T) {
	var snaps []*Snapshot
	for _, asof := range []string{"2022-06-30", "2023-06-30"} {
		s := fixtureSnapshot("history", 20)
		s.AsOf = asof
		for i := 0; i < 20; i++ {
			s.Mcap[i], s.Equity[i], s.Rev[i], s.RevP[i] = 100+float64(i), float64(i+1)*5, 100+float64(i), 100
			s.Fwd12[i] = 0.1
		}
		snaps = append(snaps, s)
	}
	// Monthly closes from 2022-01 to 2024-06: ×1.1 every June→June.
	fund := &Fund{FirstMonth: MonthOf(isoDay("2022-01-31"))}
	for m := 0; m < 30; m++ {
		fund.Monthly = append(fund.Monthly, 100*math.Pow(1.1, float64(m)/12))
	}
	fund.LastDate = (fund.FirstMonth + 29).End()
	tr := TrackStyle(snaps, fund, fund, fund)
	if len(tr.Windows) != 2 || tr.N != 2 {
		t.Fatalf("windows = %d N = %d", len(tr.Windows), tr.N)
	}
	w := tr.Windows[0]
	if w.RealFrom != isoDay("2022-06-30") || w.RealTo != isoDay("2023-06-30") || w.Basis != "12 months" {
		t.Errorf("window %+v", w)
	}
	for k := 0; k < 4; k++ {
		if !closeTo(tr.MeanDiff[k], 0, 1e-9) {
			t.Errorf("column %d: mean diff %v, want 0 (model %v real %v)", k, tr.MeanDiff[k], w.Model[k], w.Real[k])
		}
	}
	if !math.IsNaN(tr.Corr[0]) {
		t.Errorf("correlation from 2 windows = %v, want NaN", tr.Corr[0])
	}
}

// The fund-page aggregates on a hand-made portfolio with a loss-maker and
// a negative book:
//
//	A: w 40, mcap  100, NI  10, book  50 → E/P  0.10, B/P  0.5, ROE  0.20
//	B: w 30, mcap  200, NI −20, book 100 → E/P −0.10, B/P  0.5, ROE −0.20
//	C: w 20, mcap   50, NI   5, book −10 → E/P  0.10, B/P −0.2, ROE n/a
//	D: w 10, mcap 1000, NI  20, book 400 → E/P  0.02, B/P  0.4, ROE  0.05
//
// P/E profitable (A, C, D): 70 / (4 + 2 + 0.2) = 11.29, 70% of weight;
// P/E loss-inclusive: 100 / 3.2 = 31.25; P/B positive book (A, B, D):
// 80 / (20 + 15 + 4) = 2.051, 80%; P/B all books: 100 / 35 = 2.857;
// weighted ROE (A, B, D): (8 − 6 + 0.5) / 80 = 3.125%, 80%; aggregate
// ROE: owned NI 3.2 / owned equity 35 = 9.14%; weighted median cap: caps
// sorted 50 (20), 100 (40), 200 (30), 1000 (10) reach half the weight at
// 100 (the unweighted median would be 150).
func TestFundPageAggregates(t *testing.T) {
	s := fixtureSnapshot("current", 5)
	set := func(col []float64, v ...float64) { copy(col, v) }
	set(s.Mcap, 100, 200, 50, 1000, 10)
	set(s.NI, 10, -20, 5, 20, 1)
	set(s.Equity, 50, 100, -10, 400, 1)
	nan := math.NaN()
	set(s.EquityP, nan, nan, nan, nan, nan)
	s.Sector = []uint8{0, 0, 0, 0, 0}
	st := ComputeHoldingsStats(s, Portfolio{W: []float64{40, 30, 20, 10, 0}})
	check := func(name string, got, want float64) {
		t.Helper()
		if !closeTo(got, want, 1e-9) {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	check("P/E profitable", st.PEProfitable, 70/6.2)
	check("P/E profitable cover", st.PEProfitableCover, 0.7)
	check("P/E loss-inclusive", st.PE, 100/3.2)
	check("P/B positive book", st.PBPositive, 80.0/39)
	check("P/B positive book cover", st.PBPositiveCover, 0.8)
	check("P/B all books", st.PB, 100.0/35)
	check("weighted ROE", st.ROEWeighted, 2.5/80)
	check("weighted ROE cover", st.ROEWeightedCover, 0.8)
	check("aggregate ROE", st.ROE, 3.2/35)
	check("weighted median cap", st.MedianMcap, 100)
	check("median cap cover", st.MedianMcapCover, 1)

	// Prior-year equity averages in: A's Ē = (50 + 150)/2 = 100 → ROE 0.1;
	// B's prior book −300 makes Ē −100, so B drops out: (4 + 0.5) / 50.
	set(s.EquityP, 150, -300, nan, nan, nan)
	st = ComputeHoldingsStats(s, Portfolio{W: []float64{40, 30, 20, 10, 0}})
	check("weighted ROE, average equity", st.ROEWeighted, 4.5/50)
	check("weighted ROE cover, average equity", st.ROEWeightedCover, 0.5)

	// No profitable or positive-book names: NaN, not a number from nothing.
	set(s.NI, -1, -1, -1, -1, -1)
	set(s.Equity, -1, -1, -1, -1, -1)
	set(s.EquityP, nan, nan, nan, nan, nan)
	st = ComputeHoldingsStats(s, Portfolio{W: []float64{40, 30, 20, 10, 0}})
	if !math.IsNaN(st.PEProfitable) || !math.IsNaN(st.PBPositive) || !math.IsNaN(st.ROEWeighted) || st.PEProfitableCover != 0 {
		t.Errorf("all losses: P/E %v P/B %v ROE %v cover %v, want NaN NaN NaN 0", st.PEProfitable, st.PBPositive, st.ROEWeighted, st.PEProfitableCover)
	}
}

func TestWeightedMedianCap(t *testing.T) {
	if m := weightedMedianCap(nil); !math.IsNaN(m) {
		t.Errorf("empty = %v, want NaN", m)
	}
	// One heavy large cap dominates the weight: the weighted median is it.
	if m := weightedMedianCap([]wcap{{10, 1}, {20, 1}, {30, 1}, {5000, 10}}); m != 5000 {
		t.Errorf("heavy large cap: %v, want 5000", m)
	}
	// Equal weights: the lower middle at exactly half.
	if m := weightedMedianCap([]wcap{{40, 1}, {10, 1}, {30, 1}, {20, 1}}); m != 20 {
		t.Errorf("equal weights: %v, want 20", m)
	}
}

// Funds tracking the same index share one holdings model and say so.
func TestSameIndexFundsShareHoldings(t *testing.T) {
	s := fixtureSnapshot("current", 40)
	for i := 0; i < 40; i++ {
		s.Mcap[i] = 100 + float64(i*37%11)
		s.IWM[i] = s.Mcap[i]
		s.IJR[i] = math.NaN()
		if i%3 == 0 {
			s.IJR[i] = 1
		}
	}
	for _, c := range []struct{ fund, src, index string }{
		{"VTWO", "IWM", "Russell 2000"}, {"IWO", "VTWG", "Russell 2000 Growth"}, {"IWN", "VTWV", "Russell 2000 Value"},
		{"VIOO", "IJR", "S&P SmallCap 600"}, {"spsm", "IJR", "S&P SmallCap 600"},
	} {
		src, index := HoldingsSource(c.fund)
		if src != c.src || index != c.index {
			t.Errorf("%s: source %q %q, want %q %q", c.fund, src, index, c.src, c.index)
		}
		p, err := FundPortfolio(s, c.fund)
		q, err2 := FundPortfolio(s, c.src)
		if err != nil || err2 != nil {
			t.Fatalf("%s: %v %v", c.fund, err, err2)
		}
		if p.Shared != c.src || p.Ticker == c.src || p.Modelled != q.Modelled || !strings.Contains(p.Note, c.index) {
			t.Errorf("%s: %+v", c.fund, p)
		}
		for i := range p.W {
			if p.W[i] != q.W[i] {
				t.Fatalf("%s: weight %d = %v, %s has %v", c.fund, i, p.W[i], c.src, q.W[i])
			}
		}
	}
	if src, _ := HoldingsSource("SPY"); src != "" {
		t.Errorf("SPY source %q, want none", src)
	}
	// Sources come before the funds that share them.
	seen := map[string]bool{}
	for _, f := range HoldingsFunds {
		if src, _ := HoldingsSource(f); !seen[src] && src != f {
			t.Errorf("%s listed before its source %s", f, src)
		}
		seen[f] = true
	}
}
