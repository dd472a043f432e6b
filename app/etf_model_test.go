//go:build !wasm

package main

import (
	"encoding/csv"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"screener/engine"
)

// etfTestFunds are hand-made funds over 2019-01..2021-06 (30 month ends):
// IWM and IJR with made-up closes, VTWG starting a year later, VTWO with
// no prices (IWM's stand in), SPSM for the SLY note.
func etfTestFunds() *engine.Funds {
	series := func(n int, f func(i int) float64) []float64 {
		out := make([]float64, n)
		for i := range out {
			out[i] = f(i)
		}
		return out
	}
	jan19, _ := engine.ParseMonth("2019-01")
	jan20, _ := engine.ParseMonth("2020-01")
	last := time.Date(2021, 6, 30, 0, 0, 0, 0, time.UTC)
	return &engine.Funds{AsOf: "2021-06-30", Funds: []engine.Fund{
		{Ticker: "IWM", Name: "R2000", ExpenseRatioPct: 0.19, NetAssetsUSD: 6.7e10, NetAssetsAsOf: "2025-10-31", Inception: "2000-05-22",
			FirstMonth: jan19, Monthly: series(30, func(i int) float64 { return 100 * (1 + 0.01*float64(i)) * (1 + 0.05*math.Sin(float64(i))) }), LastDate: last},
		{Ticker: "IJR", Name: "S600", ExpenseRatioPct: 0.06, NetAssetsUSD: math.NaN(),
			FirstMonth: jan19, Monthly: series(30, func(i int) float64 { return 50 * (1 + 0.008*float64(i)) * (1 + 0.04*math.Cos(float64(i))) }), LastDate: last},
		{Ticker: "VTWG", Name: "R2000 growth", ExpenseRatioPct: 0.1, NetAssetsUSD: 1e9,
			FirstMonth: jan20, Monthly: series(18, func(i int) float64 { return 80 + float64(i%5) - float64(i)/3 }), LastDate: last},
		{Ticker: "VTWO", Name: "R2000 Vanguard", Note: "No price file for VTWO: IWM's prices stand in.", ExpenseRatioPct: math.NaN(), NetAssetsUSD: math.NaN(),
			HoldingsCount: 2009, HoldingsCountAsOf: "2025-06-30", TurnoverPct: 12.5},
		{Ticker: "SPSM", Name: "S600 SPDR", FirstMonth: jan19, Monthly: series(30, func(i int) float64 { return 30 + float64(i) }), LastDate: last},
	}}
}

