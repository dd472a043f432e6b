package engine

import (
	"errors"
	"math"
	"strings"
	"testing"

	"screener/data/schema"
)

// dailyFixture is a hand-made daily.json: 2025-12-29 (Mon) to 2026-01-07
// with the New Year holiday (Jan 1) and a weekend missing, three series.
// AAA rises 1% a day; BBB is flat except on 2026-01-05 (+5%); CCC starts
// on 2025-12-31 and has no close on 2026-01-06.
//
//	axis: 12-29 12-30 12-31 01-02 01-05 01-06 01-07
//	AAA:  100   101   102.01 103.0301 104.0604 105.101 106.152
//	BBB:   50    50    50    50    52.5  52.5  52.5
//	CCC:    -     -    10    11     -     12   12
const dailyFixtureBody = `{"kind":"daily","asof":"2026-01-07","start":"2025-12-29","scale":10000,"adjusted":"test",` +
	`"days":[0,1,1,2,3,1,1],"series":[` +
	`{"ticker":"AAA","file":"prices/AAA.csv","first":0,"close":[1000000,10000,10100,10201,10303,10406,10510]},` +
	`{"ticker":"BBB","file":"prices/BBB.csv","first":0,"close":[500000,0,0,0,25000,0,0]},` +
	`{"ticker":"CCC","file":"prices/CCC.csv","first":2,"close":[100000,10000,null,10000,0]}]}`

func dailyFixture(t testing.TB) *DailyPrices {
	t.Helper()
	dp, err := DecodeDaily(schema.Envelope([]byte(dailyFixtureBody)))
	if err != nil {
		t.Fatal(err)
	}
	return dp
}

func day(s string) Day { return mustDay(s) }

func TestDecodeDaily(t *testing.T) {
	dp := dailyFixture(t)
	if len(dp.Days) != 7 || dp.Days[0] != day("2025-12-29") || dp.Days[3] != day("2026-01-02") || dp.Days[6] != day("2026-01-07") {
		t.Fatalf("days %v", dp.Days)
	}
	a, _ := dp.Lookup("aaa")
	if a.Close[0] != 100 || a.Close[2] != 102.01 || math.Abs(a.Close[6]-106.1520) > 1e-9 {
		t.Errorf("AAA closes %v", a.Close)
	}
	c, _ := dp.Lookup("CCC")
	if !math.IsNaN(c.Close[1]) || c.Close[2] != 10 || !math.IsNaN(c.Close[4]) || c.Close[5] != 12 {
		t.Errorf("CCC closes %v", c.Close)
	}
	for name, body := range map[string]string{
		"kind":          strings.Replace(dailyFixtureBody, `"daily"`, `"funds"`, 1),
		"gap 0":         strings.Replace(dailyFixtureBody, `[0,1,1,2,3,1,1]`, `[0,1,0,2,3,1,1]`, 1),
		"short series":  strings.Replace(dailyFixtureBody, `,10510]`, `]`, 1),
		"long series":   strings.Replace(dailyFixtureBody, `,10510]`, `,10510,1]`, 1),
		"non-positive":  strings.Replace(dailyFixtureBody, `[500000,0`, `[500000,-500000`, 1),
		"first too big": strings.Replace(dailyFixtureBody, `"first":2`, `"first":8`, 1),
		"fraction":      strings.Replace(dailyFixtureBody, `10201`, `10201.5`, 1),
		"duplicate":     strings.Replace(dailyFixtureBody, `"ticker":"BBB"`, `"ticker":"aaa"`, 1),
		"bad start":     strings.Replace(dailyFixtureBody, `2025-12-29`, `2025-13-29`, 1),
		"scale":         strings.Replace(dailyFixtureBody, `"scale":10000`, `"scale":0`, 1),
	} {
		if _, err := DecodeDaily(schema.Envelope([]byte(body))); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: err %v, want ErrCorrupt", name, err)
		}
	}
	b := schema.Envelope([]byte(dailyFixtureBody))
	if _, err := DecodeDaily(b[:len(b)-20]); err == nil {
		t.Error("truncated file decoded")
	}
}

