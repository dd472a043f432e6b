package main

import (
	"bytes"
	"strings"
	"testing"

	"screener/engine"
)

// The screener export: a comment block stating what made it, the shown
// columns, then every raw value, percentile, factor score and the
// composite; formula-like text stays defused.
func TestScreenerCSVHeaderBlockAndColumns(t *testing.T) {
	m := tinyModel(t)
	m.applyPreset("deepvalue")
	m.setMinCoverage(0)
	m.setMissing(engine.MissingSkip)
	m.setColumns(DefaultColumns.with(colMetric0+column(engine.ROE), true).with(colFactor0+column(engine.Momentum), false))
	row := int(m.screen.Members[m.view[0]])
	m.snap.Name[row] = "=HYPERLINK(\"x\")"
	b, err := m.rankedCSV()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimPrefix(string(b), "\uFEFF"), "\r\n")
	var comments []string
	for _, ln := range lines {
		if !strings.HasPrefix(ln, "# ") {
			break
		}
		comments = append(comments, ln)
	}
	block := strings.Join(comments, "\n")
	for _, want := range []string{
		"# Data as of: " + m.snap.AsOf,
		"# Screen: Deep value",
		"# Weights (0–100): Profitability 0; Free cash flow 0; Balance sheet 0; Capital efficiency 0; Valuation 100; Momentum 0",
		"# Filters: Index: IWM or IJR; Sector: All sectors; Market cap: any; Factor coverage: ≥ 0/6",
		"# Missing factors: Skip: average the factors present",
	} {
		if !strings.Contains(block, want) {
			t.Errorf("comment block lacks %q:\n%s", want, block)
		}
	}
	for _, c := range comments {
		if strings.Contains(c, ",") {
			t.Errorf("a comment line splits into cells: %q", c)
		}
	}
	header := strings.Split(lines[len(comments)], ",")
	shown := len(m.tableCols())
	if want := shown + 2*int(engine.NumMetrics) + 2*int(engine.NumFactors) + 1; len(header) != want {
		t.Fatalf("%d columns, want %d (shown %d + every metric value and percentile, factor percentile and z, composite)", len(header), want, shown)
	}
	if header[0] != "Rank" || !slicesContain(header[:shown], "Return on equity (value)") || slicesContain(header[:shown], "Momentum (percentile)") {
		t.Errorf("shown columns in the header: %q", header[:shown])
	}
	if header[len(header)-1] != "Composite score (weighted mean of z)" {
		t.Errorf("last column %q", header[len(header)-1])
	}
	rows := lines[len(comments)+1:]
	if got := len(rows) - 1; got != len(m.view) { // the file ends with CRLF
		t.Fatalf("%d rows, want %d", got, len(m.view))
	}
	if !strings.Contains(rows[0], `"'=HYPERLINK(""x"")"`) {
		t.Errorf("a formula-like name must be defused: %q", rows[0])
	}
	if got := m.csvFileName(); got != "screener-deepvalue-"+m.snap.AsOf+".csv" {
		t.Errorf("file name %q", got)
	}
	m.setWeight(engine.Momentum, 10)
	if got := m.csvFileName(); got != "screener-custom-"+m.snap.AsOf+".csv" {
		t.Errorf("file name for own weights %q", got)
	}
}

func TestCommentedCSVKeepsCommentsOneField(t *testing.T) {
	var buf bytes.Buffer
	if err := CommentedCSV(&buf, []string{"a, =b\nc"}, []string{"x"}, [][]string{{"=1+1"}}); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), "\uFEFF# a; =b c\r\nx\r\n'=1+1\r\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func slicesContain(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// Column sets: every optional column maps to one bit and back, the URL
// form round-trips, and malformed forms are refused.
func TestColumnSets(t *testing.T) {
	seen := map[column]bool{}
	for b := 0; b < numOptional; b++ {
		c := optionalColumn(b)
		if optionalBit(c) != b || seen[c] {
			t.Fatalf("bit %d -> column %d -> bit %d", b, c, optionalBit(c))
		}
		seen[c] = true
	}
	for _, c := range []column{colRank, colTicker, colName, colSector, colMcap, colComposite, colCoverage} {
		if optionalBit(c) >= 0 || !columnSet(0).has(c) {
			t.Errorf("column %d must be fixed and always shown", c)
		}
	}
	if len(SortKeys) != int(numColumns) {
		t.Fatalf("%d sort keys for %d columns", len(SortKeys), numColumns)
	}
	for c := column(0); c < numColumns; c++ {
		if got, ok := sortColumn(sortKey(c)); !ok || got != c {
			t.Errorf("sort key %q of column %d maps to %d", sortKey(c), c, got)
		}
	}
	for _, s := range []columnSet{0, DefaultColumns, allColumns, DefaultColumns.with(colMetricPct0+3, true)} {
		if got, ok := parseColumns(columnsKey(s)); !ok || got != s {
			t.Errorf("set %x does not round-trip via %q", s, columnsKey(s))
		}
	}
	for _, bad := range []string{"", "xyz", "-1", "0x3f", "+3f", "11111111111111111", " 3f"} {
		if _, ok := parseColumns(bad); ok {
			t.Errorf("parseColumns(%q) accepted", bad)
		}
	}
	if got, _ := parseColumns("ffffffffffffffff"); got != allColumns {
		t.Errorf("bits past the last column must be dropped: %x", got)
	}
	m := tinyModel(t)
	m.setColumns(DefaultColumns.with(colMetric0+column(engine.ROE), true))
	m.setSort(colMetric0 + column(engine.ROE))
	if m.sortCol != colMetric0+column(engine.ROE) || !m.sortDesc {
		t.Fatal("a metric column sorts, highest first")
	}
	m.setColumns(DefaultColumns)
	if m.sortCol != colRank {
		t.Fatal("hiding the sorted column sorts by rank again")
	}
}
