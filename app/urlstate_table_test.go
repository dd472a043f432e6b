package main

import "testing"

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

// FuzzTableState: whatever the rows key holds, the state parses to a
// normalised one that round-trips.
func FuzzTableState(f *testing.F) {
	for _, seed := range []string{"rows=all", "rows=100&pg=9", "rows=%00", "rows=50&rows=all", "sort=-score&rows=100"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, q string) {
		s := ParseState(q)
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