// A date without a close (holiday, weekend, month end on a Saturday)
// reads the last close before it, and says which.
func TestPeriodReturnAcrossHolidayAndMonthEnd(t *testing.T) {
	dp := dailyFixture(t)
	v, used, err := dp.CloseOn("AAA", day("2026-01-01"))
	if err != nil || v != 102.01 || used != day("2025-12-31") {
		t.Errorf("close on the holiday: %v %s %v", v, used, err)
	}
	r, err := dp.Return("AAA", day("2025-12-31"), day("2026-01-04")) // a Sunday
	if err != nil || r.FromUsed != day("2025-12-31") || r.ToUsed != day("2026-01-02") || math.Abs(r.Return-0.01) > 1e-9 {
		t.Errorf("year-to-date to a Sunday: %+v %v", r, err)
	}
	if !math.IsNaN(r.Annualised) {
		t.Errorf("a few days annualised: %v", r.Annualised)
	}
	// CCC has no close on 01-05: the 01-05 date reads 01-02's.
	r, err = dp.Return("CCC", day("2025-12-31"), day("2026-01-05"))
	if err != nil || r.ToUsed != day("2026-01-02") || math.Abs(r.Return-0.1) > 1e-12 {
		t.Errorf("CCC: %+v %v", r, err)
	}
	if _, err := dp.Return("CCC", day("2025-12-29"), day("2026-01-05")); err == nil {
		t.Error("a return from before the series starts")
	}
	if _, _, err := dp.CloseOn("AAA", day("2026-02-01")); err == nil {
		t.Error("a close 25 days stale accepted")
	}
	if _, err := dp.Return("ZZZ", day("2025-12-31"), day("2026-01-05")); err == nil {
		t.Error("unknown ticker")
	}
}

func TestAnnualisedReturn(t *testing.T) {
	// 2 years, ×1.21: 10% a year.
	body := `{"kind":"daily","asof":"2022-01-03","start":"2020-01-03","scale":100,"adjusted":"t","days":[0,731],"series":[{"ticker":"X","file":"x","first":0,"close":[10000,2100]}]}`
	dp, err := DecodeDaily(schema.Envelope([]byte(body)))
	if err != nil {
		t.Fatal(err)
	}
	r, err := dp.Return("X", day("2020-01-03"), day("2022-01-03"))
	if err != nil || math.Abs(r.Return-0.21) > 1e-12 || math.Abs(r.Annualised-0.10) > 1e-12 {
		t.Errorf("%+v %v", r, err)
	}
}

// AAA beats BBB every day but 01-05 (BBB +5%); CCC's missing close
// leaves 01-05 and 01-06 out for CCC pairs without breaking the run.
func TestLongestStreak(t *testing.T) {
	dp := dailyFixture(t)
	diffs, err := dp.DailyDiffs("AAA", "BBB", day("2025-12-01"), day("2026-01-31"))
	if err != nil || len(diffs) != 6 {
		t.Fatalf("%v %v", diffs, err)
	}
	st := LongestStreak(diffs)
	if st.Days != 3 || st.From != day("2025-12-30") || st.To != day("2026-01-02") {
		t.Errorf("longest run %+v", st)
	}
	// A window that cuts the run.
	diffs, _ = dp.DailyDiffs("AAA", "BBB", day("2026-01-02"), day("2026-01-31"))
	if st := LongestStreak(diffs); st.Days != 2 || st.From != day("2026-01-06") {
		t.Errorf("windowed run %+v", st)
	}
	// BBB never beats AAA by a strictly greater return except 01-05.
	diffs, _ = dp.DailyDiffs("BBB", "AAA", day("2025-12-01"), day("2026-01-31"))
	if st := LongestStreak(diffs); st.Days != 1 || st.From != day("2026-01-05") {
		t.Errorf("BBB run %+v", st)
	}
	if st := LongestStreak(nil); st.Days != 0 {
		t.Errorf("empty %+v", st)
	}
}

