package engine

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// handScreen builds a snapshot of n stocks (tickers S00.., all in IWM) in
// the given sectors and a Metrics with every value missing, for tests that
// set metric values by hand.
func handScreen(sectors []uint8) (*Snapshot, *Metrics) {
	n := len(sectors)
	s := &Snapshot{Kind: "current", N: n, Sectors: []string{"Industrials", "Utilities", "Financials"}, Sector: sectors}
	for i := 0; i < n; i++ {
		s.Ticker = append(s.Ticker, fmt.Sprintf("S%02d", i))
	}
	s.IWM, s.IJR, s.Mcap, s.NI = make([]float64, n), nanSlice(n), make([]float64, n), make([]float64, n)
	s.Price = make([]float64, n)
	for i := range s.Price {
		s.Price[i], s.Mcap[i] = 10, 100
	}
	m := &Metrics{}
	for k := range m.Value {
		m.Value[k] = nanSlice(n)
	}
	return s, m
}

func TestFactorIsReRankedMeanOfMetricPercentiles(t *testing.T) {
	s, m := handScreen([]uint8{0, 0, 0})
	copy(m.Value[OperatingMargin], []float64{1, 2, 3})
	copy(m.Value[OperatingMarginChange], []float64{1, 2, 0})
	copy(m.Value[GrossProfitability], []float64{1, 0, 2})
	copy(m.Value[DebtToAssets], []float64{0.1, 0.5, 0.5}) // lower is better, with a tie
	sc := NewScreen(s, m, Options{})
	third := 100.0 / 3
	// Metric percentiles (Hazen, n = 3): 1/6, 1/2, 5/6.
	wantMetric := [][]float64{{third / 2, 50, 250.0 / 3}, {50, 250.0 / 3, third / 2}, {50, third / 2, 250.0 / 3}}
	for k, want := range wantMetric {
		for j := range want {
			if !closeOrBothNaN(sc.MetricPct[k][j], want[j]) {
				t.Errorf("metric %d member %d pct %v, want %v", k, j, sc.MetricPct[k][j], want[j])
			}
		}
	}
	// Means 38.9, 50, 61.1 re-rank to 1/6, 1/2, 5/6.
	for j, want := range []float64{third / 2, 50, 250.0 / 3} {
		if !closeOrBothNaN(sc.FactorPct[Profitability][j], want) {
			t.Errorf("profitability pct[%d] = %v, want %v", j, sc.FactorPct[Profitability][j], want)
		}
	}
	if z := sc.FactorZ[Profitability]; math.Abs(z[0]+0.9674215661017) > 1e-9 || z[1] != 0 || math.Abs(z[2]-0.9674215661017) > 1e-9 {
		t.Errorf("profitability z %v", z)
	}
	// Debt/assets 0.1 is best: ascending ranks 1, 2.5, 2.5 flip to 5/6, 1/3, 1/3.
	for j, want := range []float64{250.0 / 3, third, third} {
		if !closeOrBothNaN(sc.MetricPct[DebtToAssets][j], want) {
			t.Errorf("debt/assets pct[%d] = %v, want %v", j, sc.MetricPct[DebtToAssets][j], want)
		}
	}
}

