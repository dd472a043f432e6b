package main

import (
	"bytes"
	"math"
	"strings"

	"screener/engine"
)

// rankedCSV is the screener's CSV export: every listed stock (all pages),
// in the table's current order. A comment block states what made the file
// (data date, screen, weights, filters, missing-factor rule); the columns
// are the ones the table shows, then every metric's raw value and
// percentile, every factor's percentile and score (z) and the composite
// score, so the file can be re-checked without the page. Headers are in
// the UI language.
func (sm *screenModel) rankedCSV() ([]byte, error) {
	var buf bytes.Buffer
	header, rows := sm.csvTable()
	if err := CommentedCSV(&buf, sm.csvComments(), header, rows); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// csvFileName names the export after the screen and the data date:
// "screener-quality6-2025-11-24.csv", "screener-custom-…" for own weights.
func (sm *screenModel) csvFileName() string {
	screen := sm.preset
	if screen == "" {
		screen = "custom"
	}
	return CSVFileName("screener-"+screen, sm.snap.AsOf)
}

// csvComments are the export's header lines.
func (sm *screenModel) csvComments() []string {
	l := sm.lang
	o := sm.opts
	screen := l.t("csv.custom")
	if sm.preset != "" {
		screen = l.t("preset." + sm.preset)
	}
	var weights []string
	for f := engine.Factor(0); f < engine.NumFactors; f++ {
		weights = append(weights, l.t("factor."+f.Key())+" "+plainNum(sm.weights[f], 'f', -1))
	}
	return []string{
		l.t("app.title"),
		l.t("csv.asof") + ": " + sm.snap.AsOf,
		l.t("csv.screen") + ": " + screen,
		l.t("csv.weights") + ": " + strings.Join(weights, "; "),
		l.t("csv.filters") + ": " + strings.Join(filterPhrases(l, o, sm.snap.Sectors), "; "),
		l.t("filters.missing") + ": " + l.t("filters.missing."+o.Missing.Key()),
		l.tf("csv.rows", formatCount(len(sm.view))),
	}
}

// csvTable is the export's header and rows.
func (sm *screenModel) csvTable() (header []string, rows [][]string) {
	l := sm.lang
	sc := sm.screen
	cols := sm.tableCols()
	for _, c := range cols {
		header = append(header, sm.csvHeader(c.col))
	}
	for k := engine.Metric(0); k < engine.NumMetrics; k++ {
		header = append(header, l.tf("csv.value", l.t("metric."+k.Key())))
	}
	for k := engine.Metric(0); k < engine.NumMetrics; k++ {
		header = append(header, l.tf("csv.pct", l.t("metric."+k.Key())))
	}
	for f := engine.Factor(0); f < engine.NumFactors; f++ {
		header = append(header, l.tf("csv.pct", l.t("factor."+f.Key())), l.tf("csv.z", l.t("factor."+f.Key())))
	}
	header = append(header, l.t("csv.composite"))

	for _, j := range sm.view {
		row := int(sc.Members[j])
		rec := make([]string, 0, len(header))
		for _, c := range cols {
			rec = append(rec, sm.csvCell(c.col, int(j)))
		}
		for k := engine.Metric(0); k < engine.NumMetrics; k++ {
			rec = append(rec, csvNum(sm.metrics.Value[k][row]))
		}
		for k := engine.Metric(0); k < engine.NumMetrics; k++ {
			rec = append(rec, plainNum(sc.MetricPct[k][j], 'f', 2))
		}
		for f := engine.Factor(0); f < engine.NumFactors; f++ {
			rec = append(rec, plainNum(sc.FactorPct[f][j], 'f', 2), plainNum(sc.FactorZ[f][j], 'f', 4))
		}
		rec = append(rec, plainNum(sc.Composite[j], 'f', 4))
		rows = append(rows, rec)
	}
	return header, rows
}

// csvHeader names a shown column in the file: the base columns as the
// plain export names them (units included), factors and metrics in full.
func (sm *screenModel) csvHeader(c column) string {
	l := sm.lang
	t := csvTextFor(string(l))
	switch c {
	case colRank:
		return t.rank
	case colTicker:
		return t.ticker
	case colName:
		return t.name
	case colSector:
		return t.sector
	case colMcap:
		return t.mcap
	case colComposite:
		return t.composite
	case colCoverage:
		return t.coverage
	}
	if mt, pct, ok := columnMetric(c); ok {
		if pct {
			return l.tf("csv.pct", l.t("metric."+mt.Key()))
		}
		return l.tf("csv.value", l.t("metric."+mt.Key()))
	}
	return l.tf("csv.pct", l.t("factor."+engine.Factor(c-colFactor0).Key()))
}

// csvCell is a shown column's value for the file: the number unformatted
// (no unit, no grouping), text as it is.
func (sm *screenModel) csvCell(c column, j int) string {
	sc := sm.screen
	s := sm.snap
	row := int(sc.Members[j])
	switch c {
	case colRank:
		return itoa(int(sm.rank[j]))
	case colTicker:
		return s.Ticker[row]
	case colName:
		return s.Name[row]
	case colSector:
		return sm.lang.sector(sectorName(s, row))
	case colCoverage:
		return itoa(int(sc.Coverage[j]))
	case colMcap:
		return plainNum(s.Mcap[row], 'f', -1)
	}
	if mt, pct, ok := columnMetric(c); ok && !pct {
		return csvNum(sm.metrics.Value[mt][row])
	}
	return plainNum(sm.columnValues(c)(int32(j)), 'f', 2) // a percentile
}

// csvNum is a raw metric value: full precision, "inf" or "-inf" for the
// best values there are (no debt, no interest), empty when missing.
func csvNum(x float64) string {
	switch {
	case math.IsInf(x, 1):
		return "inf"
	case math.IsInf(x, -1):
		return "-inf"
	}
	return plainNum(x, 'g', -1)
}

// filterPhrases says in words what narrows the universe of a screen with
// options o: index, sectors (names from the snapshot's list), market cap,
// coverage, each on/off option, and the value and percentile bounds in
// the --where grammar. The CSV header and the embed caption both say it.
func filterPhrases(l lang, o engine.Options, snapSectors []string) []string {
	sectors := l.t("filters.sector.all")
	if o.Sectors != 0 {
		var names []string
		for i, name := range snapSectors {
			if i < 32 && o.Sectors&(1<<uint(i)) != 0 {
				names = append(names, l.sector(name))
			}
		}
		sectors = strings.Join(names, " / ")
	}
	mcap := l.t("filters.mcap.none")
	if o.MinMcap > 0 || o.MaxMcap > 0 {
		mcap = plainNum(o.MinMcap, 'f', -1) + "–" + plainNum(o.MaxMcap, 'f', -1) + " (USD M)"
	}
	out := []string{
		l.t("filters.index") + ": " + l.t("filters.index."+o.Index.Key()),
		l.t("filters.sector") + ": " + sectors,
		l.t("filters.mcap") + ": " + mcap,
		l.t("filters.coverage") + ": ≥ " + itoa(o.MinCoverage) + "/6",
	}
	for _, on := range []struct {
		set bool
		key string
	}{{o.ProfitableOnly, "filters.profitable"}, {o.SectorNeutral, "filters.sectorneutral"}, {o.ExcludeFinancials, "filters.exclfin"}} {
		if on.set {
			out = append(out, l.t(on.key))
		}
	}
	if w := engine.FormatWhere(engine.Filter{Values: o.Values, Pcts: o.Pcts}); w != "" {
		out = append(out, w)
	}
	return out
}