func TestRatioHighs(t *testing.T) {
	dp := dailyFixture(t)
	// AAA/BBB rises every day but 01-05: with a 0-month window nothing
	// precedes, so no day can be a high; with a window reaching back
	// before the data, no window is covered.
	pts, err := dp.RatioHighs("AAA", "BBB", 1, day("2025-12-01"), day("2026-01-31"))
	if err != nil || len(pts) != 7 {
		t.Fatalf("%v %v", pts, err)
	}
	for _, p := range pts {
		if p.High || !math.IsNaN(p.PriorHigh) {
			t.Errorf("uncovered window marked: %+v", p)
		}
	}
	// A longer fixture: ratio 1,2,3,2,4,5,4 on days a week apart; a
	// 1-month window is covered from 02-02 (window from 01-02).
	body := `{"kind":"daily","asof":"2026-02-09","start":"2025-12-29","scale":1,"adjusted":"t","days":[0,7,7,7,7,7,7],"series":[` +
		`{"ticker":"A","file":"a","first":0,"close":[1,1,1,-1,2,1,-1]},{"ticker":"B","file":"b","first":0,"close":[1,0,0,0,0,0,0]}]}`
	dp2, err := DecodeDaily(schema.Envelope([]byte(body)))
	if err != nil {
		t.Fatal(err)
	}
	pts, _ = dp2.RatioHighs("A", "B", 1, day("2025-12-29"), day("2026-02-09"))
	// Days: 12-29 r1, 01-05 r2, 01-12 r3, 01-19 r2, 01-26 r4, 02-02 r5, 02-09 r4.
	if len(pts) != 7 || !pts[5].High || pts[5].PriorHigh != 4 || pts[6].High || pts[6].PriorHigh != 5 {
		t.Errorf("ratio highs %+v", pts)
	}
	for _, p := range pts[:5] { // windows that start before the data
		if p.High || !math.IsNaN(p.PriorHigh) {
			t.Errorf("uncovered day marked %+v", p)
		}
	}
}

// Harmonic P/E is Σw/Σ(w·E/P); it and the median differ, and losses
// enter only the loss-inclusive aggregate.
func TestGroupPE(t *testing.T) {
	in := []bool{true, true, true, true, false}
	mcap := []float64{100, 200, 300, 400, 1000}
	ni := []float64{10, 5, -30, math.NaN(), 1}
	st := GroupPE(in, mcap, ni, mcap)
	// Profitable: P/E 10 and 40. Σmcap/Σni = 300/15 = 20; median 25.
	if st.N != 4 || st.Priced != 3 || st.Profitable != 2 || math.Abs(st.Harmonic-20) > 1e-12 || math.Abs(st.Median-25) > 1e-12 {
		t.Errorf("%+v", st)
	}
	// With the loss: Σmcap 600 / Σni −15 < 0: undefined.
	if !math.IsNaN(st.HarmonicAll) {
		t.Errorf("loss-inclusive with negative earnings: %v", st.HarmonicAll)
	}
	// Equal weights: 2 / (0.1 + 0.025) = 16.
	st = GroupPE(in, mcap, ni, []float64{1, 1, 1, 1, 1})
	if math.Abs(st.Harmonic-16) > 1e-12 {
		t.Errorf("equal-weight harmonic %v", st.Harmonic)
	}
	ni[2] = 3 // three profitable: P/E 10, 40, 100
	st = GroupPE(in, mcap, ni, mcap)
	if math.Abs(st.Harmonic-600.0/18) > 1e-12 || st.Median != 40 {
		t.Errorf("%+v", st)
	}
}

func TestGroupLeverage(t *testing.T) {
	in := []bool{true, true, true, true}
	debt := []float64{100, 50, 30, math.NaN()}
	cash := []float64{20, math.NaN(), 0, 5}
	assets := []float64{400, 100, 60, 10}
	opinc := []float64{20, 10, -10, 1}
	da := []float64{5, math.NaN(), 0, 0}
	st := GroupLeverage(in, debt, cash, assets, opinc, da)
	// EBITDA 25, 10 (EBIT alone), −10. Σdebt/ΣEBITDA>0 = 150/35.
	if st.WithEarnings != 3 || st.Positive != 2 || math.Abs(st.DebtEBITDA-150.0/35) > 1e-12 {
		t.Errorf("%+v", st)
	}
	// All: 180/25; net: (80+50)/35; medians of {4, 5} and {3.2, 5}.
	if math.Abs(st.DebtEBITDAAll-180.0/25) > 1e-12 || math.Abs(st.NetDebtEBITDA-130.0/35) > 1e-12 ||
		math.Abs(st.DebtEBITDAMedian-4.5) > 1e-12 || math.Abs(st.NetDebtEBITDAMedian-4.1) > 1e-12 {
		t.Errorf("%+v", st)
	}
	// Debt/assets: 180/560; median of {0.25, 0.5, 0.5} = 0.5.
	if st.WithAssets != 3 || math.Abs(st.DebtAssets-180.0/560) > 1e-12 || st.DebtAssetsMedian != 0.5 {
		t.Errorf("%+v", st)
	}
}