func TestFactorHalfPresentRule(t *testing.T) {
	s, m := handScreen([]uint8{0, 0, 0, 0})
	// Profitability has 3 metrics: needs 2 (2·2 ≥ 3); member 2 has only 1.
	copy(m.Value[OperatingMargin], []float64{1, 2, 3, nanV})
	copy(m.Value[OperatingMarginChange], []float64{1, 2, nanV, nanV})
	copy(m.Value[GrossProfitability], []float64{1, nanV, nanV, nanV})
	// Capital efficiency has 2: 1 is half, enough.
	copy(m.Value[ROE], []float64{nanV, 0.1, nanV, 0.2})
	// Valuation has 4: 2 is enough, 1 is not.
	copy(m.Value[EarningsYield], []float64{0.1, 0.2, 0.3, nanV})
	copy(m.Value[BookToPrice], []float64{0.5, nanV, 0.4, nanV})
	sc := NewScreen(s, m, Options{})
	present := func(f Factor) (out []bool) {
		for _, p := range sc.FactorPct[f] {
			out = append(out, !math.IsNaN(p))
		}
		return out
	}
	want := map[Factor][]bool{
		Profitability:     {true, true, false, false},
		CapitalEfficiency: {false, true, false, true},
		Valuation:         {true, false, true, false},
		Momentum:          {false, false, false, false},
	}
	for f, w := range want {
		if got := present(f); !slices.Equal(got, w) {
			t.Errorf("%s present %v, want %v", f.Key(), got, w)
		}
	}
	if got := sc.Coverage; !slices.Equal(got, []uint8{2, 2, 1, 1}) {
		t.Errorf("coverage %v", got)
	}
	// Member 1's valuation has 1 of 4 metrics: its E/P percentile exists
	// but the factor does not.
	if math.IsNaN(sc.MetricPct[EarningsYield][1]) {
		t.Error("metric percentile must exist even when the factor is missing")
	}
}

func TestSectorNeutralFallback(t *testing.T) {
	// 8 stocks in Industrials, 3 in Utilities (below MinSectorSize).
	sectors := []uint8{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1}
	s, m := handScreen(sectors)
	copy(m.Value[OperatingMargin], []float64{1, 2, 3, 4, 5, 6, 7, 8, 0.5, 4.5, 9})
	// Same values, but one Industrials stock missing: 7 present, so
	// Industrials falls back to the universe as well.
	copy(m.Value[GrossProfitability], []float64{1, 2, 3, 4, 5, 6, 7, nanV, 0.5, 4.5, 9})
	uni := NewScreen(s, m, Options{})
	neu := NewScreen(s, m, Options{SectorNeutral: true})
	for j := 0; j < 8; j++ {
		if want := 100 * (float64(j) + 0.5) / 8; !closeOrBothNaN(neu.MetricPct[OperatingMargin][j], want) {
			t.Errorf("industrials member %d: sector pct %v, want %v", j, neu.MetricPct[OperatingMargin][j], want)
		}
	}
	for j := 8; j < 11; j++ {
		if neu.MetricPct[OperatingMargin][j] != uni.MetricPct[OperatingMargin][j] {
			t.Errorf("utilities member %d: %v, want universe pct %v", j, neu.MetricPct[OperatingMargin][j], uni.MetricPct[OperatingMargin][j])
		}
	}
	// The universe pct of 9 among 11 values is the top: 100·10.5/11.
	if got := uni.MetricPct[OperatingMargin][10]; !closeOrBothNaN(got, 100*10.5/11) {
		t.Errorf("universe pct %v", got)
	}
	for j := 0; j < 11; j++ {
		if !closeOrBothNaN(neu.MetricPct[GrossProfitability][j], uni.MetricPct[GrossProfitability][j]) {
			t.Errorf("gross prof member %d: 7 present must fall back: %v vs %v", j, neu.MetricPct[GrossProfitability][j], uni.MetricPct[GrossProfitability][j])
		}
	}
}

