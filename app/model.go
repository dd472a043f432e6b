package main

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"screener/engine"
)

// DefaultPageSize is the number of table rows a page shows first. The
// table also offers pageSizes; pageAll lists every row, of which only the
// ones in view are in the DOM (rankTable.windowRows).
const (
	DefaultPageSize = 50
	pageAll         = -1
)

// pageSizes are the page sizes the table toolbar offers, in menu order.
var pageSizes = [...]int{DefaultPageSize, 100, pageAll}

// column is a sortable column of the ranked table.
type column int

const (
	colRank column = iota
	colTicker
	colName
	colSector
	colMcap
	colComposite
	colFactor0  // colFactor0+f for factor f
	colCoverage = colFactor0 + engine.NumFactors
	colMetric0  = colCoverage + 1 // then the metric columns (rank_columns.go)
)

// screenModel is the screener's state. It is owned by the screener
// component and changed only on the UI goroutine (event handlers and
// ctx.Dispatch); child components read it and call its methods.
type screenModel struct {
	lang    lang
	snap    *engine.Snapshot
	index   *dataIndex // the data manifest: which history files exist
	metrics *engine.Metrics
	screen  *engine.Screen
	opts    engine.Options
	weights engine.Weights // slider values, 0..100
	preset  string         // key of the preset the weights equal, "" if custom

	sortCol  column
	sortDesc bool
	page     int
	view     []int32 // member positions in display order
	rank     []int32 // member position -> 1-based composite rank
	selected int     // snapshot row of the open detail panel, -1 for none
	// reveal is a position on the table's page that the table brings into
	// its box on its next write (a stock found by the search), -1 for
	// none.
	reveal int
	// compare are the snapshot rows picked for the side-by-side
	// comparison (at most MaxCompare, in the order picked); compareOpen
	// shows it.
	compare     []int
	compareOpen bool

	pageSize int       // rows per page, or pageAll
	columns  columnSet // the optional columns shown

	filtersOpen bool // the universe filters start unfolded (wide screens)

	// pending slider values not yet applied; the table's frame callback
	// applies them (see weightSliders.onInput).
	pending    engine.Weights
	pendingSet [engine.NumFactors]bool

	// onChange, when set (by the mounted table), is called after every
	// change so the table repaints in the next animation frame.
	onChange func()

	// onState, when set (by the shell), is told about every user change
	// of what the URL records: push for a discrete change (a history
	// entry), false for a continuous one (slider drag, coalesced).
	onState func(push bool)

	// rev counts changes; children receive it as an exported field so that
	// go-app re-renders them when the model changed under the same pointer.
	rev int

	// Stock search (search_model.go): the index, the last suggestions, the
	// unfiltered screen a hidden stock's detail reads, and a ticker the
	// URL asked for that the snapshot does not have.
	search      *engine.SearchIndex
	found       []int32
	wide        *engine.Screen
	wideWeights engine.Weights
	selMissing  string
	// filterRows are the metric-filter rows added but not yet given a
	// bound ("v.pe", "p.roe"; metricFilters); a reset clears them.
	filterRows []string
	// urlBad lists the address's filter values that did not parse
	// (StateProblems), shown by urlNotice until dismissed.
	urlBad []string
}

// newScreenModel scores the snapshot with the first preset and no filter.
func newScreenModel(l lang, s *engine.Snapshot, m *engine.Metrics) *screenModel {
	sm := &screenModel{lang: l, snap: s, metrics: m, selected: -1, reveal: -1, pageSize: DefaultPageSize, columns: DefaultColumns, opts: engine.Options{MinCoverage: engine.DefaultMinCoverage}}
	sm.weights, _ = PresetWeights(DefaultPreset)
	sm.preset = DefaultPreset
	sm.rebuild()
	return sm
}

// rebuild recomputes the percentiles after a filter change (allocates),
// then rescores.
func (sm *screenModel) rebuild() {
	sm.screen = engine.NewScreen(sm.snap, sm.metrics, sm.opts)
	n := len(sm.screen.Members)
	sm.view = make([]int32, 0, n)
	sm.rank = make([]int32, n)
	sm.page = 0
	sm.rescore()
}

// rescore re-ranks for the current weights and re-sorts the view; it runs
// on every coalesced slider move and reuses every buffer.
func (sm *screenModel) rescore() {
	sm.screen.Score(sm.weights)
	for p, j := range sm.screen.Order {
		sm.rank[j] = int32(p + 1)
	}
	sm.sortView()
	sm.changed()
}

// changed records a change of what the table shows.
func (sm *screenModel) changed() {
	sm.rev++
	sm.requestFrame()
}

// requestFrame asks the mounted table for a write in the next frame; with
// no table mounted, pending slider values are applied at once so they are
// never lost.
func (sm *screenModel) requestFrame() {
	if sm.onChange != nil {
		sm.onChange()
		return
	}
	sm.flushPendingWeights()
}

