package main

import (
	"math"
	"strings"
	"testing"
)

// Picks round-trip through the URL (cmp=), a fifth is refused, a pick the
// filters leave out keeps its raw values without percentiles or rank, and
// the contributions of a ranked pick are the engine's.
func TestCompare(t *testing.T) {
	m := tinyModel(t)
	for _, r := range []int{3, 1, 7, 5} {
		if !m.toggleCompare(r) {
			t.Fatalf("pick %d refused", r)
		}
	}
	if m.toggleCompare(9) {
		t.Error("a fifth pick was accepted")
	}
	var st State
	m.fillState(&st)
	q := st.Query()
	if want := "cmp=T0003~T0001~T0007~T0005"; !strings.Contains(q, want) {
		t.Errorf("query %q lacks %q", q, want)
	}
	m.toggleCompare(1) // drop the second pick
	m.fillState(&st)
	back := ParseState(st.Query())
	if got := back.CompareList(); len(got) != 3 || got[0] != "T0003" || got[1] != "T0007" || got[2] != "T0005" {
		t.Errorf("round trip %v", got)
	}

	// Keep only the sector of row 3 (Consumer Discretionary, bit 1):
	// the other picks are filtered out.
	back.Sectors = back.Sectors.With(SectorSlug("Consumer Discretionary"), true)
	back.MinCoverage = 0
	m.applyState(back)
	if len(m.compare) != 3 {
		t.Fatalf("applyState kept %d picks, want 3", len(m.compare))
	}
	cs := m.comparedStocks()
	for _, c := range cs {
		_, member := m.screen.Pos(c.Row)
		if c.Ranked != member {
			t.Errorf("row %d: ranked %v, member %v", c.Row, c.Ranked, member)
		}
		if !c.Ranked {
			if c.Rank != 0 || !math.IsNaN(c.Score) || !math.IsNaN(c.MetricPct[0]) {
				t.Errorf("filtered-out row %d has rank %d score %v pct %v", c.Row, c.Rank, c.Score, c.MetricPct[0])
			}
		}
		for mt := range c.MetricValue {
			if v, want := c.MetricValue[mt], m.metrics.Value[mt][c.Row]; v != want && !(math.IsNaN(v) && math.IsNaN(want)) {
				t.Errorf("row %d metric %d: %v, want %v", c.Row, mt, v, want)
			}
		}
		if c.Ranked {
			j, _ := m.screen.Pos(c.Row)
			want := m.screen.Contributions(j, m.weights)
			for f := range want {
				if c.Contrib[f] != want[f] && !(math.IsNaN(c.Contrib[f]) && math.IsNaN(want[f])) {
					t.Errorf("row %d factor %d: contribution %v, engine %v", c.Row, f, c.Contrib[f], want[f])
				}
			}
		}
	}
	if !cs[0].Ranked || cs[1].Ranked {
		t.Errorf("row 3 should pass the sector filter and row 7 not: %+v %+v", cs[0].Ranked, cs[1].Ranked)
	}

	// Malformed cmp values are dropped one by one, never a crash.
	bad := ParseState("cmp=T0003~<x>~T0003~t0009~~T0010~T0011~T0012")
	if got := bad.CompareList(); len(got) != MaxCompare || got[0] != "T0003" || got[1] != "T0009" {
		t.Errorf("malformed cmp gave %v", got)
	}
}