func TestFilters(t *testing.T) {
	s := loadSnapFixture(t)
	m := ComputeMetrics(s)
	members := func(o Options) string {
		var out []string
		for _, r := range NewScreen(s, m, o).Members {
			out = append(out, s.Ticker[r])
		}
		return strings.Join(out, " ")
	}
	cases := []struct {
		f              Filter
		want, unpriced string
	}{
		{Filter{}, "AAA BBB.B CCC EEE", "DDD"},
		{Filter{Index: IndexIWM}, "AAA BBB.B EEE", "DDD"},
		{Filter{Index: IndexIJR}, "AAA CCC EEE", ""},
		{Filter{Index: IndexBoth}, "AAA EEE", ""},
		{Filter{Sectors: 1<<2 | 1<<3}, "AAA EEE", ""},
		{Filter{Sectors: 1 << 4}, "", "DDD"},
		// Market-cap bounds cannot judge a stock without a market cap:
		// it stays listed apart.
		{Filter{MinMcap: 500}, "AAA CCC EEE", "DDD"},
		{Filter{MaxMcap: 800}, "BBB.B CCC", "DDD"},
		{Filter{MinMcap: 500, MaxMcap: 800}, "CCC", "DDD"},
		{Filter{ProfitableOnly: true}, "AAA CCC EEE", "DDD"},
		{Filter{Index: IndexIWM, ProfitableOnly: true, MinMcap: 1}, "AAA EEE", "DDD"},
	}
	for _, c := range cases {
		sc := NewScreen(s, m, Options{Filter: c.f})
		if got := members(Options{Filter: c.f}); got != c.want {
			t.Errorf("%+v: %q, want %q", c.f, got, c.want)
		}
		var unpriced []string
		for _, r := range sc.Unpriced {
			unpriced = append(unpriced, s.Ticker[r])
		}
		if got := strings.Join(unpriced, " "); got != c.unpriced {
			t.Errorf("%+v: unpriced %q, want %q", c.f, got, c.unpriced)
		}
	}
}

func TestExcludeFinancials(t *testing.T) {
	s := pricedSnapFixture(t)
	m := ComputeMetrics(s)
	all := NewScreen(s, m, Options{})
	ex := NewScreen(s, m, Options{ExcludeFinancials: true})
	ccc, _ := s.Lookup("CCC") // Financials
	ddd, _ := s.Lookup("DDD") // Real Estate
	for k := Metric(0); k < NumMetrics; k++ {
		for _, row := range []int{ccc, ddd} {
			got := ex.MetricPct[k][row]
			if k.NotForFinancials() && !math.IsNaN(got) {
				t.Errorf("%s %s not masked", s.Ticker[row], k.Key())
			}
			if !k.NotForFinancials() && !closeOrBothNaN(got, all.MetricPct[k][row]) && !math.IsNaN(all.MetricPct[k][row]) {
				// Unmasked metrics keep a value (percentile may shift only if peers were masked; here all peers keep it).
				t.Errorf("%s %s changed: %v vs %v", s.Ticker[row], k.Key(), got, all.MetricPct[k][row])
			}
		}
	}
	// FCF/assets for the bank is present without the option, so it shapes
	// everyone's percentile; with it, AAA, BBB.B and EEE rank among themselves:
	// values 0.04, -0.0417, 0.05 -> 50, 16.7, 83.3.
	if math.IsNaN(all.MetricPct[FCFToAssets][ccc]) {
		t.Fatal("bank FCF/assets should be ranked without the option")
	}
	for tk, want := range map[string]float64{"AAA": 50, "BBB.B": 100.0 / 6, "EEE": 500.0 / 6} {
		i, _ := s.Lookup(tk)
		if got := ex.MetricPct[FCFToAssets][i]; !closeOrBothNaN(got, want) {
			t.Errorf("%s FCF/assets pct %v, want %v", tk, got, want)
		}
	}
	// The bank keeps its profitability, efficiency, valuation and
	// momentum factors; FCF and balance sheet are missing for it.
	if ex.Coverage[ccc] != 4 || !math.IsNaN(ex.FactorPct[FreeCashFlow][ccc]) || !math.IsNaN(ex.FactorPct[BalanceSheet][ccc]) {
		t.Errorf("bank coverage %d", ex.Coverage[ccc])
	}
}

func TestNetCashRanksBest(t *testing.T) {
	s := pricedSnapFixture(t)
	sc := NewScreen(s, ComputeMetrics(s), Options{})
	bbb, _ := s.Lookup("BBB.B") // no debt at all: the best value
	eee, _ := s.Lookup("EEE")   // net cash (debt 100, cash 400), EBITDA > 0: next
	pct := sc.MetricPct[NetDebtToEBITDA]
	best := slices.MaxFunc(pct, func(a, b float64) int { return cmp.Compare(nanLow(a), nanLow(b)) })
	if pct[bbb] != best || best <= 50 {
		t.Errorf("debt-free BBB.B pct %v, best %v", pct[bbb], best)
	}
	for j, p := range pct {
		if j != bbb && j != eee && p >= pct[eee] {
			t.Errorf("member %d pct %v ranks with net-cash EEE %v", j, p, pct[eee])
		}
	}
}

