package main

import (
	"slices"
	"strings"
	"testing"

	"screener/engine"
)

// TestFilterBoundsRoundTrip: any-metric filters, several sectors and free
// market-cap bounds survive Query and ParseState, and reach the engine.
func TestFilterBoundsRoundTrip(t *testing.T) {
	s := DefaultState()
	s.Values[engine.FieldPE] = engine.Bound{Max: 15, HasMax: true}
	s.Values[engine.FieldROE] = engine.Bound{Min: 0.1, HasMin: true}
	s.Values[engine.FieldNetDebtEBITDA] = engine.Bound{Min: -1.5, Max: 3, HasMin: true, HasMax: true}
	s.Pcts[engine.Momentum12_1] = engine.Bound{Min: 50, HasMin: true}
	s.Sectors = sectorSlugBit("health") | sectorSlugBit("tech")
	s.MinMcap, s.MaxMcap = 250, 1234
	q := s.Query()
	for _, want := range []string{"fv=pe~~15~roe~0.1~~netdebt_ebitda~-1.5~3", "fp=mom12_1~50~", "sec=health.tech", "cap=250-1234"} {
		if !strings.Contains(q, want) {
			t.Errorf("query %q lacks %q", q, want)
		}
	}
	if back := ParseState(q); back != s {
		t.Fatalf("round trip:\n%+v\n%+v", back, s)
	}
	var names []string
	for _, g := range gicsSectors {
		names = append(names, g.Name)
	}
	o := s.Options(names)
	if o.Values != s.Values || o.Pcts != s.Pcts || o.MinMcap != 250 || o.MaxMcap != 1234 {
		t.Fatalf("options %+v", o.Filter)
	}
	if StateProblems(q) != nil {
		t.Errorf("a clean query has problems: %v", StateProblems(q))
	}
}

// TestFilterBoundsMalformed: bad triples are dropped and listed, good
// ones still apply; the old single-sector form still reads.
func TestFilterBoundsMalformed(t *testing.T) {
	q := "fv=pe~~15~foo~1~~roe~x~&fp=roe~80~~mom12_1~~&sec=health&cap=abc"
	s := ParseState(q)
	if !s.Values[engine.FieldPE].HasMax || s.Values[engine.FieldPE].Max != 15 || s.Values[engine.FieldROE].Active() {
		t.Fatalf("values %+v", s.Values)
	}
	if s.Pcts[engine.ROE] != (engine.Bound{Min: 80, HasMin: true}) || s.Pcts[engine.Momentum12_1].Active() {
		t.Fatalf("pcts %+v", s.Pcts)
	}
	if s.Sectors != sectorSlugBit("health") {
		t.Fatalf("sec=health read as %v", s.Sectors)
	}
	got := StateProblems(q)
	want := []string{"fv=foo~1~", "fv=roe~x~", "fp=mom12_1~~", "cap=abc"}
	if !slices.Equal(got, want) {
		t.Fatalf("problems %q, want %q", got, want)
	}
	if p := StateProblems("sec=health.nope"); !slices.Equal(p, []string{"sec=nope"}) {
		t.Errorf("unknown sector: %q", p)
	}
	// Percentiles are whole numbers within 0..100; sides are put in order.
	s = ParseState("fp=roe~120~-5.4")
	if s.Pcts[engine.ROE] != (engine.Bound{Min: 0, Max: 100, HasMin: true, HasMax: true}) {
		t.Errorf("clamped pct bound %+v", s.Pcts[engine.ROE])
	}
}

// FuzzFilterBounds: whatever fv= and fp= hold, ParseState gives a
// normalised state whose query reads back to it.
func FuzzFilterBounds(f *testing.F) {
	for _, seed := range []string{"pe~~15~roe~0.1~", "mom12_1~50~", "~~", "pe~-~", "pe~1.2.3~", "roe~-0~0"} {
		f.Add(seed, seed)
	}
	f.Fuzz(func(t *testing.T, fv, fp string) {
		s := ParseState("fv=" + fv + "&fp=" + fp)
		if s.Normalize() != s {
			t.Fatalf("not normalised: %+v", s)
		}
		if back := ParseState(s.Query()); back != s {
			t.Fatalf("%q/%q: query %q reads back differently", fv, fp, s.Query())
		}
	})
}
