package engine

import (
	"math"
	"strings"
	"testing"
)

// TestPERuleExcludesLossMakers: P/E is undefined for non-positive
// earnings, so neither an upper nor a lower P/E bound keeps a loss-maker.
func TestPERuleExcludesLossMakers(t *testing.T) {
	s := synthSnapshot(400, 3, 0.05)
	m := ComputeMetrics(s)
	losers := 0
	for _, bound := range []Bound{{Max: 15, HasMax: true}, {Min: 30, HasMin: true}} {
		var f Filter
		f.Values[FieldPE] = bound
		sc := NewScreen(s, m, Options{Filter: f})
		for _, row := range sc.Members {
			if !(s.NI[row] > 0) {
				t.Fatalf("bound %+v kept %s with net income %v", bound, s.Ticker[row], s.NI[row])
			}
			pe := s.Mcap[row] / s.NI[row]
			if !bound.Holds(pe) || math.Abs(FieldValue(s, m, FieldPE, int(row))-pe) > 1e-9*pe {
				t.Fatalf("%s: P/E %v outside %+v or FieldValue disagrees", s.Ticker[row], pe, bound)
			}
		}
	}
	for i := 0; i < s.N; i++ {
		if s.NI[i] < 0 && s.Priced(i) {
			losers++
			if pe := FieldValue(s, m, FieldPE, i); !math.IsNaN(pe) {
				t.Fatalf("loss-maker %s has P/E %v", s.Ticker[i], pe)
			}
		}
	}
	if losers == 0 {
		t.Fatal("fixture has no loss-maker")
	}
}

// TestValueFiltersKeepExactlyThePassing: members are the stocks of the
// unfiltered screen whose values pass every bound, and Why names the
// value filter for the others.
func TestValueFiltersKeepExactlyThePassing(t *testing.T) {
	s := synthSnapshot(500, 4, 0.1)
	m := ComputeMetrics(s)
	var f Filter
	f.Values[FieldROE] = Bound{Min: 0.05, HasMin: true}
	f.Values[FieldDebtAssets] = Bound{Max: 0.6, HasMax: true}
	f.Values[FieldRevGrowth] = Bound{Min: -0.2, Max: 1, HasMin: true, HasMax: true}
	base := NewScreen(s, m, Options{})
	sc := NewScreen(s, m, Options{Filter: f})
	sc.Score(Weights{1, 1, 1, 1, 1, 1})
	kept := 0
	for _, row := range base.Members {
		r := int(row)
		pass := f.Values[FieldROE].Holds(FieldValue(s, m, FieldROE, r)) &&
			f.Values[FieldDebtAssets].Holds(FieldValue(s, m, FieldDebtAssets, r)) &&
			f.Values[FieldRevGrowth].Holds(FieldValue(s, m, FieldRevGrowth, r))
		if _, in := sc.Pos(r); in != pass {
			t.Fatalf("%s: member %v, passes %v", s.Ticker[r], in, pass)
		}
		if pass {
			kept++
		} else if why := sc.Why(r); why != ValueFiltered {
			t.Fatalf("%s fails a value bound, Why = %s", s.Ticker[r], why.Key())
		}
	}
	if kept == 0 || kept == len(base.Members) {
		t.Fatalf("filter kept %d of %d: the test needs both kinds", kept, len(base.Members))
	}
	if (Options{Filter: f}).ScreenKey() == (Options{}).ScreenKey() {
		t.Fatal("value bounds are not part of the screen key")
	}
}