// pricedSnapFixture is the fixture with DDD (no price, no market cap
// there) given both, so that every row is ranked and member positions
// equal rows.
func pricedSnapFixture(t testing.TB) *Snapshot {
	s := loadSnapFixture(t)
	ddd, _ := s.Lookup("DDD")
	s.Price[ddd], s.Mcap[ddd] = 5, 250
	return s
}

func nanLow(x float64) float64 {
	if math.IsNaN(x) {
		return math.Inf(-1)
	}
	return x
}

func TestCompositeByHand(t *testing.T) {
	s, m := handScreen([]uint8{0, 0, 0, 0})
	copy(m.Value[ROE], []float64{1, 2, 3, 4})
	copy(m.Value[Momentum12_1], []float64{4, 3, 2, nanV})
	copy(m.Value[Trend], []float64{1, 1, 1, nanV})
	w := Weights{CapitalEfficiency: 2, Momentum: 1}
	for rule := MissingRule(0); rule < NumMissingRules; rule++ {
		sc := NewScreen(s, m, Options{Missing: rule})
		sc.Score(w)
		for j := 0; j < 4; j++ {
			ze, zm := sc.FactorZ[CapitalEfficiency][j], sc.FactorZ[Momentum][j]
			want := (2*ze + zm) / 3
			if j == 3 { // momentum missing
				want = map[MissingRule]float64{MissingNeutral: 2 * ze / 3, MissingSkip: ze, MissingExclude: nanV}[rule]
			}
			if !closeOrBothNaN(sc.Composite[j], want) {
				t.Errorf("%s: composite[%d] = %v, want %v", rule.Key(), j, sc.Composite[j], want)
			}
			c := sc.Contributions(j, w)
			sum := 0.0
			for f, x := range c {
				if !math.IsNaN(x) {
					sum += x
				} else if !math.IsNaN(sc.FactorZ[f][j]) && !math.IsNaN(want) {
					t.Errorf("%s: contribution of present factor %d is NaN", rule.Key(), f)
				}
			}
			if math.IsNaN(want) {
				sum = nanV
			}
			if !closeOrBothNaN(sum, sc.Composite[j]) {
				t.Errorf("%s: contributions of %d sum to %v, composite %v", rule.Key(), j, sum, sc.Composite[j])
			}
		}
		if got, want := sc.Rank(3), map[MissingRule]int{MissingNeutral: 1, MissingSkip: 1, MissingExclude: 4}[rule]; got != want {
			// Stock 3 has the best efficiency (z 1.15) and no momentum:
			// it still leads at 2/3 of its skip composite; exclude drops it.
			t.Errorf("%s: stock 3 ranks %d, want %d (composites %v)", rule.Key(), got, want, sc.Composite)
		}
	}
}

// With the neutral rule a missing factor counts exactly as the universe
// median (z = 0) would: it never lifts a composite above what a median
// value gives, and a below-median value never beats it.
func TestNeutralMissingIsTheMedian(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 3))
	for trial := 0; trial < 300; trial++ {
		var zs [NumFactors]float64
		var w Weights
		for f := range zs {
			zs[f] = r.NormFloat64()
			if r.IntN(4) > 0 {
				w[f] = float64(r.IntN(100))
			}
		}
		miss := r.IntN(NumFactors)
		row := func(z float64) [NumFactors]float64 { c := zs; c[miss] = z; return c }
		rows := [][NumFactors]float64{row(nanV), row(0), row(-math.Abs(r.NormFloat64()) - 1e-9)}
		sc := &Screen{Snap: &Snapshot{Ticker: []string{"A", "B", "C"}}, Members: []int32{0, 1, 2}}
		for f := 0; f < NumFactors; f++ {
			sc.FactorZ[f] = []float64{rows[0][f], rows[1][f], rows[2][f]}
		}
		sc.Composite, sc.CompositePct, sc.Order = make([]float64, 3), make([]float64, 3), make([]int32, 3)
		sc.tickerOrder, sc.Coverage = []int32{0, 1, 2}, []uint8{5, 6, 6}
		sc.rad.grow(3)
		sc.Score(w)
		missing, median, below := sc.Composite[0], sc.Composite[1], sc.Composite[2]
		if math.IsNaN(median) {
			continue // no weighted factor at all
		}
		if math.IsNaN(missing) {
			// Only the missing factor was weighted: nothing is known.
			if w[miss] == 0 || w.sumOthers(miss) > 0 {
				t.Fatalf("trial %d: missing composite NaN with weights %v", trial, w)
			}
			continue
		}
		if math.Abs(missing-median) > 1e-12 || below > missing+1e-12 && w[miss] > 0 {
			t.Fatalf("trial %d: weights %v missing factor %d: composite %v, with median %v, below median %v", trial, w, miss, missing, median, below)
		}
	}
}

