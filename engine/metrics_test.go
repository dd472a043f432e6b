package engine

import (
	"math"
	"testing"
)

var nanV = math.NaN()

func closeOrBothNaN(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	if a == b { // also ±Inf
		return true
	}
	return math.Abs(a-b) <= 1e-12*math.Max(1, math.Abs(b))
}

// TestMetricFormulas checks every metric function on hand-computed inputs,
// including missing inputs and non-positive denominators.
func TestMetricFormulas(t *testing.T) {
	cases := []struct {
		name      string
		got, want float64
	}{
		{"op margin", OperatingMarginTTM(100, 1000), 0.1},
		{"op margin loss", OperatingMarginTTM(-50, 500), -0.1},
		{"op margin rev 0", OperatingMarginTTM(10, 0), nanV},
		{"op margin rev <0", OperatingMarginTTM(10, -5), nanV},
		{"op margin missing", OperatingMarginTTM(nanV, 100), nanV},
		{"op margin change", OperatingMarginChangeYoY(100, 1000, 72, 900), 0.1 - 0.08},
		{"op margin change rev_p 0", OperatingMarginChangeYoY(100, 1000, 72, 0), nanV},
		{"op margin change missing", OperatingMarginChangeYoY(100, 1000, nanV, 900), nanV},
		{"gross prof", GrossProfitToAssets(400, 2000), 0.2},
		{"gross prof assets 0", GrossProfitToAssets(400, 0), nanV},
		{"gross prof missing gp", GrossProfitToAssets(nanV, 2000), nanV},
		{"fcf/assets", FCFOverAssets(80, 2000), 0.04},
		{"fcf/assets negative fcf", FCFOverAssets(-25, 500), -0.05},
		{"fcf/assets assets<0", FCFOverAssets(80, -1), nanV},
		{"fcf margin", FCFOverRevenue(80, 1000), 0.08},
		{"fcf margin rev 0", FCFOverRevenue(80, 0), nanV},
		{"fcf change", FCFChangeOverAssets(80, 50, 2000), 0.015},
		{"fcf change fcf_p missing", FCFChangeOverAssets(80, nanV, 2000), nanV},
		{"fcf change assets 0", FCFChangeOverAssets(80, 50, 0), nanV},
		{"debt/assets", DebtOverAssets(500, 2000), 0.25},
		{"debt/assets no debt", DebtOverAssets(0, 2000), 0},
		{"debt/assets assets 0", DebtOverAssets(500, 0), nanV},
		{"net debt/ebitda", NetDebtOverEBITDA(500, 100, 100, 50), 400.0 / 150},
		{"net debt/ebitda net cash", NetDebtOverEBITDA(100, 400, 80, 30), -300.0 / 110},
		{"net debt/ebitda ebitda 0", NetDebtOverEBITDA(100, 0, -30, 30), nanV},
		{"net debt/ebitda ebitda <0", NetDebtOverEBITDA(10, 300, -50, 20), nanV},
		{"net debt/ebitda zero debt, ebitda <0", NetDebtOverEBITDA(0, 300, -50, 20), math.Inf(-1)},
		{"net debt/ebitda zero debt, no cash", NetDebtOverEBITDA(0, 0, 90, 10), math.Inf(-1)},
		{"net debt/ebitda debt missing", NetDebtOverEBITDA(nanV, 200, 90, 10), nanV},
		{"net debt/ebitda da missing", NetDebtOverEBITDA(300, 200, 90, nanV), nanV},
		{"interest coverage", EBITOverInterest(100, 10, 500), 10},
		{"interest coverage loss", EBITOverInterest(-50, 10, 500), -5},
		{"interest coverage zero interest", EBITOverInterest(100, 0, 500), math.Inf(1)},
		{"interest coverage interest income", EBITOverInterest(100, -5, 500), math.Inf(1)},
		{"interest coverage zero interest, loss", EBITOverInterest(-100, 0, 0), nanV},
		{"interest coverage blank interest, zero debt", EBITOverInterest(100, nanV, 0), math.Inf(1)},
		{"interest coverage blank interest, debt", EBITOverInterest(100, nanV, 300), nanV},
		{"interest coverage blank interest, debt unknown", EBITOverInterest(100, nanV, nanV), nanV},
		{"roe", ReturnOnEquity(60, 800, 700), 60.0 / 750},
		{"roe avg>0 though equity_p<0", ReturnOnEquity(-60, 400, -50), -60.0 / 175},
		{"roe equity<=0", ReturnOnEquity(5, -100, 50), nanV},
		{"roe equity 0", ReturnOnEquity(5, 0, 50), nanV},
		{"roe avg<=0", ReturnOnEquity(5, 10, -30), nanV},
		{"roe equity_p missing", ReturnOnEquity(5, 10, nanV), nanV},
		{"roic", ReturnOnInvestedCapital(100, 500, 800, 100), 100 * 0.79 / 1200},
		{"roic ic<=0", ReturnOnInvestedCapital(100, 0, 100, 300), nanV},
		{"roic cash missing", ReturnOnInvestedCapital(100, 0, 100, nanV), nanV},
		{"e/p", EarningsOverPrice(60, 1000), 0.06},
		{"e/p loss", EarningsOverPrice(-60, 200), -0.3},
		{"e/p mcap missing", EarningsOverPrice(60, nanV), nanV},
		{"ebit/ev", EBITOverEV(100, 1000, 500, 100), 100.0 / 1400},
		{"ebit/ev ev<0", EBITOverEV(-50, 200, 0, 300), nanV},
		{"fcf/ev", FCFOverEV(80, 1000, 500, 100), 80.0 / 1400},
		{"fcf/ev ev 0", FCFOverEV(80, 100, 0, 100), nanV},
		{"b/p", BookOverPrice(800, 1000), 0.8},
		{"b/p negative book", BookOverPrice(-100, 1000), -0.1},
		{"b/p mcap 0", BookOverPrice(800, 0), nanV},
		{"trend", PositiveRatio(1.05), 1.05},
		{"trend 0", PositiveRatio(0), nanV},
		{"trend inf", PositiveRatio(math.Inf(1)), nanV},
		{"ratio overflow", OperatingMarginTTM(1e308, 1e-308), nanV},
	}
	for _, c := range cases {
		if !closeOrBothNaN(c.got, c.want) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

// TestComputeMetricsFixture checks every metric of every fixture row
// against values worked out by hand from testdata/current_small.json.
func TestComputeMetricsFixture(t *testing.T) {
	s := loadSnapFixture(t)
	m := ComputeMetrics(s)
	want := map[string][NumMetrics]float64{
		// AAA: rev 1000 gp 400 opinc 100 da 50 int 10 ni 60 fcf 80; *_p rev 900 opinc 72 fcf 50;
		// assets 2000 equity 800/700 debt 500 cash 100; mcap 1000.
		"AAA": {0.1, 0.02, 0.2, 0.04, 0.08, 0.015, 0.25, 400.0 / 150, 10, 60.0 / 750, 79.0 / 1200,
			0.06, 100.0 / 1400, 80.0 / 1400, 0.8, 0.25, 0.1, 1.05},
		// BBB.B: loss maker with no debt, so the best net debt/EBITDA;
		// rev_p 0, fcf_p null, int 0 (no coverage for a loss), EBITDA -30, EV -100.
		"BBB.B": {-0.1, nanV, 100.0 / 600, -25.0 / 600, -0.05, nanV, 0, math.Inf(-1), nanV, -60.0 / 175, -50 * 0.79 / 100,
			-0.3, nanV, nanV, 2, nanV, nanV, 0.9},
		// CCC: bank; gp and da null.
		"CCC": {0.3, 0.3 - 80.0/280, nanV, 145.0 / 5000, 145.0 / 300, 45.0 / 5000, 300.0 / 5000, nanV, 0.75, 70.0 / 490, 90 * 0.79 / 600,
			0.1, 90.0 / 800, 145.0 / 800, 500.0 / 700, -0.1, 0.02, 0.97},
		// DDD: rev null, assets 0, equity -100, mcap null; int -5 (net
		// interest income) with EBIT 20: the best coverage.
		"DDD": {nanV, nanV, nanV, nanV, nanV, nanV, nanV, 350.0 / 30, math.Inf(1), nanV, 20 * 0.79 / 250,
			nanV, nanV, nanV, nanV, 0.05, -0.03, 1.01},
		// EEE: net cash (debt 100, cash 400) with positive EBITDA 110.
		"EEE": {0.1, 0.1 - 0.1, 600.0 / 1600, 80.0 / 1600, 0.1, 10.0 / 1600, 100.0 / 1600, -300.0 / 110, 10, 60.0 / 875, 80 * 0.79 / 600,
			0.06, 80.0 / 700, 80.0 / 700, 0.9, 0.25, 0.12, 1.1},
	}
	for tk, w := range want {
		i, ok := s.Lookup(tk)
		if !ok {
			t.Fatalf("no %s", tk)
		}
		for k := Metric(0); k < NumMetrics; k++ {
			if got := m.Value[k][i]; !closeOrBothNaN(got, w[k]) {
				t.Errorf("%s %s = %v, want %v", tk, k.Key(), got, w[k])
			}
		}
	}
}

func TestMetricTables(t *testing.T) {
	counts := [NumFactors]int{3, 3, 3, 2, 4, 3}
	total := 0
	for f := Factor(0); f < NumFactors; f++ {
		ms := FactorMetrics(f)
		if len(ms) != counts[f] {
			t.Errorf("%s has %d metrics, want %d", f.Key(), len(ms), counts[f])
		}
		for _, m := range ms {
			if m.Factor() != f {
				t.Errorf("%s.Factor() = %v", m.Key(), m.Factor())
			}
		}
		total += len(ms)
	}
	if total != NumMetrics {
		t.Errorf("%d metrics in factors, want %d", total, NumMetrics)
	}
	seen := map[string]bool{}
	s := loadSnapFixture(t)
	for m := Metric(0); m < NumMetrics; m++ {
		k := m.Key()
		if k == "" || seen[k] {
			t.Errorf("metric %d key %q empty or repeated", m, k)
		}
		seen[k] = true
		if p, ok := ParseMetric(k); !ok || p != m {
			t.Errorf("ParseMetric(%q)", k)
		}
		for _, col := range m.Inputs() {
			if _, ok := s.Float(col); !ok {
				t.Errorf("%s input %q is not a column", k, col)
			}
		}
		if want := m != DebtToAssets && m != NetDebtToEBITDA; m.HigherIsBetter() != want {
			t.Errorf("%s HigherIsBetter = %v", k, !want)
		}
	}
	if Metric(-1).Key() != "" || Metric(NumMetrics).Inputs() != nil || FactorMetrics(NumFactors) != nil {
		t.Error("out-of-range metric/factor must be empty")
	}
	if ColumnBlock("opinc_p") != BlockIncome || ColumnBlock("fcf") != BlockCashFlow || ColumnBlock("equity_p") != BlockBalance || ColumnBlock("mcap") != BlockMarket {
		t.Error("ColumnBlock")
	}
}
