package main

import (
	"math"
	"os"
	"testing"

	"screener/engine"
)

// The survivorship table shows a snapshot's counts only when it has all
// three; the engine decodes them (and rejects malformed ones as a corrupt
// file).
func TestSurvivorshipOf(t *testing.T) {
	counts := func(kv ...any) *engine.Snapshot {
		s := &engine.Snapshot{}
		for i := 0; i < len(kv); i += 2 {
			s.SurvivorshipCounts = append(s.SurvivorshipCounts, engine.FieldCount{Name: kv[i].(string), Count: kv[i+1].(int)})
		}
		return s
	}
	c := survivorshipOf(counts("ranked_pool", 2070, "reporting_12m", 3481, "reporting_unpriced_on_asof", 884, "reporting_unpriced_on_asof_prices_only", 1308))
	if !c.OK || c.Reporting != 3481 || c.Unpriced != 884 || c.Before != 1308 {
		t.Errorf("counts %+v", c)
	}
	for name, s := range map[string]*engine.Snapshot{
		"none":      {},
		"one short": counts("reporting_12m", 5, "reporting_unpriced_on_asof", 1),
		"too large": counts("reporting_12m", 20_000_000, "reporting_unpriced_on_asof", 1, "reporting_unpriced_on_asof_prices_only", 0),
		"holdings":  {SurvivorshipHoldings: []engine.FieldCount{{Name: "holdings", Count: 14}}},
	} {
		if c := survivorshipOf(s); c.OK {
			t.Errorf("%s: counts accepted: %+v", name, c)
		}
	}
}

func TestHistoryStoreConfigClamps(t *testing.T) {
	s := newHistoryStore()
	if c := s.config(); c.TopN != 30 || c.Buckets != 5 {
		t.Errorf("defaults %+v, want top 30 quintiles", c)
	}
	for _, tc := range []struct{ top, buckets, wantTop, wantBuckets int }{
		{0, 0, 30, 5}, {-4, 7, 1, 5}, {500, 10, 200, 10}, {50, 10, 50, 10},
	} {
		s.TopN, s.Buckets = tc.top, tc.buckets
		if c := s.config(); c.TopN != tc.wantTop || c.Buckets != tc.wantBuckets {
			t.Errorf("TopN %d Buckets %d -> %+v, want %d/%d", tc.top, tc.buckets, c, tc.wantTop, tc.wantBuckets)
		}
	}
}

// tinyHistory is the synthetic current_tiny.json snapshot plus two
// "history" copies with made-up 12-month forward returns (some missing),
// so the view's per-date preparation can be compared with the engine's.
func tinyHistory(t *testing.T) *historyData {
	t.Helper()
	b, err := os.ReadFile("testdata/current_tiny.json")
	if err != nil {
		t.Fatal(err)
	}
	d := &historyData{}
	for k, asof := range []string{"2023-06-30", "2024-06-30"} {
		s, err := engine.Decode(b)
		if err != nil {
			t.Fatal(err)
		}
		s.Kind, s.AsOf = "history", asof
		s.SP600 = make([]bool, s.N)
		s.Fwd12 = make([]float64, s.N)
		for i := range s.Fwd12 {
			s.Fwd12[i] = math.Sin(float64(i*(k+3))) * 0.4
			if i%7 == k {
				s.Fwd12[i] = math.NaN() // no later price
			}
		}
		d.Snaps = append(d.Snaps, s)
		d.Surv = append(d.Surv, survivorshipCounts{})
	}
	cur, err := engine.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	d.Snaps = append(d.Snaps, cur)
	d.Surv = append(d.Surv, survivorshipCounts{})
	return d
}

// The view prepares one date at a time and applies MinCoverage at run
// time; the result must be exactly the engine's NewBacktest + Run with
// the same options.
func TestHistoryRunEqualsEngine(t *testing.T) {
	d := tinyHistory(t)
	for _, o := range []engine.Options{{}, {MinCoverage: 4}, {SectorNeutral: true, MinCoverage: 3}} {
		prep, err := prepareHistory(d, o)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []engine.Weights{{1, 1, 1, 1, 1, 1}, {engine.Momentum: 100}, {0, 30, 0, 70, 10, 0}} {
			for _, cfg := range []engine.BacktestConfig{{Buckets: 5, TopN: 5}, {Buckets: 10, TopN: 30}} {
				got := runHistory(prep, d, historyRunKey{prep: prep, weights: w, cfg: cfg, minCov: o.MinCoverage})
				bt, err := engine.NewBacktest(d.Snaps, o)
				if err != nil {
					t.Fatal(err)
				}
				want := bt.Run(w, cfg)
				if len(got.Dates) != len(want.Dates) {
					t.Fatalf("%d dates, engine %d", len(got.Dates), len(want.Dates))
				}
				same := func(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }
				for i, g := range got.Dates {
					e := want.Dates[i]
					if g.AsOf != e.AsOf || !same(g.Spread, e.Spread) || !same(g.IC, e.IC) || !same(g.TopN, e.TopN) || g.Scored != e.Scored || len(g.Buckets) != len(e.Buckets) {
						t.Errorf("opts %+v w %v cfg %+v date %s: view spread %v IC %v top %v scored %d; engine %v %v %v %d",
							o, w, cfg, e.AsOf, g.Spread, g.IC, g.TopN, g.Scored, e.Spread, e.IC, e.TopN, e.Scored)
					}
				}
				if !same(got.MeanIC, want.MeanIC) || !same(got.TStatIC, want.TStatIC) || !same(got.CumTopN, want.CumTopN) {
					t.Errorf("summary: view IC %v t %v top %v; engine %v %v %v", got.MeanIC, got.TStatIC, got.CumTopN, want.MeanIC, want.TStatIC, want.CumTopN)
				}
			}
		}
	}
}

// Forward returns are read only after scoring: changing them changes the
// spreads but never the composite order the view ranks by.
func TestHistoryForwardReturnsDoNotMoveScores(t *testing.T) {
	d := tinyHistory(t)
	prep, err := prepareHistory(d, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	w := engine.Weights{1, 2, 0, 1, 3, 1}
	runHistory(prep, d, historyRunKey{prep: prep, weights: w, cfg: engine.BacktestConfig{Buckets: 5, TopN: 5}})
	order := append([]int32(nil), prep.BT.Dates[0].Screen.Order...)
	for j := range prep.BT.Dates[0].Fwd {
		prep.BT.Dates[0].Fwd[j] = -prep.BT.Dates[0].Fwd[j]
	}
	runHistory(prep, d, historyRunKey{prep: prep, weights: w, cfg: engine.BacktestConfig{Buckets: 5, TopN: 5}})
	for i, j := range prep.BT.Dates[0].Screen.Order {
		if order[i] != j {
			t.Fatalf("order changed at %d after negating forward returns", i)
		}
	}
}