func (w Weights) sumOthers(skip int) float64 {
	s := 0.0
	for f, x := range w {
		if f != skip {
			s += x
		}
	}
	return s
}

func TestOrderTiesAndPercentiles(t *testing.T) {
	s, m := handScreen([]uint8{0, 0, 0, 0, 0})
	s.Ticker = []string{"E", "D", "C", "B", "A"} // not sorted: ties must still go by ticker
	copy(m.Value[ROE], []float64{1, 3, 3, nanV, 2})
	sc := NewScreen(s, m, Options{})
	sc.Score(Weights{CapitalEfficiency: 1})
	// Composite = z: D and C tie at the top; order D/C by ticker (C first), then A, E, then B (missing).
	var got []string
	for _, j := range sc.Order {
		got = append(got, s.Ticker[sc.Members[j]])
	}
	if strings.Join(got, "") != "CDAEB" {
		t.Errorf("order %v, want C D A E B", got)
	}
	// Percentiles among 4 composites: ties share rank 3.5 -> 75; A 37.5; E 12.5; B missing.
	want := []float64{12.5, 75, 75, nanV, 37.5}
	for j := range want {
		if !closeOrBothNaN(sc.CompositePct[j], want[j]) {
			t.Errorf("composite pct %v, want %v", sc.CompositePct, want)
			break
		}
	}
	if sc.Rank(2) != 1 || sc.Rank(3) != 5 || sc.Rank(99) != 0 {
		t.Errorf("Rank: %d %d", sc.Rank(2), sc.Rank(3))
	}
}

// referenceOrder sorts member positions by composite descending, NaN last,
// ties by ticker, with the standard library: the specification the radix
// sort must match.
func referenceOrder(sc *Screen) []int32 {
	ord := make([]int32, len(sc.Members))
	for j := range ord {
		ord[j] = int32(j)
	}
	slices.SortStableFunc(ord, func(a, b int32) int {
		ca, cb := sc.Composite[a], sc.Composite[b]
		switch {
		case math.IsNaN(ca) && math.IsNaN(cb):
		case math.IsNaN(ca):
			return 1
		case math.IsNaN(cb):
			return -1
		case ca != cb:
			return cmp.Compare(cb, ca)
		}
		return strings.Compare(sc.Snap.Ticker[sc.Members[a]], sc.Snap.Ticker[sc.Members[b]])
	})
	return ord
}