func etfTestSnapshot(t *testing.T) *engine.Snapshot {
	t.Helper()
	b, err := os.ReadFile("testdata/current_tiny.json")
	if err != nil {
		t.Fatal(err)
	}
	s, err := engine.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func sameFloat(a, b float64) bool {
	return (math.IsNaN(a) && math.IsNaN(b)) || a == b || math.Abs(a-b) <= 1e-12*math.Max(1, math.Abs(a))
}

// TestETFComparisonMatchesCLI: the view's numbers are the etf CLI's on the
// same data, dates and weights.
func TestETFComparisonMatchesCLI(t *testing.T) {
	fs, cur := etfTestFunds(), etfTestSnapshot(t)
	tickers := []string{"IWM", "IJR", "VTWG", "VTWO"}
	w := engine.Weights{1, 1, 1, 1, 2, 0}
	for _, tc := range []struct{ from, asof, cliStart, cliAsof string }{
		{"", "", "", ""},
		{"2019-03", "2021-03", "2019-03-31", "2021-03-31"},
	} {
		c, err := buildETFComparison(fs, tickers, tc.from, tc.asof, func(tk string) *etfHoldView { return etfHoldingsOf(cur, tk) })
		if err != nil {
			t.Fatal(err)
		}
		rep, err := buildETFReport(fs, cur, tickers, tc.cliAsof, tc.cliStart, w, "test", engine.MissingNeutral)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.Start.Format(time.DateOnly); tc.from == "" && got != "2020-01-31" || tc.from != "" && got != rep.Start {
			t.Errorf("%v: start %s, CLI %s", tc, got, rep.Start)
		}
		sc := engine.NewScreen(cur, engine.ComputeMetrics(cur), engine.Options{})
		sc.Score(w)
		prof := etfProfiles(sc, c)
		for i, fv := range c.Funds {
			ef := rep.Funds[i]
			if fv.Fund.Ticker != ef.Ticker {
				t.Fatalf("column %d: %s vs %s", i, fv.Fund.Ticker, ef.Ticker)
			}
			for k, tr := range fv.Price.Trailing {
				if !sameFloat(tr.Annualised, float64(ef.Trailing[k].Annualised)) {
					t.Errorf("%v %s %dy: %v vs CLI %v", tc, ef.Ticker, tr.Years, tr.Annualised, ef.Trailing[k].Annualised)
				}
			}
			if !sameFloat(fv.Price.Vol, float64(ef.Volatility)) || !sameFloat(fv.Price.Drawdown.Depth, float64(ef.MaxDrawdown)) {
				t.Errorf("%v %s: vol %v dd %v, CLI %v %v", tc, ef.Ticker, fv.Price.Vol, fv.Price.Drawdown.Depth, ef.Volatility, ef.MaxDrawdown)
			}
			if len(fv.Price.Growth) != len(ef.Growth) || len(fv.Price.Years) != len(ef.CalendarYears) {
				t.Errorf("%v %s: %d growth points / %d years, CLI %d / %d", tc, ef.Ticker, len(fv.Price.Growth), len(fv.Price.Years), len(ef.Growth), len(ef.CalendarYears))
			}
			if (fv.Hold == nil) != (ef.Holdings == nil) {
				t.Fatalf("%s: holdings %v, CLI %v", ef.Ticker, fv.Hold != nil, ef.Holdings != nil)
			}
			if fv.Hold != nil {
				h := ef.Holdings
				for _, p := range [][2]float64{{fv.Hold.Stats.PE, float64(h.PE)}, {fv.Hold.Stats.PB, float64(h.PB)}, {fv.Hold.Stats.LossWeight, float64(h.LossWeight)}, {prof[i].Composite, float64(h.CompositePct)}, {prof[i].Factor[engine.Valuation], float64(h.FactorPct["value"])}} {
					if !sameFloat(p[0], p[1]) {
						t.Errorf("%s holdings: %v vs CLI %v", ef.Ticker, p[0], p[1])
					}
				}
			}
			for j := range c.Funds {
				if !sameFloat(c.Corr[i][j], float64(rep.Correlation[i][j])) || !sameFloat(c.Overlap[i][j], float64(rep.Overlap[i][j])) {
					t.Errorf("%s×%s: corr %v overlap %v, CLI %v %v", ef.Ticker, c.Funds[j].Fund.Ticker, c.Corr[i][j], c.Overlap[i][j], rep.Correlation[i][j], rep.Overlap[i][j])
				}
			}
		}
		// VTWO: IWM's prices stand in, said once.
		v := c.Funds[3]
		if v.Price.Source == nil || v.Price.Source.Ticker != "IWM" || len(v.Notes) == 0 {
			t.Errorf("VTWO: source %v notes %v", v.Price.Source, v.Notes)
		}
	}
}

// TestETFProfilesFollowWeights: moving a weight moves the fund's average
// composite percentile (the comparison follows the sliders).
func TestETFProfilesFollowWeights(t *testing.T) {
	fs, cur := etfTestFunds(), etfTestSnapshot(t)
	c, err := buildETFComparison(fs, []string{"IWM", "IJR"}, "", "", func(tk string) *etfHoldView { return etfHoldingsOf(cur, tk) })
	if err != nil {
		t.Fatal(err)
	}
	sc := engine.NewScreen(cur, engine.ComputeMetrics(cur), engine.Options{})
	sc.Score(engine.Weights{0, 0, 0, 0, 1, 0})
	a := etfProfiles(sc, c)
	sc.Score(engine.Weights{0, 0, 0, 0, 0, 1})
	b := etfProfiles(sc, c)
	if a[0].Composite == b[0].Composite || a[0].Composite != a[0].Factor[engine.Valuation] {
		t.Errorf("IWM composite %v (value only, value pct %v) vs %v (momentum only)", a[0].Composite, a[0].Factor[engine.Valuation], b[0].Composite)
	}
}

func TestETFResolveDatesErrors(t *testing.T) {
	fs := etfTestFunds()
	for _, tc := range []struct{ from, asof, want string }{
		{"2021-03", "2021-03", "not before"},
		{"2021-05", "2020-01", "not before"},
		{"2020-13", "", "start month"},
		{"", "June", "as-of month"},
	} {
		_, _, err := etfResolveDates(fs, []string{"IWM", "IJR"}, tc.from, tc.asof)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: err %v, want %q", tc, err, tc.want)
		}
	}
	if _, err := buildETFComparison(fs, []string{"IWM"}, "", "", func(string) *etfHoldView { return nil }); err == nil {
		t.Error("one fund: want an error")
	}
	if _, err := buildETFComparison(fs, []string{"IWM", "XYZ"}, "", "", func(string) *etfHoldView { return nil }); err == nil {
		t.Error("unknown fund: want an error")
	}
}

