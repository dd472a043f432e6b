package main

import (
	"math"

	"screener/engine"
)

// The side-by-side comparison's model: which stocks are picked (at most
// MaxCompare, in the URL as cmp=), and what each one shows. Pure Go, so
// the numbers are tested natively; compareTray and comparePanel render.

// isCompared says whether snapshot row r is picked for comparison.
func (sm *screenModel) isCompared(r int) bool {
	for _, x := range sm.compare {
		if x == r {
			return true
		}
	}
	return false
}

// toggleCompare picks row r for comparison, or drops it if picked. A
// fifth pick is refused (ok false): the panel holds MaxCompare columns.
func (sm *screenModel) toggleCompare(r int) (ok bool) {
	if r < 0 || r >= sm.snap.N {
		return false
	}
	for i, x := range sm.compare {
		if x == r {
			sm.compare = append(sm.compare[:i:i], sm.compare[i+1:]...)
			if len(sm.compare) < 2 {
				sm.compareOpen = false
			}
			sm.changed()
			sm.stateChanged(true)
			return true
		}
	}
	if len(sm.compare) >= MaxCompare {
		return false
	}
	sm.compare = append(sm.compare, r)
	sm.changed()
	sm.stateChanged(true)
	return true
}

// clearCompare drops every pick and closes the panel.
func (sm *screenModel) clearCompare() {
	sm.compare, sm.compareOpen = nil, false
	sm.changed()
	sm.stateChanged(true)
}

// showCompare opens (or closes) the panel; it needs two picks.
func (sm *screenModel) showCompare(open bool) {
	sm.compareOpen = open && len(sm.compare) >= 2
	sm.changed()
}

// comparedStock is one column of the comparison.
type comparedStock struct {
	Row    int  // snapshot row
	Ranked bool // a member of the current screen (passes the filters)
	// Rank is the 1-based composite rank (0: unranked or not a member),
	// Score the composite percentile.
	Rank  int
	Score float64
	// FactorPct and Contrib are each factor's percentile and its additive
	// contribution wₖ·zₖ / Σw to the composite (engine.Screen.Contributions).
	FactorPct [engine.NumFactors]float64
	Contrib   [engine.NumFactors]float64
	// MetricValue is the raw metric (a snapshot fact, there whether or not
	// the stock passes the filters); MetricPct its percentile in the screen.
	MetricValue [engine.NumMetrics]float64
	MetricPct   [engine.NumMetrics]float64
}

// comparedStocks is what the panel shows for each pick, in pick order. A
// pick outside the current screen (filtered out) keeps its raw values;
// its percentiles, contributions and rank are NaN / 0, since they exist
// only within a screen.
func (sm *screenModel) comparedStocks() []comparedStock {
	out := make([]comparedStock, 0, len(sm.compare))
	sc := sm.screen
	for _, r := range sm.compare {
		c := comparedStock{Row: r, Score: math.NaN()}
		for mt := engine.Metric(0); mt < engine.NumMetrics; mt++ {
			c.MetricValue[mt] = sm.metrics.Value[mt][r]
			c.MetricPct[mt] = math.NaN()
		}
		for f := range c.FactorPct {
			c.FactorPct[f], c.Contrib[f] = math.NaN(), math.NaN()
		}
		if j, ok := sc.Pos(r); ok {
			c.Ranked = true
			if !math.IsNaN(sc.Composite[j]) {
				c.Rank, c.Score = int(sm.rank[j]), sc.CompositePct[j]
			}
			c.Contrib = sc.Contributions(j, sm.weights)
			for f := range c.FactorPct {
				c.FactorPct[f] = sc.FactorPct[f][j]
			}
			for mt := engine.Metric(0); mt < engine.NumMetrics; mt++ {
				c.MetricPct[mt] = sc.MetricPct[mt][j]
			}
		}
		out = append(out, c)
	}
	return out
}