func TestScoreMatchesReferenceSort(t *testing.T) {
	s := synthSnapshot(2000, 1, 0.15)
	m := ComputeMetrics(s)
	r := rand.New(rand.NewPCG(3, 4))
	for _, o := range []Options{{}, {SectorNeutral: true, ExcludeFinancials: true}, {Filter: Filter{Index: IndexIJR}}} {
		sc := NewScreen(s, m, o)
		// Force exact ties and a ±0 composite.
		for f := 0; f < NumFactors; f++ {
			sc.FactorZ[f][10], sc.FactorZ[f][11] = sc.FactorZ[f][12], sc.FactorZ[f][12]
			sc.FactorZ[f][21] = 0
		}
		// Member 20's composite is −0 when profitability counts; it must tie
		// with member 21's +0 and so come first by ticker.
		sc.FactorZ[0][20] = math.Copysign(0, -1)
		for f := 1; f < NumFactors; f++ {
			sc.FactorZ[f][20] = nanV
		}
		for trial := 0; trial < 20; trial++ {
			var w Weights
			for f := range w {
				if r.IntN(3) > 0 {
					w[f] = r.Float64() * 3
				}
			}
			sc.Score(w)
			if want := referenceOrder(sc); !slices.Equal(sc.Order, want) {
				t.Fatalf("%+v %v: radix order differs from reference", o, w)
			}
			for p, j := range sc.Order {
				if sc.Rank(int(j)) != p+1 {
					t.Fatalf("Rank(%d) = %d, want %d", j, sc.Rank(int(j)), p+1)
				}
			}
			ref := make([]float64, len(sc.Composite))
			PercentileRanks(sc.Composite, ref)
			for j := range ref {
				if !closeOrBothNaN(sc.CompositePct[j], ref[j]) {
					t.Fatalf("composite pct[%d] %v, PercentileRanks %v", j, sc.CompositePct[j], ref[j])
				}
			}
			for _, j := range []int{0, 10, 21, 500} {
				c := sc.Contributions(j, w)
				sum, any := 0.0, false
				for _, x := range c {
					if !math.IsNaN(x) {
						sum, any = sum+x, true
					}
				}
				if any && !math.IsNaN(sc.Composite[j]) && math.Abs(sum-sc.Composite[j]) > 1e-12 {
					t.Fatalf("contributions sum %v != composite %v", sum, sc.Composite[j])
				}
			}
		}
	}
}

func TestScoreAllocatesNothing(t *testing.T) {
	s := synthSnapshot(2000, 2, 0.1)
	sc := NewScreen(s, ComputeMetrics(s), Options{SectorNeutral: true})
	w := Weights{1, 2, 0, 1, 3, 1}
	if a := testing.AllocsPerRun(20, func() { w[0] += 0.1; sc.Score(w) }); a != 0 {
		t.Errorf("Score allocates %v times per run", a)
	}
}

// TestScalingWeightsKeepsOrder: only the ratios of weights matter.
// Scaling by a power of two is exact in floating point, so the order must
// be identical; scaling by 3 may move composites by an ulp, so there the
// order may differ only between composites equal to 1e-12.
func TestScalingWeightsKeepsOrder(t *testing.T) {
	s := synthSnapshot(2000, 5, 0.2)
	sc := NewScreen(s, ComputeMetrics(s), Options{})
	for _, w := range []Weights{{1, 1, 1, 1, 1, 1}, {2, 0, 1, 0, 0.5, 3}, {0, 0, 0, 0, 0, 1}} {
		sc.Score(w)
		base := slices.Clone(sc.Order)
		baseComp := slices.Clone(sc.Composite)
		for _, c := range []float64{2, 0.25, 1024, 3, 1e-3} {
			var wc Weights
			for f := range w {
				wc[f] = c * w[f]
			}
			sc.Score(wc)
			if c == 2 || c == 0.25 || c == 1024 {
				if !slices.Equal(sc.Order, base) {
					t.Errorf("weights %v ×%v changed the order", w, c)
				}
				continue
			}
			for p := range base {
				if a, b := base[p], sc.Order[p]; a != b && math.Abs(baseComp[a]-baseComp[b]) > 1e-12 {
					t.Errorf("weights %v ×%v: position %d differs beyond rounding", w, c, p)
					break
				}
			}
		}
	}
}

// fullCoverageScreen has every metric present for every stock, so every
// stock has all six factors.
func fullCoverageScreen(n int, seed uint64) *Screen {
	s := synthSnapshot(n, seed, 0)
	r := rand.New(rand.NewPCG(seed, 11))
	m := &Metrics{}
	for k := range m.Value {
		m.Value[k] = make([]float64, n)
		for i := range m.Value[k] {
			m.Value[k][i] = r.NormFloat64()
		}
	}
	return NewScreen(s, m, Options{})
}