func TestGroupDispersion(t *testing.T) {
	d := GroupDispersion([]bool{true, true, true, true, true, false}, []float64{0, 0.1, 0.2, 0.3, math.NaN(), 5})
	// Sample stdev of 0, .1, .2, .3 = √(0.05/3); IQR type 7: 0.225 − 0.075.
	if d.N != 4 || math.Abs(d.StDev-math.Sqrt(0.05/3)) > 1e-12 || math.Abs(d.IQR-0.15) > 1e-12 {
		t.Errorf("%+v", d)
	}
	if d := GroupDispersion([]bool{true}, []float64{1}); !math.IsNaN(d.StDev) {
		t.Errorf("one value %+v", d)
	}
}

func TestJudge(t *testing.T) {
	for _, c := range []struct {
		v, claim, floor float64
		want            Verdict
	}{
		{0.0692, 0.0676, ReturnFloor, VerdictHolds},    // 0.16 pp
		{0.1213, 0.089, ReturnFloor, VerdictNotHold},   // 3.2 pp > 3 pp
		{0.115, 0.089, ReturnFloor, VerdictRoughly},    // 2.6 pp
		{1.0, 0.90, ReturnFloor, VerdictRoughly},       // 10 pp of 90: 11%
		{0.98, 0.90, ReturnFloor, VerdictHolds},        // 8.9%
		{11, 10, DaysFloor, VerdictHolds},              // one day
		{13, 10, DaysFloor, VerdictRoughly},            // three days
		{14, 10, DaysFloor, VerdictNotHold},            // four days
		{31.1, 28, 0, VerdictRoughly},                  // 11%
		{math.NaN(), 28, 0, VerdictCannot},             // nothing computed
		{-0.2048, -0.20, ReturnFloor, VerdictHolds},    // negative claim
		{1.69, 2, 0, VerdictRoughly},                   // 15.5%
		{1.1, 2, 0, VerdictNotHold},                    // 45%
		{0.3604, 0, RoughlyWithin / 3, VerdictNotHold}, // floor-only claim
	} {
		if got := Judge(c.v, c.claim, c.floor); got != c.want {
			t.Errorf("Judge(%v, %v, %v) = %s, want %s", c.v, c.claim, c.floor, got.Key(), c.want.Key())
		}
	}
	if JudgeAtLeast(1.34, FarMore) != VerdictRoughly || JudgeAtLeast(1.6, FarMore) != VerdictHolds || JudgeAtLeast(1.1, FarMore) != VerdictNotHold {
		t.Error("JudgeAtLeast")
	}
	if worst(VerdictHolds, VerdictCannot, VerdictRoughly) != VerdictRoughly || worst(VerdictCannot) != VerdictCannot || worst() != VerdictCannot {
		t.Error("worst")
	}
}

// The closest variant is marked only where there are variants, and the
// verdict stays the primary's even when a variant agrees better.
func TestPrimaryNotClosest(t *testing.T) {
	vs := []ClaimValue{
		{Key: "a", Value: 25, Target: "pe", Claimed: 20},
		{Key: "b", Value: 20.5, Target: "pe", Claimed: 20},
		{Key: "c", Value: 5, Target: "other", Claimed: 5},
	}
	markClosest(vs)
	if vs[0].Closest || !vs[1].Closest || vs[2].Closest {
		t.Errorf("closest %+v", vs)
	}
	if v := primaryVerdicts(vs, judgeByUnit); v != VerdictRoughly { // a: 25 vs 20 (25%)
		t.Errorf("verdict %s, want roughly (the primary's)", v.Key())
	}
}

// Every claim yields a card, in order, even with no inputs at all: the
// testable ones then say which file is missing.
func TestClaimsWithoutInputs(t *testing.T) {
	cards := Claims(ClaimInputs{})
	if len(cards) != len(ClaimIDs()) {
		t.Fatalf("%d cards", len(cards))
	}
	for i, c := range cards {
		if c.ID != ClaimIDs()[i] || c.Verdict != VerdictCannot || c.Why == "" {
			t.Errorf("%+v", c)
		}
	}
	if cards[0].Err == "" || cards[2].Err != "" { // A1 testable (file missing), A3 never
		t.Errorf("A1 %+v A3 %+v", cards[0], cards[2])
	}
}