// TestPercentileFiltersDoNotReRank: a percentile bound keeps the stocks
// whose percentile (over the universe the other filters leave) is within
// it, and they keep that percentile.
func TestPercentileFiltersDoNotReRank(t *testing.T) {
	s := synthSnapshot(500, 5, 0.1)
	m := ComputeMetrics(s)
	var f Filter
	f.Pcts[ROE] = Bound{Min: 60, HasMin: true}
	f.Pcts[Momentum12_1] = Bound{Max: 90, HasMax: true}
	base := NewScreen(s, m, Options{})
	sc := NewScreen(s, m, Options{Filter: f})
	sc.Score(Weights{1, 0, 0, 0, 0, 1})
	for bj, row := range base.Members {
		r := int(row)
		pass := f.Pcts[ROE].Holds(base.MetricPct[ROE][bj]) && f.Pcts[Momentum12_1].Holds(base.MetricPct[Momentum12_1][bj])
		j, in := sc.Pos(r)
		if in != pass {
			t.Fatalf("%s: member %v, passes %v", s.Ticker[r], in, pass)
		}
		if !in {
			if sc.Why(r) != PctFiltered {
				t.Fatalf("%s: Why = %s, want percentile", s.Ticker[r], sc.Why(r).Key())
			}
			if k, ok := sc.FailedPct(r); !ok || (k != ROE && k != Momentum12_1) {
				t.Fatalf("%s: FailedPct = %v %v", s.Ticker[r], k, ok)
			}
			continue
		}
		for k := Metric(0); k < NumMetrics; k++ {
			a, b := base.MetricPct[k][bj], sc.MetricPct[k][j]
			if a != b && !(math.IsNaN(a) && math.IsNaN(b)) {
				t.Fatalf("%s: %s percentile %v became %v", s.Ticker[r], k.Key(), a, b)
			}
		}
		if sc.Members[j] != row || sc.FactorZ[Profitability][j] != base.FactorZ[Profitability][bj] && !math.IsNaN(base.FactorZ[Profitability][bj]) {
			t.Fatalf("%s: compaction mixed up rows", s.Ticker[r])
		}
	}
	if len(sc.Members) == 0 || len(sc.Members) == len(base.Members) {
		t.Fatalf("kept %d of %d", len(sc.Members), len(base.Members))
	}
	if len(sc.Order) != len(sc.Members) || len(sc.Composite) != len(sc.Members) {
		t.Fatal("score slices not sized to the kept members")
	}
}

func TestParseWhere(t *testing.T) {
	var f Filter
	if err := ParseWhere("pe<15, roe>0.10,mcap>=300, pct.mom12_1>=50,debt_assets<=40%,netdebt_ebitda<3,pe>2", &f); err != nil {
		t.Fatal(err)
	}
	want := Filter{MinMcap: 300}
	want.Values[FieldPE] = Bound{Min: 2, Max: 15, HasMin: true, HasMax: true}
	want.Values[FieldROE] = Bound{Min: 0.10, HasMin: true}
	want.Values[FieldDebtAssets] = Bound{Max: 0.4, HasMax: true}
	want.Values[FieldNetDebtEBITDA] = Bound{Max: 3, HasMax: true}
	want.Pcts[Momentum12_1] = Bound{Min: 50, HasMin: true}
	if f != want {
		t.Fatalf("got %+v\nwant %+v", f, want)
	}
	var back Filter
	if err := ParseWhere(FormatWhere(f), &back); err != nil || back != f {
		t.Fatalf("round trip of %q: %v, %+v", FormatWhere(f), err, back)
	}
	for _, bad := range []struct{ spec, mention string }{
		{"pe", "NAME OP NUMBER"},
		{"pe=15", "operator"},
		{"pe<abc", "not a number"},
		{"pe<NaN", "not a number"},
		{"pe<inf", "not a number"},
		{"pe<15%", "fraction"},
		{"foo<1", "unknown name"},
		{"pct.foo>1", "unknown metric"},
		{"pct.roe>101", "0..100"},
		{"pe<15,pe<=20", "already"},
		{"pe>20,pe<10", "above"},
		{"mcap>-5", "positive"},
		{"mcap>500,mcap<100", "above"},
		{"price<1e13", "within"},
	} {
		var f Filter
		err := ParseWhere(bad.spec, &f)
		if err == nil || !strings.Contains(err.Error(), bad.mention) {
			t.Errorf("ParseWhere(%q) = %v, want an error mentioning %q", bad.spec, err, bad.mention)
		}
	}
}

// FuzzParseWhere: any input either fails with an error or gives bounds
// that FormatWhere writes and ParseWhere reads back unchanged.
func FuzzParseWhere(f *testing.F) {
	for _, s := range []string{"pe<15,roe>0.10,mcap>=300", "pct.roe>=80", "debt_assets<40%", "price>1e3", ",,", "pe<", "<1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		var a Filter
		if ParseWhere(spec, &a) != nil {
			return
		}
		var b Filter
		if err := ParseWhere(FormatWhere(a), &b); err != nil || a != b {
			t.Fatalf("%q -> %q -> %v %+v", spec, FormatWhere(a), err, b)
		}
	})
}

// BenchmarkNewScreenWithFilters is a filter change with value and
// percentile bounds (metrics reused), beside BenchmarkNewScreenSectorNeutral.
func BenchmarkNewScreenWithFilters(b *testing.B) {
	s := decodeCurrent(b)
	m := ComputeMetrics(s)
	var o Options
	if err := ParseWhere("pe<25,roe>0.05,debt_assets<0.6,pct.mom12_1>=30", &o.Filter); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		NewScreen(s, m, o).Score(Weights{1, 1, 1, 1, 1, 1})
	}
}