// TestDoublingWeightNeverLowersTopStock: when every stock has the same
// factors present, doubling wₖ moves each composite toward its zₖ by the
// same fraction, so nobody overtakes the stock with the highest zₖ.
func TestDoublingWeightNeverLowersTopStock(t *testing.T) {
	sc := fullCoverageScreen(2000, 9)
	r := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 30; trial++ {
		var w Weights
		for f := range w {
			w[f] = r.Float64()
		}
		for k := 0; k < NumFactors; k++ {
			top := 0
			for j := range sc.Members {
				if sc.FactorPct[k][j] > sc.FactorPct[k][top] {
					top = j
				}
			}
			sc.Score(w)
			before := sc.Rank(top)
			w2 := w
			w2[k] *= 2
			sc.Score(w2)
			if after := sc.Rank(top); after > before {
				t.Errorf("weights %v: doubling %s moved its top stock from rank %d to %d", w, Factor(k).Key(), before, after)
			}
		}
	}
}

// TestDoublingWeightPartialCoverage documents the limit of that property
// under MissingSkip: composites average over the factors a stock HAS, so
// with unequal coverage doubling wₖ can let a stock with fewer factors
// overtake the factor's top stock. The neutral rule restores it. Worked example: A has all six factors (z = 3 on
// profitability, composite 0.1); B has only profitability and value
// (z = 2.9 and −2.9, composite 0). Doubling profitability lifts A to
// (0.6 + 3)/7 = 0.514 but B to (2·2.9 − 2.9)/3 = 0.967.
func TestDoublingWeightPartialCoverage(t *testing.T) {
	sc := &Screen{Snap: &Snapshot{Ticker: []string{"A", "B"}}, Members: []int32{0, 1}}
	zA := [NumFactors]float64{3, -0.72, 0, 0, 0.32, 0}           // mean 0.1
	zB := [NumFactors]float64{2.9, nanV, nanV, nanV, -2.9, nanV} // mean 0
	for f := 0; f < NumFactors; f++ {
		sc.FactorZ[f] = []float64{zA[f], zB[f]}
	}
	sc.Composite, sc.CompositePct, sc.Order = make([]float64, 2), make([]float64, 2), make([]int32, 2)
	sc.tickerOrder, sc.Coverage = []int32{0, 1}, []uint8{6, 2}
	sc.rad.grow(2)
	sc.Opts.Missing = MissingSkip
	sc.Score(Weights{1, 1, 1, 1, 1, 1})
	if sc.Rank(0) != 1 {
		t.Fatalf("A should lead before: composites %v", sc.Composite)
	}
	sc.Score(Weights{2, 1, 1, 1, 1, 1})
	if sc.Rank(0) != 2 || math.Abs(sc.Composite[1]-2.9/3) > 1e-12 {
		t.Errorf("expected B to overtake A: composites %v", sc.Composite)
	}
	// Neutral: B's four missing factors count as 0; A = 5.6/7, B = 2.9/7.
	sc.Opts.Missing = MissingNeutral
	sc.Score(Weights{2, 1, 1, 1, 1, 1})
	if sc.Rank(0) != 1 || math.Abs(sc.Composite[1]-2.9/7) > 1e-12 {
		t.Errorf("neutral: A should keep the lead: composites %v", sc.Composite)
	}
}