// setWeight sets one factor's slider value (clamped to 0..100) and
// rescores; the preset highlight follows whether the weights still equal
// a preset.
func (sm *screenModel) setWeight(f engine.Factor, v float64) {
	if f < 0 || f >= engine.NumFactors || math.IsNaN(v) {
		return
	}
	sm.weights[f] = math.Max(0, math.Min(100, math.Round(v)))
	sm.preset = matchingPreset(sm.weights)
	sm.rescore()
	sm.stateChanged(false)
}

// stateChanged tells the shell that the URL state changed.
func (sm *screenModel) stateChanged(push bool) {
	if sm.onState != nil {
		sm.onState(push)
	}
}

// applyPreset sets every slider from a preset.
func (sm *screenModel) applyPreset(key string) {
	w, ok := PresetWeights(key)
	if !ok {
		return
	}
	sm.weights = w
	sm.preset = key
	sm.rescore()
	sm.stateChanged(true)
}

// setOptions applies new filters and ranking options.
func (sm *screenModel) setOptions(o engine.Options) {
	sm.opts = o
	sm.rebuild()
	if sm.selected >= 0 {
		if _, ok := sm.screen.Pos(sm.selected); !ok {
			sm.selected = -1
		}
	}
	sm.stateChanged(true)
}

// setMinCoverage lists only stocks with at least k of the six factors.
func (sm *screenModel) setMinCoverage(k int) {
	sm.opts.MinCoverage = max(0, min(k, engine.NumFactors))
	sm.rescoreOptions()
}

// setMissing changes how the composite treats a weighted factor a stock
// lacks.
func (sm *screenModel) setMissing(r engine.MissingRule) {
	if r >= engine.NumMissingRules {
		return
	}
	sm.opts.Missing = r
	sm.rescoreOptions()
}

// rescoreOptions applies a change of the options Score reads (coverage
// floor, missing-factor rule; see engine.Options.ScreenKey): the screen
// takes them and re-ranks without recomputing any percentile.
func (sm *screenModel) rescoreOptions() {
	sm.syncScoreOptions()
	sm.page = 0
	sm.rescore()
	sm.stateChanged(true)
}

// syncScoreOptions hands the screen the options Score reads.
func (sm *screenModel) syncScoreOptions() {
	sm.screen.Opts.MinCoverage, sm.screen.Opts.Missing = sm.opts.MinCoverage, sm.opts.Missing
}

// setSort sorts by c; choosing the current column again flips the direction.
// Text columns start ascending, numbers descending (best first).
func (sm *screenModel) setSort(c column) {
	if c < 0 || c >= numColumns {
		return
	}
	if c == sm.sortCol {
		sm.sortDesc = !sm.sortDesc
	} else {
		sm.sortCol = c
		sm.sortDesc = c != colRank && c != colTicker && c != colName && c != colSector
	}
	sm.page = 0
	sm.sortView()
	sm.changed()
	sm.stateChanged(true)
}

// sortView fills view from the composite order, then sorts it stably by
// the chosen column with missing values last in either direction. Sorting
// index slices in Go keeps the DOM at one page.
func (sm *screenModel) sortView() {
	sc := sm.screen
	sm.view = sm.view[:0]
	for _, j := range sc.Order {
		// Unranked members (below the coverage floor, no weighted factor,
		// or a missing weighted factor under MissingExclude) stay off the
		// table; the data-status line counts them.
		if !math.IsNaN(sc.Composite[j]) {
			sm.view = append(sm.view, j)
		}
	}
	if sm.sortCol == colRank {
		if sm.sortDesc {
			slices.Reverse(sm.view)
		}
		return
	}
	s := sm.snap
	dir := 1
	if sm.sortDesc {
		dir = -1
	}
	switch sm.sortCol {
	case colTicker:
		engine.SortPositionsStable(sm.view, func(a, b int32) int {
			return dir * strings.Compare(s.Ticker[sc.Members[a]], s.Ticker[sc.Members[b]])
		})
	case colName:
		engine.SortPositionsStable(sm.view, func(a, b int32) int {
			return dir * strings.Compare(strings.ToLower(s.Name[sc.Members[a]]), strings.ToLower(s.Name[sc.Members[b]]))
		})
	case colSector:
		engine.SortPositionsStable(sm.view, func(a, b int32) int {
			return dir * strings.Compare(sm.lang.sector(sectorName(s, int(sc.Members[a]))), sm.lang.sector(sectorName(s, int(sc.Members[b]))))
		})
	case colCoverage:
		engine.SortPositionsStable(sm.view, func(a, b int32) int {
			return dir * cmp.Compare(sc.Coverage[a], sc.Coverage[b])
		})
	default:
		vals := sm.columnValues(sm.sortCol)
		engine.SortPositionsStable(sm.view, func(a, b int32) int {
			return compareMissingLast(vals(a), vals(b), dir)
		})
	}
}

