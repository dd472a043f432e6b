package engine

import (
	"math"
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
	copy(s.IJR, []float64{math.NaN(), 1, 1})
	p, err := FundPortfolio(s, "vtwo")
	if err != nil || p.Total() != 3 || p.Note == "" {
		t.Fatalf("VTWO = %+v, %v", p, err)
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