// TestETFCSV: the CSV holds the tables as shown, one column per fund;
// missing values are empty (never 0), percentages in percent units.
func TestETFCSV(t *testing.T) {
	fs, cur := etfTestFunds(), etfTestSnapshot(t)
	c, err := buildETFComparison(fs, []string{"IWM", "SPSM"}, "", "", func(tk string) *etfHoldView { return etfHoldingsOf(cur, tk) })
	if err != nil {
		t.Fatal(err)
	}
	b, err := etfCSV(langEN, []*etfTable{etfReturnsTable(langEN, c), etfHoldingsTable(langEN, c, etfProfiles(nil, c), cur.AsOf)})
	if err != nil || !strings.HasPrefix(string(b), "\uFEFF\"Facts, returns and risk\",IWM,SPSM\r\n") {
		t.Fatalf("csv %q… %v", string(b[:min(60, len(b))]), err)
	}
	rd := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\uFEFF")))
	rd.FieldsPerRecord = -1 // group headings are label-only rows
	recs, err := rd.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	find := func(label string) []string {
		for _, r := range recs {
			if r[0] == label {
				return r
			}
		}
		t.Fatalf("no row %q", label)
		return nil
	}
	pe := find(enStrings["etf.hold.pe"])
	// SPSM tracks the S&P SmallCap 600: IJR's holdings stand in.
	ijr := etfHoldingsOf(cur, "IJR")
	if ijr == nil || c.Funds[1].Hold == nil || c.Funds[1].Hold.Portfolio.Shared != "IJR" {
		t.Fatalf("SPSM holdings %+v, want IJR's", c.Funds[1].Hold)
	}
	if want := strconv.FormatFloat(c.Funds[0].Hold.Stats.PE, 'g', 10, 64); pe[1] != want || pe[2] != strconv.FormatFloat(ijr.Stats.PE, 'g', 10, 64) {
		t.Errorf("P/E row %v, want IWM %s and SPSM = IJR %v", pe, want, ijr.Stats.PE)
	}
	if basis := find(enStrings["etf.hold.basis"]); !strings.Contains(basis[2], "IJR") {
		t.Errorf("basis row %v: SPSM must say it uses IJR's holdings", basis)
	}
	r1 := find("1-year (%)")
	got, _ := strconv.ParseFloat(r1[1], 64)
	if want := 100 * c.Funds[0].Price.Trailing[0].Annualised; math.Abs(got-want) > 1e-6 {
		t.Errorf("1-year IWM %v, want %v", got, want)
	}
	if pct := find(enStrings["factor.value"]); pct[1] != "" {
		t.Errorf("no screen: the average percentile must be empty, got %q", pct[1])
	}
}

// TestETFFactsAndIssuerComparison: published facts show with their dates,
// missing ones say "not in the data" (empty in the CSV), a trailing window
// longer than the price file says when the file starts, and the holdings
// table puts the names in the data next to the issuer's count.
func TestETFFactsAndIssuerComparison(t *testing.T) {
	fs, cur := etfTestFunds(), etfTestSnapshot(t)
	c, err := buildETFComparison(fs, []string{"IWM", "VTWG", "VTWO"}, "", "2021-06", func(tk string) *etfHoldView { return etfHoldingsOf(cur, tk) })
	if err != nil {
		t.Fatal(err)
	}
	ret := etfReturnsTable(langEN, c)
	cell := func(tb *etfTable, label string, col int) etfTCell {
		t.Helper()
		for _, r := range tb.Rows {
			if r.Label == label {
				return r.Cells[col]
			}
		}
		t.Fatalf("%s: no row %q", tb.ID, label)
		return etfTCell{}
	}
	if cl := cell(ret, enStrings["etf.fact.holdings"], 2); cl.Value != 2009 || !strings.Contains(cl.Sub, "2025-06-30") {
		t.Errorf("VTWO holdings count %+v, want 2009 as of 2025-06-30", cl)
	}
	if cl := cell(ret, enStrings["etf.fact.turnover"], 2); cl.Value != 12.5 {
		t.Errorf("VTWO turnover %+v, want 12.5", cl)
	}
	if cl := cell(ret, enStrings["etf.fact.expense"], 2); cl.Text != "not in the data" || cl.csv() != "" {
		t.Errorf("VTWO expense ratio %+v, want \"not in the data\" (empty in the CSV)", cl)
	}
	if cl := cell(ret, enStrings["etf.fact.holdings"], 0); cl.Text != "not in the data" {
		t.Errorf("IWM holdings count %+v, want \"not in the data\"", cl)
	}
	// VTWG's prices start 2020-01: no 3-year return to 2021-06, and why.
	if cl := cell(ret, langEN.tf("etf.trailing.y", 3), 1); cl.Text != missingText || !strings.Contains(cl.Sub, "starts 2020-01") {
		t.Errorf("VTWG 3-year %+v, want — with the price file's start", cl)
	}
	if cl := cell(ret, langEN.tf("etf.trailing.y", 1), 1); cl.Sub != "" || math.IsNaN(cl.Value) {
		t.Errorf("VTWG 1-year %+v, want a return without a note", cl)
	}
	hold := etfHoldingsTable(langEN, c, etfProfiles(nil, c), cur.AsOf)
	cl := cell(hold, enStrings["etf.hold.vsissuer"], 2)
	want := formatCount(c.Funds[2].Hold.Stats.Holdings) + " · 2,009"
	if cl.Text != want || !strings.Contains(cl.Sub, cur.AsOf) || !strings.Contains(cl.Sub, "2025-06-30") {
		t.Errorf("VTWO vs issuer %+v, want %q with both dates", cl, want)
	}
	if cl := cell(hold, enStrings["etf.hold.vsissuer"], 0); cl.Text != "not in the data" {
		t.Errorf("IWM vs issuer %+v: no published count", cl)
	}
	if cl := cell(hold, enStrings["etf.hold.basis"], 2); !strings.Contains(cl.Text, "IWM") {
		t.Errorf("VTWO basis %+v, want IWM's holdings", cl)
	}
}
