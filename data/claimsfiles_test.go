package data

import (
	"math"
	"slices"
	"testing"

	"screener/data/schema"
	"screener/engine"
)

// The large-cap snapshot holds the IWD ∪ IWF ∪ IVV equities (the cash row
// left out) with their index flags, valued by the current snapshot's
// rules: the same company reads the same in both files.
func TestLargeCapSnapshot(t *testing.T) {
	lc, err := engine.Decode(roundTripFile(t, schema.LargeCapFile).Data)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(lc.Ticker, []string{"AAA", "DDD", "KKK", "NNN"}) {
		t.Fatalf("tickers %v", lc.Ticker)
	}
	want := map[string][2]bool{"AAA": {true, true}, "DDD": {true, false}, "KKK": {false, true}, "NNN": {true, false}}
	for i, tk := range lc.Ticker {
		if got := [2]bool{lc.R1000[i], lc.SP500[i]}; got != want[tk] {
			t.Errorf("%s: r1000, sp500 = %v, want %v", tk, got, want[tk])
		}
	}
	cur, err := engine.Decode(roundTripFile(t, schema.CurrentFile).Data)
	if err != nil {
		t.Fatal(err)
	}
	for _, tk := range []string{"AAA", "NNN"} {
		i, _ := lc.Lookup(tk)
		j, ok := cur.Lookup(tk)
		if !ok {
			t.Fatalf("%s not in current", tk)
		}
		for _, c := range [][2]float64{{lc.Price[i], cur.Price[j]}, {lc.NI[i], cur.NI[j]}, {lc.Debt[i], cur.Debt[j]}, {lc.Assets[i], cur.Assets[j]}} {
			if c[0] != c[1] && !(math.IsNaN(c[0]) && math.IsNaN(c[1])) {
				t.Errorf("%s: large-cap value %v, current %v", tk, c[0], c[1])
			}
		}
	}
}

// daily.json decodes to the raw closes of the fixture's one fund file,
// each close within the 0.0001 rounding of the scale.
func TestDailyRoundTrip(t *testing.T) {
	dp, err := engine.DecodeDaily(roundTripFile(t, schema.DailyFile).Data)
	if err != nil {
		t.Fatal(err)
	}
	if len(dp.Series) != 1 || dp.Series[0].Ticker != "IWM" {
		t.Fatalf("series %+v", dp.Series)
	}
	p, err := loadPrices(fixtureDir+"/prices", 1)
	if err != nil {
		t.Fatal(err)
	}
	s := p.byKey[tickerKey("IWM")]
	if len(dp.Days) != len(s.days) {
		t.Fatalf("%d days, raw file has %d", len(dp.Days), len(s.days))
	}
	for i, d := range s.days {
		if int32(dp.Days[i]) != int32(d) || math.Abs(dp.Series[0].Close[i]-s.close[i]) > 0.5/dailyScale {
			t.Fatalf("day %d: %s %v, raw %s %v", i, dp.Days[i], dp.Series[0].Close[i], d, s.close[i])
		}
	}
}
