package main

import (
	"testing"

	"screener/engine"
)

// The table's keys: rows per page (rows=100|all, 50 by default).
func TestPageSizeInTheURL(t *testing.T) {
	cases := []struct {
		q    string
		size int
		page int
	}{
		{"", DefaultPageSize, 1},
		{"rows=100&pg=3", 100, 3},
		{"rows=all&pg=3", pageAll, 1}, // one page holds every row
		{"rows=ALL", pageAll, 1},
		{"rows=50", DefaultPageSize, 1},
		{"rows=7", DefaultPageSize, 1},
		{"rows=", DefaultPageSize, 1},
		{"rows=1e2", DefaultPageSize, 1},
		{"rows=-1", DefaultPageSize, 1},
	}
	for _, c := range cases {
		s := ParseState(c.q)
		if s.PageSize != c.size || s.Page != c.page {
			t.Errorf("ParseState(%q): rows %d page %d, want %d, %d", c.q, s.PageSize, s.Page, c.size, c.page)
		}
		if got := ParseState(s.Query()); got != s {
			t.Errorf("%q does not round-trip: %q", c.q, s.Query())
		}
	}
	if n := (State{}).Normalize().PageSize; n != DefaultPageSize {
		t.Errorf("a zero page size normalises to %d, want the default", n)
	}
	s := DefaultState()
	s.PageSize = pageAll
	if q := s.Query(); q != "rows=all" {
		t.Errorf("Query() = %q, want rows=all", q)
	}
}

// The chosen columns travel as cols=<hex bits>, the default left out.
func TestColumnsInTheURL(t *testing.T) {
	s := DefaultState()
	s.Columns = uint64(DefaultColumns.with(colMetric0, true).with(colFactor0, false))
	q := s.Query()
	if q != "cols="+columnsKey(columnSet(s.Columns)) {
		t.Fatalf("Query() = %q", q)
	}
	if got := ParseState(q); got != s {
		t.Fatalf("%q parses to columns %x, want %x", q, got.Columns, s.Columns)
	}
	for _, bad := range []string{"cols=zz", "cols=", "cols=-1", "cols=%00", "cols=11111111111111111"} {
		if got := ParseState(bad); got.Columns != uint64(DefaultColumns) {
			t.Errorf("ParseState(%q): columns %x, want the default", bad, got.Columns)
		}
	}
	if got := ParseState("cols=0"); got.Columns != 0 || got.Query() != "cols=0" {
		t.Errorf("no optional column: %x, %q", got.Columns, got.Query())
	}
	if got := ParseState("sort=-roe.p&cols=" + columnsKey(DefaultColumns.with(colMetricPct0+column(engine.ROE), true))); got.Sort != "roe.p" || !got.SortDesc {
		t.Errorf("metric sort key: %q desc=%v", got.Sort, got.SortDesc)
	}
}

// FuzzTableState: whatever the rows and cols keys hold, the state parses to a
// normalised one that round-trips.
func FuzzTableState(f *testing.F) {
	for _, seed := range []string{"rows=all", "rows=100&pg=9", "rows=%00", "rows=50&rows=all", "sort=-score&rows=100", "cols=3fffffffff", "cols=FF&sort=roe", "cols=0"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, q string) {
		s := ParseState(q)
		if columnSet(s.Columns)&^allColumns != 0 {
			t.Fatalf("ParseState(%q): unknown column bits %x", q, s.Columns)
		}
		if !validPageSize(s.PageSize) {
			t.Fatalf("ParseState(%q): page size %d", q, s.PageSize)
		}
		if s.PageSize == pageAll && s.Page != 1 {
			t.Fatalf("ParseState(%q): page %d of all rows", q, s.Page)
		}
		if got := ParseState(s.Query()); got != s {
			t.Fatalf("ParseState(%q) = %+v does not round-trip via %q", q, s, s.Query())
		}
	})
}
