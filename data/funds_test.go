package data

import (
	"math"
	"strings"
	"testing"

	"screener/data/schema"
	"screener/engine"
)

// The fund facts: null stays unknown (nil), never 0; a malformed file is
// an error naming it; a missing one is an error too.
func TestFundFacts(t *testing.T) {
	fs, err := parseFundFacts("funds.json", []byte(`{"description": "x", "funds": [
	 {"ticker": "IWM", "issuer": "iShares", "expense_ratio_pct": 0.19, "net_assets_usd": 67110458608.0, "holdings_count": null},
	 {"ticker": "VTWO", "turnover_pct": 12.5}]}`))
	if err != nil || len(fs) != 2 {
		t.Fatalf("%d funds, err %v", len(fs), err)
	}
	if f := fs[0]; *f.ExpenseRatioPct != 0.19 || *f.NetAssetsUSD != 67110458608 || f.HoldingsCount != nil || f.Name != nil || *factsSource(f.Issuer) != "iShares product list 2025-10-31" {
		t.Errorf("IWM facts %+v", f)
	}
	if f := fs[1]; *f.TurnoverPct != 12.5 || f.ExpenseRatioPct != nil || factsSource(f.Issuer) != nil {
		t.Errorf("VTWO facts %+v", f)
	}
	if _, err := parseFundFacts("raw/funds.json", []byte(`{"funds": {}}`)); err == nil || !strings.Contains(err.Error(), "raw/funds.json") {
		t.Errorf("malformed facts: err %v", err)
	}
	if _, err := loadFundFacts(t.TempDir()); err == nil {
		t.Error("missing facts file: no error")
	}
}

// Every fund with facts (in their order, repeats dropped), then every
// other fund price file (sorted); a fund without prices says why.
func TestFundList(t *testing.T) {
	s := &series{ticker: "IWM", days: []Day{mustDay("2024-01-31")}, close: []float64{1}}
	prices := &Prices{byKey: map[string]*series{"IWM": s, "SPY": s, "IJR": s, "AAA": s}}
	list := fundList([]fundFacts{{Ticker: "VTWO"}, {Ticker: "IWM"}, {Ticker: "vtwo"}}, prices)
	var got []string
	for _, f := range list {
		got = append(got, f.Ticker)
	}
	if strings.Join(got, " ") != "VTWO IWM IJR SPY" {
		t.Errorf("funds %v: want the facts' order, then IJR and SPY sorted, never the company AAA", got)
	}
	if n := fundNote(fundFacts{Ticker: "VTWO"}, nil); n == nil || !strings.Contains(*n, "IWM's prices stand in") {
		t.Errorf("VTWO note %v", n)
	}
	// With its own price file (prices/VTWO.csv), VTWO needs no stand-in.
	if n := fundNote(fundFacts{Ticker: "VTWO"}, s); n != nil {
		t.Errorf("VTWO with its own prices got the note %q", *n)
	}
	if n := fundNote(fundFacts{Ticker: "XYZ"}, nil); n == nil || *n != "No price file for this fund." {
		t.Errorf("note of a fund without prices: %v", n)
	}
	if n := fundNote(fundFacts{Ticker: "IWM"}, s); n != nil {
		t.Errorf("a priced fund without a note got %q", *n)
	}
}

// Monthly closes: the last close of each month, a month without trading
// missing (never bridged), the last entry the last close.
func TestMonthlyCloses(t *testing.T) {
	s := &series{days: []Day{mustDay("2024-01-05"), mustDay("2024-01-31"), mustDay("2024-03-15")}, close: []float64{1, 2, 3}}
	first, m := monthlyCloses(s)
	if first != "2024-01" || len(m) != 3 || m[0] != 2 || !math.IsNaN(m[1]) || m[2] != 3 {
		t.Errorf("first %s monthly %v, want 2024-01 [2 NaN 3]", first, m)
	}
	if first, m := monthlyCloses(nil); first != "" || m != nil {
		t.Error("no series: no months")
	}
}

// The funds body decodes with the engine: the facts, the monthly series,
// and the last price date as the body's date.
func TestFundsBody(t *testing.T) {
	dir := writeFiles(t, map[string]string{"funds.json": `{"funds": [{"ticker": "IWM", "name": "iShares Russell 2000 ETF", "expense_ratio_pct": 0.19}]}`})
	s := &series{ticker: "IWM", days: []Day{mustDay("2024-01-31"), mustDay("2024-02-29")}, close: []float64{100, 104.5}}
	body, asof, err := buildFunds(dir, &Prices{byKey: map[string]*series{"IWM": s}})
	if err != nil || asof != mustDay("2024-02-29") {
		t.Fatalf("asof %v err %v", asof, err)
	}
	fs, err := engine.DecodeFunds(schema.Envelope(body))
	if err != nil {
		t.Fatal(err)
	}
	f, ok := fs.Lookup("IWM")
	if !ok || f.Name != "iShares Russell 2000 ETF" || f.ExpenseRatioPct != 0.19 || !math.IsNaN(f.NetAssetsUSD) || len(f.Monthly) != 2 || f.Monthly[1] != 104.5 || fs.AsOf != "2024-02-29" {
		t.Errorf("decoded %+v, asof %s", f, fs.AsOf)
	}
	if _, _, err := buildFunds(t.TempDir(), &Prices{byKey: map[string]*series{"IWM": s}}); err == nil || !strings.Contains(err.Error(), "fund facts") {
		t.Errorf("missing facts file: err %v", err)
	}
}
