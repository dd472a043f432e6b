package main

import (
	"math"
	"strings"
	"testing"

	"screener/engine"
)

func TestCellsShowTheMember(t *testing.T) {
	m := tinyModel(t)
	m.setMinCoverage(0)
	cols := m.tableCols()
	if len(cols) != 7+int(engine.NumFactors) {
		t.Fatalf("%d default columns, want rank, ticker, name, sector, cap, score, 6 factors, coverage", len(cols))
	}
	j := int(m.view[0])
	row := int(m.screen.Members[j])
	got := map[column]cellView{}
	for _, c := range cols {
		got[c.col] = m.cell(c, j)
	}
	if got[colRank].text != "1" || got[colTicker].text != m.snap.Ticker[row] || got[colName].text != m.snap.Name[row] {
		t.Fatalf("first row shows %+v", got)
	}
	if p := m.screen.CompositePct[j]; got[colComposite].text != formatFixed(p, 1) || !strings.HasSuffix(got[colComposite].class, heatClass(p)) {
		t.Fatalf("score cell %+v for percentile %v", got[colComposite], p)
	}
	cov := itoa(int(m.screen.Coverage[j]))
	if got[colCoverage] != (cellView{cov + "/6", "badge cov" + cov}) {
		t.Fatalf("coverage cell %+v", got[colCoverage])
	}
	// A missing factor shows the dash and the missing shade, never 0.
	for f := engine.Factor(0); f < engine.NumFactors; f++ {
		for jj := range m.screen.Members {
			if math.IsNaN(m.screen.FactorPct[f][jj]) {
				c := m.cell(cols[6+int(f)], jj)
				if c.text != missingText || !strings.HasSuffix(c.class, " hx") {
					t.Fatalf("missing factor shows %+v", c)
				}
				return
			}
		}
	}
	t.Fatal("the tiny snapshot has no missing factor to check")
}

// Cells are written as text nodes (never parsed as HTML); the header row
// is HTML and must escape what it writes.
func TestHeaderEscapesAndMarksSort(t *testing.T) {
	m := tinyModel(t)
	m.setSort(colName)
	html := (&rankTable{M: m}).headHTML(m.tableCols())
	if !strings.Contains(html, `aria-sort="ascending"><button type="button" class="sort" data-col="2"`) {
		t.Fatalf("sorted column not marked: %s", html)
	}
	if strings.Count(html, "<th ") != len(m.tableCols()) {
		t.Fatal("one header per column")
	}
	if strings.Contains(html, "<img") {
		t.Fatal("unescaped markup in the header")
	}
}

func TestPageSizes(t *testing.T) {
	m := tinyModel(t)
	m.setMinCoverage(0)
	n := len(m.view)
	if m.pageSize != DefaultPageSize || len(m.pageRows()) != min(n, DefaultPageSize) {
		t.Fatalf("default page: size %d, %d rows", m.pageSize, len(m.pageRows()))
	}
	m.setPageSize(pageAll)
	if len(m.pageRows()) != n || m.pages() != 1 {
		t.Fatalf("all rows: %d of %d, %d pages", len(m.pageRows()), n, m.pages())
	}
	m.setPageSize(37)
	if m.pageSize != pageAll {
		t.Fatal("a size the table does not offer must change nothing")
	}
	for _, s := range pageSizes {
		if got, ok := parsePageSize(pageSizeKey(s)); !ok || got != s {
			t.Errorf("page size %d does not round-trip", s)
		}
	}
	for _, bad := range []string{"", "0", "51", "ALL", "-1", "1e2"} {
		if _, ok := parsePageSize(bad); ok {
			t.Errorf("parsePageSize(%q) accepted", bad)
		}
	}
}
