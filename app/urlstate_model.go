package main

// The screener model's side of the URL state: applyState puts a parsed
// State into the model, fillState reads the model back. Pure Go (no DOM),
// so the round trip is tested natively.

import (
	"math"

	"screener/engine"
)

// sortColumn maps a State sort key to the table column; SortKeys lists
// the columns in the same order as the column constants.
func sortColumn(key string) (column, bool) {
	for i, k := range SortKeys {
		if k == key {
			return column(i), true
		}
	}
	return colRank, false
}

// sortKey is the State sort key of a column.
func sortKey(c column) string {
	if c < 0 || int(c) >= len(SortKeys) {
		return DefaultSort
	}
	return SortKeys[c]
}

// sectorSetOf turns a snapshot sector bit mask into GICS slugs; sectors
// that are not GICS names cannot be written to a URL and are dropped.
func sectorSetOf(mask uint32, sectors []string) SectorSet {
	var set SectorSet
	for i, name := range sectors {
		if i < 32 && mask&(1<<uint(i)) != 0 {
			set = set.With(SectorSlug(name), true)
		}
	}
	return set
}

// applyState shows st in the model: filters (recomputing percentiles only
// when they changed), weights, sort, page and the open stock. A ticker
// the filters hide still opens; a page past the end shows the last page. st is normalised first, so anything from a URL is safe.
func (sm *screenModel) applyState(st State) {
	st = st.Normalize()
	opts := st.Options(sm.snap.Sectors)
	sm.weights = st.Weights
	sm.preset = matchingPreset(sm.weights)
	if opts.ScreenKey() != sm.opts.ScreenKey() || sm.screen == nil {
		sm.screen = engine.NewScreen(sm.snap, sm.metrics, opts)
		n := len(sm.screen.Members)
		sm.view = make([]int32, 0, n)
		sm.rank = make([]int32, n)
	}
	sm.opts = opts
	sm.syncScoreOptions()
	sm.pendingSet = [engine.NumFactors]bool{}
	sm.columns = columnSet(st.Columns)
	sm.sortCol, _ = sortColumn(st.Sort)
	sm.sortDesc = st.SortDesc
	if !sm.columns.has(sm.sortCol) {
		sm.sortCol, sm.sortDesc = colRank, false
	}
	// A stock the filters hide opens anyway (its panel says why it is not
	// listed); one the snapshot lacks is named in a notice, not dropped
	// silently.
	sm.selected, sm.selMissing = -1, ""
	if st.Selected != "" {
		if r, ok := sm.snap.Lookup(st.Selected); ok {
			sm.selected = r
		} else {
			sm.selMissing = st.Selected
		}
	}
	sm.compare = sm.compare[:0]
	for _, t := range st.CompareList() {
		if r, ok := sm.snap.Lookup(t); ok {
			sm.compare = append(sm.compare, r)
		}
	}
	sm.screen.Score(sm.weights)
	for p, j := range sm.screen.Order {
		sm.rank[j] = int32(p + 1)
	}
	sm.sortView()
	sm.pageSize = st.PageSize
	sm.page = max(0, min(st.Page-1, sm.pages()-1))
	sm.changed()
}

// fillState writes the model's part of the page state into st.
func (sm *screenModel) fillState(st *State) {
	st.Weights = sm.weights
	for f, x := range st.Weights {
		st.Weights[f] = math.Round(x)
	}
	st.Preset = sm.preset
	o := sm.opts
	st.Index = o.Index
	st.Sectors = sectorSetOf(o.Sectors, sm.snap.Sectors)
	st.MinMcap, st.MaxMcap = o.MinMcap, o.MaxMcap
	st.ProfitableOnly = o.ProfitableOnly
	st.Values, st.Pcts = o.Values, o.Pcts
	st.SectorNeutral = o.SectorNeutral
	st.ExcludeFinancials = o.ExcludeFinancials
	st.MinCoverage = o.MinCoverage
	st.Missing = o.Missing
	st.Sort, st.SortDesc = sortKey(sm.sortCol), sm.sortDesc
	st.Page = sm.page + 1
	st.PageSize = sm.pageSize
	st.Columns = uint64(sm.columns)
	st.Selected = ""
	if sm.selected >= 0 && sm.selected < len(sm.snap.Ticker) {
		if t, ok := urlTicker(sm.snap.Ticker[sm.selected]); ok {
			st.Selected = t
		}
	}
	st.Compare = [MaxCompare]string{}
	n := 0
	for _, r := range sm.compare {
		if t, ok := urlTicker(sm.snap.Ticker[r]); ok && n < MaxCompare {
			st.Compare[n] = t
			n++
		}
	}
}
