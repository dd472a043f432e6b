package main

import (
	"math"

	"screener/engine"
)

// What each cell of the ranked table shows, as plain Go: the browser side
// (rank_dom_wasm.go) only copies these strings into a fixed pool of row
// elements, writing the ones that changed.

// cellKind says where a cell's text lives in its <td>.
type cellKind uint8

const (
	cellText   cellKind = iota // the <td>'s own text
	cellButton                 // a <button class="link"> inside the <td> (the ticker opens the detail)
	cellBadge                  // a <span class="badge …"> inside the <td>; class is the span's
)

// tableCol is one column the ranked table shows.
type tableCol struct {
	col   column // what the header sorts by and what the cells show
	label string
	title string // header tooltip, "" for none
	class string // th and td class: alignment and width
	kind  cellKind
}

// weighted reports whether the column's cells change with the weights
// (rank and composite); every other cell is fixed for a given screen.
func (c tableCol) weighted() bool { return c.col == colRank || c.col == colComposite }

// cellView is what one cell shows: its text and its class (the <td>'s, or
// the badge's for cellBadge).
type cellView struct{ text, class string }

// tableCols are the columns shown, in order.
func (sm *screenModel) tableCols() []tableCol {
	l := sm.lang
	h := []tableCol{
		{colRank, l.t("col.rank"), "", "num rank", cellText},
		{colTicker, l.t("col.ticker"), "", "ticker", cellButton},
		{colName, l.t("col.name"), "", "name", cellText},
		{colSector, l.t("col.sector"), "", "sector", cellText},
		{colMcap, l.t("col.mcap"), "", "num mcap", cellText},
		{colComposite, l.t("col.composite"), l.t("table.caption"), "num score", cellText},
	}
	// Each factor, then its metrics: a metric sits next to the factor it
	// feeds.
	for f := engine.Factor(0); f < engine.NumFactors; f++ {
		if c := colFactor0 + column(f); sm.columns.has(c) {
			h = append(h, tableCol{c, l.t("factor.short." + f.Key()), l.t("factor." + f.Key()), "num factor", cellText})
		}
		for _, mt := range engine.FactorMetrics(f) {
			short, name := l.t("metric.short."+mt.Key()), l.t("metric."+mt.Key())
			if c := colMetric0 + column(mt); sm.columns.has(c) {
				h = append(h, tableCol{c, short, name, "num metric", cellText})
			}
			if c := colMetricPct0 + column(mt); sm.columns.has(c) {
				h = append(h, tableCol{c, short + " " + l.t("col.pct"), name + " · " + l.t("detail.pct.title"), "num metric", cellText})
			}
		}
	}
	return append(h, tableCol{colCoverage, l.t("col.coverage"), l.t("table.coverage.title"), "num cov", cellBadge})
}

// cell is what column c shows for member position j.
func (sm *screenModel) cell(c tableCol, j int) cellView {
	sc := sm.screen
	s := sm.snap
	row := int(sc.Members[j])
	switch c.col {
	case colRank:
		return cellView{itoa(int(sm.rank[j])), c.class}
	case colTicker:
		return cellView{s.Ticker[row], c.class}
	case colName:
		return cellView{s.Name[row], c.class}
	case colSector:
		return cellView{sm.lang.sector(sectorName(s, row)), c.class}
	case colMcap:
		return cellView{sm.lang.mcapCell(s.Mcap[row]), c.class}
	case colComposite:
		return heatCell(c.class, sc.CompositePct[j], 1)
	case colCoverage:
		cov := itoa(int(sc.Coverage[j]))
		return cellView{cov + "/6", "badge cov" + cov}
	}
	if c.col >= colFactor0 && c.col < colFactor0+engine.NumFactors {
		return heatCell(c.class, sc.FactorPct[c.col-colFactor0][j], 0)
	}
	if mt, pct, ok := columnMetric(c.col); ok {
		if pct {
			return heatCell(c.class, sc.MetricPct[mt][j], 0)
		}
		return cellView{metricText(sm.lang, mt, sm.metrics.Value[mt][row]), c.class}
	}
	return cellView{missingText, c.class}
}

// heatCell is a percentile with its heat shade (heatClass).
func heatCell(class string, p float64, decimals int) cellView {
	if math.IsNaN(p) {
		return cellView{missingText, class + " hx"}
	}
	return cellView{formatFixed(p, decimals), class + " " + heatClass(p)}
}

// cellCache memoises the cells that do not change with the weights, per
// member: a re-rank moves stocks between rows, and formatting their ~13
// cells again (numbers, classes) cost more than writing the DOM. It is
// dropped when the screen (filters), the language or the columns change.
type cellCache struct {
	screen *engine.Screen
	lang   lang
	cols   string
	cells  [][]cellView // member position -> its cells (nil until first shown)
}

// fill writes the cells member j shows in cols into dst (len(cols)).
func (cc *cellCache) fill(sm *screenModel, cols []tableCol, colsKey string, j int, dst []cellView) {
	if cc.screen != sm.screen || cc.lang != sm.lang || cc.cols != colsKey {
		*cc = cellCache{screen: sm.screen, lang: sm.lang, cols: colsKey, cells: make([][]cellView, len(sm.screen.Members))}
	}
	fixed := cc.cells[j]
	if fixed == nil {
		fixed = make([]cellView, len(cols))
		for c, col := range cols {
			if !col.weighted() {
				fixed[c] = sm.cell(col, j)
			}
		}
		cc.cells[j] = fixed
	}
	for c, col := range cols {
		if col.weighted() {
			dst[c] = sm.cell(col, j)
		} else {
			dst[c] = fixed[c]
		}
	}
}