// columnValues returns the numeric value of a numeric column for member j.
func (sm *screenModel) columnValues(c column) func(j int32) float64 {
	sc := sm.screen
	switch {
	case c == colMcap:
		return func(j int32) float64 { return sm.snap.Mcap[sc.Members[j]] }
	case c == colComposite:
		return func(j int32) float64 { return sc.CompositePct[j] }
	case c >= colFactor0 && c < colFactor0+engine.NumFactors:
		pct := sc.FactorPct[c-colFactor0]
		return func(j int32) float64 { return pct[j] }
	}
	if mt, pct, ok := columnMetric(c); ok {
		if pct {
			p := sc.MetricPct[mt]
			return func(j int32) float64 { return p[j] }
		}
		v := sm.metrics.Value[mt]
		return func(j int32) float64 { return v[sc.Members[j]] }
	}
	return func(int32) float64 { return math.NaN() }
}

// compareMissingLast orders a and b by dir (1 ascending, -1 descending),
// with NaN after every number whatever the direction.
func compareMissingLast(a, b float64, dir int) int {
	an, bn := math.IsNaN(a), math.IsNaN(b)
	switch {
	case an && bn:
		return 0
	case an:
		return 1
	case bn:
		return -1
	}
	return dir * cmp.Compare(a, b)
}

// sectorName is the GICS sector name of snapshot row i.
func sectorName(s *engine.Snapshot, i int) string {
	k := int(s.Sector[i])
	if k < len(s.Sectors) {
		return s.Sectors[k]
	}
	return ""
}

// pages is the number of table pages (at least 1).
func (sm *screenModel) pages() int {
	if sm.pageSize == pageAll {
		return 1
	}
	return max(1, (len(sm.view)+sm.pageSize-1)/sm.pageSize)
}

// setColumns shows the optional columns of s; a column sorted by that is
// hidden returns the sort to the rank.
func (sm *screenModel) setColumns(s columnSet) {
	s &= allColumns
	if s == sm.columns {
		return
	}
	sm.columns = s
	if !s.has(sm.sortCol) {
		sm.sortCol, sm.sortDesc = colRank, false
		sm.sortView()
	}
	sm.changed()
	sm.stateChanged(true)
}

// setPageSize shows n rows per page (a value of pageSizes), keeping the
// first row shown on the page shown.
func (sm *screenModel) setPageSize(n int) {
	if !validPageSize(n) || n == sm.pageSize {
		return
	}
	first := sm.page * sm.pageSize
	sm.pageSize = n
	sm.page = 0
	if n != pageAll {
		sm.page = min(first/n, sm.pages()-1)
	}
	sm.changed()
	sm.stateChanged(true)
}

// pageSizeKey is how a page size is written in the URL and the menu:
// the number, or "all".
func pageSizeKey(n int) string {
	if n == pageAll {
		return "all"
	}
	return itoa(n)
}

// parsePageSize is the inverse of pageSizeKey, for the sizes offered.
func parsePageSize(s string) (int, bool) {
	for _, n := range pageSizes {
		if pageSizeKey(n) == s {
			return n, true
		}
	}
	return 0, false
}

// validPageSize reports whether the table offers n rows per page.
func validPageSize(n int) bool {
	for _, s := range pageSizes {
		if s == n {
			return true
		}
	}
	return false
}

// setPage moves to page p (clamped).
func (sm *screenModel) setPage(p int) {
	sm.page = max(0, min(p, sm.pages()-1))
	sm.changed()
	sm.stateChanged(true)
}

// pageRows returns the member positions on the current page (every row
// under pageAll).
func (sm *screenModel) pageRows() []int32 {
	if sm.pageSize == pageAll {
		return sm.view
	}
	lo := min(sm.page*sm.pageSize, len(sm.view))
	hi := min(lo+sm.pageSize, len(sm.view))
	return sm.view[lo:hi]
}

// selectRow opens the detail panel for snapshot row i (-1 closes it).
func (sm *screenModel) selectRow(i int) {
	if i < -1 || i >= sm.snap.N {
		return
	}
	sm.selected = i
	sm.changed()
	sm.stateChanged(true)
}

// weightTotal is the sum of the slider values.
func (sm *screenModel) weightTotal() float64 {
	t := 0.0
	for _, x := range sm.weights {
		t += x
	}
	return t
}

// flushPendingWeights applies the slider values recorded since the last
// re-rank in one rescore; it reports whether the weights changed.
func (sm *screenModel) flushPendingWeights() bool {
	changed := false
	for f := range sm.pendingSet {
		if sm.pendingSet[f] {
			sm.pendingSet[f] = false
			if sm.weights[f] != sm.pending[f] {
				sm.weights[f] = sm.pending[f]
				changed = true
			}
		}
	}
	if changed {
		sm.preset = matchingPreset(sm.weights)
		sm.rescore()
		sm.stateChanged(false)
	}
	return changed
}
