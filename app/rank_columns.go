package main

import (
	"strconv"

	"screener/engine"
)

// The column chooser's columns. Rank, ticker, company, sector, market cap,
// score and coverage are always shown; each factor's percentile and each
// metric's raw value and percentile can be added or removed. A choice is a
// columnSet, bit b for optional column b:
//
//	b = f                          factor f's percentile (0 ≤ f < 6)
//	b = 6 + k                      metric k's raw value (0 ≤ k < 18)
//	b = 6 + 18 + k                 metric k's percentile
type columnSet uint64

const (
	optMetric0    = int(engine.NumFactors)
	optMetricPct0 = optMetric0 + int(engine.NumMetrics)
	numOptional   = optMetricPct0 + int(engine.NumMetrics)

	// allColumns is every optional column.
	allColumns columnSet = 1<<numOptional - 1
	// DefaultColumns are the six factor percentiles: the table as it
	// always was.
	DefaultColumns columnSet = 1<<engine.NumFactors - 1
)

// defaultColumnCount is the number of columns the default table shows.
const defaultColumnCount = int(colMetric0)

// Columns for the metrics, after the fixed ones and coverage: metric k's
// raw value is colMetric0+k, its percentile colMetricPct0+k.
const (
	colMetricPct0 = colMetric0 + column(engine.NumMetrics)
	numColumns    = colMetricPct0 + column(engine.NumMetrics)
)

// optionalColumn is the table column of optional column b.
func optionalColumn(b int) column {
	switch {
	case b < optMetric0:
		return colFactor0 + column(b)
	case b < optMetricPct0:
		return colMetric0 + column(b-optMetric0)
	}
	return colMetricPct0 + column(b-optMetricPct0)
}

// optionalBit is the inverse of optionalColumn, -1 for a fixed column.
func optionalBit(c column) int {
	switch {
	case c >= colFactor0 && c < colFactor0+column(engine.NumFactors):
		return int(c - colFactor0)
	case c >= colMetric0 && c < colMetricPct0:
		return optMetric0 + int(c-colMetric0)
	case c >= colMetricPct0 && c < numColumns:
		return optMetricPct0 + int(c-colMetricPct0)
	}
	return -1
}

// has reports whether the set shows column c; fixed columns are always
// shown.
func (s columnSet) has(c column) bool {
	b := optionalBit(c)
	return b < 0 || s&(1<<b) != 0
}

// with shows or hides optional column c.
func (s columnSet) with(c column, on bool) columnSet {
	b := optionalBit(c)
	if b < 0 {
		return s
	}
	if on {
		return s | 1<<b
	}
	return s &^ (1 << b)
}

// columnsKey is how a set is written in the URL: the bits in hexadecimal
// ("3f" for the default).
func columnsKey(s columnSet) string { return strconv.FormatUint(uint64(s&allColumns), 16) }

// parseColumns reads columnsKey's form: at most 16 hexadecimal digits;
// bits past the last optional column are dropped.
func parseColumns(v string) (columnSet, bool) {
	if v == "" || len(v) > 16 {
		return 0, false
	}
	for i := 0; i < len(v); i++ {
		if c := v[i] | 0x20; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return 0, false
		}
	}
	n, err := strconv.ParseUint(v, 16, 64)
	if err != nil {
		return 0, false
	}
	return columnSet(n) & allColumns, true
}

// metricSortKeys are the URL sort keys of the metric columns, in column
// order: the metric's key for its raw value, key+".p" for its percentile.
func metricSortKeys() []string {
	var keys []string
	for _, suffix := range []string{"", ".p"} {
		for k := engine.Metric(0); k < engine.NumMetrics; k++ {
			keys = append(keys, k.Key()+suffix)
		}
	}
	return keys
}

// columnMetric is the metric of a metric column and whether the column
// shows its percentile; ok is false for other columns.
func columnMetric(c column) (mt engine.Metric, pct, ok bool) {
	switch {
	case c >= colMetric0 && c < colMetricPct0:
		return engine.Metric(c - colMetric0), false, true
	case c >= colMetricPct0 && c < numColumns:
		return engine.Metric(c - colMetricPct0), true, true
	}
	return 0, false, false
}
