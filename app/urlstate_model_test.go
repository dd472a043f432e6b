package main

import (
	"slices"
	"strings"
	"testing"

	"screener/engine"
)

// TestModelStateRoundTrip: a State applied to the model reads back equal
// (for every field the model holds), the ranking is the engine's for that
// state, and the URL it writes parses to the same state.
func TestModelStateRoundTrip(t *testing.T) {
	m := tinyModel(t)
	sectors := m.snap.Sectors
	st := DefaultState()
	st.Weights = engine.Weights{100, 50, 0, 100, 20, 80}
	st.Preset = ""
	st.SectorNeutral = true
	st.MinCoverage = 3
	st.Missing = engine.MissingSkip
	st.Sort, st.SortDesc = "mcap", true
	if slug := SectorSlug(sectors[0]); slug != "" {
		st.Sectors = st.Sectors.With(slug, true)
	}
	st = st.Normalize()
	m.applyState(st)
	// The open stock: the first listed one.
	sel := m.snap.Ticker[m.screen.Members[m.view[0]]]
	st.Selected = sel
	m.applyState(st)
	if m.selected < 0 || m.snap.Ticker[m.selected] != sel {
		t.Fatalf("selected row %d, want %s", m.selected, sel)
	}

	var back State
	back = DefaultState()
	m.fillState(&back)
	if back != st {
		t.Fatalf("round trip:\n got %+v\nwant %+v", back, st)
	}
	if got := ParseState(back.Query()); got != st {
		t.Fatalf("URL round trip %q:\n got %+v\nwant %+v", back.Query(), got, st)
	}

	// The ranking is the engine's for the same options and weights.
	sc := engine.NewScreen(m.snap, m.metrics, st.Options(sectors))
	sc.Score(st.Weights)
	if !slices.Equal(sc.Order, m.screen.Order) {
		t.Fatalf("model order %v, engine %v", m.screen.Order, sc.Order)
	}

	// Changing the rule rescored without a new screen, and the URL says so.
	before := m.screen
	m.setMissing(engine.MissingExclude)
	m.fillState(&back)
	if m.screen != before || back.Missing != engine.MissingExclude || !strings.Contains(back.Query(), "na=exclude") {
		t.Fatalf("setMissing: new screen %v, state %v, query %q", m.screen != before, back.Missing, back.Query())
	}
	for _, j := range m.view {
		for f, w := range m.weights {
			if w > 0 && m.screen.FactorZ[f][j] != m.screen.FactorZ[f][j] {
				t.Fatalf("exclude: member %d listed without weighted factor %d", j, f)
			}
		}
	}
}

// TestModelStateUntrusted: a URL naming an unknown stock, a page past the
// end and a sort key typed in capitals opens a valid page.
func TestModelStateUntrusted(t *testing.T) {
	m := tinyModel(t)
	m.applyState(ParseState("sel=NOPE&pg=9999&sort=-SCORE&w=1.2.3"))
	if m.selected != -1 || m.page != m.pages()-1 || m.sortCol != colComposite || !m.sortDesc {
		t.Fatalf("selected %d page %d/%d sort %v desc %v", m.selected, m.page, m.pages(), m.sortCol, m.sortDesc)
	}
	if w, _ := PresetWeights(DefaultPreset); m.weights != w || m.preset != DefaultPreset {
		t.Fatalf("weights %v preset %q after a malformed w=", m.weights, m.preset)
	}
}

// TestModelReportsChanges: discrete changes ask for a history entry, a
// slider move for a rewrite of the current one.
func TestModelReportsChanges(t *testing.T) {
	m := tinyModel(t)
	var got []bool
	m.onState = func(push bool) { got = append(got, push) }
	m.applyPreset("janus4")
	m.setWeight(engine.Valuation, 30)
	m.setSort(colMcap)
	m.selectRow(int(m.screen.Members[m.view[0]]))
	if want := []bool{true, false, true, true}; !slices.Equal(got, want) {
		t.Fatalf("change kinds %v, want %v", got, want)
	}
}

func TestEmbedSnippet(t *testing.T) {
	s := embedSnippet("https://x.example/screener/?p=janus4&embed=1", 1900, `Screener "embedded" <b>`)
	for _, want := range []string{
		`<iframe src="https://x.example/screener/?p=janus4&amp;embed=1" width="100%" height="1900" style="border:0" loading="lazy" title="Screener &#34;embedded&#34; &lt;b&gt;"></iframe>`,
		`e.origin!=="https://x.example"`,
		`e.data.type!=="screener-height"`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("snippet lacks %s:\n%s", want, s)
		}
	}
	if got := jsString(`a"</script>`); got != `"a\"\u003c/script\u003e"` {
		t.Errorf("jsString = %s", got)
	}
}
