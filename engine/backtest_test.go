package engine

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/stat"
)

// momentumFixture is a history snapshot of n names whose momentum metrics
// all rise with the row; fwd(i) sets the forward return of row i.
func momentumFixture(asof string, n int, fwd func(i int) float64) *Snapshot {
	s := fixtureSnapshot("history", n)
	s.AsOf = asof
	for i := 0; i < n; i++ {
		x := float64(i)
		s.Mom12_1[i], s.Mom6_1[i], s.Trend[i] = x/100, x/200, 1+x/1000
		s.Mcap[i], s.Price[i] = 100+x, 10
		s.Fwd12[i] = fwd(i)
		s.FwdLast[i] = fwd(i)
	}
	return s
}

// Scores 10,9,8,8,6,5,4,4,4,1 in 5 buckets: ascending positions 0..9 go to
// bucket ⌊p/2⌋, but the three 4s (positions 1..3, mean 2) all go to bucket
// 1 and the two 8s (positions 6..7, mean 6.5) to bucket 3, whatever order
// the ties come in.
func TestAssignBucketsTies(t *testing.T) {
	score := []float64{10, 9, 8, 8, 6, 5, 4, 4, 4, 1}
	want := []int8{4, 4, 3, 3, 2, 2, 1, 1, 1, 0}
	order := []int32{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	out := make([]int8, 10)
	AssignBuckets(order, score, 5, out)
	if !slices.Equal(out, want) {
		t.Fatalf("buckets = %v, want %v", out, want)
	}
	order = []int32{0, 1, 3, 2, 4, 5, 8, 6, 7, 9} // ties reordered
	AssignBuckets(order, score, 5, out)
	if !slices.Equal(out, want) {
		t.Errorf("tie order changed buckets: %v", out)
	}
	// All equal: one bucket (the middle), never split.
	AssignBuckets(order, make([]float64, 10), 5, out)
	for _, b := range out {
		if b != 2 {
			t.Fatalf("all-tied buckets = %v, want all 2", out)
		}
	}
	// No ties: 10 names in deciles, one each.
	AssignBuckets([]int32{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, []float64{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}, 10, out)
	if !slices.Equal(out, []int8{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}) {
		t.Errorf("deciles = %v", out)
	}
}

// A factor that perfectly predicts returns: IC = 1 and quintile means rise
// monotonically from bottom to top.
func TestPerfectPredictor(t *testing.T) {
	s := momentumFixture("2023-06-30", 50, func(i int) float64 { return float64(i)/100 - 0.1 })
	bt, err := NewBacktest([]*Snapshot{s}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := bt.Run(Weights{Momentum: 1}, BacktestConfig{Buckets: 5, TopN: 5})
	d := res.Dates[0]
	if d.Basis != "12 months" || d.Scored != 50 {
		t.Fatalf("basis %q scored %d", d.Basis, d.Scored)
	}
	if !closeTo(d.IC, 1, 1e-12) || d.ICN != 50 {
		t.Errorf("IC = %v over %d, want 1 over 50", d.IC, d.ICN)
	}
	for b := 1; b < 5; b++ {
		if !(d.Buckets[b].Mean > d.Buckets[b-1].Mean) || d.Buckets[b].N != 10 {
			t.Errorf("bucket %d: %+v not above %+v", b, d.Buckets[b], d.Buckets[b-1])
		}
	}
	// Bottom quintile rows 0..9 average 0.045 − 0.1; top rows 40..49 0.445 − 0.1.
	if !closeTo(d.Spread, 0.4, 1e-12) {
		t.Errorf("spread = %v, want 0.40", d.Spread)
	}
	// Top 5 = rows 45..49: mean 0.47 − 0.1.
	if !closeTo(d.TopN, 0.37, 1e-12) || d.TopNCount != 5 {
		t.Errorf("top-5 = %v (%d), want 0.37", d.TopN, d.TopNCount)
	}
	if !closeTo(d.FactorIC[Momentum], 1, 1e-12) || !closeTo(d.FactorSpread[Momentum], 0.4, 1e-12) {
		t.Errorf("momentum factor IC %v spread %v", d.FactorIC[Momentum], d.FactorSpread[Momentum])
	}
	// Reversed returns: IC −1.
	s2 := momentumFixture("2022-06-30", 50, func(i int) float64 { return -float64(i) / 100 })
	bt, _ = NewBacktest([]*Snapshot{s, s2}, Options{})
	res = bt.Run(Weights{Momentum: 1}, BacktestConfig{Buckets: 10})
	if res.Dates[0].AsOf != "2022-06-30" || !closeTo(res.Dates[0].IC, -1, 1e-12) {
		t.Errorf("dates not oldest first or IC wrong: %s %v", res.Dates[0].AsOf, res.Dates[0].IC)
	}
	if res.Years != 2 || !closeTo(res.MeanIC, 0, 1e-12) || len(res.Dates[1].Buckets) != 10 {
		t.Errorf("summary: years %d mean IC %v", res.Years, res.MeanIC)
	}
	if !closeTo(res.CumSpread, res.Dates[0].Spread+res.Dates[1].Spread, 1e-12) {
		t.Errorf("cum spread %v", res.CumSpread)
	}
}

// Names without a forward price are counted per bucket and left out of
// the means, the IC and the top-N.
func TestMissingForwardReturns(t *testing.T) {
	missing := map[int]bool{0: true, 3: true, 47: true, 48: true}
	s := momentumFixture("2023-06-30", 50, func(i int) float64 {
		if missing[i] {
			return math.NaN()
		}
		return float64(i) / 100
	})
	bt, err := NewBacktest([]*Snapshot{s}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := bt.Run(Weights{Momentum: 1}, BacktestConfig{Buckets: 5, TopN: 5}).Dates[0]
	if d.MissingFwd != 4 || d.Buckets[0].Missing != 2 || d.Buckets[4].Missing != 2 || d.Buckets[0].N != 10 {
		t.Fatalf("missing counts: total %d buckets %+v", d.MissingFwd, d.Buckets)
	}
	// Bottom bucket: rows 1,2,4..9 → mean 42/8 /100.
	if !closeTo(d.Buckets[0].Mean, 0.42/8, 1e-12) {
		t.Errorf("bottom mean = %v, want %v", d.Buckets[0].Mean, 0.42/8)
	}
	if d.ICN != 46 || !closeTo(d.IC, 1, 1e-12) {
		t.Errorf("IC %v over %d, want 1 over 46", d.IC, d.ICN)
	}
	// Top 5 = rows 45..49, two missing: mean of 0.45, 0.46, 0.49.
	if d.TopNMissing != 2 || !closeTo(d.TopN, 1.40/3, 1e-12) {
		t.Errorf("top-5 %v missing %d", d.TopN, d.TopNMissing)
	}
}

// Forward returns never feed scoring: scrambling Fwd12 and FwdLast leaves
// every composite and the order unchanged (while the IC does change, so
// the scramble took effect).
func TestForwardReturnsNeverFeedScoring(t *testing.T) {
	const n = 200
	rng := rand.New(rand.NewPCG(1, 2))
	mk := func() *Snapshot {
		r := rand.New(rand.NewPCG(3, 4)) // same fundamentals each time
		s := fixtureSnapshot("history", n)
		for i := 0; i < n; i++ {
			s.Sector[i] = uint8(i % 3)
			s.Mcap[i], s.Price[i] = 50+r.Float64()*2000, 20
			s.Rev[i], s.RevP[i] = 100+r.Float64()*500, 100+r.Float64()*500
			s.GP[i], s.OpInc[i], s.DA[i], s.Int[i] = s.Rev[i]*0.4, s.Rev[i]*(r.Float64()-0.3), 5, 1+r.Float64()*10
			s.OpIncP[i], s.NI[i] = s.RevP[i]*(r.Float64()-0.3), s.OpInc[i]*0.7
			s.OCF[i], s.Capex[i] = s.Rev[i]*r.Float64()*0.2, 10
			s.FCF[i], s.FCFP[i] = s.OCF[i]-10, r.Float64()*20-5
			s.Assets[i], s.Equity[i], s.EquityP[i] = 1000*r.Float64()+100, 500*r.Float64()-50, 400
			s.Debt[i], s.Cash[i] = 300*r.Float64(), 100*r.Float64()
			s.Mom12_1[i], s.Mom6_1[i], s.Trend[i] = r.Float64()-0.3, r.Float64()-0.2, 0.8+r.Float64()*0.4
			s.Fwd12[i] = 0.1 * float64(i%10)
			s.SP600[i] = i%3 != 0
			s.FwdLast[i] = 0.2 * float64(i%7)
		}
		return s
	}
	a, b := mk(), mk()
	rng.Shuffle(n, func(i, j int) { b.Fwd12[i], b.Fwd12[j] = b.Fwd12[j], b.Fwd12[i] })
	rng.Shuffle(n, func(i, j int) { b.FwdLast[i], b.FwdLast[j] = b.FwdLast[j], b.FwdLast[i] })
	for i := 0; i < n; i += 5 {
		b.Fwd12[i] = math.NaN()
	}
	for _, o := range []Options{{}, {SectorNeutral: true}, {ExcludeFinancials: true, Filter: Filter{Index: IndexIJR}}} {
		bta, err1 := NewBacktest([]*Snapshot{a}, o)
		btb, err2 := NewBacktest([]*Snapshot{b}, o)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		for _, p := range Presets() {
			ra := bta.Run(p.Weights, BacktestConfig{})
			rb := btb.Run(p.Weights, BacktestConfig{})
			sa, sb := bta.Dates[0].Screen, btb.Dates[0].Screen
			if !slices.Equal(sa.Order, sb.Order) {
				t.Fatalf("%s %+v: order changed when forward returns were scrambled", p.Key, o)
			}
			for j := range sa.Composite {
				if a, b := sa.Composite[j], sb.Composite[j]; a != b && !(math.IsNaN(a) && math.IsNaN(b)) {
					t.Fatalf("%s: composite %d changed: %v → %v", p.Key, j, a, b)
				}
			}
			if ra.Dates[0].IC == rb.Dates[0].IC {
				t.Errorf("%s: IC unchanged (%v): the scramble did not reach the forward returns", p.Key, ra.Dates[0].IC)
			}
		}
	}
}

func TestNewBacktestErrors(t *testing.T) {
	if _, err := NewBacktest(nil, Options{}); err == nil {
		t.Error("no snapshots: want an error")
	}
	s := momentumFixture("not-a-date", 5, func(int) float64 { return 0 })
	if _, err := NewBacktest([]*Snapshot{s}, Options{}); err == nil {
		t.Error("bad asof: want an error")
	}
}

func TestCompound(t *testing.T) {
	c := Compound([]float64{0.1, -0.5, math.NaN(), 0.2})
	if !closeTo(c[0], 0.1, 1e-12) || !closeTo(c[1], -0.45, 1e-12) || !math.IsNaN(c[2]) || !math.IsNaN(c[3]) {
		t.Errorf("compound = %v", c)
	}
}

// The O(n) IC agrees with a naive Spearman (average ranks, then Pearson)
// on data with many ties in both the score and the return, and missing
// returns.
func TestICMatchesNaiveSpearman(t *testing.T) {
	const n = 300
	r := rand.New(rand.NewPCG(5, 6))
	s := momentumFixture("2023-06-30", n, func(int) float64 { return 0 })
	for i := 0; i < n; i++ {
		v := float64(r.IntN(12)) // heavy ties in every momentum metric
		s.Mom12_1[i], s.Mom6_1[i], s.Trend[i] = v, v, v
		s.Fwd12[i] = float64(r.IntN(9)) / 10
		if r.IntN(10) == 0 {
			s.Fwd12[i] = math.NaN()
		}
	}
	bt, err := NewBacktest([]*Snapshot{s}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := bt.Run(Weights{Momentum: 1}, BacktestConfig{}).Dates[0]
	sc := bt.Dates[0].Screen
	var xs, ys []float64
	for j := range sc.Members {
		if f := bt.Dates[0].Fwd[j]; !math.IsNaN(f) && !math.IsNaN(sc.Composite[j]) {
			xs, ys = append(xs, sc.Composite[j]), append(ys, f)
		}
	}
	naive := stat.Correlation(naiveRanks(xs), naiveRanks(ys), nil)
	if d.ICN != len(xs) || !closeTo(d.IC, naive, 1e-12) {
		t.Errorf("IC = %v over %d, naive %v over %d", d.IC, d.ICN, naive, len(xs))
	}
}

func naiveRanks(x []float64) []float64 {
	out := make([]float64, len(x))
	for i := range x {
		less, eq := 0, 0
		for j := range x {
			if x[j] < x[i] {
				less++
			} else if x[j] == x[i] {
				eq++
			}
		}
		out[i] = float64(less) + float64(eq+1)/2
	}
	return out
}

func TestRunningSum(t *testing.T) {
	got := RunningSum([]float64{-1.17, 0.3, -0.01, math.NaN(), 0.2})
	want := []float64{-1.17, -0.87, -0.88, math.NaN(), math.NaN()}
	for i := range want {
		if !closeOrBothNaN(got[i], want[i]) {
			t.Errorf("sum[%d] = %v, want %v (a gap stops the line)", i, got[i], want[i])
		}
	}
	if len(RunningSum(nil)) != 0 {
		t.Error("empty input")
	}
}

// The yearly paths, the buckets' growth and the funds are compounded over
// the 12-month windows only: the to-last-price window overlaps the last.
func TestYearlyPathsAndFunds(t *testing.T) {
	b := func(means ...float64) []BucketStat {
		out := make([]BucketStat, len(means))
		for i, m := range means {
			out[i] = BucketStat{N: 10, Mean: m}
		}
		return out
	}
	res := BacktestResult{Config: BacktestConfig{Buckets: 2}, Dates: []DateResult{
		{Basis: ForwardYear, Buckets: b(0.1, 0.5), Spread: 0.4, TopN: 0.2},
		{Basis: ForwardYear, Buckets: b(-0.2, 0.1), Spread: 0.3, TopN: -0.1},
		{Basis: ForwardToLast, Buckets: b(9, 9), Spread: 5, TopN: 9},
		{Basis: ForwardYear, Spread: math.NaN(), TopN: math.NaN()}, // nobody scored
	}}
	res.summarise()
	if res.Years != 3 || !closeOrBothNaN(res.SpreadPath[1], 0.7) || !math.IsNaN(res.CumSpread) {
		t.Errorf("years %d spread path %v cum %v", res.Years, res.SpreadPath, res.CumSpread)
	}
	if got, want := res.TopNPath[1], 1.2*0.9-1; math.Abs(got-want) > 1e-12 {
		t.Errorf("top-N path %v, want %v after two years", res.TopNPath, want)
	}
	if !math.IsNaN(res.BucketGrowth[1]) {
		t.Errorf("a window without buckets must stop the leg: %v", res.BucketGrowth)
	}
	// Spreads 0.4 and 0.3 (the NaN year is left out): mean 0.35, sd
	// 0.0707, t = 0.35/(0.0707/√2) = 7.
	if !closeTo(res.MeanSpread, 0.35, 1e-12) || !closeTo(res.TStatSpread, 7, 1e-9) || res.SpreadWins != 2 {
		t.Errorf("spread summary %v t %v wins %d", res.MeanSpread, res.TStatSpread, res.SpreadWins)
	}
	res.Dates = res.Dates[:3]
	res.Years = 0
	res.summarise()
	if got, want := res.BucketGrowth[1], 1.5*1.1-1; math.Abs(got-want) > 1e-12 {
		t.Errorf("top leg %v, want %v", got, want)
	}
	if got, want := res.BucketGrowth[0], 1.1*0.8-1; math.Abs(got-want) > 1e-12 {
		t.Errorf("bottom leg %v, want %v", got, want)
	}
	res.WithFunds([]string{"IWM", "IJR"}, [][]float64{{0.1, math.NaN()}, {0.2, 0.1}, {7, 7}})
	if got, want := res.Funds.Cum[0], 1.1*1.2-1; math.Abs(got-want) > 1e-12 || !math.IsNaN(res.Funds.Cum[1]) {
		t.Errorf("funds compounded %v, want IWM %v and IJR NaN (a missing window)", res.Funds.Cum, want)
	}
	if len(res.Funds.Paths[0]) != 2 || res.Funds.Returns[2][0] != 7 {
		t.Errorf("fund paths %v returns %v", res.Funds.Paths, res.Funds.Returns)
	}
	empty := BacktestResult{}
	empty.summarise()
	if !math.IsNaN(empty.CumSpread) || !math.IsNaN(empty.CumTopN) {
		t.Error("no yearly window: NaN summaries")
	}
}

// The robust statistics on a hand-made year: 20 names in quintiles by
// momentum (rows 0–3 bottom, 16–19 top). The top bucket holds one +40x
// glitch that decides its mean but not its median, its winsorised mean or
// (with a tiny cap) its cap-weighted mean.
func TestBucketStatistics(t *testing.T) {
	fwd := make([]float64, 20) // rows 4..15: 0
	copy(fwd, []float64{-0.5, math.NaN(), 0, 0.1})
	copy(fwd[16:], []float64{-0.1, 0.05, 0.3, 40})
	s := momentumFixture("2023-06-30", 20, func(i int) float64 { return fwd[i] })
	s.Mcap[19] = 1 // the glitch is a micro-cap
	bt, err := NewBacktest([]*Snapshot{s}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// 19 known returns, ascending: -0.5, -0.1, 0 (13 times), 0.05, 0.1, 0.3, 40.
	lo, hi := -0.5+0.18*0.4, 0.3+0.82*39.7
	if d0 := bt.Dates[0]; !closeTo(d0.winLo, lo, 1e-12) || !closeTo(d0.winHi, hi, 1e-12) || d0.median != 0 {
		t.Fatalf("clip %v..%v median %v", d0.winLo, d0.winHi, d0.median)
	}
	capTop := (116*-0.1 + 117*0.05 + 118*0.3 + 1*40) / (116 + 117 + 118 + 1.0)
	want := map[Statistic][2]float64{
		StatMean:        {(-0.5 + 0 + 0.1) / 3, (-0.1 + 0.05 + 0.3 + 40) / 4},
		StatMedian:      {0, (0.05 + 0.3) / 2},
		StatWinsor:      {(lo + 0 + 0.1) / 3, (-0.1 + 0.05 + 0.3 + hi) / 4},
		StatCapWeighted: {(100*-0.5 + 102*0 + 103*0.1) / (100 + 102 + 103.0), capTop},
	}
	for st := Statistic(0); st < NumStatistics; st++ {
		res := bt.Run(Weights{Momentum: 1}, BacktestConfig{Buckets: 5, TopN: 3, Stat: st})
		d := res.Dates[0]
		bot, top := d.Buckets[0], d.Buckets[4]
		if bot.N != 4 || bot.Missing != 1 || top.N != 4 {
			t.Fatalf("buckets %+v", d.Buckets)
		}
		w := want[st]
		if !closeTo(bot.Of(st), w[0], 1e-12) || !closeTo(top.Of(st), w[1], 1e-12) || !closeTo(d.Spread, w[1]-w[0], 1e-12) {
			t.Errorf("%s: bottom %v top %v spread %v, want %v", st.Key(), bot.Of(st), top.Of(st), d.Spread, w)
		}
		// Top bucket above the universe median 0: 0.05, 0.3 and 40.
		if d.HitRate != 0.75 {
			t.Errorf("%s: hit rate %v, want 0.75", st.Key(), d.HitRate)
		}
		// The names behind the means: the glitch leads the top bucket.
		if top := d.Movers[1]; len(top) != 3 || top[0].Return != 40 || top[0].Ticker != s.Ticker[19] || top[2].Return != 0.05 {
			t.Errorf("top movers %+v", top)
		}
		if bot := d.Movers[0]; len(bot) != 3 || bot[0].Return != 0.1 || bot[2].Return != -0.5 {
			t.Errorf("bottom movers %+v", bot)
		}
	}
	if k, ok := ParseStatistic("winsor"); !ok || k != StatWinsor || StatCapWeighted.Key() != "capw" || Statistic(9).Key() != "" {
		t.Error("statistic keys")
	}
	if !math.IsNaN(quantileSorted(nil, 0.5)) || quantileSorted([]float64{3}, 0.99) != 3 {
		t.Error("quantile edge cases")
	}
}

// The median walk agrees with sorting each bucket, on random data with ties
// and missing returns, for every bucket count.
func TestBucketMedianMatchesSort(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 9))
	s := momentumFixture("2022-06-30", 203, func(i int) float64 {
		if r.IntN(9) == 0 {
			return math.NaN()
		}
		return math.Round(r.NormFloat64()*10) / 10
	})
	bt, err := NewBacktest([]*Snapshot{s}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []int{5, 10} {
		d := bt.Run(Weights{Momentum: 1}, BacktestConfig{Buckets: k, Stat: StatMedian}).Dates[0]
		dt := bt.Dates[0]
		for b := 0; b < k; b++ {
			var xs []float64
			for j, bb := range dt.bucket {
				if int(bb) == b && !math.IsNaN(dt.Fwd[j]) {
					xs = append(xs, dt.Fwd[j])
				}
			}
			slices.Sort(xs)
			if want := stat.Quantile(0.5, stat.Empirical, xs, nil); len(xs)%2 == 0 {
				want = (xs[len(xs)/2-1] + xs[len(xs)/2]) / 2
				if !closeTo(d.Buckets[b].Median, want, 1e-12) {
					t.Errorf("k=%d bucket %d median %v, sorted %v", k, b, d.Buckets[b].Median, want)
				}
			} else if d.Buckets[b].Median != want {
				t.Errorf("k=%d bucket %d median %v, sorted %v", k, b, d.Buckets[b].Median, want)
			}
		}
	}
}
