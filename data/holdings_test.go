package data

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeFiles writes name -> content under a fresh directory, creating
// subdirectories, and returns it: a hand-made DATA_DIR for one test.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// A holdings file is a JSON array of rows; only stock rows are equities:
// not cash or futures (no GICS sector), not rights, warrants or CVRs
// (but CVR Partners and CVRx are companies), not a row without ticker.
// A missing weight is missing, not 0.
func TestHoldingsJSON(t *testing.T) {
	hs, err := parseHoldings("holdings/IWM.json", []byte(`[
	 {"ticker": "AAA", "name": "AAA CORP", "sector": "Industrials", "country": "United States", "weight": 2.2},
	 {"ticker": "XTSLA", "name": "BLK CSH FND TREASURY SL AGENCY", "sector": "Cash and/or Derivatives", "weight": 0.5},
	 {"ticker": "ZZZ", "name": "ZZZ PHARMA CVR", "sector": "Health Care", "weight": 0.0},
	 {"ticker": "CVI", "name": "CVR PARTNERS LP", "sector": "Energy", "weight": 0.1},
	 {"ticker": "CVRX", "name": "CVRX INC", "sector": "Health Care", "weight": null},
	 {"ticker": "WTW", "name": "ACME CORP WARRANTS", "sector": "Industrials", "weight": 0.01},
	 {"ticker": " ", "name": "NO TICKER CORP", "sector": "Energy", "weight": 0.1},
	 {"ticker": "-", "name": "FFF FOODS INC", "sector": "Consumer Staples", "weight": 0.3}
	]`))
	if err != nil || len(hs) != 8 {
		t.Fatalf("%d rows, err %v", len(hs), err)
	}
	want := map[string]bool{"AAA": true, "XTSLA": false, "ZZZ": false, "CVI": true, "CVRX": true, "WTW": false, " ": false, "-": true}
	for _, h := range hs {
		if got := isEquity(h); got != want[h.Ticker] {
			t.Errorf("isEquity(%q %q) = %v", h.Ticker, h.Name, got)
		}
	}
	if w := weightOf(hs[0]); w != 2.2 {
		t.Errorf("AAA weight %v", w)
	}
	if w := weightOf(hs[4]); !math.IsNaN(w) {
		t.Errorf("null weight read as %v, want missing", w)
	}
	if _, err := parseHoldings("holdings/IJR.json", []byte(`{"not": "an array"}`)); err == nil || !strings.Contains(err.Error(), "holdings/IJR.json") {
		t.Errorf("malformed holdings: err %v, want one naming the file", err)
	}
}

// Sectors, countries and names come from every holdings file there is, the
// first file in otherHoldingFunds order winning; non-equities say nothing.
func TestHoldingsInfo(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"holdings/IWM.json": `[{"ticker": "AAA", "name": "AAA CORP", "sector": "Industrials", "country": "United States", "weight": 1}]`,
		"holdings/VB.json": `[{"ticker": "AAA", "name": "AAA OTHER", "sector": "Energy", "country": "Canada", "weight": 1},
			{"ticker": "GGG", "name": "GGG LTD", "sector": "Materials", "country": "Canada", "weight": 1},
			{"ticker": "USD", "name": "US DOLLAR", "sector": "Cash and/or Derivatives", "weight": 1}]`,
	})
	info, read := loadHoldingsInfo(dir)
	if strings.Join(read, ",") != "IWM,VB" {
		t.Errorf("files read %v, want IWM,VB (the others are absent)", read)
	}
	if got := info["AAA"]; got != (holdingsInfo{sector: "Industrials", country: "United States", name: "AAA CORP"}) {
		t.Errorf("AAA %+v: the IWM file must win", got)
	}
	if got := info["GGG"]; got.country != "Canada" || got.sector != "Materials" {
		t.Errorf("GGG %+v", got)
	}
	if _, ok := info["USD"]; ok {
		t.Error("a cash row gave holdings info")
	}
}