func TestMinCoverage(t *testing.T) {
	s := pricedSnapFixture(t)
	sc := NewScreen(s, ComputeMetrics(s), Options{MinCoverage: 5})
	sc.Score(Weights{1, 1, 1, 1, 1, 1})
	// Coverage: AAA 6, BBB.B 5 (debt-free: the balance sheet counts), CCC 6, DDD 4, EEE 6.
	ranked := 0
	for j, c := range sc.Coverage {
		has := !math.IsNaN(sc.Composite[j])
		if has != (c >= 5) {
			t.Errorf("member %d coverage %d: composite %v", j, c, sc.Composite[j])
		}
		if has {
			ranked++
		}
		if ct := sc.Contributions(j, Weights{1, 1, 1, 1, 1, 1}); !has && !math.IsNaN(ct[Momentum]) {
			t.Errorf("unranked member %d has contributions %v", j, ct)
		}
	}
	if ranked != 4 {
		t.Fatalf("%d ranked, want 4", ranked)
	}
	// Percentiles are among the 4 ranked stocks only: 7/8, 5/8, 3/8, 1/8.
	for p, j := range sc.Order[:4] {
		if want := 100 * (3.5 - float64(p)) / 4; !closeOrBothNaN(sc.CompositePct[j], want) {
			t.Errorf("pct of rank %d = %v, want %v", p+1, sc.CompositePct[j], want)
		}
	}
	sc.Opts.MinCoverage = 0 // read by Score: no new Screen needed
	sc.Score(Weights{1, 1, 1, 1, 1, 1})
	for j := range sc.Composite {
		if math.IsNaN(sc.Composite[j]) {
			t.Errorf("member %d unranked without MinCoverage", j)
		}
	}
}

func TestEmptyUniverse(t *testing.T) {
	s := loadSnapFixture(t)
	sc := NewScreen(s, ComputeMetrics(s), Options{Filter: Filter{MinMcap: 1e9}})
	sc.Score(Weights{1, 1, 1, 1, 1, 1})
	if len(sc.Members) != 0 || len(sc.Order) != 0 || sc.Rank(0) != 0 {
		t.Errorf("empty screen: %d members", len(sc.Members))
	}
	if _, ok := sc.Pos(0); ok {
		t.Error("Pos of a filtered-out row")
	}
	empty := &Snapshot{Kind: "current"}
	NewScreen(empty, ComputeMetrics(empty), Options{SectorNeutral: true}).Score(Weights{1})
}

// A filter can leave nobody (e.g. a market-cap range above every stock);
// scoring an empty screen must be a no-op, not a panic.
func TestScoreEmptyScreen(t *testing.T) {
	s := loadSnapFixture(t)
	sc := NewScreen(s, ComputeMetrics(s), Options{Filter: Filter{MinMcap: 1e12}})
	if len(sc.Members) != 0 {
		t.Fatalf("%d members, want 0", len(sc.Members))
	}
	sc.Score(Weights{1, 1, 1, 1, 1, 1})
	if len(sc.Order) != 0 || len(sc.CompositePct) != 0 {
		t.Errorf("order %v, pct %v: want empty", sc.Order, sc.CompositePct)
	}
}

// Options differing only in what Score reads share a ScreenKey.
func TestScreenKey(t *testing.T) {
	a := Options{Filter: Filter{Index: IndexIWM}, SectorNeutral: true, MinCoverage: 4, Missing: MissingExclude}
	b := Options{Filter: Filter{Index: IndexIWM}, SectorNeutral: true}
	if a.ScreenKey() != b.ScreenKey() || a.ScreenKey() == (Options{SectorNeutral: true}).ScreenKey() {
		t.Errorf("ScreenKey %+v vs %+v", a.ScreenKey(), b.ScreenKey())
	}
}

func TestMissingWeighted(t *testing.T) {
	s, m := handScreen([]uint8{0, 0})
	copy(m.Value[ROE], []float64{1, 2})
	copy(m.Value[Momentum12_1], []float64{4, nanV})
	copy(m.Value[Trend], []float64{1, nanV})
	sc := NewScreen(s, m, Options{})
	got := sc.MissingWeighted(1, Weights{CapitalEfficiency: 1, Momentum: 2, Valuation: 0})
	if len(got) != 1 || got[0] != Momentum {
		t.Errorf("missing weighted %v, want [momentum] (valuation has no weight)", got)
	}
	if sc.MissingWeighted(0, Weights{1, 1, 0, 1, 0, 1}) == nil || sc.MissingWeighted(9, Weights{1}) != nil {
		t.Error("member 0 lacks profitability; an out-of-range member lacks nothing")
	}
}
