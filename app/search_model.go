package main

// The screener model's side of stock search: suggestions over the whole
// snapshot, why a stock is not listed, and opening a stock either where
// the table lists it or, "anyway", against the unfiltered universe.
// Pure Go (no DOM), so it is tested natively.

import (
	"cmp"
	"math"
	"slices"

	"screener/engine"
)

// searchLimit is the number of suggestions shown: a screenful on a phone.
const searchLimit = 8

// findStocks returns the best matches for q in the whole snapshot (listed
// or not), best first, at most searchLimit: by how well they match
// (engine.SearchIndex.Find), and within one kind of match the stocks the
// table lists before the hidden ones. The index is built on first use and
// reused for every keystroke.
func (sm *screenModel) findStocks(q string) []int32 {
	if sm.search == nil {
		sm.search = engine.NewSearchIndex(sm.snap.Ticker, sm.snap.Name)
	}
	sm.found = sm.search.Find(q, 8*searchLimit, sm.found)
	found := sm.found
	for lo := 0; lo < len(found); {
		class := sm.search.Match(q, int(found[lo]))
		hi := lo + 1
		for hi < len(found) && sm.search.Match(q, int(found[hi])) == class {
			hi++
		}
		slices.SortStableFunc(found[lo:hi], func(a, b int32) int {
			return cmp.Compare(sm.hiddenRank(a), sm.hiddenRank(b))
		})
		lo = hi
	}
	return found[:min(len(found), searchLimit)]
}

// hiddenRank is 0 for a stock the table lists, 1 otherwise.
func (sm *screenModel) hiddenRank(row int32) int {
	if sm.why(int(row)) == engine.Listed {
		return 0
	}
	return 1
}

// why says why snapshot row is not in the table (engine.Listed if it is).
func (sm *screenModel) why(row int) engine.Exclusion {
	return sm.screen.Why(row)
}

// viewIndex is row's position in the table's display order, -1 if the
// table does not list it.
func (sm *screenModel) viewIndex(row int) int {
	j, ok := sm.screen.Pos(row)
	if !ok {
		return -1
	}
	for i, v := range sm.view {
		if int(v) == j {
			return i
		}
	}
	return -1
}

// showStock opens row's detail panel; a listed stock's table page is
// shown too. It reports whether the table lists the stock.
func (sm *screenModel) showStock(row int) bool {
	if row < 0 || row >= sm.snap.N {
		return false
	}
	i := sm.viewIndex(row)
	switch {
	case i >= 0 && sm.pageSize == pageAll:
		sm.page, sm.reveal = 0, i
	case i >= 0:
		sm.page, sm.reveal = i/sm.pageSize, i%sm.pageSize
	}
	sm.selectRow(row)
	return i >= 0
}

// detailScreen is the screen and member position the detail panel reads
// for row: the user's screen when row is a member of it; otherwise
// ("show anyway") a screen of the whole universe with the same ranking
// settings and no filter, built when first needed and kept until the
// settings change. j is -1 for a stock no screen can rank (no price or
// market cap).
func (sm *screenModel) detailScreen(row int) (sc *engine.Screen, j int) {
	if j, ok := sm.screen.Pos(row); ok {
		return sm.screen, j
	}
	o := engine.Options{SectorNeutral: sm.opts.SectorNeutral, ExcludeFinancials: sm.opts.ExcludeFinancials, Missing: sm.opts.Missing}
	if sm.wide == nil || sm.wide.Opts != o {
		sm.wide = engine.NewScreen(sm.snap, sm.metrics, o)
		sm.wideWeights = engine.Weights{}
		sm.wideWeights[0] = math.NaN() // never equal: forces the first Score
	}
	if sm.wideWeights != sm.weights {
		sm.wide.Score(sm.weights)
		sm.wideWeights = sm.weights
	}
	if j, ok := sm.wide.Pos(row); ok {
		return sm.wide, j
	}
	return sm.wide, -1
}

// whyText says in words why the table does not list row.
func whyText(l lang, sm *screenModel, row int, why engine.Exclusion) string {
	s := sm.snap
	switch why {
	case engine.OutOfSector:
		return l.tf("why.sector", l.sector(sectorName(s, row)))
	case engine.OutOfMcap:
		return l.tf("why.mcap", l.mcap(s.Mcap[row]))
	case engine.Unpriced:
		return l.tf("why.unpriced", l.date(s.AsOf))
	case engine.LowCoverage:
		j, _ := sm.screen.Pos(row)
		return l.tf("why.coverage", int(sm.screen.Coverage[j]), sm.opts.MinCoverage)
	case engine.ValueFiltered:
		f, _ := sm.screen.FailedValue(row)
		r := filterRow{'v', int(f)}
		v := engine.FieldValue(s, sm.metrics, f, row)
		value := l.t("flt.missing")
		switch {
		case math.IsInf(v, 0): // net debt / EBITDA of a company without debt
			value = metricText(l, engine.NetDebtToEBITDA, v)
		case !math.IsNaN(v):
			value = fieldNumber(r, r.unit(), math.Round(v*r.scale()*100)/100/r.scale())
		}
		return l.tf("why.value", boundText(l, r, sm.opts.Values[f]), value)
	case engine.PctFiltered:
		k, _ := sm.screen.FailedPct(row)
		return l.tf("why.pct", boundText(l, filterRow{'p', int(k)}, sm.opts.Pcts[k]))
	case engine.OutOfIndex:
		return l.t("why.index")
	case engine.NotProfitable:
		return l.t("why.profitable")
	case engine.NoComposite:
		return l.t("why.no_composite")
	case engine.Listed:
		return l.t("why.listed")
	}
	return l.t("why.not_a_row")
}