func FuzzDecodeDaily(f *testing.F) {
	f.Add([]byte(dailyFixtureBody))
	f.Add([]byte(`{"kind":"daily","start":"2000-01-01","scale":1,"days":[],"series":[]}`))
	f.Add([]byte(`{"kind":"daily","start":"2000-01-01","scale":1,"days":[5],"series":[{"ticker":"A","first":0,"close":[null]}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		dp, err := DecodeDaily(schema.Envelope(body))
		if err != nil {
			return
		}
		for i := 1; i < len(dp.Days); i++ {
			if dp.Days[i] <= dp.Days[i-1] {
				t.Fatalf("days not ascending: %v", dp.Days)
			}
		}
		for _, s := range dp.Series {
			if len(s.Close) != len(dp.Days) {
				t.Fatalf("%s: %d closes for %d days", s.Ticker, len(s.Close), len(dp.Days))
			}
			for _, c := range s.Close {
				if !math.IsNaN(c) && !(c > 0) {
					t.Fatalf("%s: close %v", s.Ticker, c)
				}
			}
		}
	})
}

// handSnapshot is a hand-built snapshot of n companies, every column
// missing until set.
func handSnapshot(kind string, n int) *Snapshot {
	s := &Snapshot{Kind: kind, AsOf: "2025-11-24", N: n, Sectors: []string{"Financials", "Industrials"}, Sector: make([]uint8, n),
		R1000: make([]bool, n), SP500: make([]bool, n)}
	for _, p := range []*[]float64{&s.IWM, &s.Mcap, &s.NI, &s.Debt, &s.Cash, &s.Assets, &s.OpInc, &s.DA, &s.Mom12_1} {
		*p = nanFloats(n)
	}
	return s
}

// A5 and C4 on hand-made inputs: each definition's number, the dates and
// files named, the nearest variant marked, the verdict.
func TestClaimA5OnHandData(t *testing.T) {
	small := handSnapshot("current", 3)
	// P/E 10 and 40 (Σmcap/Σni = 300/15 = 20), one loss-maker.
	copy(small.IWM, []float64{1, 1, 1})
	copy(small.Mcap, []float64{100, 200, 50})
	copy(small.NI, []float64{10, 5, -5})
	large := handSnapshot("largecap", 2)
	copy(large.R1000, []bool{true, true})
	copy(large.Mcap, []float64{300, 300})
	copy(large.NI, []float64{10, 10}) // P/E 30 every way
	c := claimA5(ClaimInputs{Small: small, Large: large})
	markClosest(c.Values)
	got := map[string]ClaimValue{}
	for _, v := range c.Values {
		got[v.Key] = v
	}
	if v := got["pe_harmonic_profitable_iwm"]; math.Abs(v.Value-20) > 1e-12 || !v.Closest || v.To != "2025-11-24" || v.Source != "current.json" {
		t.Errorf("harmonic %+v", v)
	}
	// Loss-inclusive 350/10 = 35, median 25: both further from 19.6.
	if v, m := got["pe_harmonic_incl_losses_iwm"], got["pe_median_profitable_iwm"]; math.Abs(v.Value-35) > 1e-12 || v.Closest || m.Value != 25 || m.Closest {
		t.Errorf("loss-inclusive %+v, median %+v", v, m)
	}
	if v := got["discount_harmonic_profitable_iwm_vs_r1000"]; math.Abs(v.Value-(1-20.0/30)) > 1e-12 {
		t.Errorf("discount %+v", v)
	}
	// small 20 vs 19.6 holds, large 30 vs 29.9 holds, discount 33.3% vs
	// 34% holds (2%): holds.
	if c.Verdict != VerdictHolds {
		t.Errorf("verdict %s", c.Verdict.Key())
	}
	// C4 from the fund facts: 67.1 bn against 75 (10.5% off): roughly.
	fs := &Funds{Funds: []Fund{{Ticker: "IWM", NetAssetsUSD: 67.1e9, NetAssetsAsOf: "2025-10-31"}}}
	c4 := claimC4(ClaimInputs{Funds: fs})
	if c4.Verdict != VerdictRoughly || c4.Values[0].Value != 67.1 || c4.Values[0].To != "2025-10-31" {
		t.Errorf("C4 %+v", c4)
	}
}