// The second IWM file: shares held = Market Value / Price, with the
// thousands separators of its quoted numbers; rows without both are skipped.
func TestIWMDecemberCSV(t *testing.T) {
	d := parseIWMDecember([]byte("Ticker,Name,Sector,Weight (%),Market Value,Price\r\n" +
		`AAA,AAA CORP,Industrials,2.2,"88,085,600.00",42.76` + "\r\n" +
		`BRK.B,BERKSHIRE CLASS B,Financials,0.1,"1,000.00",0.00` + "\n" +
		`CCC,CCC BANCORP,Financials,0.5,"2,000,000.00"` + "\n" +
		`DDD,DDD CORP,Financials,0.5,"500.50",10.01` + "\n"))
	if got := d.held["AAA"]; math.Abs(got-88085600/42.76) > 1e-6 || d.price["AAA"] != 42.76 {
		t.Errorf("AAA held %v price %v", got, d.price["AAA"])
	}
	if _, ok := d.held["BRKB"]; ok {
		t.Error("a zero price gave shares held")
	}
	if _, ok := d.held["CCC"]; ok {
		t.Error("a row with a missing field was read")
	}
	if got := d.held["DDD"]; math.Abs(got-50) > 1e-9 {
		t.Errorf("DDD held %v, want 50", got)
	}
	if bad := parseIWMDecember([]byte("Ticker,Shares\nAAA,5\n")); len(bad.held) != 0 {
		t.Error("a file without Market Value and Price was read")
	}
	if none := loadIWMDecember(t.TempDir()); len(none.held) != 0 {
		t.Error("no file must mean no evidence")
	}
}

// Duplicate stock rows are merged with their weights summed (whichever lot
// comes first), impossible weights are dropped, and each case is counted;
// cash rows and stock rows without a ticker pass through.
func TestValidateHoldings(t *testing.T) {
	w := func(v float64) *float64 { return &v }
	hs := []holding{
		{Ticker: "JXN", Name: "JACKSON FINANCIAL", Sector: "Financials", Weight: w(0)},
		{Ticker: "AAA", Name: "A CORP", Sector: "Industrials", Weight: w(0.5)},
		{Ticker: "jxn ", Name: "JACKSON FINANCIAL", Sector: "Financials", Weight: w(0.17)},
		{Ticker: "NEG", Name: "NEG CORP", Sector: "Energy", Weight: w(-0.2)},
		{Ticker: "BIG", Name: "BIG CORP", Sector: "Energy", Weight: w(150)},
		{Ticker: "USD", Name: "USD CASH", Sector: "Cash and/or Derivatives", Weight: w(-1.5)},
		{Ticker: "-", Name: "NO TICKER INC", Sector: "Energy", Weight: w(0.1)},
		{Ticker: "-", Name: "OTHER NO TICKER INC", Sector: "Energy", Weight: w(0.1)},
		{Ticker: "AAA", Name: "A CORP", Sector: "Industrials"},
	}
	out, c := validateHoldings("IJR", hs)
	want := HoldingsCheck{Fund: "IJR", Rows: 9, Equities: 6, Duplicates: 2, Negative: 1, Over100: 1}
	got := c
	got.WeightSum = 0
	if got != want {
		t.Errorf("check %+v, want %+v", got, want)
	}
	if math.Abs(c.WeightSum-(0.17+0.5+0.2)) > 1e-9 {
		t.Errorf("weight sum %v, want 0.87", c.WeightSum)
	}
	weights := map[string]float64{}
	for _, h := range out {
		weights[h.Ticker+"/"+h.Name] = weightOf(h)
	}
	if weights["JXN/JACKSON FINANCIAL"] != 0.17 || weights["AAA/A CORP"] != 0.5 {
		t.Errorf("merged weights %v", weights)
	}
	if !math.IsNaN(weights["NEG/NEG CORP"]) || !math.IsNaN(weights["BIG/BIG CORP"]) {
		t.Errorf("impossible weights kept: %v", weights)
	}
	if len(out) != 7 {
		t.Errorf("%d rows out, want 7 (two duplicates merged)", len(out))
	}
	if !strings.Contains(c.String(), "2 duplicate tickers merged") {
		t.Errorf("report line %q", c)
	}
}
