package main

import (
	"math"
	"strings"
	"testing"

	"screener/engine"
)

// TestSearchFindsListedAndHidden: search covers the whole snapshot; a
// listed stock opens on its table page, a hidden one is reported with
// its reason and opens anyway against the unfiltered universe.
func TestSearchFindsListedAndHidden(t *testing.T) {
	m := tinyModel(t)
	if got := m.findStocks("t0003"); len(got) == 0 || m.snap.Ticker[got[0]] != "T0003" {
		t.Fatalf("findStocks(t0003) = %v", got)
	}
	if got := m.findStocks("company 1"); len(got) != searchLimit {
		t.Fatalf("findStocks(company 1) found %d, want the limit %d", len(got), searchLimit)
	}

	// Filter to one sector; a stock of another sector is hidden.
	o := m.opts
	o.Sectors = 1 << 10
	m.setOptions(o)
	hiddenRow, _ := m.snap.Lookup("T0000") // sector 2
	listedRow, _ := m.snap.Lookup("T0004") // sector 10
	if why := m.why(hiddenRow); why != engine.OutOfSector {
		t.Fatalf("why(T0000) = %v, want OutOfSector", why)
	}
	if txt := whyText(langEN, m, hiddenRow, m.why(hiddenRow)); !strings.Contains(txt, m.snap.Sectors[2]) {
		t.Errorf("why text %q does not name the sector", txt)
	}
	if m.showStock(listedRow) != true || m.selected != listedRow {
		t.Fatalf("showStock(listed) did not select it")
	}
	if i := m.viewIndex(listedRow); i < 0 || m.page != i/m.pageSize {
		t.Fatalf("listed stock at view index %d, page %d", i, m.page)
	}
	if m.showStock(hiddenRow) != false || m.selected != hiddenRow {
		t.Fatalf("showStock(hidden) should open it anyway and report it unlisted")
	}
	sc, j := m.detailScreen(hiddenRow)
	if sc == m.screen || j < 0 || sc.Snap.Ticker[sc.Members[j]] != "T0000" {
		t.Fatalf("detail of a hidden stock: same screen %v, j %d", sc == m.screen, j)
	}
	if math.IsNaN(sc.FactorPct[0][j]) && math.IsNaN(sc.FactorPct[1][j]) && math.IsNaN(sc.FactorPct[4][j]) {
		t.Errorf("hidden stock's detail has no percentiles")
	}
	// The wide screen is reused while the settings stay.
	if sc2, _ := m.detailScreen(hiddenRow); sc2 != sc {
		t.Errorf("detailScreen rebuilt the unfiltered screen without a change")
	}
}

// TestStateSelectsHiddenAndNamesUnknown: a link to a stock the filters
// hide opens it; a link to a ticker the snapshot lacks says so.
func TestStateSelectsHiddenAndNamesUnknown(t *testing.T) {
	m := tinyModel(t)
	m.applyState(ParseState("sec=util&sel=T0000"))
	if m.selected < 0 || m.snap.Ticker[m.selected] != "T0000" || m.selMissing != "" {
		t.Fatalf("hidden sel: selected %d, missing %q", m.selected, m.selMissing)
	}
	var st State
	m.fillState(&st)
	if st.Selected != "T0000" {
		t.Errorf("fillState lost the hidden selection: %q", st.Selected)
	}
	m.applyState(ParseState("sel=ZZZZ"))
	if m.selected != -1 || m.selMissing != "ZZZZ" {
		t.Fatalf("unknown sel: selected %d, missing %q", m.selected, m.selMissing)
	}
}

func TestNextOption(t *testing.T) {
	cases := []struct {
		active, n int
		up        bool
		want      int
	}{
		{-1, 3, false, 0}, {-1, 3, true, 2}, {0, 3, false, 1}, {2, 3, false, 0}, {0, 3, true, 2}, {1, 0, false, -1},
	}
	for _, c := range cases {
		if got := nextOption(c.active, c.n, c.up); got != c.want {
			t.Errorf("nextOption(%d, %d, up=%v) = %d, want %d", c.active, c.n, c.up, got, c.want)
		}
	}
}

// TestWhyNamesTheFailedFilter: a stock a value bound hides is explained
// with the bound and its own value, in the bound's unit.
func TestWhyNamesTheFailedFilter(t *testing.T) {
	m := tinyModel(t)
	o := m.opts
	o.Values[engine.FieldROE] = engine.Bound{Min: 0.5, HasMin: true}
	m.setOptions(o)
	for row := 0; row < m.snap.N; row++ {
		if m.why(row) != engine.ValueFiltered {
			continue
		}
		txt := whyText(langEN, m, row, engine.ValueFiltered)
		if !strings.Contains(txt, "ROE ≥ 50%") {
			t.Fatalf("why text %q does not name the bound", txt)
		}
		v := engine.FieldValue(m.snap, m.metrics, engine.FieldROE, row)
		if !math.IsNaN(v) && !strings.Contains(txt, "%)") {
			t.Fatalf("why text %q does not give the value %v in percent", txt, v)
		}
		return
	}
	t.Fatal("no stock hidden by ROE ≥ 50%")
}

// TestSearchPrefersListed: among equally good matches, the stocks the
// table lists come first; a better match still wins over a listed one.
func TestSearchPrefersListed(t *testing.T) {
	m := tinyModel(t)
	o := m.opts
	o.Sectors = 1 << 10 // utilities: T0004, T0006, T0007, T0012, ...
	m.setOptions(o)
	got := m.findStocks("holdings")
	seenHidden := false
	for _, r := range got {
		hidden := m.why(int(r)) != engine.Listed
		if !hidden && seenHidden {
			t.Fatalf("a listed stock after a hidden one: %v", got)
		}
		seenHidden = seenHidden || hidden
	}
	if !seenHidden && len(got) == searchLimit {
		t.Log("every suggestion listed")
	}
	if got := m.findStocks("t0000"); m.snap.Ticker[got[0]] != "T0000" {
		t.Fatalf("exact ticker T0000 (hidden) not first: %v", got)
	}
}
